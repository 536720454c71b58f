"""Page furniture: running heads and footers ("PAGE 14", the document title) repeated on many pages."""

from __future__ import annotations

import dataclasses
import re
import statistics
from collections import defaultdict
from dataclasses import dataclass
from typing import Callable, Sequence

from ..readers.model import Document, Page
from ..settings import DEFAULT_SETTINGS, ExtractSettings
from .text import RUN_ON_GAP, Line, page_lines

_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?(\d+)(?:\s*(?:of|/)\s*(\d+))?$", re.I)


def _page_number(text: str) -> bool:
    """Does the text read as a page number ("14", "Page 3 of 28", "3/28")? A page is never numbered past
    the count: "2022/23" is a year. A bare number that reads as a year ("2022", a date's cell run on over
    the page) numbers no page: no plan runs to two thousand pages."""
    m = _PAGE_NUMBER.match(text.strip())
    if m is None:
        return False
    if m[2] is None and m[1] == text.strip() and YEARS[0] <= int(m[1]) <= YEARS[1]:
        return False
    return m[2] is None or int(m[1]) <= int(m[2])


# Bare numbers read as years, never as page numbers.
YEARS = (1900, 2100)


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
    # Where the line stands is cheaper to test than what it says: that first.
    return (line.bottom < margin or line.top > page.height - margin) and _page_number(line.text)


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
    # Where each line (digits ignored) is printed: per page, its distance from the page's edge.
    placed: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for p in pages:
        for ln, zone in zone_lines[p.number]:
            placed[_key(ln)].append((p.number, _from_edge(ln, zone, p)))
    need = max(2, settings.repeat_share * len(pages))
    top: dict[int, float] = {}
    bottom: dict[int, float] = {}
    for p in pages:
        lines = lines_by_page[p.number]
        running = _running(p, lines, zone_lines[p.number], placed, need)
        top[p.number] = _body_edge(sorted(lines, key=lambda ln: ln.top), {i for i, z in running if z == "head"},
                                   0.0, lambda ln: ln.bottom + 0.5, max)
        bottom[p.number] = _body_edge(sorted(lines, key=lambda ln: -ln.bottom), {i for i, z in running if z == "foot"},
                                      p.height, lambda ln: ln.top - 0.5, min)
    return Furniture(top, bottom)


def _running(page: Page, lines: Sequence[Line], zoned: Sequence[tuple[Line, str]],
             placed: dict[str, list[tuple[int, float]]], need: float) -> set[tuple[int, str]]:
    """The page's running lines (ids, with their zone): printed alike on `need` pages or more, or a page
    number. A number on the next line of a cell ("Front Door, Summer" / "2022") is the cell's, not a page
    number; under a running line ("Southdale Council" / "3") it is the footer's."""
    repeated = {id(ln) for ln, zone in zoned
                if _pages_alike(placed[_key(ln)], _from_edge(ln, zone, page)) >= need and not _cell_line(ln, lines)
                and not _in_column_of_cells(ln, page)}
    body = [ln for ln in lines if id(ln) not in repeated]
    return {(id(ln), zone) for ln, zone in zoned
            if id(ln) in repeated or (_page_number(ln.text) and not _cell_line(ln, body))}


def _in_column_of_cells(line: Line, page: Page) -> bool:
    """Is the line set in a filled cell that meets another filled cell above or below it, as wide (a column
    of status colours cut by the page's foot, its "B" at two pages' feet alike)? A footer's band stands
    alone."""
    def holds(f) -> bool:
        return f.x0 - 1 <= line.x0 and line.x1 <= f.x1 + 1 and f.top - 1 <= line.top and line.bottom <= f.bottom + 1

    def meets(f, g) -> bool:
        return (abs(g.bottom - f.top) <= 1 or abs(g.top - f.bottom) <= 1) and abs(g.x0 - f.x0) <= 1 and abs(g.x1 - f.x1) <= 1

    return any(holds(f) and any(g is not f and meets(f, g) for g in page.fills) for f in page.fills)


def _body_edge(outward_in: Sequence[Line], running: set[int], edge: float, past: Callable[[Line], float],
               inner: Callable[[float, float], float]) -> float:
    """Where the body starts (or ends), walking in from the page's edge (`outward_in`: the page's lines
    from that edge) over its running heads (or footers: `running`, ids). Furniture stands between the
    body and the edge: a line printed alike on other pages with body text between it and the running
    line nearer the edge is a cell's text that happened to fall there (a note repeated down the rows),
    not furniture. A line of one page's own beyond every running line (a note under the footer) parts
    nothing."""
    first = next((k for k, ln in enumerate(outward_in) if id(ln) in running), None)
    if first is None:
        return edge
    for ln in outward_in[first:]:
        if id(ln) not in running:
            break
        edge = inner(edge, past(ln))
    return edge


# How far (pt) a running head or footer may stand from where it stands on other pages.
SAME_PLACE = 2.0


def _from_edge(line: Line, zone: str, page: Page) -> float:
    """The line's distance from the page edge its zone lies on (footers keep to the foot whatever the
    page's height)."""
    return line.top if zone == "head" else page.height - line.bottom


def _pages_alike(places: Sequence[tuple[int, float]], at: float) -> int:
    """How many pages print the line at the same distance from their edge: a running head or footer
    keeps its place; a cell's text repeated down the rows (a level restated in every row) falls where
    its rows do."""
    return len({n for n, y in places if abs(y - at) <= SAME_PLACE})


# Points a cell's next line may start off the start of the line above.
FLUSH = 1.0


def _cell_line(line: Line, lines: Sequence[Line]) -> bool:
    """Is the line the next line of a cell in a row of several, set at a paragraph's leading under a line
    that reaches beyond it ("Director Social Care and" / "Health, 30/09/2022")? A running head or footer
    stands apart from the body; an officer and a date that end two rows at two pages' edges alike go on
    their rows' cells."""
    above = [a for a in lines if a.bottom <= line.top + 0.5 and a is not line]
    if not above:
        return False
    a = max(above, key=lambda a: a.bottom)
    if line.top - a.bottom > RUN_ON_GAP * (line.bottom - line.top):
        return False
    over = any(w.x0 < v.x1 and w.x1 > v.x0 for w in a.words for v in line.words)
    beyond = any(w.x0 > line.x1 or w.x1 < line.x0 for w in a.words)
    # Or flush under a word of it, the cell's other cells ended higher ("September" / "2022" alone at
    # the row's foot): a footer under a line of the body stands apart, or under a running line of its own.
    flush = any(abs(w.x0 - line.x0) <= FLUSH and w.x1 > line.x0 for w in a.words)
    return over and (beyond or flush)


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
