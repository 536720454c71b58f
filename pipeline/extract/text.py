"""Words -> text lines -> paragraphs: the geometry of running text, shared by every strategy."""

from __future__ import annotations

import math
import operator
import re
import statistics
from bisect import bisect_left
from typing import Iterable, Mapping, Sequence

from ..readers.model import SLANTED, Word
from .lexicon import SHORT_WORDS, is_word
from ..settings import DEFAULT_SETTINGS, ExtractSettings
from ..text_contract import printed

_PUNCT = ".,;:!?()[]{}'\"\u2018\u2019\u201c\u201d"
_SPACES = re.compile(r"[ \t\u00a0\u2002\u2003\u2009\u200a]+")
BULLET_GLYPHS = "\u2022\u25cf\u25aa\u25a0\u25e6\u2023\u2219\u00b7\uf0b7\uf0a7\uf076\uf0d8"
# A list marker: a bullet glyph, or a dash standing alone before the text ("- Item"; "-1.9" is a number).
# A glyph with no text after it marks nothing: it is the cell's content (a status shown as "\u25cf").
_BULLET = re.compile(rf"^(?:[{BULLET_GLYPHS}]\s*|[-\u2013]\s+)(?=\S)")


# Punctuation this close (points) to a word prints as part of it.
TOUCHING_PT = 0.5


class Line:
    """A run of words on one baseline, left to right. Its extent is computed once, and its text the
    first time it is read: lines are read many times over by header search, gutters and row assembly
    (a Line's words never change, so neither does either)."""

    __slots__ = ("words", "x0", "x1", "top", "bottom", "size", "_text")

    def __init__(self, words: tuple[Word, ...]):
        self.words = words = tuple(words)
        first = words[0]
        x0, x1, top, bottom, size = first.x0, first.x1, first.top, first.bottom, first.size
        for w in words[1:]:
            if w.x0 < x0:
                x0 = w.x0
            if w.x1 > x1:
                x1 = w.x1
            if w.top < top:
                top = w.top
            if w.bottom > bottom:
                bottom = w.bottom
            if w.size > size:
                size = w.size
        self.x0, self.x1, self.top, self.bottom, self.size = x0, x1, top, bottom, size
        self._text: str | None = None

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = self._joined()
        return self._text

    def _joined(self) -> str:
        words = self.words
        if len(words) == 1:
            return words[0].text
        parts = [words[0].text]
        for a, b in zip(words, words[1:]):
            # Punctuation that touches its word was parted from it only by a change of font or size
            # ("approaches" and a full stop set in another font): it joins without a space. Two words
            # that touch keep theirs: a space can be eaten by kerning ("school" + italic "or").
            touching = not a.rotation and abs(b.x0 - a.x1) <= TOUCHING_PT
            punct = not b.text[:1].isalnum() or not a.text[-1:].isalnum()
            parts.append(b.text if touching and punct else " " + b.text)
        return "".join(parts)

    def __eq__(self, other) -> bool:
        return isinstance(other, Line) and self.words == other.words

    def __hash__(self) -> int:
        return hash(self.words)

    def __repr__(self) -> str:
        return f"Line({self.text!r}, x0={self.x0:.1f}, top={self.top:.1f})"


# A line no further below the line above than this share of its height is the next line of its paragraph.
RUN_ON_GAP = 0.5


def words_to_lines(words: Iterable[Word], settings: ExtractSettings = DEFAULT_SETTINGS) -> list[Line]:
    """Cluster words into text lines (top to bottom), each line's words left to right. Text set at 90 or
    270 degrees (a narrow heading turned on its side) makes lines of its own, read in its direction, so
    that it is one heading and never scattered into the upright lines it crosses. Slanted text (a watermark
    across the page) joins no line: its letters would land in the lines they cross ("er T")."""
    upright: list[Word] = []
    turned: list[Word] = []
    for w in words:
        if w.rotation != SLANTED:
            (turned if w.rotation else upright).append(w)
    lines = _upright_lines(upright, settings)
    if not turned:
        return lines
    keyed = [(ln.words[0].ymid, i, ln) for i, ln in enumerate(lines)]
    keyed += [(ln.top + ln.size / 2, len(lines) + i, ln) for i, ln in enumerate(_turned_lines(turned, settings))]
    return [ln for _, _, ln in sorted(keyed, key=lambda t: (t[0], t[1]))]


def _turned_lines(words: Sequence[Word], settings: ExtractSettings) -> list[Line]:
    """Turned words sharing a vertical baseline and following each other closely, in reading order:
    upward (90 degrees) from the bottom, downward (270) from the top."""
    share = settings.line_y_tolerance
    columns: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (w.rotation, w.xmid, w.top)):
        if columns:
            cur = columns[-1]
            if cur[0].rotation == w.rotation and abs(w.xmid - cur[0].xmid) <= share * min(cur[0].size, w.size):
                cur.append(w)
                continue
        columns.append([w])
    lines = []
    for col in columns:
        col.sort(key=lambda w: w.top)
        runs = [[col[0]]]
        for prev, w in zip(col, col[1:]):
            if w.top - prev.bottom > settings.chunk_gap * min(prev.size, w.size):
                runs.append([w])
            else:
                runs[-1].append(w)
        for run in runs:
            lines.append(Line(tuple(reversed(run)) if run[0].rotation == 90 else tuple(run)))
    return lines


def _upright_lines(words: Sequence[Word], settings: ExtractSettings) -> list[Line]:
    share = settings.line_y_tolerance
    ordered = sorted(words, key=_BY_YMID_X0)
    lines: list[list[Word]] = []
    mid_sum = 0.0  # running sum of the current line's word centres
    for w in ordered:
        ymid = w.ymid
        if lines:
            cur = lines[-1]
            tol = share * min(cur[0].size, w.size)
            if abs(ymid - mid_sum / len(cur)) <= tol:
                cur.append(w)
                mid_sum += ymid
                continue
        lines.append([w])
        mid_sum = ymid
    return [Line(tuple(sorted(ln, key=_BY_X0))) for ln in lines]


_BY_YMID_X0 = operator.attrgetter("ymid", "x0")
_BY_X0 = operator.attrgetter("x0")


def page_lines(page, settings: ExtractSettings = DEFAULT_SETTINGS) -> list[Line]:
    """The page's text lines, computed once per page and settings: several stages read them."""
    cached = getattr(page, "_planpipe_lines", None)
    if cached is None or cached[0] != settings:
        cached = (settings, words_to_lines(page.words, settings))
        page._planpipe_lines = cached
    return cached[1]


