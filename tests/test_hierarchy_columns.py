"""Levels of a plan's hierarchy read from how a column repeats, not from its heading (issue 12). Found on
layouts of dev seeds 21 and 31 with wordings schemas/headers.json does not hold ("The issue we are
tackling", "What will be different?", "Shared ambition"), where every row's outcome or objective was
lost; and the evidence around it: which blank cells mean "same as above", which line-end breaks split a
word, which rule closes a header."""

from __future__ import annotations

from collections import Counter

from pipeline.assemble.rows import RawRow, _repeats_levels
from pipeline.extract.columns import levels_by_structure, profile, resolve, shows_group
from pipeline.extract.headers import HeaderCell, _reads_as_prose, _ruled_off
from pipeline.extract.text import INNER, Line, broken_words
from pipeline.readers.model import Rule, Word

OBJECTIVES = [f"Objective {k}: staff have the time and skills to do direct work with every family" for k in range(4)]
ACTIONS = [f"Review the service plan number {k} with partners and publish it" for k in range(16)]


def test_a_column_of_sentences_that_runs_on_down_its_groups_is_a_level():
    # Repeated row after row while the group goes on ...
    repeated = profile([OBJECTIVES[k // 4] for k in range(16)])
    # ... or printed once per group, the rows below it left blank.
    blank = profile([OBJECTIVES[k // 4] if k % 4 == 0 else "" for k in range(16)])
    assert shows_group(repeated) and shows_group(blank)
    # Stock comments drawn from a few wordings come back anywhere, not in runs: no level.
    comments = ["Escalation to the Improvement Board if slippage continues.",
                "Additional funding requested from the Cabinet Member.",
                "Interim cover arranged through the agency framework."]
    pool = profile([comments[(k * 7) % 3] for k in range(16)])
    assert not shows_group(pool)
    # The actions themselves, all different, are no level either; nor are short officer titles.
    assert not shows_group(profile(ACTIONS))
    assert not shows_group(profile(["Head of Service"] * 8 + ["Service Manager"] * 8))


def test_a_level_printed_once_per_group_may_restate_its_texts_under_other_parents():
    """Seed-31 layout 3100021: an objective column printed once per group, blank below, where 21 of 51
    cells restate an objective stated earlier (one objective under several outcomes). It is a level;
    a sparse column of stock comments, each wording coming back many times, is not."""
    texts = [f"Objective {k}: staff have the time and skills to do direct work with family {k}" for k in range(10)]
    # 20 groups of three rows; the last 10 restate objectives 0-7 (0 and 1 twice).
    cells = [texts[g if g < 10 else g % 8] if r == 0 else "" for g in range(20) for r in range(3)]
    restated = profile(cells)
    assert restated.scattered >= 0.4 * restated.cells and shows_group(restated)
    comments = ["Escalation to the Improvement Board if slippage continues.",
                "Additional funding requested from the Cabinet Member."]
    sparse = profile([comments[(k // 2) % 2] if k % 2 == 0 else "" for k in range(60)])
    assert not shows_group(sparse)


def test_an_unnamed_level_takes_the_level_its_place_fits_and_its_heading_leans_to():
    outcomes = profile([f"Outcome {k // 8}: children are safe and well supported at home" for k in range(16)])
    objectives = profile([OBJECTIVES[k // 4] for k in range(16)])
    actions = profile(ACTIONS)
    # The outcome is named; the unnamed column repeats more texts than it, so it sits below: the objective.
    assert levels_by_structure(["outcome", None, "action"], [outcomes, objectives, actions], [False, True, False],
                               ["outcome", "the issue we are tackling", "action"]) == ["outcome", "objective", "action"]
    # Nothing named: the highest level below the theme (a theme is a title, these are sentences), unless
    # the heading's cue words lean, however weakly, to another (seed-41 layout 4100012: one level column,
    # "What difference will this make?", read as the theme).
    assert levels_by_structure([None, "action"], [objectives, actions], [True, False],
                               ["what will be different?", "action"]) == ["outcome", "action"]
    # Sentences are an outcome or objective, whatever the heading says: a theme or key area is a title.
    assert levels_by_structure([None, "action"], [objectives, actions], [True, False],
                               ["key priority", "action"])[0] in ("outcome", "objective")
    titles = profile([f"Practice area {k // 4}" for k in range(16)])
    assert levels_by_structure([None, "action"], [titles, actions], [True, False],
                               ["key priority", "action"]) == ["theme", "action"]
    assert levels_by_structure([None, "action"], [titles, actions], [True, False],
                               ["domain", "action"]) == ["key_area", "action"]
    assert levels_by_structure([None, "action"], [objectives, actions], [True, False],
                               ["the issue we are tackling", "action"]) == ["objective", "action"]


def test_two_columns_named_for_one_level_are_that_level_and_the_one_below():
    themes = profile([f"Theme {k // 8}: Practice Quality and Standards" for k in range(16)])
    outcomes = profile([f"Outcome {k // 4}: children are safe and well supported at home" for k in range(16)])
    # "Key priority" and "Shared ambition" both cue the theme: the one repeating fewer texts keeps it.
    assert resolve(["theme", "theme", "action"], [outcomes, themes, profile(ACTIONS)], [False] * 3) == [
        "outcome", "theme", "action"]


def test_a_column_cued_as_the_theme_over_sentences_is_the_outcome_unless_its_heading_is_listed():
    # A theme is a title: "Shared ambition" leans to the theme by its cue words alone (seed-121 layout
    # 12100033), but its cells state outcomes.
    outcomes = profile([f"Outcome {k // 4}: children are safe and well supported at home" for k in range(16)])
    assert resolve(["theme", "action"], [outcomes, profile(ACTIONS)], [False] * 2, listed=[False, True]) == [
        "outcome", "action"]
    # A heading printed as a listed synonym ("Theme") keeps its field, as a registry entry does.
    assert resolve(["theme", "action"], [outcomes, profile(ACTIONS)], [False] * 2, listed=[True, True]) == [
        "theme", "action"]
    assert resolve(["theme", "action"], [outcomes, profile(ACTIONS)], [True, False]) == ["theme", "action"]


def _row(page: int, **cells: str) -> RawRow:
    return RawRow({f: [t] for f, t in cells.items() if t}, page, page, (0.0, 0.0, 0.0, 0.0))


def test_blank_cells_mean_same_as_above_when_the_table_restates_a_level_less_often_than_it_leaves_it_blank():
    # A plan that leaves blanks restates the objective once (a new page, a new outcome above it).
    rows = [_row(1, objective="A", action="x1"), _row(1, action="x2"), _row(1, action="x3"),
            _row(2, objective="A", action="x4"), _row(2, action="x5"), _row(2, objective="B", action="x6"),
            _row(2, action="x7")]
    assert not _repeats_levels(rows)
    # A plan that prints the level in every row: its blanks are blank.
    printed = [_row(1, objective="A", action=f"x{k}") for k in range(5)] + [_row(1, action="x9")]
    assert _repeats_levels(printed)


def _line(*words: tuple[str, float, float]) -> Line:
    return Line(tuple(Word(t, x0, 100.0, x1, 109.0, 9.0) for t, x0, x1 in words))


def test_a_word_printed_whole_elsewhere_is_not_joined_to_the_next_line():
    # "Quality" ends its line at the column's edge, as "Assura" does; but "Quality" is printed elsewhere
    # with more text after it on its line, so it is a whole word and "Assura" starts a new one.
    quality, assura, nce = _line(("Quality", 10, 49.5)), _line(("Assura", 10, 49.6)), _line(("nce", 10, 25))
    vocabulary = Counter({"quality": 3, "quality" + INNER: 2, "assura": 1, "nce": 1})
    assert broken_words([quality, assura, nce], 50.0, vocabulary) == [False, False, True]


def test_a_rule_drawn_cell_by_cell_closes_the_header_band():
    band = [_line(("Ref", 40, 60), ("Action", 100, 130), ("Lead", 300, 320))]
    below = Line((Word("1.1", 40, 130.0, 55, 139.0, 9.0),))
    # A grid draws the rule under the header one cell at a time: no segment spans the band alone.
    rules = [Rule(38, 118, 90, 118), Rule(90, 118, 290, 118), Rule(290, 118, 330, 118)]
    assert _ruled_off(rules, band, below, 110.0)
    assert not _ruled_off(rules[:1], band, below, 110.0)


def test_a_band_whose_heading_opens_on_a_joining_word_is_a_line_of_cells():
    cells = [HeaderCell(None, "cared for and care", 40, 90, 100, 109),
             HeaderCell("measures", "and evidence of the impact", 100, 200, 100, 109),
             HeaderCell("lead_officer", "Director Cared", 210, 260, 100, 109),
             HeaderCell("action", "Usual Activity", 270, 320, 100, 109)]
    assert _reads_as_prose(cells)
    assert not _reads_as_prose([HeaderCell("action", "Action", 40, 90, 100, 109),
                                HeaderCell("measures", "Evidence of impact", 100, 200, 100, 109)])


def test_a_renamed_column_keeps_its_merged_cells():
    # A column read as measures, then found to be a level: a cell merged down from the row above is
    # still merged under the level's name, so the level fills down (seed-31 layout 3100046).
    from pipeline.assemble.combined import rename_field

    row = _row(1, measures="Children are safe", action="x1")
    below = _row(1, action="x2")
    below.merged = {"measures"}
    cols = ["measures", "action"]
    rename_field([row, below], cols, "measures", "outcome")
    assert cols == ["outcome", "action"] and below.merged == {"outcome"} and row.cells["outcome"] == ["Children are safe"]


def _banner(c, y: float, t: int) -> float:
    """Draw theme t's banner row ("Priority 1: Theme number 1") at y; the y of the first row under it,
    with the body font set."""
    c.setFont("Helvetica-Bold", 10)
    c.drawString(40, y, f"Priority {t + 1}: Theme number {t + 1}")
    c.setFont("Helvetica", 9)
    return y - 20


def test_levels_are_read_over_every_table_under_one_printed_header(tmp_path):
    # Theme banners part the table into runs of four rows, too few to show a level; the header over
    # them is one, and over all twelve rows the sentences repeat in groups: the column is the outcome.
    from pipeline.extraction import extract_pdf

    from .conftest import canvas_with_header, wrap_to

    path = tmp_path / "plan.pdf"
    xs = [40.0, 70.0, 250.0, 450.0]
    c = canvas_with_header(path, xs, ["Ref", "Action", "What success will look like", "Lead officer"])
    outcomes = ["Children and families get the right help at the right time from the right service",
                "Staff are supported, valued and able to develop a fulfilling career with us",
                "Every child in care lives in a stable home close to their family and school"]
    y, want = 765.0, []
    for t, outcome in enumerate(outcomes):
        y = _banner(c, y, t)
        for k in range(4):
            action = ACTIONS[(t + k) % len(ACTIONS)]
            want.append((action, outcome))
            c.drawString(xs[0], y, f"{t + 1}.{k + 1}")
            c.drawString(xs[1], y, action[:34])
            for j, part in enumerate(wrap_to(outcome, 190)):
                c.drawString(xs[2], y - 11 * j, part)
            c.drawString(xs[3], y, "Head of Service")
            y -= 34
    c.save()
    records = extract_pdf(path).records
    assert [(r["action"], r["outcome"]) for r in records] == [(a[:34].strip(), o) for a, o in want]
    assert all(r["measures"] == [] for r in records)


def test_a_per_row_field_named_twice_stays_with_the_column_printed_in_every_row():
    # Seed-41 layout 4100047: "What success looks like" and "Measures of impact" both cue measures; the
    # first is printed once per group of rows (an outcome), the second in every row: it keeps measures.
    grouped = profile([f"Outcome {k // 4}: children are safe and well supported at home" if k % 4 == 0 else ""
                       for k in range(16)])
    per_row = profile([f"Audits show plan {k} is good" for k in range(16)])
    assert resolve(["measures", "measures", "action"], [grouped, per_row, profile(ACTIONS)], [False] * 3)[1] == "measures"


def test_a_key_area_is_a_label_not_sentences():
    from pipeline.extract.columns import fits

    assert fits("key_area", profile(["Workforce", "Early Help", "Workforce", "Quality"] * 3))
    assert not fits("key_area", profile([OBJECTIVES[k % len(OBJECTIVES)] for k in range(12)]))


def test_a_level_may_come_back_under_other_parents_a_little_more_often_than_it_has_texts():
    # Seed-41 layout 4100053: 14 outcomes printed once per group, 32 times in all, 16 of them under
    # another parent after other outcomes. Still a level; two stock comments alternating are not.
    texts = [f"Outcome {k}: staff have the time and skills to do direct work with family {k}" for k in range(6)]
    order = [0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5, 0, 1]  # 6 texts, 8 of them back under another parent
    cells = [texts[t] if r == 0 else "" for t in order for r in range(3)]
    p = profile(cells)
    assert p.distinct < p.scattered <= 1.5 * p.distinct and shows_group(p)


def test_a_header_over_a_nearly_blank_level_is_judged_with_the_rows_of_the_pages_after(tmp_path):
    # Seed-71 layout 7100047: the header is printed once, with six rows under it; the first column states
    # its objective once per eight rows, so the header's page shows one sentence under "Area of concern",
    # too few to refute the key area its cue word names. Judged with the rows of the pages after, the
    # column holds sentences: a level of sentences, not a key area. The status column is only coloured
    # cells, counted against each page's own fills.
    from reportlab.pdfgen import canvas

    from pipeline.extraction import extract_pdf

    from .conftest import wrap_to

    path = tmp_path / "plan.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842), invariant=1)
    xs = [40.0, 200.0, 250.0, 430.0]
    c.setFont("Helvetica-Bold", 9)
    for x, h in zip(xs, ["Area of concern", "Progress", "Action", "Lead officer"]):
        c.drawString(x, 790, h)
    y, want, page_rows = 760.0, [], 0
    greens = [(0.0, 0.69, 0.31), (0.0, 0.44, 0.75)]
    for k in range(24):
        if page_rows == (6 if not want else 12):
            c.showPage()
            y, page_rows = 790.0, 0
        c.setFillColorRGB(*greens[k % 5 == 0])
        c.rect(xs[1], y - 26, 40, 34, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        c.setFont("Helvetica", 9)
        objective = OBJECTIVES[k // 8]
        if k % 8 == 0:
            for j, part in enumerate(wrap_to(objective, 150)):
                c.drawString(xs[0], y - 11 * j, part)
        c.drawString(xs[2], y, ACTIONS[k % len(ACTIONS)][:34])
        c.drawString(xs[3], y, "Head of Service")
        want.append(("complete" if k % 5 == 0 else "on_track", objective if k % 8 == 0 else None))
        y -= 56
        page_rows += 1
    c.save()
    records = extract_pdf(path).records
    assert len(records) == 24
    assert all(r["key_area"] is None for r in records)
    assert [r["rag"] for r in records] == [w[0] for w in want]
    assert [r["objective"] or r["outcome"] for r in records if r["objective"] or r["outcome"]][0] == OBJECTIVES[0]


def test_a_theme_column_under_theme_banners_is_the_key_area_for_every_table_under_its_header(tmp_path):
    # Seed-71 layout 7100007: banners give the theme; the column headed "Pillar" (a theme's word) holds
    # the key area. One banner's rows repeat a ten-word label, which read per table as sentences made
    # the column an outcome there; and while the column was still the theme, it held more different
    # texts than the unnamed column of outcomes, which then fitted no level.
    from pipeline.extraction import extract_pdf

    from .conftest import canvas_with_header, wrap_to

    path = tmp_path / "plan.pdf"
    xs = [40.0, 150.0, 330.0, 480.0]
    c = canvas_with_header(path, xs, ["Pillar", "What will be different?", "Action", "Lead officer"])
    areas = [["Workforce", "Quality", "Early help", "Practice"],
             ["Feedback from families, children and young people, staff and partners"] * 3 + ["Voice"],
             ["Care leavers", "Fostering", "Adoption", "Placements"]]
    outcomes = ["Children and families get the right help at the right time",
                "Staff are supported, valued and able to develop a career with us",
                "Every child in care lives in a stable home close to school"]
    y, want = 765.0, []
    for t, outcome in enumerate(outcomes):
        y = _banner(c, y, t)
        for k in range(4):
            area, action = areas[t][k], ACTIONS[(4 * t + k) % len(ACTIONS)][:30]
            want.append((area, outcome if k == 0 else None, action))
            for j, part in enumerate(wrap_to(area, 100)):
                c.drawString(xs[0], y - 11 * j, part)
            if k == 0:
                for j, part in enumerate(wrap_to(outcome, 170)):
                    c.drawString(xs[1], y - 11 * j, part)
            c.drawString(xs[2], y, action)
            c.drawString(xs[3], y, "Head of Service")
            y -= 48
    c.save()
    records = extract_pdf(path).records
    assert [r["key_area"] for r in records] == [w[0] for w in want]
    assert all(r["theme"].startswith("Theme number") for r in records)
    assert [r["outcome"] for r in records][::4] == outcomes


def test_a_row_begun_at_a_pages_foot_takes_the_level_cells_that_open_the_next_page():
    # Seed-131 layout 13100057: a row whose status alone fits at the foot of a page goes on at the top of
    # the next, where its key area opens a new group; it is no rest of the key area two rows above.
    from pipeline.assemble.rows import RawRow, _Entry, _join_tail
    from pipeline.extract.grid import PageRow, PageTable

    above = RawRow({"key_area": ["Practice Standards"], "action": ["Review the framework."]}, 9, 9, (0, 0, 1, 1))
    begun = RawRow({"rag_raw": ["\u2714"]}, 9, 9, (0, 0, 1, 1))
    rows = [above, begun]
    entry = _Entry(PageTable(10, [], 0.0, 10.0, 0.0, 1.0, None, False, []), PageRow(0.0, 10.0), True)
    _join_tail(rows, entry, {"key_area": ["Ofsted Specific Concerns"], "action": ["Identify a partner."]})
    assert above.cells["key_area"] == ["Practice Standards"]
    assert begun.cells["key_area"] == ["Ofsted Specific Concerns"] and begun.cells["action"] == ["Identify a partner."]
    # A row with its action printed leaves a level cell's rest to the merged cell above it.
    going = RawRow({"rag_raw": ["\u2714"], "action": ["Identify"]}, 9, 9, (0, 0, 1, 1))
    _join_tail([above, going], entry, {"key_area": ["and Quality Assurance"]})
    assert above.cells["key_area"] == ["Practice Standards and Quality Assurance"]


def test_a_level_above_may_count_a_few_more_texts_than_the_level_below_it():
    # Seed-181 layout 18100057: merged cells cut by page breaks count a fragment as a text of its own, so
    # the outcome column showed 35 texts against the objective column's 31; it is still the level above.
    sentences = "children are safe and well supported at home by the services around them"
    outcomes = profile([f"Outcome {k}: {sentences}" for k in range(35)] + [""] * 65)
    objectives = profile([f"Objective {k}: {sentences}" for k in range(31)] + [""] * 69)
    actions = profile(ACTIONS * 20)
    assert levels_by_structure(["objective", None, "action"], [objectives, outcomes, actions], [False, True, False],
                               ["strategic objective", "what difference will this make?", "action"])[1] == "outcome"
    # Far more texts than the level below: not the level above it.
    many = profile([f"Outcome {k}: {sentences}" for k in range(60)] + [""] * 40)
    assert levels_by_structure(["objective", None, "action"], [objectives, many, actions], [False, True, False],
                               ["strategic objective", "what difference will this make?", "action"])[1] != "outcome"


def test_a_page_top_row_of_the_action_alone_or_of_comments_that_go_on_is_the_rest_of_the_row_above():
    """Found on fresh seed 261's layout 26100003 (a reportlab grid that rules a row broken over a page on
    both pages): the first row on a page held only the action's last paragraph ('Delivered through ...'),
    or lines of comment columns that went on from the row above ('the Assistant Director.'); each was read
    as a row of its own. The action alone under a row that printed more is that row's rest; the columns
    no field names vote as the others do."""
    from pipeline.assemble.rows import RawRow, _is_tail
    from pipeline.extract.grid import PageRow

    above = RawRow({"action": ["Review the framework."], "measures": ["Audits will show it."],
                    "lead_officer": ["Head of Service"], "extra:Dependencies": ["Monthly monitoring by"]},
                   4, 4, (0, 0, 1, 1))
    assert _is_tail(above, PageRow(40, 60), {"action": ["Delivered through the Service Plan."]}, True)
    assert _is_tail(above, PageRow(40, 60), {"action": ["planning process."], "measures": ["Fewer delays."],
                                               "extra:Dependencies": ["the Assistant Director."]}, True)
    # A new row prints its own officer and comments.
    assert not _is_tail(above, PageRow(40, 60), {"action": ["Monitor the plan."], "lead_officer": ["Head of HR"],
                                                   "extra:Dependencies": ["Escalation to the Board."]}, True)


def test_tables_whose_headers_word_a_named_field_apart_pool_their_rows_for_levels():
    """Found on fresh seed 291's layout 29100003 (WeasyPrint, theme banners, a header over each theme's
    table): one theme's header read 'Status' where the others read 'Status update', both the status. Its
    nine rows repeat one outcome and one objective, too few to show a level, and pooled with no other
    table they went to `extra`. Headers that read alike (the same fields, the same headings where no
    field was named) stand over the same fields: their rows are judged together. A header whose unnamed
    columns are headed otherwise is another."""
    from types import SimpleNamespace

    from pipeline.assemble.rows import _header_key

    def table(headings, fields):
        columns = [SimpleNamespace(heading=h) for h in headings]
        return SimpleNamespace(entries=[SimpleNamespace(table=SimpleNamespace(columns=columns))], columns=fields)

    fields = ["rag", "extra:Remarks", "measures", "action"]
    one = table(["Status update", "Remarks", "What success looks like", "Action"], fields)
    two = table(["Status", "Remarks", "What success looks like", "Action to be delivered"], fields)
    other = table(["Status", "Comments", "What success looks like", "Action"], ["rag", "extra:Comments", "measures", "action"])
    assert _header_key(one) == _header_key(two)
    assert _header_key(one) != _header_key(other)
