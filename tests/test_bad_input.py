"""Bad input (issue #5): each kind of unusable PDF gets exit code 1 and one `Error: <path>: ...` line that
says what is wrong and how to fix it, never a traceback, and an existing output is left untouched.

The fixtures are generated here (reportlab, Pillow), not committed: a web page saved as .pdf, zero bytes,
a truncated PDF, a scan (pages that are only images), an absurd page size, 2,000 near-empty pages, and
an action table whose headings are all unknown.
"""

from __future__ import annotations

import io
import re
import time
from pathlib import Path

import pytest

from pipeline.cli import main
from tools.fuzz import rebuild_xref

from .conftest import PHASE1_PDF

NO_TABLE = "no action table found"
# Pages of the "thousands of pages" case; near-empty pages keep it to a few seconds.
MANY_PAGES = 2000


def web_page(path: Path) -> None:
    path.write_text("<!DOCTYPE html>\n<html><head><title>Page not found</title></head>"
                    "<body><h1>404</h1><p>The document has moved.</p></body></html>\n", encoding="utf-8")


def zero_bytes(path: Path) -> None:
    path.write_bytes(b"")


def truncated(path: Path) -> None:
    data = PHASE1_PDF.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def scan(path: Path) -> None:
    """Two pages that are only a picture of a table (what a scanner makes)."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    img = Image.new("RGB", (600, 400), "white")
    draw = ImageDraw.Draw(img)
    for i in range(10):
        draw.line((20, 30 + 35 * i, 580, 30 + 35 * i), fill="black", width=2)
        draw.rectangle((30, 38 + 35 * i, 200, 52 + 35 * i), fill="grey")
    buf = io.BytesIO()
    img.save(buf, "PNG")
    c = canvas.Canvas(str(path), pagesize=(842, 595), invariant=1)
    for _ in range(2):
        buf.seek(0)
        c.drawImage(ImageReader(buf), 40, 40, 760, 507)
        c.showPage()
    c.save()


def absurd_page_size(path: Path) -> None:
    """An ordinary page whose MediaBox is then patched to 100,000 x 100,000 pt (xref offsets fixed)."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), invariant=1, pageCompression=0)
    c.drawString(72, 720, "Action   Lead officer   Milestone")
    c.save()
    data = re.sub(rb"/MediaBox \[[^\]]*\]", b"/MediaBox [ 0 0 100000 100000 ]", path.read_bytes())
    assert b"100000 100000" in data
    path.write_bytes(rebuild_xref(data))


def many_pages(path: Path) -> None:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), invariant=1)
    for i in range(MANY_PAGES):
        c.drawString(72, 720, f"Page {i + 1}")
        c.showPage()
    c.save()


def unknown_headings(path: Path) -> None:
    """A ruled table with a bold header row of headings no synonym list knows."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(842, 595), invariant=1)
    xs = [40, 240, 440, 640, 800]
    top = 540
    c.setFont("Helvetica-Bold", 10)
    for x, heading in zip(xs, ["Banana", "Weather", "Colour", "Mood"]):
        c.drawString(x + 4, top, heading)
    c.setFont("Helvetica", 9)
    y = top - 10
    c.line(xs[0], top + 14, xs[-1], top + 14)
    c.line(xs[0], y, xs[-1], y)
    for r in range(8):
        for j, x in enumerate(xs[:-1]):
            c.drawString(x + 4, y - 14, f"Row {r + 1} cell {j + 1} text")
        y -= 40
        c.line(xs[0], y, xs[-1], y)
    for x in xs:
        c.line(x, top + 14, x, y)
    c.save()


# name -> (builder, phrases the message must hold: what is wrong, and how to fix it)
CASES = {
    "web-page": (web_page, ("not a PDF", "not a web page")),
    "zero-bytes": (zero_bytes, ("the file is empty (0 bytes)", "download it again")),
    "truncated": (truncated, ("try re-downloading it",)),
    "scan": (scan, ("no text layer", "OCR", "ocrmypdf")),
    "absurd-page-size": (absurd_page_size, ("page 1: ", "absurd page size 100000 x 100000 pt")),
    "unknown-headings": (unknown_headings, (NO_TABLE, "--explain", "registry entry")),
}


def extract(pdf: Path, out_dir: Path, capsys) -> tuple[int, str]:
    code = main(["extract", str(pdf), "--out-dir", str(out_dir), "--quiet"])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, err


def existing_outputs(out_dir: Path, stem: str) -> dict[str, bytes]:
    """Outputs of an earlier good run of a file with the same stem: a failure must leave them alone."""
    out_dir.mkdir()
    files = {f"{stem}.parquet": b"PAR1 an earlier good output PAR1", f"{stem}.report.json": b'{"actions": 3}\n'}
    for name, data in files.items():
        (out_dir / name).write_bytes(data)
    return files


def assert_untouched(out_dir: Path, files: dict[str, bytes]) -> None:
    assert sorted(p.name for p in out_dir.iterdir()) == sorted(files), "a failed file wrote or left files"
    for name, data in files.items():
        assert (out_dir / name).read_bytes() == data, f"{name} was overwritten by a failed run"


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_is_one_error_line_saying_what_and_how_to_fix(case, tmp_path, capsys):
    build, phrases = CASES[case]
    pdf = tmp_path / f"{case}.pdf"
    build(pdf)
    out_dir = tmp_path / "out"
    before = existing_outputs(out_dir, pdf.stem)
    code, err = extract(pdf, out_dir, capsys)
    assert code == 1, err
    assert err.startswith(f"Error: {pdf}: "), err
    assert len(err.strip().splitlines()) == 1, err
    for phrase in phrases:
        assert phrase in err, err
    assert "could not process this file" not in err, err  # the catch-all for planpipe bugs
    assert_untouched(out_dir, before)


def test_thousands_of_near_empty_pages_finish_and_say_no_table(tmp_path, capsys):
    pdf = tmp_path / "minutes.pdf"
    many_pages(pdf)
    out_dir = tmp_path / "out"
    before = existing_outputs(out_dir, pdf.stem)
    start = time.perf_counter()
    code, err = extract(pdf, out_dir, capsys)
    seconds = time.perf_counter() - start
    assert code == 1, err
    assert err.startswith(f"Error: {pdf}: {NO_TABLE}"), err
    assert len(err.strip().splitlines()) == 1, err
    assert seconds < 60, f"{MANY_PAGES} near-empty pages took {seconds:.0f} s"
    assert_untouched(out_dir, before)


def test_blank_pages_say_there_is_no_text_layer(tmp_path, capsys):
    from reportlab.pdfgen import canvas

    pdf = tmp_path / "blank.pdf"
    c = canvas.Canvas(str(pdf), invariant=1)
    for _ in range(200):
        c.showPage()
    c.save()
    code, err = extract(pdf, tmp_path / "out", capsys)
    assert code == 1
    assert err.startswith(f"Error: {pdf}: the PDF has no text layer"), err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
