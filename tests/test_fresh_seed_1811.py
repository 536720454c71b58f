"""Behaviours found on fresh layout seeds 1811-1851 at their first look (1811 99.8% mean all-right; 1821
94.0%, 1 layout below 80%; 1831 99.2%; 1841 99.6%; 1851 99.5%) and 1861-1901 (1861 99.5%; 1871 99.9%; 1881
94.3%, 1 below 80%; 1891 96.3%, 2 below 80%; 1901 94.2%, 1 below 80%). Each case names the layout it came
from and what it scored before and after."""

from __future__ import annotations

from pipeline.assemble.rows import RawRow, _is_tail, _stripe_goes_on, build_rows
from pipeline.extract.furniture import find_furniture
from pipeline.extract.geometry import find_tables
from pipeline.extract.grid import PageRow
from pipeline.extract.columns import _cell_facts
from pipeline.extract.headers import carried_over, find_all_headers
from pipeline.extract.text import page_lines
from pipeline.quality import IssueLog
from pipeline.readers.model import Document, Fill, Page, Word
from pipeline.settings import DEFAULT_SETTINGS
from tests.pages import load_page


def test_headings_set_beside_a_turned_heading_are_the_header_s_not_a_row():
    """Layout 182100000 (WeasyPrint, two-level header, turned headings): "Accountability" groups a turned
    "How are we doing?" (the column of status colours) and "Monitoring measure", set beside the turned
    heading's top. The band stopped above "Monitoring measure", so "Accountability" headed the measures
    column as a lead officer, measures ran into the actions and every status was lost (0% -> 100%). A turned
    heading stands the header's height: lines set beside it belong to the header."""
    page = load_page("header-measures-beside-turned-heading")
    actions, _ = find_all_headers(page)
    assert len(actions) == 1
    fields = {c.text: c.field for c in actions[0].cells}
    assert fields["Monitoring measure"] == "measures" and fields["Agreed action"] == "action", fields
    assert "Accountability" not in fields, fields
    assert any(c.turned and c.text == "How are we doing?" for c in actions[0].cells)


def test_rows_of_a_zebra_are_marked_by_their_shade_on_each_page():
    """Layout 182100000 (rows shaded in alternate stripes, no rules): each row of pages 16 and 17 is marked
    as opening in a stripe or in the white between, the evidence that a row goes on over the page."""
    pages = [load_page(n) for n in ("header-measures-beside-turned-heading", "zebra-row-broken-over-page-foot",
                                    "zebra-row-broken-over-page-top")]
    pages[1].number, pages[2].number = 16, 17
    tables = {pt.page: pt.tables for pt in find_tables(Document("layout.pdf", pages, {}))}
    assert [r.striped for r in tables[16][0].rows] == [True, False, True]
    assert [r.striped for r in tables[17][0].rows] == [True, False, True]
    assert tables[16][0].rows[-1].text("action").startswith("Monitor the performance of NHSE/I")
    rows = build_rows(list(find_tables(Document("layout.pdf", pages, {}))), IssueLog(), DEFAULT_SETTINGS, [])
    broken = next(r for r in rows if r.cells["action"][0].startswith("Monitor the performance of NHSE/I"))
    assert (broken.page_start, broken.page_end) == (16, 17) and len(broken.cells["measures"]) == 3