def split_chunks(line: Line, cuts: Sequence[float] = (), settings: ExtractSettings = DEFAULT_SETTINGS) -> list[Line]:
    """Split a page-wide line where words are far apart, or where a vertical rule passes between them."""
    share, floor = settings.chunk_gap, settings.chunk_gap_min
    chunks: list[list[Word]] = [[line.words[0]]]
    cuts = sorted(cuts)
    for prev, w in zip(line.words, line.words[1:]):
        gap = w.x0 - prev.x1
        limit = max(share * min(prev.size, w.size), floor)
        k = bisect_left(cuts, prev.x1 - 0.5)
        ruled = k < len(cuts) and cuts[k] <= w.x0 + 0.5
        if gap > limit or ruled:
            chunks.append([w])
        else:
            chunks[-1].append(w)
    return [Line(tuple(c)) for c in chunks]


# Room (× type size) beyond the next word's width that a line must have left to count as broken by hand.
HARD_BREAK_ROOM = 1.0


def lines_to_paragraphs(
    lines: Sequence[Line], settings: ExtractSettings = DEFAULT_SETTINGS, edge: float | None = None,
    mid_sentence: bool = True, justified: bool = False, column_leading: float | None = None,
) -> list[list[Line]]:
    """Group a cell's lines into paragraphs at vertical gaps larger than ordinary line spacing. `edge`:
    how far the cell's text can reach, when its walls are known. `mid_sentence`: a line broken by hand
    inside a sentence ends a paragraph too (text as printed); where paragraphs are blocks that may start
    rows, only a finished sentence or a numbered item does. `justified`: the cell's column sets its text
    justified (its cells, all together, show it: a cell of a few lines cannot). `column_leading`: the even
    line spacing of the cell's column over its table (`even_column_leading`), which a cell of three lines
    in two paragraphs cannot show alone."""
    share, extra = settings.paragraph_gap, settings.paragraph_extra_gap
    gaps = [b.top - a.bottom for a, b in zip(lines, lines[1:])]
    # The cell's usual line spacing: a paragraph space is measured against it, as a reader sees it.
    usual = statistics.median(gaps) if len(gaps) >= 2 else None
    leading = _cell_leading(lines, gaps, column_leading)
    # How far a line could reach: the cell's text edge when its walls are known, else its widest line.
    right = max([ln.x1 for ln in lines] + ([edge] if edge is not None else []), default=0.0)
    paras: list[list[Line]] = []
    for ln in lines:
        if paras:
            prev = paras[-1][-1]
            gap = ln.top - prev.bottom
            size = min(prev.size, ln.size)
            wide = (gap > share * size or (usual is not None and gap - usual > extra * size)
                    or (leading is not None and gap - leading >= PARAGRAPH_OVER_EVEN)
                    or _hard_break(prev, ln, right, mid_sentence, justified))
            # A list item starts its own paragraph, however tight the spacing.
            # Without the cell's walls, its widest line shows how far a line could reach, where the
            # paragraph above has wrapped at least once; a cell of two lines shows nothing.
            reach = edge if edge is not None or len(paras[-1]) < 2 else right
            starts_item = (is_bullet(ln) and not (_wrapped_dash(paras[-1], ln, reach) or _range_goes_on(paras[-1], ln))
                           or _next_item(paras[-1], ln))
            if not wide and not starts_item:
                paras[-1].append(ln)
                continue
        paras.append([ln])
    return paras


# A gap this much (pt) over a cell's even line spacing is a paragraph space set tight, when the spacing
# is even (its lines' gaps agree within LEADING_NOISE pt): a point is plain to see where nothing jitters.
PARAGRAPH_OVER_EVEN = 1.0
LEADING_NOISE = 0.3


def _cell_leading(lines: Sequence[Line], gaps: Sequence[float], column_leading: float | None) -> float | None:
    """The cell's even line spacing, or its column's when the cell cannot show one and is set no tighter
    than its column (then the column's spacing is the cell's: its gaps may all be paragraphs')."""
    leading = _even_leading(lines, gaps)
    if leading is None and column_leading is not None and gaps and _one_size(lines) \
            and min(gaps) >= column_leading - LEADING_NOISE:
        return column_leading
    # Two paragraph spaces alike look even too ("Undertake ... Survey." / "Analyse ..." / "Delivered
    # ..."): where the cell also sets lines at its column's tighter spacing, that is its line spacing.
    if leading is not None and column_leading is not None and leading - column_leading >= PARAGRAPH_OVER_EVEN \
            and any(abs(g - column_leading) <= LEADING_NOISE for g in gaps):
        return column_leading
    return leading


def _even_leading(lines: Sequence[Line], gaps: Sequence[float]) -> float | None:
    """The cell's line spacing when it is even: the largest of the gaps that agree within LEADING_NOISE
    with at least one other, in lines of one type size. None when no two gaps agree (too few lines to
    tell) or the sizes differ (a mixed line sits higher or lower)."""
    if len(gaps) < 2 or not _one_size(lines):
        return None
    best = _agreeing(gaps)
    return best[-1] if len(best) >= 2 else None


def _one_size(lines: Sequence[Line]) -> bool:
    return max(ln.size for ln in lines) - min(ln.size for ln in lines) <= 0.1


def _agreeing(gaps: Sequence[float]) -> list[float]:
    """The largest run of gaps that agree within LEADING_NOISE, smallest first."""
    ordered = sorted(gaps)
    best: list[float] = []
    for i, g in enumerate(ordered):
        run = [h for h in ordered[i:] if h - g <= LEADING_NOISE]
        if len(run) > len(best):
            best = run
    return best


# Share of a column's line gaps that must agree for its spacing to count as even.
EVEN_COLUMN_SHARE = 0.5


def even_column_leading(cells: Sequence[Sequence[Line]]) -> float | None:
    """A column's line spacing over all its cells when it is even: most of the gaps between the lines
    of its cells (each cell in one type size, all cells in the same) agree within LEADING_NOISE. The
    largest of them, as `_even_leading` gives a cell's; None when the column shows no even spacing."""
    sized = [c for c in cells if len(c) >= 2 and _one_size(c)]
    if not sized or max(c[0].size for c in sized) - min(c[0].size for c in sized) > 0.1:
        return None
    gaps = [b.top - a.bottom for c in sized for a, b in zip(c, c[1:])]
    best = _agreeing(gaps)
    return best[-1] if len(best) >= 3 and len(best) >= EVEN_COLUMN_SHARE * len(gaps) else None


