"""Behaviours found on fresh layout seeds 1911-1951 at their first look (1911 94.3% mean all-right, 1 layout
below 80%; 1921 98.1%, 1 below 80%; 1931 89.8%, 2 below 80%; 1941 99.6%; 1951 99.5%) and on layout 188100031
(seed 1881, 86.9%). Each case names the layout it came from and what it scored before and after."""

from __future__ import annotations

import math

from pipeline.assemble.rows import (REFERENCED, RawRow, _closed_over_break, _Entry, _ends_open, _rest_mid_page,
                                    _return_leftovers, _tail_target, _usual_row, build_rows)
from pipeline.extract.geometry import find_tables
from pipeline.extract.grid import Column, PageRow, PageTable, _inner_gutter, build_table
from pipeline.extract.headers import find_all_headers
from pipeline.quality import IssueLog
from pipeline.readers.model import Document, Word
from pipeline.settings import DEFAULT_SETTINGS
from tests.pages import load_page


def test_a_heading_known_to_hold_no_field_leaves_the_action_s_heading_alone_in_a_bold_header():
    """Layout 193100013 (WeasyPrint, bold header on a shading): "Dependencies | Direction of travel |
    Planned action | Dependencies". Two headings are known to hold no field, so the action's was not the
    only field named and no header was found: "no action table" (0% -> 100%). A heading known to hold no
    field is one more heading, not a field: the band is a weak header, and its status colours make the
    table an action table."""
    page = load_page("header-unknown-headings-beside-action")
    actions, others = find_all_headers(page)
    weak = [h for h in actions + others if any(c.field == "action" for c in h.cells)]
    assert len(weak) == 1 and [c.text for c in weak[0].cells] == [
        "Dependencies", "Direction of travel", "Planned action", "Dependencies"]
    tables = [t for pt in find_tables(Document("layout.pdf", [page], {})) for t in pt.tables]
    assert [c.field for c in tables[0].columns] == [
        "extra:Dependencies", "rag", "action", "extra:Dependencies (2)"]
    assert tables[0].rows[0].text("action").startswith("Develop and deliver a targeted recruit")


def test_a_group_heading_set_close_beside_a_heading_cut_inside_a_word_is_left_out():
    """Layout 193100018 (WeasyPrint, narrow columns): "Suppo" (of "Supporting strategy", cut inside its
    words) and the group heading "Governance" stand 6 pt apart on the header's first line: one chunk. Read
    whole it wraps onto "rting", so it was no group heading, and "Governance Date / Shared RAG ambition"
    headed one column: every status and date was lost (0% -> 100%). A chunk read whole as a heading may
    still part flush into two, the second standing over "Date / RAG" and "Shared ambition"."""
    actions, _ = find_all_headers(load_page("header-group-heading-set-close-to-a-cut-heading"))
    texts = [c.text for c in actions[0].cells]
    assert "Date / RAG" in texts and "Shared ambition" in texts, texts
    assert not any("Governance" in t for t in texts), texts


def test_a_numbered_theme_title_over_the_header_is_no_heading_line_of_it():
    """Layout 193100018, page 17: "Theme 2: Early Help and Prevention" (bold, larger) stands a line above
    the header and spans its first headings, so the band grew up to it as a group heading and read
    "Theme Barriers", "Governance Date / Shared" (every status from there on lost). A title that opens on
    a number and a colon is a banner, however many headings it spans."""
    actions, _ = find_all_headers(load_page("header-under-a-numbered-theme-title"))
    assert len(actions) == 1
    texts = [c.text for c in actions[0].cells]
    assert texts[0] == "Barriers" and "Date / RAG" in texts, texts
    assert not any(t.startswith("Theme") for t in texts), texts


