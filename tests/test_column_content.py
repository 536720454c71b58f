"""Columns understood by what their cells hold and headings read as printed (issue 12): a status column
under a heading nobody listed, shown in words or only as coloured cells; turned headings that wrap; the
first line of headings nobody listed; an officer column whose cells carry dates too. The headings used
here are nonsense words on purpose: the mechanism must find the field without knowing the wording."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import NoActionTableError
from pipeline.extract.columns import Profile, by_content, fits, profile, resolve

from .conftest import extraction

ACTIONS = ["Develop the workforce strategy with partners", "Review the front door arrangements quarterly",
           "Launch the new supervision policy for staff", "Recruit two permanent team managers",
           "Publish the quality assurance framework"]
STATUSES = ["On track", "Complete", "Off track", "On track", "Some issues"]
COLOURS = [(0, 0.69, 0.31), (0, 0.44, 0.75), (1, 0, 0), (0, 0.69, 0.31), (1, 0.75, 0)]


def _table(path: Path, headings: list[str], rows: list[list[str]], widths: list[float],
           fills: list[tuple] | None = None, fill_col: int | None = None, turned: dict[int, list[str]] | None = None,
           above: list[str] | None = None) -> Path:
    """A ruled table: `headings` (or `turned` lines set on their side, or a first line `above` the
    headings) over `rows`; with `fills`, column `fill_col` is coloured row by row."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(842, 595), invariant=1)
    xs = [40.0]
    for w in widths:
        xs.append(xs[-1] + w)
    top, head_h, row_h = 520.0, 44.0, 30.0
    c.setFont("Helvetica-Bold", 9)
    for j, heading in enumerate(headings):
        if turned and j in turned:
            for k, line in enumerate(turned[j]):
                c.saveState()
                c.translate(xs[j] + 10 + 11 * k, top - head_h + 4)
                c.rotate(90)
                c.drawString(0, 0, line)
                c.restoreState()
            continue
        if above and above[j]:
            c.drawString(xs[j] + 4, top - 12, above[j])
        c.drawString(xs[j] + 4, top - 23, heading)
    c.setFont("Helvetica", 9)
    y = top - head_h
    for i, row in enumerate(rows):
        if fills is not None and fill_col is not None:
            c.setFillColorRGB(*fills[i])
            c.rect(xs[fill_col], y - row_h, xs[fill_col + 1] - xs[fill_col], row_h, stroke=0, fill=1)
            c.setFillColorRGB(0, 0, 0)
        for j, text in enumerate(row):
            c.drawString(xs[j] + 4, y - 12, text)
        y -= row_h
    for yy in [top] + [top - head_h - row_h * i for i in range(len(rows) + 1)]:
        c.line(xs[0], yy, xs[-1], yy)
    for x in xs:
        c.line(x, top, x, y)
    c.save()
    return path


def _records(path: Path) -> list[dict]:
    return extraction(str(path)).records


def test_a_column_of_status_words_under_an_unknown_heading_is_the_status(tmp_path):
    rows = [[a, "Team Manager", s, "March 2024"] for a, s in zip(ACTIONS, STATUSES)]
    pdf = _table(tmp_path / "worded.pdf", ["Action", "Lead officer", "Quuxlet", "Deadline"], rows, [330, 150, 100, 120])
    recs = _records(pdf)
    assert [r["rag_raw"] for r in recs] == STATUSES
    assert [r["rag"] for r in recs] == ["on_track", "complete", "off_track", "on_track", "some_issues"]


def test_a_column_of_coloured_cells_under_an_unknown_heading_is_the_status(tmp_path):
    rows = [[a, "Team Manager", "", "March 2024"] for a in ACTIONS]
    pdf = _table(tmp_path / "coloured.pdf", ["Action", "Lead officer", "Quuxlet", "Deadline"], rows,
                 [330, 150, 60, 120], fills=COLOURS, fill_col=2)
    assert [r["rag"] for r in _records(pdf)] == ["on_track", "complete", "off_track", "on_track", "some_issues"]


def test_a_turned_heading_that_wraps_is_one_heading(tmp_path):
    rows = [[a, "Team Manager", "March 2024", "1.1"] for a in ACTIONS]
    pdf = _table(tmp_path / "turned.pdf", ["Action", "Lead officer", "Deadline", ""], rows, [330, 150, 120, 40],
                 turned={3: ["Zorb", "quux"]})
    tables = extraction(str(pdf)).tables_seen
    headings = [c["heading"] for t in tables if t["kind"] == "action" for c in t["columns"]]
    assert "Zorb quux" in headings and "Zorb" not in headings


def test_the_first_line_of_headings_nobody_listed_belongs_to_the_header(tmp_path):
    rows = [[a, "Team Manager", "March 2024"] for a in ACTIONS]
    pdf = _table(tmp_path / "above.pdf", ["action", "officer", "date"], rows, [330, 150, 120],
                 above=["Quux wibble", "Frobbed", "Zorble"])
    tables = extraction(str(pdf)).tables_seen
    headings = [c["heading"] for t in tables if t["kind"] == "action" for c in t["columns"]]
    assert headings == ["Quux wibble action", "Frobbed officer", "Zorble date"]
    assert [r["action"] for r in _records(pdf)] == ACTIONS


