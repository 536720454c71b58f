"""One page's action table: header -> columns -> rows -> cells.

Columns come from vertical ruling lines where the header has them, else from the white gutters of the
body text between the header's headings. Rows come from horizontal rules that cross the action column,
else from text blocks that start level in the action column and another per-row column. A cell keeps
its text lines; a column whose top rule is missing in a row is merged with the row above.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import re
import statistics
from collections import Counter
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import takewhile
from typing import Callable, Sequence

from ..readers.model import Fill, Page, Rule, Word
from ..settings import DEFAULT_SETTINGS, ExtractSettings
from .columns import EXTRA_PREFIX, REF_CODE, extra_key
from .headers import (FILL_COLUMN_SHARE, FIRST_ROW_REACH, WORD_SPACE_EMS, Header, HeaderCell, filled_columns,
                      first_row_fills, match_heading)
from .intervals import joined_strokes, span_ends, union_length
from .text import (BULLET_GLYPHS, HARD_BREAK_ROOM, INNER, LEADING_NOISE, SENTENCE_END, Line, continues_list, line_opening, lines_to_paragraphs, opens_list,
                   tightest_leading, word_key, words_to_lines)

# Columns whose blocks mark the start of a row in unruled tables (printed once per action).
# Lines starting at one x that make a gutter's right end a column's left edge, and how far right of the
# gutter a line may start and still count (text is set a hair inside its cell).
ALIGNED_STARTS = 3
LINE_START_SLACK = 1.5
ROW_START_FIELDS = ("ref", "measures", "rag", "milestone", "milestone_and_rag", "lead_officer", "lead_officer_and_milestone")


@dataclass
class Column:
    field: str | None
    x0: float
    x1: float
    heading: str = ""
    # Bounded by ruling lines both sides (a cell's walls), not by a white gutter: its text edge is known.
    ruled: bool = False

    def holds(self, w: Word) -> bool:
        return self.x0 <= w.xmid < self.x1


@dataclass
class PageRow:
    top: float
    bottom: float
    cells: dict[str, list[Line]] = field(default_factory=dict)
    # Fields whose cell is joined to the row above by a missing rule; None when the page gives no
    # evidence either way (first row under a header, or an unruled table).
    merged: set[str] | None = None
    rag_colour: str | None = None
    # True for the rows that open a page before any row start: the tail of a row from the previous page.
    leading: bool = False
    # The text of a row spanning the whole table (a section row), which has no cells.
    section: str | None = None
    # In a table shaded in alternate stripes (a zebra): does the row open in a stripe? None where the page
    # shows no zebra.
    striped: bool | None = None
    # Fields whose cell a cell's own fill shows opening with the row (its edge at the row's top, in that
    # column alone): no merged cell runs on there from above, whatever rules are drawn.
    fill_parted: frozenset[str] = frozenset()

    def text(self, fld: str) -> str:
        return " ".join(ln.text for ln in self.cells.get(fld, []))


@dataclass
class PageTable:
    page: int
    columns: list[Column]
    top: float
    bottom: float
    x0: float
    x1: float
    header: Header | None
    ruled_rows: bool
    rows: list[PageRow]
    banners: list[str] = field(default_factory=list)  # heading lines printed above the table on this page
    # Section rows: (top, text) of rows that span the whole table (a theme or priority printed across
    # it); they label the rows below and hold no action.
    sections: list[tuple[float, str]] = field(default_factory=list)
    closed: bool = True  # the table's last row ends with a rule on this page
    # The gaps between stripes that hold one row start at most, and all the gaps, on this page and the
    # table's earlier ones: a table shaded in zebra stripes shows one row in each.
    zebra_gaps: tuple[int, int] = (0, 0)

    def column(self, fld: str) -> Column | None:
        for c in self.columns:
            if c.field == fld:
                return c
        return None


# --- columns -------------------------------------------------------------------------------------


def _coverage_boundary(words: Sequence[Word], lo: float, hi: float, prefer: float,
                       heading_left: float | None = None, heading_right: float | None = None) -> float:
    """The x in (lo, hi) crossed by the fewest body words: the gutter between two columns.
    `heading_left`: where the heading of the column on the right starts, one more line start there
    (a heading set flush with its cells shows the edge when the body has few lines); `heading_right`:
    where the heading of the column on the left ends. A gutter that reaches the white between the two
    headings goes before one under a heading: a heading stands in its own cell."""
    if hi - lo < 1:
        return (lo + hi) / 2
    step = 0.5
    n = int((hi - lo) / step) + 1
    counts = [0] * n
    for w in words:
        if w.x1 < lo or w.x0 > hi:
            continue
        a = max(0, int((w.x0 - lo) / step))
        b = min(n - 1, int((w.x1 - lo) / step))
        for k in range(a, b + 1):
            counts[k] += 1
    least = min(counts)
    # Longest run of least-covered positions; ties go to the run nearest the preferred x. A run at
    # whose right end several lines start is a column's left edge; a wide word space in justified text
    # (one line starting there, or none) is not, however long, nor the space before a word that ran on
    # from the line above (one line start).
    runs: list[tuple[int, int]] = []
    start = None
    for k, c in enumerate(counts + [least + 1]):
        if c == least and start is None:
            start = k
        elif c != least and start is not None:
            runs.append((start, k - 1))
            start = None
    # A line start is told by where the word starts and where it ends: words alike in width that start
    # level also end level (one dash closing each of several justified lines, pushed to the cell's
    # right edge), which shows no left edge; words of different widths starting level do.
    lefts = sorted([(w.x0, round(w.x1)) for w in words if lo - 1 <= w.x0 <= hi + LINE_START_SLACK + 1]
                   + ([(heading_left, math.inf)] if heading_left is not None else []))

    def key(run):
        mid = lo + (run[0] + run[1]) / 2 * step
        right = lo + (run[1] + 1) * step
        at = lefts[bisect_left(lefts, (right - step - 0.5,)):]
        starts = len({end for x, end in takewhile(lambda s: s[0] <= right + LINE_START_SLACK, at)})
        # Of runs that as many lines start after, the one the next heading stands flush over is the
        # gutter: white inside justified cells that repeat down the rows ("Head of  Youth") lines up too.
        flush = heading_left is not None and (right - step - 0.5 <= heading_left <= right + LINE_START_SLACK or (
            # White from under the left heading's end out past where the right one starts: the right
            # column prints nothing here, and its heading stands over the white.
            run[1] == n - 1 and lo + run[0] * step <= heading_left))
        spaced = least == 0 and len(runs) > 1 and _word_spaces_only(
            pairs, lo + run[0] * step - step / 2, lo + (run[1] + 1) * step + step / 2)
        # Reaching into the white between the two headings (they may touch: then the white under it).
        clear = heading_right is None or (lo + (run[1] + 1) * step >= heading_right - 1 and (
            heading_left is None or lo + run[0] * step <= heading_left + 1))
        return (not spaced, clear, min(starts, ALIGNED_STARTS) if starts > 1 else 0, flush, run[1] - run[0],
                -abs(mid - prefer))
    pairs = _line_neighbours(words) if len(runs) > 1 else []
    best = max(runs, key=key)
    a, b = best
    mid = lo + (a + b) / 2 * step
    # The right column's lines start flush at the run's right end; the left column's end ragged and may
    # run further on another page ("Safeguarding at the" in a column whose header page ended sooner):
    # the edge is where the flush text starts.
    if key(best)[2] >= 2:
        return max(mid, lo + (b + 1) * step - FLUSH_MARGIN)
    # White under a blank column: the column starts where its heading does, not past it.
    if heading_left is not None and lo + a * step <= heading_left - FLUSH_MARGIN < mid:
        return heading_left - FLUSH_MARGIN
    return mid


# A column boundary stands this far left of the flush left edge of the text on its right.
FLUSH_MARGIN = 1.5


def _line_neighbours(words: Sequence[Word]) -> list[tuple[Word, Word]]:
    """Pairs of words side by side on one line, left to right."""
    ordered = sorted(words, key=lambda w: (round(w.top), w.x0))
    return [(a, b) for a, b in zip(ordered, ordered[1:]) if abs(a.top - b.top) < 1 and b.x0 >= a.x1]


# A word space set wider than the font's own by at most this share is still one (not justified apart).
# (Written 1.1 here once, but a later constant of the same name made it 1.5 for every rule tuned since.)
WORD_SPACE_SLACK = 1.5


def _word_spaces_only(pairs: Sequence[tuple[Word, Word]], x0: float, x1: float) -> bool:
    """Is the white between x0 and x1 only word spaces lined up: every pair of words side by side that
    end and start at its edges set no further apart than the font's word space? The same sentence
    printed in every row of a merged level lines up its spaces down the page; a gutter parts its
    columns' words by more, and so do the stretched spaces of justified text."""
    across = [(b.x0 - a.x1, max(a.size, b.size)) for a, b in pairs
              if x0 - 1 <= a.x1 <= x0 + 1 and x1 - 1 <= b.x0 <= x1 + 1]
    return bool(across) and all(gap <= WORD_SPACE_SLACK * WORD_SPACE_EMS * size for gap, size in across)


# A boundary carried to a page without a header moves at most this share of a neighbour's width.
REFIT_SLACK = 0.25
# Points within which a wall of filled cells stands at a column's own edge.
WALL_SLACK = 1.5


def _crossing(words: Sequence[Word], x: float) -> int:
    return sum(1 for w in words if w.x0 < x - 0.5 and w.x1 > x + 0.5)


def refit_columns(columns: Sequence[Column], words: Sequence[Word],
                  filled: Sequence[tuple[float, float]] = ()) -> list[Column]:
    """Columns carried on to a page without a header, each unruled boundary that this page's words
    cross moved to the wall of this page's filled cells (`filled`, as in _gutter_columns) beyond it that
    no word crosses, else to the nearby white gutter they cross least: the boundaries were estimated
    from the header page's text, which may have left a gutter wider than another page's text does."""
    out = [dataclasses.replace(c) for c in columns]
    walls = span_ends(filled)
    for a, b in zip(out, out[1:]):
        if not (a.ruled or b.ruled) and _crossing(words, a.x1):
            a.x1 = b.x0 = _refit_boundary(a, b, words, walls)
    # The outer columns of an unruled table reach as far as this page's text does: their edges were the
    # header page's text's, and a longer line here would otherwise fall outside every column and be lost.
    if out and words and not out[0].ruled:
        out[0].x0 = min([out[0].x0] + [w.x0 - 1 for w in words if w.xmid < out[0].x0])
    if out and words and not out[-1].ruled:
        out[-1].x1 = max([out[-1].x1] + [w.x1 + 1 for w in words if w.xmid >= out[-1].x1])
    return out


def _refit_boundary(a: Column, b: Column, words: Sequence[Word], walls: Sequence[float]) -> float:
    """Where columns a and b part on a page whose words cross their boundary."""
    x = a.x1
    # A column of colours shows where its cells part, though the header page's text did not.
    # (Not the wall b's own right edge stands at: the next column's colours start there.)
    clear = [w for w in walls if (a.x0 + a.x1) / 2 < w < b.x1 - WALL_SLACK and not _crossing(words, w)]
    if clear:
        return min(clear, key=lambda w: abs(w - x))
    lo, hi = x - REFIT_SLACK * (a.x1 - a.x0), x + REFIT_SLACK * (b.x1 - b.x0)
    # As far right as the edge b's lines start flush on, which the header page's boundary stood left of
    # ("5.1", "5.2" under "Ref", the theme's justified "Resources and Suffi-" reaching close to them).
    edge = _flush_edge([w for w in words if x <= w.x0 < b.x1])
    if edge is not None:
        hi = max(hi, edge + 0.5)
    nx = _coverage_boundary([w for w in words if w.x1 >= lo and w.x0 <= hi], lo, hi, x)
    return nx if _crossing(words, nx) < _crossing(words, x) else x


def _flush_edge(words: Sequence[Word]) -> float | None:
    """The leftmost x at which two lines or more of `words` start (within LINE_START_SLACK), if any."""
    lefts = sorted((w.x0, round(w.top)) for w in words)
    for i, (x0, _) in enumerate(lefts):
        end = bisect_right(lefts, (x0 + LINE_START_SLACK, math.inf))
        if len({top for _, top in lefts[i:end]}) >= 2:
            return x0
    return None


def columns_from_header(
    page: Page, header: Header, body_words: Sequence[Word], settings: ExtractSettings = DEFAULT_SETTINGS,
    overleaf: Sequence[Sequence[Word]] = (),
) -> tuple[list[Column], bool]:
    """Column x-ranges for the header's headings; True when they came from vertical rules. `overleaf`: the
    words of each page that carries the table on with no header of its own (_gutter_overleaf)."""
    cuts = _header_rule_cuts(page, header)
    ruled = _rules_part_headings(header.cells, cuts)
    if ruled:
        columns = _ruled_columns(header.cells, cuts)
    else:
        # Rules that frame the table but part no headings (an outer box) still bound its outer columns.
        # The fills of the first row count too: under a header at a page's foot it may be the only one.
        size = min((c.bottom - c.top for c in header.cells if not c.turned), default=0.0)
        shaded = header_cell_fills(page, header)
        filled = filled_columns(page, header.bottom) + first_row_fills(page, header.bottom, FIRST_ROW_REACH * size) + shaded
        columns = _gutter_columns(header.cells, body_words, _frame(header.cells, cuts), filled)
        columns = _unheaded_cells(columns, header, shaded, body_words)
        columns = _parted_at_inner_gutters(columns, body_words)
        if overleaf:
            columns = _parted_overleaf(page, header, columns, body_words, overleaf, settings)
    # A heading that names no canonical field keeps its column, as an extra one: no cell is lost.
    for c in columns:
        if c.field is None or c.field.startswith("ignore:"):
            c.field = extra_key(c.heading)
    return _distinct_keys(columns), ruled


