"""planpipe diff: pairing and change classes against the answer keys of the constructed Phase 2 pairs,
the symmetry rules, the Parquet contract and the command line."""

from __future__ import annotations

import json
from datetime import date

import pyarrow.parquet as pq
import pytest

from pipeline.cli import main
from pipeline.diff import CHANGE_CLASSES, FLAGS, diff_plans
from pipeline.diff.match import hungarian
from tools.diff_score import score_diff
from pipeline.parquet import read_metadata, to_table, write_table
from pipeline.schema import arrow_schema
from tools.scoring import sefton_answer_key
from pipeline.sources import load_source, verify

from .conftest import FIXTURES, PHASE1_ALT_PDF, PHASE1_PDF, RAW, REFERENCE, ROOT, extraction

PHASE2_PDF = RAW / "sefton-phase2-2023.pdf"
PHASE2_KEY = FIXTURES / "sefton-phase2-2023.answer.json"
PHASE2_ALT_PDF = FIXTURES / "sefton-phase2-alt.pdf"
PHASE2_ALT_KEY = FIXTURES / "sefton-phase2-alt.answer.json"
OLD_META = {"source_id": "sefton-phase1-2022", "published": "2022-09-30"}
NEW_META = {"source_id": "sefton-phase2-2023", "published": "2023-01-31"}


def load_key(path):
    return json.loads(path.read_text(encoding="utf-8"))


def run_pair(old_pdf, new_pdf, key_path):
    old, new = extraction(str(old_pdf)).records, extraction(str(new_pdf)).records
    key = load_key(key_path)
    result = diff_plans(old, new, OLD_META, NEW_META)
    score = score_diff(result.changes, key["links"], sefton_answer_key(REFERENCE), old, key["actions"], new)
    return result, score


@pytest.fixture(scope="module")
def sample_pair():
    return run_pair(PHASE1_PDF, PHASE2_PDF, PHASE2_KEY)


# --- accuracy against the answer keys -------------------------------------------------------------------
def test_sample_pair_class_and_pairing_at_least_98_percent(sample_pair):
    _, score = sample_pair
    print(score.report())
    assert score.pairing_rate >= 0.98, score.report()
    assert score.class_rate >= 0.98, score.report()


def test_second_pair_other_seed_and_paraphrases_at_least_95_percent():
    _, score = run_pair(PHASE1_ALT_PDF, PHASE2_ALT_PDF, PHASE2_ALT_KEY)
    print(score.report())
    assert score.pairing_rate >= 0.95, score.report()
    assert score.class_rate >= 0.95, score.report()


def test_answer_keys_cover_every_class_and_flag():
    for path in (PHASE2_KEY, PHASE2_ALT_KEY):
        key = load_key(path)
        assert key["constructed"] is True
        assert {link["change"] for link in key["links"]} == set(CHANGE_CLASSES)
        assert {f for link in key["links"] for f in link["flags"]} == set(FLAGS)


# --- symmetry -----------------------------------------------------------------------------------------------
def test_a_plan_against_itself_is_all_carried():
    records = extraction(str(PHASE2_PDF)).records
    result = diff_plans(records, records, NEW_META, NEW_META)
    assert {c["change"] for c in result.changes} == {"carried"}
    assert all(c["old_seq"] == c["new_seq"] and c["similarity"] == 1.0 for c in result.changes)
    assert not any({"reworded", "split", "merged", "lead_changed"} & set(c["flags"]) for c in result.changes)


def test_swapping_old_and_new_keeps_pairs_and_mirrors_classes(sample_pair):
    forward, _ = sample_pair
    old, new = forward.old, forward.new
    backward = diff_plans(new, old, NEW_META, OLD_META)
    pairs = lambda res, swap: {  # noqa: E731
        ((c["new_seq"], c["old_seq"]) if swap else (c["old_seq"], c["new_seq"])): c["change"]
        for c in res.changes if c["old_seq"] is not None and c["new_seq"] is not None
    }
    fwd, bwd = pairs(forward, False), pairs(backward, True)
    assert set(fwd) == set(bwd)
    for key, change in fwd.items():
        if change == "slipped":
            assert bwd[key] == "brought_forward", key
        if change == "brought_forward":
            assert bwd[key] == "slipped", key
    unmatched_old = {c["old_seq"] for c in forward.changes if c["new_seq"] is None}
    new_backward = {c["new_seq"] for c in backward.changes if c["change"] == "new"}
    assert unmatched_old == new_backward


# --- units ----------------------------------------------------------------------------------------------------
def record(seq, action, rag="on_track", end=None, lead=("Principal Social Worker",), measures=()):
    return {"seq": seq, "action": action, "rag": rag, "milestone_end": end, "lead_officers": list(lead),
            "lead_officer_raw": "; ".join(lead), "measures": list(measures), "page_start": 1, "theme": "Quality",
            "theme_ref": "1", "rag_raw": rag, "milestone_raw": str(end)}


