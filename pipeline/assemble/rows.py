"""Page tables -> raw rows: one row per action, across pages.

Joins a row that runs over a page break, fills merged cells down (recording which fields were
inherited), splits reference numbers off cell text, and labels rows with the banner (theme, key area)
they sit under. Pure: no I/O.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from typing import AbstractSet, Mapping, Sequence

from ..extract.columns import (
    DISTINCT_SLACK, EXTRA_PREFIX, LEVELS, Profile, action_key, field_from_cues, levels_by_structure, profile, shows_refs, shows_titles,
)
from ..extract.headers import FIELD_PARTS, listed_exactly, match_heading, normalise_heading
from ..extract.geometry import Banner, PageTables
from ..extract.grid import WRAP_EVIDENCE_LINES, PageRow, PageTable, text_edges, words_vocabulary
from ..extract.text import (
    BULLET_GLYPHS,
    REF_CODE,
    Line,
    broken_twice,
    broken_word,
    dash_run_on,
    even_column_leading,
    flush_texts,
    hyphenated,
    joins_close,
    justified_counts,
    next_item,
    paragraphs_text,
    printed_hyphens,
    rest_of_a_word,
)
from ..quality import IssueLog
from ..settings import DEFAULT_SETTINGS, ExtractSettings
from .combined import (combined_by_content, refs_by_content, rename_field, split_combined, split_lead_and_date,
                       split_leading_ref)

# Fields filled down when a cell is empty and the layout gives no rule to say otherwise, in
# hierarchy order: a lower field inherits only when the field above it was inherited too.
HIERARCHY = ("theme", "key_area", "outcome", "objective")
LEAVES = ("lead_officer", "detailed_action_plan")
# A reference number opening a cell: "1.1", "2.2.", "4.3.1".
REF_PREFIX = re.compile(r"^(?P<ref>\d+(?:\.\d+)+)\.?(?:\s+|$)(?P<rest>.*)$", re.S)
REF_VALUE = re.compile(r"^\d+(?:\.\d+)*\.?$")
_TERMINAL = (".", "!", "?", ":", ";", ")")
# Cells printed once per row, whose page-top text tells a split row from a new one.
PER_ROW = ("action", "measures", "lead_officer", "rag", "milestone", "milestone_and_rag", "lead_officer_and_milestone")
PROSE = ("action", "measures")
ROW_DATA = ("rag", "milestone", "milestone_and_rag", "lead_officer_and_milestone")
_BARE_NUMBER = re.compile(r"^(?:19|20)\d{2}\b(?!%)")
# A word in the possessive ("Children's", "people’s"): a noun follows it.
_POSSESSIVE = re.compile(r"\w['’]s$")
# Words a phrase cannot end on: text that stops on one goes on at the next page.
_CONNECTORS = frozenset(
    "a an the of for to and or in on at by with from into within across including such as but "
    "that which who will be is are our their its this these those".split()
)


@dataclass
class RawRow:
    """One action as printed, before normalisation."""

    cells: dict[str, list[str]]  # field -> paragraphs
    page_start: int
    page_end: int
    bbox: tuple[float, float, float, float]
    rag_colour: str | None = None
    inherited: list[str] = field(default_factory=list)
    refs: dict[str, str | None] = field(default_factory=dict)  # outcome/objective/action -> ref
    theme_ref: str | None = None
    theme: str | None = None
    key_area: str | None = None
    merged: set[str] | None = None
    # Fields whose cell a cell's own fill shows opening with the row (PageRow.fill_parted).
    fill_parted: frozenset[str] = frozenset()
    free_space: dict[str, float] = field(default_factory=dict)  # room left on each cell's last line (pt)
    # Lines of white left under each cell's text, to the table's foot on the page it ended on.
    foot_room: dict[str, float] = field(default_factory=dict)

    def text(self, fld: str) -> str | None:
        paras = self.cells.get(fld) or []
        return "\n".join(paras) if paras else None


@dataclass
class _Entry:
    table: PageTable
    row: PageRow
    first_on_page: bool


@dataclass
class _Table:
    """A logical table: rows under one banner, joined across pages while no banner comes between."""

    entries: list[_Entry]
    theme: Banner | None
    key_area: Banner | None

    @property
    def columns(self) -> list[str | None]:
        return [c.field for c in self.entries[0].table.columns]


def _ref_binding(columns: Sequence[str | None], rows: Sequence[RawRow] = ()) -> str:
    """A 'ref' column labels the column to its right; with none there, the action. Refs that take more
    values than the outcome or objective to their right (one per row, under a merged or repeated
    outcome) label the action: a ref is as fine as what it labels."""
    if "ref" in columns:
        i = columns.index("ref")
        for nxt in columns[i + 1 :]:
            if nxt in ("outcome", "objective") and _distinct(rows, "ref") > _distinct(rows, nxt):
                return "action"
            if nxt in ("outcome", "objective", "action"):
                return nxt
            if nxt is not None and not nxt.startswith(EXTRA_PREFIX):
                break
    return "action"


def _distinct(rows: Sequence[RawRow], fld: str) -> int:
    return len({r.text(fld) for r in rows if r.cells.get(fld)})


def _logical_tables(pages: Sequence[PageTables]) -> list[_Table]:
    """Rows and banners in reading order; a banner (above a table or a section row inside it)
    starts a new logical table, so cells are never filled down across it."""
    out: list[_Table] = []
    theme: Banner | None = None
    key_area: Banner | None = None
    fresh = True
    for pt in pages:
        # Banners sort before rows at the same height: a section row labels the rows below it.
        events: list[tuple[float, int, Banner | None, tuple[PageTable, PageRow, bool] | None]] = [
            (y, 0, b, None) for y, b in pt.banners
        ]
        for t in pt.tables:
            for i, r in enumerate(t.rows):
                events.append((_text_top(r), 1, None, (t, r, i == 0)))
        events.sort(key=lambda e: (e[0], e[1]))
        for _, _, b, item in events:
            if b is not None:
                theme, key_area = _labels_after(b, theme, key_area)
                fresh = True
                continue
            assert item is not None
            t, r, first = item
            last = out[-1] if out else None
            if last is not None and not fresh and _same_table(last, t):
                last.entries.append(_Entry(t, r, first and last.entries[-1].table.page != t.page))
            else:
                out.append(_Table([_Entry(t, r, False)], theme, key_area))
            fresh = False
    return out


def _text_top(row: PageRow) -> float:
    """Where the row's text starts: a banner set inside the row's box above its text (a section row
    with no rule under it) labels the row."""
    return min((ln.top for lines in row.cells.values() for ln in lines), default=row.top)


def _labels_after(b: Banner, theme: Banner | None, key_area: Banner | None) -> tuple[Banner | None, Banner | None]:
    """(theme, key area) below a banner: a key area under its theme; a new theme clears the key area."""
    if b.kind == "key_area":
        return theme, b
    if theme is None or b.title != theme.title or b.ref != theme.ref:
        key_area = None
    return b, key_area


def _same_table(last: _Table, t: PageTable) -> bool:
    """Does page table `t` go on with the logical table `last` (same columns, same or next page)?"""
    prev = last.entries[-1].table
    return [c.field for c in prev.columns] == [c.field for c in t.columns] and prev.page in (t.page, t.page - 1)


def _paras(row: PageRow, edges: dict[str, float], vocabulary: Counter[str],
           settings: ExtractSettings, justified: frozenset[str] = frozenset(),
           leadings: dict[str, float | None] | None = None, bounds: dict[str, float] | None = None,
           ) -> dict[str, list[str]]:
    return {f: paragraphs_text(lines, settings, edges.get(f), vocabulary, f in justified, (leadings or {}).get(f),
                               (bounds or {}).get(f))
            for f, lines in row.cells.items()}


def _column_leadings(tables: Sequence[PageTable]) -> dict[str, float | None]:
    """Each column's even line spacing over all the pages of a logical table (text.even_column_leading)."""
    fields = {f for t in tables for r in t.rows for f in r.cells}
    return {f: even_column_leading([r.cells[f] for t in tables for r in t.rows if r.cells.get(f)]) for f in fields}


def _justified_columns(tables: Sequence[tuple[PageTable, dict[str, float]]]) -> frozenset[str]:
    """The columns of a logical table whose cells are set justified, judged on all its pages' cells: a
    cell of two lines cannot show it alone, nor a page of two rows."""
    # A text counts once over all the pages, flush where it ends flush on most of the pages it is printed
    # on: a column's widest line ends flush on its page (a title repeated in every row), which shows
    # nothing of how the column is set.
    texts: dict[str, dict[str, list[int]]] = {}
    for table, edges in tables:
        for f in {f for r in table.rows for f in r.cells}:
            flush = flush_texts([r.cells[f] for r in table.rows if r.cells.get(f)], edges.get(f))
            seen = texts.setdefault(f, {})
            for text, ends in flush.items():
                votes = seen.setdefault(text, [0, 0])
                votes[0] += ends
                votes[1] += 1
    return frozenset(f for f, seen in texts.items()
                     if justified_counts(sum(2 * a > n for a, n in seen.values()), len(seen)))


def _vocabulary(pages: Sequence[PageTables]) -> Counter[str]:
    """Every word printed in the action tables, with its count (pipeline.extract.grid.words_vocabulary)."""
    return words_vocabulary([ln for p in pages for t in p.tables for r in t.rows for cell in r.cells.values() for ln in cell])


def _reaches(tables: Sequence[PageTable]) -> dict[tuple[str, int, int], float]:
    """How far each column's lines reach over all the pages of a logical table, per column place: a page
    may print one line of a column only, which shows nothing of its width."""
    out: dict[tuple[str, int, int], float] = {}
    for t in tables:
        for c in t.columns:
            xs = [ln.x1 for r in t.rows for ln in r.cells.get(c.field or "", [])]
            if c.field and xs:
                key = (c.field, round(c.x0), round(c.x1))
                out[key] = max(out.get(key, 0.0), *xs)
    return out


def _free_space(row: PageRow, table: PageTable, reaches: dict[tuple[str, int, int], float],
                justified: frozenset[str] = frozenset()) -> dict[str, float]:
    """Per field: the room left at the end of the cell's last line for a word, up to the column's text
    edge (the furthest any line of that column reaches on the page, or on the table's pages, `_reaches`,
    where the page prints too few of its lines to show it), less the word space the column's lines are
    set with. In a column set `justified`, a last line of words that stops short of the edge ended its
    paragraph however little room it left (every other line is stretched to the edge): unbounded room."""
    free = {}
    places = {c.field: (c.field, round(c.x0), round(c.x1)) for c in table.columns if c.field}
    for f, lines in row.cells.items():
        if not lines:
            continue
        column = [ln for r in table.rows for ln in r.cells.get(f, [])]
        wide = [reaches[places[f]]] if len(column) < WRAP_EVIDENCE_LINES and places.get(f) in reaches else []
        edge = max([ln.x1 for ln in column] + wide)
        last = max(lines, key=lambda ln: ln.top)
        free[f] = edge - last.x1 - _word_space(column)
        if f in justified and len(last.words) > 1 and edge - last.x1 > JUSTIFIED_SHORT:
            free[f] = math.inf
    return free


# Points short of a justified column's edge at which a line of words is no stretched line.
JUSTIFIED_SHORT = 2.0


# A word space where a column's lines show none (one word to a line): a quarter of an em.
DEFAULT_WORD_SPACE_EMS = 0.25


