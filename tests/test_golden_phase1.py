"""Golden tests: the Phase 1 reconstruction, and a second rendering, against the transcribed plan."""

from __future__ import annotations

from tools.scoring import score


def test_reconstruction_yields_every_action_exactly_field_by_field(phase1, answer_key):
    result = score(answer_key, phase1.records)
    assert (result.expected, result.found, result.extra) == (124, 124, 0), result.table()
    assert result.rows_exact == 124, result.table() + "\n" + result.first_mismatches()


def test_reconstruction_rows_cite_their_pages_in_order(phase1):
    starts = [r["page_start"] for r in phase1.records]
    assert starts == sorted(starts)
    assert all(r["page_start"] <= r["page_end"] <= r["page_start"] + 1 for r in phase1.records)
    assert all(len(r["bbox"]) == 4 and r["bbox"][0] < r["bbox"][2] and r["bbox"][1] < r["bbox"][3] for r in phase1.records)
    assert [r["seq"] for r in phase1.records] == list(range(1, 125))


def test_rows_running_over_a_page_break_are_joined(phase1):
    split = [r for r in phase1.records if r["page_end"] > r["page_start"]]
    assert split, "the reconstruction has rows that run over a page break"
    assert all(r["action"] and r["rag_raw"] and r["milestone_raw"] for r in split)


def test_rag_cells_carry_their_fill_colour(phase1):
    colours = {r["rag"]: r["rag_colour"] for r in phase1.records}
    assert all(c and c.startswith("#") and len(c) == 7 for c in colours.values())
    assert len(set(colours.values())) == len(colours), "one legend colour per status"


def test_second_rendering_at_least_98_percent_rows_exact(phase1_alt, answer_key):
    result = score(answer_key, phase1_alt.records)
    assert (result.found, result.extra) == (124, 0), result.table()
    assert result.row_rate >= 0.98, result.table() + "\n" + result.first_mismatches()


def test_second_rendering_has_no_fills(phase1_alt):
    assert all(r["rag_colour"] is None for r in phase1_alt.records)
