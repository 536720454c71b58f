"""The camelot (lattice) engine shares the row assembly and gives the same rows on ruled tables."""

from __future__ import annotations

from .conftest import PHASE1_PDF, extraction


def test_camelot_engine_gives_the_same_rows_as_pdfplumber_on_the_reconstruction(phase1):
    camelot = extraction(str(PHASE1_PDF), "camelot")
    assert camelot.engine == "camelot"
    assert len(camelot.records) == len(phase1.records)
    for a, b in zip(phase1.records, camelot.records):
        # camelot finds the grid by image processing: its rule positions differ by a fraction of a point
        assert all(abs(x - y) <= 0.5 for x, y in zip(a["bbox"], b["bbox"]))
        assert {k: v for k, v in a.items() if k != "bbox"} == {k: v for k, v in b.items() if k != "bbox"}
