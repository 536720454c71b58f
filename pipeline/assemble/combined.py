"""Cells that print two fields together, parted by what they hold.

A column headed "Lead and date" holds "Head of Workforce Development, Q4 2021/22"; one headed "Date and
RAG" holds "Q2 2023/24 - Amber". The header step names such a column with a combined field
(pipeline.extract.headers.COMBINED_FIELDS); here each cell is parted where one side reads as a date or
period and the other does not. A reference number opening the action cell of a table with no ref column
("3.1 Refresh the strategy") is parted the same way. Pure: works on raw rows in place.
"""

from __future__ import annotations

import re
from typing import Callable, Sequence

from ..extract.columns import CONTENT_FIELDS, profile
from ..normalise.milestones import parse_milestone, split_date_and_rating

LEAD_AND_DATE = "lead_officer_and_milestone"
# A cell this short that reads as a date is a date alone, with no lead printed.
DATE_ONLY_WORDS = 5
# Where a lead and a date are parted, strongest first: a line break, then punctuation.
_PARTINGS = (re.compile(r"\n"), re.compile(r"[;,]\s*"), re.compile(r"\s+[-\u2013\u2014]\s+"),
             re.compile(r"\s+(?:by|due|from)\s+", re.I))
# A list item's number: "1.", "2)", "(3)", "a)", "(b)", "iv.".
_LIST_NUMBER = re.compile(r"^\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s+")
_FIRST_LIST_NUMBER = re.compile(r"^\(?(?:1|a|i)[.)]\s+")
# An action reference printed at the start of the action cell: "1.1", "2.3.1", "A2.", "R3".
_ACTION_REF = re.compile(r"^(?P<ref>(?:\d+(?:\.\d+)+|[A-Z]{1,3}\d+(?:\.\d+)*))\.?\s+(?P<rest>\S.*)$", re.S)


def is_date(text: str) -> bool:
    return parse_milestone(text).kind != "unknown"


def split_lead_and_date(text: str) -> tuple[str | None, str | None]:
    """(lead, date) of a cell holding both: parted at the shortest end that reads as a date while the
    rest does not (the date printed after the lead), else at the shortest such start."""
    text = text.strip()
    if not text:
        return None, None
    cuts = sorted({(m.start(), m.end()) for parting in _PARTINGS for m in parting.finditer(text)})
    for start, end in sorted(cuts, key=lambda c: -c[0]):  # shortest tail first
        head, tail = text[:start].strip(), text[end:].strip()
        if head and tail and is_date(tail) and not is_date(head):
            return head, tail
    for start, end in cuts:  # shortest head first
        head, tail = text[:start].strip(), text[end:].strip()
        if head and tail and is_date(head) and not is_date(tail):
            return tail, head
    if is_date(text) and len(text.split()) <= DATE_ONLY_WORDS:
        return None, text
    return text, None


def split_leading_ref(paras: list[str], pattern: re.Pattern[str] = _ACTION_REF) -> tuple[str | None, list[str]]:
    """(ref, paragraphs) of a cell that opens with its reference number (`pattern` has groups ref and rest)."""
    if not paras:
        return None, paras
    m = pattern.match(paras[0])
    if not m:
        return None, paras
    rest = m.group("rest").strip()
    return m.group("ref"), ([rest] if rest else []) + paras[1:]


def without_list_numbers(items: list[str]) -> list[str]:
    """A numbered list's items without their numbers ("1. There will be ...", "(b) Staff ..."): the number
    is the list's, not the measure's. Only a list that starts at 1, a or i counts as one."""
    if not items or not _FIRST_LIST_NUMBER.match(items[0]):
        return items
    return [_LIST_NUMBER.sub("", item, count=1) for item in items]


