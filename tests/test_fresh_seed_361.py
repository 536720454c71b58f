"""Behaviours found on fresh layout seed 361 (unseen wordings, scored once before any fix): a merged cell
broken over a page inside a hyphenated word, a paragraph ending at a page's foot on the only line its
column prints there, a header whose blank column is its heading's first part, a key area changing while
the outcome runs on, a reference broken over a page, and paragraphs side by side in a zebra table."""

from __future__ import annotations

from pipeline.assemble.rows import RawRow, _continues, _free_space, _inherit, _is_tail
from pipeline.extract.geometry import _parted_alike
from pipeline.extract.grid import Column, PageRow, PageTable, build_table
from pipeline.extract.headers import Header, HeaderCell
from pipeline.extract.text import Line, page_lines
from pipeline.readers.model import Page, Word
from tests.pages import load_page


def test_a_merged_cell_broken_inside_a_hyphenated_word_goes_on_over_the_page():
    """'... highlighted in OFS‐' at a page's foot, 'TED inspection reports' on the next page beside a new
    row: the rest of the merged outcome, not the new row's own (layout 36100005: 74.1 -> 100%)."""
    assert _continues(["To address areas highlighted in OFS\u2010"], ["TED inspection reports"])
    assert not _continues(["Address Ofsted Specific Concerns."], ["To address areas"])


def test_room_at_a_pages_foot_is_measured_to_the_columns_text_edge_not_its_one_line():
    """'Feedback from' is the outcome column's only line on its page: measured against that line alone
    it left no room, so 'families.' on the next page read as its wrapped rest; the column's lines on the
    table's other pages show the room it left, and the paragraph ended (layout 36100040: 92.3 -> 99.0%)."""
    line = Line((Word("Feedback", 42.1, 539.6, 80.6, 547.6, 8.0), Word("from", 83.2, 539.6, 101.9, 547.6, 8.0)))
    row = PageRow(539.6, 553.0, cells={"outcome": [line]})
    table = PageTable(8, [Column("outcome", 39.2, 209.1)], 0.0, 0.0, 0.0, 0.0, None, False, [row])
    assert _free_space(row, table, {})["outcome"] < 0
    # The column's lines on the table's other pages reach 205 pt.
    assert _free_space(row, table, {("outcome", 39, 209): 205.0})["outcome"] > 90


def _cell(text: str, x0: float, x1: float, top: float = 40.0) -> HeaderCell:
    return HeaderCell(None, text, x0, x1, top, top + 12)


def test_a_header_printed_again_is_parted_where_its_blank_column_is_the_first_part():
    """Page 11 printed nothing under 'The issue we are tackling' (a merged objective running on) and
    read it with 'End date' as one heading; the pages before and after part them (layout 36100032:
    the objective was lost on that page)."""
    parted = Header([_cell("Self-rating", 127, 185, 60), _cell("The issue we are tackling", 189, 320, 60),
                     _cell("End date", 325, 370, 60)], 60, 72)
    merged = Header([_cell("Self-rating", 127, 185), _cell("The issue we are tackling End date", 189, 370)], 40, 52)
    body = [Word("Complete", 128, 80, 170, 88, 8.0), Word("Q3", 327, 80, 340, 88, 8.0), Word("2022/23", 342, 80, 370, 88, 8.0)]
    pages = [Page(10, 792, 612), Page(11, 792, 612, words=body)]
    raw = {10: ([parted], []), 11: ([merged], [])}
    _parted_alike(raw, pages, {p.number: page_lines(p) for p in pages})
    assert [c.text for c in raw[11][0][0].cells] == ["Self-rating", "The issue we are tackling", "End date"]


def test_a_new_key_area_leaves_a_blank_outcome_running_on():
    """Under full-width rules a blank outcome means the one above; a key area printed anew beside it
    groups the rows beside the outcomes, not above them (layout 36100028: the outcome was lost for the
    rows of a new key area; 33100022 too)."""
    prev = RawRow({"key_area": ["Practice"], "outcome": ["Address Ofsted Specific Concerns"], "action": ["A."]},
                  10, 10, (0, 0, 1, 1), merged=set())
    row = RawRow({"key_area": ["Corporate Leadership"], "action": ["B."]}, 10, 10, (0, 0, 1, 1), merged=set())
    present = ["key_area", "outcome", "action"]
    assert _inherit(row, prev, ["key_area", "outcome"], present, False) == ["outcome"]
    assert row.cells["outcome"] == ["Address Ofsted Specific Concerns"]


def test_a_reference_broken_over_a_page_opens_no_new_row():
    """'2.1' at a page's foot and '5' at the next page's top are one reference, '2.15': the page-top
    row is the rest of the row above (layout 36100028 made two rows of one)."""
    prev = RawRow({"ref": ["2.1"], "action": ["Consider the output"]}, 18, 18, (0, 0, 1, 1))
    cells = {"ref": ["5"], "action": ["of the diagnostic of the system."]}
    assert _is_tail(prev, PageRow(0.0, 10.0), cells, True)
    assert not _is_tail(prev, PageRow(0.0, 10.0), {"ref": ["2.16"], "action": ["Review the plan."]}, True)


def test_paragraphs_side_by_side_in_a_zebra_table_stay_in_their_row():
    """Rows shaded in stripes, no rules: in one stripe the action's second paragraph ('Delivered through
    the People Strategy and Action Plan.') starts level with the measures' second item. The stripe is
    one row (layout 36100002 cut four actions in two)."""
    page = load_page("zebra-rows-with-paragraphs-side-by-side")
    xs = [39.2, 174.1, 231.2, 298.7, 423.4, 506.4, 662.1, 740.0, 797.0]
    fields = ["measures", "milestone", "detailed_action_plan", "extra:Update", "lead_officer", "action",
              "extra:Risks", "rag"]
    table = build_table(page, None, [Column(f, a, b) for f, a, b in zip(fields, xs, xs[1:])], page.words, 40, 400)
    actions = [" ".join(ln.text for ln in r.cells.get("action", [])) for r in table.rows]
    assert len(actions) == 3, actions
    assert actions[0].startswith("Co-locate") and actions[0].endswith("Delivered through the People Strategy and Action Plan.")


def test_a_rule_drawn_under_a_columns_own_text_closes_its_cell():
    """Seed 371's layout 37100040: the row rules stop short of a merged 'Theme area' column, and the far
    'Index' column is ruled by its own short segments, which span its references but not the column as
    parted mid-gutter. Each segment closes its cell: the references stay one to a row (all 47 had run
    into the first row's cell)."""
    page = load_page("rules-under-each-cell-of-a-far-column")
    # The columns as the page's headings and gutters part them: 'Index' from mid-gutter at 832 pt.
    columns = [Column("lead_officer_and_milestone", 44.0, 199.6), Column("action", 199.6, 493.2),
               Column("measures", 493.2, 738.5), Column("extra:Theme area", 738.5, 832.3), Column("extra:Index", 832.3, 892.4)]
    table = build_table(page, None, columns, [w for w in page.words if w.top > 262], 262, 500)
    refs = [" ".join(ln.text for ln in r.cells.get("extra:Index", [])) for r in table.rows]
    assert refs[:4] == ["1.1", "1.2", "1.3", "1.4"], refs
