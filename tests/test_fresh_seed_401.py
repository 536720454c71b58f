"""Behaviours found on fresh layout seed 401 (unseen wordings, scored once at 8229045 before any fix: 86.5%
mean all-right, 16 of 20 layouts at 95% or more, 3 below 80%): a heading set close beside a group
heading, a header shaded cell by cell over columns blank on their page, a theme's title above a shaded
header, paragraphs spaced as the column shows, and percentages broken in a narrow column."""

from __future__ import annotations

from pipeline.assemble.rows import _join_paragraphs, _paragraph_breaks
from pipeline.extract.headers import find_all_headers
from pipeline.extract.text import Line, even_column_leading, join_lines, lines_to_paragraphs
from pipeline.readers.model import Word
from tests.pages import load_page

EIGHT_HEADINGS = ["Description of action", "Barriers", "Monitoring measure", "Target timescale", "Latest position",
                  "RAG rat ing (cur rent)", "Service area", "What difference will this make?"]


def _headings(name: str) -> list[list[str]]:
    actions, _ = find_all_headers(load_page(name))
    return [[c.text for c in h.cells] for h in actions]


def test_a_heading_set_close_beside_a_group_heading_keeps_its_column():
    """'How are we doing? Accountability' reads as one chunk over 'Reference no' and 'Lead manager':
    'Accountability' stands flush over 'Reference no', and 'How are we doing?' over no heading at all.
    It is a heading of its own; the group heading alone is left out (layout 40100022: the status column
    ran into the actions, 0 -> 99.3%)."""
    assert _headings("heading-beside-a-group-heading-set-close") == [
        ["Steps we will take", "How are we doing?", "Reference no", "Lead manager"]]


def test_a_header_shaded_cell_by_cell_parts_its_headings_at_the_cells_walls():
    """The last two columns are blank on this page (merged cells running on), so no white in the body
    parts 'RA', 'Servic' and 'What' on the header's first line; the header's cells are shaded one by one,
    and where two shadings meet is a wall (layout 40100042 read the page's header two lines deep and
    its last three headings as one)."""
    assert _headings("header-shaded-cell-by-cell-over-blank-columns") == [EIGHT_HEADINGS]


def test_a_themes_title_above_a_shaded_header_is_no_line_of_its_box():
    """'Theme 2: Improving Implementation of Learning' read into the header's band put the rule above
    the header as its box's foot: the header stopped after two lines, its headings cut short and its
    tables pooled apart from the others (layout 40100042: 42.9 -> 95.2% with the walls above)."""
    assert _headings("theme-title-above-a-shaded-header") == [EIGHT_HEADINGS]


def _line(top: float, text: str) -> Line:
    # Every line as wide as the column: none ends short enough to read as broken by hand.
    return Line((Word(text, 42.0, top, 316.0, top + 11.0, 11.0),))


def test_a_paragraph_space_shows_against_the_columns_even_spacing():
    """A cell of two lines and one more set 2 pt further down cannot show its own spacing; the column's
    cells, set 3.7 pt apart line after line, show that 5.7 pt is a paragraph's space (layout 40100022:
    'Delivered through the CWD Service Plan.' ran on in the action)."""
    cell = [_line(520.5, "Review Children with Disability (CWD) commissioned activity taking account"),
            _line(535.2, "of the Needs Assessment."), _line(551.9, "Delivered through the CWD Service Plan.")]
    assert len(lines_to_paragraphs(cell)) == 1
    column = [[_line(100 + 14.7 * k, "line") for k in range(4)], [_line(300 + 14.7 * k, "line") for k in range(3)]]
    leading = even_column_leading(column)
    assert leading is not None and abs(leading - 3.7) < 0.05
    assert [len(p) for p in lines_to_paragraphs(cell, column_leading=leading)] == [2, 1]


def test_a_percentage_broken_in_a_narrow_column_is_one_figure():
    """A RAG column two characters wide breaks '60%' as '60' / '%' and '100%' as '10' / '0%'."""
    assert join_lines(["60", "%"]) == "60%"
    assert join_lines(["10", "0%"]) == "100%"
    assert join_lines(["rose by 10", "20% more"]) == "rose by 10 20% more"


def test_paragraphs_a_column_prints_apart_elsewhere_stay_apart_over_a_page_break():
    """'Feedback from' at a page's foot and 'families. staff and partners ...' at the next page's top:
    nothing on the page shows whether the paragraph goes on, but the same outcome restated under the
    next theme prints them apart in one cell (itself cut short by a page). They stay apart (layout
    40100045: 91.6 -> 99.3%)."""
    rest = "families. staff and partners shapes how and what services we deliver, both at an operational level."
    breaks = _paragraph_breaks([{"outcome": ["Feedback from", "families. staff and partners shapes how and what"]}])
    assert _join_paragraphs(["Feedback from"], [rest], breaks=breaks["outcome"]) == ["Feedback from", rest]
    assert _join_paragraphs(["Feedback from"], [rest]) == ["Feedback from " + rest]


def test_a_row_in_the_bodys_type_under_a_bold_header_is_no_header():
    """Under a header set all in bold, a row whose cells open on heading words ('Progress | Co-locate
    Children's Services | Additional | Action | Service') in the body's regular type is a row, not the
    next table's header (layout 40100035 read every row after it under that header: 0 -> 100%)."""
    actions, others = find_all_headers(load_page("body-row-of-heading-words-under-a-bold-header"))
    tops = [round(h.top) for h in actions + others]
    assert tops == [66], tops
