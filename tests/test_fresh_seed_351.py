"""Behaviours found on fresh layout seed 351 (unseen wordings, scored once before any fix): key areas
restated at each page's top, a row under a page break that opens on a reference of its own, a ruled
cell whose rest opens the next page, a merged cell printed again at a page's top, lines repeated down
the rows in the page's foot zone, and a reference too wide for its cell broken over a page."""

from __future__ import annotations

from pipeline.assemble.rows import RawRow, _Entry, _is_tail, _join_paragraphs, _join_tail, _run_on_texts
from pipeline.extract.columns import profile, shows_group
from pipeline.extract.furniture import find_furniture
from pipeline.extract.grid import PageRow, PageTable
from pipeline.readers.model import Page, Word


def _raw(cells: dict[str, list[str]], page: int = 4, merged: set[str] | None = None) -> RawRow:
    return RawRow(cells, page, page, (0, 0, 1, 1), merged=merged)


def _page_top_entry() -> _Entry:
    return _Entry(PageTable(5, [], 0.0, 10.0, 0.0, 1.0, None, False, []), PageRow(0.0, 10.0), True)


def test_key_areas_restated_at_each_pages_top_still_show_a_level():
    """'Domain' printed each key area once per group and again at each page's top: counted as printed
    twice running, the restatements made the titles look like a column of stock labels (layout 35100007:
    key area 0 -> 100%). A text printed again at a page's top under the same text runs on."""
    areas = ["The Workforce", "Practice Standards", "Voice of the Child", "Partnerships", "Early Help"]
    rows = []
    for n, area in enumerate(areas * 2):
        for k in range(9):
            page = 3 + (n * 9 + k) // 5
            restated = k > 0 and (n * 9 + k) % 5 == 0
            rows.append(_raw({"key_area": [area]} if k == 0 or restated else {}, page))
    texts = _run_on_texts(rows, "key_area")
    assert sum(1 for t in texts if t) == 10
    assert shows_group(profile(texts))
    assert not shows_group(profile([r.text("key_area") or "" for r in rows]))


def test_a_row_under_a_page_break_opening_on_its_own_reference_is_a_new_row():
    """'1.16 Develop and deliver ...' opens the page under '1.15 Develop new Practice Standards.', the
    ruling at the foot left open: a row's rest never opens on a new reference (layout 35100033 joined
    two actions)."""
    prev = _raw({"action": ["1.15 Develop new Practice Standards."], "milestone": ["Autumn 2022"]})
    cells = {"action": ["1.16 Develop and deliver training."], "milestone": ["Autumn 2022"]}
    assert not _is_tail(prev, PageRow(0.0, 10.0), cells, False)
    rest = {"action": ["Standards across the service."]}
    assert _is_tail(_raw({"action": ["1.15 Develop new Practice"]}), PageRow(0.0, 10.0), rest, False)


def test_the_rest_of_a_ruled_cell_on_the_next_page_is_its_rows_own():
    """Row 4.3's key-area cell, ruled off from 4.2's, was empty at the page's foot and its text
    ('Technology & IT systems') opened the next page: it is 4.3's key area, not more of 4.2's ('Practice
    Technology & IT systems')."""
    above = _raw({"key_area": ["Practice"], "action": ["4.2 Review."]})
    last = _raw({"action": ["4.3 Progress actions"]}, merged={"theme"})
    _join_tail([above, last], _page_top_entry(), {"key_area": ["Technology & IT systems"], "action": ["agreed."]})
    assert above.cells["key_area"] == ["Practice"]
    assert last.cells["key_area"] == ["Technology & IT systems"]


def test_a_merged_cell_printed_again_at_a_pages_top_is_not_doubled():
    """A theme cell restated on the next page beside a row's rest: 'Children in Care Children in Care'
    (layout 35100057)."""
    last = _raw({"theme": ["Children in Care"], "action": ["Review the"]})
    _join_tail([last], _page_top_entry(), {"theme": ["Children in Care"], "action": ["placement policy."]})
    assert last.cells["theme"] == ["Children in Care"]
    assert last.cells["action"] == ["Review the placement policy."]


def test_a_reference_too_wide_for_its_cell_broken_over_a_page_is_made_whole():
    """'2.1' at a page's foot, '7' at the next page's top (layout 35100001 wrote '2.1 7')."""
    assert _join_paragraphs(["2.1"], ["7"]) == ["2.17"]
    assert _join_paragraphs(["2.1"], ["7"], word_fitted=True) == ["2.1", "7"]


def _words(texts: list[tuple[str, float]], top: float) -> list[Word]:
    return [Word(t, x0, top, x0 + 5.0 * len(t), top + 7.0, 7.0) for t, x0 in texts]


def test_a_level_repeated_down_the_rows_into_the_foot_zone_is_no_footer():
    """The outcome printed in every row ('To address specific areas of') falls in the foot zone of many
    pages, each time where its row does; a footer keeps its place. Taken for a footer, it cut off the
    last row of a page (layout 35100013)."""
    pages = []
    for n in range(1, 6):
        y = 700.0 + 6 * n  # the row's line, lower on each page
        words = _words([("Review", 45), ("the", 80), (f"plan{'s' * n}", 100)], 650.0)
        words += _words([("To", 300), ("address", 315), ("specific", 360), ("areas", 405), ("of", 440)], y)
        words += _words([("Eastbrook", 250), ("Council", 300)], 770.0)
        pages.append(Page(n, 595, 792, words=words))
    furniture = find_furniture(pages)
    # The running footer is furniture; the repeated cell line above it is not.
    assert all(706 + 6 * n <= furniture.body_bottom[n] < 770 for n in range(1, 6)), furniture.body_bottom
