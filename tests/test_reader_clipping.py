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


def _sliver_pdf(path: Path) -> Path:
    """'ocean' (letters of x-height alone) set under a cell's edge so that only their tops show (the box
    its font gives each letter, which reaches well below the ink, has its middle inside the cell), and
    'shown' wholly inside: a header row of fixed height printed again ("Acti" / "on" / "code")."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(400, 300))
    c.setFont("Helvetica", 20)
    # The cell's lower edge 5.55 pt above the baseline of 'ocean'.
    _clipped(c, (10, 205.55, 300, 60), [(20, 200, "ocean"), (150, 230, "shown")])
    c.save()
    return path


def _clipped(c, rect: tuple[float, float, float, float], texts: list[tuple[float, float, str]]) -> None:
    """Draw each (x, y, text) on canvas `c` inside the clipping rectangle (x, y, width, height)."""
    c.saveState()
    clip = c.beginPath()
    clip.rect(*rect)
    c.clipPath(clip, stroke=0, fill=0)
    for x, y, text in texts:
        c.drawString(x, y, text)
    c.restoreState()


@pytest.mark.parametrize("reader", ["pdfium", "pdfplumber"])
def test_a_letter_whose_ink_is_mostly_cut_off_by_its_clip_is_not_read(tmp_path, reader):
    """Found on layout 166100051 (fresh seed 1661, LibreOffice: 61.0% -> 100%): the clipped third line
    of "Acti" / "on" / "code" showed a sliver of ink, yet its font box's middle lay inside the header's
    cell, so the header ran down over the first row's top line. A letter the clip's edge crosses is
    judged by its glyph's ink: less than half of it shown, it is not printed."""
    page = open_pdf(_sliver_pdf(tmp_path / "sliver.pdf"), reader=reader).pages[0]
    assert [w.text for w in page.words] == ["shown"]
