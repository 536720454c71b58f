"""A small table inside a page of two-column running text (issue 12: "a small table inside a page of
two-column text (today the whole page becomes one table)").

Text alignment alone read every line of two columns of prose as a row of a two-column table, and the
small table set in one column was swallowed by it (justified lines, their spaces stretched, even broke
into several "cells"). The pages are drawn by the test (reportlab's platypus, two frames, seeded
filler prose); each must give exactly the small table. A two-column table of prose cells whose rows
start side by side must stay a table.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from pipeline.extract.text import Line
from pipeline.readers import open_pdf
from pipeline.readers.model import Word
from pipeline.tables import tables_from_pdf
from pipeline.tables.aligned import justified
from pipeline.tables.prose import split_text_columns

pytest.importorskip("reportlab")

WORDS = ("council service children families partners review plan quality practice support early help social "
         "care improvement board outcomes data performance staff training audit young people schools health "
         "housing budget strategy delivery progress report month year team").split()
DATA = [["Measure", "2022", "2023"], ["Referrals", "1,204", "1,311"], ["Assessments", "980", "1,045"],
        ["Plans", "312", "298"], ["Visits", "4,410", "4,870"]]


def _prose(rng: random.Random, sentences: int) -> str:
    out = []
    for _ in range(sentences):
        s = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 20)))
        out.append(s[0].upper() + s[1:] + ".")
    return " ".join(out)


def _two_columns(path: Path, seed: int, *, ruled: bool, justify: bool) -> Path:
    """A title, then prose in two frames with a small table (DATA) after the first paragraph."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer, Table, TableStyle

    rng = random.Random(seed)
    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    body.alignment = 4 if justify else 0
    doc = BaseDocTemplate(str(path), pagesize=A4, invariant=1)
    width, height = A4
    gap = 18
    fw = (width - doc.leftMargin - doc.rightMargin - gap) / 2
    fh = height - doc.topMargin - doc.bottomMargin
    doc.addPageTemplates([PageTemplate(frames=[
        Frame(doc.leftMargin, doc.bottomMargin, fw, fh), Frame(doc.leftMargin + fw + gap, doc.bottomMargin, fw, fh),
    ])])
    table = Table(DATA, colWidths=[fw * 0.5, fw * 0.25, fw * 0.25])
    style = [("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"), ("ALIGN", (1, 0), (-1, -1), "RIGHT")]
    if ruled:
        style.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    table.setStyle(TableStyle(style))
    story = [Paragraph("Annual report", styles["Heading2"]), Paragraph(_prose(rng, 6), body), Spacer(1, 6),
             table, Spacer(1, 6)]
    story += [Paragraph(_prose(rng, 5), body) for _ in range(6)]
    doc.build(story)
    return path


def _prose_table(path: Path, seed: int) -> Path:
    """One frame: an unruled table of two columns whose cells are prose, each row's cells side by side."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Table, TableStyle

    rng = random.Random(seed)
    body = getSampleStyleSheet()["BodyText"]
    doc = BaseDocTemplate(str(path), pagesize=A4, invariant=1)
    width, height = A4
    fw = width - doc.leftMargin - doc.rightMargin
    doc.addPageTemplates([PageTemplate(frames=[
        Frame(doc.leftMargin, doc.bottomMargin, fw, height - doc.topMargin - doc.bottomMargin)])])
    rows = [[Paragraph("<b>Issue raised</b>", body), Paragraph("<b>Our response</b>", body)]]
    rows += [[Paragraph(_prose(rng, 2), body), Paragraph(_prose(rng, 3), body)] for _ in range(6)]
    table = Table(rows, colWidths=[fw * 0.45, fw * 0.55])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))
    doc.build([table])
    return path


@pytest.mark.parametrize(("ruled", "justify", "seed"), [(True, True, 1), (False, True, 2), (False, False, 3),
                                                        (False, True, 5), (True, False, 6)])
def test_small_table_in_two_columns_of_prose_is_the_only_table(tmp_path, ruled, justify, seed):
    pdf = _two_columns(tmp_path / "page.pdf", seed, ruled=ruled, justify=justify)
    tables = tables_from_pdf(pdf)
    assert [t.rows() for t in tables] == [DATA]
    assert tables[0].strategy == ("ruled" if ruled else "text")


def test_two_columns_of_prose_are_read_apart_and_a_title_over_both_on_its_own(tmp_path):
    page = open_pdf(_two_columns(tmp_path / "page.pdf", 2, ruled=False, justify=True)).pages[0]
    left, right, *rest = split_text_columns(page.words)
    assert max(w.x1 for w in left) < min(w.x0 for w in right)
    assert {w.text for g in rest for w in g} <= {"Annual", "report"}


def test_table_of_prose_cells_side_by_side_is_not_read_as_columns_of_text(tmp_path):
    pdf = _prose_table(tmp_path / "qa.pdf", 4)
    page = open_pdf(pdf).pages[0]
    assert split_text_columns(page.words) == [page.words]
    tables = tables_from_pdf(pdf)
    assert tables and all(t.n_cols == 2 for t in tables)
    assert tables[0].rows()[0] == ["Issue raised", "Our response"]


def _line(widths: list[float], gaps: list[float], size: float = 10.0) -> Line:
    words, x = [], 50.0
    for i, w in enumerate(widths):
        words.append(Word(f"w{i}", x, 100.0, x + w, 110.0, size))
        x += w + (gaps[i] if i < len(gaps) else 0)
    return Line(tuple(words))


def test_justified_line_has_even_spaces_between_unlike_words():
    assert justified(_line([40, 22, 61, 30, 18], [8.1, 8.1, 8.1, 8.1]))
    # figures of as many digits in evenly spaced columns: even gaps, alike widths, a table row
    assert not justified(_line([20, 20, 20, 20, 20], [30, 30, 30, 30]))
    assert not justified(_line([40, 22, 61, 30, 18], [3, 14, 3, 3]))  # one wide gap: two chunks
    assert not justified(_line([40, 22, 61], [9, 9]))  # too few words to tell