def _word_space(lines: Sequence[Line]) -> float:
    """The space between words as the column's lines are set (fonts differ: a quarter em in Times, a third
    in DejaVu Sans): the median gap between neighbouring words. A justified line's wider spaces lie
    above the median where most lines are ragged."""
    gaps = [b.x0 - a.x1 for ln in lines for a, b in zip(ln.words, ln.words[1:]) if b.x0 > a.x1]
    if not gaps:
        return DEFAULT_WORD_SPACE_EMS * max((ln.size for ln in lines), default=0.0)
    return statistics.median(gaps)


def _first_word_fits(target: RawRow, f: str, prow: PageRow) -> bool:
    """Would the first word continuing on the next page have fitted on the cell's last line?
    If it would, the line ended there on purpose: the paragraph ended."""
    room = target.free_space.get(f)
    lines = prow.cells.get(f)
    if room is None or not lines:
        return False
    w = min(lines, key=lambda ln: ln.top).words[0]
    return room >= w.x1 - w.x0


def _continues(before: list[str], after: list[str]) -> bool:
    """Does `after` (top of a page) read as the rest of `before` (foot of the page before)?

    It does when it opens in lower case, on an ampersand or with a bare number (the year of a split
    "November / 2022"), or when `before` stops on a comma, a hyphen, a word broken by hyphenation ("OFS‐" /
    "TED") or a word that cannot end a phrase.
    """
    if not before or not after:
        return False
    first = after[0]
    # No phrase opens on an ampersand: "Assistant Director Safeguarding Review" / "& Quality Assurance".
    if first[:1].islower() or first[:1] == "&" or _BARE_NUMBER.match(first) or hyphenated(before[-1], first):
        return True
    return _ends_open(before)


def _ends_open(before: list[str]) -> bool:
    """Does the text stop where no phrase ends: on a comma, a hyphen, a slash, a word like "of" or
    "within", or a possessive ("adherence to Children's" / "Social Care procedures")? Or on a colon, which
    leads in what follows ("... Safeguarding issues, including:" / "Sefton Association for ...")."""
    if not before:
        return False
    last = before[-1].rstrip()
    if last.endswith((",", "-", "/", "&", "–", ":")) or _POSSESSIVE.search(last):
        return True
    # A cell of one word is no phrase cut short: a status "A" is no article.
    tail_word = last.rsplit(" ", 1)[-1].lower()
    return " " in last and tail_word in _CONNECTORS


def _owner(rows: list[RawRow], f: str) -> RawRow | None:
    """The row whose cell in column f is still open: the last one that printed text there."""
    for r in reversed(rows):
        if r.cells.get(f):
            return r
    return None


def _ruled_above(table: PageTable, row: PageRow) -> bool:
    """Does a rule open the first row of a page that prints no header: a row boundary drawn at the page's
    top, under no text of the row above?"""
    return table.header is None and table.ruled_rows and bool(table.rows) and row is table.rows[0] \
        and not row.leading and row.top > table.top + 0.5


def _is_tail(prev: RawRow, row: PageRow, cells: dict[str, list[str]], prev_closed: bool,
             ruled_above: bool = False, always: frozenset[str] = frozenset(), stripe_on: bool = False,
             whole_levels: AbstractSet[tuple[str, str]] = frozenset(),
             alone: Mapping[str, frozenset[str]] | None = None) -> bool:
    """Is the first row on a page the rest of the last row of the page before?

    Certainly when it comes before any row start (unruled), has no action text, follows a row the
    ruling left open (unless a rule opens the row on its own page, `ruled_above`: the boundary was
    drawn on the page after), or follows a row with no action yet (its action printed over the page).
    Otherwise the row's own cells vote (`_tail_votes`). `whole_levels`: (level, text) of the level
    cells printed whole by rows away from a page's top (_levels_printed_whole); `alone`: per column, the
    texts it prints as whole cells (_cells_alone).
    """
    if row.leading or not cells.get("action") or not prev.cells.get("action"):
        return True
    if _opens_anew(prev, row, cells, prev_closed) or _own_level(prev, cells, always, whole_levels):
        return False
    if not prev_closed and not ruled_above:
        return True
    # An action opening in lower case under one that stopped mid-sentence goes on from it: an action
    # opens on its verb or its reference ("... of new service" / "specifications.").
    if cells["action"][0][:1].islower() and not prev.cells["action"][-1].rstrip().endswith(_TERMINAL):
        return True
    # The action alone, under a row that printed more (its officer, its measures, its comments): a new
    # row would print some of its own.
    if set(cells) == {"action"} and sum(1 for f in prev.cells if _per_row(f) and f != "action") >= TAIL_OTHER_CELLS:
        return True
    if _misses_what_every_row_prints(prev, cells, always):
        return True
    # In a zebra the next row takes the other shade: the row above's stripe going on over the page, its
    # status, date or officer not printed again, is that row's rest, whatever its paragraphs open on.
    if stripe_on and _row_data_dropped(prev, cells):
        return True
    return _tail_votes(prev, row, cells, (alone or {}).get("lead_officer", frozenset())) > 0


def _stripe_goes_on(above: PageRow, row: PageRow) -> bool:
    """Does the row opening a page keep the shade of the last row of the page before, in a table shaded
    in alternate stripes on both?"""
    return above.striped is not None and above.striped == row.striped


def _rest_below(prev: _Entry | None, entry: _Entry, cells: dict[str, list[str]], usual: frozenset[str],
                above: dict[str, list[str]], levels: frozenset[str] = frozenset()) -> bool:
    """Is the row, read below the page's first, the rest of the row above (`_rest_mid_page`, `_bare_below`;
    `above`: that row's cells), in the same stripe of a zebra as it?"""
    same_stripe = prev is not None and _stripe_goes_on(prev.row, entry.row)
    return (not entry.first_on_page and (_rest_mid_page(entry, cells, usual, above)
                                         or _bare_below(entry, cells, levels, above, same_stripe, usual))
            and not (prev is not None and _stripe_changes(prev.row, entry.row)))


def _usual_levels(entries: Sequence[_Entry], read: Sequence[dict[str, list[str]]]) -> frozenset[str]:
    """The levels that nearly all (USUAL_SHARE) of the table's rows with an action away from a page's top
    print, ALWAYS_ROWS of them or more: a level printed again in every row. Only rows that print more than
    prose and levels (an officer, a date, a column of no field) count: those printing prose alone are what
    the habit judges (_bare_below), and a table of actions and levels alone shows no row's habit."""
    inner = [cells for e, cells in zip(entries, read) if not e.first_on_page and cells.get("action")
             and any(paras for f, paras in cells.items() if f not in PROSE and f not in HIERARCHY)]
    if len(inner) < ALWAYS_ROWS:
        return frozenset()
    return frozenset(f for f in HIERARCHY if sum(bool(cells.get(f)) for cells in inner) >= USUAL_SHARE * len(inner))


def _bare_below(entry: _Entry, cells: dict[str, list[str]], levels: frozenset[str], above: dict[str, list[str]],
                same_stripe: bool = False, usual: frozenset[str] = frozenset()) -> bool:
    """Is a row read below the page's first, no rule over it, the rest of the row above? It opens on no
    reference and prints an action (and measures) and nothing else, and either none of the levels nearly
    every row prints again (`levels`, _usual_levels) where the row above printed one, or it lies in the
    row above's stripe of a zebra (`same_stripe`). A row prints its levels in its first paragraph, and a
    zebra shades rows by turns: the action's next paragraph set level with the measures' next starts no
    row ("Develop an Action Plan ..." beside "There is a range ...", in a table whose cells may be left
    blank, so that no row data marks a row). Without the level, it may also print the next paragraph of
    a cell the row above printed (a second officer, with the row's date: "Business Intelligence Manager,
    Ongoing") where it misses a status or date that nearly every row prints (`usual`) and the row above
    printed."""
    if entry.table.ruled_rows or not cells.get("action") or _opens_on_reference(cells):
        return False
    shown = {f for f, paras in cells.items() if paras}
    no_level = any(above.get(f) for f in levels) and not any(cells.get(f) for f in levels)
    if shown <= set(PROSE):
        return no_level or same_stripe
    return (no_level and shown <= {*PROSE, *(f for f, paras in above.items() if paras)}
            and any(above.get(f) and not cells.get(f) for f in usual))


def _stripe_changes(above: PageRow, row: PageRow) -> bool:
    """Does the row take the other shade of a zebra than the row above it? Then it opens a row of its
    own, whatever it prints: a row cut at the page's foot has yet to print its date and status."""
    return above.striped is not None and row.striped is not None and above.striped != row.striped


def _misses_what_every_row_prints(prev: RawRow, cells: dict[str, list[str]], always: frozenset[str]) -> bool:
    """Does the row miss a status, date or officer, or a level printed again in every row ("Children in
    Care"), that every row the table opens away from a page's top prints (`always`), and the row above
    printed? (A producer that rules a row broken over a page on both sides shows nothing else of it.)
    Then it is the rest of the row above, whatever its cells' wording says. So it is without a reference, where every such row opens on one and the row above did."""
    if any(f in always and prev.cells.get(f) and not cells.get(f) for f in _EVERY_ROW_FIELDS):
        return True
    return REFERENCED in always and _opens_on_reference(prev.cells) and not _opens_on_reference(cells)


def _own_level(prev: RawRow, cells: dict[str, list[str]], always: frozenset[str],
               whole_levels: AbstractSet[tuple[str, str]]) -> bool:
    """Does the row print a level that every row prints again (`always`), whole as a row away from a
    page's top prints it (`whole_levels`), other than the row above's and not reading on from it
    ("Corporate Leadership" under "Research")? A row's rest prints a level only where the level's own
    text goes on: the row opens a group of its own, whatever it leaves blank (a date)."""
    return any(f in always and cells.get(f) and prev.cells.get(f) and cells[f] != prev.cells[f]
               and (f, " ".join(cells[f])) in whole_levels and not _continues(prev.cells[f], cells[f])
               for f in HIERARCHY)


def _levels_printed_whole(entries: Sequence[_Entry], read: Sequence[dict[str, list[str]]]) -> frozenset[tuple[str, str]]:
    """(level, text) of each level cell a row away from a page's top prints: whole, as no rest of a cell
    cut by a page break is printed."""
    return frozenset((f, " ".join(cells[f])) for e, cells in zip(entries, read) if not e.first_on_page
                     for f in HIERARCHY if cells.get(f))


def _opens_anew(prev: RawRow, row: PageRow, cells: dict[str, list[str]], prev_closed: bool) -> bool:
    """Does the row at a page's top show it opens a row of its own, whatever its other cells say: a
    reference of its own, or a status cell filled in another colour than the row above's (a row's rest
    goes on in its own colour)? A reference under a row that printed none may be that row's own, moved
    overleaf with the rest of its short cells (an HTML engine breaks a row's tall cells only): the other
    cells decide."""
    above = prev.cells.get("ref")
    if cells.get("ref") and above and prev_closed and not _rest_of_reference(above, cells["ref"]):
        return True
    if _own_reference(prev, cells):
        return True
    return bool(row.rag_colour and prev.rag_colour and row.rag_colour != prev.rag_colour)