def _unheaded_cells(columns: list[Column], header: Header, fills: Sequence[tuple[float, float]],
                    body_words: Sequence[Word]) -> list[Column]:
    """The columns with one of their own for each of a header's shaded cells (`fills`: header_cell_fills)
    that prints no heading, over text of the body: a column whose heading the producer left out
    ("Dependencies" drawn as an empty cell of the header's shading). It stood within a neighbour's column,
    flush with one of its sides, and its cells were read into that neighbour's."""
    out = list(columns)
    for x0, x1 in fills:
        if any(x0 <= (c.x0 + c.x1) / 2 <= x1 for c in header.cells):
            continue
        if not any(x0 <= w.xmid <= x1 for w in body_words):
            continue
        k = next((k for k, c in enumerate(out) if c.x0 - FILL_SLACK <= x0 and x1 <= c.x1 + FILL_SLACK), None)
        if k is None:
            continue
        c = out[k]
        if abs(c.x0 - x0) <= FILL_SLACK and x1 < c.x1 - FILL_SLACK and _crossing(body_words, x1) == 0:
            out[k:k + 1] = [Column(None, c.x0, x1, ""), dataclasses.replace(c, x0=x1)]
        elif abs(c.x1 - x1) <= FILL_SLACK and x0 > c.x0 + FILL_SLACK and _crossing(body_words, x0) == 0:
            out[k:k + 1] = [dataclasses.replace(c, x1=x0), Column(None, x0, c.x1, "")]
    return out


# How far a header cell's shading may stand off the column's side it is flush with.
FILL_SLACK = 2.0


def _parted_at_inner_gutters(columns: Sequence[Column], body_words: Sequence[Word]) -> list[Column]:
    """A heading over two columns of the body heads both: a group heading whose sub-headings were never
    printed ("Accountability" over "1.1" and "G", its turned sub-headings lost by the producer). Each
    part's cells then decide its field (understood_columns); the heading names neither."""
    out: list[Column] = []
    for c in columns:
        x = _inner_gutter(c, [w for w in body_words if c.holds(w)])
        if x is None:
            out.append(c)
        else:
            out += [dataclasses.replace(c, x1=x, field=None), dataclasses.replace(c, x0=x, field=None)]
    return out


def _parted_overleaf(page: Page, header: Header, columns: list[Column], body_words: Sequence[Word],
                     overleaf: Sequence[Sequence[Word]], settings: ExtractSettings) -> list[Column]:
    """The columns with each heading that a later page's body parts (_gutter_overleaf) read as two, each
    part over its own column and named by its own words. One column to a heading: `columns` as
    _gutter_columns made them (else they stand)."""
    if len(columns) != len(header.cells):
        return columns
    out: list[Column] = []
    for c, cell in zip(columns, header.cells):
        parted = None if cell.turned else _gutter_overleaf(page, c, cell, body_words, overleaf)
        if parted is None:
            out.append(c)
            continue
        x, left, right = parted
        out += [dataclasses.replace(c, x1=x, heading=left, field=match_heading(left, "fields", settings)),
                dataclasses.replace(c, x0=x, heading=right, field=match_heading(right, "fields", settings))]
    return out


def _gutter_overleaf(page: Page, c: Column, cell: HeaderCell, body_words: Sequence[Word],
                     overleaf: Sequence[Sequence[Word]]) -> tuple[float, str, str] | None:
    """(x, left heading, right heading) where the heading's first line has a word set flush over a second
    column of the body inside `c` that a page carrying the table on shows and its own page's few rows
    cannot (a cell left blank beside a merged one: "Key line of Outcome measures" / "enquiry" over one
    row whose measures are blank): lines start flush under that word, each beside text on its left, and
    no word of the heading or of the body on any of the pages crosses the white before it. Else None."""
    words = _cell_words(page, cell)
    first = sorted((w for w in words if abs(w.top - cell.top) < 1), key=lambda w: w.x0)
    pages = [[w for w in ws if c.holds(w)] for ws in overleaf]
    every = [w for w in body_words if c.holds(w)] + [w for ws in pages for w in ws] + words
    x = next((x for a, b in zip(first, first[1:]) if not _crossing(every, x := (a.x1 + b.x0) / 2)
              and any(_flush_beside(mine, b.x0, x) >= INNER_LINES for mine in pages)), None)
    if x is None:
        return None
    return x, _read([w for w in words if w.x1 <= x]), _read([w for w in words if w.x0 >= x])


def _cell_words(page: Page, cell: HeaderCell) -> list[Word]:
    """The upright words printed in a header cell's box."""
    return [w for w in page.words if cell.top - 0.5 <= w.top and w.bottom <= cell.bottom + 0.5
            and cell.x0 - 0.5 <= w.x0 and w.x1 <= cell.x1 + 0.5 and not w.rotation]


def _flush_beside(words: Sequence[Word], start: float, x: float) -> int:
    """How many printed lines start a word at `start` (within HEADING_FLUSH) with text of theirs left of `x`
    that ends further from it than any word space: a column's text beside the column on its left, not the
    next word of one cell ("Head" / "of Service" under "Lead" / "officer")."""
    left, right = _parted_lines(words, x)
    # The white is measured on the line itself, to its word set flush: a word space before a word that
    # merely starts near `start` ("2022 – B" under "Due date and rating") is no gutter, nor one a justified
    # line stretched as wide as its other spaces ("May 2022 – Oct", every space 5.6 pt).
    return sum(1 for a, b in zip(left, right) if a and b and abs(min(w.x0 for w in b) - start) <= HEADING_FLUSH
               and _gutter_white(a, b))


def _gutter_white(a: Sequence[Word], b: Sequence[Word]) -> bool:
    """Is the white between a line's words left of a boundary (`a`) and right of it (`b`) wider than a word
    space, and than the line's other spaces?"""
    white = min(w.x0 for w in b) - max(w.x1 for w in a)
    spaces = [v.x0 - u.x1 for part in (a, b) for u, v in itertools.pairwise(sorted(part, key=lambda w: w.x0))]
    return white > WORD_SPACE_EMS * max(w.size for w in a) and all(white > RUN_ON_SPACE_SLACK * sp for sp in spaces)


# How far (points) a heading's word may start from its column's text and still be set flush with it.
HEADING_FLUSH = 1.5


def _read(words: Sequence[Word]) -> str:
    """Words read as printed: line by line, each left to right."""
    return " ".join(ln.text for ln in words_to_lines(words))


# A column of the body inside one heading's column: its text starts flush on this many lines at least,
# each beside text of the column on its left, the white between them this many ems at least (wider
# than any word space), on this share of the lines either part prints.
INNER_LINES = 3
INNER_GUTTER_EMS = 1.0
INNER_BESIDE_SHARE = 0.8
_LIST_MARK = re.compile(rf"^(?:[{BULLET_GLYPHS}*\u2013\u2014-]|\(?(?:\d{{1,2}}|[a-zA-Z]|[ivx]{{1,4}})[.)])$")


def _inner_gutter(c: Column, words: Sequence[Word]) -> float | None:
    """Where a second column of the body starts inside `c`, or None: lines start flush there, each with
    the column's own text on its left, a white gutter between that no word crosses. List markers set
    apart from their items ("•", "1.") are no column."""
    if not words:
        return None
    em = statistics.median(w.size for w in words)
    left = min(w.x0 for w in words)
    starts = Counter(round(w.x0) for w in words if w.x0 > left + em)
    for x, _ in starts.most_common(3):
        edge = min(w.x0 for w in words if abs(w.x0 - x) <= 1)
        if _beside(words, edge, em):
            return edge - em / 2
    return None


def _beside(words: Sequence[Word], edge: float, em: float) -> bool:
    """Does the text right of `edge` stand apart from the text left of it as a column of its own does?"""
    if any(w.x0 < edge - 0.5 and w.x1 > edge - INNER_GUTTER_EMS * em for w in words):
        return False
    left, right = _parted_lines(words, edge)
    both = [(a, b) for a, b in zip(left, right) if a and b]
    flush = sum(1 for _, b in both if any(abs(w.x0 - edge) <= 1 for w in b))
    if flush < INNER_LINES or len(both) < INNER_BESIDE_SHARE * max(sum(map(bool, left)), sum(map(bool, right))):
        return False
    return not all(_LIST_MARK.match(" ".join(w.text for w in a)) for a, _ in both)


def _parted_lines(words: Sequence[Word], edge: float) -> tuple[list[list[Word]], list[list[Word]]]:
    """Each printed line's words left of `edge`, and its words from `edge` on."""
    lines: dict[int, list[Word]] = {}
    for w in words:
        lines.setdefault(round(w.top), []).append(w)
    return ([[w for w in ln if w.x1 <= edge] for ln in lines.values()],
            [[w for w in ln if w.x0 >= edge - 1] for ln in lines.values()])


def header_cell_fills(page: Page, header: Header) -> list[tuple[float, float]]:
    """(x0, x1) of the header's cells where it is shaded cell by cell (three fills or more side by side
    under its last line, none wider than a column may be): each fill is a heading's cell, its walls the
    column's, where no rule is drawn. Justified text leaves white inside a column wider than a gutter."""
    y = header.bottom - HEADER_LAST_LINE
    cells = [(f.x0, f.x1) for f in page.fills
             if f.top <= y <= f.bottom and f.x1 - f.x0 < FILL_COLUMN_SHARE * page.width
             and f.x1 > header.cells[0].x0 and f.x0 < header.cells[-1].x1]
    return cells if len(cells) >= HEADER_CELL_FILLS else []


# Fills side by side under a header's last line that show it shaded cell by cell.
HEADER_CELL_FILLS = 3


# A column whose heading names a field an earlier column names too is keyed apart until the table is
# understood (pipeline.extract.geometry.understood_columns), so that each column's cells are its own.
REPEAT_PREFIX = "repeat:"


def _distinct_keys(columns: list[Column]) -> list[Column]:
    """Keys apart for columns named alike. Two columns of no field printed under one heading (two
    "Update this quarter") keep their cells apart too: the second is keyed "Update this quarter (2)"."""
    seen: set[str] = set()
    for i, c in enumerate(columns):
        if c.field in seen and not c.field.startswith(EXTRA_PREFIX):
            c.field = f"{REPEAT_PREFIX}{i}:{c.field}"
        elif c.field in seen:
            c.field = next(key for n in range(2, len(columns) + 2) if (key := f"{c.field} ({n})") not in seen)
        seen.add(c.field or "")
    return columns


def named_field(key: str | None) -> str | None:
    """The field a column's key names: a repeated field's key read back as the field."""
    if key is not None and key.startswith(REPEAT_PREFIX):
        return key.split(":", 2)[2]
    return key


# How far above the header's text bottom its last line is crossed by the rules between its columns.
HEADER_LAST_LINE = 2.0


def _header_rule_cuts(page: Page, header: Header) -> list[float]:
    """x of the vertical rules crossing the header, rules within 2 pt of each other taken as one. Taken
    at its middle and at its last line: under a heading that groups two columns ("Accountability" over
    "Lead officer" and "Ref") the rule between them starts below the middle."""
    ys = ((header.top + header.bottom) / 2, header.bottom - HEADER_LAST_LINE)
    cuts = sorted({round(r.x, 1) for r in page.vrules if any(r.top - 1 <= y <= r.bottom + 1 for y in ys)})
    merged: list[float] = []
    for x in cuts:
        if not merged or x - merged[-1] > 2:
            merged.append(x)
    return merged


def _parts(a: HeaderCell, b: HeaderCell, cuts: Sequence[float]) -> bool:
    return any(a.x1 - 1 <= x <= b.x0 + 1 for x in cuts)


def _rules_part_headings(cells: Sequence[HeaderCell], cuts: Sequence[float]) -> bool:
    """Whether vertical rules are the column bounds: they stand between most neighbouring headings. A
    frame drawn only round the table, or rules in a few places, leave the columns to the gutters."""
    pairs = list(zip(cells, cells[1:]))
    if len(cuts) < 2 or not pairs:
        return len(cuts) >= 2
    return sum(_parts(a, b, cuts) for a, b in pairs) * 2 >= len(pairs)


def _frame(cells: Sequence[HeaderCell], cuts: Sequence[float]) -> tuple[float | None, float | None]:
    """The rules left of the first heading and right of the last one, when there are any."""
    left = [x for x in cuts if x <= cells[0].x0 + 1]
    right = [x for x in cuts if x >= cells[-1].x1 - 1]
    return (left[-1] if left else None), (right[0] if right else None)


# Points a turned heading's line may reach past the column rule beside it.
TURNED_RULE_OVERSHOOT = 3.0


def _ruled_columns(cells: Sequence[HeaderCell], cuts: Sequence[float]) -> list[Column]:
    """Each heading's column is bounded by the rules either side of it. A heading set on its side has
    lines as tall as its font's ascent and descent, which may reach past the rule beside it ("are we" of a
    turned "How are we doing?", 2 pt over): the rule still bounds it."""
    columns: list[Column] = []
    for c in cells:
        slack = TURNED_RULE_OVERSHOOT if c.turned else 1.0
        left = [x for x in cuts if x <= c.x0 + slack]
        right = [x for x in cuts if x >= c.x1 - slack]
        columns.append(Column(c.field, left[-1] if left else c.x0 - 2, right[0] if right else c.x1 + 2, c.text,
                              ruled=bool(left and right)))
    # Headings that share one ruled column (a heading split over a rule-less sub-cell) merge.
    deduped: list[Column] = []
    for col in columns:
        if deduped and abs(deduped[-1].x0 - col.x0) < 1 and abs(deduped[-1].x1 - col.x1) < 1:
            if deduped[-1].field is None:
                deduped[-1] = col
            continue
        deduped.append(col)
    return deduped


def _gutter_columns(
    cells: Sequence[HeaderCell], body_words: Sequence[Word], frame: tuple[float | None, float | None] = (None, None),
    filled: Sequence[tuple[float, float]] = (),
) -> list[Column]:
    """Without rules, two headings' columns part at the wall of the filled cells below between them (rows
    shaded cell by cell, a column of colours: `filled`, each such column's x0 and x1), else at the white
    gutter of the body text between them (justified text in a narrow column leaves wider white inside
    its lines than a gutter). The outer columns reach as far as their filled cells."""
    walls = span_ends(filled)
    flush = _set_flush(cells, body_words)
    bounds = []
    for a, b in zip(cells, cells[1:]):
        prefer = (a.x1 + b.x0) / 2
        lo = max((a.x0 + a.x1) / 2, a.x1 - 0.25 * (a.x1 - a.x0))
        hi = min((b.x0 + b.x1) / 2, b.x0 + 0.25 * (b.x1 - b.x0))
        between = [x for x in walls if lo < x < hi and _crossing(body_words, x) == 0]
        if between:
            bounds.append(min(between, key=lambda x: abs(x - prefer)))
        elif flush and lo < b.x0 - FLUSH_MARGIN and _crossing(body_words, b.x0 - FLUSH_MARGIN) == 0:
            # Headings set flush with their columns' text show where each column starts, whatever white
            # this page's text leaves further left (the stretched spaces of a justified cell lined up over
            # a few lines, beside a column left blank here) or none (its cells moved overleaf).
            bounds.append(b.x0 - FLUSH_MARGIN)
        else:
            bounds.append(_coverage_boundary(body_words, lo, hi, prefer, b.x0, a.x1))
    first, last = (bounds[0], bounds[-1]) if bounds else (cells[0].x1, cells[-1].x0)
    left_fills = [a for a, b in filled if cells[0].x0 < b <= first + 1]
    right_fills = [b for a, b in filled if last - 1 <= a < cells[-1].x1]
    left = min([cells[0].x0 - 1] + [w.x0 - 1 for w in body_words] + left_fills) if frame[0] is None else frame[0]
    right = max([cells[-1].x1 + 1] + [w.x1 + 1 for w in body_words] + right_fills) if frame[1] is None else frame[1]
    edges = [left] + bounds + [right]
    return [Column(c.field, x0, x1, c.text) for c, x0, x1 in zip(cells, edges, edges[1:])]


