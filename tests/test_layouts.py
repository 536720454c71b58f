"""Other councils' layouts (tools/samples/layouts.py): constructed fixtures scored against their answer keys.

Each layout must give at least 98% of its actions, no extra rows, and at least 97% of rows exact in every
field of its answer key (fields the layout has no column for are null in the key: nothing may be invented).
`python -m tools.samples.check` prints the same figures with every failure.
"""

from __future__ import annotations

import io

import pytest

pytest.importorskip("reportlab")
pdfplumber = pytest.importorskip("pdfplumber")

from tools.samples import layouts  # noqa: E402
from tools.samples.check import MIN_FIELD_RATE, MIN_FOUND_RATE, scored_fields  # noqa: E402
from tools.scoring import score  # noqa: E402

from .conftest import extraction  # noqa: E402

REGENERATE = "regenerate with `python -m tools.samples` and commit the fixtures"

# Layouts the extractor does not read yet, with why (see `python -m tools.samples.check NAME`).
KNOWN_FAILURES: dict[str, str] = {}  # none: every case passes


def layout_param(name: str):
    marks = [pytest.mark.xfail(strict=False, reason=KNOWN_FAILURES[name])] if name in KNOWN_FAILURES else []
    return pytest.param(name, marks=marks, id=name)


@pytest.fixture(scope="module", params=layouts.NAMES)
def rendered(request):
    result, key = layouts.render_layout(request.param)
    return request.param, result, key


# --- the fixtures --------------------------------------------------------------------------------------
def test_committed_fixture_and_key_are_a_fresh_render(rendered):
    name, result, key = rendered
    assert layouts.pdf_path(name).read_bytes() == result.pdf, f"layout-{name}.pdf is stale: {REGENERATE}"
    assert layouts.key_path(name).read_text(encoding="utf-8") == layouts.key_json(key), (
        f"layout-{name}.key.json is stale: {REGENERATE}"
    )


def test_fixture_is_labelled_constructed(rendered):
    name, result, key = rendered
    with pdfplumber.open(io.BytesIO(result.pdf)) as pdf:
        assert "Constructed" in pdf.metadata["Subject"]
        assert "constructed" in pdf.metadata["Keywords"]
        assert "constructed test fixture" in pdf.pages[0].extract_text()
    assert 30 <= len(key) <= 60


def test_key_holds_what_is_printed(rendered):
    """Every word of the short printed fields (status, date, refs, theme) is on the row's pages (a merged
    Ref cell or a theme row is printed once, above its first row: on or before the row's pages)."""
    name, result, key = rendered
    with pdfplumber.open(io.BytesIO(result.pdf)) as pdf:
        words = [{w["text"] for w in page.extract_words()} for page in pdf.pages]
    missing = []
    for k in key:
        on_pages = set().union(*words[k["page_start"] - 1 : k["page_end"]])
        up_to = set().union(*words[: k["page_end"]])
        for f in ("rag_raw", "milestone_raw", "action_ref", "objective_ref", "theme"):
            printed = up_to if f in ("objective_ref", "theme") else on_pages
            if k.get(f) and not set(k[f].split()) <= printed:
                missing.append((k["seq"], f, k[f]))
    assert missing == []


def test_layout_has_the_fields_it_claims(rendered):
    name, _, key = rendered
    printed = set(layouts.layout_fields(name))
    for f in layouts.KEY_FIELDS:
        values = [k[f] for k in key]
        if f in printed:
            assert any(values), f"{name}: {f} printed but empty in the key"
        else:
            assert not any(values), f"{name}: {f} has no column but a value in the key"


# --- the extractor on them -------------------------------------------------------------------------------
@pytest.mark.parametrize("name", [layout_param(n) for n in layouts.NAMES])
def test_extractor_reads_the_layout(name):
    key = layouts.load_key(name)
    records = extraction(str(layouts.pdf_path(name))).records
    result = score(key, records, scored_fields(key))
    detail = result.table() + "\n" + result.first_mismatches()
    assert result.found_rate >= MIN_FOUND_RATE and result.extra == 0, detail
    low = {f: round(result.field_rate(f), 3) for f in result.fields if result.field_rate(f) < MIN_FIELD_RATE}
    assert low == {}, detail
