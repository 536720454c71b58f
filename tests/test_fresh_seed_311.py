"""Behaviours found on fresh layout seed 311 (unseen wordings, scored once before any fix): a header of
listed headings beside one nobody listed, a table whose rows only its status fills show, a page number
that closed a column's gutter, references stacked with no space between rows, and another table's
column rules that hid this table's row rules. Each page is stored under tests/fixtures/pages and names
the layout it was read from."""

from __future__ import annotations

from pipeline.extract.grid import Column, build_table
from pipeline.extract.headers import HeaderCell, _weak_action, find_all_headers
from pipeline.extract.text import Line, lines_to_paragraphs
from pipeline.readers.model import Word
from tests.pages import load_page


def _texts(headers):
    return [[c.text for c in h.cells] for h in headers]


def test_a_heading_nobody_listed_that_leans_to_a_field_completes_a_header_of_listed_headings():
    """'Remarks | Planned action | Current position | Risks' names the action and nothing else outright,
    but 'Current position' leans to the status: among three listed headings it counts, and the band is
    a weak header (layout 31100014 had no action table at all)."""
    page = load_page("header-with-a-leaning-heading")
    actions, others = find_all_headers(page)
    assert ["Remarks", "Planned action", "Current position", "Risks"] in _texts(actions + others)


def test_a_leaning_heading_beside_one_listed_heading_makes_no_header():
    """A body line of two short cells ('Children's Services | Usual Activity') stays no header: with
    fewer than three listed headings, a leaning one does not count (it cut layout 12100026's table)."""
    def cell(field, text, x0):
        return HeaderCell(field, text, x0, x0 + 80, 100, 110)

    two = [cell(None, "Children’s Services", 40), cell("action", "Usual Activity", 200)]
    assert not _weak_action(two, {"action"}, 1)
    four = [cell("ignore:extra", "Remarks", 40), cell("action", "Planned action", 200),
            cell(None, "Current position", 520), cell("ignore:extra", "Risks", 600)]
    assert _weak_action(four, {"action", "ignore:extra"}, 1)


def test_rows_start_at_the_top_of_each_filled_status_cell():
    """An unruled table whose only per-row columns hold no canonical field and whose status is a
    coloured cell: each fill's top starts a row, so an action of two paragraphs stays one action
    (layout 31100014, page 6: three actions had been cut in two)."""
    page = load_page("rows-shown-by-status-fills")
    columns = [Column("extra:Remarks", 44, 200), Column("action", 200, 518), Column("rag", 518, 591),
               Column("extra:Risks", 591, 748)]
    table = build_table(page, None, columns, page.words, 40, 300)
    firsts = [r.cells["action"][0].text for r in table.rows]
    assert len(table.rows) == 7, firsts
    two_paragraphs = next(r for r in table.rows if r.cells["action"][0].text.startswith("Review of information"))
    assert two_paragraphs.cells["action"][-1].text == "MASH, child in need, section 20."
    assert all(r.rag_colour for r in table.rows)


def test_a_page_number_under_a_table_closes_no_column_gutter():
    """'Page 3 of 28' at the page foot crossed the white between 'Key priority' and 'Due by'; read as
    body, it joined the two headings and the theme landed in the milestone (layout 31100058)."""
    page = load_page("page-number-across-a-gutter")
    actions, _ = find_all_headers(page)
    texts = _texts(actions)
    assert texts and "Due by" in texts[0] and "Key priority" in texts[0], texts


def test_references_stacked_without_space_are_two_blocks():
    """Rows set close ('1.1' right above '1.2'): two references alone on their lines are two cells,
    though the next fits beside the first (layout 31100048 paired its rows)."""
    def line(text, top):
        return Line((Word(text, 186.0, top, 200.0, top + 9.0, 9.0, False, 0),))

    paras = lines_to_paragraphs([line("1.1", 100.0), line("1.2", 110.0)], mid_sentence=False)
    assert [[ln.text for ln in p] for p in paras] == [["1.1"], ["1.2"]]