def _set_flush(cells: Sequence[HeaderCell], body_words: Sequence[Word]) -> bool:
    """Are the headings set flush with their columns' text: FLUSH_HEADINGS of them or more start where
    a line of the body starts, and none of those with text under it stands off its column's edge?"""
    starts = [w.x0 for w in body_words]
    under = [c for c in cells if any(c.x0 - 1 <= x <= c.x1 for x in starts)]
    level = [c for c in under if any(abs(c.x0 - x) <= 1 for x in starts)]
    return len(level) >= FLUSH_HEADINGS and len(level) == len(under)


FLUSH_HEADINGS = 2


# --- rows ----------------------------------------------------------------------------------------


def _rule_rows(
    hrules: Sequence[Rule], columns: Sequence[Column], top: float, bottom: float, settings: ExtractSettings,
    words: Sequence[Word] = (),
) -> list[tuple[float, set[int]]]:
    """Row boundaries: (y, indexes of the columns the rule covers), top to bottom."""
    x0, x1 = columns[0].x0, columns[-1].x1
    spans = _text_spans(columns, words)
    rules = sorted((r for r in hrules if top - 2 <= r.y <= bottom + 2 and r.x1 > x0 and r.x0 < x1), key=lambda r: r.y)
    clusters: list[list[Rule]] = []
    for r in rules:
        if clusters and r.y - clusters[-1][-1].y <= settings.rule_y_cluster:
            clusters[-1].append(r)
        else:
            clusters.append([r])
    out = []
    for cl in clusters:
        y = sum(r.y for r in cl) / len(cl)
        covered = {i for i, col in enumerate(columns) if _closes(cl, col, spans.get(i), settings)}
        if covered:
            out.append((y, covered))
    return out


def _closes(rules: Sequence[Rule], col: Column, text: tuple[float, float] | None, settings: ExtractSettings) -> bool:
    """Do the rules at one height close the column's cell: they span most of its width, or all of its
    `text` (a rule drawn under the cell's own box may fall short of a column parted mid-gutter, and the
    text of the table's last column may reach past the bound the header gave it)?"""
    width = col.x1 - col.x0
    crossing = [r for r in rules if r.x1 > col.x0 and r.x0 < col.x1]
    parts = [(max(r.x0, col.x0), min(r.x1, col.x1)) for r in crossing]
    under = text is not None and any(r.x0 <= text[0] + 1 and r.x1 >= text[1] - 1 for r in crossing)
    return width > 0 and (union_length(parts) >= settings.rule_cover * width or under)


def _text_spans(columns: Sequence[Column], words: Sequence[Word]) -> dict[int, tuple[float, float]]:
    """Per column: from where its text starts to where it ends."""
    return {i: (min(w.x0 for w in ws), max(w.x1 for w in ws)) for i, ws in _assign(words, columns).items() if ws}


def _assign(words: Sequence[Word], columns: Sequence[Column]) -> dict[int, list[Word]]:
    """Each word into the first column that holds it (Column.holds), by column index. The test is spelt
    out on the columns' bounds, read once: it runs for every word and column of every table."""
    by_col: dict[int, list[Word]] = {i: [] for i in range(len(columns))}
    bounds = [(col.x0, col.x1, by_col[i]) for i, col in enumerate(columns)]
    for w in words:
        x = w.xmid
        for x0, x1, held in bounds:
            if x0 <= x < x1:
                held.append(w)
                break
    return by_col


def _rag_colour(fills: Sequence[Fill], col: Column | None, top: float, bottom: float, share: float) -> str | None:
    """The colour of the fill lying in the cell: across, `share` of its width lies in the column (a stripe
    over the whole row colours no one cell); down, `share` of its height or of the row's. Cells of one
    colour in rows one under another may be painted as one fill."""
    if col is None:
        return None
    best, best_area = None, 0.0
    for f in fills:
        w = min(f.x1, col.x1) - max(f.x0, col.x0)
        h = min(f.bottom, bottom) - max(f.top, top)
        if w <= 0 or h <= 0:
            continue
        area = w * h
        across = w / (f.x1 - f.x0)
        down = h / min(f.bottom - f.top, bottom - top)
        if across >= share and down >= share and area > best_area:
            best, best_area = f.colour, area
    return best


def own_colours(rows: Sequence[PageRow], columns: Sequence[Column], fills: Sequence[Fill],
                settings: ExtractSettings = DEFAULT_SETTINGS) -> list[int]:
    """Per column, the rows whose cell has a fill of its own: a colour no other cell of the row has (a
    status shown as a coloured cell; a zebra stripe or a shaded row colours every cell alike)."""
    counts = [0] * len(columns)
    for row in rows:
        colours = [_rag_colour(fills, c, row.top, row.bottom, settings.fill_in_cell) for c in columns]
        for i, colour in enumerate(colours):
            if colour is not None and colour not in colours[:i] + colours[i + 1:]:
                counts[i] += 1
    return counts


def _colour_rows(rows: Sequence[PageRow], fills: Sequence[Fill], columns: Sequence[Column], settings: ExtractSettings,
                 marks: Sequence[Fill] = ()) -> None:
    """Each row's RAG colour: the fill lying in its status cell, or where none does, the first coloured dot
    (`marks`, pipeline.readers.paths) whose middle lies in that cell."""
    rag_col = next((c for c in columns if c.field in ("rag", "milestone_and_rag")), None)
    for row in rows:
        row.rag_colour = _rag_colour(fills, rag_col, row.top, row.bottom, settings.fill_in_cell) or (
            _mark_colour(marks, rag_col, row.top, row.bottom))


def _mark_colour(marks: Sequence[Fill], col: Column | None, top: float, bottom: float) -> str | None:
    """The colour of the topmost dot whose middle lies in the column between `top` and `bottom`."""
    if col is None:
        return None
    inside = [m for m in marks if col.x0 <= (m.x0 + m.x1) / 2 <= col.x1 and top <= (m.top + m.bottom) / 2 <= bottom]
    return min(inside, key=lambda m: m.top).colour if inside else None


def rows_from_rules(
    page: Page,
    columns: list[Column],
    words: Sequence[Word],
    top: float,
    bottom: float,
    settings: ExtractSettings = DEFAULT_SETTINGS,
) -> tuple[list[PageRow], bool] | None:
    """Rows bounded by horizontal rules; None when the table has no usable rules. True beside the rows
    when the table's last row is closed by a rule on this page."""
    boundaries = _action_rules(_rule_rows(page.hrules, columns, top, bottom, settings, words), columns)
    if len(boundaries) < 2 or _frame_only(boundaries, columns, words, settings, page.vrules):
        return None
    boundaries, closed = _close_boundaries(boundaries, words, top, columns)
    rows = _rows_between(boundaries, columns)
    spanning = _spanning_rows(rows, columns, page.vrules, words)
    for row in spanning:
        inside = [w for w in words if row.top <= w.ymid < row.bottom]
        row.section = " ".join(ln.text for ln in words_to_lines(inside, settings)) or None
    cells_rows = [r for r in rows if r not in spanning]
    _fill_ruled_cells(cells_rows, columns, _run_on_across(_assign(words, columns), columns, settings), settings)
    _colour_rows(cells_rows, page.fills, columns, settings, page.marks)
    rows = [piece for r in rows for piece in _unruled_rows_within(page, r, columns, words, settings)]
    return [r for r in rows if r.cells or r.rag_colour or r.section], closed


def _inside_walls(page: Page, columns: Sequence[Column], words: list[Word]) -> list[Word]:
    """The words, less those under a rule across the table where all its walls end: a note (or a page
    number) under a framed table is not its text. A row left open at the page's foot keeps its walls
    down to the foot, with no rule there."""
    if not words:
        return words
    top, bottom = min(w.top for w in words), max(w.bottom for w in words)
    walls = [v for v in joined_strokes(_walls(page.vrules, columns), vertical=True, meet=WALL_MEET) if v.bottom > top and v.top < bottom]
    if not walls:
        return words
    foot = max(v.bottom for v in _own_walls(walls, top))
    # A rule across the table there, in one stroke or cell by cell.
    x0, x1 = columns[0].x0 + 2, columns[-1].x1 - 2
    across = [(max(r.x0, x0), min(r.x1, x1)) for r in page.hrules if abs(r.y - foot) <= 1.5 and r.x1 > x0 and r.x0 < x1]
    if union_length(across) < x1 - x0 - 1:
        return words
    return [w for w in words if w.ymid < foot]


def _column_blocks(words: Sequence[Word], columns: list[Column], settings: ExtractSettings) -> dict[int, list[list[Line]]]:
    """Each column's words as paragraphs (text blocks), by column index."""
    by_col = _run_on_across(_assign(words, columns), columns, settings)
    lines = {i: words_to_lines(by_col[i], settings) for i in range(len(columns))}
    leading = {i: tightest_leading(ls) for i, ls in lines.items()}
    blocks = {i: lines_to_paragraphs(ls, settings, mid_sentence=False, column_leading=leading[i])
              for i, ls in lines.items()}
    for i, col in enumerate(columns):
        if col.field in ("milestone", "milestone_and_rag"):
            blocks[i] = _one_date_a_line(_dashes_rejoined(blocks[i], leading[i]), col.field == "milestone_and_rag", settings)
    return blocks


def _dashes_rejoined(blocks: list[list[Line]], leading: float | None) -> list[list[Line]]:
    """A date column's blocks, each that opens on a dash and is set at the column's leading under the one
    above joined to it: the rest of a date or of a date and its rating ("Nov 2022 – Apr 2023" / "– ▲"),
    which reads as a list's item ("– Item") anywhere else."""
    if leading is None:
        return blocks
    out: list[list[Line]] = []
    for b in blocks:
        if out and _DASH_OPENING.match(b[0].text) and b[0].top - out[-1][-1].bottom <= leading + LEADING_NOISE:
            out[-1] = out[-1] + b
        else:
            out.append(b)
    return out


_DASH_OPENING = re.compile(r"^[-\u2013\u2014]\s")


def _one_date_a_line(blocks: list[list[Line]], rated: bool = False,
                     settings: ExtractSettings = DEFAULT_SETTINGS) -> list[list[Line]]:
    """A date column's blocks (or a date-and-rating column's, `rated`), each line its own where every line
    of a block is a whole date by itself ("March 2022" / "October 2022" / "November 2022", "Ongoing – 100%",
    "Feb 2022 – Jul 2022 – 100%" / "60%"): rows of one line each, set at the leading, print one date a row.
    A date broken over lines ("31 March" / "2023", "Sept 2022 -" / "March 2023") stays whole."""
    from ..normalise.milestones import parse_milestone, rating_only, split_date_and_rating

    def reading(ln: Line) -> tuple[bool, str, bool]:
        """(a rating alone, the text a date must read as, rated): each line read once."""
        text = ln.text.strip()
        if not rated:
            return False, text, False
        if rating_only(text, settings):
            return True, text, True
        date, rating = split_date_and_rating(text, settings)
        return False, date if rating else text, rating is not None

    def whole(read: tuple[bool, str, bool], beside: tuple[bool, str, bool]) -> bool:
        alone, text, _ = read
        # A rating alone is a row with no date among rows that print their ratings beside their dates,
        # not the rating of the date on the line beside it ("March 2023" / "Green", "Complete" / "June").
        if alone:
            return beside[2]
        return (not _DATE_JOINS.search(text) and text[:1].isalnum() and not text[:1].islower()
                and parse_milestone(text).kind != "unknown")

    def parted(b: list[Line]) -> bool:
        if len(b) < 2:
            return False
        reads = [reading(ln) for ln in b]
        return all(whole(r, reads[k - 1] if k else reads[1]) for k, r in enumerate(reads))
    return [part for b in blocks for part in ([[ln] for ln in b] if parted(b) else [b])]


# A line of a date that ends or opens on a joining word or dash goes on to, or from, the line beside it.
_DATE_JOINS = re.compile(r"(?:[-–—/,&]|\b(?:to|until|till|and|or|by|from|of|end|revised)\.?)$|^(?:[-–—/&(]|(?:to|until|and|or)\b)",
                         re.IGNORECASE)


def _run_on_across(by_col: dict[int, list[Word]], columns: Sequence[Column],
                   settings: ExtractSettings) -> dict[int, list[Word]]:
    """The words of an unruled table's columns, less those that run on from the cell on their left: a
    word set a word space after that cell's text, starting within an em of the column's edge, is that
    cell's last word run past its edge ("September 2022 – G" in a narrow date and rating column). The
    next cell's text stands a cell's padding off, wider than a word space. A column rule parts them
    whatever the space."""
    where = {id(w): i for i, ws in by_col.items() for w in ws}
    moved: dict[int, int] = {}
    for ln in words_to_lines([w for ws in by_col.values() for w in ws], settings):
        for a, b in zip(ln.words, ln.words[1:]):
            i = moved.get(id(a), where[id(a)])
            if (where[id(b)] == i + 1 and not columns[i + 1].ruled and b.x0 - a.x1 <= WORD_SPACE_EMS * b.size
                    and b.x0 - columns[i + 1].x0 < b.size):
                moved[id(b)] = i
    if not moved:
        return by_col
    out: dict[int, list[Word]] = {i: [] for i in by_col}
    for i, ws in by_col.items():
        for w in ws:
            out[moved.get(id(w), i)].append(w)
    return out


