"""A small deterministic fuzz run (issue #5): 30 seeded mutants of a one-page action plan through the
command line, in-process. Every one must end as a clean success or one clean `Error: <path>: ...` line:
no exception escaping `main`, no catch-all "could not process this file", no hang, no file left behind.

The full run is `python -m tools.fuzz --mutants 1000` (docs/fuzz.md); reproduce a failure here with
`python -m tools.fuzz --pdf <the seed> --seed 5 --only INDEX --write DIR`.
"""

from __future__ import annotations

import _thread
import sys
import threading
import time
import traceback

import pytest

from pipeline.cli import main
from tools.fuzz import classify, mutate

SEED = 5
MUTANTS = 30
# Seconds one mutant may take before the watchdog calls it a hang. A one-page file takes well under
# 1 s on a quiet machine; the limit catches hangs, not slowness, so it leaves room for a loaded CI box.
HANG_SECONDS = 60.0
# Mutants that fail for a known reason, with the fix (docs/fuzz.md). Any other failure fails the test;
# while a known one still fails, the test is reported as xfail. Empty these as the fixes land.
KNOWN_CLI: dict[int, str] = {}  # mutant 24 (a page drawn 200 times over) was one until 55e8ba5
KNOWN_READER: dict[tuple[str, int], str] = {}  # (pdfplumber, 29) was one until pdf.py closed the stream itself


def one_page_plan(path) -> None:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(842, 595), invariant=1)
    xs = [40, 90, 420, 580, 700, 800]
    top = 540
    c.setFont("Helvetica-Bold", 10)
    for x, heading in zip(xs, ["Ref", "Action", "Lead officer", "Milestone", "RAG"]):
        c.drawString(x + 4, top, heading)
    rows = [
        ("1.1", "Recruit permanent social workers to every team", "Director of Children's Services", "March 2023", "On track"),
        ("1.2", "Audit case files every month and act on findings", "Head of Quality Assurance", "Ongoing", "Complete"),
        ("1.3", "Train team managers in supervision", "Principal Social Worker", "September 2022", "Some issues"),
        ("2.1", "Publish the sufficiency strategy", "Assistant Director", "December 2022", "Not started"),
    ]
    c.setFont("Helvetica", 9)
    y = top - 10
    c.line(xs[0], top + 14, xs[-1], top + 14)
    c.line(xs[0], y, xs[-1], y)
    for row in rows:
        for x, cell in zip(xs, row):
            c.drawString(x + 4, y - 14, cell)
        y -= 40
        c.line(xs[0], y, xs[-1], y)
    for x in xs:
        c.line(x, top + 14, x, y)
    c.save()


def run_in_process(pdf, out_dir, capsys) -> tuple[int | None, str, bool]:
    """(exit code, stderr, timed out); an exception escaping main comes back as its traceback text."""
    fired = threading.Event()

    def interrupt():
        fired.set()
        _thread.interrupt_main()

    watchdog = threading.Timer(HANG_SECONDS, interrupt)
    watchdog.start()
    try:
        code = main(["extract", str(pdf), "--out-dir", str(out_dir), "--quiet"])
    except KeyboardInterrupt:
        code = None
    except BaseException:  # noqa: BLE001 - any escape is the failure this test looks for
        code = None
        print(traceback.format_exc(), file=sys.stderr)
    finally:
        watchdog.cancel()
    err = capsys.readouterr().err
    return code, err, fired.is_set()


def test_seeded_mutants_end_cleanly(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("PLANPIPE_DEBUG", "1")  # let a bug raise instead of hiding behind the catch-all
    seed_pdf = tmp_path / "plan.pdf"
    one_page_plan(seed_pdf)
    code, err, _ = run_in_process(seed_pdf, tmp_path / "seed-out", capsys)
    assert code == 0, f"the unmutated plan must extract: {err}"
    data = seed_pdf.read_bytes()
    failures, known, kinds = [], [], []
    start = time.perf_counter()
    for index in range(MUTANTS):
        op, mutant_bytes = mutate(data, SEED, index)
        case = tmp_path / f"m{index:02d}"
        case.mkdir()
        mutant = case / f"m{index:02d}-{op}.pdf"
        mutant.write_bytes(mutant_bytes)
        (case / "tmp").mkdir()
        code, err, timed_out = run_in_process(mutant, case / "out", capsys)
        kind, detail, _ = classify(code, err, mutant, case / "out", case / "tmp", timed_out)
        kinds.append(kind)
        if kind not in ("ok", "error"):
            report = f"mutant {index} ({op}): {kind}: {detail}\n{err[-1500:]}"[:2000]
            (known if index in KNOWN_CLI else failures).append(report)
    assert not failures, "\n\n".join(failures)
    assert "error" in kinds, "the mutants should include some that are refused"
    assert time.perf_counter() - start < 60
    if known:
        pytest.xfail("known: " + "; ".join(k.splitlines()[0] for k in known) + " -- " + "; ".join(KNOWN_CLI.values()))


@pytest.mark.parametrize("reader", ["pdfium", "pdfplumber"])
def test_each_reader_refuses_seeded_mutants_with_a_planpipe_error(reader, tmp_path):
    """The reader alone (no extraction, so fast): a mutant opens, or raises a PlanpipeError, nothing else."""
    from pipeline.errors import PlanpipeError
    from pipeline.readers import open_pdf

    seed_pdf = tmp_path / "plan.pdf"
    one_page_plan(seed_pdf)
    data = seed_pdf.read_bytes()
    failures, known = [], []
    for index in range(MUTANTS):
        op, mutant_bytes = mutate(data, SEED, index)
        mutant = tmp_path / f"m{index:02d}-{op}.pdf"
        mutant.write_bytes(mutant_bytes)
        try:
            open_pdf(mutant, reader=reader)
        except PlanpipeError as exc:
            assert str(exc).startswith(f"{mutant}: "), exc
        except Exception as exc:  # noqa: BLE001 - any other exception is the failure looked for
            report = f"mutant {index} ({op}): {type(exc).__name__}: {exc}"[:300]
            (known if (reader, index) in KNOWN_READER else failures).append(report)
    assert not failures, "\n".join(failures)
    if known:
        pytest.xfail("known: " + "; ".join(known) + " -- " + "; ".join(
            v for (r, _), v in KNOWN_READER.items() if r == reader))
