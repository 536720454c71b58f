"""Running extractions: one child process per PDF, each within a time budget and a memory limit.

Each PDF is extracted in a child process with an address-space limit (`--max-memory`); the parent
kills it when its wall-clock budget (`--budget`) runs out, so even a parser stuck in C code (nested
form XObjects, a decompression bomb) stops on time. The child sends back the finished output files
as bytes; the parent commits them as one set (pipeline.parquet.commit_files: report, measures, then
the Parquet file that `make` treats as the target), so a killed child, a dead worker or Ctrl-C never
leaves a half-written or mixed set. A child that dies fails its own file; the others go on. Results
come back in job order, so `--jobs N` output is byte-identical to a serial run.
"""

from __future__ import annotations

import json
import math
import os
import signal
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from . import outputs
from .errors import LimitExceeded, OptionError, PlanpipeError

# Seconds one PDF may take to extract before it is stopped (a damaged file can make a parser spin).
DEFAULT_BUDGET = 300.0
# Smallest budget accepted: below this not even the child process can start, so it is a typo.
MIN_BUDGET = 0.01
# Address space (MiB) one extraction may use. The 35-page Phase 1 plan peaks at 0.45 GiB of address space
# (2.1 GiB with the camelot engine, whose libraries reserve more than they touch); 4 GiB leaves room for plans
# several times that size while a decompression bomb stops long before it takes the machine.
DEFAULT_MAX_MEMORY_MB = 4096
# Smallest limit accepted (MiB): the interpreter and libraries alone need about this much.
MIN_MAX_MEMORY_MB = 256
# How often (s) the parent wakes to check budgets when no child has finished: bounds how late a
# budget is enforced and how fast Ctrl-C is noticed.
POLL_SECONDS = 0.1

BudgetExceeded = LimitExceeded  # the older name, kept for callers


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
    warnings: list[str] = field(default_factory=list)
    # The tables seen and their column mappings (pipeline.explain), also when no action table was found.
    tables_seen: list[dict] | None = None


@dataclass(frozen=True)
class Limits:
    budget: float | None = DEFAULT_BUDGET
    max_memory_mb: int | None = DEFAULT_MAX_MEMORY_MB


def check_budget(value: float | None) -> float | None:
    if value is None:
        return None
    if not math.isfinite(value) or value < MIN_BUDGET:
        raise OptionError(f"--budget {value:g}: give the seconds one file may take, at least {MIN_BUDGET:g} "
                          f"(default {DEFAULT_BUDGET:g})")
    return value


def check_max_memory(value: int | None) -> int | None:
    if value is None:
        return None
    if value < MIN_MAX_MEMORY_MB:
        raise OptionError(f"--max-memory {value}: give MiB one file may use, at least {MIN_MAX_MEMORY_MB} "
                          f"(default {DEFAULT_MAX_MEMORY_MB})")
    return value


def claimed_names(stem: str) -> tuple[str, ...]:
    """Every name in the output folder that extracting `stem` writes or deletes: its outputs, its HTML
    page and where an earlier version put its measures (removed as stale)."""
    folder = Path(".")
    return (*output_names(stem), outputs.html_path(folder, stem).name, outputs.legacy_measures_path(folder, stem).name)


def output_names(stem: str) -> tuple[str, str, str]:
    """(actions Parquet, report, measures Parquet) file names of one input, relative to the output
    folder (pipeline/outputs.py: the measures live in a sub-folder the `*.parquet` glob does not reach)."""
    folder = Path(".")
    return (str(outputs.actions_path(folder, stem)), str(outputs.report_path(folder, stem)),
            str(outputs.measures_path(folder, stem)))


# Data issues that mean rows may be missing: shown on stderr as warnings; `--strict` fails on them.
WARNING_CODES = ("page-no-table", "page-damaged", "table-columns-unmapped", "table-ends-early", "ref-gap",
                 "table-rows-unread", "pages-missing")


def _outputs(ex, publication: dict, stem: str, out_dir: Path) -> tuple[list[tuple[str, bytes]], list[str]]:
    """The files of one extraction as (name, bytes), target last, and the stale names to remove."""
    from .html_report import extract_html
    from .parquet import parquet_bytes, to_table
    from .report import quality_report

    meta = {"source_id": ex.publication_id, "source_sha256": ex.sha256, "engine": ex.engine}
    if publication.get("published"):
        # The publication date travels with the data: `diff` reads it from here, not from sources/.
        meta["published"] = publication["published"]
    # Build everything first: a schema error must not leave some files written and others not.
    table = to_table(ex.records, "actions", meta)
    measures = to_table(ex.measures, "measures", meta) if ex.measures else None
    report = quality_report(publication, ex.records, ex.log.issues, sha256=ex.sha256, n_pages=ex.pages,
                            tables=ex.tables_seen)
    published = date.fromisoformat(publication["published"]) if publication.get("published") else None
    page = extract_html(ex, publication, out_dir, published)
    pq_name, report_name, measures_name = output_names(stem)
    files = [(report_name, (json.dumps(report, indent=2, ensure_ascii=False, default=str) + "\n").encode("utf-8")),
             (outputs.html_path(Path("."), stem).name, page)]
    # Measures left beside the actions by an earlier version would be read as actions: they go.
    remove = [outputs.legacy_measures_path(Path("."), stem).name]
    if measures is not None:
        files.append((measures_name, parquet_bytes(measures)))
    else:
        remove.append(measures_name)  # left by an earlier run of another version of this file
    files.append((pq_name, parquet_bytes(table)))  # the make target lands last
    return files, remove