def test_another_tables_column_rules_above_do_not_make_row_rules_a_frame():
    """Row rules that stop short of a merged objective column part rows; the column rules of the
    indicator table above, far from this table's text, are no walls of it, so the rules are not taken
    for a frame (layout 31100023: the merged objective was cut in two at its second paragraph)."""
    page = load_page("rules-under-another-table")
    xs = [41, 210, 317, 395, 482, 704, 740, 797]
    fields = ["objective", "extra:Barriers", "milestone", "extra:Key line of enquiry", "action", "ref", "rag"]
    columns = [Column(f, a, b) for f, a, b in zip(fields, xs, xs[1:])]
    table = build_table(page, None, columns, page.words, 291, 560)
    assert table.ruled_rows
    objective = " ".join(ln.text for ln in table.rows[0].cells["objective"])
    assert objective.startswith("There is adequate") and objective.endswith("develop a fulfilling career.")
    assert all("objective" in r.merged for r in table.rows[1:])


def test_a_bold_header_is_read_to_its_last_bold_line_beside_turned_headings():
    """Found on fresh seed 301's layout 30100045 (LibreOffice slide, unruled): the header's second line
    ('going to do? | objective | area | and date | measures | position') was left out, because the turned
    'Ref' under 'Outcome' made 'Outcome' read as a group heading over 'measures', and the one-line band
    scored as well as the whole. A turned line whose partner reaches up beside a heading is not set
    under it; a band whose every heading runs on in bold in a longer band is that band cut short."""
    page = load_page("two-line-bold-header-with-turned-headings")
    actions, _ = find_all_headers(page)
    texts = _texts(actions)
    assert texts and {"What are we going to do?", "Strategic objective", "Outcome measures", "Ref num",
                      "Latest position"} <= set(texts[0]), texts


def test_a_group_heading_set_at_its_sub_headings_leading_is_left_out_of_its_text():
    """Found on fresh seed 301's layout 30100025 (LibreOffice, ruled round the header only): 'Progress'
    stood over 'What difference will' / 'this make?' with no gap or rule between, and the three lines
    read as one heading that named nothing. The lines under a short first line that, read together, name
    nothing, while the rest is a listed heading, are that heading under its group's."""
    page = load_page("group-heading-at-leading")
    actions, others = find_all_headers(page)
    cells = [c for h in actions + others for c in h.cells]
    assert any(c.text == "What difference will this make?" and c.field for c in cells), [(c.text, c.field) for c in cells]
    assert not any(c.text.startswith("Progress") for c in cells)


def _raw(cells):
    from pipeline.assemble.rows import RawRow

    return RawRow(cells, 4, 4, (0, 0, 1, 1))


def _page_top_entry():
    from pipeline.assemble.rows import _Entry
    from pipeline.extract.grid import PageRow, PageTable

    return _Entry(PageTable(5, [], 0.0, 10.0, 0.0, 1.0, None, False, []), PageRow(0.0, 10.0), True)


def test_prose_read_as_one_cell_per_row_that_runs_on_past_a_page_break_goes_to_the_cell_it_continues():
    """Found on fresh seed 301's layout 30100004 (merged outcome under 'What difference will this make?',
    which the page step reads as measures): '... highlighted in OFSTED inspection' / 'reports' over a
    page break, the row just above having no text in the column. The rest joins the cell it continues,
    whether the page's first row is the rest of the row above or a new row."""
    from pipeline.assemble.rows import _join_tail, _return_leftovers

    owner = _raw({"measures": ["To address concerns highlighted in OFSTED inspection"], "action": ["Review."]})
    last = _raw({"action": ["Refresh the strategy taking"]})
    _join_tail([owner, last], _page_top_entry(), {"measures": ["reports"], "action": ["account of the needs."]})
    assert owner.cells["measures"] == ["To address concerns highlighted in OFSTED inspection reports"]
    assert "measures" not in last.cells

    owner = _raw({"measures": ["A workforce able to serve our Children and"], "action": ["Develop a strategy."]})
    cells = {"measures": ["Young People.", "Enabling a culture."], "action": ["Recruit an officer."]}
    _return_leftovers([owner], _page_top_entry().row, cells)
    assert owner.cells["measures"] == ["A workforce able to serve our Children and Young People.", "Enabling a culture."]
    assert "measures" not in cells
    # A finished cell of its own stays with its row.
    done = _raw({"measures": ["Staff are retained."], "action": ["Develop a strategy."]})
    cells = {"measures": ["Caseloads fall."], "action": ["Recruit an officer."]}
    _return_leftovers([done], _page_top_entry().row, cells)
    assert cells["measures"] == ["Caseloads fall."]


