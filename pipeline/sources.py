"""The publication registry: one TOML file per publication under sources/."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

from .errors import ChecksumMismatchError, SourceError

REQUIRED = ("id", "council", "title", "phase", "published", "url", "file", "sha256")


@dataclass(frozen=True)
class Source:
    id: str
    council: str
    title: str
    phase: int
    published: date
    url: str
    file: Path
    sha256: str
    path: Path  # the TOML file itself
    reconstruction: bool = False
    note: str = ""
    password: str | None = None
    pairs_with: str | None = None  # id of the previous version, for `planpipe diff`
    overrides: dict = field(default_factory=dict)


OVERRIDE_KEYS = ("pages", "headers", "columns")


def parse_pages(spec, where: str) -> list[int]:
    """'4-33', '4,6,8-10' or a TOML list of page numbers -> sorted 1-based page numbers."""
    pages: set[int] = set()
    items = spec if isinstance(spec, list) else str(spec).split(",")
    for item in items:
        text = str(item).strip()
        try:
            if "-" in text:
                a, b = (int(x) for x in text.split("-", 1))
                if a < 1 or b < a:
                    raise ValueError
                pages.update(range(a, b + 1))
            else:
                n = int(text)
                if n < 1:
                    raise ValueError
                pages.add(n)
        except ValueError:
            raise SourceError(f"overrides.pages: {text!r} is not a page or range like 4-33", path=where) from None
    if not pages:
        raise SourceError("overrides.pages is empty", path=where)
    return sorted(pages)


def validate_overrides(raw: dict, where: str) -> dict:
    """Check a registry entry's [overrides] table; return it normalised.

    pages: which pages hold the action tables; headers: field -> extra heading wordings;
    columns: exact heading -> field (or "ignore"), for headings that defeat the synonyms.
    """
    from .extract.headers import synonyms

    unknown = sorted(set(raw) - set(OVERRIDE_KEYS))
    if unknown:
        raise SourceError(f"unknown override(s) {', '.join(unknown)}; allowed: {', '.join(OVERRIDE_KEYS)}", path=where)
    fields = sorted({f for f in synonyms().values() if not f.startswith("ignore:")})
    out: dict = {}
    if "pages" in raw:
        out["pages"] = parse_pages(raw["pages"], where)
    headings: dict[str, str] = {}
    for fld, words in (raw.get("headers") or {}).items():
        if fld not in fields:
            raise SourceError(f"overrides.headers: unknown field {fld!r}; fields are {', '.join(fields)}", path=where)
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
            raise SourceError(f"overrides.headers.{fld} must be a list of heading wordings", path=where)
        headings.update({w: fld for w in words})
    for heading, fld in (raw.get("columns") or {}).items():
        if fld != "ignore" and fld not in fields:
            raise SourceError(
                f"overrides.columns: {heading!r} maps to unknown field {fld!r}; use one of {', '.join(fields)} or \"ignore\"",
                path=where,
            )
        headings[heading] = "ignore:column" if fld == "ignore" else fld
    if headings:
        out["headings"] = headings
    return out


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def load_source(path: str | Path, root: Path | None = None) -> Source:
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SourceError("registry entry not found", path=str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise SourceError(f"not valid TOML ({exc})", path=str(path)) from None
    missing = [k for k in REQUIRED if k not in data]
    if missing:
        raise SourceError(f"missing field(s) {', '.join(missing)}; see README 'Adding a publication'", path=str(path))
    root = root or path.resolve().parent.parent
    published = data["published"]
    if not isinstance(published, date):
        raise SourceError("'published' must be a TOML date like 2022-09-30", path=str(path))
    return Source(
        id=str(data["id"]),
        council=str(data["council"]),
        title=str(data["title"]),
        phase=int(data["phase"]),
        published=published,
        url=str(data["url"]),
        file=(root / data["file"]).resolve(),
        sha256=str(data["sha256"]).lower(),
        path=path,
        reconstruction=bool(data.get("reconstruction", False)),
        note=str(data.get("note", "")),
        password=data.get("password"),
        pairs_with=data.get("pairs_with"),
        overrides=validate_overrides(dict(data.get("overrides", {})), str(path)),
    )


def verify(source: Source) -> None:
    """Check the local file exists and has the registered sha256."""
    if not source.file.exists():
        raise SourceError(f"the registered file {source.file} does not exist", path=str(source.path))
    actual = sha256_file(source.file)
    if actual != source.sha256:
        raise ChecksumMismatchError(
            f"sha256 mismatch: registry says {source.sha256}, file has {actual}; "
            "a new version of a publication is a new file with its own registry entry",
            path=str(source.file),
        )


def load_all(folder: str | Path = "sources") -> list[Source]:
    return [load_source(p) for p in sorted(Path(folder).glob("*.toml"))]
