"""Behaviours found on layouts of fresh seeds 2791 onwards.

Each test names the layout it came from; the mechanism is general (see each docstring)."""

from __future__ import annotations

from pipeline.extract.grid import Column, build_table
from pipeline.extract.headers import find_all_headers
from tests.pages import load_page


def test_headings_set_on_two_lines_are_read_whole_when_their_second_lines_read_alone():
    """Layout 279100025 (seed 2791, LibreOffice, bold headings on two lines, 0%): "Our" / "aim",
    "Responsible" / "person", "Update this" / "quarter", "Progress" / "Target" / "timescale". The second
    lines alone read as another table's header ("aim", "quarter" and "Target" match listed words), and the
    whole header, in words nobody listed, read weak, so the columns were cut under the second lines and
    named from their fragments (0%). A line whose headings start where the band's start is the band's
    first line, whatever fields the fragments it goes on named alone (0% -> 100%)."""
    actions, others = find_all_headers(load_page("header-two-line-headings-second-lines-read-alone"))
    headers = actions + others
    assert len(headers) == 1
    texts = [c.text for c in headers[0].cells]
    assert texts[:5] == ["Our aim", "Responsible person", "What will we do?", "Update this quarter",
                         "Progress Target timescale"], texts
    assert headers[0].top < 276


def _rows(page, columns, top: float, bottom: float):
    body = [w for w in page.words if top < w.ymid < bottom and not w.rotation]
    return build_table(page, None, columns, body, top, bottom).rows


def test_unruled_rows_of_one_line_each_print_one_date_and_rating_a_line():
    """Layout 277100055 (seed 2771, LibreOffice, unruled rows set at the leading, 88.1%): the "When and
    status" column prints a date and its rating on one line a row ("Feb 2022 – Jul 2022 – 100%"), or the
    rating alone ("60%"). Beside one-line actions the lines stood as one block, and three rows read as one
    (10 actions lost). Each line is a whole date with its rating, or a rating among rated lines: one a row
    (88.1% -> 100%)."""
    page = load_page("unruled-rows-date-and-rating-a-line")
    columns = [Column("milestone_and_rag", 39, 265), Column("lead_officer", 265, 491), Column("action", 491, 915)]
    rows = _rows(page, columns, 84.0, 500.0)
    pairs = [(r.text("action").split(" ")[0], r.text("milestone_and_rag")) for r in rows]
    assert pairs[10:13] == [("Review", "Feb 2022 – Jul 2022 – 100%"), ("Launch", "Feb 2022 – Jul 2022 – 100%"),
                            ("Monitor", "60%")], pairs


def test_a_rating_under_its_date_stays_in_the_date_s_row():
    """The rule above keeps a cell that prints its date, then its rating on the next line ("March 2023" /
    "Green", "Complete" / "June 2022"): a rating alone beside a date with no rating is that date's."""
    from pipeline.extract.grid import _one_date_a_line
    from pipeline.extract.text import Line
    from pipeline.readers.model import Word

    def line(text: str, top: float) -> Line:
        return Line(tuple(Word(t, 40.0 + 30 * k, top, 65.0 + 30 * k, top + 10, 10.0) for k, t in enumerate(text.split())))
    for texts in (["March 2023", "Green"], ["Complete", "June 2022"]):
        block = [line(t, 100.0 + 13 * k) for k, t in enumerate(texts)]
        assert len(_one_date_a_line([block], rated=True)) == 1, texts
    rated = [line(t, 100.0 + 13 * k) for k, t in enumerate(["May 2022 – Green", "June 2022 – Amber", "Red"])]
    assert len(_one_date_a_line([rated], rated=True)) == 3


def test_a_header_at_a_page_foot_takes_its_status_column_from_its_one_row_s_fill():
    """Layout 282100052 (seed 2821, LibreOffice, horizontal rules only, status as colour, 91.8%): a table's
    header stands at the foot of page 5 over one row, its status cell filled from 750 pt to 915 pt; the
    rest of the table runs on overleaf with no header. With one filled row there was no column of fills,
    so the date-and-rating column ended where its heading and dates end (833 pt), and overleaf every fill
    fell outside it: six statuses lost. The first row's fills bound the columns as a column of fills does
    (91.8% -> 100%)."""
    from pipeline.extract.grid import columns_from_header

    page = load_page("header-at-page-foot-one-filled-row")
    actions, _ = find_all_headers(page)
    assert len(actions) == 1
    body = [w for w in page.words if w.top > actions[0].bottom]
    columns, _ = columns_from_header(page, actions[0], body)
    assert columns[-1].field == "milestone_and_rag"
    assert columns[-1].x1 >= 914, columns


