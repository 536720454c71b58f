"""The pdfium reader on PDFs from many producers (issue 10): its words equal pdfplumber's on the reader test
set (tests/fixtures/readers/, made by tools/reader_set.py: reportlab, WeasyPrint, LibreOffice) and on the
real PDFs of the shared corpus (../shared/corpus/README.md; skipped when absent), and text set with
ligatures and hyphenated line ends reaches Parquet and the diff report exactly as printed.
"""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest

from pipeline.cli import main
from pipeline.readers import open_pdf
from tools.reader_diff import KNOWN_BELOW, MIN_AGREEMENT, compare_pdf, corpus_pdfs
from tools.reader_set import PLAN_V2_CHANGES, PLAN_V2_NEW, plan_rows

from .conftest import CORPUS, FIXTURES

pytestmark = pytest.mark.heavy  # tests/conftest.py runs it first

READER_SET = FIXTURES / "readers"
# Known to fall short (docs/readers.md lists what was seen in each); strict, so a fixed one must leave the list.
PDFS = [pytest.param(p, marks=pytest.mark.xfail(strict=True, reason=KNOWN_BELOW[p.name])) if p.name in KNOWN_BELOW else p
        for p in corpus_pdfs()]


def test_the_reader_set_has_every_producer():
    names = {p.name for p in READER_SET.glob("*.pdf")}
    for prefix in ("reportlab-", "weasyprint-", "libreoffice-"):
        assert any(n.startswith(prefix) for n in names), f"no {prefix}* PDF in {READER_SET}"
    assert sum(p.stat().st_size for p in READER_SET.glob("*.pdf")) < 1_000_000


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: getattr(p, "name", str(p)))
def test_pdfium_words_equal_pdfplumbers(pdf):
    """Text exact and boxes within 1 pt for at least 99.5% of the words of every PDF."""
    res = compare_pdf(pdf)
    if res.error:
        pytest.skip(f"not readable by design (bad-input corpus file): {res.error}")
    assert max(res.pdfium_words, res.plumber_words) > 0
    assert res.agreement >= MIN_AGREEMENT, f"{res.agreement:.4%}: {dict(res.classes)} {res.examples}"


def _words(name: str) -> list[str]:
    return [w.text for pg in open_pdf(READER_SET / name).pages for w in pg.words]


def test_ligatures_come_out_as_their_letters_with_no_space():
    words = _words("weasyprint-prose.pdf")
    for word in ("Officer", "effectiveness", "offer", "specific", "official", "efficient", "staffing"):
        assert word in words
    assert not [w for w in words if any("\ufb00" <= c <= "\ufb06" for c in w)]
    # the halves a spurious space would leave
    assert not {"Offi", "Off", "eff", "specifi", "fi", "ff"} & set(words)


def test_a_hyphen_ending_a_line_is_a_hyphen():
    words = _words("libreoffice-sans.pdf")
    assert "self-" in words or "multi-" in words  # the narrow cells break these compounds at their hyphen
    assert not [w for w in words if "\x02" in w or "\ufffe" in w]


def test_a_blank_text_object_pdfium_drops_still_parts_words():
    """pdfium leaves a space-only text object out of its text; pdfminer keeps it ("10." / "Children")."""
    path = CORPUS / "council" / "sefton-2022-ofsted-ilacs-inspection.pdf"
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared corpus)")
    words = [w.text for w in open_pdf(path).pages[3].words]
    assert "10." in words and "Children" in words and "10.Children" not in words


def test_plan_rendered_with_ligatures_and_hyphens_reaches_parquet_and_the_diff_exactly(tmp_path):
    v1, v2 = READER_SET / "weasyprint-plan-v1.pdf", READER_SET / "weasyprint-plan-v2.pdf"
    out = tmp_path / "out"
    assert main(["extract", str(v1), str(v2), "--out-dir", str(out), "--quiet", "--jobs", "1"]) == 0
    # the case is exercised: some action or measures line of the rendered plan ends in a hyphen
    lines_end_hyphen = [w.text for pg in open_pdf(v1).pages for w in pg.words if w.text.endswith("-")]
    assert lines_end_hyphen
    for pdf, version in ((v1, 1), (v2, 2)):
        table = pq.read_table(out / f"{pdf.stem}.parquet").to_pylist()
        expected = {ref: (action, [measures]) for ref, action, measures, *_ in plan_rows(version)}
        got = {r["action_ref"] or r["objective_ref"] or r["outcome_ref"]: (r["action"], r["measures"]) for r in table}
        assert got == expected
    diff_dir = tmp_path / "diff"
    assert main(["diff", str(out / f"{v1.stem}.parquet"), str(out / f"{v2.stem}.parquet"), "--out-dir", str(diff_dir)]) == 0
    md = (diff_dir / "diff.md").read_text(encoding="utf-8")
    for action in (PLAN_V2_CHANGES["1.2"][0], PLAN_V2_NEW[0][1]):  # the slipped and the new action
        assert action in md
    for broken in ("off er", "Offi cer", "eff ect", "specifi c", "\x02"):
        assert broken not in md
    changes = pq.read_table(diff_dir / "diff.parquet").to_pylist()
    assert {c["change"]: c["new_action"] for c in changes if c["change"] != "carried"} == {
        "slipped": PLAN_V2_CHANGES["1.2"][0], "new": PLAN_V2_NEW[0][1]}


def _icdar(name: str):
    """A PDF of the ICDAR 2013 set in the shared corpus (../shared/corpus/README.md), or a skip."""
    sub = "competition-dataset-eu" if name.startswith("eu-") else "competition-dataset-us"
    path = CORPUS / "icdar2013" / sub / name
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared corpus)")
    return path


def test_a_glyph_whose_unicode_value_another_glyph_shares_keeps_its_own_width():
    """us-022's "fi" ligature maps to "i" in its ToUnicode: PDFium's width by Unicode value is the real
    "i"'s, less than half the ligature's, which opened a false gap ("signii" / "cant")."""
    words = [w.text for pg in open_pdf(_icdar("us-022.pdf")).pages for w in pg.words]
    assert "signiicant" in words and "signii" not in words and "cant" not in words


def test_a_hyphen_glyph_mapped_to_a_soft_hyphen_stays_inside_its_word():
    """us-022 prints "13-24" and "year-long" with a hyphen its ToUnicode calls U+00AD."""
    words = [w.text for pg in open_pdf(_icdar("us-022.pdf")).pages for w in pg.words]
    assert "13\xad24" in words and "year\xadlong" in words
    assert "13" not in words and "long" not in words


def test_a_superscript_drawn_after_a_word_does_not_part_it():
    """us-040 draws a footnote's "3" after "assigned"; PDFium's text page puts it between "assi" and "gned"."""
    words = [w.text for w in open_pdf(_icdar("us-040.pdf")).pages[2].words]
    assert "assigned" in words and "assi" not in words


def test_an_embedded_subset_of_a_standard_font_is_boxed_with_its_own_descent():
    """us-033's page numbers are set in "QGTUCD+TimesNewRoman": not the standard font, whose descent
    would drop the box 2.5 pt below pdfminer's."""
    path = _icdar("us-033.pdf")
    ours = {w.text: w for w in open_pdf(path).pages[0].words}
    theirs = {w.text: w for w in open_pdf(path, reader="pdfplumber").pages[0].words}
    assert abs(ours["12"].bottom - theirs["12"].bottom) < 0.1
