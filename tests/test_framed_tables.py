"""Tables whose rules only frame them, and headers that name few fields (issue 12). Found on layouts of
dev seed 31 that nobody had tuned to: a table boxed above its header and below its last row, with
unruled rows inside, read every row on a page as one once a second table's frame stood on the page;
a row whose action was printed on the next page lost its reference; the rows above an appendix
heading were dropped; a header of "Specific action" and "Progress RAG" was no header; a heading that
names two fields ("Responsible person and date") counted as one; a ruled group heading let the
heading beside it pass for one; a status printed as a glyph no list holds ("►") was no status."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.extract.headers import HeaderCell, _score
from pipeline.extraction import extract_pdf
from pipeline.settings import DEFAULT_SETTINGS

pytest.importorskip("reportlab")

XS = [40.0, 80.0, 300.0, 440.0]
RIGHT = 560.0
LEADING = 11.0


def _action(ref: str) -> str:
    return f"Deliver improvement {ref} across the service"


def _row(c, y: float, ref: str | None, action: str | None, lead: str | None, date: str | None) -> float:
    for x, text in zip(XS, (ref, action, lead, date)):
        if text:
            c.drawString(x, y, text)
    return y - 2 * LEADING


def _frame(c, top: float, bottom: float) -> None:
    c.line(XS[0] - 4, top, RIGHT, top)
    c.line(XS[0] - 4, bottom, RIGHT, bottom)
    c.line(XS[0] - 4, top, XS[0] - 4, bottom)
    c.line(RIGHT, top, RIGHT, bottom)


def _framed_plan(path: Path) -> Path:
    """Page 1: a boxed header and rows 1.1-1.6 without rules between them; row 1.7's reference,
    officer and date at the page's foot, its action on page 2. Page 2: 1.7's action, rows 1.8-1.9, the
    frame's foot, a priority heading, a second frame with rows 2.1-2.2. Page 3: row 2.3, then an
    appendix heading and its table."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(595, 842), invariant=1)
    c.setFont("Helvetica-Bold", 12)
    c.drawString(40, 800, "Priority 1: Quality")
    c.setFont("Helvetica-Bold", 9)
    for x, h in zip(XS, ("Ref", "Action", "Lead officer", "Milestone")):
        c.drawString(x, 772, h)
    c.line(XS[0] - 4, 766, RIGHT, 766)
    c.setFont("Helvetica", 9)
    y = 750.0
    for n in range(1, 7):
        y = _row(c, y, f"1.{n}", _action(f"1.{n}"), f"Head of Service {n}", f"March 202{n % 4 + 4}")
    _row(c, 60, "1.7", None, "Head of Service 7", "June 2025")
    _frame(c, 784, 40)
    c.showPage()
    c.setFont("Helvetica", 9)
    y = _row(c, 800, None, _action("1.7"), None, None)
    for n in (8, 9):
        y = _row(c, y, f"1.{n}", _action(f"1.{n}"), f"Head of Service {n}", "May 2025")
    _frame(c, 812, y + 10)
    c.setFont("Helvetica-Bold", 12)
    c.drawString(40, y - 10, "Priority 2: Early help")
    c.setFont("Helvetica", 9)
    top = y - 24
    y = top - 14
    for n in (1, 2):
        y = _row(c, y, f"2.{n}", _action(f"2.{n}"), f"Early Help Lead {n}", "July 2025")
    _frame(c, top, 40)
    c.showPage()
    c.setFont("Helvetica", 9)
    y = _row(c, 800, "2.3", _action("2.3"), "Early Help Lead 3", "August 2025")
    _frame(c, 812, y + 10)
    c.setFont("Helvetica-Bold", 12)
    c.drawString(40, y - 20, "Appendix A: indicators")
    c.setFont("Helvetica", 9)
    for k, (name, value) in enumerate((("Indicator", "Target"), ("Re-referrals", "20%"), ("Visits", "90%"))):
        c.drawString(40, y - 44 - k * LEADING, name)
        c.drawString(300, y - 44 - k * LEADING, value)
    c.save()
    return path