def test_the_rows_habit_of_row_data_is_read_from_the_rows_that_print_any():
    """Layout 283100010 (seed 2831, LibreOffice, unruled rows, 96.7%): every row prints its officer and its
    date-and-rating cell, and opens on no reference. Two rows set their next paragraphs level with
    another cell's ("Analyse the feedback received." beside the outcome's next), read as rows printing
    neither; with them, 16 of 18 rows printed a date (under nine in ten), so the table showed no habit and
    they stayed rows. The habit is read from the rows that print any row data, the officer counted in the
    row's habit; the few that print none are what it judges (96.7% -> 98.4%; 100% with the next mend).
    Where the habit needs the officer (one field of row data beside it), a row that names one is a row;
    where rows print two fields of row data, a rest may print an officer (a second one, set as a
    paragraph of its own), as before."""
    from types import SimpleNamespace

    from pipeline.assemble.rows import _rest_mid_page, _usual_row

    row = {"action": ["Recruit ..."], "lead_officer": ["Strategic Lead, SEND"], "milestone_and_rag": ["Ongoing – ●"]}
    bare = {"action": ["Analyse the feedback received."], "outcome": ["shapes how and what services ..."]}
    read = [row] * 16 + [bare] * 2
    entries = [SimpleNamespace(first_on_page=False)] * len(read)
    usual = _usual_row(entries, read)
    assert usual == {"lead_officer", "milestone_and_rag"}
    entry = SimpleNamespace(table=SimpleNamespace(ruled_rows=False), first_on_page=False)
    assert _rest_mid_page(entry, bare, usual, row)
    # A row that names its officer is a row, its date cell left blank (a blank cell is no rest).
    assert not _rest_mid_page(entry, {**bare, "lead_officer": ["Head of Service"]}, usual, row)
    # Layout 283100016: where rows print two fields of row data (a date and a status), a rest that prints a
    # second officer as a paragraph of its own is still a rest: the officer is then no field it judges by.
    dated = {"action": ["Monitor ..."], "lead_officer": ["Head of Workforce Development"], "milestone": ["Ongoing"],
             "rag": ["○"]}
    two = _usual_row(entries, [dated] * 16 + [bare] * 2)
    assert two == {"milestone", "rag"}
    assert _rest_mid_page(entry, {**bare, "lead_officer": ["Service Manager, Children in Care"]}, two, dated)
    # Where many rows print none, blank cells are the table's way: no habit to judge by.
    assert _usual_row(entries, [row] * 12 + [bare] * 6) == frozenset()


def test_a_date_and_rating_broken_on_its_dash_stays_one_cell():
    """Layout 283100010 (seed 2831, LibreOffice, unruled rows, 96.7%): the "Date / RAG" column breaks a
    date range and its rating on the dash ("Nov 2022 – Apr 2023" / "– ▲"). The second line opens like a
    list's item ("– Item"), so it stood as a block of its own, level with the officer's second paragraph
    ("Designated Nurse, Safeguarding"): two columns starting level opened a row there, and the action
    "Embed and strengthen the collective / responsibility ..." was cut in two. In a date column a line
    opening on a dash, set at the column's leading under the line above, is that line's rest."""
    page = load_page("unruled-date-and-rating-broken-on-its-dash")
    columns = [Column("milestone_and_rag", 39, 142), Column("outcome", 142, 297), Column("lead_officer", 297, 400),
               Column("extra:The issue we are tackling", 400, 554), Column("action", 554, 747)]
    rows = _rows(page, columns, 40.0, 600.0)
    embed = [r for r in rows if "collective" in r.text("action")]
    assert len(embed) == 1
    assert embed[0].text("action").startswith("Embed and strengthen the collective")
    assert "responsibility of elected members" in embed[0].text("action")
    assert embed[0].text("milestone_and_rag") == "Nov 2022 – Apr 2023 – ▲"


def test_a_cell_that_opens_on_an_ampersand_overleaf_goes_on_from_the_page_before():
    """Layout 281100022 (seed 2811, LibreOffice, zebra, 97.8%): a row broken over the page prints its
    officer "Assistant Director Safeguarding Review" at the foot and "& Quality Assurance" overleaf, with
    the action's next paragraph and no date. No phrase opens on an ampersand: the cell reads on, a vote
    for the row's rest, which was read as a row of its own (97.8% -> 100%)."""
    from pipeline.assemble.rows import _continues

    assert _continues(["Assistant Director Safeguarding Review"], ["& Quality Assurance"])
    assert not _continues(["Assistant Director Safeguarding Review"], ["Head of Quality Assurance"])


