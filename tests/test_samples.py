"""The sample PDFs: deterministic, committed as rendered, and holding every cell of the ground truth."""

from __future__ import annotations

import io
import re
from dataclasses import replace

import pytest

pytest.importorskip("reportlab")
pdfplumber = pytest.importorskip("pdfplumber")

from tools.samples import render as r  # noqa: E402
from tools.samples import sefton_phase1 as sefton  # noqa: E402

REGENERATE = "regenerate with `python -m tools.samples` and commit the PDFs"


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def plan() -> dict:
    return sefton.load_plan()


@pytest.fixture(scope="module")
def faithful() -> r.RenderResult:
    return r.render(sefton.document(sefton.FAITHFUL))


@pytest.fixture(scope="module")
def pdf(faithful):
    with pdfplumber.open(io.BytesIO(faithful.pdf)) as doc:
        yield doc


# --- the files -----------------------------------------------------------------------------------------
def test_rendering_is_deterministic(faithful):
    again = r.render(sefton.document(sefton.FAITHFUL))
    assert again.pdf == faithful.pdf


def test_committed_reconstruction_is_a_fresh_render(faithful):
    assert sefton.OUTPUT.read_bytes() == faithful.pdf, f"{sefton.OUTPUT} is stale: {REGENERATE}"


def test_committed_alternative_fixture_is_a_fresh_render():
    fresh = r.render(sefton.document(sefton.ALTERNATIVE)).pdf
    assert sefton.ALT_OUTPUT.read_bytes() == fresh, f"{sefton.ALT_OUTPUT} is stale: {REGENERATE}"


def test_landscape_a4_with_reconstruction_notice(pdf, faithful):
    assert len(pdf.pages) == faithful.page_count
    for page in pdf.pages:
        assert (round(page.width), round(page.height)) == (842, 595)
    assert pdf.metadata["Title"] == "Children’s Improvement Plan – Phase 1"
    assert pdf.metadata["Subject"] == sefton.NOTICE
    assert sefton.NOTICE in pdf.metadata["Keywords"]
    assert sefton.NOTICE in pdf.pages[0].extract_text()


# --- the content ---------------------------------------------------------------------------------------
def column_text(pdf, faithful: r.RenderResult, field: str) -> str:
    """The text of one action-table column, page after page, without the repeated headers."""
    layout = sefton.action_layout(sefton.FAITHFUL)
    fields = [c.field for c in layout.columns]
    x0 = layout.margins.left + sum(c.width for c in layout.columns[: fields.index(field)])
    x1 = x0 + layout.columns[fields.index(field)].width
    words = []
    for fragment in faithful.fragments:
        if fragment.table_key != "actions":
            continue
        _, top, _, bottom = fragment.body_bbox
        for word in pdf.pages[fragment.page - 1].extract_words():
            if x0 <= word["x0"] and word["x1"] <= x1 and top <= word["top"] and word["bottom"] <= bottom:
                words.append((fragment.page, round(word["top"]), word["x0"], word["text"]))
    return " ".join(text for *_, text in sorted(words))


def test_every_action_and_measure_is_printed_in_its_column(pdf, faithful, plan):
    actions = column_text(pdf, faithful, "action")
    measures = column_text(pdf, faithful, "measures")
    missing = [a["seq"] for a in plan["actions"] if norm(a["action"]) not in actions]
    missing += [a["seq"] for a in plan["actions"] for m in a["measures"] if norm(m) not in measures]
    assert missing == []


def test_every_row_is_placed_once_in_document_order(faithful, plan):
    seqs = [p.key for p in faithful.rows if isinstance(p.key, int)]
    assert seqs == [a["seq"] for a in plan["actions"]]


def test_rag_cells_are_filled_with_the_legend_colour(pdf, faithful, plan):
    layout = sefton.action_layout(sefton.FAITHFUL)
    fields = [c.field for c in layout.columns]
    rag_x0 = layout.margins.left + sum(c.width for c in layout.columns[: fields.index("rag")])
    wrong = []
    for action in plan["actions"]:
        placement = faithful.row(action["seq"])
        page = pdf.pages[placement.page_start - 1]
        top = placement.bbox[1]
        fills = [
            rect["non_stroking_color"] for rect in page.rects
            if abs(rect["x0"] - rag_x0) < 0.5 and abs(rect["top"] - top) < 0.5
        ]
        expected = sefton.PALETTE[sefton.legend_order(action["rag"])]
        if [hex_of(c) for c in fills] != [expected]:
            wrong.append((action["seq"], fills, expected))
    assert wrong == []


def hex_of(colour) -> str:
    return "#" + "".join(f"{round(v * 255):02x}" for v in colour)