def test_classes_and_flags_on_small_plans():
    old = [
        record(1, "Recruit Practice Improvement Managers for the service.", end=date(2022, 11, 30)),
        record(2, "Review the complaint procedure and processes.", rag="complete", end=date(2022, 9, 30)),
        record(3, "Launch e-learning for Technology Enabled Care.", rag="off_track", end=date(2022, 10, 31)),
    ]
    new = [
        record(1, "Recruit Practice Improvement Managers for the service.", rag="some_issues", end=date(2023, 9, 30),
               lead=("Assistant Director Help and Protection",)),
        record(2, "Set up a Corporate Parenting Board chaired by the Leader of the Council.", end=None),
    ]
    result = diff_plans(old, new, {}, {"published": date(2023, 1, 31)})
    by_old = {c["old_seq"]: c for c in result.changes}
    assert by_old[1]["change"] == "slipped" and by_old[1]["slip_days"] == 304
    assert by_old[1]["flags"] == ["lead_changed", "rag_worsened"]
    assert by_old[2]["change"] == "completed" and by_old[2]["new_seq"] is None
    assert by_old[3]["change"] == "dropped" and by_old[3]["flags"] == ["overdue"]
    assert by_old[None]["change"] == "new"


def test_hungarian_finds_the_cheapest_assignment():
    assert hungarian([[4, 1, 3], [2, 0, 5], [3, 2, 2]]) == [(0, 1), (1, 0), (2, 2)]
    wide = [[1, 2], [2, 1], [0, 0]]  # three rows, two columns: the cheapest two pairs cost 1
    pairs = hungarian(wide)
    assert len(pairs) == 2 and sum(wide[i][j] for i, j in pairs) == 1


# --- the Parquet contract and the CLI -------------------------------------------------------------------------
def test_diff_parquet_has_the_contract_schema_and_names_both_sources(sample_pair, tmp_path):
    result, _ = sample_pair
    path = tmp_path / "diff.parquet"
    write_table(result.to_table(), path)
    assert pq.read_schema(path).remove_metadata() == arrow_schema("diff")
    meta = read_metadata(path)
    assert meta["schema"] == "planpipe.diff"
    assert (meta["old_source_id"], meta["new_source_id"]) == ("sefton-phase1-2022", "sefton-phase2-2023")


def test_cli_diff_writes_parquet_markdown_and_html(tmp_path, capsys):
    for name, pdf in (("old", PHASE1_PDF), ("new", PHASE2_PDF)):
        ex = extraction(str(pdf))
        write_table(to_table(ex.records, "actions", {"source_id": pdf.stem, "source_sha256": ex.sha256}),
                    tmp_path / f"{name}.parquet")
    out = tmp_path / "out"
    assert main(["diff", str(tmp_path / "old.parquet"), str(tmp_path / "new.parquet"), "--out-dir", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "sefton-phase1-2022 → sefton-phase2-2023" in printed and "slipped" in printed
    assert {p.name for p in out.iterdir()} == {"diff.parquet", "diff.md", "diff.html"}
    md = (out / "diff.md").read_text(encoding="utf-8")
    assert "## Slipped" in md and "## Dropped while open" in md and "p. " in md


def test_cli_diff_missing_file_is_a_plain_error(tmp_path, capsys):
    assert main(["diff", str(tmp_path / "nope.parquet"), str(tmp_path / "nope.parquet"), "--out-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: ") and "planpipe extract" in err and "Traceback" not in err


# --- the constructed sample ---------------------------------------------------------------------------------
def test_phase2_registry_entry_is_labelled_constructed_and_verified():
    src = load_source(ROOT / "sources" / "sefton-phase2-2023.toml")
    verify(src)
    assert src.pairs_with == "sefton-phase1-2022" and src.reconstruction and src.published == date(2023, 1, 31)
    text = (ROOT / "sources" / "sefton-phase2-2023.toml").read_text(encoding="utf-8")
    assert "constructed = true" in text and "CONSTRUCTED" in text


def test_committed_phase2_files_are_fresh_renders():
    pytest.importorskip("reportlab")
    from tools.samples import phase2, render

    for spec in (phase2.SAMPLE, phase2.FIXTURE):
        plan = phase2.build(spec)
        pdf = render.render(phase2.document(plan)).pdf
        assert spec.pdf.read_bytes() == pdf, f"{spec.pdf} is stale: regenerate with python -m tools.samples"
        assert load_key(spec.answer_key) == phase2.answer_key(plan), f"{spec.answer_key} is stale"


def test_phase2_pdf_says_it_is_constructed():
    pdfplumber = pytest.importorskip("pdfplumber")
    from tools.samples import phase2

    with pdfplumber.open(PHASE2_PDF) as pdf:
        assert phase2.NOTICE == pdf.metadata["Subject"]
        assert "constructed" in pdf.metadata["Title"].lower()
        assert "CONSTRUCTED SAMPLE" in pdf.pages[0].extract_text()


def test_diff_report_answers_per_ofsted_measure(sample_pair, phase1):
    from pipeline.diff.report import MEASURE_HEAD, measure_rows, to_markdown

    result = sample_pair[0] if isinstance(sample_pair, tuple) else sample_pair
    rows = measure_rows(result, phase1.measures)
    assert len(rows) == 22
    for row in rows:
        counts = [int(x) for x in row[4:]]
        assert sum(counts) == int(row[3]), row  # every action of a measure lands in exactly one bucket
    assert "## Ofsted measures: what became of their actions (22)" in to_markdown(result, phase1.measures)
    assert MEASURE_HEAD[-2] == "Dropped"