# Share of a table's rows that must open on a reference and print a field of row data before a row that
# does neither reads as the rest of the row above (_usual_row).
USUAL_SHARE = 0.9
# Rows that must open on a reference, where no row data shows a row's habit, before one that opens on
# none and prints nothing but the action's paragraphs reads as the rest of the row above.
REFERENCED_SHARE = 0.75
# Fields of row data nearly every row of a table without references must print for the same.
USUAL_UNREFERENCED = 2
# Share of a table's rows that may print no row data at all and still be judged by the others' habit.
BARE_SHARE = 0.25


def _opens_on_reference(cells: dict[str, list[str]]) -> bool:
    action = cells.get("action")
    return bool(cells.get("ref")) or bool(action and _opening_ref(action[0]))


def _usual_row(entries: Sequence[_Entry], read: Sequence[dict[str, list[str]]]) -> frozenset[str]:
    """The row data (status, date) that nearly all of the table's rows print, where nearly all of them
    open on a reference too, or where they print two such fields or more, or one and an officer, the
    officer then among them (ALWAYS_ROWS of them or more, a page's first row aside: it may be the rest of
    a row); empty where rows show no such habit."""
    inner = [cells for e, cells in zip(entries, read) if not e.first_on_page]
    n = len(inner)
    if n < ALWAYS_ROWS:
        return frozenset()
    fields = (*ROW_DATA, "lead_officer")
    # The habit is the rows' that print any of it: those printing none are what it judges (a row's
    # next paragraphs set level with another cell's, read as rows), so long as they are few.
    printing = [cells for cells in inner if any(cells.get(f) for f in fields)]
    if len(printing) < (1 - BARE_SHARE) * n:
        printing = inner
    habit = frozenset(f for f in fields if sum(bool(cells.get(f)) for cells in printing) >= USUAL_SHARE * len(printing))
    usual = habit - {"lead_officer"}
    referenced = sum(_opens_on_reference(cells) for cells in inner)
    if usual and referenced >= USUAL_SHARE * n:
        return usual
    # Rows that print no row data but open on references: the rests read as rows of their own are a
    # share of the rows themselves (an action of three paragraphs is three rows), so fewer will do.
    if not usual:
        return frozenset({REFERENCED}) if referenced >= REFERENCED_SHARE * n else frozenset()
    # With no references, two fields of row data nearly every row prints (a status and an officer with
    # a date): a row that left both blank is rarer than an action's next paragraph set level with
    # another cell's ("Deliver specific training ..." beside "A CWD Improvement Plan ..."). A rest may
    # print an officer there (a second one, set as a paragraph of its own).
    if _fields_shown(usual) >= USUAL_UNREFERENCED:
        return usual
    # One field and an officer nearly every row names: a row that prints its officer is a row (a cell left
    # blank is no rest), one that prints neither is a rest.
    return habit if len(habit) >= USUAL_UNREFERENCED else frozenset()


def _fields_shown(fields: AbstractSet[str]) -> int:
    """How many fields of row data `fields` print: an officer with a date in one cell prints two."""
    return len(fields) + ("lead_officer_and_milestone" in fields)


def _rest_mid_page(entry: _Entry, cells: dict[str, list[str]], usual: frozenset[str],
                   above: dict[str, list[str]] | None = None) -> bool:
    """Is a row read between a page's rows, where no rule parts them, the rest of the row above: it opens
    on no reference and prints none of the row data (`usual`, _usual_row) that the table's rows print?
    The action's next paragraph set level with the measures' next ("Develop an Action Plan ..." beside
    "• There is a range ...") starts no row. Where the rows print no row data but open on references, a
    row of nothing but the action's next paragraph (and the measures') is the rest as well, and so are
    the next paragraphs of the other cells the row above printed (`above`; its levels, columns of no
    field): a producer that sets a row's paragraphs as rows of their own sets them level ("Enabling a
    culture ..." beside "Delivered through ..."), where a new group's row would open on its reference."""
    if not usual or entry.table.ruled_rows or not cells.get("action") or _opens_on_reference(cells):
        return False
    # A level printed again as the row above prints it ("Children in Care" in every row) opens a row: a
    # row's rest never prints its levels again.
    if above and any(cells.get(f) and cells.get(f) == above.get(f) for f in HIERARCHY):
        return False
    if usual == {REFERENCED}:
        return set(cells) <= {"action", "measures", *(f for f, paras in (above or {}).items() if paras and f not in _ROW_OWN)}
    return not any(cells.get(f) for f in usual)


# Cells a row prints once, in its first paragraph: no paragraph of the row above runs on in them.
_ROW_OWN = frozenset({"ref", "lead_officer", *ROW_DATA})


def _take_rest(prev: RawRow, rest: RawRow) -> None:
    """Join a row's rest read as a row of its own onto it, its paragraphs after the row's own."""
    for f, paras in rest.cells.items():
        prev.cells[f] = prev.cells.get(f, []) + paras
    prev.bbox = (prev.bbox[0], prev.bbox[1], prev.bbox[2], max(prev.bbox[3], rest.bbox[3]))
    prev.free_space.update(rest.free_space)
    prev.foot_room.update(rest.foot_room)


# Rows away from a page's top that must all print a status or date before its absence marks a row's rest.
ALWAYS_ROWS = 5


def _always_printed(entries: Sequence[_Entry], read: Sequence[dict[str, list[str]]],
                    usual: frozenset[str] = frozenset()) -> frozenset[str]:
    """The row data (status, date), officer and levels that every row not opening a page prints, over ALWAYS_ROWS of them
    or more: a table that leaves such a cell blank anywhere shows a blank one is no evidence. With
    REFERENCED among them when every such row opens on a reference too."""
    # A stretch without an action, or read as a row's rest (`usual`, _rest_mid_page), is no row: what it
    # leaves out says nothing.
    inner = [cells for k, (e, cells) in enumerate(zip(entries, read))
             if not e.first_on_page and cells.get("action") and not (k and _rest_mid_page(e, cells, usual, read[k - 1]))]
    if len(inner) < ALWAYS_ROWS:
        return frozenset()
    referenced = {REFERENCED} if all(_opens_on_reference(cells) for cells in inner) else set()
    return frozenset(f for f in _EVERY_ROW_FIELDS if all(cells.get(f) for cells in inner)) | referenced


# Fields whose habit of being printed in every row _always_printed records and _misses_what_every_row_prints weighs.
_EVERY_ROW_FIELDS = (*ROW_DATA, "lead_officer", *HIERARCHY)
# In `_always_printed`: every row opens on a reference.
REFERENCED = "<reference>"


def _rest_of_reference(above: list[str] | None, paras: list[str]) -> bool:
    """Is the reference at the page's top the rest of one too wide for its cell ("2.1" / "5")?"""
    return above is not None and len(above) > 0 and len(paras) == 1 and _ref_rest(above[-1], paras[0])


def _ref_rest(last: str, first: str) -> bool:
    """Is `first` the rest of reference `last`, cut for its cell ("2.1" / "5", "3." / "9")?"""
    cut = bool(REF_CODE.match(last)) or (last.endswith(".") and last[:-1].replace(".", "").isdigit())
    return first.isdigit() and cut and bool(REF_CODE.match(last + first))


def _own_reference(prev: RawRow, cells: dict[str, list[str]]) -> bool:
    """Does the row print a reference of its own in a column where the row above printed another ("1.14"
    under "1.13")? A row's rest never repeats its reference, nor prints a new one: a new row does,
    though the ruling left the row above open (its merged cell ran on over the page)."""
    for f, paras in cells.items():
        above = prev.cells.get(f)
        if (len(paras) == 1 and above and len(above) == 1 and paras[0] != above[0]
                and REF_CODE.match(paras[0]) and REF_CODE.match(above[0])):
            return True
        # A reference set before the text in one cell ("1.16 Develop and deliver ...") under a cell that
        # opened on another ("1.15 Develop new ...").
        mine, theirs = (_opening_ref(paras[0]) if paras else None), (_opening_ref(above[0]) if above else None)
        if mine and theirs and mine != theirs:
            return True
    return False


def _opening_ref(text: str) -> str | None:
    """The reference a cell's text opens on, followed by more text ("1.16 Develop ..."), if any."""
    head, _, rest = text.partition(" ")
    return head if rest and REF_CODE.match(head) else None


# An abbreviation in brackets ("(CWD)", "(MASH)"): it names a term mid-sentence, the sentence goes on.
_BRACKETED_ABBREVIATION = re.compile(r"\([A-Z][A-Z0-9&/-]*s?\)$")


def _sentence_ended(text: str) -> bool:
    """Does the text stop on a sentence's end: a stop, or a closing bracket that closes no abbreviation
    ("... (see 1.3.2)" ends; "Children with Disability (CWD)" goes on)?"""
    return text.endswith(_TERMINAL) and not _BRACKETED_ABBREVIATION.search(text)


def _tail_votes(prev: RawRow, row: PageRow, cells: dict[str, list[str]], officers: frozenset[str] = frozenset()
                ) -> int:
    """Each per-row cell (a column no field names too) that reads as the rest of the previous row's cell
    is a vote for a tail (an officer-and-date cell bringing the date it had not printed is one: _completes),
    each that starts afresh a vote against. `officers`: the officers the column prints as whole cells."""
    votes = 0
    for f in [f for f in cells if _per_row(f)]:
        if cells.get(f) and prev.cells.get(f):
            # Prose (a comment too) that stopped mid-sentence because the next word did not fit goes on here.
            prose = f in PROSE or f.startswith(EXTRA_PREFIX)
            fits = _first_word_fits(prev, f, row)
            wrapped = prose and not _sentence_ended(prev.cells[f][-1]) and not fits
            if _completes(f, prev.cells[f], cells[f]) or wrapped:
                votes += 1 + _date_alone(f, prev.cells[f], cells[f])
            elif f != "lead_officer" or fits or cells[f][0] in officers:
                # An officer's title wraps at any word ("Joint Sefton NHS Place" / "Director and ..."):
                # one whose first word would not have fitted on the line above tells nothing either way,
                # unless the column prints it as a whole cell elsewhere.
                votes -= 1
    # A status or date the row before printed, missing here: a new row would print its own.
    return votes + _row_data_dropped(prev, cells)


def _date_alone(f: str, before: list[str], after: list[str]) -> int:
    """1 where an officer-and-date cell that printed no date yet goes on with its date alone ("Head of
    Commissioning," / "30/09/2022"): a row of its own would open its cell on its officer."""
    return int(f == "lead_officer_and_milestone" and split_lead_and_date(" ".join(before))[1] is None
               and split_lead_and_date(" ".join(after))[0] is None)


def _row_data_dropped(prev: RawRow, cells: dict[str, list[str]]) -> int:
    """How many fields of row data (status, date, officer and date) the row above printed and `cells` do not."""
    return sum(1 for f in ROW_DATA if prev.cells.get(f) and not cells.get(f))


def _per_row(f: str) -> bool:
    """Does the column hold a cell of its own on every row: a field printed per action, or a column no
    field names (a comment, a dependency)?"""
    return f in PER_ROW or f.startswith(EXTRA_PREFIX)


# Cells besides the action the row above must have printed for a lone action at a page's top to be its rest.
TAIL_OTHER_CELLS = 2