def test_a_heading_over_two_columns_of_the_body_heads_both_and_their_cells_name_them():
    """Layout 191100007 (LibreOffice): "Accountability" groups a turned "Ref number" and "Self-rating", which
    the producer never printed. One column held "1.1 G": the officer's column by its heading's cue word,
    "Lead service" made an extra, and every reference, officer and status was wrong (0% -> 100%). The body
    shows two columns under the one heading (text flush at one edge on every line, a white gutter wider
    than a word space before it): each is a column, and its cells name it (a reference, a status)."""
    page = load_page("header-over-two-columns-sub-headings-lost")
    tables = [t for pt in find_tables(Document("layout.pdf", [page], {})) for t in pt.tables]
    headings = [c.heading for c in tables[0].columns]
    assert headings.count("Accountability") == 2, headings
    assert "lead_officer" in [c.field for c in tables[0].columns if c.heading == "Lead service"]
    rows = build_rows(list(find_tables(Document("layout.pdf", [page], {}))), IssueLog(), DEFAULT_SETTINGS, [])
    assert rows[0].refs == {"action": "1.1"} and rows[0].cells["rag"] == ["G"]
    assert rows[0].cells["lead_officer"] == ["Team Manager, Front Door"]


def test_list_markers_hung_before_their_items_make_no_column_of_their_own():
    """The split above must not part a column whose items hang after their markers ("•", then the text a
    gutter to its right on every line): the markers are no column. References beside statuses are."""
    column = Column("action", 100.0, 300.0, "Description of action")

    def line(k: int, left: str, x: float) -> list[Word]:
        y = 300.0 + 12 * k
        return [Word(left, 102.0, y, 114.0, y + 10, 10.0), Word("Item", x, y, x + 20, y + 10, 10.0)]
    assert _inner_gutter(column, [w for k in range(4) for w in line(k, "•", 130.0)]) is None
    assert _inner_gutter(column, [w for k in range(4) for w in line(k, f"{k + 1}.", 130.0)]) is None
    assert _inner_gutter(column, [w for k in range(4) for w in line(k, f"1.{k + 1}", 130.0)]) is not None
    # A word space apart is no gutter ("Q2 2022/23" on every line).
    assert _inner_gutter(column, [w for k in range(4) for w in line(k, "Q2", 117.0)]) is None


def test_text_under_a_banner_across_an_unruled_table_opens_a_row_of_its_own():
    """Layout 192100015 (WeasyPrint, merged key areas, no rules between rows): at page 5's foot, under the
    banner "Priority 2: Children in Care", the next section's key area "Ofsted Specific Concerns" stands
    alone (its row goes on overleaf). It ran on into the merged key-area cell above the banner, so 23
    actions read their key area twice (71.9% -> 100% with the next case). No cell runs on past a banner."""
    page = load_page("banner-across-unruled-table-at-page-foot")
    banner = next(w.top for w in page.words if w.text == "Priority")
    words = [w for w in page.words if abs(w.top - banner) > 1]
    columns = [Column("key_area", 42.0, 141.0, "Service area"), Column("action", 141.0, 390.0, "What are we going to do?"),
               Column("objective", 390.0, 570.0, "Our aim")]
    table = build_table(page, None, columns, words, 0.0, 792.0, DEFAULT_SETTINGS, banners=[banner])
    owner = next(r for r in table.rows if r.cells.get("key_area") and r.top < banner)
    assert [ln.text for ln in owner.cells["key_area"]] == ["Ofsted Specific Concerns"]
    foot = table.rows[-1]
    assert foot.top >= banner and foot.text("key_area") == "Ofsted Specific Concerns" and not foot.cells.get("action")
    # Without the banner known, the text below it is the merged cell's rest, as before.
    before = build_table(page, None, columns, words, 0.0, 792.0, DEFAULT_SETTINGS)
    assert len(next(r for r in before.rows if r.cells.get("key_area")).cells["key_area"]) == 2


def _entry(first: bool = False) -> _Entry:
    table = PageTable(5, [], 0.0, 792.0, 42.0, 570.0, None, False, [])
    return _Entry(table, PageRow(0.0, 10.0), first)


