"""Behaviours found on layouts of fresh seeds 3961 onwards, each scored before any fix from it.

Each test names the layout it came from; the mechanism is general (see each docstring)."""

from __future__ import annotations

from pipeline.assemble.rows import build_rows
from pipeline.extract.furniture import without_watermarks
from pipeline.extract.geometry import find_tables
from pipeline.readers.model import Document
from tests.pages import load_page


def _rows(name: str, pages: tuple[int, ...]):
    doc = without_watermarks(Document("layout.pdf", [load_page(f"{name}-p{n}") for n in pages], {}))
    return build_rows(find_tables(doc))


def test_a_word_space_under_a_heading_s_word_space_is_no_gutter_overleaf():
    """Layout 403100008 (seed 4031, reportlab, one combined "Due date and rating" column, header on the
    first page only): overleaf, "Autumn 2022 \u2013 B" sets its dash within a point and a half of where
    "rating" starts, so three lines seemed to start a second column flush under it, beside text on
    their left (measured from the heading's word, not the line's). The heading was parted into "Due
    date and" and "rating", and every row's status stayed in its date (1.1% -> 100%). A column beside
    text needs white wider than a word space on the line itself."""
    doc = Document("layout.pdf", [load_page(f"layout-403100008-p{n}") for n in (4, 6)], {})
    heads = [c.heading for pt in find_tables(doc) for t in pt.tables for c in t.columns]
    assert "Due date and rating" in heads and "rating" not in heads
    assert _rows("layout-403100008", (4, 6))[0].cells["milestone_and_rag"] == ["Ongoing \u2013 B"]


def test_a_header_row_cut_shorter_overleaf_prints_the_same_header_again():
    """Layout 403100031 (seed 4031, LibreOffice, header row repeated on every page and cut to its height):
    page 5 prints only the first line of each heading ("Latest" for "Latest position") and its turned
    sub-headings cut to fewer letters, parted into words by other gaps ("T a r g" for "Ta rg et ti").
    Not read as page 4's header printed again, page 5 began another table, and the rest of row 1.4's
    measures at its top, with no action of its own, was lost. A heading is the same as before, or cut
    short, by its letters whatever spaces part them."""
    rows = _rows("layout-403100031", (4, 5))
    assert [r.refs["action"] for r in rows] == ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7"]
    assert rows[3].cells["measures"][2] == "Turnover of staff and the vacancy rate will reduce."


def test_a_group_heading_standing_where_turned_headings_stood_heads_their_columns_again():
    """Layout 403100031 (seed 4031): on page 14 the header row, cut to its height, prints the group
    heading "Delivery" and none of the turned sub-headings under it that page 13 read ("Ta rg et ti",
    "Dire cti"). With one heading fewer it was no header printed again: the date and status columns
    went into one extra column, "G 5.8" opened the actions and the rows lost their status. An upright
    heading standing where a run of turned ones stood heads their columns, as the page before parted
    them, where this page's text crosses none of the bounds."""
    rows = _rows("layout-403100031", (13, 14))
    eight, nine = rows[-2:]
    assert (eight.refs["action"], eight.cells["rag"], eight.cells["milestone"]) == ("5.8", ["G"], ["30/04/2023"])
    assert nine.cells["action"] == ["Set up a Corporate Parenting Board chaired by the Leader of the Council."]


def test_a_row_opening_a_page_without_the_officer_every_row_prints_is_the_rest_of_the_row_above():
    """Layout 407100005 (seed 4071, reportlab, rules under every row, some cells left blank): a row broken
    over a page is ruled on both sides, under its part at the foot and over its rest overleaf, and its
    rest ("Delivered through the Virtual School Service Plan." beside a second measure) prints no date, no officer and no reference. Some rows leave their date blank, so only the
    officer shows a habit, and it was not weighed: the rest became a row of its own (98.3% -> 100%).
    An officer every row away from a page's top prints, missing at the top, marks the row above's rest
    as a status or date does."""
    rows = _rows("layout-407100005", (2, 14, 15, 16))
    provide = _starting(rows, "Provide ongoing training and support to Social Work teams")
    assert provide.cells["action"][1:] == ["Delivered through the Virtual School Service Plan."]
    assert len(provide.cells["measures"]) == 2
    assert not any(r.cells["action"][0].startswith("Delivered through the Virtual") for r in rows)


