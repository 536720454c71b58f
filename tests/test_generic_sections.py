"""Section headings inside unruled tables (issue 12: "section headings inside unruled tables (kept as
rows, not cutting the table in pieces)"), for `planpipe tables`. The page is drawn by the test: a header,
then three sections, each a bold heading on a line of its own (short, or running across the table) over
rows of figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.tables import tables_from_pdf

pytest.importorskip("reportlab")

HEADER = ["Service area", "2022-23", "2023-24", "Change"]
SECTIONS = [
    ("Children's social care", "Section A: Children's social care services and early help across the borough",
     [("Referrals", "1,204", "1,311", "+107"), ("Assessments", "980", "1,045", "+65"),
      ("Child protection plans", "312", "298", "-14")]),
    ("Adult social care", "Section B: Adult social care and health integration with the NHS partners",
     [("Care packages", "2,410", "2,522", "+112"), ("Reviews", "1,870", "1,901", "+31")]),
    ("Housing", "Section C: Housing, homelessness prevention and temporary accommodation",
     [("Households assessed", "640", "702", "+62"), ("Placements", "88", "95", "+7"),
      ("Relief duty", "240", "233", "-7")]),
]


def _draw(path: Path, long_headings: bool) -> Path:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(595, 842), invariant=1)
    y = 780.0
    c.setFont("Helvetica-Bold", 9)
    for x, text in zip((60, 300, 380, 460), HEADER):
        c.drawString(x, y, text)
    y -= 16
    for short, long, rows in SECTIONS:
        y -= 6
        c.setFont("Helvetica-Bold", 9)
        c.drawString(60, y, long if long_headings else short)
        y -= 13
        c.setFont("Helvetica", 9)
        for label, *figures in rows:
            c.drawString(70, y, label)
            for x, text in zip((340, 420, 495), figures):
                c.drawRightString(x, y, text)
            y -= 13
    c.save()
    return path


@pytest.mark.parametrize("long_headings", [False, True])
def test_section_headings_are_rows_of_one_unruled_table(tmp_path, long_headings):
    [table] = tables_from_pdf(_draw(tmp_path / "sections.pdf", long_headings))
    expected = [HEADER]
    for short, long, rows in SECTIONS:
        expected.append([long if long_headings else short, "", "", ""])
        expected += [list(r) for r in rows]
    assert table.strategy == "text"
    assert table.rows() == expected
