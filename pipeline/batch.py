"""Running extractions: one job per PDF, each within a time budget, on as many cores as asked.

A job extracts, then writes its outputs atomically (report, measures, then the Parquet file that
`make` treats as the target). A job that fails writes nothing; a job over its time budget is stopped
and reported like any other error. Results come back in job order, so `--jobs N` output is
byte-identical to a serial run.
"""

from __future__ import annotations

import json
import os
import signal
import time
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterator, Sequence

from .errors import PlanpipeError

# Seconds one PDF may take to extract before it is stopped (a damaged file can make a parser spin).
DEFAULT_BUDGET = 300.0


class BudgetExceeded(PlanpipeError):
    pass


class _OutOfTime(BaseException):
    """Raised by the alarm. A BaseException, so no parser's `except Exception` can swallow or wrap it."""


@dataclass(frozen=True)
class Job:
    path: str
    stem: str
    publication: dict
    engine: str = "pdfplumber"
    password: str | None = None
    published: date | None = None
    overrides: dict = field(default_factory=dict)


@dataclass
class Outcome:
    job: Job
    ok: bool
    error: str | None = None
    written: list[str] = field(default_factory=list)
    summary: str = ""
    actions: int = 0
    pages: int = 0
    seconds: float = 0.0


@contextmanager
def time_budget(seconds: float | None, path: str):
    """Raise BudgetExceeded in this (main) thread when `seconds` run out."""
    if not seconds or seconds <= 0 or not hasattr(signal, "setitimer"):
        yield
        return

    def on_alarm(signum, frame):
        raise _OutOfTime()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _OutOfTime:
        raise BudgetExceeded(
            f"gave up after {seconds:g} s (time budget); the file may be damaged or enormous: "
            "check it opens in a PDF viewer, or raise the budget with --budget",
            path=path,
        ) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def write_outputs(ex, out_dir: Path, stem: str, publication: dict) -> list[str]:
    from . import outputs
    from .html_report import extract_html
    from .parquet import to_table, write_table, write_text
    from .report import quality_report

    meta = {"source_id": ex.publication_id, "source_sha256": ex.sha256, "engine": ex.engine}
    if publication.get("published"):
        # The publication date travels with the data: `diff` reads it from here, not from sources/.
        meta["published"] = publication["published"]
    # Build everything first: a schema error must not leave some files written and others not.
    table = to_table(ex.records, "actions", meta)
    measures = to_table(ex.measures, "measures", meta) if ex.measures else None
    report = quality_report(publication, ex.records, ex.log.issues)
    published = date.fromisoformat(publication["published"]) if publication.get("published") else None
    page = extract_html(ex, publication, out_dir, published)
    out_dir.mkdir(parents=True, exist_ok=True)
    pq_path = outputs.actions_path(out_dir, stem)
    report_path = outputs.report_path(out_dir, stem)
    html_path = outputs.html_path(out_dir, stem)
    measures_path = outputs.measures_path(out_dir, stem)
    # The Parquet file (the make target) lands last, so an interrupted run never leaves a target
    # that looks complete.
    write_text(report_path, json.dumps(report, indent=2, ensure_ascii=False, default=str) + "\n")
    write_text(html_path, page)
    written = [str(pq_path), str(report_path), str(html_path)]
    # Measures live out of reach of the `DIR/*.parquet` glob (pipeline/outputs.py); one left beside
    # the actions by an earlier version would be read as actions, so it goes.
    outputs.legacy_measures_path(out_dir, stem).unlink(missing_ok=True)
    if measures is not None:
        write_table(measures, measures_path)
        written.append(str(measures_path))
    elif measures_path.exists():
        measures_path.unlink()  # left by an earlier run of another version of this file
    write_table(table, pq_path)
    return written


def run_job(job: Job, out_dir: str, budget: float | None = DEFAULT_BUDGET, progress: Callable | None = None) -> Outcome:
    from .extraction import extract_pdf
    from .report import measures_text, summary_text

    start = time.perf_counter()
    try:
        with time_budget(budget, job.path):
            ex = extract_pdf(
                job.path,
                publication_id=job.stem,
                engine=job.engine,
                password=job.password,
                published=job.published,
                overrides=job.overrides,
                progress=progress,
            )
        written = write_outputs(ex, Path(out_dir), job.stem, job.publication)
    except PlanpipeError as exc:
        return Outcome(job, False, str(exc), seconds=time.perf_counter() - start)
    except MemoryError:
        return Outcome(job, False, f"{job.path}: ran out of memory; is this really a plan?", seconds=time.perf_counter() - start)
    except Exception as exc:  # a bug in planpipe: report it on one line, keep going with other files
        if os.environ.get("PLANPIPE_DEBUG"):
            raise
        return Outcome(
            job,
            False,
            f"{job.path}: planpipe could not process this file ({type(exc).__name__}: {exc}); "
            "please report it with the file (set PLANPIPE_DEBUG=1 for a traceback)",
            seconds=time.perf_counter() - start,
        )
    text = summary_text(f"{job.stem}: {len(ex.records)} actions on {ex.pages} pages -> {written[0]}", ex.records, ex.log.issues)
    if ex.measures:
        text += "\n" + measures_text(ex.measures, ex.records)
    return Outcome(job, True, None, written, text, len(ex.records), ex.pages, time.perf_counter() - start)


def _run_job_star(args) -> Outcome:
    return run_job(*args)


def run_jobs(
    jobs: Sequence[Job],
    out_dir: str,
    n_jobs: int = 1,
    budget: float | None = DEFAULT_BUDGET,
    progress_for: Callable[[int, Job], Callable | None] | None = None,
) -> Iterator[Outcome]:
    """Outcomes in job order. With n_jobs > 1, jobs run in worker processes."""
    if n_jobs <= 1 or len(jobs) <= 1:
        for n, job in enumerate(jobs, start=1):
            yield run_job(job, out_dir, budget, progress_for(n, job) if progress_for else None)
        return
    import multiprocessing

    ctx = multiprocessing.get_context("fork") if hasattr(os, "fork") else None
    with ProcessPoolExecutor(max_workers=min(n_jobs, len(jobs)), mp_context=ctx) as pool:
        yield from pool.map(_run_job_star, [(job, out_dir, budget, None) for job in jobs])
