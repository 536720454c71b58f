"""Benchmark over generated layouts: ``python -m tools.layouts.bench --n 300 --seed 1``.

Each layout is generated (tools/layouts/build.py), self-checked against its answer key
(tools/layouts/selfcheck.py), extracted with today's ``pipeline.extraction.extract_pdf`` and scored with
tools/scoring.py on every canonical field of its key. Writes docs/benchmark-layouts.md: recall,
precision and all-right per layout and their distribution, a breakdown per dimension value and per
producer, pages/s, the worst ten layouts with what went wrong, seen and unseen wordings apart.

    recall     answer-key actions matched to an extracted row / actions in the key
    precision  extracted rows matched to a key action / extracted rows (1.0 when nothing is extracted)
    all-right  key actions extracted with every canonical field exactly right / actions in the key
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import resource
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path

from tools.layouts import generate, selfcheck
from tools.layouts.build import build, layout_seed

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "benchmark-layouts.md"
WORKERS = 2  # the machine has two cores
CHECKPOINT_EVERY = 10  # layouts between rewrites of the report, so a long run stopped early still reports
BUCKETS = ((0.0, 0.0, "0%"), (0.0, 0.5, "(0, 50%)"), (0.5, 0.9, "[50, 90%)"), (0.9, 1.0, "[90, 100%)"),
           (1.0, 1.0, "100%"))


def scored_fields(key: dict) -> list[str]:
    return list(generate.KEY_FIELDS) + (["rag"] if key["actions"] and "rag" in key["actions"][0] else [])


def what_went_wrong(error: str | None, sc) -> str:
    if error:
        return error.split(": ", 1)[-1][:120]
    parts = []
    if sc.found < sc.expected:
        parts.append(f"{sc.expected - sc.found} actions missing")
    if sc.extra:
        parts.append(f"{sc.extra} extra rows")
    wrong = Counter(mismatch[1] for mismatch in sc.mismatches)
    worst = ", ".join(f"{f} wrong in {n}" for f, n in wrong.most_common(3))
    if worst:
        parts.append(worst)
    return "; ".join(parts) or "-"


def run_one(args: tuple[int, str, str | None]) -> dict:
    """Generate, self-check, extract and score one layout (runs in a worker process)."""
    from pipeline.errors import PlanpipeError
    from pipeline.extraction import extract_pdf
    from tools.scoring import score

    seed, folder, producer = args
    cpu0 = cpu_seconds()
    t0 = time.perf_counter()
    built = build(seed, Path(folder), producer)
    gen_s = time.perf_counter() - t0
    pdf = built.pdf.read_bytes()
    problems = selfcheck.check(pdf, built.key)
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(built.pdf))
    pages = len(doc)
    doc.close()
    t1 = time.perf_counter()
    error, records = None, []
    try:
        records = extract_pdf(built.pdf).records
    except PlanpipeError as exc:
        error = f"{type(exc).__name__}: {exc}"
    except Exception as exc:  # noqa: BLE001 - a crash is a result to report, not a reason to stop the run
        error = f"crash {type(exc).__name__}: {exc}"
    ext_s = time.perf_counter() - t1
    cpu_s = cpu_seconds() - cpu0
    key = built.key
    sc = score(key["actions"], records, scored_fields(key))
    built.pdf.unlink()
    return {
        "seed": seed, "dims": key["dims"], "pages": pages, "actions": sc.expected, "found": sc.found,
        "extra": sc.extra, "exact": sc.rows_exact, "extracted": len(records),
        "recall": sc.found_rate, "precision": sc.found / (sc.found + sc.extra) if sc.found + sc.extra else 1.0,
        "all_right": sc.row_rate, "fields": {f: sc.field_rate(f) for f in sc.fields},
        "selfcheck": problems[:5], "selfcheck_problems": len(problems),
        "error": error, "wrong": what_went_wrong(error, sc), "gen_s": gen_s, "extract_s": ext_s,
        "cpu_s": cpu_s,
    }


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (LibreOffice): on a shared machine, wall-clock time
    says more about the neighbours than about the benchmark."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def warm_up() -> None:
    """Load the content pool and the extractor once in the parent: forked workers inherit them."""
    import pipeline.extraction  # noqa: F401

    generate.action_pool()


def producer_for(seed: int, producer: str | None, producers: tuple[str, ...] | None) -> str | None:
    """The producer a layout is rendered with: forced, or the drawn one when it is allowed, or a seeded choice
    among the allowed ones (every other dimension stays as drawn)."""
    if producer is not None or not producers:
        return producer
    drawn = generate.draw_dims(seed)["producer"]
    return drawn if drawn in producers else random.Random(f"producer-{seed}").choice(producers)


def run(n: int, seed: int, workers: int = WORKERS, producer: str | None = None, folder: Path | None = None,
        progress: bool = False, producers: tuple[str, ...] | None = None,
        checkpoint=None) -> tuple[list[dict], float]:
    """Generates, self-checks, extracts and scores layouts 0..n-1 of run ``seed``; (results, wall seconds)."""
    tmp = tempfile.TemporaryDirectory(prefix="planpipe-layouts-") if folder is None else None
    where = str(folder or tmp.name)  # type: ignore[union-attr]
    seeds = [layout_seed(seed, i) for i in range(n)]
    tasks = [(s, where, producer_for(s, producer, producers)) for s in seeds]
    start = time.perf_counter()
    warm_up()
    results = []
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(workers, maxtasksperchild=20) as pool:
        for i, res in enumerate(pool.imap_unordered(run_one, tasks), start=1):
            results.append(res)
            if checkpoint is not None and i % CHECKPOINT_EVERY == 0 and i < n:
                checkpoint(sorted(results, key=lambda r: r["seed"]), time.perf_counter() - start)
            if progress:
                print(f"[{i}/{n}] layout {res['seed']}: recall {res['recall']:.2f} all-right {res['all_right']:.2f}"
                      f" selfcheck {res['selfcheck_problems']} ({res['gen_s']:.1f}s + {res['extract_s']:.1f}s,"
                      f" {res['cpu_s']:.1f}s CPU)",
                      flush=True)
    wall = time.perf_counter() - start
    if tmp is not None:
        tmp.cleanup()
    results.sort(key=lambda r: r["seed"])
    return results, wall


# --- the report ----------------------------------------------------------------------------------------------
def pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def summary_row(label: str, rs: list[dict]) -> str:
    if not rs:
        return f"| {label} | 0 | - | - | - | - |"
    act = sum(r["actions"] for r in rs)
    micro = sum(r["found"] for r in rs) / act if act else 0.0
    return (f"| {label} | {len(rs)} | {pct(statistics.mean(r['recall'] for r in rs))} | "
            f"{pct(statistics.mean(r['precision'] for r in rs))} | {pct(statistics.mean(r['all_right'] for r in rs))} | "
            f"{pct(micro)} |")


HEAD = ("| | layouts | recall (mean) | precision (mean) | all-right (mean) | actions found (all layouts) |\n"
        "|---|---:|---:|---:|---:|---:|")


def distribution(results: list[dict]) -> list[str]:
    lines = ["| per layout | " + " | ".join(b[2] for b in BUCKETS) + " |", "|---|" + "---:|" * len(BUCKETS)]
    for metric in ("recall", "precision", "all_right"):
        counts = []
        for lo, hi, _ in BUCKETS:
            if lo == hi:
                counts.append(sum(1 for r in results if r[metric] == lo))
            else:
                counts.append(sum(1 for r in results if lo < r[metric] < hi or (r[metric] == lo and lo > 0)))
        lines.append(f"| {metric.replace('_', '-')} | " + " | ".join(str(c) for c in counts) + " |")
    return lines


def per_dimension(results: list[dict]) -> list[str]:
    """One row per dimension value; dimensions ordered by how much all-right varies across their values."""
    spreads = []
    for dim in generate.DIMENSIONS:
        groups: dict[str, list[dict]] = {}
        for r in results:
            groups.setdefault(r["dims"][dim], []).append(r)
        means = [statistics.mean(x["all_right"] for x in g) for g in groups.values() if len(g) >= 3]
        spreads.append((max(means) - min(means) if len(means) > 1 else 0.0, dim, groups))
    lines = []
    for spread, dim, groups in sorted(spreads, key=lambda s: -s[0]):
        lines.append(f"\n**{dim}** (all-right spread {pct(spread)})\n")
        lines.append(HEAD)
        for value in sorted(groups):
            lines.append(summary_row(value, groups[value]))
    return lines


def field_rates(results: list[dict]) -> list[str]:
    fields = list(generate.KEY_FIELDS) + ["rag"]
    lines = ["| field | exact (mean over layouts that score it) |", "|---|---:|"]
    for f in fields:
        vals = [r["fields"][f] for r in results if f in r["fields"]]
        if vals:
            lines.append(f"| {f} | {pct(statistics.mean(vals))} |")
    return lines


NOTES = """## What is generated

