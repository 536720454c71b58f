"""Data problems as data: structured, non-fatal issues with stable kebab-case codes.

A DataIssue never stops a run; it is collected, written to `<id>.report.json` and summarised by the CLI.
Codes are a contract (tests and users filter on them): add new ones, never rename.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Iterable

# Every code in use, with what it means. Documented in the README from this table.
CODES: dict[str, str] = {
    "inherited-cell": "A cell was empty because it is merged with the cell above; its value was filled down.",
    "rag-colour-mismatch": "The RAG cell's fill colour means a different status from its wording; the wording wins.",
    "rag-from-colour": "The RAG cell has no usable wording; the status was read from its fill colour.",
    "rag-unknown": "Neither the wording nor the colour of the RAG cell maps to a status.",
    "rag-fuzzy": "The RAG wording matched a vocabulary phrase only approximately.",
    "milestone-unparsed": "The milestone text could not be read as a date or period.",
    "milestone-implausible": "The milestone date is implausible (e.g. long before the plan's publication); kept as printed.",
    "milestone-relative": "The milestone is a duration ('1-2 years'); its dates were computed from the publication date.",
    "milestone-year-inferred": "A month or season was printed without a year; the year was taken from another date in the cell or the publication date.",
    "officer-unknown": "A lead officer names no role, team, organisation or person that could be recognised; kept as printed (tidied).",
    "officer-fuzzy": "A lead officer matched a catalogue role, or another holder of the same document, only approximately (typo or variant).",
    "officer-missing": "No lead officer is printed or inherited for the action.",
    "row-empty-action": "A table row has no action text; it was dropped.",
    "table-not-actions": "A table read under an action header maps no owner, date, status or measures column beside its actions (an indicator or narrative table); its rows were not taken as actions.",
    "table-columns-unmapped": "A header cell of an action table matched no known field; its cells went to `extra`, or were ignored.",
    "page-no-table": "A page inside the plan's table section (or just before or after it, with its text in the action table's columns) gave no rows.",
    "table-ends-early": "An action table runs on to the next page but its rows stop high on this page; content is missing.",
    "page-damaged": "The PDF reader could not decode part of a page's content (damaged stream, missing font map, skipped objects); what was lost is named.",
    "ref-gap": "The action refs skip numbers (1.1, 1.2, 1.4); the rows between may be missing (damaged content) or the plan skips them.",
    "table-rows-unread": "Ruled rows of an action table hold text that no row took; those actions are missing or merged into others.",
    "pages-missing": "The PDF's page tree lists more pages than the reader could open (a damaged file it rebuilt); the pages after the last one read are missing.",
    "text-undecodable": "Characters that are not printable text (unmapped glyphs, control codes) were removed from a field.",
}


@dataclass(frozen=True)
class DataIssue:
    code: str
    message: str
    page: int | None = None
    seq: int | None = None
    field: str | None = None
    value: str | None = None

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"unknown data-issue code {self.code!r}; add it to pipeline.quality.CODES")

    def to_dict(self) -> dict:
        return {k: v for k, v in asdict(self).items()}


@dataclass
class IssueLog:
    """Collects DataIssues in the order they were found."""

    issues: list[DataIssue] = field(default_factory=list)

    def add(self, code: str, message: str, **where) -> None:
        self.issues.append(DataIssue(code, message, **where))

    def extend(self, issues: Iterable[DataIssue]) -> None:
        self.issues.extend(issues)

    def flatten(self, keys: tuple[str, ...] = ("page", "seq", "code")) -> list[tuple]:
        return [tuple(getattr(i, k) for k in keys) for i in self.issues]

    def codes(self) -> list[str]:
        return [i.code for i in self.issues]

    def __len__(self) -> int:
        return len(self.issues)

    def __iter__(self):
        return iter(self.issues)
