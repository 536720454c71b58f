"""How the extraction report and the Parquet are built without the copies that raised a 300-page
extraction's peak memory (issue 12's target, measured by `make bench`, docs/benchmark.md): the report is
encoded piece by piece, and the command line puts pyarrow on the C library's heap."""

from __future__ import annotations

import os
from datetime import date

from pipeline import cli
from pipeline import htmlkit as hk
from pipeline.extraction import extract_pdf
from pipeline.html_report import extract_html, issues_section, overdue, overdue_section


def test_page_in_pieces_is_the_page_as_one_string_encoded():
    # ASCII, two-byte and astral characters in separate pieces: each piece is encoded on its own.
    pieces = ["<p>plain</p>", "<p>“quoted” — dash</p>", "<p>emoji \U0001F600 and é</p>", ""]
    assert hk.page_bytes("Title “x”", pieces) == hk.page("Title “x”", "".join(pieces)).encode("utf-8")


def test_sections_with_rows_come_as_one_piece_per_row():
    ex = extract_pdf("tests/fixtures/layout-simple.pdf", published=date(2030, 1, 1))
    records = ex.records
    overdue_rows = overdue_section(records, date(2030, 1, 1), None, {})
    # Heading, sentence, table start, one piece per overdue action, table end.
    n_overdue = len(overdue(records, date(2030, 1, 1)))
    assert n_overdue > 0
    assert len(overdue_rows) == 3 + n_overdue + 1
    assert all(p.startswith("<tr>") for p in overdue_rows[3:-1])


def test_issues_section_comes_as_one_piece_per_row():
    ex = extract_pdf("data/raw/sefton-phase1-2022.pdf")
    groups = {("row", i.seq) if i.seq is not None else ("page", i.page) for i in ex.log.issues}
    assert groups
    pieces = issues_section(ex.records, ex.log.issues, None, {})
    # Heading with the counts, the table's start, one piece per row or page with issues, the table's end.
    assert len(pieces) == 2 + len(groups) + 1
    assert all(p.startswith("<tr data-code=") for p in pieces[2:-1]) and pieces[-1] == "</tbody></table>"


def test_extraction_report_is_utf8_bytes_of_one_whole_page():
    ex = extract_pdf("tests/fixtures/layout-simple.pdf", published=date(2030, 1, 1))
    page = extract_html(ex, {"title": "Plan “A”"}, "tests/fixtures", date(2030, 1, 1))
    text = page.decode("utf-8")
    assert text.startswith("<!DOCTYPE html>") and text.endswith("</html>\n")
    assert text.count("<td data-sort=") == len(overdue(ex.records, date(2030, 1, 1))) > 0
    assert "Plan “A”" in text


def test_command_line_puts_arrow_on_the_c_heap_unless_the_user_chose(monkeypatch):
    monkeypatch.delenv("ARROW_DEFAULT_MEMORY_POOL", raising=False)
    cli._arrow_on_malloc()
    assert os.environ["ARROW_DEFAULT_MEMORY_POOL"] == "system"
    monkeypatch.setenv("ARROW_DEFAULT_MEMORY_POOL", "jemalloc")
    cli._arrow_on_malloc()
    assert os.environ["ARROW_DEFAULT_MEMORY_POOL"] == "jemalloc"
