"""A ruled header whose top row groups two columns under one heading ("Accountability" over "Lead
officer and date" and "Ref"): the rule between the grouped columns starts below the group's row, and
must still part them (issue 12). Found on a layout of dev seed 31 (LibreOffice, a two-level header),
where the refs were read into the officer column for every row."""

from __future__ import annotations

from types import SimpleNamespace

from pipeline.extract.grid import _header_rule_cuts
from pipeline.extract.headers import Header, HeaderCell
from pipeline.readers.model import Rule


def test_a_rule_starting_below_a_group_heading_parts_the_grouped_columns():
    # Header text from y 100 (the group row) to 128 (the headings' row); the rule at x 220 parts only
    # the lower row, from y 116 down: below the band's middle (114).
    header = Header([HeaderCell("lead_officer", "Lead officer and date", 43, 200, 114, 128),
                     HeaderCell("ref", "Ref", 223, 240, 114, 128)], top=100, bottom=128)
    page = SimpleNamespace(vrules=[Rule(40, 98, 40, 300), Rule(220, 116, 220, 300), Rule(260, 98, 260, 300)])
    assert _header_rule_cuts(page, header) == [40, 220, 260]
