"""`planpipe add PDF|URL`: register a publication without writing TOML or computing a hash by hand.

Copies (or downloads) the PDF to data/raw/<id>.pdf, reads its page count, title and date (metadata,
else its first page), and writes sources/<id>.toml with the sha256 and the URL. `make extract` then
extracts it like any other publication. Raw inputs are write-once: an id whose file differs is refused.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .errors import PlanpipeError, SourceError
from .parquet import atomic_write_bytes
from .sources import load_source, sha256_file

# Words that say what kind of body a council is, left out of its id ("Sefton Council" -> "sefton").
COUNCIL_WORDS = {"council", "borough", "metropolitan", "county", "city", "district", "of", "the", "and", "royal"}


@dataclass(frozen=True)
class Added:
    id: str
    toml: Path
    file: Path
    sha256: str
    pages: int
    title: str
    published: date
    notes: list[str]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def make_id(council: str, phase: int | None, published: date) -> str:
    words = [w for w in slug(council).split("-") if w and w not in COUNCIL_WORDS] or [slug(council) or "plan"]
    return "-".join(words) + (f"-phase{phase}" if phase else "") + f"-{published.year}"


def _toml_str(value: str) -> str:
    # A JSON string is a valid TOML basic string (same escapes), and keeps the text as printed.
    return json.dumps(value, ensure_ascii=False)


def toml_text(fields: dict, comment: str) -> str:
    lines = [f"# {comment}"]
    for key, value in fields.items():
        if value is None:
            continue
        if isinstance(value, date):
            lines.append(f"{key} = {value.isoformat()}")
        elif isinstance(value, bool):
            lines.append(f"{key} = {'true' if value else 'false'}")
        elif isinstance(value, int):
            lines.append(f"{key} = {value}")
        else:
            lines.append(f"{key} = {_toml_str(str(value))}")
    return "\n".join(lines) + "\n"


def _is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def _obtain(what: str, folder: Path, **fetch_kwargs) -> tuple[Path, bool]:
    """(local PDF, is a temporary download) for a path or a URL."""
    if _is_url(what):
        from .fetch import download

        tmp = Path(tempfile.mkdtemp(prefix=".add-", dir=folder)) / "download.pdf"
        download(what, tmp, **fetch_kwargs)
        return tmp, True
    p = Path(what)
    if not p.is_file():
        raise PlanpipeError("file not found; give a PDF file or an http(s) URL", path=what)
    return p, False


def _place(local: Path, target: Path, sha: str) -> None:
    """Copy `local` to `target` (write-once: an existing target must be the same file)."""
    if target.exists():
        if sha256_file(target) != sha:
            raise SourceError(f"{target} already exists with different content; raw inputs are write-once: "
                              "give this version its own id with --id", path=str(target))
        return
    if local.resolve() != target.resolve():
        atomic_write_bytes(target, lambda tmp: shutil.copyfile(local, tmp))


def add(what: str, *, council: str | None = None, phase: int | None = None, pub_id: str | None = None,
        title: str | None = None, published: date | None = None, url: str | None = None,
        registry: str | Path = "sources", password: str | None = None, **fetch_kwargs) -> Added:
    """Register the PDF at `what` (a path or an http(s) URL); see the module docstring."""
    from .readers import _check_header
    from .readers.info import pdf_info

    registry = Path(registry)
    root = registry.resolve().parent
    raw_dir = root / "data" / "raw"
    raw_dir.mkdir(parents=True, exist_ok=True)
    local, temporary = _obtain(what, raw_dir, **fetch_kwargs)
    try:
        _check_header(local)
        info = pdf_info(local, password)
        notes = []
        title = title or info.title
        if not title:
            raise PlanpipeError("no title in the PDF's metadata or on its first page; give --title", path=what)
        published = published or info.published
        if published is None:
            raise PlanpipeError("no date in the PDF's metadata or on its first page; give --published YYYY-MM-DD",
                                path=what)
        if council is None:
            raise PlanpipeError("give the council with --council \"Name Council\" (it names the publication's id)",
                                path=what)
        notes.append(f"title from {info.title_from or 'the command line'}; date from {info.date_from or 'the command line'}")
        phase = phase or 1
        pub_id = pub_id or make_id(council, phase, published)
        if not re.fullmatch(r"[a-z0-9][a-z0-9._-]*", pub_id):
            raise PlanpipeError(f"id {pub_id!r} must be lower-case letters, digits, '.', '_' or '-'", path=what)
        sha = sha256_file(local)
        toml_path = registry / f"{pub_id}.toml"
        if toml_path.exists() and load_source(toml_path).sha256 != sha:
            raise SourceError("a registry entry with this id names another file; give --id", path=str(toml_path))
        target = raw_dir / f"{pub_id}.pdf"
        _place(local, target, sha)
    finally:
        if temporary:
            shutil.rmtree(local.parent, ignore_errors=True)
    source_url = url or (what if _is_url(what) else "")
    fields = {"id": pub_id, "council": council, "title": title, "phase": phase, "published": published,
              "url": source_url, "file": f"data/raw/{pub_id}.pdf", "sha256": sha, "pages": info.pages,
              "password": password}
    text = toml_text(fields, f"Registered by `planpipe add` ({notes[0]}). Check the title and date against the document.")
    atomic_write_bytes(toml_path, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
    load_source(toml_path)  # what we wrote must load
    return Added(pub_id, toml_path, target, sha, info.pages, title, published, notes)
