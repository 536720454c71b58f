"""The layout generator (tools/layouts): its vocabulary, its dimensions, its answer keys, and a fixed sample.

The sample test generates CI_SAMPLE layouts into a temporary folder (nothing is committed), proves each
answer key against its PDF, extracts each with today's extractor and fails the build if the figures fall
below today's (docs/benchmark-layouts.md has the full run).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

pytest.importorskip("reportlab")
pytest.importorskip("pdfplumber")

from tools.layouts import generate, selfcheck, vocab  # noqa: E402
from tools.layouts.build import build  # noqa: E402

from .conftest import ROOT  # noqa: E402

pytestmark = pytest.mark.heavy  # tests/conftest.py runs it first

# --- the wordings -------------------------------------------------------------------------------------------


def _schema_strings() -> set[str]:
    """Every string value of every JSON file under schemas/, and every key of more than one word, normalised
    like a heading. Single-word keys are the cue words of headers.json ("plan": 0.3): words the extractor
    weighs inside any heading, not heading wordings; a one-word heading that is also a cue word is read by
    that generalising mechanism, which is what the unseen half measures. Likewise the one-word lexicons of
    schemas/glossary.json ("document_heads": words that end a plan's name in a cell) are read against
    cells, never headings: one-word strings of that file are left out; its phrases are checked."""
    out: set[str] = set()

    def walk(node) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                if len(vocab.norm_heading(k).split()) > 1:
                    out.add(vocab.norm_heading(k))
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
        elif isinstance(node, str):
            out.add(vocab.norm_heading(node))

    for path in sorted((ROOT / "schemas").glob("*.json")):
        before = set(out)
        walk(json.loads(path.read_text(encoding="utf-8")))
        if path.name == "glossary.json":
            out = before | {s for s in out - before if len(s.split()) > 1}
    return out


def test_vocabulary_holds_at_least_150_distinct_wordings():
    words = vocab.all_wordings()
    assert len(words) >= 150
    assert len({vocab.norm_heading(w) for w in words}) == len(words), "two wordings read the same to the extractor"


def test_seen_and_unseen_are_fixed_disjoint_halves():
    seen, unseen = vocab.split_wordings()
    assert vocab.split_wordings() == (seen, unseen), "the split must not change between runs"
    for fld, words in vocab.WORDINGS.items():
        drawn_seen = [w for w in seen[fld] if w in words]
        assert not set(drawn_seen) & set(unseen[fld])
        assert sorted(drawn_seen + unseen[fld]) == sorted(words)
        assert abs(len(drawn_seen) - len(unseen[fld])) <= 1


def test_no_unseen_wording_appears_in_schemas():
    """Unseen wordings measure generalisation only while the extractor has never been told them."""
    _, unseen = vocab.split_wordings()
    strings = _schema_strings()
    leaked = sorted(w for words in unseen.values() for w in words if vocab.norm_heading(w) in strings)
    assert leaked == [], f"unseen wordings found in schemas/: {leaked}; never add them, use the seen half"


def test_common_wordings_are_the_ones_schemas_know():
    """The 'known' control arm only uses wordings the extractor is told today."""
    strings = _schema_strings()
    unknown = sorted(w for words in vocab.COMMON.values() for w in words if vocab.norm_heading(w) not in strings)
    assert unknown == []


# --- the dimensions ----------------------------------------------------------------------------------------


def test_every_value_of_every_dimension_is_drawn():
    drawn: dict[str, set[str]] = {d: set() for d in generate.DIMENSIONS}
    for seed in range(400):
        for d, v in generate.draw_dims(seed).items():
            drawn[d].add(v)
    assert {d: set(vs) for d, vs in generate.DIMENSIONS.items()} == drawn


def test_dimensions_are_drawn_independently():
    """Two dimensions' values co-occur about as often as independence predicts (no value implies another)."""
    seeds = range(3000)
    dims = [generate.draw_dims(s) for s in seeds]
    for a, b in (("producer", "status"), ("page", "rules"), ("wordings", "header_repeat")):
        for va in generate.DIMENSIONS[a]:
            for vb in generate.DIMENSIONS[b]:
                both = sum(1 for d in dims if d[a] == va and d[b] == vb)
                expected = len(dims) / len(generate.DIMENSIONS[a]) / len(generate.DIMENSIONS[b])
                assert 0.6 * expected < both < 1.4 * expected, (a, va, b, vb, both, expected)


def test_plans_hold_40_to_150_actions_and_are_seeded():
    for seed in (3, 11, 29):
        plan = generate.draw(seed, "reportlab")
        assert generate.MIN_ACTIONS <= len(plan.keys) <= generate.MAX_ACTIONS
        assert generate.draw(seed, "reportlab").answer_key() == plan.answer_key()


def test_answer_key_has_every_canonical_field_and_the_action_tables():
    key = generate.draw(5, "reportlab").answer_key()
    for action in key["actions"]:
        assert set(generate.KEY_FIELDS) <= set(action)
        assert action["action"]
    assert any(t["action_table"] for t in key["tables"])
    assert all(t["action_table"] == (t["kind"] == "actions") for t in key["tables"])
    extra = [c["heading"] for c in key["columns"] if c["kind"].startswith("extra:")]
    assert key["non_canonical"] == extra
    assert len(key["cells"]) == len(key["actions"])


# --- the self-check ----------------------------------------------------------------------------------------


def test_selfcheck_fails_a_key_that_does_not_match_its_pdf(tmp_path):
    """The self-check is not vacuous: moving one cell's text to another row, or another column, is caught."""
    built = build(7, tmp_path, "reportlab")
    pdf = built.pdf.read_bytes()
    assert selfcheck.check(pdf, built.key) == []
    cells = built.key["cells"]
    col = next(j for j in range(len(cells[0])) if cells[0][j] and cells[-1][j] and cells[0][j] != cells[-1][j])
    swapped = json.loads(json.dumps(built.key))
    swapped["cells"][0][col], swapped["cells"][-1][col] = cells[-1][col], cells[0][col]
    assert selfcheck.check(pdf, swapped)
    shifted = json.loads(json.dumps(built.key))
    other = (col + 1) % len(cells[0])
    shifted["cells"][0][other] = cells[0][col]
    assert selfcheck.check(pdf, shifted) or cells[0][col] == cells[0][other]


def test_a_status_shown_by_colour_in_a_date_and_rating_cell_is_printed_and_checked(tmp_path):
    """A status of colour alone printed in the date's cell ('Due date and rating') must be filled: the
    reportlab producer once coloured only a column of statuses, so the key said 'complete' where the page
    showed a plain date (found on fresh seed 191's layout 19100057). The self-check now counts the fills."""
    built = build(19100057, tmp_path, "reportlab")
    pdf = built.pdf.read_bytes()
    assert built.key["dims"]["combined"] == "date+rating" and built.key["dims"]["status"] == "colour-legend"
    assert selfcheck.check(pdf, built.key) == []
    blank = build(7, tmp_path / "other", "reportlab").pdf.read_bytes()  # a plan with no colour column
    assert selfcheck.missing_colours(blank, built.key)


# --- the fixed sample -----------------------------------------------------------------------------------------
CI_SEED = 11
CI_SAMPLE = 30
# Producers of the CI sample: LibreOffice takes several seconds per document to start and convert, which
# would put the sample over its three-minute budget; the full benchmark (make bench-layouts) uses all three.
CI_PRODUCERS = ("reportlab", "weasyprint")
# Today's figures on the sample, set slightly below what was measured on 2026-12-03 at ed5c3c6 (recall 0.984,
# precision 0.999, all-right 0.864, recall on the 'known' wordings 0.998; at c6b557d all-right 0.833; at
# e6dea4a all-right 0.803; at
# a37c03b recall 0.918, all-right 0.726; at 1ce1867 recall 0.841, all-right 0.310; before the column and
# header work: recall 0.336, all-right 0.010): a regression fails the build; raise them as the extractor
# improves.
CI_MIN_RECALL = 0.97
CI_MIN_PRECISION = 0.99
CI_MIN_ALL_RIGHT = 0.84
CI_MIN_KNOWN_RECALL = 0.99


def test_fixed_sample_keeps_todays_figures(tmp_path: Path):
    from tools.layouts.bench import run

    results, _ = run(CI_SAMPLE, CI_SEED, folder=tmp_path, producers=CI_PRODUCERS)
    bad_keys = {r["seed"]: r["selfcheck"] for r in results if r["selfcheck_problems"]}
    assert bad_keys == {}, "answer keys that do not match their PDFs"
    n = len(results)
    recall = sum(r["recall"] for r in results) / n
    precision = sum(r["precision"] for r in results) / n
    all_right = sum(r["all_right"] for r in results) / n
    known = [r["recall"] for r in results if r["dims"]["wordings"] == "known"]
    known_recall = sum(known) / len(known) if known else 1.0
    figures = f"recall {recall:.3f} precision {precision:.3f} all-right {all_right:.3f} known recall {known_recall:.3f}"
    print(f"layout sample: {figures}")
    assert recall >= CI_MIN_RECALL, figures
    assert precision >= CI_MIN_PRECISION, figures
    assert all_right >= CI_MIN_ALL_RIGHT, figures
    assert known_recall >= CI_MIN_KNOWN_RECALL, figures


def test_a_theme_number_and_its_title_agree_on_every_row():
    # Where a plan keeps the seed plan's four themes, rows were numbered by position and titled by their
    # source: one banner then stood over rows the key gave another theme (seed-31 layout 3100046).
    for seed in range(3100000, 3100060):
        titles: dict[int, set[str]] = {}
        for a in generate.draw_actions(generate.draw_dims(seed), random.Random(seed)):
            titles.setdefault(a["theme_no"], set()).add(a["theme"])
        assert all(len(t) == 1 for t in titles.values()), (seed, titles)
