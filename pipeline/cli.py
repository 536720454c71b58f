"""Command line: argv in, exit code out. The only place that prints.

Library code raises PlanpipeError subclasses; they become `Error: <file>: <what and how to fix>` on
stderr with exit code 1, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import sys
from pathlib import Path
from typing import Sequence

from . import __version__
from .errors import InputFileError, OptionError, PlanpipeError

# C0 and C1 control characters (ESC starts terminal escape sequences), DEL, and the Unicode line and
# bidi overrides that reorder what a terminal shows; newline and tab stay (they lay out the tables).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """Text safe to print to a terminal: control characters removed (a PDF or a file name can hold ESC)."""
    return _CONTROL.sub("", text)


def out(text: str = "") -> None:
    print(clean(text))


def err(text: str) -> None:
    print(clean(text), file=sys.stderr)

EXAMPLES = """\
examples:
  planpipe extract plan.pdf --out-dir out/            any PDF; the layout is discovered
  planpipe extract --source sources/sefton-phase1-2022.toml --out-dir data/processed
  planpipe extract a.pdf b.pdf --out-dir out/ --engine camelot
  planpipe summary data/processed/*.parquet
  planpipe tables statistics.pdf --format csv         generic tables of any document
  planpipe diff data/processed/sefton-phase1-2022.parquet data/processed/sefton-phase2-2023.parquet --out-dir out/
"""


def _progress(label: str):
    tty = sys.stderr.isatty()

    def report(page: int, total: int) -> None:
        if tty:
            sys.stderr.write("\r" + clean(f"{label}: page {page}/{total}"))
            if page == total:
                sys.stderr.write("\n")
            sys.stderr.flush()
        elif page == total or page % 10 == 0:
            sys.stderr.write(clean(f"{label}: page {page}/{total}") + "\n")

    return report


def _check_collisions(jobs, out_dir: str) -> None:
    """Two inputs whose output files would share a name (`x.measures.pdf` writes x.measures.parquet,
    where an earlier planpipe put x.pdf's measures, which x.pdf's run removes; `A.pdf` and `a.pdf` collide
    on a case-insensitive disk): refuse, naming both."""
    from .batch import claimed_names
    from .parquet import check_names

    owner: dict[str, str] = {}
    for job in jobs:
        try:
            check_names(Path(out_dir), claimed_names(job.stem))
        except PlanpipeError as exc:
            raise OptionError(f"{job.path}: {exc.message}") from None
        for name in claimed_names(job.stem):
            key = name.casefold()
            if key in owner and owner[key] != job.path:
                raise OptionError(f"{owner[key]} and {job.path} would both write {name} in the output folder; "
                                  "rename one of them or extract them into different folders")
            owner[key] = job.path


def _jobs(args) -> list:
    from .batch import Job
    from .sources import load_source, verify

    jobs = []
    for src_path in args.source or []:
        src = load_source(src_path)
        verify(src)
        publication = {
            "id": src.id, "council": src.council, "title": src.title, "phase": src.phase,
            "published": src.published.isoformat(), "url": src.url, "reconstruction": src.reconstruction,
        }
        jobs.append(Job(str(src.file), src.id, publication, args.engine, args.password or src.password, src.published, src.overrides))
    for pdf in args.pdfs:
        p = Path(pdf)
        jobs.append(Job(str(p), p.stem, {"id": p.stem, "file": str(p)}, args.engine, args.password))
    _check_collisions(jobs, args.out_dir)
    return jobs


def _check_debug_dir(folder: str) -> None:
    p = Path(folder)
    if p.exists() and not p.is_dir():
        raise OptionError(f"--debug {folder}: is a file, not a folder; give a folder for the page images")
    try:
        p.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OptionError(f"--debug {folder}: cannot create the folder ({exc.strerror}); give another folder") from None


def _debug(jobs, out_dir: str) -> None:
    """Draw what the run detects on each page it reads, with the same settings and overrides."""
    import dataclasses

    from .debug import draw_tables
    from .extract import ENGINES
    from .parquet import output_error
    from .readers import open_pdf
    from .settings import ExtractSettings

    for job in jobs:
        try:
            settings = ExtractSettings.from_overrides(job.overrides)
            doc = open_pdf(job.path, password=job.password, settings=settings)
            if settings.pages:
                doc = dataclasses.replace(doc, pages=[p for p in doc.pages if p.number in set(settings.pages)])
            written = draw_tables(job.path, ENGINES[job.engine](doc, None, settings), out_dir, password=job.password,
                                  turned={p.number: p.turned for p in doc.pages if p.turned})
            err(f"debug: {len(written)} page images in {out_dir}")
        except PlanpipeError:
            pass  # the extraction itself reports the error
        except OSError as exc:
            raise output_error(exc, Path(out_dir)) from None


def _limits(args) -> None:
    from .batch import check_budget, check_max_memory

    check_budget(args.budget)
    check_max_memory(args.max_memory)


def cmd_extract(args) -> int:
    from .batch import run_jobs
    from .parquet import prepare_folder

    _limits(args)
    if args.jobs < 0:
        raise OptionError(f"--jobs {args.jobs}: give how many files to extract at once (0 means all cores)")
    jobs = _jobs(args)
    if not jobs:
        raise OptionError("give PDF files or --source; see planpipe extract --help")
    prepare_folder(Path(args.out_dir))  # a folder that is a file, or read-only, fails before any work
    n_jobs = args.jobs or os.cpu_count() or 1
    if args.debug:
        _check_debug_dir(args.debug)
        _debug(jobs, args.debug)
    progress_for = None if args.quiet else (lambda n, job: _progress(f"[{n}/{len(jobs)}] {job.stem}"))
    outcomes = run_jobs(jobs, args.out_dir, n_jobs, args.budget, progress_for, args.max_memory)
    failures, warned = _print_outcomes(outcomes, args.quiet, args.explain)
    _print_failures(failures, warned, len(jobs), args.strict)
    return 1 if failures or (warned and args.strict) else 0


def _print_outcomes(outcomes, quiet: bool, explain: bool = False) -> tuple[list, list]:
    """Each file's error, warnings and (unless quiet) summary as it finishes, and with `explain` the
    tables seen and their column mappings; (failed, warned) outcomes."""
    from .explain import explain_text

    failures, warned = [], []
    for outcome in outcomes:
        if explain and outcome.tables_seen is not None:
            out(explain_text(outcome.job.stem, outcome.tables_seen))
        if not outcome.ok:
            failures.append(outcome)
            err(f"Error: {outcome.error}")
            continue
        for w in outcome.warnings:
            err(f"Warning: {w}")
        if outcome.warnings:
            warned.append(outcome)
        if not quiet:
            out(outcome.summary)
    return failures, warned


def _print_failures(failures: list, warned: list, n_jobs: int, strict: bool) -> None:
    """The closing list of failed files (for a batch), and why --strict fails a run with warnings."""
    if failures and n_jobs > 1:
        err(f"{len(failures)} of {n_jobs} files failed:")
        for f in failures:
            err(f"  {f.job.path}: {f.error.split(': ', 1)[-1] if f.error else ''}")
    if warned and strict:
        err(f"Error: {len(warned)} file(s) have pages whose rows may be missing (warnings above); "
            "--strict treats them as failures")


def cmd_tables(args) -> int:
    from .tables.cli import tables_command

    _limits(args)
    text = tables_command(args.pdfs, fmt=args.format, out=args.out, password=args.password,
                          budget=args.budget, max_memory_mb=args.max_memory)
    if args.out is None:
        sys.stdout.write(clean(text) if sys.stdout.isatty() else text)
    return 0


def _report_for(path: Path, meta: dict) -> dict | None:
    """The quality report beside `path`, checked to belong to it (same source sha256), or None."""
    report = path.parent / (path.stem + ".report.json")
    if not report.exists():
        return None
    try:
        data = json.loads(report.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise InputFileError(f"the report is not readable JSON ({exc}); extract the plan again", path=str(report)) from None
    if isinstance(data, dict) and "source_sha256" not in data:
        raise InputFileError(f"the report names no source sha256 (written by an older planpipe), so it cannot be "
                             f"matched to {path.name}; extract the plan again", path=str(report))
    if not isinstance(data, dict) or data.get("source_sha256") != meta.get("source_sha256"):
        raise InputFileError(
            f"belongs to another extraction than {path.name} (its source sha256 differs: a mixed output set); "
            "extract the plan again to write a matching set", path=str(report))
    return data


def _measures_for(path: Path, meta: dict) -> list[dict] | None:
    """The measures Parquet extracted with `path` (pipeline/outputs.py), checked to belong to it, or None."""
    from .outputs import measures_for
    from .parquet import read_checked

    measures_path = measures_for(path)
    if measures_path is None:
        return None
    table, mmeta = read_checked(measures_path, "measures")
    if mmeta.get("source_sha256") != meta.get("source_sha256"):
        raise InputFileError(
            f"belongs to another extraction than {path.name} (its source sha256 differs: a mixed output set); "
            "extract the plan again to write a matching set", path=str(measures_path))
    return table.to_pylist()


def cmd_summary(args) -> int:
    from .parquet import read_checked
    from .quality import CODES, DataIssue
    from .report import measures_text, summary_text

    for p in args.parquet:
        path = Path(p)
        table, meta = read_checked(path, "actions")
        records = table.to_pylist()
        data = _report_for(path, meta)
        issues = [DataIssue(**i) for i in (data or {}).get("issues", []) if isinstance(i, dict) and i.get("code") in CODES]
        out(summary_text(f"{meta.get('source_id', path.stem)}: {len(records)} actions", records, issues))
        measures = _measures_for(path, meta)
        if measures is not None:
            out(measures_text(measures, records))
        out()
    return 0


def _diff_meta(path: Path, meta: dict) -> dict:
    """A Parquet file's planpipe metadata; for a registered publication it holds the publication date
    (written by `extract --source`), so `diff` needs no registry (and opens no path a file names)."""
    return dict(meta)


def _published(value: str | None) -> str | None:
    from datetime import date

    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise OptionError(f"--published {value}: not a date; give it as YYYY-MM-DD, e.g. 2023-01-31") from None


def cmd_diff(args) -> int:
    from .diff import diff_plans
    from .diff.report import summary_text, to_html, to_markdown
    from .parquet import commit_files, parquet_bytes, prepare_folder, read_checked

    published = _published(args.published)
    paths = [Path(args.old), Path(args.new)]
    checked = [read_checked(path, "actions") for path in paths]
    old, new = (t.to_pylist() for t, _ in checked)
    old_meta, new_meta = _diff_meta(paths[0], checked[0][1]), _diff_meta(paths[1], checked[1][1])
    old_meta.setdefault("source_id", paths[0].stem)
    new_meta.setdefault("source_id", paths[1].stem)
    if published:
        new_meta["published"] = published
    out_dir = Path(args.out_dir)
    prepare_folder(out_dir)
    result = diff_plans(old, new, old_meta, new_meta)
    # The old plan's Ofsted measures (its appendix tables), when extracted beside it.
    measures = _measures_for(paths[0], checked[0][1])
    commit_files(out_dir, [("diff.md", to_markdown(result, measures).encode("utf-8")),
                           ("diff.html", to_html(result, measures, out_dir=out_dir).encode("utf-8")),
                           ("diff.parquet", parquet_bytes(result.to_table()))])
    out(summary_text(result))
    out(f"wrote {out_dir / 'diff.parquet'}, {out_dir / 'diff.md'}, {out_dir / 'diff.html'}")
    return 0


def _add_limits(parser, what: str) -> None:
    from .batch import DEFAULT_BUDGET, DEFAULT_MAX_MEMORY_MB

    parser.add_argument("--budget", type=float, default=DEFAULT_BUDGET, metavar="SECONDS",
                        help=f"time allowed per file before it is stopped as an error (default {DEFAULT_BUDGET:g})")
    parser.add_argument("--max-memory", type=int, default=DEFAULT_MAX_MEMORY_MB, metavar="MIB",
                        help=f"memory (MiB of address space) {what} may use before it is stopped as an error "
                             f"(default {DEFAULT_MAX_MEMORY_MB})")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="planpipe",
        description="Council improvement-plan PDFs to structured, versioned data, and what changed between versions.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"planpipe {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    ex = sub.add_parser(
        "extract",
        help="extract action tables from PDFs to Parquet",
        description="Extract every action of each PDF to DIR/<stem>.parquet plus DIR/<stem>.report.json.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ex.add_argument("pdfs", nargs="*", metavar="PDF", help="PDF files (no registry entry needed)")
    ex.add_argument("--source", action="append", metavar="TOML", help="a registry entry under sources/ (repeatable)")
    ex.add_argument("--out-dir", required=True, metavar="DIR", help="folder for the outputs")
    ex.add_argument("--engine", choices=["pdfplumber", "camelot"], default="pdfplumber", help="table engine (default pdfplumber)")
    ex.add_argument("--password", help="password of an encrypted PDF")
    ex.add_argument("--quiet", action="store_true", help="no progress or summary")
    ex.add_argument("--debug", metavar="DIR", help="also draw the detected headers, columns and rows over each page as PNG in DIR")
    ex.add_argument("--explain", action="store_true",
                    help="print each table found (action table or other), its column mapping and the evidence for it")
    ex.add_argument("--jobs", type=int, default=0, metavar="N", help="files extracted at once (default: all cores)")
    ex.add_argument("--strict", action="store_true",
                    help="exit 1 when a page of a table section yields no rows or a heading matches no field "
                         "(warnings that rows may be missing)")
    _add_limits(ex, "one file's extraction")
    ex.set_defaults(func=cmd_extract)

    tb = sub.add_parser(
        "tables",
        help="the generic tables found in any PDF, as JSON or CSV (for documents that are not action plans)",
        description="Every table the engine finds (ruled grids and text-aligned columns), cell by cell.",
    )
    tb.add_argument("pdfs", nargs="+", metavar="PDF")
    tb.add_argument("--format", choices=["json", "csv"], default="json")
    tb.add_argument("--out", metavar="FILE", help="write here instead of standard output")
    tb.add_argument("--password", help="password of an encrypted PDF")
    _add_limits(tb, "reading one file")
    tb.set_defaults(func=cmd_tables)

    sm = sub.add_parser("summary", help="print actions per status per theme of extracted Parquet files")
    sm.add_argument("parquet", nargs="+", metavar="PARQUET")
    sm.set_defaults(func=cmd_summary)

    df = sub.add_parser(
        "diff",
        help="what changed between two versions of a plan (extracted Parquet files)",
        description="Pair the actions of two versions of a plan and classify every change; writes DIR/diff.parquet, "
                    "DIR/diff.md and DIR/diff.html and prints a summary.",
        epilog="example:\n  planpipe diff data/processed/sefton-phase1-2022.parquet "
               "data/processed/sefton-phase2-2023.parquet --out-dir out/",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    df.add_argument("old", metavar="OLD.parquet", help="the earlier version")
    df.add_argument("new", metavar="NEW.parquet", help="the later version")
    df.add_argument("--out-dir", required=True, metavar="DIR", help="folder for diff.parquet, diff.md and diff.html")
    df.add_argument("--published", metavar="YYYY-MM-DD",
                    help="publication date of the new version (for 'overdue'; default: the one its Parquet records)")
    df.set_defaults(func=cmd_diff)

    from .cli_reports import register

    register(sub)  # export, add, fetch, datapackage
    return parser


def _terminate_like_ctrl_c():
    """SIGTERM (a scheduler, `timeout`, `kill`) stops planpipe the way Ctrl-C does: children killed,
    only complete output sets left. Only in the main thread, where Python allows signal handlers."""
    import signal
    import threading

    def on_term(signum, frame):
        raise KeyboardInterrupt

    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGTERM) != signal.SIG_DFL:
        return lambda: None
    signal.signal(signal.SIGTERM, on_term)
    return lambda: signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _arrow_on_malloc() -> None:
    """Arrow allocates in the C library's heap, which Python's freed memory returns to, rather than in
    mimalloc (pyarrow's default), which reserves segments of its own: about 30 MB less at the peak of a
    300-page extraction (docs/benchmark.md). Set by the command line only, before pyarrow is imported
    (it reads the variable once), and only if the user has not chosen a pool: a program that imports
    planpipe keeps its own pyarrow settings."""
    os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")


def main(argv: Sequence[str] | None = None) -> int:
    _arrow_on_malloc()
    # Parsers log warnings about damaged content (pdfminer: "Could not get FontBBox ..."); the user
    # gets planpipe's own messages instead, unless PLANPIPE_DEBUG asks for everything.
    if not os.environ.get("PLANPIPE_DEBUG") and not logging.getLogger().handlers:
        logging.getLogger().addHandler(logging.NullHandler())
    parser = build_parser()
    args = parser.parse_args(argv)
    restore = _terminate_like_ctrl_c()
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except PlanpipeError as exc:
        err(f"Error: {exc}")
        return 1
    except KeyboardInterrupt:
        err("Error: interrupted; outputs already written are complete, nothing else was written")
        return 130
    except MemoryError:
        err("Error: planpipe ran out of memory in the main process; close other programs or give fewer files")
        return 1
    finally:
        restore()


if __name__ == "__main__":
    sys.exit(main())
