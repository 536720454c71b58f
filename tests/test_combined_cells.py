"""A column that prints two fields is found by what its cells hold, not only by a heading that names
both (issue 12): "Named lead" over "Principal Social Worker, Q1 2022/23" is a lead and a date."""

from __future__ import annotations

from pipeline.assemble.combined import LEAD_AND_DATE, combined_by_content, split_combined
from pipeline.assemble.rows import RawRow


def rows(field: str, *cells: str) -> list[RawRow]:
    return [RawRow({"action": [f"Do thing {i}"], field: [c]}, 1, 1, (0, 0, 1, 1)) for i, c in enumerate(cells)]


def test_a_lead_column_whose_cells_end_in_dates_is_parted_when_the_table_has_no_date_column():
    table = rows("lead_officer", "Principal Social Worker, Q1 2022/23", "Head of Service, March 2023",
                 "Director of Children's Services - Autumn 2022", "Team Manager")
    columns = combined_by_content(table, ["action", "lead_officer"])
    assert columns == ["action", LEAD_AND_DATE]
    split_combined(table, columns)
    assert [(r.text("lead_officer"), r.text("milestone")) for r in table] == [
        ("Principal Social Worker", "Q1 2022/23"), ("Head of Service", "March 2023"),
        ("Director of Children's Services", "Autumn 2022"), ("Team Manager", None)]


def test_a_lead_column_is_left_whole_beside_a_date_column_or_when_few_cells_hold_dates():
    table = rows("lead_officer", "Head of Service, March 2023", "Head of Service, June 2023", "Head of Service")
    assert combined_by_content(table, ["action", "lead_officer", "milestone"]) == ["action", "lead_officer", "milestone"]
    plain = rows("lead_officer", "Head of Service", "Team Manager, Front Door", "Head of Service, March 2023")
    assert combined_by_content(plain, ["action", "lead_officer"]) == ["action", "lead_officer"]
    assert plain[2].text("lead_officer") == "Head of Service, March 2023"


def test_a_date_column_whose_cells_carry_a_rating_is_parted_when_the_table_has_no_rating_column():
    table = rows("milestone", "March 2023 - Green", "Q2 2023/24 (Amber)", "June 2022 \u2013 Complete")
    assert combined_by_content(table, ["action", "milestone"]) == ["action", "milestone_and_rag"]
    assert table[0].cells == {"action": ["Do thing 0"], "milestone_and_rag": ["March 2023 - Green"]}


def test_a_column_of_references_under_a_heading_nobody_listed_is_the_ref():
    from pipeline.assemble.combined import refs_by_content

    table = rows("extra:Line", "1.1", "1.2", "2.1", "2.2")
    assert refs_by_content(table, ["action", "extra:Line"], "extra:") == ["action", "ref"]
    assert table[2].cells["ref"] == ["2.1"]
    # Scores, repeated codes or prose stay where they were: in `extra`.
    for cells in (("3", "12", "9", "4"), ("1.1", "1.1", "1.2", "1.2"), ("Budget agreed", "1.1", "n/a", "tbc")):
        kept = rows("extra:Score", *cells)
        assert refs_by_content(kept, ["action", "extra:Score"], "extra:") == ["action", "extra:Score"]


def test_refs_finer_than_the_outcome_to_their_right_label_the_action():
    from pipeline.assemble.rows import _ref_binding

    table = rows("ref", "1.1", "1.2", "1.3")
    table[0].cells["outcome"] = ["One outcome, merged down three rows"]
    assert _ref_binding(["action", "ref", "outcome"], table) == "action"
    for r in table:  # one ref per outcome: the outcome's
        r.cells["outcome"] = [f"Outcome {r.text('ref')}"]
    assert _ref_binding(["action", "ref", "outcome"], table) == "outcome"