def test_an_action_s_next_paragraph_without_a_reference_is_its_rest_where_rows_open_on_references():
    """Layout 192100015 (ref+action in one column, no status or date column, no rules between rows): an
    action's second paragraph, set a row's gap below its first ("Deliver specific safeguarding training
    ..." under "1.24 Review and redesign ..."), was read as an action of its own: 11 extra rows. Where most
    rows open on a reference and no row data shows a row's habit, a row of nothing but the action's
    paragraphs, opening on none, is the rest of the row above."""
    read = [{"action": [f"1.{k} Do thing {k}."], "objective": ["To improve."]} if k % 4 == 0
            else {"action": [f"1.{k} Do thing {k}."]} for k in range(1, 13)]
    read.insert(5, {"action": ["Deliver specific safeguarding training."]})
    entries = [_entry() for _ in read]
    usual = _usual_row(entries, read)
    assert usual == {REFERENCED}
    assert _rest_mid_page(entries[5], read[5], usual)
    # A row that opens a level of its own, or one on a reference, is a row.
    assert not _rest_mid_page(entries[5], {"action": ["Deliver training."], "objective": ["To improve."]}, usual)
    assert not _rest_mid_page(entries[5], read[4], usual)
    # Too few rows on references: no habit shown.
    sparse = [{"action": ["Do a thing."]} if k % 2 else {"action": [f"1.{k} Do."]} for k in range(12)]
    assert _usual_row([_entry() for _ in sparse], sparse) == frozenset()


def test_a_status_of_one_word_is_no_phrase_cut_short():
    """Layout 191100007: page 13's first status "A" was joined to the status "A" of page 12's last row
    ("A A", the next row's none): "A" is an article, a word no phrase ends on (98.2% -> 100%). A cell of
    one word is no phrase."""
    assert not _ends_open(["A"])
    assert _ends_open(["Work with partners and a"])
    assert _ends_open(["Children's"]) and _ends_open(["Team Manager,"])


def test_a_merged_cell_that_prints_nothing_beside_a_page_s_first_row_ended_on_the_page_before():
    """Layout 192100044 (WeasyPrint, merged domains, zebra): the domain "Corporate Parenting" ended on page
    9; page 10 printed nothing in its column; a new domain ("Local Safeguarding Partnership") opened on
    page 10's last row but its text was set at page 11's top. It was read as the rest of "Corporate
    Parenting" (7 actions wrong, 88.9% -> 100%). The rest of a cell cut by a page break opens the next page:
    a cell that prints nothing there is closed."""
    above = RawRow({"extra:Domain": ["Corporate Parenting"], "action": ["Review the Virtual School."]}, 9, 10,
                   (42.0, 700.0, 770.0, 792.0), foot_room={"extra:Domain": 0.0})
    last = RawRow({"action": ["Review the effectiveness of partnership arrangements."],
                   "outcome": ["That the improvements in practice are supported by the"]}, 10, 10, (42.0, 690.0, 770.0, 740.0))
    rows = [above, last]
    assert _tail_target(rows, "extra:Domain", ["Local Safeguarding Partnership"]) is above
    _closed_over_break(rows, frozenset({"action"}), ["action", "extra:Domain", "outcome"])
    assert above.foot_room["extra:Domain"] == math.inf
    assert _tail_target(rows, "extra:Domain", ["Local Safeguarding Partnership"]) is last
    # A cell whose rest opens the page is not closed.
    again = RawRow({"extra:Domain": ["Corporate"]}, 9, 9, (42.0, 700.0, 770.0, 792.0), foot_room={"extra:Domain": 0.0})
    _closed_over_break([again], frozenset({"extra:Domain"}), ["extra:Domain"])
    assert again.foot_room["extra:Domain"] == 0.0


def test_a_merged_cell_the_rule_over_a_page_s_first_row_leaves_out_goes_on_from_the_page_before():
    """Layout 188100031 (WeasyPrint grid, merged objectives): the objective's second paragraph ("That staff
    remain committed ...") opens page 3 beside a new action, under a rule drawn over the action's columns
    only. Its sentence opens afresh, so it was read as a new objective for six actions (86.9% -> 100%). The
    rule shows the cell goes on from above, whatever its words."""
    owner = RawRow({"objective": ["There is adequate capacity ... to Children and Young People."],
                    "action": ["Develop and deliver a targeted recruitment drive for senior managers and leaders."]},
                   2, 2, (42.0, 490.0, 800.0, 595.0))
    cells = {"objective": ["That staff remain committed to Sefton and feel that they can develop a fulfilling career."],
             "action": ["Recruit a Participation Officer."]}
    _return_leftovers([owner], PageRow(45.3, 66.9, merged={"objective", "theme"}), cells)
    assert owner.cells["objective"][1].startswith("That staff remain") and "objective" not in cells
    # Ruled over the whole row: the text opens a cell of its own.
    cells = {"objective": ["That staff remain committed."], "action": ["Recruit a Participation Officer."]}
    _return_leftovers([owner], PageRow(45.3, 66.9, merged=None), cells)
    assert "objective" in cells