def test_a_merged_level_running_past_the_last_rule_leaves_the_row_closed():
    """Layout 287100002 (seed 2871, WeasyPrint, grid rules, objectives merged down the rows, 97.2%): at the
    foot of page 20 the last row's rule closes every cell but the objective's, merged down the rows and
    running on below it ("... supporting them to make / a success of adult life."). The text past the
    rule read as the row left open, so the next page's first row, under its repeated header, was joined
    to it (an action lost). Text past the last rule only in columns the rule leaves out is a merged cell
    running on: the row is closed, and the cell's lines still go to it (97.2% -> 100%)."""
    from pipeline.extract.grid import rows_from_rules

    page = load_page("ruled-merged-level-runs-past-the-last-rule")
    columns = [Column("objective", 42, 197), Column("action", 197, 390), Column("milestone_and_rag", 390, 493),
               Column("extra:What success looks like", 493, 647), Column("lead_officer", 647, 750),
               Column("measures", 750, 918)]
    body = [w for w in page.words if 270 < w.ymid < 500]
    got = rows_from_rules(page, columns, body, 270.0, 500.0)
    assert got is not None
    rows, closed = got
    assert closed
    objectives = " ".join(r.text("objective") for r in rows)
    assert objectives.endswith("a success of adult life.")


def test_a_year_alone_at_a_page_s_top_is_a_cell_s_not_a_page_number():
    """Layout 287100013 (seed 2871, LibreOffice, zebra, officer-and-date cells, 98.4%): a row broken over
    the page prints "Assistant Director ... Assurance, Autumn" at the foot and "2022" alone at the next
    page's top. A bare number in the top margin read as a page number, so the year was dropped as
    furniture and the row lost its date. A bare number that reads as a year numbers no page; page numbers
    still do, and a year repeated on every page is still furniture by its repetition (98.4% -> 99.2%)."""
    from pipeline.extract.furniture import _page_number

    assert not _page_number("2022")
    assert _page_number("14") and _page_number("Page 3 of 28") and _page_number("3/28")
    assert not _page_number("2022/23")


def test_a_row_begun_at_a_page_s_foot_is_no_rest_when_its_row_data_opens_the_next_page():
    """Layout 201100030 (seed 2011, WeasyPrint, 99.1%), which the habit read from the rows that print any
    row data (above) first made worse (95.4%): a row begun at the foot of page 12 prints its plan,
    measures, action and remarks there, its officer, position and date moved overleaf (an HTML engine
    breaks a row's tall cells only). It printed none of the row data every row prints, so it was joined
    to the row above. The next page opens on that row data beside no action of its own (the action goes
    on in lower case): the row at the foot was begun there, and is no rest."""
    from types import SimpleNamespace

    from pipeline.assemble.rows import _completed_overleaf

    usual = frozenset({"lead_officer", "milestone"})
    overleaf = [SimpleNamespace(first_on_page=True)]
    at_foot = {"action": ["Communicate the Quality Assurance Frame‐"], "measures": ["The workforce and partners ..."]}
    rest_of_row = {"lead_officer": ["Finance Business Partner"], "milestone": ["Q2 2022/23"],
                   "action": ["work to the Children’s Social Care workforce and partners."]}
    assert _completed_overleaf(at_foot, overleaf, [rest_of_row], usual)
    # Layout 41100012: the action overleaf reads on from the foot's in capitals ("... of the" / "Liquid ...").
    assert _completed_overleaf({"action": ["Consider the output of the diagnostic of the"]}, overleaf,
                               [{**rest_of_row, "action": ["Liquid Logistic system and plan ..."]}], usual)
    # A next page opening on a row of its own (its action opens anew) shows nothing of the sort.
    assert not _completed_overleaf(at_foot, overleaf, [{**rest_of_row, "action": ["Monitor and Quality Assure ..."]}],
                                   usual)
    # Nor does a next row on the same page.
    assert not _completed_overleaf(at_foot, [SimpleNamespace(first_on_page=False)], [rest_of_row], usual)


def test_a_second_officer_beside_a_list_s_second_item_at_a_page_s_foot_begins_no_row():
    """Layout 290100015 (seed 2901, LibreOffice, unruled rows, officer-and-date cells, 98.6%): at the foot
    of page 4 the last row's officer cell goes on with its second paragraph ("Principal Social" /
    "Worker,", its date overleaf) beside the measures' item "2. Plans will be SMART, ...". A short cell's
    second block below the row's action read as a row begun at the foot, its action overleaf; that row had
    no action and was dropped, with the officer and the measure. A later item of a numbered list starts no
    row, and no row begins level with one (98.6% -> 100%)."""
    page = load_page("second-officer-beside-a-list-s-second-item-at-foot")
    columns = [Column(f, a, b) for f, a, b in (
        ("extra:Key line of enquiry", 39, 92), ("ref", 92, 116), ("extra:Dependencies", 116, 177),
        ("extra:Remarks", 177, 238), ("action", 238, 360), ("lead_officer_and_milestone", 360, 433),
        ("measures", 433, 539), ("rag", 539, 567))]
    rows = _rows(page, columns, 577.0, 760.0)
    assert [r.text("ref") for r in rows] == ["1.18", "1.19"], [(r.text("ref"), r.text("action")[:20]) for r in rows]
    assert rows[-1].text("lead_officer_and_milestone").endswith("Principal Social Worker,")
    assert "2. Plans will be SMART" in rows[-1].text("measures")
