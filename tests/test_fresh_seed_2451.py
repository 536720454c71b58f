"""Behaviours found on layouts of fresh seeds 2451 onwards.

Each test names the layout it came from; the mechanism is general (see each docstring)."""

from __future__ import annotations

from pipeline.extract.grid import Column, build_table
from pipeline.extract.headers import find_all_headers
from tests.pages import load_page

_ZEBRA_COLUMNS = [Column(f, a, b) for f, a, b in (
    ("extra:Area of concern", 44, 157), ("extra:Theme area", 157, 218), ("extra:What will be different?", 218, 331),
    ("action", 331, 485), ("milestone", 485, 537), ("rag", 537, 570))]


def _rows(page, columns, top: float, bottom: float):
    body = [w for w in page.words if top < w.ymid < bottom and not w.rotation]
    return build_table(page, None, columns, body, top, bottom).rows


def test_a_turned_sub_heading_under_a_group_heading_is_the_header_s():
    """Layout 257100036 (seed 2571, WeasyPrint, headings on their side, 0%): "Current position" is set on
    its side in the header's second row under the group heading "Governance", beside "Latest position".
    Its cell starts under the group's, so it starts within the height the first row's turned "When will
    it be done?" gives the header and ends below it. It was left out of the header, so the status column
    merged into "Latest position" and every status was lost (0% -> 97.9%)."""
    page = load_page("header-turned-sub-heading-under-a-group-heading")
    actions, _ = find_all_headers(page)
    assert len(actions) == 1
    cells = {c.text: c for c in actions[0].cells}
    # A heading of its own (its cells, all statuses, name its field), apart from the one beside it.
    assert "Current position" in cells and cells["Current position"].turned
    assert cells["Current position"].x1 < cells["Latest position"].x0
    assert actions[0].bottom >= 377


def test_a_zebra_drawn_cell_by_cell_beside_merged_columns_shows_one_row_a_stripe():
    """Layout 259100038 (seed 2591, WeasyPrint, zebra stripes, hierarchy merged, 68.6%): from row 3.6 on
    page 4 the three hierarchy columns run on from one merged cell, so each row's stripe covers only the
    action, date and status cells (under half the table). They were no stripes, the white after the last
    full-width stripe ran to the page's foot, and every row start in it was read as a paragraph: rows 3.6
    and 3.7 (and three more pairs) became one. A stripe drawn cell by cell over the action's cell that
    leaves out only columns running on is a row's (68.6% -> 100%)."""
    page = load_page("zebra-drawn-cell-by-cell-beside-merged-columns")
    actions = [r.text("action") for r in _rows(page, _ZEBRA_COLUMNS, 198.0, 750.0)]
    refs = [a.split()[0] for a in actions if a]
    assert refs == [f"3.{k}" for k in range(1, 14)], refs


def test_unruled_rows_of_one_line_each_print_one_date_a_line():
    """Layout 260100045 (seed 2601, LibreOffice, rules framing the header only, 38.3%): rows of one line
    each are set at the leading, so "March 2022" / "October 2022" / "November 2022" stood as one block of
    the date column beside five actions, and the five rows read as one (44 actions lost). Each line of
    that block is a whole date by itself: one date a row (38.3% -> 99.2%)."""
    page = load_page("unruled-rows-one-date-a-line")
    columns = [Column("action", 39, 460), Column("milestone", 460, 615), Column("extra:Theme area", 615, 797)]
    rows = _rows(page, columns, 88.0, 560.0)
    pairs = [(r.text("action"), r.text("milestone")) for r in rows]
    recruit = [p for p in pairs if p[0].startswith("Recruit")]
    assert [m for _, m in recruit] == ["March 2022", "October 2022", "November 2022", "September 2022"], pairs
    assert len(pairs) == 17 and all(m and "\n" not in m and m.count(" 20") <= 1 for _, m in pairs), pairs


