"""No silent loss (issue 10): content the pdfium reader cannot decode is reported as `page-damaged`, with
the page and what was lost, in the quality report and as a `Warning:` line on stderr; undecodable
characters never reach an output.
"""

from __future__ import annotations

import json
import re

from pipeline.cli import main
from pipeline.readers import open_pdf
from tools.fuzz import STREAM, _decode_stream, rebuild_xref

from .conftest import PHASE1_PDF


def minimal_pdf(content: bytes, font: bytes = b"/Encoding /WinAnsiEncoding") -> bytes:
    """A one-page PDF (Helvetica, WinAnsi unless `font` says otherwise) whose page content is `content`,
    with a correct xref."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica " + font + b" >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return out


def test_a_readable_page_reports_no_damage(tmp_path):
    path = tmp_path / "ok.pdf"
    path.write_bytes(minimal_pdf(b"BT /F1 12 Tf 1 0 0 1 72 700 Tm (Recruit an officer) Tj ET"))
    page = open_pdf(path).pages[0]
    assert [w.text for w in page.words] == ["Recruit", "an", "officer"] and page.damage == []


def test_text_with_no_size_is_reported_as_damage(tmp_path):
    path = tmp_path / "sizeless.pdf"
    path.write_bytes(minimal_pdf(
        b"BT /F1 0 Tf 1 0 0 1 72 700 Tm (Lost action) Tj ET BT /F1 12 Tf 1 0 0 1 72 650 Tm (Kept) Tj ET"))
    page = open_pdf(path).pages[0]
    assert any("no size" in d for d in page.damage), page.damage


def test_a_glyph_wider_than_any_letter_is_reported_as_damage(tmp_path):
    # Fuzz byte mutant 125 of the LibreOffice seed (2026-12-03): one number of a font's /Widths grew, so
    # "Quality" printed its "Q" 310 pt wide, pushed "uality" into the status column and two rows merged,
    # with no warning. A width of 31 em is no letter's: the page is reported.
    widths = b" ".join(b"31000" if c == ord("Q") else b"600" for c in range(32, 127))
    font = b"/Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 126 /Widths [" + widths + b"]"
    path = tmp_path / "wide.pdf"
    path.write_bytes(minimal_pdf(b"BT /F1 10 Tf 1 0 0 1 72 700 Tm (Quality) Tj ET", font))
    assert any("wider than any glyph" in d for d in open_pdf(path).pages[0].damage)
    path.write_bytes(minimal_pdf(b"BT /F1 10 Tf 1 0 0 1 72 700 Tm (Quality) Tj ET", font.replace(b"31000", b"700")))
    assert open_pdf(path).pages[0].damage == []


def test_control_codes_in_text_are_undecodable_not_dropped(tmp_path):
    path = tmp_path / "control.pdf"
    path.write_bytes(minimal_pdf(b"BT /F1 12 Tf 1 0 0 1 72 700 Tm (Co\x01ordinate) Tj ET"))
    page = open_pdf(path).pages[0]
    assert any("could not be decoded" in d for d in page.damage), page.damage
    assert not any("\x01" in w.text for w in page.words)


def _damaged_plan(tmp_path) -> tuple:
    """The bundled plan with one page's body text set at font size 0 (its stream rewritten uncompressed)."""
    data = PHASE1_PDF.read_bytes()
    for m in STREAM.finditer(data):
        content = _decode_stream(data[m.end(): m.end() + int(m.group(1))])
        if content and b"Tf" in content and b"Tj" in content and content.count(b"Tj") > 50:
            damaged = re.sub(rb"/F1 (\d+(?:\.\d+)?) Tf", b"/F1 0 Tf", content)
            end = m.end() + int(m.group(1))
            out = data[: m.start()] + b"<< /Length %d >>\nstream\n" % len(damaged) + damaged + data[end:]
            path = tmp_path / "damaged-plan.pdf"
            path.write_bytes(rebuild_xref(out))
            return path, damaged != content
    raise AssertionError("no page content stream found in the bundled plan")


def test_extract_names_the_damaged_page_in_the_report_and_on_stderr(tmp_path, capsys):
    path, changed = _damaged_plan(tmp_path)
    assert changed
    damaged_pages = [p.number for p in open_pdf(path).pages if p.damage]
    assert damaged_pages, "the rewritten page should read as damaged"
    rc = main(["extract", str(path), "--out-dir", str(tmp_path / "out"), "--quiet", "--jobs", "1"])
    err = capsys.readouterr().err
    assert rc == 0
    report = json.loads((tmp_path / "out" / "damaged-plan.report.json").read_text(encoding="utf-8"))
    issues = [i for i in report["issues"] if i["code"] == "page-damaged"]
    assert sorted({i["page"] for i in issues}) == damaged_pages
    assert all("no size" in i["message"] for i in issues)
    warnings = [ln for ln in err.splitlines() if ln.startswith("Warning: ")]
    assert warnings and all(f"page {p}:" in "\n".join(warnings) for p in damaged_pages)


def test_a_page_shown_upside_down_is_read_the_right_way_up(tmp_path):
    # /Rotate 180 on one page (fuzz mutation s-media-box; a sheet scanned or flipped upside down): read
    # as it stands, its text runs right to left and its rows were lost without a word.
    import pytest

    pikepdf = pytest.importorskip("pikepdf")
    from pipeline.extraction import extract_pdf

    from .conftest import FIXTURES

    intact = FIXTURES / "layout-simple.pdf"
    turned = tmp_path / "turned.pdf"
    with pikepdf.open(intact) as pdf:
        pdf.pages[1].obj["/Rotate"] = 180
        pdf.save(turned)
    want = [r["action"] for r in extract_pdf(intact).records]
    assert [r["action"] for r in extract_pdf(turned).records] == want
    page = open_pdf(turned).pages[1]
    assert page.width < page.height  # still the portrait sheet it was printed on


def test_a_page_shown_on_its_side_is_turned_to_read_across(tmp_path):
    # /Rotate 90 or 270 on one page (fuzz mutation s-media-box, 2026-12-03: 42 of 50 actions and no
    # warning): its text runs up or down the page, so the page is turned a quarter, as a person would turn
    # it, and reads as the intact file does, word for word.
    import pytest

    pikepdf = pytest.importorskip("pikepdf")
    from pipeline.extraction import extract_pdf

    from .conftest import FIXTURES

    intact = FIXTURES / "layout-simple.pdf"
    fields = ("action", "lead_officer_raw", "measures", "milestone_raw", "rag")
    want = [tuple(r[f] for f in fields) for r in extract_pdf(intact).records]
    for rotate in (90, 270):
        turned = tmp_path / f"turned-{rotate}.pdf"
        with pikepdf.open(intact) as pdf:
            pdf.pages[1].obj["/Rotate"] = rotate
            pdf.save(turned)
        assert [tuple(r[f] for f in fields) for r in extract_pdf(turned).records] == want, rotate
        page = open_pdf(turned).pages[1]
        assert page.turned == (360 - rotate) and page.width < page.height
        assert open_pdf(intact).pages[1].turned == 0
