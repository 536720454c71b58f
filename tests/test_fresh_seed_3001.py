"""Behaviours found on layouts of fresh seeds 3001 onwards (and one left from seed 2981's batch).

Each test names the layout it came from; the mechanism is general (see each docstring)."""

from __future__ import annotations

from pipeline.assemble.rows import build_rows
from pipeline.extract.geometry import PageTables
from pipeline.extract.grid import Column, PageRow, PageTable, build_table
from pipeline.extract.headers import find_all_headers
from pipeline.extract.text import Line
from pipeline.readers.model import Word
from tests.pages import load_page

# Narrow columns: "Principal" fills its line, so "Social Worker" overleaf is its line's rest.
COLS = [Column("action", 40, 280, "What will we do?"), Column("lead_officer", 280, 340, "Lead manager"),
        Column("rag", 340, 480, "RAG rating"), Column("key_area", 480, 630, "Domain"),
        Column("measures", 630, 760, "What will success look like?")]
XS = {c.field: c.x0 + 5 for c in COLS if c.field}


def _line(x0: float, top: float, text: str) -> Line:
    """Words 5.5 pt a letter, a space between them."""
    words, x = [], x0
    for w in text.split():
        words.append(Word(w, x, top, x + 5.5 * len(w), top + 11.0, 11.0))
        x += 5.5 * (len(w) + 1)
    return Line(tuple(words))


def _row(top: float, cells: dict[str, list[str]], leading: bool = False) -> PageRow:
    lines = {f: [_line(XS[f], top + 13.2 * k, t) for k, t in enumerate(texts)] for f, texts in cells.items()}
    return PageRow(top, top + 13.2 * max(len(t) for t in cells.values()) + 9, lines, leading=leading)


def _page(n: int, rows: list[PageRow]) -> PageTables:
    t = PageTable(n, COLS, rows[0].top, rows[-1].bottom, 40, 760, None, ruled_rows=False, rows=rows)
    return PageTables(n, [t], [])


def test_a_row_begun_at_a_page_s_foot_that_no_action_ever_follows_is_the_row_above_s_rest():
    """Layout 298100020 (seed 2981, LibreOffice, unruled, narrow columns): a row's officer cell holds two
    paragraphs, the second ("Principal") alone under the row's other cells at page 6's foot, read as a row
    begun there; page 7 opens on the rest of the row above ("Social Worker", its status "implementation
    currently anticipated", its domain's "rk", its measures) with no action. The begun row never got an
    action and was dropped with all it held, a whole page of measures. A row begun at the foot that the
    next page follows with no action either is no row: its lines are the row above's, and so is the rest."""
    page6 = _page(6, [
        _row(460.0, {"action": ["Monitor Practice Standards and put in", "place any identified training requirements."],
                     "lead_officer": ["Assistant", "Director", "Quality", "Assurance"],
                     "rag": ["Longer-term action not", "yet started. No risk to"],
                     "key_area": ["Practice Standards and", "Quality Assurance Framewo"],
                     "measures": ["Case file audits will", "show less variability."]}),
        _row(550.0, {"lead_officer": ["Principal"]})])
    page7 = _page(7, [_row(113.0, {"lead_officer": ["Social Worker"], "rag": ["implementation currently",
                                                                              "anticipated"],
                                   "key_area": ["rk"], "measures": ["Plans will be SMART."]}, leading=True)])
    page8 = _page(8, [_row(113.0, {"action": ["Review the Quality Assurance Framework."],
                                   "lead_officer": ["Head of Service"], "rag": ["Complete"],
                                   "measures": ["The framework drives practice."]})])
    rows = build_rows([page6, page7, page8])
    assert [r.text("action") for r in rows] == [
        "Monitor Practice Standards and put in place any identified training requirements.",
        "Review the Quality Assurance Framework."]
    first = rows[0]
    assert first.cells["lead_officer"] == ["Assistant Director Quality Assurance", "Principal Social Worker"]
    assert first.text("rag") == "Longer-term action not yet started. No risk to implementation currently anticipated"
    assert first.cells["measures"][-1] == "Plans will be SMART."
    assert (first.page_start, first.page_end) == (6, 7)


def test_a_row_begun_at_a_page_s_foot_keeps_its_action_printed_overleaf():
    """The rule above leaves a row begun at the foot alone where the next page opens on its action."""
    page6 = _page(6, [
        _row(460.0, {"action": ["Monitor Practice Standards."], "lead_officer": ["Assistant Director"],
                     "rag": ["Complete"]}),
        _row(550.0, {"lead_officer": ["Principal Social Worker"], "rag": ["Ongoing"]})])
    page7 = _page(7, [_row(113.0, {"action": ["Review the Quality Assurance Framework."]}, leading=True)])
    rows = build_rows([page6, page7])
    assert [(r.text("action"), r.text("lead_officer")) for r in rows] == [
        ("Monitor Practice Standards.", "Assistant Director"),
        ("Review the Quality Assurance Framework.", "Principal Social Worker")]


