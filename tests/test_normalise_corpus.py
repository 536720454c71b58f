"""Normalisers measured on words nobody on this project wrote: lead, timescale and status strings copied from
real PDFs (tests/fixtures/normalise-cases.json; sources in ../shared/corpus/council/README.md and
../shared/corpus/README.md), and the lead and timescale cells of Kent's real plan
(corpus/council/kent-2025-01-ics-priorities-and-actions.answer.json, published 30 January 2025).

The expected values were judged by reading the documents. Each category must be at least 95% exact; the misses
are printed (pytest -s) so the closing note of a change can list them.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from pipeline.normalise import parse_holders, parse_milestone, resolve_status

from .conftest import FIXTURES

CASES = json.loads((FIXTURES / "normalise-cases.json").read_text(encoding="utf-8"))
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
KENT_KEY = CORPUS / "council" / "kent-2025-01-ics-priorities-and-actions.answer.json"
KENT_PUBLISHED = date(2025, 1, 30)
MIN_EXACT = 0.95


def _published(case: dict) -> date:
    return date.fromisoformat(CASES["sources"][case["source"]]["published"])


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _rate(pairs: list[tuple[str, object, object]]) -> tuple[float, list[str]]:
    misses = [f"{text!r}: want {want}, got {got}" for text, want, got in pairs if want != got]
    for line in misses:
        print("miss:", line)
    return 1 - len(misses) / len(pairs), misses


def test_lead_cells_give_the_holders_a_reader_sees_in_at_least_95_percent():
    pairs = []
    for case in CASES["leads"]:
        holders, _ = parse_holders(case["text"])
        pairs.append((case["text"], case["holders"], [[h.canonical, h.kind] for h in holders]))
    rate, misses = _rate(pairs)
    assert rate >= MIN_EXACT, misses


def test_timescale_cells_give_the_dates_a_reader_sees_in_at_least_95_percent():
    pairs = []
    for case in CASES["timescales"]:
        m = parse_milestone(case["text"], _published(case))
        got = [_iso(m.start), _iso(m.end), m.kind, [d.isoformat() for d in m.deadlines]]
        pairs.append((case["text"], [case["start"], case["end"], case["kind"], case["milestones"]], got))
    rate, misses = _rate(pairs)
    assert rate >= MIN_EXACT, misses


def test_status_cells_give_the_status_a_reader_sees_in_at_least_95_percent():
    pairs = [(c["text"], c["rag"], resolve_status(c["text"], c["colour"]).rag) for c in CASES["statuses"]]
    rate, misses = _rate(pairs)
    assert rate >= MIN_EXACT, misses


def test_case_set_covers_every_category_with_real_strings():
    assert (len(CASES["leads"]), len(CASES["timescales"]), len(CASES["statuses"])) >= (50, 50, 15)
    assert {c["source"] for c in CASES["leads"] + CASES["timescales"] + CASES["statuses"]} <= set(CASES["sources"])


# ---------------------------------------------------------------------------------------------------
# Kent's real plan, through the normalisers (its table cannot be extracted yet)

needs_kent = pytest.mark.skipif(not KENT_KEY.exists(), reason="../shared/corpus is not present")


def _kent_actions() -> list[dict]:
    actions = json.loads(KENT_KEY.read_text(encoding="utf-8"))["actions"]
    return [a for a in actions if "sub_row_of" not in a]  # the 86 commitments


@needs_kent
def test_kent_at_least_95_percent_of_lead_cells_resolve_with_no_officer_unknown():
    actions = _kent_actions()
    assert len(actions) == 86
    resolved = [a for a in actions if parse_holders(a["lead_officer"])[0]
                and not [i for i in parse_holders(a["lead_officer"])[1] if i.code == "officer-unknown"]]
    assert len(resolved) / len(actions) >= MIN_EXACT, sorted({a["lead_officer"] for a in actions} -
                                                          {a["lead_officer"] for a in resolved})


@needs_kent
def test_kent_every_lead_holder_has_a_kind_and_nothing_is_dropped():
    for a in _kent_actions():
        holders, _ = parse_holders(a["lead_officer"])
        assert holders and all(h.kind in ("role", "team", "partner", "person") for h in holders), a["lead_officer"]


_NAMES_A_DATE = re.compile(r"(?i)\b(?:19|20)\d\d\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*['\u2018\u2019]?\d\d\b")


@needs_kent
def test_kent_every_timescale_naming_a_year_or_month_and_year_gets_a_date():
    dated = [a["milestone"] for a in _kent_actions() if _NAMES_A_DATE.search(a["milestone"])]
    assert len(dated) >= 60
    undated = [t for t in dated if not (m := parse_milestone(t, KENT_PUBLISHED)).end and not m.start]
    assert undated == []


@needs_kent
def test_kent_ongoing_is_kind_ongoing_and_no_timescale_is_unparsed():
    results = {a["milestone"]: parse_milestone(a["milestone"], KENT_PUBLISHED) for a in _kent_actions()}
    assert results["Ongoing"].kind == "ongoing"
    assert [t for t, m in results.items() if any(i.code == "milestone-unparsed" for i in m.issues)] == []
