"""Every tolerance of the readers, the normalisers and the differ comes in as an argument (issue 9: one
settings object per command, no module globals): changing a setting changes the result, the defaults
give what the code gave before they moved into pipeline.settings."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from pipeline.diff import diff_plans
from pipeline.normalise import DocumentContext, parse_holders, parse_milestone, resolve_status, split_date_and_rating
from pipeline.readers.model import add_rect
from pipeline.readers.words import chars_to_words
from pipeline.settings import DEFAULT_DIFF_SETTINGS, DEFAULT_SETTINGS, DiffSettings


def _chars(text: str, x0: float, gap: float) -> list[tuple]:
    """Character tuples of one upright line, each 5 pt wide, `gap` pt apart."""
    out, x = [], x0
    for ch in text:
        out.append((ch, x, 100.0, x + 5.0, 110.0, 0, 10.0, "Arial", False, 0))
        x += 5.0 + gap
    return out


def test_word_tolerance_decides_where_a_word_ends():
    chars = _chars("ab", 0.0, 2.0)  # a 2 pt gap: beyond the default 1.5 pt, two words
    assert [w.text for w in chars_to_words(chars)] == ["a", "b"]
    assert [w.text for w in chars_to_words(chars, replace(DEFAULT_SETTINGS, word_x_tolerance=2.5))] == ["ab"]


def test_rule_thickness_decides_whether_a_thin_box_is_a_rule_or_a_fill():
    def sort(settings):
        h, v, fills = [], [], []
        add_rect(h, v, fills, (0.0, 0.0, 100.0, 3.0), filled=True, stroked=False, colour=lambda: "#ff0000",
                 settings=settings)
        return len(h), len(fills)

    assert sort(DEFAULT_SETTINGS) == (0, 1)  # 3 pt tall: a fill by default (rules are at most 2.5 pt)
    assert sort(replace(DEFAULT_SETTINGS, rule_max_thickness=3.5)) == (1, 0)


def test_status_fuzzy_threshold_and_colour_distance_are_settings():
    assert resolve_status("Not strated").rag == "not_started"  # ratio 91 against "not started"
    assert resolve_status("Not strated", settings=replace(DEFAULT_SETTINGS, fuzzy_status=95)).rag == "unknown"
    near_green = "#20b050"  # a few Delta E from the palette's green
    assert resolve_status(None, near_green).rag != "unknown"
    assert resolve_status(None, near_green, settings=replace(DEFAULT_SETTINGS, max_colour_distance=0.5)).rag == "unknown"


def test_officer_fuzzy_threshold_is_a_setting():
    strict = DocumentContext(settings=replace(DEFAULT_SETTINGS, fuzzy_officer=99.5))
    typo = "Assitant Director for Education"
    assert [i.code for i in parse_holders(typo, DocumentContext())[1]] != [i.code for i in parse_holders(typo, strict)[1]]


def test_milestone_plausibility_and_combined_cell_length_are_settings():
    published = date(2022, 9, 30)
    assert [i.code for i in parse_milestone("March 2022", published).issues] == []
    tight = replace(DEFAULT_SETTINGS, implausible_months_before=3)
    assert [i.code for i in parse_milestone("March 2022", published, tight).issues] == ["milestone-implausible"]
    assert split_date_and_rating("March 2023 - Green") == ("March 2023", "Green")
    assert split_date_and_rating("March 2023 - Green", replace(DEFAULT_SETTINGS, max_combined_words=1))[1] is None


def test_diff_match_threshold_is_a_setting():
    old = [{"seq": 1, "action": "Review the fostering recruitment strategy", "rag": "on_track"}]
    new = [{"seq": 1, "action": "Review the fostering recruitment and retention strategy", "rag": "on_track"}]
    assert [c["change"] for c in diff_plans(old, new).changes] == ["carried"]
    strict = DiffSettings(match_min=0.999, text_match_min=0.999)
    assert sorted(c["change"] for c in diff_plans(old, new, settings=strict).changes) == ["dropped", "new"]
    assert DEFAULT_DIFF_SETTINGS.weights["action"] == 0.55