def test_an_officer_and_date_cell_beside_an_action_set_close_under_the_one_above_opens_a_row():
    """Layout 305100055 (seed 3051, LibreOffice, unruled, officer and date in one column): a row with its
    measures left blank ("Bring together the NHS ..." beside "Head of Youth Justice, 30/04/2023") sits a
    cell's padding under the row above, whose action ended last; level with one column only, it read as
    the action's next paragraph and two rows became one (93.4%). A block of an officer-and-date column that
    prints its own date is a row's, as a date or a status is: a row opens beside it."""
    page = load_page("unruled-officer-and-date-opening-a-row-under-an-action")
    fields = [("detailed_action_plan", 39.2, 123.5), ("measures", 123.5, 289.3),
              ("lead_officer_and_milestone", 289.3, 404.2), ("extra:Intended impact", 404.2, 557.2),
              ("action", 557.2, 747.2)]
    columns = [Column(f, a, b) for f, a, b in fields]
    body = [w for w in page.words if 69.7 < w.ymid < 583.9 and not w.rotation]
    rows = build_table(page, None, columns, body, 69.7, 583.9).rows
    pairs = [(r.text("action"), r.text("lead_officer_and_milestone")) for r in rows if r.cells.get("action")]
    assert pairs[-2:] == [
        ("Agree a multi-agency escalation protocol with Merseyside Police and health partners.",
         "Virtual School Head, 30/06/2023"),
        ("Bring together the NHS and Council strategic commissioning functions.", "Head of Youth Justice, 30/04/2023")]


def test_an_officer_and_date_cell_every_row_prints_is_two_fields_of_the_rows_habit():
    """The same layout: every row prints its officer and date in one cell and opens on no reference; an
    action's next paragraph set level with the measures' next ("Delivered through ..." beside "Quality
    assurance will ...") printed neither, yet one field of row data showed no habit (two are needed) and
    it stayed a row (2 extra rows, two actions cut). An officer with a date prints two fields."""
    from types import SimpleNamespace

    from pipeline.assemble.rows import _rest_mid_page, _usual_row

    row = {"action": ["Work with partners ..."], "lead_officer_and_milestone": ["Head of Service, Mar 2023"],
           "measures": ["There will be ..."]}
    rest = {"action": ["Delivered through the Service Plan."], "measures": ["Quality assurance will ..."]}
    read = [row] * 16 + [rest] * 2
    entries = [SimpleNamespace(first_on_page=False)] * len(read)
    usual = _usual_row(entries, read)
    assert usual == {"lead_officer_and_milestone"}
    entry = SimpleNamespace(table=SimpleNamespace(ruled_rows=False), first_on_page=False)
    assert _rest_mid_page(entry, rest, usual, row)
    assert not _rest_mid_page(entry, {**rest, "lead_officer_and_milestone": ["Director, Jan 2024"]}, usual, row)
    # A date column alone is still one field: no habit to judge by.
    dated = {"action": ["Work with partners ..."], "milestone": ["Mar 2023"], "measures": ["There will be ..."]}
    assert _usual_row(entries, [dated] * 16 + [rest] * 2) == frozenset()


def test_white_up_to_a_colour_cell_s_edge_parts_two_headings_however_narrow():
    """Layout 303100049 (seed 3031, LibreOffice, A4, 9 pt): "Remarks" and "Overall status" stand 6 pt
    apart. On page 5 the status cell at the top holds no word (a row's rest, its colour going on), and its
    edge narrowed the white under the headings to two word spaces, which lines going on across it made a
    justified line's spaces: the two headings read as one, "Remarks" fell into the status column, and a
    row's rest became a row (93.8%). White that ends at an empty colour cell's edge parts columns: the
    cell's edge is its column's (93.8% -> 99.3%)."""
    actions, _ = find_all_headers(load_page("header-beside-an-empty-colour-cell"))
    assert [c.text for c in actions[0].cells][4:6] == ["Remarks", "Overall status"]


