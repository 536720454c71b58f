"""No silent loss on pages that still yield rows (issue 14): refs that skip numbers, ruled rows or page
text no row took, a table-shaped page beside the section, and a damaged content stream are warnings that
name the page, on stderr and in the report, and `--strict` fails on them. None fires on the bundled
publications and fixtures. The damaged PDFs are made here with pikepdf from the bundled fixtures.
"""

from __future__ import annotations

import json

import pytest

from pipeline.cli import main
from pipeline.extract.coverage import header_only_pages, ref_gaps
from pipeline.extract.streams import stream_problems
from pipeline.extraction import extract_pdf

from .conftest import FIXTURES

pikepdf = pytest.importorskip("pikepdf")

TRACKER = FIXTURES / "layout-tracker.pdf"
SIMPLE = FIXTURES / "layout-simple.pdf"
NEW_CODES = {"ref-gap", "table-rows-unread", "pages-missing"}


# --- content streams --------------------------------------------------------------------------------

def test_a_well_formed_stream_has_no_problems():
    content = (b"q 1 0 0 1 0 0 cm BT /F1 12 Tf 72 700 Td (Recruit \\(two\\) officers) Tj [(A) -20 (B)] TJ ET "
               b"0 0 1 rg 10 10 50 50 re f Q % a comment\n/P <</MCID 0>> BDC EMC "
               b"BI /W 1 /H 1 /BPC 8 /CS /G ID \x00\xff EI")
    assert stream_problems(content) == []


@pytest.mark.parametrize("content, what", [
    (b"BT /F1 12 Tf 72 700 Td (Recruit", "string never closed"),
    (b"BT /F1 12 Tf 72 700 Td (Recruit) Tj", "inside a text object"),
    (b"BT /F1 12 Tf 72 700 Td (Recruit) Tj ET 10 10 50", "operands but no operator"),
    (b"BT /F1 12 Tf [(A) -20 (B", "string never closed"),
    (b"BT /F1 12 Tf [(A) -20 (B)", "inside an array"),
    (b"BT /F1 12 Tf 72 700 Td (A) Tj ET ET", "ET without BT"),
    (b"BT /F1 12 Tf 72 700 Td (A) Tj Xq ET", "unknown operator"),
    (b"BI /W 1 /H 1 ID \x00\x01\x02", "inline image never closed"),
    # Operators swapped for others (fuzz mutation s-scramble-ops): well formed, but the counts lie.
    (b"BT /F1 12 Tf [(A) -20 (B)] (C) TJ ET", "operator 'TJ' with 2 operands, not 1"),
    (b"BT /F1 12 Tf 72 700 re ET", "operator 're' with 2 operands, not 4"),
    (b"10 10 50 50 Tj", "operator 'Tj' with 4 operands, not 1"),
])
def test_a_damaged_stream_names_what_is_wrong(content, what):
    assert any(what in p for p in stream_problems(content)), stream_problems(content)


def test_unknown_operators_are_allowed_inside_a_compatibility_section():
    assert stream_problems(b"BX 1 2 newop EX BT ET") == []


# --- refs ---------------------------------------------------------------------------------------------

def _recs(*refs_pages):
    return [{"action_ref": r, "page_start": p, "page_end": p} for r, p in refs_pages]


def test_refs_in_sequence_give_no_gap():
    assert ref_gaps(_recs(("1.1", 1), ("1.2", 1), ("2.1", 2), ("2.2", 2), ("3", 3), ("A1", 3), ("5.2", 4))) == []


def test_a_skipped_ref_is_a_gap_on_the_page_with_least_text():
    gaps = ref_gaps(_recs(("1.1", 1), ("1.2", 1), ("1.5", 3)), {1: 500, 2: 20, 3: 480})
    assert [(g.code, g.page) for g in gaps] == [("ref-gap", 2)]
    assert "1.3, 1.4" in gaps[0].message


def test_a_skipped_group_and_a_late_first_ref_are_gaps():
    assert "2.*" in ref_gaps(_recs(("1.1", 1), ("3.1", 2)))[0].message
    first = ref_gaps(_recs(("1.8", 2), ("1.9", 2)))
    assert [(g.page, "1.1" in g.message) for g in first] == [(1, True)]


def test_a_cell_holding_several_refs_is_read_as_a_run():
    assert ref_gaps(_recs(("1.1 1.2 1.3", 1), ("1.4", 1))) == []
    assert "1.4" in ref_gaps(_recs(("1.1 1.2 1.3", 1), ("1.5", 2)))[0].message


def test_a_header_with_no_rows_after_the_section_is_reported():
    from pipeline.extract.geometry import PageTables
    from pipeline.extract.grid import PageTable
    from pipeline.extract.headers import Header

    header = Header(cells=[], top=10, bottom=20)
    empty = PageTable(page=3, columns=[], top=20, bottom=700, x0=0, x1=500, header=header, ruled_rows=False, rows=[])
    tables = [PageTables(1, [], []), PageTables(2, [], []), PageTables(3, [empty], [])]
    assert [(f.code, f.page) for f in header_only_pages(tables, {1, 2})] == [("page-no-table", 3)]


# --- end to end: damaged copies of the bundled fixtures -----------------------------------------------

def _extract(pdf, tmp_path, capsys, *extra):
    code = main(["extract", str(pdf), "--out-dir", str(tmp_path / "out"), "--quiet", *extra])
    return code, capsys.readouterr().err


