"""Behaviours found on layouts of fresh seeds 3361 onwards, each scored before any fix from it.

Each test names the layout it came from; the mechanism is general (see each docstring)."""

from __future__ import annotations

from types import SimpleNamespace

from pipeline.assemble.rows import RawRow, _always_printed, _run_on_texts, build_rows
from pipeline.extract.geometry import PageTables, find_tables
from pipeline.extract.headers import find_all_headers
from pipeline.extract.grid import Column, PageRow, PageTable, rows_from_text
from pipeline.extract.text import Line, broken_words
from pipeline.readers.model import Document, Word
from tests.pages import load_page
from tests.test_fresh_seed_3001 import _line, _page, _row


def test_a_merged_cell_s_text_run_past_its_page_s_last_rule_is_no_section_row():
    """Layout 345100037 (seed 3451, WeasyPrint, grid, merged levels, header printed once): an outcome cell
    merged down the rows opens beside page 10's last row, and its last lines ("TED inspection reports",
    the rest of "OFS-") run on below the page's last rule, where no column rule crosses them. Read as a row
    of its own that no rule crosses, it became a section row: "TED inspection reports" was the theme of
    every row after it (112 rows) and the outcome was cut (20.4% -> 98.6%). The last rule leaves the
    outcome's column open: a cell runs on into the stretch below it, which no section row can span."""
    pages = [load_page(f"layout-345100037-p{n}") for n in (3, 10, 11)]
    rows = build_rows(find_tables(Document("layout.pdf", pages, {})))
    board = next(r for r in rows if r.cells["action"][0].startswith("Establish Family Valued Board"))
    assert board.cells["outcome"] == [
        "Address Ofsted Specific Concerns",
        "To address specific areas of practice concerns highlighted in OFSTED inspection reports"]
    assert all(r.theme is None for r in rows)


# A table with no level above its rows: a plan's name, an officer and a date per row.
PLAN_COLS = [Column("action", 40, 280, "Actions agreed"), Column("detailed_action_plan", 280, 400, "Plan"),
             Column("lead_officer", 400, 520, "Lead service"), Column("measures", 520, 760, "Impact measure")]


def test_a_blank_leaf_cell_in_a_table_with_no_level_is_blank():
    """Layout 342100004 (seed 3421, LibreOffice, unruled body, no outcome or objective column): the "Plan"
    column names a service plan on some rows and is blank on others, where the answer is no plan at all.
    Blank cells of a column below the levels inherit only within a group a level shows ("constant within
    an objective"); with no level to show one, the plan above was copied into 8 rows (83.7 -> 100%)."""
    xs = {c.field: c.x0 + 5 for c in PLAN_COLS}

    def row(top: float, cells: dict[str, list[str]]) -> PageRow:
        lines = {f: [_line(xs[f], top + 13.2 * k, t) for k, t in enumerate(texts)] for f, texts in cells.items()}
        return PageRow(top, top + 13.2 * max(len(t) for t in cells.values()) + 9, lines)

    rows = [row(100.0, {"action": ["Commission a diagnostic."], "detailed_action_plan": ["MASH Service Plan"],
                        "lead_officer": ["Head of MASH"], "measures": ["A report is agreed."]}),
            row(160.0, {"action": ["Review information sharing."], "lead_officer": ["Head of MASH"],
                        "measures": ["Partners share data."]}),
            row(220.0, {"action": ["Use the findings."], "lead_officer": ["Head of MASH"],
                        "measures": ["Findings are used."]}),
            row(280.0, {"action": ["Review the Virtual School."], "detailed_action_plan": ["Virtual School Plan"],
                        "lead_officer": ["Head of School"], "measures": ["The review is done."]}),
            row(340.0, {"action": ["Share a monthly data pack."], "lead_officer": ["Head of Data"],
                        "measures": ["The pack is shared."]})]
    table = PageTable(4, PLAN_COLS, 100.0, 400.0, 40, 760, None, ruled_rows=False, rows=rows)
    built = build_rows([PageTables(4, [table], [])])
    assert [r.cells.get("detailed_action_plan") for r in built] == [
        ["MASH Service Plan"], None, None, ["Virtual School Plan"], None]
    assert not any("detailed_action_plan" in r.inherited for r in built)


def test_a_stretch_of_a_row_s_measures_and_officer_with_no_action_between_two_rows_is_the_row_above_s_rest():
    """Layout 340100042 (seed 3401, LibreOffice, unruled): page 7 opens on the rest of a row ("be reduced."),
    then the officer's second paragraph ("Principal Social Worker") starts level with the measures' second
    ("Plans will be SMART ..."), so a stretch of eight measures and an officer was read as a row with no
    action, and dropped (row-empty-action). No row begins without an action between two rows of a page: it
    is the row above's rest."""
    page = _page(7, [
        _row(100.0, {"action": ["Monitor Practice Standards."], "lead_officer": ["Assistant", "Director"],
                     "rag": ["Ongoing – A"], "measures": ["Case file audits will show", "less variability."]}),
        _row(140.0, {"lead_officer": ["Principal", "Social", "Worker"],
                     "measures": ["Plans will be SMART.", "Visits are timely."]}),
        _row(200.0, {"action": ["Review the Quality Assurance Framework."], "lead_officer": ["Head of Service"],
                     "rag": ["Complete"], "measures": ["The framework drives practice."]})])
    rows = build_rows([page])
    assert len(rows) == 2
    assert rows[0].cells["measures"][-2:] == ["Plans will be SMART.", "Visits are timely."]
    assert "Principal Social Worker" in " ".join(rows[0].cells["lead_officer"])