def tightest_leading(lines: Sequence[Line]) -> float | None:
    """The tightest line spacing a column's lines show, before its cells are known: the smallest gap at
    which at least TIGHT_LEADING_GAPS gaps agree, in lines of one type size. Where a column's one-line
    cells leave more paragraph spaces than wrapped lines, its even spacing is the paragraphs' (a cell's
    lines are set at the wrapped ones': "Recruit Deputy Virtual Headteacher" / "Recruit to vacancies")."""
    if not lines or not _one_size(lines):
        return None
    gaps = sorted(b.top - a.bottom for a, b in zip(lines, lines[1:]))
    for i, g in enumerate(gaps):
        run = [h for h in gaps[i:] if h - g <= LEADING_NOISE]
        if g > 0 and len(run) >= TIGHT_LEADING_GAPS:
            return run[-1]
    return None


# Gaps that must agree to show a column's tightest line spacing.
TIGHT_LEADING_GAPS = 2


# An action reference as a word of its own: "1.1", "2.3.1", "A2", "R3.1" (a bare "3" could be a score);
# it opens an action ("1.1 Develop ...") or fills a cell (pipeline.assemble.combined).
REF_CODE = re.compile(r"^(?:\d+(?:\.\d+)+|[A-Z]{1,3}\d+(?:\.\d+)*)\.?$")
_DASHES = ("-", "\u2013")
SENTENCE_END = (".", "!", "?")


def _hard_break(prev: Line, line: Line, right: float, mid_sentence: bool = True, justified: bool = False) -> bool:
    """Was the line broken by hand (a new paragraph with no space above it)? The line's first word would
    have fitted on the line above, within the cell's widest line: text that merely wraps breaks only
    when the next word does not fit. So it is whatever the line above ends on, a sentence or not
    ("Feedback from" / "families. staff and partners ...", a title broken as its author typed it).
    In `justified` text every line of a paragraph but its last is stretched to the edge: a line of two
    words or more that stops an em short ends its paragraph ("1.1 Recruit a Participation Officer." /
    "Delivered ..."); a word alone on its line cannot stretch.
    Without `mid_sentence`, only where a sentence ended or a numbered item starts."""
    if _reference_alone(prev) and _reference_alone(line):
        return True  # two references stacked ("1.1" / "1.2", rows set close): two cells, however narrow
    if not mid_sentence and not _ends_sentence_or_opens_item(prev, line):
        return False
    first = line.words[0]
    if justified and len(prev.words) > 1 and right - prev.x1 > first.size:
        return True
    return right - prev.x1 > (first.x1 - first.x0) + HARD_BREAK_ROOM * first.size


# Lines of a column's cells that must end flush at its edge, and their least share of the lines that go
# on to another in their cell, for the column to read as justified.
JUSTIFIED_LINES = 4
JUSTIFIED_SHARE = 0.6


def flush_lines(cells: Sequence[Sequence[Line]], edge: float | None = None) -> tuple[int, int]:
    """Of the lines of one column's cells that go on to another in their cell: (how many end flush at the
    column's edge, how many there are). Justified text ends most of them flush."""
    flush = flush_texts(cells, edge)
    return sum(flush.values()), len(flush)


def flush_texts(cells: Sequence[Sequence[Line]], edge: float | None = None) -> dict[str, bool]:
    """The lines of one column's cells that go on to another in their cell, by text: does each end flush
    at the column's edge, its spaces stretched beyond the column's plain ones (`_plain_space`)? A text
    printed in many cells (an officer's title on every row) counts once."""
    going_on = {ln.text: ln for cell in cells for ln in cell[:-1] if len(ln.words) > 1}
    right = max([ln.x1 for cell in cells for ln in cell] + ([edge] if edge is not None else []), default=0.0)
    plain = _plain_space([cell[-1] for cell in cells if cell and len(cell[-1].words) > 1])
    return {text: right - ln.x1 <= 0.5 and (plain is None or _mean_space(ln) > plain + STRETCHED_SPACE)
            for text, ln in going_on.items()}


# Points by which a justified line's spaces are wider than the column's plain ones (a nearly full line
# stretches them by a fifth of a point); a line that merely reaches the column's widest extent (its widest
# text, where no wall is known) is set with plain spaces, equal to a hundredth of a point.
STRETCHED_SPACE = 0.1


def _mean_space(line: Line) -> float:
    ws = line.words
    return sum(b.x0 - a.x1 for a, b in zip(ws, ws[1:])) / (len(ws) - 1)


def _plain_space(last_lines: Sequence[Line]) -> float | None:
    """The column's plain word space: the median space of its cells' last lines (set unstretched, justified
    or not), when there are JUSTIFIED_LINES of them or more."""
    if len(last_lines) < JUSTIFIED_LINES:
        return None
    return statistics.median(_mean_space(ln) for ln in last_lines)


def justified_counts(flush: int, going_on: int) -> bool:
    """Do the counts of `flush_lines` show justified text?"""
    return flush >= JUSTIFIED_LINES and flush >= JUSTIFIED_SHARE * going_on


def _ends_sentence_or_opens_item(prev: Line, line: Line) -> bool:
    """Did a sentence end on `prev`, or does `line` open a numbered item or a referenced one ("2.27
    Undertake ...", a reference printed in the action's cell)?"""
    return ((prev.text.endswith(SENTENCE_END) and line.words[0].text[:1].isupper()) or _item_number(line) is not None
            or (len(line.words) > 1 and REF_CODE.match(line.words[0].text) is not None))


def _reference_alone(line: Line) -> bool:
    return len(line.words) == 1 and REF_CODE.match(line.words[0].text) is not None


def _wrapped_dash(para: Sequence[Line], line: Line, edge: float | None) -> bool:
    """A dash opens `line` only because the line above was full: the dash and the word after it would
    not fit there, the sentence runs on (no stop or colon) and the paragraph is no dash list. A list
    item's dash follows a line with room left, or a colon."""
    if edge is None or para[0].words[0].text in _DASHES:
        return False
    return dash_run_on(line, para[-1].text, edge - para[-1].x1)


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_DATE_END = re.compile(rf"(?:\b(?:19|20)\d{{2}}|\b{_MONTH}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})$")
_DATE_START = re.compile(rf"^(?:(?:19|20)\d{{2}}|{_MONTH}|\d{{1,2}}(?:/\d{{1,2}}/\d{{2,4}})?)$")


def _range_goes_on(para: Sequence[Line], line: Line) -> bool:
    """Does a dash open `line` between two dates, the line above ending on one and a date following the
    dash ("Apr 2022" / "– Sep 2022")? A range of dates wrapped at its dash, however few lines show the
    cell's width: no list item opens on the end of a range."""
    if len(line.words) < 2 or line.words[0].text not in _DASHES:
        return False
    return bool(_DATE_END.search(para[-1].text)) and bool(_DATE_START.match(line.words[1].text))