def _unruled_rows_within(page: Page, row: PageRow, columns: list[Column], words: Sequence[Word],
                         settings: ExtractSettings) -> list[PageRow]:
    """A stretch between two rules whose text starts several rows (rules that frame a table, or part
    two tables, with unruled rows between them) as those rows; any other row as it is. Only a reference
    column shows it: paragraphs of one ruled cell may start level with another cell's paragraphs, but a
    row's reference is printed once."""
    if row.section is not None:
        return [row]
    inside = [w for w in words if row.top <= w.ymid < row.bottom]
    blocks = _column_blocks(inside, columns, settings)
    ref_i = next((i for i, c in enumerate(columns) if c.field == "ref"), None)
    if ref_i is None:
        # A column of references whose heading named no field ("Action code": an action or a reference?)
        # shows it by its cells: every paragraph a reference alone.
        ref_i = next((i for i, bl in blocks.items() if len(bl) >= 2 and all(
            len(b) == 1 and len(b[0].words) == 1 and REF_CODE.match(b[0].words[0].text) for b in bl)), None)
    if ref_i is None:
        return [row]
    tol = settings.anchor_tolerance
    anchors = _row_anchors(columns, blocks, tol, strict=True)
    if sum(1 for a in anchors if any(abs(b[0].top - a) <= tol for b in blocks[ref_i])) < 2:
        return [row]
    return rows_from_text(page, columns, inside, row.top, row.bottom, settings)


def _frame_only(
    boundaries: list[tuple[float, set[int]]], columns: list[Column], words: Sequence[Word], settings: ExtractSettings,
    vrules: Sequence[Rule] = (),
) -> bool:
    """Rules that only frame the table (above and below its text, none between two of its rows) while the
    text shows several rows: the rows are the text's to find. Frames stacked down a page (one per theme,
    a banner between them) have text on both sides of a frame's foot, but their walls end there: a rule
    between two rows has the walls run on through it."""
    mids = [w.ymid for w in words]
    # Only walls beside the table's text: another table's column rules above it frame nothing here.
    walls = [v for v in _walls(vrules, columns) if mids and v.bottom > min(mids) and v.top < max(mids)]
    if any(any(m < y - 1 for m in mids) and any(m > y + 1 for m in mids) and (not walls or _walled_through(y, walls))
           for y, _ in boundaries):
        return False
    blocks = _column_blocks(words, columns, settings)
    anchors = _row_anchors(columns, blocks, settings.anchor_tolerance)
    # Text above the first row start is the rest of a row from the page before: a row of its own.
    tail = bool(anchors) and any(b[0].top < anchors[0] - settings.anchor_tolerance for bl in blocks.values() for b in bl)
    return len(anchors) + tail >= 2


def _walls(vrules: Sequence[Rule], columns: Sequence[Column]) -> list[Rule]:
    """The vertical rules standing within the table's width (its walls and column rules)."""
    return [v for v in vrules if columns[0].x0 - 2 <= v.x <= columns[-1].x1 + 2]


def _own_walls(walls: Sequence[Rule], top: float) -> list[Rule]:
    """The walls of the table whose first line is at `top`: those beside that line, and those of frames
    stacked under it that stand where its walls do (the table framed again under a theme's banner). A
    frame with a wall of its own elsewhere (a key to the statuses under a table of indicators) is
    another table's."""
    first = [v for v in walls if v.top <= top + WALL_MEET]
    if not first:
        return list(walls)
    lower = [v for v in walls if v.top > top + WALL_MEET]
    foreign = [v for v in lower if all(abs(v.x - f.x) > WALL_MEET for f in first)]
    return first + [v for v in lower if not any(abs(v.top - f.top) <= 2 * WALL_MEET for f in foreign)]


def _walled_through(y: float, walls: Sequence[Rule]) -> bool:
    """Does a wall of the table run on through height y (in one stroke, or in two that meet there)?"""
    if any(v.top < y - WALL_MEET and v.bottom > y + WALL_MEET for v in walls):
        return True
    ends = [v.x for v in walls if abs(v.bottom - y) <= WALL_MEET]
    return any(abs(v.x - x) <= WALL_MEET for v in walls if abs(v.top - y) <= WALL_MEET for x in ends)


# Two strokes of a wall meet where one ends within this of the other's start.
WALL_MEET = 1.5


def _spanning_rows(rows: Sequence[PageRow], columns: Sequence[Column], vrules: Sequence[Rule],
                   words: Sequence[Word] = ()) -> list[PageRow]:
    """Rows that no column rule crosses, in a table whose other rows have them: one cell across the
    whole table, which is how a theme or priority is printed inside a table. A row is judged where its
    text is (a row's tail at the top of a page runs from the page's top, above its rules)."""
    interior = [c.x0 for c in columns[1:]]
    if not interior:
        return []
    # The vertical rules standing at each column edge, found once for every row and line asked about.
    at_edge = [[r for r in vrules if abs(r.x - x) <= 2] for x in interior]

    def crossings(row: PageRow) -> int:
        inside = [w for w in words if row.top <= w.ymid < row.bottom]
        # Judged at each line of its text: a cell merged down the rows may run on below the walls the
        # page cut short, under a row whose lines the walls cross.
        mids = {round(w.ymid, 1) for w in inside} or {(row.top + row.bottom) / 2}
        # Walls that open at the row's top are its own, however short the page's foot cut them (a row's
        # first line at the foot, "Practice" in a merged cell, set below the stubs of its walls).
        opened = sum(1 for rules in at_edge if any(abs(r.top - row.top) <= 1 and r.bottom > row.top + 1 for r in rules))
        return max(opened, *(sum(1 for rules in at_edge if any(r.top - 1 <= mid <= r.bottom + 1 for r in rules))
                             for mid in mids))

    counts = [crossings(r) for r in rows]
    if not any(counts):
        return []  # no column rules at all: nothing shows a row spans
    # A row whose top rule leaves a column open has that column's cell run on into it from above (a
    # merged cell's text past the last rule of its page): no section row spans the table under it.
    return [r for r, n in zip(rows, counts) if n == 0 and not r.merged and not _in_one_later_column(r, columns, words)]


def _in_one_later_column(row: PageRow, columns: Sequence[Column], words: Sequence[Word]) -> bool:
    """Does the row's text stand in one column past the first, off the table's middle? A cell's first line
    at a page's foot, the rest of its row on the next page (its walls not drawn so far down), not a
    section row: those open at the table's left or stand centred across it."""
    inside = [w for w in words if row.top <= w.ymid < row.bottom]
    if not inside:
        return False
    x0, x1 = min(w.x0 for w in inside), max(w.x1 for w in inside)
    middle = (columns[0].x0 + columns[-1].x1) / 2
    return any(c.x0 - 1 <= x0 and x1 <= c.x1 + 1 for c in columns[1:]) and not x0 < middle < x1


def _action_rules(boundaries: list[tuple[float, set[int]]], columns: Sequence[Column]) -> list[tuple[float, set[int]]]:
    """Only rules that cross the action column part rows (others are lines inside merged cells)."""
    action_idx = {i for i, c in enumerate(columns) if c.field == "action"}
    key = action_idx or set(range(len(columns)))
    return [(y, cov) for y, cov in boundaries if cov & key]


def _close_boundaries(
    boundaries: list[tuple[float, set[int]]], words: Sequence[Word], top: float, columns: Sequence[Column]
) -> tuple[list[tuple[float, set[int]]], bool]:
    """Add the boundaries the rules leave out: below text that runs past the last rule (a row left
    open at the foot of the page) and above text before the first (a header without its bottom rule).
    True beside them when the last rule closes the table's last row: no column it closes runs on below."""
    first, last = boundaries[0][0], boundaries[-1][0]
    last_word = max((w.bottom for w in words), default=top)
    # Text past the last rule only in columns the rule leaves out is a merged cell running on over the
    # page (an objective beside its last row): the rule closed the row itself.
    past = _assign([w for w in words if w.bottom > last + 1], columns)
    closed = last_word <= last + 1 or (bool(boundaries[-1][1]) and not any(
        past.get(i) for i in boundaries[-1][1]))
    if last_word > last + 1:
        boundaries = boundaries + [(max(last_word + 1, last + 1), set(range(len(columns))))]
    if any(top < w.ymid < first for w in words):
        boundaries = [(top, set(range(len(columns))))] + boundaries
    return boundaries, closed


def _rows_between(boundaries: list[tuple[float, set[int]]], columns: Sequence[Column]) -> list[PageRow]:
    """One row between each pair of boundaries; a column its top rule leaves out is merged with the
    row above (None on the first row: the page gives no evidence either way)."""
    rows = []
    for k, ((y0, cov), (y1, _)) in enumerate(zip(boundaries, boundaries[1:])):
        row = PageRow(top=y0, bottom=y1)
        missing = {f for i, c in enumerate(columns) if i not in cov and (f := c.field)}
        row.merged = missing if missing else (None if k == 0 else set())
        rows.append(row)
    return rows


def _span_owners(rows: Sequence[PageRow], fld: str) -> list[int]:
    """For each row, the row whose cell its `fld` cell is merged into (itself when not merged)."""
    owners, owner = [], 0
    for k, row in enumerate(rows):
        if not (k > 0 and row.merged is not None and fld in row.merged):
            owner = k
        owners.append(owner)
    return owners


def _fill_ruled_cells(
    rows: list[PageRow], columns: Sequence[Column], by_col: dict[int, list[Word]], settings: ExtractSettings
) -> None:
    """Each column's words into the cell of their row; the text of a merged span goes to its first row."""
    for i, col in enumerate(columns):
        if not col.field:
            continue
        owners = _span_owners(rows, col.field)
        for k, row in enumerate(rows):
            inside = [w for w in by_col[i] if row.top <= w.ymid < row.bottom]
            if inside:
                rows[owners[k]].cells.setdefault(col.field, []).extend(words_to_lines(inside, settings))


def rows_from_text(
    page: Page,
    columns: list[Column],
    words: Sequence[Word],
    top: float,
    bottom: float,
    settings: ExtractSettings = DEFAULT_SETTINGS,
) -> list[PageRow]:
    """Rows of an unruled table: a row starts where the action column and another per-row column
    both start a text block at the same height."""
    return _text_rows(page, columns, words, top, bottom, settings)[0]


def _text_rows(
    page: Page, columns: list[Column], words: Sequence[Word], top: float, bottom: float,
    settings: ExtractSettings = DEFAULT_SETTINGS, zebra: tuple[int, int] = (0, 0), banners: Sequence[float] = (),
) -> tuple[list[PageRow], tuple[int, int]]:
    """rows_from_text, with the zebra's evidence (`_outside_stripes`; `zebra`: the table's earlier
    pages') and the banners set across the table (build_table)."""
    blocks = _column_blocks(words, columns, settings)
    stripes = _stripes(page.fills, columns[0].x0, columns[-1].x1, top, bottom, columns)
    cells = [(f.top, f.bottom) for f in _cell_fills(page.fills, columns, top, bottom)]
    # A fill lying in one column is a cell's own colour too (a page may print one row of them).
    cells += [(f.top, f.bottom) for f in _one_column_fills(page.fills, columns, top, bottom)]
    found = _row_anchors(columns, blocks, settings.anchor_tolerance, cells=cells,
                         rows_of=_drawn_row_by_row(page.fills, columns, top, bottom))
    outside, zebra = _outside_stripes(found, stripes, settings.anchor_tolerance, zebra, _set_apart(blocks, found))
    anchors = _with_stripes(outside, _stripe_starts(page.fills, stripes, columns, words, top, bottom),
                            settings.anchor_tolerance)
    # Per-row cells only: a merged cell of a level (an objective over three rows) runs past row starts.
    blocks = {i: _cut_at_anchors(bl, anchors, settings.anchor_tolerance, merged=columns[i].field != "action")
              if columns[i].field in ROW_START_FIELDS or columns[i].field == "action"
              else _cut_at_repeats(bl, anchors, settings.anchor_tolerance, columns[i].x1,
                                   _shade_edges(page.fills, columns[i], top, bottom))
              for i, bl in blocks.items()}
    # A banner across the table opens a row of its own: text below it starts a cell, never a row's rest.
    starts = sorted({*anchors, *(y + 1 for y in banners if top < y < bottom)})
    rows = _anchored_rows(starts, blocks, top, bottom, settings.anchor_tolerance)
    offset = 1 if rows and rows[0].leading else 0
    bottoms = _line_bottoms(blocks)
    gap = _row_gap(anchors[1:], bottoms)
    held = _held_over(page.fills, columns, top, bottom)
    # A merged cell's shading may reach past the table's last text, to the page's foot.
    shaded = [f for f in page.fills if top - 1 <= f.top < bottom] if len(stripes) >= 2 else []
    for i, col in enumerate(columns):
        if col.field:
            close = (_set_close(blocks[i], gap, bottoms) | _under_held_over(blocks[i], i, held, settings.anchor_tolerance)
                     | _in_merged_fill(blocks[i], columns, i, shaded, anchors, settings.anchor_tolerance)
                     if col.field != "action" else set())
            _place_blocks(rows, blocks[i], col.field, starts, offset, settings.anchor_tolerance, close, banners)
    _colour_rows(rows, page.fills, columns, settings, page.marks)
    _mark_stripes(rows, stripes, zebra, settings.anchor_tolerance)
    _mark_fill_parted(rows, _one_column_fills(page.fills, columns, top, bottom), columns, settings.anchor_tolerance)
    return [r for r in rows if r.cells or r.rag_colour], zebra


def _mark_fill_parted(rows: Sequence[PageRow], cell_fills: Sequence[Fill], columns: Sequence[Column], tol: float) -> None:
    """Set each row's `fill_parted`: the columns where a fill lying in that column alone (a cell shaded
    on its own, as a zebra drawn cell by cell is) starts or ends at the row's top. A merged cell keeps
    one fill down all its rows, so an edge there shows the cell above ended. A stripe drawn across the
    table shows nothing of the cells under it."""
    for k, row in enumerate(rows):
        if k == 0:
            continue
        row.fill_parted = frozenset(
            c.field for c in columns if c.field and any(
                _lies_in(f, c) and (abs(f.top - row.top) <= tol or abs(f.bottom - row.top) <= tol) for f in cell_fills))


def _lies_in(f: Fill, c: Column) -> bool:
    return f.x0 >= c.x0 - 2 and f.x1 <= c.x1 + 2 and f.x1 - f.x0 >= STRIPE_SPAN * (c.x1 - c.x0)


def _mark_stripes(rows: Sequence[PageRow], stripes: Sequence[tuple[float, float]], zebra: tuple[int, int],
                  tol: float) -> None:
    """Set each row's `striped` where the page, or the table's earlier pages, show a zebra."""
    if len(stripes) >= 2 or _zebra_shown(zebra):
        for r in rows:
            r.striped = any(t - tol < r.top + STRIPE_PROBE < b for t, b in stripes)