def test_rows_inside_a_frame_are_read_apart_on_a_page_that_holds_two_frames(tmp_path):
    recs = extract_pdf(_framed_plan(tmp_path / "framed.pdf")).records
    refs = [f"1.{n}" for n in range(1, 10)] + ["2.1", "2.2", "2.3"]
    assert [(r["action_ref"], r["action"]) for r in recs] == [(ref, _action(ref)) for ref in refs]


def test_a_row_whose_action_is_printed_on_the_next_page_keeps_its_reference_and_officer(tmp_path):
    recs = extract_pdf(_framed_plan(tmp_path / "framed.pdf")).records
    row = next(r for r in recs if r["action"] == _action("1.7"))
    assert (row["action_ref"], row["lead_officer_raw"], row["milestone_raw"]) == ("1.7", "Head of Service 7", "June 2025")


def test_rows_above_an_appendix_heading_finish_the_table_and_the_appendix_adds_none(tmp_path):
    recs = extract_pdf(_framed_plan(tmp_path / "framed.pdf")).records
    assert recs[-1]["action_ref"] == "2.3" and recs[-1]["page_start"] == 3
    assert not [r for r in recs if "Re-referrals" in r["action"]]


def _bold_words(text: str, x0: float, top: float, per_char: float, size: float, space: float) -> list:
    """Bold heading words set from x0, `per_char` points a letter, `space` between words."""
    from pipeline.readers.model import Word

    out, x = [], x0
    for w in text.split():
        out.append(Word(w, x, top, x + per_char * len(w), top + size, size, True))
        x += per_char * len(w) + space
    return out


def _cells(*pairs: tuple[str | None, str]) -> list[HeaderCell]:
    return [HeaderCell(f, t, 100.0 * i, 100.0 * i + 90, 10, 20) for i, (f, t) in enumerate(pairs)]


def test_a_header_of_the_action_and_one_more_field_is_a_header_when_it_reads_as_headings_only():
    assert _score(_cells(("rag", "Progress RAG"), ("action", "Specific action")), DEFAULT_SETTINGS) is not None
    # Body text that happens to hold heading words: cut short, or opening in lower case.
    assert _score(_cells(("action", "Commissioning Action"), ("key_area", "specific areas of")), DEFAULT_SETTINGS) is None
    assert _score(_cells(("action", "Action"), (None, "Notes")), DEFAULT_SETTINGS) is None
    # The last lines of two cells of a row: sentences, not headings.
    assert _score(_cells(("action", "A Commissioning Action Plan"), ("detailed_action_plan", "Service Plan.")),
                  DEFAULT_SETTINGS) is None


def test_sub_headings_that_name_fields_only_through_a_combined_heading_end_no_table():
    """"Timescale / status" and "Comments" at the top of a page, their group heading left on the page
    before: two headings are too few to be another table's header that ends the action table."""
    cells = _cells(("milestone_and_rag", "Timescale / status"), ("ignore:comments", "Comments"))
    scored = _score(cells, DEFAULT_SETTINGS)
    assert scored is None or scored[1] is None


def test_a_heading_that_names_two_fields_counts_as_both():
    """"Responsible person and date" names the officer and the date: with a reference column that makes
    three fields, enough for a weak header whose cells then show which column is the action."""
    cells = _cells((None, "Latest position"), ("ref", "Ref number"), (None, "Rationale"),
                   ("lead_officer_and_milestone", "Responsible person and date"), (None, "What will we do?"))
    assert _score(cells, DEFAULT_SETTINGS) is not None


def test_a_heading_beside_a_ruled_group_heading_is_no_group_heading():
    """"What are we going to do?" stands beside "Progress", a group heading ruled off above its two
    sub-headings. Dropping "Progress" first must not leave the sub-headings under the heading beside it."""
    from pipeline.extract.headers import _groups
    from pipeline.extract.text import words_to_lines
    from pipeline.readers.model import Page, Rule

    first = [w for text, x in (("What are we going to do?", 364), ("Progress", 666))
             for w in _bold_words(text, x, 346, 4.0, 7.0, 2.0)]
    second = [w for text, x in (("Direction of", 666), ("Who is responsible?", 737))
              for w in _bold_words(text, x, 358, 4.0, 7.0, 2.0)]
    page = Page(1, 842, 595, words=first + second, hrules=[Rule(664, 355, 860, 355)])
    band = words_to_lines(first + second)
    groups = _groups(band, [], DEFAULT_SETTINGS, page, gutters=[359, 663, 705])
    texts = [" ".join(ln.text for ln in g) for g in groups]
    assert "What are we going to do?" in texts and "Progress" not in texts


