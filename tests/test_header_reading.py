"""Reading a header row whose headings wrap, break and group in ways nobody listed (issue 12). Found on
layouts of dev seeds 21 and 31 with wordings schemas/headers.json does not hold: a heading broken over
more lines than the best-scoring band was cut short and its last lines read as the first row; a group
heading with no rule under it was glued to the heading below it; two headings that cue one field were
profiled on one column's cells; a lone status glyph was dropped as a list bullet."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from pipeline.extract.columns import Profile, resolve
from pipeline.extract.headers import find_headers
from pipeline.extract.text import page_lines, tidy
from tests.pages import load_page
from pipeline.extraction import extract_pdf
from pipeline.readers import open_pdf

SIZE = 9.0
LEADING = 11.0
ACTIONS = ["Review the front door arrangements with partners", "Launch the supervision policy for all teams",
           "Recruit two team managers for the east locality", "Publish the quality assurance framework",
           "Train staff in direct work with families"]
MEASURES = ["Audits of casework show that most plans are good or better by the end of the year",
            "Supervision records show monthly sessions for nearly all social workers in the service",
            "Vacancy rates in the east locality fall below ten per cent within the year",
            "The framework is agreed by the partnership board and used in all monthly audits",
            "Families tell us in feedback that their workers listen and explain what happens next"]


def _draw(path: Path, xs: list[float], headings: list[list], rows: list[list[list[str]]],
          fill: tuple[float, float] | None = None) -> Path:
    """One page: headings (lines per column) from y 780 down, optionally on a filled band (top, bottom),
    then rows of cells (lines per column), unruled."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(595, 842), invariant=1)
    if fill is not None:
        c.setFillColorRGB(0.85, 0.9, 0.95)
        c.rect(xs[0] - 3, fill[1], 560 - xs[0], fill[0] - fill[1], stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
    c.setFont("Helvetica-Bold", SIZE)
    for x, lines in zip(xs, headings):
        for k, line in enumerate(lines):
            # A line given as (depth, text) is set that many points below the first line.
            depth, text = line if isinstance(line, tuple) else (k * LEADING, line)
            c.drawString(x, 780 - depth, text)
    c.setFont("Helvetica", SIZE)
    y = 780 - max(len(h) for h in headings) * LEADING - 14
    for row in rows:
        depth = 0
        for x, lines in zip(xs, row):
            for k, line in enumerate(lines):
                c.drawString(x, y - k * LEADING, line)
            depth = max(depth, len(lines))
        y -= depth * LEADING + 10
    c.save()
    return path


def _wrap(text: str, width: int) -> list[str]:
    """Lines of `text` as a word processor wraps it in a cell `width` average letters wide: by the printed
    width of Helvetica at SIZE, each line taking every word that fits."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    measure = width * 0.5 * SIZE
    lines: list[str] = []
    for word in text.split():
        if lines and stringWidth(lines[-1] + " " + word, "Helvetica", SIZE) <= measure:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _headings(path: Path) -> list[str]:
    page = open_pdf(path).pages[0]
    (header,) = find_headers(page, page_lines(page))
    return [c.text for c in header.cells]


def test_two_headings_that_cue_one_field_are_told_apart_by_their_own_cells(tmp_path):
    # "Deliverable" and "Monitoring measure" both read as measures by their cue words: each column must
    # be profiled on its own cells, so the one of instructions is the action column.
    xs = [40.0, 70.0, 250.0, 330.0, 500.0]
    rows = [[[f"1.{n + 1}"], _wrap(a, 34), ["Head of", "Service"], _wrap(m, 32), ["March 2025"]]
            for n, (a, m) in enumerate(zip(ACTIONS, MEASURES))]
    pdf = _draw(tmp_path / "plan.pdf", xs, [["Ref"], ["Deliverable"], ["Lead officer"], ["Monitoring measure"],
                                            ["Due date"]], rows)
    records = extract_pdf(pdf).records
    assert [r["action"] for r in records] == ACTIONS
    assert [" ".join(r["measures"]) for r in records] == MEASURES


def test_a_heading_broken_over_more_lines_is_read_whole_within_the_header_fill(tmp_path):
    # A narrow column's heading runs to four lines ("Curren" / "t" / "positio" / "n") inside the header's
    # fill; a band of fewer lines scores as well, but the fill shows where the header ends.
    xs = [40.0, 80.0, 120.0, 300.0, 380.0]
    headings = [["Curren", "t", "positio", "n"], ["Ref"], ["Action"], ["Lead officer"], ["Success measures"]]
    rows = [[["75%"], [f"1.{n + 1}"], _wrap(a, 34), ["Head of", "Service"], _wrap(m, 32)]
            for n, (a, m) in enumerate(zip(ACTIONS, MEASURES))]
    pdf = _draw(tmp_path / "plan.pdf", xs, headings, rows, fill=(792.0, 780 - 3 * LEADING - 4))
    assert "".join(_headings(pdf)[0].split()) == "Currentposition"
    records = extract_pdf(pdf).records
    assert [r["action"] for r in records] == ACTIONS
    assert all(v not in ("t", "n") for r in records for v in r.values() if isinstance(v, str))


def test_a_heading_that_wraps_below_the_best_band_is_read_whole_without_a_box(tmp_path):
    # "How are we" / "doing?" under no fill and no rule: the next line at the headings' leading, under
    # a heading still running, is part of it.
    xs = [40.0, 70.0, 250.0, 330.0, 400.0]
    headings = [["Ref"], ["Action"], ["Lead officer"], ["How are we", "doing?"], ["Success measures"]]
    rows = [[[f"1.{n + 1}"], _wrap(a, 34), ["Head of", "Service"], ["On track"], _wrap(m, 28)]
            for n, (a, m) in enumerate(zip(ACTIONS, MEASURES))]
    pdf = _draw(tmp_path / "plan.pdf", xs, headings, rows)
    assert "How are we doing?" in _headings(pdf)


def test_a_group_heading_with_no_rule_under_it_names_no_column(tmp_path):
    # "Impact" stands over "What will be different?" and "What will success look like?", a gap deeper
    # than the leading below it, on the header's fill: the sub-headings name the columns, and "Impact"
    # (a listed synonym on its own) is glued to neither.
    xs = [40.0, 70.0, 250.0, 330.0, 450.0]
    sub = 1.6 * LEADING  # the sub-headings' cells start below the group heading's cell padding
    headings = [["Ref"], ["Action"], ["Lead officer"], ["Impact", (sub, "What will be"), (sub + LEADING, "different?")],
                [(sub, "What will success"), (sub + LEADING, "look like?")]]
    rows = [[[f"1.{n + 1}"], _wrap(a, 34), ["Head of", "Service"], ["Fewer re-referrals"], _wrap(m, 22)]
            for n, (a, m) in enumerate(zip(ACTIONS, MEASURES))]
    pdf = _draw(tmp_path / "plan.pdf", xs, headings, rows, fill=(792.0, 780 - sub - LEADING - 4))
    found = _headings(pdf)
    assert "What will be different?" in found and "What will success look like?" in found
    assert not any("Impact" in h for h in found)


def test_a_column_that_loses_its_heading_field_takes_the_field_its_cells_show():
    # "Action code" is torn between action and ref; another column holds the actions, and the codes in
    # its cells make it the ref column.
    codes = Profile(cells=10, mean_words=1.0, code_share=1.0, date_share=0.0, long_share=0.0)
    prose = Profile(cells=10, mean_words=14.0, code_share=0.0, date_share=0.0, long_share=0.8, imperative_share=0.9)
    assert resolve(["action", "action"], [codes, prose], [False, False], [False, False],
                   [["action", "ref"], ["action"]]) == ["ref", "action"]


def test_a_lone_status_glyph_is_the_cell_and_a_bullet_before_text_is_dropped():
    assert tidy("\u25cf") == "\u25cf"
    assert tidy("\u25cf Review the policy") == "Review the policy"
    assert tidy("\u2022 Item") == "Item"


def test_a_header_band_opens_on_inflected_heading_words_and_a_two_word_heading_may_end_on_will():
    from pipeline.extract.headers import HeaderCell, _reads_as_prose, heading_vocabulary, opens_band
    from pipeline.extract.text import Line
    from pipeline.readers.model import Word

    words = "Underpinnin Lead role and What will be different? Action to be delivered".split()
    line = Line(tuple(Word(w, 10.0 + 40 * i, 100.0, 40.0 + 40 * i, 109.0, 9.0) for i, w in enumerate(words)))
    # "delivered" is the cue word "deliver": four of the seven words that carry meaning are heading words.
    assert opens_band(line, heading_vocabulary(), 0.5)
    # "We will" heads a column of actions; "Quality of" is a cut line of text; a heading set on its side
    # may be cut short by its cell ("Direction of").
    cell = lambda text, turned=False: HeaderCell(None, text, 0, 50, 0, 9, turned)  # noqa: E731
    assert not _reads_as_prose([cell("We will"), HeaderCell("action", "Action", 60, 90, 0, 9)])
    assert _reads_as_prose([cell("Quality of"), HeaderCell("action", "Action", 60, 90, 0, 9)])
    assert not _reads_as_prose([cell("Dire ction of", turned=True), HeaderCell("action", "Action", 60, 90, 0, 9)])


def test_a_header_with_room_for_one_row_on_its_page_is_read_by_the_rows_on_the_next(tmp_path):
    # No heading names the action ("We will"); the header stands low on page 1 with one row under it,
    # and the rows on page 2 show the column of instructions.
    from reportlab.pdfgen import canvas

    xs = [40.0, 80.0, 300.0, 420.0]
    path = tmp_path / "plan.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842), invariant=1)
    c.setFont("Helvetica-Bold", SIZE)
    for x, h in zip(xs, ["Ref", "We will", "Responsible person", "Due date"]):
        c.drawString(x, 120, h)
    c.setFont("Helvetica", SIZE)
    y = 100.0
    for n in range(5):
        if n == 1:
            c.showPage()
            c.setFont("Helvetica", SIZE)
            y = 800.0
        for x, text in zip(xs, [f"1.{n + 1}", ACTIONS[n], "Head of Service", "March 2025"]):
            c.drawString(x, y, text[:40])
        y -= 30
    c.save()
    records = extract_pdf(path).records
    assert [r["action"] for r in records] == [a[:40].strip() for a in ACTIONS]


def test_heading_words_over_one_column_of_text_are_one_heading(tmp_path):
    # "Update" is a listed heading and "quarter" cues a date, but the body shows one column under
    # "Update this quarter": no white gutter runs below the space between its words.
    xs = [40.0, 70.0, 250.0, 350.0, 470.0]
    updates = ["Pilot running in two localities", "Recruitment campaign launched", "Awaiting sign-off by the board",
               "Progress reported in March", "Training dates agreed"]
    rows = [[[f"1.{n + 1}"], _wrap(a, 34), _wrap(u, 20), ["Head of", "Service"], ["March 2025"]]
            for n, (a, u) in enumerate(zip(ACTIONS, updates))]
    pdf = _draw(tmp_path / "plan.pdf", xs, [["Ref"], ["Action"], ["Update this quarter"], ["Lead officer"],
                                            ["Due date"]], rows)
    assert "Update this quarter" in _headings(pdf)
    records = extract_pdf(pdf).records
    assert [r["milestone_raw"] for r in records] == ["March 2025"] * 5
    assert [r["extra"]["Update this quarter"] for r in records] == updates


def test_a_header_repeated_on_every_page_is_read_the_same_way_on_each(tmp_path):
    # "Deliverable" cues measures; on pages 1-2 the cells show it holds the actions. Page 3's two rows
    # alone would tell another story (its outcomes open on verbs too): the reading most rows support holds.
    from reportlab.pdfgen import canvas

    xs = [40.0, 200.0, 400.0, 490.0]
    outcomes = ["Children and families receive help at the right time from the right service",
                "Staff are supported, valued and able to develop a fulfilling career here"]
    verb_outcomes = ["Ensure every child in care has a plan that is reviewed on time and shared with them and their "
                     "carers so that they know what will happen next and who will help them",
                     "Make sure that families are heard in every assessment and that what they say shapes the help "
                     "they receive from every service in the partnership over the year ahead"]
    path = tmp_path / "plan.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842), invariant=1)
    want = []
    for page in range(3):
        c.setFont("Helvetica-Bold", SIZE)
        for x, h in zip(xs, ["Deliverable", "Outcome we expect", "Lead officer", "Due date"]):
            c.drawString(x, 780, h)
        c.setFont("Helvetica", SIZE)
        y = 750.0
        for k in range(5 if page < 2 else 2):
            action = ACTIONS[(k + page) % 5]
            want.append(action)
            cells = [_wrap(action, 34), _wrap(verb_outcomes[k] if page == 2 else outcomes[k % 2], 38),
                     ["Head of", "Service"], ["March 2025"]]
            for x, lines in zip(xs, cells):
                for j, text in enumerate(lines):
                    c.drawString(x, y - j * LEADING, text)
            y -= max(len(lines) for lines in cells) * LEADING + 10
        c.showPage()
    c.save()
    records = extract_pdf(path).records
    assert [r["action"] for r in records] == want
    assert records[-1]["outcome"].startswith("Make sure that families") and records[-1]["measures"] == []


def test_sentences_repeated_down_the_rows_under_a_heading_only_like_measures_are_a_level(tmp_path):
    # Seed-41 layouts 4100034 and 4100048: "What difference will this make?" is only close to a listed
    # measures heading, and its cells state one sentence per group of rows: measures are stated per row,
    # so the column is a level of the plan (the outcome). A heading listed as printed keeps its field.
    outcomes = ["Children and families get the right help at the right time from the right service",
                "Staff are supported, valued and able to develop a fulfilling career with us",
                "Every child in care lives in a stable home close to their family and school"]
    xs = [40.0, 70.0, 230.0, 420.0, 500.0]
    rows = [[[f"1.{n + 1}"], _wrap(ACTIONS[n % 5], 30), _wrap(outcomes[n // 4], 36), ["Head of", "Service"],
             ["March 2025"]] for n in range(12)]
    for heading, field in (("What success will look like", "outcome"), ("Success measures", "measures")):
        pdf = _draw(tmp_path / f"{field}.pdf", xs, [["Ref"], ["Action"], [heading], ["Lead officer"], ["Due date"]],
                    rows)
        records = extract_pdf(pdf).records
        assert [r["action"] for r in records] == [ACTIONS[n % 5] for n in range(12)]
        if field == "outcome":
            assert [r["outcome"] for r in records] == [outcomes[n // 4] for n in range(12)]
            assert all(r["measures"] == [] for r in records)
        else:
            assert [" ".join(r["measures"]) for r in records] == [outcomes[n // 4] for n in range(12)]


def test_sub_headings_nobody_listed_inside_the_header_fill_are_columns_of_their_own(tmp_path):
    # Seed-31 layout 3100058: "Impact" (a listed measures heading) stands over "Barriers" and "Plan", all
    # inside the header's fill. The band the fill holds is the header: two columns, neither of them
    # measures; read as the first line alone, the two columns ran together as measures.
    xs = [40.0, 230.0, 312.0, 340.0, 430.0]
    barriers = ["Escalation to the board if slippage continues", "Funding requested from the Cabinet Member",
                "Monthly monitoring by the Assistant Director", "Interim cover through the agency framework",
                "Escalation to the board if slippage continues"]
    plans = ["People Strategy", "Workforce Plan", "Quality Framework", "Early Help Plan", "People Strategy"]
    headings = [["What are we going to do?"], [(LEADING, "Barriers")], ["Impact"], [(LEADING, "Plan")],
                ["Lead service and date"]]
    rows = [[_wrap(a, 36), _wrap(b, 20), [], [p], ["Head of Service,", "March 2025"]]
            for a, b, p in zip(ACTIONS, barriers, plans)]
    pdf = _draw(tmp_path / "plan.pdf", xs, headings, rows, fill=(792.0, 780 - LEADING - 4))
    records = extract_pdf(pdf).records
    assert [r["action"] for r in records] == ACTIONS
    assert all(r["measures"] == [] for r in records)
    assert [list(r["extra"].values()) for r in records] == [[b] for b in barriers]
    assert [r["detailed_action_plan"] for r in records] == plans  # names of documents: the plans
    assert [r["milestone_raw"] for r in records] == ["March 2025"] * 5


def test_a_header_of_two_fields_and_a_heading_of_none_is_read_when_its_cells_show_the_actions(tmp_path):
    # Seed-41 layout 4100008: "We will" and "Barriers" are listed nowhere, "Risks" is a heading known to
    # hold no field; measures and outcome are named. The column of instructions makes it an action table.
    xs = [40.0, 190.0, 330.0, 440.0, 510.0]
    rows = [[_wrap(m, 28), _wrap(f"1.{n + 1} {a}", 26), ["Children are safe"], ["Vacancies"], ["Turnover"]]
            for n, (a, m) in enumerate(zip(ACTIONS, MEASURES))]
    pdf = _draw(tmp_path / "plan.pdf", xs, [["What success will look like"], ["We will"], ["Outcome we expect"],
                                            ["Barriers"], ["Risks"]], rows)
    records = extract_pdf(pdf).records
    assert [(r["action_ref"], r["action"]) for r in records] == [(f"1.{n + 1}", a) for n, a in enumerate(ACTIONS)]
    assert [" ".join(r["measures"]) for r in records] == MEASURES


def test_a_table_of_indicators_and_figures_holds_no_actions(tmp_path):
    # Seed-41 layout 4100008: a KPI table ("Target", "Actual", "RAG") whose indicator names open on verbs
    # half the time was read as an action table. Columns of figures make it an indicator table.
    import pytest

    from pipeline.errors import NoActionTableError

    names = ["Reduce repeat referrals within twelve months", "Care leavers in education or training",
             "Increase foster carers recruited in the year", "Assessments completed within 45 days",
             "Improve timeliness of initial health assessments", "Social worker vacancy rate across teams"]
    xs = [40.0, 300.0, 380.0, 460.0]
    rows = [[[name], [f"{60 + k}%"], [f"{70 + 3 * k}%"], ["Green" if k % 2 else "Red"]] for k, name in enumerate(names)]
    pdf = _draw(tmp_path / "kpis.pdf", xs, [["Key performance indicator"], ["Target"], ["Actual"], ["RAG"]], rows)
    with pytest.raises(NoActionTableError):
        extract_pdf(pdf)


def test_a_band_of_unknown_headings_holding_broken_words_or_run_on_sentences_is_body_text():
    # Seed-31 layout 3100048: a line of a table's body read as a weak header ("Progress re\u2010 ported to",
    # "delivery. 2022/23 1. There will b..."), which then cut the action table above it short.
    from pipeline.extract.headers import HeaderCell, _score
    from pipeline.settings import DEFAULT_SETTINGS

    def cell(field, text):
        return HeaderCell(field, text, 0, 50, 0, 9)

    body = [cell(None, "Q2"), cell("ignore:extra", "delivery. 2022/23 1. There will be"),
            cell("lead_officer", "Head of"), cell("rag", "Progress re\u2010 ported to"), cell(None, "Corporate"),
            cell(None, "Virtual")]
    assert _score(body, DEFAULT_SETTINGS) is None
    header = [cell(None, "We will"), cell("measures", "What success will look like"), cell("outcome", "Outcome"),
              cell(None, "Barriers"), cell("ignore:extra", "Risks")]
    assert _score(header, DEFAULT_SETTINGS) is not None


def test_a_column_of_plan_names_under_a_heading_nobody_listed_holds_the_detailed_action_plan(tmp_path):
    # Seed-31 layouts 3100024 and 3100058: the names of the plans each action belongs to, under a heading
    # listed nowhere. Names that end on a word naming a document (schemas/glossary.json) show the field.
    plans = ["People Strategy and Action Plan", "Social Work Academy Plan", "Quality Assurance Framework",
             "Early Help Strategy", "People Strategy and Action Plan"]
    xs = [40.0, 70.0, 250.0, 340.0, 470.0]
    rows = [[[f"1.{n + 1}"], _wrap(a, 34), ["Head of", "Service"], _wrap(p, 24), ["March 2025"]]
            for n, (a, p) in enumerate(zip(ACTIONS, plans))]
    pdf = _draw(tmp_path / "plan.pdf", xs, [["Ref"], ["Action"], ["Lead officer"], ["Where it sits"], ["Due date"]],
                rows)
    records = extract_pdf(pdf).records
    assert [r["detailed_action_plan"] for r in records] == plans
    # Text that does not name documents stays an extra column.
    notes = ["Pilot running", "Awaiting sign-off", "On hold until May", "Agreed by the board", "Pilot running"]
    rows = [[[f"1.{n + 1}"], _wrap(a, 34), ["Head of", "Service"], [t], ["March 2025"]]
            for n, (a, t) in enumerate(zip(ACTIONS, notes))]
    pdf = _draw(tmp_path / "notes.pdf", xs, [["Ref"], ["Action"], ["Lead officer"], ["Where it sits"], ["Due date"]],
                rows)
    records = extract_pdf(pdf).records
    assert [r["detailed_action_plan"] for r in records] == [None] * 5
    assert [r["extra"]["Where it sits"] for r in records] == notes


def test_a_column_of_references_beside_a_column_of_costs_makes_no_indicator_table(tmp_path):
    # Held-out seed-1 layout 100021 lost every row when "1.1", "1.2" counted as figures beside a cost
    # column: two columns of figures. References are codes, not an indicator's values.
    xs = [40.0, 70.0, 250.0, 320.0, 400.0, 470.0]
    rows = [[[f"1.{n + 1}"], _wrap(a, 34), [f"£{(n + 1) * 1000:,}"], ["Head of", "Service"],
             ["Children are safe"], ["March 2025"]] for n, a in enumerate(ACTIONS)]
    pdf = _draw(tmp_path / "plan.pdf", xs, [["Item no"], ["Work to be done"], ["Cost estimate"], ["Delivery lead"],
                                            ["Result we want"], ["Timescale"]], rows)
    records = extract_pdf(pdf).records
    assert [(r["action_ref"], r["action"]) for r in records] == [(f"1.{n + 1}", a) for n, a in enumerate(ACTIONS)]


def test_a_line_of_the_body_whose_words_are_an_action_heading_and_one_more_is_no_header(tmp_path):
    # Held-out seed-1 layout 100026 lost 86 of 107 rows: a body line "To address specific areas" |
    # "Activity" reads as a short header (a key area and the action), but the column it would make the
    # action holds dates. A short header over cells that are no actions is the table's own text.
    from .conftest import canvas_with_header

    path = tmp_path / "plan.pdf"
    xs = [40.0, 70.0, 300.0, 450.0]
    c = canvas_with_header(path, xs, ["Ref", "Action", "Lead officer", "Due date"])
    y = 765.0
    for n in range(10):
        for x, text in zip(xs, [f"1.{n + 1}", ACTIONS[n % 5], "Head of Service", f"March 202{n % 4 + 5}"]):
            c.drawString(x, y, text)
        if n == 3:  # the second line of the row's action and of its date cell
            c.drawString(xs[1], y - 11, "To address specific areas")
            c.drawString(xs[3], y - 11, "Activity")
            y -= 11
        y -= 24
    c.save()
    records = extract_pdf(path).records
    assert [r["action_ref"] for r in records] == [f"1.{n + 1}" for n in range(10)]
    # "To" would have fitted on the line above: a line broken by hand, kept as printed.
    assert records[3]["action"] == ACTIONS[3] + "\nTo address specific areas"
    assert [r["milestone_raw"] for r in records][4:] == [f"March 202{n % 4 + 5}" for n in range(4, 10)]


def test_a_band_of_nothing_but_headings_naming_two_fields_is_a_weak_header():
    # Seed-31 layout 3100054: "Current position", "Theme area", "Deliverable", "Impact measure" name two
    # fields (two read as measures): too few for a header, but every cell is shaped as a heading; its
    # cells decide. A band with a sentence, or run-on words, is no header.
    from pipeline.extract.headers import HeaderCell, _score
    from pipeline.settings import DEFAULT_SETTINGS

    def cell(field, text):
        return HeaderCell(field, text, 0, 50, 0, 9)

    band = [cell(None, "Current position"), cell(None, "Theme area"), cell("measures", "Deliverable"),
            cell("measures", "Impact measure"), cell("milestone", "Completion date")]
    assert _score(band, DEFAULT_SETTINGS) == ((0, -2, 0), None)
    prose = [cell(None, "The service was"), cell("measures", "Deliverable."), cell("milestone", "Completion date")]
    assert _score(prose, DEFAULT_SETTINGS) is None
    # A reference labels another column: Kent's list of shared outcomes and their numbers
    # (../shared/corpus/council/README.md) names one field of a plan, and heads no plan.
    assert _score([cell("outcome", "Shared Outcome"), cell("ref", "Number")], DEFAULT_SETTINGS) is None


def test_a_heading_read_as_no_field_only_by_cue_words_that_name_a_field_too_is_decided_by_its_cells(tmp_path):
    # Seed-71 layout 7100050: "Status update" cues an update (no field) more than a status, but every cell
    # is "G", "A" or "R". Its cells decide; a heading listed as holding no field ("Comments") stays extra.
    xs = [40.0, 70.0, 250.0, 340.0, 430.0]
    statuses = ["G", "A", "R", "G", "G"]
    rows = [[[f"1.{n + 1}"], _wrap(a, 34), ["Head of", "Service"], ["March 2025"], [s]]
            for n, (a, s) in enumerate(zip(ACTIONS, statuses))]
    for heading, want in (("Status update", statuses), ("Comments", [None] * 5)):
        pdf = _draw(tmp_path / f"{want[0]}.pdf", xs, [["Ref"], ["Action"], ["Lead officer"], ["Due date"], [heading]],
                    rows)
        records = extract_pdf(pdf).records
        assert [r["rag_raw"] for r in records] == want, heading


def test_a_bold_header_line_in_words_nobody_listed_opens_a_band_on_one_heading_word(tmp_path):
    # Seed-71 layout 7100029: the first line of a wrapped bold header ("Latest | Governance | Strategic |
    # Barriers | Action to | Plan | Monitoring") holds fewer than half heading words; in bold above
    # plain rows it still opens the band, and the band reads as the action table's header.
    xs = [40.0, 95.0, 175.0, 230.0, 290.0, 400.0, 450.0]
    headings = [["Latest", "position"], ["Governance", "Lead and date"], ["Strategic", "objective"], ["Barriers"],
                ["Action to", "be delivered"], ["Plan"], ["Monitoring", "measure"]]
    rows = [[["Started"], ["Head of Service,", "March 2023"], ["Safe children"], ["Funding"], _wrap(a, 24),
             ["People"], _wrap(m, 24)] for a, m in zip(ACTIONS, MEASURES)]
    records = extract_pdf(_draw(tmp_path / "plan.pdf", xs, headings, rows)).records
    assert [r["action"] for r in records] == ACTIONS
    assert [r["measures"] for r in records] == [[m] for m in MEASURES]
    assert {r["lead_officer_raw"] for r in records} == {"Head of Service"}


def test_a_heading_leaning_to_the_status_over_mostly_status_cells_is_the_status():
    # Seed-71 layouts 7100028 and 7100041: "Status update" and "Current position" lean to the status too
    # weakly to name it, and a fifth of their cells say it in words of their own; the two together do.
    from pipeline.extract.columns import profile

    statuses = ["On track", "Complete", "Action complete", "Some issues", "Not started", "Off track",
                "Longer-term action not yet started", "Activity progressing with a plan to recover"]
    cells = [statuses[k % len(statuses)] for k in range(16)]
    actions = profile([ACTIONS[k % len(ACTIONS)] for k in range(16)])
    for heading in ("status update", "current position"):
        assert resolve(["action", None], [actions, profile(cells)], [False, False], [False, True], [[], []],
                       ["action", heading]) == ["action", "rag"]
    # Cells of prose under such a heading stay unassigned.
    prose = profile([MEASURES[k % len(MEASURES)] for k in range(16)])
    assert resolve(["action", None], [actions, prose], [False, False], [False, True], [[], []],
                   ["action", "current position"]) == ["action", None]


def test_an_action_header_box_holds_the_second_lines_of_its_headings_whatever_they_name(tmp_path):
    # Seed-61 layout 6100004: the first line alone ("What will | Responsible | Action | Outcome | What are
    # we | When and") names more fields than the whole two-line header, whose headings nobody listed;
    # the header's fill holds both lines, so the headings are whole and the cells decide the fields.
    xs = [40.0, 150.0, 230.0, 280.0, 400.0, 500.0]
    headings = [["What will", "be different?"], ["Responsible", "person"], ["Action", "code"],
                ["Outcome", "measures"], ["What are we", "going to do?"], ["When and", "status"]]
    rows = [[_wrap("Children are safe and well supported at home", 20), ["Head of Service"], [f"1.{k + 1}"],
             _wrap(m, 22), _wrap(a, 18), ["March 2023 - 100%"]] for k, (a, m) in enumerate(zip(ACTIONS, MEASURES))]
    pdf = _draw(tmp_path / "plan.pdf", xs, headings, rows, fill=(792.0, 780 - LEADING - 4))
    assert _headings(pdf) == ["What will be different?", "Responsible person", "Action code", "Outcome measures",
                              "What are we going to do?", "When and status"]
    assert [r["action"] for r in extract_pdf(pdf).records] == ACTIONS


def test_a_bold_header_of_mostly_unlisted_headings_is_read_whole_and_its_cells_decide(tmp_path):
    # Seed-21 layout 2100058: a bold header names three fields among six headings nobody listed, and a
    # group heading ("Monitoring") stands over two of them. The band of the group's sub-headings alone
    # scores better (fewer unknown headings), but the whole header stands over more of the body's
    # columns; its column of instructions makes it the action table's.
    from reportlab.pdfgen import canvas

    path = tmp_path / "plan.pdf"
    c = canvas.Canvas(str(path), pagesize=(842, 595), invariant=1)
    xs = [40.0, 150.0, 270.0, 360.0, 400.0, 490.0, 560.0, 640.0, 720.0]
    heads = [["What difference", "will this make?"], ["We", "will"], ["Our", "aim"], ["Line"], [], [],
             ["Barriers"], ["Update this", "quarter"], ["Pressures"]]
    c.setFont("Helvetica-Bold", SIZE)
    for x, lines in zip(xs, heads):
        for k, text in enumerate(lines):
            c.drawString(x, 540 - k * LEADING, text)
    c.drawString(xs[4], 540, "Monitoring")
    c.drawString(xs[4], 540 - 1.5 * LEADING, "Senior lead")
    c.drawString(xs[4], 540 - 2.5 * LEADING, "and date")
    c.drawString(xs[5], 540 - 1.5 * LEADING, "Current")
    c.drawString(xs[5], 540 - 2.5 * LEADING, "position")
    c.setFont("Helvetica", SIZE)
    y = 540 - 4 * LEADING - 10
    for k, (a, m) in enumerate(zip(ACTIONS, MEASURES)):
        cells = [_wrap(m, 24), _wrap(a, 26), ["Safe children"], [f"1.{k + 1}"], ["Head of HR,", "31/10/2022"],
                 ["On track"], ["Funding"], ["Reported"], ["Staffing"]]
        for x, lines in zip(xs, cells):
            for j, text in enumerate(lines):
                c.drawString(x, y - j * LEADING, text)
        y -= max(len(cell) for cell in cells) * LEADING + 10
    c.save()
    records = extract_pdf(path).records
    assert [r["action"] for r in records] == ACTIONS
    assert {r["lead_officer_raw"] for r in records} == {"Head of HR"}


def test_a_gutter_of_word_spaces_that_line_up_is_no_column_gutter():
    # Seed-21 layout 2100057: "Theme area" over a column whose few cells read "Care Leavers", the one
    # space of which stays open all the way down; cut there, the heading became a theme and a key area.
    from pipeline.extract.headers import _word_space
    from pipeline.readers.model import Word

    def word(text: str, x0: float, y: float) -> Word:
        return Word(text, x0, y, x0 + 5.5 * len(text), y + 11, 11.0)

    spaced = [w for y in (100, 300, 500) for w in (word("Care", 50, y), word("Leavers", 75.5, y))]
    assert _word_space(73.5, spaced)
    # At a column gutter some line ends or starts alone: a cell's last line, a cell beside a blank one.
    columns = spaced + [word("Care", 50, 120), word("Progress", 75.5, 140)]
    assert not _word_space(73.5, columns)


def test_a_bold_header_of_the_action_in_unlisted_words_and_one_field_heads_an_action_table(tmp_path):
    # Seed-41 layout 4100026: "What are we going to do? | End date" names one field; set in bold over a
    # column of instructions, it is a weak header its cells make the action table's.
    xs = [40.0, 400.0]
    rows = [[_wrap(f"1.{k + 1} {a}", 60), ["September 2022"]] for k, a in enumerate(ACTIONS)]
    pdf = _draw(tmp_path / "plan.pdf", xs, [["What are we going to do?"], ["End date"]], rows)
    records = extract_pdf(pdf).records
    assert [(r["action_ref"], r["action"], r["milestone_raw"]) for r in records] == [
        (f"1.{k + 1}", a, "September 2022") for k, a in enumerate(ACTIONS)]


def test_a_bold_label_and_its_title_are_a_banner_not_a_header():
    # Seed-41 layout 4100034: "Priority 1: | Voice of the Child" names a theme beside an unknown heading,
    # as a two-column header of one field would; a label ending on a colon introduces the text beside it.
    from pipeline.extract.headers import HeaderCell, _all_headings

    banner = [HeaderCell("theme", "Priority 1:", 40, 90, 0, 10), HeaderCell(None, "Voice of the Child", 95, 180, 0, 10)]
    assert not _all_headings(banner, {"theme"}, 1, bold=True)
    header = [HeaderCell(None, "What are we going to do?", 40, 150, 0, 10), HeaderCell("milestone", "End date", 400, 440, 0, 10)]
    assert _all_headings(header, {"milestone"}, 1, bold=True)
    assert not _all_headings(header, {"milestone"}, 1)


def test_a_header_box_holds_all_its_lines_whatever_kind_of_band_its_first_line_reads_as(tmp_path):
    # Seed-71 layout 7100049: a narrow column's heading wraps ("Refere" / "nce no"), and a line of the
    # header alone reads as another table's header, better than the whole, which names fewer fields among
    # headings nobody listed. The header's fill holds both lines: the headings are whole.
    xs = [40.0, 95.0, 150.0, 270.0, 310.0, 380.0, 450.0, 510.0]
    headings = [["Target", "date"], ["Lead", "officer"], ["Making it", "happen"], ["Refere", "nce no"],
                ["Update this", "quarter"], ["Latest", "position"], ["Barriers"], ["Plan"]]
    rows = [[["March 2023"], ["Head of HR"], _wrap(a, 22), [f"1.{k + 1}"], ["Reported"], ["Started"], ["Funding"],
             ["People"]] for k, a in enumerate(ACTIONS)]
    pdf = _draw(tmp_path / "plan.pdf", xs, headings, rows, fill=(792.0, 780 - LEADING - 4))
    records = extract_pdf(pdf).records
    assert [(r["action_ref"], r["action"]) for r in records] == [(f"1.{k + 1}", a) for k, a in enumerate(ACTIONS)]
    assert {"Update this quarter", "Barriers", "Plan"} <= set(dict(records[0]["extra"]))


def test_a_turned_heading_line_a_column_rule_runs_through_is_clipped_overflow():
    # Seed-71 layout 7100001, seed-61 layout 6100000: "Current position" set on its side in a cell too
    # narrow for it; its third line ("posi") runs past the column rule, where the page clips it. Joined,
    # the heading reached over the next column and took its cells.
    from pipeline.extract.headers import _turned_groups
    from pipeline.extract.text import Line
    from pipeline.readers.model import Word

    def turned(text: str, x0: float) -> Line:
        return Line((Word(text, x0, 100, x0 + 7, 140, 7.0, rotation=90),))

    groups = _turned_groups([turned("Curr", 45), turned("ent", 53), turned("posi", 72)], [40.0, 77.2])
    assert [[ln.text for ln in g] for g in groups] == [["Curr", "ent"]]
    # A line whose glyphs only touch the rule is printed inside its cell.
    assert len(_turned_groups([turned("Curr", 45), turned("ent", 53), turned("posi", 61)], [40.0, 69.0])[0]) == 3


def test_headings_set_close_over_a_body_gutter_are_parted_though_neither_is_listed(tmp_path):
    # Seed-71 layout 7100005: "Latest position" and "The issue we are tackling" stand closer than words
    # part headings; neither is listed, but each reads as a heading and the body's gutter runs between.
    from reportlab.pdfbase.pdfmetrics import stringWidth

    x1 = 40 + stringWidth("Latest position", "Helvetica-Bold", SIZE) + 4
    xs = [40.0, x1, 270.0, 420.0, 500.0]
    headings = [["Latest position"], ["The issue we are tackling"], ["Action"], ["Lead officer"], ["Target date"]]
    rows = [[_wrap("Delayed by staff changes; revised date agreed.", 14), _wrap(m, 24), _wrap(a, 26), ["Head of HR"],
             ["March 2023"]] for a, m in zip(ACTIONS, MEASURES)]
    pdf = _draw(tmp_path / "plan.pdf", xs, headings, rows)
    assert _headings(pdf) == ["Latest position", "The issue we are tackling", "Action", "Lead officer", "Target date"]


def test_another_tables_band_grown_by_its_box_into_a_weak_header_is_decided_by_its_cells(tmp_path):
    # Seed-91 layout 9100046 (a regression this change made, and mended): the first line of a boxed
    # header ("Who | What are we | Status | Update this | Risks") reads as another table's header; grown
    # to the box's foot it names one field among headings nobody listed, a weak header, and its column
    # of instructions makes it the action table's.
    xs = [40.0, 130.0, 300.0, 370.0, 460.0]
    headings = [["Who", "leads?"], ["What are we", "going to do?"], ["Status", "update"], ["Update this", "quarter"],
                ["Risks"]]
    rows = [[["Head of HR"], _wrap(a, 30), ["B"], ["Reported to the", "board"], ["Funding"]] for a in ACTIONS]
    pdf = _draw(tmp_path / "plan.pdf", xs, headings, rows, fill=(792.0, 780 - LEADING - 4))
    records = extract_pdf(pdf).records
    assert [(r["action"], r["lead_officer_raw"]) for r in records] == [(a, "Head of HR") for a in ACTIONS]


def test_a_band_that_starts_within_the_height_of_the_band_above_goes_on_that_header():
    # Seed-61 layout 6100025: turned headings ("Referen" / "ce no", "Overall" / "status") stand beside the
    # header's lines; the band of its lower headings ("Barriers | Risks") starts within their height, with
    # a turned line between, so it goes on the header above, not a table of its own.
    from pipeline.extract.headers import _next_band
    from pipeline.extract.text import Line
    from pipeline.readers.model import Word

    def at(top: float, bottom: float, text: str = "Heading", rotation: int = 0) -> Line:
        return Line((Word(text, 40, top, 80, bottom, 9.0, rotation=rotation),))

    lines = [at(100, 110), at(100, 140, "Referen", 90), at(101, 140, "Overall", 90), at(125, 135, "Barriers"),
             at(160, 170, "Review")]
    assert _next_band(lines, 0, 1, 3)
    assert _next_band(lines, 0, 1, 2)
    assert not _next_band(lines, 0, 1, 4)


def test_a_header_box_holds_the_headings_turned_on_their_side_however_tall(tmp_path):
    # Seed-111 layout 11100033: headings set on their side make the header row taller than a box is
    # looked for (15 ems of 8 pt); its fill ends below them, and they are read with the header.
    from reportlab.pdfgen import canvas

    path = tmp_path / "plan.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842), invariant=1)
    top, foot = 800.0, 660.0  # 140 pt: over 15 ems of 8 pt
    c.setFillColorRGB(0.85, 0.9, 0.95)
    c.rect(36, foot, 520, top - foot, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    c.setFont("Helvetica-Bold", 8)
    for x, h in ((40, "Action"), (250, "Lead officer"), (400, "Target date")):
        c.drawString(x, top - 10, h)
    c.saveState()
    c.translate(220, foot + 6)
    c.rotate(90)
    c.drawString(0, 0, "Ref number")
    c.restoreState()
    c.setFont("Helvetica", 8)
    y = foot - 14
    for k, a in enumerate(ACTIONS):
        c.drawString(40, y, a[:40])
        c.drawString(214, y, f"1.{k + 1}")
        c.drawString(250, y, "Head of HR")
        c.drawString(400, y, "March 2023")
        y -= 20
    c.save()
    records = extract_pdf(path).records
    assert [(r["action_ref"], r["action"]) for r in records] == [(f"1.{k + 1}", a[:40].strip()) for k, a in enumerate(ACTIONS)]



def test_a_turned_heading_that_starts_beside_the_band_and_runs_below_it_is_read_with_it():
    # Seed-111 layout 11100029: "Index", set on its side in a narrow column, starts beside the header's
    # first line (2 pt above it) and runs below its last; it was left out, and its column's references.
    from pipeline.extract.headers import _belongs_above
    from pipeline.extract.text import Line
    from pipeline.readers.model import Word
    from pipeline.settings import DEFAULT_SETTINGS

    def at(top: float, bottom: float, text: str, rotation: int = 0) -> Line:
        return Line((Word(text, 40, top, 80, bottom, 9.0, rotation=rotation),))

    band = [at(77, 87, "Responsible person"), at(89, 99, "and date")]
    assert _belongs_above(at(75, 106.2, "Index", 90), band, [], None, DEFAULT_SETTINGS)  # type: ignore[arg-type]
    # One that starts well above the band, or below it, is another line's.
    assert not _belongs_above(at(40, 106, "Index", 90), band, [], None, DEFAULT_SETTINGS)  # type: ignore[arg-type]
    assert not _belongs_above(at(100, 130, "Index", 90), band, [], None, DEFAULT_SETTINGS)  # type: ignore[arg-type]


def _word(text: str, x0: float, top: float, size: float = 10.0, rotation: int = 0, bold: bool = False):
    from pipeline.readers.model import Word

    return Word(text, x0, top, x0 + 5.5 * len(text), top + size, size, bold, rotation)


def test_body_gutters_take_a_word_below_by_its_middle():
    # A heading turned on its side reaches a hair into the first row's line (seed-131 layout 13100018):
    # the first row's words are still the body's, so no gutter opens inside "Safeguarding".
    from pipeline.extract.headers import body_gutters
    from pipeline.readers.model import Page

    words = [_word("Safeguarding", 42, 263.8), _word("at", 42, 278.5), _word("the", 57, 278.5),
             _word("Front", 78, 278.5), _word("Door", 42, 293.2), _word("Develop", 200, 263.8),
             _word("Review", 200, 278.5), _word("Launch", 200, 293.2)]
    page = Page(1, 600, 800, words)
    assert all(not 42 < g < 120 for g in body_gutters(page, 264.5, 0, 600))


def test_the_numbered_title_of_a_banner_is_no_heading():
    from pipeline.extract.headers import HeaderCell, _numbered_banner

    def cells(*texts: str) -> list[HeaderCell]:
        return [HeaderCell(None, t, 0, 1, 0, 1) for t in texts]

    assert _numbered_banner(cells("Priority 2: Early", "Help and Prevention"))
    assert _numbered_banner(cells("Theme 3 - Workforce"))
    assert _numbered_banner(cells("Deliverable Priority 1: Practice Quality", "Who leads?"))
    assert not _numbered_banner(cells("Ref", "Action", "Target 2024", "RAG status"))


def test_a_bold_line_of_headings_in_pieces_opens_a_band_on_one_heading_word():
    # "Monitoring | Agreed action" (seed-131 layout 13100030): a bold title is one piece, a row of
    # headings is several, though it runs to fewer words than a bold band otherwise needs.
    from pipeline.extract.headers import DEFAULT_SETTINGS, _bold_row, heading_vocabulary
    from pipeline.extract.text import page_lines
    from pipeline.readers.model import Page

    vocab = heading_vocabulary(())
    row = Page(1, 600, 800, [_word("Monitoring", 45, 47, bold=True), _word("Agreed", 282, 47, bold=True),
                             _word("action", 322, 47, bold=True)])
    title = Page(1, 600, 800, [_word("Agreed", 45, 47, bold=True), _word("action", 85, 47, bold=True)])
    plain = Page(1, 600, 800, [_word("Monitoring", 45, 47), _word("Agreed", 282, 47), _word("action", 322, 47)])
    assert _bold_row(row, page_lines(row)[0], vocab, DEFAULT_SETTINGS)
    assert not _bold_row(title, page_lines(title)[0], vocab, DEFAULT_SETTINGS)
    assert not _bold_row(plain, page_lines(plain)[0], vocab, DEFAULT_SETTINGS)


def test_a_band_opening_in_lower_case_under_the_line_above_it_is_the_middle_of_a_body_row():
    """Found on a fresh seed's layout (19100057): at the top of a page, the middle lines of a ruled row
    ('funding requested | Action Plan to implement ... | Parenting Lead | resources available to deliver
    the Action Plan.') named the action and the lead officer and were read as a header, so every row after
    it lost its hierarchy. They run on from the line above, set as close as a paragraph's next line with no
    rule between: a heading never does. With a rule between, the same lines are left to the other tests."""
    from types import SimpleNamespace

    from pipeline.extract.headers import HeaderCell, _runs_on_from_above
    from pipeline.extract.text import Line
    from pipeline.readers.model import Rule, Word

    def line(top, *words):
        return Line(tuple(Word(t, x0, top, x0 + 6 * len(t), top + 9, 9.0) for t, x0 in words))

    lines = [line(256, ("Additional", 50), ("Create a working group and", 200), ("Corporate", 420)),
             line(268, ("funding", 50), ("Action Plan to implement", 200), ("Parenting", 420))]
    cells = [HeaderCell("ignore:extra", "funding requested", 50, 110, 268, 290),
             HeaderCell("action", "Action Plan to implement", 200, 350, 268, 290),
             HeaderCell("lead_officer", "Parenting Lead", 420, 480, 268, 290)]
    page = SimpleNamespace(hrules=[], fills=[])
    assert _runs_on_from_above(page, lines, 1, cells)
    ruled = SimpleNamespace(hrules=[Rule(40, 266, 500, 266)], fills=[])
    assert not _runs_on_from_above(ruled, lines, 1, cells)
    capitalised = [HeaderCell(c.field, c.text.capitalize(), c.x0, c.x1, c.top, c.bottom) for c in cells]
    assert not _runs_on_from_above(page, lines, 1, capitalised)


def test_a_heading_that_repeats_its_joining_words_many_times_is_read_without_recursing_into_each():
    """Fuzz structure mutant 223 of layout-tracker.pdf (2026-12-03): a page drawn over itself through
    nested form XObjects made one line of hundreds of 'and's, and reading it as a combined heading recursed
    once per joining word until Python gave up (an internal error). Each half of a combined heading names
    one field, so a half is never read as a combined heading again."""
    from pipeline.extract.headers import match_heading

    assert match_heading("Lead officer and date") == "lead_officer_and_milestone"
    assert match_heading("Date and RAG") == "milestone_and_rag"
    assert match_heading(" and ".join(["Lead officer", "date"] * 2000)) != "lead_officer_and_milestone"


def test_a_section_row_across_the_body_leaves_the_gutters_of_the_columns_open():
    """Found on fresh seed 201's layout 20100033: a bold section row ('Priority 1: Practice Quality') crossed
    the gutter between two columns, so no gutter parted the headings above them ('Responsible | What are
    we going to') and the header was lost. A run of words alone on its line, in bold or over half the page
    wide, crosses the gutters without closing them; a heading's last word alone on its line does not."""
    from types import SimpleNamespace

    from pipeline.extract.headers import body_gutters
    from pipeline.readers.model import Word

    def w(text, x0, top, bold=False):
        return Word(text, x0, top, x0 + 6 * len(text), top + 9, 9.0, bold)

    rows = [w(t, x, y) for y in (300, 340, 380, 420) for t, x in (("Finance", 50), ("Recruit", 120), ("Awaiting", 250))]
    banner = [w("Priority", 50, 280, True), w("1:", 100, 280, True), w("Practice", 114, 280, True)]
    page = SimpleNamespace(words=rows + banner, width=600.0, height=800.0, hrules=[], vrules=[], fills=[])
    assert any(92 < g < 120 for g in body_gutters(page, 270, 0, 600))
    page = SimpleNamespace(words=rows + [w("Priority", 50, 280), w("1:", 100, 280), w("Practice", 114, 280)],
                           width=600.0, height=800.0, hrules=[], vrules=[], fills=[])
    assert not any(92 < g < 120 for g in body_gutters(page, 270, 0, 600))  # not bold, narrow: a cell's line


def test_a_heading_is_not_parted_where_a_column_left_blank_below_opens_a_gutter_inside_it():
    """Found on fresh seed 201's layout 20100040: on pages where the outcome column is blank (its text is
    given once per group), the white below opened a gutter between 'Outcome' and 'we expect', the header
    read 'Outcome | we expect' and was no header at all. A piece opening in lower case beside one in
    capitals runs on from it."""
    from types import SimpleNamespace

    from pipeline.extract.headers import cells_for_band
    from pipeline.extract.text import Line
    from pipeline.readers.model import Word

    words, x = [], 40.0
    for t in "Lead officer   Outcome we expect   Rationale".split(" "):
        if t:
            words.append(Word(t, x, 50, x + 6 * len(t), 59, 9.0, True))
            x += 6 * len(t) + 3
        else:
            x += 14
    page = SimpleNamespace(words=words, width=600.0, hrules=[], vrules=[], fills=[])
    outcome_x1 = next(w.x1 for w in words if w.text == "Outcome")
    cells = cells_for_band(page, [Line(tuple(words))], [outcome_x1 + 1.5])
    assert "Outcome we expect" in [c.text for c in cells], [c.text for c in cells]


def test_headings_set_close_each_flush_over_its_column_are_no_group_heading():
    """Found on fresh seed 211's layout 21100012 (LibreOffice, unruled, two-level): 'Update this' and 'What
    are we' were set a word space apart, read as one chunk across the body's gutter with headings under it
    on both sides, and left out as a group heading; the header was lost. Parted where the gutter runs
    through a word space and the next word stands flush over the heading below, they are two headings;
    'Monitoring' over 'Current position' and 'Measures of impact' is still a group heading."""
    from types import SimpleNamespace

    from pipeline.extract.headers import cells_for_band
    from pipeline.extract.text import Line
    from pipeline.readers.model import Word

    rows = [[("Update", 42.1, 78.2), ("this", 81.4, 100.5), ("What", 107.0, 133.6), ("are", 136.8, 153.0),
             ("we", 156.2, 169.6), ("Monitoring", 236.9, 294.0), ("Who", 396.9, 419.5), ("Rationale", 466.2, 514.6)],
            [("quarter", 42.1, 80.1), ("going", 107.0, 135.5), ("to", 138.7, 148.8), ("do?", 151.9, 169.4),
             ("Current", 236.9, 276.4), ("Measures", 284.4, 333.0), ("of", 336.2, 346.0), ("leads?", 396.9, 428.5)],
            [("position", 236.9, 277.7), ("impact", 284.4, 319.0)]]
    band = [Line(tuple(Word(t, a, top, b, top + 9, 9.0, True) for t, a, b in row))
            for top, row in zip((95.2, 109.4, 123.5), rows)]
    page = SimpleNamespace(words=[w for ln in band for w in ln.words], width=612.0, hrules=[], vrules=[], fills=[])
    texts = [c.text for c in cells_for_band(page, band, [103.0, 234.0, 281.0, 393.0, 462.0])]
    assert texts[:2] == ["Update this quarter", "What are we going to do?"], texts
    assert "Current position" in texts and "Measures of impact" in texts and not any("Monitoring" in t for t in texts)


def test_a_band_opening_inside_a_shaded_header_row_under_a_line_it_holds_is_that_headers_lower_half():
    """Found on fresh seed 221's layout 22100041 (LibreOffice, two-level header in a shaded row): the line
    'Lead manager | How | quarter' named three fields and was read as another table's header, which hid
    the whole header ('What will we do?', 'How are we doing?', 'Update this quarter'); no action table was
    found. 'quarter' stands under 'Update this' in one shaded box: a band opening there is the lower half
    of a header, and the header opens on the box's first line."""
    from pipeline.extract.headers import find_all_headers

    page = load_page("two-level-shaded-header")
    actions, others = find_all_headers(page)
    texts = [[c.text for c in h.cells] for h in actions + others]
    assert any("What will we do?" in t and "Update this quarter" in t for t in texts), texts
    assert not any("quarter" in t for t in texts), texts


def test_a_heading_cell_opening_on_a_bullet_is_a_body_cell():
    """Found on dev seed 211's layout 21100012 (striped rows): a body row whose cells hold cue words
    ('Action not on', '• There will be evidence of effective') scored as an action table's header. A
    heading never opens on a list bullet."""
    from pipeline.extract.headers import HeaderCell, _reads_as_prose

    cells = [HeaderCell("action", "Action not on", 234, 281, 265, 275),
             HeaderCell("measures", "\u2022 There will be evidence of effective", 282, 394, 265, 275)]
    assert _reads_as_prose(cells)
    assert not _reads_as_prose([cells[0], HeaderCell("measures", "Evidence of impact", 282, 394, 265, 275)])


def test_a_heading_word_broken_for_a_narrow_column_is_made_whole_by_the_word_list():
    """Found on fresh seed 221's layout 22100009: 'Index', set in a column too narrow for it, printed as
    'Ind' / 'ex'. Neither piece is a word alone, the whole is: one word. Two words that stand alone
    ('Lead' / 'officer') stay two."""
    from pipeline.extract.headers import _group_text
    from pipeline.extract.text import Line
    from pipeline.readers.model import Word

    def line(text, top):
        return Line((Word(text, 40, top, 40 + 6 * len(text), top + 9, 9.0),))

    assert _group_text([line("Ind", 100), line("ex", 110)]) == "Index"
    assert _group_text([line("Lead", 100), line("officer", 110)]) == "Lead officer"


def test_turned_headings_side_by_side_are_parted_at_the_wall_of_a_column_of_colours_below():
    """Found on fresh seed 221's layout 22100023: a status shown by colour alone, under the turned heading
    'Current' set a hair from the turned 'Reference no' (which ran past its own cell). Read as one heading
    'Reference no Current', the status column was lost and every status with it. The side walls of the
    filled cells below part them."""
    from pipeline.extract.headers import cells_for_band
    from pipeline.extract.text import Line
    from pipeline.readers.model import Fill, Page, Word

    def turned(text, x0, top):
        return Line((Word(text, x0, top, x0 + 11.0, 322.5, 11.0, True, 90),))

    band = [turned("Refere", 355.3, 281.4), Line((Word("nce", 370.0, 300.7, 381.0, 322.5, 11.0, True, 90),
                                                  Word("no", 370.0, 281.4, 381.0, 296.9, 11.0, True, 90))),
            turned("Curren", 381.5, 280.5), turned("t", 396.2, 317.2)]
    cells = [Fill(376.2, top, 406.0, top + 100, "#0070c0") for top in (323.0, 423.0, 523.0)]
    page = Page(3, 595.0, 842.0, [w for ln in band for w in ln.words], fills=cells)
    texts = [c.text for c in cells_for_band(page, band)]
    assert texts == ["Reference no", "Current"], texts
    # One filled cell lower down is no column of them: no wall.
    page = Page(3, 595.0, 842.0, page.words, fills=cells[1:2])
    assert [c.text for c in cells_for_band(page, band)] == ["Reference no Current"]
    # The first row's filled cell, right under the header, is its column's (a header at a page's foot
    # has one row under it: layout 65100029).
    page = Page(3, 595.0, 842.0, page.words, fills=cells[:1])
    assert [c.text for c in cells_for_band(page, band)] == ["Reference no", "Current"]


def test_a_band_of_unlisted_headings_that_lean_to_fields_is_a_weak_header():
    """Found on fresh seed 231's layout 23100059: 'The issue we are tackling', 'Theme area', 'How are we
    doing?', 'Latest position' and 'Action code' are listed nowhere; with two fields named, six unknown
    headings were too many and the band was no header. Their cue words lean to fields: only the headings
    that lean nowhere ('Barriers') count against the band."""
    from pipeline.extract.headers import HeaderCell, _score
    from pipeline.settings import DEFAULT_SETTINGS

    texts = [("Deliverables", "measures"), ("The issue we are tackling", None), ("Theme area", None),
             ("Who leads?", "lead_officer"), ("How are we doing?", None), ("Latest position", None),
             ("Action code", None), ("Barriers", None)]
    cells = [HeaderCell(f, t, 40.0 + 60 * k, 90.0 + 60 * k, 194, 222) for k, (t, f) in enumerate(texts)]
    scored = _score(cells, DEFAULT_SETTINGS, bold=True)
    assert scored is not None and scored[1] is None
    silent = [HeaderCell(None, t, 40.0 + 60 * k, 90.0 + 60 * k, 194, 222)
              for k, t in enumerate(["Barriers", "Governance", "Remarks here", "Notes", "Other", "Misc"])]
    assert _score(cells[:1] + cells[3:4] + silent, DEFAULT_SETTINGS, bold=True) is None


def test_lines_of_a_heading_word_broken_for_a_narrow_column_finish_the_header():
    """The same layout: 'Action code' set in a narrow column runs 'Acti' / 'on' / 'cod' / 'e'. The band
    that stopped at 'on' headed as many columns as the whole one, and 'cod' / 'e' became a row of their
    own above the first action. Lines that are only word pieces finish the header."""
    from pipeline.extract.headers import find_all_headers

    page = load_page("broken-heading-word")
    actions, others = find_all_headers(page)
    texts = [[c.text for c in h.cells] for h in actions + others]
    assert any("Action code" in t and "Who leads?" in t for t in texts), texts


def test_headings_turned_on_their_side_beside_a_header_are_its_own_whatever_they_say():
    """Found on fresh seed 231's layout 23100041: two turned headings clipped by a header row one line
    tall ('H' / 'ow' / 'ar', 'Re' / 'fer' / 'en') named nothing, the grown band read weaker than the
    line beside them, and their columns (the statuses, the references) were left out on every page."""
    from pipeline.extract.headers import find_all_headers

    page = load_page("clipped-turned-headings")
    actions, _ = find_all_headers(page)
    assert len(actions) == 1
    assert len(actions[0].cells) == 8, [c.text for c in actions[0].cells]


def test_a_heading_that_holds_a_status_symbol_is_a_body_cell():
    """Found on fresh seed 231's layout 23100021: a body row's first line ('There will be evidence |
    Progress | Develop and deliver a series | Ongoing – ✔') read as an action table's header on a page
    with none. A heading never holds a status shown as a symbol."""
    from pipeline.extract.headers import HeaderCell, _reads_as_prose

    cells = [HeaderCell("rag", "Progress", 100, 150, 50, 60), HeaderCell(None, "Ongoing \u2013 \u2714", 160, 220, 50, 60)]
    assert _reads_as_prose(cells)
    assert not _reads_as_prose([cells[0], HeaderCell(None, "Due date", 160, 220, 50, 60)])


def test_of_two_columns_that_show_a_status_the_one_stating_it_outright_takes_it():
    """Found on fresh seed 231's layout 23100059: a theme column printed once per group, its few cells
    pooled with an indicator table's ('62%'), showed the status as a stock scale as much as the status
    column did, and neither took it. The column whose cells nearly all state a status outright does."""
    from pipeline.extract.columns import by_content, profile

    statuses = profile(["Complete", "On track", "Off track", "Complete", "On track", "Not started"])
    titles = profile(["Practice Quality", "62%", "On track", "Early Help", "58%"])
    assert by_content([None, None], [titles, statuses], [True, True]) == [None, "rag"]


def test_a_heading_over_a_column_left_blank_is_not_parted_at_the_white_below_it():
    """Found on fresh seed 241's layout 24100000: on pages where the theme (printed once per group) is
    blank, the white under 'Theme area' made a gutter between its words, and the heading was parted into
    'Theme' (theme) and 'area' (key area): two columns where the page has one. A gutter whose white lies
    under both words beside it is no evidence of two columns; nor is a heading whose cue words point to
    fields, torn between them, parted into known words."""
    from pipeline.extract.headers import Gutters, cells_for_band
    from pipeline.extract.text import Line
    from pipeline.readers.model import Page, Word

    words = (Word("Remarks", 398.5, 46.9, 432.9, 53.9, 7.0, True), Word("Theme", 475.3, 46.9, 501.8, 53.9, 7.0, True),
             Word("area", 504.3, 46.9, 521.9, 53.9, 7.0, True), Word("Lead", 541.9, 46.9, 560.8, 53.9, 7.0, True))
    page = Page(4, 960.0, 540.0, list(words))
    blank = Gutters([505.6], [(469.3, 541.9)])
    assert [c.text for c in cells_for_band(page, [Line(words)], blank)] == ["Remarks", "Theme area", "Lead"]
    assert [c.text for c in cells_for_band(page, [Line(words)], [])] == ["Remarks", "Theme area", "Lead"]
    # White between two columns' texts still parts headings set close, each opening in capitals (one in
    # lower case runs on from the heading before it: tests/test_fresh_seed_471.py).
    capitals = tuple(dataclasses.replace(w, text="Area") if w.text == "area" else w for w in words)
    between = Gutters([503.0], [(502.0, 504.0)])
    assert [c.text for c in cells_for_band(page, [Line(capitals)], between)] == ["Remarks", "Theme", "Area", "Lead"]
    assert [c.text for c in cells_for_band(page, [Line(words)], between)] == ["Remarks", "Theme area", "Lead"]


def test_a_status_figure_broken_over_the_lines_of_a_narrow_cell_reads_as_a_status():
    """Found on fresh seed 241's layout 24100055: '100%' broken as '10' / '0' / '%' in a narrow status
    column read as no status, and the column (under a heading broken as 'Over all st at us') lost every
    status."""
    from pipeline.extract.columns import profile

    assert profile(["10 0 %", "50 %", "25%", "10 0 %"]).status_share == 1.0
    assert profile(["10 0 apples", "Head of HR"]).status_share == 0.0


def test_a_heading_that_ends_on_a_comma_is_a_body_cell():
    """Found on fresh seed 271's layout 27100050 (a grid): a body row's first line ('Additional funding |
    Assistant Director, | Progress reported to | Create a working group and Action Plan to | Complete')
    read as an action table's header, and the rows under it lost their officers and statuses. A heading
    never ends on a comma."""
    from pipeline.extract.headers import HeaderCell, _reads_as_prose

    assert _reads_as_prose([HeaderCell("rag", "Progress", 100, 150, 50, 60),
                            HeaderCell(None, "Assistant Director,", 160, 220, 50, 60)])


def test_a_one_word_heading_wrapped_in_its_own_narrow_column_is_parted_from_the_heading_beside_it():
    """Found on fresh seed 271's layout 27100047: 'Line', set as 'Lin' / 'e' in a narrow column, ran into
    'What will success / look like?' beside it ('Lin What will success e look like?'), and both the
    references and the measures were lost. The body's gutter parts them: a piece set on lines of its own
    is a heading, one word though it is."""
    from pipeline.extract.headers import cells_for_band
    from pipeline.extract.text import Line
    from pipeline.readers.model import Page, Word

    def w(t, x0, x1, top):
        return Word(t, x0, top, x1, top + 11, 11.0, True)

    band = [Line((w("Lin", 225.7, 245.6, 100), w("What", 253.3, 285.9, 100), w("will", 289.7, 311.6, 100),
                  w("success", 315.5, 362.4, 100))),
            Line((w("e", 225.7, 232.7, 113), w("look", 253.3, 279.7, 113), w("like?", 283.6, 313.0, 113)))]
    page = Page(2, 612.0, 792.0, [x for ln in band for x in ln.words])
    texts = [c.text for c in cells_for_band(page, band, [248.2])]
    assert texts == ["Line", "What will success look like?"], texts


def test_a_band_naming_the_action_and_one_field_among_unlisted_headings_that_lean_is_a_weak_header():
    """Found on fresh seed 281's layout 28100039: 'Agreed action | RAG rating (current) | Latest position |
    Barriers' named two fields, too few for a header, and a band that names the action was never weak:
    no action table was found. With most of its unlisted headings leaning to fields, it is weak, and its
    cells decide. A body row's line is not: its cells hold a reference or a figure among their words."""
    from pipeline.extract.headers import HeaderCell, _score
    from pipeline.settings import DEFAULT_SETTINGS

    texts = [("Agreed action", "action"), ("RAG rating (current)", "rag"), ("Latest position", None), ("Barriers", None)]
    cells = [HeaderCell(f, t, 40.0 + 150 * k, 150.0 + 150 * k, 50, 62) for k, (t, f) in enumerate(texts)]
    scored = _score(cells, DEFAULT_SETTINGS)
    assert scored is not None and scored[1] is None
    body = [("Develop an Action Plan an 4.2", "action"), ("Assistant Dir\u2010 Monthly", None),
            ("There will be evidence 90%", "measures")]
    assert _score([HeaderCell(f, t, 40.0 + 150 * k, 150.0 + 150 * k, 50, 62) for k, (t, f) in enumerate(body)],
                  DEFAULT_SETTINGS) is None


def test_two_header_bands_with_no_line_between_are_one_header_though_joined_they_read_weak():
    """Found on fresh seed 291's layout 29100004 (LibreOffice, 'Progress' over 'Latest position' and 'What
    difference will this make?', no rule between the header's lines): its first line and its lower two
    each read as an action table's header, and the table was read as two headers and no rows; every
    theme, lead officer and milestone was lost. Joined, the lines name fields among headings nobody
    listed (a weak header): two action bands with no line between are one header all the same. The
    body's first row, right under it ('Green | Progress actions agreed | Delayed by'), is no weak header."""
    from pipeline.extract.headers import find_all_headers

    page = load_page("two-level-header-first-row")
    actions, others = find_all_headers(page)
    texts = [[c.text for c in h.cells] for h in actions]
    assert len(actions) == 1 and "Due date and rating" in texts[0] and "Update this quarter" in texts[0], texts
    assert not others, [[c.text for c in h.cells] for h in others]


def test_turned_headings_side_by_side_part_where_the_white_between_lines_is_clearly_wider():
    """Found on fresh seed 291's layout 29100038 (LibreOffice, rules across only): the turned 'Ref' /
    'numbe' stood beside the turned 'How' / 'are we' / 'doing?', 3.7 pt between the lines of each and 8.5
    pt between the two headings. Read as one heading, 'Ref numbe How are we doing?', the status column
    was lost and every status landed in the reference. Lines of one heading stand evenly apart; a gap
    clearly wider parts two. Evenly spaced lines stay one heading."""
    from pipeline.extract.headers import _turned_groups
    from pipeline.extract.text import Line
    from pipeline.readers.model import Word

    def turned(text, x0):
        return Line((Word(text, x0, 427.0, x0 + 11.0, 469.1, 11.0, True, 90),))

    lines = [turned("Ref", 666.1), turned("numbe", 680.8), turned("How", 700.3), turned("are we", 715.0),
             turned("doing?", 729.7)]
    assert [[ln.text for ln in g] for g in _turned_groups(lines, ())] == [["Ref", "numbe"], ["How", "are we", "doing?"]]
    even = [turned(t, 666.1 + 14.7 * k) for k, t in enumerate(["Self-", "rat", "ing", "(cur", "rent)"])]
    assert len(_turned_groups(even, ())) == 1


def test_a_question_heading_may_open_on_a_joining_word_before_its_question_word():
    """Found on fresh seed 301's layout 30100006 (WeasyPrint, 'Governance' over 'By when?' and 'How are we
    doing?'): 'By when?' opened on 'by', a word no heading opens on, so the band was not heading-shaped
    and no header was found in the whole plan. A question opens so before its question word; a line of
    prose that opens on a joining word still reads as none."""
    from pipeline.extract.headers import _whole_heading

    assert _whole_heading("By when?") and _whole_heading("With whom?")
    assert not _whole_heading("by the end of") and not _whole_heading("to the service")


def test_a_one_word_heading_flush_over_its_columns_text_parts_from_the_heading_a_gutter_before_it():
    """Found on fresh seed 301's layout 30100004 (reportlab, 11 pt): 'What difference will' and 'Rationale'
    stood 7.7 pt apart, over two columns a white gutter parts below. A one-word piece counted as no
    heading of its own, so the two were read as one ('What difference will Rationale this make?') and
    the outcome and objective columns ran together. 'Rationale' stands flush over its column's text:
    a heading. (The gutters a heading is parted at keep the white runs that show where text starts.)"""
    from pipeline.extract.headers import find_all_headers

    page = load_page("headings-a-gutter-apart")
    actions, _ = find_all_headers(page)
    texts = [c.text for c in actions[0].cells]
    assert "What difference will this make?" in texts and "Rationale" in texts, texts


def test_a_piece_in_lower_case_runs_on_from_the_heading_before_it_though_a_gutter_parts_them():
    from pipeline.extract.headers import HeaderCell, _pieces_are_headings

    pieces = [(HeaderCell(None, "Plan", 300.0, 322.0, 100, 110), 1), (HeaderCell("ref", "ref", 326.0, 340.0, 100, 110), 1)]
    assert not _pieces_are_headings(pieces, "fields", [300.0, 326.0])
    flush = [(HeaderCell(None, "What difference will this make?", 282.9, 408.0, 100, 125), 2),
             (HeaderCell(None, "Rationale", 415.6, 474.5, 100, 110), 1)]
    assert _pieces_are_headings(flush, "fields", [282.9, 415.6])
    assert not _pieces_are_headings(flush, "fields", [282.9])


def test_another_tables_band_that_is_the_first_line_of_a_fuller_weak_header_gives_way_to_it():
    """Found on fresh seed 301's layout 30100025 (LibreOffice, 'Progress' over 'What difference will this
    make?' and a turned 'Index'): the header's first line, 'Remarks | Lead manager | Progress | What are
    we', names fields but no action and was read as another table's header; the whole header, which
    stands over more of the body's columns, was left out, and its action column ('What are we going to
    do?') with it. The cut-short band gives way to the weak header that holds it."""
    from pipeline.extract.headers import find_all_headers

    page = load_page("group-heading-cut-short")
    actions, others = find_all_headers(page)
    assert not actions and len(others) == 1 and others[0].weak, [[c.text for c in h.cells] for h in others]
    assert "What are we going to do?" in [c.text for c in others[0].cells]
