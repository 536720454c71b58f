"""Tables that map inspection findings (Ofsted improvement measures) to the plan's refs.

Plans end with appendices like "Appendix A: Sefton's Improvement Notice", a two-column table
"Ofsted Improvement Measures | Objective & Actions that seek to address measure:". Each row becomes
(appendix, source, measure, refs). Headings are matched through the `measure_tables` synonyms in
schemas/headers.json; rows come from the same grid code as action tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Sequence

from ..readers.model import Document, Page
from ..settings import DEFAULT_SETTINGS, ExtractSettings
from .furniture import find_furniture
from .grid import PageTable, build_table, columns_from_header
from .headers import Header, cells_for_band, header_bands, normalise_heading, synonyms
from .text import Line, page_lines, paragraphs_text, tidy

APPENDIX = re.compile(r"^(?:appendix|annex|annexe)\s+(?P<id>[A-Z0-9]+)\b\s*[:.\-\u2013]?\s*(?P<title>.*)$", re.I)
REF = re.compile(r"\d+(?:\.\d+)+|\d+(?=\s*(?:,|$))")


@dataclass
class MeasureRow:
    appendix: str | None
    source: str | None
    measure: str
    refs: list[str]
    refs_raw: str
    page: int
    subheading: str | None = None


@dataclass
class _Context:
    appendix: str | None = None
    source: str | None = None
    source_lines: list[str] = field(default_factory=list)


def parse_refs(text: str) -> list[str]:
    """Refs in a cell as printed: '1.2.1. 3.2.2' -> ['1.2.1', '3.2.2']; separators may be commas,
    spaces, stray marks or full stops."""
    return REF.findall(text)


def find_measures(
    doc: Document, lines_by_page: dict | None = None, settings: ExtractSettings = DEFAULT_SETTINGS
) -> list[MeasureRow]:
    lines_by_page = lines_by_page or {p.number: page_lines(p, settings) for p in doc.pages}
    furniture = find_furniture(doc.pages, lines_by_page, settings=settings)
    ctx = _Context()
    out: list[MeasureRow] = []
    for page in doc.pages:
        bottom = furniture.body_bottom[page.number]
        lines = [ln for ln in lines_by_page[page.number] if ln.bottom <= bottom + 0.5]
        ctx = _page_measures(page, lines, bottom, ctx, out, settings)
    return out


def _page_measures(
    page: Page, lines: Sequence[Line], bottom: float, ctx: _Context, out: list[MeasureRow], settings: ExtractSettings
) -> _Context:
    """Read one page's appendix headings and measure tables into `out`; the context carries over."""
    i = 0
    while i < len(lines):
        ln = lines[i]
        m = APPENDIX.match(tidy(ln.text))
        if m:
            ctx = _Context(appendix=m.group("id"), source=tidy(m.group("title")) or None)
            i += 1
            continue
        header = _header_at(page, lines, i, settings)
        if header is None:
            if ctx.appendix and not ctx.source:
                ctx.source_lines.append(tidy(ln.text))
            i += 1
            continue
        h, j = header
        if ctx.appendix and not ctx.source and ctx.source_lines:
            ctx.source = " ".join(ctx.source_lines)
        end = _table_end(lines[j + 1 :], bottom)
        words = [w for l2 in lines if h.bottom < l2.top and l2.bottom <= end + 0.5 for w in l2.words]
        columns, _ = columns_from_header(page, h, words, settings)
        out.extend(_measure_rows(build_table(page, h, columns, words, h.bottom, end, settings), ctx, page.number))
        i = next((k for k, l2 in enumerate(lines) if l2.top > end), len(lines))
    return ctx


def _table_end(later: Sequence[Line], bottom: float) -> float:
    """A measures table runs to the next appendix heading or the foot of the page."""
    for ln in later:
        if APPENDIX.match(tidy(ln.text)):
            return ln.top - 0.5
    return bottom


def _measure_rows(table: PageTable, ctx: _Context, page: int) -> list[MeasureRow]:
    out = []
    subheading = None
    for row in table.rows:
        measure = " ".join(paragraphs_text(row.cells.get("measure", [])))
        refs_raw = " ".join(paragraphs_text(row.cells.get("refs", [])))
        if not refs_raw and measure:
            # A row with no refs is an in-table sub-heading ("What needs to improve ...").
            subheading = measure
            continue
        if measure:
            out.append(MeasureRow(ctx.appendix, ctx.source, measure, parse_refs(refs_raw), refs_raw, page, subheading))
    return out


@lru_cache(maxsize=None)
def _vocabulary() -> frozenset[str]:
    return frozenset(w for phrase in synonyms("measure_tables") for w in phrase.split())


def _header_at(page: Page, lines: Sequence[Line], i: int, settings: ExtractSettings) -> tuple[Header, int] | None:
    vocab = _vocabulary()
    # Only a line made mostly of heading words can open a header band.
    known = sum(1 for w in lines[i].words if normalise_heading(w.text) in vocab)
    if known < settings.heading_word_share * len(lines[i].words):
        return None
    best = None
    for j, band in header_bands(lines, i, settings.max_header_lines):
        cells = cells_for_band(page, band, (), "measure_tables", settings)
        fields = [c.field for c in cells]
        if "measure" in fields and "refs" in fields and None not in fields:
            best = (Header(cells=cells, top=min(c.top for c in cells), bottom=max(c.bottom for c in cells)), j)
    return best
