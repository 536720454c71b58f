"""RAG cells read from a rendered PDF: a fill that contradicts the wording, and a fill with no wording."""

from __future__ import annotations

import pytest

from pipeline.extraction import extract_pdf
from tools.samples import render as r

LEGEND_BLUE = "#5b9bd5"  # complete
LEGEND_GREEN = "#92d050"  # on track
LEGEND_RED = "#ff0000"  # off track

LAYOUT = r.TableLayout(
    columns=(
        r.Column("action", "Action", 220),
        r.Column("lead", "Lead Officer", 150),
        r.Column("rag", "RAG Rating", 150),
        r.Column("milestone", "Milestone", 100),
    ),
    orientation="landscape",
    rag_field="rag",
)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    legend = r.Table(
        r.TableLayout(columns=(r.Column("swatch", "RAG Rating", 60), r.Column("wording", "Progress Status", 300)), rag_field="swatch"),
        (
            r.Row({"swatch": "", "wording": "Action complete"}, rag_fill=LEGEND_BLUE),
            r.Row({"swatch": "", "wording": "Action not yet completed, but on track"}, rag_fill=LEGEND_GREEN),
            r.Row({"swatch": "", "wording": "Action not on track, risk to implementation"}, rag_fill=LEGEND_RED),
        ),
    )
    rows = (
        r.Row({"action": "Recruit a Participation Officer.", "lead": "Chief Executive", "rag": "Action complete", "milestone": "March 2022"}, rag_fill=LEGEND_BLUE),
        # Wording says complete, the fill is the legend's on-track green: the wording wins, reported.
        r.Row({"action": "Review the Supervision Policy.", "lead": "Chief Executive", "rag": "Action complete", "milestone": "July 2022"}, rag_fill=LEGEND_GREEN),
        # No wording at all, only the legend's red: status from the colour, reported.
        r.Row({"action": "Launch the Practice Standards.", "lead": "Chief Executive", "rag": "", "milestone": "October 2022"}, rag_fill=LEGEND_RED),
    )
    doc = r.Document(LAYOUT, (legend, r.PageBreak(), r.Table(LAYOUT, rows)))
    path = tmp_path_factory.mktemp("rag") / "rag-cases.pdf"
    r.write(doc, path)
    return extract_pdf(path)


def test_legend_swatches_are_learned(extracted):
    assert dict((c, w) for w, c in extracted.legend) == {
        LEGEND_BLUE: "Action complete",
        LEGEND_GREEN: "Action not yet completed, but on track",
        LEGEND_RED: "Action not on track, risk to implementation",
    }


def test_wording_wins_over_a_contradicting_fill_and_is_reported(extracted):
    rec = extracted.records[1]
    assert (rec["rag_raw"], rec["rag_colour"], rec["rag"]) == ("Action complete", LEGEND_GREEN, "complete")
    assert (2, "rag-colour-mismatch") in [(i.seq, i.code) for i in extracted.log]


def test_fill_without_wording_takes_the_legend_status_and_is_reported(extracted):
    rec = extracted.records[2]
    assert (rec["rag_raw"], rec["rag_colour"], rec["rag"]) == (None, LEGEND_RED, "off_track")
    assert (3, "rag-from-colour") in [(i.seq, i.code) for i in extracted.log]


def test_agreeing_fill_and_wording_raise_nothing(extracted):
    assert extracted.records[0]["rag"] == "complete"
    assert not [i for i in extracted.log if i.seq == 1 and i.code.startswith("rag-")]
