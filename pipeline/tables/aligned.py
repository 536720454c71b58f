"""Unruled tables: words -> lines -> chunks -> table regions -> column gutters -> rows -> cells.

Pure functions in the order they run. A text line is cut into chunks where its words are far apart
(`split_chunks`). A run of lines where most lines have two or more chunks is a candidate table region.
Its columns are split at gutters: x-ranges that no chunk of the region's multi-chunk lines crosses
(a few spanning headings may), and that at least `settings.gutter_support` lines show as a gap between two
chunks. Every line starts a row, except a continuation line: a line with nothing in the first column
(the rest of a wrapped cell), or whose first-column text carries on the label above.
"""

from __future__ import annotations

import math
import re
import statistics
from dataclasses import dataclass
from typing import Sequence

from ..extract.text import Line, split_chunks, words_to_lines
from ..readers.model import Page, Word
from ..settings import DEFAULT_SETTINGS, ExtractSettings
from .model import GenericCell, GenericTable

# List markers: a chunk of these alone is the bullet of the chunk after it, not a cell.
BULLETS = frozenset("\u2022\u25cf\u25aa\u25a0\u25e6\u2023\u2219\uf0b7\uf0a7\uf076\uf0d8\u2043\u25a1\u2610\u27a2")
_CONTINUES = re.compile(r"^[a-z(\[&]")
_OPEN_END = re.compile(r"(?:[-,/&(]|\b(?:and|or|of|the|for|in|to|by|with|on|from|at|a))$", re.I)


@dataclass
class TextLine:
    line: Line
    chunks: list[Line]

    @property
    def top(self) -> float:
        return self.line.top

    @property
    def bottom(self) -> float:
        return self.line.bottom

    @property
    def height(self) -> float:
        return max(self.line.bottom - self.line.top, 1.0)


# A justified line of running text stretches its word spaces alike (to within this many pt), however wide.
JUSTIFIED_SPREAD = 0.5
# ... up to this many times its font size.
JUSTIFIED_MAX_SPACE = 3.0
# Words this much (pt) wider than others are unlike: figures of as many digits are alike, and a row of
# them in evenly spaced columns has even gaps too.
JUSTIFIED_UNLIKE = 1.0


def justified(line: Line) -> bool:
    """Is the line running text set justified: four words or more, of unlike widths, every space
    between them stretched alike? Such a line is one chunk however wide its spaces: cells in a row
    are spaced by their columns, so their gaps differ as their widths do."""
    ws = line.words
    if len(ws) < 4:
        return False
    gaps = [b.x0 - a.x1 for a, b in zip(ws, ws[1:])]
    widths = [w.x1 - w.x0 for w in ws]
    size = min(w.size for w in ws)
    return (max(gaps) - min(gaps) <= JUSTIFIED_SPREAD and 0 < max(gaps) <= JUSTIFIED_MAX_SPACE * size
            and max(widths) - min(widths) >= JUSTIFIED_UNLIKE)


def line_chunks(line: Line, margin: float = -math.inf) -> list[Line]:
    """A line's chunks (words far apart are in different cells); a bullet is joined to its item; a
    justified line starting at the left `margin` is running text, one chunk (one starting further right
    may be a cell's text in a later column of a table, whose region its chunks keep alive)."""
    running = abs(line.x0 - margin) <= line.words[0].size and justified(line)
    chunks = [line] if running else split_chunks(line)
    out: list[Line] = []
    for ch in chunks:
        if out and all(w.text in BULLETS for w in out[-1].words):
            out[-1] = Line(out[-1].words + ch.words)
        else:
            out.append(ch)
    return out


def words_to_textlines(words: Sequence[Word], running: bool = False) -> list[TextLine]:
    """The words' lines and their chunks. In a column of running text (`running`), a justified line from
    the column's left margin is one chunk."""
    margin = min((w.x0 for w in words), default=0.0) if running else -math.inf
    return [TextLine(ln, line_chunks(ln, margin)) for ln in words_to_lines(words)]


def textlines_to_regions(
    lines: Sequence[TextLine], settings: ExtractSettings = DEFAULT_SETTINGS
) -> list[list[TextLine]]:
    """Runs of lines dense in multi-chunk lines: each run is a candidate table."""
    regions: list[list[TextLine]] = []
    cur: list[TextLine] = []
    singles: list[TextLine] = []
    heights = [ln.height for ln in lines] or [10.0]
    typical = statistics.median(heights)

    def close():
        nonlocal cur
        if sum(1 for ln in cur if len(ln.chunks) >= 2) >= settings.min_table_lines:
            regions.append(cur)
        cur = []

    prev_bottom = None
    for ln in lines:
        gap_ok = prev_bottom is None or ln.top - prev_bottom <= settings.max_line_gap * max(typical, ln.height)
        if not gap_ok:
            close()
            singles = []
        if len(ln.chunks) >= 2:
            if cur:
                cur.extend(singles)
            cur.append(ln)
            singles = []
        elif cur:
            singles.append(ln)
            if len(singles) > settings.max_single_run:
                close()
                singles = []
        prev_bottom = ln.bottom
    close()
    return regions


