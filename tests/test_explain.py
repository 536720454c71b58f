"""`planpipe extract --explain` and the report's `tables`: each table's kind and column mapping, with the
evidence (issue 12, item 5), also for a file where no action table is found."""

from __future__ import annotations

import json

import pytest

from pipeline.cli import main
from pipeline.explain import explain_text, heading_evidence
from tools import kent

from .conftest import FIXTURES, extraction
from .test_bad_input import unknown_headings


def test_a_listed_heading_and_a_cue_worded_heading_say_how_they_were_read():
    assert heading_evidence("Lead Officer") == ("lead_officer", "a listed synonym (schemas/headers.json)")
    fld, how = heading_evidence("What we have committed to")
    assert fld == "action" and how.startswith("cue words (action")


def test_the_report_lists_every_action_table_with_its_column_mapping(tmp_path):
    pdf = FIXTURES / "layout-simple.pdf"
    assert main(["extract", "--quiet", "--jobs", "1", str(pdf), "--out-dir", str(tmp_path)]) == 0
    report = json.loads((tmp_path / "layout-simple.report.json").read_text(encoding="utf-8"))
    tables = [t for t in report["tables"] if t["kind"] == "action"]
    assert tables and sum(t["rows"] for t in tables) >= report["actions"]
    fields = {c["field"] for t in tables for c in t["columns"]}
    assert "action" in fields
    for t in tables:
        assert all(c["heading_says"] and c["cells"] for c in t["columns"])


def test_explain_prints_the_mapping_of_a_file_that_extracts(tmp_path, capsys):
    pdf = FIXTURES / "layout-simple.pdf"
    assert main(["extract", "--quiet", "--explain", "--jobs", "1", str(pdf), "--out-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("layout-simple: ") and "action table" in out and "-> action" in out


def test_explain_shows_what_tables_a_file_with_no_action_table_has(tmp_path, capsys):
    pdf = tmp_path / "unknown.pdf"
    unknown_headings(pdf)
    assert main(["extract", "--quiet", "--explain", "--jobs", "1", str(pdf), "--out-dir", str(tmp_path / "o")]) == 1
    captured = capsys.readouterr()
    assert "no action table found" in captured.err and "Traceback" not in captured.err
    # The ruled table is listed, with its printed headings and that none names a field.
    assert "other table" in captured.out
    for heading in ("Banana", "Weather", "Colour", "Mood"):
        assert heading in captured.out


@pytest.mark.skipif(not kent.PDF.exists(), reason="shared corpus not present")
def test_kent_mapping_keeps_shared_outcome_as_extra_and_names_the_indicator_tables():
    """../shared/corpus/council/README.md: Kent's action plan, whose indicator tables hold no actions."""
    tables = extraction(str(kent.PDF)).tables_seen
    action = [t for t in tables if t["kind"] == "action"]
    shared = [c for t in action for c in t["columns"] if c["heading"] == "Shared Outcome"]
    # A shared outcome tags actions with outcomes shared across plans: no level of this plan (listed so in
    # schemas/headers.json; its cells, codes like "SO1", would contradict an outcome besides).
    assert shared and all(c["field"] == "extra" and "listed" in c["heading_says"] for c in shared)
    assert all(any(c["field"] == "action" for c in t["columns"]) for t in action)
    key = json.loads(kent.KEY.read_text(encoding="utf-8"))
    indicator_pages = {n["page"] for n in key["not_actions"] if n.get("what") == "indicator table"}
    other_pages = {p for t in tables if t["kind"] == "other" for p in t["pages"]}
    assert indicator_pages <= other_pages
    assert not indicator_pages & {p for t in action for p in t["pages"]}
    assert "Shared Outcome" in explain_text("kent", tables)


def test_the_mapping_meets_the_text_contract():
    """A theme or heading holding a control character (an undecodable glyph) is written without it."""
    from pipeline.assemble.rows import TableMapping
    from pipeline.explain import mapping_dicts
    from pipeline.extract.columns import profile

    m = TableMapping((3,), 2, ("Lead\x02 officer",), ("lead_officer",), ("lead_officer",), (profile([]),), "Theme\x07 one")
    (table,) = mapping_dicts([m], [])
    assert table["theme"] == "Theme one" and table["columns"][0]["heading"] == "Lead officer"