def _held_over(fills: Sequence[Fill], columns: Sequence[Column], top: float, bottom: float
               ) -> list[tuple[float, float, frozenset[int]]]:
    """(top, bottom, columns) of each row of a table shaded row by row, cell by cell, whose shading skips
    columns that no fill of any colour covers there: a merged cell keeps the shading of the row it
    starts in, so those columns' cells run on from a row above. A row's shading covers half its
    columns at least, and two at least (a column of status colours is no row's, though it is half a
    table of two columns: "Date / RAG" beside "We will")."""
    inside = [f for f in fills if top - 1 <= f.top and f.bottom <= bottom + 1]
    out = []
    for fs in _fill_bands(inside, top, bottom):
        covered = {i for i, c in enumerate(columns) if any(_covers(f, c) for f in fs)}
        if 2 * len(covered) < len(columns) or len(covered) < 2 or len(covered) == len(columns):
            continue
        t, b = min(f.top for f in fs), max(f.bottom for f in fs)
        # A neighbour's fill may reach a hair into the column: a quarter of its width is a fill of its own.
        bare = frozenset(i for i, c in enumerate(columns) if i not in covered and not any(
            min(f.x1, c.x1) - max(f.x0, c.x0) > 0.25 * (c.x1 - c.x0) and min(f.bottom, b) > max(f.top, t)
            for f in inside))
        if bare:
            out.append((t, b, bare))
    return out


def _in_merged_fill(col_blocks: Sequence[list[Line]], columns: Sequence[Column], i: int, fills: Sequence[Fill],
                    anchors: Sequence[float], tol: float) -> set[int]:
    """Indexes of column i's blocks that start inside a fill of the column's own (most of its width, short
    of the next column; the last column's text may stop short of its cell's edge) reaching down past row
    starts, below the first row start it holds: in a table shaded in stripes, a merged cell keeps one
    shading down all its rows, so its paragraphs set level with a later row's start are its own
    (LibreOffice). A column of statuses keeps its cells: cells of one colour may be drawn as one."""
    col = columns[i]
    if col.field in ("rag", "milestone_and_rag"):
        return set()
    right = columns[i + 1].x0 if i + 1 < len(columns) else math.inf
    out: set[int] = set()
    for f in fills:
        if not (f.x0 >= col.x0 - 2 and f.x1 <= right + 2 and min(f.x1, col.x1) - f.x0 >= STRIPE_SPAN * (col.x1 - col.x0)):
            continue
        held = [a for a in anchors if f.top - tol <= a < f.bottom - tol]
        if len(held) >= 2:
            out |= {k for k, b in enumerate(col_blocks)
                    if k and held[0] + tol < b[0].top and (b[0].top + b[0].bottom) / 2 < f.bottom}
    return out


def _under_held_over(col_blocks: Sequence[list[Line]], i: int, held: Sequence[tuple[float, float, frozenset[int]]],
                     tol: float) -> set[int]:
    """Indexes of column i's blocks that start inside a row whose shading skips the column
    (`_held_over`): paragraphs of the merged cell above, though set level with the row's start."""
    # Inside by the first line's middle: the next row's first line may start a hair above the row's edge.
    return {k for k, b in enumerate(col_blocks) if k and any(
        i in bare and t - tol <= b[0].top and (b[0].top + b[0].bottom) / 2 < bot for t, bot, bare in held)}


def _stripe_starts(fills: Sequence[Fill], stripes: Sequence[tuple[float, float]], columns: Sequence[Column],
                   words: Sequence[Word], top: float, bottom: float) -> list[float]:
    """Where rows start in a table shaded in stripes (alternate rows filled across the table, no rules)
    or with a column of cells filled one by one: the top of the first line of text under each edge of a
    stripe and each filled cell's top. Text set close within its rows shows no row starts by its gaps;
    the fills show them. Stripes (`_stripes`) count from two on."""
    x0, x1 = columns[0].x0, columns[-1].x1
    edges = {e for stripe in stripes for e in stripe} if len(stripes) >= 2 else set()
    edges |= _cell_fill_tops(fills, columns, top, bottom)
    out: list[float] = []
    inside = [w for w in words if x0 <= w.xmid <= x1]
    for y in sorted(edges):
        # The table's first text opens no row: it may be the rest of a row from the page before.
        if not any(w.bottom <= y + 1 for w in inside):
            continue
        below = [w for w in inside if y - 1 <= w.top and w.ymid > y]
        first = _row_text_top(below, columns)
        # One stripe's bottom and the next one's top, drawn a fraction apart, show one row start.
        if (first is not None and first - y <= STRIPE_PAD_LINES * min(w.size for w in below)
                and all(abs(first - o) > 0.5 for o in out)):
            out.append(first)
    return out


def _row_text_top(below: Sequence[Word], columns: Sequence[Column]) -> float | None:
    """The top of a row's first line among the words under a fill's edge: the height at which the most
    columns start, the highest of those. A row's cells start level under its padding; a paragraph of a
    merged cell beside it, running on from above, stands where its own lines fall."""
    tops = sorted({round(w.top, 1) for w in below})
    if not tops:
        return None

    def columns_at(t: float) -> int:
        return len({i for w in below if abs(w.top - t) <= 1 for i, c in enumerate(columns) if c.x0 <= w.xmid < c.x1})
    near = [t for t in tops if t - tops[0] <= STRIPE_PAD_LINES * min(w.size for w in below)]
    return max(near, key=lambda t: (columns_at(t), -t))


def _cell_fill_tops(fills: Sequence[Fill], columns: Sequence[Column], top: float, bottom: float) -> set[float]:
    """The tops of cells filled one by one down a column (a status shown as a coloured cell): each is a
    row's cell, so each top is where a row starts, whether or not the row's other cells hold text."""
    return {round(f.top, 1) for f in _cell_fills(fills, columns, top, bottom)}


def _cell_fills(fills: Sequence[Fill], columns: Sequence[Column], top: float, bottom: float) -> list[Fill]:
    """The fills of cells filled one by one down a column, two or more in it, between top and bottom."""
    out: list[Fill] = []
    for col in columns:
        cells = [f for f in fills if top - 1 <= f.top and f.bottom <= bottom + 1
                 and min(f.x1, col.x1) - max(f.x0, col.x0) >= STRIPE_SPAN * (col.x1 - col.x0)]
        if len(cells) >= 2:
            out += cells
    return out


def _one_column_fills(fills: Sequence[Fill], columns: Sequence[Column], top: float, bottom: float) -> list[Fill]:
    """The fills between top and bottom that lie in one column, most of its width: a cell's own colour."""
    return [f for f in fills if top - 1 <= f.top and f.bottom <= bottom + 1 and any(_lies_in(f, c) for c in columns)]


def _stripes(fills: Sequence[Fill], x0: float, x1: float, top: float, bottom: float,
             columns: Sequence[Column] = ()) -> list[tuple[float, float]]:
    """(top, bottom) of the fills across the table (x0 to x1, its `columns`) between top and bottom. A
    stripe may be drawn cell by cell: the fills of one colour at one height are taken together."""
    # Edges as drawn, not as grouped: a row's first line may stand a fraction of a point under its edge.
    # A stripe drawn cell by cell skips the columns whose cells run on from a row above (a merged cell
    # keeps the shading of its first row), on either side or between: two cells or more at one height
    # over half the table make a stripe (a column of colours has one cell at each height), or over the
    # action's cell and every column but those running on.
    return [(min(f.top for f in fs), max(f.bottom for f in fs)) for fs in _fill_bands(fills, top, bottom)
            if (covered := union_length([(max(f.x0, x0), min(f.x1, x1)) for f in fs])) >= STRIPE_SPAN * (x1 - x0)
            or (len(fs) >= 2 and (covered >= 0.5 * (x1 - x0) or _skips_running_on(fs, columns)))]


def _skips_running_on(band: Sequence[Fill], columns: Sequence[Column]) -> bool:
    """Is a band of cells filled one by one a row's stripe that leaves out merged cells running on from
    above (hierarchy columns merged down the rows beside a zebra drawn cell by cell): each fill lies in
    one column, one of them the action's? A merged cell keeps the shading of the row it starts in, so
    the columns left white there run on from a white row (a later paragraph may start level with the
    row)."""
    lying = [next((c for c in columns if _lies_in(f, c)), None) for f in band]
    return None not in lying and any(c is not None and c.field == "action" for c in lying)


def _fill_bands(fills: Sequence[Fill], top: float, bottom: float) -> list[list[Fill]]:
    """The fills between top and bottom grouped by height and colour: a row's shading, drawn across the
    table or cell by cell."""
    bands: dict[tuple[int, int, str], list[Fill]] = {}
    for f in fills:
        if top - 1 <= f.top and f.bottom <= bottom + 1:
            bands.setdefault((round(f.top), round(f.bottom), f.colour), []).append(f)
    return list(bands.values())


# Points below a row's top where its first line stands, in its stripe if it has one.
STRIPE_PROBE = 2.0
# A stripe spans this share of the table's width at least; the first line of its row sets below its edge
# within this many lines.
STRIPE_SPAN = 0.9
STRIPE_PAD_LINES = 1.0


def _set_apart(blocks: dict[int, list[list[Line]]], anchors: Sequence[float]) -> list[float]:
    """The row starts with white above them, from the lowest text above in any column, at least
    APART_LINES lines high: a banner taken out of the table ("Theme 3: Children in Care") or a gap left
    between groups of rows. A cell's paragraphs stand closer."""
    heights = [ln.bottom - ln.top for bs in blocks.values() for b in bs for ln in b]
    if not heights:
        return []
    least = APART_LINES * statistics.median(heights)
    bottoms = _line_bottoms(blocks)
    return [a for a in anchors if (white := _white_above(a, bottoms)) is not None and white >= least]


# Lines of white above a row start that set it apart from the row above, whatever the shading says.
APART_LINES = 2.5


def _outside_stripes(anchors: list[float], stripes: Sequence[tuple[float, float]], tol: float,
                     earlier: tuple[int, int] = (0, 0), apart: Sequence[float] = ()
                     ) -> tuple[list[float], tuple[int, int]]:
    """The row starts the text shows, less those inside a stripe of a table shaded in stripes: a stripe
    is one row, whose cells may hold paragraphs side by side ("Delivered through ..." beside the
    measures' second item). Beside them, the zebra's evidence (`zebra_gaps`) with this page's added to
    `earlier`, what the table's earlier pages showed."""
    # One stripe alone may be a row highlighted, not shading row by row, unless the table's earlier pages
    # showed a zebra.
    if len(stripes) < 2 and not _zebra_shown(earlier):
        return anchors, earlier
    # The first row start in a stripe is its row's (below the stripe's padding); any later one, a paragraph.
    later = {a for t, b in stripes for a in sorted(a for a in anchors if t - tol < a < b - tol)[1:]}
    anchors = [a for a in anchors if a not in later]
    # Between stripes shaded row by row (zebra), the white is one row too: where most gaps hold one row
    # start, a gap's later starts are its row's paragraphs. A page with a stripe or two cannot show the
    # pattern: the gaps of the table's earlier pages count with its own.
    whites = _whites(anchors, sorted(stripes), tol)
    gaps = whites[:-1]
    seen = (earlier[0] + sum(1 for g in gaps if len(g) <= 1), earlier[1] + len(gaps))
    if (not gaps and not _zebra_shown(seen)) or seen[0] < ZEBRA_SHARE * seen[1]:
        return anchors, seen
    # A row start set apart by white (a banner taken out, `apart`) is a row's in any white.
    later = {a for g in whites for a in g[1:] if a not in apart}
    return [a for a in anchors if a not in later], seen


def _whites(anchors: Sequence[float], ordered: Sequence[tuple[float, float]], tol: float) -> list[list[float]]:
    """The row starts in the white between each two stripes, and last those after the last stripe: the
    row after a white one would be shaded ("Delivered through ..." level with the measures' second item
    in the page's last, white row). Not those above the first stripe, which may hold what opens the
    table (a header read as rows)."""
    if not ordered:
        return [[]]
    gaps = [sorted(a for a in anchors if b0 - tol < a < t1 - tol) for (_, b0), (t1, _) in zip(ordered, ordered[1:])]
    return [*gaps, sorted(a for a in anchors if a > ordered[-1][1] - tol)]


def _zebra_shown(gaps: tuple[int, int]) -> bool:
    """Do (gaps holding one row start at most, gaps) show a zebra, enough of them to trust one stripe?"""
    return gaps[1] >= ZEBRA_MIN_GAPS and gaps[0] >= ZEBRA_SHARE * gaps[1]


# Gaps between stripes the table's earlier pages must show for one stripe on a page to be a zebra's row.
ZEBRA_MIN_GAPS = 3
# Share of the gaps between stripes that hold one row start at most for the stripes to be a zebra's.
ZEBRA_SHARE = 0.6


def _with_stripes(anchors: list[float], stripes: Sequence[float], tol: float) -> list[float]:
    """The row starts the text shows, and those the stripes show that none of them is near."""
    return sorted(anchors + [y for y in stripes if all(abs(y - a) > tol for a in anchors)])


def _cut_at_anchors(blocks: list[list[Line]], anchors: Sequence[float], tol: float,
                    merged: bool = True) -> list[list[Line]]:
    """A column's text blocks cut where a line stands level with a row start: the last lines of one
    row's cell and the first of the next may follow with no gap between them. A column that may hold a
    cell `merged` down the rows (any but the action's, whose starts are the rows') is not cut where the
    line goes on the sentence above (`_wraps_on`)."""
    def cut(block: list[Line], prev: Line, ln: Line) -> bool:
        return not (merged and _wraps_on(prev, ln, max(x.x1 for x in block)))

    return _cut_blocks(blocks, anchors, tol, cut)


def _covers(f: Fill, c: Column) -> bool:
    """Does fill f lie across column c (STRIPE_SPAN of its width)?"""
    return min(f.x1, c.x1) - max(f.x0, c.x0) >= STRIPE_SPAN * (c.x1 - c.x0)


def _shade_edges(fills: Sequence[Fill], col: Column, top: float, bottom: float) -> list[float]:
    """The heights at which a fill across the column starts or ends, within the table."""
    return [y for f in fills if top - 1 <= f.top < bottom and _covers(f, col) for y in (f.top, f.bottom)]