def region_to_columns(
    region: Sequence[TextLine], settings: ExtractSettings = DEFAULT_SETTINGS
) -> list[tuple[float, float]]:
    """Column x-ranges of a region, split at gutters."""
    multi = [ln for ln in region if len(ln.chunks) >= 2]
    x0 = min(ln.line.x0 for ln in region)
    x1 = max(ln.line.x1 for ln in region)
    cross, gap = region_to_profile(multi, x0, x1, settings.gutter_step)
    allowed = int(settings.gutter_cross_share * len(multi))
    ok = [c <= allowed and g >= min(settings.gutter_support, len(multi)) for c, g in zip(cross, gap)]
    cuts = profile_to_cuts(cross, ok, x0, settings.gutter_step)
    edges = [x0 - 1] + cuts + [x1 + 1]
    return list(zip(edges, edges[1:]))


def region_to_profile(
    multi: Sequence[TextLine], x0: float, x1: float, step: float
) -> tuple[list[int], list[int]]:
    """Per `step` from `x0`: how many chunks cross the position, and how many lines show a gap between
    two chunks there."""
    n = int((x1 - x0) / step) + 2
    cross = [0] * n
    gap = [0] * n
    for ln in multi:
        for ch in ln.chunks:
            a = max(0, int((ch.x0 - x0) / step))
            b = min(n - 1, int((ch.x1 - x0) / step))
            for k in range(a, b + 1):
                cross[k] += 1
        for left, right in zip(ln.chunks, ln.chunks[1:]):
            a = int((left.x1 - x0) / step) + 1
            b = int((right.x0 - x0) / step)
            for k in range(max(0, a), min(n, b)):
                gap[k] += 1
    return cross, gap


def profile_to_cuts(cross: Sequence[int], ok: Sequence[bool], x0: float, step: float) -> list[float]:
    """One cut per run of gutter positions: the middle of the least-crossed stretch of the run."""
    n = len(ok)
    cuts: list[float] = []
    k = 0
    while k < n:
        if not ok[k]:
            k += 1
            continue
        start = k
        while k < n and ok[k]:
            k += 1
        run = range(start, k)
        least = min(cross[i] for i in run)
        best = [i for i in run if cross[i] == least]
        cuts.append(x0 + (best[0] + best[-1]) / 2 * step + step / 2)
    return cuts


def _cols_of(chunk: Line, columns: Sequence[tuple[float, float]]) -> tuple[int, int]:
    """The columns a chunk covers: those its words' centres fall in."""
    hits = []
    for w in chunk.words:
        for i, (a, b) in enumerate(columns):
            if a <= w.xmid < b:
                hits.append(i)
                break
    if not hits:
        mid = (chunk.x0 + chunk.x1) / 2
        hits = [min(range(len(columns)), key=lambda i: abs((columns[i][0] + columns[i][1]) / 2 - mid))]
    return min(hits), max(hits)


def _split_at_cuts(chunk: Line, columns: Sequence[tuple[float, float]]) -> list[Line]:
    """Split a chunk whose words sit in different columns, unless it reads as one spanning heading
    (then it is kept whole and spans those columns)."""
    c0, c1 = _cols_of(chunk, columns)
    if c0 == c1:
        return [chunk]
    # Words separated by a gutter with a wider-than-word-space gap: two cells printed close together.
    parts: list[list[Word]] = [[chunk.words[0]]]
    for prev, w in zip(chunk.words, chunk.words[1:]):
        pc = _cols_of(Line((prev,)), columns)[0]
        wc = _cols_of(Line((w,)), columns)[0]
        if pc != wc and w.x0 - prev.x1 > 0.5 * min(prev.size, w.size) + 1.0:
            parts.append([w])
        else:
            parts[-1].append(w)
    return [Line(tuple(p)) for p in parts]


@dataclass
class _Row:
    cells: dict[int, tuple[int, list[Line]]]  # col0 -> (col1, lines)
    top: float
    bottom: float


def _continues(prev: _Row, placed: dict[int, tuple[int, Line]], first_col: int) -> bool:
    """Is this line the rest of the row above rather than a new row?"""
    if first_col not in placed:
        # Nothing in the first column: a wrapped cell, unless it would split a spanning cell above.
        for c0, (c1, _) in placed.items():
            for p0, (p1, _) in prev.cells.items():
                if p0 <= c0 <= p1 and (p0 != c0 or p1 != c1):
                    return False
        # A line under a row whose first column is empty is a new row of a header block, not a wrap,
        # only when all its cells sit under filled cells of the row above.
        return True
    text = placed[first_col][1].text
    prev_first = prev.cells.get(first_col)
    if prev_first is None:
        return False
    prev_text = prev_first[1][-1].text
    only_first = len(placed) == 1
    prev_only_first = len(prev.cells) == 1
    if _CONTINUES.match(text) or _OPEN_END.search(prev_text):
        # A label wrapped over two lines, its figures on one of them.
        return only_first or prev_only_first
    return False


