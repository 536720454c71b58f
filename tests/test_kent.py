"""Kent's real action plan (../shared/corpus/council/README.md: Kent County Council, *Improving Health and
Wellbeing – KCC Priorities and Actions*, with a cell-by-cell answer key made by reading the PDF), which
nobody here drew and whose headings ("What we have committed to / Led by / Timescale / Measure / Shared
Outcome") are in no synonym list. Scored with tools/kent.py (`python -m tools.kent` prints the misses)."""

from __future__ import annotations

import json

import pytest

from tools import kent

pytestmark = pytest.mark.skipif(not kent.PDF.exists(), reason="shared corpus not present")


@pytest.fixture(scope="module")
def scored():
    from .conftest import extraction

    records = extraction(str(kent.PDF)).records
    return records, kent.score(records, json.loads(kent.KEY.read_text(encoding="utf-8")))


def test_every_commitment_is_found_and_no_row_comes_from_indicator_pages(scored):
    _, result = scored
    assert result.found >= 84 and len(result.extra) <= 2 and result.indicator_rows == 0, result.lines()


def test_found_actions_are_exact_in_the_fields_a_reader_checks(scored):
    # Today 86, 84, 85 and 86 of 86, and 83 rows right in all four (issue 12 asks for 95% of those found).
    # The misses: "Lead-" / "Strategy" over a line end (the key keeps a space; printed, it cannot be told)
    # and "commissione" / "d", a word broken for its cell where the table gives no evidence of the whole.
    _, result = scored
    for field in kent.FIELDS:
        assert result.right[field] >= 0.95 * result.found, (field, result.lines())
    assert result.exact_rows >= 0.95 * result.found, result.lines()


def test_priority_banner_rows_become_themes_not_actions(scored):
    records, _ = scored
    themes = {r["theme"] for r in records}
    assert "Enabler" in themes
    assert not any(r["action"].startswith("CYPE recognise the importance") for r in records)


def test_shared_outcome_codes_land_in_extra_not_in_outcome(scored):
    records, result = scored
    assert result.shared_outcome_in_extra >= 0.95 * result.found, result.lines()
    assert not any(r["outcome"] and r["outcome"].startswith("SO") for r in records)
