"""Columns of running text: a page set in two columns is prose, not a two-column table.

Text alignment alone cannot tell two columns of prose from a table of two columns: every line has two
chunks with a gutter between them, so the whole page reads as one table, and a small table set inside
one of the columns is swallowed by it. Three things tell them apart, none tied to a wording:

- a white gutter in the middle half of the page that almost no line crosses;
- on each side, most lines are prose: several words filling most of their side's width;
- the two sides' paragraphs start independently: in a table a new row starts on both sides of the
  gutter at once, in running text a paragraph on the left starts where the right is mid-paragraph.

`split_text_columns` returns the words of each column (and the words that cross the gutter, such as a
title over both columns, on their own) so that tables are looked for inside each column.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..extract.text import Line, split_chunks, words_to_lines
from ..readers.model import Word
from ..settings import DEFAULT_SETTINGS, ExtractSettings
from .aligned import justified

# A side's line is prose when it holds at least this many words and spans this share of its side.
PROSE_WORDS = 4
PROSE_SPAN = 0.6
# The share of a prose line's words that hold a letter (a row of figures is no prose).
WORDY = 0.75
# The share of a side's lines that must be prose, and of the page's lines that may cross the gutter (a
# title over both columns, a figure's caption).
PROSE_SHARE = 0.6
CROSS_SHARE = 0.1
# How many lines the page, and each side of the gutter, must hold to judge.
MIN_SPLIT_LINES = 8
# At most this share of one side's paragraph starts may fall on a line where the other side starts one.
MAX_CO_STARTS = 0.5
# A line ending short of this share of its side's width ends its paragraph.
FULL_LINE = 0.85


def _gutter(lines: Sequence[Line], min_width: float) -> float | None:
    """The middle of the white run, in the middle half of the block, that the fewest lines cross (and
    at most CROSS_SHARE of them); None if there is none at least `min_width` wide."""
    x0 = min(ln.x0 for ln in lines)
    x1 = max(ln.x1 for ln in lines)
    n = int(x1 - x0) + 2
    cross = [0] * n
    for ln in lines:
        for w in ln.words:
            for k in range(max(0, int(w.x0 - x0)), min(n, int(w.x1 - x0) + 1)):
                cross[k] += 1
    inner = range(n // 4, 3 * n // 4)
    if not inner:
        return None
    least = min(cross[k] for k in inner)
    if least > CROSS_SHARE * len(lines):
        return None
    runs: list[list[int]] = []
    for k in inner:
        if cross[k] == least:
            if runs and runs[-1][-1] == k - 1:
                runs[-1].append(k)
            else:
                runs.append([k])
    run = max(runs, key=len)
    if len(run) < min_width:
        return None
    return x0 + (run[0] + run[-1]) / 2 + 0.5


def _prose_side(lines: Sequence[Line]) -> bool:
    """Are most of a side's lines running text: several words across most of the side?"""
    if len(lines) < MIN_SPLIT_LINES:
        return False
    x0 = min(p.x0 for p in lines)
    x1 = max(p.x1 for p in lines)
    prose = sum(1 for p in lines if p.x1 - p.x0 >= PROSE_SPAN * (x1 - x0) and _running_text(p))
    return prose >= PROSE_SHARE * len(lines)


def _running_text(line: Line) -> bool:
    """Words, not figures, set as one run (no gap wider than a stretched word space)."""
    words = [w for w in line.words if any(ch.isalpha() for ch in w.text)]
    return len(words) >= PROSE_WORDS and len(words) >= WORDY * len(line.words) and \
        (justified(line) or len(split_chunks(line)) == 1)


def _starts(lines: Sequence[Line]) -> list[float]:
    """The tops of the lines where a paragraph starts on one side (not its first line): after more
    space than the side's usual line pitch, or after a line that ends short of the side's width."""
    x0 = min(p.x0 for p in lines)
    width = max(p.x1 for p in lines) - x0
    pitches = sorted(b.top - a.top for a, b in zip(lines, lines[1:]))
    pitch = pitches[len(pitches) // 2] if pitches else 0.0
    return [
        b.top for a, b in zip(lines, lines[1:])
        if b.top - a.top > 1.3 * pitch or a.x1 - x0 < FULL_LINE * width
    ]


def _independent(left: Sequence[Line], right: Sequence[Line]) -> bool:
    """Do the two sides start their paragraphs apart, as running text does (not row by row)?"""
    ls, rs = _starts(left), _starts(right)
    if not ls or not rs:
        return True
    height = min(ln.bottom - ln.top for ln in [*left, *right])
    together = sum(1 for a in ls if any(abs(a - b) <= height / 2 for b in rs))
    return together <= MAX_CO_STARTS * min(len(ls), len(rs))


def split_text_columns(words: Sequence[Word], settings: ExtractSettings = DEFAULT_SETTINGS) -> list[list[Word]]:
    """The words of a page set in two columns of running text, one list per column (then the lines that
    cross the gutter, such as a title over both, if any); `[words]` when the page is not set that way."""
    lines = words_to_lines(words)
    if len(lines) < MIN_SPLIT_LINES:
        return [list(words)]
    cut = _gutter(lines, settings.gutter_min_width)
    if cut is None:
        return [list(words)]
    crossing = [w for ln in lines if any(w.x0 < cut < w.x1 for w in ln.words) for w in ln.words]
    held = {id(w) for w in crossing}
    left = [w for w in words if id(w) not in held and w.x1 <= cut]
    right = [w for w in words if id(w) not in held and w.x0 >= cut]
    left_lines, right_lines = words_to_lines(left), words_to_lines(right)
    if not (_prose_side(left_lines) and _prose_side(right_lines)):
        return [list(words)]
    if not _independent(left_lines, right_lines):
        return [list(words)]
    return [g for g in (left, right, crossing) if g]
