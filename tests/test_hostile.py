"""Hostile and broken inputs (issue 14): no traceback, no silent loss, no mixed output set, no injection,
bounded resources. Every crafted input is generated here (pikepdf, reportlab, pyarrow), none committed.

Each test names the behaviour it pins; the CLI is driven in-process through `main` except where a real
signal or a killed process is the point (Ctrl-C, nested form XObjects), which run `python -m pipeline.cli`.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.cli import main

from .conftest import FIXTURES, PHASE1_PDF, ROOT

pikepdf = pytest.importorskip("pikepdf")

SIMPLE = FIXTURES / "layout-simple.pdf"
# Slack on top of a budget for the child to be killed and the parent to report (issue: budget + 2 s).
KILL_SLACK = 2.0


def one_error_line(err: str) -> str:
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert "Traceback" not in err, err
    assert lines and lines[-1].startswith("Error: "), err
    return lines[-1]


def emptied_page(src: Path, dest: Path, page_index: int) -> None:
    with pikepdf.open(src) as pdf:
        pdf.pages[page_index].Contents = pdf.make_stream(b"")
        pdf.save(dest)


def nested_xobjects(dest: Path, depth: int = 40) -> None:
    """A one-page PDF of a few KB whose form XObjects each draw the next twice: 2^depth draws."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    leaf = pdf.make_stream(b"BT /F1 12 Tf 72 720 Td (Action) Tj ET 0 0 m 500 500 l S")
    leaf["/Type"], leaf["/Subtype"], leaf["/BBox"] = pikepdf.Name.XObject, pikepdf.Name.Form, [0, 0, 595, 842]
    font = pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica)
    leaf["/Resources"] = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    current = leaf
    for _ in range(depth):
        outer = pdf.make_stream(b"q /X Do Q q /X Do Q")
        outer["/Type"], outer["/Subtype"], outer["/BBox"] = pikepdf.Name.XObject, pikepdf.Name.Form, [0, 0, 595, 842]
        outer["/Resources"] = pikepdf.Dictionary(XObject=pikepdf.Dictionary(X=current))
        current = outer
    page = pdf.pages[0]
    page.Contents = pdf.make_stream(b"/X Do")
    page.obj["/Resources"] = pikepdf.Dictionary(XObject=pikepdf.Dictionary(X=current))
    pdf.save(dest, object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=True)


def cli(*args: str, timeout: float = 120, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout, **kw)


@pytest.fixture(scope="module")
def phase1_out(tmp_path_factory):
    out = tmp_path_factory.mktemp("phase1")
    assert main(["extract", str(PHASE1_PDF), "--out-dir", str(out), "--quiet"]) == 0
    return out


@pytest.fixture(scope="module")
def simple_out(tmp_path_factory):
    out = tmp_path_factory.mktemp("simple")
    assert main(["extract", str(SIMPLE), "--out-dir", str(out), "--quiet"]) == 0
    return out


# --- 1. every page accounted for ------------------------------------------------------------------------


def test_an_emptied_page_inside_the_tables_is_a_warning_on_stderr_and_in_the_report(tmp_path, capsys):
    pdf = tmp_path / "emptied.pdf"
    emptied_page(PHASE1_PDF, pdf, 9)  # the issue's reproduction: pdf.pages[9] emptied
    assert main(["extract", str(pdf), "--out-dir", str(tmp_path / "out"), "--quiet"]) == 0
    err = capsys.readouterr().err
    assert "Warning: " in err and "page 10: page-no-table" in err
    report = json.loads((tmp_path / "out" / "emptied.report.json").read_text())
    assert any(i["code"] == "page-no-table" and i["page"] == 10 for i in report["issues"])


def test_a_page_whose_content_stops_short_is_a_table_ends_early_warning(tmp_path, capsys):
    pdf = tmp_path / "cut.pdf"
    with pikepdf.open(SIMPLE) as src:  # each page repeats the header; page 2's content is cut at 40 %
        data = src.pages[1].Contents.read_bytes()
        src.pages[1].Contents = src.make_stream(data[: int(len(data) * 0.4)])
        src.save(pdf)
    assert main(["extract", str(pdf), "--out-dir", str(tmp_path / "out"), "--quiet"]) == 0
    err = capsys.readouterr().err
    assert "page 2: table-ends-early" in err or "page 2: page-no-table" in err, err


