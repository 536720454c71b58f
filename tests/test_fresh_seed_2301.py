"""Behaviours found on layouts of fresh seeds 2301 onwards.

Each test names the layout it came from; the mechanism is general (see each docstring)."""

from __future__ import annotations

import dataclasses
from collections import Counter

from pipeline.extract.furniture import find_furniture
from pipeline.extract.geometry import _plain_under_bold, _split_like_one_read_whole
from pipeline.extract.grid import Column, _gutter_columns, build_table, columns_from_header
from pipeline.extract.headers import HeaderCell, _parted_at_its_wrap, below_header, find_all_headers
from pipeline.extract.text import Line, broken_words, page_lines
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


def test_the_first_line_of_headings_set_in_the_header_s_fill_is_the_header_s():
    """Layout 236100009 (seed 2361, WeasyPrint, header shaded, 0%): the header at page 3's foot opens on
    "Target | Action to be delivered | Latest position | Impact", over "timescale", a turned "RAG rating
    (current)" and "Shared ambition | Senior lead". The lines from "timescale" down read as a header
    without the action, and the line above was left out: too few of its headings start where theirs
    do. Both stand in the header row's one fill down to its foot: one header (0% -> 100%)."""
    actions, _ = find_all_headers(load_page("header-foot-first-line-in-the-header-fill"))
    assert len(actions) == 1
    fields = {c.field: c.text for c in actions[0].cells}
    assert fields.get("action") == "Action to be delivered" and fields.get("milestone") == "Target timescale"


def test_headings_set_close_part_where_one_runs_past_the_width_it_wraps_at():
    """Layout 238100016 (seed 2381, WeasyPrint, 0%): "How are" and "Deliverable" stand 6.6 pt apart, under
    a word space and a half, and read as one heading "How are Deliverable we doing?": the action column
    was lost and no action table found. "How are" wraps onto "we" and "doing?", flush under it: the
    column holds no line as wide as "we doing?" (63 pt), and "Deliverable" reaches past that: the next
    heading (0% -> 100%, with the column bound below)."""
    actions, others = find_all_headers(load_page("header-headings-set-close-one-wrapping"))
    # Weak on its page (most headings nobody listed): the cells under it make it an action header.
    assert actions == [] and len(others) == 1 and others[0].weak
    texts = [c.text for c in others[0].cells]
    assert "How are we doing?" in texts and "Deliverable" in texts, texts


def test_a_blank_gutter_under_headings_set_flush_bounds_the_column_where_its_heading_starts():
    """Same layout: the header page prints no text under "Deliverable" or "Responsible person" (the row's
    cells moved overleaf), and the bound between them fell midway (583 pt), the lead officer's column
    taking the action's second half on later pages. Headings set flush with their columns' text where
    there is text show where a blank column starts: just left of its heading."""
    cells = [HeaderCell("detailed_action_plan", "Supporting strategy", 45.0, 114.2, 458.8, 479.0),
             HeaderCell("measures", "Success looks like", 152.1, 238.0, 458.8, 479.0),
             HeaderCell("action", "Deliverable", 423.9, 494.6, 458.8, 466.0),
             HeaderCell("lead_officer", "Responsible person", 671.1, 746.2, 458.8, 479.0)]
    body = [Word("People", 45.0, 524.8, 81.6, 535.8, 11.0), Word("•", 152.1, 524.8, 158.6, 535.8, 11.0),
            Word("We", 163.2, 524.8, 180.2, 535.8, 11.0)]
    columns = _gutter_columns(cells, body)
    assert abs(columns[3].x0 - 669.6) < 0.01, [(c.x0, c.x1) for c in columns]
    centred = [dataclasses.replace(c, x0=c.x0 + 10, x1=c.x1 + 10) for c in cells]
    assert _gutter_columns(centred, body)[3].x0 < 600  # headings off their text's edge: midway, as before


def test_a_header_split_over_a_page_is_read_as_the_document_prints_it_whole():
    """Layout 238100049 (seed 2381, WeasyPrint, 79.8%): theme 3's header row was split by the page break,
    "Latest position | Delivery | Domain | Dependencies | We will" ending page 8 and the turned "Action
    code", "Senior lead" and "Due date and rating" under "Delivery" opening page 9. Neither half reads
    as a header alone, so the first became a row of theme 2 ("We will") and theme 3's 25 rows were read
    under theme 2's columns. Page 1 prints the same header whole: the two halves hold its words, each
    where it stands there, so page 9's table is headed by it and page 8's half ends the table above."""
    whole, foot, rest = (load_page(n) for n in ("header-whole-before-it-is-split", "header-split-first-half-at-the-foot",
                                                "header-split-rest-overleaf"))
    _, weak = find_all_headers(whole)
    header = dataclasses.replace(weak[0], weak=False)
    pages = [whole, foot, rest]
    raw = {whole.number: ([header], []), foot.number: ([], []), rest.number: ([], [])}
    _split_like_one_read_whole(pages, {p.number: page_lines(p) for p in pages}, raw)
    assert [c.text for c in raw[rest.number][0][0].cells] == [c.text for c in header.cells]
    assert 100 < raw[rest.number][0][0].bottom < 125  # the turned "Action code" is its tallest line
    assert [h.top > 740 for h in raw[foot.number][1]] == [True]


