"""Behaviours found on layouts of fresh seeds 4261 onwards, each scored before any fix from it.

Each test names the layout it came from; the mechanism is general (see each docstring)."""

from __future__ import annotations

from pipeline.extract.columns import cue_candidates
from pipeline.extract.geometry import find_tables
from pipeline.extract.headers import normalise_heading
from pipeline.readers.model import Document
from tests.pages import load_page
from tests.test_fresh_seed_4031 import _rows, _starting


def test_justified_cells_with_tight_padding_under_a_header_are_no_running_prose():
    """Layout 431100011 (seed 4311, WeasyPrint, serif 11 pt justified in narrow unruled columns, cells
    padded 6 pt): the words of a justified cell stand as far apart as the padding between two cells, so
    most lines seemed to run on across the column bounds, and the header was read as prose: no action
    table (0% -> 100%). A bound is a column's left edge when the words after it start flush; that was
    judged on every line, and lines whose cell there is blank (their next word stands columns further
    right) outvoted it. Only lines with a word in the column the bound opens count."""
    rows = _rows("layout-431100011", (2,))
    assert [r.refs["action"] for r in rows] == ["1.1", "1.2"]
    assert rows[0].cells["action"] == ["Recruit Practice Improvement Managers."]
    assert rows[0].cells["milestone_and_rag"] == ["Q3 2022/23 \u2013 G"]


def test_a_header_one_field_short_reads_the_field_from_its_cells():
    """Layout 434100006 (seed 4341, WeasyPrint, two-level coloured header): the headings nobody listed
    ("What are we going to do?", "Direction of travel", "Domain") left "Who is responsible?" the only
    field named, one short of what a header without an action heading must name, and no action table
    was found (0% -> 100%). A header one field short is an action header when its cells show the
    actions and another field (a column of statuses) beside them."""
    rows = _rows("layout-434100006", (2,))
    assert [r.refs["action"] for r in rows][:3] == ["1.5", "1.6", "1.7"]
    assert rows[0].cells["action"][0].startswith("Consider the recommendations from review of Business")
    assert (rows[0].cells["rag"], rows[1].cells["rag"]) == (["G"], ["B"])


def test_a_question_heading_under_a_group_heading_is_still_a_question():
    """Layout 432100001 (seed 4321, LibreOffice, group heading "Delivery" set left over its first
    sub-heading in an unruled header): the group is read into the heading below it, "Delivery What will
    success look like?", which neither opens nor ends on a cue word, so its cue words were not read and
    the measures went into `extra` (3.2% -> 100%). A heading ending in a question mark with a question
    word inside is a question as one opening on it is."""
    assert cue_candidates(normalise_heading("Delivery What will success look like?")) == ["measures"]
    # No question mark: cell text that merely holds a question word is still not a heading.
    assert cue_candidates(normalise_heading("Delivery what will success look like")) == []
    rows = _rows("layout-432100001", (1,))
    assert rows[0].cells["measures"] == [
        "We will see an increase in employees accessing quality training and recognise the value of "
        "professional development."]


def test_sub_headings_joined_under_their_group_run_on_below_as_their_own_lines_do():
    """Layout 441100059 (seed 4411, WeasyPrint, unruled two-level header, narrow columns): the headings
    break mid-word over lines set half a line apart ("Curre" / "nt" / "positi" / "on" beside "Who is" /
    "responsibl" / "e?" / "and date" under the group "Accountability"). The two bands were joined into
    one header and never grown, so "Current", "Who is" and "Depend" headed the columns and the rest of
    the headings became the first row's text ("Complete position", "Autumn 2022 responsible? and
    date") (65.1% -> 98.8%). A joined band grows down over its headings' rests as each band does."""
    doc = Document("layout.pdf", [load_page("layout-441100059-p3")], {})
    heads = [c.heading for pt in find_tables(doc) for t in pt.tables for c in t.columns]
    assert heads[2] == "Current position" and heads[-2:] == ["Who is responsible? and date", "Dependencies"]
    first = _rows("layout-441100059", (3,))[0]
    assert (first.cells["rag"], first.cells["milestone"]) == (["Complete"], ["Autumn 2022"])


def test_an_officer_broken_where_its_next_word_did_not_fit_casts_no_vote_against_its_rest():
    """Layout 437100022 (seed 4371, LibreOffice, unruled zebra, header on every page): the row at the
    foot of page 4 breaks mid-sentence ("Deliver the Children with Disability (CWD)" / "Commissioning
    Action Plan.") and mid-title ("Joint Sefton NHS Place" / "Director and Executive Director ..."). The
    officer's rest, opening on a capital, voted against the action's rest, and the rest became a row
    of its own (2 extra rows, 97.3% -> 100%). An officer's title wraps at any word: its rest opening on
    a word that would not have fitted on the line above tells nothing either way."""
    row = _starting(_rows("layout-437100022", (4, 5)), "Deliver the Children with Disability")
    assert row.cells["action"] == ["Deliver the Children with Disability (CWD) Commissioning Action Plan."]
    assert row.cells["lead_officer"] == [
        "Joint Sefton NHS Place Director and Executive Director Social Care and Health"]


