"""Cells that print two fields together, parted by what they hold.

A column headed "Lead and date" holds "Head of Workforce Development, Q4 2021/22"; one headed "Date and
RAG" holds "Q2 2023/24 - Amber". The header step names such a column with a combined field
(pipeline.extract.headers.COMBINED_FIELDS); here each cell is parted where one side reads as a date or
period and the other does not. A reference number opening the action cell of a table with no ref column
("3.1 Refresh the strategy") is parted the same way. Pure: works on raw rows in place.
"""

from __future__ import annotations

import re
from typing import Sequence

from ..normalise.milestones import parse_milestone

LEAD_AND_DATE = "lead_officer_and_milestone"
# A cell this short that reads as a date is a date alone, with no lead printed.
DATE_ONLY_WORDS = 5
# Where a lead and a date are parted, strongest first: a line break, then punctuation.
_PARTINGS = (re.compile(r"\n"), re.compile(r"[;,]\s*"), re.compile(r"\s+[-\u2013\u2014]\s+"),
             re.compile(r"\s+(?:by|due|from)\s+", re.I))
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


def split_combined(rows: Sequence, columns: Sequence[str | None]) -> None:
    """Part every combined cell of the rows of one table into its fields."""
    for row in rows:
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