def test_a_column_of_glyphs_no_list_holds_is_a_status_column():
    from pipeline.extract.columns import profile
    from pipeline.normalise.rag import status_from_wording

    assert status_from_wording("\u25ba") == ("unknown", "symbol")
    assert status_from_wording("A") != ("unknown", "symbol") and status_from_wording("+")[1] != "symbol"
    cells = ["\u25ba", "\u25b2", "\u25cf", "\u25ba", "\u25bc", "\u25cb"]
    assert profile(cells).status_share == 1.0


def _measure(n: int, k: int) -> str:
    """A measure's line, its words unlike every other line's (digits alone would make lines at one
    place on several pages look like a running header)."""
    return f"Audit of team {'ABCDEFG'[n]}{chr(65 + k % 26)}{chr(65 + k // 26)} shows gains"


def _long_measures_plan(path: Path) -> Path:
    """An unruled table, its header printed once. Row 1.3's measures run to the foot of page 1, down
    page 2, where nothing else is printed, and over two lines of page 3; row 1.4 starts on the next
    line, its measures with no gap under 1.3's. Rows 1.5 and 1.6 follow."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(595, 842), invariant=1)
    c.setFont("Helvetica-Bold", 9)
    for x, h in zip(XS, ("Ref", "Action", "Lead officer", "Success measures")):
        c.drawString(x, 800, h)
    c.setFont("Helvetica", 9)
    y = 780.0
    for n in (1, 2, 3):
        c.drawString(XS[0], y, f"1.{n}")
        c.drawString(XS[1], y, _action(f"1.{n}"))
        c.drawString(XS[2], y, f"Head of Service {n}")
        lines = 62 if n == 3 else 1
        for k in range(lines):
            c.drawString(XS[3], y - k * LEADING, _measure(n, k))
        y -= lines * LEADING + 10
    c.showPage()
    c.setFont("Helvetica", 9)
    for k in range(62, 80):
        c.drawString(XS[3], 800 - (k - 62) * LEADING, _measure(3, k))
    c.showPage()
    c.setFont("Helvetica", 9)
    for k in (80, 81):
        c.drawString(XS[3], 800 - (k - 80) * LEADING, _measure(3, k))
    for j, n in enumerate((4, 5, 6)):
        y = 800 - 2 * LEADING - 30 * j
        c.drawString(XS[0], y, f"1.{n}")
        c.drawString(XS[1], y, _action(f"1.{n}"))
        c.drawString(XS[2], y, f"Head of Service {n}")
        c.drawString(XS[3], y, _measure(n, 0))
    c.save()
    return path


def test_a_page_holding_one_column_of_a_cell_cut_at_the_page_foot_continues_the_table(tmp_path):
    recs = extract_pdf(_long_measures_plan(tmp_path / "long.pdf")).records
    assert [r["action_ref"] for r in recs] == [f"1.{n}" for n in range(1, 7)]
    third = " ".join(recs[2]["measures"])
    assert _measure(3, 0) in third and _measure(3, 81) in third and _measure(4, 0) not in third
    assert recs[3]["measures"] == [_measure(4, 0)]


def test_a_blank_page_inside_a_table_does_not_end_it(tmp_path):
    """A word processor's blank page between two pages of one table (seed-31 layout 3100032 lost the
    ten pages after one)."""
    from reportlab.pdfgen import canvas

    path = tmp_path / "blank.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842), invariant=1)
    c.setFont("Helvetica-Bold", 9)
    for x, h in zip(XS, ("Ref", "Action", "Lead officer", "Milestone")):
        c.drawString(x, 800, h)
    c.setFont("Helvetica", 9)
    # Page 3's rows stand lower than page 1's: lines alike but for digits at one place on several
    # pages would read as a running header.
    for page_rows, y in (((1, 2), 780.0), ((), 0.0), ((3, 4), 700.0)):
        for n in page_rows:
            y = _row(c, y, f"1.{n}", _action(f"1.{n}"), f"Head of Service {n}", "June 2025")
        c.showPage()
        c.setFont("Helvetica", 9)
    c.save()
    recs = extract_pdf(path).records
    assert [(r["action_ref"], r["page_start"]) for r in recs] == [("1.1", 1), ("1.2", 1), ("1.3", 3), ("1.4", 3)]


def test_a_band_whose_cells_end_sentences_is_prose_not_a_header():
    """Seed-21 layout 2100021: a body line "Activity | Action Plan. | ector and Ex- improve ... |
    outcomes for and young" named three fields and ended the table on page 9 of 30."""
    from pipeline.extract.headers import _reads_as_prose

    body = _cells(("action", "Activity"), ("detailed_action_plan", "Action Plan."),
                  (None, "ector and Ex\u2010 improve ecutive Dir"), ("outcome", "outcomes for and young"))
    assert _reads_as_prose(body)
    # Abbreviations end in a full stop too.
    assert not _reads_as_prose(_cells(("ref", "Ref."), ("action", "Action"), ("ref", "No."), ("lead_officer", "Lead")))


