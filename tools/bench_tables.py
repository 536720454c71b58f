"""`python -m tools.bench_tables`: generic table finding on the ICDAR 2013 table competition set.

Runs planpipe's generic finder and the usual open-source tools on every page of every PDF in
/work/shared/corpus/icdar2013/ (no table regions given) and scores each document with the ICDAR
2013 structure metric (`tools.icdar`: adjacency relations, pooled per document). One run per tool;
pages/s is the document's page count over the wall time of the tool's call on the whole file,
including its own PDF reading. Writes docs/benchmark-icdar.md.

`--tools planpipe,camelot-stream` picks tools; `--cache DIR` keeps each tool's per-document result
as JSON so a later run (e.g. after changing planpipe) re-runs only the tools asked for and reuses
the rest.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
import warnings
from pathlib import Path

from tools import icdar

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("PLANPIPE_CORPUS", ROOT.parent / "shared" / "corpus")) / "icdar2013"

# Reference figures measured earlier on this machine (mean per-document F1, whole pages), quoted
# beside ours for tools not installed here.
REFERENCE = {"img2table": 0.77, "camelot hybrid": 0.74, "camelot stream": 0.60, "pdfplumber": 0.57}


def documents(corpus: Path = CORPUS) -> list[tuple[str, Path, Path]]:
    out = []
    for sub in sorted(corpus.iterdir()):
        if not sub.is_dir():
            continue
        for pdf in sorted(sub.glob("*.pdf")):
            xml = pdf.with_name(pdf.stem + "-str.xml")
            if xml.exists():
                out.append((pdf.stem, pdf, xml))
    return out


# --- tools: path -> list of tables, each a list of GridCell -------------------------------------


def run_planpipe(path: Path) -> list[list[icdar.GridCell]]:
    from pipeline.tables import tables_from_pdf

    return [icdar.grid_cells(t) for t in tables_from_pdf(path)]


def run_planpipe_pdfium(path: Path) -> list[list[icdar.GridCell]]:
    """planpipe with the pypdfium2 reader (`open_pdf(..., reader="pdfium")`)."""
    from pipeline.tables import find_generic_tables
    from pipeline.readers import open_pdf

    return [icdar.grid_cells(t) for t in find_generic_tables(open_pdf(path, reader="pdfium"))]


def _camelot(flavor: str):
    def run(path: Path) -> list[list[icdar.GridCell]]:
        import camelot

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tables = camelot.read_pdf(str(path), pages="all", flavor=flavor, suppress_stdout=True)
        return [icdar.grid_to_cells(t.df.values.tolist()) for t in tables]

    return run


def run_pdfplumber(path: Path) -> list[list[icdar.GridCell]]:
    import pdfplumber

    out = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for t in page.find_tables():
                out.append(icdar.grid_to_cells([[c or "" for c in row] for row in t.extract()]))
            page.flush_cache()
    return out


def _has_hybrid() -> bool:
    try:
        from camelot.handlers import PARSERS
    except Exception:
        return False
    return "hybrid" in PARSERS


def _has_pdfium_reader() -> bool:
    import inspect

    from pipeline.readers import open_pdf

    return "reader" in inspect.signature(open_pdf).parameters


TOOLS = {
    "planpipe": run_planpipe,
    "planpipe (pdfium reader)": run_planpipe_pdfium,
    "camelot lattice": _camelot("lattice"),
    "camelot stream": _camelot("stream"),
    "camelot hybrid": _camelot("hybrid"),
    "pdfplumber": run_pdfplumber,
}


def page_count(path: Path) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        return len(doc)
    finally:
        doc.close()


def run_tool(name: str, docs, cache: Path | None, progress: bool = True) -> dict:
    """{doc: {"correct", "predicted", "truth", "seconds", "pages", "error"}} for one tool."""
    fn = TOOLS[name]
    results = {}
    for stem, pdf, xml in docs:
        truth = icdar.truth_relations(xml)
        t = time.perf_counter()
        error = None
        try:
            tables = fn(pdf)
        except Exception as exc:  # a tool failing on a document scores 0 there; the error is reported
            tables, error = [], f"{type(exc).__name__}: {exc}"[:200]
        seconds = time.perf_counter() - t
        s = icdar.score(truth, icdar.pooled_relations(tables))
        results[stem] = {
            "correct": s.correct, "predicted": s.predicted, "truth": s.truth,
            "seconds": seconds, "pages": page_count(pdf), "error": error,
        }
        if progress:
            print(f"{name:16s} {stem:10s} F1 {s.f1:.2f}  {seconds:6.2f}s", file=sys.stderr, flush=True)
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        (cache / _cache_name(name)).write_text(json.dumps(results, indent=1))
    return results


def _cache_name(tool: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in tool) + ".json"


def _score(r: dict) -> icdar.Score:
    return icdar.Score(r["correct"], r["predicted"], r["truth"])


def render(all_results: dict[str, dict], docs) -> str:
    tools = list(all_results)
    lines = [
        "# Generic tables on the ICDAR 2013 table competition set",
        "",
        "Written by `python -m tools.bench_tables` from one run on this machine "
        f"({platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}).",
        "",
        f"Corpus: `{CORPUS.relative_to(CORPUS.parent.parent.parent) if CORPUS.is_relative_to(ROOT.parent) else CORPUS}` "
        f"({len(docs)} PDFs, {sum(next(iter(all_results.values()))[d[0]]['pages'] for d in docs)} pages), "
        "see `shared/corpus/README.md`. Every tool runs on whole documents, every page, with no table regions "
        "given and default settings. Metric: `tools/icdar.py` (the competition's adjacency relations between "
        "neighbouring non-empty cells, text normalised by NFKC, whitespace removed, lower-cased; all relations of a "
        "document pooled, so tables found where there is none cost precision). Mean F1 is the mean of per-document "
        "F1; micro P/R/F1 pool the relations of all documents. With `--cache`, tools not re-run are read from an "
        "earlier run of this command; pages/s of a tool is only comparable when runs had the machine to themselves "
        "(the camelot and pdfplumber rows here ran while planpipe was being developed on the other core).",
        "",
        "| tool | mean F1 | micro P | micro R | micro F1 | pages/s | failed docs |",
        "|---|---|---|---|---|---|---|",
    ]
    for name in tools:
        res = all_results[name]
        scores = [_score(res[d[0]]) for d in docs]
        m = icdar.micro(scores)
        pages = sum(res[d[0]]["pages"] for d in docs)
        secs = sum(res[d[0]]["seconds"] for d in docs)
        failed = sum(1 for d in docs if res[d[0]]["error"])
        lines.append(
            f"| {name} | {statistics.mean(s.f1 for s in scores):.3f} | {m.precision:.3f} | {m.recall:.3f} | "
            f"{m.f1:.3f} | {pages / secs:.1f} | {failed} |"
        )
    lines += [
        "",
        "Reference figures measured earlier on this machine with the same whole-page protocol (mean per-document F1), "
        "for comparison: " + ", ".join(f"{k} {v:.2f}" for k, v in REFERENCE.items()) + ".",
        "",
        "## Per document (F1)",
        "",
        "| document | pages | relations | " + " | ".join(tools) + " |",
        "|---|---|---|" + "---|" * len(tools),
    ]
    first = all_results[tools[0]]
    for stem, _, _ in docs:
        row = [stem, str(first[stem]["pages"]), str(first[stem]["truth"])]
        for name in tools:
            r = all_results[name][stem]
            row.append(f"{_score(r).f1:.2f}" + (" (error)" if r["error"] else ""))
        lines.append("| " + " | ".join(row) + " |")
    errors = [(n, d[0], all_results[n][d[0]]["error"]) for n in tools for d in docs if all_results[n][d[0]]["error"]]
    if errors:
        lines += ["", "## Errors", ""] + [f"- {n}, {stem}: `{e}`" for n, stem, e in errors]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tools.bench_tables", description=__doc__.splitlines()[0])
    ap.add_argument("--tools", default=",".join(TOOLS), help="comma-separated, from: " + ", ".join(TOOLS))
    ap.add_argument("--cache", type=Path, default=None, help="keep/reuse per-tool results here")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmark-icdar.md")
    ap.add_argument("--only", default=None, help="comma-separated document stems (for quick checks)")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)
    if not CORPUS.exists():
        print(f"Error: {CORPUS}: corpus not found; set PLANPIPE_CORPUS", file=sys.stderr)
        return 1
    docs = documents()
    if args.only:
        keep = set(args.only.split(","))
        docs = [d for d in docs if d[0] in keep]
    wanted = [t.strip() for t in args.tools.split(",") if t.strip()]
    if "camelot hybrid" in wanted and not _has_hybrid():
        wanted.remove("camelot hybrid")
    if "planpipe (pdfium reader)" in wanted and not _has_pdfium_reader():
        wanted.remove("planpipe (pdfium reader)")
    results: dict[str, dict] = {}
    for name in TOOLS:
        if name in wanted:
            results[name] = run_tool(name, docs, args.cache, progress=not args.quiet)
        elif args.cache is not None and (args.cache / _cache_name(name)).exists():
            cached = json.loads((args.cache / _cache_name(name)).read_text())
            if all(d[0] in cached for d in docs):
                results[name] = cached
    text = render(results, docs)
    if not args.only:
        args.out.write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
