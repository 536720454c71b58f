"""Behaviours found on fresh layout seeds 451 and 461 (unseen wordings, scored once at 6ac6e8d before any
fix: 451 93.1% mean all-right, 14 of 17 layouts at 95% or more, 1 below 80%; 461 88.1%, 16 of 18, 2 below
80%): a heading set flush over the body's first column, parted from its neighbour by the body's gutter,
and headings that run on into a weak header's third line."""

from __future__ import annotations

from pipeline.extract.headers import find_all_headers
from tests.pages import load_page


def test_a_first_heading_flush_over_the_bodys_first_column_is_a_heading_of_its_own():
    """'Barriers' and 'The issue we' stand 7.5 pt apart, closer than the justified body's word spaces: only
    the body's white gutter parts them. A one-word piece named by nothing is a heading where it stands flush
    over the start of a column's text; the first column starts at the body's left edge, which no gutter
    ends, so 'Barriers' ran into its neighbour and the columns were cut in the wrong places (layout
    46100017: 0 -> 99.3%). Its headings run on to a third line ('quarter', 'look like?', 'status') at the
    header's own leading: the whole header, read by its cells."""
    actions, others = find_all_headers(load_page("first-heading-flush-with-the-bodys-left-edge"))
    headers = [[c.text for c in h.cells] for h in actions + others]
    assert ["Barriers", "The issue we are tackling", "Senior lead", "We will", "Update this quarter",
            "What will success look like?", "When and status"] in headers
