"""Unruled action tables over many pages (issue 12): a page that holds only the tail of a long row still
continues the table, so the pages after it are read, and a word broken for a narrow unruled column is
made whole; lines of running text in the body, and body rows, are not taken for a header. Found on
layouts of a dev seed (31) nobody had tuned to, where the table stopped after such a page and every
later row was lost."""

from __future__ import annotations

from pathlib import Path

from pipeline.extract.headers import HeaderCell, _reads_as_prose
from pipeline.extraction import extract_pdf

HEADINGS = ["Ref", "Action", "Lead officer", "Success measures"]
ACTIONS = {1: "Review the front door arrangements", 2: "Launch the supervision policy", 4: "Recruit two team managers",
           5: "Publish the quality framework", 6: "Train staff in direct work"}
LEADS = {1: "Head of Safeguarding", 2: "Service Manager", 4: "Head of HR", 5: "Quality Lead", 6: "Practice Lead"}
XS = [40.0, 80.0, 260.0, 360.0]
LEADING = 11.0


def _row(c, y: float, cells: list[list[str]]) -> float:
    """Draw one row's cells (lines per column) from `y` down; the y below the row's tallest cell."""
    depth = 0
    for x, lines in zip(XS, cells):
        for k, line in enumerate(lines):
            c.drawString(x, y - k * LEADING, line)
        depth = max(depth, len(lines))
    return y - depth * LEADING - 8


