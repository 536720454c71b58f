"""PDF file -> pages of words, ruling lines and filled rectangles: the only code that opens PDFs.

Two readers fill the same page model (pipeline.readers.model): pypdfium2 (`pdfium`, the default, many
times faster) and pdfplumber (`pdfplumber`, the reference it is held to by tests/test_readers.py).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

from ..errors import NoTextLayerError, NotAPdfError, PlanpipeError
from ..settings import DEFAULT_SETTINGS, ExtractSettings
from .model import Document, Fill, Page, Rule, Word
from .upright import upright

__all__ = ["READERS", "Document", "Fill", "Page", "Rule", "Word", "iter_text_pages", "open_pdf"]


def _check_header(path: Path) -> None:
    if not path.exists():
        raise PlanpipeError("file not found; check the path", path=str(path))
    if path.is_dir():
        raise PlanpipeError("is a directory, not a PDF file", path=str(path))
    size = path.stat().st_size
    if size == 0:
        raise NotAPdfError("the file is empty (0 bytes); download it again", path=str(path))
    with path.open("rb") as fh:
        head = fh.read(1024)
    if b"%PDF-" not in head:
        raise NotAPdfError(
            "not a PDF (no %PDF- header); check that you downloaded the document, not a web page",
            path=str(path),
        )


READERS = ("pdfium", "pdfplumber")


def open_pdf(path: str | os.PathLike, password: str | None = None, reader: str = "pdfium",
             settings: ExtractSettings = DEFAULT_SETTINGS) -> Document:
    """Read every page of `path` into the Page model. Raises a PlanpipeError subclass on bad input.

    `reader` picks the library: "pdfium" (pypdfium2, the default: fast) or "pdfplumber" (pdfminer, the
    reference). Both give the same words, rules and fills (tests/test_readers.py holds them to it).
    `settings` holds the readers' tolerances (words, ruling lines, fills).
    """
    if reader not in READERS:
        raise ValueError(f"unknown reader {reader!r}; use one of {', '.join(READERS)}")
    p = Path(path)
    _check_header(p)
    if reader == "pdfium":
        from .pdfium import read_document
    else:
        from .plumber import read_document
    pages, metadata = read_document(p, password, settings)
    pages = [upright(pg) for pg in pages]
    if not pages:
        raise NotAPdfError("the PDF has no pages", path=str(p))
    if not any(pg.words for pg in pages):
        hint = (
            " its pages are images (a scan): run OCR first, e.g. `ocrmypdf in.pdf out.pdf`, then extract out.pdf"
            if any(pg.has_images for pg in pages)
            else ""
        )
        raise NoTextLayerError("the PDF has no text layer;" + (hint or " nothing to extract"), path=str(p))
    return Document(path=str(p), pages=pages, metadata={k: str(v) for k, v in metadata.items()}, password=password)


def iter_text_pages(doc: Document) -> Iterator[Page]:
    return (pg for pg in doc.pages if pg.words)
