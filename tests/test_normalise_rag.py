"""RAG wording and fill colour -> canonical status, and the Sefton Phase 1 reference statuses."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from pipeline.normalise import Palette, hex_colour, resolve_status, status_from_wording

REFERENCE = Path(__file__).resolve().parents[1] / "data" / "reference" / "sefton-phase1-plan.json"

WORDINGS = [
    # Sefton legend and cells, with case, plural, punctuation and suffix variants
    ("Action complete", "complete"),
    ("Action Complete", "complete"),
    ("ACTION COMPLETE", "complete"),
    ("Action complete.", "complete"),
    ("Action not yet completed, but on track", "on_track"),
    ("Actions not yet completed, but on track", "on_track"),
    ("Action not yet completed but on track", "on_track"),
    ("Action not yet completed, but on track and will be completed by milestone", "on_track"),
    ("Activity progressing, some issues but realistic plans in place to recover", "some_issues"),
    ("Action not on track, risk to implementation", "off_track"),
    ("Actions not on track \u2013 risk to implementation", "off_track"),
    ("Longer-term action not yet started. No risk to implementation currently anticipated", "not_started"),
    ("Longer term action not yet started", "not_started"),
    ("Business As Usual Activity", "business_as_usual"),
    ("Business as Usual Activity", "business_as_usual"),
    ("Business As Usual Activity - annual monitoring", "business_as_usual"),
    ("Business As Usual Activity - quarterly monitoring", "business_as_usual"),
    ("BAU", "business_as_usual"),
    # other councils' wordings
    ("Completed", "complete"),
    ("COMPLETED", "complete"),
    ("Complete", "complete"),
    ("Done", "complete"),
    ("Completed (March 2023)", "complete"),
    ("On track", "on_track"),
    ("On Track", "on_track"),
    ("In progress", "on_track"),
    ("Not started", "not_started"),
    ("Not yet started", "not_started"),
    ("Delayed", "off_track"),
    ("Delayed due to staffing", "off_track"),
    ("Off track", "off_track"),
    ("At risk", "some_issues"),
    ("Some issues", "some_issues"),
    # colour words, and the four-level Red/Amber/Yellow/Green key
    ("Red", "off_track"),
    ("RED", "off_track"),
    ("Amber", "some_issues"),
    ("amber", "some_issues"),
    ("Yellow", "some_issues"),
    ("Green", "on_track"),
    ("Blue", "complete"),
    ("Grey", "not_started"),
    ("Purple", "business_as_usual"),
    ("Red/Amber", "off_track"),
    ("Amber/Green", "some_issues"),
    ("Amber - Green", "some_issues"),
    ("RAG: Green", "on_track"),
    # letters
    ("R", "off_track"),
    ("A", "some_issues"),
    ("G", "on_track"),
    ("B", "complete"),
    ("Y", "some_issues"),
    ("A/G", "some_issues"),
    ("R/A/G", "unknown"),  # the column header echoed, not a rating
    # percentages
    ("100%", "complete"),
    ("100% complete", "complete"),
    ("0%", "not_started"),
    ("75%", "on_track"),
    ("50 %", "on_track"),
    ("150%", "unknown"),
    # typos within the threshold, and things it refuses to guess
    ("Action compelte", "complete"),
    ("Not strated", "not_started"),
    ("On trak", "on_track"),
    ("Now on track", "unknown"),  # 92 from 'not on track', but crosses a negation
    ("Deferred", "unknown"),
    ("See commentary", "unknown"),
    ("", "unknown"),
    (None, "unknown"),
]


@pytest.mark.parametrize(("text", "rag"), WORDINGS, ids=[repr(w[0]) for w in WORDINGS])
def test_status_wording_maps_to_canonical_status(text, rag):
    assert status_from_wording(text)[0] == rag


def test_status_cases_cover_at_least_forty_strings():
    assert len(WORDINGS) >= 40


@pytest.mark.parametrize(
    ("text", "how"),
    [
        ("Action complete", "exact"),
        ("Business As Usual Activity - annual monitoring", "prefix"),
        ("75%", "percent"),
        ("Red/Amber", "colour-word"),
        ("R", "letter"),
        ("On trak", "fuzzy"),
        ("", "empty"),
        ("Deferred", "unmatched"),
    ],
)
def test_status_wording_reports_how_it_matched(text, how):
    assert status_from_wording(text)[1] == how


@pytest.mark.parametrize(
    ("colour", "hex_value"),
    [
        ((1, 0, 0), "#ff0000"),
        ([1.0, 0.7529, 0.0], "#ffc000"),
        ((0.5,), "#808080"),
        (0.5, "#808080"),
        (1, "#ffffff"),
        ((0, 0, 0, 0), "#ffffff"),
        ((0, 0, 0, 1), "#000000"),
        ((0, 1, 1, 0), "#ff0000"),
        ((1.2, -0.1, 0), "#ff0000"),
        ((255, 192, 0), "#ffc000"),
        ("#FFC000", "#ffc000"),
        (None, None),
        ("P0", None),
        ((0.1, 0.2), None),
    ],
)
def test_hex_colour_normalises_grey_rgb_cmyk_to_rrggbb(colour, hex_value):
    assert hex_colour(colour) == hex_value


@pytest.mark.parametrize(
    ("fill", "rag"),
    [
        ("#ff0000", "off_track"),
        ("#fe0101", "off_track"),
        ("#c00000", "off_track"),
        ("#ffc000", "some_issues"),
        ("#ffff00", "some_issues"),
        ("#00b050", "on_track"),
        ("#92d050", "on_track"),
        ("#0070c0", "complete"),
        ("#7030a0", "business_as_usual"),
        ("#a6a6a6", "not_started"),
        ("#ffffff", None),  # no fill
        ("#fdfdfd", None),
        ("#ff99cc", None),  # pink: not near any RAG colour
    ],
)
def test_default_palette_reads_nearest_colour_within_max_distance(fill, rag):
    assert Palette.default().lookup(fill) == rag


SEFTON_LEGEND = [
    ("Action complete", (0.0, 0.439, 0.753)),  # blue
    ("Action not yet completed, but on track and will be completed by milestone", (0.0, 0.690, 0.314)),
    ("Activity progressing, some issues but realistic plans in place to recover", (1.0, 0.753, 0.0)),
    ("Action not on track, risk to implementation", (1.0, 0.0, 0.0)),
    ("Longer-term action not yet started. No risk to implementation currently anticipated", (0.851, 0.851, 0.851)),
    ("Business As Usual Activity", (0.439, 0.188, 0.627)),
]


def test_palette_learned_from_legend_maps_its_colours_to_its_wordings():
    palette = Palette.from_legend(SEFTON_LEGEND)
    assert [palette.lookup(c) for _, c in SEFTON_LEGEND] == [
        "complete", "on_track", "some_issues", "off_track", "not_started", "business_as_usual",
    ]


def test_palette_learned_from_legend_redefines_colour_words():
    palette = Palette.from_legend([("Action complete", "#00b050")])
    assert resolve_status("Green", None, palette).rag == "complete"
    assert resolve_status("Green", None).rag == "on_track"


def test_palette_from_legend_skips_unreadable_entries_and_falls_back_to_default():
    palette = Palette.from_legend([("Key", "#123456"), ("Action complete", None)])
    assert palette.swatches == ()
    assert palette.lookup("#ff0000") == "off_track"


def test_resolve_status_wording_wins_and_agreeing_fill_is_silent():
    r = resolve_status("Action complete", (0.0, 0.439, 0.753))
    assert (r.rag, r.source, r.issues, r.colour) == ("complete", "wording", (), "#0070c0")


def test_resolve_status_disagreeing_fill_keeps_wording_and_reports_mismatch():
    r = resolve_status("On track", (1, 0, 0))
    assert (r.rag, r.source) == ("on_track", "wording")
    assert [(i.code, i.field, i.value) for i in r.issues] == [("rag-colour-mismatch", "rag", "On track")]


def test_resolve_status_without_wording_reads_fill_and_reports_it():
    r = resolve_status(None, (1.0, 0.753, 0.0))
    assert (r.rag, r.source) == ("some_issues", "colour")
    assert [(i.code, i.value) for i in r.issues] == [("rag-from-colour", "#ffc000")]


def test_resolve_status_unrecognised_wording_falls_back_to_fill():
    r = resolve_status("See commentary", "#00b050")
    assert (r.rag, r.source, [i.code for i in r.issues]) == ("on_track", "colour", ["rag-from-colour"])


def test_resolve_status_colour_word_agreeing_with_fill_is_silent():
    r = resolve_status("Amber", "#ffc000")
    assert (r.rag, r.source, r.issues) == ("some_issues", "colour-word", ())


def test_resolve_status_colour_word_disagreeing_with_fill_is_reported():
    r = resolve_status("Green", "#ff0000")
    assert (r.rag, [i.code for i in r.issues]) == ("on_track", ["rag-colour-mismatch"])


def test_resolve_status_fuzzy_wording_is_reported():
    r = resolve_status("Action compelte", None)
    assert (r.rag, [i.code for i in r.issues]) == ("complete", ["rag-fuzzy"])


@pytest.mark.parametrize(("wording", "colour"), [(None, None), ("", "#ffffff"), ("Deferred", "#ff99cc"), ("R/A/G", None)])
def test_resolve_status_unresolved_is_unknown_and_reported_never_dropped(wording, colour):
    r = resolve_status(wording, colour)
    assert (r.rag, r.source, [i.code for i in r.issues]) == ("unknown", "none", ["rag-unknown"])


# ---------------------------------------------------------------------------------------------------
# The Sefton Phase 1 reference plan: the 11 distinct wordings, each defined once

SEFTON_STATUS = {
    "Action complete": "complete",
    "Action Complete": "complete",
    "Action not yet completed, but on track": "on_track",
    "Actions not yet completed, but on track": "on_track",
    "Activity progressing, some issues but realistic plans in place to recover": "some_issues",
    "Action not on track, risk to implementation": "off_track",
    "Longer-term action not yet started. No risk to implementation currently anticipated": "not_started",
    "Business As Usual Activity": "business_as_usual",
    "Business as Usual Activity": "business_as_usual",
    "Business As Usual Activity - annual monitoring": "business_as_usual",
    "Business As Usual Activity - quarterly monitoring": "business_as_usual",
}


def test_sefton_all_124_statuses_are_right():
    actions = json.loads(REFERENCE.read_text(encoding="utf-8"))["actions"]
    assert len(actions) == 124
    assert set(a["rag"] for a in actions) == set(SEFTON_STATUS)
    got = {a["seq"]: resolve_status(a["rag"], None) for a in actions}
    assert {seq: r.rag for seq, r in got.items()} == {a["seq"]: SEFTON_STATUS[a["rag"]] for a in actions}
    assert [i for r in got.values() for i in r.issues] == []


def test_sefton_status_counts():
    actions = json.loads(REFERENCE.read_text(encoding="utf-8"))["actions"]
    assert Counter(status_from_wording(a["rag"])[0] for a in actions) == {
        "complete": 49, "on_track": 28, "business_as_usual": 24, "some_issues": 11, "not_started": 10,
        "off_track": 2,
    }


def test_sefton_legend_wordings_map_in_legend_order():
    legend = json.loads(REFERENCE.read_text(encoding="utf-8"))["rag_legend"]
    assert [status_from_wording(e["wording"])[0] for e in sorted(legend, key=lambda e: e["order"])] == [
        "complete", "on_track", "some_issues", "off_track", "not_started", "business_as_usual",
    ]


# ---------------------------------------------------------------------------------------------------
# Statuses from any vocabulary: colour words with comments, symbols, words from other councils


@pytest.mark.parametrize(
    ("text", "rag"),
    [
        ("GREEN - target met", "on_track"),
        ("Amber (some delay)", "some_issues"),
        ("RED: behind plan", "off_track"),
        ("G - on track", "on_track"),
        ("Achieved", "complete"),
        ("Partially achieved", "some_issues"),
        ("Not achieved", "off_track"),
        ("At risk", "some_issues"),
        ("Delayed", "off_track"),
        ("\u2713", "complete"),
        ("B/R/A/G", "unknown"),  # the header of a BRAG column echoed
    ],
)
def test_other_councils_status_wordings(text, rag):
    assert status_from_wording(text)[0] == rag


def test_symbol_takes_its_colour_silently():
    r = resolve_status("\u25cf", "#00b050")
    assert (r.rag, r.source, r.issues) == ("on_track", "colour", ())


def test_symbol_without_colour_is_unknown_and_reported():
    r = resolve_status("\u25cf", None)
    assert (r.rag, [i.code for i in r.issues]) == ("unknown", ["rag-unknown"])


def test_unknown_wording_with_known_colour_takes_the_colour_and_is_reported():
    r = resolve_status("Floor Standard has not been achieved", "#c00000")
    assert (r.rag, [i.code for i in r.issues]) == ("off_track", ["rag-from-colour"])