def test_officer_cells_that_carry_a_date_do_not_refute_the_officer_heading():
    p = profile(["Head of HR, 30/09/2022", "Principal Social Worker, March 2023", "Team Manager, Q2 2023/24"])
    assert p.date_share == 1 and p.lead_date_share == 1 and fits("lead_officer", p)
    assert not fits("lead_officer", profile(["30/09/2022", "March 2023", "Q2 2023/24"]))


def test_content_names_a_field_only_for_a_free_column_and_only_when_one_column_shows_it():
    status = profile(["G", "A", "R", "G"])
    prose = profile(ACTIONS)
    assert by_content([None, "action"], [status, prose], [True, False]) == ["rag", "action"]
    # A heading that says it holds no field ("Notes") is not free; two status-like columns are no evidence.
    assert by_content([None, "action"], [status, prose], [False, False]) == [None, "action"]
    assert by_content([None, None, "action"], [status, status, prose], [True, True, False]) == [None, None, "action"]
    # A table that has its status already keeps it where the heading put it.
    assert resolve(["rag", None, "action"], [status, status, prose], [False] * 3, [False, True, False]) == [
        "rag", None, "action"]
    assert Profile(0, 0, 0, 0, 0).status_share == 0


def test_a_status_scale_in_words_of_its_own_is_the_status_though_some_wordings_run_long():
    # A scale's few wordings come back down the rows; a few run past a status's usual length.
    scale = ["Complete", "Action complete", "Business as usual", "Action not yet completed, but on track",
             "On track", "Complete", "Off track", "Action complete", "Complete", "On track",
             "Action not yet completed, but on track", "Complete"]
    prose = profile(ACTIONS)
    assert by_content([None, "action"], [profile(scale), prose], [True, False]) == ["rag", "action"]
    # Free comments that mention a status now and then are no scale: each says something of its own.
    comments = [f"{w} after the review of case {n} with the team" for n, w in enumerate(scale)]
    assert by_content([None, "action"], [profile(comments), prose], [True, False]) == [None, "action"]


def test_a_heading_whose_cue_words_are_torn_takes_the_field_its_cells_show():
    from pipeline.extract.columns import cue_candidates

    prose = profile(["We will see fewer children waiting more than six weeks for an assessment"] * 4)
    dates = profile(["March 2024", "Q2 2023/24", "June 2024", "31/12/2023"])
    # "N1 of N2" is headed by N1: "Evidence of completion" reads as measures, "Measures of impact" too;
    # a column of dates under such a heading loses the field and takes the one its cells show.
    assert cue_candidates("evidence of completion") == ["measures"]
    assert cue_candidates("measures of impact") == ["measures"]
    assert resolve(["measures", "action"], [dates, prose], [False, False], [False, False], [["measures"], []]) == [
        "milestone", "action"]
    assert cue_candidates("success or completion date")[:1] == ["milestone"]
    assert by_content([None], [prose], [True], [["measures", "milestone"]]) == ["measures"]
    assert by_content([None], [dates], [True], [["measures", "milestone"]]) == ["milestone"]
    # A field the table already has is no candidate; cells that show neither leave the column alone.
    assert by_content([None, "measures"], [prose, prose], [True, False], [["measures", "milestone"], []]) == [
        None, "measures"]


def test_columns_carried_to_a_page_without_a_header_move_to_that_pages_gutters():
    from pipeline.extract.grid import Column, refit_columns
    from pipeline.readers.model import Word

    columns = [Column("action", 40, 200), Column("lead_officer", 200, 300)]
    # This page's action text runs to x=206, and its lead column starts at x=212.
    words = [Word("Review", 45, 10 + 12 * i, 206, 19 + 12 * i, 9.0) for i in range(4)]
    words += [Word("Head", 212, 10 + 12 * i, 240, 19 + 12 * i, 9.0) for i in range(4)]
    moved = refit_columns(columns, words)
    assert 206 <= moved[0].x1 == moved[1].x0 <= 212
    assert [(c.x0, c.x1) for c in columns] == [(40, 200), (200, 300)]  # the previous page's are left as they were
    # A ruled boundary is a wall: it stays.
    ruled = [Column("action", 40, 200, ruled=True), Column("lead_officer", 200, 300, ruled=True)]
    assert refit_columns(ruled, words)[0].x1 == 200


