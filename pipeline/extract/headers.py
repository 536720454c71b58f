"""Find an action table's header row by what its cells say, and map each heading to a canonical field.

Nothing here knows a document: headings are matched through the synonyms in schemas/headers.json, and
the header's columns are the x-extents of its heading cells (or the ruling lines around them).
"""

from __future__ import annotations

import dataclasses
import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import groupby
from typing import AbstractSet, Callable, Iterator, Sequence

from rapidfuzz import fuzz, process

from ..normalise.rag import HOW_SYMBOL, status_from_wording
from ..readers.model import Fill, Page, Rule, Word
from ..schema import load_json
from ..textfold import fold_quotes
from ..settings import DEFAULT_SETTINGS, ExtractSettings
from .furniture import page_number_line
from .columns import PROSE_FIELDS, cue_candidates, cue_scores, cues, field_from_cues
from .intervals import joined_strokes, span_ends, union_length, white_runs
from .lexicon import is_word, known
from .text import BULLET_GLYPHS, RUN_ON_GAP, Line, broken_word, item_mark, page_lines, split_chunks

# Words that are in headings and prose alike ("and", "we", "the"): they count neither way when
# deciding whether a line is made of heading words.
LITTLE_WORDS = frozenset(
    "a an the and or of to for in on at by we our are is it has have will be this that these how".split()
)
# A rule under a band's lines across this share of their width is the header's foot.
HEADER_FOOT_SPAN = 0.6
# Headings of one header row share a type size within this share (a larger title above is not one).
HEADER_SIZE_SPREAD = 0.25
# A rule under a heading this many times its text's width, with headings under it, makes it a group heading.
GROUP_RULE_SPAN = 1.5
# A line above a header band joins it when it is this close (× type size) ...
HEADER_LINE_GAP = 1.2
# ... and this share of its pieces start within ALIGNED_START_PT of where the band's headings start.
ALIGNED_SHARE = 0.75
ALIGNED_START_PT = 2.0
# A body gutter that cuts a heading's word moves to a space between its words this many ems away.
SNAP_EMS = 1.5
# A band of mostly unknown headings is a weak header when it names this many fields, or one fewer and a
# heading of no field (an action column found in its cells makes it an action table's header).
WEAK_MIN_FIELDS = 3
# A header line made only of pieces this short is the rest of headings broken in narrow columns.
FRAGMENT_CHARS = 4
# Lines of one turned heading stand at most this many times their type size apart.
TURNED_LINE_GAP = 0.8
# Shortest start of a heading word, broken at a column's edge, that still counts as heading vocabulary.
BROKEN_WORD_MIN = 3
# Fields that show a band of headings is an action table.
REQUIRED_FIELD = "action"

# Fields one cell may print together, and the combined field such a column is read as.
COMBINED_FIELDS = {
    frozenset(("lead_officer", "milestone")): "lead_officer_and_milestone",
    frozenset(("milestone", "rag")): "milestone_and_rag",
}
_COMBINERS = (" and ", " & ", " / ", ", ")
# The fields a combined field names (a heading "Responsible person and date" names two).
FIELD_PARTS = {combined: tuple(sorted(parts)) for parts, combined in COMBINED_FIELDS.items()}

# Signs that join words as "and" does ("Date / RAG", "Health & Wellbeing") neither open nor end a heading.
_JOINING_SIGNS = "/ & + - – —"
CANNOT_START_HEADING = frozenset(f"of to and or for with in on by at from that which is are be will {_JOINING_SIGNS}".split())
CANNOT_END_HEADING = frozenset(f"of the to and or for a an with in on by at from that which is are be will our {_JOINING_SIGNS}".split())
# Words from which a line that opens in lower case or stops on a joining word reads as a cut line of text.
PROSE_MIN_WORDS = 3
_PERCENT = re.compile(r"^\d+(?:\.\d+)?%$")
_DOTTED_REF = re.compile(r"^\d{1,3}(?:\.\d{1,3})+[a-z]?\.?$")
# A title numbered by a label ("Priority 2: Early Help", "Theme 3 - Workforce", "2: Voice of the Child"): a
# banner over a table's rows, however its words fall across the columns; no heading opens so.
_NUMBERED_LABEL = re.compile(r"^(?:[A-Za-z]+\s+)?\d{1,2}[A-Za-z]?\s*(?::|[–—-]\s)")
_LABEL_INSIDE = re.compile(r"\s[A-Z][a-z]+\s+\d{1,2}[A-Za-z]?:\s")
_SENTENCE_BREAK = re.compile(r"[a-z]{3}[.!]\s+[A-Z][a-z]")
_NORMALISE = re.compile(r"[^\w?&()/ ]+")


@lru_cache(maxsize=65536)
def normalise_heading(text: str) -> str:
    text = fold_quotes(text).lower()
    text = _NORMALISE.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip().rstrip(":").strip()


@lru_cache(maxsize=None)
def synonyms(section: str = "fields") -> dict[str, str]:
    """normalised heading -> field (first field listed wins on a clash), for one kind of table."""
    data = load_json("headers.json")
    table: dict[str, str] = {}
    for fld, phrases in data[section].items():
        for phrase in phrases:
            table.setdefault(normalise_heading(phrase), fld)
    return table