def dash_run_on(line: Line, above: str, room: float) -> bool:
    """Does a dash open `line` only because the line above it (its text `above`, `room` pt left at its end)
    had no room for the dash and the word after it, the sentence running on (no stop or colon)? Also
    across a page break, where the line above is the foot of the cell on the page before."""
    if len(line.words) < 2 or line.words[0].text not in _DASHES or above.endswith((":", ";", ".")):
        return False
    return room < line.words[1].x1 - line.words[0].x0


_ITEM_MARK = re.compile(r"^\(?(\d{1,2}|[a-z])[.)]$")


def _item_number(line: Line) -> int | None:
    return item_mark(line.words[0].text) if len(line.words) > 1 else None


def item_mark(word: str) -> int | None:
    """The number of a list item's mark ("5.", "(b)", "3)"), counting letters from 1; None for no mark."""
    m = _ITEM_MARK.match(word)
    if m is None:
        return None
    mark = m.group(1)
    return int(mark) if mark.isdigit() else ord(mark) - ord("a") + 1


def next_item(before: str, after: str) -> bool:
    """Does paragraph `after` open the item of a numbered list that follows the one `before` opens
    ("1. ..." then "2. ...", a list cut by a page break)?"""
    a, b = before.split(maxsplit=1), after.split(maxsplit=1)
    k, first = (item_mark(b[0]) if len(b) > 1 else None), (item_mark(a[0]) if len(a) > 1 else None)
    return k is not None and first is not None and k == first + 1


def _next_item(para: Sequence[Line], line: Line) -> bool:
    """Does `line` open the next item of a numbered list the paragraph opened ("1. ..." then "2. ...")?
    Items set with no space between them are paragraphs all the same; a number that merely wrapped to
    a line's start does not follow on from the paragraph's own."""
    k, first = _item_number(line), _item_number(para[0])
    return k is not None and first is not None and k == first + 1


def continues_list(block: Sequence[Line]) -> bool:
    """Does the block open on a later item of a numbered list ("2. ...")? It goes on with the list above
    it, so it starts no row of a table."""
    k = _item_number(block[0])
    return k is not None and k > 1


def opens_list(line: Line) -> bool:
    """Does the line open a numbered list at its first item ("1. ...", "(a) ...")?"""
    return _item_number(line) == 1


def is_bullet(line: Line) -> bool:
    """Does the line open with a list marker ("•", "▪", or a dash standing alone before the text)?"""
    first = line.words[0].text
    return first in _DASHES or first[:1] in BULLET_GLYPHS


# Hyphens that hyphenation engines (WeasyPrint, TeX-style layout) print where they break a word.
BREAK_HYPHENS = ("\u2010", "\u00ad")


def hyphenated(before: str, after: str) -> bool:
    """Does `before` end in a layout engine's hyphenation break whose word goes on in `after`? The break
    (U+2010, or a soft hyphen shown at the line end) is not part of the word; an author's own hyphen
    (U+002D, "co-" / "locate") is kept. A broken word is one paragraph, whatever the spacing or page
    break between its parts."""
    # A word in capitals goes on in capitals ("OFS-" / "TED").
    capitals = before[-2:-1].isupper() and after[:1].isupper()
    return before.endswith(BREAK_HYPHENS) and before[-2:-1].isalpha() and (after[:1].islower() or capitals)


def join_lines(texts: Sequence[str], broken: Sequence[bool] = (), slash_breaks: bool = False) -> str:
    """Join wrapped lines of one paragraph: a line ending in a hyphen joins without a space (a slash as
    `slash_breaks` says: joins_close), and so does a line flagged in `broken` (the rest of a word broken
    at the line end above)."""
    out = ""
    for i, t in enumerate(texts):
        # A list marker opens a paragraph; a dash further down is part of the sentence (_wrapped_dash).
        t = _tidied(t) if not out else _SPACES.sub(" ", t).strip()
        if not t or (not out and _lone_marker(t, i + 1 < len(texts))):
            continue
        if not out:
            out = t
        elif i < len(broken) and broken[i]:
            out += t
        elif hyphenated(out, t):
            out = out[:-1] + t
        else:
            out += t if joins_close(out, t, slash_breaks) else " " + t
    return printed_hyphens(out, keep_last=True)


def joins_close(out: str, t: str, slash_breaks: bool = False) -> bool:
    """Does line `t` go on from the text above with no space? A line ending on a slash before a word
    broke at a space after it ("Budget holders/" / "reviewers"), unless the producer breaks after a slash
    inside a word (`slash_breaks`: "children/" / "young"); before a figure the slash may end a piece of a
    date broken in a narrow cell ("30/09/" / "2022")."""
    return ((out.endswith(("-", "\u2010", "\xad")) and not out.endswith((" -", " \u2010")))
            or (out.endswith("/") and not out.endswith(" /") and (slash_breaks or not t[:1].isalpha()))
            # Wrapped text never opens a line on a comma or a full stop: it was cut off its word.
            or (t[:1] in _CLOSING and out[-1:].isalnum() and (t[:1] != "/" or t[1:2].isalnum()))
            # A percentage broken in a narrow column ("60" / "%", "10" / "0%").
            or (out.isdigit() and _PERCENT_REST.match(t) is not None)
            # A break before a compound's hyphen ("Longer" / "-term"): a dash item stands apart.
            or (t[:1] in "-\u2010" and t[1:2].islower() and out[-1:].isalpha()))


_PERCENT_REST = re.compile(r"\d*%(?:\s|$)")


def _lone_marker(line: str, more: bool) -> bool:
    """Is a paragraph's first line a list marker alone, its item's text below (`more`: lines follow; the
    first word did not fit beside it)? A symbol alone in its cell is its text ("●" for a status)."""
    return more and len(line) == 1 and line in BULLET_GLYPHS


# Punctuation that closes the word before it, and a slash set close to the word after it, which joins
# two ("30/04" / "/2023", "and" / "/or"; "Director" / "/ Head" is two words either side of a slash).
_CLOSING = frozenset(",.;:)?!/")


def tidy(text: str) -> str:
    """Collapse runs of spaces (including no-break spaces) and drop bullets. Undecodable characters
    (U+FFFD) stay, for pipeline.text_contract to remove and report with the record's page and seq."""
    return printed_hyphens(_tidied(text))


def _tidied(text: str) -> str:
    text = _SPACES.sub(" ", text).strip()
    return _BULLET.sub("", text)