def test_a_row_whose_stripe_goes_on_over_the_page_without_its_officer_and_date_is_the_rest():
    """Layout 182100000: the last row of page 16 ("Monitor the performance of NHSE/I ...", shaded) goes on
    at page 17's top, still shaded, with its action's second paragraph and its measures' third item but no
    officer and date. Both paragraphs open afresh, so the cells voted for a new row (99.1% -> 100%; the
    table leaves some officer cells blank, so a missing one alone proves nothing). In a zebra the next row
    takes the other shade: a row whose stripe goes on and that prints none of the row data the row above
    printed is its rest."""
    above = RawRow({"action": ["Monitor the performance of NHSE/I ... for referral of cared for children."],
                    "measures": ["There will be escalation of delays in provision."],
                    "lead_officer_and_milestone": ["Corporate Parenting Lead, Ongoing"]}, 16, 16, (42.0, 727.0, 551.0, 842.0))
    cells = {"action": ["This will include the Designated Nurse escalating any issues identified."],
             "measures": ["Cared for children and young people will have prompt access to dentistry services."]}
    top = PageRow(42.6, 94.8, striped=True)
    assert _is_tail(above, top, cells, True, stripe_on=_stripe_goes_on(PageRow(727.0, 842.0, striped=True), top))
    assert not _is_tail(above, top, cells, True, stripe_on=_stripe_goes_on(PageRow(727.0, 842.0, striped=False), top))
    # No zebra shown: no evidence either way.
    assert not _stripe_goes_on(PageRow(727.0, 842.0), PageRow(42.6, 94.8))
    # A new row in the other shade prints its officer and date: the stripe alone does not join it.
    own = dict(cells, lead_officer_and_milestone=["Service Manager, Children in Care, 31/10/2022"])
    assert not _is_tail(above, top, own, True, stripe_on=True)


def _page_with_foot_letter(number: int, cell_above: bool) -> Page:
    """A slide page whose status column ends with a lone "B" at the foot, in a blue cell that meets the
    green cell above it (or stands alone), over a footer "Page N of 6"."""
    words = [Word("Recruit", 464.0, 448.3, 500.0, 456.3, 8.0), Word("G", 45.6, 448.3, 51.0, 456.3, 8.0),
             Word("B", 45.6, 486.1, 51.0, 494.1, 8.0)]
    words += [Word(t, x, 516.1, x + 15.0, 523.1, 7.0) for t, x in (("Page", 878.0), (str(number), 898.0),
                                                                   ("of", 905.0), ("6", 914.0))]
    fills = [Fill(42.0, 481.6, 109.0, 497.2, "#0070c0")]
    if cell_above:
        fills.append(Fill(42.0, 443.8, 109.0, 481.6, "#00b050"))
    return Page(number, 960.0, 540.0, words=words, fills=fills)


def test_a_status_letter_at_two_pages_feet_alike_in_a_column_of_cells_is_no_footer():
    """Layout 185100015 (WeasyPrint, slide pages, status as letters in coloured cells): a row cut by the page
    break printed only its status, "B", at the foot of pages 2 and 3, in the same place: read as a running
    footer, it was cut off and two actions lost their status (96.1% -> 100%). Text in a filled cell that meets
    another filled cell as wide (a column of cells) is the table's; a footer's band stands alone."""
    pages = [_page_with_foot_letter(n, cell_above=True) for n in (2, 3)]
    bottoms = find_furniture(pages).body_bottom
    assert all(bottoms[n] > 494.1 for n in (2, 3)), bottoms
    alone = [_page_with_foot_letter(n, cell_above=False) for n in (2, 3)]
    bottoms = find_furniture(alone).body_bottom
    assert all(bottoms[n] < 486.1 for n in (2, 3)), bottoms


def test_a_zebra_s_evidence_goes_on_under_a_header_printed_again_on_each_page():
    """Layout 183100051 (LibreOffice, rows shaded in alternate stripes, header printed on every page): on
    page 9 "Delivered through the Virtual School Service Plan." is set level with the measures' second
    paragraph in a white row. The page's own gaps (one with two row starts of two) could not show the
    zebra, and each page's header started its evidence afresh, so the paragraph was read as a row (96.0%
    -> 100%). A header printed again goes on with the table's evidence from the pages before."""
    pages = [load_page("zebra-header-again-earlier-page"), load_page("zebra-header-again-later-page")]
    tables = {pt.page: pt.tables for pt in find_tables(Document("layout.pdf", pages, {}))}
    later = tables[9][0]
    assert later.zebra_gaps[1] > tables[8][0].zebra_gaps[1]
    actions = [r.cells["action"] for r in later.rows if r.cells.get("action")]
    promote = next(a for a in actions if a[0].text.startswith("Promote Council"))
    assert any(ln.text.startswith("Delivered through") for ln in promote), [ln.text for ln in promote]
    assert not any(a[0].text.startswith("Delivered through") for a in actions)