def _cut_at_repeats(blocks: list[list[Line]], anchors: Sequence[float], tol: float,
                    bound: float = 0.0, shade_edges: Sequence[float] = ()) -> list[list[Line]]:
    """A column that may hold a cell merged down the rows, its blocks cut where a line level with a row
    start prints again the text of the line above ("The Workforce" on each of four rows set with no
    space between): a cell printed again on each row, where a merged cell's wrapped lines never repeat.
    Or where its first word would have fitted on the line above, within the column's widest line or its
    `bound` less an em of padding: a merged cell's text wraps only where the next word does not fit, so
    that line opens a cell of its own ("Research" / "Corporate Leadership" / "Practice", titles of rows of
    one line each). Or where the column's shading starts or ends between the two lines (`shade_edges`): a
    merged cell keeps one shading down all its rows, so a zebra's stripe edge across the column parts
    two cells ("Governance & Partnerships" in a stripe, "Practice" under it on white)."""
    widest = max((ln.x1 for block in blocks for ln in block), default=0.0)

    def cut(block: list[Line], prev: Line, ln: Line) -> bool:
        first = ln.words[0]
        reach = max(widest, bound - first.size)
        return (ln.text == prev.text or reach - prev.x1 > (first.x1 - first.x0) + HARD_BREAK_ROOM * first.size
                or any(prev.bottom - 1 <= y <= ln.top + 1 for y in shade_edges))

    return _cut_blocks(blocks, anchors, tol, cut)


def _cut_blocks(blocks: list[list[Line]], anchors: Sequence[float], tol: float,
                cut: Callable[[list[Line], Line, Line], bool]) -> list[list[Line]]:
    """The blocks cut before each line level with a row start (`anchors`) that `cut` (block, line above,
    line) allows."""
    out: list[list[Line]] = []
    for block in blocks:
        out.append([block[0]])
        for prev, ln in zip(block, block[1:]):
            if any(abs(ln.top - a) <= tol for a in anchors) and cut(block, prev, ln):
                out.append([ln])
            else:
                out[-1].append(ln)
    return out


def _wraps_on(prev: Line, ln: Line, edge: float) -> bool:
    """Does line `ln` go on the sentence of the line above (it opens in lower case, or the line above
    stops on a joining word) on a word that would not have fitted after the line above within the cell's
    furthest reach (`edge`), so the line above wrapped there ("... high quality service to" / "our
    Children and Young People.")? Then the cell runs past the row start level with it (a cell merged
    down the rows), not two cells."""
    first = ln.words[0]
    last = prev.words[-1].text
    # A capital alone on its line is a letter ("A" for amber), not the article that goes on.
    joining = last.lower() in JOINING_WORDS and (last[:1].islower() or len(prev.words) > 1)
    mid_sentence = ln.text[:1].islower() or joining
    return mid_sentence and prev.x1 + WORD_SPACE_EMS * first.size + (first.x1 - first.x0) > edge


# Words a sentence never ends on: a line that stops on one goes on ("... highlighted in" / "OFSTED").
JOINING_WORDS = frozenset("a an the of to in on at by for from with and or".split())


def _row_anchors(columns: Sequence[Column], blocks: dict[int, list[list[Line]]], tol: float,
                 strict: bool = False, cells: Sequence[tuple[float, float]] = (),
                 rows_of: Sequence[tuple[float, float]] = ()) -> list[float]:
    """Tops of the action column's blocks that another per-row column starts level with; all of the
    action column's block tops when none does (none when `strict`), but the later ones inside a cell of
    `rows_of` (a column of colours drawn cell by cell, one cell a row: `_drawn_row_by_row`). `cells`:
    (top, bottom) of cells filled down a column."""
    action_i = next((i for i, c in enumerate(columns) if c.field == "action"), None)
    if action_i is None:
        action_i = max(blocks, key=lambda i: len(blocks[i]))
    acts = blocks[action_i]
    level = _levels(columns, blocks, action_i, tol)
    space = _row_space(acts, level)
    firm = [a[0].top for a, m in zip(acts, level) if m >= 2]
    white = _row_gap(firm, _line_bottoms(blocks), 1)
    dated = _level_with_row_data(columns, blocks, action_i, tol)
    # A list's item stands level with another column's paragraph by chance (a measure's second), never
    # with a date or a status of its own.
    opening = set(_not_items(acts))
    starts_with = [b for k, (b, n) in enumerate(zip(acts, level)) if n and not _inside_one_cell(b[0].top, n, cells, firm, tol)
                   and (dated[k] or (b[0].top in opening and not (_paragraph_beside_one(acts, level, k, space)
                                                                   or _closer_than_rows(acts, level, k, white)
                                                                   or _cell_runs_through(columns, blocks, action_i, b, n, tol))))]
    anchors = _numbered_only(_referenced(starts_with, columns, blocks, level, acts, tol), acts)
    if not anchors:
        return [] if strict else _first_in_each(sorted(opening), rows_of, tol) or _short_cell_at_foot(columns, blocks, tol)
    return sorted(anchors + _starts_off_the_action(columns, blocks, action_i, anchors, tol, cells))


def _first_in_each(tops: list[float], cells: Sequence[tuple[float, float]], tol: float) -> list[float]:
    """The tops less those below another inside one cell: its row's later paragraphs ("2.9 Undertake a
    survey ..." / "Analyse the feedback received", both beside one green cell)."""
    return [t for t in tops if not any(a - tol <= u < t < b - tol for a, b in cells for u in tops)]


def _drawn_row_by_row(fills: Sequence[Fill], columns: Sequence[Column], top: float, bottom: float
                      ) -> list[tuple[float, float]]:
    """(top, bottom) of the cells of a column of colours drawn one cell a row: two cells of one colour
    meet edge to edge in it somewhere, so its producer drew each row's cell apart, and a cell is one row
    (a producer that paints a run of one colour as one fill never shows that)."""
    out: list[tuple[float, float]] = []
    for col in columns:
        cells = sorted(_one_column_fills(fills, [col], top, bottom), key=lambda f: f.top)
        if any(f.colour == g.colour and abs(g.top - f.bottom) <= FILL_MEET for f, g in zip(cells, cells[1:])):
            out += [(f.top, f.bottom) for f in cells]
    return out


# Points within which two cells' fills, one above the other, meet edge to edge.
FILL_MEET = 1.0


def _not_items(acts: Sequence[list[Line]]) -> list[float]:
    """Tops of the action column's blocks, but the items of a list a block introduces with a colon
    ("... with a specific focus on:" / "priority service areas" / "vulnerable groups of children"): where
    no other column shows the rows, each block is one, and the items go on the cell that names them. An
    item opens in lower case or ends on no stop; a block opening in capitals and ending a sentence is the
    next row's action. The column's last block may run on to the next page: its end shows nothing."""
    out: list[float] = []
    listing = False
    for k, b in enumerate(acts):
        text = b[-1].text.rstrip()
        item = listing and (b[0].text[:1].islower() or (k < len(acts) - 1 and not text.endswith(SENTENCE_END)))
        if not item:
            out.append(b[0].top)
        listing = text.endswith(":") or (item and listing)
    return out


def _short_cell_at_foot(columns: Sequence[Column], blocks: dict[int, list[list[Line]]], tol: float) -> list[float]:
    """On a page that prints no action (the rest of a row run on from the page before), the top of a
    short cell printed alone at its foot ("G", the next row's status, its action on the next page): the
    lowest text of the table, under white across every column."""
    short = [b for i, c in enumerate(columns) if c.field in SHORT_CELL_FIELDS for b in blocks.get(i, [])[-1:]]
    lowest = max((b[0].top for bl in blocks.values() for b in bl), default=None)
    foot = [b for b in short if lowest is not None and abs(b[0].top - lowest) <= tol and len(b) == 1]
    if not foot:
        return []
    t = foot[0][0].top
    return [t] if _white_across(blocks, [], t, tol, foot[0][0].size) else []


def _level_with_row_data(columns: Sequence[Column], blocks: dict[int, list[list[Line]]], action_i: int,
                         tol: float) -> list[bool]:
    """Per action block: does a column of a date, a status or a reference (ROW_DATA_FIELDS: printed once in a row, never
    as a cell's second paragraph) start a block level with it? Then the block opens a row, however little
    space is above it (a row of an action and a date alone, its measures blank, under a row of short
    cells), not a paragraph of the cell above beside one of another column's."""
    tops = [_opening_tops(blocks[i]) for i, c in enumerate(columns) if c.field in ROW_DATA_FIELDS and i != action_i]
    tops += [_dated_tops(blocks[i]) for i, c in enumerate(columns) if c.field in DATED_FIELDS and i != action_i]
    return [any(_level_with(b[0].top, t, tol) for t in tops) for b in blocks[action_i]]


# Columns of an officer and a date in one cell: a block that prints its own date is a row's (an officer
# alone may be a cell's second paragraph; its date is printed once in a row, at the cell's end).
DATED_FIELDS = ("lead_officer_and_milestone",)


def _dated_tops(col_blocks: Sequence[list[Line]]) -> list[float]:
    """Tops of the blocks that hold a date beside their officer ("Head of Youth" / "Justice, 30/04/2023")."""
    from ..assemble.combined import split_lead_and_date

    return [b[0].top for b in col_blocks
            if not continues_list(b) and split_lead_and_date(" ".join(ln.text for ln in b))[1] is not None]


# Fields a row prints once, in a cell of one paragraph: a date, a status, or both, and its reference (a row
# begun at a page's foot may print its action and reference alone, its other cells moved overleaf).
ROW_DATA_FIELDS = ("rag", "milestone", "milestone_and_rag", "ref")


def _levels(columns: Sequence[Column], blocks: dict[int, list[list[Line]]], action_i: int, tol: float) -> list[int]:
    """Per action block: how many other columns that hold one cell per row start a block level with it.
    Columns of fields printed once per row (references, dates, statuses, officers, measures) do; where
    none holds text, the columns of no canonical field ("Remarks", "Risks") are the row's other cells all
    the same, and beside named ones, those of them that start a cell every row (`_per_row_extras`)."""
    acts = blocks[action_i]

    def count(others: list[list[float]]) -> list[int]:
        return [sum(_level_with(b[0].top, tops, tol) for tops in others) for b in acts]

    def tops(fields: Callable[[str | None], bool]) -> list[list[float]]:
        return [_opening_tops(blocks[i]) for i, c in enumerate(columns) if fields(c.field) and i != action_i]

    named = tops(lambda f: f in ROW_START_FIELDS)
    if not any(named):
        extras = tops(lambda f: (f or "").startswith(EXTRA_PREFIX))
        # A column merged down the rows (a domain over a dozen of them) starts with a few rows only: a
        # level, which parts no rows.
        many = len(acts) >= MERGED_EXTRA_MIN_BLOCKS
        return count([t for t in extras if not many or len(t) >= MERGED_EXTRA_SHARE * len(acts)])
    level = count(named)
    # Rows the named columns show firmly: two of them start level with the action, or the one where the
    # table has one only (a date beside "Barriers" and "Dependencies").
    firm = min(2, sum(1 for t in named if t))
    more = _per_row_extras(columns, blocks, action_i, [a[0].top for a, m in zip(acts, level) if m >= firm], tol)
    return count(named + more) if more else level


# Where the action column holds at least MERGED_EXTRA_MIN_BLOCKS blocks, an extra column that starts fewer
# than this share as many (a level merged down the rows) is no per-row column. Cells of two paragraphs
# give the action column twice the blocks its rows have; a per-row column keeps to well over a third.
MERGED_EXTRA_MIN_BLOCKS = 6
MERGED_EXTRA_SHARE = 1 / 3


def _per_row_extras(columns: Sequence[Column], blocks: dict[int, list[list[Line]]], action_i: int,
                    firm: Sequence[float], tol: float) -> list[list[float]]:
    """The block tops of the columns of no canonical field ("Remarks", "Update this quarter"), or of a
    level printed again in every row ("Children in Care" under "Ambition"), that hold one cell per row:
    most of their blocks start level with an action, and most rows the named per-row columns show firmly
    (`firm`) start a block in them. A column merged down the rows (a theme, a priority) starts with few of
    those rows. The body's first line is left out: a row carried over from the page before opens every
    cell it has there."""
    if len(firm) < EXTRA_ROW_MIN:
        return _one_for_one(columns, blocks, action_i, tol)
    first = min(b[0].top for bs in blocks.values() for b in bs)
    action_tops = [a[0].top for a in blocks[action_i]]
    out = []
    for i, c in enumerate(columns):
        if i == action_i or c.field in ROW_START_FIELDS:
            continue
        tops = [t for t in _opening_tops(blocks.get(i, [])) if abs(t - first) > tol or _level_with(t, firm, tol)]
        level = sum(1 for t in tops if _level_with(t, action_tops, tol))
        shown = sum(1 for f in firm if _level_with(f, tops, tol))
        if tops and level >= EXTRA_ROW_SHARE * len(tops) and shown >= EXTRA_ROW_SHARE * len(firm):
            out.append(tops)
    return out


def _one_for_one(columns: Sequence[Column], blocks: dict[int, list[list[Line]]], action_i: int,
                 tol: float) -> list[list[float]]:
    """Where too few rows show firmly to judge the other columns by (a page of few rows, their measures
    left blank), the block tops of the columns that start one block level with each of the action's, as
    several do alike ("Update this quarter", "Underpinning plan" and "Remarks" beside each action): each
    holds one cell per row. One such column alone may be a cell's paragraphs set level by chance."""
    action_tops = [a[0].top for a in blocks[action_i]]
    if len(action_tops) < 2:
        return []
    out = []
    for i, c in enumerate(columns):
        tops = _opening_tops(blocks.get(i, [])) if i != action_i and c.field not in ROW_START_FIELDS else []
        if len(tops) == len(action_tops) and all(abs(t - a) <= tol for t, a in zip(tops, action_tops)):
            out.append(tops)
    return out if len(out) >= ONE_FOR_ONE_COLUMNS else []


# Columns that must each start one block level with every action block for that to show the rows.
ONE_FOR_ONE_COLUMNS = 2


def _opening_tops(col_blocks: Sequence[list[Line]]) -> list[float]:
    return [b[0].top for b in col_blocks if not continues_list(b)]


def _level_with(t: float, tops: Sequence[float], tol: float) -> bool:
    return any(abs(t - o) <= tol for o in tops)


# An extra column is a per-row column when this share of its blocks start level with an action, and of the
# rows two named columns show start a block in it; judged only where at least EXTRA_ROW_MIN rows show.
EXTRA_ROW_SHARE = 0.75
EXTRA_ROW_MIN = 3