def _extract(job: Job, out_dir: Path, progress: Callable | None) -> dict:
    """The work of one child: extract, render every output file, and the summary text."""
    from .extraction import extract_pdf
    from .report import measures_text, summary_text

    ex = extract_pdf(job.path, publication_id=job.stem, engine=job.engine, password=job.password,
                     published=job.published, overrides=job.overrides, progress=progress)
    files, remove = _outputs(ex, job.publication, job.stem, out_dir)
    target = out_dir / files[-1][0]
    text = summary_text(f"{job.stem}: {len(ex.records)} actions on {ex.pages} pages -> {target}", ex.records, ex.log.issues)
    if ex.measures:
        text += "\n" + measures_text(ex.measures, ex.records)
    warnings = [f"{job.path}: " + (f"page {i.page}: " if i.page else "") + f"{i.code}: {i.message}"
                for i in ex.log.issues if i.code in WARNING_CODES]
    return {"files": files, "remove": remove, "summary": text, "actions": len(ex.records), "pages": ex.pages,
            "warnings": warnings, "tables_seen": ex.tables_seen}


def _set_memory_limit(max_memory_mb: int | None) -> None:
    if not max_memory_mb:
        return
    try:
        import resource

        limit = max_memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):  # not on this platform: the budget still bounds the run
        pass


def _die_with_parent() -> None:
    """Linux: the kernel kills this child when its parent dies, however it dies (even SIGKILL), so no
    orphan goes on extracting. Elsewhere the parent's own clean-up is all there is."""
    try:
        import ctypes

        PR_SET_PDEATHSIG = 1
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass


def _memory_message(path: str, limits: Limits) -> str:
    return (f"{path}: needed more than the memory limit of {limits.max_memory_mb} MiB; the file may be damaged "
            "or enormous: check it opens in a PDF viewer, or raise the limit with --max-memory MIB")


def _child_main(conn, fn: Callable, args: tuple, path: str, limits: Limits) -> None:
    """Runs in the child process: never raises, always sends one (kind, payload) unless it dies."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent owns Ctrl-C and kills its children
    # A forked child inherits the parent's SIGTERM handler (pipeline.cli: stop as Ctrl-C does); the
    # parent's clean-up ends a child with SIGTERM or SIGKILL, which must simply end it.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent()
    _set_memory_limit(limits.max_memory_mb)
    try:
        result: tuple = ("ok", fn(*args))
    except PlanpipeError as exc:
        # A file with no action table still tells what tables were seen there (for --explain).
        result = ("error", str(exc), getattr(exc, "tables_seen", None))
    except MemoryError:
        result = ("error", _memory_message(path, limits))
    except Exception as exc:  # a bug in planpipe: report it on one line, keep going with other files
        if os.environ.get("PLANPIPE_DEBUG"):
            import traceback

            traceback.print_exc()
        result = ("error", f"{path}: planpipe could not process this file ({type(exc).__name__}: {exc}); "
                           "please report it with the file (set PLANPIPE_DEBUG=1 for a traceback)")
    try:
        conn.send(result)
    except MemoryError:
        conn.send(("error", _memory_message(path, limits)))
    conn.close()


@dataclass
class _Running:
    n: int
    path: str
    process: Any  # multiprocessing Process of the context in use
    conn: Any  # the read end of its pipe
    start: float
    deadline: float | None


def _start(n: int, path: str, fn: Callable, args: tuple, limits: Limits) -> _Running:
    import multiprocessing

    # fork: the child starts at once with planpipe already imported (spawn would re-import for ~1 s).
    ctx: Any = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    recv, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child_main, args=(send, fn, args, path, limits), daemon=True)
    proc.start()
    send.close()
    start = time.monotonic()
    return _Running(n, path, proc, recv, start, start + limits.budget if limits.budget else None)


def _died_message(path: str, exitcode: int | None, limits: Limits) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        how = f"was killed ({name})"
    else:
        how = f"exited with code {exitcode}"
    limit = f", most likely on reaching the memory limit of {limits.max_memory_mb} MiB" if limits.max_memory_mb else ""
    return (f"{path}: the process reading this file {how}{limit}; the file may be damaged or enormous: "
            "check it opens in a PDF viewer, raise the limit with --max-memory MIB, or report it with the file")


def _collect(r: _Running, limits: Limits) -> tuple[str, Any, Any]:
    """(kind, payload, details) of a child that has sent its result or died: kind is ok or error;
    an error's details are the tables seen in the file, when the child found any."""
    try:
        kind, payload, *rest = r.conn.recv()
    except (EOFError, OSError):
        kind, payload, rest = "died", None, []
    r.process.join()
    r.conn.close()
    if kind == "died":
        return "error", _died_message(r.path, r.process.exitcode, limits), None
    return kind, payload, (rest[0] if rest else None)


