"""Page furniture: running heads and footers ("PAGE 14", the document title) repeated on many pages."""

from __future__ import annotations

import dataclasses
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from typing import Sequence

from ..readers.model import Document, Page
from ..settings import DEFAULT_SETTINGS, ExtractSettings
from .text import Line, page_lines

_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(r"^(page\s*)?\d+(\s*(of|/)\s*\d+)?$", re.I)


@dataclass
class Furniture:
    """Per page: the y below the running heads and the y above the footers."""

    body_top: dict[int, float]
    body_bottom: dict[int, float]


# A page number stands in the page's margins: within this share of its height from the top or foot.
PAGE_NUMBER_MARGIN = 0.15


def page_number_line(line: Line, page: Page) -> bool:
    """Is the line a page number in the page's top or foot margin ("Page 3 of 28", "14")? It is
    furniture on any page, repeated or not."""
    margin = PAGE_NUMBER_MARGIN * page.height
    return bool(_PAGE_NUMBER.match(line.text.strip())) and (line.bottom < margin or line.top > page.height - margin)


def _key(line: Line) -> str:
    return _DIGITS.sub("#", line.text.lower()).strip()


def find_furniture(
    pages: Sequence[Page],
    lines_by_page: dict[int, list[Line]] | None = None,
    protected: dict[int, list[tuple[float, float]]] | None = None,
    settings: ExtractSettings = DEFAULT_SETTINGS,
) -> Furniture:
    """Running heads and footers. Lines inside a `protected` band (a table header repeated at the top
    of every page) are content, not furniture."""
    lines_by_page = lines_by_page or {p.number: page_lines(p, settings) for p in pages}
    zone_lines = {p.number: _zone_lines(p, lines_by_page[p.number], (protected or {}).get(p.number, []), settings)
                  for p in pages}
    # How many pages print each line (digits ignored): a line counts once per page.
    counts: Counter[str] = Counter(k for zl in zone_lines.values() for k in {_key(ln) for ln, _ in zl})
    need = max(2, settings.repeat_share * len(pages))
    top: dict[int, float] = {}
    bottom: dict[int, float] = {}
    for p in pages:
        top[p.number] = 0.0
        bottom[p.number] = p.height
        for ln, zone in zone_lines[p.number]:
            if counts[_key(ln)] >= need or _PAGE_NUMBER.match(ln.text.strip()):
                if zone == "head":
                    top[p.number] = max(top[p.number], ln.bottom + 0.5)
                else:
                    bottom[p.number] = min(bottom[p.number], ln.top - 0.5)
    return Furniture(top, bottom)


def _zone_lines(
    page: Page, lines: Sequence[Line], bands: Sequence[tuple[float, float]], settings: ExtractSettings
) -> list[tuple[Line, str]]:
    """The page's lines in its head or foot zone, outside the protected bands, with their zone."""
    out = []
    for ln in lines:
        if any(top - 0.5 <= ln.top and ln.bottom <= bottom + 0.5 for top, bottom in bands):
            continue
        if ln.bottom <= page.height * settings.head_zone:
            out.append((ln, "head"))
        elif ln.top >= page.height * (1 - settings.foot_zone):
            out.append((ln, "foot"))
    return out


def without_watermarks(doc: Document, settings: ExtractSettings = DEFAULT_SETTINGS) -> Document:
    """The document with outsized letters drawn across its pages ("DRAFT", "COPY") left out: a watermark
    is no cell text, and its letters would block the white gutters between columns. A word counts as one
    when it is many times the size of the page's ordinary text."""
    pages = []
    for page in doc.pages:
        if not page.words:
            pages.append(page)
            continue
        usual = statistics.median(w.size for w in page.words)
        kept = [w for w in page.words if w.size < settings.watermark_size * usual]
        pages.append(page if len(kept) == len(page.words) else dataclasses.replace(page, words=kept))
    return dataclasses.replace(doc, pages=pages)