def _starts_off_the_action(columns: Sequence[Column], blocks: dict[int, list[list[Line]]], action_i: int,
                           anchors: Sequence[float], tol: float, filled: Sequence[tuple[float, float]]) -> list[float]:
    """Row starts the action column does not show: rows whose action is blank here (but not inside a
    cell filled down the row above, `filled`), and a row begun at the table's foot."""
    more = [t for t in _rows_without_action(columns, blocks, action_i, anchors, tol)
            if not _inside_a_filled_row(t, filled, anchors, tol)]
    more += _not_among(_opened_at_foot(blocks, action_i, anchors, tol), more, tol)
    more += _not_among(_cell_begun_at_foot(blocks, action_i, anchors, tol), more, tol)
    return more + [t for t in _not_among(_begun_at_foot(columns, blocks, action_i, anchors), more, tol)
                   if not _list_goes_on_at(blocks, t, tol)]


def _not_among(tops: Sequence[float], found: Sequence[float], tol: float) -> list[float]:
    """The tops not level with any already `found`."""
    return [t for t in tops if all(abs(t - m) > tol for m in found)]


def _cell_begun_at_foot(blocks: dict[int, list[list[Line]]], action_i: int, anchors: Sequence[float],
                        tol: float) -> list[float]:
    """The top of a row begun at the table's foot by one cell alone (an outcome's "Feedback from", its rest,
    the row's action and every other cell on the next page): the table's lowest block, in a column that
    printed nothing beside the last row, under white across every column as wide as a row boundary
    leaves. A merged cell's next paragraph follows its text at a paragraph's spacing, and a row's cell
    opens beside the row: neither opens below a whole row its column left blank."""
    if not anchors or not blocks.get(action_i):
        return []
    last = max(anchors)
    lowest = max(b[0].top for bl in blocks.values() for b in bl)
    action_foot = max(b[-1].bottom for b in blocks[action_i])
    for i, bl in blocks.items():
        if i == action_i or len(bl) < 2:
            continue
        above, b = bl[-2], bl[-1]
        t = b[0].top
        if (abs(t - lowest) <= tol and t > last + tol and t > action_foot and above[-1].bottom < last - tol
                and _white_across(blocks, anchors, t, tol, b[0].size)):
            return [t]
    return []


def _list_goes_on_at(blocks: dict[int, list[list[Line]]], t: float, tol: float) -> bool:
    """Does a column's block level with `t` open on a later item of a numbered list ("2. Plans will be
    ...")? The row above goes on there: a short cell's second paragraph beside it (a second officer) begins
    no row."""
    return any(abs(b[0].top - t) <= tol and continues_list(b) for bl in blocks.values() for b in bl)


def _opened_at_foot(blocks: dict[int, list[list[Line]]], action_i: int, anchors: Sequence[float],
                    tol: float) -> list[float]:
    """The top of a row opened at the table's foot by its long cells alone, its action and short cells
    moved whole to the next page (an HTML engine breaks a row's tall cells, not its short ones): below
    the last row start and every line of the action column, FOOT_OPENING_CELLS columns or more open a
    block level, the lowest blocks of the table, under white across every column as wide as a row
    boundary leaves (no cell above runs on past it)."""
    if not anchors or not blocks.get(action_i):
        return []
    lasts = {i: bl[-1][0] for i, bl in blocks.items() if bl and i != action_i}
    t = max((ln.top for ln in lasts.values()), default=0.0)
    level = [ln for ln in lasts.values() if abs(ln.top - t) <= tol]
    action_foot = max(b[-1].bottom for b in blocks[action_i])
    # A cell opening a numbered list anew ("1. Children, young people ...") under its column's last item
    # shows a cell of its own where the rows' cells are lists: one column fewer will do.
    needed = FOOT_OPENING_CELLS - any(opens_list(ln) for ln in level)
    if len(level) < needed or t <= max(anchors) + tol or action_foot > t:
        return []
    return [t] if _white_across(blocks, anchors, t, tol, min(ln.size for ln in level)) else []


def _white_across(blocks: dict[int, list[list[Line]]], anchors: Sequence[float], t: float, tol: float,
                  size: float) -> bool:
    """Does white as wide as the table's row boundaries leave (a line's `size` where no row shows it) run
    across every column above `t`, no line above it reaching past it?"""
    above = [ln for bl in blocks.values() for b in bl for ln in b if ln.top < t - tol]
    if not above or any(ln.bottom > t for ln in above):
        return False
    white = _row_gap(list(anchors), _line_bottoms(blocks), 1)
    return t - max(ln.bottom for ln in above) >= (white - ROW_GAP_SLACK if white is not None else size)


# Columns that must open level at a table's foot, with no action beside them, to open a row there.
FOOT_OPENING_CELLS = 3


def _referenced(starts: list[list[Line]], columns: Sequence[Column], blocks: dict[int, list[list[Line]]],
                level: Sequence[int], acts: Sequence[list[Line]], tol: float) -> list[list[Line]]:
    """The row starts, less those only one other column starts level with where a column of references
    starts nearly every row: a paragraph of the row above that happens to stand level with a line of
    one other cell ("Delivered through ..." beside "– Jul 2022"). A row whose reference is blank still
    starts where two other columns start with it."""
    ref_tops = [b[0].top for i, c in enumerate(columns) if c.field == "ref" for b in blocks[i]]
    referenced = [any(abs(b[0].top - t) <= tol for t in ref_tops) for b in starts]
    if len(ref_tops) < ALIGNED_STARTS or sum(referenced) < NUMBERED_SHARE * len(starts):
        return starts
    many = {id(b) for b, n in zip(acts, level) if n >= 2}
    return [b for b, ref in zip(starts, referenced) if ref or id(b) in many]


def _row_space(acts: Sequence[list[Line]], level: Sequence[int]) -> float | None:
    """Where rows start with two other columns or more: the least space above such a row's action
    (from the action text above it). None when rows do not start so, or too few show it."""
    rows = [acts[i][0].top - acts[i - 1][-1].bottom for i in range(1, len(acts)) if level[i] >= 2]
    if len(rows) < 2 or statistics.median([n for n in level if n]) < 2:
        return None
    return min(rows)


def _paragraph_beside_one(acts: Sequence[list[Line]], level: Sequence[int], k: int, space: float | None) -> bool:
    """Is action block k a paragraph of the cell above, level with one other column's paragraph by
    chance (the measures' second beside the action's second)? Where rows start with two other columns
    or more (`space` above them at least), one that starts with one column only and with less space
    above it is no row start. (A row whose other cells are blank has a row's space above it.)"""
    if space is None or level[k] != 1 or k == 0:
        return False
    return acts[k][0].top - acts[k - 1][-1].bottom < space - ROW_SPACE_SLACK


def _cell_runs_through(columns: Sequence[Column], blocks: dict[int, list[list[Line]]], action_i: int,
                       block: list[Line], level: int, tol: float) -> bool:
    """Does a cell printed once a row (an officer) run on through the top of an action block level with
    one other column only: a line of its paragraph, not its first, level with the block's? A row starts
    every cell afresh; the action's second paragraph beside the measures' second does not ("Delivered
    through ..." beside "Staff surveys ...", the officer's "Assurance" going on between them)."""
    if level != 1:
        return False
    t = block[0].top
    return any(b[0].top < t - tol and any(abs(ln.top - t) <= tol for ln in b[1:])
               for i, c in enumerate(columns) if i != action_i and c.field in ROW_START_FIELDS for b in blocks[i])


def _inside_one_cell(t: float, level: int, cells: Sequence[tuple[float, float]], firm: Sequence[float],
                     tol: float) -> bool:
    """Does an action block at `t`, level with one other column's block only, stand inside a filled cell
    below its row's start, a cell that holds one row (one `firm` row start, level with two columns or
    more, falls inside it: its own)? A status cell filled down its row shows the row runs on: the
    action's second paragraph beside the measures' second. A fill painted over several rows holds
    their firm starts; a cell no firm start falls in shows nothing."""
    return level == 1 and _inside_a_filled_row(t, cells, firm, tol)


def _inside_a_filled_row(t: float, cells: Sequence[tuple[float, float]], anchors: Sequence[float], tol: float) -> bool:
    """Does height `t` lie inside a filled cell below the one row start the cell holds: a status cell filled
    down its row shows the row runs on past paragraphs of two cells that start level by chance ("Principal
    Social Worker" beside "• Plans will be", under a blank action)?"""
    for a, b in cells:
        starts = [f for f in anchors if a - tol < f < b - tol]
        if len(starts) == 1 and starts[0] < t < b - tol:
            return True
    return False


# Points by which a row's space above its text must fall short of every other row's to read as a
# paragraph's space instead.
ROW_SPACE_SLACK = 0.5


# Share of the row starts level with another column that open on a reference (most of them) before a
# paragraph without one starts no row.
NUMBERED_SHARE = 0.5


def _numbered_only(starts: Sequence[list[Line]], blocks: Sequence[list[Line]]) -> list[float]:
    """Tops of the action blocks that start rows (`starts`: those another column starts level with).
    Where the actions print their reference before the text ("1.1 Develop ..."), a paragraph without
    one ("Delivered through the People Strategy") is the row's own, however level it stands with
    another column's paragraph, and one with a reference starts a row though no other column does."""
    numbered = [b for b in starts if REF_CODE.match(b[0].words[0].text)]
    if len(numbered) >= 3 and len(numbered) >= NUMBERED_SHARE * len(starts):
        return [t for b in blocks if REF_CODE.match(b[0].words[0].text) for t in _numbered_lines(b)]
    if numbered and len(numbered) == len(starts):
        return _with_next_references(starts, blocks)
    return [b[0].top for b in starts]


def _with_next_references(starts: Sequence[list[Line]], blocks: Sequence[list[Line]]) -> list[float]:
    """Tops of the row starts, every one opening on its reference, and of each action block that opens on
    the reference next after the last row's ("1.3 Recruit ..." under "1.2 Develop ..."): a page of too few
    rows to show that every row opens so still shows a row begun at its foot whose other cells are blank
    or merged from above."""
    tops = [b[0].top for b in starts]
    last = None
    for b in blocks:
        ref = b[0].words[0].text
        if any(b is s for s in starts):
            last = ref
        elif last is not None and REF_CODE.match(ref) and _next_reference(last, ref):
            tops.append(b[0].top)
            last = ref
    return sorted(tops)


def _numbered_lines(block: list[Line]) -> list[float]:
    """Tops of the block's lines that open a row: its first, and each that opens on the reference next
    after the one above ("1.3 Recruit ..." / "1.4 Recruit ..."): rows of one line set with no space
    between read as one block."""
    tops, last = [block[0].top], block[0].words[0].text
    for ln in block[1:]:
        ref = ln.words[0].text
        if REF_CODE.match(ref) and _next_reference(last, ref):
            tops.append(ln.top)
            last = ref
    return tops


def _next_reference(a: str, b: str) -> bool:
    """Is reference `b` the one after `a` ("1.3" then "1.4", "1.9" then "2.1", "A2" then "A3")?"""
    pa, pb = a.rstrip(".").split("."), b.rstrip(".").split(".")
    if len(pa) != len(pb) or not all(x.isdigit() for x in pa[1:] + pb[1:]):
        return False
    if pa[:-1] == pb[:-1]:
        ha, hb = re.match(r"(\D*)(\d+)$", pa[-1]), re.match(r"(\D*)(\d+)$", pb[-1])
        return bool(ha and hb and ha.group(1) == hb.group(1) and int(hb.group(2)) == int(ha.group(2)) + 1)
    return (len(pa) > 1 and pa[0].isdigit() and pb[0].isdigit() and int(pb[0]) == int(pa[0]) + 1
            and all(x == "1" for x in pb[1:]))


def _rows_without_action(columns: Sequence[Column], blocks: dict[int, list[list[Line]]], action_i: int,
                         anchors: Sequence[float], tol: float) -> list[float]:
    """Tops where two other per-row columns start level beside a blank action cell (a row whose action
    is printed on the next page, its reference and officer at the foot of this one), or beside a line
    of the action column that follows the row above's with no gap (the next row's action run on), where
    that line may open a sentence: a line in lower case goes on the one above ("Delivered through the
    Safeguarding" / "and Quality Assurance Service", level with an officer's second paragraph and a
    second measure)."""
    spans = [(b[0].top - tol, b[-1].bottom) for b in blocks[action_i]]
    line_tops = [ln.top for b in blocks[action_i] for ln in b[1:] if not ln.text[:1].islower()]
    tops = _starts_by_height(columns, blocks, action_i, tol)
    opening = _opening_columns(columns, blocks, anchors, tol)
    return [t for t, cols in tops.items() if len(cols) >= 2 and not any(abs(t - a) <= tol for a in anchors)
            and (not opening or cols & opening)
            and (not any(lo <= t <= hi for lo, hi in spans) or any(abs(t - lt) <= tol for lt in line_tops))]


def _starts_by_height(columns: Sequence[Column], blocks: dict[int, list[list[Line]]], action_i: int,
                      tol: float) -> dict[float, set[int]]:
    """The per-row columns (but the action's) that start a block at each height, heights within `tol` as one."""
    tops: dict[float, set[int]] = {}
    for i, c in enumerate(columns):
        if c.field in ROW_START_FIELDS and i != action_i:
            for b in (b for b in blocks[i] if not continues_list(b)):
                t = b[0].top
                key = next((k for k in tops if abs(k - t) <= tol), t)
                tops.setdefault(key, set()).add(i)
    return tops


# Columns of one short cell per row, never a second paragraph (unlike measures, or officers listed apart).
OPENING_FIELDS = ("ref", "rag", "milestone", "milestone_and_rag")
# Share of the row starts a column of short cells must start level with to be one that opens every row.
OPENING_SHARE = 0.9


def _opening_columns(columns: Sequence[Column], blocks: dict[int, list[list[Line]]], anchors: Sequence[float],
                     tol: float) -> set[int]:
    """The columns of short cells that start level with nearly every row start (a reference, a status):
    a row with no action of its own opens with them too. Paragraphs of two cells that happen to start
    level below a row's first (the second measure beside the second officer) open none."""
    out = set()
    for i, c in enumerate(columns):
        starts = [b[0].top for b in blocks.get(i, [])]
        if c.field in OPENING_FIELDS and len(anchors) >= ALIGNED_STARTS and sum(
                any(abs(a - t) <= tol for t in starts) for a in anchors) >= OPENING_SHARE * len(anchors):
            out.add(i)
    return out


