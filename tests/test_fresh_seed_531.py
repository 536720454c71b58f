"""Behaviours found on fresh layout seed 531 (unseen wordings, scored once before any fix from it: 93.7%
mean all-right, 15 of 17 layouts at 95% or more, 1 below 80%), and on the council negative controls that
a check of them all showed giving actions (tests/test_negative_controls.py)."""

from __future__ import annotations

from types import SimpleNamespace

from pipeline.assemble.rows import _of_actions
from pipeline.extract.columns import fits, profile
from pipeline.extract.geometry import _of_figures, find_tables
from pipeline.extract.grid import Column, straddle_ratio, straddled_lines
from pipeline.quality import IssueLog
from pipeline.readers.model import Document, Word
from tests.pages import load_page


def test_a_header_row_in_bold_on_its_own_shading_heads_actions_its_words_nobody_listed():
    """'Barriers | We will | Domain | What will be different? | Who leads? | Direction of travel', set in
    bold on a shaded header row: only 'Who leads?' is a listed heading, so four headings leaning to no
    field were too many for a weak header and no action table was found (layout 53100012: 0 -> 100%).
    Drawn as a header row, it is one whatever its words; the cells find the action column (opening on
    verbs under their refs) and show the status."""
    page = load_page("header-on-a-fill-naming-one-field")
    tables = [t for pt in find_tables(Document("layout.pdf", [page], {})) for t in pt.tables]
    assert tables
    fields = {c.heading: c.field for c in tables[0].columns}
    assert fields["We will"] == "action"
    assert fields["Who leads?"] == "lead_officer"
    assert fields["Direction of travel"] == "rag"


def _line(y: float, spans: list[tuple[float, float]]) -> list[Word]:
    return [Word("w", x0, y, x1, y + 10, 10) for x0, x1 in spans]


def test_lines_of_prose_under_two_columns_run_across_them_at_a_word_space():
    """A centred title 'Key to Activity Indicator Graphs' over paragraphs, cut at a word space into two
    headings: one word in a dozen crosses the boundary (too few for straddle_ratio), but the other lines
    part there at no more than a word space."""
    columns = [Column("action", 60, 294, "Key to Activity"), Column("measures", 294, 531, "Indicator Graphs")]
    prose = (_line(100, [(65, 118), (123, 140), (246, 290), (296, 330), (335, 400)])
             + _line(114, [(65, 150), (155, 240), (246, 301), (307, 330)]))
    assert straddle_ratio(prose, columns) < 0.12
    assert straddled_lines(prose, columns) == 1.0
    # A table's lines part at a gutter wider than their word spaces, or leave the boundary clear.
    table = (_line(100, [(65, 118), (123, 140), (146, 200), (310, 340), (345, 400)])
             + _line(114, [(65, 150), (155, 240)]))
    assert straddled_lines(table, columns) == 0.0


def test_a_column_of_amounts_and_no_date_under_target_is_no_milestone():
    """'Target' names the milestone, but over 'AA-', 'Minimum', '£100m' it is an indicator's target."""
    assert not fits("milestone", profile(["AA-", "Minimum", "£100m"]))
    assert fits("milestone", profile(["March 2023", "Q3 2023/24", "Ongoing"]))
    assert fits("milestone", profile(["Year 1", "Phase 2", "TBC"]))  # no date, but no amounts either


def test_one_row_of_figures_under_a_header_is_an_indicator_table():
    """'Due Date for Review or Completion | Actions Completed / Closed | ... | Actions Outstanding' over
    'Up to and including February 2025 | 8 | 6 | 4 | 1': one row, four of its five cells figures."""
    assert _of_figures([profile(["Up to and including February 2025"]), *(profile([n]) for n in "8641")])
    assert not _of_figures([profile(["Develop a workforce strategy"]), profile(["Head of HR"]), profile(["2"])])


def _logical(*headings: str):
    table = SimpleNamespace(page=51, columns=[Column(None, 0, 1, h) for h in headings])
    return SimpleNamespace(entries=[SimpleNamespace(table=table)])


def test_actions_found_by_their_cells_beside_no_owner_date_status_or_measures_are_no_action_table():
    """'Credit risk indicator | Actual 30/11/2024 | Target': the first column read as actions by its cells
    ('Portfolio average credit rating' opens as a verb would), 'Target' as the milestone until its cells
    showed amounts. Beside nothing but amounts the column is an indicator's (finance report: 3 -> 0 actions)."""
    log = IssueLog()
    lt = _logical("Credit risk indicator", "Actual 30/11/2024", "Target")
    assert not _of_actions(lt, ["action", "extra:Actual 30/11/2024", "extra:Target"], log)
    assert log.codes() == ["table-not-actions"]
    assert _of_actions(_logical("We will", "Timescale and lead"), ["action", "lead_officer_and_milestone"], IssueLog())
    assert _of_actions(_logical("Ref", "We will", "Evidence"), ["ref", "action", "measures"], IssueLog())


def test_a_column_its_heading_names_as_actions_makes_an_action_table_whatever_stands_beside_it():
    """'Objective | Planned action': a plan may print no owner or date; the heading says actions."""
    assert _of_actions(_logical("Strategic objective", "Planned action"), ["objective", "action"], IssueLog())