def printed_hyphens(text: str, keep_last: bool = False) -> str:
    """A soft hyphen inside a line was printed there (producers map the hyphen glyph of "13-24" or
    "year-long" to U+00AD; the readers keep it, as pdfplumber does, and drop one that takes no room): it
    is written as the hyphen it shows. One that ends a paragraph may be a hyphenation break whose word goes
    on after a page break (pipeline.assemble.rows joins it): `keep_last` leaves it for that."""
    if keep_last and text.endswith("\xad"):
        return printed(text[:-1]) + "\xad"
    return printed(text)


def word_key(text: str) -> str:
    """A word as the vocabulary counts it: lower case, without the punctuation around it."""
    return text.strip(_PUNCT).lower()


# A number or a date in figures ("30/09/202" / "2"): no break opportunity inside it but a character break.
_NUMBER_PIECE = re.compile(r"^[£$€]?\d[\d,./]*$")
_NUMBER_REST = re.compile(r"^(?:\d[\d,./]*%?|%)[.,;:)]?$")


# Marks a vocabulary key that counts a word followed by another on its line (pipeline.assemble.rows).
INNER = " "


def line_opening(first: str) -> str:
    """The vocabulary key counting `first` where it opens a line."""
    return f"\n{word_key(first)}"


def broken_words(para: Sequence[Line], edge: float | None, vocabulary: Mapping[str, int] | None,
                 bound: float | None = None) -> list[bool]:
    """Per line: does it open with the rest of a word broken at the end of the line above? A word
    processor breaks a word only when it is wider than the cell: the line above is that one word, ending
    less than a letter short of the cell's text edge, so its next letter did not fit ("Commence" / "d").
    A word that merely wrapped can end as close ("Commenced" / "Oct"), so the table's own words decide:
    the whole is a word printed elsewhere, or the rest is no word printed anywhere else. Needs the cell's
    walls (`edge`) and the table's words with their counts (`vocabulary`)."""
    flags = [False] * len(para)
    if vocabulary is None:
        return flags
    if edge is None:
        return _broken_without_walls(para, vocabulary, bound)
    thirds: set[int] = set()
    width = edge - min(ln.x0 for ln in para)
    for i in range(1, len(para)):
        above, first = para[i - 1], para[i].words[0]
        letter = (first.x1 - first.x0) / max(1, len(first.text))
        if _forced_break(para, i, edge - above.x1 < LEXICON_REACH * letter, width, vocabulary, flags):
            flags[i] = True
            continue
        if len(above.words) > 1:
            flags[i] = _broken_after_words(above, first, edge - above.x1 < letter, vocabulary)
            continue
        so_far = _word_so_far(para, i - 1)
        going_on = _word_going_on(para, i)
        if _word_ended(para, i, flags, going_on):
            continue
        flags[i] = not _whole_over_a_cut_piece(para, i, so_far, edge, letter) and _piece_broken(
            so_far, first, edge - above.x1, letter, vocabulary, going_on)
        if not flags[i] and _third_piece(para, i, edge, letter):
            thirds.add(i)
    for i in thirds:
        flags[i] = flags[i + 1] = True
    _mark_runs(para, edge, flags)
    return flags


def _broken_without_walls(para: Sequence[Line], vocabulary: Mapping[str, int], bound: float | None) -> list[bool]:
    """Per line: does it open with the rest of a broken word, read without the cell's walls?"""
    # Without the cell's walls, only pieces that are no words alone while the whole is one
    # ("Partnershi" / "ps") show a break, or a word wider than its whole column (`bound`, beyond
    # where the text can reach) could be printed no other way ("Leader" / "ship").
    room = bound - min(ln.x0 for ln in para) if bound is not None else math.inf
    flags = [False] + [_breakable(a.words[-1].text, b.words[0].text)
                       and (_pieces_of_a_word(a.words[-1].text, b.words[0].text)
                            or _date_wider_than_cell(a, b.words[0], room)
                            or _wider_than_cell(a.words[-1], b.words[0], room, vocabulary)
                            or _printed_whole(a, b.words[0], room, vocabulary))
                       for a, b in zip(para, para[1:])]
    for i in range(1, len(para) - 1):
        if _middle_piece(para, i):
            flags[i] = flags[i + 1] = True
    return flags


def _mark_runs(para: Sequence[Line], edge: float, flags: list[bool]) -> None:
    """Flag the lines that go on a word broken over three lines or more (`_broken_run`)."""
    for i in range(1, len(para)):
        j = _broken_run(para, i, edge)
        if j is not None:
            flags[i:j + 1] = [True] * (j + 1 - i)


# Lines a word broken for a very narrow cell runs over at most.
MAX_PIECES = 6


def _broken_run(para: Sequence[Line], i: int, edge: float) -> int | None:
    """The last line of a word broken over three lines or more for a very narrow cell, its first piece the
    one word of line i - 1 ("impl" / "eme" / "ntati" / "on"): each line but the last one piece that
    reaches the cell's edge, the first no word, all together an English word. However often the document
    prints its pieces so (a status worded alike in many rows), they are no words of their own."""
    if len(para[i - 1].words) != 1:
        return None
    pieces = [para[i - 1].words[0].text]
    if is_word(word_key(pieces[0])):
        return None
    for j in range(i, min(len(para), i + MAX_PIECES)):
        first = para[j].words[0]
        letter = (first.x1 - first.x0) / max(1, len(first.text))
        if edge - para[j - 1].x1 >= LEXICON_REACH * letter or not _breakable(pieces[-1], first.text):
            return None
        pieces.append(first.text)
        if len(pieces) >= 3 and is_word(word_key("".join(pieces))):
            return j
        if len(para[j].words) != 1:
            return None
    return None


def _word_ended(para: Sequence[Line], i: int, flags: Sequence[bool], going_on: str) -> bool:
    """Where line i - 1 is a word's piece broken onto it (`flags`), does line i open a word of its own? A
    word that is whole with line i - 1 ("implem" / "entation") ends there where line i opens a word of its
    own ("currentl" / "y")."""
    return flags[i - 1] and len(para[i - 1].words) == 1 and _two_words(
        _word_so_far(para, i - 1, flags), going_on or para[i].words[0].text)