def test_a_heading_is_headed_by_the_last_word_the_cue_table_knows():
    """"How will we know we have succeeded?": "succeeded" tells nothing, "know" is the head (seed-21
    layout 2100034 found no header without it)."""
    from pipeline.extract.columns import field_from_cues

    assert field_from_cues("how will we know we have succeeded?") == "measures"
    assert field_from_cues("how will we know") == "measures"


def test_a_group_heading_over_a_turned_and_an_upright_sub_heading_names_no_column():
    """"Governance" over "Status at Q2" (set on its side) and "Named lead", no rule under it."""
    from pipeline.extract.headers import _groups
    from pipeline.extract.text import words_to_lines
    from pipeline.readers.model import Page, Word

    placed = [("Cost", 42, 269), ("Governance", 180, 269), ("Work to", 388, 269), ("estimate", 42, 280),
              ("be done", 388, 280), ("Named", 243, 286), ("lead", 243, 297)]
    upright = [w for text, x, top in placed for w in _bold_words(text, x, top, 4.5, 9.0, 2.5)]
    turned = [Word("Status at Q2", 181, 288, 190, 351, 9.0, True, 90)]
    page = Page(1, 960, 540, words=upright + turned)
    band = words_to_lines(upright + turned)
    groups = _groups(band, [], DEFAULT_SETTINGS, page, gutters=[150, 238, 380])
    texts = [" ".join(ln.text for ln in g) for g in groups]
    assert "Governance" not in texts and "Named lead" in texts and "Status at Q2" in texts