def _list_after_lead_in(last: str, b: Sequence[str]) -> bool:
    """Does a page open on a list (two paragraphs or more set alike: opening in the same case, each
    ending a sentence or neither) under a paragraph cut at the foot on a colon ("... with a specific
    focus on:" / "priority service areas" / "vulnerable groups of children")? The colon leads the list
    in: its first item is a paragraph as the others are, not the rest of the line above."""
    if not last.endswith(":") or len(b) < 2:
        return False
    x, y = b[0], b[1]
    return x[:1].islower() == y[:1].islower() and x.endswith(_TERMINAL) == y.endswith(_TERMINAL)


def _kept_apart(a: Sequence[str], b: Sequence[str], breaks: AbstractSet[tuple[str, str]],
                alone: frozenset[str]) -> bool:
    """Does what the document prints elsewhere (`breaks`, `alone`: see _join_paragraphs), or a list led
    in at the foot, keep the paragraph cut there and the one overleaf apart?"""
    last, first = a[-1], b[0]
    return _printed_apart(last, first, breaks) or _each_a_cell(last, b, alone) or _list_after_lead_in(last, b)


def _join_paragraphs(a: list[str], b: list[str], word_fitted: bool = False,
                     breaks: AbstractSet[tuple[str, str]] = frozenset(),
                     vocabulary: Mapping[str, int] | None = None, alone: frozenset[str] = frozenset(),
                     slash_breaks: bool = False) -> list[str]:
    """Append a cell's continuation from the next page.

    The paragraph cut by the page break goes on when the next part reads as its rest, or when its
    first word did not fit on the cut paragraph's last line (the line wrapped) and no sentence ended.
    Two paragraphs the column prints apart elsewhere in the document (`breaks`: pairs of a paragraph and
    the next, in one cell on one page) stay apart: a cell restated down the rows shows its breaks where
    no page cuts it. With the document's `vocabulary`, two words that make one ("Partners" / "hips") are
    one where the line was full and the rest is printed nowhere but at a line's start. Two texts the
    column prints elsewhere each as a whole cell (`alone`: "Head of Workforce Development", "Designated
    Nurse, Safeguarding") are two paragraphs too, unless the column prints them together as one. A
    paragraph cut on a slash goes on with no space where the producer breaks after one (`slash_breaks`,
    pipeline.extract.text.joins_close).
    """
    if not a:
        return list(b)
    if not b:
        return list(a)
    last, first = a[-1], b[0]
    if len(last) == 1 and last in BULLET_GLYPHS:
        # A list marker alone at the page's foot: its item's text is printed overleaf, as a marker alone
        # on a cell's first line has its item under it (pipeline.extract.text._lone_marker).
        return a[:-1] + list(b)
    if _kept_apart(a, b, breaks, alone):
        return a + b
    if hyphenated(last, first):
        return a[:-1] + [last[:-1] + first] + b[1:]
    if broken_word(last, first):  # "Improving Implementa" / "tion of Learning"
        return a[:-1] + [last + first] + b[1:]
    if (whole := broken_twice(last, first)) is not None:  # "Strategic Commi ssionin" / "g"
        return a[:-1] + [whole] + b[1:]
    if not word_fitted and vocabulary is not None and rest_of_a_word(last, first, vocabulary):
        return a[:-1] + [last + first] + b[1:]
    if not word_fitted and _ref_rest(last, first):
        return a[:-1] + [last + first] + b[1:]  # a reference too wide for its cell: "2.1" / "7"
    # A line that stops on a word that cannot end a phrase ("completed within" / "45 working days.") goes
    # on, whatever room it left: a wrap kept the two words apart.
    if not next_item(last, first) and (_ends_open(a) or not word_fitted and (
            _continues(a, b) or not _sentence_ended(last))):
        # As lines join within a cell: a percentage cut by the page ("100" / "%") is one word.
        sep = "" if joins_close(last, first, slash_breaks) else " "
        return a[:-1] + [printed_hyphens(last + sep + first, keep_last=True)] + b[1:]
    return a + b


def _split_ref(paras: list[str]) -> tuple[str | None, list[str]]:
    return split_leading_ref(paras, REF_PREFIX)


@dataclass(frozen=True)
class TableMapping:
    """How one logical table's columns were read, for the report and `--explain`: each printed heading,
    the field the page step gave it (heading and cells), the field the table's rows settled (a cell
    holding two fields, a column of references), and what the column's cells hold."""

    pages: tuple[int, ...]
    rows: int
    headings: tuple[str, ...]
    page_fields: tuple[str | None, ...]
    fields: tuple[str | None, ...]
    profiles: tuple[Profile, ...]
    theme: str | None = None
    # False: its columns settled, the table holds no owner, date, status or measures beside its actions
    # (_of_actions), so it gave no rows.
    of_actions: bool = True


def build_rows(
    pages: Sequence[PageTables], log: IssueLog | None = None, settings: ExtractSettings = DEFAULT_SETTINGS,
    mappings: list[TableMapping] | None = None,
) -> list[RawRow]:
    """Raw rows of every action table, in document order. `mappings`, when given, receives each logical
    table's column mapping."""
    log = log if log is not None else IssueLog()
    rows: list[RawRow] = []
    vocabulary = _vocabulary(pages)
    logical = [(lt, *_cells_of(lt, vocabulary, settings)) for lt in _logical_tables(pages)]
    # A column's paragraph breaks are the document's: a cell restated under another theme's banner shows them.
    # Each row joined over a page break adds the breaks its cells show whole (a cell restated down the rows,
    # cut by a later page where it breaks a paragraph).
    breaks = {f: set(pairs) for f, pairs in _paragraph_breaks([c for _, cells, _ in logical for c in cells]).items()}
    _part_whole_cells([c for _, cells, _ in logical for c in cells],
                      _whole_cell_counts([(lt.entries, cells) for lt, cells, _ in logical]))
    alone = _cells_alone([(lt.entries, cells) for lt, cells, _ in logical])
    tables = [(lt, _table_rows(lt, cells, breaks, vocabulary, justified, alone, slash_breaks=settings.slash_breaks))
              for lt, cells, justified in logical]
    levels = _levels_by_header(tables, settings)
    read: list[tuple[_Table, list[RawRow], list[str | None]]] = []
    for lt, table_rows in tables:
        columns = _settled_columns(lt, table_rows, levels[_header_key(lt)], log, settings, mappings)
        if columns is not None:
            split_combined(table_rows, columns)
            read.append((lt, table_rows, columns))
    printed_again = _printed_again_by_header(read)
    for lt, table_rows, columns in read:
        _fill_down(table_rows, columns, _ref_binding(columns, table_rows), log, printed_again[_header_key(lt)])
        _theme_from_column(table_rows)
        rows.extend(r for r in table_rows if r.cells.get("action"))
        for r in table_rows:
            if not r.cells.get("action"):
                log.add("row-empty-action", "a table row has no action text; dropped", page=r.page_start)
    return rows


def _settled_columns(lt: _Table, table_rows: list[RawRow], levels: Sequence[str | None], log: IssueLog, settings: ExtractSettings,
                     mappings: list[TableMapping] | None) -> list[str | None] | None:
    """The fields of one logical table's columns once its rows show them (a cell holding two fields, a
    column of references), its mapping recorded in `mappings`; None for a table that holds no actions."""
    fields = _renamed(lt, table_rows, levels)
    profiles = tuple(profile([r.text(f) or "" for r in table_rows]) if f else profile([]) for f in fields)
    columns = refs_by_content(table_rows, combined_by_content(table_rows, fields), EXTRA_PREFIX,
                              lambda heading: _unclaimed(heading, settings))
    action_cells = profile([r.text("action") or "" for r in table_rows])
    of_actions = _of_actions(lt, columns, log, settings, action_cells)
    if mappings is not None:
        mappings.append(TableMapping(
            tuple(sorted({e.table.page for e in lt.entries})), len(table_rows),
            tuple(c.heading for c in lt.entries[0].table.columns), tuple(lt.columns), tuple(columns),
            profiles, lt.theme.title if lt.theme else None, of_actions))
    return columns if of_actions else None


# Fields of which an action table maps one beside its actions at least (pipeline.extract.headers.FIELD_PARTS
# parts the combined ones): who, by when, how it stands, how we will know.
BESIDE_ACTIONS = frozenset({"lead_officer", "milestone", "rag", "measures"})


def _of_actions(lt: _Table, columns: Sequence[str | None], log: IssueLog,
                settings: ExtractSettings = DEFAULT_SETTINGS, action_cells: Profile | None = None) -> bool:
    """Is the table, its columns settled, an action table? A column whose heading says it holds actions
    ("Planned action") makes one. A column read as actions by its cells alone must stand beside an owner,
    a date, a status or measures: beside nothing but amounts and labels it is an indicator's or a
    passage's ("Credit risk indicator | Actual | Target" once "Target" shows amounts, no dates). Or beside
    a level of the plan (its outcome, objective, theme or key area) or the plans that underpin them
    ("People Strategy and Action Plan"), the column's cells (`action_cells`) reading as actions: a plan
    that names no owner, date or status is a plan all the same."""
    parts = {p for f in columns if f for p in FIELD_PARTS.get(f, (f,))}
    headings = [c.heading for c in lt.entries[0].table.columns]
    # The registry entry's own headings count as naming it (settings.headings).
    named = any(f and "action" in FIELD_PARTS.get(f, (f,))
                and (match_heading(h, settings=settings) or field_from_cues(h)) in (f, "action")
                for f, h in zip(columns, headings))
    if parts & BESIDE_ACTIONS or named:
        return True
    if parts & {*LEVELS, "detailed_action_plan"} and action_cells is not None and action_key(action_cells) is not None:
        return True
    page = min(e.table.page for e in lt.entries)
    log.add("table-not-actions", "a table read under an action header maps no owner, date, status or measures "
            "beside its actions: an indicator or narrative table; its rows are not taken as actions", page=page)
    return False


def _cells_of(lt: _Table, vocabulary: Counter[str], settings: ExtractSettings
              ) -> tuple[list[dict[str, list[str]]], frozenset[str]]:
    """Each row's cells of one logical table as paragraphs, read with what its columns show on all its pages,
    and the columns set justified (_justified_columns)."""
    tables = list({id(e.table): e.table for e in lt.entries}.values())
    edges = {id(t): text_edges(t, [e.table for e in lt.entries]) for t in tables}
    justified = _justified_columns([(t, edges[id(t)]) for t in tables])
    leadings = _column_leadings(tables)
    bounds = {id(t): {c.field: c.x1 for c in t.columns if c.field} for t in tables}
    return [_paras(e.row, edges[id(e.table)], vocabulary, settings, justified, leadings, bounds[id(e.table)])
            for e in lt.entries], justified


