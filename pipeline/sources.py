"""The publication registry: one TOML file per publication under sources/."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef, unused-ignore]

from .errors import ChecksumMismatchError, SourceError

REQUIRED = ("id", "council", "title", "phase", "published", "url", "file", "sha256")
# A registry id names output files and sources/<id>.toml: lower-case letters, digits, dot, dash and
# underscore, not starting with a dot or dash, so it can never climb out of a folder ("../x", "/etc/x").
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9._-]*")
SHA256_PATTERN = re.compile(r"[0-9a-f]{64}")
# Types of the entry's fields (TOML types), checked before any is used.
FIELD_TYPES: dict[str, tuple[type, ...]] = {
    "id": (str,), "council": (str,), "title": (str,), "phase": (int,), "published": (date,), "url": (str,),
    "file": (str,), "sha256": (str,), "reconstruction": (bool,), "note": (str,), "password": (str,),
    "pairs_with": (str,), "overrides": (dict,),
}
# Highest page number an entry may name: the Parquet page columns are int16. Checked before a range
# is expanded, so "1-999999999" is refused at once instead of filling memory with page numbers.
MAX_PAGE = 32767


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
    if not isinstance(spec, (list, str, int)) or isinstance(spec, bool):
        raise SourceError(f"overrides.pages must be a string like \"4-33\" or a list of pages, not {type(spec).__name__}",
                          path=where)
    items = spec if isinstance(spec, list) else str(spec).split(",")
    for item in items:
        text = str(item).strip()
        try:
            if "-" in text:
                a, b = (int(x) for x in text.split("-", 1))
                if a < 1 or b < a:
                    raise ValueError
                if b > MAX_PAGE:
                    raise SourceError(f"overrides.pages: {text!r} goes past page {MAX_PAGE}, more than any PDF "
                                      "planpipe reads; give the pages of the action tables", path=where)
                pages.update(range(a, b + 1))
            else:
                n = int(text)
                if n < 1 or n > MAX_PAGE:
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

    _check_override_keys(raw, where)
    fields = sorted({f for f in synonyms().values() if not f.startswith("ignore:")})
    out: dict = {}
    if "pages" in raw:
        out["pages"] = parse_pages(raw["pages"], where)
    headings = {**_header_overrides(raw.get("headers") or {}, fields, where),
                **_column_overrides(raw.get("columns") or {}, fields, where)}
    if headings:
        out["headings"] = headings
    return out


def _check_override_keys(raw: dict, where: str) -> None:
    for key in ("headers", "columns"):
        if key in raw and not isinstance(raw[key], dict):
            raise SourceError(f"overrides.{key} must be a table (field = [...]), not {type(raw[key]).__name__}", path=where)
    unknown = sorted(set(raw) - set(OVERRIDE_KEYS))
    if unknown:
        raise SourceError(f"unknown override(s) {', '.join(unknown)}; allowed: {', '.join(OVERRIDE_KEYS)}", path=where)


def _header_overrides(headers: dict, fields: list[str], where: str) -> dict[str, str]:
    """overrides.headers (field -> [wordings]) as wording -> field."""
    headings: dict[str, str] = {}
    for fld, words in headers.items():
        if fld not in fields:
            raise SourceError(f"overrides.headers: unknown field {fld!r}; fields are {', '.join(fields)}", path=where)
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
            raise SourceError(f"overrides.headers.{fld} must be a list of heading wordings", path=where)
        headings.update({w: fld for w in words})
    return headings


def _column_overrides(columns: dict, fields: list[str], where: str) -> dict[str, str]:
    """overrides.columns (exact heading -> field or "ignore") as heading -> field or "ignore:column"."""
    headings: dict[str, str] = {}
    for heading, fld in columns.items():
        if not isinstance(fld, str) or (fld != "ignore" and fld not in fields):
            raise SourceError(
                f"overrides.columns: {heading!r} maps to unknown field {fld!r}; use one of {', '.join(fields)} or \"ignore\"",
                path=where,
            )
        headings[heading] = "ignore:column" if fld == "ignore" else fld
    return headings


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
    check_entry(data, str(path))
    root = root or path.resolve().parent.parent
    published = data["published"]
    return Source(
        id=str(data["id"]),
        council=str(data["council"]),
        title=str(data["title"]),
        phase=data["phase"],
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


_TYPE_NAMES = {str: "a string", int: "an integer", bool: "true or false", dict: "a table", list: "a list",
               float: "a number", date: "a date"}


def _type_name(cls: type) -> str:
    return _TYPE_NAMES.get(cls, cls.__name__)


def check_entry(data: dict, where: str) -> None:
    """A registry entry against its schema: required fields, TOML types, the id and sha256 patterns.
    Raises SourceError naming the field and the fix; nothing of the entry is used before this passes."""
    missing = [k for k in REQUIRED if k not in data]
    if missing:
        raise SourceError(f"missing field(s) {', '.join(missing)}; see README 'Adding a publication'", path=where)
    for key, types in FIELD_TYPES.items():
        value = data.get(key)
        if key in data and (not isinstance(value, types) or (isinstance(value, bool) and bool not in types)):
            want = "a TOML date like 2022-09-30" if key == "published" else _type_name(types[0])
            raise SourceError(f"'{key}' must be {want}, not {_type_name(type(value))} ({value!r:.40})", path=where)
    for key in ("id", "pairs_with"):
        if key in data and not ID_PATTERN.fullmatch(data[key]):
            raise SourceError(f"'{key}' {data[key]!r:.60} is not an id: use lower-case letters, digits, '.', '-' "
                              "and '_', starting with a letter or digit (it names output files)", path=where)
    if not SHA256_PATTERN.fullmatch(data["sha256"].lower()):
        raise SourceError("'sha256' must be 64 hexadecimal digits (`sha256sum FILE`)", path=where)
    if data["phase"] < 0:
        raise SourceError("'phase' must be 0 or more", path=where)


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