def _budget_message(path: str, limits: Limits) -> str:
    return (f"{path}: gave up after {limits.budget:g} s (time budget); the file may be damaged or enormous: "
            "check it opens in a PDF viewer, or raise the budget with --budget SECONDS")


def _kill(r: _Running) -> None:
    if r.process.is_alive():
        r.process.kill()
    r.process.join()
    r.conn.close()


def _step(running: list[_Running]) -> list[tuple[_Running, bool]]:
    """Wait until a child is ready or a budget runs out: [(child, over_budget)] to collect."""
    from multiprocessing.connection import wait

    now = time.monotonic()
    deadlines = [r.deadline - now for r in running if r.deadline is not None]
    timeout = max(0.0, min(deadlines + [POLL_SECONDS]))
    ready = set(wait([r.conn for r in running] + [r.process.sentinel for r in running], timeout))
    out = []
    for r in running:
        if r.conn in ready or r.process.sentinel in ready:
            out.append((r, False))
        elif r.deadline is not None and time.monotonic() >= r.deadline:
            out.append((r, True))
    return out


def call_limited(fn: Callable, args: tuple, path: str, limits: Limits):
    """fn(*args) in a child process within `limits`: its return value, or a PlanpipeError (the child's
    own, LimitExceeded for the budget or memory limit). fn and its result must be picklable or forkable."""
    r = _start(1, path, fn, args, limits)
    try:
        while True:
            for _, over in _step([r]):
                if over:
                    raise LimitExceeded(_budget_message(path, limits))
                kind, payload, _ = _collect(r, limits)
                if kind == "ok":
                    return payload
                raise PlanpipeError(str(payload))
    finally:
        _kill(r)


def _outcome(job: Job, kind: str, payload, seconds: float, out_dir: Path, details=None) -> Outcome:
    """Commit a finished job's outputs, or report its error."""
    from .parquet import commit_files

    if kind != "ok":
        return Outcome(job, False, str(payload), seconds=seconds, tables_seen=details)
    try:
        written = commit_files(out_dir, payload["files"], payload["remove"])
    except PlanpipeError as exc:
        return Outcome(job, False, f"{job.path}: {exc}", seconds=seconds)
    written = [written[-1]] + written[:-1]  # the actions Parquet first, as before
    return Outcome(job, True, None, written, payload["summary"], payload["actions"], payload["pages"], seconds,
                   payload["warnings"], payload["tables_seen"])


def run_jobs(
    jobs: Sequence[Job],
    out_dir: str,
    n_jobs: int = 1,
    budget: float | None = DEFAULT_BUDGET,
    progress_for: Callable[[int, Job], Callable | None] | None = None,
    max_memory_mb: int | None = DEFAULT_MAX_MEMORY_MB,
) -> Iterator[Outcome]:
    """Outcomes in job order; at most n_jobs children at once. Ctrl-C kills every child at once."""
    limits = Limits(budget, max_memory_mb)
    folder = Path(out_dir)
    n_jobs = max(1, n_jobs)
    queue = list(enumerate(jobs, start=1))
    running: dict[int, _Running] = {}
    done: dict[int, Outcome] = {}
    next_out = 1
    try:
        while queue or running:
            while queue and len(running) < n_jobs:
                n, job = queue.pop(0)
                progress = progress_for(n, job) if progress_for and min(n_jobs, len(jobs)) == 1 else None
                running[n] = _start(n, job.path, _extract, (job, folder, progress), limits)
            for r, over in _step(list(running.values())):
                seconds = time.monotonic() - r.start
                payload: Any
                details = None
                if over:
                    _kill(r)
                    kind, payload = "error", _budget_message(r.path, limits)
                else:
                    # Still among the running while its result is read: Ctrl-C meanwhile kills it too.
                    kind, payload, details = _collect(r, limits)
                del running[r.n]
                done[r.n] = _outcome(jobs[r.n - 1], kind, payload, seconds, folder, details)
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
    finally:
        for r in running.values():
            _kill(r)


def run_job(job: Job, out_dir: str, budget: float | None = DEFAULT_BUDGET, progress: Callable | None = None,
            max_memory_mb: int | None = DEFAULT_MAX_MEMORY_MB) -> Outcome:
    """One job, in its own child process (see run_jobs)."""
    return next(run_jobs([job], out_dir, 1, budget, (lambda n, j: progress) if progress else None, max_memory_mb))
