"""Shared fixtures: paths, and extractions cached per session (a whole-PDF extraction takes seconds)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
RAW = ROOT / "data" / "raw"
REFERENCE = ROOT / "data" / "reference" / "sefton-phase1-plan.json"
PHASE1_PDF = RAW / "sefton-phase1-2022.pdf"
PHASE1_ALT_PDF = FIXTURES / "sefton-phase1-alt.pdf"
# Real PDFs nobody here wrote (../shared/corpus/README.md); tests using them skip when absent.
CORPUS = ROOT.parent / "shared" / "corpus"


def pytest_collection_modifyitems(items):
    """Modules marked `heavy` first (a stable sort keeps the rest in order): with a worker per core taking
    whole files, a minute-long module started last would leave the other core idle at the end."""
    items.sort(key=lambda item: item.get_closest_marker("heavy") is None)


@lru_cache(maxsize=None)
def extraction(path: str, engine: str = "pdfplumber", reader: str = "pdfium"):
    """extract_pdf(path), once per session; `reader` is the PDF reader (tests/test_readers.py uses both)."""
    from pipeline.extraction import extract_pdf

    return extract_pdf(path, engine=engine, reader=reader)


@pytest.fixture(scope="session")
def phase1():
    return extraction(str(PHASE1_PDF))


@pytest.fixture(scope="session")
def phase1_alt():
    return extraction(str(PHASE1_ALT_PDF))


@pytest.fixture(scope="session")
def answer_key():
    from tools.scoring import sefton_answer_key

    return sefton_answer_key(REFERENCE)


# The bundled pair as `make extract` and `make diff` lay it out: DIR/<id>.parquet, DIR/measures/<id>.parquet,
# DIR/diff/<old>--<new>/diff.parquet (tests/test_reports.py, tests/test_recipes.py).
BUNDLED_IDS = ("sefton-phase1-2022", "sefton-phase2-2023")
BUNDLED_DIFF = "diff/sefton-phase1-2022--sefton-phase2-2023"


@pytest.fixture(scope="session")
def processed(tmp_path_factory):
    """data/processed for the bundled pair, written by the CLI from the repo root (where the registry is)."""
    import os

    from pipeline.cli import main

    out = tmp_path_factory.mktemp("root") / "data" / "processed"
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        sources = [arg for i in BUNDLED_IDS for arg in ("--source", str(ROOT / "sources" / f"{i}.toml"))]
        assert main(["extract", "--quiet", "--jobs", "1", *sources, "--out-dir", str(out)]) == 0
        old, new = (str(out / f"{i}.parquet") for i in BUNDLED_IDS)
        assert main(["diff", old, new, "--out-dir", str(out / BUNDLED_DIFF)]) == 0
        assert main(["datapackage", str(out)]) == 0
    finally:
        os.chdir(here)
    return out


def wrap_to(text: str, width: float, font: str = "Helvetica", size: float = 9.0) -> list[str]:
    """The lines of `text` as a word processor wraps it `width` points wide: each line takes every word
    that fits. (Lines broken earlier read as broken by hand, as printed.)"""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = []
    for word in text.split():
        if lines and stringWidth(lines[-1] + " " + word, font, size) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def canvas_with_header(path, xs, headings, y: float = 790.0):
    """A reportlab canvas (A4 portrait) with one line of bold headings at `y`, set for 9 pt body text."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(595, 842), invariant=1)
    c.setFont("Helvetica-Bold", 9)
    for x, h in zip(xs, headings):
        c.drawString(x, y, h)
    c.setFont("Helvetica", 9)
    return c
