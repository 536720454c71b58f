"""The two PDF readers (pipeline.readers.open_pdf's `reader`): pdfium, the fast default, must give the
extractor what pdfplumber, the reference, gives. Every bundled PDF must come out with the same records,
data issues, legend and measures (coordinates within half a point), and bad input with the same error.
"""

from __future__ import annotations

import math

import pytest

from pipeline.errors import PlanpipeError
from pipeline.readers import open_pdf

from .conftest import CORPUS, FIXTURES, RAW, extraction

pytestmark = pytest.mark.heavy  # tests/conftest.py runs it first

PDFS = sorted(RAW.glob("*.pdf")) + sorted(FIXTURES.glob("*.pdf"))
BBOX_TOLERANCE = 0.5  # points: far inside every tolerance of the extractor


def differences(a, b, where: str = "") -> list[str]:
    """Where two nested values differ; floats may differ by BBOX_TOLERANCE."""
    if isinstance(a, float) and isinstance(b, float):
        if a == b or (math.isnan(a) and math.isnan(b)) or abs(a - b) <= BBOX_TOLERANCE:
            return []
        return [f"{where}: {a!r} != {b!r}"]
    if isinstance(a, dict) and isinstance(b, dict):
        return [d for k in sorted(set(a) | set(b), key=str) for d in differences(a.get(k), b.get(k), f"{where}.{k}")]
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        if len(a) != len(b):
            return [f"{where}: {len(a)} items != {len(b)} items"]
        return [d for i, (x, y) in enumerate(zip(a, b)) for d in differences(x, y, f"{where}[{i}]")]
    return [] if a == b else [f"{where}: {a!r} != {b!r}"]


def outputs(ex) -> dict:
    return {
        "records": ex.records,
        "issues": [(i.code, i.page, i.seq, i.field, i.value) for i in ex.log],
        "legend": [list(pair) for pair in ex.legend],
        "measures": ex.measures,
    }


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.name)
def test_both_readers_give_the_same_extraction(pdf):
    plumber = extraction(str(pdf), reader="pdfplumber")
    pdfium = extraction(str(pdf), reader="pdfium")
    assert plumber.records, "no records: the comparison would prove nothing"
    diffs = differences(outputs(plumber), outputs(pdfium))
    assert not diffs, f"{len(diffs)} differences, first: " + "; ".join(diffs[:5])


def test_both_readers_give_the_same_page_model():
    """Below the records: the same words, rules and fills (order aside: pdfplumber's word order
    follows float noise in its font sizes, and the extractor sorts words anyway)."""
    path = FIXTURES / "layout-simple.pdf"
    a, b = open_pdf(path, reader="pdfplumber"), open_pdf(path, reader="pdfium")
    assert len(a.pages) == len(b.pages)
    for pa, pb in zip(a.pages, b.pages):
        assert (round(pa.width, 2), round(pa.height, 2)) == (round(pb.width, 2), round(pb.height, 2))
        assert pa.has_images == pb.has_images
        for name in ("words", "hrules", "vrules", "fills"):
            key = lambda o: tuple(round(v) if isinstance(v, float) else v for v in (getattr(o, f) for f in type(o).__slots__))
            xs, ys = sorted(getattr(pa, name), key=key), sorted(getattr(pb, name), key=key)
            fields = lambda o: [getattr(o, f) for f in type(o).__slots__]
            diffs = differences([fields(o) for o in xs], [fields(o) for o in ys], f"page {pa.number} {name}")
            assert not diffs, diffs[:5]


def test_an_unknown_reader_is_refused():
    with pytest.raises(ValueError, match="unknown reader"):
        open_pdf(FIXTURES / "layout-simple.pdf", reader="mupdf")


BAD = [
    ("health_protected.pdf", None),
    ("health_protected.pdf", "wrong"),
    ("image.pdf", None),
    ("empty.pdf", None),
]


@pytest.mark.parametrize("name,password", BAD, ids=[f"{n}-{p}" for n, p in BAD])
def test_both_readers_refuse_bad_input_with_the_same_message(name, password):
    path = CORPUS / "real" / name
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared corpus of real PDFs)")
    messages = []
    for reader in ("pdfplumber", "pdfium"):
        with pytest.raises(PlanpipeError) as err:
            open_pdf(path, password=password, reader=reader)
        messages.append((type(err.value).__name__, str(err.value)))
    assert messages[0] == messages[1]


def test_not_a_pdf_gets_the_same_message_from_both_readers(tmp_path):
    bad = tmp_path / "page.pdf"
    bad.write_text("<html>not a pdf</html>")
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(b"%PDF-1.4\n garbage")
    for path in (bad, damaged):
        messages = []
        for reader in ("pdfplumber", "pdfium"):
            with pytest.raises(PlanpipeError) as err:
                open_pdf(path, reader=reader)
            messages.append(type(err.value).__name__)
        assert messages[0] == messages[1] == "NotAPdfError"


def test_float_noise_in_font_size_parts_no_word():
    """pdfminer's sizes for one word's letters can differ by a millionth of a point ("A" / "nnu" / "a" /
    "l" in camelot's background_lines_1.pdf); a real change of size (a superscript) still parts it."""
    from pipeline.readers.words import chars_to_words

    def ch(t, x0, size):
        return (t, x0, 100.0, x0 + 5.0, 109.0, 0, size, "Helvetica", False)

    noisy = [ch("A", 10, 8.99999), ch("n", 15, 8.999989), ch("n", 20, 9.0), ch("u", 25, 8.99998)]
    assert [w.text for w in chars_to_words(noisy)] == ["Annu"]
    superscript = [ch("m", 10, 9.0), ch("e", 15, 9.0), ch("1", 20, 6.0)]
    assert [w.text for w in chars_to_words(superscript)] == ["me", "1"]


def test_slanted_text_is_marked_by_both_readers_and_joins_no_line(tmp_path):
    """A stamp set at a slant across a table ("CONFIDENTIAL" at 30 degrees, too small for the outsized
    watermark test) is marked SLANTED by both readers, and the text stage keeps its letters out of the
    lines they cross, where they would have joined the cells' words."""
    from reportlab.pdfgen import canvas

    from pipeline.extract.text import page_lines
    from pipeline.readers.model import SLANTED

    path = tmp_path / "stamp.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842), invariant=1)
    c.setFont("Helvetica", 9)
    for k in range(12):
        c.drawString(40, 700 - 12 * k, f"Line {k} of the body text")
    c.saveState()
    c.translate(60, 600)
    c.rotate(30)
    c.setFont("Helvetica-Bold", 24)
    c.drawString(0, 0, "CONFIDENTIAL")
    c.restoreState()
    c.save()
    for reader in ("pdfium", "pdfplumber"):
        page = open_pdf(path, reader=reader).pages[0]
        slanted = [w for w in page.words if w.rotation == SLANTED]
        assert slanted and all(w.text in "CONFIDENTIAL" for w in slanted), reader
        texts = [ln.text for ln in page_lines(page)]
        assert texts == [f"Line {k} of the body text" for k in range(12)], (reader, texts)