def test_a_numbered_list_opened_anew_at_a_page_s_foot_opens_a_row_with_one_cell_beside_it():
    """Layout 305100048 (seed 3051, WeasyPrint, unruled, numbered measures): the HTML engine began a row at
    page 7's foot with its two tall cells only ("Recruitment campaign" and "1. Children, young people and
    their families will feel"), its action and short cells moved to page 8. Two columns opening level
    there were too few to show a row, and the measures ran on as the row above's (96.6%). A cell that
    opens a numbered list anew at "1." shows a cell of its own: with it, two columns will do (-> 100%)."""
    page = load_page("unruled-numbered-list-opening-a-row-at-the-foot")
    fields = [("action", 42.3, 216.8), ("extra:Remarks", 216.8, 295.3), ("measures", 295.3, 431.6),
              ("extra:What difference will this make?", 431.6, 557.4), ("rag", 557.4, 615.0),
              ("milestone", 615.0, 672.6), ("extra:Remarks (2)", 672.6, 749.6)]
    columns = [Column(f, a, b) for f, a, b in fields]
    body = [w for w in page.words if 40.0 < w.ymid < 612.0 and not w.rotation]
    rows = build_table(page, None, columns, body, 40.0, 612.0).rows
    last = rows[-1]
    assert set(last.cells) == {"extra:Remarks", "measures"}
    assert last.text("measures") == "1. Children, young people and their families will feel"
    assert rows[-2].text("measures").endswith("practice and monitor per‐ formance.")


def test_a_line_that_ends_a_word_broken_onto_it_ends_that_word():
    """Layout 302100017 (seed 3021, reportlab, a status column 40 pt wide): "No risk to implem" /
    "entation" / "currentl" / "y" / "anticipat" / "ed", every long word broken where the line ran out.
    "entation", ending near the cell's edge, read as a piece going on into "currentl" ("rare" pieces,
    neither printed elsewhere): "implementationcurrently". A line that ends a word broken onto it ends
    that word where it and the word the next line opens are words each (98.6% -> 100%)."""
    from collections import Counter

    from pipeline.extract.text import broken_words

    cells = [("to", 424), ("implem", 448), ("entation", 451), ("currentl", 449), ("y", 420), ("anticipat", 453),
             ("ed", 426)]
    para = [Line((Word(t, 415.0, 653.0 + 12 * k, float(x1), 662.0 + 12 * k, 9.0),)) for k, (t, x1) in enumerate(cells)]
    assert broken_words(para, 453.5, Counter()) == [False, False, True, False, True, False, True]


def test_a_turned_line_cut_at_its_baseline_keeps_the_letter_whose_descender_reaches_further():
    """Layout 308100008 (seed 3081, LibreOffice, statuses shown as colour with a legend, turned headings):
    the header cell clips the turned "Status update" 2.7 pt inside its baseline. Judged by its own ink,
    the "p" (its descender reaching 2 pt past the other letters) had its middle outside the clip and was
    dropped: "Status u date" named a date, the column of colours lost its status in every row (0%). A clip
    cuts a line's letters alike: across the line, a crossed letter is judged with its line's inks (0% ->
    100%); along it, by its own (a letter cut off at a cell's side is still dropped)."""
    from pipeline.readers.pdfium import _ink_inside, _line_inks, _line_key

    clip = (607.5, 42.0, 633.9, 90.2)
    inks = {"u": (630.8, 82.6, 636.6, 89.9), "p": (630.6, 75.0, 638.8, 81.9), "d": (628.1, 67.1, 636.6, 74.0),
            "a": (630.6, 59.9, 636.6, 66.3), "t": (629.0, 54.7, 636.6, 59.4), "e": (630.6, 48.1, 636.6, 54.1)}
    # Each letter its own text object (k), one font box across the line: (text, x0, top, x1, bottom, rotation, ...).
    chars = [(t, 627.4, ink[1], 638.4, ink[3], 90, 11.0, "DejaVuSerif-Bold", True, k, k) for k, (t, ink) in
             enumerate(inks.items())]
    line = _line_inks([(_line_key(ch, clip), inks[ch[0]]) for ch in chars])
    assert len(line) == 1
    assert all(_ink_inside(clip, inks[ch[0]], line[_line_key(ch, clip)], 90) for ch in chars)
    assert not _ink_inside(clip, inks["p"], inks["p"], 90)  # judged alone, as before
    # A line whose letters the clip leaves a sliver of is still cut off.
    assert not _ink_inside((607.5, 42.0, 630.0, 90.2), inks["u"], line[_line_key(chars[0], clip)], 90)
    # Along the line a letter is judged by its own ink: one past the cell's end is dropped.
    assert not _ink_inside((607.5, 60.0, 633.9, 90.2), inks["e"], line[_line_key(chars[0], clip)], 90)