def test_a_blank_outcome_under_rules_drawn_below_every_row_is_the_outcome_above():
    from pipeline.assemble.rows import _fill_down
    from pipeline.quality import IssueLog

    table = rows("outcome", "Children are safe", "", "", "Families are heard", "")
    for r in table:
        r.merged = set()  # a rule under every row: no merged cell to say "same as above"
        r.cells = {k: v for k, v in r.cells.items() if v != [""]}
    _fill_down(table, ["outcome", "action"], "action", IssueLog())
    assert [r.text("outcome") for r in table] == ["Children are safe"] * 3 + ["Families are heard"] * 2
    assert [r.inherited for r in table] == [[], ["outcome"], ["outcome"], [], ["outcome"]]
    # A table that prints its outcome again on every row leaves a blank one blank.
    printed = rows("outcome", "Children are safe", "Children are safe", "", "Families are heard")
    for r in printed:
        r.merged = set()
        r.cells = {k: v for k, v in r.cells.items() if v != [""]}
    _fill_down(printed, ["outcome", "action"], "action", IssueLog())
    assert printed[2].text("outcome") is None


def test_a_date_and_rating_cell_that_prints_only_its_rating_is_the_rating():
    """Seed-21 layout 2100009: "Complete" alone under "Timescale / status" is the status, its date left
    blank; "Ongoing" alone is a timescale."""
    from pipeline.assemble.records import build_records

    recs = build_records(rows("milestone_and_rag", "Complete", "Not started", "Ongoing", "March 2023 - Green"),
                         "p", "0" * 64)
    assert [(r["milestone_raw"], r["rag_raw"]) for r in recs] == [
        (None, "Complete"), (None, "Not started"), ("Ongoing", None), ("March 2023", "Green")]


def test_a_column_of_dates_under_a_heading_no_field_names_is_the_milestone_over_the_whole_table():
    """'Target time scale' (set 'Target time-' / 'scale', the hyphen a break) names no field, and one page
    held too few of its cells to show their dates: over the whole table they are all dates, and the table
    has no other date column (layout 51100056: every milestone lost, 14.9 -> 98.9%)."""
    from pipeline.assemble.combined import refs_by_content

    table = rows("extra:Target time scale", "September 2022", "March 2022", "October 2022", "July 2022", "June 2022")
    assert refs_by_content(table, ["action", "extra:Target time scale"], "extra:") == ["action", "milestone"]
    assert table[1].cells["milestone"] == ["March 2022"]
    # A table with a milestone column of its own keeps a second column of dates in `extra`.
    dated = rows("extra:Date agreed", "September 2022", "March 2022", "October 2022", "July 2022", "June 2022")
    cols = ["action", "milestone", "extra:Date agreed"]
    assert refs_by_content(dated, cols, "extra:") == cols
    # Two unnamed columns of dates: no evidence which is the milestone.
    two = rows("extra:Start", "May 2022", "March 2022", "October 2022", "July 2022", "June 2022")
    for r in two:
        r.cells["extra:End"] = list(r.cells["extra:Start"])
    assert refs_by_content(two, ["action", "extra:Start", "extra:End"], "extra:") == ["action", "extra:Start", "extra:End"]


def test_a_date_and_rating_cell_alone_is_the_rating_where_the_document_rates_with_its_words():
    """'Business as usual' is a status and a timescale both. Alone in a date-and-rating cell it is the
    rating where the document's other such cells print it as their rating ('Ongoing – Business as usual')
    and never as their date (layout 51100057: three statuses read as dates)."""
    from pipeline.assemble.records import build_records

    recs = build_records(rows("milestone_and_rag", "Ongoing – Business as usual", "Business as usual", "March 2023 - Green"),
                         "p", "0" * 64)
    assert [(r["milestone_raw"], r["rag_raw"]) for r in recs] == [
        ("Ongoing", "Business as usual"), (None, "Business as usual"), ("March 2023", "Green")]
    # Where nothing rates it, it stays the timescale it also is.
    alone = build_records(rows("milestone_and_rag", "Business as usual", "March 2023 - Green"), "p", "0" * 64)
    assert alone[0]["milestone_raw"] == "Business as usual"
