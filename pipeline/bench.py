"""`make bench`: speed and accuracy of planpipe on the bundled publications, beside the parse floor.

Writes docs/benchmark.md from one run. For each PDF: pages/s of `extract_pdf` (both engines), of
pdfplumber merely reading every char, and of pypdfium2 reading the text; and, where an answer key
exists, per-field exact rates with the same scoring code as the tests.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _best_of(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def _plumber_chars(path: Path) -> int:
    import pdfplumber

    n = 0
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            n += len(page.chars)
            page.flush_cache()
    return n


def _pdfium_text(path: Path) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    n = 0
    for i in range(len(doc)):
        page = doc[i]
        tp = page.get_textpage()
        n += len(tp.get_text_range())
        tp.close()
        page.close()
    doc.close()
    return n


def _targets() -> list[tuple[str, Path, Path | None]]:
    from .sources import load_all

    out = []
    for s in load_all(ROOT / "sources"):
        key = ROOT / "data" / "reference" / "sefton-phase1-plan.json" if s.id == "sefton-phase1-2022" else None
        out.append((s.id, s.file, key))
    alt = ROOT / "tests" / "fixtures" / "sefton-phase1-alt.pdf"
    if alt.exists():
        out.append(("sefton-phase1-alt (fixture)", alt, ROOT / "data" / "reference" / "sefton-phase1-plan.json"))
    return out


def run(repeat: int = 3) -> str:
    from . import __version__
    from .extraction import extract_pdf
    from .scoring import score, sefton_answer_key

    # Warm-up: imports, spaCy's blank pipeline and vocabularies load once per process.
    first = _targets()[0][1]
    extract_pdf(first)
    lines = [
        "# planpipe benchmark",
        "",
        f"planpipe {__version__}; Python {platform.python_version()} on {platform.machine()}, "
        f"{os.cpu_count()} cores; best of {repeat} runs; command: `make bench`.",
        "",
        "## Speed (pages per second, higher is better)",
        "",
        "| publication | pages | planpipe extract (pdfplumber engine) | planpipe extract (camelot engine) | pdfplumber reading every char | pypdfium2 reading the text | planpipe time ÷ char-reading time |",
        "|---|---|---|---|---|---|---|",
    ]
    accuracy = []
    for name, path, key in _targets():
        ex = extract_pdf(path)
        pages = ex.pages
        t_plan = _best_of(lambda: extract_pdf(path), repeat)
        t_cam = _best_of(lambda: extract_pdf(path, engine="camelot"), 1)
        t_chars = _best_of(lambda: _plumber_chars(path), repeat)
        t_pdfium = _best_of(lambda: _pdfium_text(path), repeat)
        lines.append(
            f"| {name} | {pages} | {pages / t_plan:.1f} | {pages / t_cam:.1f} | {pages / t_chars:.1f} | "
            f"{pages / t_pdfium:.0f} | {t_plan / t_chars:.2f} |"
        )
        if key is not None:
            s = score(sefton_answer_key(key), ex.records)
            accuracy.append((name, s))
        print(f"{name}: {pages} pages, planpipe {pages / t_plan:.1f} p/s, chars {pages / t_chars:.1f} p/s", file=sys.stderr)
    lines += ["", "## Accuracy against the answer key (per-field exact rate)", ""]
    if accuracy:
        fields = accuracy[0][1].fields
        lines.append("| publication | found | extra | rows exact | " + " | ".join(fields) + " |")
        lines.append("|---|---|---|---|" + "---|" * len(fields))
        for name, s in accuracy:
            lines.append(
                f"| {name} | {s.found}/{s.expected} | {s.extra} | {100 * s.row_rate:.1f}% | "
                + " | ".join(f"{100 * s.field_rate(f):.1f}%" for f in fields)
                + " |"
            )
    lines += [
        "",
        "Pages/s are whole-document figures: the PDF is opened, read, extracted, normalised and held in",
        "memory (no Parquet writing). 'pdfplumber reading every char' opens the file and touches",
        "`page.chars` on every page: the floor of any pdfplumber-based pipeline.",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmark.md")
    args = parser.parse_args(argv)
    text = run(args.repeat)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