def _forced_break(para: Sequence[Line], i: int, near: bool, width: float, vocabulary: Mapping[str, int],
                  flags: Sequence[bool]) -> bool:
    """Does line i open with the rest of a word too wide for the cell (`width`), broken at the line above
    where it had to be? Near the edge (`near`: letters differ in width, "h" against the "i" of "hip", so
    the piece may end a letter further off), or anywhere on a line of one word: that word stands alone
    because no more of it fitted, and where the whole word, with the pieces breaks on either side join to
    it, is wider than the cell, the break fell wherever the layout engine put it ("Lon" / "ger-term",
    "Sept" / "em‐" / "ber", "im‐" / "ple‐" / "men" / "ta‐" / "tion"). Unless both pieces are words ("Off"
    / "track": a line may stop short before a word that fits nowhere else either), or the document prints
    the whole elsewhere (`_printed_whole`)."""
    above, first = para[i - 1], para[i].words[0]
    alone = len(above.words) == 1
    if _printed_whole(above, first, width, vocabulary):
        return True
    if not (near or (alone and not _both_words(above.words[-1].text, first.text))):
        return False
    return _wider_than_cell(above.words[-1], first, width, vocabulary, _whole_word(para, i, flags) if alone else "")


def _date_wider_than_cell(above: Line, rest: Word, room: float) -> bool:
    """Is a line of one piece of a date in figures ("30/09/20" / "23") the start of a date wider than the
    column can hold (`room`)? A date has no break opportunity inside it: it breaks only where it must."""
    head = above.words[-1]
    return (len(above.words) == 1 and _date_pieces(head.text, rest.text)
            and (head.x1 - head.x0) + (rest.x1 - rest.x0) > room - FIT_SLACK)


def _wider_than_cell(head: Word, rest: Word, width: float, vocabulary: Mapping[str, int], word: str = "") -> bool:
    """Are a line's last word and the next line's first the pieces of one English word wider than the
    cell's lines (`width`), the rest printed nowhere but at the start of a line ("Governance & Partner" /
    "ships", in every row that prints it)? A word processor breaks a word only when no line holds it
    whole; a word printed elsewhere after another on its line ("the force") wrapped at its space. `word`:
    the whole word where more pieces join the two ("Sept" / "em‐" / "ber": "September")."""
    if not _breakable(head.text, rest.text) or not rest.text[:1].islower():
        return False
    whole = (head.x1 - head.x0) + (rest.x1 - rest.x0)
    # A rest that is itself broken at a hyphenation point ("em‐") is never a word printed alone.
    alone = 0 if rest.text.endswith(BREAK_HYPHENS) else (
        vocabulary.get(word_key(rest.text), 0) - vocabulary.get(line_opening(rest.text), 0))
    return whole > width - FIT_SLACK and alone <= 0 and is_word(word_key(word or head.text + rest.text))


def _printed_whole(above: Line, rest: Word, width: float, vocabulary: Mapping[str, int]) -> bool:
    """Is a line of one word the first piece of a word wider than the cell (`width`) that the document
    prints whole elsewhere, the piece never printed with more text after it on its line ("Frame" / "work"
    where "Framework" is printed whole in another column: both pieces are words, but the whole could be
    printed no other way)?"""
    head = above.words[-1]
    if len(above.words) != 1 or not rest.text[:1].islower() or not _breakable(head.text, rest.text):
        return False
    # A name the lexicon lacks ("Sefto" / "n": a place) is whole where neither piece is a word.
    whole = word_key(head.text + rest.text)
    return ((head.x1 - head.x0) + (rest.x1 - rest.x0) > width - FIT_SLACK and _whole_elsewhere(head.text, rest.text, vocabulary)
            and (is_word(whole) or not (is_word(word_key(head.text)) or is_word(word_key(rest.text)))))


def _whole_elsewhere(head: str, rest: str, vocabulary: Mapping[str, int]) -> bool:
    """Does the document print `head` + `rest` whole elsewhere, and `head` never with more text after it on
    its line?"""
    return vocabulary.get(word_key(head + rest), 0) > 0 and vocabulary.get(word_key(head) + INNER, 0) == 0


def _whole_word(para: Sequence[Line], i: int, flags: Sequence[bool]) -> str:
    """The word a break after line i - 1 (a line of one word) falls in: the pieces before it and the rest
    going on from line i."""
    return _word_so_far(para, i - 1, flags) + (_word_going_on(para, i) or para[i].words[0].text)


def _word_going_on(para: Sequence[Line], i: int) -> str:
    """Line i's one word whole, where it is itself the first piece of a word broken onto the next line
    ("anticipat" / "ed": "anticipated", "ac‐" / "tion": "action"); empty otherwise."""
    if i + 1 >= len(para) or len(para[i].words) != 1:
        return ""
    head, rest = para[i].words[0].text, para[i + 1].words[0].text
    # Hyphenated where it breaks ("ac‐" / "tion"): the word goes on whatever its pieces are.
    if hyphenated(head, rest):
        return head[:-1] + rest
    return head + rest if _pieces_of_a_word(head, rest) else ""


def _word_so_far(para: Sequence[Line], i: int, flags: Sequence[bool] = ()) -> str:
    """Line i's one word, with the pieces before it that breaks on the lines above join to it: a
    hyphenation break ("Gov‐" / "ernan": "Governan", which may itself go on: "ce"), and with `flags` (the
    lines found to open on a word's rest so far) any break, over as many lines of one piece as there are
    ("im‐" / "ple‐" / "men": "implemen")."""
    text = para[i].words[0].text
    if not flags:
        if i > 0 and hyphenated(para[i - 1].words[-1].text, text):
            return para[i - 1].words[-1].text[:-1] + text
        return text
    k = i
    while k > 0:
        piece = para[k - 1].words[-1].text
        if hyphenated(piece, para[k].words[0].text):
            piece = piece[:-1]
        elif not flags[k]:
            break
        text = piece + text
        if len(para[k - 1].words) > 1:
            break
        k -= 1
    return text