def test_no_rule_between_merged_outcome_cells(pdf, faithful, plan):
    """A horizontal rule crosses the outcome column at a row's top exactly when the row starts a new outcome
    (rows at the top of a page sit under the header's rule either way, so they are skipped)."""
    layout = sefton.action_layout(sefton.FAITHFUL)
    x0, x1 = layout.margins.left, layout.margins.left + layout.columns[0].width
    body_tops = {(f.page, round(f.body_bbox[1], 1)) for f in faithful.fragments}
    wrong = []
    for action in plan["actions"]:
        placement = faithful.row(action["seq"])
        top = placement.bbox[1]
        if (placement.page_start, round(top, 1)) in body_tops:
            continue
        page = pdf.pages[placement.page_start - 1]
        ruled = any(
            abs(line["top"] - top) < 0.5 and line["x0"] <= x0 + 0.5 and line["x1"] >= x1 - 0.5
            for line in page.lines
            if line["height"] == 0
        )
        if ruled == ("outcome" in action["merged_from_above"]):
            wrong.append(action["seq"])
    assert wrong == []


@pytest.mark.parametrize(
    ("wording", "order"),
    [
        ("Action Complete", 1),
        ("Actions not yet completed, but on track", 2),
        ("Action not yet completed, but on track and will be completed by milestone", 2),
        ("Business As Usual Activity - annual monitoring", 6),
        ("Business as Usual Activity", 6),
        ("Longer-term action not yet started. No risk to implementation currently anticipated", 5),
    ],
)
def test_rag_wording_variants_map_to_their_legend_entry(wording, order):
    assert sefton.legend_order(wording) == order


def test_every_rag_wording_has_a_legend_entry(plan):
    for action in plan["actions"]:
        sefton.legend_order(action["rag"])
    with pytest.raises(sefton.UnknownRagWordingError, match="add it to RAG_PREFIXES"):
        sefton.legend_order("Green")


# --- the engine on a small synthetic table -----------------------------------------------------------------
SMALL = r.TableLayout(
    columns=(r.Column("outcome", "Outcome", 150), r.Column("action", "Action", 200), r.Column("rag", "RAG", 100)),
    pagesize=(400, 500),
    orientation="landscape",
    margins=r.Margins(20, 20, 20, 20),
    rag_field="rag",
)


def small_document(layout: r.TableLayout = SMALL) -> r.Document:
    long_outcome = " ".join(f"w{i}" for i in range(400))
    rows = [
        r.Row({"outcome": long_outcome, "action": f"act{i}", "rag": "done"}, ("outcome",) if i else (),
              rag_fill="#92d050", key=i)
        for i in range(4)
    ]
    rows.append(r.Row({"outcome": "next", "action": "x " * 1500, "rag": "late"}, key=4))
    return r.Document(layout, (r.Spacer(250), r.Table(layout, tuple(rows), key="t")))


def page_words(pdf_bytes: bytes) -> list[list[str]]:
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as doc:
        return [page.extract_text().split() for page in doc.pages]


def test_merged_text_continues_below_the_next_page_header_without_repeating():
    result = r.render(small_document())
    pages = page_words(result.pdf)
    assert result.page_count >= 2
    # every word of the merged outcome is printed exactly once, and some of it on page 2
    printed = [w for words in pages for w in words if re.fullmatch(r"w\d+", w)]
    assert printed == [f"w{i}" for i in range(400)]
    assert any(re.fullmatch(r"w\d+", w) for w in pages[1])
    # the header is repeated on every page
    assert all(words[:3] == ["Outcome", "Action", "RAG"] for words in pages)


def test_a_row_too_long_for_the_page_runs_over_the_break():
    result = r.render(small_document())
    last = result.row(4)
    assert last.page_end > last.page_start
    assert sum(words.count("x") for words in page_words(result.pdf)) == 1500


def test_header_on_first_page_only():
    layout = replace(SMALL, header_repeat="first_page")
    result = r.render(small_document(layout))
    pages = page_words(result.pdf)
    assert pages[0][:3] == ["Outcome", "Action", "RAG"]
    assert all("Outcome" not in words for words in pages[1:])
    assert [f.header_bbox is not None for f in result.fragments] == [True] + [False] * (len(result.fragments) - 1)


def test_columns_wider_than_the_page_are_refused():
    wide = replace(SMALL, columns=(r.Column("a", "A", 600),))
    with pytest.raises(r.LayoutError, match="narrow the columns or the margins"):
        r.render(r.Document(wide, (r.Table(wide, (r.Row({"a": "x"}),), key="t"),)))
