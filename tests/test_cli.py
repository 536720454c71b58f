"""The command line: outputs, determinism, and errors as `Error: <file>: ...` with exit code 1."""

from __future__ import annotations

import json
import shutil

import pyarrow.parquet as pq
import pytest

from pipeline import __version__
from pipeline.cli import main
from pipeline.schema import arrow_schema, schema_version

from .conftest import PHASE1_PDF, ROOT


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    assert main(["extract", str(PHASE1_PDF), "--out-dir", str(out), "--quiet"]) == 0
    return out


def test_extract_writes_parquet_with_the_documented_schema_and_metadata(extracted):
    path = extracted / "sefton-phase1-2022.parquet"
    table = pq.read_table(path)
    assert table.schema.remove_metadata() == arrow_schema()
    meta = json.loads(table.schema.metadata[b"planpipe"])
    assert meta["schema_version"] == schema_version()
    assert meta["planpipe_version"] == __version__
    assert meta["source_id"] == "sefton-phase1-2022"
    assert len(meta["source_sha256"]) == 64
    assert table.num_rows == 124


def test_extract_writes_a_quality_report_beside_the_parquet(extracted):
    report = json.loads((extracted / "sefton-phase1-2022.report.json").read_text())
    assert report["actions"] == 124
    assert sum(report["by_status"].values()) == 124
    assert report["issue_counts"]["inherited-cell"] > 0


def test_two_runs_give_byte_identical_parquet(extracted, tmp_path):
    assert main(["extract", str(PHASE1_PDF), "--out-dir", str(tmp_path), "--quiet"]) == 0
    a = (extracted / "sefton-phase1-2022.parquet").read_bytes()
    b = (tmp_path / "sefton-phase1-2022.parquet").read_bytes()
    assert a == b


