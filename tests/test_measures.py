"""Appendix tables mapping Ofsted improvement measures to plan refs."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest

from pipeline.cli import main
from pipeline.extract.measures import parse_refs
from pipeline.report import actions_for_refs

from .conftest import PHASE1_PDF, REFERENCE


def test_reconstruction_measures_extracted_exactly(phase1):
    truth = json.loads(REFERENCE.read_text(encoding="utf-8"))["ofsted_measures"]
    got = [(m["appendix"], m["source"], m["measure"], m["refs"]) for m in phase1.measures]
    want = [(t["appendix"], t["source"], t["measure"], t["refs"]) for t in truth]
    assert got == want


def test_appendix_b_subheading_is_not_a_measure(phase1):
    texts = [m["measure"] for m in phase1.measures]
    assert "What needs to improve in this area of social work practice" not in texts
    after = [m for m in phase1.measures if m["subheading"]]
    assert [m["appendix"] for m in after] == ["B", "B", "B"]


@pytest.mark.parametrize(
    "raw, refs",
    [
        ("1.1.1, 3.2.1", ["1.1.1", "3.2.1"]),
        ("1.1.1, 1.1.2, 1.2.1. 3.2.2", ["1.1.1", "1.1.2", "1.2.1", "3.2.2"]),
        ("1.2.1 \u00b81.2.2", ["1.2.1", "1.2.2"]),
        ("1.2.1 ,1.3.2. ,1.3.3, 1.3.4", ["1.2.1", "1.3.2", "1.3.3", "1.3.4"]),
        ("2.1, 2.2, 3.2. 4.1,", ["2.1", "2.2", "3.2", "4.1"]),
        ("1.2.1,1.2.1, 3.2.1", ["1.2.1", "1.2.1", "3.2.1"]),
        ("4.4", ["4.4"]),
    ],
)
def test_refs_cell_split_on_any_separator(raw, refs):
    assert parse_refs(raw) == refs


def test_outcome_level_ref_covers_its_objectives():
    records = [
        {"seq": 1, "objective_ref": "4.4.1", "outcome_ref": "4.4", "action_ref": None, "rag": "complete"},
        {"seq": 2, "objective_ref": "4.1.1", "outcome_ref": "4.1", "action_ref": None, "rag": "on_track"},
        {"seq": 3, "objective_ref": "4.4.10", "outcome_ref": "4.4", "action_ref": None, "rag": "off_track"},
    ]
    assert [r["seq"] for r in actions_for_refs(["4.4"], records)] == [1, 3]
    assert [r["seq"] for r in actions_for_refs(["4.4.1"], records)] == [1]


def test_measures_parquet_written_beside_the_actions(tmp_path):
    assert main(["extract", str(PHASE1_PDF), "--out-dir", str(tmp_path), "--quiet"]) == 0
    table = pq.read_table(tmp_path / "measures" / "sefton-phase1-2022.parquet")
    assert table.num_rows == 22
    assert table.column_names[:4] == ["publication_id", "seq", "appendix", "source"]
