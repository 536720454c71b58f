"""Registry overrides for a publication that defeats detection; --jobs; the per-file time budget."""

from __future__ import annotations


import pytest

from pipeline.cli import main
from pipeline.errors import SourceError
from tools.samples import render as r
from pipeline.sources import load_source, sha256_file, validate_overrides

from .conftest import FIXTURES, PHASE1_PDF

ODD = r.TableLayout(
    columns=(
        r.Column("action", "Key task", 260),
        r.Column("lead", "Accountable", 160),
        r.Column("milestone", "Due", 100),
        r.Column("rag", "Position", 120),
    ),
    orientation="landscape",
    rag_field="rag",
)


@pytest.fixture(scope="module")
def odd_source(tmp_path_factory):
    """A plan whose headings no synonym knows, registered with and without a column map."""
    root = tmp_path_factory.mktemp("odd")
    rows = tuple(
        r.Row({"action": f"Deliver workstream {i}.", "lead": "Chief Executive", "milestone": "March 2023", "rag": "On track"})
        for i in range(1, 6)
    )
    pdf = root / "data" / "raw" / "odd.pdf"
    pdf.parent.mkdir(parents=True)
    r.write(r.Document(ODD, (r.Table(ODD, rows),)), pdf)
    (root / "sources").mkdir()
    base = (
        'id = "odd"\ncouncil = "C"\ntitle = "T"\nphase = 1\npublished = 2023-01-31\n'
        f'url = "https://example.org/odd"\nfile = "data/raw/odd.pdf"\nsha256 = "{sha256_file(pdf)}"\n'
    )
    (root / "sources" / "plain.toml").write_text(base)
    (root / "sources" / "mapped.toml").write_text(
        base + '\n[overrides]\npages = "1"\n[overrides.columns]\n"Key task" = "action"\n"Accountable" = "lead_officer"\n'
        '"Due" = "milestone"\n"Position" = "rag"\n'
    )
    return root


def test_headings_no_synonym_knows_are_read_by_their_cue_words_and_cells(odd_source):
    """"Key task", "Accountable", "Due" are in no synonym list: their cue words name action, lead and
    milestone. "Position" is too weak a cue for a status, but every cell under it reads as one ("On
    track"), so its cells make it the status column (issue 12: columns understood by what they hold)."""
    from pipeline.extraction import extract_pdf

    src = load_source(odd_source / "sources" / "plain.toml")
    ex = extract_pdf(src.file)
    assert [(x["action"], x["lead_officer_raw"], x["milestone_raw"], x["rag_raw"], x["rag"], x["extra"])
            for x in ex.records] == [
        (f"Deliver workstream {i}.", "Chief Executive", "March 2023", "On track", "on_track", {}) for i in range(1, 6)
    ]


def test_column_map_override_extracts_the_table(odd_source):
    from pipeline.extraction import extract_pdf

    src = load_source(odd_source / "sources" / "mapped.toml")
    ex = extract_pdf(src.file, overrides=src.overrides)
    assert [(x["action"], x["lead_officer_raw"], x["milestone_raw"], x["rag"]) for x in ex.records] == [
        (f"Deliver workstream {i}.", "Chief Executive", "March 2023", "on_track") for i in range(1, 6)
    ]


@pytest.mark.parametrize(
    "raw, message",
    [
        ({"colums": {}}, "unknown override(s) colums; allowed: pages, headers, columns"),
        ({"pages": "4-x"}, "overrides.pages: '4-x' is not a page or range like 4-33"),
        ({"pages": "0"}, "overrides.pages: '0' is not a page or range like 4-33"),
        ({"headers": {"leader": ["Boss"]}}, "overrides.headers: unknown field 'leader'"),
        ({"headers": {"action": "Task"}}, "overrides.headers.action must be a list of heading wordings"),
        ({"columns": {"Task": "actions"}}, "overrides.columns: 'Task' maps to unknown field 'actions'"),
    ],
)
def test_bad_overrides_are_refused_with_a_clear_message(raw, message):
    with pytest.raises(SourceError) as exc:
        validate_overrides(raw, "sources/x.toml")
    assert str(exc.value).startswith("sources/x.toml: " + message)


def test_pages_override_accepts_ranges_and_lists():
    assert validate_overrides({"pages": "2-4,7"}, "x")["pages"] == [2, 3, 4, 7]
    assert validate_overrides({"pages": [5, 3]}, "x")["pages"] == [3, 5]


def test_parallel_run_is_byte_identical_to_a_serial_run(tmp_path):
    pdfs = [str(FIXTURES / f"layout-{n}.pdf") for n in ("simple", "tracker", "colour-only")]
    assert main(["extract", *pdfs, "--out-dir", str(tmp_path / "serial"), "--quiet", "--jobs", "1"]) == 0
    assert main(["extract", *pdfs, "--out-dir", str(tmp_path / "parallel"), "--quiet", "--jobs", "2"]) == 0
    serial = sorted(p.name for p in (tmp_path / "serial").iterdir())
    assert serial == sorted(p.name for p in (tmp_path / "parallel").iterdir())
    for name in serial:
        assert (tmp_path / "serial" / name).read_bytes() == (tmp_path / "parallel" / name).read_bytes()


def test_a_file_over_its_time_budget_is_an_error_and_writes_nothing(tmp_path, capsys):
    assert main(["extract", str(PHASE1_PDF), "--out-dir", str(tmp_path), "--budget", "0.05"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"Error: {PHASE1_PDF}: gave up after 0.05 s (time budget)")
    assert not list(tmp_path.iterdir())


def test_one_failing_file_does_not_stop_the_others(tmp_path, capsys):
    bad = tmp_path / "bad.pdf"
    bad.write_text("not a pdf")
    good = str(FIXTURES / "layout-simple.pdf")
    assert main(["extract", str(bad), good, "--out-dir", str(tmp_path / "out"), "--quiet"]) == 1
    assert (tmp_path / "out" / "layout-simple.parquet").exists()
    err = capsys.readouterr().err
    assert "1 of 2 files failed:" in err and str(bad) in err