def test_strict_turns_page_warnings_into_exit_1(tmp_path, capsys):
    pdf = tmp_path / "emptied.pdf"
    emptied_page(PHASE1_PDF, pdf, 9)
    assert main(["extract", str(pdf), "--out-dir", str(tmp_path / "out"), "--quiet", "--strict"]) == 1
    assert "--strict" in one_error_line(capsys.readouterr().err)


def test_an_intact_plan_has_no_page_warnings_even_with_strict(tmp_path, capsys):
    assert main(["extract", str(PHASE1_PDF), "--out-dir", str(tmp_path), "--quiet", "--strict"]) == 0
    assert "Warning" not in capsys.readouterr().err


def test_headings_that_match_no_field_are_reported_as_unmapped_columns():
    from pipeline.extract.geometry import PageTables
    from pipeline.extract.grid import PageTable
    from pipeline.extract.headers import Header, HeaderCell
    from pipeline.extraction import account_pages
    from pipeline.quality import IssueLog

    header = Header([HeaderCell("action", "Action", 0, 100, 0, 10), HeaderCell(None, "Wibble", 100, 200, 0, 10)], 0, 10)
    table = PageTable(3, [], 10, 500, 0, 200, header, True, [])
    log = IssueLog()
    account_pages(None, [PageTables(3, [table], [])], [], log)
    assert [(i.code, i.page, i.value) for i in log] == [("table-columns-unmapped", 3, "Wibble")]


# --- 2. one output set, committed at once ---------------------------------------------------------------


def test_report_records_the_source_sha256_of_its_parquet(phase1_out):
    report = json.loads((phase1_out / "sefton-phase1-2022.report.json").read_text())
    meta = json.loads(pq.read_schema(phase1_out / "sefton-phase1-2022.parquet").metadata[b"planpipe"])
    assert report["source_sha256"] == meta["source_sha256"]


def test_summary_refuses_a_report_from_another_extraction(tmp_path, phase1_out, simple_out, capsys):
    (tmp_path / "x.parquet").write_bytes((simple_out / "layout-simple.parquet").read_bytes())
    (tmp_path / "x.report.json").write_bytes((phase1_out / "sefton-phase1-2022.report.json").read_bytes())
    assert main(["summary", str(tmp_path / "x.parquet")]) == 1
    assert "mixed output set" in one_error_line(capsys.readouterr().err)


def test_summary_refuses_a_report_that_names_no_source(tmp_path, simple_out, capsys):
    (tmp_path / "x.parquet").write_bytes((simple_out / "layout-simple.parquet").read_bytes())
    report = json.loads((simple_out / "layout-simple.report.json").read_text())
    del report["source_sha256"]  # as written before reports carried it
    (tmp_path / "x.report.json").write_text(json.dumps(report))
    assert main(["summary", str(tmp_path / "x.parquet")]) == 1
    assert "names no source sha256" in one_error_line(capsys.readouterr().err)


def test_summary_and_diff_refuse_measures_from_another_extraction(tmp_path, phase1_out, simple_out, capsys):
    (tmp_path / "x.parquet").write_bytes((simple_out / "layout-simple.parquet").read_bytes())
    (tmp_path / "measures").mkdir()
    (tmp_path / "measures" / "x.parquet").write_bytes((phase1_out / "measures" / "sefton-phase1-2022.parquet").read_bytes())
    assert main(["summary", str(tmp_path / "x.parquet")]) == 1
    assert "mixed output set" in one_error_line(capsys.readouterr().err)
    new = str(simple_out / "layout-simple.parquet")
    assert main(["diff", str(tmp_path / "x.parquet"), new, "--out-dir", str(tmp_path / "d")]) == 1
    assert "mixed output set" in one_error_line(capsys.readouterr().err)
    assert not (tmp_path / "d").exists() or not list((tmp_path / "d").iterdir())


def test_two_inputs_whose_outputs_collide_are_refused_naming_both(tmp_path, capsys):
    a, b = tmp_path / "x.pdf", tmp_path / "x.measures.pdf"
    a.write_bytes(SIMPLE.read_bytes())
    b.write_bytes(SIMPLE.read_bytes())
    assert main(["extract", str(a), str(b), "--out-dir", str(tmp_path / "out"), "--quiet"]) == 1
    line = one_error_line(capsys.readouterr().err)
    assert str(a) in line and str(b) in line and "x.measures.parquet" in line
    assert not (tmp_path / "out").exists()


