"""Milestone text -> (start, end, kind), and the Sefton Phase 1 reference milestones."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from pipeline.normalise import parse_milestone, split_date_and_rating

REFERENCE = Path(__file__).resolve().parents[1] / "data" / "reference" / "sefton-phase1-plan.json"
SEFTON_PUBLISHED = date(2022, 9, 30)  # sent to Ofsted in September 2022

D = date

CASES = [
    # month names, full and abbreviated, 2- and 4-digit years
    ("September 2022", D(2022, 9, 1), D(2022, 9, 30), "month"),
    ("september 2022", D(2022, 9, 1), D(2022, 9, 30), "month"),
    ("SEPTEMBER 2022", D(2022, 9, 1), D(2022, 9, 30), "month"),
    ("September  2022", D(2022, 9, 1), D(2022, 9, 30), "month"),
    ("Sept 2022", D(2022, 9, 1), D(2022, 9, 30), "month"),
    ("Sept. 2022", D(2022, 9, 1), D(2022, 9, 30), "month"),
    ("Sep 2022", D(2022, 9, 1), D(2022, 9, 30), "month"),
    ("Sep-22", D(2022, 9, 1), D(2022, 9, 30), "month"),
    ("Sep 22", D(2022, 9, 1), D(2022, 9, 30), "month"),
    ("Sep '22", D(2022, 9, 1), D(2022, 9, 30), "month"),
    ("Nov-2022", D(2022, 11, 1), D(2022, 11, 30), "month"),
    ("Dec 2016", D(2016, 12, 1), D(2016, 12, 31), "month"),
    ("February 2024", D(2024, 2, 1), D(2024, 2, 29), "month"),
    ("Feb 2023", D(2023, 2, 1), D(2023, 2, 28), "month"),
    ("jun 23", D(2023, 6, 1), D(2023, 6, 30), "month"),
    ("03/2023", D(2023, 3, 1), D(2023, 3, 31), "month"),
    ("End of June 2023", D(2023, 6, 1), D(2023, 6, 30), "month"),
    ("End Oct 03", D(2003, 10, 1), D(2003, 10, 31), "month"),
    ("By end of March 2023", D(2023, 3, 1), D(2023, 3, 31), "month"),
    ("By March 2023", D(2023, 3, 1), D(2023, 3, 31), "month"),
    ("March 2023.", D(2023, 3, 1), D(2023, 3, 31), "month"),
    ("Late Nov 2022", D(2022, 11, 1), D(2022, 11, 30), "month"),
    # UK day-first dates
    ("31/03/2023", D(2023, 3, 31), D(2023, 3, 31), "day"),
    ("31-03-2023", D(2023, 3, 31), D(2023, 3, 31), "day"),
    ("31.03.2023", D(2023, 3, 31), D(2023, 3, 31), "day"),
    ("9.12.16", D(2016, 12, 9), D(2016, 12, 9), "day"),
    ("1/4/23", D(2023, 4, 1), D(2023, 4, 1), "day"),
    ("31st March 2023", D(2023, 3, 31), D(2023, 3, 31), "day"),
    ("1 September 2022", D(2022, 9, 1), D(2022, 9, 1), "day"),
    ("March 31, 2023", D(2023, 3, 31), D(2023, 3, 31), "day"),
    ("2023-03-31", D(2023, 3, 31), D(2023, 3, 31), "day"),
    # quarters: calendar, and UK financial year (Q1 = Apr-Jun)
    ("Q1 2023", D(2023, 1, 1), D(2023, 3, 31), "quarter"),
    ("Q4 2022", D(2022, 10, 1), D(2022, 12, 31), "quarter"),
    ("Quarter 2 2023", D(2023, 4, 1), D(2023, 6, 30), "quarter"),
    ("Q1 2023/24", D(2023, 4, 1), D(2023, 6, 30), "quarter"),
    ("Q2 2023/24", D(2023, 7, 1), D(2023, 9, 30), "quarter"),
    ("Q3 2023/24", D(2023, 10, 1), D(2023, 12, 31), "quarter"),
    ("Q4 2023/24", D(2024, 1, 1), D(2024, 3, 31), "quarter"),
    ("Q1 23/24", D(2023, 4, 1), D(2023, 6, 30), "quarter"),
    ("2023/24 Q2", D(2023, 7, 1), D(2023, 9, 30), "quarter"),
    # financial years
    ("2023/24", D(2023, 4, 1), D(2024, 3, 31), "financial_year"),
    ("2023-24", D(2023, 4, 1), D(2024, 3, 31), "financial_year"),
    ("2023/2024", D(2023, 4, 1), D(2024, 3, 31), "financial_year"),
    ("FY 2022/23", D(2022, 4, 1), D(2023, 3, 31), "financial_year"),
    ("End of 2023/24", D(2023, 4, 1), D(2024, 3, 31), "financial_year"),
    # years
    ("2023", D(2023, 1, 1), D(2023, 12, 31), "year"),
    ("End of 2023", D(2023, 1, 1), D(2023, 12, 31), "year"),
    ("Mid 2024", D(2024, 1, 1), D(2024, 12, 31), "year"),
    # seasons (meteorological)
    ("Spring 2023", D(2023, 3, 1), D(2023, 5, 31), "season"),
    ("Summer 2023", D(2023, 6, 1), D(2023, 8, 31), "season"),
    ("Autumn 2022", D(2022, 9, 1), D(2022, 11, 30), "season"),
    ("Winter 2022", D(2022, 12, 1), D(2023, 2, 28), "season"),
    ("Winter 2022/23", D(2022, 12, 1), D(2023, 2, 28), "season"),
    # school terms
    ("Autumn term 2022", D(2022, 9, 1), D(2022, 12, 31), "term"),
    ("Spring term 2023", D(2023, 1, 1), D(2023, 4, 30), "term"),
    ("Summer term 2023", D(2023, 5, 1), D(2023, 7, 31), "term"),
    ("Spring Term 2022/23", D(2023, 1, 1), D(2023, 4, 30), "term"),
    ("Autumn Term 2022/23", D(2022, 9, 1), D(2022, 12, 31), "term"),
    # ranges: start of the first period, end of the second
    ("April - June 2023", D(2023, 4, 1), D(2023, 6, 30), "month"),
    ("Jan-Mar 2023", D(2023, 1, 1), D(2023, 3, 31), "month"),
    ("Sept 2022 to March 2023", D(2022, 9, 1), D(2023, 3, 31), "month"),
    ("November 2022 \u2013 January 2023", D(2022, 11, 1), D(2023, 1, 31), "month"),
    # open-ended: start only
    ("September 2022 onwards", D(2022, 9, 1), None, "open_ended"),
    ("From April 2023", D(2023, 4, 1), None, "open_ended"),
    ("March 2023 and ongoing", D(2023, 3, 1), None, "open_ended"),
    ("Q3 2022/23 onwards", D(2022, 10, 1), None, "open_ended"),
    # recurring: ongoing, no dates
    ("Ongoing", None, None, "ongoing"),
    ("ongoing", None, None, "ongoing"),
    ("On-going", None, None, "ongoing"),
    ("Termly", None, None, "ongoing"),
    ("Annual", None, None, "ongoing"),
    ("Annually", None, None, "ongoing"),
    ("Quarterly", None, None, "ongoing"),
    ("Monthly", None, None, "ongoing"),
    ("BAU", None, None, "ongoing"),
    # deliberately undated: unknown, no dates
    ("TBC", None, None, "unknown"),
    ("TBA", None, None, "unknown"),
    ("N/A", None, None, "unknown"),
    ("To be confirmed", None, None, "unknown"),
    # a rating in the same cell is ignored by parse_milestone
    ("March 2023 - Green", D(2023, 3, 1), D(2023, 3, 31), "month"),
    ("Q2 2023/24 (Amber)", D(2023, 7, 1), D(2023, 9, 30), "quarter"),
]


@pytest.mark.parametrize(("text", "start", "end", "kind"), CASES, ids=[c[0] for c in CASES])
def test_milestone_text_gives_first_and_last_day_of_named_period(text, start, end, kind):
    m = parse_milestone(text)
    assert (m.start, m.end, m.kind) == (start, end, kind)
    assert [i.code for i in m.issues if i.code == "milestone-unparsed"] == []


def test_milestone_cases_cover_at_least_sixty_strings():
    assert len(CASES) >= 60


UNPARSED = ["Complete", "see action 1.2", "31/02/2023", "03/31/2023", "Spring", "next year", "Q5 2023", "2023/25"]


@pytest.mark.parametrize("text", UNPARSED)
def test_unreadable_milestone_is_unknown_and_reported_unparsed(text):
    m = parse_milestone(text)
    assert (m.start, m.end, m.kind) == (None, None, "unknown")
    assert [(i.code, i.field, i.value) for i in m.issues] == [("milestone-unparsed", "milestone", text)]


@pytest.mark.parametrize("text", [None, "", "TBC", "N/A"])
def test_missing_or_undated_milestone_is_unknown_without_issue(text):
    m = parse_milestone(text)
    assert (m.start, m.end, m.kind, m.issues) == (None, None, "unknown", ())


@pytest.mark.parametrize(
    ("text", "published", "flagged"),
    [
        ("February 2022", SEFTON_PUBLISHED, True),  # seq 11, probably a typo for 2023
        ("March 2022", SEFTON_PUBLISHED, False),  # actions completed just before publication
        ("End Oct 03", SEFTON_PUBLISHED, True),
        ("9.12.16", SEFTON_PUBLISHED, True),
        ("March 2025", SEFTON_PUBLISHED, False),
        ("2203", SEFTON_PUBLISHED, True),
        ("2203", None, True),
        ("1890", None, True),
        ("End Oct 03", None, False),  # without a publication date, 2003 is a plausible year
        ("September 2020 onwards", SEFTON_PUBLISHED, True),
        ("Ongoing", SEFTON_PUBLISHED, False),
    ],
)
def test_implausible_milestone_is_flagged_and_kept_unchanged(text, published, flagged):
    m = parse_milestone(text, published)
    plain = parse_milestone(text)
    assert (m.start, m.end, m.kind) == (plain.start, plain.end, plain.kind)
    assert [i.code for i in m.issues] == (["milestone-implausible"] if flagged else [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("March 2023 - Green", ("March 2023", "Green")),
        ("Q2 2023/24 (Amber)", ("Q2 2023/24", "Amber")),
        ("Complete: June 2022", ("June 2022", "Complete")),
        ("Green - March 2023", ("March 2023", "Green")),
        ("June 2023 on track", ("June 2023", "on track")),
        ("Dec 2022 R", ("Dec 2022", "R")),
        ("75% - March 2023", ("March 2023", "75%")),
        ("March 2023", ("March 2023", None)),
        ("September 2022 onwards", ("September 2022 onwards", None)),
        ("End Oct 03", ("End Oct 03", None)),
        ("Sep-22", ("Sep-22", None)),
        (None, ("", None)),
    ],
)
def test_split_date_and_rating_separates_a_trailing_or_leading_rating(text, expected):
    assert split_date_and_rating(text) == expected


# ---------------------------------------------------------------------------------------------------
# The Sefton Phase 1 reference plan

SEFTON_END = {
    "March 2022": D(2022, 3, 31),
    "May 2022": D(2022, 5, 31),
    "June 2022": D(2022, 6, 30),
    "July 2022": D(2022, 7, 31),
    "August 2022": D(2022, 8, 31),
    "September 2022": D(2022, 9, 30),
    "October 2022": D(2022, 10, 31),
    "November 2022": D(2022, 11, 30),
    "December 2022": D(2022, 12, 31),
    "January 2023": D(2023, 1, 31),
    "February 2022": D(2022, 2, 28),
    "February 2023": D(2023, 2, 28),
    "March 2023": D(2023, 3, 31),
    "April 2023": D(2023, 4, 30),
    "June 2023": D(2023, 6, 30),
    "July 2023": D(2023, 7, 31),
    "September 2023": D(2023, 9, 30),
    "October 2023": D(2023, 10, 31),
    "March 2025": D(2025, 3, 31),
}


def _sefton_actions():
    return json.loads(REFERENCE.read_text(encoding="utf-8"))["actions"]


def test_sefton_every_dated_milestone_ends_on_last_day_of_its_month():
    dated = [a for a in _sefton_actions() if a["milestone"] not in ("Ongoing", "September 2022 onwards")]
    assert len(dated) == 98
    got = {a["seq"]: parse_milestone(a["milestone"], SEFTON_PUBLISHED) for a in dated}
    assert {seq: (m.end, m.kind) for seq, m in got.items()} == {
        a["seq"]: (SEFTON_END[a["milestone"]], "month") for a in dated
    }


def test_sefton_open_ended_milestone_starts_september_2022():
    (a,) = [a for a in _sefton_actions() if a["milestone"] == "September 2022 onwards"]
    m = parse_milestone(a["milestone"], SEFTON_PUBLISHED)
    assert (m.start, m.end, m.kind) == (D(2022, 9, 1), None, "open_ended")


def test_sefton_ongoing_milestones_have_no_dates():
    ongoing = [parse_milestone(a["milestone"]) for a in _sefton_actions() if a["milestone"] == "Ongoing"]
    assert len(ongoing) == 25
    assert {(m.start, m.end, m.kind) for m in ongoing} == {(None, None, "ongoing")}


def test_sefton_only_seq_11_february_2022_is_implausible():
    flagged = [
        a["seq"]
        for a in _sefton_actions()
        if any(i.code == "milestone-implausible" for i in parse_milestone(a["milestone"], SEFTON_PUBLISHED).issues)
    ]
    assert flagged == [11]


def test_sefton_no_milestone_is_unparsed():
    assert [a["seq"] for a in _sefton_actions() if parse_milestone(a["milestone"]).kind == "unknown"] == []


# ---------------------------------------------------------------------------------------------------
# Dates as people write them: several deadlines, starts, durations, conditions, weeks, yearless months

PUB = date(2025, 1, 30)


@pytest.mark.parametrize(
    ("text", "start", "end", "kind", "deadlines"),
    [
        ("2024-2029", D(2024, 1, 1), D(2029, 12, 31), "year", [D(2029, 12, 31)]),
        ("commenced 2024", D(2024, 1, 1), None, "started", []),
        ("Started Sept 2023", D(2023, 9, 1), None, "started", []),
        ("Once in post", None, None, "conditional", []),
        ("On appointment of the new Director", None, None, "conditional", []),
        ("w/c 12 June 2023", D(2023, 6, 12), D(2023, 6, 18), "week", [D(2023, 6, 18)]),
        ("Week commencing 3/7/2023", D(2023, 7, 3), D(2023, 7, 9), "week", [D(2023, 7, 9)]),
        ("FY24/25", D(2024, 4, 1), D(2025, 3, 31), "financial_year", [D(2025, 3, 31)]),
        ("Q3 FY 2024-25", D(2024, 10, 1), D(2024, 12, 31), "quarter", [D(2024, 12, 31)]),
        ("Quarter 3, 2023/24", D(2023, 10, 1), D(2023, 12, 31), "quarter", [D(2023, 12, 31)]),
        ("Summer term 2025", D(2025, 5, 1), D(2025, 7, 31), "term", [D(2025, 7, 31)]),
        ("Pilot by Dec 2025; roll-out by March 2026", D(2025, 12, 1), D(2025, 12, 31), "month",
         [D(2025, 12, 31), D(2026, 3, 31)]),
        ("Dec 2025 March 2025", D(2025, 3, 1), D(2025, 3, 31), "month", [D(2025, 12, 31), D(2025, 3, 31)]),
    ],
)
def test_cells_beyond_one_period_give_start_end_kind_and_every_deadline(text, start, end, kind, deadlines):
    m = parse_milestone(text, PUB)
    assert (m.start, m.end, m.kind, list(m.deadlines)) == (start, end, kind, deadlines)
    assert [i.code for i in m.issues if i.code == "milestone-unparsed"] == []


def test_duration_is_dated_from_publication_and_reported():
    m = parse_milestone("1-2 years", PUB)
    assert (m.start, m.end, m.kind) == (PUB, D(2027, 1, 30), "relative")
    assert [i.code for i in m.issues] == ["milestone-relative"]


def test_duration_without_a_publication_date_keeps_its_kind_and_says_why():
    m = parse_milestone("3-5 years")
    assert (m.start, m.end, m.kind) == (None, None, "relative")
    assert [i.code for i in m.issues] == ["milestone-relative"] and "no publication date" in m.issues[0].message


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("By end of November", D(2024, 11, 30)),  # two months before publication: nearer than Nov 2025
        ("by mid-June", D(2025, 6, 30)),  # five months after: nearer than June 2024
        ("by mid-June and live from September 2024", D(2024, 6, 30)),  # the cell's own year wins
    ],
)
def test_month_without_a_year_is_resolved_and_flagged(text, end):
    m = parse_milestone(text, PUB)
    assert m.end == end
    assert "milestone-year-inferred" in [i.code for i in m.issues]


def test_month_without_a_year_half_a_year_away_is_not_guessed():
    m = parse_milestone("July", PUB)  # July 2024 and July 2025 are about as near
    assert (m.end, m.kind) == (None, "unknown")
    assert [i.code for i in m.issues] == ["milestone-unparsed"]


def test_single_period_has_its_end_as_only_deadline():
    assert parse_milestone("March 2023").deadlines == (D(2023, 3, 31),)
    assert parse_milestone("Ongoing").deadlines == ()
    assert parse_milestone("September 2022 onwards").deadlines == ()


def test_started_work_long_before_publication_is_not_implausible():
    assert parse_milestone("Commenced 2022", PUB).issues == ()


def test_a_rating_printed_as_a_glyph_parts_from_its_date():
    # Found on a dev-seed layout (issue 12): "Autumn 2022 – ✔" in a "Date / RAG" column kept whole, so
    # every row lost both its milestone and its status.
    assert split_date_and_rating("Autumn 2022 \u2013 \u2714") == ("Autumn 2022", "\u2714")
    # A dot whose colour is the status is the rating as printed, too.
    assert split_date_and_rating("Q2 2023/24 - \u25cf") == ("Q2 2023/24", "\u25cf")
    assert split_date_and_rating("March 2023") == ("March 2023", None)