def test_a_group_heading_read_into_a_heading_after_its_first_piece_still_parts_alike():
    """Layout 139100017 (WeasyPrint): one page reads "Curren Progress t Plan position" (the group heading
    "Progress" set close after "Curren", of "Current position"), another parts it into "Current
    position" and "Plan". The first page is parted as the second only when the group heading may stand
    after the first piece too (28.7% -> 98.4%, as before the group heading was left out there). Body text
    read into a heading's end ("Monitoring measure private fostering.") is no group heading (layout
    130100008: the last measure's rest kept)."""
    from pipeline.extract.geometry import _letters_of
    assert _letters_of("Curren Progress t Plan position", "Current position Plan")
    assert _letters_of("Impact How are we doing?", "How are we doing?")
    assert not _letters_of("Monitoring measure private fostering.", "Monitoring measure")


def test_a_rule_under_a_group_heading_that_stops_short_of_the_heading_beside_it_is_no_header_foot():
    """Layout 196100005 (WeasyPrint, horizontal rules only): "Impact" groups "Latest position",
    "Monitoring measure" and "Self-rating" over a rule of its own, with "Deliverable" beside it on the
    same line spanning both. The rule covers most of the first line's width, so it ended the band there:
    the header lost "Deliverable" and no action table was found (0% -> 100%). A rule under a band of one
    line that stops short of a heading on it is the group heading's own."""
    page = load_page("header-group-heading-ruled-beside-a-heading")
    actions, others = find_all_headers(page)
    texts = [[c.text for c in h.cells] for h in actions + others]
    assert any("Deliverable" in t and "Monitoring measure" in t and "Impact" not in t for t in texts), texts
    tables = [t for pt in find_tables(Document("layout.pdf", [page], {})) for t in pt.tables]
    assert "action" in [c.field for c in tables[0].columns]


def test_a_header_over_one_row_judges_its_columns_by_the_next_page_s_rows_too():
    """Layout 197100041 (slides, header on the first page only): the header stands at page 2's foot over
    a section title, one row and the page number. "Deliverables" reads as measures by its cue word, so
    the actions must be found by content; three "rows" seemed enough to judge by, the next page's were
    never read and no action table was found (0% -> 100%). Rows of one cell show nothing."""
    pages = [load_page("header-low-over-one-row"), load_page("header-low-over-one-row-next-page")]
    pages[0].number, pages[1].number = 2, 3
    tables = {pt.page: pt.tables for pt in find_tables(Document("layout.pdf", pages, {}))}
    fields = {c.heading: c.field for c in tables[2][0].columns}
    assert fields["Deliverables"] == "action" and fields["Success looks like"] == "measures", fields
    assert len(tables[3][0].rows) == 8


def test_a_date_s_next_line_opening_on_a_dash_at_the_table_s_foot_begins_no_row():
    """Layout 198100010 (reportlab, no rules between rows, 7 pt): the last row of page 2 prints "Apr 2022 –
    Sep 2022" / "– Complete", the dash that did not fit opening a block of its own below every line of the
    row's action. It was read as a row begun at the table's foot, so the row's rest at page 3's top (its
    key area's "Framework", its objective's "procedures ...") went to that empty row and from it to the
    next action (95.0% -> 100%). A block set at a line's spacing under the cell's first is the cell's."""
    page = load_page("dash-line-of-a-date-at-table-foot")
    columns = [Column("key_area", 42.0, 104.0, "Service area"), Column("action", 104.0, 244.0, "What are we going to do?"),
               Column("extra:Remarks", 244.0, 313.0, "Remarks"), Column("milestone_and_rag", 313.0, 388.0, "Date / RAG"),
               Column("extra:Area of concern", 388.0, 501.0, "Area of concern"),
               Column("extra:Barriers", 501.0, 570.0, "Barriers")]
    table = build_table(page, None, columns, page.words, 590.0, 792.0)
    last = table.rows[-1]
    assert last.text("action") == "Develop new Practice Standards."
    assert last.text("milestone_and_rag") == "Apr 2022 – Sep 2022 – Complete"


