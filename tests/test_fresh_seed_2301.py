"""Behaviours found on layouts of fresh seeds 2301 onwards.

Each test names the layout it came from; the mechanism is general (see each docstring)."""

from __future__ import annotations

from collections import Counter

from pipeline.extract.furniture import find_furniture
from pipeline.extract.grid import Column, build_table
from pipeline.extract.headers import below_header, find_all_headers
from pipeline.extract.text import Line, broken_words
from pipeline.readers.model import Word
from tests.pages import load_page


def test_a_turned_heading_run_past_the_rule_under_its_row_is_the_header_s_not_the_first_row_s():
    """Layout 234100056 (seed 2341, LibreOffice, headings set on their side, 86.2%): on page 3 "Status
    update" is set whole on its side, taller than its header row, and runs 16 pt past the rule that ends
    the header into the first row. The header then lost its sub-headings ("Why is this important?", the
    turned "Line" over the refs: read as group headings over the overflow), and the body started under
    the overflow, so row 1.7 ran into the row before it (objective doubled, 15 refs lost). The turned
    heading starts above that rule: the header ends at the rule, and its overflow stays the header's."""
    page = load_page("header-turned-heading-run-past-the-rule-under-its-row")
    actions, _ = find_all_headers(page)
    assert len(actions) == 1
    h = actions[0]
    texts = {c.field: c.text for c in h.cells}
    assert texts.get("objective") == "Why is this important?"
    assert "Line" in texts.values() and "Status update" in texts.values()
    assert abs(h.bottom - 66.2) < 0.5, h.bottom
    body = [w.text for w in page.words if below_header(w, h) and w.top < 75]
    assert "Recruit" in body and "Status" not in body and "update" not in body


def test_a_turned_heading_in_a_header_row_of_its_own_keeps_the_header_going():
    """Same layout, page 6: there "Line" and "Status update" stand in a third header row under the rule
    closing "Why is this important?"; "Line" starts on that rule, so the rule does not end the header."""
    page = load_page("header-turned-heading-in-a-row-of-its-own")
    actions, _ = find_all_headers(page)
    assert len(actions) == 1
    assert actions[0].bottom > 80, actions[0].bottom
    assert "Line" in [c.text for c in actions[0].cells]


def test_a_year_flush_under_its_cell_s_line_at_a_page_foot_is_no_page_number():
    """Layout 232100035 (seed 2321, ReportLab, unruled body, 97.1%): page 7 ends on an officer-and-date
    cell whose "2022" falls alone on the line under "September", the row's other cells ended higher. It
    read as a page number, and the body ended above it: the last row's first line below it ("Delayed by
    ... Consider the ...") was cut off, and that row ran into the row before. A cell's next line stands
    flush under the line above at its leading; a footer stands apart or under a running line."""
    page = load_page("row-foot-year-flush-under-its-cell-at-a-page-foot")
    furniture = find_furniture([page])
    assert furniture.body_bottom[page.number] > 793


def test_a_page_number_apart_from_the_body_is_still_furniture():
    """The control: the same page with the number set a line's gap under the body's last line, centred,
    is a page number, and the body ends above it."""
    page = load_page("row-foot-year-flush-under-its-cell-at-a-page-foot")
    page.words.append(Word("7", 295.0, 815.0, 300.0, 825.0, 10.0))
    assert find_furniture([page]).body_bottom[page.number] < 815


def _one_word_lines(*words: tuple[str, float, float], top: float = 519.7, leading: float = 9.3) -> list[Line]:
    return [Line((Word(t, x0, top + k * leading, x1, top + k * leading + 7.0, 7.0),)) for k, (t, x0, x1) in enumerate(words)]


def test_a_word_above_a_piece_cut_at_the_cell_s_foot_stays_whole():
    """Layout 231100051 (seed 2311, LibreOffice, a 43 pt status column): "monitoring" is broken for its
    cell as "monitorin" / "g", the "g" overleaf. On the page the cell ends "quarterly" / "monitorin", both
    at the edge, and "monitorin" (no word) was read as the rest of "quarterly": "quarterlymonitorin g".
    The cell's last line here, one word at the edge, may go on where the cell does; a word above that
    makes no word with it is whole. The pieces of one word still join ("Partnershi" / "ps")."""
    para = _one_word_lines(("Business", 647.9, 678.7), ("quarterly", 647.9, 679.9), ("monitorin", 647.9, 681.6))
    assert broken_words(para, 681.6, Counter({"quarterly": 3, "monitoring": 2})) == [False, False, False]
    pieces = _one_word_lines(("Business", 647.9, 678.7), ("Partnershi", 647.9, 681.0), ("ps", 647.9, 655.0))
    assert broken_words(pieces, 681.6, Counter({"partnerships": 2})) == [False, False, True]


def test_unruled_rows_show_where_several_columns_start_one_block_beside_each_action():
    """Layout 164100040 (seed 1641, ReportLab, rules framing the table only, 91.7%): rows left their
    measures blank, and the only column of a per-row field (measures) showed too few rows to judge the
    others by, so "Work with partners ..." ran into the row above it (and on page 5 two more rows did:
    3 actions lost). "Update this quarter", "Underpinning plan" and a second "Update this quarter" each
    start one block level with each action: each holds one cell per row, so their tops are row starts
    (91.7% -> 100%). One such column alone could be a cell's paragraphs level by chance."""
    page = load_page("unruled-rows-shown-by-columns-one-for-one-with-the-actions")
    xs = [42.0, 150.1, 363.8, 549.0, 719.7, 812.5, 918.0]
    fields = ["extra:Update this quarter", "action", "measures", "objective", "detailed_action_plan",
              "extra:Update this quarter (2)"]
    body = [w for w in page.words if 64.8 < w.ymid < 300 and not w.rotation]
    table = build_table(page, None, [Column(f, a, b) for f, a, b in zip(fields, xs, xs[1:])], body, 64.8, 300)
    actions = [r.text("action") for r in table.rows]
    assert len(actions) == 2 and actions[1].startswith("Work with partners"), actions
    assert table.rows[1].text("detailed_action_plan") == "Assessment and E-TAC Service Plan"
