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
        overrides=dict(data.get("overrides", {})),
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
