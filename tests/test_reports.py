"""The HTML reports (issue 13): diff.html and <id>.html, read as a parser would, without a browser
(tools/browser_check.py loads them in chromium: `make browser-check`)."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pyarrow.parquet as pq
import pytest

from pipeline import htmlkit
from pipeline.diff import diff_plans
from pipeline.diff.html import CLASS_COLOURS, headline_figures, short_labels, word_diff
from pipeline.diff.report import to_html
from pipeline.readers.render import page_count

from .conftest import BUNDLED_DIFF

HOSTILE = '<script>alert("x")</script><img src=x onerror="alert(1)"> & </td></tr>'


class Page(HTMLParser):
    """Elements with their attributes, and the rows of one table, as a flat list."""

    def __init__(self, table_id: str = "changes"):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.table_id, self.in_table, self.depth = table_id, False, 0
        self.rows: list[list[tuple[str, dict]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "table" and a.get("id") == self.table_id:
            self.in_table = True
        if self.in_table and tag == "tr" and "data-class" in a:
            self.rows.append([(tag, a)])
        elif self.in_table and self.rows:
            self.rows[-1].append((tag, a))

    def handle_endtag(self, tag):
        if tag == "table" and self.in_table:
            self.in_table = False

    def handle_data(self, data):
        self.text.append(data)


def parse(text: str, table_id: str = "changes") -> Page:
    p = Page(table_id)
    p.feed(text)
    return p


@pytest.fixture(scope="module")
def bundled(processed):
    return processed


def test_headline_figures_equal_the_diff_parquet_counts(bundled):
    html_text = (bundled / BUNDLED_DIFF / "diff.html").read_text(encoding="utf-8")
    shown = {}
    for name, value in re.findall(r'data-figure="([a-z_]+)">([^<]*)<', html_text):
        assert shown.setdefault(name, value) == value, f"figure {name} stated twice with different values"
    rows = pq.read_table(bundled / BUNDLED_DIFF / "diff.parquet").to_pylist()
    counts = Counter(r["change"] for r in rows)
    for k in ("completed", "slipped", "dropped", "new", "brought_forward", "carried", "reopened"):
        assert int(shown[k]) == counts[k], k
    assert int(shown["dropped_in_trouble"]) == sum(r["change"] == "dropped" and r["old_rag"] in ("off_track", "some_issues")
                                                   for r in rows)
    assert int(shown["reworded"]) == sum("reworded" in r["flags"] for r in rows)
    assert int(shown["old_actions"]) == pq.read_metadata(bundled / "sefton-phase1-2022.parquet").num_rows
    slips = sorted(r["slip_days"] for r in rows if r["change"] == "slipped")
    assert f"the longest by {slips[-1] / 30.44:.1f} months" in html_text


def test_every_diff_row_links_to_its_pages_and_shows_its_thumbnails(bundled):
    out = bundled / BUNDLED_DIFF
    page = parse((out / "diff.html").read_text(encoding="utf-8"))
    rows = pq.read_table(out / "diff.parquet").to_pylist()
    assert len(page.rows) == len(rows) == 132
    pages_of = {}
    for row, change in zip(page.rows, rows):
        links = [a["href"] for t, a in row if t == "a" and "#page=" in a.get("href", "")]
        thumbs = [a["src"] for t, a in row if t == "img" and "thumb" in a.get("class", "")]
        sides = [p for p in (change["old_page"], change["new_page"]) if p is not None]
        assert len(links) == len(sides) == len(thumbs), change
        assert all(s.startswith("data:image/png;base64,") for s in thumbs)
        for href, number in zip(links, sides):
            target, _, fragment = href.partition("#page=")
            assert int(fragment) == number
            pdf = (out / unquote(target)).resolve()
            pages_of.setdefault(pdf, page_count(pdf))
            assert pages_of[pdf] is not None and 1 <= number <= pages_of[pdf]
    assert {p.name for p in pages_of} == {"sefton-phase1-2022.pdf", "sefton-phase2-2023.pdf"}


def test_diff_report_is_self_contained_and_marks_up_headers(bundled):
    text = (bundled / BUNDLED_DIFF / "diff.html").read_text(encoding="utf-8")
    page = parse(text)
    assert not re.search(r'(src|href)="(https?:)?//', text)
    assert not any(t == "link" and a.get("rel") == "stylesheet" for t, a in page.tags)
    assert "Content-Security-Policy" in text and "default-src 'none'" in text
    assert all("scope" in a for t, a in page.tags if t == "th")
    assert [t for t, _ in page.tags].count("script") == 1
    assert "<svg" in text and "@media print" in text


def test_reworded_actions_show_word_level_insertions_and_deletions(bundled):
    text = (bundled / BUNDLED_DIFF / "diff.html").read_text(encoding="utf-8")
    rows = pq.read_table(bundled / BUNDLED_DIFF / "diff.parquet").to_pylist()
    reworded = sum("reworded" in r["flags"] for r in rows)
    assert f"Reworded actions ({reworded})" in text
    assert text.count('<div class="side">') == reworded


def test_word_diff_marks_deleted_and_inserted_words_and_escapes_them():
    old, new = word_diff("Recruit 5 <b>social</b> workers", "Recruit 7 <b>social</b> workers now")
    assert old == "Recruit <del>5</del> &lt;b&gt;social&lt;/b&gt; workers"
    assert new == "Recruit <ins>7</ins> &lt;b&gt;social&lt;/b&gt; workers<ins> now</ins>"


def _record(seq, text, rag, end):
    return {"seq": seq, "action": text, "rag": rag, "rag_raw": rag, "milestone_end": end, "milestone_raw": HOSTILE,
            "page_start": 1, "page_end": 1, "bbox": [10.0, 10.0, 100.0, 40.0], "theme_ref": "1", "theme": HOSTILE,
            "outcome_ref": "1.1", "outcome": "", "objective_ref": "1.1.1", "objective": "", "action_ref": None,
            "measures": [], "lead_officer_raw": HOSTILE, "lead_officers": [HOSTILE]}


def test_markup_and_script_in_action_text_are_shown_as_text_never_run(tmp_path):
    old = [_record(1, "Recruit " + HOSTILE, "on_track", date(2022, 9, 30)), _record(2, HOSTILE, "off_track", None)]
    new = [_record(1, "Recruit more " + HOSTILE, "off_track", date(2023, 3, 31))]
    result = diff_plans(old, new, {"source_id": "<b>old</b>"}, {"source_id": '"><script>alert(2)</script>'})
    text = to_html(result, None, out_dir=tmp_path)
    page = parse(text)
    assert [t for t, _ in page.tags].count("script") == 1
    assert not any(t == "img" for t, _ in page.tags)
    assert HOSTILE in "".join(page.text)
    assert not any(k.startswith("on") for _, a in page.tags for k in a)


def _luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    x, y = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (x + 0.05) / (y + 0.05)


def test_status_and_change_colours_pass_wcag_aa_for_their_text():
    for status, (bg, fg) in htmlkit.STATUS_COLOURS.items():
        assert contrast(bg, fg) >= 4.5, status
    for change, bg in CLASS_COLOURS.items():
        assert contrast(bg, "#1d1d1d") >= 4.5, change
    assert contrast("#ffffff", "#555555") >= 4.5  # muted text


def test_short_labels_drop_the_shared_name_up_to_a_separator():
    assert short_labels("Children’s Improvement Plan – Phase 1", "Children’s Improvement Plan – Phase 2") == ("Phase 1", "Phase 2")
    assert short_labels("Plan 2022", "Plan 2023") == ("Plan 2022", "Plan 2023")


def test_headline_figures_of_a_small_diff():
    old = [_record(1, "A", "on_track", date(2022, 1, 31)), _record(2, "B", "off_track", None),
           _record(3, "C", "on_track", None)]
    new = [_record(1, "A", "on_track", date(2022, 3, 31)), _record(2, "D entirely new words here", "on_track", None)]
    f = headline_figures(diff_plans(old, new))
    assert (f["slipped"], f["slip_max_days"], f["old_actions"], f["new_actions"]) == (1, 59, 3, 2)


def test_extract_report_is_written_beside_the_parquet_with_its_sections(bundled):
    text = (bundled / "sefton-phase1-2022.html").read_text(encoding="utf-8")
    page = parse(text, "issue-rows")
    for heading in ("Actions per status per theme", "Overdue actions", "Data issues", "Column mapping",
                    "Inspection measures (22)"):
        assert heading in text
    assert "22 of 22 measures are addressed" in text or "of 22 measures are addressed" in text
    issue_rows = [a for t, a in page.tags if t == "tr" and "data-code" in a]
    import json

    report = json.loads((bundled / "sefton-phase1-2022.report.json").read_text(encoding="utf-8"))
    assert len(issue_rows) == len({(i["seq"] if i["seq"] is not None else ("page", i["page"])) for i in report["issues"]})
    thumbs = [a for t, a in page.tags if t == "img" and "thumb" in a.get("class", "")]
    assert len(thumbs) >= len({i["seq"] for i in report["issues"] if i["seq"] is not None})
    assert "<code>lead_officer</code>" in text and "<code>rag</code>" in text
    assert all("scope" in a for t, a in page.tags if t == "th")


def test_overdue_actions_are_those_due_before_publication_and_not_complete(bundled):
    from pipeline.html_report import overdue

    records = pq.read_table(bundled / "sefton-phase2-2023.parquet").to_pylist()
    got = overdue(records, date(2023, 1, 31))
    assert got and all(r["milestone_end"] < date(2023, 1, 31) and r["rag"] != "complete" for r in got)
    assert f"Overdue actions ({len(got)})" in (bundled / "sefton-phase2-2023.html").read_text(encoding="utf-8")


def test_measures_are_out_of_reach_of_the_actions_glob(bundled):
    assert sorted(p.name for p in bundled.glob("*.parquet")) == ["sefton-phase1-2022.parquet", "sefton-phase2-2023.parquet"]
    assert (bundled / "measures" / "sefton-phase1-2022.parquet").exists()


def test_a_report_without_its_pdf_says_so_and_keeps_page_numbers(tmp_path):
    result = diff_plans([_record(1, "A", "on_track", None)], [_record(1, "A", "complete", None)],
                        {"source_id": "x"}, {"source_id": "y"})
    text = to_html(result, None, out_dir=tmp_path)
    assert "was not found beside its registry entry" in text
    assert "x p. 1" in text and "<img" not in text
    assert Path(tmp_path).exists()
