"""Behaviours found on layouts of fresh seeds 3111 onwards, each scored before any fix from it.

Each test names the layout it came from; the mechanism is general (see each docstring)."""

from __future__ import annotations

from pipeline.assemble.rows import build_rows
from pipeline.extract.geometry import find_tables
from pipeline.extract.grid import columns_from_header
from pipeline.extract.headers import Header, HeaderCell, find_all_headers
from pipeline.readers.model import Document, Page, Word
from tests.pages import load_page
# Rows drawn in the narrow columns of seed 3001's tests (action 40-280, measures 630-760 pt).
from tests.test_fresh_seed_3001 import _page, _row


def _action_columns(pages: list[Page]) -> list[tuple[str, str | None]]:
    tables = [t for pt in find_tables(Document("layout.pdf", pages, {})) for t in pt.tables]
    assert tables, "no action table found"
    return [(c.heading, c.field) for c in tables[0].columns]


def test_a_heading_over_two_columns_of_the_pages_after_is_read_as_two():
    """Layout 312100004 (seed 3121, reportlab, unruled, header printed once): "Key line of" / "enquiry" is
    set 6 pt from "Outcome measures", and the header's page has one row under it, its measures blank: no
    white on that page parts the two headings, read as one ("Key line of Outcome measures enquiry") that
    named no field, so every key area and measure was lost in one extra column. The next page shows the
    measures' text starting flush under "Outcome", beside the key areas, the white between them crossed
    by no word on either page: the heading is two, each named by its own words."""
    page2, page3 = load_page("layout-312100004-p2"), load_page("layout-312100004-p3")
    # The header's page alone shows no white between the two.
    assert "Key line of Outcome measures enquiry" in [h for h, _ in _action_columns([page2])]
    columns = _action_columns([page2, page3])
    headings = [h for h, _ in columns]
    assert headings[:3] == ["End date", "Key line of enquiry", "Outcome measures"]
    assert dict(columns)["Outcome measures"] == "measures"


def _header(cells: list[tuple[str, float, float]], top: float = 100.0) -> Header:
    return Header([HeaderCell(None, t, x0, x1, top, top + 10.0) for t, x0, x1 in cells], top, top + 10.0)


def _words(x0: float, top: float, text: str, char: float = 5.0, space: float = 2.5) -> list[Word]:
    """Words 9 pt high, `char` pt a letter, a word space of `space` between them."""
    out, x = [], x0
    for w in text.split():
        out.append(Word(w, x, top, x + char * len(w), top + 9.0, 9.0))
        x += char * len(w) + space
    return out


def test_a_heading_is_not_parted_where_a_cell_s_next_word_starts_under_its_next_word():
    """The rule above parts a heading only where the text beside the white is another column's: a column
    of "Head of Service" under "Lead officer" starts "of" flush under "officer" on every line of the pages
    after, one word space from "Head", and stays one column (found by tests/test_hierarchy_columns)."""
    heading = _words(400.0, 100.0, "Lead officer")
    body = [w for k in range(6) for w in _words(400.0, 130.0 + 20 * k, "Head of Service")]
    overleaf = [w for k in range(12) for w in _words(400.0, 60.0 + 20 * k, "Head of Service")]
    # "officer" starts where "of" does: 400 + 4 * 5 + 2.5.
    assert abs(heading[1].x0 - overleaf[1].x0) < 0.01
    action = _words(100.0, 100.0, "Action")
    page = Page(1, 595.0, 842.0, words=heading + action + body, hrules=[], vrules=[], fills=[])
    header = _header([("Action", 100.0, 130.0), ("Lead officer", 400.0, 460.0)])
    columns, _ = columns_from_header(page, header, body, overleaf=[overleaf])
    assert [c.heading for c in columns] == ["Action", "Lead officer"]