def _plan(path: Path) -> Path:
    """Three pages of an unruled table whose header is printed once. Row 3's measures run over page 2,
    which holds nothing in the action column; rows 4 to 6 are on page 3."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(595, 842), invariant=1)
    c.setFont("Helvetica-Bold", 9)
    for x, h in zip(XS, HEADINGS):
        c.drawString(x, 780, h)
    c.setFont("Helvetica", 9)
    y = 760.0
    for n, lead in ((1, ["HR", "lead"]), (2, ["Service", "manager"])):
        y = _row(c, y, [[f"1.{n}"], [ACTIONS[n]], lead, [f"Audits show improvement {n}"]])
    # "Safeguarding" is too wide for the column: the word processor broke it between letters.
    _row(c, y, [["1.3"], ["Deliver the thematic audit programme"], ["Assistant", "Director", "Safeguardi", "ng Review"],
                [f"Measure line {k}" for k in range(1, 41)]])
    c.showPage()
    c.setFont("Helvetica", 9)
    _row(c, 800, [[], [], ["Principal Social", "Worker"], [f"Measure line {k}" for k in range(41, 51)]])
    c.showPage()
    c.setFont("Helvetica", 9)
    y = 800.0
    for n in (4, 5, 6):
        y = _row(c, y, [[f"1.{n}"], [ACTIONS[n]], [LEADS[n]], [f"Audits show improvement {n}"]])
    c.save()
    return path


def test_a_page_holding_only_the_tail_of_a_row_continues_the_table(tmp_path):
    records = extract_pdf(_plan(tmp_path / "plan.pdf")).records
    assert [r["action_ref"] for r in records] == ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6"]
    third = records[2]
    assert third["lead_officer_raw"] == "Assistant Director Safeguarding Review Principal Social Worker"
    assert "Measure line 50" in " ".join(third["measures"])


def _cells(*texts: str) -> list[HeaderCell]:
    return [HeaderCell(f, t, 100.0 * i, 100.0 * i + 90, 10, 20) for i, (f, t) in enumerate(zip(("action", "key_area", "measures"), texts))]


def test_lines_of_running_text_are_no_header_though_their_words_are_cues():
    assert _reads_as_prose(_cells("identified and actions plans to", "Delivery of the Thematic Audit Programme with a",
                                  "Evidence of case file audit and follow"))


def test_a_header_may_have_one_heading_that_ends_on_a_joining_word():
    assert not _reads_as_prose(_cells("What we have committed to", "Led by", "Measure"))
    assert not _reads_as_prose(_cells("Action", "Key area", "Measures of success"))


def test_a_body_row_that_holds_a_reference_is_no_header():
    """Row 1.3 of the plan above ("1.3 / Deliver ... / Assistant Director / Measure ...") reads as a header
    by its cue words alone; it stopped the action table and lost the row, with only a ref-gap warning."""
    assert _reads_as_prose([HeaderCell(None, "1.3", 0, 30, 10, 20), *_cells("Deliver the audit programme",
                                                                             "Assistant Director", "Measure line 1")])


def test_where_actions_open_on_their_reference_a_paragraph_without_one_starts_no_row(tmp_path):
    # Seed-41 layout 4100008: each action opens on its reference ("1.1 Develop ..."); its second paragraph
    # ("Delivered through ...") stands level with the second paragraph of the measures beside it, and a
    # numbered action whose other cells are blank stands level with nothing. Refs decide the rows.
    from reportlab.pdfgen import canvas

    path = tmp_path / "plan.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842), invariant=1)
    c.setFont("Helvetica-Bold", 9)
    for x, h in zip([40.0, 260.0, 430.0], ["Action", "Success measures", "Lead officer"]):
        c.drawString(x, 780, h)
    c.setFont("Helvetica", 9)
    y = 750.0
    want = []
    for n in range(5):
        action = f"1.{n + 1} {ACTIONS[[1, 2, 4, 5, 6][n]]}"
        c.drawString(40, y, action)
        if n == 3:  # a row of its action alone
            want.append(action.split(" ", 1)[1])
            y -= 30
            continue
        c.drawString(40, y - 2 * LEADING, f"Delivered through plan {n + 1}.")
        c.drawString(260, y, f"Measure {n + 1} is met.")
        c.drawString(260, y - 2 * LEADING, f"Second measure {n + 1} is met.")
        c.drawString(430, y, LEADS[[1, 2, 4, 5, 6][n]])
        want.append(action.split(" ", 1)[1] + f"\nDelivered through plan {n + 1}.")
        y -= 3 * LEADING + 14
    c.save()
    records = extract_pdf(path).records
    assert [r["action"] for r in records] == want
    assert [r["action_ref"] for r in records] == [f"1.{n + 1}" for n in range(5)]
    assert records[0]["measures"] == ["Measure 1 is met.", "Second measure 1 is met."]


def test_a_line_reaching_further_right_on_a_later_page_keeps_its_last_word(tmp_path):
    # Seed-31 layout 3100024: the header is printed once; the last column's edge came from the header
    # page's text, and a longer line on a later page ended past it: its last word fell outside every
    # column and was lost ("relating to domestic abuse" read "relating domestic abuse").
    from reportlab.pdfgen import canvas

    path = tmp_path / "plan.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842), invariant=1)
    xs = [40.0, 120.0, 300.0]
    c.setFont("Helvetica-Bold", 9)
    for x, h in zip(xs, ["Ref", "Lead officer", "Action"]):
        c.drawString(x, 780, h)
    c.setFont("Helvetica", 9)
    def rows(actions: list[str], first: int, y: float) -> None:
        for n, text in enumerate(actions):
            for x, cell in zip(xs, [f"1.{first + n}", "Head of Service", text]):
                c.drawString(x, y - 30 * n, cell)

    short = ["Review the front door", "Launch the policy", "Recruit two managers"]
    rows(short, 1, 750.0)
    c.showPage()
    c.setFont("Helvetica", 9)
    long = ["Review commissioned activity relating to domestic abuse", "Publish the quality framework"]
    rows(long, 4, 780.0)
    c.save()
    records = extract_pdf(path).records
    assert [r["action"] for r in records] == short + long


def _framed_pages(path: Path, headings: list[str], pages: list[list[int]]) -> Path:
    """Pages with `headings` on each, rules only around the table (above and below the header, down both
    sides and under the last row), a note under the frame and a page number at the foot; each page's rows numbered as given:
    reference "1.k", action, officer, two lines of measures."""
    from reportlab.pdfgen import canvas

    xs = [40.0, 80.0, 260.0, 360.0]
    c = canvas.Canvas(str(path), pagesize=(595, 842), invariant=1)
    for n, ks in enumerate(pages):
        c.setFont("Helvetica-Bold", 9)
        for x, h in zip(xs, headings):
            c.drawString(x, 790, h)
        c.setFont("Helvetica", 9)
        y = 766.0
        for k in ks:
            c.drawString(xs[0], y, f"1.{k}")
            c.drawString(xs[1], y, ACTIONS[k])
            c.drawString(xs[2], y, LEADS[k])
            c.drawString(xs[3], y, f"Audits show target {k} is met")
            c.drawString(xs[3], y - LEADING, "in every quarter")
            y -= 2 * LEADING + 16
        for yy in (802.0, 784.0, y + 8):
            c.line(36, yy, 560, yy)
        c.line(36, 802, 36, y + 8)
        c.line(560, 802, 560, y + 8)
        c.drawString(40, y - 12, "Source: the service plans of March")
        c.drawString(280, 30, f"Page {n + 1}")
        c.showPage()
    c.save()
    return path


def test_a_framed_table_is_parted_into_rows_by_a_column_of_references_no_heading_named(tmp_path):
    # Seed-61 layout 6100057: rules frame the table but part none of its rows (the note under the frame
    # makes its foot rule look like a row's); the heading over the references ("Line") names no field,
    # but every paragraph of the column is a reference alone: a row starts at each.
    pdf = _framed_pages(tmp_path / "plan.pdf", ["Line", "Action", "Lead officer", "Success measures"], [[1, 2, 4, 5, 6]])
    records = extract_pdf(pdf).records
    assert [(r["action"], r["lead_officer_raw"]) for r in records] == [(ACTIONS[k], LEADS[k]) for k in (1, 2, 4, 5, 6)]



def test_a_header_printed_again_over_one_row_heads_the_table_as_it_does_where_it_was_read():
    # Seed-61 layout 6100057: "We will" names no field, and the column of instructions under it makes it
    # the action where a page shows several rows; on a theme's last page one row is too few to show it,
    # and the header was dropped, its headings read as a row of the table above. The same printed header
    # is read the same way.
    from pipeline.extract.geometry import _promoted_alike
    from pipeline.extract.headers import Header

    def header(top: float, *fields: str | None) -> Header:
        texts = ["Ref", "We will", "Lead officer"]
        return Header([HeaderCell(f, t, 40.0 + 100 * k, 120.0 + 100 * k, top, top + 10)
                       for k, (f, t) in enumerate(zip(fields, texts))], top, top + 10)

    read, dropped = header(50, "ref", "action", "lead_officer"), header(60, "ref", None, "lead_officer")
    found = _promoted_alike({1: ([read], []), 2: ([dropped], [])}, {1: ([read], []), 2: ([], [])})
    assert [(h.top, h.fields) for h in found[2][0]] == [(60, ["ref", "action", "lead_officer"])]
    # A header printed nowhere else as an action table's stays as it was found.
    assert _promoted_alike({2: ([dropped], [])}, {2: ([], [])})[2] == ([], [])


def test_an_action_paragraph_level_with_one_columns_paragraph_by_chance_starts_no_row():
    # Seed-61 layout 6100015: rows start with the officer, the date and the measures level with the
    # action; the action's second paragraph stands level with the measures' second, with a paragraph's
    # space above it, not a row's. A row whose other cells are blank keeps a row's space above it.
    from pipeline.extract.grid import _paragraph_beside_one, _row_space
    from pipeline.extract.text import Line
    from pipeline.readers.model import Word

    def block(top: float, n: int = 2) -> list[Line]:
        return [Line((Word("Review", 80, top + 11 * k, 110, top + 11 * k + 9, 9.0),)) for k in range(n)]

    acts = [block(100), block(140), block(176), block(220), block(260)]
    level = [3, 3, 1, 3, 1]
    # Block 2 has 16 pt above it (a paragraph space); rows have 20 pt or more, as block 4 has.
    space = _row_space(acts, level)
    assert [_paragraph_beside_one(acts, level, k, space) for k in range(5)] == [False, False, True, False, False]


def test_a_rows_tail_at_the_top_of_a_page_is_no_banner_though_the_page_top_is_above_its_rules(tmp_path):
    # Seed-71 layout 7100020: a grid table runs on to the next page, whose first cells hold the tail of
    # a row; the row runs from the page's top, above where the column rules start, so at its middle no
    # rule crossed it and it read as a banner spanning the table: every later row took it as the theme.
    from reportlab.pdfgen import canvas

    path = tmp_path / "plan.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842), invariant=1)
    xs, right = [40.0, 80.0, 260.0, 360.0], 560.0

    def grid(top: float, bottom: float, cuts: list[float]) -> None:
        for x in [36.0, *[x - 4 for x in xs[1:]], right]:
            c.line(x, top, x, bottom)
        for y in cuts:
            c.line(36, y, right, y)

    c.setFont("Helvetica-Bold", 9)
    for x, h in zip(xs, HEADINGS):
        c.drawString(x, 790, h)
    c.setFont("Helvetica", 9)
    tops = [770.0, 730.0, 690.0]
    for k, y in zip((1, 2, 4), tops):
        c.drawString(xs[0], y - 10, f"1.{k}")
        c.drawString(xs[1], y - 10, ACTIONS[k])
        c.drawString(xs[2], y - 10, LEADS[k])
        c.drawString(xs[3], y - 10, "Audits show it works")
    c.drawString(xs[3], 690 - 10 - LEADING, "in every")
    grid(802, 650, [802, 784, 770, 730, 690])
    c.showPage()
    c.setFont("Helvetica", 9)
    c.drawString(xs[3], 800 - 8, "quarter of the year")
    for k, y in zip((5, 6), (780.0, 740.0)):
        c.drawString(xs[0], y - 10, f"1.{k}")
        c.drawString(xs[1], y - 10, ACTIONS[k])
        c.drawString(xs[2], y - 10, LEADS[k])
        c.drawString(xs[3], y - 10, "Audits show it works")
    grid(800, 700, [780, 740, 700])
    c.save()
    records = extract_pdf(path).records
    assert [r["action"] for r in records] == [ACTIONS[k] for k in (1, 2, 4, 5, 6)]
    assert all(r["theme"] is None for r in records)


def test_a_band_half_of_whose_cells_run_on_mid_sentence_is_running_text():
    # Seed-21 layout 2100049: two lines of an unruled body read as a header by their cue words ("Service
    # Plan", "No risk to", "actions plans address"); two of its four cells open mid-sentence in lower case.
    texts = [("detailed_action_plan", "Service Plan"), ("ignore:extra", "No risk to implemen"),
             ("action", "actions plans address service deficits in"), (None, "learning from audits monthly")]
    band = [HeaderCell(f, t, 100.0 * i, 100.0 * i + 90, 10, 20) for i, (f, t) in enumerate(texts)]
    assert _reads_as_prose(band)
    # One such heading in two is no evidence: "What we have committed to" beside "Led by".
    assert not _reads_as_prose(_cells("What we have committed to", "Led by"))


def test_a_headings_left_edge_parts_its_column_from_justified_text_when_the_body_has_one_row():
    """Found on a fresh seed's layout (19100044): the one row under a header printed once holds a justified
    cell whose last words on two lines ('ac-', 'the') start level, and the true gutter before the next
    column shows just one line start ('1.1'). The next heading ('Reference'), set flush with its cells,
    is one more start there, so the gutter wins over the wide word space."""
    from pipeline.extract.grid import _gutter_columns
    from pipeline.readers.model import Word

    def w(text, x0, x1, top):
        return Word(text, x0, top, x1, top + 7, 7.0)

    body = [w("employees", 201.5, 239.1, 440), w("ac-", 242.8, 253.3, 440), w("1.1", 259.3, 270.4, 440),
            w("recognise", 202.3, 236.9, 448), w("the", 241.8, 253.2, 448),
            w("development.", 166.5, 214.4, 457)]
    cells = [HeaderCell("measures", "Success looks like", 90.6, 144.9, 408, 420),
             HeaderCell(None, "Reference no", 259.3, 290.2, 408, 428)]
    columns = _gutter_columns(cells, body)
    assert 253.3 < columns[1].x0 < 259.3


def test_where_a_column_of_references_starts_the_rows_a_paragraph_level_with_one_other_cell_starts_none():
    """Found on fresh seed 221's layout 22100009: the action's second paragraph ('Delivered through ...')
    stood level with the date's second line ('– Jul 2022'), read as a list item, with a row's space above
    it: each such paragraph became a row of its own. Where a column of references starts nearly every
    row, a start with no reference beside it needs two other columns starting with it (a row whose
    reference is blank)."""
    from pipeline.extract.grid import Column, _row_anchors
    from pipeline.extract.text import Line
    from pipeline.readers.model import Word

    def block(x, top, n=1, text="Word"):
        return [Line((Word(text, x, top + 12 * k, x + 30, top + 12 * k + 9, 9.0),)) for k in range(n)]

    columns = [Column("ref", 40, 60), Column("action", 60, 200), Column("lead_officer_and_milestone", 200, 300),
               Column("rag", 300, 340)]
    blocks = {
        0: [block(40, t, text=f"1.{k}") for k, t in enumerate((100, 160, 220, 280))],
        1: [block(60, 100, 2), block(60, 130, 2), block(60, 160, 2), block(60, 220, 2), block(60, 250),
            block(60, 280, 2)],
        2: [block(200, 100, 2), block(200, 128), block(200, 160, 2), block(200, 220, 2), block(200, 250),
            block(200, 280, 2)],
        3: [block(300, t) for t in (100, 160, 220, 250, 280)],
    }
    # 130: level with one other column only, with as much space above it as a row has; 250: no reference,
    # but two other columns start with it.
    assert _row_anchors(columns, blocks, 3.0) == [100, 160, 220, 250, 280]


def test_a_column_of_references_no_heading_named_is_read_as_the_references_before_rows_are_cut():
    """The same layout: 'Index' named no field, so rows were cut without its references. A column whose
    cells are nearly all a reference alone, no two alike, takes the references by its content; a
    column that repeats its codes down the rows (a level's) does not."""
    from pipeline.extract.columns import profile, resolve

    actions = profile(["Develop the plan with partners", "Review the policy each year", "Launch the service"])
    assert resolve([None, "action"], [profile(["1.1", "1.2", "1.3", "2.1"]), actions], [False, False],
                   [True, False]) == ["ref", "action"]
    assert resolve([None, "action"], [profile(["1.1", "1.1", "1.2", "1.2"]), actions], [False, False],
                   [True, False]) == [None, "action"]


def test_a_word_that_ran_on_from_the_line_above_is_no_columns_left_edge():
    """Found on fresh seed 221's layout 22100041: a page holding one row's tail under a header printed
    again; the one line's word space before 'Services.' was the only white in the column's reach with a
    line starting at its right, so the action column was cut there and 'Services.' read as a reference,
    a row of its own. One line start proves no edge: the widest white, nearest the headings, wins."""
    from pipeline.extract.grid import _gutter_columns
    from pipeline.readers.model import Word

    def w(text, x0, x1):
        return Word(text, x0, 104.4, x1, 115.4, 11.0)

    body = [w("framework", 344.4, 403.6), w("for", 407.0, 422.2), w("Early", 425.7, 453.4), w("Help", 456.9, 481.9),
            w("Services.", 485.4, 535.3), w("evidenced", 630.8, 687.6)]
    cells = [HeaderCell("action", "What will we do?", 344.4, 449.3, 41.7, 52.7),
             HeaderCell(None, "Line", 586.0, 597.0, 79.0, 105.1, True),
             HeaderCell(None, "Update this quarter", 630.8, 702.8, 41.7, 67.4)]
    columns = _gutter_columns(cells, body)
    assert 535.3 < columns[1].x0 < 586.0, columns[1]


def test_a_word_set_a_word_space_after_a_cells_text_runs_on_from_that_cell():
    """Found on fresh seed 231's layout 23100055: 'September 2022 – G' ran a little past its narrow date
    and rating column, and every 'G' was read into the theme column beside it ('Children in Care G G G
    G'). A word a word space after the text on its left, within an em of the edge, is that cell's; the
    next cell's text stands a padding off."""
    from pipeline.extract.grid import Column, _run_on_across
    from pipeline.readers.model import Word
    from pipeline.settings import DEFAULT_SETTINGS

    def w(text, x0, x1, top=110.9):
        return Word(text, x0, top, x1, top + 7, 7.0)

    columns = [Column("milestone_and_rag", 132.6, 196.1), Column("theme", 196.1, 292.6)]
    date = [w("September", 137.6, 171.8), w("2022", 173.7, 189.3), w("–", 191.3, 195.1)]
    by_col = _run_on_across({0: date, 1: [w("G", 197.1, 202.5), w("Care", 200.0, 215.0, 140)]}, columns,
                            DEFAULT_SETTINGS)
    assert [x.text for x in by_col[0]] == ["September", "2022", "–", "G"]
    assert [x.text for x in by_col[1]] == ["Care"]
    # Text a cell's padding off stays in its own column.
    by_col = _run_on_across({0: date, 1: [w("Children", 201.0, 230.0)]}, columns, DEFAULT_SETTINGS)
    assert [x.text for x in by_col[1]] == ["Children"]


def test_columns_part_at_the_walls_of_cells_shaded_one_by_one_before_white_inside_justified_lines():
    """Found on fresh seed 231's layout 23100030 (WeasyPrint, rows shaded cell by cell): the theme,
    justified in a narrow column, left wider white inside 'Children in' than the gutter, and 'in' was
    read into the status column beside it. The walls of the shaded cells show where columns part. (Since
    seed 1301 the white running out past the blank status column's heading parts them too, without the
    walls: layout 130100011.)"""
    from pipeline.extract.grid import _gutter_columns
    from pipeline.readers.model import Word

    body = [Word("Children", 45.0, 495.3, 80.2, 503.3, 8.0), Word("in", 100.7, 495.3, 108.4, 503.3, 8.0),
            Word("Care", 45.0, 504.9, 62.0, 512.9, 8.0), Word("1.", 151.7, 495.3, 159.4, 503.3, 8.0)]
    cells = [HeaderCell("theme", "Theme area", 45.0, 85.0, 60, 70),
             HeaderCell("rag", "Overall status", 115.9, 123.9, 40, 90, True),
             HeaderCell("measures", "What will success look like?", 151.7, 250.0, 60, 70)]
    assert 108.4 < _gutter_columns(cells, body)[1].x0 < 115.9  # not the white inside the theme's line
    columns = _gutter_columns(cells, body, filled=[(42.0, 111.0), (111.0, 149.0), (149.0, 288.0)])
    assert columns[1].x0 == 111.0 and columns[2].x0 == 149.0


def test_a_weak_headers_action_heading_over_references_lets_the_cells_find_the_action():
    """Found on fresh seed 231's layout 23100059: 'Action code', broken over lines, read as 'Action' and
    named the action over a column of references; the weak header was then refused, and no action table
    was found. Its cells decide instead: the column of instructions holds the actions."""
    import dataclasses

    from pipeline.extract.geometry import _with_action_by_content
    from pipeline.extract.headers import Header
    from pipeline.readers.model import Page, Word
    from pipeline.settings import DEFAULT_SETTINGS

    def w(text, x0, top):
        return Word(text, x0, top, x0 + 5.0 * len(text), top + 9, 9.0)

    cells = [HeaderCell("action", "Action", 40, 70, 100, 110), HeaderCell("measures", "Deliverables", 100, 160, 100, 110),
             HeaderCell("lead_officer", "Who leads?", 300, 350, 100, 110)]
    header = Header(cells, 100, 110, weak=True)
    words = []
    for k, verb in enumerate(["Recruit", "Review", "Develop", "Launch", "Deliver"]):
        y = 130 + 40 * k
        words += [w(f"1.{k + 1}", 40, y), w(verb, 100, y), w("the", 140, y), w("service", 160, y), w("plan", 200, y),
                  w("with", 230, y), w("partners.", 100, y + 11), w("Head", 300, y), w("of", 325, y), w("Service", 340, y)]
    page = Page(3, 600.0, 800.0, words)
    found = _with_action_by_content(page, header, [header], DEFAULT_SETTINGS)
    assert found is not None
    assert [c.field for c in found.cells] == [None, "action", "lead_officer"]
    # A weak header whose action heading stands over actions keeps it.
    named = dataclasses.replace(header, cells=[cells[0], dataclasses.replace(cells[1], field="action"), cells[2]])
    assert _with_action_by_content(page, dataclasses.replace(named, cells=named.cells[1:]), [named], DEFAULT_SETTINGS)


def test_a_cell_merged_down_the_rows_is_not_cut_where_its_sentence_wraps_past_a_row_start():
    """Found on fresh seed 241's layout 24100028 (and dev layout 12100036): an outcome merged down three
    rows, in a column read at first as measures (cut at each row start), was cut into three pieces where
    its lines stood level with the next rows' starts. A line level with a row start that goes on the
    sentence above (opening in lower case, or after a joining word) on a word that would not have fitted
    on the line above is the same cell's; a new cell's first line is cut off as before."""
    from pipeline.extract.grid import _cut_at_anchors
    from pipeline.extract.text import Line
    from pipeline.readers.model import Word

    def line(top, *words):
        out, x = [], 42.0
        for t in words:
            out.append(Word(t, x, top, x + 6.0 * len(t), top + 11, 11.0))
            x += 6.0 * len(t) + 3.5
        return Line(tuple(out))

    merged = [line(100, "deliver", "high", "quality"), line(115, "quality", "service", "to"), line(130, "our", "Children"),
              line(145, "highlighted", "in"), line(160, "OFSTED", "reports.")]
    assert _cut_at_anchors([merged], [100, 130, 160], 2.0) == [merged]
    cells = [line(100, "Review", "the", "quality"), line(115, "framework."), line(130, "Launch", "the", "plan.")]
    assert _cut_at_anchors([cells], [100, 130], 2.0) == [cells[:2], cells[2:]]


def test_of_two_white_runs_that_lines_start_after_the_one_a_heading_stands_flush_over_parts_the_columns():
    """Found on fresh seed 251's layout 25100016: every officer cell read 'Head of Youth / Justice',
    justified, so the white inside 'Head of  Youth' lined up down the page, lines started after it
    ('Youth') as often as after the true gutter, and it was wider: 'Youth' went to the objective. The
    next heading ('Our aim') stands flush over its column's text: that white is the gutter."""
    from pipeline.extract.grid import _gutter_columns
    from pipeline.readers.model import Word

    body = []
    for top in (195.6, 379.2, 514.8):
        body += [Word("Head", 315.3, top, 341.4, top + 10, 10.0), Word("of", 349.2, top, 359.0, top + 10, 10.0),
                 Word("Youth", 366.6, top, 394.1, top + 10, 10.0), Word("To", 400.1, top, 410.6, top + 10, 10.0),
                 Word("Justice", 315.3, top + 12, 350.0, top + 22, 10.0)]
    cells = [HeaderCell("lead_officer", "Led by", 315.3, 352.7, 47, 57),
             HeaderCell("objective", "Our aim", 400.1, 444.7, 47, 57)]
    assert 394.1 < _gutter_columns(cells, body)[1].x0 < 400.1
