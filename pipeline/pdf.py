"""The only place that opens PDFs: PDF file -> pages of words, ruling lines and filled rectangles.

Everything after this module works on the plain `Page` model below. Two readers fill it: pypdfium2
(pipeline/pdfium_reader.py, the default, 60-100x faster at reading text) and pdfplumber (below, the
reference it is held to by tests/test_readers.py). Coordinates are PDF points from the page's top-left
corner.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from .normalise.rag import hex_colour
from .errors import EncryptedPdfError, NoTextLayerError, NotAPdfError, PlanpipeError

# A filled rectangle thinner than this is a ruling line (Word and LibreOffice draw borders this way).
RULE_MAX_THICKNESS = 2.5
# A filled rectangle must be at least this big in both directions to count as a cell fill.
FILL_MIN_SIDE = 3.0


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool = False

    @property
    def xmid(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def ymid(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(frozen=True, slots=True)
class Rule:
    """A horizontal or vertical ruling segment."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return (self.x1 - self.x0) >= (self.bottom - self.top)

    @property
    def y(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def x(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True, slots=True)
class Fill:
    x0: float
    top: float
    x1: float
    bottom: float
    colour: str  # '#rrggbb'


@dataclass
class Page:
    number: int  # 1-based
    width: float
    height: float
    words: list[Word] = field(default_factory=list)
    hrules: list[Rule] = field(default_factory=list)
    vrules: list[Rule] = field(default_factory=list)
    fills: list[Fill] = field(default_factory=list)
    has_images: bool = False

    @property
    def landscape(self) -> bool:
        return self.width > self.height


@dataclass
class Document:
    path: str
    pages: list[Page]
    metadata: dict
    password: str | None = None


# Pages larger than this (in points, either side) are refused: 200 inches is far beyond any real page.
MAX_PAGE_SIDE = 14400.0


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


def is_bold(fontname: str) -> bool:
    """A bold face, by its name ("ABCDEF+Arial-BoldMT")."""
    name = fontname.split("+")[-1].lower()
    return any(k in name for k in ("bold", "black", "heavy", "semibold", "demi"))


def check_page_size(width: float, height: float, number: int) -> None:
    if width > MAX_PAGE_SIDE or height > MAX_PAGE_SIDE or width <= 0 or height <= 0:
        raise PlanpipeError(
            f"absurd page size {width:.0f} x {height:.0f} pt; the page box is damaged or this is not a "
            "document page: re-download the PDF or re-export it from its source application",
            page=number,
        )


def add_rect(hrules: list[Rule], vrules: list[Rule], fills: list[Fill], box, *, filled: bool, stroked: bool, colour) -> None:
    """Sort one drawn rectangle, the same way for every reader: a thin one is a ruling line, a filled
    one big enough is a cell fill (`colour()` gives its '#rrggbb', read only then), and a stroked one's
    sides are ruling lines (cell borders drawn as boxes)."""
    x0, top, x1, bottom = box
    w, h = x1 - x0, bottom - top
    if h <= RULE_MAX_THICKNESS and w > h:
        hrules.append(Rule(x0, top, x1, bottom))
        return
    if w <= RULE_MAX_THICKNESS and h > w:
        vrules.append(Rule(x0, top, x1, bottom))
        return
    if filled and w >= FILL_MIN_SIDE and h >= FILL_MIN_SIDE:
        fill_colour = colour()
        if fill_colour:
            fills.append(Fill(x0, top, x1, bottom, fill_colour))
    if stroked:
        hrules.append(Rule(x0, top, x1, top))
        hrules.append(Rule(x0, bottom, x1, bottom))
        vrules.append(Rule(x0, top, x0, bottom))
        vrules.append(Rule(x1, top, x1, bottom))


def page_or_error(read, number: int, path) -> Page:
    """Read one page; whatever goes wrong becomes an error naming the file and the page."""
    try:
        return read()
    except PlanpipeError as exc:
        raise type(exc)(exc.message, path=str(path), page=exc.page or number) from None
    except Exception as exc:
        raise NotAPdfError(f"damaged page content ({type(exc).__name__}: {exc})", path=str(path), page=number) from None


def _page_from_plumber(pp, number: int) -> Page:
    width, height = float(pp.width), float(pp.height)
    check_page_size(width, height, number)
    raw_words = pp.extract_words(
        keep_blank_chars=False, use_text_flow=False, extra_attrs=["size", "fontname"], x_tolerance=1.5
    )
    words = [
        Word(
            w["text"], float(w["x0"]), float(w["top"]), float(w["x1"]), float(w["bottom"]), float(w["size"]),
            is_bold(w.get("fontname", "")),
        )
        for w in raw_words
        if w["text"].strip()
    ]
    hrules: list[Rule] = []
    vrules: list[Rule] = []
    fills: list[Fill] = []
    for ln in pp.lines:
        rule = Rule(float(ln["x0"]), float(ln["top"]), float(ln["x1"]), float(ln["bottom"]))
        (hrules if rule.horizontal else vrules).append(rule)
    for rc in pp.rects:
        add_rect(
            hrules, vrules, fills,
            (float(rc["x0"]), float(rc["top"]), float(rc["x1"]), float(rc["bottom"])),
            filled=bool(rc.get("fill")),
            stroked=bool(rc.get("stroke")),
            colour=lambda rc=rc: hex_colour(rc.get("non_stroking_color")),
        )
    return Page(
        number=number,
        width=width,
        height=height,
        words=words,
        hrules=hrules,
        vrules=vrules,
        fills=fills,
        has_images=bool(pp.images),
    )


READERS = ("pdfium", "pdfplumber")


def open_pdf(path: str | os.PathLike, password: str | None = None, reader: str = "pdfium") -> Document:
    """Read every page of `path` into the Page model. Raises a PlanpipeError subclass on bad input.

    `reader` picks the library: "pdfium" (pypdfium2, the default: fast) or "pdfplumber" (pdfminer, the
    reference). Both give the same words, rules and fills (tests/test_readers.py holds them to it).
    """
    if reader not in READERS:
        raise ValueError(f"unknown reader {reader!r}; use one of {', '.join(READERS)}")
    p = Path(path)
    _check_header(p)
    if reader == "pdfium":
        from .pdfium_reader import read_document

        pages, metadata = read_document(p, password)
    else:
        pages, metadata = _read_with_plumber(p, password)
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


def _read_with_plumber(p: Path, password: str | None) -> tuple[list[Page], dict]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        pdf = pdfplumber.open(p, password=password or "")
    except Exception as exc:  # pdfminer raises many kinds on damaged files
        # pdfplumber wraps pdfminer's errors (PdfminerException(PDFPasswordIncorrect(...))).
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
        if isinstance(cause, PDFPasswordIncorrect) or "password" in str(cause).lower():
            if password:
                raise EncryptedPdfError(
                    "the password given does not open this encrypted PDF; check it with the publisher",
                    path=str(p),
                ) from None
            raise EncryptedPdfError("the PDF is encrypted; pass its password with --password", path=str(p)) from None
        if isinstance(cause, PDFSyntaxError):
            raise NotAPdfError(f"damaged PDF ({cause}); try re-downloading it", path=str(p)) from None
        raise NotAPdfError(
            f"cannot be read as a PDF ({type(cause).__name__}: {cause}); try re-downloading it", path=str(p)
        ) from None
    pages: list[Page] = []
    try:
        metadata = dict(pdf.metadata or {})
        for i, pp in enumerate(pdf.pages, start=1):
            try:
                pages.append(page_or_error(lambda: _page_from_plumber(pp, i), i, p))
            finally:
                pp.flush_cache()
    except PlanpipeError:
        raise
    except Exception as exc:
        raise NotAPdfError(f"cannot be read as a PDF ({type(exc).__name__}: {exc})", path=str(p)) from None
    finally:
        # pdfplumber's close() reads the page list again, which fails again on a damaged file and
        # would replace the error above: close the stream whatever close() does.
        try:
            pdf.close()
        except Exception:
            pdf.stream.close()
    return pages, metadata


def iter_text_pages(doc: Document) -> Iterator[Page]:
    return (pg for pg in doc.pages if pg.words)