@lru_cache(maxsize=None)
def override_headings(headings: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """A registry entry's headings (settings.headings) as normalised heading -> field."""
    return {normalise_heading(k): v for k, v in headings}


@lru_cache(maxsize=None)
def heading_vocabulary(headings: tuple[tuple[str, str], ...] = ()) -> frozenset[str]:
    """Words of every known heading: the synonyms', the cue words, and those a registry entry adds, so
    that an override can also open a header band."""
    words: set[str] = set(cues())
    for phrase in [*synonyms(), *override_headings(headings)]:
        words.update(phrase.split())
    return frozenset(words)


def match_heading(
    text: str, section: str = "fields", settings: ExtractSettings = DEFAULT_SETTINGS, use_cues: bool = True,
    combine: bool = True,
) -> str | None:
    """The canonical field a heading names, or None. A registry entry's headings come first, then the
    synonyms (exact, then fuzzy), then, unless `use_cues` is off, the heading's cue words. With `combine`
    off, a heading is not read as two in one (each half of a combined heading names one field)."""
    if settings.headings and section == "fields":
        norm = normalise_heading(text)
        extra = override_headings(settings.headings)
        if norm in extra:
            return extra[norm]
    found = _match_heading(text, section, settings.fuzzy_heading, settings.fuzzy_min_len)
    if found is not None or section != "fields" or not use_cues:
        return found
    # A wording nobody listed: read it by its cue words, or as two headings in one ("Lead and date").
    combined = _combined_heading(text, settings) if combine else None
    if combined is not None:
        return combined
    # A sentence's end is no heading's: cell text that mentions a cue word ("... activity of the LADO.").
    if text.rstrip().endswith("."):
        return None
    cued = field_from_cues(normalise_heading(text))
    return "ignore:extra" if cued == "extra" else cued


def listed_exactly(text: str, settings: ExtractSettings = DEFAULT_SETTINGS) -> bool:
    """Is the heading a registry entry's or a listed synonym as printed (no fuzzy match, no cue words)?"""
    norm = normalise_heading(text)
    table = synonyms()
    return norm in override_headings(settings.headings) or norm in table or norm.rstrip("?").strip() in table


def _combined_heading(text: str, settings: ExtractSettings) -> str | None:
    """A heading that names two fields one cell can hold together and that content can part again
    (pipeline/assemble/combined.py): "Owner and deadline", "Date / RAG". None otherwise."""
    norm = normalise_heading(text)
    for sep in _COMBINERS:
        if sep not in norm:
            continue
        left, right = norm.split(sep, 1)
        # Each half names one field: reading the halves as combined headings again would recurse once per
        # joining word of a line that repeats them (a page drawn over itself).
        a = match_heading(left, settings=settings, combine=False)
        b = match_heading(right, settings=settings, combine=False)
        if a is not None and b is not None and frozenset((a, b)) in COMBINED_FIELDS:
            return COMBINED_FIELDS[frozenset((a, b))]
    return None


@lru_cache(maxsize=None)
def _fuzzy_table(section: str, min_len: int) -> tuple[list[str], list[str], int]:
    """Synonyms long enough to match fuzzily, their fields, and the longest one's length."""
    items = [(p, f) for p, f in synonyms(section).items() if len(p) >= min_len]
    return [p for p, _ in items], [f for _, f in items], max((len(p) for p, _ in items), default=0)


@lru_cache(maxsize=16384)
def _match_heading(text: str, section: str, cutoff: float, min_len: int) -> str | None:
    norm = normalise_heading(text)
    if not norm:
        return None
    table = synonyms(section)
    if norm in table:
        return table[norm]
    stripped = norm.rstrip("?").strip()
    if stripped in table:
        return table[stripped]
    phrases, fields, longest = _fuzzy_table(section, min_len)
    # The cutoff ratio is out of reach for text much longer than every synonym.
    if min_len <= len(norm) <= longest * 1.3:
        hit = process.extractOne(norm, phrases, scorer=fuzz.ratio, score_cutoff=cutoff)
        if hit:
            return fields[hit[2]]
    return None


@dataclass
class HeaderCell:
    field: str | None  # None: a heading we do not know (its column is kept apart, its text ignored)
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    turned: bool = False  # set on its side: such a heading may be cut short by its cell


@dataclass
class Header:
    cells: list[HeaderCell]
    top: float
    bottom: float
    ruled_columns: bool = False  # column bounds came from vertical rules
    # Mostly headings nobody listed, naming several fields but no action: a header only if its cells
    # show a column of actions (pipeline.extract.geometry), else nothing (not even another table's).
    weak: bool = False
    bounds: list[tuple[float, float]] = field(default_factory=list)  # per cell: column x-range

    @property
    def fields(self) -> list[str | None]:
        return [c.field for c in self.cells]

    def mapped(self) -> list[str]:
        return [c.field for c in self.cells if c.field and not c.field.startswith("ignore:")]


def _rule_cuts(page: Page, top: float, bottom: float) -> list[float]:
    """x of vertical rules crossing the band [top, bottom]."""
    mid = (top + bottom) / 2
    xs = sorted(r.x for r in page.vrules if r.top - 1 <= mid <= r.bottom + 1)
    cuts: list[float] = []
    for x in xs:
        if not cuts or x - cuts[-1] > 2:
            cuts.append(x)
    return cuts


def _groups(
    band: Sequence[Line], cuts: Sequence[float], settings: ExtractSettings, page: Page | None = None,
    gutters: Sequence[float] = (),
) -> list[list[Line]]:
    """Chunks of the band's lines, merged when their x-ranges overlap (one multi-line heading). A group
    heading over sub-headings is left out: the sub-headings name the columns. A line is also cut at the
    rules that cross it alone (the rule between two sub-headings stops at their group heading's rule)."""
    chunks = _headings_of(band, cuts, settings, page, gutters)
    turned = _turned_groups([c for c in chunks if c.words[0].rotation], cuts,
                            fill_walls(page, max(c.bottom for c in band), FIRST_ROW_REACH * band[0].size)
                            if page is not None else ())
    chunks = sorted((c for c in chunks if not c.words[0].rotation), key=lambda c: c.x0)
    groups: list[list[Line]] = []
    for c in chunks:
        if groups:
            g = groups[-1]
            gx1 = max(x.x1 for x in g)
            crosses_rule = any(gx1 - 0.5 <= cut <= c.x0 + 0.5 for cut in cuts)
            if c.x0 < gx1 - 0.5 and not crosses_rule:
                g.append(c)
                continue
        groups.append([c])
    return sorted(groups + turned, key=lambda g: min(x.x0 for x in g))


def _headings_of(band: Sequence[Line], cuts: Sequence[float], settings: ExtractSettings, page: Page | None,
                 gutters: Sequence[float]) -> list[Line]:
    """The band's lines in chunks, each a heading's line: parted where words stand far apart or a rule
    runs between them, where a chunk runs past its heading's wrap, and where a body gutter parts headings
    set close; group headings left out."""
    chunks = [c for ln in band for c in split_chunks(ln, _with_line_rules(cuts, page, ln), settings)]
    chunks = [p for c in chunks for p in _parted_at_its_wrap(c, chunks)]
    if page is not None:
        chunks = [p for c in chunks for p in _parted_under_group(c, chunks, gutters)]
        chunks = _without_any_group_headings(chunks, page, gutters)
        chunks = [p for c in chunks for p in _parted_over_body(c, chunks, gutters)]
    return chunks


def _without_any_group_headings(chunks: list[Line], page: Page, gutters: Sequence[float]) -> list[Line]:
    """Chunks less the group headings, ruled or not. Each test sees every chunk: a ruled group heading
    still bounds the heading beside it. A chunk read as an unruled group heading may be headings set
    close, each flush over its own column: those stay, parted. The walls of a column of colours below
    part its columns as a gutter does: a status shown as colour alone leaves no text to make one
    ("Accountabi" / "lity" over "Current position", set over the colours, and "Target timescale")."""
    walls = span_ends(filled_columns(page, max(c.bottom for c in chunks))) if chunks else []
    gutters = Gutters([*gutters, *walls], getattr(gutters, "runs", []), getattr(gutters, "left", None))
    unruled = {id(c) for c in _without_unruled_group_headings(chunks, gutters)}
    parted = {id(c): _parted_flush(c, chunks, gutters) for c in chunks}
    wrapped: set[int] = set()  # lines a group heading parted from a chunk wraps onto ("Accountabi" / "lity")
    pieces = {id(c): _not_grouping(parted[id(c)], c, chunks, gutters, wrapped, unruled) for c in chunks
              if len(parted[id(c)]) > 1}
    # A chunk read whole as a heading of its own may still be two set close, the second a group heading
    # ("Suppo Governance": "Suppo" wraps onto "rting", "Governance" stands over "Date /" and "Shared").
    grouped = {i for i, kept in pieces.items() if i in unruled and len(kept) < len(parted[i])}
    return [p for c in _without_group_headings(chunks, page) if id(c) not in wrapped
            for p in ([c] if id(c) in unruled and id(c) not in grouped else pieces.get(id(c), []))]


def _not_grouping(pieces: list[Line], whole: Line, chunks: Sequence[Line], gutters: Sequence[float],
                  wrapped: set[int], unruled: set[int]) -> list[Line]:
    """The pieces of a chunk parted flush that are no group headings themselves: "How are we doing?"
    beside "Accountability", which stands over "Reference no" and "Lead manager", keeps its column. The
    lines a piece that is a group heading wraps onto go with it: their ids are added to `wrapped` (of
    the chunks `unruled`, those no group heading read whole took)."""
    others = [c for c in chunks if c is not whole]
    kept = {id(c) for c in _without_unruled_group_headings(others + pieces, gutters)}
    if any(id(q) not in kept for q in pieces):
        wrapped.update(id(c) for c in others if id(c) not in kept and id(c) in unruled)
    return [q for q in pieces if id(q) in kept]


# How far (points) a heading's first word may stand from the left edge of the heading below it and still
# be set flush with it.
FLUSH_SLACK = 1.5


def _parted_flush(chunk: Line, chunks: Sequence[Line], gutters: Sequence[float]) -> list[Line]:
    """A chunk of headings set close ("Update this What are we") parted where a body gutter runs through
    a word space and the word after it stands flush over the heading below it ("going to do?"): two
    headings' first lines, not one group heading over both columns."""
    if chunk.words[0].rotation or not gutters:
        return [chunk]
    below = [d for d in chunks if d is not chunk and d.top >= chunk.bottom - 1]
    starts = [d.x0 for d in below]
    pieces: list[list[Word]] = [[chunk.words[0]]]
    for a, b in zip(chunk.words, chunk.words[1:]):
        # The white between the columns runs through the word space, or the words before it head a
        # column of their own that no heading below stands under (a heading wider than its column's text).
        apart = _white_through(a.x1, b.x0, gutters) or not any(
            d.x0 < a.x1 and d.x1 > pieces[-1][0].x0 for d in below)
        if apart and any(abs(x - b.x0) <= FLUSH_SLACK for x in starts):
            pieces.append([b])
        else:
            pieces[-1].append(b)
    return [Line(tuple(p)) for p in pieces] if len(pieces) > 1 else [chunk]


def _parted_at_its_wrap(chunk: Line, chunks: Sequence[Line]) -> list[Line]:
    """A chunk of headings set close in bold ("How are Deliverable"), parted where it runs past the width
    its own heading wraps at: the lines the heading wraps onto, flush under it, show that width, a line's
    text and the next line's first word never fitting it ("we" / "doing?": under 63 pt). A word reaching
    past that starts the next heading."""
    size = chunk.words[0].size
    run = [chunk]
    while nxt := next((d for d in chunks if d is not run[-1] and not d.words[0].rotation
                       and abs(d.x0 - chunk.x0) <= FLUSH_SLACK and 0 <= d.top - run[-1].bottom <= WRAP_LEADING * size), None):
        run.append(nxt)
    # Only headings set apart in bold: a body's lines broken by hand (list items under a lead-in line)
    # show no width they wrap at.
    if chunk.words[0].rotation or len(run) < 3 or not _bold(run):
        return [chunk]
    space = WORD_SPACE_EMS * size
    width = min(a.x1 - a.x0 + space + (b.words[0].x1 - b.words[0].x0) for a, b in zip(run[1:], run[2:]))
    k = next((k for k, w in enumerate(chunk.words) if k and w.x1 > chunk.x0 + width), None)
    if k is None:
        return [chunk]
    return [Line(chunk.words[:k]), Line(chunk.words[k:])]


# Type sizes of white a heading's wrapped line stands under the line before, at most (the word space is
# WORD_SPACE_EMS, below).
WRAP_LEADING = 0.8


def _parted_over_body(chunk: Line, chunks: Sequence[Line], gutters: Sequence[float]) -> list[Line]:
    """A chunk of sub-headings set close under a group heading ("Plan ref Theme area" under "Delivery"),
    with no heading under it, parted where the white of a body gutter runs through a word space from
    well left of it (the previous column's text stops short) and the body's next column starts flush
    under the word after it: two headings, each over its own column."""
    if chunk.words[0].rotation or not _under_a_heading(chunk, chunks) or any(
            d is not chunk and d.top >= chunk.bottom - 1 and _overlap(d, chunk) for d in chunks):
        return [chunk]
    runs = getattr(gutters, "runs", None) or []
    reach = GUTTER_REACH * chunk.words[0].size
    return _cut_between(chunk, lambda a, b: any(
        lo < a.x1 - reach and hi > a.x1 and abs(hi - b.x0) <= FLUSH_SLACK for lo, hi in runs))


def _cut_between(chunk: Line, apart: Callable[[Word, Word], bool]) -> list[Line]:
    """The chunk cut between each two neighbouring words that stand `apart`; [chunk] when none do."""
    pieces: list[list[Word]] = [[chunk.words[0]]]
    for a, b in zip(chunk.words, chunk.words[1:]):
        if apart(a, b):
            pieces.append([b])
        else:
            pieces[-1].append(b)
    return [Line(tuple(p)) for p in pieces] if len(pieces) > 1 else [chunk]


def _parted_under_group(chunk: Line, chunks: Sequence[Line], gutters: Sequence[float]) -> list[Line]:
    """A line of sub-headings set close under a heading that runs across both ("Dependencie Impact
    measure" under "Accountability"), parted where the white of a body gutter runs through a word space
    from flush with the word before it to flush with the word after it: each heading as wide as its
    column's text, as a heading wrapped in a narrow column is, so the body's white between the columns
    is exactly the space between them. The space is wider than any word space (SPLIT_SPACE_EMS): white
    as narrow as a word space may be the heading's own spaces lined up down its lines ("What success" /
    "looks like")."""
    runs = getattr(gutters, "runs", None) or []
    if chunk.words[0].rotation or not runs:
        return [chunk]
    above = [d for d in chunks if d is not chunk and d.bottom <= chunk.top + 1 and not d.words[0].rotation]
    return _cut_between(chunk, lambda a, b: (
        b.x0 - a.x1 > SPLIT_SPACE_EMS * a.size and any(d.x0 < a.x1 and d.x1 > b.x0 for d in above)
        and any(abs(lo - a.x1) <= FLUSH_SLACK and abs(hi - b.x0) <= FLUSH_SLACK for lo, hi in runs)))


# A space between sub-headings the body's gutter parts is wider than this share of an em: word spaces
# stay under it (WORD_SPACE_EMS is the widest a type size allows).
SPLIT_SPACE_EMS = 0.5


# How far (ems) left of a word space a body gutter's white must start to part headings there: word spaces
# that line up in the body leave runs no wider than themselves.
GUTTER_REACH = 2.0


def _under_a_heading(chunk: Line, chunks: Sequence[Line]) -> bool:
    return any(d is not chunk and d.bottom <= chunk.top + 1 and _overlap(d, chunk) for d in chunks)


def _overlap(a: Line, b: Line) -> bool:
    return a.x0 < b.x1 and a.x1 > b.x0


def _white_through(x0: float, x1: float, gutters: Sequence[float]) -> bool:
    """Does the body's white between two columns run through the word space from x0 to x1: a gutter's
    middle in it, or its white run reaching into it from under a heading wider than its column's cells
    ("Status" over a column of symbols, its white run from the symbols to the next column's text)?"""
    runs = getattr(gutters, "runs", None) or [(g, g) for g in gutters]
    return any(lo < x1 and hi > x0 for lo, hi in runs)


def _with_line_rules(cuts: Sequence[float], page: Page | None, ln: Line) -> list[float]:
    if page is None or ln.words[0].rotation:
        return list(cuts)
    own = [x for x in _rule_cuts(page, ln.top, ln.bottom) + _fill_cuts(page, ln) + _walls_in_wide_spaces(page, ln)
           + _group_rule_joints(page, ln) if not any(abs(x - c) <= 2 for c in cuts)]
    return sorted(set([*cuts, *own]))


# How far above a line (× its type size) the rule under a group heading stands over its sub-headings.
GROUP_RULE_REACH = 1.0
# How far above a group heading's rule (× type size) the header's rule over it may stand.
HEADER_RULE_REACH = 4.0
# Points within which two pieces of one rule meet.
JOINT_SLACK = 1.0


def _group_rule_joints(page: Page, ln: Line) -> list[float]:
    """x where the rule just above the line, under a group heading (a longer rule runs above it: the
    header's), is drawn in pieces that meet in a space between the line's words: each piece tops one
    sub-heading's cell, so the sub-headings set close part there ("Underpin | Area of concern" under
    "Governance", where the space between them is no wider than two word spaces)."""
    reach = GROUP_RULE_REACH * ln.size
    near = [r for r in page.hrules if ln.top - reach <= r.top <= ln.top + 1]
    spaces = [(a.x1, b.x0) for a, b in zip(ln.words, ln.words[1:])]
    joints = {(a.x1, a.top) for a in near for b in near
              if a is not b and abs(a.top - b.top) <= 0.5 and abs(a.x1 - b.x0) <= JOINT_SLACK}
    return sorted({x for x, y in joints if any(lo <= x <= hi for lo, hi in spaces)
                   and _under_a_longer_rule(page, x, y, HEADER_RULE_REACH * ln.size)})


def _under_a_longer_rule(page: Page, x: float, y: float, reach: float) -> bool:
    """Does a rule run above the (joined) rule through (x, y), within `reach`, over it and past an end?"""
    joined = _page_joined_rules(page)
    rule = next((r for r in joined if abs(r.top - y) <= 0.5 and r.x0 - 1 <= x <= r.x1 + 1), None)
    return rule is not None and any(
        y - reach <= r.top < y - 1 and r.x0 <= rule.x1 and r.x1 >= rule.x0
        and (r.x0 < rule.x0 - 2 or r.x1 > rule.x1 + 2) for r in joined)


def _walls_in_wide_spaces(page: Page, ln: Line) -> list[float]:
    """x of the walls of filled cells below the line (a status shown as colour alone, in a column of
    them or a row or two only) that fall in a space between two of its words clearly wider than its
    word spaces: two headings set close ("How are we | Update this quarter", "Self-r | When" over a
    column of colours, where no text below leaves a gutter). The word spaces are the line's spaces no
    wider than a word space can be (the spaces between its headings are wider); a line with one space
    shows no word spacing to compare with: left whole."""
    gaps = [(a.x1, b.x0) for a, b in zip(ln.words, ln.words[1:])]
    if len(gaps) < 2 or not page.fills:
        return []
    spaces = [b - a for a, b in gaps]
    usual = statistics.median([g for g in spaces if g <= WORD_SPACE_EMS * ln.size] or spaces)
    wide = [(a, b) for a, b in gaps if b - a >= WIDE_SPACE_RATIO * usual]
    if not wide:
        return []
    return [x for x in span_ends(_cell_fills_below(page, ln.bottom)) for a, b in wide if a - 0.5 <= x <= b + 0.5]


def _cell_fills_below(page: Page, below: float) -> list[tuple[float, float]]:
    """(x0, x1) of the filled cells below `below` narrower than a row's fill: each stands in one column,
    its walls the column's (a status shown as colour, in a row or two of the page only)."""
    return [(f.x0, f.x1) for f in page.fills if f.top >= below - 1 and f.x1 - f.x0 < FILL_COLUMN_SHARE * page.width]


# A space this many times the line's usual one may part two headings where a column's wall runs through it.
WIDE_SPACE_RATIO = 2.0


# Points within which two fills' edges meet.
FILL_MEET = 1.0


def _fill_cuts(page: Page, ln: Line) -> list[float]:
    """x where two fills of one colour behind the line meet edge to edge: a header row shaded cell by
    cell shows its cells' walls so, though no rule is drawn ("RAG rating | Service area | What
    difference will this make?" set close over columns left blank on their page). A fill is behind the
    words it lies under: a line read across headings set a little apart in height ("date" beside "Refer
    Pillar", one cell lower under a group heading) reaches above the lower cells' fills."""
    behind = [f for f in page.fills if any(f.top <= w.top + 1 and f.bottom >= w.bottom - 1 and f.x0 < w.x1 and f.x1 > w.x0
                                           for w in ln.words)]
    return sorted({round((a.x1 + b.x0) / 2, 1) for a in behind for b in behind
                   if a is not b and a.colour == b.colour and abs(a.x1 - b.x0) <= FILL_MEET
                   and ln.x0 < a.x1 < ln.x1})


def _turned_groups(chunks: Sequence[Line], cuts: Sequence[float], walls: Sequence[float] = ()) -> list[list[Line]]:
    """Headings set on their side, one group per heading: a turned heading that wraps stands as lines
    side by side, each as tall as the heading's text, a line's spacing apart, with no rule between, nor
    a wall of the filled cells below (`walls`) between the one's middle and the other's start (a turned
    heading may run a little past its cell: "Reference no" beside "Current" over a column of colours
    alone, "Self-rating" broken over five lines, the last past its column's wall)."""
    groups: list[list[Line]] = []
    for c in sorted(chunks, key=lambda c: c.x0):
        if c.words[0].rotation and any(c.x0 + RULE_OVERSHOOT < cut < c.x1 - RULE_OVERSHOOT for cut in cuts):
            continue  # a turned line a column rule runs through has run past its cell: clipped, not printed
        if groups:
            last = groups[-1][-1]
            gap = c.x0 - last.x1
            overlap = min(c.bottom, last.bottom) - max(c.top, last.top)
            crosses_rule = (any(last.x1 - 0.5 <= cut <= c.x0 + 0.5 for cut in cuts)
                            or any((last.x0 + last.x1) / 2 < x <= c.x0 + 0.5 for x in walls))
            if (c.words[0].rotation == last.words[0].rotation and -0.5 <= gap <= TURNED_LINE_GAP * last.size
                    and overlap > 0 and not crosses_rule):
                groups[-1].append(c)
                continue
        groups.append([c])
    return [piece for g in groups for piece in _parted_at_wide_gaps(g)]


# Of a run of turned lines, a gap this many times the narrowest one, and wider by this share of the type
# size, parts two headings: the lines of one heading stand a line's spacing apart, evenly.
TURNED_HEADING_GAP_RATIO = 1.8
TURNED_HEADING_GAP_EXTRA = 0.3


def _parted_at_wide_gaps(group: list[Line]) -> list[list[Line]]:
    """A run of turned lines parted where the white between two lines is clearly wider than between the
    others: two headings set side by side, each wrapped ("Ref" / "numbe" beside "How" / "are we" /
    "doing?", their cells' padding between them), not one heading of five lines."""
    if len(group) < 3:
        return [group]
    gaps = [max(b.x0 - a.x1, 0.0) for a, b in zip(group, group[1:])]
    least = min(gaps)
    wide = [k for k, gap in enumerate(gaps)
            if gap >= TURNED_HEADING_GAP_RATIO * least and gap - least >= TURNED_HEADING_GAP_EXTRA * group[k].size]
    cuts = [0] + [k + 1 for k in wide] + [len(group)]
    return [group[a:b] for a, b in zip(cuts, cuts[1:])]


# Points a glyph's box may reach past the rule beside it.
RULE_OVERSHOOT = 1.5
# Points a turned heading may start above the rule it stands under (its box reaches a little higher).
TURNED_PAST_RULE = 2.0


def fill_walls(page: Page, below: float, near: float = 0.0) -> list[float]:
    """x of the side walls of a column of filled cells below `below` (`filled_columns`), and of each
    narrow filled cell of the row right under it, within `near` (a header at a page's foot has one row
    under it: its status cell's fill shows where the status column stands). No rule need be drawn for
    them to part columns."""
    return span_ends([*filled_columns(page, below), *first_row_fills(page, below, near)])


def first_row_fills(page: Page, below: float, near: float) -> list[tuple[float, float]]:
    """(x0, x1) of each narrow filled cell of the body row that starts within `near` below `below`."""
    narrow = FILL_COLUMN_SHARE * page.width
    # A section row's fill run across the table under the header ("Priority 1: Practice Quality") is no
    # body row: the first row starts under it.
    top = below
    while across := [f.bottom for f in page.fills if top - 1 <= f.top <= top + near and f.x1 - f.x0 >= narrow
                     and f.bottom > top]:
        top = max(across)
    return [(f.x0, f.x1) for f in page.fills if top - 1 <= f.top <= top + near and f.x1 - f.x0 < narrow]


def filled_columns(page: Page, below: float) -> list[tuple[float, float]]:
    """(x0, x1) of each column of filled cells below `below`: cells of one width, one over the other, in
    two rows or more (a status shown as colour)."""
    tops: dict[tuple[int, int], set[int]] = {}
    for f in page.fills:
        if f.top >= below - 1 and f.x1 - f.x0 < FILL_COLUMN_SHARE * page.width:
            tops.setdefault((round(f.x0), round(f.x1)), set()).add(round(f.top))
    return sorted((float(a), float(b)) for (a, b), ys in tops.items() if len(ys) >= 2)


# How far below a header (in its type size) the fills of its first body row start: a cell's padding
# and a rule, no more.
FIRST_ROW_REACH = 2.0

# A filled cell of a column is narrower than this share of the page (a row's fill runs across it).
FILL_COLUMN_SHARE = 0.25


def _without_group_headings(chunks: list[Line], page: Page) -> list[Line]:
    """Chunks less the group headings: text underlined by a rule wider than itself that has two or more
    headings of the band under it ("Monitoring" over "Line" and "Outcome we expect")."""
    dropped = set()
    rules = _page_joined_rules(page)
    for i, c in enumerate(chunks):
        for r in rules:
            if not (c.bottom - 1 <= r.y <= c.bottom + c.size and r.x0 <= c.x0 + 2 and r.x1 >= c.x1 - 2):
                continue
            # Wider than the heading, or parted below by a column rule that starts on it (the heading
            # fills its cell: "Accountability" over "Date and rating" | "Priority").
            if r.x1 - r.x0 < GROUP_RULE_SPAN * (c.x1 - c.x0) and not _parted_below(r, page):
                continue
            # Below the rule by their middle: a line's box may reach above the rule it sits under. A
            # heading turned on its side that starts above the rule runs past it, out of its cell ("Status
            # update" set whole, taller than its row): it stands beside the heading, not under it.
            under = [d for d in chunks if (d.top + d.bottom) / 2 > r.y and r.x0 - 1 <= (d.x0 + d.x1) / 2 <= r.x1 + 1
                     and not (d.words[0].rotation and d.top < r.y - TURNED_PAST_RULE)]
            if len(under) >= 2 and len({round(d.x0) for d in under}) >= 2:
                dropped.add(i)
                break
    return [c for i, c in enumerate(chunks) if i not in dropped]


def _parted_below(rule: Rule, page: Page) -> bool:
    """Does a column rule start on `rule` and run down from it, inside its ends?"""
    return any(abs(v.top - rule.y) <= 1.5 and rule.x0 + 2 < v.x < rule.x1 - 2 and v.bottom > rule.y + 2
               for v in page.vrules)


def _page_joined_rules(page: Page) -> list[Rule]:
    """The page's horizontal rules with the strokes of each joined (`joined_strokes`), worked out once
    per page (header search asks for them at every band it reads) and kept on the page with the list they were joined from. Read only."""
    cached = getattr(page, "_planpipe_joined_rules", None)
    if cached is None or cached[0] is not page.hrules:
        cached = (page.hrules, joined_strokes(page.hrules, vertical=False, meet=1))
        page._planpipe_joined_rules = cached  # type: ignore[attr-defined]
    return cached[1]


def _without_unruled_group_headings(chunks: list[Line], gutters: Sequence[float]) -> list[Line]:
    """Chunks less the group headings no rule marks: a heading that runs across a white gutter of the
    body, with headings under it on both sides of that gutter ("Governance" over "By when?" and
    "Risks"). One heading's own wrapped lines stay on one side of every gutter."""
    def grouping(c: Line) -> bool:
        under = [d for d in chunks if d is not c and d.top >= c.bottom - 1 and d.x0 < c.x1 and d.x1 > c.x0]
        if _wraps_on(c, under):
            return False
        return any(c.x0 + 1 < x < c.x1 - 1 and any(d.x1 <= x + 1 for d in under) and any(d.x0 >= x - 1 for d in under)
                   for x in gutters)
    # A group heading opens the header: it stands on the band's first line, with the lines it wraps onto
    # ("Governan" / "ce" over "Current" and "End date").
    top = min((c.top for c in chunks if not c.words[0].rotation), default=0.0)
    leading = _heading_leading(chunks)
    dropped: set[int] = set()
    for c in chunks:
        if c.words[0].rotation or c.top > top + 1:
            continue
        own = _wrapped_lines(c, chunks)
        whole = Line(tuple(w for ln in own for w in ln.words)) if len(own) > 1 else c
        if grouping(whole) or _spans_sub_headings(whole, chunks, leading):
            dropped.update(id(ln) for ln in own)
    return [c for c in chunks if id(c) not in dropped]


def _heading_leading(chunks: Sequence[Line]) -> float:
    """The white a heading's lines leave between them in this band, as most of its upright lines stand
    over the next line set flush with them (the lower middle: a group heading over its first sub-heading
    is one such pair among its columns' wrapped lines). 0 when no line stands so."""
    upright = [c for c in chunks if not c.words[0].rotation]
    gaps = []
    for c in upright:
        below = [d for d in upright if d.top >= c.bottom - 1 and d.x0 < c.x1 and d.x1 > c.x0]
        if below:
            d = min(below, key=lambda d: d.top)
            if _set_as(c, d):
                gaps.append(d.top - c.bottom)
    return statistics.median_low(gaps) if gaps else 0.0


def _wrapped_lines(c: Line, chunks: Sequence[Line]) -> list[Line]:
    """The chunk and the lines its heading wraps onto below it, at its leading and set as it is."""
    own = [c]
    while True:
        nxt = [d for d in chunks if d not in own and _wrap_of(own[-1], d, c)]
        if not nxt:
            return own
        own.append(min(nxt, key=lambda d: d.top))


def _wrap_of(last: Line, d: Line, first: Line) -> bool:
    """Is `d` the next line of the heading `first` whose line so far ends on `last`: upright, just below
    it at its leading, within its reach and set flush left, centred or flush right as it is?"""
    if d.words[0].rotation or not (last.bottom - 1 <= d.top < last.bottom + GROUP_GAP * first.size):
        return False
    return _set_as(first, d) and d.x0 >= first.x0 - FLUSH_SLACK and d.x1 <= first.x1 + FLUSH_SLACK


# A group heading stands apart from its sub-headings by more than a line's leading: this share of its size.
GROUP_GAP = 0.5


def _spans_sub_headings(c: Line, chunks: Sequence[Line], leading: float = 0.0) -> bool:
    """Is the chunk a group heading set over sub-headings in a header no rule parts: two or more
    headings side by side below it, a gap deeper than its lines' leading under it, none of them
    reaching past the next heading on its line ("Impact" over "What will be different?" and "What will
    success look like?")? Headings set loose (`leading`: the white between the band's wrapped heading
    lines, past GROUP_GAP) go on over that white when only a heading set on its side stands beside the
    line under: "Key line" / "of" / "enquiry" beside a turned "Line" is one heading, crossing no gutter of
    the body; "Monitoring" over "Lead role" and "What will success look like?", level, groups them."""
    under = _set_under(c, chunks)
    if _wraps_on(c, under):
        return False
    firsts = [d for d in under if not any(e is not d and e.x1 > d.x0 and e.x0 < d.x1 and e.bottom <= d.top + 1
                                          for e in under)]
    if sum(1 for d in firsts if not d.words[0].rotation) < 2 and _wraps_on(c, under, leading):
        return False
    # A heading set on its side starts as far down as its length leaves it (its foot stands on the band's
    # foot): only upright sub-headings show a line they start on.
    tops = sorted(d.top for d in firsts if not d.words[0].rotation)
    # A group heading stands over one of its sub-headings at least, wherever it is set in its cell: lines
    # all beside it are headings of their own ("Self-" / "rating" set on its side right of "Outcome").
    over = any(d.x0 < c.x1 and d.x1 > c.x0 for d in firsts)
    return len(firsts) >= 2 and over and (not tops or tops[-1] - tops[0] <= GROUP_GAP * c.size)


def _wraps_on(c: Line, under: Sequence[Line], leading: float = 0.0) -> bool:
    """Is one of the chunks below `c` its own next line (one heading wrapped): under it, at its leading,
    and set as it is (a sub-heading starts at its own column's edge)? A heading set upright goes on
    upright: a turned sub-heading starts close under its group heading ("Ref number" on its side under
    "Monitoring")."""
    turned = bool(c.words[0].rotation)
    deepest = max(GROUP_GAP * c.size, leading + LEADING_SLACK)
    return any(d.top - c.bottom < deepest and d.x0 < c.x1
               and (bool(d.words[0].rotation) == turned and (turned or _set_as(c, d))) for d in under)


def _set_as(c: Line, d: Line) -> bool:
    """Does `d` line up with `c` as a heading's next line does: flush left, centred or flush right?"""
    return (abs(d.x0 - c.x0) <= FLUSH_SLACK or abs(d.x1 - c.x1) <= FLUSH_SLACK
            or abs((d.x0 + d.x1) / 2 - (c.x0 + c.x1) / 2) <= FLUSH_SLACK)


def _set_under(c: Line, chunks: Sequence[Line]) -> list[Line]:
    """The chunks below `c` from its left edge to the next heading beside it on its line (a turned
    sub-heading among them: "Status at Q2" set on its side beside "Named lead")."""
    beside = [d.x0 for d in chunks if d is not c and d.x0 > c.x1 and min(d.bottom, c.bottom) > max(d.top, c.top)]
    right = min(beside, default=float("inf"))
    return [d for d in chunks if d.top >= c.bottom - 1 and d.x0 >= c.x0 - 1 and d.x1 <= right - 1
            and not _turned_up_beside(d, c, chunks)]


def _turned_up_beside(d: Line, c: Line, chunks: Sequence[Line]) -> bool:
    """Is `d` a turned line whose heading's next line, side by side with it, reaches up beside `c`
    ("Ref" under "Outcome" while its "num" stands level with it): a heading of its own, not set under."""
    if not d.words[0].rotation:
        return False
    return any(e is not d and e.words[0].rotation and e.top < c.bottom - 1
               and min(abs(e.x0 - d.x1), abs(d.x0 - e.x1)) <= d.size for e in chunks)


def _group_text(group: Sequence[Line], vocab: frozenset[str] = frozenset()) -> str:
    """A heading's lines as one text. A word broken over two lines without a hyphen (a heading set in a
    column too narrow for it: "Timescal" / "e", "Ind" / "ex") is joined when only the whole is a heading
    word, or the next line opens in lower case on the rest of an English word neither piece of which is a
    word alone."""
    out = ""
    # Turned lines read left to right when the text runs up the page (90), right to left when down.
    turned = group[0].words[0].rotation
    order = ((lambda c: c.x0) if turned == 90 else (lambda c: -c.x0)) if turned else (lambda c: (round(c.top), c.x0))
    texts = [c.text for c in sorted(group, key=order)]
    for text in texts:
        if out and _word_goes_on(out.rsplit(" ", 1)[-1], text.split(" ", 1)[0], vocab):
            out += text
            continue
        out = f"{out} {text}" if out else text
    if turned:
        return out
    # Lines that are pieces of words ("Sta" / "tus" / "up" / "dat" / "e") show a column too narrow for any
    # word: its line ends fall anywhere, and the fewest words the pieces make are the heading ("Status
    # update", not "Status up date").
    if _all_words(out.split()) and all(_all_words(t.split()) for t in texts):
        return out
    rejoined = _rejoined(texts)
    if rejoined is None or (_all_words(out.split()) and not all(_plain_word(t) for t in rejoined.split())):
        return out  # pieces joined across a bracket or a figure ("RAGrating(current)") make no fewer words
    return rejoined


def _word_goes_on(last: str, first: str, vocab: frozenset[str]) -> bool:
    """Does a heading's line ending on `last` go on into the next line's `first` with no space: a word
    broken without a hyphen (only the whole a heading word, or the rest of an English word in lower
    case), or a compound broken at its hyphen ("Self-" / "rating", one word as in a body cell)?"""
    if last[-1:].isalpha():
        whole = normalise_heading(last + first)
        return ((whole in vocab and normalise_heading(last) not in vocab)
                or (first[:1].islower() and broken_word(last, first)))
    return last[-1:] in LINE_END_HYPHENS and last[-2:-1].isalpha() and first[:1].isalpha()


# Hyphens a heading's line may end on, its word going on in the next line.
LINE_END_HYPHENS = ("-", "\u2010")


def _plain_word(token: str) -> bool:
    core = token.strip(".,;:?!()[]/&'’\"-")
    return not core or core.isalpha()


def _rejoined(texts: Sequence[str]) -> str | None:
    """A heading broken into pieces over many lines of a very narrow column ("Cu" / "rre" / "nt" / "po" /
    "siti" / "on"), rejoined at the line ends into the fewest English words ("Current position"; "Targ" /
    "et" / "time" / "scale": "Target timescale", a word too wide for the column broken where it had to
    be); None when no joining leaves every piece a word."""
    if not known() or len(texts) < 2:
        return None
    if len(texts) > REJOIN_MAX_LINES:
        return _rejoined_line_by_line(texts)
    best: tuple[int, str] | None = None
    for joins in range(1 << (len(texts) - 1)):
        out = texts[0]
        for k, text in enumerate(texts[1:]):
            out += text if joins >> k & 1 else " " + text
        if _all_words(out.split()) and (best is None or bin(joins).count("1") > best[0]):
            best = (bin(joins).count("1"), out)
    return best[1] if best else None


# Lines of one heading rejoined by trying every way (2 ** (lines - 1)); more are rejoined line by line.
REJOIN_MAX_LINES = 9


def _rejoined_line_by_line(texts: Sequence[str]) -> str | None:
    """_rejoined for a heading of many lines ("H" / "o" / "w" / "ar" / "e" / "w" / "e" / "d" / "oi" / "n" /
    "g?", set a letter or two to a line): line by line, keeping for each piece a word may still be
    growing from the most joins that leave every finished word a word."""
    first = texts[0].split()
    if not first or not _all_words(first[:-1]):
        return None
    # The piece still open at the end -> (joins so far, text so far).
    open_: dict[str, tuple[int, str]] = {first[-1]: (0, texts[0])}
    for text in texts[1:]:
        tokens = text.split()
        if not tokens:
            return None
        grown: dict[str, tuple[int, str]] = {}
        for piece, (joins, out) in open_.items():
            if _all_words([piece, *tokens[:-1]]):
                _keep_most(grown, tokens[-1], joins, f"{out} {text}")
            joined = [piece + tokens[0], *tokens[1:]]
            if _all_words(joined[:-1]):
                _keep_most(grown, joined[-1], joins + 1, out + text)
        open_ = grown
    done = [(joins, out) for piece, (joins, out) in open_.items() if _all_words([piece])]
    return max(done)[1] if done else None


def _keep_most(grown: dict[str, tuple[int, str]], piece: str, joins: int, out: str) -> None:
    if piece not in grown or grown[piece][0] < joins:
        grown[piece] = (joins, out)


def _all_words(tokens: Sequence[str]) -> bool:
    """Is every token with letters an English word (punctuation around it aside; one with figures is
    taken as printed)?"""
    for t in tokens:
        core = t.strip(".,;:?!()[]/&'\u2019\"-")
        if core and core.isalpha() and not is_word(core):
            return False
    return True


def _snapped(g: Sequence[Line], gutters: Sequence[float]) -> list[float]:
    """Body gutters moved to the nearest space between the headings' words: a heading set wider than
    its column ("Accountable and" over a lead column) reaches past the middle of the gutter below."""
    gaps = [((a.x1 + b.x0) / 2, b.x0 - a.x1, b.x0) for ln in g for a, b in zip(ln.words, ln.words[1:])]
    runs = getattr(gutters, "runs", None) or [(x, x) for x in gutters]
    out = []
    for x, run in zip(gutters, runs):
        inside = [ln for ln in g for w in ln.words if w.x0 < x < w.x1]
        clear = _clear_through(g, run, x) if inside else None
        if clear is not None:
            out.append(clear)
            continue
        out.append(_nearest_space(x, run, gaps, inside[0].size) if inside else x)
    return out


def _nearest_space(x: float, run: tuple[float, float], gaps: Sequence[tuple[float, float, float]], size: float) -> float:
    """The space between a heading's words (middle, width, next word's x0) that a body gutter at `x`, the
    middle of the white `run`, falls to: near the gutter's middle, or anywhere in its white (the body's
    white from "2.1" to "Head" holds the space between "Reference" and "Lead", however far from the
    middle a short reference leaves it); `x` itself when none is."""
    near = [(m, start) for m, width, start in gaps if width > 0 and (abs(m - x) <= SNAP_EMS * size or run[0] < m < run[1])]
    # A space whose next word starts where the column's text does heads that column: "Reference no" set as
    # wide as its column, "Lead" flush over the officers' text.
    flush = [m for m, start in near if abs(start - run[1]) <= FLUSH_SLACK]
    return min(flush or [m for m, _ in near], key=lambda m: abs(m - x)) if near else x


def _clear_through(g: Sequence[Line], run: tuple[float, float], x: float) -> float | None:
    """The middle of the white, inside the body's gutter `run`, that no word of the heading's lines
    crosses and that lies nearest `x`: where a heading set wider than its column ends ("Direct" / "ion of"
    / "travel" over a narrow column, the next heading a few points on). None when no such white runs
    through the heading's lines."""
    free = white_runs([(w.x0, w.x1) for ln in g for w in ln.words], *run)
    # Wider than two word spaces: the white between two columns' headings, not a space between words that
    # happens to line up over two lines ("What success" / "looks like").
    size = max((w.size for ln in g for w in ln.words), default=0.0)
    free = [(a, b) for a, b in free if b - a > 2 * WORD_SPACE_EMS * size]
    return min(((a + b) / 2 for a, b in free), key=lambda m: abs(m - x), default=None)


def _whole_heading(text: str) -> bool:
    """Could the text be a heading of its own: words that neither open nor end on a joining word? A
    question opens on one before its question word ("By when?", "With whom?")."""
    words = text.lower().rstrip("?").split()
    opens = bool(words) and (words[0] not in CANNOT_START_HEADING or (len(words) > 1 and words[1] in QUESTION_WORDS))
    return opens and not _stops_short(" ".join(words))


QUESTION_WORDS = frozenset("what when where who whom whose which why how".split())


def _split_run(words: Sequence[str], section: str, settings: ExtractSettings) -> list[tuple[str, str]] | None:
    """Split one run of heading words into consecutive known headings, e.g. two headings set too close."""
    n = len(words)
    best: dict[int, list[tuple[str, str]]] = {0: []}
    for end in range(1, n + 1):
        for start in range(max(0, end - 8), end):
            if start not in best:
                continue
            # A heading does not open or end on a word that joins it to its neighbour ("Evidence" / "of progress").
            if start > 0 and words[start].lower() in CANNOT_START_HEADING:
                continue
            if end < n and words[end - 1].lower() in CANNOT_END_HEADING:
                continue
            text = " ".join(words[start:end])
            fld = match_heading(text, section, settings)
            if fld is None:
                continue
            cand = best[start] + [(fld, text)]
            if end not in best or len(cand) < len(best[end]):
                best[end] = cand
    return best.get(n)


def body_gutters(
    page: Page, below: float, x0: float, x1: float, settings: ExtractSettings = DEFAULT_SETTINGS,
    until: float | None = None,
) -> list[float]:
    """x of white vertical gutters in the text below a header (down to `until`, another table's header,
    when given): where no body word is printed. A word belongs below by its line's middle: a heading
    turned on its side may reach a hair into the first row's line. Rows of their own across the columns
    (`_spanning`), slanted text (a watermark) and the page's number close no gutter."""
    end = page.height if until is None else until
    below_words = [w for ymid, ln in _gutter_lines(page, settings) if below < ymid < end
                   for w in ln.words if below < w.ymid < end and w.x1 > x0 and w.x0 < x1]
    spans = [(w.x0, w.x1) for w in below_words]
    if len(spans) < 5:
        return []
    # A cell filled with a colour and holding no word (a status shown by colour alone) is a column's
    # content as text is: its edges are the cell's, however close the next column's text starts.
    edges = _colour_cells(page, below_words, below, end, x0, x1)
    walls = {x for span in edges for x in span}
    gutters = _white_gutters(spans + edges, walls, settings.gutter_min_width)
    widest_space = _widest_space(below_words)  # one body for every gutter: worked out once
    # White up to a colour cell's edge parts columns however narrow: the cell's edge is its column's.
    kept = [(g, width) for g, width in gutters
            if g - width / 2 in walls or g + width / 2 in walls or _parts_columns(g, width, below_words, widest_space)]
    return Gutters([g for g, _ in kept], [(g - width / 2, g + width / 2) for g, width in kept],
                   min(a for a, _ in spans))


def _white_gutters(spans: Sequence[tuple[float, float]], walls: AbstractSet[float], least: float
                   ) -> list[tuple[float, float]]:
    """(middle, width) of each white run between the spans at least `least` wide, or bounded by a wall."""
    runs = white_runs(spans, min(a for a, _ in spans), max(b for _, b in spans))
    return [((a + b) / 2, b - a) for a, b in runs if b - a >= least or a in walls or b in walls]


# A colour cell is at most this share of the body's width: wider fills are rows' shading, not a cell's.
COLOUR_CELL_SHARE = 0.25


def _colour_cells(page: Page, words: Sequence[Word], below: float, end: float, x0: float, x1: float
                  ) -> list[tuple[float, float]]:
    """(x0, x1) of each fill in the body between `below` and `end` (within x0..x1) that holds none of
    its `words`, is no wider than a cell and has a colour no cell beside it has: a status shown by its
    colour. (A zebra's stripe drawn cell by cell colours its row's empty cells as the others.)"""
    if not words:
        return []
    width = max(w.x1 for w in words) - min(w.x0 for w in words)
    fills = [f for f in page.fills if below < f.top and f.bottom < end]
    return [(f.x0, f.x1) for f in fills
            if f.x0 >= x0 and f.x1 <= x1 and f.x1 - f.x0 <= COLOUR_CELL_SHARE * width
            and not any(f.x0 < w.xmid < f.x1 and f.top < w.ymid < f.bottom for w in words)
            and not any(_beside_alike(f, g) for g in fills)]


def _beside_alike(f: Fill, g: Fill) -> bool:
    """Is fill g a cell of f's colour beside it, in the same row?"""
    return (g.colour == f.colour and (g.x1 <= f.x0 + 1 or g.x0 >= f.x1 - 1)
            and min(f.bottom, g.bottom) - max(f.top, g.top) > 0.5 * (f.bottom - f.top))


def _gutter_lines(page: Page, settings: ExtractSettings) -> list[tuple[float, Line]]:
    """(middle of its first word, line) of each of the page's lines that can close a gutter: not a row of
    its own across the columns (`_spanning`) nor the page's number. Which lines these are depends on the
    page alone, and body_gutters is asked for many heights of one page: found once per page and settings,
    kept beside the page's lines (page_lines)."""
    lines = page_lines(page, settings)
    cached = getattr(page, "_planpipe_gutter_lines", None)
    if cached is None or cached[0] is not lines:
        kept = [(ln.words[0].ymid, ln) for ln in lines
                if not _spanning(ln, page.width, settings) and not page_number_line(ln, page)]
        cached = (lines, kept)
        page._planpipe_gutter_lines = cached  # type: ignore[attr-defined]
    return cached[1]


def _widest_space(words: Sequence[Word]) -> float:
    """The widest word space the words' type sizes allow."""
    return WORD_SPACE_EMS * max((w.size for w in words), default=0.0)


def _parts_columns(g: float, width: float, words: Sequence[Word], widest_space: float | None = None) -> bool:
    """Is the white gutter at g, `width` wide, one between columns? Only a gutter no wider than a word
    space can be word spaces that line up; one no wider than two must have lines start at its right edge.
    `widest_space`: _widest_space(words), when the caller has it already."""
    if widest_space is None:
        widest_space = _widest_space(words)
    return ((width > widest_space or not _word_space(g, words))
            and (width > 2 * widest_space or _aligned_starts(g + width / 2, words) >= NARROW_GUTTER_STARTS
                 or not _justified_across(g - width / 2, g + width / 2, words)))


class Gutters(list):
    """The x of the body's white gutters (a list of floats), each with the white run it is the middle of."""

    def __init__(self, mids: Sequence[float] = (), runs: Sequence[tuple[float, float]] = (),
                 left: float | None = None) -> None:
        super().__init__(mids)
        self.runs = list(runs)
        self.left = left  # where the body's first column of text starts


def _between_headings(gutters: Sequence[float], g: Sequence[Line]) -> Sequence[float]:
    """The gutters that stand between two headings' columns of text: not the middle of white that lies
    under both words beside it (a column left blank on this page, under "Theme area": no evidence that
    "Theme" and "area" head two columns)."""
    runs = getattr(gutters, "runs", None)
    if not runs:
        return gutters
    words = [w for ln in g for w in ln.words]
    mids, kept = [], []
    for x, (lo, hi) in zip(gutters, runs):
        left = max((w for w in words if w.xmid < x), key=lambda w: w.x1, default=None)
        right = min((w for w in words if w.xmid > x), key=lambda w: w.x0, default=None)
        if not (left and right and lo <= left.x0 and hi >= right.x1):
            mids.append(x)
            kept.append((lo, hi))
    return Gutters(mids, kept, getattr(gutters, "left", None))


def _spanning(line: Line, width: float, settings: ExtractSettings) -> bool:
    """Is the line a row of its own across the columns: one run of three words or more alone on its line,
    set in bold (a section row, "Priority 1: Practice Quality") or over half the page wide (running text)?
    It crosses the gutters without closing them. (A heading's last word on a line of its own, "travel",
    is no such row.)"""
    # The tests are pure: the cheap ones first, the line's chunks (split_chunks) last.
    return len(line.words) >= SPANNING_MIN_WORDS and (
        all(w.bold for w in line.words) or line.x1 - line.x0 > 0.5 * width) and len(split_chunks(line, (), settings)) == 1


SPANNING_MIN_WORDS = 3


# A word space is at most this many ems wide (Times 0.25, Helvetica 0.28, DejaVu Serif 0.32).
WORD_SPACE_EMS = 0.34


# A gutter no wider than two word spaces parts columns only where this many lines start at its right
# edge: a column's text starts flush; the wide spaces of justified lines line up by chance.
NARROW_GUTTER_STARTS = 2


def _justified_across(lo: float, hi: float, words: Sequence[Word]) -> bool:
    """Do most lines that reach the white run lo..hi go on across it within three ems: spaces of justified
    lines that line up, not the white between a column and the next?"""
    touching: set[int] = set()
    across: set[int] = set()
    for w in words:
        line = round(w.ymid)
        if lo - w.size <= w.x1 <= lo + 0.5:
            touching.add(line)
            if any(round(v.ymid) == line and hi - 0.5 <= v.x0 <= w.x1 + 3 * w.size for v in words):
                across.add(line)
        elif hi - 0.5 <= w.x0 <= hi + w.size:
            touching.add(line)
    return len(touching) >= JUSTIFIED_MIN_LINES and 2 * len(across) >= len(touching)


# Lines that must reach a narrow white run before it can be read as justified spaces lining up.
JUSTIFIED_MIN_LINES = 3


def _aligned_starts(x: float, words: Sequence[Word]) -> int:
    """How many lines start a word within a point of x (with white on its left)?"""
    return len({round(w.top) for w in words if abs(w.x0 - x) <= 1.0})


def _word_space(g: float, words: Sequence[Word]) -> bool:
    """Is the white gutter at g only word spaces that line up (a column of a few short cells, "Care
    Leavers", whose one space the cells leave open all the way down)? Then every word at the gutter has
    its neighbour across it on its line, a word space away; at a column gutter some line ends or
    starts there alone."""
    at = [w for w in words if g - w.size <= w.x1 < g or g < w.x0 <= g + w.size]
    if not at:
        return False
    for w in at:
        left = w.x0 > g
        across = [v for v in words if abs(v.ymid - w.ymid) < 0.3 * w.size and (v.x1 < g if left else v.x0 > g)
                  and 0 <= ((w.x0 - v.x1) if left else (v.x0 - w.x1)) <= WORD_SPACE_EMS * w.size]
        if not across:
            return False
    return True


def _cells_for_group(
    g: Sequence[Line], gutters: Sequence[float], section: str, settings: ExtractSettings, part: bool = True,
) -> list[HeaderCell]:
    text = _group_text(g, heading_vocabulary(settings.headings))
    fld = match_heading(text, section, settings)
    gx0, gx1 = min(c.x0 for c in g), max(c.x1 for c in g)
    gtop, gbot = min(c.top for c in g), max(c.bottom for c in g)
    turned = bool(g[0].words[0].rotation)
    listed = fld is not None and match_heading(text, section, settings, use_cues=False) is not None
    if listed:
        return [HeaderCell(fld, text, gx0, gx1, gtop, gbot, turned)]
    gutters = _between_headings(gutters, g)
    parted = _parted_at_gutters(g, gutters, section, settings) if part else None
    if parted:
        return parted
    if fld is not None:
        return [HeaderCell(fld, text, gx0, gx1, gtop, gbot, turned)]
    under = _under_group_line(g, section, settings)
    if under is not None:
        return [under]
    # ... or, for a one-line heading, at the word boundaries that give known headings. A heading whose cue
    # words point to fields, torn between them ("Theme area": theme or key area), is one heading: its
    # column's cells decide.
    if len(g) == 1 and not (section == "fields" and cue_candidates(normalise_heading(text))):
        parts = _split_run([w.text for w in g[0].words], section, settings)
        if parts and len(parts) > 1 and _cuts_at_gutters(g[0], parts, gutters):
            return _run_cells(g[0], parts, gtop, gbot)
    return [HeaderCell(None, text, gx0, gx1, gtop, gbot, turned)]


# Words the heading under a group heading set at its leading runs to at least.
GROUP_REST_WORDS = 3


def _under_group_line(g: Sequence[Line], section: str, settings: ExtractSettings) -> HeaderCell | None:
    """The heading under a group heading set at its leading, with no gap or rule between ("Progress" over
    "What difference will" / "this make?"): the lines read together name nothing, the lines under the
    first are a listed heading of a phrase, and the first is a heading of its own. None when they are not."""
    if len(g) < 2 or g[0].words[0].rotation:
        return None
    first_top = min(c.top for c in g)
    head = [c for c in g if c.top <= first_top + 1]
    rest = [c for c in g if c.top > first_top + 1]
    head_text = " ".join(c.text for c in sorted(head, key=lambda c: c.x0))
    if not rest or not head_text[:1].isupper() or len(head_text.split()) > 2 or not _whole_heading(head_text):
        return None
    text = _group_text(rest, heading_vocabulary(settings.headings))
    fld = match_heading(text, section, settings, use_cues=False)
    # A heading of its own runs to a phrase; one word after the first line ("Intended" / "impact", "Theme"
    # / "area") is the heading's own second line.
    if fld is None or fld.startswith("ignore:") or len(text.split()) < GROUP_REST_WORDS:
        return None
    return HeaderCell(fld, text, min(c.x0 for c in rest), max(c.x1 for c in rest), min(c.top for c in rest),
                      max(c.bottom for c in rest))


def _parted_at_gutters(g: Sequence[Line], gutters: Sequence[float], section: str, settings: ExtractSettings) -> list[HeaderCell] | None:
    """Headings set too close to part by spacing, parted at the body's white gutters, when each piece
    reads as a heading of its own (a text read only by its cue words may be two headings run together:
    "Accountable and What needs to" over "date improve?"). A turned heading's lines stand side by side:
    they are never parted."""
    if not gutters or g[0].words[0].rotation:
        return None
    sub = _groups(g, _not_before_lower_case(g, _snapped(g, gutters)), settings)
    if len(sub) < 2:
        return None
    pieces = [(c, len(sg)) for sg in sub for c in _cells_for_group(sg, gutters, section, settings, part=False)]
    cells = [c for c, _ in pieces]
    if _runs_on_in_lower_case(cells) or _joined_across(cells):
        return None
    return cells if _pieces_are_headings(pieces, section, _column_starts(gutters)) else None


def _not_before_lower_case(g: Sequence[Line], cuts: Sequence[float]) -> list[float]:
    """The cuts at which no piece opens in lower case among headings in capitals: white that runs down
    through one heading's words is no edge between two ("Lead" | "role", a column whose every officer
    this page breaks as "Head" / "of" leaving white under the heading's second word). The other cuts
    still part the headings ("Outcome measures" | "Lead role")."""
    words = [w for ln in g for w in ln.words]
    if not any(w.text[:1].isupper() for w in words):
        return list(cuts)
    ordered = sorted(cuts)
    kept = []
    for x, nxt in zip(ordered, [*ordered[1:], math.inf]):
        piece = [w for w in words if x <= w.x0 < nxt]
        first = min(piece, key=lambda w: (round(w.top), w.x0), default=None)
        if first is None or not first.text[:1].islower():
            kept.append(x)
    return kept


def _runs_on_in_lower_case(cells: Sequence[HeaderCell]) -> bool:
    """Does a piece after the first open in lower case beside one in capitals: the rest of the heading
    before it, though its cue words name a field ("What will | success" / "look like?")?"""
    return any(c.text[:1].isupper() for c in cells) and any(c.text[:1].islower() for c in cells[1:])


def _joined_across(cells: Sequence[HeaderCell]) -> bool:
    """Does a joining word or sign stand at a cut, ending the piece before it or opening the piece after
    it ("Date | / RAG", parted by a gutter that the date column's "Q3" / "2022/23" line up): one heading,
    whatever each piece's cue words name."""
    return any(a.text.split()[-1].lower() in CANNOT_END_HEADING
               or (b.text.split()[0].lower() in CANNOT_START_HEADING and not _whole_heading(b.text))
               for a, b in zip(cells, cells[1:]) if a.text.split() and b.text.split())


def _column_starts(gutters: Sequence[float]) -> list[float]:
    """Where the body's columns of text start: its left edge and the right ends of its white gutters."""
    left = getattr(gutters, "left", None)
    return ([left] if left is not None else []) + [hi for _, hi in getattr(gutters, "runs", [])]


def _pieces_are_headings(pieces: Sequence[tuple[HeaderCell, int]], section: str, starts: Sequence[float] = ()) -> bool:
    """Does each piece of a heading parted at the body's gutters read as a heading of its own? `pieces`:
    (cell, lines it is set on); `starts`: where the body's columns of text start."""
    cells = [c for c, _ in pieces]
    # A piece whose cue words are torn between fields ("Action code": action or ref) is a heading all the
    # same; the column's cells decide its field (pipeline.extract.columns.by_content).
    named = [c.field is not None or (section == "fields" and bool(cue_candidates(normalise_heading(c.text))))
             for c in cells]
    # A piece no word of which is known may still be a heading of its own when it reads as one: two
    # words or more, neither opening nor ending on a joining word ("Underpinning plan"). Where every
    # piece reads so, the body's gutter parts them though none is named ("Latest position" | "The issue
    # we are tackling", set closer than headings usually are).
    # A piece opening in lower case beside one in capitals runs on from it ("Outcome | we expect", parted
    # by the white of a column left blank below): one heading. A piece set on lines of its own reads as
    # one too, one word though it is ("Lin" / "e" wrapped in a narrow column: "Line").
    # Where every piece opens in capitals, a one-word piece set flush over the start of a column's text
    # heads that column ("What difference will | Rationale" / "this make?", a gutter's width apart); a
    # piece in lower case runs on from the one before ("Plan | ref").
    capitals = any(c.text[:1].isupper() for c in cells)
    flush = all(c.text[:1].isupper() for c in cells)
    shaped = [_whole_heading(c.text) and not (capitals and c.text[:1].islower()) and (
        len(c.text.split()) >= 2 or lines >= 2 or (flush and any(abs(c.x0 - x) <= FLUSH_SLACK for x in starts)))
        for c, lines in pieces]
    return (any(c.field for c in cells) or all(shaped)) and all(ok or sh for ok, sh in zip(named, shaped))


def _cuts_at_gutters(line: Line, parts: Sequence[tuple[str, str]], gutters: Sequence[float]) -> bool:
    """Does the body part where the heading words are cut? Two headings set too close still head two
    columns, so a white gutter runs below the cut; words of one heading ("Update" / "this quarter") head
    one column of text. Without gutters (too little body to tell) the words decide alone."""
    if not gutters:
        return True
    words, i = list(line.words), 0
    for _fld, text in parts[:-1]:
        i += len(text.split())
        left, right = words[i - 1], words[i]
        # Between the two words, not at the column's own edge inside the last letter of one of them.
        if not any(left.xmid < g < right.xmid for g in gutters):
            return False
    return True


def _run_cells(line: Line, parts: Sequence[tuple[str, str]], top: float, bottom: float) -> list[HeaderCell]:
    words = list(line.words)
    cells, i = [], 0
    for pfld, ptext in parts:
        k = len(ptext.split())
        ws = words[i : i + k]
        i += k
        cells.append(HeaderCell(pfld, ptext, ws[0].x0, ws[-1].x1, top, bottom))
    return cells


def cells_for_band(
    page: Page,
    band: Sequence[Line],
    gutters: Sequence[float] = (),
    section: str = "fields",
    settings: ExtractSettings = DEFAULT_SETTINGS,
) -> list[HeaderCell]:
    """The headings of a band of lines, each matched to a field of `section` (or None)."""
    top, bottom = min(ln.top for ln in band), max(ln.bottom for ln in band)
    cuts = _rule_cuts(page, top, bottom)
    return [c for g in _groups(band, cuts, settings, page, gutters) for c in _cells_for_group(g, gutters, section, settings)]


def _score(cells: Sequence[HeaderCell], settings: ExtractSettings,
           bold: int = False) -> tuple[tuple[int, int, int], bool | None] | None:
    """How well a band reads as a table header, and whether it heads an action table (one that names
    the action, or four fields of a plan): True, False, or None when only its cells can tell (a weak
    header: several fields named among more headings nobody listed); None when it is no header at all.
    A band set all in `bold` (SET_IN_BOLD, or SET_ON_FILL: in bold on a header row's shading) stands
    apart from the body as a header does: it may be weak with more headings nobody listed."""
    fields = [c.field for c in cells if c.field]
    named = named_fields(fields)
    real = {f for f in named if not f.startswith("ignore:")}
    unknown = len(cells) - len(fields)
    dangling = sum(1 for c in cells if c.field and c.text.split()[-1] in CANNOT_END_HEADING)  # lower case only
    if _reads_as_prose(cells) or _numbered_banner(cells):
        return None
    if len(named) < settings.min_header_fields and not _short_and_clean(cells, named, dangling, settings):
        # A band of nothing but headings may still head a plan whose other headings nobody listed: a weak
        # header, which its cells make an action table's or nothing.
        return ((len(set(fields)) - unknown, -unknown, -dangling), None) if _weak_few(cells, real, unknown, bold) else None
    action = REQUIRED_FIELD in real or "milestone_and_rag" in real or len(real) >= 4
    # Mostly unknown text is a paragraph that happens to contain a heading word. A header that names the
    # action may have as many unknown headings as known ones (words nobody listed); another table's
    # header, which only ends an action table, must be mostly known.
    # Of two bands that read alike, the one whose headings are not cut short ("Responsible officer and"
    # without its "date") wins; a heading may end so ("What we have committed to"), so it only breaks ties.
    score = (len(set(fields)) - unknown, -unknown, -dangling)
    if unknown > (len(fields) if REQUIRED_FIELD in real else len(fields) // 2):
        return (score, None) if _weak_either(cells, real, named, _silent(cells), bold) else None
    if not action and len(set(fields)) < settings.min_header_fields:
        # Fields named only through a heading that names two: too few headings to end an action table
        # ("Timescale / status", "Comments": sub-headings whose group heading was on the page before).
        return score, None
    return score, action


# Words a heading runs to at most, read by its shape alone.
HEADING_SHAPE_WORDS = 6


# Headings a band drawn as a header row must hold to be read with none of them listed (_all_headings).
DRAWN_HEADINGS = 3


def _all_headings(cells: Sequence[HeaderCell], real: set[str], unknown: int, bold: int = False) -> bool:
    """Is every cell of the band shaped as a heading (capitalised, short, no sentence, neither opening nor
    ending on a joining word), two fields of the plan named and no more unknown headings than one over
    the known? A band set in bold stands apart as a header does: one field will do ("What are we going
    to do? | End date"), or a heading leaning to one by its cue words ("Theme area | The issue we are
    tackling | What are we going to do?"), among up to twice as many unknown headings as known, one
    over. Set in bold on a
    shading of its own, the band is a header row by how it is drawn, whatever its words: one field named
    will do among any number of headings nobody listed ("Barriers | We will | Domain | Who leads?"), and
    the columns' cells then decide whether it heads actions (geometry._with_action_by_content)."""
    # A reference labels another column: it is no field of the plan's own ("Shared Outcome | Number").
    # Drawn as a header row (framed by rules or on a shading of its own), three headings or more need name
    # no field: the columns' cells must show the actions and a field beside them.
    least = 0 if bold >= SET_RULED and len(cells) >= DRAWN_HEADINGS else 1 if bold else WEAK_MIN_FIELDS - 1
    # Set in bold, a heading whose cue words lean to a field names it well enough to be read ("What
    # are we going to do?" beside "Direction of travel"): the cells decide all the same.
    leaning = _leaning(cells) if bold else 0
    if len(cells) < 2 or len(real - {"ref"}) + leaning < least or REQUIRED_FIELD in real or _reads_as_body(cells):
        return False
    # With one field named, the action's heading must be one nobody listed, or one whose cue words read
    # as a prose field ("Deliverable" as measures) under a band drawn as a header row: its cells decide.
    if len(real - {"ref"}) < WEAK_MIN_FIELDS - 1 and not unknown and not (bold >= SET_RULED and real & set(PROSE_FIELDS)):
        return False
    # A heading that names two fields ("Who leads? and date") counts as the two headings it stands for.
    if bold < SET_RULED and _silent(cells) > (2 if bold else 1) * _known(cells) + 1:
        return False
    return _heading_shaped(cells)


def _known(cells: Sequence[HeaderCell]) -> int:
    """How many headings the cells that name fields stand for, a heading naming two counted twice."""
    return sum(len(named_fields([c.field])) for c in cells if c.field)


def _heading_shaped(cells: Sequence[HeaderCell]) -> bool:
    """Is every cell shaped as a heading: capitalised, short, no sentence, neither opening nor ending on a
    joining word? A label ending on a colon introduces the text beside it ("Priority 1: | Voice of the
    Child"): a banner, not two headings."""
    return all(c.text[:1].isupper() and not c.text.rstrip().endswith((".", ":"))
               and len(c.text.split()) <= HEADING_SHAPE_WORDS and _whole_heading(c.text) for c in cells)


def _numbered_banner(cells: Sequence[HeaderCell]) -> bool:
    """Does a cell open on a numbered title, or hold one after its heading (a banner set close under the
    header: "Deliverable Priority 1: Practice Quality")?"""
    return any(_NUMBERED_LABEL.match(c.text) or _LABEL_INSIDE.search(c.text) for c in cells)


# A heading nobody listed leans to a field when its cue words point there at least this strongly, half
# of what names a field outright ("The issue we are tackling" leans to the objective).
LEAN_MIN_SCORE = 0.5


def _silent(cells: Sequence[HeaderCell]) -> int:
    """Headings nobody listed whose cue words lean to no field either ("Barriers", "Governance"). A
    weak header may hold more unlisted headings than known ones when most of them lean to a field: they
    read as headings of a plan in words nobody listed ("How are we doing?", "Latest position")."""
    return sum(1 for c in cells if c.field is None and max(
        (v for f, v in cue_scores(normalise_heading(c.text)).items() if f != "extra"), default=0.0) < LEAN_MIN_SCORE)


def _leaning(cells: Sequence[HeaderCell]) -> int:
    """Headings nobody listed whose cue words lean to a field of the plan ("Current position")."""
    return sum(1 for c in cells if c.field is None) - _silent(cells)


def _weak_few(cells: Sequence[HeaderCell], real: set[str], unknown: int, bold: int) -> bool:
    """Is a band that names too few fields for a header a weak one all the same? When nothing but headings,
    or when it names the action and one more field among headings nobody listed, most of which lean to
    fields ("Agreed action | RAG rating (current) | Latest position | Barriers")."""
    return _all_headings(cells, real, unknown, bold) or _weak_action(cells, real, _silent(cells), bold)


def _weak_either(cells: Sequence[HeaderCell], real: set[str], named: set[str], unknown: int, bold: int) -> bool:
    """Is a band of more unknown headings than a header may have a weak header, naming the action or not?"""
    return _weak(cells, real, named, unknown, bold) or _weak_action(cells, real, unknown, bold)


def _weak_action(cells: Sequence[HeaderCell], real: set[str], unknown: int, bold: int = False) -> bool:
    """Is a band that names the action among more unknown headings than known a weak header? Only when
    every cell is shaped as a heading, two more fields are named and the unknown are at most one over
    the known, as a band naming no action may be: words nobody listed ("Line | The issue we are
    tackling | Actions agreed | Lead role"), which its cells then make an action table's or nothing.
    Where three headings or more are listed, an unlisted one leaning to a field counts as naming it
    ("Remarks | Planned action | Current position | Risks"). In a band set apart in `bold`, the action's
    may be the only heading anybody listed, among two or more ("Steps we will take | Related strategy |
    How are we doing?", "Supporting strategy | Actions agreed"): its cells must then show a second field
    (geometry._confirmed). A row of a table's body set like the rest is no such band ("Undertake a
    themed audit | ... | Action complete")."""
    fields = len(real - {"ref"})
    if fields < WEAK_MIN_FIELDS - 1 and sum(1 for c in cells if c.field) >= WEAK_MIN_FIELDS:
        fields += _leaning(cells)
    # Two headings will do, the action's and one more ("Supporting strategy | Actions agreed"): its cells
    # must show the second field all the same. A heading known to hold no field ("Dependencies") is one
    # more heading, not a field (`real` leaves those out).
    action_alone = bool(bold) and len(cells) >= 2 and real == {REQUIRED_FIELD}
    # Set in bold, up to twice as many unknown headings as known, one over, as for a band naming no action
    # (_all_headings): "Domain | Underpinning plan | Barriers | Direction of travel | Barriers" beside
    # "Senior lead and date" and "Steps we will take".
    most = (2 if bold else 1) * (len(cells) - unknown) + 1
    return (REQUIRED_FIELD in real and (fields >= WEAK_MIN_FIELDS - 1 or action_alone)
            and unknown <= most and not _reads_as_body(cells) and _heading_shaped(cells))


def _weak(cells: Sequence[HeaderCell], real: set[str], named: set[str], unknown: int, bold: int = False) -> bool:
    """Is a band of mostly unknown headings that names no action a weak header (one its cells may make
    an action table's)? It names several fields; headings known to hold no field ("Risks", "Comments")
    are headings all the same. Set in bold, up to twice as many of its headings may be unknown."""
    known = len(cells) - unknown
    return (REQUIRED_FIELD not in real and len(real) >= WEAK_MIN_FIELDS - 1 and len(named) >= WEAK_MIN_FIELDS
            and unknown <= (2 if bold else 1) * known + 1 and not _reads_as_body(cells) and not _opens_low(cells))


def _opens_low(cells: Sequence[HeaderCell]) -> bool:
    """Does a heading nobody listed open in lower case ("vised" / "around the child to working")? Those
    are lines of a table's body, its words run on from the line above."""
    return any(c.field is None and c.text[:1].islower() for c in cells)


def named_fields(fields: Sequence[str]) -> set[str]:
    """The fields headings name, a combined field ("Responsible person and date") counted as its parts."""
    return {part for f in fields for part in FIELD_PARTS.get(f, (f,))}


def _short_and_clean(cells: Sequence[HeaderCell], named: set[str], dangling: int, settings: ExtractSettings) -> bool:
    """A header of the action and one more field ("Specific action", "Progress RAG"): it must read as
    nothing but headings, every cell a field, none cut short, none opening in lower case, none ending a
    sentence ("A Commissioning Action Plan" / "Service Plan." are two cells' last lines)."""
    return (REQUIRED_FIELD in named and len(named) >= settings.min_action_header_fields and not dangling
            and all(c.field and c.text[:1].isupper() and not c.text.endswith(".") for c in cells))


def _reads_as_prose(cells: Sequence[HeaderCell]) -> bool:
    """Headings are no sentences: a band in which one sentence ends and the next begins is running prose.
    Nor does an unknown heading stop on a word that needs another after it ("... quality of"): that is a
    line of a cell of running text, cut at the cell's edge."""
    if _SENTENCE_BREAK.search(" ".join(c.text for c in cells)):
        return True
    if any(_body_cell(c) for c in cells):
        return True
    # Lines of running text in a table's body, cut at the cells' edges, read as headings by their cue
    # words ("identified and actions plans to" / "Delivery of the ... with a" / "Evidence of ... and
    # follow"): most of them run to several words and stop on a joining word or open mid-sentence, in
    # lower case. Short headings may do either ("Led by", "action"); a header may have one longer heading
    # that stops so ("What we have committed to"), not most.
    # A heading never ends a sentence either ("Action Plan."; "Ref." and "No." are abbreviations).
    return _mostly_broken([c.text.split() for c in cells if c.text.split()])


def _body_cell(c: HeaderCell) -> bool:
    """Is the cell's text shaped as a body cell's, never a heading's?"""
    text = c.text.strip()
    words = text.split()
    # A dotted reference ("1.3", "2.1.4") is a row's data, never a heading: the band is a body row whose
    # cells happen to hold cue words ("Deliver ...", "Assistant Director", "Measure ...").
    # Nor does a heading end on a comma ("Assistant Director,"): a line of a body cell that goes on.
    # Nor does a heading open on a list bullet ("• There will be evidence ..."): an item of a body cell.
    # Nor hold a status shown as a symbol ("Ongoing – ✔"): a date and rating cell.
    # Nor does it hold a reference or a percentage among its words ("Develop an Action Plan an 4.2",
    # "There will be evidence 90%": a body row's cells, side by side).
    if text.endswith(",") or text[:1] in BULLET_GLYPHS or any(_status_symbol(w) or _DOTTED_REF.match(w) or _PERCENT.match(w)
                                                              for w in words):
        return True
    # Nor does a heading open on a list's number with a sentence after it ("5. Feedback from audits will
    # evidence that"): an item of a numbered list in a body cell.
    if len(words) > PROSE_MIN_WORDS and item_mark(words[0]) is not None:
        return True
    # (A heading set on its side may be cut short by its cell: it is no line of text.)
    if c.field is None and not c.turned and _stops_short(c.text):
        return True
    # Nor does a heading open, in lower case, on a word that joins it to text before it ("and evidence
    # of the impact"): that is the next line of a cell, whatever field its cue words name.
    return bool(words) and c.text[:1].islower() and words[0] in CANNOT_START_HEADING


def _mostly_broken(worded: Sequence[list[str]]) -> bool:
    """Do most of the cells' words (half, when two or more) run on mid-sentence or end one?"""
    broken = sum(1 for w in worded if (len(w) >= PROSE_MIN_WORDS and (w[-1] in CANNOT_END_HEADING or w[0][0].islower()))
                 or _ends_sentence(w[-1]))
    return 2 * broken > len(worded) or (broken >= 2 and 2 * broken >= len(worded))


# A word broken at a line end ("re‐" / "ported"), or a sentence that ends with more text after it
# ("... delivery. 2022/23"): lines of a table's cells.
_BODY_TEXT = re.compile(r"[a-z][‐­-]\s+[a-z]|[a-z]{3}[.!]\s+\S")


def _status_symbol(word: str) -> bool:
    """Is the word a status shown as a symbol (a tick, a cross)?"""
    return not word[:1].isalnum() and status_from_wording(word)[1] == HOW_SYMBOL


def _reads_as_body(cells: Sequence[HeaderCell]) -> bool:
    """Does a band of mostly unknown headings hold lines of a table's body? Its headings are no
    evidence of a header, so text that wraps as cell text does settles it."""
    return any(_BODY_TEXT.search(c.text) for c in cells)


def _ends_sentence(word: str) -> bool:
    return word.endswith(".") and len(word) > SENTENCE_END_MIN and word[:-1].isalpha() and not word[:-1].isupper()


# A word ending in a full stop ends a sentence when it is longer than this ("Ref.", "No." are abbreviations).
SENTENCE_END_MIN = 4
# Words a two-word heading may end on ("Led by", "We will", "Committed to"); longer cut text ends on any
# joining word.
SHORT_HEADING_ENDS = frozenset("by to will be is are".split())


def _stops_short(text: str) -> bool:
    """Does an unknown heading stop on a word that needs another after it ("... quality of")?"""
    words = text.lower().split()
    if not words or words[-1] not in CANNOT_END_HEADING:
        return False
    return len(words) >= PROSE_MIN_WORDS or words[-1] not in SHORT_HEADING_ENDS


def opens_band(line: Line, vocab: frozenset[str], share: float) -> bool:
    """A header band opens on a line made mostly of heading words; running text is not. Little words
    ("and", "we", "the") are in headings and prose alike, so they do not count either way."""
    content = [n for n in (normalise_heading(w.text) for w in line.words) if n not in LITTLE_WORDS]
    prefixes = _prefixes(vocab)
    # The start of a heading word broken at a narrow column's edge ("Timescal", "statu") counts too.
    known = sum(1 for n in content if n in vocab or n in prefixes or _stems(n) & vocab)
    # A line set all in bold stands out from the body as a header does: headings in words nobody listed
    # ("Latest | Governance | Barriers | Action to") open a band on one heading word; the band's score
    # still decides.
    bold = len(content) >= BOLD_BAND_MIN_WORDS and all(w.bold for w in line.words)
    return bool(known) and (bold or known >= share * len(content))


# Content words a bold line needs to open a band on one heading word: a bold title ("Action plan") is
# shorter than a row of headings.
BOLD_BAND_MIN_WORDS = 4


_INFLECTIONS = ("ing", "ed", "es", "d", "s")


def _stems(word: str) -> set[str]:
    """The word without its question mark and each inflection it may carry ("delivered": "deliver")."""
    word = word.rstrip("?")
    return {word} | {word[: -len(end)] for end in _INFLECTIONS if word.endswith(end) and len(word) > len(end) + 2}


@lru_cache(maxsize=8)
def _prefixes(vocab: frozenset[str]) -> frozenset[str]:
    return frozenset(w[:k] for w in vocab for k in range(BROKEN_WORD_MIN, len(w)))


def find_headers(page: Page, lines: Sequence[Line] | None = None, settings: ExtractSettings = DEFAULT_SETTINGS) -> list[Header]:
    """Every action-table header row on the page, top to bottom.

    Every band of up to settings.max_header_lines consecutive lines that starts with a heading word is
    scored by the distinct fields its headings name, less its unknown headings; the best bands that do
    not overlap win.
    """
    return find_all_headers(page, lines, settings)[0]


def find_all_headers(
    page: Page, lines: Sequence[Line] | None = None, settings: ExtractSettings = DEFAULT_SETTINGS
) -> tuple[list[Header], list[Header]]:
    """The page's action-table headers, and the headers of its other tables (indicators, KPIs,
    budgets: they name fields but no action), which end an action table and never continue one."""
    if lines is None:
        lines = page_lines(page, settings)
    candidates = _header_candidates(page, lines, settings)
    actions = _join_adjacent(page, lines, _best_bands([c for c in candidates if c[4]]), settings)
    actions = _fullest(page, lines, actions, candidates, settings)
    actions = _grown_downward(page, lines, _grown_upward(page, lines, actions, settings), settings, True)
    actions, others = _other_bands(page, lines, candidates, actions, settings)
    actions, others = _with_sub_headings_below(page, lines, actions, others, settings)
    others = [b for b in others if not _outgrown(page, lines, b, candidates, actions + [o for o in others if o is not b],
                                                 settings)]
    # A weak band, like an action band, may be part of a fuller header that stands over more columns.
    free = [c for c in candidates if c[4] is None and _apart(c[1], c[2], actions + others)
            and not _first_row_under(c[1], actions)]
    weak = _fullest(page, lines, _best_bands(free), free, settings)
    weak = _weak_grown(page, lines, weak, settings)
    others, weak = _settled_kinds(lines, others, weak, settings)
    others, weak, joined = _joined_others(page, lines, others, weak, settings)
    actions = sorted(actions + joined, key=lambda b: b[0])
    rows = _body_type_bands(lines, actions + weak, actions + others + weak)
    actions, weak = [b for b in actions if b not in rows], [b for b in weak if b not in rows]
    return [_header(cells, page) for _, _, cells in actions], [_header(cells, page) for _, _, cells in others] + [
        dataclasses.replace(_header(cells, page), weak=True) for _, _, cells in weak]


_Band = tuple[int, int, list[HeaderCell]]


def _weak_grown(page: Page, lines: Sequence[Line], weak: list[_Band], settings: ExtractSettings) -> list[_Band]:
    """The weak bands grown up and down to their boxes, less those whose box, read whole, holds sentences:
    a row of a table's body boxed by its rules ("Recruiting managers will progress" read as a status
    heading over "... their new roles."). A heading never ends a sentence, as _score holds of the lines
    that scored."""
    grown = _grown_downward(page, lines, _grown_upward(page, lines, weak, settings, None), settings, None)
    kept = [b for b in grown if not _holds_sentences(b[2])]
    # A band whose box holds sentences still heads a table where the page prints its headings again under
    # a banner, kept (the header printed at the page's top over a cell's rest, boxed with it by the
    # table's frame): the band is read as it scored, without the box.
    again = [b for b in weak if not any(g[0] <= b[0] and b[1] <= g[1] for g in kept)
             and not _holds_sentences(b[2]) and any(_headings_again(b[2], k[2]) for k in kept)]
    return sorted(kept + again, key=lambda b: b[0])


def _headings_again(cells: Sequence[HeaderCell], other: Sequence[HeaderCell]) -> bool:
    """Are `cells` the headings `other` prints (the same many, each where it stands, its text or the
    opening of it: a header row printed at a page's top may be cut to the row's height)?"""
    return len(cells) == len(other) and all(
        abs(a.x0 - b.x0) <= FLUSH_SLACK and (b.text + " ").startswith(a.text + " ") for a, b in zip(cells, other))


def _holds_sentences(cells: Sequence[HeaderCell]) -> bool:
    """Does a cell hold a sentence: one ending with more text after it, or several words ending on a full
    stop? (A heading cut short, "Key line of", is no sentence: a box may end above its last line.)"""
    return bool(_SENTENCE_BREAK.search(" ".join(c.text for c in cells))) or any(
        len(words) >= PROSE_MIN_WORDS and _ends_sentence(words[-1]) for words in (c.text.split() for c in cells))


def _with_sub_headings_below(page: Page, lines: Sequence[Line], actions: list[_Band], others: list[_Band],
                             settings: ExtractSettings) -> tuple[list[_Band], list[_Band]]:
    """(action bands, other bands) with each action band that has another table's band right under it
    joined to it, when the two read as one action header with more headings than the action band: a
    group heading over sub-headings, a rule under the group alone ("Impact | Planned action" over "Risks |
    Who is responsible? and date | Our aim"), each line read as a header of its own."""
    for n, (i, j, cells) in enumerate(actions):
        below = next((o for o in others if _next_band(lines, i, j, o[0])), None)
        if below is None:
            continue
        joined, scored = _read_joined(page, lines, i, below[1], settings)
        if scored is not None and scored[1] is True and len(joined) > len(cells):
            actions[n] = (i, below[1], joined)
            others = [o for o in others if o is not below]
    return actions, others


def _body_type_bands(lines: Sequence[Line], bands: Sequence[_Band], every: Sequence[_Band]) -> list[_Band]:
    """The bands that are rows: under a header set all in bold (any of `every`), a band set all in the
    body's regular type is a row of its table whose cells open on heading words ("Progress | Co-locate
    Children's Services | Additional | Action"), not the next table's header, which would be set as the
    page's first is."""
    bold_feet = [b[1] for b in every if _bold(lines[b[0]:b[1] + 1])]
    return [b for b in bands if any(foot < b[0] for foot in bold_feet)
            and not any(w.bold for ln in lines[b[0]:b[1] + 1] for w in ln.words)]


def _other_bands(page: Page, lines: Sequence[Line], candidates: Sequence[tuple], actions: list[_Band],
                 settings: ExtractSettings) -> tuple[list[_Band], list[_Band]]:
    """(action bands, other tables' bands): the best bands that name no action, each the fullest of its
    kind, grown as an action band grows; one that names the action once grown is an action band."""
    mine = [c for c in candidates if c[4] is False]
    others = _best_bands(mine, taken=actions)
    others = _fullest(page, lines, others, [c for c in mine if _apart(c[1], c[2], actions)], settings, others=True)
    # Another table's band takes the turned headings beside it too, short of an action band.
    others = [g if _apart(g[0], g[1], actions) else o
              for o, g in zip(others, _grown_upward(page, lines, others, settings, False))]
    others = _grown_downward(page, lines, others, settings, False)
    # A band grown down to its header's foot may now name the action with fields enough ("Action to" /
    # "be delivered"): an action band after all.
    grown = [b for b in others if _heads_actions(lines, b, settings)]
    return sorted(actions + grown, key=lambda b: b[0]), [b for b in others if b not in grown]


def _outgrown(page: Page, lines: Sequence[Line], band: _Band, candidates: Sequence[tuple], taken: Sequence[_Band],
              settings: ExtractSettings) -> bool:
    """Is another table's band the first line of a weak header that holds it and stands over more of the
    body's columns ("Remarks | Lead manager | Progress | What are we" over "and date | What difference will
    | going to do?" and a turned "Index"), or whose headings run on into its lines? Cut short, the band
    names no action; whole, its cells decide.
    The weak header may run into no band `taken` (action bands, the other tables' bands)."""
    i, j, cells = band
    n = _headed_columns(page, lines, j, cells, settings)
    # So is one whose headings run on into the weak header's further lines ("Update this" / "quarter").
    runs_to = _band_foot_line(page, lines, i, j, cells, len(lines), _header_box_foot(page, lines[i:j + 1]), settings)
    return any(c[4] is None and c[1] <= i and c[2] > j and _apart(c[1], c[2], taken)
               and (_headed_columns(page, lines, c[2], c[3], settings) > n or c[2] <= runs_to) for c in candidates)


def _heads_actions(lines: Sequence[Line], band: _Band, settings: ExtractSettings) -> bool:
    scored = _score(band[2], settings, _bold(lines[band[0]:band[1] + 1]))
    return scored is not None and scored[1] is True


def _first_row_under(i: int, actions: Sequence[_Band]) -> bool:
    """Does a band opening on line i stand right under an action header, no line between? Headers do
    not stack without rows: what reads as a weak header there ("Green | Progress actions agreed |
    Delayed by") is the table's first row. Halves of one header were joined before."""
    return any(b == i - 1 for _, b, _ in actions)


def _apart(i: int, j: int, bands: Sequence[_Band]) -> bool:
    """Do lines i..j share no line with any of the bands?"""
    return all(j < a or i > b for a, b, _ in bands)


def _settled_kinds(lines: Sequence[Line], others: list[_Band], weak: list[_Band],
                   settings: ExtractSettings) -> tuple[list[_Band], list[_Band]]:
    """(others, weak) once boxes have grown the bands: a weak band its box grew over another table's band
    holds that band's lines as its own; another table's band grown by its box may now read as a weak
    header, which its cells decide."""
    others = [b for b in others if not any(w[0] <= b[0] and b[1] <= w[1] for w in weak)]
    grown_weak = [b for b in others if (sc := _score(b[2], settings, _bold(lines[b[0]:b[1] + 1]))) and sc[1] is None]
    return [b for b in others if b not in grown_weak], sorted(weak + grown_weak, key=lambda b: b[0])


def _joined_others(page: Page, lines: Sequence[Line], others: list[_Band], weak: list[_Band],
                   settings: ExtractSettings) -> tuple[list[_Band], list[_Band], list[_Band]]:
    """Other tables' and weak bands with no line between them are one header whose lines each read as
    a header of their own (the halves of wrapped headings match listed words): joined, when the joined
    band still reads as a header, it is of the kind it reads as. (others, weak, action) bands."""
    bands = sorted([(b, False) for b in others] + [(b, None) for b in weak], key=lambda t: t[0][0])
    out: list[tuple[_Band, bool | None]] = []
    for (i, j, cells), kind in bands:
        if out and j <= out[-1][0][1]:
            continue  # the rest of the band above, which grew over it
        if out and _next_band(lines, out[-1][0][0], out[-1][0][1], i):
            first = out[-1][0][0]
            joined, scored = _read_joined(page, lines, first, j, settings)
            if scored is not None:
                # The joined headings' rests run on below as each band's did ("Who is" / "responsibl" /
                # "e?" under a group heading, beside "positi" / "on", the rest of a heading above).
                out[-1] = (_grown_downward(page, lines, [(first, j, joined)], settings, scored[1])[0], scored[1])
                continue
        out.append(((i, j, cells), kind))
    return ([b for b, k in out if k is False], [b for b, k in out if k is None], [b for b, k in out if k is True])


def _next_band(lines: Sequence[Line], first: int, last: int, i: int) -> bool:
    """Does the band from line i go on the band of lines first..last: the next line, or one that starts,
    with every line between, within the height of that band (beside headings turned on their side), or
    one set right under lines that only carry on the band's headings (the last piece of a heading
    wrapped once more than the others: "Latest positio" / "n")?"""
    if i == last + 1:
        return True
    bottom = max(ln.bottom for ln in lines[first:last + 1])
    if i <= last:
        return False
    return all(ln.top < bottom for ln in lines[last + 1:i + 1]) or _carry_on(lines[first:last + 1], lines[last + 1:i + 1])


def _carry_on(band: Sequence[Line], after: Sequence[Line]) -> bool:
    """Do the lines `after` a band, but the last (the next band's first), each carry on a heading of it,
    opening flush under one of its words (a heading's next line), each set no further under the line
    above than the band's own lines are?"""
    starts = [w.x0 for ln in band for w in ln.words]
    leading = max((b.top - a.top for a, b in zip(band, band[1:])), default=band[0].bottom - band[0].top)
    above = band[-1]
    for ln in after:
        if ln.top - above.top > leading * NEXT_LINE_SLACK:
            return False
        if ln is not after[-1] and not any(abs(ln.words[0].x0 - x) <= FLUSH_SLACK for x in starts):
            return False
        above = ln
    return len(after) > 1


# How much further than the band's own leading a heading's next line may stand below the line above.
NEXT_LINE_SLACK = 1.5


def _grown_upward(
    page: Page, lines: Sequence[Line], bands: list[tuple[int, int, list[HeaderCell]]], settings: ExtractSettings,
    kind: bool | None = True,
) -> list[tuple[int, int, list[HeaderCell]]]:
    """Each header band with the lines just above it that belong to it: the first lines of headings that
    wrap, in words nobody listed (so no band opened on them: "Success looks" over "like"), whose pieces
    start where the band's headings start; and headings turned on their side that stand beside the band."""
    out: list[tuple[int, int, list[HeaderCell]]] = []
    floor = -1
    for n, (i, j, cells) in enumerate(bands):
        ceiling = bands[n + 1][0] if n + 1 < len(bands) else len(lines)
        first, last = i, j
        while last + 1 < ceiling and _turned_beside(lines[last + 1], lines[first:last + 1]):
            last += 1
        k = first - 1
        while k > floor:
            # A heading turned on its side stands beside the lines of the band: read on above it, and
            # take it in when it stands over the band's columns (its top a little above the band's).
            if lines[k].words[0].rotation:
                if _belongs_above(lines[k], lines[k + 1:last + 1], cells, page, settings):
                    first = k
                k -= 1
                continue
            if not _belongs_above(lines[k], lines[k + 1:last + 1], cells, page, settings):
                break
            first, k = k, k - 1
        if (first, last) != (i, j):
            band = list(lines[first:last + 1])
            gutters = body_gutters(page, lines[last].bottom, 0, page.width, settings)
            grown = cells_for_band(page, band, gutters, "fields", settings)
            scored = _score(grown, settings, _set_apart(page, band))
            # The whole may read weaker than the lines that scored (more headings nobody listed) and
            # still be the header: it names every field they named.
            keeps = scored is not None and scored[1] is None and _fields_of(cells) <= _fields_of(grown) | _read_on_above(
                cells, lines[first:i])
            # Headings turned on their side beside the band are its own, whatever they say (clipped by
            # their cell: "How ar"), those whose top stands a little above the band's too ("Ref number"
            # filling its cell's height); they only add columns.
            beside = all(lines[k].words[0].rotation for k in range(first, i)) and _fields_of(cells) <= _fields_of(grown)
            # A box holds its header's lines whatever the whole names: the first lines of headings set in
            # the header row's fill with the lines that scored ("What will" / "we do?", "Intended" /
            # "impact", whose second lines read alone as listed headings) are the header's; its cells
            # then decide the fields.
            boxed = kind is True and _in_one_box(page, lines[first], lines[i], band)
            if (scored is not None and (scored[1] in (True, kind) or keeps or boxed)) or beside:
                i, j, cells = first, last, grown
        out.append((i, j, cells))
        floor = j
    return out


def _read_on_above(cells: Sequence[HeaderCell], above: Sequence[Line]) -> set[str]:
    """The fields only pieces of headings named, pieces the lines `above` go on: the second lines of
    headings set as two lines each ("Update this" / "quarter", "Progress" / "Target") may match listed
    words alone, which the whole heading does not say. Whole, they name nothing to keep."""
    upright = [w for ln in above if not ln.words[0].rotation for w in ln.words]
    pieces = [c for c in cells if any(w.x0 < c.x1 and w.x1 > c.x0 for w in upright)]
    whole = _fields_of([c for c in cells if c not in pieces])
    return _fields_of(pieces) - whole


def _in_one_box(page: Page, above: Line, first: Line, band: Sequence[Line]) -> bool:
    """Are line `above` and the band's `first` line set in one header row's fill (the same foot)?"""
    x0, x1 = min(b.x0 for b in band), max(b.x1 for b in band)
    foot = _fill_foot(page, above, x0, x1)
    return foot is not None and foot == _fill_foot(page, first, x0, x1)


def _grown_downward(
    page: Page, lines: Sequence[Line], bands: list[tuple[int, int, list[HeaderCell]]], settings: ExtractSettings,
    kind: bool | None,
) -> list[tuple[int, int, list[HeaderCell]]]:
    """Each header band with the lines below it that its box still holds: the header row's own fill, or
    the rule across it that closes it. Headings broken in narrow columns ("Curren" / "t" / "positio" /
    "n") run on below the lines that scored best; left out, they would be read as the first row's text."""
    out: list[tuple[int, int, list[HeaderCell]]] = []
    for n, (i, j, cells) in enumerate(bands):
        if out and i <= out[-1][1]:
            continue  # its lines are in the box of the band above
        foot = _header_box_foot(page, lines[i:j + 1])
        j, cells = _cut_at_box(page, lines, i, j, cells, foot, settings)
        # A band whose lines the box holds too is the rest of this one (a header's two lines read as
        # two bands of headings), not the next header.
        later = [b for b in bands[n + 1:] if foot is None or lines[b[1]].bottom > foot + 0.5]
        ceiling = later[0][0] if later else len(lines)
        last = _band_foot_line(page, lines, i, j, cells, ceiling, foot, settings)
        if last != j:
            # The gutters the band was read with: under a taller band fewer rows are left to show them.
            gutters = body_gutters(page, lines[j].bottom, 0, page.width, settings)
            grown = cells_for_band(page, lines[i:last + 1], gutters, "fields", settings)
            boxed = foot is not None and lines[last].bottom <= foot + 0.5
            if _grows(page, lines, lines[i:last + 1], grown, settings, kind, boxed):
                j, cells = last, grown
        out.append((i, j, cells))
    return out


def _grows(page: Page, lines: Sequence[Line], band: Sequence[Line], grown: list[HeaderCell],
           settings: ExtractSettings, kind: bool | None, boxed: bool) -> bool:
    """Does a header band of `kind` grow to `band`, read as `grown` (`boxed`: the header's box holds it)?"""
    scored = _score(grown, settings, _set_apart(page, band))
    # Still a header of its kind, or now an action table's. A weak header's box holds its lines
    # whatever they name: sub-headings under a group heading that names a field ("Impact" over
    # "Barriers" and "Plan") name the columns, though nobody listed them.
    # So does any header's box, though the whole then names fewer fields than its first line
    # did ("What will" / "be different?"; "Refere" / "nce no"): a weak header, which its cells
    # decide.
    if scored is None:
        # An action band's box too: "What" read alone as the action over "difference will this
        # make?", "Cu" / "rre" / "nt" over "position", cut short by the band's line limit.
        # An action band at the page's foot, its headings running on in bold to the foot: the
        # header's rest opens the next page (carried_over joins them), so what its lines name so
        # far cannot judge them ("Status" / "update" over a turned "Ref number" printed overleaf).
        return (boxed and (kind is None or _bold(band))) or (
            kind is True and _bold(band) and _ends_its_page(page, lines, _header(grown)))
    # A box holds its header's lines whatever the whole names: "Outcome" / "measures" under
    # a header that named the action only through the cut-short "Outcome" is no action header's
    # less; the columns' cells settle the fields.
    # Headings set in bold that run on in bold at the band's leading are the header's own
    # lines, though the whole names fewer fields ("Status" / "update": a heading torn between
    # the status and a column of no field, which its cells settle).
    return scored[1] is True or scored[1] == kind or boxed or (kind is True and _bold(band))


def _cut_at_box(page: Page, lines: Sequence[Line], i: int, j: int, cells: list[HeaderCell], foot: float | None,
                settings: ExtractSettings) -> tuple[int, list[HeaderCell]]:
    """The band (lines i..j) without the lines below its box: under the rule or fill that closes a header
    set in bold, a line in the body's type is the first row's ("the quarterly | Protection | revised
    date", the rest of a row broken over the page, read into 'Responsible person' as a heading)."""
    inside = (_bold_lines_set_apart(lines, i, j) if foot is None
              else [k for k in range(i, j + 1) if lines[k].bottom <= foot + 0.5])
    if not inside or inside[-1] == j or not _bold(lines[i:inside[-1] + 1]):
        return j, cells
    if any(w.bold for ln in lines[inside[-1] + 1:j + 1] for w in ln.words):
        return j, cells
    cut = inside[-1]
    gutters = body_gutters(page, lines[cut].bottom, 0, page.width, settings)
    kept = cells_for_band(page, lines[i:cut + 1], gutters, "fields", settings)
    return (cut, kept) if _score(kept, settings, True) is not None else (j, cells)


def _bold_lines_set_apart(lines: Sequence[Line], i: int, j: int) -> list[int]:
    """With no box: the band's lines set in bold (i on) when the first line below them stands further
    off than their own leading by half a line or more, as a body's first row stands off a header ("to
    make a success of" / "adult life.", a row's rest under a header printed again); a heading's next
    line ("(how we will know)") goes on at the band's leading."""
    k = i
    while k < j and _bold(lines[k + 1:k + 2]):
        k += 1
    if k == j:
        return []
    gap = lines[k + 1].top - lines[k].bottom
    return list(range(i, k + 1)) if gap - _leading_gap(lines[i:k + 1]) >= APART_LINES * lines[k].size else []


# How far (in lines of the band's type) a body line stands further off a bold header than its own lines do.
APART_LINES = 0.5


def _band_foot_line(page: Page, lines: Sequence[Line], i: int, j: int, cells: Sequence[HeaderCell], ceiling: int,
                    foot: float | None, settings: ExtractSettings) -> int:
    """The last line the band (lines i..j) runs to: the lines its box holds, or the lines of its
    headings still running on when it has no box."""
    last = j
    while (foot is not None and last + 1 < ceiling and lines[last + 1].bottom <= foot + 0.5
           and abs(lines[last + 1].size - lines[i].size) <= HEADER_SIZE_SPREAD * lines[i].size):
        last += 1
    return last if foot is not None else _headings_running_on(page, lines, i, j, cells, ceiling, settings)


def _headings_running_on(page: Page, lines: Sequence[Line], i: int, j: int, cells: Sequence[HeaderCell],
                         ceiling: int, settings: ExtractSettings) -> int:
    """The last line of a band with no box (lines i..j): its headings run on below while the next line is
    set under them at the band's leading, or is the rest of a turned heading beside it."""
    last = j
    # Headings still running on: those whose text reaches the band's last upright line (a heading turned
    # on its side beside the band runs on no line below it, and is no line the next one is set under).
    upright = next((k for k in range(j, i - 1, -1) if not lines[k].words[0].rotation), j)
    running = [(c.x0, c.x1) for c in cells if c.bottom >= lines[upright].top - 0.5 and not c.turned]
    running += _groups_awaiting(page, lines[i:j + 1], cells, settings)
    # A heading of a header set in bold runs on in bold: a line in the body's type under it is the rest of
    # a row broken over the page, set under a header printed again.
    bold = _bold(lines[i:j + 1])
    # Where each heading still running ends so far: a header's second row of headings, set lower under a
    # group heading, interleaves its lines with the first row's ("doin" / "g?" between "difference" and
    # "will"), so a line may go on with some headings while the others go on below it.
    ends = {r: max((c.bottom for c in cells if (c.x0, c.x1) == r), default=lines[upright].bottom) for r in running}
    while last + 1 < ceiling and ends and not (bold and not any(w.bold for w in lines[last + 1].words)):
        ln = lines[last + 1]
        if ln.words[0].rotation:
            # The rest of a turned heading wrapped beside the band ("Targ" / "et" / "time"), set lower.
            if not (_turned_beside(ln, lines[i:last + 1]) or _turned_under_group(ln, lines[i:last + 1], cells)):
                break
            last += 1
            continue
        going = _going_on(ln, lines[upright], [x for x in lines[i:last + 1] if not x.words[0].rotation], ends,
                          page, settings)
        if going is None:
            break
        ends = going
        last = upright = last + 1
    return last


def _going_on(ln: Line, prev: Line, upright: Sequence[Line], ends: dict[tuple[float, float], float], page: Page,
              settings: ExtractSettings) -> dict[tuple[float, float], float] | None:
    """The headings still running (span: where its last line ends) once the upright line `ln` goes on
    with some of them under the band's last line `prev`; None when it goes on with none. A heading
    whose own last line stands more than the band's leading above the line after runs no more."""
    leading = _leading_gap(upright)
    reach = max(GROUP_GAP * ln.size, leading + LEADING_SLACK)
    # (_continued judges the gap to the band's last line; a heading's own may stand a paragraph's space off.)
    continued = _continued(ln, prev, [r for r, end in ends.items() if ln.top - end <= max(reach, ln.size)],
                           page, settings, leading)
    if not continued:
        return None
    return {r: (ln.bottom if r in continued else end) for r, end in ends.items()
            if r in continued or ln.bottom - end <= reach + ln.size}


def _groups_awaiting(page: Page, band: Sequence[Line], cells: Sequence[HeaderCell],
                     settings: ExtractSettings) -> list[tuple[float, float]]:
    """The spans of the band's group headings whose sub-headings are not yet read: a heading over two
    columns of the body (it crosses a gutter) with no upright line of the band under it, only headings
    turned on their side ("Accountability" over a turned "Ref number" and "Area of" / "concern", which
    is set lower than the band's other lines), or one set flush left over the first of its columns (its
    span then reaches over the band's white to its right). Their sub-headings run on below them."""
    gutters = body_gutters(page, band[-1].bottom, 0, page.width, settings)
    out = []
    for c in cells:
        if c.turned or any(not ln.words[0].rotation and ln.top >= c.bottom - 0.5
                           and any(min(w.x1, c.x1) > max(w.x0, c.x0) for w in ln.words) for ln in band):
            continue
        if any(c.x0 < g < c.x1 for g in gutters):
            out.append((c.x0, c.x1))
            continue
        # A group heading set flush left over its first column reaches over the band's white to its right,
        # up to the next heading: the columns there have no heading yet ("Progress" over "Barriers",
        # "Monitoring measure" and "The issue we are tackling", all set lower). Up to a next heading, one
        # gutter is the heading's own column's edge: a column with no heading stands there only with two.
        reach, bounded = _white_reach(c, band, cells, page)
        if sum(1 for g in gutters if c.x0 < g < reach) >= 1 + bounded:
            out.append((c.x0, reach))
    return out


def _white_reach(c: HeaderCell, band: Sequence[Line], cells: Sequence[HeaderCell], page: Page) -> tuple[float, bool]:
    """How far right of heading `c` the band prints nothing: to the next heading's (or word's) start
    (True beside it), else to the page's edge (False)."""
    right = [d.x0 for d in cells if d.x0 >= c.x1 - 0.5 and d is not c]
    right += [w.x0 for ln in band for w in ln.words if w.x0 >= c.x1 - 0.5]
    return (min(right), True) if right else (page.width, False)


def _leading_gap(band: Sequence[Line]) -> float:
    """The white between the band's lines as they are set (0 for one line)."""
    return min((b.top - a.bottom for a, b in zip(band, band[1:])), default=0.0)


def _continued(ln: Line, prev: Line, running: Sequence[tuple[float, float]], page: Page,
               settings: ExtractSettings, leading: float = 0.0) -> list[tuple[float, float]]:
    """The headings the line continues, when it is the next line of headings that wrap ("How are we" /
    "doing?"): set at their leading (`leading`: the white between the band's lines so far; headings set
    loose leave more than GROUP_GAP), with no deeper gap, each piece under a heading still running.
    Empty when the line is no such line."""
    gap = ln.top - prev.bottom
    if ln.words[0].rotation or abs(ln.size - prev.size) > HEADER_SIZE_SPREAD * prev.size:
        return []
    # Headings set in bold as paragraphs ("Who leads?" / "and date") stand a paragraph's space apart: a bold
    # line there whose every piece starts flush under one heading still running goes on with it.
    loose = gap > max(GROUP_GAP * prev.size, leading + LEADING_SLACK)
    if loose and not (gap <= prev.size and _bold([prev, ln])):
        return []
    chunks = split_chunks(ln, _rule_cuts(page, ln.top, ln.bottom), settings)
    under = [[r for r in running if min(ch.x1, r[1]) > max(ch.x0, r[0])] for ch in chunks]
    if not all(under):
        return []
    # Two headings' rests at least: one bold piece alone there may be a banner over the first row.
    if loose and (len(chunks) < 2 or _NUMBERED_LABEL.match(ln.text) or not all(
            len(rs) == 1 and abs(ch.x0 - rs[0][0]) <= FLUSH_SLACK for ch, rs in zip(chunks, under))):
        return []
    return sorted({r for rs in under for r in rs})


# Points by which a line may stand further below the band than the band's own lines stand apart.
LEADING_SLACK = 0.5

# A header row's box (its fill, or the rule under it) is at most this many times its type size tall.
HEADER_BOX_MAX_EMS = 15.0


def _header_box_foot(page: Page, band: Sequence[Line]) -> float | None:
    """The bottom of the box the band's first line is set in: the header row's fill across most of the
    band's width, else the first rule across it below that line; None when neither is near. When the
    band's next line stands wholly below that, the first line stood above the header's box (a theme's
    title read into the band): the box is the next line's."""
    foot = _first_line_box_foot(page, band)
    if foot is not None and len(band) > 1 and band[1].top >= foot - 0.5:
        return _header_box_foot(page, band[1:])
    return foot


def _first_line_box_foot(page: Page, band: Sequence[Line]) -> float | None:
    first = band[0]
    x0, x1 = min(ln.x0 for ln in band), max(ln.x1 for ln in band)
    reach = _box_reach(page, first, x0, x1)
    filled = _fill_foot(page, first, x0, x1, reach)
    if filled is not None:
        return filled
    # A grid draws the rule under the header cell by cell: its segments make one rule.
    rules = [r.y for r in _page_joined_rules(page) if first.bottom - 1 <= r.y <= reach
             and min(r.x1, x1) - max(r.x0, x0) >= HEADER_FOOT_SPAN * (x1 - x0)]
    return min(rules, default=None)


def _box_reach(page: Page, first: Line, x0: float, x1: float) -> float:
    """How far below the band's first line its box may reach: HEADER_BOX_MAX_EMS, or further down to
    hold the headings turned on their side that run down from within that reach (with a line's room)."""
    reach = first.top + HEADER_BOX_MAX_EMS * first.size
    turned = [w.bottom for w in page.words if w.rotation in (90, 270) and w.size <= 1.5 * first.size
              and first.top <= w.top < reach and x0 <= w.xmid <= x1]
    return max([reach, *_stacks_below(page, first, x0, x1, reach)] + [b + TURNED_FOOT_ROOM * first.size for b in turned])


def _stacks_below(page: Page, first: Line, x0: float, x1: float, reach: float) -> list[float]:
    """The feet (with a line's room, as a turned heading's) of headings set a letter or two to a line down
    a narrow cell ("H" / "o" / "w" / "ar" / "e" ...), STACK_PIECES lines or more, that start within `reach`
    below the line `first`: the header row's box holds them, however far down they run."""
    feet = []
    for run in _page_stacks(page):
        pieces = [w for w in run if w.top >= first.top]
        if (len(pieces) >= STACK_PIECES and pieces[0].top < reach and x0 <= pieces[0].xmid <= x1):
            feet.append(pieces[-1].bottom + TURNED_FOOT_ROOM * first.size)
    return feet


def _page_stacks(page: Page) -> list[list[Word]]:
    """The page's runs of short upright pieces (FRAGMENT_CHARS letters at most) set one under another at
    one left edge, each within STACK_GAP of the one above: found once per page, kept beside it (a header's
    box is sought many times on one page)."""
    cached = getattr(page, "_planpipe_stacks", None)
    if cached is not None:
        return cached
    pieces = sorted((w for w in page.words if not w.rotation and len(w.text) <= FRAGMENT_CHARS),
                    key=lambda w: (round(w.x0), w.top))
    runs: list[list[Word]] = []
    for _, group in groupby(pieces, key=lambda w: round(w.x0)):
        for w in group:
            if runs and round(runs[-1][-1].x0) == round(w.x0) and w.top - runs[-1][-1].bottom <= STACK_GAP * w.size:
                runs[-1].append(w)
            else:
                runs.append([w])
    out = [run for run in runs if len(run) >= STACK_PIECES]
    page._planpipe_stacks = out  # type: ignore[attr-defined]
    return out


# Lines a heading set a letter or two to a line must run to, and the white (in ems) between its lines.
STACK_PIECES = 4
STACK_GAP = 0.5


# Ems of room a box leaves below the end of a heading turned on its side (the cell's padding).
TURNED_FOOT_ROOM = 1.5


def _fill_foot(page: Page, first: Line, x0: float, x1: float, reach: float | None = None) -> float | None:
    """The bottom of the header row's fill behind `first` across most of [x0, x1], if it has one, down
    to `reach` (_box_reach when not given)."""
    reach = _box_reach(page, first, x0, x1) if reach is None else reach
    # White is the page's own colour, not a box (a table's background runs on under its rows). The
    # lowest foot: a group heading's cell ends above the cells of the headings under it.
    fills = [f for f in page.fills if f.top <= first.top + 1 and first.bottom - 1 <= f.bottom <= reach
             and min(f.x1, x1) > max(f.x0, x0) and f.colour.lower() != "#ffffff"]
    if union_length([(max(f.x0, x0), min(f.x1, x1)) for f in fills]) >= HEADER_FOOT_SPAN * (x1 - x0):
        return max(f.bottom for f in fills)
    return None


def _turned_beside(ln: Line, band: Sequence[Line]) -> bool:
    """A heading turned on its side that starts within the band's upright lines (a turned heading
    fills the header row's height, so it may reach below headings set at the row's top)."""
    upright = [b for b in band if not b.words[0].rotation]
    if not ln.words[0].rotation or not upright:
        return False
    # Or one set low beside a turned heading that makes the row tall, ending where it ends ("Index" beside
    # "Self-rating", both set at the row's foot).
    foot = max(b.bottom for b in band)
    return ln.top < max(b.bottom for b in upright) or (ln.top < foot and ln.bottom <= foot + 1)


def _turned_under_group(ln: Line, band: Sequence[Line], cells: Sequence[HeaderCell]) -> bool:
    """A heading turned on its side in a header's second row, under a group heading over it ("Current
    position" under "Governance", beside "Latest position"): its cell starts under the group's, so it
    starts within the height the first row's turned headings give the band and may end below them."""
    if not ln.words[0].rotation or _bold(band) != _bold([ln]):
        return False
    x0, x1 = min(w.x0 for w in ln.words), max(w.x1 for w in ln.words)
    # A group heading's words may stand over its first sub-column only ("Governance" flush left over
    # "Why is this important?", "Monitoring measure" and a turned "Plan ref"): a turned heading under no
    # heading at all heads a column of its own as well.
    return ln.top < max(b.bottom for b in band) and (any(
        c.x0 - 1 <= x0 and x1 <= c.x1 + 1 and c.bottom < ln.top and not c.turned for c in cells)
        or not any(c.x0 < x1 and c.x1 > x0 for c in cells))


def _belongs_above(ln: Line, band: Sequence[Line], cells: Sequence[HeaderCell], page: Page,
                   settings: ExtractSettings) -> bool:
    upright = [b for b in band if not b.words[0].rotation]
    if not upright:
        return False
    top, bottom = min(b.top for b in upright), max(b.bottom for b in band)
    if ln.words[0].rotation:  # a turned heading standing beside the band, as tall or taller ("Index")
        return ln.bottom > top and (ln.bottom <= bottom + 1 or (ln.top >= top - upright[0].size and ln.top < bottom))
    # A numbered title over the header ("Theme 2: Early Help and Prevention") is a banner, however many
    # headings it spans: no group heading opens on a number and a colon.
    if _set_off_above(ln, upright[0], top, page) or _NUMBERED_LABEL.match(ln.text):
        return False
    # Set in the band's own header fill, down to the same foot: the first line of its headings ("Target" /
    # "timescale"), whatever its headings say.
    if _in_one_box(page, ln, upright[0], band):
        return True
    return _heads_the_band(ln, upright, cells, page, bottom, settings)


def _heads_the_band(ln: Line, upright: Sequence[Line], cells: Sequence[HeaderCell], page: Page, bottom: float,
                    settings: ExtractSettings) -> bool:
    """Does the line over a band (`upright`: its upright lines, down to `bottom`) read as its first line:
    a group heading over its sub-headings, or headings that start where the band's do, no rule between?"""
    top = min(b.top for b in upright)
    chunks = split_chunks(ln, _rule_cuts(page, ln.top, bottom), settings)
    own_cuts = _rule_cuts(page, ln.top, ln.bottom)
    if _over_sub_headings([_reach(c.x0, c.x1, own_cuts) for c in chunks], cells, page.hrules, ln, top):
        return True
    if _ruled_off(page.hrules, upright, ln, ln.bottom):
        return False
    starts = [c.x0 for c in cells]
    aligned = sum(1 for c in chunks if any(abs(c.x0 - x) <= ALIGNED_START_PT for x in starts))
    return len(chunks) >= 2 and aligned >= ALIGNED_SHARE * len(chunks)


def _set_off_above(ln: Line, first: Line, top: float, page: Page) -> bool:
    """Is `ln` set off from the band opening on `first` (at `top`): too far above, in another size, or over
    the band's shading?"""
    size, gap = first.size, top - ln.bottom
    # A title set a little larger and apart by more white than parts a group heading from its
    # sub-headings ("Action plan" in 13 pt over headings in 11 pt) is set off, as in `_band_ends`.
    titled = ln.size >= TITLE_SIZE * size and gap > GROUP_GAP * size
    return (gap > HEADER_LINE_GAP * size or abs(ln.size - size) > HEADER_SIZE_SPREAD * size or titled
            or _above_the_shading(ln, first, page))


def _above_the_shading(ln: Line, first: Line, page: Page) -> bool:
    """Does the band's shading start between `ln` and the band, `ln` standing on no fill of its own? A
    title over a shaded header ("Action plan") is no group heading, however many headings it spans; a
    group heading in a shaded header is shaded too."""
    def shaded(x: Line) -> list[float]:
        mid = (x.top + x.bottom) / 2
        return [f.top for f in page.fills if f.top <= mid <= f.bottom and f.x0 < x.x1 and f.x1 > x.x0]
    tops = shaded(first)
    return bool(tops) and not shaded(ln) and all(t >= ln.bottom - 1 for t in tops)


def _reach(x0: float, x1: float, cuts: Sequence[float]) -> tuple[float, float]:
    """How far text from x0 to x1 reaches: out to the column rules (`cuts`) on either side, where its row
    draws them on both."""
    left, right = [x for x in cuts if x <= x0 + 1], [x for x in cuts if x >= x1 - 1]
    return (max(left), min(right)) if left and right else (x0, x1)


def _over_sub_headings(chunks: Sequence[tuple[float, float]], cells: Sequence[HeaderCell], rules: Sequence[Rule], ln: Line,
                       top: float) -> bool:
    """Is the line above a band the top line of a two-level header: a group heading standing over two or
    more of the band's headings ("Governance" over "Theme area | Lead manager"), beside headings of columns
    that have no sub-headings, set outside the band's reach ("We will", "Area of concern")? The rule
    under a group heading is its own, no foot of a header; any other rule across the band parts them."""
    x0, x1 = min(c.x0 for c in cells), max(c.x1 for c in cells)
    groups = [ch for ch in chunks if sum(1 for c in cells if ch[0] <= (c.x0 + c.x1) / 2 <= ch[1]) >= 2]
    beside = [ch for ch in chunks if ch[1] <= x0 + 1 or ch[0] >= x1 - 1]
    if not groups or len(groups) + len(beside) < len(chunks):
        return False
    between = [r for r in rules if ln.bottom - 1 <= r.y <= top + 1 and min(r.x1, x1) > max(r.x0, x0)]
    # A group's own rule lies within the group heading's reach.
    spans = [(max(r.x0, x0), min(r.x1, x1)) for r in between
             if not any(r.x0 >= g[0] - 1 and r.x1 <= g[1] + 1 for g in groups)]
    return union_length(spans) < HEADER_FOOT_SPAN * (x1 - x0)


def _join_adjacent(
    page: Page, lines: Sequence[Line], bands: list[tuple[int, int, list[HeaderCell]]], settings: ExtractSettings
) -> list[tuple[int, int, list[HeaderCell]]]:
    """Two header bands with no line between them are one header whose lines each read as a header
    (a two-line header, or group headings over sub-headings): no table has a header and no rows. Joined,
    the headings may read only as a weak header ("Due date and" / "rating" wrapped, words nobody listed
    below a group heading): each half heads actions on its own, so the whole does too."""
    out: list[tuple[int, int, list[HeaderCell]]] = []
    for i, j, cells in bands:
        if out and out[-1][1] + 1 == i:
            joined, scored = _read_joined(page, lines, out[-1][0], j, settings)
            if scored is not None and scored[1] is not False:
                out[-1] = (out[-1][0], j, joined)
                continue
        out.append((i, j, cells))
    return out


def _read_joined(page: Page, lines: Sequence[Line], first: int, last: int, settings: ExtractSettings
                 ) -> tuple[list[HeaderCell], tuple[tuple[int, int, int], bool | None] | None]:
    """Lines first..last read as one band: its headings and its score."""
    gutters = body_gutters(page, lines[last].bottom, 0, page.width, settings)
    joined = cells_for_band(page, list(lines[first:last + 1]), gutters, "fields", settings)
    return joined, _score(joined, settings, _set_apart(page, lines[first:last + 1]))


def _fields_of(cells: Sequence[HeaderCell]) -> set[str]:
    """The plan's fields the headings name, combined headings counted as their parts."""
    return {f for f in named_fields([c.field for c in cells if c.field]) if not f.startswith("ignore:")}


def _bold(band: Sequence[Line]) -> bool:
    """Is the band set all in bold?"""
    return all(w.bold for ln in band for w in ln.words)


# How far a band stands apart from a table's body: set as the body is, all in bold, all in bold between
# rules drawn across it above and below (a header row's frame), or all in bold on a fill of its own (a
# header row's shading).
SET_AS_BODY, SET_IN_BOLD, SET_RULED, SET_ON_FILL = 0, 1, 2, 3


def _set_apart(page: Page, band: Sequence[Line]) -> int:
    """How the band stands apart from the body (SET_AS_BODY, SET_IN_BOLD, SET_RULED, SET_ON_FILL)."""
    if not _bold(band):
        return SET_AS_BODY
    first = band[0]
    x0, x1, bottom = min(ln.x0 for ln in band), max(ln.x1 for ln in band), max(ln.bottom for ln in band)
    foot = _fill_foot(page, first, x0, x1)
    if foot is not None and foot >= bottom - 1:
        return SET_ON_FILL
    # The rule over a band may touch its first line's top (the line's box takes in its ascent).
    framed = (_rule_across(page.hrules, x0, x1, first.top - first.size, (first.top + first.bottom) / 2)
              and _rule_across(page.hrules, x0, x1, bottom, bottom + first.size))
    return SET_RULED if framed else SET_IN_BOLD


def _rule_across(rules: Sequence[Rule], x0: float, x1: float, lo: float, hi: float) -> bool:
    """Is a rule drawn between heights lo and hi across HEADER_FOOT_SPAN of x0..x1 (its strokes at one
    height taken together)?"""
    near = [r for r in rules if lo <= r.y <= hi and min(r.x1, x1) > max(r.x0, x0)]
    return any(union_length([(max(r.x0, x0), min(r.x1, x1)) for r in near if abs(r.y - y) <= 1])
               >= HEADER_FOOT_SPAN * (x1 - x0) for y in {round(r.y) for r in near})


def _header(cells: list[HeaderCell], page: Page | None = None) -> Header:
    return Header(cells=cells, top=min(c.top for c in cells), bottom=_foot(cells, page))


def below_header(w: Word, h: Header) -> bool:
    """Does the word stand under the header, in the body? A word set on its side that starts above the
    header's foot is the header's own, run past its rule (`_foot`)."""
    return h.bottom < w.ymid and not (w.rotation and w.top < h.bottom - TURNED_PAST_RULE)


def _foot(cells: Sequence[HeaderCell], page: Page | None) -> float:
    """Where the header ends: under its lowest heading, unless a heading turned on its side runs past the
    rule drawn across the header under its upright headings (set whole, taller than its row: "Status
    update" reaching into the first row), where the rule ends it: the body's first row starts there."""
    bottom = max(c.bottom for c in cells)
    upright = [c.bottom for c in cells if not c.turned]
    if page is None or not upright or max(upright) >= bottom - 1:
        return bottom
    x0, x1, foot = min(c.x0 for c in cells), max(c.x1 for c in cells), max(upright)
    # No heading may start under the rule: a turned heading in a row of its own there ("Line", set under
    # "Delivery" / "Why is this important?") keeps the header going.
    across = [r.y for r in page.hrules if foot - 1 <= r.y < bottom - 1 and _rule_across([r], x0, x1, r.y - 0.5, r.y + 0.5)
              and all(c.top < r.y - TURNED_PAST_RULE for c in cells)]
    return min(across, default=bottom)


def header_bands(
    lines: Sequence[Line], i: int, max_lines: int, rules: Sequence[Rule] = (), foot: float | None = None,
    cuts: Sequence[float] = (),
) -> Iterator[tuple[int, list[Line]]]:
    """Bands of consecutive lines opening on line i, one line longer each time: (last line, band).
    A band ends at a gap taller than a line, which no heading wraps across, and at the `foot` of the
    header row's fill (a section row set close under it is no heading). `cuts`: the column rules at line
    i, out to which its headings' cells reach."""
    band: list[Line] = []
    depths: list[tuple[Line, int]] = []
    last_bottom = None
    for j in range(i, len(lines)):
        ln = lines[j]
        if _band_ends(band, ln, last_bottom, rules, foot, cuts):
            return
        # A heading turned on its side stands beside the other headings' lines: it takes none of the
        # budget, and its height is no reason to read on.
        if not ln.words[0].rotation:
            # Pieces of words broken in narrow columns ("ratin" / "g" / "(cur" / "rent") go on for as many
            # lines as the narrowest heading needs: they take none of the budget.
            if not all(len(w.text) <= FRAGMENT_CHARS for w in ln.words) or not band:
                depth = _stacked_depth(depths, ln)
                if depth > max_lines:
                    return
                depths.append((ln, depth))
            last_bottom = ln.bottom
        band.append(ln)
        yield j, band


def _stacked_depth(depths: Sequence[tuple[Line, int]], ln: Line) -> int:
    """How many lines deep `ln` stands in the band: one under the deepest earlier line it shares a
    column with. The budget is counted per column, not per page line: sub-headings set a half line
    lower than the headings beside them ("Our" / "aim" under a group heading, level with neither
    "quarte" nor "expect") make two page lines of what is one line of headings."""
    below = [d for above, d in depths if any(_overlaps_across(w, v) for w in ln.words for v in above.words)]
    return 1 + max(below, default=0)


def _overlaps_across(a: Word, b: Word) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1


def _band_ends(band: Sequence[Line], ln: Line, last_bottom: float | None, rules: Sequence[Rule],
               foot: float | None, cuts: Sequence[float]) -> bool:
    """Does the band (its last upright line ending at `last_bottom`) end before line `ln`?"""
    # A turned heading set low beside a taller one ends where it ends, whatever white is above it.
    if last_bottom is not None and ln.top - last_bottom > 1.2 * ln.size and not _turned_beside(ln, band):
        return True
    if foot is not None and ln.top >= foot - 1:
        return True
    if not band:
        return False
    # A title over the table ("Action plan", set larger) is not one of its headings: sizes are
    # compared by the smaller, so a title over the headings parts from them as they part from it.
    if abs(ln.size - band[0].size) > HEADER_SIZE_SPREAD * min(ln.size, band[0].size):
        return True
    # Nor is a title set a little larger and standing apart by more white than parts a group heading
    # from its sub-headings ("Action plan" in 13 pt, a line of white over headings in 11 pt).
    if len(band) == 1 and ln.size * TITLE_SIZE <= band[0].size and ln.top - band[0].bottom > GROUP_GAP * ln.size:
        return True
    # Nor a line under a rule drawn across the band: the header's foot (a section row follows).
    if last_bottom is not None and _ruled_off(rules, band, ln, last_bottom, cuts):
        return True
    # Nor a line set plain across the table under headings all set in bold: the first body row.
    return _plain_under_bold(band, ln)


# A line this many times larger than the line under it may be a title over the headings.
TITLE_SIZE = 1.1

# Share of the band's width a plain line must span to be a body row's, not a heading's plain next line.
PLAIN_ROW_SPAN = 0.6


def _plain_under_bold(band: Sequence[Line], ln: Line) -> bool:
    """Is `ln` set with no bold word, across most of the band's width or opening in lower case, under a
    band set wholly in bold? A heading's plain next line ("(how we will know)") stands under its own
    heading only and opens as a heading does; a line of a row's rest may open mid-sentence ("in and feel
    safe in", under a header printed again)."""
    if any(w.bold for w in ln.words) or not all(w.bold for b in band for w in b.words):
        return False
    if ln.words[0].text[:1].islower():
        return True
    x0, x1 = min(b.x0 for b in band), max(b.x1 for b in band)
    return ln.x1 - ln.x0 >= PLAIN_ROW_SPAN * (x1 - x0)


def _ruled_off(rules: Sequence[Rule], band: Sequence[Line], ln: Line, above: float, cuts: Sequence[float] = ()) -> bool:
    """Is a rule drawn across the band between its lines and `ln`? A grid draws it cell by cell: the
    segments at one height are taken together. The band reaches out to the column rules (`cuts`) beside
    its text: the rule under a group heading ("Monitoring" over two sub-headings) stops at the wall of
    the heading beside it that spans both lines ("Agreed action"), short of the band's width."""
    x0, x1 = _reach(min(b.x0 for b in band), max(b.x1 for b in band), cuts)
    between = [r for r in rules if above - 1 <= r.y <= ln.top + 1 and min(r.x1, x1) > max(r.x0, x0)]
    for y in {round(r.y) for r in between}:
        spans = [(max(r.x0, x0), min(r.x1, x1)) for r in between if abs(r.y - y) <= 1]
        if union_length(spans) >= HEADER_FOOT_SPAN * (x1 - x0) and not _short_of_a_heading(band, spans):
            return True
    return False


def _short_of_a_heading(band: Sequence[Line], spans: Sequence[tuple[float, float]]) -> bool:
    """Does a rule under a band of one line stop short of a heading on it: a group heading's own rule
    ("Impact" ruled off over its sub-headings, "Deliverable" beside it spanning both lines, no column
    rules to show where its cell starts)?"""
    if len(band) != 1:
        return False
    return any(not any(a - 1 < w.x1 and w.x0 < b + 1 for a, b in spans) for w in band[0].words)


def _header_candidates(page: Page, lines: Sequence[Line], settings: ExtractSettings) -> list[tuple]:
    """(score, first line, last line, cells, heads an action table) of every band that reads as a header."""
    vocab = heading_vocabulary(settings.headings)
    candidates: list[tuple[tuple, int, int, list[HeaderCell], bool | None]] = []
    gutter_cache: dict[int, list[float]] = {}
    # Under a header set on no shading, the top of a fill drawn across the band closes it as a rule does:
    # a shaded section row ("Priority 1: Partnerships") is no heading's next line. (A shaded header's
    # own cells may be shaded apart, line by line, and its fill's foot ends it: `foot`.)
    fill_tops = [Rule(f.x0, f.top, f.x1, f.top) for f in page.fills]
    for i in _band_openers(page, lines, vocab, settings):
        first = lines[i]
        foot = _fill_foot(page, first, first.x0, first.x1)
        cuts = _rule_cuts(page, first.top, first.bottom)
        edges = page.hrules if foot is not None else [*page.hrules, *fill_tops]
        for j, band in header_bands(lines, i, settings.max_header_lines, edges, foot, cuts):
            if j not in gutter_cache:
                gutter_cache[j] = body_gutters(page, lines[j].bottom, 0, page.width, settings)
            cells = cells_for_band(page, band, gutter_cache[j], "fields", settings)
            if _runs_on_from_above(page, lines, i, cells, settings):
                break  # the band is the middle of a body row, however far down it is read
            scored = _score(cells, settings, _set_apart(page, band))
            if scored is not None:
                candidates.append(((scored[0], -(j - i)), i, j, cells, scored[1]))
    candidates = _read_above_the_next(page, lines, candidates, settings)
    return [c for c in candidates if not _cut_short(c, candidates, lines) and not _lower_part(c, candidates)]


def _read_above_the_next(page: Page, lines: Sequence[Line], candidates: list[tuple],
                         settings: ExtractSettings) -> list[tuple]:
    """The candidates with another header below them read again on the gutters of their own table only,
    down to the next one: a table of indicators under an action table closes gutters the action table
    shows ("Overal" / "l status" beside "Our" / "aim", "Actual" below crossing the white between them)."""
    out = []
    for c in candidates:
        (_, _), i, j, cells, _heads = c
        nxt = min((d[1] for d in candidates if d[1] > j + 1), default=None)
        if nxt is not None:
            band = lines[i : j + 1]
            gutters = body_gutters(page, lines[j].bottom, 0, page.width, settings, until=lines[nxt].top)
            again = cells_for_band(page, band, gutters, "fields", settings)
            scored = _score(again, settings, _set_apart(page, band)) if len(again) > len(cells) else None
            if scored is not None:
                c = ((scored[0], -(j - i)), i, j, again, scored[1])
        out.append(c)
    return out


# Words of a line in lower case that make it prose, not the end of a heading.
PROSE_LINE_WORDS = 5


def _runs_on_from_above(page: Page, lines: Sequence[Line], i: int, cells: Sequence[HeaderCell],
                        settings: ExtractSettings = DEFAULT_SETTINGS) -> bool:
    """Does the band open in the middle of a body row: a cell nobody listed opening in lower case under
    words of the line above, set as close as the next line of a paragraph with no rule or fill edge between
    ("Additional" / "funding requested", "1. There will be" / "resources available to ...")? A heading
    never runs on from the text above it."""
    if i == 0:
        return False
    above, first = lines[i - 1], lines[i]
    if first.top - above.bottom > RUN_ON_GAP * (first.bottom - first.top):
        return False
    edges = [r.y for r in page.hrules if r.x0 < first.x1 and r.x1 > first.x0]
    edges += [y for f in page.fills if f.x0 < first.x1 and f.x1 > first.x0 for y in (f.top, f.bottom)]
    # Up to the line's middle: its box takes in the ascent, which may reach above its cell's top edge.
    if any(above.bottom - 1 <= y <= max(first.top + 1, (first.top + first.bottom) / 2) for y in edges):
        return False
    low = [c for c in cells if _body_like(c, settings)]
    return any(w.x0 < c.x1 and w.x1 > c.x0 for c in low for w in above.words)


def _body_like(c: HeaderCell, settings: ExtractSettings) -> bool:
    """Could the cell, in lower case, be a body cell's next line? A listed heading may be set in lower case
    under a line of headings nobody listed ("Quux" / "action"); a line of prose that names a field by its
    cue words alone is a body line ("recommendations identified by diagnostic of the Front"), where a
    heading's own next line is a word or two that finish it ("Theme" / "area")."""
    if not c.text[:1].islower():
        return False
    if c.field is None or c.field.startswith("ignore:"):
        return True
    # Nor does a heading's line stop on a word that joins it to more ("recommendations for"): running text.
    words = c.text.split()
    if len(words) > 1 and words[-1].lower() in CANNOT_END_HEADING:
        return True
    return len(words) >= PROSE_LINE_WORDS and not listed_exactly(c.text, settings)


def _band_openers(page: Page, lines: Sequence[Line], vocab: frozenset[str], settings: ExtractSettings) -> list[int]:
    """The lines a header band may open on: those that read as headings, each moved up to the first line
    of the box it is set in. A band opening inside a box under a line the box holds too is the lower half
    of a header ("Lead manager | How | quarter" under "Monitoring | Update this"), never one of its own;
    the header opens above, though its first line names nothing ("Planned | End" over "action | date")."""
    out: set[int] = set()
    for i, ln in enumerate(lines):
        if opens_band(ln, vocab, settings.heading_word_share) or _bold_row(page, ln, vocab, settings):
            # A line that runs on from the one above (a body row's next line in a shaded row) stays.
            while _inside_box_above(page, lines, i) and not _runs_on_from_above(
                    page, lines, i, cells_for_band(page, [lines[i]], (), "fields", settings), settings):
                i -= 1
            out.add(i)
    return sorted(out)


def _inside_box_above(page: Page, lines: Sequence[Line], i: int) -> bool:
    """Does line i go on a heading of the line above inside one box: a word of each, one over the other,
    in the same fill ("Update this" / "quarter" in a shaded header row whose other cells part lower down
    under a group heading)? Only in a row shaded across most of the line, as a header row is: a body
    row's one coloured cell (a status) holds lines of one cell, not headings."""
    if i == 0:
        return False
    above, first = lines[i - 1], lines[i]
    tall = HEADER_BOX_MAX_EMS * first.size
    # Behind the line's middle: its box takes in the ascent, which may reach above its own cell's fill
    # (a header shaded cell by cell, the sub-headings' fills starting under the group heading's).
    mid = (first.top + first.bottom) / 2
    behind = [(max(f.x0, first.x0), min(f.x1, first.x1)) for f in page.fills
              if f.top <= mid <= f.bottom and f.bottom >= first.bottom - 1 and f.bottom - f.top <= tall]
    if union_length(behind) < HEADER_FOOT_SPAN * (first.x1 - first.x0):
        return False
    boxes = [f for f in page.fills if f.top <= above.top + 1 and f.bottom >= first.bottom - 1 and f.bottom - f.top <= tall]
    return any(f.x0 - 1 <= w.x0 and w.x1 <= f.x1 + 1 and any(v.x0 < w.x1 and v.x1 > w.x0 for v in above.words
                                                          if f.x0 - 1 <= v.x0 and v.x1 <= f.x1 + 1)
               for f in boxes for w in first.words)


def _bold_row(page: Page, line: Line, vocab: frozenset[str], settings: ExtractSettings) -> bool:
    """Does a line set all in bold, in pieces across the columns, name a heading word ("Monitoring |
    Agreed action")? Then it is a row of headings, though it runs to fewer words than `opens_band` asks
    of a bold line (a bold title is one piece)."""
    if not all(w.bold for w in line.words):
        return False
    words = {n for n in (normalise_heading(w.text) for w in line.words) if n not in LITTLE_WORDS}
    if not words & vocab:
        return False
    return len(split_chunks(line, _rule_cuts(page, line.top, line.bottom), settings)) >= 2


def _cut_short(c: tuple, candidates: Sequence[tuple], lines: Sequence[Line] = ()) -> bool:
    """A band whose headings stop on a joining word ("Accountable and") where a longer band from the same
    line completes them with as many fields: the shorter one is the longer one cut short. So is a bold
    band whose every heading runs on, in bold, in a longer band that reads as well ("What are we" /
    "going to do?", "Outcome" / "measures"): the body below is set apart by its weight."""
    (score, _), i, j, cells, _ = c
    fields = {x.field for x in cells if x.field}

    def completes(o: tuple) -> bool:
        return (o[0][0][2] > score[2] or (o[0][0][0] >= score[0] and _runs_on_in_bold(cells, o[3], lines[i:o[2] + 1]))
                or (o[4] is True and bool(lines) and _goes_on(cells, o[3], lines[j].top)
                    and _next_at_leading(lines, i, j, o[2])))

    return any(o[1] == i and o[2] > j and len({x.field for x in o[3] if x.field}) >= len(fields) and completes(o)
               for o in candidates)


def _lower_part(c: tuple, candidates: Sequence[tuple]) -> bool:
    """Is the band, read as another table's header, the lower lines of a longer band that opens above it,
    may head actions and holds more headings: each of this band's headings one of the longer band's, or
    the words of one cut off at its top ("quarter" of "Update this quarter" under "Update this") or at
    both ends ("Who leads? and" of "Who leads? and date"), one at least so cut? The band opened inside
    the header's cells (sub-headings under a group heading: "Self-rating | Key date" under "Monitoring")."""
    _, i, j, cells, heads = c
    if heads is not False:
        return False  # a band that heads actions itself may be joined with the band above (`_joined_others`)
    for o in candidates:
        # The longer band holds headings this one lacks (its first line's): a title line above a header
        # that reads the same headings is no such band.
        if not (o[1] < i and o[2] >= j and o[4] is not False and len(o[3]) > len(cells)):
            continue
        texts = [f" {x.text} " for x in o[3]]
        inside = [any(f" {x.text} " in t for t in texts) for x in cells]
        if all(inside) and any(f" {x.text} " not in texts for x in cells):
            return True
    return False


def _next_at_leading(lines: Sequence[Line], i: int, j: int, last: int) -> bool:
    """Is the first upright line after band i..j (up to `last`) set at the band's own line pitch and in
    its bold, as a heading's next line is, not below the white a body row opens after?"""
    upright = [ln for ln in lines[i:j + 1] if not ln.words[0].rotation]
    after = next((ln for ln in lines[j + 1:last + 1] if not ln.words[0].rotation), None)
    if after is None or not upright:
        return after is None
    # A heading's next line is set as the heading is: in bold under bold headings (a repeated header's
    # foot over a cell carried on from the page before is set as the body is).
    if not (_bold(lines[i:j + 1]) and _bold(lines[j + 1:last + 1])):
        return False
    # Line to line, top to top: a line's box grows with its tallest glyph ("?"), its top does not move.
    pitches = [b.top - a.top for a, b in zip(upright, upright[1:])]
    pitch = max(pitches, default=upright[-1].bottom - upright[-1].top + GROUP_GAP * upright[-1].size)
    return after.top - upright[-1].top <= pitch + LEADING_SLACK


def _goes_on(cells: Sequence[HeaderCell], longer: Sequence[HeaderCell], foot: float) -> bool:
    """Does a longer band hold every heading of this one, in order, each its text or its text run on, and
    one of them, still running on the band's last line (at `foot`), run on ("Key line" / "of" /
    "enquiry"), with more headings of its own beside them (a turned "Index" set low)? The shorter band
    stops inside a heading: it is the longer one cut short, though the headings it leaves out are words
    nobody listed. (A heading that stopped lines above the foot has no more to say: the text under it
    is its column's.)"""
    rest = iter(longer)
    matched = [next((b for b in rest if b.text.startswith(a.text)), None) for a in cells]
    if not all(b is not None and (b.field == a.field or a.field is None) for a, b in zip(cells, matched)):
        return False
    runs_on = [a for a, b in zip(cells, matched) if b is not None and len(b.text) > len(a.text)]
    return bool(runs_on) and all(a.bottom >= foot - 1 for a in runs_on)


def _runs_on_in_bold(cells: Sequence[HeaderCell], longer: Sequence[HeaderCell], band: Sequence[Line]) -> bool:
    """Are the longer band's headings the same headings, each its text or its text run on, and the
    whole band set in bold?"""
    return (bool(band) and _bold(band) and len(longer) == len(cells)
            and all(b.text.startswith(a.text) for a, b in zip(cells, longer)))


def _best_bands(
    candidates: list[tuple], taken: Sequence[tuple[int, int, list[HeaderCell]]] = ()
) -> list[tuple[int, int, list[HeaderCell]]]:
    """The best-scoring bands that do not overlap each other or the bands already `taken`, top to bottom."""
    candidates.sort(key=lambda c: c[0], reverse=True)
    blocked = [(a, b) for a, b, _ in taken]
    out: list[tuple[int, int, list[HeaderCell]]] = []
    for _, i, j, cells, _ in candidates:
        if any(not (j < a or i > b) for a, b in blocked):
            continue
        out.append((i, j, cells))
        blocked.append((i, j))
    out.sort(key=lambda t: t[0])
    return out


def _headed_columns(page: Page, lines: Sequence[Line], j: int, cells: Sequence[HeaderCell],
                    settings: ExtractSettings) -> int:
    """How many of the body's columns (the text between white gutters below line j, and the walls of a
    column of colours there: a status shown as colour alone leaves white, not a gutter) a heading stands
    over."""
    gutters = body_gutters(page, lines[j].bottom, 0, page.width, settings)
    x0, x1 = min(c.x0 for c in cells), max(c.x1 for c in cells)
    walls = span_ends(filled_columns(page, lines[j].bottom))
    edges = [x0 - 1] + sorted(g for g in [*gutters, *walls] if x0 < g < x1) + [x1 + 1]
    spans = list(zip(edges, edges[1:]))
    return len({k for c in cells for k, (a, b) in enumerate(spans) if a <= (c.x0 + c.x1) / 2 < b})


def _fullest(page: Page, lines: Sequence[Line], bands: list[tuple[int, int, list[HeaderCell]]],
             candidates: Sequence[tuple], settings: ExtractSettings, others: bool = False,
             ) -> list[tuple[int, int, list[HeaderCell]]]:
    """Each chosen band, or the candidate band that holds its lines and the lines next to them when that
    one's headings stand over more of the body's columns. A band scored on its known headings alone may
    be part of its header ("date | action | leads?" without the line of "Action code" and "Barriers"
    above it): the whole header names every column, whatever words it uses. Another table's band
    (`others`) is compared with other tables' bands only."""
    out = []
    taken = [(i, j) for i, j, _ in bands]
    for i, j, cells in bands:
        best, best_n = (i, j, cells), _headed_columns(page, lines, j, cells, settings)
        for _score, i2, j2, cells2, kind in candidates:
            if (kind is False) != others or (i2, j2) == (i, j) or not (i2 <= i and j2 >= j):
                continue
            if any((a, b) != (i, j) and not (j2 < a or i2 > b) for a, b in taken):
                continue  # it would run into another chosen band
            n = _headed_columns(page, lines, j2, cells2, settings)
            # Lines below that are only pieces of words broken in a narrow column ("cod" / "e") finish
            # a heading: left out, they would read as a row of their own.
            pieces = i2 == best[0] and j2 > best[1] and _fragments(lines[best[1] + 1:j2 + 1])
            whole = _finished_below(lines, candidates, best, (i2, j2, cells2)) or _beside_turned(lines, best, (i2, j2, cells2))
            if n > best_n or (n == best_n and (pieces or whole)) or _heads_more_below(page, lines, best, (i2, j2, cells2), settings):
                best, best_n = (i2, j2, cells2), n
        out.append(best)
    return out


def _beside_turned(lines: Sequence[Line], best: tuple[int, int, list[HeaderCell]],
                   longer: tuple[int, int, list[HeaderCell]]) -> bool:
    """Does a longer band, from the same first line, only add lines printed within the height of one of its
    turned headings (the heading itself, and "Monitoring measure" set beside "How are we doing?")? A
    turned heading stands the header's height: what is set beside it is heading, never row."""
    i2, j2, cells2 = longer
    if i2 != best[0] or j2 <= best[1]:
        return False
    added = lines[best[1] + 1:j2 + 1]
    return any(all(c.top - 1 <= ln.top and ln.bottom <= c.bottom + 1 for ln in added) for c in cells2 if c.turned)


def _finished_below(lines: Sequence[Line], candidates: Sequence[tuple], best: tuple[int, int, list[HeaderCell]],
                    longer: tuple[int, int, list[HeaderCell]]) -> bool:
    """Do the longer band's lines below `best` finish its headings, where a column left blank below shows
    no more columns under the whole than under its first line ("Success looks" / "like", "Steps we" /
    "will take"), the whole reading as well? No row's text set plain under a bold band does."""
    i2, j2, cells2 = longer
    return (_score_of(candidates, i2, j2) >= _score_of(candidates, *best[:2]) and _finishes(best[2], cells2)
            and not _row_in_plain_below(lines, best[0], best[1], j2, best[2]))


def _row_in_plain_below(lines: Sequence[Line], i: int, j: int, last: int, cells: Sequence[HeaderCell]) -> bool:
    """Are lines j + 1..last, under a band (lines i..j) set wholly in bold, set plain under more than one of
    its headings? A heading finishes in bold, and its plain next line ("(how we will know)") stands under
    it alone: plain text under two headings is a row's ("and supported appropriately | Care with HR", the
    rest of a row broken over the page under the header printed again)."""
    below = lines[j + 1:last + 1]
    if not below or not _bold(lines[i:j + 1]) or any(w.bold for ln in below for w in ln.words):
        return False
    under = {k for ln in below for w in ln.words for k, c in enumerate(cells) if min(w.x1, c.x1) > max(w.x0, c.x0)}
    return len(under) > 1


def _heads_more_below(page: Page, lines: Sequence[Line], band: tuple[int, int, list[HeaderCell]],
                      longer: tuple[int, int, list[HeaderCell]], settings: ExtractSettings) -> bool:
    """Does the longer band, with more headings, stand over more of the body's columns than the band,
    both judged over the body below the longer one? Below the band alone, the longer one's last lines
    ("position", "compl", "area", "Barriers" under "Latest", "Target", "Theme", "Impact") stand in the
    white of a column left blank on the page and part it as a column of text would."""
    if len(longer[2]) <= len(band[2]):
        return False
    foot = max(band[1], longer[1])
    return _headed_columns(page, lines, foot, longer[2], settings) > _headed_columns(page, lines, foot, band[2], settings)


def _score_of(candidates: Sequence[tuple], i: int, j: int) -> float:
    """The score of the candidate band i..j (lowest when it is none)."""
    return max((c[0][0][0] for c in candidates if (c[1], c[2]) == (i, j)), default=-math.inf)


def _finishes(cells: Sequence[HeaderCell], longer: Sequence[HeaderCell]) -> bool:
    """Does the longer band hold the band's headings in order, each its text run on or as it is, all but
    one at most (a group heading over two of the longer band's), two at least run on, and no fewer
    headings?"""
    k, missing, runs = 0, 0, 0
    for a in cells:
        hit = next((m for m in range(k, len(longer)) if longer[m].text.startswith(a.text)), None)
        if hit is None:
            missing += 1
            continue
        runs += len(longer[hit].text) > len(a.text)
        k = hit + 1
    return missing <= 1 and runs >= 2 and len(longer) >= len(cells)


def _fragments(lines: Sequence[Line]) -> bool:
    """Is every line only pieces of words broken for a narrow column, in lower case ("on", "cod", "e")?"""
    return all(len(w.text) <= FRAGMENT_CHARS and w.text[:1].islower() for ln in lines for w in ln.words)


# A header row is split over a page break when nothing but the page's foot margin (this share of the
# page's height) lies below it.
FOOT_MARGIN = 0.12


def carried_over(page: Page, lines: Sequence[Line], headers: Sequence[Header], after: Page,
                 after_lines: Sequence[Line], settings: ExtractSettings = DEFAULT_SETTINGS,
                 others: Sequence[Header] = ()) -> Header | None:
    """A header row split over a page break, read whole at the top of the next page: its first lines end
    `page` (nothing below them but the foot margin), its last lines open `after` in the same weight,
    each under one of its headings ("Update this" / "quarter", "Overall" / "status"). None when the
    header ends on its own page. The joined header carries the second half's height, `weak` when its
    headings name too little to tell. A first half read as another table's header (one of `others`,
    which its cells may yet show to head actions) goes on as one, whatever the whole names."""
    if not headers:
        return None
    last, band = _first_half(page, lines, max(headers, key=lambda h: h.bottom), settings)
    if not band:
        return None
    rest = _carried_lines(after, after_lines, last, all(w.bold for w in band), settings)
    if not rest or not _read_whole(last, band):
        return None
    # Headings carried left of the header's first are parted where the body's gutters run below them.
    first = min(c.x0 for c in last.cells)
    lead_cuts = [g for g in body_gutters(after, max(ln.bottom for ln in rest), 0, after.width, settings) if g < first - 1]
    cells = _carried_cells(last, rest, settings, band, page.hrules, lead_cuts)
    if cells is None:
        return None
    scored = _score(cells, settings, True)
    if scored is None or (scored[1] is False and last not in others):
        return None
    return Header(cells=cells, top=min(ln.top for ln in rest), bottom=max(ln.bottom for ln in rest),
                  weak=scored[1] is None)


def _first_half(page: Page, lines: Sequence[Line], last: Header, settings: ExtractSettings
                ) -> tuple[Header, list[Word]]:
    """The header ending the page (read again to the foot where it was read short) and the words of its
    band; no words when it does not end its page."""
    if not _ends_its_page(page, lines, last):
        return last, []
    # A turned heading may reach down level with the page number: that is no word of the header.
    band = [w for ln in lines if last.top - 1 <= ln.top and ln.bottom <= last.bottom + 1
            and not page_number_line(ln, page) for w in ln.words]
    if not _read_whole(last, band):
        return _read_to_foot(page, lines, last, band, settings)
    return last, band


def _read_to_foot(page: Page, lines: Sequence[Line], header: Header, band: list[Word], settings: ExtractSettings
                  ) -> tuple[Header, list[Word]]:
    """A header at the page's foot read short ("Related" | "Accountability" | "Deliverable", its second
    line left out: headings nobody listed, cut before their last words), read again from its top down
    to the foot, every line of it in bold: the first half whole, with the words it holds (else the
    header and its `band` as they were)."""
    below = [ln for ln in lines if ln.top >= header.top - 1 and not page_number_line(ln, page)]
    if not below or not all(w.bold for ln in below for w in ln.words):
        return header, band
    cells = cells_for_band(page, below, settings=settings)
    if not cells:
        return header, band
    whole = Header(cells=cells, top=min(c.top for c in cells), bottom=max(c.bottom for c in cells), weak=header.weak)
    # A group heading over sub-headings names no column: its words are no heading's.
    return whole, [w for ln in below for w in ln.words if any(
        c.x0 - 1 <= w.x0 and w.x1 <= c.x1 + 1 and c.top - 1 <= w.top and w.bottom <= c.bottom + 1 for c in cells)]


def _read_whole(header: Header, band: Sequence[Word]) -> bool:
    """Do the header's headings hold every word printed in its band? A first half read short (its last
    line left out) would go on with the next page's lines in the wrong places."""
    # By letters: a heading broken inside a word in its narrow cell ("Direc" / "tion") is read whole.
    held = Counter(ch for c in header.cells for ch in c.text.casefold() if not ch.isspace())
    return not Counter(ch for w in band for ch in w.text.casefold()) - held


def _ends_its_page(page: Page, lines: Sequence[Line], header: Header) -> bool:
    """Is nothing below the header but the page's foot: no line above the foot margin, none set flush at
    a column's start (a body row's cells are; a running footer or a page number stands on its own)?"""
    starts = [c.x0 for c in header.cells]
    return not any(ln.top > header.bottom + 1 and not page_number_line(ln, page)
                   and (ln.top < page.height * (1 - FOOT_MARGIN) or any(abs(w.x0 - x) <= 2 for w in ln.words for x in starts))
                   for ln in lines)


def _carried_lines(after: Page, lines: Sequence[Line], header: Header, bold: bool,
                   settings: ExtractSettings) -> list[Line]:
    """The lines that open `after` set in bold, as the header's first half is, under its headings, down
    to the rule that closes the header's box, with lines in the plain weight of a body below them (a
    running head above is passed over)."""
    if not bold:
        return []
    x0, x1 = min(c.x0 for c in header.cells), max(c.x1 for c in header.cells)
    rules = [r.y for r in _page_joined_rules(after) if min(r.x1, x1) - max(r.x0, x0) > (x1 - x0) / 2]
    out, beside = _opening_bold_lines(after, lines, x0, rules, settings.max_header_lines)
    body_below = bool(out) and any(ln.top > out[-1].bottom and not all(w.bold for w in ln.words) for ln in lines)
    if not body_below:
        return []
    return sorted(out + [ln for ln in beside if _among(ln, out)], key=lambda ln: ln.top)


def _opening_bold_lines(after: Page, lines: Sequence[Line], x0: float, rules: Sequence[float], most: int
                        ) -> tuple[list[Line], list[Line]]:
    """The bold lines opening the page that go on a header whose first heading starts at `x0`
    (_carries_on, at most `most`), and those wholly left of it, passed over on the way."""
    out: list[Line] = []
    beside: list[Line] = []
    for ln in lines:
        if _carries_on(ln, out, x0, rules) and len(out) < most:
            out.append(ln)
        elif _left_of(ln, x0) and all(w.bold for w in ln.words):
            beside.append(ln)
        elif out or ln.top > after.height * FOOT_MARGIN:
            break
    return out, beside


def _left_of(ln: Line, x0: float) -> bool:
    return ln.words[-1].x1 < x0 - 2 and not ln.words[0].rotation


# Lines (× type size) a bold line left of a carried header may stand above its first line or below its
# last and still be one of its headings' lines, not a title.
AMONG_LINES = 1.5


def _among(ln: Line, out: Sequence[Line]) -> bool:
    """Does a bold line wholly left of the carried header's first heading stand among its lines, as the
    lines of headings of columns of their own do ("Support / ing / strategy" and "What difference / will /
    this make?" opening the page beside "Remarks" / "Senior lead")? A title stands apart above them."""
    reach = AMONG_LINES * ln.size
    return min(o.top for o in out) - reach <= ln.top and ln.bottom <= max(o.bottom for o in out) + reach


def _carries_on(ln: Line, taken: Sequence[Line], x0: float, rules: Sequence[float]) -> bool:
    """Is the line, in bold and right of the header's left edge, part of it: no rule closes the header
    between the lines taken and it?"""
    closed = bool(taken) and any(max(o.top for o in taken) < y < ln.top for y in rules)
    if closed or not all(w.bold for w in ln.words):
        return False
    # Left of the first heading only a heading of a column of its own, printed whole overleaf ("Service" /
    # "area"), clear of the header's first column, beside headings under the header's: not a title.
    left = [w for w in ln.words if w.x0 < x0 - 2]
    right = [w for w in ln.words if w.x0 >= x0 - 2]
    return not left or (bool(right) and max(w.x1 for w in left) < x0
                        and min(w.x0 for w in right) - max(w.x1 for w in left) >= CLEAR_OF_FIRST * ln.words[0].size)


# Ems of white between a heading carried overleaf left of a header's first heading and the header's
# headings beside it on its line: a gutter, where a title's words stand a word space apart.
CLEAR_OF_FIRST = 2.0


def _carried_cells(header: Header, rest: Sequence[Line], settings: ExtractSettings, band: Sequence[Word] = (),
                   rules: Sequence[Rule] = (), lead_cuts: Sequence[float] = ()) -> list[HeaderCell] | None:
    """The header's headings with their carried-over headings, each under the heading whose column it
    stands in (from its heading's left edge to the next one's); None when one stands under none. A
    heading with two carried headings side by side under it was their group heading: they take its
    place ("Progress" over "Lead role" | "Reference no"); so does one carried heading standing clear
    right of every word the heading printed (`band`: the first half's words), beside the sub-heading
    under its group ("Delivery" / "Dependencies", and "What difference will this make?" over the page)."""
    top, bottom = min(ln.top for ln in rest), max(ln.bottom for ln in rest)
    placed = _carried_under(header, rest, settings, lead_cuts)
    if placed is None:
        return None
    lead, under = placed
    cells = [_carried_cell(_group_text(g), min(ch.x0 for ch in g), max(ch.x1 for ch in g), top, bottom,
                           bool(g[0].words[0].rotation), settings) for g in lead]
    for c, groups in zip(header.cells, under):
        if len(groups) == 1 and (split := _beside_sub_heading(c, groups[0], band, rules, top, bottom, settings)):
            cells.extend(split)
        elif len(groups) >= 2:
            cells.extend(_carried_cell(_group_text(g), min(ch.x0 for ch in g), max(ch.x1 for ch in g), top, bottom,
                                       bool(g[0].words[0].rotation), settings) for g in groups)
        else:
            text = " ".join([c.text, *(_group_text(g) for g in groups)])
            cells.append(_carried_cell(text, c.x0, c.x1, top, bottom, c.turned, settings))
    return cells


def _carried_under(header: Header, rest: Sequence[Line], settings: ExtractSettings, lead_cuts: Sequence[float] = ()
                   ) -> tuple[list[list[Line]], list[list[list[Line]]]] | None:
    """The carried headings standing left of every heading of `header` (columns of their own, their headings
    wholly overleaf, parted at `lead_cuts`: the body's gutters there), and per heading those standing in
    its column; None when one stands across the first."""
    starts = [c.x0 for c in header.cells]
    lead: list[list[Line]] = []
    under: list[list[list[Line]]] = [[] for _ in header.cells]
    for g in _groups(rest, lead_cuts, settings):
        k = max((i for i, x in enumerate(starts) if x <= min(ch.x0 for ch in g) + 2), default=None)
        if k is not None:
            under[k].append(g)
        elif max(ch.x1 for ch in g) < starts[0]:
            lead.append(g)
        else:
            return None
    return lead, under


# White, in the carried heading's type size, between the words a heading printed and a carried heading
# that stands beside them, not under them (_beside_sub_heading).
BESIDE_GAP_EMS = 0.5


def _beside_sub_heading(c: HeaderCell, g: Sequence[Line], band: Sequence[Word], rules: Sequence[Rule],
                        top: float, bottom: float, settings: ExtractSettings) -> list[HeaderCell] | None:
    """Heading `c` parted into the sub-heading it printed and the carried heading `g` beside it, when `g`
    stands clear right of all of `c`'s words: the rest of a heading goes on under its own words. A rule
    under `c`'s first line reaching over `g` is their group heading's, and the sub-heading reads
    without it, as under a group heading on one page."""
    own = [w for w in band if c.x0 - 1 <= w.x0 and w.x1 <= c.x1 + 1 and not w.rotation]
    gx0 = min(ch.x0 for ch in g)
    if not own or gx0 <= max(w.x1 for w in own) + BESIDE_GAP_EMS * g[0].size:
        return None
    under = _group_rules(own, rules, c.x0, gx0)
    sub = [w for w in own if under and w.top >= min(under)] or own
    text = " ".join(w.text for w in sorted(sub, key=lambda w: (round(w.top), w.x0)))
    # The sub-heading's own words bound it: a rule between the two columns may stand left of `g`.
    return [_carried_cell(text, c.x0, min(gx0 - 1, max(w.x1 for w in sub)), top, bottom, c.turned, settings),
            _carried_cell(_group_text(g), gx0, max(c.x1, *(ch.x1 for ch in g)), top, bottom,
                          bool(g[0].words[0].rotation), settings)]


def _group_rules(own: Sequence[Word], rules: Sequence[Rule], x0: float, reach: float) -> list[float]:
    """Heights of the rules drawn under the first of `own`'s lines and over some other of them, from the
    heading's left edge on past `reach` (segments drawn cell by cell taken together)."""
    first = min(w.bottom for w in own)
    ys = sorted({round(r.y, 1) for r in rules if first - 1 <= r.y and any(w.top >= r.y for w in own)})
    return [y for y in ys if union_length([(max(r.x0, x0), min(r.x1, reach)) for r in rules
                                           if abs(r.y - y) <= 1 and r.x1 > x0 and r.x0 < reach]) >= 0.9 * (reach - x0)]


def _carried_cell(text: str, x0: float, x1: float, top: float, bottom: float, turned: bool,
                  settings: ExtractSettings) -> HeaderCell:
    return HeaderCell(match_heading(text, "fields", settings), text, x0, x1, top, bottom, turned)