def test_a_bold_band_naming_two_fields_in_one_heading_among_headings_nobody_listed_is_a_weak_header():
    """Layout 320100022 (seed 3201, LibreOffice, unruled, zebra): the header "Direction of travel | Related
    strategy | What will be different? | Who leads? and date | We will | Index" names two fields, both in
    one heading, among five headings nobody listed, four of which lean to no field. Counted as one known
    heading it allowed three silent ones, so no header was found and the plan gave no rows at all. A
    heading naming two fields stands for two headings: the band is a weak header, and the cells show its
    column of actions."""
    page = load_page("layout-320100022-p19")
    _, others = find_all_headers(page)
    weak = [h for h in others if h.weak]
    assert [c.text for c in weak[0].cells] == [
        "Direction of travel", "Related strategy", "What will be different?", "Who leads? and date", "We will",
        "Index"]
    columns = dict(_action_columns([page]))
    assert columns["We will"] == "action"


def test_a_column_of_status_colours_is_no_row_shading_in_a_table_of_two_columns():
    """Layout 328100036 (seed 3281, LibreOffice, two columns: "Date / RAG" filled with each row's status
    colour, and "We will"): the fills cover one column of two, half the table, and were read as rows
    shaded cell by cell that skip "We will", so its cells were held over as one merged cell: the whole
    column one cell, no column of actions, and the plan gave no rows at all. A row's shading covers two
    columns at least; one column of colours is a status's."""
    page = load_page("layout-328100036-p4")
    tables = [t for pt in find_tables(Document("layout.pdf", [page], {})) for t in pt.tables]
    actions = [r.cells["action"] for t in tables for r in t.rows if r.cells.get("action")]
    assert len(actions) >= 18
    assert [ln.text for ln in actions[1]] == [
        "Review Children with Disability (CWD) commissioned activity taking account of the Needs Assessment."]


def test_a_cell_alone_at_the_foot_under_a_row_its_column_left_blank_begins_a_row():
    """Layout 334100002 (seed 3341, WeasyPrint, blank-means-same hierarchy): "Feedback from", the first line
    of a new outcome, stands alone at page 31's foot under the row "30/04/2023" that printed no outcome, a
    row's white above it across every column; the row's action and the outcome's rest are overleaf. It was
    read as the merged outcome above running on ("... OFSTED inspection reports" / "Feedback from"), and
    every row of that group took the next group's outcome. A cell that opens below a whole row its column
    left blank is no paragraph of a cell above: it begins a row."""
    pages = [load_page("layout-334100002-p31"), load_page("layout-334100002-p32")]
    rows = find_tables(Document("layout.pdf", pages, {}))[0].tables[0].rows
    last = rows[-1]
    assert [[ln.text for ln in lines] for lines in last.cells.values()] == [["Feedback from"]]
    assert not any("Feedback" in ln.text for r in rows[:-1] for lines in r.cells.values() for ln in lines)


def test_a_cell_run_on_over_three_pages_is_judged_at_the_second_break_by_its_middle_page_s_last_line():
    """Layout 334100002: a measure cut at two page breaks ("... support practice so" at page 6's foot,
    "that services can be delivered effectively." on page 7) was judged at the second break by the room
    left on the cell's last line on page 5, where it had first broken: the next word seemed to fit, so
    the paragraph seemed to end, and "that services ..." became a measure of its own. The rest joined
    from page 6 brings its own last line: full, so the measure goes on."""
    page5 = _page(5, [_row(460.0, {"action": ["Recruit to vacancies."],
                                   "measures": ["1. Staff will stay longer", "with us."]})])
    page6 = _page(6, [_row(113.0, {"measures": ["5. Feedback from audits", "will show that managers",
                                                "can support practice so"]}, leading=True)])
    page7 = _page(7, [_row(113.0, {"measures": ["that services work."]}, leading=True),
                      _row(200.0, {"action": ["Review the framework."], "measures": ["Plans are SMART."]})])
    rows = build_rows([page5, page6, page7])
    assert rows[0].cells["measures"] == [
        "Staff will stay longer with us.",
        "Feedback from audits will show that managers can support practice so that services work."]