def test_an_output_name_too_long_for_the_file_system_fails_and_leaves_nothing(tmp_path, capsys):
    long_pdf = tmp_path / ("p" * 240 + ".pdf")
    long_pdf.write_bytes(SIMPLE.read_bytes())
    out = tmp_path / "out"
    assert main(["extract", str(long_pdf), "--out-dir", str(out), "--quiet"]) == 1
    assert "too long" in one_error_line(capsys.readouterr().err)
    assert not out.exists() or not list(out.iterdir())


def test_a_full_disk_fails_as_the_disks_fault_and_keeps_the_old_outputs(tmp_path, simple_out, capsys, monkeypatch):
    import pipeline.parquet as parquet

    out = tmp_path / "out"
    out.mkdir()
    for p in simple_out.iterdir():
        (out / p.name).write_bytes(p.read_bytes())
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    real_fdopen = os.fdopen
    calls = []

    class Full:
        def __init__(self, fh):
            self.fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *a):
            self.fh.close()

        def write(self, data):
            calls.append(1)
            if len(calls) >= 2:  # the second file of the set: the disk fills half-way through
                raise OSError(errno.ENOSPC, "No space left on device")
            return self.fh.write(data)

    monkeypatch.setattr(parquet.os, "fdopen", lambda fd, mode="r": Full(real_fdopen(fd, mode)))
    assert main(["extract", str(SIMPLE), "--out-dir", str(out), "--quiet"]) == 1
    line = one_error_line(capsys.readouterr().err)
    assert "disk is full" in line and "please report" not in line
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


# --- 3. every failure is an Error: line -----------------------------------------------------------------


def test_a_worker_that_dies_fails_its_own_file_and_the_batch_goes_on(tmp_path, capsys, monkeypatch):
    import pipeline.batch as batch

    victim = tmp_path / "victim.pdf"
    victim.write_bytes(SIMPLE.read_bytes())
    real = batch._extract

    def dying(job, out_dir, progress):
        if job.stem == "victim":
            os.kill(os.getpid(), signal.SIGKILL)  # the child is killed (OOM killer, a crash in C code)
        return real(job, out_dir, progress)

    monkeypatch.setattr(batch, "_extract", dying)
    others = [str(FIXTURES / "layout-tracker.pdf"), str(SIMPLE)]
    assert main(["extract", str(victim), *others, "--out-dir", str(tmp_path / "out"), "--quiet", "--jobs", "2"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "BrokenProcessPool" not in err
    assert f"Error: {victim}: the process reading this file was killed (SIGKILL)" in err
    assert sorted(p.name for p in (tmp_path / "out").glob("*.parquet")) == ["layout-simple.parquet", "layout-tracker.parquet"]


def test_ctrl_c_stops_within_a_second_and_leaves_only_complete_sets(tmp_path):
    pdfs = []
    for i in range(4):
        p = tmp_path / f"plan{i}.pdf"
        p.write_bytes(PHASE1_PDF.read_bytes())
        pdfs.append(str(p))
    out = tmp_path / "out"
    # A user's Ctrl-C at a terminal: SIGINT at its default, whatever the runner left it at (a shell
    # starts background jobs with SIGINT ignored, and Python then never raises KeyboardInterrupt).
    proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "extract", *pdfs, "--out-dir", str(out), "--quiet",
                             "--jobs", "2"], cwd=ROOT, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    time.sleep(4.0)  # mid-batch: children running, perhaps one set committed
    start = time.monotonic()
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=10)
    assert time.monotonic() - start < 1.0
    assert proc.returncode == 130 and "Traceback" not in err and "Error: interrupted" in err
    names = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()) if out.exists() else []
    assert not [n for n in names if Path(n).name.startswith(".") or n.endswith(".tmp")]
    stems = {n.split(".")[0] for n in names if "/" not in n}
    for s in stems:  # each set whole: actions, report, page and measures together
        assert {f"{s}.parquet", f"{s}.report.json", f"{s}.html", f"measures/{s}.parquet"} <= set(names)