def test_an_action_level_with_a_reference_of_its_own_opens_a_row_at_the_page_s_foot():
    """Layout 197100046 (WeasyPrint, no rules between rows, references in the last column): at page 10's
    foot row 3.4 prints its action and its reference "3.4" only; its officer, date and measures were moved
    overleaf. Level with one other column and close under the row above, it was read as row 3.3's second
    paragraph ("3.3 3.4", an action lost; 95.2% -> 100%). A reference, like a date or a status, is printed
    once in a row: an action level with one opens a row."""
    page = load_page("row-begun-at-foot-with-its-reference")
    columns = [Column("lead_officer_and_milestone", 42.0, 193.0, "Lead manager and date"),
               Column("action", 193.0, 498.0, "What will we do?"), Column("measures", 498.0, 734.0, "Impact measure"),
               Column("ref", 734.0, 800.0, "Action code")]
    table = build_table(page, None, columns, [w for w in page.words if w.top > 140], 140.0, 600.0)
    assert [r.text("ref") for r in table.rows if r.cells.get("ref")][-3:] == ["3.2", "3.3", "3.4"]
    assert table.rows[-1].text("action") == "Develop the Emotional Health & Wellbeing pathway."


def test_a_reference_under_a_row_that_printed_none_does_not_open_a_row_by_itself():
    """Layout 199100020 (WeasyPrint zebra, narrow columns): a row broken over a page prints one line of
    each cell at page 4's foot and its reference ("1.8", moved whole) at page 5's top beside the rest of
    every cell ("use the Perform-" / "ance Development ..."). The reference opened a row outright, so the
    row was cut in two (an extra row; 96.6% -> 100% with the next case). A row that printed no reference
    may have its own moved overleaf: the other cells decide, and the action reads on."""
    from pipeline.assemble.rows import _is_tail
    above = RawRow({"action": ["Leaders and managers will"], "lead_officer_and_milestone": ["Assistant Director"],
                    "rag": ["G"]}, 4, 4, (42.0, 774.0, 553.0, 817.0))
    cells = {"action": ["use the Performance Development Review process to identify individual areas."],
             "lead_officer_and_milestone": ["Safeguarding Review & Quality Assurance, Ongoing"], "ref": ["1.8"]}
    assert _is_tail(above, PageRow(42.8, 390.0), cells, True)
    # Under a row that printed its own reference, another one opens a row.
    assert not _is_tail(RawRow(dict(above.cells, ref=["1.7"]), 4, 4, (42.0, 774.0, 553.0, 817.0)),
                        PageRow(42.8, 390.0), cells, True)


def test_an_officer_and_date_cell_that_had_printed_no_date_goes_on_overleaf():
    """Layout 199100020: the last row of page 18 printed its two action paragraphs and "Joint Sefton NHS
    Place Director and Executive Director Social"; page 19 opens, with no action, on "Care and Health, Q1
    2023/24". Opening in capitals, it was read as the officer and date of a row whose action alone was
    printed at the foot ("Share the new pathway ..." taken from the row above: an extra row). An officer
    and date cell without its date is cut: the date overleaf completes it."""
    from pipeline.assemble.rows import _action_begun_at_foot
    above = RawRow({"action": ["Develop the Emotional Health & Wellbeing pathway.",
                               "Share the new pathway with the Social Care workforce."],
                    "lead_officer_and_milestone": ["Joint Sefton NHS Place Director and Executive Director Social"]},
                   18, 18, (42.0, 696.0, 553.0, 817.0))
    assert not _action_begun_at_foot(above, {"lead_officer_and_milestone": ["Care and Health, Q1 2023/24"]})
    dated = RawRow(dict(above.cells, lead_officer_and_milestone=["Head of HR, Q4 2022/23"]), 18, 18, above.bbox)
    assert _action_begun_at_foot(dated, {"lead_officer_and_milestone": ["Strategic Lead, Q1 2023/24"]})

