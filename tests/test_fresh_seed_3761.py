"""Behaviours found on layouts of fresh seeds 3761 onwards, each scored before any fix from it.

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


def _starting(rows, words: str):
    return next(r for r in rows if r.cells["action"][0].startswith(words))


def test_sub_headings_set_close_under_a_group_heading_part_where_the_body_s_gutter_meets_both():
    """Layout 376100032 (seed 3761, WeasyPrint, narrow justified columns, no rules): "Dependencies" wraps
    as "Dependencie" / "s" and stands 6 pt from "Impact measure" on one line under the group heading
    "Accountability", which runs a little past the gutter between their columns. Neither the group
    heading nor the line was parted (the gutter's white is no wider than the space between the words),
    so "Accountability Dependencie Impact measure" became one heading and every measures cell took the
    dependencies' text (0% -> 100%). Under a heading across both, a word space the body's gutter fills
    from the word before it to the word after it parts two headings."""
    rows = _rows("layout-376100032", (3,))
    first = _starting(rows, "Develop and agree Children")
    assert first.cells["measures"] == [
        "We will see an increase in employees accessing quality training and recognise the value of "
        "professional development."]
    assert first.cells["extra:Dependencies"] == ["Interim cover arranged through the agency framework."]


def test_a_turned_heading_under_no_heading_of_the_band_joins_the_header():
    """Layout 380100054 (seed 3801, WeasyPrint, two-level header): the group heading "Governance" is set
    flush left over its first sub-column only; its third sub-heading, "Plan ref", is turned on its side
    at the far right, set low and ending below every other heading. It joined the header only under a
    group heading's words, so the reference column was lost and every reference went into the measures
    (0% -> 100%). A turned heading starting within the header's height under no heading at all heads a
    column of its own."""
    rows = _rows("layout-380100054", (4, 5))
    assert [r.refs.get("action") for r in rows] == ["1.1", "1.2", "1.3", "1.4"]
    assert not any(" 1.1" in m for m in rows[0].cells["measures"])


def test_a_header_printed_again_ends_as_deep_as_it_did_on_the_page_before():
    """Layout 383100042 (seed 3831, LibreOffice, header on every page): page 13 opens with the rest of an
    outcome, "Social work" / "interventions ...", set under "What will be different?" at a little more
    than the header's leading. Read as that heading's next line, it made the header name an action
    column there, and the page's columns were read as another table's (80% -> 99.3% with the next). The
    same header printed again ends where it ended before: the line below it is the body's."""
    doc = Document("layout.pdf", [load_page(f"layout-383100042-p{n}") for n in (12, 13)], {})
    twelve, thirteen = (pt.tables[0] for pt in find_tables(doc))
    assert thirteen.header is not None and twelve.header is not None
    assert thirteen.header.bottom == twelve.header.bottom
    assert [c.heading for c in thirteen.columns] == [c.heading for c in twelve.columns]
    assert "Social work" in " ".join(w.text for ln in thirteen.rows[0].cells.get("action", []) for w in ln.words)


def test_a_header_at_a_page_s_top_boxed_with_a_cell_s_rest_still_heads_the_table():
    """Layout 383100042 (seed 3831, LibreOffice, the table framed): page 33 prints its header at the top
    over the rest of a row's outcome, then a banner, the header again and the next theme's rows. The frame
    closing the first table made one box of the header and the rest, whose sentences ruled the band out
    as a header; the header's words were read as a row of the table above (seq 100 took "What will be
    different?" into its outcome). A band that prints again the headings of a header kept on its page
    heads a table, without the box."""
    rows = _rows("layout-383100042", (32, 33))
    liquid = _starting(rows, "Use the findings of the Liquid Logic")
    assert liquid.cells["action"] == [
        "Use the findings of the Liquid Logic diagnostic to plan the changes that need to be implemented."]
    assert not any("What will" in p for r in rows for ps in r.cells.values() for p in ps)


def test_a_cell_the_grid_merges_down_to_a_row_broken_over_a_page_runs_on_overleaf():
    """Layout 383100051 (seed 3831, reportlab grid, merged levels in a column read as measures while the
    rows are read): an outcome merged over three rows runs to page 2's foot, beside the row broken there,
    and goes on at page 3's top, its rest opening a sentence. A column of measures is read as one cell per
    row, so the rest became the broken row's own cell, a new group (95.2% -> 98.8%). Where the rule over
    the broken row leaves the column out, the grid shows the cell is merged from above: the rest is its."""
    rows = _rows("layout-383100051", (2, 3))
    standards = _starting(rows, "Develop new Practice Standards")
    monitor = _starting(rows, "Monitor Practice Standards")
    for row in (standards, monitor):
        text = " ".join(next(ps for f, ps in row.cells.items() if ps and ps[0].startswith("Practice Standards &")))
        assert "Social work interventions are evidenced clearly" in text


def test_a_second_reference_at_a_page_s_foot_opens_the_row_overleaf():
    """Layout 380100017 (seed 3801, WeasyPrint, unruled, references in a narrow column headed "Index"):
    row 2.1 printed only its reference at page 8's foot, in the cell of row 1.12 above it (no other column
    had a line there), its action and the rest overleaf. Row 1.12 took both references and row 2.1 none
    (96.4% -> 100%). A row prints one reference: where the row above holds two, each alone, and the next
    page opens a row with none, the second is that row's."""
    rows = _rows("layout-380100017", (8, 9))
    assert _starting(rows, "Establish Family Valued Board").refs.get("action") == "2.1"
    assert _starting(rows, "Work with partners, in").refs.get("action") == "1.12"


def test_an_action_s_paragraph_without_the_level_every_row_prints_again_is_the_row_s_rest():
    """Layout 377100044 (seed 3771, LibreOffice, levels printed again in every row, cells left blank
    here and there): row 15's action goes on in a second paragraph set level with its measures' next,
    and with no rule between rows, it was read as a row of its own (one extra row). Every other row prints
    its outcome; a row that prints an action and measures only, without the level every row prints,
    where the row above printed it, is that row's rest."""
    rows = _rows("layout-377100044", (2, 9, 10, 11))
    strategy = _starting(rows, "Refresh Domestic Abuse Strategy")
    assert strategy.cells["action"][1:] == [
        "Develop an Action Plan to underpin the delivery of the Domestic Abuse Strategy.",
        "Delivered through the Sefton Domestic Abuse Partnership plan."]
    assert not any(r.cells["action"][0].startswith("Develop an Action Plan to underpin") for r in rows)


def test_a_cell_s_rest_framed_by_the_table_above_an_appendix_is_no_title():
    """Layout 377100044 (seed 3771, LibreOffice, the table framed): page 23 holds the last measures of the
    last row, framed by the table's walls and foot rule, then an appendix heading and a table of indicators.
    One column of text above another table was read as its title and the measures were lost. Text the
    table's rules go on round is the rest of a row: a title stands outside the frame."""
    rows = _rows("layout-377100044", (2, 22, 23))
    last = _starting(rows, "Re-procure the Sefton Placements Framework")
    assert last.cells["measures"][-1].startswith("Provision will be suitable, fully assessed")


def test_an_action_s_paragraph_in_the_row_above_s_stripe_of_a_zebra_is_the_row_s_rest():
    """Layout 381100025 (seed 3811, LibreOffice, rows shaded by turns, no rules): the first row's action
    goes on in a paragraph set level with nothing else, read as a row of its own (one extra row). The
    zebra shades each row by turns, and that paragraph lies in the first row's stripe: it is its rest."""
    rows = _rows("layout-381100025", (3,))
    assert _starting(rows, "Recruit a Participation Officer").cells["action"] == [
        "Recruit a Participation Officer.", "Delivered through the People Strategy and Action Plan."]
    assert not any(r.cells["action"][0].startswith("Delivered through") for r in rows)


def test_a_second_officer_with_the_row_s_date_but_no_level_or_status_is_the_row_s_rest():
    """Layout 384100005 (seed 3841, LibreOffice, levels printed again in every row, officer and date in
    one cell): row 16's officer cell goes on in a second paragraph, "Business Intelligence Manager,
    Ongoing", level with its action's next paragraph, and was read as a row of its own (one extra row,
    its officer and date lost to row 16). That row prints no key area, which every row prints again, and
    no status, which nearly every row prints and row 16 printed: it is row 16's rest."""
    rows = _rows("layout-384100005", (1, 2))
    monitor = _starting(rows, "Monitor Practice Standards")
    assert monitor.cells["action"][1:] == ["Delivered through the Safeguarding and Quality Assurance Service Plan."]
    assert monitor.cells["lead_officer"] == ["Assistant Director, Education", "Business Intelligence Manager"]
    assert monitor.cells["milestone"] == ["Ongoing"]


def test_an_action_opening_on_the_reference_next_after_the_row_above_s_opens_a_row():
    """Layout 395100031 (seed 3951, LibreOffice, unruled, levels printed again in every row, cells left
    blank): row 1.3 opens at page 3's foot with "1.3 Recruit a Participation Officer." beside its
    levels, its date blank. No per-row column started level with it, and the page showed two rows only,
    too few for the rule that every numbered paragraph opens a row, so 1.2 and 1.3 became one row (137
    of 138 found). Where every row start on the page opens on its reference, an action paragraph opening
    on the reference next after the last row's opens a row too."""
    rows = _rows("layout-395100031", (3, 4))
    assert [r.refs.get("action") for r in rows[:4]] == ["1.1", "1.2", "1.3", "1.4"]
    assert _starting(rows, "Develop and deliver a targeted").cells["action"] == [
        "Develop and deliver a targeted recruitment drive for senior managers and leaders."]


def test_a_merged_cell_spanning_the_same_rows_as_one_going_on_overleaf_goes_on_too():
    """Layout 386100054 (seed 3861, reportlab, ruled across, merged levels under headings nobody listed):
    the outcome "Practice Standards & Quality Assurance Framework" and its objective open in row 1.8 at
    page 2's foot; overleaf the objective goes on in lower case ("and 'Working Together'") and the rule
    under row 1.9 leaves both columns out. The outcome's rest opens a sentence and its column is named
    as a level only after the rows are read, so it became a new group's (95.0% -> 100%). A cell to the
    left of one going on, opened in the same row and spanning the same rows on the next page, goes on."""
    rows = _rows("layout-386100054", (2, 3))
    for words in ("Develop and deliver training", "Monitor Practice Standards"):
        outcome = _starting(rows, words).cells["outcome"]
        assert outcome[:2] == ["Practice Standards & Quality Assurance Framework",
                               "Social care case work will be focused, timely and appropriate for the current "
                               "situation within the family."]


def test_a_cell_cut_at_a_page_s_foot_on_a_colon_goes_on_overleaf():
    """Layout 393100022 (seed 3931, reportlab grid): an action ends page 12 on "... Safeguarding issues,
    including:" and the list it leads in opens page 13 in capitals ("Sefton Association for Primary and
    Secondary Heads"), read as a row of its own (one extra row). A colon leads in what follows: text
    stopping on one has not ended, and the list is the row's rest."""
    rows = _rows("layout-393100022", (12, 13))
    senior = _starting(rows, "Senior Leadership Team will continue")
    assert senior.cells["action"][1:] == [
        "Sefton Association for Primary and Secondary Heads", "Partnership Safeguarding meetings",
        "Delivered through the Safeguarding and Quality Assurance Service Plan."]
    assert not any(r.cells["action"][0].startswith("Sefton Association") for r in rows)
