"""Generated layouts of the dev seeds (31, 41, 61, 111, 121, 131, 141, 151, 161, 191 and 201; tools/layouts) that showed a
mechanism missing, pinned so it stays: each was read badly (all-right at or near 0%) until the mechanism named beside it. The
held-out seed of docs/benchmark-layouts-60.md (2; seed 1 until 78db50d) and fresh seeds are never pinned here: they
measure.

Each case renders its layout with a producer the test machine has (reportlab or WeasyPrint) and scores
the extraction against the layout's answer key (tools/scoring.py)."""

from __future__ import annotations

import pytest

pytest.importorskip("reportlab")

from pipeline.extraction import extract_pdf  # noqa: E402
from tools.layouts.bench import scored_fields  # noqa: E402
from tools.layouts.build import build  # noqa: E402
from tools.scoring import score  # noqa: E402

CASES = [
    # seed, producer, all-right at least, extra rows at most, why it failed
    (3100041, "weasyprint", 0.95, 0, "a header's two lines read as two weak bands inside one fill"),
    (3100013, "reportlab", 0.95, 2, "'Update this quarter' split in two; a header repeated per page read two ways"),
    (4100008, "reportlab", 0.95, 0, "a header of two fields and 'Risks'; actions numbered '1.1 ...' with second paragraphs"),
    (4100012, "reportlab", 0.95, 0, "the one level column, found by structure, read as the theme"),
    (4100034, "reportlab", 0.95, 0, "a heading only like a measures heading over sentences repeated down the rows"),
    (4100010, "reportlab", 0.95, 0, "the header's known line read without its line of headings nobody listed"),
    (4100030, "weasyprint", 0.9, 0, "the header read without its turned heading and its unlisted headings"),
    (4100042, "weasyprint", 0.8, 0, "a header low on its page judged by its one row; a turned heading above the band"),
    (4100043, "reportlab", 0.95, 0, "sentences under a heading cued as key area; a level chosen without its heading"),
    (4100047, "weasyprint", 0.9, 5, "two headings cue measures: the column left blank down its groups took it"),
    (3100011, "weasyprint", 0.95, 0, "the one level column read as the outcome, its heading most like an objective's"),
    (3100036, "reportlab", 0.95, 0, "'Theme area' cut at the column's edge; a theme of titles merged down its group"),
    (4100036, "weasyprint", 0.95, 0, "a key area of short titles in every row, under a heading nobody listed"),
    (4100040, "reportlab", 0.9, 0, "a column cued as the theme under theme banners: a key area of titles"),
    (4100055, "reportlab", 0.9, 4, "a key area of titles merged down its groups, under a heading nobody listed"),
    (4100050, "weasyprint", 0.8, 2, "a header at its page's foot: its columns fitted on one word, the table lost"),
    (3100054, "weasyprint", 0.5, 0, "a two-line header of two named fields read as two other tables' headers"),
    (6100015, "weasyprint", 0.7, 0, "a header taller than a band, its lower lines scored best; action and measures "
                                     "paragraphs level by chance read as row starts"),
    (11100017, "weasyprint", 0.85, 1, "another table's band (no action named) left out the turned heading beside "
                                      "it, so the references were lost on every page but one"),
    (12100010, "reportlab", 0.95, 0, "a header naming the action among more unlisted headings than known ones, "
                                     "its action column holding actions, was no header at all"),
    (12100026, "weasyprint", 0.95, 0, "a two-level header whose top line ('We will | Governance | Area of "
                                      "concern') opens no band; a status scale in phrases of its own"),
    (12100021, "weasyprint", 0.95, 0, "a theme banner 'Priority 2: Early | Help ...' cut at a gutter read as a "
                                      "header; frames stacked down the page read as two ruled rows"),
    (13100030, "weasyprint", 0.95, 0, "a two-level header's bold top line 'Monitoring | Agreed action' opened no "
                                      "band, and the rule under its group heading ended the band"),
    (13100005, "weasyprint", 0.85, 0, "a header at its page's foot: its action column was looked for in columns "
                                      "fitted on no text"),
    (13100043, "reportlab", 0.95, 0, "an unruled group heading wider than its first sub-heading merged both; "
                                     "a banner set close under the header joined its band"),
    (14100001, "weasyprint", 0.6, 0, "another table's band chosen on the header's second line alone, without "
                                     "the line above that holds the action's heading"),
    (14100054, "reportlab", 0.95, 0, "another table's band that names the action once grown to its header's "
                                     "foot stayed another table's"),
    (14100030, "weasyprint", 0.9, 0, "a column of titles ('Practice') tied with the actions for opening on a "
                                     "verb and took the action"),
    (14100003, "weasyprint", 0.9, 0, "lines of a body cell opening in lower case ('vised' / 'around the "
                                     "child') read as a weak header"),
    (15100039, "reportlab", 0.7, 0, "a header printed once judged on its first page's ten rows: its status scale "
                                    "in phrases of its own was not shown"),
    (15100029, "reportlab", 0.95, 1, "'Deliverables' cued as measures lost them to 'Success looks like' and the "
                                     "table was left with no action column"),
    (15100020, "weasyprint", 0.95, 0, "rows shaded in stripes and set close: two short actions read as one row "
                                      "where only the stripes show the row start"),
    (16100003, "weasyprint", 0.95, 0, "a header's fill held 'Outcome' / 'measures', but the band stopped at "
                                      "'Outcome', the only reading that named the action's table"),
    (16100026, "weasyprint", 0.95, 0, "a plan's name printed again in every row: its blank cells were read as "
                                      "'same as above'"),
    (19100044, "weasyprint", 0.95, 0, "a justified cell's last words, level on two lines of the one row under "
                                      "a header printed once, cut its column from the references'"),
    (20100033, "weasyprint", 0.9, 0, "a section row ('Priority 1: Practice Quality') across the body closed the "
                                     "gutter that parts two headings set close ('Responsible | What are we')"),
    (20100040, "reportlab", 0.95, 1, "the header printed again over a page whose outcome column is blank read "
                                     "'Outcome | we expect' and was taken for a row of actions"),
]


@pytest.mark.parametrize("seed,producer,least,extra,why", CASES, ids=[str(c[0]) for c in CASES])
def test_dev_layout_is_read_right(tmp_path, seed, producer, least, extra, why):
    if producer == "weasyprint":
        pytest.importorskip("weasyprint")
    built = build(seed, tmp_path, producer)
    records = extract_pdf(built.pdf).records
    sc = score(built.key["actions"], records, scored_fields(built.key))
    assert sc.found >= sc.expected - 1 and sc.extra <= extra, why
    assert sc.row_rate >= least, f"{why}: {sc.mismatches[:5]}"