def _piece_broken(above: str, first: Word, room: float, letter: float, vocabulary: Mapping[str, int],
                  going_on: str = "") -> bool:
    """Does a line of one word (`above`, with any piece of it hyphenated on the line before), ending `room`
    short of the cell's edge, go on in `first`? `going_on`: the whole word `first` begins when it is itself
    broken onto the next line ("currently" / "anticipat" / "ed": two words, the second broken)."""
    at_edge = room < letter
    # Two pieces that only together make an English word may end a letter further from the edge: a
    # letter's width is taken from the next line's word, and wide letters ("o", "m") run wider.
    if not at_edge:
        # A date in figures has no break opportunity inside it: a line ending on a piece of one ("31/0"
        # / "3/20" / "22") was full, its next figure wider than the letters' mean ("/" is narrow).
        date = _date_pieces(above, first.text)
        return room < LEXICON_REACH * letter and (date or (
            _breakable(above, first.text) and _word_and_rest(above, first.text)))
    # A number broken for its cell ("10" / "0" / "%"): text never wraps inside a number otherwise.
    if _number_pieces(above, first.text):
        return True
    if not _breakable(above, first.text):
        return False
    # A piece that goes on into a word of its own opens that word ("multiagency" / "contribu‐" / "tions",
    # "multiagency" / "contribution" / "s"), unless the line above joins it into a longer one ("Sept" /
    # "em‐" / "ber").
    if (going_on and is_word(word_key(going_on))
            and not is_word(word_key(above + going_on))):
        return False
    whole = word_key(above + first.text)
    # A word printed elsewhere with more text after it on its line is whole ("Quality" / "Assura").
    whole_above = vocabulary.get(word_key(above) + INNER, 0) > 0
    # Two words of their own that make no word together ("Corporate" / "Parenting", "comprehensive" /
    # "understanding", each filling a narrow cell's line) are two words, however rarely printed.
    rare = (vocabulary.get(word_key(first.text), 0) <= 1 and not whole_above
            and not _two_words(above, first.text) and not (going_on and _two_words(above, going_on)))
    # A piece that goes on itself is judged whole ("ac‐" / "tion" is a word, though "ac" is none).
    return (vocabulary.get(whole, 0) > 0 or rare
            or _no_word(going_on or first.text) or _pieces_of_a_word(above, first.text))


def _whole_over_a_cut_piece(para: Sequence[Line], i: int, above: str, edge: float, letter: float) -> bool:
    """Is line i the paragraph's last, one word ending at the cell's edge, so a piece whose rest may stand
    where the cell goes on (overleaf: "quarterly" / "monitorin" / "g"), under a word (`above`) that makes
    no word with it? Then the word above is whole."""
    last = para[i]
    return (i == len(para) - 1 and len(last.words) == 1 and edge - last.x1 < letter
            and is_word(word_key(above)) and not is_word(word_key(above + last.words[0].text)))


def _number_pieces(head: str, rest: str) -> bool:
    return bool(_NUMBER_PIECE.match(head) and _NUMBER_REST.match(rest))


def _date_pieces(head: str, rest: str) -> bool:
    """Pieces of a date in figures ("31/0" / "3/2022"): numbers with a slash between or in them."""
    return "/" in head + rest and _number_pieces(head, rest)


def _third_piece(para: Sequence[Line], i: int, edge: float, letter: float) -> bool:
    """Is line i the middle of a word broken over three lines for a very narrow cell ("Safeg" / "uardi" /
    "ng"): itself one piece that nearly fills the line, the three together an English word?"""
    if (i + 1 >= len(para) or len(para[i].words) != 1 or edge - para[i].x1 >= LEXICON_REACH * letter
            or edge - para[i - 1].x1 >= LEXICON_REACH * letter):
        return False
    head, middle, rest = para[i - 1].words[-1].text, para[i].words[0].text, para[i + 1].words[0].text
    return _breakable(middle, rest) and is_word(word_key(head + middle + rest))


def _middle_piece(para: Sequence[Line], i: int) -> bool:
    """Is line i, one piece that is no word, the middle of a word broken over three lines for a very
    narrow cell ("Commi" / "ssionin" / "g"), the three together an English word? Read without the cell's
    walls: the pieces alone tell."""
    return len(para[i].words) == 1 and _three_pieces(
        para[i - 1].words[-1].text, para[i].words[0].text, para[i + 1].words[0].text)


def _three_pieces(head: str, middle: str, rest: str) -> bool:
    """Are three pieces one word broken twice: the middle no word, the three together one?"""
    return (_breakable(head, middle) and _breakable(middle, rest) and not is_word(word_key(middle))
            and is_word(word_key(head + middle + rest)))


def _breakable(head: str, rest: str) -> bool:
    """A word breaks after a letter or an apostrophe ("Children’" / "s"), never after other punctuation,
    and goes on in its own case: a word in capitals ("LA" / "in") is whole. A word in lower case never
    goes on in figures ("September" / "2022": a month and its year); a code in capitals may ("SO" / "3").
    Nor do figures go on in a word in lower case ("2022" / "onwa" / "rds"), but for an ordinal's ending."""
    if head[-1:].isalpha() and rest[:1].isdigit() and not _code_letters(head):
        return False
    if head[-1:].isdigit() and rest[:1].islower() and rest.rstrip(".,;:") not in _ORDINAL_ENDINGS:
        return False
    return _case_agrees(head, rest) and (head[-1:].isalnum() or head[-1:] in _APOSTROPHES) and (
        rest[:1].isalnum() or (rest[:1] in _APOSTROPHES and rest[1:2].isalpha()))


_ORDINAL_ENDINGS = ("st", "nd", "rd", "th")


def _code_letters(text: str) -> bool:
    """Are the letters `text` ends on capitals alone, as a code's are ("SO", "Q", "KPI")?"""
    tail = re.search(r"[A-Za-z]+$", text)
    return tail is not None and tail.group(0).isupper()


# How far from the cell's edge (in letters) a piece may end when only the word list joins it to the next.
LEXICON_REACH = 2.0
# Points a word may measure short of a cell's width and still be one the cell could not hold: the width
# is read off the furthest line's glyph boxes, which a word that just fits may reach to within a rounding.
FIT_SLACK = 0.5
_APOSTROPHES = ("\u2019", "'")


def broken_word(before: str, after: str) -> bool:
    """Does text `before` stop on the first piece of a word whose rest opens text `after` (two
    paragraphs, or the two parts of a cell cut by a page break)?"""
    if not (before.strip() and after.strip()):
        return False
    head, rest = before.split()[-1], after.split()[0]
    return _word_and_rest(head, rest) or _date_and_rest(head, rest)


def broken_twice(before: str, after: str) -> str | None:
    """`before` and `after` joined where `before` stops on two pieces of a word broken over three lines
    for a very narrow cell and `after` opens on its last ("Strategic Commi ssionin" / "g", cut by a page
    break): the middle piece no word, the three together one. None otherwise."""
    words, rest = before.split(), after.split()
    if len(words) < 2 or not rest:
        return None
    if not _three_pieces(words[-2], words[-1], rest[0]):
        return None
    return before[: before.rstrip().rfind(" ")] + words[-1] + after