def test_sigterm_stops_like_ctrl_c_and_kills_the_children(tmp_path):
    # Several files, so the run is still going when the signal comes however idle the machine is (one
    # file takes about as long as the wait below).
    pdfs = [tmp_path / f"plan-{k}.pdf" for k in range(6)]
    for pdf in pdfs:
        pdf.write_bytes(PHASE1_PDF.read_bytes())
    proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "extract", *map(str, pdfs), "--out-dir",
                             str(tmp_path / "o"), "--quiet"], cwd=ROOT, stderr=subprocess.PIPE, text=True)
    time.sleep(3.0)
    children = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True, text=True).stdout.split()
    proc.terminate()
    _, err = proc.communicate(timeout=10)
    assert proc.returncode == 130 and "Error: interrupted" in err and "Traceback" not in err
    time.sleep(0.5)
    assert not [c for c in children if Path(f"/proc/{c}").exists()]
    assert not (tmp_path / "o").exists() or not [p for p in (tmp_path / "o").iterdir() if p.suffix == ".tmp"]


REGISTRY = """id = {id}
council = "C"
title = "T"
phase = {phase}
published = 2022-09-30
url = "https://example.org"
file = "{file}"
sha256 = "{sha}"
{extra}
"""


def entry(tmp_path: Path, *, id='"ok-1"', phase="1", extra="") -> Path:
    from pipeline.sources import sha256_file

    (tmp_path / "sources").mkdir(exist_ok=True)
    toml = tmp_path / "sources" / "e.toml"
    toml.write_text(REGISTRY.format(id=id, phase=phase, file=SIMPLE, sha=sha256_file(SIMPLE), extra=extra))
    return toml


@pytest.mark.parametrize("kw, expect", [
    ({"phase": '"one"'}, "'phase' must be an integer"),
    ({"extra": 'overrides = "x"'}, "'overrides' must be a table"),
    ({"id": '"../../x"'}, "is not an id"),
    ({"id": '"/tmp/x"'}, "is not an id"),
    ({"id": "7"}, "'id' must be a string"),
    ({"extra": '[overrides]\npages = "1-999999999"'}, "goes past page"),
    ({"extra": '[overrides]\npages = 4.5'}, "overrides.pages must be"),
    ({"extra": '[overrides]\nheaders = "x"'}, "overrides.headers must be a table"),
    ({"extra": '[overrides]\npages = "1-500"'}, "names pages up to 500 but the PDF has"),
])
def test_registry_entries_are_validated_before_use(tmp_path, capsys, kw, expect):
    toml = entry(tmp_path, **kw)
    out = tmp_path / "out"
    assert main(["extract", "--source", str(toml), "--out-dir", str(out), "--quiet"]) == 1
    line = one_error_line(capsys.readouterr().err)
    assert expect in line and "please report" not in line
    assert not (tmp_path / "x.parquet").exists() and not Path("/tmp/x.parquet").exists()
    assert not out.exists() or not list(out.iterdir())


def test_diff_never_opens_a_registry_path_taken_from_a_files_metadata(tmp_path, simple_out, capsys, monkeypatch):
    from pipeline.parquet import to_table, write_table

    records = pq.read_table(simple_out / "layout-simple.parquet").to_pylist()
    meta = {"source_id": "../evil", "source_sha256": records[0]["source_sha256"]}
    write_table(to_table(records, "actions", meta), tmp_path / "work" / "a.parquet")
    (tmp_path / "evil.toml").write_text("this is not TOML [[[")  # would fail loudly if opened
    (tmp_path / "work" / "sources").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    assert main(["diff", "a.parquet", "a.parquet", "--out-dir", "d"]) == 0
    assert "Error" not in capsys.readouterr().err