def test_a_banner_inside_a_rows_box_above_its_text_labels_that_row():
    """Found on layout 30100004: the section row 'Priority 1: Voice of the Child' had no rule under it,
    so the first ruled row's box held it; sorted by the box's top, the row came before its banner and
    lost its theme. A row is placed by where its text starts."""
    from pipeline.assemble.rows import _logical_tables
    from pipeline.extract.geometry import Banner, PageTables
    from pipeline.extract.grid import PageRow, PageTable
    from pipeline.extract.text import Line as TextLine

    row = PageRow(430.0, 520.0, cells={"action": [TextLine((Word("Develop", 42.0, 460.0, 80.0, 470.0, 10.0, False, 0),))]})
    table = PageTable(1, [Column("action", 40, 200)], 430.0, 520.0, 40.0, 200.0, None, True, [row])
    banner = Banner(kind="theme", ref="1", title="Voice of the Child")
    tables = _logical_tables([PageTables(1, [table], banners=[(442.0, banner)])])
    assert len(tables) == 1 and tables[0].theme == banner


def test_a_word_broken_over_three_lines_of_a_very_narrow_cell_is_made_whole():
    """Found on fresh seed 301's layout 30100005 (a 42 pt 'Related strategy' column): 'Safeg' / 'uardi' /
    'ng' and 'Com' / 'missio' / 'ning' came out 'Safeg uarding' and 'Com missio ning'. No two pieces
    make a word; the three do, each piece filling its line."""
    from collections import Counter

    from pipeline.extract.text import broken_words

    def piece(text, x1, top):
        return Line((Word(text, 298.1, top, x1, top + 11.0, 11.0, False, 0),))

    vocabulary = Counter({"safeg": 9, "uardi": 9, "ng": 9, "and": 40})
    para = [piece("Safeg", 329.8, 100.0), piece("uardi", 327.5, 113.0), piece("ng", 312.2, 126.0),
            piece("and", 318.7, 139.0)]
    assert broken_words(para, 333.7, vocabulary) == [False, True, True, False]
    para = [piece("Com", 323.5, 100.0), piece("missio", 333.4, 113.0), piece("ning", 320.0, 126.0)]
    assert broken_words(para, 333.7, vocabulary) == [False, True, True]


