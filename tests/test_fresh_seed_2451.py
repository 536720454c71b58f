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