def split_combined(rows: Sequence, columns: Sequence[str | None]) -> None:
    """Part every combined cell of the rows of one table into its fields."""
    for row in rows:
        if row.cells.get("measures"):
            row.cells["measures"] = without_list_numbers(row.cells["measures"])
        both = row.cells.pop(LEAD_AND_DATE, None)
        if both:
            lead, when = split_lead_and_date("\n".join(both))
            if lead and not row.cells.get("lead_officer"):
                row.cells["lead_officer"] = [ln for ln in lead.split("\n") if ln.strip()]
            if when and not row.cells.get("milestone"):
                row.cells["milestone"] = [when.replace("\n", " ")]
        if "ref" not in columns and row.cells.get("action"):
            ref, paras = split_leading_ref(row.cells["action"])
            if ref:
                row.cells["action"] = paras
                row.cells["ref"] = [ref]


# A column holds two fields when at least this share of its filled cells (and MIN_COMBINED_CELLS of them)
# part into both: a heading that names one field ("Named lead") may still print two.
COMBINED_SHARE = 0.6
MIN_COMBINED_CELLS = 3


def combined_by_content(rows: Sequence, columns: Sequence[str | None]) -> list[str | None]:
    """The table's fields with a column renamed to the combined field its cells show they hold: a lead (or
    date) column of a table with no date (or lead) column whose cells mostly part into a lead and a date;
    a date column of a table with no rating column whose cells mostly part into a date and a rating.
    Renames the rows' cells in place; the columns' fields are returned."""
    def rated(text: str) -> bool:
        return split_date_and_rating(text.replace("\n", " "))[1] is not None

    cols = list(columns)
    # A date and a rating first: the rating would otherwise pass for a lead ("March 2023 - Green").
    if "milestone" in cols and "rag" not in cols and "milestone_and_rag" not in cols:
        if _mostly(rows, "milestone", rated):
            rename_field(rows, cols, "milestone", "milestone_and_rag")
    for have, missing in (("lead_officer", "milestone"), ("milestone", "lead_officer")):
        if have in cols and missing not in cols and LEAD_AND_DATE not in cols:
            if _mostly(rows, have, lambda t: all(split_lead_and_date(t)) and not rated(t)):
                rename_field(rows, cols, have, LEAD_AND_DATE)
    return cols


def _mostly(rows: Sequence, fld: str, holds_both) -> bool:
    cells = ["\n".join(r.cells[fld]) for r in rows if r.cells.get(fld)]
    both = sum(1 for c in cells if holds_both(c))
    return len(cells) >= MIN_COMBINED_CELLS and both >= COMBINED_SHARE * len(cells)


def rename_field(rows: Sequence, cols: list[str | None], old: str, new: str) -> None:
    """Give the column keyed `old` the field `new`, in the table's fields and in every row's cells."""
    cols[cols.index(old)] = new
    for r in rows:
        if old in r.cells:
            r.cells[new] = r.cells.pop(old)
        # A cell merged down from the row above is merged whatever its column is called.
        merged = getattr(r, "merged", None)
        if merged and old in merged:
            r.merged = (merged - {old}) | {new}



def refs_by_content(rows: Sequence, columns: Sequence[str | None], extra_prefix: str,
                    unclaimed: Callable[[str], bool] = lambda heading: True) -> list[str | None]:
    """The table's fields with an unnamed column (one whose heading maps to no field, `extra_prefix`) taken
    as the action reference when the table has none and its cells are references: nearly all a code of
    their own ("2.3", "A2") and no two alike. A heading nobody listed ("Line", "Item") then loses nothing.
    So for the other fields a column's cells show (a status, a date, a plan's name: CONTENT_FIELDS) that
    the table has no column of, when one unnamed column alone shows it over the whole table: one page may
    hold too few of its cells to show it ("Target time scale", hyphenated as printed, over dates), and its
    heading is `unclaimed` (not one listed as holding no field: "Comments" over statuses stays a comment)."""
    cols = list(columns)
    for fld, shows, excluded in CONTENT_FIELDS:
        if fld in cols or any(x in cols for x in excluded):
            continue
        hits = [c for c in cols if c and c.startswith(extra_prefix)
                and (fld == "ref" or unclaimed(c[len(extra_prefix):]))
                and shows(profile([" ".join(r.cells.get(c, [])) for r in rows]))]
        # The references were always taken from the first such column; the others need one column alone.
        if hits and (fld == "ref" or len(hits) == 1):
            rename_field(rows, cols, hits[0], fld)
    return cols