def test_a_plain_band_after_a_bold_header_is_a_row_though_it_has_as_many_cells():
    """Layout 239100025 (seed 2391, ReportLab, 72.7%): page 5 opens on a row whose cells read as headings
    ("Ongoing | Delayed by staff changes; revised date agreed. | Business As Usual Activity | ...",
    six cells, as many as the header) set plain; the document's header, printed on page 3, is bold.
    It was taken for a header, and 35 rows were read under it. A plan sets its header alike wherever it
    prints it: a plain band naming no more columns than the bold header is a row (72.7% -> 100%)."""
    bold, plain = load_page("header-bold-first-print"), load_page("plain-row-opening-on-heading-words")
    found = {p.number: find_all_headers(p) for p in (bold, plain)}
    assert found[plain.number][0], "the plain band reads as a header on its own page"
    kept = _plain_under_bold([bold, plain], found)
    assert len(kept[bold.number][0]) == 1 and kept[plain.number][0] == []


def test_a_justified_cell_s_white_beside_a_blank_column_is_no_gutter_under_flush_headings():
    """Layout 235100020 (seed 2351, WeasyPrint, 93.1%): "To ensure that all children are in the most
    appropriate accommodation and legal status." is set justified in "Area of concern", over four lines
    whose stretched spaces line up; the "Theme area" column beside it is blank on the page. That white,
    with three lines starting after it, read as the gutter: "all children", "appropriate" and "and legal"
    went to the theme. The headings stand flush with their columns' text, so "Theme area" starts where
    its heading does, and no word crosses there (93.1% -> 97.2%)."""
    page = load_page("justified-cell-beside-a-blank-column-under-flush-headings")
    actions, _ = find_all_headers(page)
    header = actions[0]
    body = [w for w in page.words if below_header(w, header) and w.size < 20 and w.top < 500]  # no watermark, no folio
    columns, _ = columns_from_header(page, header, body)
    area = next(c for c in columns if c.heading == "Area of concern")
    moved = [w for w in body if w.text in ("children", "appropriate", "legal") and w.x0 > area.x0]
    assert len(moved) == 3 and all(area.holds(w) for w in moved)


def test_body_lines_broken_by_hand_under_a_lead_in_are_not_parted_as_headings():
    """The control (layout 145100041, seed 1451, LibreOffice): a candidate band reaching into the body
    holds "Delivery of the Thematic Audit Programme with a specific focus on:" over its list items
    "priority service areas" / "vulnerable groups of children" / "specific risk issues", each broken by
    hand. They show no width a heading wraps at: set plain, the line stays whole."""
    lead_in = Line(tuple(Word(t, x0, 120.0, x1, 129.0, 9.0) for t, x0, x1 in (
        ("Delivery", 42.0, 75.0), ("of", 77.0, 85.0), ("the", 87.0, 99.0), ("Thematic", 101.0, 136.0),
        ("Audit", 138.0, 158.0), ("Programme", 160.0, 201.0), ("with", 203.0, 220.0), ("a", 222.0, 226.0),
        ("specific", 228.0, 258.0), ("focus", 260.0, 281.0), ("on:", 283.0, 295.0))))
    items = [Line(tuple(Word(t, x0, top, x1, top + 9.0, 9.0) for t, x0, x1 in words)) for top, words in (
        (134.0, (("priority", 42.0, 71.0), ("service", 73.0, 100.0), ("areas", 102.0, 122.0))),
        (148.0, (("vulnerable", 42.0, 81.0), ("groups", 83.0, 108.0), ("of", 110.0, 118.0), ("children", 120.0, 152.0))),
        (162.0, (("specific", 42.0, 72.0), ("risk", 74.0, 89.0), ("issues", 91.0, 114.0))))]
    assert _parted_at_its_wrap(lead_in, [lead_in, *items]) == [lead_in]
    bold = [Line(tuple(dataclasses.replace(w, bold=True) for w in ln.words)) for ln in (lead_in, *items)]
    assert len(_parted_at_its_wrap(bold[0], bold)) == 2  # the same lines set as headings would part


def test_a_header_shaded_cell_by_cell_opens_on_its_group_heading_s_line():
    """Layout 243100049 (seed 2431, LibreOffice, header shaded cell by cell, 0%): "Monitoring" stands over
    "Latest position" and "Measures of impact", beside "We will" and "Direction of" / "travel", each cell
    shaded on its own. Only the second line names a heading we list, and the band it opens was not moved
    up to the first: that line's box (its ascent) reaches 2.7 pt above its own cells' fills, so it stood
    on no fill of the box and "travel" read as a body cell running on under "Direction of". No header
    was found on any page. Read at the line's middle, the line stands in the box the line above opens,
    with a cell's edge between them: one header (0% -> 100%)."""
    actions, others = find_all_headers(load_page("header-shaded-cell-by-cell-under-a-group-heading"))
    headers = actions + others
    assert len(headers) == 1
    assert [c.text for c in headers[0].cells] == ["Latest position", "Measures of impact", "We will", "Direction of travel"]