def test_a_free_column_of_plan_names_holds_the_detailed_action_plan_not_a_level():
    """Found on layout 30100005: 'Related strategy' (no cue word) over names printed once per group
    ('People Strategy and Action Plan', '... Service Plan') was taken for the key area by how its cells
    repeat. Cells that name plans and strategies say what the column holds."""
    from pipeline.extract.columns import levels_by_structure, profile

    plans = profile([["Integrated Commissioning Plan", "People Strategy and Action Plan", "CWD Service Plan"][k // 5]
                     if k % 5 == 0 else "" for k in range(15)])
    actions = profile([f"Review the offer for group {k}." for k in range(15)])
    assert levels_by_structure([None, "action"], [plans, actions], [True, False],
                               ["related strategy", "action"]) == ["detailed_action_plan", "action"]


def test_a_headings_own_second_line_is_no_heading_under_a_group_heading():
    """'Intended' / 'impact' and 'Theme' / 'area' are one heading each, wrapped (dev seed 251's layout
    25100009 lost its theme when 'area' was read as a heading under 'Theme'): the heading under a group
    heading runs to a phrase."""
    from pipeline.extract.headers import _under_group_line
    from pipeline.settings import DEFAULT_SETTINGS

    def line(text, top):
        return Line(tuple(Word(t, 300.0 + 40 * k, top, 335.0 + 40 * k, top + 9.0, 9.0, True, 0)
                          for k, t in enumerate(text.split())))

    assert _under_group_line([line("Theme", 100.0), line("area", 110.0)], "fields", DEFAULT_SETTINGS) is None
    assert _under_group_line([line("Intended", 100.0), line("impact", 110.0)], "fields", DEFAULT_SETTINGS) is None
    cell = _under_group_line([line("Progress", 100.0), line("What difference will", 110.0), line("this make?", 120.0)],
                             "fields", DEFAULT_SETTINGS)
    assert cell is not None and cell.text == "What difference will this make?"


def test_a_header_row_split_over_a_page_break_is_read_whole_on_the_next_page():
    """Found on dev seed 291's layout 29100032 (LibreOffice, ruled grid, header on a table's first page
    only): 'Update this | ... | Overall | Responsible' ended page 14 and 'quarter | status | person and
    date' opened page 15, so page 14's band named no action and the table under it lost its action,
    status and officer columns (65% of rows right). The two halves are one header; page 15 carries it."""
    from pipeline.extract.headers import carried_over
    from pipeline.extract.text import page_lines

    foot, top = load_page("header-split-over-pages-foot"), load_page("header-split-over-pages-top")
    actions, others = find_all_headers(foot)
    joined = carried_over(foot, page_lines(foot), actions + others, top, page_lines(top))
    assert joined is not None
    texts = {c.text: c.field for c in joined.cells}
    assert "Update this quarter" in texts and texts["Overall status"] == "rag", texts
    assert texts["Responsible person and date"] == "lead_officer_and_milestone", texts
    assert joined.top > 40 and joined.bottom < 56
    # A header with body rows under it on its own page carries nothing over.
    assert carried_over(top, page_lines(top), [joined], foot, page_lines(foot)) is None


def test_headings_part_at_the_white_through_all_their_lines_inside_a_wide_gutter():
    """Dev seed 121's layout 12100034 (reportlab, bold three-line header): 'Direct' / 'ion of' /
    'travel' over a narrow column of letters reaches past the middle of the body's gutter, and snapping
    to the nearest word space cut 'ion | of'. Inside the gutter, the white that runs through every line
    of the headings parts them: 'Direct ion of travel' | 'Steps we will take'."""
    page = load_page("heading-wider-than-its-gutter")
    actions, _ = find_all_headers(page)
    texts = _texts(actions)
    assert texts and "Steps we will take" in texts[0] and "Direct ion of travel" in texts[0], texts


def test_a_header_with_a_row_under_it_at_a_page_foot_carries_nothing_to_the_next_pages_repeated_header():
    """Dev seed 121's layout 12100010: a new theme's header and its first row's top line end page 9 (in
    the foot margin), and page 10 opens with the header repeated. The row under the header, set flush at
    its columns' starts, shows the header ended on its page; the repeated header is read as itself."""
    from pipeline.extract.headers import carried_over
    from pipeline.extract.text import page_lines

    foot, top = load_page("header-and-first-row-at-foot"), load_page("header-repeated-at-top")
    actions, others = find_all_headers(foot)
    assert carried_over(foot, page_lines(foot), actions + others, top, page_lines(top)) is None


def test_a_word_space_that_lines_up_over_two_lines_parts_no_heading():
    """Dev seed 291's layout 29100013: 'What success' / 'looks like' stands in a wide body gutter (its
    column blank on the page); the space after 'What' and 'looks' lines up, but only the white wider than
    two word spaces, after 'success' / 'like', is the edge of the heading's column."""
    from pipeline.extract.headers import _clear_through

    def line(*words):
        return Line(tuple(Word(t, a, 63.4, b, 72.4, 9.0, True, 0) for t, a, b in words))

    g = [line(("What", 345.0, 371.0), ("success", 375.0, 414.0)), line(("looks", 345.0, 372.0), ("like", 375.0, 393.0))]
    assert _clear_through(g, (336.0, 450.0), 393.0) == 432.0


def test_sub_headings_carried_to_the_next_page_take_the_place_of_their_group_heading():
    """Fresh seed 321's layout 32100030 (WeasyPrint, shaded two-level header): 'Progress | Monitoring
    measure | Planned action | Date / RAG' ended page 2; 'Lead role' and the turned 'Reference no' under
    'Progress' opened page 3, above the rule that closes the header and a bold section row below it. The
    two carried headings side by side replace their group heading; the section row stays out."""
    from pipeline.extract.headers import carried_over
    from pipeline.extract.text import page_lines

    foot, top = load_page("group-header-split-foot"), load_page("group-header-split-top")
    actions, others = find_all_headers(foot)
    joined = carried_over(foot, page_lines(foot), actions + others, top, page_lines(top))
    assert joined is not None
    assert [c.text for c in joined.cells] == ["Lead role", "Reference no", "Monitoring measure", "Planned action",
                                              "Date / RAG"]
    assert joined.bottom < 140


def test_measures_freed_by_a_column_that_turned_out_a_level_go_back_to_the_column_that_named_them():
    """Fresh seed 321's layout 32100004: 'What difference will this make?' held measures by its likeness
    to a listed heading, so 'Indicators of success' (cue words: measures) gave way and was kept as an
    extra; when the first turned out the outcome (its sentences repeat down the rows), nothing held the
    measures (41 of 42 rows wrong). The freed field goes back, and the level is renamed first so the two
    columns' cells never share a key."""
    from types import SimpleNamespace

    from pipeline.assemble.rows import _measures_handed_back, _renamed

    headings = ["We will", "Indicators of success", "What difference will this make?"]
    fields = ["action", "extra:Indicators of success", "measures"]
    assert _measures_handed_back(fields, ["action", "extra:Indicators of success", "outcome"], headings) == [
        "action", "measures", "outcome"]
    assert _measures_handed_back(fields, ["action", "extra:Indicators of success", "measures"], headings)[1] == (
        "extra:Indicators of success")

    row = _raw({"action": ["Recruit."], "extra:Indicators of success": ["Caseloads fall."], "measures": ["A skilled workforce."]})
    own = _renamed(SimpleNamespace(columns=fields), [row], ["action", "measures", "outcome"])
    assert own == ["action", "measures", "outcome"]
    assert row.cells["measures"] == ["Caseloads fall."] and row.cells["outcome"] == ["A skilled workforce."]


def test_justified_spaces_that_line_up_under_a_heading_part_no_columns():
    """Fresh seed 321's layout 32100021 (WeasyPrint, justified cells): under a header set mid-page, three
    lines of 'Team      Manager, / Front Door, Winter / 2023' left a 3 pt white run that parted 'Who
    leads? and date' into 'Who date' | 'leads? and'. A gutter no wider than two word spaces parts
    columns only where lines start flush at its right edge."""
    page = load_page("justified-spaces-under-a-heading")
    actions, others = find_all_headers(page)
    texts = [t for h in actions + others for t in (c.text for c in h.cells)]
    assert "Who leads? and date" in texts, texts


def test_a_row_that_prints_a_new_reference_under_a_page_break_is_a_row_of_its_own():
    """Layout 32100021: a merged outcome ran over the page, so no rule closed the last row of page 8, and
    page 9's first row ('1.14', 'Launch new Practice Standards.') was joined to '1.13' as its rest. A
    row's rest never prints a new reference."""
    from pipeline.assemble.rows import _is_tail
    from pipeline.extract.grid import PageRow

    prev = _raw({"ref": ["1.13"], "action": ["Develop new Practice Standards."]})
    cells = {"ref": ["1.14"], "action": ["Launch new Practice Standards."]}
    assert not _is_tail(prev, PageRow(40.0, 90.0), cells, prev_closed=False)
    # Without a reference of its own, a row under one the ruling left open is its rest.
    assert _is_tail(prev, PageRow(40.0, 90.0), {"action": ["and its training."]}, prev_closed=False)


def test_a_row_begun_at_the_foot_with_one_short_cell_is_a_row_of_its_own():
    """Fresh seed 321's layout 32100054 (WeasyPrint, unruled body): the next row's 'November 2022 – G'
    alone ended page 2, its action on page 3, and it was read as the status of the row above. A column of
    one short cell per row holding a second block below the row's action, at the table's foot, begins a
    row (its action follows over the page)."""
    page = load_page("row-begun-at-the-foot")
    xs = [42, 165, 289, 410, 668, 800]
    fields = ["extra:Barriers", "extra:Update this quarter", "milestone_and_rag", "action", "lead_officer"]
    table = build_table(page, None, [Column(f, a, b) for f, a, b in zip(fields, xs, xs[1:])], page.words, 300, 590)
    dates = [" ".join(ln.text for ln in r.cells.get("milestone_and_rag", [])) for r in table.rows]
    assert dates[-2:] == ["April 2023 – A", "November 2022 – G"], dates
    assert "action" not in table.rows[-1].cells


def test_a_narrow_gutter_before_a_sparse_column_still_parts_it():
    """Dev seed 171's layout 17100004: a theme column printed once per group starts one line at the
    right of a 6 pt gutter beside a dense column. Few lines start there, but the lines that reach the
    white stop at it rather than run on across: a gutter between columns, not justified spaces."""
    from pipeline.extract.headers import _parts_columns

    def w(text, x0, x1, top):
        return Word(text, x0, top, x1, top + 10.0, 10.0, False, 0)

    dense = [w("Monitoring", 42.0, 100.0 + k % 3 * 4, 300.0 + 12 * k) for k in range(8)]
    theme = [w("Practice", 114.7, 150.0, 300.0)]
    assert _parts_columns(111.7, 6.0, dense + theme)
    justified = [w("Team", 821.2, 847.6, 357.0), w("Manager,", 867.9, 915.0, 357.0), w("Front", 821.2, 846.5, 369.0),
                 w("Door,", 850.6, 877.9, 369.0), w("Winter", 882.0, 915.0, 369.0), w("2023", 821.2, 846.6, 381.0)]
    assert not _parts_columns(849.1, 3.0, justified)


def test_a_row_whose_lines_the_column_rules_cross_is_no_section_row_though_a_merged_cell_runs_on_below():
    """Dev seed 201's layout 20100049 (WeasyPrint grid, merged outcome): the last row of page 3 ('1.17
    Develop new Practice Standards') has walls down to 371 pt, and its merged outcome runs on in one
    column to 549 pt. Judged at the middle of all its text (460 pt), no wall crossed it: the whole row
    became a theme banner and 57 rows took it as their theme. A row is a section row only where no wall
    crosses any of its lines."""
    page = load_page("walls-cut-short-over-a-merged-cell")
    xs = [42, 172, 232, 302, 383, 562, 643, 729, 800]
    fields = ["measures", "rag", "theme", "extra:Dependencies", "action", "extra:Barriers", "lead_officer", "key_area"]
    table = build_table(page, None, [Column(f, a, b) for f, a, b in zip(fields, xs, xs[1:])], page.words, 0, 595)
    assert not any(r.section for r in table.rows)
    last = table.rows[-1]
    assert last.cells["action"][0].text.startswith("1.17 Develop new Practice")
    assert last.cells["measures"][0].text.startswith("Practice Standards")


def test_a_header_printed_again_is_known_though_one_page_read_its_group_heading_into_a_heading():
    """Dev seed 261's layout 26100031 (header repeated on every page, read as weak): on five pages the
    group heading 'Accountability' stayed in 'Latest position', the header's signature no longer matched
    the one read elsewhere, its table was not recognised and its lines became rows. A header printed
    again has as many headings, each where it stood, each the same text or holding the other."""
    from pipeline.extract.geometry import _same_header
    from pipeline.extract.headers import Header

    def header(*texts):
        return Header(cells=[HeaderCell(None, t, 44.0 + 100 * k, 120.0 + 100 * k, 47.0, 80.0)
                             for k, t in enumerate(texts)], top=47.0, bottom=80.0)

    read = header("Responsible person and date", "What will we do?", "Latest position")
    assert _same_header(header("Responsible person and date", "What will we do?", "Accountability Latest position"), read)
    assert not _same_header(header("Responsible person and date", "What will we do?", "Barriers"), read)
    assert not _same_header(header("Responsible person and date", "What will we do?"), read)


def test_in_a_justified_column_a_line_stopping_short_ends_its_paragraph():
    """Fresh seed 331's layout 33100027 (WeasyPrint, justified cells): '1.1 Recruit a Participation
    Officer.' stops 30 pt short of the edge, and 'Delivered' (43 pt) would not have fitted, so by fit
    alone it read as a wrap. In a column whose lines that go on end flush at the edge (justified, judged
    over all its cells), a line of two words or more that stops an em short ends its paragraph; a word
    alone on its line ('Independent' / 'Chair, ...') cannot stretch and proves nothing."""
    from pipeline.extract.text import flush_lines, justified_counts

    def line(text, x1, top):
        words = text.split()
        step = (x1 - 566.0) / len(words)
        return Line(tuple(Word(t, 566.0 + k * step, top, 566.0 + (k + 1) * step - 4.0, top + 9.0, 9.0, False, 0)
                          for k, t in enumerate(words)))

    cell = [line("1.1 Recruit a Participation Officer.", 717.0, 100.0), line("Delivered through the People Strategy", 747.0, 110.8),
            line("and Action Plan.", 639.0, 121.6)]
    others = [[line(f"Leaders and managers in team {k} will use the", 747.0, 200.0 + 11 * k) for k in range(5)]
              + [line("opment needs.", 634.0, 255.0)]]
    assert justified_counts(*flush_lines(others + [cell]))
    # An officer's title printed on every row ends where it ends each time: it counts once.
    title = [[line("Joint Sefton NHS Place Director and", 747.0, 400.0), line("Health", 600.0, 411.0)]] * 6
    assert not justified_counts(*flush_lines(title))
    paras = lines_to_paragraphs(cell, edge=747.0, justified=True)
    assert [[ln.text for ln in p] for p in paras] == [["1.1 Recruit a Participation Officer."],
                                                      ["Delivered through the People Strategy", "and Action Plan."]]
    assert len(lines_to_paragraphs(cell, edge=747.0)) == 1  # ragged text: the next word did not fit
    lead = [line("Independent", 640.0, 300.0), line("Chair, Safeguarding", 650.0, 310.8)]
    assert len(lines_to_paragraphs(lead, edge=650.0, justified=True)) == 1