def _table_rows(lt: _Table, read: Sequence[dict[str, list[str]]],
                breaks: dict[str, set[tuple[str, str]]] | None = None,
                vocabulary: Mapping[str, int] | None = None, justified: frozenset[str] = frozenset(),
                alone: dict[str, frozenset[str]] | None = None, *, slash_breaks: bool = False) -> list[RawRow]:
    """One logical table's rows (`read`: each row's cells, and `justified`: its justified columns, _cells_of),
    a row broken over a page joined into one (`breaks`, `alone`, `slash_breaks`: see _join_paragraphs)."""
    table_rows: list[RawRow] = []
    prev_entry: _Entry | None = None
    reaches = _reaches(list({id(e.table): e.table for e in lt.entries}.values()))
    # Rows are told apart by their cells, with a column of references under a heading nobody listed
    # ("Line") read as the references it holds; the rows keep the column as printed.
    ref_column = _reference_column(read)
    seen = _with_references(read, ref_column)
    usual = _usual_row(lt.entries, seen)
    levels = _usual_levels(lt.entries, seen)
    always = _always_printed(lt.entries, seen, usual)
    whole_levels = _levels_printed_whole(lt.entries, seen)
    top_set = any(_row_opening(e.row) for e in lt.entries)
    for k, (entry, cells) in enumerate(zip(lt.entries, read)):
        prow = entry.row
        page_top = entry.first_on_page and bool(table_rows) and prev_entry is not None
        read_at_top = frozenset(f for f, paras in cells.items() if paras)
        _fold_never_begun(table_rows, cells, page_top)
        if table_rows and _read_apart(prev_entry, entry, seen[k], usual, table_rows[-1].cells,
                                      lt.entries[k + 1:k + 2], seen[k + 1:k + 2], levels):
            _take_rest(table_rows[-1], _raw_row(lt, entry, cells, reaches, first=False, justified=justified))
        elif page_top and _action_begun_at_foot(table_rows[-1], cells):
            row = _raw_row(lt, entry, cells, reaches, first=False, justified=justified)
            row.cells["action"], row.page_start = [table_rows[-1].cells["action"].pop()], table_rows[-1].page_end
            table_rows.append(row)
        elif page_top and prev_entry is not None and _is_tail(table_rows[-1], prow, seen[k], prev_entry.table.closed,
                                                              _ruled_above(entry.table, prow), always,
                                                              _stripe_goes_on(prev_entry.row, prow), whole_levels,
                                                              alone):
            _join_tail(table_rows, entry, cells, breaks, vocabulary, alone, slash_breaks=slash_breaks,
                       free=_free_space(prow, entry.table, reaches, justified))
        else:
            if page_top:
                _reference_begun_at_foot(table_rows[-1], cells, ref_column)
            _open_row(lt, table_rows, entry, cells, reaches, justified, breaks, page_top, top_set, slash_breaks)
        if page_top:
            _closed_over_break(table_rows, read_at_top, [c.field for c in entry.table.columns if c.field])
        prev_entry = entry
    _run_on_by_breaks(table_rows, breaks or {})
    return table_rows


def _with_references(read: Sequence[dict[str, list[str]]], column: str | None) -> Sequence[dict[str, list[str]]]:
    """Each row's cells with `column` (_reference_column), a column of no field whose cells are references, read as
    "ref" too, where no column is: what a row opens on is its reference, whatever the heading says."""
    if column in (None, "ref"):
        return read
    return [{**cells, "ref": cells[column]} if cells.get(column) else cells for cells in read]


def _reference_column(read: Sequence[dict[str, list[str]]]) -> str | None:
    """The column of the rows' references: "ref", else the first column of no field whose cells are
    references (shows_refs), else None."""
    if any(cells.get("ref") for cells in read):
        return "ref"
    extras = list(dict.fromkeys(f for cells in read for f in cells if f.startswith(EXTRA_PREFIX)))
    return next((f for f in extras if shows_refs(profile([" ".join(cells.get(f, [])) for cells in read]))), None)


def _reference_begun_at_foot(prev: RawRow, cells: dict[str, list[str]], column: str | None) -> None:
    """A row opening a page with no reference, under a row whose reference cell holds two, each a
    reference alone ("1.12" and, at the page's foot, "2.1"): a row prints one reference, and the second
    is this row's, begun at the foot with its reference only (the rest of its cells moved overleaf)."""
    if column is None or cells.get(column):
        return
    refs = prev.cells.get(column) or []
    if len(refs) == 2 and all(REF_CODE.fullmatch(r) for r in refs) and refs[0] != refs[1]:
        cells[column] = [refs.pop()]


def _read_apart(prev: _Entry | None, entry: _Entry, cells: dict[str, list[str]], usual: frozenset[str],
                above: dict[str, list[str]], following: Sequence[_Entry], read: Sequence[dict[str, list[str]]],
                levels: frozenset[str] = frozenset()) -> bool:
    """Is the entry the rest of the row above (`above`: its cells), read apart from it on the page
    (`_rest_below`, `_actionless_between`), and no row begun at the foot whose short cells open the next
    page (`following`, `read`: the next entry and its cells)?"""
    return ((_rest_below(prev, entry, cells, usual, above, levels) or _actionless_between(entry, following, cells))
            and not _completed_overleaf(cells, following, read, usual))


def _actionless_between(entry: _Entry, following: Sequence[_Entry], cells: dict[str, list[str]]) -> bool:
    """Is the entry a stretch of a row's own cells (its measures, its officer, a comment) with no action,
    between two rows of one page? No row begins without an action mid-page (a row begun at a page's
    foot has its action overleaf): it is the rest of the row above, read apart where its other cells
    start paragraphs level with each other ("Principal Social Worker" beside "Plans will be SMART ...")."""
    if entry.first_on_page or not following or following[0].first_on_page or not cells or cells.get("action"):
        return False
    return all(f in _ACTIONLESS_REST or f.startswith(EXTRA_PREFIX) for f in cells) and not _opens_on_reference(cells)


# Cells a row's rest read apart may print without an action: those a row prints in paragraphs.
_ACTIONLESS_REST = frozenset({"measures", "lead_officer"})


def _fold_never_begun(table_rows: list[RawRow], cells: dict[str, list[str]], page_top: bool) -> None:
    """Fold the last row into the row above where it was read as begun at a page's foot with no action yet
    ("Principal" under an officer) and the next page opens (`cells`) with no action either: no action of
    its own ever follows, so its lines are a paragraph of the row above's cell, and what opens the next
    page is that row's rest."""
    if page_top and len(table_rows) >= 2 and not cells.get("action") and not table_rows[-1].cells.get("action") \
            and table_rows[-2].cells.get("action"):
        _take_rest(table_rows[-2], table_rows.pop())


def _completed_overleaf(at_foot: dict[str, list[str]], following: Sequence[_Entry], read: Sequence[dict[str, list[str]]],
                        usual: frozenset[str]) -> bool:
    """Does the next page open (`following`, `read`: the next entry and its cells) on the row data the row
    at this page's foot (`at_foot`: its cells) did not print, beside no action of its own (none, or one
    that reads on from the foot's: "... the diagnostic of the" / "Liquid Logistic system")? Then that row
    was begun at the foot, its short cells moved overleaf (an HTML engine breaks a row's tall cells
    only), and is no rest of the row above."""
    if not following or not following[0].first_on_page:
        return False
    cells = read[0]
    action = cells.get("action")
    return any(cells.get(f) for f in usual if f != REFERENCED) and (
        not action or _continues(at_foot.get("action") or [], action))


def _open_row(lt: _Table, table_rows: list[RawRow], entry: _Entry, cells: dict[str, list[str]],
              reaches: dict[tuple[str, int, int], float], justified: frozenset[str],
              breaks: dict[str, set[tuple[str, str]]] | None, page_top: bool, top_set: bool,
              slash_breaks: bool = False) -> None:
    """A new row, once the cells it holds that run on from rows above (a merged cell's leftover lines at a
    page's top, paragraphs run on off the row) are given back."""
    prow = entry.row
    room = _Room(_foot_room(prow, entry.table), _free_space(prow, entry.table, reaches, justified))
    if page_top:
        owners = _return_leftovers(table_rows, prow, cells, room, breaks, slash_breaks)
        _spans_alike_go_on(table_rows, entry, cells, owners, room, slash_breaks)
    if table_rows:
        _run_on_off_the_row(table_rows, prow, cells, page_top, room, top_set, slash_breaks)
    table_rows.append(_raw_row(lt, entry, cells, reaches, not table_rows, justified, room))


# Columns whose cell may be merged down the rows, its paragraphs set beside rows below the first.
RUN_ON = (*HIERARCHY, "detailed_action_plan")
# Words a paragraph's cut part must hold to stand for the whole when matched by its end.
PART_WORDS = 3


def _run_on_by_breaks(table_rows: list[RawRow], breaks: Mapping[str, AbstractSet[tuple[str, str]]]) -> None:
    """A paragraph of a merged cell that opens level with a row below the cell's first (no rule between)
    reads as that row's own cell. Where the column prints the same two paragraphs one after the other in
    one cell elsewhere in the document, the second runs on in the cell above. So in a column of no field
    yet that prints once for several rows, blank in most (a level under a heading nobody listed,
    "Intended impact", whose field its structure settles later)."""
    fields = (*RUN_ON, *_printed_once(table_rows))
    for i, row in enumerate(table_rows[1:], start=1):
        for f in fields:
            paras = row.cells.get(f)
            if not paras or (row.merged is not None and f not in row.merged):
                continue
            owner = _owner(table_rows[:i], f)
            # A paragraph the cell above already holds is printed again (a level restated), not run on.
            if owner is None or paras[0] in owner.cells[f]:
                continue
            if _printed_apart(owner.cells[f][-1], paras[0], breaks.get(f, frozenset()), cut_last=True):
                owner.cells[f] = owner.cells[f] + row.cells.pop(f)


def _printed_once(table_rows: Sequence[RawRow]) -> list[str]:
    """The columns of no field that are blank in most of the table's rows: cells merged down the rows."""
    extras = dict.fromkeys(f for r in table_rows for f in r.cells if f.startswith(EXTRA_PREFIX))
    return [f for f in extras if 2 * sum(1 for r in table_rows if r.cells.get(f)) < len(table_rows)]


# Points a cell's first line may stand off the line its row's cells open on and still open with them.
ROW_TOP_SLACK = 0.4
# Points two lines' type sizes may differ by and still be one type.
SIZE_SLACK = 0.05
# Cells that must open on one line, with different numbers of lines, to show the rows set cells at their tops.
TOP_SET_CELLS = 3


def _first_line(lines: Sequence[Line]) -> Line:
    return min(lines, key=lambda ln: ln.top)


def _row_opening(prow: PageRow, top_set: bool = False) -> tuple[float, float] | None:
    """The top and size of the line the row's cells open on, when the row shows its cells set at their
    tops: TOP_SET_CELLS or more open level with its action, not all of as many lines (cells centred in
    their rows open level only when they hold as many lines). A table that shows it on another row
    (`top_set`) sets every row so: one alignment serves a table's cells, so cells of one line each level
    with the action open its row too."""
    action = prow.cells.get("action")
    if not action:
        return None
    first = _first_line(action)
    level = [lines for lines in prow.cells.values() if lines and abs(_first_line(lines).top - first.top)
             <= ROW_TOP_SLACK / 4 and abs(_first_line(lines).size - first.size) < SIZE_SLACK]
    if len(level) < TOP_SET_CELLS or (len({len(lines) for lines in level}) < 2 and not top_set):
        return None
    return first.top, first.size