def test_an_officer_and_date_cell_going_on_with_its_date_alone_is_the_row_above_s_rest():
    """Layout 442100015 (seed 4421, LibreOffice, officer and date in one cell): the row at the foot of
    page 5 prints "Head of Commissioning," and its first paragraph, "Review of information sharing
    agreement."; page 6 opens on "30/09/2022" and its second paragraph. The paragraph's full stop voted
    against the date's vote for and the rest became a row (1 extra row). A cell of an officer and a date
    that printed no date yet, going on with its date alone, counts twice: a row of its own would open the
    cell on its officer."""
    row = _starting(_rows("layout-442100015", (5, 6)), "Review of information sharing")
    assert row.cells["action"] == [
        "Review of information sharing agreement.",
        "Review processes and systems in relation to consent sought in MASH, child in need, section 20."]
    assert (row.cells["lead_officer"], row.cells["milestone"]) == (["Head of Commissioning"], ["30/09/2022"])


def test_a_word_filling_its_line_before_a_word_broken_onto_the_next_stays_a_word():
    """Layout 449100036 (seed 4491, LibreOffice, a measures column some 70 pt wide): "multiagency" fills
    its line, "contribution" the next, its "s" the line after. The lexicon lacks "multiagency", and the
    rest was read as the rest of a word broken for the cell: "multiagencycontributions". A piece that
    goes on into a word of its own ("contribution" / "s") opens that word, unless the line above joins it
    into a longer one, whether the engine hyphenates the break or not."""
    row = _starting(_rows("layout-449100036", (3, 52)), "Review the effectiveness of partnership")
    assert row.cells["measures"] == ["There will be evidence of effective multiagency contributions to improving "
                                     "outcomes for children and young people."]


def test_a_list_marker_alone_at_a_page_s_foot_opens_the_item_printed_overleaf():
    """Layout 449100036 (seed 4491): a bulleted measures cell is cut by page 42's foot after its first
    marker, "\u2022" alone on the line; its item's text opens page 43. Alone in its cell the marker read as
    text (a symbol alone may be a status) and was joined to the item: "\u2022 Practitioners and managers
    ...". A marker alone at a page's foot opens the item overleaf, as a marker alone on a cell's first
    line opens the item under it."""
    row = _starting(_rows("layout-449100036", (3, 42, 43)), "Review current training and support")
    assert row.cells["measures"][0].startswith("Practitioners and managers will have an improved understanding")


def test_two_officers_the_column_prints_as_whole_cells_elsewhere_are_two_paragraphs():
    """Layout 454100002 (seed 4541, WeasyPrint): a cell sets "Finance Business Partner" over "Corporate
    Parenting Lead" at its leading, two officers the column prints elsewhere each as a whole cell; with no
    paragraph space to part them, they were read as one officer. A paragraph of the officer or plan
    column that is two whole cells printed elsewhere, and never whole in another row, is two."""
    from collections import Counter

    from pipeline.assemble.rows import _part_whole_cells

    counts = {"lead_officer": Counter({"Finance Business Partner": 2, "Corporate Parenting Lead": 1,
                                       "Head of Service": 3, "Assistant Director, Education": 1})}
    cells = [{"lead_officer": ["Finance Business Partner Corporate Parenting Lead"], "action": ["Head of Service x"]},
             {"lead_officer": ["Head of Service"]},
             {"lead_officer": ["Assistant Director, Education Head of Services"]}]
    _part_whole_cells(cells, counts)
    assert cells[0] == {"lead_officer": ["Finance Business Partner", "Corporate Parenting Lead"],
                        "action": ["Head of Service x"]}
    assert cells[1:] == [{"lead_officer": ["Head of Service"]},
                         {"lead_officer": ["Assistant Director, Education Head of Services"]}]


def test_a_shaded_header_cell_with_no_heading_heads_a_column_of_its_own():
    """Layout 465100046 (seed 4651, WeasyPrint, header shaded cell by cell, horizontal rules only): the
    producer drew the "Dependencies" header cell empty, its shading alone. With no heading there, its
    text was read into the next column, the actions: "Monthly monitoring by the 1.1 Develop and agree
    ..." (0% -> 100%). Each shaded cell of such a header is a column; one with no heading over text of
    the body keeps its cells apart, in `extra` under the heading printed (none)."""
    rows = _rows("layout-465100046", (3,))
    assert rows[0].refs["action"] == "1.1"
    assert rows[0].cells["action"][0].startswith("Develop and agree Children\u2019s Social Care Workforce Strategy")
    assert rows[0].cells["extra:"] == ["Monthly monitoring by the Assistant Director."]


def test_a_justified_line_s_stretched_space_under_a_heading_s_word_is_no_gutter():
    """Layout 470100025 (seed 4701, WeasyPrint, narrow justified date column under "When will it / be
    done?"): every date line is stretched to the column's width, "May 2022 \u2013 Oct" with each space 5.6
    pt, and its dash starts within a point and a half of where "it" starts. The white before the dash
    looked like a gutter under a heading's word, so the heading was parted into "When will be done?" and
    "it", and every date lost its end (43.1% -> 100%). White as wide as the line's other spaces is a
    word space, however wide."""
    rows = _rows("layout-470100025", (2, 3))
    assert rows[0].cells["milestone"] == ["May 2022 \u2013 Oct 2022"]
    assert not any(k.startswith("extra:it") for r in rows for k in r.cells)
