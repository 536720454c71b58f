"""Tables that map inspection findings (Ofsted improvement measures) to the plan's refs.

Plans end with appendices like "Appendix A: Sefton's Improvement Notice", a two-column table
"Ofsted Improvement Measures | Objective & Actions that seek to address measure:". Each row becomes
(appendix, source, measure, refs). Headings are matched through the `measure_tables` synonyms in
schemas/headers.json; rows come from the same grid code as action tables.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field

from ..readers.model import Document
from .furniture import find_furniture
from .grid import build_table, columns_from_header
from .headers import HEADING_WORD_SHARE, MAX_HEADER_LINES, Header, cells_for_band, normalise_heading, synonyms
from .text import page_lines, paragraphs_text, tidy

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


def find_measures(doc: Document, lines_by_page: dict | None = None) -> list[MeasureRow]:
    lines_by_page = lines_by_page or {p.number: page_lines(p) for p in doc.pages}
    furniture = find_furniture(doc.pages, lines_by_page)
    ctx = _Context()
    out: list[MeasureRow] = []
    for page in doc.pages:
        bottom = furniture.body_bottom[page.number]
        lines = [ln for ln in lines_by_page[page.number] if ln.bottom <= bottom + 0.5]
        i = 0
        while i < len(lines):
            ln = lines[i]
            m = APPENDIX.match(tidy(ln.text))
            if m:
                ctx = _Context(appendix=m.group("id"), source=tidy(m.group("title")) or None)
                i += 1
                continue
            header = _header_at(page, lines, i)
            if header is None:
                if ctx.appendix and not ctx.source:
                    ctx.source_lines.append(tidy(ln.text))
                i += 1
                continue
            h, j = header
            if ctx.appendix and not ctx.source and ctx.source_lines:
                ctx.source = " ".join(ctx.source_lines)
            # The table runs to the next appendix heading or the foot of the page.
            end = bottom
            for later in lines[j + 1 :]:
                if APPENDIX.match(tidy(later.text)):
                    end = later.top - 0.5
                    break
            words = [w for l2 in lines if h.bottom < l2.top and l2.bottom <= end + 0.5 for w in l2.words]
            columns, _ = columns_from_header(page, h, words)
            table = build_table(page, h, columns, words, h.bottom, end)
            subheading = None
            for row in table.rows:
                measure = " ".join(paragraphs_text(row.cells.get("measure", [])))
                refs_raw = " ".join(paragraphs_text(row.cells.get("refs", [])))
                if not refs_raw and measure:
                    # A row with no refs is an in-table sub-heading ("What needs to improve ...").
                    subheading = measure
                    continue
                if not measure:
                    continue
                out.append(MeasureRow(ctx.appendix, ctx.source, measure, parse_refs(refs_raw), refs_raw, page.number, subheading))
            i = next((k for k, l2 in enumerate(lines) if l2.top > end), len(lines))
    return out


@lru_cache(maxsize=None)
def _vocabulary() -> frozenset[str]:
    return frozenset(w for phrase in synonyms("measure_tables") for w in phrase.split())


def _header_at(page, lines, i) -> tuple[Header, int] | None:
    vocab = _vocabulary()
    # Only a line made mostly of heading words can open a header band.
    known = sum(1 for w in lines[i].words if normalise_heading(w.text) in vocab)
    if known < HEADING_WORD_SHARE * len(lines[i].words):
        return None
    best = None
    band = []
    for j in range(i, min(i + MAX_HEADER_LINES, len(lines))):
        if band and lines[j].top - band[-1].bottom > 1.2 * lines[j].size:
            break
        band.append(lines[j])
        cells = cells_for_band(page, band, (), "measure_tables")
        fields = [c.field for c in cells]
        if "measure" in fields and "refs" in fields and None not in fields:
            best = (Header(cells=cells, top=min(c.top for c in cells), bottom=max(c.bottom for c in cells)), j)
    return best
