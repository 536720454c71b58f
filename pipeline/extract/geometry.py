"""The default strategy: action tables from page geometry (words, rules, fills) read by pdfplumber.

Per page: drop the furniture, find header rows by their headings, take each table's body down to the
next header, heading banner or footer, and build its rows. A page with no header continues the table
of the page before when its text sits in that table's columns (headers printed once per table).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from ..readers.model import Document
from .furniture import find_furniture
from .grid import PageTable, build_table, columns_from_header, straddle_ratio
from .headers import find_headers
from .text import Line, page_lines, split_chunks, tidy

# A headerless page continues the previous table only if at most this share of its words cross
# that table's column boundaries.
CONTINUATION_MAX_STRADDLE = 0.04

# Section headings above (or across) a table: "Priority 1 – Improving Quality", "Theme 2: ...".
BANNER = re.compile(
    r"^(?P<kind>priority|theme|section|part|strand|workstream|work stream|improvement area|area)\s*"
    r"(?P<ref>\d+(?:\.\d+)*)\s*[:.\-\u2013\u2014]?\s*(?P<title>.*)$",
    re.I,
)
KEY_AREA = re.compile(r"^key\s+area\s*(?P<ref>\d+(?:\.\d+)*)?\s*[:.\-\u2013\u2014]\s*(?P<title>.+)$", re.I)
# Headings that end the action tables (appendices, annexes).
STOPPER = re.compile(r"^(appendix|annex|annexe|glossary)\b", re.I)


@dataclass
class Banner:
    kind: str  # "theme" or "key_area"
    ref: str | None
    title: str


def parse_banner(text: str) -> Banner | None:
    text = tidy(text)
    m = KEY_AREA.match(text)
    if m:
        return Banner("key_area", m.group("ref"), m.group("title").strip())
    m = BANNER.match(text)
    if m and m.group("title").strip():
        return Banner("theme", m.group("ref"), m.group("title").strip())
    return None


@dataclass
class PageTables:
    """What one page holds: its tables, and the banners printed on it (in reading order)."""

    page: int
    tables: list[PageTable]
    # (y, Banner) in page order, including those above tables; used to label rows.
    banners: list[tuple[float, Banner]]
    stopped: bool = False  # an appendix/annex heading ends the action tables here


def _banners(lines: Sequence[Line]) -> list[tuple[float, Banner]]:
    """Heading lines: one chunk of text, set bold or larger than the page's body text."""
    out = []
    body_size = None
    for ln in lines:
        b = parse_banner(ln.text)  # cheapest test first: most lines are not worded like a banner
        if b is None or len(split_chunks(ln)) != 1:
            continue
        if body_size is None:
            sizes = sorted(w.size for l2 in lines for w in l2.words)
            body_size = sizes[len(sizes) // 2]
        if all(w.bold for w in ln.words) or ln.size >= 1.15 * body_size:
            out.append((ln.top, b))
    return out


def _below_header(header, w) -> bool:
    return w.ymid > header.bottom


def find_tables(doc: Document, progress=None) -> list[PageTables]:
    """Every action table of the document, page by page."""
    lines_by_page = {p.number: page_lines(p) for p in doc.pages}
    # A header repeated at the top of every page looks like a running head: find headers first.
    all_headers = {p.number: find_headers(p, lines_by_page[p.number]) for p in doc.pages}
    bands = {n: [(h.top, h.bottom) for h in hs] for n, hs in all_headers.items()}
    furniture = find_furniture(doc.pages, lines_by_page, bands)
    result: list[PageTables] = []
    previous: PageTable | None = None
    for p in doc.pages:
        if progress:
            progress(p.number, len(doc.pages))
        top, bottom = furniture.body_top[p.number], furniture.body_bottom[p.number]
        headers = [h for h in all_headers[p.number] if h.bottom < bottom]
        if headers:
            top = min(top, headers[0].top - 0.5)
        lines = [ln for ln in lines_by_page[p.number] if ln.top >= top - 0.5 and ln.bottom <= bottom + 0.5]
        banners = _banners(lines)
        banner_tops = {round(y, 2) for y, _ in banners}
        # Banner and section-row text is a label for the rows below it, never cell text.
        words = [w for ln in lines if round(ln.top, 2) not in banner_tops for w in ln.words]
        stoppers = [ln.top for ln in lines if STOPPER.match(ln.text.strip())]
        tables: list[PageTable] = []
        first_header = min((h.top for h in headers), default=bottom)
        # Banners above the page's first header open a new table; those below it are section rows
        # inside a table, which label rows but do not end the table.
        leading_banners = [y for y, _ in banners if y < first_header] if headers else []
        # A banner below a header ends that table when a new header follows it on the page, or when
        # running prose (an "aim" line across the columns) follows it; otherwise it is a section row.
        closing_banners = []
        for y, _ in banners:
            above = [h for h in headers if h.bottom < y]
            if not above:
                continue
            if any(h.top > y for h in headers):
                closing_banners.append(y)
                continue
            after = [ln for ln in lines if ln.top > y + 0.5 and round(ln.top, 2) not in banner_tops][:2]
            body = [w for w in words if _below_header(above[-1], w)]
            cols, _ = columns_from_header(p, above[-1], body)
            if after and straddle_ratio([w for ln in after for w in ln.words], cols) > CONTINUATION_MAX_STRADDLE:
                closing_banners.append(y)
        limits = sorted([h.top for h in headers] + stoppers + closing_banners + [bottom])

        def limit_after(y: float) -> float:
            return min((v for v in limits if v > y + 0.5), default=bottom)

        first_item = min([h.top for h in headers] + leading_banners + stoppers, default=bottom)
        # A page without a header of its own may continue the previous page's table.
        if previous is not None and not any(s <= first_item for s in stoppers):
            region_bottom = first_item
            body = [w for w in words if w.ymid < region_bottom]
            if body and straddle_ratio(body, previous.columns) <= CONTINUATION_MAX_STRADDLE:
                action_col = previous.column("action")
                if action_col is None or any(action_col.holds(w) for w in body):
                    t = build_table(p, None, previous.columns, body, top, region_bottom)
                    if t.rows:
                        tables.append(t)
        for h in headers:
            tb = limit_after(h.bottom)
            body = [w for w in words if h.bottom < w.ymid < tb]
            columns, _ = columns_from_header(p, h, body)
            t = build_table(p, h, columns, body, h.bottom, tb)
            tables.append(t)
        stopped = bool(stoppers)
        # The last table runs on to the next page unless an appendix heading ended the tables.
        previous = tables[-1] if tables and not stopped else None
        result.append(PageTables(p.number, tables, banners, stopped))
    return result