def test_a_banner_under_a_header_at_a_page_s_foot_does_not_make_the_header_prose():
    """Layout 414100036 (seed 4141, WeasyPrint, justified narrow cells, section rows): the header stands
    at the foot of page 3 over a theme banner and two lines of justified cells. Judged for running prose
    on those three lines alone, the banner crossed every column and the justified line crossed one at a
    word space: two of three, so the header was read as prose and no action table was found (0% ->
    100%). Under a header with too few lines to tell, the lines opening the next page are judged too."""
    rows = _rows("layout-414100036", (3, 4))
    assert rows[0].cells["action"] == ["Develop and deliver a targeted recruitment drive for senior managers and leaders."]


def test_a_column_of_merged_cells_no_field_names_yet_goes_on_with_the_levels_beside_it():
    """Layout 413100018 (seed 4131, reportlab, no rules, merged levels, a "Theme area" column): row 3.1
    opens the theme "Practice Quality", its outcome and its objective at the foot of page 7, and page 8
    prints their rest beside row 3.2. The outcome and objective went on (lower case, mid-sentence), but
    the theme's column had no field yet and "Quality" opened a theme of its own, inherited by 34 rows
    (74.8% -> 100%). A column whose cells span rows, as most rows print none, goes on with the levels
    that go on beside it from the same row."""
    rows = _rows("layout-413100018", (2, 7, 8))
    assert {r.theme for r in rows if r.refs["action"] in ("3.1", "3.2", "3.3")} == {"Practice Quality"}



def test_a_header_band_goes_on_under_the_last_piece_of_a_heading_wrapped_once_more():
    """Layout 423100058 (seed 4231, WeasyPrint, narrow columns, two-level header): "Latest position" wraps
    as "Latest" / "positio" / "n", and its last piece stands alone on a line between the group heading's
    line ("Impact" / "Who") and the sub-headings' rest ("measure" / "leads?" / "and date"). The line
    parted the header into two bands that named no action, so the table was read as another kind and
    48 actions were lost but 5 (0% -> 97.9%). Lines that only carry on the band's headings, each opening
    flush under one of its words at its leading, do not part it from the band set right under them."""
    rows = _rows("layout-423100058", (4,))
    first = rows[0]
    assert first.cells["action"] == ["Develop and agree Children\u2019s Social Care Workforce Strategy and develop an "
                                     "Action Plan that supports delivery of the strategy."]
    assert first.cells["measures"][1] == "Caseloads average no more than 18 per social worker."
    assert first.cells["milestone"] == ["30/09/2022"]


def _starting(rows, words: str):
    return next(r for r in rows if r.cells["action"][0].startswith(words))


def test_a_word_broken_before_its_own_hyphen_is_made_whole_without_the_cell_s_walls():
    """Layout 419100009 (seed 4191, WeasyPrint, a narrow status column): "Longer-term" is broken for the
    cell as "Long" / "er-" / "term", the middle piece ending on the compound's own hyphen. Read without
    the cell's walls, the pieces are judged by the word list, and "Longer-" (its hyphen kept) was no
    word: "Long er-term" in five rows' status. A piece ending on a compound's hyphen is judged as the word
    up to it."""
    from pipeline.extract.text import Line, broken_word, paragraphs_text
    from pipeline.readers.model import Word

    def line(row: int, text: str) -> Line:
        top = 100 + 13 * row
        return Line((Word(text, 463.3, top, 463.3 + 7 * len(text), top + 11, 11.0),))

    lines = [line(0, "Long"), line(1, "er-"), line(2, "term"), line(3, "action")]
    assert paragraphs_text(lines, vocabulary={}) == ["Longer-term action"]
    # A dash alone is no piece of a word (layout 293100021: "Usual Activity" / "- annual monitoring").
    assert not broken_word("Business As Usual Activity", "- annual monitoring")


def test_a_row_opening_a_page_on_a_level_printed_whole_elsewhere_opens_a_row_though_it_leaves_the_date_blank():
    """Layout 421100027 (seed 4211, LibreOffice, levels printed again in every row, some cells left blank):
    page 9 opens on "Corporate Leadership" / "Analyse complaints for recurring trends and themes." with
    no date, under "Research" / "Identify resources and research methods." at the foot of page 8. Every
    other row prints a date, so the row was read as the rest of the one above, and its action, aim,
    officer and pillar were joined onto it (96.6% -> 100%). A level every row prints again, printed here
    whole as other rows print it and other than the row above's, opens a row of its own."""
    rows = _rows("layout-421100027", (7, 8, 9))
    analyse = _starting(rows, "Analyse complaints")
    assert analyse.cells["lead_officer"] == ["Assistant Director Help and Protection"]
    assert _starting(rows, "Identify resources and research methods.").cells["action"] == [
        "Identify resources and research methods."]