Each layout draws every dimension below independently from its seed (tools/layouts/generate.py,
`DIMENSIONS`), then 40-150 actions from the Sefton Phase 1 truth and the constructed Phase 2
(tools/samples), re-dressed with tools/layouts/vocab.py (officer titles, themes, measures, comments).

| dimension | values |
|---|---|
{dimension_rows}

- **Producers.** reportlab draws with tools/samples/render.py's engine (rules as strokes or as thin filled
  rectangles, frame drawn as an overlay); WeasyPrint lays out HTML/CSS (justified, hyphenated text with
  ligatures, `<thead>` repetition, rowspans and rows split by the engine, rotated headings, zebra rows, a fixed
  DRAFT watermark, page-margin running heads); LibreOffice converts a python-docx DOCX (vMerge/gridSpan
  merges, shading, `tblHeader` rows, `btLr` text direction) headless.
- **What a producer cannot draw is recorded, not hidden.** reportlab has no group headings, rotated headings,
  zebra fills or header-less continuation tables; LibreOffice gets no watermark (python-docx cannot write
  Word's VML watermark); only reportlab chooses between strokes and rectangles. The layout's key records the
  value actually drawn (`dims`; `drawn` keeps the draw), and every breakdown below uses the value drawn.
- **Answer keys** hold every canonical field of tools/scoring.py as printed, null where the layout has no
  column for it; a cell left blank to mean "same as above" and a merged cell hold the value they stand for;
  bullets and list numbers are not part of a measure; a combined cell ("Q2 2023/24 – Amber",
  "Head of HR, March 2024", "1.3 Recruit ...") is keyed as its fields; a colour-only status has `rag_raw`
  null and its canonical `rag`; a banner "Priority 2: Early Help" gives `theme_ref` 2 and `theme`. Keys
  also list the non-canonical columns and every table with whether it is an action table (indicator, KPI,
  budget and legend tables are not: any row taken from them counts against precision).
- **Self-check.** tools/layouts/selfcheck.py reads each PDF back with pdfplumber and finds every printed key
  cell in its column's band, in row order, comparing letters and digits only (so hyphenation, ligatures and
  wrapping do not matter, a word in the wrong column or row does); tests/test_layout_generator.py proves it
  fails a key with one cell moved.