def rest_of_a_word(before: str, after: str, vocabulary: Mapping[str, int]) -> bool:
    """Is the word opening `after` the rest of the word ending `before`, two words of their own that make one
    English word ("Partners" / "hips") cut by a page break, the rest printed nowhere in the document but at
    the start of a line (`vocabulary`: the document's words, line openings counted apart)? Only where the
    line before was full: the caller knows."""
    if not (before.strip() and after.strip()):
        return False
    head, rest = before.split()[-1], after.split()[0]
    # Of words joined by a slash, the last is the one broken ("holders/reviewer" / "s will").
    head = head.rsplit("/", 1)[-1]
    # A piece shorter than the rest it would open is a word of its own ("be" / "taken" is no "betaken").
    if len(word_key(head)) < max(REST_HEAD_LETTERS, len(word_key(rest))):
        return False
    if not (_breakable(head, rest) and rest[:1].islower() and is_word(word_key(head + rest))):
        return False
    # Or the whole is printed elsewhere, the piece never with more text after it ("Frame" / "work").
    return _whole_elsewhere(head, rest, vocabulary) or vocabulary.get(word_key(rest), 0) - vocabulary.get(line_opening(rest), 0) <= 0


# Letters the first piece of a word broken over a page holds at least.
REST_HEAD_LETTERS = 4


_FULL_DATE = re.compile(r"^\d{1,2}([/.])\d{1,2}\1\d{4}$")
# A financial year ("2023/24", "2023/2024").
_FINANCIAL_YEAR = re.compile(r"^(?:19|20)\d{2}/(?:\d{2}|(?:19|20)\d{2})$")


def _date_and_rest(head: str, rest: str) -> bool:
    """Are two pieces one date in figures broken for a narrow cell ("30/09/2" / "022", "2023/2" / "4"):
    figures alone after it, a whole date with its year in full, or a financial year, together? A date
    has no break opportunity inside it."""
    whole = head + rest
    return rest.isdigit() and (head[-1:].isdigit() or head.endswith(("/", "."))) and bool(
        _FULL_DATE.match(whole) or _FINANCIAL_YEAR.match(whole))


def _word_and_rest(head: str, rest: str) -> bool:
    """Are two pieces one English word broken in two: pieces of no word alone, or a word and an ending
    that is no word of its own ("Commission" / "ing")?"""
    return _pieces_of_a_word(head, rest) or (
        _case_agrees(head, rest) and _no_word(rest) and is_word(word_key(head + rest)))


def _pieces_of_a_word(head: str, rest: str) -> bool:
    """Are two pieces one English word broken in two, neither piece a word of its own alone where the other
    is not ("Septem" / "ber", "Ong" / "oing", "Long" / "er-term"), however often the document breaks the
    same word the same way? Two words that each stand alone ("Work" / "force") are left as printed."""
    if not _case_agrees(head, rest):
        return False
    # A rest ending on a compound's own hyphen ("Long" / "er-" / "term") is judged as the word up to it.
    whole = word_key(head + rest).removesuffix("-")
    return bool(word_key(head) and word_key(rest).removesuffix("-")) and is_word(whole) and not _both_words(head, rest)


def _case_agrees(head: str, rest: str) -> bool:
    """Could `rest` go on from `head` within one word: not capitals going on in lower case ("LA" / "in"),
    nor lower case going on in a capital ("mance" / "Inform": a word of its own opens there)?"""
    letters = "".join(ch for ch in head if ch.isalpha())
    return not ((len(letters) >= 2 and letters.isupper() and rest[:1].islower())
                or (letters[-1:].islower() and rest[:1].isupper()))


def _both_words(head: str, rest: str) -> bool:
    """Is each piece an English word alone? A rest opening on a letter and a hyphen after a piece no
    short word is the end of a word ("Longe" / "r-term"), though a compound may open so ("an" /
    "e-learning")."""
    head, rest = word_key(head), word_key(rest)
    if not (head and rest and is_word(head) and is_word(rest)):
        return False
    return head in SHORT_WORDS or not _LETTER_COMPOUND.match(rest)


_LETTER_COMPOUND = re.compile(r"[a-z]-")


def _two_words(head: str, rest: str) -> bool:
    """Are both pieces English words alone that make no word together?"""
    return _both_words(head, rest) and not is_word(word_key(head) + word_key(rest))


def _no_word(text: str) -> bool:
    """Is the piece no English word of its own ("d", "rm", "ng,"): the rest of a word broken at a line
    end, however often the same word is broken so in the document?"""
    letters = "".join(ch for ch in text.lower() if ch.isalpha())
    if not letters or not text[:1].islower():
        return False
    return (not any(v in letters for v in "aeiouy") or (len(letters) <= 2 and letters not in SHORT_WORDS)
            or letters in _SUFFIXES)


# Endings that are no words of their own ("progress" / "ing", "implementa" / "tion").
_SUFFIXES = frozenset("ing ings ed tion tions sion sions ment ments ness ity ities ance ence ous ive ful ly".split())


def _broken_after_words(above: Line, first: Word, at_edge: bool, vocabulary: Mapping[str, int]) -> bool:
    """Does a line of several words end, at the cell's edge, on the first piece of a word whose rest opens
    the next line ("Designated Nurse, Safeguar" / "ding")? Only the table's words can tell: the whole
    is printed elsewhere, and neither piece is a word printed anywhere else."""
    last = above.words[-1].text
    if not (at_edge and last[-1:].isalpha() and first.text[:1].isalpha() and first.text[:1].islower()):
        return False
    return ((vocabulary.get(word_key(last + first.text), 0) > 0 and vocabulary.get(word_key(first.text), 0) <= 1
             and vocabulary.get(word_key(last), 0) <= 1) or _pieces_of_a_word(last, first.text))


def paragraphs_text(
    lines: Sequence[Line], settings: ExtractSettings = DEFAULT_SETTINGS, edge: float | None = None,
    vocabulary: Mapping[str, int] | None = None, justified: bool = False, column_leading: float | None = None,
    bound: float | None = None,
) -> list[str]:
    """A cell's lines as a list of paragraph strings. `edge`: how far the cell's text can reach, when its
    walls are known; with the table's `vocabulary` (word_key -> count) a word broken over a line end is
    then made whole. `justified`: the cell's column sets its text justified; `column_leading`: its even
    line spacing (lines_to_paragraphs). `bound`: where the cell's column ends, beyond anywhere its text
    can reach (broken_words)."""
    result: list[str] = []
    for para in lines_to_paragraphs(lines, settings, edge, justified=justified, column_leading=column_leading):
        t = join_lines([ln.text for ln in para], broken_words(para, edge, vocabulary, bound), settings.slash_breaks)
        if not t:
            continue
        # No paragraph ends inside a word: one that stops on the first piece of a word whose rest opens
        # the next ("Improving Implementa" / "tion of Learning") is that word's, across the gap.
        if result and broken_word(result[-1], t):
            result[-1] += t
        else:
            result.append(t)
    return result
