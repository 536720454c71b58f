"""Records assembly fills the schema 1.1.0 columns: lead_kinds parallel to lead_officers, every deadline in
milestones, and variants of one holder unified across the document."""

from __future__ import annotations

from datetime import date

from pipeline.assemble.records import build_records
from pipeline.assemble.rows import RawRow
from pipeline.quality import IssueLog


def _row(lead: str | None, milestone: str | None, page: int = 1) -> RawRow:
    cells = {"action": ["Do the thing"]}
    if lead:
        cells["lead_officer"] = [lead]
    if milestone:
        cells["milestone"] = [milestone]
    return RawRow(cells=cells, page_start=page, page_end=page, bbox=(0.0, 0.0, 10.0, 10.0))


def _build(rows, **kw):
    log = IssueLog()
    return build_records(rows, "pub", "0" * 64, published=date(2025, 1, 30), log=log, **kw), log


def test_lead_kinds_are_parallel_to_lead_officers():
    records, _ = _build([_row("DPH / People Strategy Team", "March 2026"), _row("Peter Catchpole", "Ongoing")])
    assert [(r["lead_officers"], r["lead_kinds"]) for r in records] == [
        (["Director of Public Health", "People Strategy Team"], ["role", "team"]),
        (["Peter Catchpole"], ["person"]),
    ]


def test_milestones_keep_every_deadline_and_end_is_the_earliest():
    records, _ = _build([_row("DPH", "Dec 2025 March 2025"), _row("DPH", "Ongoing"), _row("DPH", "commenced 2024")])
    assert [(r["milestone_end"], r["milestones"], r["milestone_kind"]) for r in records] == [
        (date(2025, 3, 31), [date(2025, 12, 31), date(2025, 3, 31)], "month"),
        (None, [], "ongoing"),
        (None, [], "started"),
    ]


def test_variants_are_unified_across_rows_and_reported_where_they_are():
    records, log = _build([_row("CPH lead", "2025"), _row("CPH lead", "2025"), _row("CPH leads", "2025", page=3)])
    assert {tuple(r["lead_officers"]) for r in records} == {("Consultant in Public Health lead",)}
    assert [(i.code, i.page, i.seq) for i in log.issues if i.field == "lead_officer"] == [("officer-fuzzy", 3, 3)]


def test_document_text_lets_cells_use_the_documents_own_abbreviations():
    rows = [_row("FH lead", "2025")]
    assert _build(rows)[0][0]["lead_officers"] == ["FH lead"]
    text = "Our Family Hubs (FH) open in 2025."
    assert _build(rows, document_text=text)[0][0]["lead_officers"] == ["Family Hubs lead"]
