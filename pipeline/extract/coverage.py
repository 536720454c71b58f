"""Signs that rows were lost although every page of the table section yielded some.

pipeline.extraction.account_pages accounts for pages that yield no rows inside the table section. What it
cannot see is a page that yields rows but fewer than it printed (its content damaged in the middle), a
page before or after the section whose table was not recognised (its header damaged), and a section's
last page cut short. Each check here looks for evidence the document itself gives, never for a count
known in advance:

- `ref-gap`: the action refs skip numbers (1.1, 1.2, 1.4): the rows between are missing;
- `table-rows-unread`: ruled rows of an action table (bands between the rules that cross the action
  column) hold text that no row took;
- `page-no-table` for a page just before or after the section whose text sits in the action table's
  columns, like a continuation of it, yet gave no rows;
- `page-damaged` for a page whose content stream is not well formed (pipeline.extract.streams).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from ..readers.model import Document, Page, Word
from ..settings import ExtractSettings
from .geometry import PageTables
from .grid import PageTable, refit_columns, straddle_ratio
from .headers import find_all_headers

# A dotted action ref: 1, 1.2, 1.2.3 (a trailing full stop is printed by some plans).
_REF = re.compile(r"^(\d{1,3}(?:\.\d{1,3}){0,3})\.?$")
# Missing refs listed in a ref-gap message; a longer run is summarised by its ends.
GAP_LIST_MAX = 4
# A page beside the section must have this many body words in the table's columns to look like a part
# of the table: a title, a caption or a short note is not a table page.
NEIGHBOUR_WORDS_MIN = 30
# ... in at least this many of the table's columns (prose set in one or two columns is not a table).
NEIGHBOUR_COLUMNS_MIN = 3
# Share of the page height at the top and bottom left out as running heads and footers.
NEIGHBOUR_MARGIN_SHARE = 0.1
# Words in one ruled band that no row took before the band counts as unread: a stray footnote mark or
# a page number inside a table's last band is not a row.
BAND_WORDS_MIN = 3


@dataclass(frozen=True)
class Finding:
    code: str
    page: int
    message: str


def _parse_refs(text: str | None) -> list[tuple[int, ...]] | None:
    """The refs of one ref cell: one, or several when a cell holds a run of them ('1.1 1.2'); None when
    any part is not a ref (words, letters)."""
    parts = [x for x in re.split(r"[\s,;]+", (text or "").strip()) if x]
    refs = []
    for part in parts:
        m = _REF.match(part)
        if not m:
            return None
        refs.append(tuple(int(x) for x in m.group(1).split(".")))
    return refs or None


def _ref_str(parts: Sequence[int]) -> str:
    return ".".join(str(x) for x in parts)


def _missing(a: tuple[int, ...] | None, b: tuple[int, ...]) -> list[str]:
    """The refs that should lie between a and b (a None: b is the first ref of the document)."""
    if a is None:
        # The first ref of a numbered plan is 1 (or 1.1, 1.1.1): a later one means rows above it are gone.
        if all(x == 1 for x in b[:-1]) and b[-1] > 1:
            return [_ref_str(b[:-1] + (k,)) for k in range(1, b[-1])]
        return []
    if len(a) != len(b):
        return []
    if a[:-1] == b[:-1]:
        return [_ref_str(a[:-1] + (k,)) for k in range(a[-1] + 1, b[-1])]
    if len(b) < 2 or a[:-2] != b[:-2] or b[-2] <= a[-2]:
        return []
    # A later group: 1.9 -> 2.1 is whole; 1.9 -> 2.3 lost 2.1 and 2.2; 1.9 -> 3.1 lost all of group 2.
    groups = [_ref_str(a[:-2] + (g,)) + ".*" for g in range(a[-2] + 1, b[-2])]
    return groups + [_ref_str(b[:-1] + (k,)) for k in range(1, b[-1])]


def _gap_text(missing: list[str]) -> str:
    if len(missing) <= GAP_LIST_MAX:
        return ", ".join(missing)
    return f"{missing[0]} to {missing[-1]} ({len(missing)} refs)"


def ref_gaps(records: Sequence[Mapping[str, Any]], words_on: dict[int, int] | None = None) -> list[Finding]:
    """Action refs that skip numbers. Refs are compared in reading order, each with the one before at
    the same depth; an unreadable ref (words, letters) stops the comparison until the next.
    `words_on` (page number -> words) places a gap between pages on the one with least text."""
    out = []
    prev: tuple[tuple[int, ...], Mapping[str, Any]] | None = None
    seen_any = False
    for rec in records:
        raw = rec.get("action_ref")
        if raw is None or not str(raw).strip():
            continue
        refs = _parse_refs(str(raw))
        if refs is None:
            prev, seen_any = None, True
            continue
        for ref in refs:
            missing = _missing(prev[0] if prev else None, ref) if prev or not seen_any else []
            if missing:
                before = (_ref_str(prev[0]), prev[1]) if prev else None
                out.append(_gap_finding(before, (_ref_str(ref), rec), missing, words_on or {}))
            prev, seen_any = (ref, rec), True
    return out


def _gap_finding(before: tuple[str, Mapping[str, Any]] | None, after: tuple[str, Mapping[str, Any]], missing: list[str],
                 words_on: dict[int, int]) -> Finding:
    """before, after: (ref, its record) on either side of the gap."""
    b = after[1]["page_start"]
    if before is None:
        page = max(1, b - 1)  # the rows above the first one read: most likely a page whose header was lost
        where = f"the first ref read is {after[0]} (page {b})"
    else:
        a = before[1]["page_start"]
        # The rows were lost somewhere from the row before the gap (which may run over several pages,
        # having taken in what was left of the lost rows) to the row after it: the page among those
        # with the least text is where text went missing.
        candidates = [n for n in range(a, b + 1) if n in words_on] or [b]
        page = min(candidates, key=lambda n: (words_on.get(n, 0), n))
        span = f"page {a}" if a == b else f"pages {a} to {b}"
        where = f"ref {before[0]} is followed by {after[0]} ({span})"
    return Finding("ref-gap", page, f"{where}: {_gap_text(missing)} not read; those rows may be missing "
                   "(damaged content), or the plan skips them")


# --- pages beside the section ----------------------------------------------------------------------


def _body_words(page: Page, upright_only: bool = True) -> list[Word]:
    top, bottom = NEIGHBOUR_MARGIN_SHARE * page.height, (1 - NEIGHBOUR_MARGIN_SHARE) * page.height
    return [w for w in page.words if top < w.ymid < bottom and (w.rotation == 0 or not upright_only)]


def _looks_like(page: Page, table: PageTable, settings: ExtractSettings) -> bool:
    """The page's body text sits in the table's columns, several of them, like a page of that table,
    and no header of another kind of table (indicators, budgets) opens it."""
    if any(not h.weak for h in find_all_headers(page, None, settings)[1]):
        return False
    words = [w for w in _body_words(page) if table.x0 - 2 <= w.xmid <= table.x1 + 2]
    columns = refit_columns(table.columns, words)  # as a continued table's are (pipeline.extract.geometry)
    if len(words) < NEIGHBOUR_WORDS_MIN or straddle_ratio(words, columns) > settings.continuation_max_straddle:
        return False
    used = {i for w in words for i, c in enumerate(columns) if c.holds(w)}
    action = next((i for i, c in enumerate(columns) if c.field == "action"), None)
    return len(used) >= NEIGHBOUR_COLUMNS_MIN and (action is None or action in used)


def unread_neighbours(doc: Document, tables: Sequence[PageTables], row_pages: set[int],
                      settings: ExtractSettings) -> list[Finding]:
    """The page just before the section and the one just after it, when their text sits in the columns
    of the section's first (last) table and they gave no rows: a table whose header or content was
    damaged, so that the section seemed to start later (end sooner) than it does."""
    if not row_pages:
        return []
    by_number = {pt.page: pt for pt in tables}
    pages = {p.number: p for p in doc.pages}
    out = []
    for number, table, ref_page, side in _neighbour_checks(by_number, row_pages):
        page = pages.get(number)
        pt = by_number.get(number)
        if page is None or table is None or (pt is not None and pt.stopped) or number in row_pages:
            continue
        if _looks_like(page, table, settings):
            out.append(Finding("page-no-table", number, f"the page {side} the action tables has text set in "
                               f"the columns of the table on page {ref_page} but gave no rows; its table "
                               "header or content may be damaged, and its actions are missing"))
    return out


def _neighbour_checks(by_number: dict[int, PageTables], row_pages: set[int]) -> list[tuple]:
    """(page to check, the table its text would sit in, that table's page, "before" / "after")."""
    first, last = min(row_pages), max(row_pages)
    first_tables = [t for t in by_number[first].tables if t.rows] if first in by_number else []
    last_pt = by_number.get(last)
    last_tables = [t for t in last_pt.tables if t.rows] if last_pt else []
    checks = [(first - 1, first_tables[0] if first_tables else None, first, "before")]
    if last_pt is not None and not last_pt.stopped:
        checks.append((last + 1, last_tables[-1] if last_tables else None, last, "after"))
    return checks


# --- ruled bands no row took -----------------------------------------------------------------------


def _action_rule_ys(page: Page, table: PageTable, settings: ExtractSettings) -> list[float]:
    """Heights of the horizontal rules that cross the table's action column, top to bottom, merged
    when closer than the rule cluster tolerance."""
    col = table.column("action")
    if col is None:
        return []
    width = col.x1 - col.x0
    ys = sorted(r.y for r in page.hrules if table.top - 2 <= r.y <= table.bottom + 2
                and min(r.x1, col.x1) - max(r.x0, col.x0) >= settings.rule_cover * width)
    merged: list[float] = []
    for y in ys:
        if not merged or y - merged[-1] > settings.rule_y_cluster:
            merged.append(y)
    return merged


def _unread_in(page: Page, pt: PageTables, t: PageTable, settings: ExtractSettings) -> int:
    """Bands of one ruled table below its header that hold words and that no row covers."""
    ys = _action_rule_ys(page, t, settings)
    top = t.header.bottom if t.header else t.top
    # Section rows spanning the table became banners (labels, not rows): their bands are read.
    labels = [y for y, _ in pt.banners]
    lost = 0
    for y0, y1 in zip(ys, ys[1:]):
        mid = (y0 + y1) / 2
        if y1 <= top + 1 or any(r.top - 1 <= mid <= r.bottom + 1 for r in t.rows) \
                or any(y0 - 1 <= y <= y1 + 1 for y in labels):
            continue
        inside = [w for w in page.words if y0 < w.ymid < y1 and t.x0 <= w.xmid <= t.x1]
        if len(inside) >= BAND_WORDS_MIN:
            lost += 1
    return lost


def unread_bands(doc: Document, tables: Sequence[PageTables], settings: ExtractSettings) -> list[Finding]:
    """Ruled tables: a band between two rules crossing the action column, below the header, that holds
    words no row of the table covers. The row builder keeps every band with text, so such a band is
    text the table lost (a row whose rules or cells were damaged)."""
    pages = {p.number: p for p in doc.pages}
    out = []
    for pt in tables:
        page = pages.get(pt.page)
        if page is None:
            continue
        lost = sum(_unread_in(page, pt, t, settings) for t in pt.tables if t.ruled_rows and t.rows)
        if lost:
            out.append(Finding("table-rows-unread", pt.page, f"{lost} ruled row(s) of the action table hold "
                               "text that no row took; those actions are missing or merged into others"))
    return out


# --- pages whose text lies outside every row ---------------------------------------------------------

# A page after the section's first that yields rows, with at least this many body words in no row,
# header or banner, and at least this share of its words: more than a note or an aim printed between
# tables (the bundled plans and the council corpus leave at most 71 words, 24 %, outside rows).
UNCOVERED_WORDS_MIN = 100
UNCOVERED_SHARE_MIN = 0.2


def _uncovered(page: Page, pt: PageTables) -> int:
    boxes = []
    for t in pt.tables:
        if t.header:
            boxes.append((t.x0 - 2, t.header.top - 2, t.x1 + 2, t.header.bottom + 2))
        boxes += [(t.x0 - 2, r.top - 2, t.x1 + 2, r.bottom + 2) for r in t.rows]
    labels = [y for y, _ in pt.banners]
    return sum(1 for w in _body_words(page, upright_only=False)
               if not any(x0 <= w.xmid <= x1 and y0 <= w.ymid <= y1 for x0, y0, x1, y1 in boxes)
               and not any(abs(w.top - y) <= 2 for y in labels))


def uncovered_pages(doc: Document, tables: Sequence[PageTables], row_pages: set[int]) -> list[Finding]:
    """Pages of the section (after its first) that yield rows while much of their text lies in none:
    a table that turned or whose rules and cells were damaged, read as fewer rows than it printed."""
    pages = {p.number: p for p in doc.pages}
    first = min(row_pages, default=0)
    out = []
    for pt in tables:
        page = pages.get(pt.page)
        if page is None or pt.page not in row_pages or pt.page == first:
            continue
        n = _uncovered(page, pt)
        if n >= UNCOVERED_WORDS_MIN and n >= UNCOVERED_SHARE_MIN * len(page.words):
            out.append(Finding("table-rows-unread", pt.page, f"{n} of the page's {len(page.words)} words lie in no "
                               "row of its action table; rows there may be missing or merged"))
    return out


def header_only_pages(tables: Sequence[PageTables], row_pages: set[int]) -> list[Finding]:
    """Pages outside the section with an action-table header but no row under it (the pages inside are
    pipeline.extraction.account_pages's): the section's last (or first) page whose rows were lost."""
    if not row_pages:
        return []
    first, last = min(row_pages), max(row_pages)
    return [Finding("page-no-table", pt.page, "the page has an action table header but no rows were read from "
                    "it; its content may be damaged or cut short, and its actions are missing")
            for pt in tables if not first <= pt.page <= last and any(t.header for t in pt.tables)
            and not any(t.rows for t in pt.tables)]


# --- two rows read as one ------------------------------------------------------------------------------

# Around a rule that parts the other columns, the action cell's text must leave a gap this much wider
# (in font sizes) than the cell's line spacing for the rule to part two actions: cell padding on both
# sides of a rule, not the spacing of one paragraph that runs past it.
SPLIT_GAP_EXTRA = 0.6


def _inner_rules(page: Page, t: PageTable, top: float, bottom: float, settings: ExtractSettings) -> list[float]:
    """Rules strictly inside (top, bottom) that cross at least half the table's other columns (two or
    more) but not the action one."""
    action = t.column("action")
    others = [c for c in t.columns if c is not action]
    if action is None or len(others) < 2:
        return []
    out = []
    for y in sorted({round(r.y, 1) for r in page.hrules if top + 2 < r.y < bottom - 2}):
        near = [r for r in page.hrules if abs(r.y - y) <= settings.rule_y_cluster]
        crossed = sum(1 for c in others
                      if any(min(r.x1, c.x1) - max(r.x0, c.x0) >= settings.rule_cover * (c.x1 - c.x0) for r in near))
        if crossed >= max(2, (len(others) + 1) // 2):  # damage may take other columns' parts too
            out.append(y)
    return out


def _split_at_rule(lines: Sequence, y: float) -> bool:
    above = [ln for ln in lines if ln.bottom <= y]
    below = [ln for ln in lines if ln.top >= y]
    if not above or not below or len(above) + len(below) != len(lines):
        return False
    # The closest lines are the paragraph's own spacing (lines lost to damage only widen the others).
    steps = [b.top - a.top for a, b in zip(lines, lines[1:]) if b.top - a.top > 0]
    usual = min(steps, default=0.0)
    gap = below[0].top - above[-1].top
    return gap >= usual + SPLIT_GAP_EXTRA * max(ln.size for ln in lines)


def merged_rows(doc: Document, tables: Sequence[PageTables], settings: ExtractSettings) -> list[Finding]:
    """Ruled tables: a row whose action cell is two blocks of text parted, with the cell padding of two
    rows, at a rule that crosses most other columns: the rule's action-column part is missing (damaged
    content), and two actions were read as one."""
    pages = {p.number: p for p in doc.pages}
    out = []
    for pt in tables:
        page = pages.get(pt.page)
        if page is None:
            continue
        n = 0
        for t in pt.tables:
            for row in t.rows if t.ruled_rows else []:
                lines = sorted(row.cells.get("action", []), key=lambda ln: ln.top)
                if len(lines) >= 2 and any(_split_at_rule(lines, y) for y in _inner_rules(page, t, row.top, row.bottom, settings)):
                    n += 1
        if n:
            out.append(Finding("table-rows-unread", pt.page, f"{n} row(s) of the action table hold two actions' text "
                               "parted at a rule that crosses the other columns; the rule is missing in the "
                               "action column (damaged content?) and two actions were read as one"))
    return out