def test_a_content_stream_cut_mid_page_is_a_page_damaged_warning_and_strict_fails(tmp_path, capsys):
    pdf = tmp_path / "cut.pdf"
    with pikepdf.open(TRACKER) as src:
        data = src.pages[2].Contents.read_bytes()
        cut = data.rfind(b"Tj", 0, len(data) // 2)  # after a text operator, inside its text object
        src.pages[2].Contents = src.make_stream(data[: cut + 2])
        src.save(pdf)
    code, err = _extract(pdf, tmp_path, capsys)
    assert code == 0 and "page 3: page-damaged" in err and "text object" in err, err
    report = json.loads((tmp_path / "out" / "cut.report.json").read_text())
    assert any(i["code"] == "page-damaged" and i["page"] == 3 for i in report["issues"])
    assert _extract(pdf, tmp_path / "strict", capsys, "--strict")[0] == 1


def test_a_compressed_stream_cut_at_a_line_end_is_a_page_damaged_warning(tmp_path, capsys):
    """Page 3's stream compressed and cut to half its bytes: what inflates is whole lines of operators,
    so only the compression tells that the page's content stops short."""
    import zlib

    pdf = tmp_path / "inflate.pdf"
    with pikepdf.open(TRACKER) as src:
        data = src.pages[2].Contents.read_bytes()
        raw = zlib.compress(data)
        stream = pikepdf.Stream(src, raw[: len(raw) // 2])
        stream["/Filter"] = pikepdf.Name.FlateDecode
        src.pages[2].Contents = stream
        src.save(pdf)
    code, err = _extract(pdf, tmp_path, capsys)
    assert code == 0 and "page 3: page-damaged" in err and "compressed data" in err, err


def test_strict_filter_check_accepts_whole_streams_and_names_damage():
    import zlib

    from pipeline.extract.streams import _ascii85_problem, _inflate_problem

    raw = zlib.compress(b"BT /F1 12 Tf (x) Tj ET" * 50)
    assert _inflate_problem(raw) is None
    assert _inflate_problem(raw[:-10]) == "compressed data cut short"
    assert _inflate_problem(b"x\x9c" + b"\xff" * 40) is not None  # not a deflate stream at all
    assert _ascii85_problem(b"87cURD]i,\"Ebo80~>")[1] is None and _ascii85_problem(b"87c\x01URD~>")[1]


def test_rows_lost_from_a_page_show_as_a_ref_gap(tmp_path, capsys):
    """Page 2's text drawing operators removed (rules kept): its refs vanish, and the refs skip."""
    pdf = tmp_path / "textless.pdf"
    with pikepdf.open(TRACKER) as src:
        page = src.pages[1]
        ops = [(o, op) for o, op in pikepdf.parse_content_stream(page) if str(op) not in ("Tj", "TJ", "'", '"')]
        page.Contents = src.make_stream(pikepdf.unparse_content_stream(ops))
        src.save(pdf)
    code, err = _extract(pdf, tmp_path, capsys)
    assert code == 0 and "ref-gap" in err and "1.8" in err, err


def test_two_rows_read_as_one_where_a_rule_lost_its_action_column_part(tmp_path, capsys):
    """layout-simple page 1: the action-column part of the rule between two rows removed (the other
    columns keep theirs), so the two actions' text lies in one cell, parted by cell padding."""
    pdf = tmp_path / "merged.pdf"
    with pikepdf.open(SIMPLE) as src:
        page = src.pages[0]
        ops = list(pikepdf.parse_content_stream(page))
        y = float(page.MediaBox[3]) - 494.4  # the rule between the 9th and 10th rows, in PDF coordinates
        at = next(i for i, (o, op) in enumerate(ops) if str(op) == "m" and round(float(o[0])) == 36
                  and abs(float(o[1]) - y) < 1 and round(float(ops[i + 1][0][0])) == 236)
        del ops[at:at + 3]  # m, l, S of that one segment
        page.Contents = src.make_stream(pikepdf.unparse_content_stream(ops))
        src.save(pdf)
    code, err = _extract(pdf, tmp_path, capsys)
    assert code == 0 and "page 1: table-rows-unread" in err and "two actions" in err, err


@pytest.mark.parametrize("name", ["layout-simple.pdf", "layout-tracker.pdf", "layout-workstream.pdf",
                                  "layout-colour-only.pdf"])
def test_the_bundled_fixtures_raise_none_of_the_new_warnings(name):
    ex = extract_pdf(FIXTURES / name)
    assert not [(i.page, i.code, i.message) for i in ex.log.issues
                if i.code in NEW_CODES or i.code in ("page-damaged", "page-no-table")]


def test_the_new_codes_are_documented_warnings_that_strict_fails_on():
    from pipeline.batch import WARNING_CODES
    from pipeline.quality import CODES

    assert NEW_CODES <= set(CODES) and NEW_CODES <= set(WARNING_CODES)


def test_pages_the_reader_could_not_open_are_a_pages_missing_warning(tmp_path, capsys):
    """Fuzz mutant 603 of layout-simple (seed 1, a damaged xref): pdfium rebuilds the file with one of
    its three pages; the page tree still lists three."""
    from tools.fuzz import mutate

    pdf = tmp_path / "xref.pdf"
    pdf.write_bytes(mutate(SIMPLE.read_bytes(), 1, 603)[1])
    code, err = _extract(pdf, tmp_path, capsys)
    assert code == 0 and "page 2: pages-missing" in err and "lists 3 pages" in err, err
