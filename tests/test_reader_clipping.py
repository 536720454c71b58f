"""Text a clipping path hides is not printed, and neither reader reads it (docs/readers.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.readers import open_pdf


def _clipped_pdf(path: Path) -> Path:
    """A heading whose cell of fixed height shows 'Key line of' and hides 'enquiry' below its edge, and a
    line drawn wholly outside its clip, as LibreOffice and spreadsheets print them."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(400, 300))
    c.setFont("Helvetica", 10)
    c.drawString(20, 260, "Shown in full")
    c.saveState()
    clip = c.beginPath()
    clip.rect(20, 212, 120, 26)  # room for two lines: the third falls below the cell's edge
    c.clipPath(clip, stroke=0, fill=0)
    for k, text in enumerate(["Key line", "of", "enquiry"]):
        c.drawString(24, 228 - 12 * k, text)
    c.restoreState()
    c.saveState()
    hidden = c.beginPath()
    hidden.rect(20, 100, 120, 2)  # a row of no height
    c.clipPath(hidden, stroke=0, fill=0)
    c.drawString(24, 110, "Significant Risks")
    c.restoreState()
    c.save()
    return path


@pytest.mark.parametrize("reader", ["pdfium", "pdfplumber"])
def test_text_outside_its_clipping_path_is_not_read(tmp_path, reader):
    page = open_pdf(_clipped_pdf(tmp_path / "clipped.pdf"), reader=reader).pages[0]
    assert [w.text for w in page.words] == ["Shown", "in", "full", "Key", "line", "of"]