def test_a_header_split_over_a_page_with_a_column_whose_heading_is_wholly_overleaf_is_joined():
    """Layout 188100006 (WeasyPrint, slide pages, one header line, no rules): the header row is cut by the
    page break. Page 3 ends on "Lead role | Key date | Agreed action | Direc/tion | Intended impact |
    Remarks"; page 4 opens on "Service area" (left of every heading page 3 printed), "What will success look
    like?" and "of trave/l". The first was refused as standing under no heading, and "Direc" / "tion" read
    as two words not held by the heading "Direction", so the halves were never joined and the second half
    became the first action (0% -> 100%). A carried heading left of the first heading is a column of its
    own; a heading is held by its letters."""
    foot, top = load_page("header-column-wholly-overleaf-foot"), load_page("header-column-wholly-overleaf-top")
    actions, others = find_all_headers(foot, page_lines(foot))
    joined = carried_over(foot, page_lines(foot), actions + others, top, page_lines(top))
    assert joined is not None
    assert [c.text for c in joined.cells][:2] == ["Service area", "Lead role"]
    fields = {c.text: c.field for c in joined.cells}
    assert fields["Agreed action"] == "action" and fields["What will success look like?"] == "measures", fields
    assert "Direction of travel" in fields, fields


def test_a_date_broken_inside_a_word_in_a_narrow_column_reads_as_a_date():
    """Layout 190100058 (WeasyPrint, turned "By when?" over a narrow column): "Q2 2022/23" printed as "Q2
    202" / "2/23". Read as three words, no cell of the column was a date, so the column went to `extra` and
    125 of 143 milestones were lost (12.5% -> 95.1%). A cell of a few pieces reads as a date where some of
    its spaces are line breaks inside a word."""
    assert _cell_facts("Q2 202 2/23")[1]
    assert _cell_facts("Apr 2022 - Sep 202 2")[1]
    assert not _cell_facts("Head of Quality Assurance")[1]
    assert not _cell_facts("Recruit a Participation Officer")[1]


def test_one_cell_s_rest_inside_the_table_s_rules_goes_on_with_the_table():
    """Layout 189100031 (WeasyPrint, ruled grid, header printed once): page 10 holds only the rest of one
    measures cell, inside the grid's rules. One column of text alone was not taken for the table going on,
    so page 10 had no table and every page after it lost its table too: 15 of 45 actions missing (64.4% ->
    100%). Text in one column counts where the rules stand where the table's column edges stood."""
    pages = [load_page(n) for n in ("grid-goes-on-round-one-cell-header", "grid-goes-on-round-one-cell-rest",
                                    "grid-goes-on-round-one-cell-next")]
    pages[1].number, pages[2].number = 5, 6
    tables = {pt.page: pt.tables for pt in find_tables(Document("layout.pdf", pages, {}))}
    assert len(tables[5]) == 1 and tables[5][0].rows[0].text("measures").startswith("1. Learning from audit")
    assert [r.text("action")[:3] for r in tables[6][0].rows] == ["3.1", "3.2"]


def test_headings_set_close_part_at_a_word_space_anywhere_in_the_body_s_white_below():
    """Layout 189100055 (reportlab, "Reference no" beside "Lead service and date", 7 pt apart): under short
    references ("1.1" to "1.9") the white below runs from 56 to 90 pt, its middle 13.5 pt from the space
    between "Reference" and "Lead", a hair past the snapping distance; pages with "2.10" parted them. The
    first theme's table read one heading, its column went to `extra`, and 29 actions lost their reference,
    officer and date (79.6% -> 100%). A space between headings' words inside the body's white is where the
    columns part."""
    page = load_page("header-parted-in-the-white-of-a-short-ref")
    actions, _ = find_all_headers(page)
    assert len(actions) == 1
    fields = {c.text: c.field for c in actions[0].cells}
    assert fields.get("Reference no") == "ref" and fields.get("Lead service and date") == "lead_officer_and_milestone", fields