def test_two_wrapped_headings_set_close_together_read_as_two_headings(tmp_path):
    """An unruled table whose second heading starts a space after the first one's first line ends:
    "Accountable and | Quux needs to" over "date | frob?" are two headings, not one read by its cues."""
    from reportlab.pdfgen import canvas

    pdf = tmp_path / "close.pdf"
    c = canvas.Canvas(str(pdf), pagesize=(842, 595), invariant=1)
    c.setFont("Helvetica-Bold", 9)
    c.drawString(40, 520, "Action")
    c.drawString(330, 520, "Accountable and")
    c.drawString(330, 509, "date")
    c.drawString(410, 520, "Quux needs to")
    c.drawString(410, 509, "frob?")
    c.drawString(700, 520, "Status")
    c.setFont("Helvetica", 9)
    for i, a in enumerate(ACTIONS):
        y = 480 - 30 * i
        c.drawString(40, y, a)
        c.drawString(330, y, "Head of HR,")
        c.drawString(330, y - 11, "March 2024")
        c.drawString(410, y, "There will be fewer children waiting for help")
        c.drawString(700, y, STATUSES[i])
    c.save()
    tables = extraction(str(pdf)).tables_seen
    headings = [col["heading"] for t in tables if t["kind"] == "action" for col in t["columns"]]
    assert headings == ["Action", "Accountable and date", "Quux needs to frob?", "Status"]
    assert [(r["lead_officer_raw"], r["milestone_raw"]) for r in extraction(str(pdf)).records] == [
        ("Head of HR", "March 2024")] * 5


def test_two_cells_that_both_open_on_a_verb_name_the_action_column_of_a_low_header():
    from pipeline.extract.columns import infer_action

    two = profile(["Develop and agree the workforce strategy", "Review the front door arrangements"])
    assert infer_action([two], [True]) == 0
    mixed = profile(["Develop and agree the workforce strategy", "Staff will be trained this year"])
    assert infer_action([mixed], [True]) is None


def test_a_plural_heading_word_is_read_as_its_singular_cue():
    from pipeline.extract.columns import content_words, cue_scores, cues

    assert "target" in cues() and "targets" not in cues()
    assert content_words("Key targets") == ["key", "target"]
    assert cue_scores("Key targets") == cue_scores("Key target") != {}
    assert content_words("Process") == ["process"]  # a word ending in -ss is no plural


def test_a_header_of_mostly_unknown_headings_heads_an_action_table_when_a_column_holds_actions(tmp_path):
    """Three fields named (lead, deadline, status) among three headings nobody listed: too few known
    headings for a header on their own, but the column of instructions under "Frobnicate" settles it."""
    headings = ["Frobnicate", "Lead officer", "Zorble", "Deadline", "Status", "Wibble"]
    rows = [[a, "Team Manager", "Partner agencies", "March 2024", s, "Awaiting sign-off"]
            for a, s in zip(ACTIONS, STATUSES)]
    pdf = _table(tmp_path / "weak.pdf", headings, rows, [260, 110, 100, 80, 80, 110])
    recs = _records(pdf)
    assert [r["action"] for r in recs] == ACTIONS
    assert [r["rag_raw"] for r in recs] == STATUSES


def test_a_line_of_mostly_unknown_words_over_no_actions_is_no_header(tmp_path):
    rows = [["Partner agencies", "Team Manager", "Budget agreed", "March 2024", s, "Awaiting sign-off"]
            for s in STATUSES]
    pdf = _table(tmp_path / "none.pdf", ["Frobnicate", "Lead officer", "Zorble", "Deadline", "Status", "Wibble"],
                 rows, [260, 110, 100, 80, 80, 110])
    with pytest.raises(NoActionTableError):
        _records(pdf)


def test_a_table_left_with_no_action_column_gives_it_to_the_open_column_of_instructions():
    # Seed-151 layout 15100029: "Deliverables" cued as measures loses them to "Success looks like", which
    # says more; its cells are instructions, and the table has no other action column.
    measures = profile([f"{a} so that children are safer and families are better supported by us" for a in ACTIONS])
    assert resolve(["measures", "measures"], [profile(ACTIONS), measures], [False] * 2) == ["action", "measures"]
    # A table that names its action keeps it there.
    assert resolve(["action", "measures", "measures"], [profile(ACTIONS), profile(ACTIONS), measures],
                   [False] * 3) == ["action", None, "measures"]


def test_a_columns_cells_are_judged_with_words_broken_for_a_narrow_column_made_whole():
    """Found on fresh seed 301's layout 30100005 (LibreOffice, eight columns on a portrait page): under a
    weak header the column of actions is found by its cells opening on verbs, and the narrow 'Latest
    position' column's 'Recruit' / 'ment campai' / 'gn launch' / 'ed;' opened on one ('Recruit'). It was
    taken for the actions over 'What will we do?'. Read as its text will be, the cell opens on
    'Recruitment': no verb."""
    from pipeline.extract.geometry import _column_profiles
    from pipeline.extract.headers import find_all_headers
    from pipeline.settings import DEFAULT_SETTINGS
    from tests.pages import load_page

    page = load_page("words-broken-in-narrow-columns")
    actions, others = find_all_headers(page)
    columns, profiles = _column_profiles(page, others[0], actions + others, DEFAULT_SETTINGS)
    share = {c.heading: p.imperative_share for c, p in zip(columns, profiles)}
    assert share["What will we do?"] > share["Latest position"], share
    assert share["Latest position"] < 0.5, share