def _bad_parquets(folder: Path, good: Path) -> dict[str, Path]:
    from pipeline.parquet import to_table, write_table

    folder.mkdir()
    data = good.read_bytes()
    table = pq.read_table(good)
    cases = {
        "text": (b"not Parquet at all\n", None),
        "empty": (b"", None),
        "truncated": (data[: len(data) // 2], None),
    }
    out = {}
    for name, (raw, _) in cases.items():
        (folder / f"{name}.parquet").write_bytes(raw)
        out[name] = folder / f"{name}.parquet"
    pq.write_table(pa.table({"a": [1, 2]}), folder / "foreign.parquet")
    out["foreign"] = folder / "foreign.parquet"
    meta = table.schema.metadata
    pq.write_table(table.drop(["action"]).replace_schema_metadata(meta), folder / "missing.parquet")
    out["missing"] = folder / "missing.parquet"
    wrong = table.set_column(table.schema.get_field_index("seq"), "seq", pa.array([str(x) for x in table["seq"].to_pylist()]))
    pq.write_table(wrong.replace_schema_metadata(meta), folder / "wrongtype.parquet")
    out["wrongtype"] = folder / "wrongtype.parquet"
    other = table.replace_schema_metadata({b"planpipe": json.dumps({"schema": "planpipe.diff"}).encode()})
    pq.write_table(other, folder / "otherschema.parquet")
    out["otherschema"] = folder / "otherschema.parquet"
    assert to_table and write_table
    return out


@pytest.mark.parametrize("case", ["text", "empty", "truncated", "foreign", "missing", "wrongtype", "otherschema"])
def test_summary_and_diff_check_parquet_inputs_against_their_schema(tmp_path, simple_out, capsys, case):
    bad = _bad_parquets(tmp_path / "bad", simple_out / "layout-simple.parquet")[case]
    assert main(["summary", str(bad)]) == 1
    line = one_error_line(capsys.readouterr().err)
    assert line.startswith(f"Error: {bad}: ") and "please report" not in line
    good = str(simple_out / "layout-simple.parquet")
    assert main(["diff", good, str(bad), "--out-dir", str(tmp_path / "d")]) == 1
    assert one_error_line(capsys.readouterr().err).startswith(f"Error: {bad}: ")
    assert not (tmp_path / "d").exists()


@pytest.mark.parametrize("args, expect", [
    (["--budget", "1e-9"], "--budget 1e-09"),
    (["--budget", "nan"], "--budget nan"),
    (["--max-memory", "1"], "--max-memory 1"),
    (["--jobs", "-3"], "--jobs -3"),
])
def test_extract_options_out_of_range_are_option_errors(tmp_path, capsys, args, expect):
    assert main(["extract", str(SIMPLE), "--out-dir", str(tmp_path / "o"), *args]) == 1
    assert expect in one_error_line(capsys.readouterr().err)


def test_published_that_is_not_a_date_is_an_option_error(tmp_path, simple_out, capsys):
    good = str(simple_out / "layout-simple.parquet")
    assert main(["diff", good, good, "--out-dir", str(tmp_path / "d"), "--published", "2024-13-45"]) == 1
    assert "--published 2024-13-45: not a date" in one_error_line(capsys.readouterr().err)


def test_debug_folder_that_is_a_file_is_an_option_error(tmp_path, capsys):
    f = tmp_path / "afile"
    f.write_text("x")
    assert main(["extract", str(SIMPLE), "--out-dir", str(tmp_path / "o"), "--debug", str(f), "--quiet"]) == 1
    assert "--debug" in one_error_line(capsys.readouterr().err)


@pytest.mark.parametrize("command", ["extract", "diff", "tables"])
def test_output_folder_that_is_a_file_is_the_folders_fault(tmp_path, simple_out, capsys, command):
    f = tmp_path / "afile"
    f.write_text("x")
    good = str(simple_out / "layout-simple.parquet")
    argv = {"extract": ["extract", str(SIMPLE), "--out-dir", str(f), "--quiet"],
            "diff": ["diff", good, good, "--out-dir", str(f)],
            "tables": ["tables", str(SIMPLE), "--out", str(f / "t.json")]}[command]
    assert main(argv) == 1
    line = one_error_line(capsys.readouterr().err)
    assert "is a file, not a folder" in line and "please report" not in line
    assert f.read_text() == "x"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
@pytest.mark.parametrize("command", ["extract", "diff", "tables"])
def test_read_only_output_folder_is_the_folders_fault(tmp_path, simple_out, capsys, command):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    good = str(simple_out / "layout-simple.parquet")
    argv = {"extract": ["extract", str(SIMPLE), "--out-dir", str(ro), "--quiet"],
            "diff": ["diff", good, good, "--out-dir", str(ro)],
            "tables": ["tables", str(SIMPLE), "--out", str(ro / "t.json")]}[command]
    try:
        assert main(argv) == 1
        assert "not writable" in one_error_line(capsys.readouterr().err)
    finally:
        ro.chmod(0o755)


def test_a_read_only_output_folder_is_refused_even_as_root(tmp_path, capsys, monkeypatch):
    import pipeline.parquet as parquet

    monkeypatch.setattr(parquet.os, "access", lambda path, mode: False)
    assert main(["extract", str(SIMPLE), "--out-dir", str(tmp_path / "o"), "--quiet"]) == 1
    assert "not writable" in one_error_line(capsys.readouterr().err)


@pytest.mark.parametrize("command", ["diff", "tables"])
def test_a_missing_output_folder_is_created(tmp_path, simple_out, command):
    good = str(simple_out / "layout-simple.parquet")
    target = tmp_path / "new" / "deeper"
    argv = {"diff": ["diff", good, good, "--out-dir", str(target)],
            "tables": ["tables", str(SIMPLE), "--out", str(target / "t.json")]}[command]
    assert main(argv) == 0
    assert list(target.iterdir())


def test_diff_on_a_full_disk_is_the_disks_fault_and_writes_nothing(tmp_path, simple_out, capsys, monkeypatch):
    import pipeline.parquet as parquet

    def full(fd, mode="r"):
        os.close(fd)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(parquet.os, "fdopen", full)
    good = str(simple_out / "layout-simple.parquet")
    assert main(["diff", good, good, "--out-dir", str(tmp_path / "d")]) == 1
    assert "disk is full" in one_error_line(capsys.readouterr().err)
    assert not list((tmp_path / "d").iterdir())


# --- 4. nothing executable leaves planpipe --------------------------------------------------------------

PAYLOADS = ["<script>alert(1)</script>", '<img src=x onerror="alert(1)">', "<iframe src=javascript:alert(1)>",
            "[click](javascript:alert(1))", "![x](data:text/html;base64,PHNjcmlwdD4=)"]


def test_diff_markdown_escapes_markup_and_link_schemes(phase1):
    from pipeline.diff import diff_plans
    from pipeline.diff.report import to_markdown

    new = [dict(r) for r in phase1.records]
    for r, payload in zip(new, PAYLOADS):  # new actions (nothing like the old ones) and dropped ones
        r["action"] = payload + " quarterly llama census of the municipal aquarium " + payload
        r["lead_officer_raw"] = payload
    md = to_markdown(diff_plans(phase1.records, new, {"source_id": "<b>old</b>"}, {"source_id": "new"}))
    for bad in ("<script", "<img", "<iframe", "](javascript:", "javascript:", "](data:", "<b>"):
        assert bad not in md
    assert "&lt;iframe src=javascript&#58;" in md  # the text itself is kept, shown as printed


def test_csv_neutralises_cells_a_spreadsheet_would_run_as_formulas():
    from pipeline.tables.export import to_csv
    from pipeline.tables.model import GenericCell, GenericTable

    texts = ["=HYPERLINK(\"http://x\")", "+1+cmd", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "-12", "+3.5", "-4%", "plain"]
    cells = [GenericCell(i, i, 0, 0, t, (0, 0, 1, 1)) for i, t in enumerate(texts)]
    text = to_csv([GenericTable(1, (0, 0, 1, 1), len(texts), 1, cells, "ruled")])
    import csv
    import io

    rows = [r[0] for r in csv.reader(io.StringIO(text)) if r and not r[0].startswith("# ")]
    assert rows[:5] == ["'" + t for t in texts[:5]] and rows[5] == "'\n=1"
    assert rows[6:] == ["-12", "+3.5", "-4%", "plain"]  # plain numbers stay numbers


def test_a_file_name_with_a_line_break_stays_inside_the_csv_comment(tmp_path):
    from pipeline.tables.cli import tables_command

    odd = tmp_path / "a\n=cmd|calc.pdf"
    odd.write_bytes((ROOT.parent / "shared" / "corpus" / "real" / "twotables_1.pdf").read_bytes()
                    if (ROOT.parent / "shared" / "corpus" / "real" / "twotables_1.pdf").exists() else SIMPLE.read_bytes())
    text = tables_command([str(odd), str(SIMPLE)], fmt="csv")
    assert not any(line.startswith("=cmd") for line in text.splitlines())
    assert "a?=cmd|calc.pdf" in text


def test_text_printed_to_the_terminal_has_no_control_characters(tmp_path, simple_out, capsys):
    from pipeline.parquet import to_table, write_table

    table = pq.read_table(simple_out / "layout-simple.parquet")
    records = table.to_pylist()
    for r in records:
        r["theme"] = "\x1b]0;owned\x07\x1b[31mRed\x1b[0m theme"
    meta = json.loads(table.schema.metadata[b"planpipe"])
    write_table(to_table(records, "actions", meta), tmp_path / "esc.parquet")
    assert main(["summary", str(tmp_path / "esc.parquet")]) == 0
    printed = capsys.readouterr().out
    assert "Red" in printed and "\x1b" not in printed and "\x07" not in printed
    bad = tmp_path / "\x1b[2Jx.pdf"
    bad.write_text("nope")
    assert main(["extract", str(bad), "--out-dir", str(tmp_path / "o")]) == 1
    assert "\x1b" not in capsys.readouterr().err


# --- 5. bounded ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["extract", "tables"])
def test_nested_form_xobjects_stop_within_the_budget_with_an_error(tmp_path, command):
    pdf = tmp_path / "nested.pdf"
    nested_xobjects(pdf)
    assert pdf.stat().st_size < 10_000  # a few KB that expand to 2^40 draws
    budget = 3.0
    args = ["extract", str(pdf), "--out-dir", str(tmp_path / "o"), "--quiet"] if command == "extract" else ["tables", str(pdf)]
    start = time.monotonic()
    res = cli(*args, "--budget", str(budget), "--max-memory", "1024", timeout=budget + 30)
    elapsed = time.monotonic() - start
    assert res.returncode == 1 and "Traceback" not in res.stderr
    line = one_error_line(res.stderr)
    assert ("--budget" in line or "--max-memory" in line), line
    # The interpreter's own start-up (~1 s on a loaded machine) comes on top of the budget's slack.
    assert elapsed < budget + KILL_SLACK + 1.5, elapsed


def test_a_file_over_the_memory_limit_is_an_error_naming_the_limit(tmp_path, capsys, monkeypatch):
    import pipeline.batch as batch

    def hog(job, out_dir, progress):
        return [bytearray(64 * 1024 * 1024) for _ in range(64)]  # 4 GiB: over any limit below it

    monkeypatch.setattr(batch, "_extract", hog)
    assert main(["extract", str(SIMPLE), "--out-dir", str(tmp_path / "o"), "--quiet", "--max-memory", "600"]) == 1
    line = one_error_line(capsys.readouterr().err)
    assert "memory limit of 600 MiB" in line and "--max-memory" in line


def test_registry_page_ranges_are_refused_before_they_are_expanded():
    from pipeline.errors import SourceError
    from pipeline.sources import parse_pages

    start = time.monotonic()
    with pytest.raises(SourceError):
        parse_pages("1-999999999", "x.toml")
    assert time.monotonic() - start < 0.5


# --- 6. umask ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("mask, mode", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_outputs_respect_the_umask(tmp_path, mask, mode):
    out = tmp_path / "out"
    out.mkdir()
    (out / "layout-simple.parquet").write_bytes(b"old")
    (out / "layout-simple.parquet").chmod(0o644)
    old = os.umask(mask)
    try:
        assert main(["extract", str(SIMPLE), "--out-dir", str(out), "--quiet"]) == 0
    finally:
        os.umask(old)
    for p in out.iterdir():
        assert stat.S_IMODE(p.stat().st_mode) == mode, p.name


# --- 7. structure-aware fuzzing ------------------------------------------------------------------------


def test_structure_aware_mutants_are_deterministic_and_valid_pdfs():
    from tools.fuzz import STRUCTURE_MUTATORS, mutate_structure

    data = SIMPLE.read_bytes()
    seen = set()
    for i in range(40):
        op, a = mutate_structure(data, 3, i)
        assert mutate_structure(data, 3, i) == (op, a)
        assert a.startswith(b"%PDF-")
        seen.add(op)
    assert len(seen) >= len(STRUCTURE_MUTATORS) - 2


def test_the_fuzz_report_counts_silent_losses():
    from tools.fuzz import Outcome, mark_silent_losses

    outs = [Outcome(0, "s-empty-page", "ok", 1.0, actions=3, stderr=""),
            Outcome(1, "s-empty-page", "ok", 1.0, actions=3, stderr="Warning: x.pdf: page 2: page-no-table: ...\n"),
            Outcome(2, "bitflip", "ok", 1.0, actions=5, stderr="")]
    mark_silent_losses(outs, baseline_actions=5)
    assert [o.kind for o in outs] == ["loss", "ok", "ok"]