def _run_on_off_the_row(table_rows: list[RawRow], prow: PageRow, cells: dict[str, list[str]],
                        page_top: bool = False, room: _Room | None = None, top_set: bool = False,
                        slash_breaks: bool = False) -> None:
    """A row whose cells open at their tops on one line (`_row_opening`) holds no cell of its own that
    opens off it, in the same type, with no rule above: that text is a paragraph of a merged cell above
    (its paragraphs spaced all but as the rows are), and runs on in the cell that is still open. At a
    page's top (`page_top`) it is the rest of a merged cell the page's foot cut (a cell goes on over the
    page with none of the padding a new row's cells take), and its paragraph may go on where it stopped.
    The cell then ends where that text ends: `room`, the row's white under each cell and room on each
    cell's last line (_Room);
    `top_set`: the table shows its cells set at their tops on another row."""
    opening = _row_opening(prow, top_set)
    if opening is None:
        return
    top, size = opening
    for f, lines in prow.cells.items():
        if f in ("action", "ref") or f in ROW_DATA or f not in cells or (prow.merged is not None and f not in prow.merged):
            continue
        first = _first_line(lines)
        owner = _owner(table_rows, f)
        if owner is None or abs(first.size - size) >= SIZE_SLACK or abs(first.top - top) <= ROW_TOP_SLACK:
            continue
        if not page_top:
            owner.cells[f] = owner.cells[f] + cells.pop(f)
        elif owner.page_end == table_rows[-1].page_end and owner.foot_room.get(f, 0.0) <= CLOSED_ROOM_LINES:
            owner.cells[f] = _join_paragraphs(owner.cells[f], cells.pop(f), _first_word_fits(owner, f, prow),
                                              slash_breaks=slash_breaks)
        else:
            continue
        _ends_here(owner, f, room)


def _same_end(x: str, y: str) -> bool:
    if x == y:
        return True
    short, long_ = (x, y) if len(x) < len(y) else (y, x)
    return len(short.split()) >= PART_WORDS and long_.endswith(" " + short)


def _action_begun_at_foot(prev: RawRow, cells: dict[str, list[str]]) -> bool:
    """Does a page open, with no action, on the rest of a row whose action alone was printed at the foot of
    the page before, read there as the last paragraph of the row above? The rest prints a date or a status
    where the row above printed its own, not its rest: no row prints two."""
    action = prev.cells.get("action") or []
    if cells.get("action") or len(action) < 2:
        return False
    return any(prev.cells.get(f) and cells.get(f) and not _completes(f, prev.cells[f], cells[f]) for f in ROW_DATA)


def _completes(f: str, before: list[str], after: list[str]) -> bool:
    """Does `after` (a page's top) go on with `before` (the foot of the page before) in column `f`: it reads
    on, or it brings the date an officer-and-date cell had not printed yet ("... Executive Director Social"
    / "Care and Health, Q1 2023/24")?"""
    if _continues(before, after):
        return True
    return (f == "lead_officer_and_milestone" and split_lead_and_date(" ".join(before))[1] is None
            and split_lead_and_date(" ".join(after))[1] is not None)


def _printed_apart(last: str, first: str, breaks: AbstractSet[tuple[str, str]], cut_last: bool = False) -> bool:
    """Is `last` a paragraph the column prints, in one cell, before one that `first` opens alike (either
    may be cut short by a page: "families. staff and partners shapes how and what services we")? With
    `cut_last`, `last` may also be cut from its start ("access the appropriate service at the appropriate
    time.") or hold the one printed so."""
    return any((_same_end(last, a) if cut_last else last == a) and (first.startswith(b) or b.startswith(first))
               for a, b in breaks)


def _each_a_cell(last: str, b: Sequence[str], alone: frozenset[str]) -> bool:
    """Are the paragraph a page cut and the first the next page carries each printed as a whole cell of
    the column elsewhere, and never as one paragraph?"""
    return last in alone and b[0] in alone and f"{last} {b[0]}" not in alone


def _cells_alone(tables: Sequence[tuple[Sequence[_Entry], Sequence[dict[str, list[str]]]]]) -> dict[str, frozenset[str]]:
    """Per column, the texts of its cells of one paragraph in rows no page break cuts (neither first nor
    last on their page: a cell cut by the page's foot is a paragraph's first part)."""
    return {f: frozenset(counts) for f, counts in _whole_cell_counts(tables).items()}


def _whole_cell_counts(tables: Sequence[tuple[Sequence[_Entry], Sequence[dict[str, list[str]]]]]
                       ) -> dict[str, Counter[str]]:
    """Per column, how many rows print each text as a cell of one paragraph (_cells_alone)."""
    out: dict[str, Counter[str]] = {}
    for entries, cells in tables:
        for i, (entry, row) in enumerate(zip(entries, cells)):
            if entry.first_on_page or i + 1 == len(entries) or entries[i + 1].first_on_page:
                continue
            for f, paras in row.items():
                if len(paras) == 1:
                    out.setdefault(f, Counter())[paras[0]] += 1
    return out


def _part_whole_cells(cells: Sequence[dict[str, list[str]]], counts: Mapping[str, Counter[str]]) -> None:
    """Part, in the officer and plan columns, a paragraph that is two texts the column prints elsewhere each
    as a whole cell, and never whole in another row: two officers one cell sets one under the other
    ("Finance Business Partner" / "Corporate Parenting Lead") at the cell's leading, which no paragraph
    break shows."""
    for row in cells:
        for f in LEAVES:
            if row.get(f):
                row[f] = [part for para in row[f] for part in _two_whole_cells(para, counts.get(f, Counter()))]


def _two_whole_cells(para: str, counts: Counter[str]) -> list[str]:
    if counts[para] > 1:
        return [para]
    words = para.split(" ")
    for k in range(1, len(words)):
        head, rest = " ".join(words[:k]), " ".join(words[k:])
        if counts[head] and counts[rest]:
            return [head, rest]
    return [para]


def _paragraph_breaks(cells: Sequence[dict[str, list[str]]]) -> dict[str, frozenset[tuple[str, str]]]:
    """Per column, the pairs of paragraphs printed one after the other in one cell on one page."""
    pairs: dict[str, set[tuple[str, str]]] = {}
    for row in cells:
        for f, paras in row.items():
            pairs.setdefault(f, set()).update(zip(paras, paras[1:]))
    return {f: frozenset(p) for f, p in pairs.items()}


def _join_tail(table_rows: list[RawRow], entry: _Entry, cells: dict[str, list[str]],
               breaks: dict[str, set[tuple[str, str]]] | None = None,
               vocabulary: Mapping[str, int] | None = None, alone: dict[str, frozenset[str]] | None = None, *,
               slash_breaks: bool = False, free: Mapping[str, float] | None = None) -> None:
    """The first row on a page is the rest of the last row of the page before: join its cells on. The
    joined cell's paragraph breaks join `breaks`: its column shows them whole from then on. `free`: the room
    left on each of the rest's cells' last line (_free_space), which is the joined cell's last line now (a
    cell run on over three pages is judged at the next break by the line that ends its middle page)."""
    prev = table_rows[-1]
    for f, paras in cells.items():
        target = _tail_target(table_rows, f, paras)
        if paras == target.cells.get(f):
            continue  # a merged cell restated at the page's top, its text the same as above
        target.foot_room.update({k: v for k, v in _foot_room(entry.row, entry.table).items() if k == f})
        restored = _dash_restored(target, f, entry.row, paras)
        # A dash that did not fit with its word on the line above did not end the paragraph there.
        fitted = restored is paras and _first_word_fits(target, f, entry.row)
        joined = _join_paragraphs(target.cells.get(f, []), restored, fitted, (breaks or {}).get(f, frozenset()),
                                  vocabulary, (alone or {}).get(f, frozenset()), slash_breaks)
        target.cells[f] = joined
        if free is not None and f in free:
            target.free_space[f] = free[f]
        if breaks is not None:
            breaks.setdefault(f, set()).update(zip(joined, joined[1:]))
    prev.page_end = entry.table.page
    prev.rag_colour = prev.rag_colour or entry.row.rag_colour


def _tail_target(table_rows: list[RawRow], f: str, paras: list[str]) -> RawRow:
    """The row whose cell in column f a page's leading text runs on: the last row's, or the row above
    whose cell is merged down to it and still open."""
    prev = table_rows[-1]
    owner = _owner(table_rows, f)
    # A row that had only begun at the page's foot (its action not yet printed) takes the level cells
    # that open the next page: they start its own group, not the rest of a merged cell above it.
    begun = not prev.cells.get("action")
    # A column of prose read as one cell per row may hold a cell merged down the rows all the same:
    # text that runs on from a row above the last is the rest of that row's cell.
    # So may one the ruling shows merged: the rule over the last row leaves its column out.
    merged_down = prev.merged is not None and f in prev.merged
    per_row = f in PER_ROW and not merged_down and not (
        f in PROSE and owner is not None and _continues(owner.cells[f], paras))
    # A rule drawn over the last row's cell closed the cells above it: the text is that row's own.
    ruled_off = prev.merged is not None and f not in prev.merged
    # A cell's text runs on over a page only from the foot of the page before: a cell that closed on
    # an earlier page (rows of other pages under it) is complete, and the text is the last row's own.
    # So is one whose text ended with lines of white under it, above the foot of the page it ended on.
    closed_before = owner is not None and (owner.page_end < prev.page_end or (
        owner is not prev and owner.foot_room.get(f, 0.0) > CLOSED_ROOM_LINES))
    if prev.cells.get(f) or per_row or begun or ruled_off or closed_before or owner is None:
        return prev
    return owner


# Lines of white under a cell's text, above the table's foot, that show the cell's text ended on its page.
CLOSED_ROOM_LINES = 2.0


def _dash_restored(target: RawRow, f: str, prow: PageRow, paras: list[str]) -> list[str]:
    """The rest of a cell whose first line opens on a dash that did not fit on the cell's last line on the
    page before ("Jan 2022" / "– Jun 2022"): the dash is printed text, not the list marker the page's
    reading took it for."""
    lines, above, room = prow.cells.get(f), target.cells.get(f), target.free_space.get(f)
    if not lines or not above or room is None or not paras:
        return paras
    first = min(lines, key=lambda ln: ln.top)
    dash = first.words[0].text
    if not dash_run_on(first, above[-1], room) or paras[0].startswith(dash):
        return paras
    return [f"{dash} {paras[0]}", *paras[1:]]


@dataclass
class _Room:
    """A page row's white under each cell, in lines (_foot_room), and room left on each cell's last line
    (_free_space)."""

    foot: dict[str, float]
    free: dict[str, float]


def _ends_here(owner: RawRow, f: str, room: _Room | None) -> None:
    """A merged cell that took on text a later row's lines hold ends where that text ends: a page break
    below it cuts the cell only if that text reaches the foot (_tail_target), and the room its last line
    leaves is that text's last line's (_first_word_fits)."""
    if room is None:
        return
    if f in room.foot:
        owner.foot_room[f] = room.foot[f]
    if f in room.free:
        owner.free_space[f] = room.free[f]


def _return_leftovers(table_rows: list[RawRow], prow: PageRow, cells: dict[str, list[str]],
                      room: _Room | None = None, breaks: dict[str, set[tuple[str, str]]] | None = None,
                      slash_breaks: bool = False) -> dict[str, RawRow]:
    """A new row under a page break may open with the leftover lines of a merged cell still running
    from the page before: they belong to that cell. So may a column of prose the page step read as one
    cell per row (measures): text that runs on mid-sentence beside a new row's action spans the rows.
    So does a cell whose column the rule over the new row leaves out, though its text opens a sentence:
    the rule shows the cell goes on from above (an HTML engine slices a merged cell at the page break).
    Returns the columns whose cell went on, each with the row that holds it."""
    owners: dict[str, RawRow] = {}
    unruled = prow.merged or set()
    for f in list(cells):
        if not _may_run_on(f):
            continue
        owner = _owner(table_rows, f)
        if owner is not None and (f in unruled or _continues(owner.cells[f], cells[f])):
            owner.cells[f] = _join_paragraphs(owner.cells[f], cells.pop(f), _first_word_fits(owner, f, prow),
                                              (breaks or {}).get(f, frozenset()), slash_breaks=slash_breaks)
            _ends_here(owner, f, room)
            owners[f] = owner
    _levels_above_go_on(table_rows, prow, cells, owners, room, slash_breaks)
    return owners