- **Scoring** is tools/scoring.py: rows aligned on action text, every canonical field compared exactly after
  whitespace normalisation. Nothing is partially credited.
"""


def commit() -> str:
    """The checkout's commit, so a figure can be tied to the extractor that produced it."""
    import subprocess

    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                             timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    return out.stdout.strip() or "unknown"


def dimension_rows() -> str:
    return "\n".join(f"| {d} | {', '.join(v)} |" for d, v in generate.DIMENSIONS.items())


def report(results: list[dict], wall: float, n: int, seed: int, workers: int) -> str:
    pages = sum(r["pages"] for r in results)
    ext = sum(r["extract_s"] for r in results)
    gen = sum(r["gen_s"] for r in results)
    cpu = sum(r["cpu_s"] for r in results)
    bad_keys = [r for r in results if r["selfcheck_problems"]]
    errors = Counter((r["error"] or "").split(":", 1)[0] for r in results if r["error"])
    known = [r for r in results if r["dims"]["wordings"] == "known"]
    seen = [r for r in results if r["dims"]["wordings"] == "seen"]
    unseen = [r for r in results if r["dims"]["wordings"] == "unseen"]
    worst = sorted(results, key=lambda r: (r["all_right"], r["recall"], r["seed"]))[:10]
    out = [
        "# Benchmark: generated council layouts",
        "",
        *([f"**Partial run: {len(results)} of {n} layouts done when this was written.**", ""]
          if len(results) < n else []),
        f"Extractor: planpipe at commit {commit()}.",
        "",
        f"Generated by `make bench-layouts N={n} SEED={seed}` (`python -m tools.layouts.bench --n {n} --seed {seed}`) "
        f"with {workers} worker processes. Do not edit by hand. Each layout is drawn by tools/layouts/generate.py "
        "from its seed, every dimension independently; its answer key holds every canonical field as printed "
        "(null where the layout has no column: nothing may be invented). The extractor is today's "
        "`pipeline.extraction.extract_pdf`, unchanged; this page measures it, it does not tune it.",
        "",
        "- **recall**: key actions matched to an extracted row (aligned on action text, tools/scoring.py) / key actions;",
        "- **precision**: extracted rows matched to a key action / extracted rows (100% when nothing is extracted);",
        "- **all-right**: key actions with every canonical field exactly right / key actions.",
        "",
        "## Headline",
        "",
        HEAD,
        summary_row("all layouts", results),
        summary_row("known wordings (control)", known),
        summary_row("seen wordings", seen),
        summary_row("unseen wordings", unseen),
        "",
        f"- answer-key self-check (every printed key cell found in its column region, in row order): "
        f"{len(results) - len(bad_keys)}/{len(results)} layouts pass",
        f"- extraction errors: {sum(errors.values())} layouts"
        + (" (" + ", ".join(f"{k} {v}" for k, v in errors.most_common()) + ")" if errors else ""),
        f"- pages: {pages} in {len(results)} layouts; extraction {pages / ext:.2f} pages/s per worker (wall clock) "
        f"({ext:.0f} s of extraction), generation {gen:.0f} s; wall clock {wall / 60:.1f} min for generating, "
        f"self-checking and scoring all {len(results)}",
        f"- CPU time: {cpu / 60:.1f} min in all ({cpu / len(results):.1f} s per layout), i.e. about "
        f"{cpu / workers / 60:.1f} min of wall clock on {workers} otherwise idle cores; 300 layouts: about "
        f"{300 * cpu / len(results) / workers / 60:.0f} min",
        "- per producer, CPU seconds per layout: "
        + ", ".join(f"{p} {statistics.mean(r['cpu_s'] for r in rs):.1f}"
                    for p in generate.DIMENSIONS["producer"]
                    if (rs := [r for r in results if r["dims"]["producer"] == p])),
        "",
        "'Known' wordings are only those schemas/headers.json holds today: the control arm, which shows what "
        "the other dimensions cost when the headings are recognised. 'Seen' wordings are the half of tools/layouts/vocab.py's vocabulary that may be added to "
        "schemas/headers.json, plus the wordings schemas already hold; 'unseen' wordings are never added "
        "(a test fails if one appears in schemas/).",
        "",
        NOTES.format(dimension_rows=dimension_rows()),
        "## Distribution per layout",
        "",
        *distribution(results),
        "",
        "## Per field",
        "",
        *field_rates(results),
        "",
        "## Per producer",
        "",
        HEAD,
        *[summary_row(p, [r for r in results if r["dims"]["producer"] == p]) for p in generate.DIMENSIONS["producer"]],
        "",
        "## Per dimension value (which features cost most)",
        "",
        "Dimensions in order of how far all-right differs between their values (values met fewer than three "
        "times are listed but not counted in the spread). Values are those actually drawn (see above).",
        *per_dimension(results),
        "",
        "## The ten worst layouts",
        "",
        "| layout seed | producer | page | wordings | actions | found | extra | all-right | what went wrong |",
        "|---|---|---|---|---:|---:|---:|---:|---|",
        *[f"| {r['seed']} | {r['dims']['producer']} | {r['dims']['page']} | {r['dims']['wordings']} | {r['actions']} | "
          f"{r['found']} | {r['extra']} | {pct(r['all_right'])} | {r['wrong']} |" for r in worst],
        "",
        "Re-render one: `python -m tools.layouts.build --layout SEED --out DIR`.",
        "",
    ]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tools.layouts.bench", description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, default=WORKERS)
    ap.add_argument("--producer", choices=generate.DIMENSIONS["producer"], help="only this producer")
    ap.add_argument("--producers", help="comma-separated producers allowed (a layout drawn with another one "
                    "gets a seeded choice among these; the CI sample uses reportlab,weasyprint)")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--results", type=Path, help="also write the per-layout results as JSON lines")
    args = ap.parse_args(argv)
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    producers = tuple(args.producers.split(",")) if args.producers else None

    def write(results: list[dict], wall: float) -> None:
        args.out.write_text(report(results, wall, args.n, args.seed, args.workers), encoding="utf-8")

    results, wall = run(args.n, args.seed, args.workers, args.producer, progress=True, producers=producers,
                        checkpoint=write)
    if args.results:
        args.results.write_text("".join(json.dumps(r) + "\n" for r in results), encoding="utf-8")
    write(results, wall)
    print(f"wrote {args.out} ({wall / 60:.1f} min)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