def test_a_column_of_titles_given_the_outcome_by_cue_words_alone_is_the_key_area():
    """Layout 261100031 (seed 2611, LibreOffice, 0%): "Pillar" cues the theme, which "Ambition" holds; on
    the header page, two cells of it read as sentences as much as titles, so it took the level below, the
    outcome. Over the whole table its cells are titles in groups ("The Workforce"): a key area. Holding
    the outcome, it left the column of sentences that states it ("What will be different?") without a
    level, and every row's outcome and key area were wrong (0% -> 99.1%). Titles are no outcome: the column
    takes the key area, and the sentences the outcome."""
    from pipeline.extract.columns import levels_by_structure, profile

    n = 40
    ambition = profile(["Children's services improve together"] * n)
    pillars = profile([("The Workforce", "Practice Quality", "Partnerships", "Early Help")[k // 10] if k % 10 == 0
                       else "" for k in range(n)])
    outcomes = profile([f"Children and families will see services improve in area {k // 5} over the plan's life."
                        if k % 5 == 0 else "" for k in range(n)])
    concerns = profile([f"Practice is not yet consistent enough in the teams working on concern {k // 2} today."
                        if k % 2 == 0 else "" for k in range(n)])
    fields = ["theme", "outcome", None, None]
    free, movable = [False, False, True, True], [True, True, False, False]
    headings = ["ambition", "pillar", "what will be different?", "area of concern"]
    out = levels_by_structure(fields, [ambition, pillars, outcomes, concerns], free, headings, movable)
    assert out == ["theme", "key_area", "outcome", "objective"], out
    # The control: a column of sentences given the outcome by its cue words keeps it.
    kept = levels_by_structure(["theme", "outcome", None, None], [ambition, outcomes, pillars, concerns], free,
                               headings, movable)
    assert kept[1] == "outcome", kept


def test_a_heading_as_wide_as_its_column_parts_where_the_next_starts_flush_over_its_text():
    """Layout 267100018 (seed 2671, ReportLab, rules framing the table, 0%): "Reference no" fills its
    narrow column and stands 6 pt from "Lead service and date", which starts flush over the officers'
    text. The body's white between the two columns holds both the space inside "Reference no" and the
    one after it; the one nearer the white's middle was taken, "no Lead ..." opened in lower case and the
    headings stayed one: the references, officers and dates of all 72 rows were lost. The space whose
    next word starts where the column's text does parts them (0% -> 100%)."""
    page = load_page("header-heading-as-wide-as-its-column-beside-a-flush-one")
    actions, _ = find_all_headers(page)
    assert len(actions) == 1
    texts = [c.text for c in actions[0].cells]
    assert "Reference no" in texts and "Lead service and date" in texts, texts


def test_bold_headings_set_as_paragraphs_keep_their_second_line():
    """Layout 266100016 (seed 2661, LibreOffice, header printed on every page, 62.5%): the header's
    headings are set in bold as two paragraphs ("Who leads?" / "and date", "Update this" / "quarter",
    "Intended" / "impact"), a paragraph's space apart, wider than the band's leading. On page 4 the
    second line was read as the first row's text ("Q2 2022/23 and date", "... to support impact"), and
    the rows under it shifted (62.5% -> 93.8%). A bold line under bold headings, each piece flush under
    one of them, within a line's space, goes on with them; the body below is set plain."""
    page = load_page("header-bold-headings-set-as-paragraphs")
    # Headings nobody listed: a weak header, which its columns' cells make an action table's.
    _, others = find_all_headers(page)
    assert len(others) == 1 and others[0].weak
    texts = [c.text for c in others[0].cells]
    assert "Who leads? and date" in texts and "Intended impact" in texts, texts
    assert others[0].bottom > 60, others[0].bottom


def test_a_row_s_paragraphs_set_level_across_its_cells_are_its_rest_not_a_row():
    """Layout 265100041 (seed 2651, ReportLab, rules under each row, 89.2%): row 1.1, the only row on its
    page, sets its cells' second paragraphs level ("Enabling a culture ..." beside "Delivered through
    ..." and the measures' and aim's next), as a producer that sets a row's paragraphs as rows of their
    own does; four columns start there, so it read as a row, and its outcome ran down 14 rows. Nearly
    every row of the table opens on its reference; one that opens on none and prints only the next
    paragraphs of cells the row above printed (no officer, date or status of its own) is its rest."""
    from types import SimpleNamespace

    from pipeline.assemble.rows import REFERENCED, _rest_mid_page

    entry = SimpleNamespace(table=SimpleNamespace(ruled_rows=False), first_on_page=False)
    above = {"ref": ["1.1"], "action": ["Develop and agree ..."], "extra:What success looks like": ["A skilled ..."],
             "objective": ["There is adequate ..."], "measures": ["We will see ..."], "lead_officer": ["Assistant Director"],
             "milestone_and_rag": ["Q2 2022/23"]}
    rest = {"action": ["Delivered through the People Strategy and Action Plan."],
            "extra:What success looks like": ["Enabling a culture ..."], "objective": ["That staff remain ..."],
            "measures": ["Every child in care has an up-to-date plan."]}
    assert _rest_mid_page(entry, rest, frozenset({REFERENCED}), above)
    # A row that prints an officer of its own, or a level the row above left blank, is a row.
    assert not _rest_mid_page(entry, {**rest, "lead_officer": ["Head of Service"]}, frozenset({REFERENCED}), above)
    assert not _rest_mid_page(entry, {**rest, "theme": ["Practice Quality"]}, frozenset({REFERENCED}), above)


def test_a_header_printed_again_keeps_the_columns_its_page_before_parted_by_the_body():
    """Layout 270100017 (seed 2701, LibreOffice, two-level header printed again on each page, 83.1%): the
    header printed again leaves out the sub-headings under "Delivery" (a status and a reference, set on
    their side). Where the page shows enough rows, the body's white parts that column in two; a page of
    two rows could not, and its statuses and references ran together (13 rows lost both). The page
    before parted it: the header printed again keeps that parting where no word of this page crosses it."""
    from pipeline.extract.geometry import _parted_as_before
    from pipeline.readers.model import Word

    before = [Column("lead_officer_and_milestone", 41, 195, "Led by and date"), Column("measures", 195, 418, "What"),
              Column("extra:Delivery", 547, 603, "Delivery"), Column("extra:Delivery (2)", 603, 659, "Delivery"),
              Column("action", 659, 913, "Deliverables")]
    now = [Column("lead_officer_and_milestone", 41, 195, "Led by and date"), Column("measures", 195, 418, "What"),
           Column("extra:Delivery", 547, 659, "Delivery"), Column("action", 659, 910, "Deliverables")]
    body = [Word("25%", 549.0, 200.0, 566.0, 211.0, 11.0), Word("2.17", 610.0, 200.0, 628.0, 211.0, 11.0)]
    parted = _parted_as_before(now, before, body)
    assert [(c.field, c.x0, c.x1) for c in parted[2:4]] == [("extra:Delivery", 547, 603), ("extra:Delivery (2)", 603, 659)]
    assert parted[-1].x1 == 910
    # A word of this page across the parting keeps the column whole.
    across = [*body, Word("Partnership", 580.0, 220.0, 640.0, 231.0, 11.0)]
    assert _parted_as_before(now, before, across) == now


def test_a_second_header_row_interleaved_with_the_first_is_read_whole():
    """Layout 273100035 (seed 2731, WeasyPrint, two-level header printed on every page, 52.5%): the
    sub-headings under "Governance" start lower than the first row's headings, so their lines fall
    between the wrapped lines of "How are we" / "doin" / "g?". The band went on only with the headings
    the last line continued: "doin" alone went on with "How are we", and "will" / "important?" below it
    ended the header, whose rest ("this make?", "g?") was read into the first row (10 extra rows, 47
    outcomes lost). A heading whose own last line stands within the band's leading of a line goes on
    with it, whichever heading the line between continued (52.5% -> 98.0%)."""
    page = load_page("header-second-row-interleaved-with-the-first")
    actions, _ = find_all_headers(page)
    assert len(actions) == 1
    texts = [c.text for c in actions[0].cells]
    assert "What difference will this make?" in texts and "Why is this important?" in texts, texts
    assert "How are we doing?" in texts, texts
    assert actions[0].bottom > 116, actions[0].bottom


def test_unruled_rows_of_one_line_each_print_one_date_and_rating_a_line():
    """Layout 277100055 (seed 2771, LibreOffice, rules framing the header only, 62.7%): the same one-line
    rows, their date and rating printed in one column ("Oct 2021 – Mar 2022 – 100%"): each line a whole
    date with its rating is one row's, and the eight "Recruit ..." rows above no longer read as one
    (62.7% -> 88.1%; a cell whose date breaks on its dash, "Feb 2022 – Jul 2022 –" / "100%", stays whole)."""
    page = load_page("unruled-rows-one-date-and-rating-a-line")
    columns = [Column("milestone_and_rag", 39, 265), Column("lead_officer", 265, 491), Column("action", 491, 915)]
    rows = _rows(page, columns, 84.0, 500.0)
    recruit = [(r.text("milestone_and_rag"), r.text("lead_officer")) for r in rows if r.text("action").startswith("Recruit")]
    assert recruit == [("Oct 2021 – Mar 2022 – 100%", "Head of Youth Justice"),
                       ("May 2022 – Oct 2022 – 100%", "Head of Youth Justice"), ("Ongoing – 100%", "Head of Safeguarding"),
                       ("Jun 2022 – Nov 2022 – 80%", "Head of Safeguarding"), ("Ongoing – 60%", "Team Manager, Front Door")]