def _may_run_on(f: str) -> bool:
    """May column f hold a merged cell's leftover lines under a page break: not the reference, the action or
    row data printed once per row, but prose and levels?"""
    return f not in ("ref", "action") and (f not in PER_ROW or f in PROSE)


def _spans_alike_go_on(table_rows: list[RawRow], entry: _Entry, cells: dict[str, list[str]],
                       owners: Mapping[str, RawRow], room: _Room | None, slash_breaks: bool = False) -> None:
    """Cells to the left of a merged cell that goes on under a page break (`owners`), in columns no field
    names as a level yet, that the grid shows spanning the same rows as it on both pages go on too: they
    opened in the same row above the break, ran to the page's foot, and the rule under the page's first
    row leaves both columns out. The cell to the left is the level above ("Practice Standards & Quality
    Assurance Framework" / "Social care case work ..." beside an objective going on in lower case)."""
    rows = entry.table.rows
    k = next((i for i, r in enumerate(rows) if r is entry.row), None)
    spanned = (rows[k + 1].merged or set()) if k is not None and k + 1 < len(rows) else set()
    order = [c.field for c in entry.table.columns if c.field]
    for g, owner in owners.items():
        if g not in spanned or g not in order:
            continue
        for f in order[:order.index(g)]:
            if f not in cells or f not in spanned or f in owners or not _may_run_on(f):
                continue
            if _owner(table_rows, f) is not owner or owner.foot_room.get(f, 0.0) > CLOSED_ROOM_LINES:
                continue
            owner.cells[f] = _join_paragraphs(owner.cells[f], cells.pop(f), _first_word_fits(owner, f, entry.row),
                                              slash_breaks=slash_breaks)
            _ends_here(owner, f, room)


def _levels_above_go_on(table_rows: list[RawRow], prow: PageRow, cells: dict[str, list[str]],
                        owners: Mapping[str, RawRow], room: _Room | None, slash_breaks: bool = False) -> None:
    """A level's merged cell that goes on under a page break (`owners`: the levels whose rest the page's
    first row took back, each with the row that holds it) keeps the levels above it going on too: a group
    cannot end inside a group below it. Their text beside the new row, where their cell above ran to the
    page's foot, is their rest, though it opens in capitals ("Practice Standards and Quality" / "Assurance
    Framework" beside "improve adherence to ...")."""
    gone_on = [HIERARCHY.index(f) for f in owners if f in HIERARCHY]
    if not gone_on:
        return
    low = owners[HIERARCHY[max(gone_on)]]
    # So does a column no field names yet whose cells span rows as a level's do (most rows print none).
    spanning = [f for f in cells if f.startswith(EXTRA_PREFIX) and f not in owners and _spans_rows(table_rows, f)]
    for f in [*HIERARCHY[:max(gone_on)], *spanning]:
        owner = _owner(table_rows, f)
        if f not in cells or owner is None or owner.foot_room.get(f, 0.0) > CLOSED_ROOM_LINES:
            continue
        if _index(table_rows, owner) > _index(table_rows, low):
            continue
        owner.cells[f] = _join_paragraphs(owner.cells[f], cells.pop(f), _first_word_fits(owner, f, prow),
                                          slash_breaks=slash_breaks)
        _ends_here(owner, f, room)


def _spans_rows(rows: Sequence[RawRow], f: str) -> bool:
    """Do column f's cells span rows, as merged cells: of the table's rows so far (ALWAYS_ROWS at least),
    fewer than half print text in it?"""
    return len(rows) >= ALWAYS_ROWS and sum(1 for r in rows if r.cells.get(f)) < SPAN_SHARE * len(rows)


# Share of rows printing text in a column below which its cells span rows (_spans_rows).
SPAN_SHARE = 0.5


def _closed_over_break(table_rows: list[RawRow], read_at_top: AbstractSet[str], fields: Sequence[str]) -> None:
    """A merged cell (a level's, or a column's no field names yet) that prints nothing beside a page's
    first row ended on the page before: the rest of a cell cut by a page break opens the next page. Text
    in its column further down is another cell's (a new group whose own first row printed it late), never
    this one's rest."""
    for f in fields:
        if f in PER_ROW or f in ("ref", "action"):
            continue
        owner = _owner(table_rows, f)
        if owner is not None and f not in read_at_top:
            owner.foot_room[f] = math.inf


def _index(rows: Sequence[RawRow], row: RawRow) -> int:
    return next(k for k, r in enumerate(rows) if r is row)


def _raw_row(lt: _Table, entry: _Entry, cells: dict[str, list[str]], reaches: dict[tuple[str, int, int], float],
             first: bool, justified: frozenset[str] = frozenset(), room: _Room | None = None) -> RawRow:
    t, prow = entry.table, entry.row
    if room is None:
        room = _Room(_foot_room(prow, t), _free_space(prow, t, reaches, justified))
    merged = prow.merged
    # Under a page break or at the table's top, an empty "merged" set is no evidence of a rule.
    if (entry.first_on_page or first) and merged is not None and not merged:
        merged = None
    return RawRow(
        cells=cells,
        page_start=t.page,
        page_end=t.page,
        bbox=(round(t.x0, 2), round(prow.top, 2), round(t.x1, 2), round(prow.bottom, 2)),
        rag_colour=prow.rag_colour,
        theme_ref=lt.theme.ref if lt.theme else None,
        theme=lt.theme.title if lt.theme else None,
        key_area=lt.key_area.title if lt.key_area else None,
        merged=merged,
        fill_parted=prow.fill_parted,
        free_space=dict(room.free),
        foot_room=dict(room.foot),
    )


def _foot_room(row: PageRow, table: PageTable) -> dict[str, float]:
    """Per field: the lines of white under the cell's last line, down to the table's last printed line on
    the page (its foot: the table's own bottom may be the page's)."""
    foot = max((ln.bottom for r in table.rows for lines in r.cells.values() for ln in lines), default=table.bottom)
    out = {}
    for f, lines in row.cells.items():
        if lines:
            last = max(lines, key=lambda ln: ln.bottom)
            out[f] = (foot - last.bottom) / max(last.bottom - last.top, 1.0)
    return out


def _fill_down(rows: list[RawRow], columns: Sequence[str | None], bound: str, log: IssueLog,
               printed_again: dict[str, bool] | None = None) -> None:
    present = [f for f in columns if f]
    mergeable = [f for f in present if f not in ("action", "ref")]
    # Top of the hierarchy first: whether a level inherits depends on the level above it.
    mergeable.sort(key=lambda f: HIERARCHY.index(f) if f in HIERARCHY else len(HIERARCHY))
    repeats = _repeats_levels(rows, HIERARCHY)
    # A column below the hierarchy (a plan's name, an officer) is judged on its own: printed again row
    # after row, its blank cells are blank. A table whose rows show it too seldom to tell is judged with
    # every table under the same header (`printed_again`): a theme's banner parts the tables, not the way
    # a column is set.
    pooled = printed_again or {}
    counts = {f: _again_and_blank(rows, (f,)) for f in mergeable if f not in HIERARCHY}
    own = {f: _printed_again(*n) if sum(n) >= REPEAT_EVIDENCE or f not in pooled else pooled[f]
           for f, n in counts.items()}
    prev: RawRow | None = None
    for row in rows:
        _take_refs(row, bound)
        row.inherited = _inherit(row, prev, mergeable, present, repeats, own) if prev is not None else []
        prev = row


# Cells printed again or left blank under a text that show how a table sets a column on their own.
REPEAT_EVIDENCE = 5



def _repeats_levels(rows: Sequence[RawRow], fields: Sequence[str] = HIERARCHY) -> bool:
    """Does the table print a level's text again, row after row, while it goes on? Then its blank cells
    are blank: only a blank under an inherited level is read as "same as above". A table that leaves
    blanks for "same as above" may still restate a level now and then (at the top of a page, or where
    the level below changes): it does so less often than it leaves the level blank."""
    return _printed_again(*_again_and_blank(rows, fields))


def _printed_again(again: int, blank: int) -> bool:
    """Printed again under the same text at least as often as left blank (and at least once)."""
    return again > 0 and again >= blank


def _again_and_blank(rows: Sequence[RawRow], fields: Sequence[str]) -> tuple[int, int]:
    """How often a cell of `fields` is printed again under the same text, and left blank under a text."""
    pairs = list(zip(rows, rows[1:]))
    again = sum(1 for f in fields for a, b in pairs if b.cells.get(f) and b.cells.get(f) == a.cells.get(f))
    blank = sum(1 for f in fields for a, b in pairs if a.cells.get(f) and not b.cells.get(f))
    return again, blank


def _printed_again_by_header(
    tables: Sequence[tuple[_Table, list[RawRow], list[str | None]]],
) -> dict[tuple, dict[str, bool]]:
    """Per printed header, whether each column below the hierarchy is printed again row after row, over
    all the tables under it (`_repeats_levels` for one field, its counts pooled)."""
    counts: dict[tuple, dict[str, list[int]]] = {}
    for lt, rows, columns in tables:
        per = counts.setdefault(_header_key(lt), {})
        for f in columns:
            if f and f not in HIERARCHY:
                again, blank = _again_and_blank(rows, (f,))
                per.setdefault(f, [0, 0])
                per[f][0] += again
                per[f][1] += blank
    return {key: {f: _printed_again(*n) for f, n in per.items()} for key, per in counts.items()}


def _take_refs(row: RawRow, bound: str) -> None:
    """Reference numbers: from the ref column, or printed at the start of their cell."""
    ref_text = " ".join(row.cells.pop("ref", [])).strip()
    row.refs = {}
    if ref_text and REF_VALUE.match(ref_text):
        row.refs[bound] = ref_text.rstrip(".")
    elif ref_text:
        row.refs[bound] = ref_text
    for f in ("outcome", "objective"):
        if f in row.cells and not row.refs.get(f):
            ref, paras = _split_ref(row.cells[f])
            if ref:
                row.refs[f] = ref
                row.cells[f] = paras


def _inherit(row: RawRow, prev: RawRow, mergeable: Sequence[str], present: Sequence[str], levels_repeat: bool,
             own: dict[str, bool] | None = None) -> list[str]:
    """Fill the row's empty cells that stand for the cell above; the fields filled."""
    inherited: list[str] = []
    for f in mergeable:
        if row.cells.get(f):
            continue
        repeats = (own or {}).get(f, levels_repeat)
        if f not in HIERARCHY and repeats and f not in (row.merged or ()):
            continue  # a column printed again row after row: its blank cell is blank
        if f not in HIERARCHY and f in row.fill_parted:
            continue  # its own fill opens with the row: no cell above runs on into it
        if row.merged is not None:
            # A rule drawn under every row does not make a blank hierarchy cell blank: a plan leaves
            # its outcome or objective out under the row that states it ("same as above").
            take = f in row.merged or (f in HIERARCHY and not repeats and bool(prev.cells.get(f))
                                       and _hierarchy_allows(f, present, inherited, row, prev))
        else:
            # Without rules to show a merge, an empty cell under an empty cell is just empty.
            take = bool(prev.cells.get(f)) and _hierarchy_allows(
                f, present, inherited, None if repeats else row, prev)
        if take:
            row.cells[f] = list(prev.cells.get(f, []))
            inherited.append(f)
            if f in ("outcome", "objective"):
                # A ref belongs to its cell: inherited with it.
                row.refs.setdefault(f, prev.refs.get(f))
    return inherited