def trim_region(region: Sequence[TextLine], settings: ExtractSettings = DEFAULT_SETTINGS) -> list[TextLine]:
    """Drop prose lines (one chunk wider than `settings.wide_chunk` of the region) from both ends."""
    lines = list(region)
    x0 = min(ln.line.x0 for ln in lines)
    x1 = max(ln.line.x1 for ln in lines)
    limit = settings.wide_chunk * (x1 - x0)

    def wide(ln: TextLine) -> bool:
        return any(ch.x1 - ch.x0 > limit for ch in ln.chunks)

    while lines and wide(lines[-1]):
        lines.pop()
    while lines and wide(lines[0]):
        lines.pop(0)
    return lines


# The chunks of one line placed in columns: first column -> (last column, text).
Placed = dict[int, tuple[int, Line]]


def region_to_table(
    page: Page, region: Sequence[TextLine], settings: ExtractSettings = DEFAULT_SETTINGS
) -> GenericTable | None:
    """A region's table: trim prose -> columns -> chunks placed in columns -> rows -> cells. None when
    what is left is not a table (too few multi-chunk lines, one column, one row)."""
    region = trim_region(region, settings)
    if sum(1 for ln in region if len(ln.chunks) >= 2) < settings.min_table_lines:
        return None
    columns = region_to_columns(region, settings)
    if len(columns) < 2:
        return None
    placed_lines = [(ln, line_to_placed(ln, columns)) for ln in region]
    used = sorted({c for _, p in placed_lines for c0, (c1, _) in p.items() for c in range(c0, c1 + 1)})
    if len(used) < 2:
        return None
    rows = placed_to_rows(placed_lines, first_column(placed_lines, used, settings))
    if len(rows) < 2:
        return None
    return rows_to_table(page, rows, columns, used)


def line_to_placed(ln: TextLine, columns: Sequence[tuple[float, float]]) -> Placed:
    """A line's chunks (split where they straddle a gutter) by the columns they cover."""
    placed: Placed = {}
    for ch in ln.chunks:
        for part in _split_at_cuts(ch, columns):
            c0, c1 = _cols_of(part, columns)
            if c0 in placed:  # two chunks in one column: join them
                o1, other = placed[c0]
                placed[c0] = (max(o1, c1), Line(other.words + part.words))
            else:
                placed[c0] = (c1, part)
    return placed


def first_column(
    placed_lines: Sequence[tuple[TextLine, Placed]], used: Sequence[int], settings: ExtractSettings
) -> int:
    """The row-start column: the leftmost column with text in a good share of the lines (not a column
    of footnote marks)."""
    counts = {c: sum(1 for _, p in placed_lines if c in p) for c in used}
    return next((c for c in used if counts[c] >= settings.first_col_share * len(placed_lines)), used[0])


def placed_to_rows(placed_lines: Sequence[tuple[TextLine, Placed]], first_col: int) -> list[_Row]:
    """Every line starts a row, unless it continues the row above (then its parts join that row's cells)."""
    rows: list[_Row] = []
    for ln, placed in placed_lines:
        if rows and _continues(rows[-1], placed, first_col):
            row = rows[-1]
            for c0, (c1, part) in placed.items():
                if c0 in row.cells:
                    p1, lines = row.cells[c0]
                    row.cells[c0] = (max(p1, c1), lines + [part])
                else:
                    row.cells[c0] = (c1, [part])
            row.bottom = max(row.bottom, ln.bottom)
        else:
            rows.append(_Row({c0: (c1, [part]) for c0, (c1, part) in placed.items()}, ln.top, ln.bottom))
    return rows


def rows_to_table(
    page: Page, rows: Sequence[_Row], columns: Sequence[tuple[float, float]], used: Sequence[int]
) -> GenericTable:
    """Cells with text and box, columns renumbered to the ones in use, and the table around them."""
    cmap = {c: i for i, c in enumerate(used)}
    cells = []
    for r, row in enumerate(rows):
        for c0, (c1, lines) in sorted(row.cells.items()):
            text = "\n".join(ln.text for ln in lines)
            bbox = (min(p.x0 for p in lines), min(p.top for p in lines), max(p.x1 for p in lines), max(p.bottom for p in lines))
            cells.append(GenericCell(r, r, cmap[c0], cmap[c1], text, bbox))
    x0 = min(c.bbox[0] for c in cells)
    x1 = max(c.bbox[2] for c in cells)
    top, bottom = rows[0].top, rows[-1].bottom
    col_edges = [columns[used[0]][0]] + [columns[c][1] for c in used]
    row_edges = [r.top for r in rows] + [rows[-1].bottom]
    return GenericTable(page.number, (x0, top, x1, bottom), len(rows), len(used), cells, "text", col_edges, row_edges)


def find_aligned_tables(
    page: Page, words: Sequence[Word], settings: ExtractSettings = DEFAULT_SETTINGS, running: bool = False
) -> list[GenericTable]:
    """Tables laid out by text alignment alone among `words` (those outside ruled tables); `running`: the
    words are one column of a page set in columns of running text (`prose.split_text_columns`)."""
    lines = words_to_textlines(words, running)
    tables = []
    for region in textlines_to_regions(lines, settings):
        t = region_to_table(page, region, settings)
        if t is not None:
            tables.append(t)
    return tables