def test_version_flag(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.strip() == f"planpipe {__version__}"


def test_help_shows_examples(capsys):
    with pytest.raises(SystemExit):
        main(["extract", "--help"])
    out = capsys.readouterr().out
    assert "examples:" in out and "--engine" in out


def test_not_a_pdf_is_an_error_naming_the_file(tmp_path, capsys):
    bad = tmp_path / "notes.pdf"
    bad.write_text("<html>Not found</html>")
    assert main(["extract", str(bad), "--out-dir", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"Error: {bad}: not a PDF")
    assert "Traceback" not in err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_empty_file_is_an_error(tmp_path, capsys):
    bad = tmp_path / "empty.pdf"
    bad.write_bytes(b"")
    assert main(["extract", str(bad), "--out-dir", str(tmp_path)]) == 1
    assert "the file is empty (0 bytes)" in capsys.readouterr().err


def test_failed_file_leaves_an_existing_output_untouched(extracted, tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    good = out / "sefton-phase1-2022.parquet"
    shutil.copy(extracted / "sefton-phase1-2022.parquet", good)
    before = good.read_bytes()
    broken = tmp_path / "sefton-phase1-2022.pdf"
    broken.write_bytes(PHASE1_PDF.read_bytes()[:2000])
    assert main(["extract", str(broken), "--out-dir", str(out)]) == 1
    assert good.read_bytes() == before
    assert [p.name for p in out.iterdir()] == ["sefton-phase1-2022.parquet"]


def test_pdf_without_action_table_says_so(tmp_path, capsys):
    from reportlab.pdfgen import canvas

    pdf = tmp_path / "letter.pdf"
    c = canvas.Canvas(str(pdf), invariant=1)
    c.drawString(72, 720, "Dear Councillor, please find the minutes attached.")
    c.save()
    assert main(["extract", str(pdf), "--out-dir", str(tmp_path)]) == 1
    assert f"Error: {pdf}: no action table found" in capsys.readouterr().err


def test_registry_checksum_mismatch_names_both_hashes(tmp_path, capsys):
    raw = tmp_path / "data" / "raw"
    raw.mkdir(parents=True)
    shutil.copy(PHASE1_PDF, raw / "x.pdf")
    src = tmp_path / "sources"
    src.mkdir()
    (src / "x.toml").write_text(
        'id = "x"\ncouncil = "C"\ntitle = "T"\nphase = 1\npublished = 2022-09-30\n'
        'url = "https://example.org"\nfile = "data/raw/x.pdf"\nsha256 = "' + "0" * 64 + '"\n'
    )
    assert main(["extract", "--source", str(src / "x.toml"), "--out-dir", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "sha256 mismatch: registry says " + "0" * 64 in err
    assert "file has " in err


def test_every_registered_source_verifies():
    from pipeline.sources import load_all, verify

    sources = load_all(ROOT / "sources")
    assert sources, "sources/ registers at least one publication"
    for s in sources:
        verify(s)
        assert s.url.startswith("https://")


def test_tables_command_prints_generic_tables_as_json(capsys):
    from .conftest import FIXTURES

    assert main(["tables", str(FIXTURES / "layout-simple.pdf"), "--format", "json"]) == 0
    tables = json.loads(capsys.readouterr().out)
    assert tables and all({"page", "cells"} <= set(t) for t in tables)
    texts = {c["text"] for t in tables for c in t["cells"]}
    assert "Actions Required" in texts


def test_tables_command_on_a_missing_file_is_an_error(tmp_path, capsys):
    assert main(["tables", str(tmp_path / "nope.pdf")]) == 1
    assert capsys.readouterr().err.startswith(f"Error: {tmp_path / 'nope.pdf'}: file not found")


def test_debug_draws_the_detected_grid_as_png(tmp_path, capsys):
    from .conftest import FIXTURES

    assert main(["extract", str(FIXTURES / "layout-simple.pdf"), "--out-dir", str(tmp_path / "o"), "--quiet", "--debug", str(tmp_path / "d")]) == 0
    pngs = sorted((tmp_path / "d").glob("layout-simple-p*.png"))
    assert pngs and all(p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for p in pngs)


def test_debug_draws_a_page_the_reader_turned_as_it_was_read(tmp_path, capsys):
    """A page shown on its side (/Rotate 270) is read turned a quarter (pipeline/readers/upright.py), so its
    boxes are the turned page's: --debug draws it turned too, portrait as printed, not over the sideways
    image where the boxes would not line up."""
    pikepdf = pytest.importorskip("pikepdf")
    from PIL import Image

    from .conftest import FIXTURES

    turned = tmp_path / "turned.pdf"
    with pikepdf.open(FIXTURES / "layout-simple.pdf") as pdf:
        pdf.pages[1].obj["/Rotate"] = 270
        pdf.save(turned)
    assert main(["extract", str(turned), "--out-dir", str(tmp_path / "o"), "--quiet", "--debug", str(tmp_path / "d")]) == 0
    with Image.open(tmp_path / "d" / "turned-p002.png") as im:
        width, height = im.size
    assert width < height


def test_diff_reads_the_publication_date_from_the_parquet_so_any_folder_works(tmp_path, monkeypatch):
    out = tmp_path / "out"
    for source in ("sefton-phase1-2022", "sefton-phase2-2023"):
        assert main(["extract", "--quiet", "--source", str(ROOT / "sources" / f"{source}.toml"), "--out-dir", str(out)]) == 0
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # no sources/ here
    old, new = out / "sefton-phase1-2022.parquet", out / "sefton-phase2-2023.parquet"
    assert main(["diff", str(old), str(new), "--out-dir", "d"]) == 0
    flags = [f for row in pq.read_table(elsewhere / "d" / "diff.parquet").to_pylist() for f in row["flags"]]
    assert "overdue" in flags


def test_debug_also_draws_the_pages_where_detection_failed(tmp_path, capsys):
    """The Ofsted report is narrative, with no action table (corpus/council/README.md): extract fails,
    and --debug still shows every page, marked as having no table."""
    from .conftest import CORPUS

    pdf = CORPUS / "council" / "sefton-2022-ofsted-ilacs-inspection.pdf"
    if not pdf.exists():
        pytest.skip("shared corpus not present")
    assert main(["extract", str(pdf), "--out-dir", str(tmp_path / "o"), "--quiet", "--debug", str(tmp_path / "d")]) == 1
    failed = sorted((tmp_path / "d").glob("*-no-table.png"))
    assert len(failed) == 11
