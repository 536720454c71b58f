"""The peers' glue (tools/peers.py) that `make bench` puts behind camelot and pdfplumber: a smoke test."""

from __future__ import annotations

import pytest

pytest.importorskip("pdfplumber")

from tools.peers import peer_records, records_from_table  # noqa: E402
from tools.scoring import TEXT_FIELDS  # noqa: E402

from .conftest import FIXTURES  # noqa: E402


def test_pdfplumber_find_tables_with_the_glue_gives_canonical_records():
    records = peer_records("pdfplumber find_tables", FIXTURES / "layout-tracker.pdf")
    assert len(records) >= 30
    for r in records:
        assert set(TEXT_FIELDS) <= set(r)
        assert r["action"]
        assert isinstance(r["measures"], list) and isinstance(r["inherited"], list)
    assert any(r["lead_officer_raw"] for r in records)
    assert any(r["milestone_raw"] for r in records)


def test_glue_header_refs_and_fill_down():
    grid = [
        ["Plan title", None, None, None],
        ["Outcome", "Actions", "Lead Officer", "Timescale"],
        ["1.1 Safer\nchildren", "Recruit\nstaff", "Director", "March 2023"],
        [None, "Train staff", "", "June 2023"],
        ["Outcome", "Actions", "Lead Officer", "Timescale"],
        ["", "", "", ""],
    ]
    first, second = records_from_table(grid)
    assert (first["outcome_ref"], first["outcome"], first["action"]) == ("1.1", "Safer children", "Recruit staff")
    assert (first["lead_officer_raw"], first["milestone_raw"], first["inherited"]) == ("Director", "March 2023", [])
    assert (second["outcome_ref"], second["outcome"], second["lead_officer_raw"]) == ("1.1", "Safer children", "Director")
    assert second["inherited"] == ["outcome", "lead_officer"]
