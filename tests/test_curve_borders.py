"""Table borders and cell fills drawn as curves (issue 12: "borders drawn as curves").

pdfminer calls any path that is not one line or one closed axis-aligned rectangle a curve, and both
readers used to ignore curves. Producers draw borders that way all the time: a cell's sides as one
open polyline, straight lines as Béziers, boxes with rounded corners, status pills as rounded fills.
Ignoring them turned ruled tables into text-aligned ones (rows cut at every line of a cell) and lost
the colour of every status cell. The plan below is drawn four ways by the test itself; every way must
read as the one drawn with plain lines and rectangles, with both readers.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from pipeline.extraction import extract_pdf
from pipeline.readers import open_pdf
from pipeline.readers.model import Fill, Rule
from pipeline.readers.paths import add_curve, plumber_ops
from pipeline.tables import tables_from_pdf

pytest.importorskip("reportlab")

COLS = [40.0, 250.0, 380.0, 460.0, 555.0]
HEAD = ["Action", "Lead officer", "RAG status", "Milestone"]
ROWS = [
    (["Review the early help offer", "with partners and publish", "the revised pathway"], ["Head of Early Help"],
     "Green", "March 2024"),
    (["Recruit two permanent team", "managers for the assessment", "service"], ["Service Manager"], "Amber",
     "June 2024"),
    (["Launch the practice model", "training for all social", "workers"], ["Principal Social Worker"], "Red",
     "September 2024"),
    (["Audit supervision records", "every quarter"], ["Quality Assurance Lead"], "Green", "December 2024"),
    (["Refresh the corporate", "parenting strategy with", "young people"], ["Director of Children's Services"],
     "Amber", "April 2025"),
]
RAG_FILL = {"Green": (0, 0.69, 0.31), "Amber": (1, 0.75, 0), "Red": (1, 0, 0)}
LEADING = 11.0
WAYS = ("polyline", "bezier", "rounded")


def _border(c, way: str, x0: float, y0: float, x1: float, y1: float) -> None:
    """A cell's border (y0 its foot, y1 its top) drawn the `way` asked."""
    if way == "lines":
        c.rect(x0, y0, x1 - x0, y1 - y0, stroke=1, fill=0)
        return
    if way == "rounded":
        c.roundRect(x0, y0, x1 - x0, y1 - y0, 3, stroke=1, fill=0)
        return
    # Round the box from the middle of its foot: five lines, no rectangle to pdfminer.
    corners = [((x0 + x1) / 2, y0), (x0, y0), (x0, y1), (x1, y1), (x1, y0), ((x0 + x1) / 2, y0)]
    p = c.beginPath()
    p.moveTo(*corners[0])
    for (ax, ay), (bx, by) in zip(corners, corners[1:]):
        if way == "polyline":
            p.lineTo(bx, by)
        else:  # straight Béziers: control points on the line
            p.curveTo(ax + (bx - ax) / 3, ay + (by - ay) / 3, ax + 2 * (bx - ax) / 3, ay + 2 * (by - ay) / 3, bx, by)
    c.drawPath(p, stroke=1, fill=0)


def _status_fill(c, way: str, x0: float, y0: float, x1: float, y1: float, rag: str, status: str = "cell") -> None:
    c.setFillColorRGB(*RAG_FILL[rag])
    if status == "disc":  # a coloured dot by the cell's first line, the cell itself left white
        c.circle(x0 + 10, y1 - 7, 4, stroke=0, fill=1)
    elif way == "lines":
        c.rect(x0 + 1, y0 + 1, x1 - x0 - 2, y1 - y0 - 2, stroke=0, fill=1)
    else:  # a pill: a filled box with rounded corners
        c.roundRect(x0 + 1, y0 + 1, x1 - x0 - 2, y1 - y0 - 2, 4, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)


