"""`planpipe export`: actions and diffs as CSV and xlsx; nothing a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from pipeline.cli import main
from pipeline.diff import diff_plans
from pipeline.export import neutralise
from pipeline.htmlkit import STATUS_COLOURS
from pipeline.parquet import to_table, write_table

INJECTIONS = ["=HYPERLINK(\"http://example.invalid\",\"x\")", "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1", "=cmd|' /C calc'!A0"]


def _record(seq: int, action: str, rag: str = "on_track", end: date | None = date(2023, 3, 31)) -> dict:
    return {
        "publication_id": "t", "seq": seq, "page_start": 1, "page_end": 1, "bbox": [1.0, 2.0, 3.0, 4.0],
        "theme_ref": "1", "theme": "Quality", "outcome_ref": None, "outcome": None, "objective_ref": None,
        "objective": None, "action_ref": f"{seq}", "action": action, "measures": ["m1", "=m2"],
        "lead_officer_raw": "-Director", "lead_officers": ["Director"], "rag_raw": "x", "rag": rag, "rag_colour": None,
        "milestone_raw": "March 2023", "milestone_start": date(2023, 3, 1), "milestone_end": end,
        "milestone_kind": "month", "detailed_action_plan": None, "key_area": None, "inherited": [],
        "source_sha256": "0" * 64,
    }


@pytest.fixture
def actions(tmp_path):
    records = [_record(i, text) for i, text in enumerate(INJECTIONS, start=1)]
    records.append(_record(len(records) + 1, "Plain action, “quoted”", rag="off_track", end=None))
    path = tmp_path / "plan.parquet"
    write_table(to_table(records, "actions", {"source_id": "t"}), path)
    return path, records


def test_csv_neutralises_every_cell_that_could_start_a_formula(actions, tmp_path):
    path, records = actions
    assert main(["export", str(path), "--to", "csv"]) == 0
    raw = (tmp_path / "plan.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [r["action"] for r in rows] == ["'" + t for t in INJECTIONS] + ["Plain action, “quoted”"]
    assert all(r["lead_officer_raw"] == "'-Director" for r in rows)
    assert rows[0]["measures"] == "m1; =m2"  # a joined list is text that starts with m: untouched
    assert rows[0]["milestone_end"] == "2023-03-31" and rows[-1]["milestone_end"] == ""
    for cell in (c for r in rows for c in r.values()):
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_neutralise_leaves_ordinary_text_alone():
    assert neutralise("Recruit 5 workers") == "Recruit 5 workers"
    assert neutralise("-5") == "'-5"


def test_xlsx_has_frozen_header_filters_coloured_statuses_real_dates_and_no_formulas(actions, tmp_path):
    path, records = actions
    out = tmp_path / "sheet.xlsx"
    assert main(["export", str(path), "--to", "xlsx", "--out", str(out)]) == 0
    wb = load_workbook(out)
    ws = wb["actions"]
    head = [c.value for c in ws[1]]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:{ws.cell(1, len(head)).column_letter}{len(records) + 1}"
    col = {h: i + 1 for i, h in enumerate(head)}
    for i, text in enumerate(INJECTIONS, start=2):
        cell = ws.cell(i, col["action"])
        assert cell.value == text and cell.data_type == "s" and cell.quotePrefix
    assert not [c.coordinate for row in ws.iter_rows() for c in row if c.data_type == "f"]
    end = ws.cell(2, col["milestone_end"])
    assert isinstance(end.value, datetime) and end.value.date() == date(2023, 3, 31) and end.number_format == "yyyy-mm-dd"
    rag = ws.cell(len(records) + 1, col["rag"])
    assert rag.value == "off_track" and rag.fill.fgColor.rgb.endswith(STATUS_COLOURS["off_track"][0][1:].upper())
    assert "Legend" in wb.sheetnames


def test_a_diff_exports_the_same_way(tmp_path):
    old = [_record(1, "=1+1", end=date(2023, 1, 31)), _record(2, "Dropped one")]
    new = [_record(1, "=1+1", end=date(2023, 6, 30))]
    result = diff_plans(old, new, {"source_id": "a"}, {"source_id": "b"})
    path = tmp_path / "diff.parquet"
    write_table(result.to_table(), path)
    assert main(["export", str(path), "--to", "xlsx"]) == 0
    assert main(["export", str(path), "--to", "csv"]) == 0
    ws = load_workbook(tmp_path / "diff.xlsx")["diff"]
    head = [c.value for c in ws[1]]
    changes = [ws.cell(r, head.index("change") + 1) for r in range(2, ws.max_row + 1)]
    assert sorted(c.value for c in changes) == ["dropped", "slipped"]
    assert all(c.fill.fill_type == "solid" for c in changes)
    slip = ws.cell(2, head.index("slip_days") + 1).value
    assert isinstance(slip, int)
    rows = list(csv.DictReader(io.StringIO((tmp_path / "diff.csv").read_text(encoding="utf-8-sig"))))
    assert {r["old_action"] for r in rows} == {"'=1+1", "Dropped one"}


def test_export_errors_name_the_file_and_the_fix(tmp_path, capsys):
    bad = tmp_path / "x.parquet"
    bad.write_text("not parquet")
    assert main(["export", str(bad), "--to", "csv"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"Error: {bad}: cannot read as Parquet") and "Traceback" not in err
    assert not (tmp_path / "x.csv").exists()
