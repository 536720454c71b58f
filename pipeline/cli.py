"""Command line: argv in, exit code out. The only place that prints.

Library code raises PlanpipeError subclasses; they become `Error: <file>: <what and how to fix>` on
stderr with exit code 1, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path
from typing import Sequence

from . import __version__
from .errors import PlanpipeError

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
            sys.stderr.write(f"\r{label}: page {page}/{total}")
            if page == total:
                sys.stderr.write("\n")
            sys.stderr.flush()
        elif page == total or page % 10 == 0:
            sys.stderr.write(f"{label}: page {page}/{total}\n")

    return report


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
    stems = [j.stem for j in jobs]
    dupes = sorted({s for s in stems if stems.count(s) > 1})
    if dupes:
        raise PlanpipeError(f"two inputs would write the same outputs ({', '.join(dupes)}); rename one of them")
    return jobs


def _debug(jobs, out_dir: str) -> None:
    """Draw what the run detects on each page it reads, with the same settings and overrides."""
    import dataclasses

    from .debug import draw_tables
    from .extract import ENGINES
    from .readers import open_pdf
    from .settings import ExtractSettings

    for job in jobs:
        try:
            settings = ExtractSettings.from_overrides(job.overrides)
            doc = open_pdf(job.path, password=job.password)
            if settings.pages:
                doc = dataclasses.replace(doc, pages=[p for p in doc.pages if p.number in set(settings.pages)])
            written = draw_tables(job.path, ENGINES[job.engine](doc, None, settings), out_dir, password=job.password)
            print(f"debug: {len(written)} page images in {out_dir}", file=sys.stderr)
        except PlanpipeError:
            pass  # the extraction itself reports the error


def cmd_extract(args) -> int:
    from .batch import run_jobs

    jobs = _jobs(args)
    if not jobs:
        raise SystemExit("planpipe extract: give PDF files or --source; see planpipe extract --help")
    n_jobs = args.jobs or os.cpu_count() or 1
    if args.debug:
        _debug(jobs, args.debug)
    progress_for = None if args.quiet else (lambda n, job: _progress(f"[{n}/{len(jobs)}] {job.stem}"))
    failures = []
    for outcome in run_jobs(jobs, args.out_dir, n_jobs, args.budget, progress_for):
        if not outcome.ok:
            failures.append(outcome)
            print(f"Error: {outcome.error}", file=sys.stderr)
        elif not args.quiet:
            print(outcome.summary)
    if failures and len(jobs) > 1:
        print(f"{len(failures)} of {len(jobs)} files failed:", file=sys.stderr)
        for f in failures:
            print(f"  {f.job.path}: {f.error.split(': ', 1)[-1] if f.error else ''}", file=sys.stderr)
    return 1 if failures else 0


def cmd_tables(args) -> int:
    from .tables.cli import tables_command

    text = tables_command(args.pdfs, fmt=args.format, out=args.out, password=args.password)
    if args.out is None:
        sys.stdout.write(text)
    return 0


def cmd_summary(args) -> int:
    from .outputs import measures_for
    from .parquet import read_metadata, read_table
    from .report import measures_text, summary_text

    for p in args.parquet:
        path = Path(p)
        if not path.exists():
            raise PlanpipeError("file not found; run `make extract` first", path=str(path))
        records = read_table(path).to_pylist()
        meta = read_metadata(path)
        issues = []
        report = path.parent / (path.stem + ".report.json")
        if report.exists():
            from .quality import DataIssue

            data = json.loads(report.read_text(encoding="utf-8"))
            issues = [DataIssue(**i) for i in data.get("issues", [])]
        print(summary_text(f"{meta.get('source_id', path.stem)}: {len(records)} actions", records, issues))
        measures_path = measures_for(path)
        if measures_path is not None:
            print(measures_text(read_table(measures_path).to_pylist(), records))
        print()
    return 0


def _diff_meta(path: Path) -> dict:
    """A Parquet file's planpipe metadata; for a registered publication it holds the publication date
    (written by `extract --source`), so `diff` needs no registry and works from any folder."""
    from .parquet import read_metadata

    return read_metadata(path)


def cmd_diff(args) -> int:
    from .diff import diff_plans
    from .diff.report import summary_text, to_html, to_markdown
    from .outputs import measures_for
    from .parquet import read_table, write_table, write_text

    paths = [Path(args.old), Path(args.new)]
    for path in paths:
        if not path.exists():
            raise PlanpipeError("file not found; extract the plan first with `planpipe extract`", path=str(path))
    tables = []
    for path in paths:
        try:
            table = read_table(path)
        except Exception as exc:  # pyarrow raises several types for a file that is not Parquet
            raise PlanpipeError(f"cannot read as Parquet ({exc}); give files written by `planpipe extract`",
                                path=str(path)) from None
        if "action" not in table.column_names:
            raise PlanpipeError("not a planpipe actions file (no 'action' column); give files written by "
                                "`planpipe extract`", path=str(path))
        tables.append(table.to_pylist())
    old, new = tables
    old_meta, new_meta = _diff_meta(paths[0]), _diff_meta(paths[1])
    old_meta.setdefault("source_id", paths[0].stem)
    new_meta.setdefault("source_id", paths[1].stem)
    if args.published:
        new_meta["published"] = args.published
    result = diff_plans(old, new, old_meta, new_meta)
    out_dir = Path(args.out_dir)
    # The old plan's Ofsted measures (its appendix tables), when extracted beside it.
    measures_path = measures_for(paths[0])
    measures = read_table(measures_path).to_pylist() if measures_path is not None else None
    write_text(out_dir / "diff.md", to_markdown(result, measures))
    write_text(out_dir / "diff.html", to_html(result, measures, out_dir=out_dir))
    write_table(result.to_table(), out_dir / "diff.parquet")
    print(summary_text(result))
    print(f"wrote {out_dir / 'diff.parquet'}, {out_dir / 'diff.md'}, {out_dir / 'diff.html'}")
    return 0


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
    ex.add_argument("--jobs", type=int, default=0, metavar="N", help="files extracted at once (default: all cores)")
    ex.add_argument("--budget", type=float, default=300.0, metavar="SECONDS", help="time allowed per file before it is stopped as an error (default 300)")
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


def main(argv: Sequence[str] | None = None) -> int:
    # Parsers log warnings about damaged content (pdfminer: "Could not get FontBBox ..."); the user
    # gets planpipe's own messages instead, unless PLANPIPE_DEBUG asks for everything.
    if not os.environ.get("PLANPIPE_DEBUG") and not logging.getLogger().handlers:
        logging.getLogger().addHandler(logging.NullHandler())
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except PlanpipeError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Error: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