def draw_plan(path: Path, way: str, status: str = "cell") -> Path:
    """One page: a header and five rows, every cell boxed `way`; the status is only its cell's colour, or
    only the colour of a dot in its cell (`status` "disc")."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(595, 842), invariant=1)
    y = top = 780.0
    c.setFont("Helvetica-Bold", 9)
    for x, heading in zip(COLS, HEAD):
        c.drawString(x + 3, y - 10, heading)
    y -= 16
    for x0, x1 in zip(COLS, COLS[1:]):
        _border(c, way, x0, y, x1, top)
    c.setFont("Helvetica", 9)
    for action, lead, rag, milestone in ROWS:
        top = y
        for x, lines in ((COLS[0], action), (COLS[1], lead), (COLS[3], [milestone])):
            for k, text in enumerate(lines):
                c.drawString(x + 3, y - 9 - k * LEADING, text)
        y -= len(action) * LEADING + 2
        _status_fill(c, way, COLS[2], y, COLS[3], top, rag, status)
        for x0, x1 in zip(COLS, COLS[1:]):
            _border(c, way, x0, y, x1, top)
    c.save()
    return path


@pytest.fixture(scope="module")
def plans(tmp_path_factory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("curves")
    plans = {way: draw_plan(d / f"{way}.pdf", way) for way in ("lines", *WAYS)}
    plans["discs"] = draw_plan(d / "discs.pdf", "lines", status="disc")
    return plans


def _rules(page) -> list[tuple[float, ...]]:
    return sorted((round(r.x0), round(r.top), round(r.x1), round(r.bottom)) for r in page.hrules + page.vrules)


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("reader", ["pdfium", "pdfplumber"])
def test_curve_borders_give_the_rules_and_fills_lines_would(plans, way, reader):
    lines = open_pdf(plans["lines"], reader=reader).pages[0]
    curves = open_pdf(plans[way], reader=reader).pages[0]
    # Every border of the lines drawing is a border of the curves drawing (rounded boxes stop short of
    # their corners, so compare where each rule lies, not how far it runs).
    lie = {(r[0], r[2]) if r[0] == r[2] else (r[1], r[3]) for r in _rules(lines)}
    assert lie <= {(r[0], r[2]) if r[0] == r[2] else (r[1], r[3]) for r in _rules(curves)}
    assert sorted(f.colour for f in curves.fills) == sorted(f.colour for f in lines.fills)
    assert len(curves.fills) == len(ROWS)


@pytest.mark.parametrize("way", WAYS)
def test_table_with_curve_borders_is_a_ruled_table(plans, way):
    expected = tables_from_pdf(plans["lines"])
    got = tables_from_pdf(plans[way])
    assert [(t.strategy, t.n_rows, t.n_cols) for t in got] == [("ruled", 1 + len(ROWS), 4)]
    assert [t.rows() for t in got] == [t.rows() for t in expected]


@pytest.mark.parametrize("way", WAYS)
def test_plan_with_curve_borders_keeps_every_cell_and_status_colour(plans, way):
    expected = extract_pdf(plans["lines"]).records
    got = extract_pdf(plans[way]).records
    fields = ("action", "lead_officer_raw", "rag", "rag_colour", "milestone_raw")
    assert [[r[f] for f in fields] for r in got] == [[r[f] for f in fields] for r in expected]
    assert [r["rag"] for r in got] == ["on_track", "some_issues", "off_track", "on_track", "some_issues"]
    assert [r["action"].split("\n")[0] for r in got] == [row[0][0] for row in ROWS]


@pytest.mark.parametrize("reader", ["pdfium", "pdfplumber"])
def test_a_status_shown_as_a_coloured_dot_is_read_as_its_cell_s_colour(plans, reader):
    """A status shown by a coloured disc in a white cell (trackers drawn in Word or Excel) is no cell fill,
    which would start rows at its top, but a mark that only the status cell reads: the rows read as the
    cells filled whole do, status and colour alike."""
    page = open_pdf(plans["discs"], reader=reader).pages[0]
    assert page.fills == [] and len(page.marks) == len(ROWS)
    expected = extract_pdf(plans["lines"]).records
    got = extract_pdf(plans["discs"], reader=reader).records
    fields = ("action", "lead_officer_raw", "rag", "rag_colour", "milestone_raw")
    assert [[r[f] for f in fields] for r in got] == [[r[f] for f in fields] for r in expected]


# --- one curve at a time -----------------------------------------------------------------------------


def _sorted(ops, *, filled=False, stroked=True):
    h: list[Rule] = []
    v: list[Rule] = []
    f: list[Fill] = []
    add_curve(h, v, f, ops, filled=filled, stroked=stroked, colour=lambda: "#ff0000")
    return h, v, f


def test_open_polyline_gives_one_rule_per_straight_side():
    h, v, f = _sorted([("m", ((10, 50),)), ("l", ((10, 10),)), ("l", ((90, 10),)), ("l", ((90, 50),))])
    assert [(r.x0, r.top, r.x1, r.bottom) for r in h] == [(10, 10, 90, 10)]
    assert sorted((r.x0, r.top, r.x1, r.bottom) for r in v) == [(10, 10, 10, 50), (90, 10, 90, 50)]
    assert f == []


def test_bent_bezier_and_slanted_line_give_no_rule():
    arc = [("m", ((0, 0),)), ("c", ((0, 30), (30, 60), (60, 60)))]
    slant = [("m", ((0, 0),)), ("l", ((40, 30),)), ("l", ((80, 0),))]
    assert _sorted(arc) == ([], [], [])
    assert _sorted(slant) == ([], [], [])


def test_filled_disc_is_no_cell_fill_but_a_rounded_box_is():
    k = 0.5523 * 10  # a circle of radius 10 as four Béziers
    disc = [("m", ((20, 10),)), ("c", ((20, 10 + k), (10 + k, 20), (10, 20))),
            ("c", ((10 - k, 20), (0, 10 + k), (0, 10))), ("c", ((0, 10 - k), (10 - k, 0), (10, 0))),
            ("c", ((10 + k, 0), (20, 10 - k), (20, 10))), ("h", ())]
    assert _sorted(disc, filled=True, stroked=False) == ([], [], [])
    marks: list[Fill] = []
    add_curve([], [], [], disc, filled=True, stroked=False, colour=lambda: "#ff0000", marks=marks)
    assert [(m.x0, m.top, m.x1, m.bottom, m.colour) for m in marks] == [(0, 0, 20, 20, "#ff0000")]
    r = 4.0
    box = [("m", ((r, 0),)), ("l", ((100 - r, 0),)), ("c", ((100, 0), (100, 0), (100, r))),
           ("l", ((100, 30 - r),)), ("c", ((100, 30), (100, 30), (100 - r, 30))), ("l", ((r, 30),)),
           ("c", ((0, 30), (0, 30), (0, 30 - r))), ("l", ((0, r),)), ("c", ((0, 0), (0, 0), (r, 0))), ("h", ())]
    _, _, fills = _sorted(box, filled=True, stroked=False)
    assert [(f.x0, f.top, f.x1, f.bottom, f.colour) for f in fills] == [(0, 0, 100, 30, "#ff0000")]
    assert 100 * 30 * math.pi / 4 < 0.9 * 100 * 30  # why a disc's share of its box keeps it out


def test_thin_filled_polygon_is_a_rule_and_a_dot_is_nothing():
    bar = [("m", ((10, 20),)), ("l", ((60, 20),)), ("l", ((110, 20),)), ("l", ((110, 21),)), ("l", ((10, 21),)),
           ("h", ())]
    h, v, f = _sorted(bar, filled=True, stroked=False)
    assert [(r.x0, r.top, r.x1, r.bottom) for r in h] == [(10, 20, 110, 21)] and v == [] and f == []
    dot = [("m", ((5, 5),)), ("l", ((5.4, 5),)), ("l", ((5.4, 5.4),)), ("l", ((5, 5.4),)), ("h", ())]
    assert _sorted(dot, filled=True, stroked=True) == ([], [], [])


def test_pdfplumber_shorthand_beziers_are_written_out():
    path = [("m", (0, 0)), ("v", (0, 5), (0, 10)), ("y", (5, 10), (10, 10)), ("h",)]
    assert plumber_ops(path) == [
        ("m", ((0.0, 0.0),)), ("c", ((0.0, 0.0), (0.0, 5.0), (0.0, 10.0))),
        ("c", ((5.0, 10.0), (10.0, 10.0), (10.0, 10.0))), ("h", ()),
    ]