# Per-row columns of short cells (a date, a status, a reference, an officer): one cell per row.
SHORT_CELL_FIELDS = ("ref", "rag", "milestone", "milestone_and_rag", "lead_officer", "lead_officer_and_milestone")


def _begun_at_foot(columns: Sequence[Column], blocks: dict[int, list[list[Line]]], action_i: int,
                   anchors: Sequence[float]) -> list[float]:
    """The top of a row begun at the table's foot with one short cell ("November 2022 – G") whose action
    is printed on the next page: a column of one short cell per row holds a second block under the last
    row start, below every line of the row's action, and nothing of the table starts below it."""
    if not anchors or not blocks[action_i]:
        return []
    last = max(anchors)
    action_foot = max(b[-1].bottom for b in blocks[action_i])
    # Nothing of the table starts below the row's first cells (a remark beside the date may run further).
    # A block set on at a line's spacing under the one above is that cell's next line, no start.
    heads = {i: _cell_heads(bl) for i, bl in blocks.items()}
    opening = max(b[0].top for bl in heads.values() for b in bl)
    out = []
    for i, c in enumerate(columns):
        after = [b for b in heads[i] if b[0].top >= last - 1] if c.field in SHORT_CELL_FIELDS and i != action_i else []
        if len(after) >= 2 and after[-1][0].top > action_foot and after[-1][0].top >= opening - 1:
            out.append(after[-1][0].top)
    return out


def _cell_heads(col_blocks: Sequence[list[Line]]) -> list[list[Line]]:
    """The column's blocks less those set on under the block above (`_set_on`): each cell's first block
    ("Autumn 2022" over "– Action not", the dash that did not fit opening a block of its own)."""
    return [b for k, b in enumerate(col_blocks) if k == 0 or not _set_on(col_blocks[k - 1], b)]


# White (× type size) under a short cell's line that parts the cell from a block below it.
BEGUN_GAP_EMS = 0.5


def _set_on(above: list[Line], below: list[Line]) -> bool:
    """Is block `below` set at a line's spacing under `above`: the cell's own next line ("Apr 2022 – Sep
    2022" / "– Complete", the dash that did not fit opening a block of its own), not a row's first?"""
    return below[0].top - above[-1].bottom < BEGUN_GAP_EMS * below[0].size


def _anchored_rows(
    anchors: Sequence[float], blocks: dict[int, list[list[Line]]], top: float, bottom: float, tol: float
) -> list[PageRow]:
    """One row per anchor, and a leading row for text above the first (a row's tail from the page before)."""
    rows: list[PageRow] = []
    lead_needed = any(b[0].top < (anchors[0] - tol if anchors else bottom) for bl in blocks.values() for b in bl)
    if lead_needed or not anchors:
        rows.append(PageRow(top=top, bottom=anchors[0] if anchors else bottom, leading=True))
    for k, a in enumerate(anchors):
        rows.append(PageRow(top=a - 1, bottom=(anchors[k + 1] - 1) if k + 1 < len(anchors) else bottom))
    return rows


def _line_bottoms(blocks: dict[int, list[list[Line]]]) -> list[float]:
    """Every line's bottom in the table's columns, sorted."""
    return sorted(ln.bottom for bl in blocks.values() for b in bl for ln in b)


def _white_above(a: float, bottoms: Sequence[float]) -> float | None:
    """The white above a row start at `a`, from the lowest line above it in any column (`bottoms`: every
    line's bottom, sorted); None when no line stands above it."""
    k = bisect_right(bottoms, a + 0.5)
    return a - bottoms[k - 1] if k else None


def _row_gap(anchors: Sequence[float], bottoms: Sequence[float], least: int = 0) -> float | None:
    """The white a row boundary leaves in an unruled table (the cells' padding, below one row's text and
    above the next's): per row start, from the lowest line above it in any column (`bottoms`: every
    line's bottom, sorted), the median over the row starts. None where fewer than `least` rows
    (ROW_GAP_MIN_ROWS by default) show it."""
    gaps = [g for a in anchors if (g := _white_above(a, bottoms)) is not None]
    if not gaps or len(gaps) < (least or ROW_GAP_MIN_ROWS):
        return None
    # Padded cells leave the same white at every row boundary, less where a merged cell's text runs
    # close above one; rows set at a fixed pitch (whatever their cells hold) show no such white.
    white = statistics.median(gaps)
    return white if sum(abs(g - white) <= ROW_GAP_SLACK for g in gaps) >= ROW_GAP_AGREE * len(gaps) else None


def _closer_than_rows(acts: Sequence[list[Line]], level: Sequence[int], k: int, white: float | None) -> bool:
    """Is action block k, level with one other column only, set closer under the action above than a row
    boundary leaves white (`white`, over the rows that start with two columns or more)? Every column's
    text stands at least that far above a row's start: it is a paragraph of the cell above ("Delivered
    through ..." beside the measures' second)."""
    if white is None or level[k] != 1 or k == 0:
        return False
    return acts[k][0].top - acts[k - 1][-1].bottom < white - ROW_GAP_SLACK


# Row starts a table needs to show the white its row boundaries leave; the points by which a paragraph's
# space above it must fall short of that white to be set inside one cell.
ROW_GAP_MIN_ROWS = 3
ROW_GAP_SLACK = 0.5
# Share of the row starts whose white above agrees with the median's (within ROW_GAP_SLACK).
ROW_GAP_AGREE = 0.6


def _set_close(col_blocks: Sequence[list[Line]], gap: float | None, bottoms: Sequence[float]) -> set[int]:
    """Indexes of the column's blocks set closer under the block above than any row boundary leaves
    room for (`gap`, the table's row gap), the block above running lowest of all the table's text there
    (`bottoms`: every line's bottom, sorted): paragraphs of one cell, though one stands level with a row
    start (a merged outcome's second paragraph beside the next row's action). A block under a short cell
    while the row's other cells run lower is the next row's, however close the rows are set."""
    if gap is None:
        return set()
    out = set()
    for k in range(1, len(col_blocks)):
        above, top = col_blocks[k - 1][-1].bottom, col_blocks[k][0].top
        lowest = bottoms[max(0, bisect_right(bottoms, top + 0.5) - 1)]
        if top - above < gap - ROW_GAP_SLACK and above >= lowest - 0.5:
            out.add(k)
    return out


def _place_blocks(
    rows: list[PageRow], col_blocks: Sequence[list[Line]], fld: str, anchors: Sequence[float], offset: int, tol: float,
    close: set[int] = frozenset(),  # type: ignore[assignment]
    banners: Sequence[float] = (),
) -> None:
    """A column's text blocks into rows: a block level with an anchor opens that row's cell, the
    blocks below it continue it, and so does a block set `close` under the one above. No block runs on
    past a banner (`banners`: their tops): one below a banner opens the cell of the row it stands in."""
    current = None
    for n, b in enumerate(col_blocks):
        t = b[0].top
        if current is not None and any(rows[current].top < y < t for y in banners):
            current = None
        hit = None if n in close and current is not None else next(
            (k for k, a in enumerate(anchors) if abs(t - a) <= tol), None)
        if hit is not None:
            current = hit + offset
        elif current is None:
            # Before any row start in this column: the row that contains it, or the leading tail.
            above = [k for k, a in enumerate(anchors) if a <= t]
            current = (above[-1] + offset) if above else 0
        rows[current].cells.setdefault(fld, []).extend(b)


def straddle_ratio(words: Sequence[Word], columns: Sequence[Column]) -> float:
    """Share of words that cross a column boundary: near 0 inside a table, high in running prose."""
    if not words:
        return 1.0
    bounds = [c.x0 for c in columns[1:]]
    bad = sum(1 for w in words if _straddles(w, bounds))
    return bad / len(words)


def straddled_lines(words: Sequence[Word], columns: Sequence[Column]) -> float:
    """Share of the printed lines (words level with each other) that run on across a column boundary: a
    word crosses it, or the words either side of it stand no further apart than the line's own word
    spaces. Under two columns a line of prose crosses the one boundary with one word of its dozen, too
    few words to show (straddle_ratio), and its other lines part there at a word space; a table's lines
    part at a gutter or leave the boundary clear."""
    lines: dict[int, list[Word]] = {}
    for w in words:
        lines.setdefault(round(w.ymid / LINE_KEY), []).append(w)
    if not lines:
        return 0.0
    rows = [sorted(ln, key=lambda w: w.x0) for ln in lines.values()]
    bounds = [c.x0 for c in columns[1:] if not _flush_after(c.x0, c.x1, rows)]
    return sum(1 for ln in rows if _runs_across(ln, bounds)) / len(lines)


# Lines with words both sides of a boundary, and the share of them whose first word after it starts at one
# x, that make the boundary a column's left edge (_flush_after).
FLUSH_MIN_LINES = 3
FLUSH_SHARE = 0.8
FLUSH_SLACK = 1.0


def _flush_after(x: float, end: float, lines: Sequence[Sequence[Word]]) -> bool:
    """Do the words that follow the boundary at `x` start flush, at one x on most lines that run on past
    it? Then it is a column's left edge however narrow the white before it: justified cells in narrow
    columns stretch their word spaces wider than the padding between cells. Prose that runs on across
    the boundary has its next word start wherever the words before it end. Only lines with a word in the
    column the boundary opens (up to `end`) count: a line whose cell there is blank goes on in a column
    further right, and tells nothing of this edge."""
    starts = []
    for ln in lines:
        after = next((w for w in ln if w.x0 >= x - 1), None)
        if after is not None and after is not ln[0] and after.x0 < end - 1 \
                and not any(_straddles(w, [x]) for w in ln):
            starts.append(after.x0)
    if len(starts) < FLUSH_MIN_LINES:
        return False
    mid = sorted(starts)[len(starts) // 2]
    return sum(abs(s - mid) <= FLUSH_SLACK for s in starts) >= FLUSH_SHARE * len(starts)


# Words whose middles lie within this many points are one line's (straddled_lines).
LINE_KEY = 3.0
# A gap at a boundary up to this many times the line's narrowest other space is a word space, not a gutter.
RUN_ON_SPACE_SLACK = 1.5


def _runs_across(line: Sequence[Word], bounds: Sequence[float]) -> bool:
    """Does the line run on across a boundary: a word crosses it, or the two words either side of it stand
    no further apart than the line's narrowest other space (its word space; a table's line has one in a
    cell, while the white between two cells is a gutter)?"""
    if any(_straddles(w, bounds) for w in line):
        return True
    pairs = list(zip(line, line[1:]))
    for k, (a, b) in enumerate(pairs):
        if not any(a.x1 <= x + 1 and b.x0 >= x - 1 for x in bounds):
            continue
        others = [d.x0 - c.x1 for j, (c, d) in enumerate(pairs) if j != k and d.x0 - c.x1 > 0]
        if others and b.x0 - a.x1 <= RUN_ON_SPACE_SLACK * min(others):
            return True
    return False


def _straddles(w: Word, bounds: Sequence[float]) -> bool:
    return any(w.x0 < b - 1 and w.x1 > b + 1 for b in bounds)


def build_table(
    page: Page,
    header: Header | None,
    columns: list[Column] | None,
    words: Sequence[Word],
    top: float,
    bottom: float,
    settings: ExtractSettings = DEFAULT_SETTINGS,
    zebra: tuple[int, int] = (0, 0),
    banners: Sequence[float] = (),
) -> PageTable:
    """The table on `page` between `top` and `bottom`, with columns from the header (or given). `zebra`:
    the zebra's evidence the table's earlier pages showed (PageTable.zebra_gaps); `banners`: the tops of
    the banners set across it (section titles), which no cell runs on past."""
    if columns is None:
        assert header is not None
        columns, _ = columns_from_header(page, header, words, settings)
    x0, x1 = columns[0].x0, columns[-1].x1
    inside = [w for w in words if top <= w.ymid <= bottom and x0 <= w.xmid <= x1]
    inside = _inside_walls(page, columns, inside)
    ruled = rows_from_rules(page, columns, inside, top, bottom, settings)
    if ruled is not None:
        rows, closed = ruled
        return PageTable(page.number, columns, top, bottom, x0, x1, header, True, rows, closed=closed)
    rows, zebra = _text_rows(page, columns, inside, top, bottom, settings, zebra, banners)
    # Without rules nothing shows a row left open at the foot of the page: the text decides.
    return PageTable(page.number, columns, top, bottom, x0, x1, header, False, rows, closed=True,
                     zebra_gaps=zebra)


def words_vocabulary(lines: Sequence[Line]) -> Counter[str]:
    """Every word printed on the lines, with its count: the evidence that mends broken words. A key with
    a trailing space (INNER) counts the word where another word follows it on its line: there it is a
    whole word, never the start of one broken at the line's end. A key with a leading line break
    (text.line_opening) counts the word where it opens a line: only there can it be the rest of a word
    broken at a line's end."""
    counts = Counter(word_key(w.text) for ln in lines for w in ln.words)
    counts.update(word_key(w.text) + INNER for ln in lines for w in ln.words[:-1])
    counts.update(line_opening(ln.words[0].text) for ln in lines)
    return counts


# Lines of an unruled column needed before the furthest of them is taken for the column's wrap width.
WRAP_EVIDENCE_LINES = 8


def text_edges(table: PageTable, tables: Sequence[PageTable] = ()) -> dict[str, float]:
    """Per column: how far its text can reach. Walled by rules: the right rule less the cell's padding
    (measured at the left, where the lines start; word processors pad both sides alike); unruled: the
    furthest its lines reach on the page, or on the pages of the same table (`tables`) where the column
    stands in the same place, when the page alone has too few lines to show it."""
    edges = {}
    for col in table.columns:
        if not col.field:
            continue
        lines = [ln for r in table.rows for ln in r.cells.get(col.field, [])]
        if not col.ruled:
            # No wall: the text's own wrap width, the furthest its lines reach, once enough lines wrapped
            # to show it.
            if len(lines) < WRAP_EVIDENCE_LINES:
                lines = [ln for t in tables for c in t.columns if _same_place(c, col)
                         for r in t.rows for ln in r.cells.get(col.field, [])]
            if len(lines) >= WRAP_EVIDENCE_LINES:
                edges[col.field] = max(ln.x1 for ln in lines)
            continue
        pads = [ln.x0 - col.x0 for ln in lines if ln.x0 >= col.x0]
        if pads:
            edges[col.field] = col.x1 - min(pads)
    return edges


def _same_place(a: Column, b: Column) -> bool:
    return a.field == b.field and abs(a.x0 - b.x0) <= 1 and abs(a.x1 - b.x1) <= 1
