"""The command line of the people-facing commands: `export`, `add`, `fetch` and `datapackage`.

Part of the CLI (like cli.py, it prints); registered on cli.py's parser by `register`. Library code
raises PlanpipeError; cli.main turns it into `Error: <file>: <cause and fix>` with exit 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from .errors import PlanpipeError


def cmd_export(args) -> int:
    from .export import export

    written = [export(p, args.to, args.out if len(args.parquet) == 1 else None) for p in args.parquet]
    for w in written:
        print(f"wrote {w}")
    return 0


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2024-03-31") from None


def cmd_add(args) -> int:
    from .add import add

    added = add(args.pdf_or_url, council=args.council, phase=args.phase, pub_id=args.id, title=args.title,
                published=args.published, url=args.url, registry=args.registry, password=args.password)
    print(f"registered {added.id}: {added.title} ({added.published.isoformat()}, {added.pages} pages)")
    print(f"  {added.toml}  ({'; '.join(added.notes)})")
    print(f"  {added.file}  sha256 {added.sha256}")
    print("next: `make extract` (or planpipe extract --source " f"{added.toml} --out-dir data/processed)")
    return 0


def cmd_fetch(args) -> int:
    from .fetch import fetch_source
    from .sources import load_source

    entries = args.toml or sorted(str(p) for p in Path(args.registry).glob("*.toml"))
    failures = 0
    for entry in entries:
        src = load_source(entry)
        try:
            if fetch_source(src):
                print(f"downloaded {src.id} -> {src.file} (sha256 verified)")
        except PlanpipeError as exc:
            failures += 1
            print(f"Error: {exc}", file=sys.stderr)
    return 1 if failures else 0


def cmd_datapackage(args) -> int:
    from .datapackage import check, write

    target = write(args.dir, args.registry)
    problems = check(json.loads(target.read_text(encoding="utf-8")), args.dir)
    if problems:
        raise PlanpipeError("the descriptor does not match the files: " + "; ".join(problems), path=str(target))
    print(f"wrote {target}")
    return 0


def register(sub) -> None:
    ex = sub.add_parser("export", help="a planpipe Parquet file (actions, diff, measures) as CSV or xlsx",
                        description="Write FILE.parquet as a spreadsheet beside it (or to --out). xlsx: frozen header, "
                                    "filters, status cells coloured, dates as dates. Cells that begin with = + - @ are "
                                    "neutralised so they never run as formulas.")
    ex.add_argument("parquet", nargs="+", metavar="FILE.parquet")
    ex.add_argument("--to", choices=["csv", "xlsx"], required=True, help="spreadsheet format")
    ex.add_argument("--out", metavar="FILE", help="output file (one input only; default: beside the input)")
    ex.set_defaults(func=cmd_export)

    ad = sub.add_parser("add", help="register a publication (PDF file or URL): sources/<id>.toml and data/raw/<id>.pdf",
                        description="Copy or download the PDF to data/raw/<id>.pdf and write sources/<id>.toml with its "
                                    "sha256, pages, title and date (from the PDF's metadata or first page) and URL.",
                        epilog="example:\n  planpipe add https://example.gov.uk/plan.pdf --council \"Example Council\" "
                               "--phase 2\n  make extract",
                        formatter_class=argparse.RawDescriptionHelpFormatter)
    ad.add_argument("pdf_or_url", metavar="PDF|URL")
    ad.add_argument("--council", help="the council that published it, e.g. \"Sefton Council\" (required)")
    ad.add_argument("--phase", type=int, help="version of the plan (default 1)")
    ad.add_argument("--id", help="registry id (default: council-phaseN-year)")
    ad.add_argument("--title", help="title, when the PDF's metadata and first page give none")
    ad.add_argument("--published", type=_date, metavar="YYYY-MM-DD", help="publication date, when the PDF gives none")
    ad.add_argument("--url", help="where the PDF was published (for a local file)")
    ad.add_argument("--password", help="password of an encrypted PDF (stored in the entry)")
    ad.add_argument("--registry", default="sources", metavar="DIR", help="registry folder (default sources/)")
    ad.set_defaults(func=cmd_add)

    fe = sub.add_parser("fetch", help="download registered publications whose raw file is missing (sha256 verified)",
                        description="For each registry entry whose file is missing, download it from its URL "
                                    "(timeout, retries with backoff), verify its sha256, then put it in place.")
    fe.add_argument("toml", nargs="*", metavar="TOML", help="registry entries (default: every sources/*.toml)")
    fe.add_argument("--registry", default="sources", metavar="DIR")
    fe.set_defaults(func=cmd_fetch)

    dp = sub.add_parser("datapackage", help="write DIR/datapackage.json (Frictionless Data Package) for the outputs",
                        description="List every output in DIR with its schema, publication, size and sha256.")
    dp.add_argument("dir", metavar="DIR")
    dp.add_argument("--registry", default="sources", metavar="DIR")
    dp.set_defaults(func=cmd_datapackage)