def test_a_word_broken_over_four_lines_is_one_however_often_its_pieces_are_printed():
    """Layout 306100042 (seed 3061, LibreOffice, grid, a status column 30 pt wide): "impl" / "eme" /
    "ntati" / "on", the same status worded in three rows and broken alike each time. Printed three times,
    "eme" and "ntati" were no rare pieces, and "on" a common word: "impl eme ntati on" (95.7%). A run of
    one-piece lines reaching the cell's edge, the first no word, all together an English word, is one word
    (-> 100%)."""
    from collections import Counter

    from pipeline.extract.text import broken_words

    cells = [("to", 336.8), ("impl", 350.3), ("eme", 349.2), ("ntati", 351.8), ("on", 339.5), ("curr", 349.5),
             ("entl", 347.3), ("y", 332.0)]
    para = [Line((Word(t, 325.8, 71.0 + 14.6 * k, x1, 81.0 + 14.6 * k, 11.0),)) for k, (t, x1) in enumerate(cells)]
    vocabulary = Counter({"on": 63, "eme": 3, "ntati": 3, "impl": 3, "curr": 3, "entl": 3, "y": 3})
    assert broken_words(para, 352.3, vocabulary) == [False, False, True, True, True, False, True, True]


def test_a_header_printed_again_over_a_few_lines_keeps_the_bounds_the_page_before_fitted():
    """Layout 306100011 (seed 3061, WeasyPrint, header on every page): the last page holds only the rest
    of the last row's remark, "Awaiting sign-off by" / "the Leadership" / "Team.", moved there whole by the
    HTML engine. Its three lines show white after "Awaiting" and "the" that the page's own fitting took for
    the boundary under "Latest position", so "sign-off by Leadership" went to the officer's column
    (98.4%). Under a header printed again, a body of a few lines that crosses none of the bounds the page
    before fitted keeps them (-> 100%)."""
    from pipeline.extract.geometry import _bounded_as_before

    def words(line: str, x0: float, top: float) -> list[Word]:
        out, x = [], x0
        for w in line.split():
            out.append(Word(w, x, top, x + 5.0 * len(w), top + 9.0, 9.0))
            x += 5.0 * len(w) + 5.0
        return out

    before = [Column("action", 325, 557, "Description of action"), Column("extra:Latest position", 557, 675,
                                                                          "Latest position"),
              Column("lead_officer", 675, 750, "Senior lead")]
    fitted = [Column("action", 325, 557, "Description of action"), Column("extra:Latest position", 557, 612,
                                                                          "Latest position"),
              Column("lead_officer", 612, 750, "Senior lead")]
    body = words("Awaiting", 563, 163) + words("sign-off by", 615, 163) + words("the", 563, 175) + \
        words("Leadership", 616, 175) + words("Team.", 563, 187)
    assert [(c.x0, c.x1) for c in _bounded_as_before(fitted, before, body)] == [(325, 557), (557, 675), (675, 750)]
    # A page of many lines keeps the bounds fitted to its own text.
    many = body + [w for k in range(4) for w in words("Ongoing review", 563, 200 + 12 * k)]
    assert _bounded_as_before(fitted, before, many) == fitted
    # So does a page whose words cross a bound the page before fitted.
    crossing = words("Awaiting sign-off by the Leadership Team", 563, 163)
    assert _bounded_as_before(fitted, before, crossing) == fitted


def test_a_row_that_prints_the_level_above_again_is_no_rest():
    """Layout 173100017 (dev seed 1731, WeasyPrint, levels printed again in every row, blank cells): a row
    begun at page 10's foot prints its theme again ("Children in Care") and its action's first paragraph,
    its officer and date moved overleaf. Once the officer-and-date cell counted as two fields of the rows'
    habit, the row, printing neither, read as the rest of the row above, and two actions became one. A
    row's rest never prints its levels again: a level printed as the row above prints it opens a row."""
    from types import SimpleNamespace

    from pipeline.assemble.rows import _rest_mid_page

    usual = frozenset({"lead_officer_and_milestone"})
    entry = SimpleNamespace(table=SimpleNamespace(ruled_rows=False), first_on_page=False)
    above = {"action": ["Progress actions agreed ..."], "theme": ["Children in Care"],
             "lead_officer_and_milestone": ["Executive Director of Children's Services"]}
    begun = {"action": ["Review of information sharing agreement."], "theme": ["Children in Care"]}
    assert not _rest_mid_page(entry, begun, usual, above)
    # The same row with its level left blank (merged down the rows) is the row above's rest, as before.
    assert _rest_mid_page(entry, {"action": begun["action"]}, usual, above)