def test_what_every_row_prints_is_judged_without_the_rows_read_as_a_row_s_rest():
    """Layout 340100042 again: every row prints its date and rating, but rows' rests read apart mid-page
    ("Delivered through ..." beside the measures' second paragraph, no date) left the table with no field
    that every row prints, so a row cut by a page ("... capacity within" / "Children's Social Care.", no
    date overleaf) was read as a row of its own. The rests are no rows: judged without them (the rows
    `_rest_mid_page` folds), every row prints its date."""
    table = SimpleNamespace(ruled_rows=False)
    entries = [SimpleNamespace(first_on_page=k == 0, table=table) for k in range(8)]
    dated = {"milestone_and_rag": ["November 2022 – G"], "action": ["Develop training."], "measures": ["Staff are trained."]}
    rest = {"action": ["Delivered through the Service Plan."], "measures": ["Staff surveys improve."]}
    read = [dated, dated, rest, dated, dated, rest, dated, dated]
    assert _always_printed(entries, read) == frozenset()
    assert "milestone_and_rag" in _always_printed(entries, read, frozenset({"milestone_and_rag"}))


def test_an_action_s_second_paragraph_beside_one_other_column_s_while_the_officer_runs_on_starts_no_row():
    """Layout 345100057 (seed 3451, LibreOffice, unruled body): "Delivered through the Safeguarding ..." (the
    action's second paragraph) starts level with "Staff surveys will identify ..." (the measures' second),
    while the officer's cell goes on through that height ("Review &" / "Quality" / "Assurance"), one line
    after another. A row starts every cell afresh: a cell printed once a row running on through a height
    shows no row starts there (95.1 -> 98.4%)."""
    page = load_page("layout-345100057-p11")
    columns = [Column("lead_officer", 40, 120, "Led by"), Column("extra:Risks", 120, 196, "Risks"),
               Column("action", 196, 347, "Action to be delivered"), Column("milestone", 347, 403, "When"),
               Column("detailed_action_plan", 403, 469, "Related strategy"),
               Column("measures", 469, 600, "Outcome measures"), Column("extra:Latest position", 600, 676, "Latest"),
               Column("outcome", 676, 800, "What will be different?")]
    words = [w for w in page.words if 310 <= w.top <= 470]
    rows = rows_from_text(page, columns, words, 310.0, 470.0)
    starts = [round(r.top) for r in rows if r.cells.get("action")]
    assert len(starts) == 2
    first = " ".join(w.text for ln in rows[0].cells["action"] for w in ln.words)
    assert first.endswith("Delivered through the Safeguarding and Quality Assurance Service Plan.")


def test_a_date_broken_where_its_column_ends_is_one_date_without_the_cell_s_walls():
    """Layout 338100034 (seed 3381, WeasyPrint, rules across only): "30/09/20" / "23" in a narrow date
    column with no walls; a date in figures has no break opportunity inside it, so where the two pieces
    together are wider than the column the layout engine broke it where it had to ('30/09/20 23')."""
    para = [Line((Word("30/09/20", 707.0, 209.0, 743.0, 217.0, 8.0),)), Line((Word("23", 707.0, 218.0, 717.0, 226.0, 8.0),))]
    assert broken_words(para, None, {}, bound=748.0) == [False, True]
    # Where the whole date fits the column, the line ended before a word of its own.
    assert broken_words(para, None, {}, bound=800.0) == [False, False]


# Fresh layout seeds 3461-3551 (first look at 79e71ff: 205 layouts, 98.30% mean all-right, 200 at 95% or
# more, 3 below 80%).


def test_a_group_heading_set_flush_left_over_its_first_column_waits_for_the_sub_headings_set_lower():
    """Layout 354100034 (seed 3541, WeasyPrint, unruled, headings in bold, 11 pt in narrow columns): the
    group heading "Progress" is set flush left over the first of its three columns, and their headings
    ("Barriers", "Monitoring measure", "The issue we are tackling") a line lower, interleaved with the
    first row's wrapped headings ("When will it" / "be done?", "RAG" / "rati" / "ng"). The band stopped
    at the line under "Progress": the sub-headings and every heading's rest were read as the first row,
    "Progress" took three columns, and every objective, measure and status was lost (0% -> 100%). The
    white the band leaves right of a heading up to the next is that heading's reach: a group heading
    whose reach holds several columns of the body waits for its sub-headings below."""
    actions, _ = find_all_headers(load_page("layout-354100034-p3"))
    assert [c.text for c in actions[0].cells] == [
        "Key priority", "When will it be done?", "Senior lead", "Steps we will take", "RAG rating (cur rent )",
        "Latest position", "Barriers", "Monitoring measure", "The issue we are tackling"]


def test_a_level_restated_in_the_first_row_under_a_banner_runs_on_as_a_merged_cell():
    """Layout 347100009 (seed 3471, reportlab, unruled, merged levels, a banner per theme): the "Domain"
    column prints a key area once per group, but restates it in the first row under each theme's banner
    (no merged cell spans a banner). Counted as printed again on one page, twice, the restatements read as
    a column printed in every row, so its blanks were no group and the column stayed an extra: the key
    area lost on every row (0% -> 100%). A restatement under a banner runs on as one at a page's top does."""
    texts = ["The Workforce", "", "Practice", "Practice", "", "Ofsted", "Ofsted", ""]
    rows = [RawRow({"key_area": [t]} if t else {}, 3, 3, (0, 0, 1, 1)) for t in texts]
    assert _run_on_texts(rows, "key_area") == texts
    opens = {id(rows[3]), id(rows[6])}
    assert _run_on_texts(rows, "key_area", opens) == [
        "The Workforce", "", "Practice", "", "", "Ofsted", "", ""]
