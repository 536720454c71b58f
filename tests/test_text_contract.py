"""The output-text contract (pipeline/text_contract.py): no string planpipe writes holds a control,
private-use or replacement character; undecodable text is removed and reported with its page and seq.

The sweep runs every output of every bundled, fixture and reader-set PDF and of the shared corpus
(../shared/corpus/README.md: council, real, icdar2013; skipped when absent) through the checks.
"""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest

from pipeline.cli import main
from pipeline.quality import DataIssue
from pipeline.text_contract import bad_chars, clean_records, clean_text

from .conftest import CORPUS, FIXTURES, RAW

pytestmark = pytest.mark.heavy  # tests/conftest.py runs it first


def test_clean_text_removes_controls_private_use_and_replacement_characters():
    assert clean_text("co\x02ordinating\ufffd \uf0b7 plan\x00") == "coordinating plan"
    assert clean_text("tab\tseparated") == "tab separated"
    assert clean_text("Paragraph one\nParagraph two") == "Paragraph one\nParagraph two"  # LF separates paragraphs
    assert clean_text("Officer – “quoted” café") == "Officer – “quoted” café"


def test_undecodable_text_is_reported_with_page_and_seq_not_written():
    records = [
        {"seq": 1, "page_start": 3, "action": "Recruit an officer", "measures": ["ok"]},
        {"seq": 2, "page_start": 4, "action": "Review \ufffd\ufffd pathways", "measures": ["a\x07b"]},
    ]
    cleaned, issues = clean_records(records)
    assert cleaned[0] is records[0]
    assert cleaned[1]["action"] == "Review pathways" and cleaned[1]["measures"] == ["ab"]
    assert [(i.code, i.page, i.seq, i.field) for i in issues] == [
        ("text-undecodable", 4, 2, "action"), ("text-undecodable", 4, 2, "measures")]
    assert "U+FFFD" in issues[0].message and "U+0007" in issues[1].message
    assert isinstance(issues[0], DataIssue)


def _pdfs() -> list:
    pdfs = sorted(RAW.glob("*.pdf")) + sorted(FIXTURES.glob("*.pdf")) + sorted((FIXTURES / "readers").glob("*.pdf"))
    for sub in ("council", "real", "icdar2013"):
        if (CORPUS / sub).exists():
            pdfs += sorted((CORPUS / sub).rglob("*.pdf"))
    return pdfs


def _strings(value, where: str):
    """(where, string) for every string inside a JSON-like value."""
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(k, f"{where}.key")
            yield from _strings(v, f"{where}.{k}")
    elif isinstance(value, (list, tuple)):
        for i, v in enumerate(value):
            yield from _strings(v, f"{where}[{i}]")


def test_no_output_of_any_pdf_holds_a_forbidden_character(tmp_path, capsys):
    pdfs = _pdfs()
    out = tmp_path / "out"
    # Several files at once; those without an action table fail, as they should, and write nothing.
    main(["extract", *map(str, pdfs), "--out-dir", str(out), "--quiet", "--jobs", "2"])
    for n, pdf in enumerate(pdfs):  # one by one: a PDF with nothing to read stops a `tables` run
        main(["tables", str(pdf), "--format", "json", "--out", str(tmp_path / f"tables-{n}.json")])
    err = capsys.readouterr().err
    bad = [(f"stderr line {i}", ln) for i, ln in enumerate(err.splitlines()) if bad_chars(ln)]
    parquets = sorted(out.glob("*.parquet"))
    assert len(parquets) >= len(list(RAW.glob("*.pdf"))), "the sweep wrote too little to prove anything"
    for path in parquets:
        for column in (t := pq.read_table(path)).column_names:
            for i, v in enumerate(t.column(column).to_pylist()):
                bad += [(w, s) for w, s in _strings(v, f"{path.name}:{column}[{i}]") if bad_chars(s.replace("\n", " "))]
    for path in sorted(out.glob("*.json")) + sorted(tmp_path.glob("tables-*.json")):
        if path.exists():
            bad += [(w, s) for w, s in _strings(json.loads(path.read_text(encoding="utf-8")), path.name)
                    if bad_chars(s.replace("\n", " "))]
    assert not bad, f"{len(bad)} strings break the contract, e.g. {bad[:5]}"


@pytest.mark.parametrize("name", ["diff.md", "diff.html"])
def test_the_diff_reports_meet_the_contract(tmp_path, name):
    out = tmp_path / "out"
    pdfs = [RAW / "sefton-phase1-2022.pdf", FIXTURES / "sefton-phase2-alt.pdf"]
    assert main(["extract", *map(str, pdfs), "--out-dir", str(out), "--quiet", "--jobs", "1"]) == 0
    old, new = (out / f"{p.stem}.parquet" for p in pdfs)
    assert main(["diff", str(old), str(new), "--out-dir", str(tmp_path / "diff")]) == 0
    text = (tmp_path / "diff" / name).read_text(encoding="utf-8")
    assert not bad_chars(text.replace("\n", " "))
    assert not bad_chars(" ".join(str(v) for r in pq.read_table(tmp_path / "diff" / "diff.parquet").to_pylist() for v in r.values()).replace("\n", " "))


def test_a_soft_hyphen_that_reaches_the_output_is_the_hyphen_printed_and_no_issue():
    from pipeline.text_contract import clean_records, clean_text

    assert clean_text("ages 13\xad24") == "ages 13-24"
    records, issues = clean_records([{"seq": 1, "page_start": 2, "action": "a year\xadlong plan", "extra": {"Note": "x\xad"}}])
    assert records[0]["action"] == "a year-long plan" and records[0]["extra"] == {"Note": "x-"}
    assert issues == []
