"""A ruled header whose top row groups two columns under one heading ("Accountability" over "Lead
officer and date" and "Ref"): the rule between the grouped columns starts below the group's row, and
must still part them (issue 12). Found on a layout of dev seed 31 (LibreOffice, a two-level header),
where the refs were read into the officer column for every row."""

from __future__ import annotations

from types import SimpleNamespace

from pipeline.extract.grid import _header_rule_cuts
from pipeline.extract.headers import Header, HeaderCell
from pipeline.readers.model import Rule


def test_a_rule_starting_below_a_group_heading_parts_the_grouped_columns():
    # Header text from y 100 (the group row) to 128 (the headings' row); the rule at x 220 parts only
    # the lower row, from y 116 down: below the band's middle (114).
    header = Header([HeaderCell("lead_officer", "Lead officer and date", 43, 200, 114, 128),
                     HeaderCell("ref", "Ref", 223, 240, 114, 128)], top=100, bottom=128)
    page = SimpleNamespace(vrules=[Rule(40, 98, 40, 300), Rule(220, 116, 220, 300), Rule(260, 98, 260, 300)])
    assert _header_rule_cuts(page, header) == [40, 220, 260]


def test_a_header_closed_by_a_rule_drawn_cell_by_cell_holds_its_sub_headings(tmp_path):
    # Seed-31 layout 3100040: "Monitoring" groups "Risks" and "Latest position" on the line below; the
    # rule under the header is drawn one cell at a time, so no segment spans the header alone. Its
    # segments are one rule, the header's foot: the sub-headings are in the header and name the columns,
    # and the text under "Latest position" stays out of the action column.
    from reportlab.pdfgen import canvas

    from pipeline.extraction import extract_pdf

    path = tmp_path / "plan.pdf"
    c = canvas.Canvas(str(path), pagesize=(842, 595), invariant=1)
    edges = [40.0, 150.0, 260.0, 480.0, 500.0, 600.0, 800.0]
    c.setFont("Helvetica-Bold", 8)
    c.drawString(43, 560, "Monitoring")
    c.line(40, 556, 260, 556)  # the group's rule, over its two columns only
    c.drawString(43, 546, "Risks")
    c.drawString(153, 546, "Latest position")
    for x, heading in zip(edges[2:], ["Action to be delivered", "", "Due date", "Responsible person"]):
        c.drawString(x + 3, 560, heading)
    c.saveState()  # a narrow column's heading set on its side, as tall as the header
    c.translate(edges[3] + 12, 515)
    c.rotate(90)
    c.drawString(0, 0, "Action code")
    c.restoreState()
    for a, b in zip(edges, edges[1:]):
        c.line(a, 508, b, 508)  # the header's foot, cell by cell
    c.setFont("Helvetica", 8)
    actions = ["Develop and deliver a recruitment drive for senior managers", "Recruit a Participation Officer",
               "Recruit Service Manager for Targeted Early Help", "Recruit Practice Improvement Managers"]
    y = 495.0
    for n, action in enumerate(actions):
        cells = ["Monthly monitoring", f"Progress reported in month {n + 1}", action, f"1.{n + 1}", "March 2025",
                 "Head of HR"]
        for x, text in zip(edges, cells):
            c.drawString(x + 3, y, text)
        y -= 14
        for a, b in zip(edges, edges[1:]):
            c.line(a, y + 10, b, y + 10)
    c.save()
    records = extract_pdf(path).records
    assert [r["action"] for r in records] == actions
    assert [r["extra"].get("Latest position") for r in records] == [f"Progress reported in month {n + 1}"
                                                                    for n in range(4)]