def _header_key(lt: _Table) -> tuple:
    """The printed header a logical table stands under: the fields its headings were given, and the
    headings of the columns that named none outright (extras, measures by likeness alone). Headers that
    word a named field apart ("Status" over one theme's table, "Status update" over the next) but read
    alike hold the same fields: their rows are pooled."""
    headings = [c.heading for c in lt.entries[0].table.columns]
    return tuple((f, h if f is None or f.startswith(EXTRA_PREFIX) or f == "measures" else "")
                 for f, h in zip(lt.columns, headings))


def _levels_by_header(tables: Sequence[tuple[_Table, list[RawRow]]],
                      settings: ExtractSettings) -> dict[tuple, list[str | None]]:
    """Per printed header, its fields with the levels its columns show over all the rows printed under
    it: a theme's banner parts the tables, but the columns under one header hold the same fields."""
    pooled: dict[tuple, list[RawRow]] = {}
    first: dict[tuple, _Table] = {}
    bannered: set[tuple] = set()
    # The first row of each table after the first under a header: a banner came between it and the row above.
    opens: set[int] = set()
    for lt, rows in tables:
        if rows and _header_key(lt) in first:
            opens.add(id(rows[0]))
        pooled.setdefault(_header_key(lt), []).extend(rows)
        first.setdefault(_header_key(lt), lt)
        if lt.theme is not None:
            bannered.add(_header_key(lt))
    return {key: _levels_of_unnamed(first[key], rows, settings,
                                    _below_banners(list(first[key].columns), rows) if key in bannered
                                    else _finer_than_themes(list(first[key].columns), rows), frozenset(opens))
            for key, rows in pooled.items()}


# A plan states its themes in a handful; a column of more titles than this groups its rows more finely.
MAX_THEMES = 8


def _finer_than_themes(fields: list[str | None], rows: Sequence[RawRow]) -> list[str | None] | None:
    """The fields of a header whose column read as the theme (a heading's cue word: "Pillar") holds more
    different titles than a plan has themes: it names the key area of each row, a level below the theme.
    None when the column stays the theme."""
    if "theme" not in fields or "key_area" in fields:
        return None
    texts = list(dict.fromkeys(t for r in rows if (t := r.text("theme"))))
    if len(texts) <= MAX_THEMES or not shows_titles(profile(texts)):
        return None
    return ["key_area" if f == "theme" else f for f in fields]


def _below_banners(fields: list[str | None], rows: Sequence[RawRow]) -> list[str | None]:
    """The fields of a header whose tables stand under theme banners ("Priority 2: Early Help"): a column
    read as the theme holds a level below it, the first free one its cells' shape fits (titles a key
    area, sentences the outcome or the objective), judged on its different texts over every table under
    the header, so a label printed in many rows weighs once."""
    if "theme" not in fields:
        return fields
    texts = list(dict.fromkeys(t for r in rows if (t := r.text("theme"))))
    below = ("key_area",) if shows_titles(profile(texts)) else ("outcome", "objective")
    free = [level for level in below if level not in fields]
    return [free[0] if f == "theme" and free else f for f in fields]


def _renamed(lt: _Table, rows: Sequence[RawRow], fields: Sequence[str | None]) -> list[str | None]:
    """The table's fields as its header reads them (`fields`), its rows' cells renamed to match."""
    own = list(lt.columns)
    pending = [(old, new) for old, new in zip(list(own), fields) if old is not None and new is not None and old != new]
    # A field one column hands over to another (measures read by likeness, then a level) is freed first.
    while pending:
        ready = [(old, new) for old, new in pending if new not in own]
        olds = {old for old, _ in pending}
        if not ready and pending[0][1] in olds and not pending[0][0].startswith(SWAP_PREFIX):
            # Fields traded between columns (the theme and the key area): one moves aside first.
            old, new = pending.pop(0)
            rename_field(rows, own, old, SWAP_PREFIX + old)
            pending.append((SWAP_PREFIX + old, new))
            continue
        old, new = (ready or pending)[0]
        rename_field(rows, own, old, new)
        pending.remove((old, new))
    return own


# The key a column's cells stand under while its field is traded for another column's.
SWAP_PREFIX = "~trading:"


def _levels_of_unnamed(lt: _Table, rows: Sequence[RawRow], settings: ExtractSettings,
                       names: list[str | None] | None = None, opens: frozenset[int] = frozenset()) -> list[str | None]:
    """The table's fields (`names`, when given, in place of the columns' own), with the levels of the
    hierarchy that columns no heading named show by how their cells repeat down the whole table
    (pipeline.extract.columns.shows_group). A page with few rows cannot show it; the table over all its
    pages can. The rows' cells keep their fields: the caller renames them."""
    own = list(lt.columns)
    fields = list(names) if names is not None else own
    headings = [c.heading for c in lt.entries[0].table.columns]
    # Measures are stated per row: a column read as measures only by a heading's likeness to a listed
    # one ("What difference will this make?") whose sentences repeat down the rows is a level. So is an
    # extra column whose heading named a field by its cue words alone, the field another column took.
    free = [(bool(f and f.startswith(EXTRA_PREFIX)) and _unclaimed(h, settings))
            or (f == "measures" and not listed_exactly(h, settings))
            for f, h in zip(fields, headings)]
    movable = [f in LEVELS and _unclaimed(h, settings) for f, h in zip(fields, headings)]
    if not any(free):
        return _titles_in_order(fields, own, rows, movable)
    profiles = [profile(_run_on_texts(rows, f, opens)) if f else profile([]) for f in own]
    named = levels_by_structure([None if ok else f for f, ok in zip(fields, free)], profiles, free,
                                [normalise_heading(h) for h in headings], movable)
    return _titles_in_order(_measures_handed_back(fields, _levels_taken(fields, named, free, movable), headings),
                            own, rows, movable)


def _titles_in_order(fields: list[str | None], own: Sequence[str | None], rows: Sequence[RawRow],
                     movable: Sequence[bool]) -> list[str | None]:
    """The fields, with the theme and the key area traded where both came from cue words alone (`movable`:
    "Pillar" read as the theme beside "Theme area" as the key area) and the theme's column repeats clearly
    more titles than the key area's: a level above groups the rows of the level below, so it holds fewer."""
    if "theme" not in fields or "key_area" not in fields:
        return fields
    j, k = fields.index("theme"), fields.index("key_area")
    if not (movable[j] and movable[k]):
        return fields
    theme, area = (profile(_run_on_texts(rows, f) if (f := own[i]) else []) for i in (j, k))
    if not (shows_titles(theme) and shows_titles(area)) or theme.distinct <= area.distinct * (1 + DISTINCT_SLACK):
        return fields
    out = list(fields)
    out[j], out[k] = "key_area", "theme"
    return out


def _levels_taken(fields: Sequence[str | None], named: Sequence[str | None], free: Sequence[bool],
                  movable: Sequence[bool]) -> list[str | None]:
    """The fields, with the levels the structure named for the columns free to take one (or whose level
    a heading named by its cue words alone)."""
    return [level if (ok or moved) and level is not None and f is not None else f
            for f, level, ok, moved in zip(fields, named, free, movable)]


# Times a column prints a text again in the next row on the same page to show it repeats in every row.
REPEATS_ON_A_PAGE = 2


def _run_on_texts(rows: Sequence[RawRow], f: str, opens: AbstractSet[int] = frozenset()) -> list[str]:
    """The column's text per row, a text printed again on a later page under the same text above it left
    blank: a merged cell cut by a page break is restated on the next page, and runs on all the same (in
    the first row that starts there, though the row above ran on to that page). So is one printed again
    in the first row of a table a banner opens (`opens`: ids of those rows): no merged cell spans a
    banner. A column that prints its text again in the next row on the same page repeats it in every row
    (no merged cell): none is left blank, however few rows a page holds."""
    texts = [r.text(f) or "" for r in rows]
    if sum(1 for a, b, ta, tb in zip(rows, rows[1:], texts, texts[1:])
           if ta and ta == tb and a.page_start == b.page_start and id(b) not in opens) >= REPEATS_ON_A_PAGE:
        return texts
    out: list[str] = []
    last, page, prev_start = "", None, None
    for r in rows:
        text = r.text(f) or ""
        opens_page = r.page_start != prev_start
        restated = (r.page_start != page and opens_page) or id(r) in opens
        out.append("" if text and text == last and restated else text)
        if text:
            last, page = text, r.page_start
        prev_start = r.page_start
    return out


def _measures_handed_back(fields: Sequence[str | None], out: list[str | None], headings: Sequence[str]) -> list[str | None]:
    """The measures, when the column that held them by a heading's likeness turned out a level, go to
    the column their cue words name, which had given way to it ("Indicators of success" beside "What
    difference will this make?")."""
    if "measures" not in fields or "measures" in out:
        return out
    for i, (f, h) in enumerate(zip(out, headings)):
        if f is not None and f.startswith(EXTRA_PREFIX) and field_from_cues(normalise_heading(h)) == "measures":
            return [*out[:i], "measures", *out[i + 1:]]
    return out


def _unclaimed(heading: str, settings: ExtractSettings) -> bool:
    """Is the heading free to name a level its column shows: it names no field, or one only by its
    likeness to a listed heading or its cue words (never one it is listed for, nor a field it says its
    column does not hold)?"""
    found = match_heading(heading, settings=settings)
    return found is None or (not found.startswith("ignore:") and not listed_exactly(heading, settings))


def _theme_from_column(rows: Sequence[RawRow]) -> None:
    """A theme printed in a column of its own labels its row as a banner above it would."""
    for row in rows:
        paras = row.cells.pop("theme", None)
        if paras:
            ref, paras = _split_ref(paras)
            row.theme = " ".join(paras)
            row.theme_ref = ref or row.theme_ref


def _hierarchy_allows(
    f: str, present: Sequence[str], inherited: Sequence[str], row: RawRow | None, prev: RawRow
) -> bool:
    """A blank cell stands for the one above while the row is still in the group above: the field one
    level up was inherited too, or (given `row`, in a table whose blanks stand for the text above) is
    printed again with the same text. There a key area groups the rows beside the outcomes, not above
    them (pipeline.extract.columns._ordered): a new key area leaves a blank outcome running on. Where
    levels are printed again row after row (no `row`), a blank under a key area printed anew is blank."""
    beside = row is not None and f in ("outcome", "objective")
    order = [h for h in HIERARCHY if h in present and not (h == "key_area" and beside)]
    if f in order:
        i = order.index(f)
        return i == 0 or _same_group(order[i - 1], inherited, row, prev)
    if f in LEAVES:
        # Constant within a group: with no level to show the group, a blank leaf is only blank.
        return bool(order) and _same_group(order[-1], inherited, row, prev)
    return False


def _same_group(above: str, inherited: Sequence[str], row: RawRow | None, prev: RawRow) -> bool:
    if above in inherited:
        return True
    return row is not None and bool(row.cells.get(above)) and row.cells.get(above) == prev.cells.get(above)