def test_a_header_band_ends_at_the_foot_of_its_fill(tmp_path):
    """Seed-21 layout 2100020: a section row ("Theme 1: Improving Quality") set just under the header's
    coloured box, less than a line below it, was read as the header's last line, and its words merged
    three headings into one."""
    from reportlab.pdfgen import canvas

    from pipeline.extract.headers import _fill_foot, _header_candidates, find_headers, header_bands
    from pipeline.extract.text import page_lines
    from pipeline.readers import open_pdf

    xs = [40.0, 90.0, 150.0, 300.0, 420.0]
    path = tmp_path / "fill.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842), invariant=1)
    c.setFillColorRGB(0.85, 0.9, 0.95)
    c.rect(36, 764, 520, 28, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    c.setFont("Helvetica-Bold", 9)
    for x, (a, b) in zip(xs, (("Target", "date"), ("Update", "this quarter"), ("Plan", ""), ("Action", ""),
                              ("Lead", "officer"))):
        c.drawString(x, 782, a)
        c.drawString(x, 771, b)
    c.drawString(40, 755, "Theme 1: Improving Quality")
    c.setFont("Helvetica", 9)
    for k in range(6):
        y = 734 - 24 * k
        for x, text in zip(xs, (f"Q{k % 4 + 1}", "On track", "Plan A", f"Deliver review {k} with partners",
                                "Head of Service")):
            c.drawString(x, y, text)
    c.save()
    page = open_pdf(path).pages[0]
    lines = page_lines(page)
    section = next(k for k, ln in enumerate(lines) if ln.text.startswith("Theme 1"))
    # The bands opening on the first heading line stop at the fill's foot, above the section row.
    first = lines[0]
    foot = _fill_foot(page, first, first.x0, first.x1)
    assert foot is not None and [last for last, _ in header_bands(lines, 0, 4, page.hrules, foot)] == [0, 1]
    assert all(last < section for _, _, last, _, _ in _header_candidates(page, lines, DEFAULT_SETTINGS))
    header = find_headers(page)[0]
    assert [cell.text for cell in header.cells][:3] == ["Target date", "Update this quarter", "Plan"]


def test_a_row_whose_action_runs_on_under_the_row_above_with_no_gap_is_read_apart(tmp_path):
    """Seed-21 layout 2100028: the last row on a page printed its action on the line under the row
    above's, no gap between; its officer and status, each a new block level with that line, show it."""
    from reportlab.pdfgen import canvas

    path = tmp_path / "run-on.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842), invariant=1)
    c.setFont("Helvetica-Bold", 9)
    xs = [40.0, 130.0, 360.0, 450.0]
    for x, h in zip(xs, ("Lead officer", "Action", "Status", "Milestone")):
        c.drawString(x, 800, h)
    c.setFont("Helvetica", 9)
    y = 780.0
    for n in (1, 2):
        c.drawString(xs[0], y, f"Head of Service {n}")
        c.drawString(xs[1], y, _action(f"1.{n}"))
        c.drawString(xs[2], y, "On track")
        c.drawString(xs[3], y, f"June 202{n + 4}")
        y -= 2 * LEADING + 8
    # Row 3's action: two lines; row 4's starts on the next line at the same leading.
    c.drawString(xs[0], y, "Head of Service 3")
    # Wrapped as a word processor wraps it: "report" did not fit on the first line.
    c.drawString(xs[1], y, _action("1.3") + " and")
    c.drawString(xs[1], y - LEADING, "report its findings to the board of the partnership in")
    c.drawString(xs[2], y, "Complete")
    c.drawString(xs[0], y - 2 * LEADING, "Head of Service 4")
    c.drawString(xs[1], y - 2 * LEADING, _action("1.4"))
    c.drawString(xs[2], y - 2 * LEADING, "Delayed")
    c.save()
    recs = extract_pdf(path).records
    assert [r["action"] for r in recs][-2:] == [_action("1.3") + " and report its findings to the board of the partnership in", _action("1.4")]
    assert [r["lead_officer_raw"] for r in recs][-2:] == ["Head of Service 3", "Head of Service 4"]


def test_a_group_heading_that_fills_its_cell_is_known_by_the_column_rule_under_it():
    """Seed-31 layout 3100026 (a grid, known wordings): "Accountability" over "Date and rating" and
    "Priority", its rule drawn cell by cell and hardly wider than the word; the rule between the two
    sub-headings starts on it. Before, the three headings were read as one."""
    from pipeline.extract.headers import _groups
    from pipeline.extract.text import words_to_lines
    from pipeline.readers.model import Page, Rule

    placed = [("Evidence of", 389, 251), ("Accountability", 468, 251), ("impact", 389, 262), ("Date", 468, 268),
              ("Priority", 517, 268), ("and rating", 468, 279)]
    lines = [w for text, x, top in placed for w in _bold_words(text, x, top, 5.0, 9.0, 2.5)]
    hrules = [Rule(464.5, 263.3, 513.7, 263.3), Rule(513.1, 263.3, 553.2, 263.3)]
    vrules = [Rule(465, 246, 465, 303), Rule(513.4, 263.3, 513.4, 303), Rule(553, 246, 553, 303)]
    page = Page(1, 595, 842, words=lines, hrules=hrules, vrules=vrules)
    groups = _groups(words_to_lines(lines), [465, 553], DEFAULT_SETTINGS, page, gutters=[])
    texts = [" ".join(ln.text for ln in g) for g in groups]
    assert "Accountability" not in " ".join(texts)
    assert "Date and rating" in texts and "Priority" in texts
