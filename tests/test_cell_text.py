"""How a cell's lines become text: the word-processor habits that real plans show (Kent's, in
../shared/corpus/council/README.md) and that no synonym list can fix: words parted by a change of font,
a dash moved to the next line by wrapping, and a word too long for its cell broken between letters."""

from __future__ import annotations

from collections import Counter

from pipeline.extract.text import Line, paragraphs_text, word_key
from pipeline.readers.model import Word

SIZE = 10.0
LEADING = 12.0


def line(row: int, *spans: tuple[str, float]) -> Line:
    """A line of words at (text, x0), each 5 pt a letter wide."""
    top = 100 + row * LEADING
    return Line(tuple(Word(t, x0, top, x0 + 5 * len(t), top + SIZE, SIZE) for t, x0 in spans))


def vocabulary(*lines: Line) -> Counter[str]:
    return Counter(word_key(w.text) for ln in lines for w in ln.words)


def test_punctuation_that_touches_its_word_prints_as_part_of_it():
    # "approaches" and a full stop set in another font: two words to the reader, one on the page.
    words = (Word("approaches", 10, 100, 60, 110, 10), Word(".", 60, 99, 63, 111, 14))
    assert Line(words).text == "approaches."
    assert line(0, ("approaches", 10), ("now", 63)).text == "approaches now"
    # Two words that touch keep their space: kerning can eat it ("school" + italic "or" in a real PDF).
    assert Line((Word("school", 10, 100, 40, 110, 10), Word("or", 40.2, 100, 50, 110, 10))).text == "school or"


def test_a_dash_wrapped_to_the_next_line_stays_in_the_sentence():
    # The line above ends 3 pt short of the edge: "– both" could not fit there.
    lines = [line(0, ("leaders", 10), ("and", 50), ("managers", 70)), line(1, ("\u2013", 10), ("both", 20))]
    edge = lines[0].x1 + 3
    assert paragraphs_text(lines, edge=edge) == ["leaders and managers \u2013 both"]


def test_a_dash_list_stays_a_list():
    full = [line(0, ("Deliver:", 10)), line(1, ("-", 10), ("one", 20)), line(2, ("-", 10), ("two", 20))]
    assert paragraphs_text(full, edge=200) == ["Deliver:", "one", "two"]
    # A line with room left before the dash: the dash starts an item, wherever the walls are.
    roomy = [line(0, ("Actions", 10)), line(1, ("-", 10), ("one", 20))]
    assert paragraphs_text(roomy, edge=200) == ["Actions", "one"]
    # Without the cell's walls nothing is guessed.
    assert paragraphs_text([line(0, ("managers", 10)), line(1, ("-", 10), ("both", 20))]) == ["managers", "both"]


def test_a_word_broken_for_a_narrow_cell_is_made_whole():
    lines = [line(0, ("Ongoing", 10)), line(1, ("Commence", 10)), line(2, ("d", 10), ("Oct", 20))]
    edge = lines[1].x1 + 2  # less than a letter (5 pt) left: the "d" did not fit
    other = line(5, ("Commenced", 10))
    assert paragraphs_text(lines, edge=edge, vocabulary=vocabulary(*lines, other)) == ["Ongoing Commenced Oct"]


def test_a_word_that_merely_wrapped_keeps_its_space():
    # "Commenced" ends as close to the edge, but "Oct" is a word printed elsewhere and "CommencedOct" is not.
    lines = [line(0, ("Commenced", 10)), line(1, ("Oct", 10), ("24", 30))]
    edge = lines[0].x1 + 2
    words = vocabulary(*lines, line(4, ("Oct", 10)), line(5, ("Commenced", 10)))
    assert paragraphs_text(lines, edge=edge, vocabulary=words) == ["Commenced Oct 24"]
    # With room for a letter left, the line simply wrapped.
    assert paragraphs_text([line(0, ("Commence", 10)), line(1, ("d", 10))], edge=63,
                           vocabulary=Counter()) == ["Commence d"]


def test_a_word_hyphenated_by_the_layout_engine_is_one_word_across_paragraph_and_page_breaks():
    from pipeline.assemble.rows import _join_paragraphs

    # WeasyPrint breaks "Director" as "Dir\u2010" / "ector"; even where the rest opens a new row part on the
    # next page, and would have fitted on the line above, it is the same word.
    assert _join_paragraphs(["Executive Dir\u2010"], ["ector Social Care"], word_fitted=True) == [
        "Executive Director Social Care"]
    # An author's own hyphen stays, and so does a new paragraph after a finished one.
    assert _join_paragraphs(["A co-"], ["ordinated plan"]) == ["A co-ordinated plan"]
    assert _join_paragraphs(["Done."], ["Next"], word_fitted=True) == ["Done.", "Next"]


def test_a_word_in_capitals_hyphenated_by_the_layout_engine_is_one_word():
    from pipeline.extract.text import join_lines

    # Seed-61 layout 6100004: "OFSTED" broken as "OFS‐" / "TED" is the word printed.
    assert join_lines(["highlighted in OFS‐", "TED inspection reports"]) == "highlighted in OFSTED inspection reports"
    # A capital after a lower-case break opens a word of its own: the hyphen was printed.
    assert join_lines(["a well‐", "Led team"]) == "a well‐Led team"


def test_a_number_broken_for_a_narrow_cell_is_made_whole():
    # "100%" in a cell two digits wide: "10" / "0" / "%", each line at the cell's edge.
    lines = [line(0, ("10", 10)), line(1, ("0%", 10))]
    edge = lines[0].x1 + 2
    common = vocabulary(*[line(k, ("0%", 10)) for k in range(3, 6)])  # the pieces are common: no evidence
    assert paragraphs_text(lines, edge=edge, vocabulary=common) == ["100%"]
    # A number that merely wrapped has room left beside it, and stays apart.
    assert paragraphs_text([line(0, ("2022", 10)), line(1, ("24", 10))], edge=43, vocabulary=Counter()) == ["2022 24"]


def test_a_sentence_broken_off_by_hand_starts_a_paragraph_even_with_no_space_above():
    # "Enabling" (8 letters, 40 pt) would have fitted after "People." on a line of the cell's width.
    lines = [line(0, ("Children", 10), ("and", 55), ("Young", 75), ("People.", 105)),
             line(1, ("Enabling", 10), ("a", 55), ("culture", 65), ("in", 105), ("which", 120), ("staff", 155), ("thrive.", 185))]
    assert paragraphs_text(lines) == ["Children and Young People.", "Enabling a culture in which staff thrive."]
    # A line that wrapped because the next word did not fit runs on, sentence end or not.
    full = [line(0, ("Children", 10), ("and", 55), ("Young", 75), ("People.", 105)),
            line(1, ("Enabling", 10), ("culture", 55))]
    assert paragraphs_text(full) == ["Children and Young People. Enabling culture"]


def test_a_soft_hyphen_printed_inside_a_line_is_written_as_a_hyphen():
    from pipeline.extract.text import join_lines

    # Producers map the hyphen glyph of "year-long" or "13-24" to U+00AD; the glyph was printed.
    assert join_lines(["a year\xadlong plan"]) == "a year-long plan"
    assert join_lines(["ages 13\xad", "24 months"]) == "ages 13-24 months"
    # At a line end before the rest of its word it is a hyphenation break, as before.
    assert join_lines(["co\xad", "ordinating"]) == "coordinating"


def test_a_soft_hyphen_ending_a_cell_part_joins_its_word_across_the_page_break():
    from pipeline.assemble.rows import _join_paragraphs
    from pipeline.extract.text import join_lines

    before = join_lines(["Executive Dir\xad"])
    assert before.endswith("\xad")  # left for the join, not yet written as "-"
    assert _join_paragraphs([before], ["ector Social Care"], word_fitted=True) == ["Executive Director Social Care"]


def test_a_date_broken_for_a_narrow_cell_is_made_whole_and_reads_as_a_date():
    # "31/03/2022" in a column narrower than the date: the last digit goes to the next line.
    from pipeline.extract.columns import profile

    lines = [line(0, ("31/03/202", 10)), line(1, ("2", 10))]
    common = vocabulary(*[line(k, ("2", 10)) for k in range(3, 6)])
    assert paragraphs_text(lines, edge=lines[0].x1 + 2, vocabulary=common) == ["31/03/2022"]
    # Before the lines are mended the column's cells still read as dates, not as reference codes.
    p = profile(["31/03/202 2", "30/11/202 2", "Ongoing"])
    assert p.date_share == 1.0 and p.code_share == 0.0
    assert profile(["1.2 3", "SO1 SO2"]).date_share == 0.0


def test_numbered_items_set_with_no_space_between_them_are_paragraphs():
    # "2." opens a line after a line with room for it: a new item, though no sentence ended above.
    lines = [line(0, ("1.", 10), ("Staff", 25), ("feel", 60), ("valued", 85), ("and", 120)),
             line(1, ("in", 10), ("their", 25), ("work", 55)),
             line(2, ("2.", 10), ("Vacancies", 25), ("fall", 75), ("below", 100), ("ten", 130))]
    assert paragraphs_text(lines) == ["1. Staff feel valued and in their work", "2. Vacancies fall below ten"]
    # The next item follows on from the paragraph's own number even when the line above is full.
    full = [line(0, ("1.", 10), ("Staff", 25), ("feel", 60), ("valued", 85), ("always", 120)),
            line(1, ("2.", 10), ("Vacancies", 25), ("fall", 75))]
    assert paragraphs_text(full) == ["1. Staff feel valued always", "2. Vacancies fall"]
    # A number that wraps to a line's start inside a sentence, after a full line, stays in it.
    wrapped = [line(0, ("Reduce", 10), ("vacancies", 45), ("to", 95), ("fewer", 110), ("than", 140)),
               line(1, ("2.", 10), ("per", 25), ("team", 45))]
    assert paragraphs_text(wrapped) == ["Reduce vacancies to fewer than 2. per team"]


def test_the_next_numbered_item_after_a_page_break_starts_its_own_paragraph():
    from pipeline.assemble.rows import _join_paragraphs

    assert _join_paragraphs(["1. Staff feel valued in their work"], ["2. Vacancies fall"]) == [
        "1. Staff feel valued in their work", "2. Vacancies fall"]
    assert _join_paragraphs(["1. Staff feel valued in their"], ["work. 2. Vacancies fall"]) == [
        "1. Staff feel valued in their work. 2. Vacancies fall"]


def test_a_sentence_broken_off_by_hand_in_a_walled_cell_is_measured_against_the_cell_wall():
    # Seed-41 layout 4100007: "Recruit Practice Improvement Managers." then "Delivered through ..." in a
    # ruled cell. The cell's widest line stops short of the wall, but the wall shows "Delivered" would
    # have fitted after the sentence: a paragraph set by hand.
    lines = [line(0, ("Recruit", 10), ("managers.", 50)),
             line(1, ("Delivered", 10), ("through", 60), ("plans", 100))]
    assert paragraphs_text(lines) == ["Recruit managers. Delivered through plans"]
    assert paragraphs_text(lines, edge=200) == ["Recruit managers.", "Delivered through plans"]


def test_a_paragraph_space_a_little_over_an_even_line_spacing_starts_a_paragraph():
    # Seed-71 layouts 7100001 and 7100054, seed-41 layout 4100056: lines 2 pt apart in a paragraph, 4 pt
    # between paragraphs, at 10 pt: under a fifth of an em more, but plain where every other gap agrees.
    def at(top: float, *spans: tuple[str, float]) -> Line:
        return Line(tuple(Word(t, x0, top, x0 + 5 * len(t), top + SIZE, SIZE) for t, x0 in spans))

    lines = [at(100, ("Staff", 10), ("are", 40), ("supported", 60)), at(112, ("to", 10), ("grow", 25)),
             at(126, ("Children", 10), ("are", 55), ("heard", 75)), at(138, ("at", 10), ("home", 25))]
    assert paragraphs_text(lines) == ["Staff are supported to grow", "Children are heard at home"]
    # Gaps that do not agree show no even spacing to measure against: the lines run on.
    uneven = [at(100, ("Staff", 10), ("are", 40), ("supported", 60)),
              at(112.5, ("to", 10), ("grow", 25), ("and", 50), ("thrive", 70)),
              at(126, ("Children", 10), ("are", 55), ("heard", 75)), at(137, ("at", 10), ("home", 25))]
    assert paragraphs_text(uneven) == ["Staff are supported to grow and thrive Children are heard at home"]


def test_the_rest_of_a_word_broken_at_the_cells_edge_joins_it_however_often_the_document_breaks_it():
    # Seed-21 layout 2100049: a status column too narrow for "anticipated" and "progressing" breaks them
    # the same way in every row, so "d" and "ing" are printed many times; no such piece is a word.
    lines = [line(0, ("currently", 10)), line(1, ("anticipate", 10)), line(2, ("d", 10))]
    edge = lines[1].x1 + 2
    common = vocabulary(*[line(k, ("d", 10)) for k in range(5, 9)], *[line(k, ("ing", 10)) for k in range(9, 12)])
    assert paragraphs_text(lines, edge=edge, vocabulary=common) == ["currently anticipated"]
    assert paragraphs_text([line(0, ("progress", 10)), line(1, ("ing,", 10), ("some", 35))], edge=52,
                           vocabulary=common) == ["progressing, some"]
    # A word of its own that wrapped stays apart, however close its line came to the edge.
    common.update(vocabulary(line(20, ("to", 10)), line(21, ("to", 10))))
    assert paragraphs_text([line(0, ("Assistant", 10)), line(1, ("to", 10), ("the", 25))], edge=57,
                           vocabulary=common) == ["Assistant to the"]


def test_a_word_broken_after_other_words_on_its_line_joins_when_only_the_whole_is_a_word_elsewhere():
    # Seed-31 layout 3100021: "Designated Nurse, Safeguar" / "ding": the whole is printed elsewhere,
    # neither piece is.
    lines = [line(0, ("Designated", 10), ("Nurse,", 65), ("Safeguar", 100)), line(1, ("ding", 10))]
    words = vocabulary(*lines, line(5, ("Safeguarding", 10)))
    assert paragraphs_text(lines, edge=lines[0].x1 + 2, vocabulary=words) == ["Designated Nurse, Safeguarding"]
    # Words that merely wrapped stay apart.
    wrapped = [line(0, ("Head", 10), ("of", 35), ("Early", 50)), line(1, ("help", 10))]
    assert paragraphs_text(wrapped, edge=wrapped[0].x1 + 2,
                           vocabulary=vocabulary(*wrapped, line(5, ("help", 10)))) == ["Head of Early help"]


def test_a_word_broken_after_its_apostrophe_for_a_narrow_cell_is_made_whole():
    # Seed-151 layout 15100039: "Children’" / "s Assistant Directors & HR" in a narrow officer column.
    lines = [line(0, ("Children\u2019", 10)), line(1, ("s", 10), ("Assistant", 20))]
    assert paragraphs_text(lines, edge=lines[0].x1 + 2, vocabulary=vocabulary(*lines)) == [
        "Children\u2019s Assistant"]
    # A word that merely wrapped after a closing quote stays apart.
    quoted = [line(0, ("\u2018Together\u2019", 10)), line(1, ("and", 10), ("more", 35))]
    assert paragraphs_text(quoted, edge=quoted[0].x1 + 2,
                           vocabulary=vocabulary(*quoted, line(5, ("and", 10)))) == ["\u2018Together\u2019 and more"]


def test_a_word_broken_the_same_way_in_every_row_is_made_whole_when_only_the_whole_is_an_english_word():
    # Seed-151 layout 15100023: a narrow status column breaks "Ongoing" as "Ong" / "oing" in every row,
    # so both pieces are printed many times; the word list knows "ongoing" and neither piece.
    lines = [line(0, ("Ong", 10)), line(1, ("oing", 10))]
    often = vocabulary(*[ln for k in range(6) for ln in (line(2 * k, ("Ong", 10)), line(2 * k + 1, ("oing", 10)))])
    assert paragraphs_text(lines, edge=lines[0].x1 + 6, vocabulary=often) == ["Ongoing"]
    assert paragraphs_text([line(0, ("Septem", 10)), line(1, ("ber", 10), ("2022", 30))], edge=42,
                           vocabulary=often) == ["September 2022"]
    assert paragraphs_text([line(0, ("Children", 10)), line(1, ("\u2019s", 10), ("Services", 25))], edge=52,
                           vocabulary=often) == ["Children\u2019s Services"]
    # Two words of their own stay apart, though together they make a word too; so do words that wrapped.
    often.update(vocabulary(*[line(30 + k, (w, 10)) for k in range(2) for w in ("force", "Director")]))
    assert paragraphs_text([line(0, ("Work", 10)), line(1, ("force", 10))], edge=32, vocabulary=often) == [
        "Work force"]
    assert paragraphs_text([line(0, ("Assistant", 10)), line(1, ("Director", 10))], edge=57, vocabulary=often) == [
        "Assistant Director"]


def test_the_word_list_reads_compounds_part_by_part_and_short_pieces_as_no_words():
    from pipeline.extract.lexicon import is_word, known

    assert known()
    assert is_word("longer-term") and is_word("children\u2019s") and is_word("ongoing")
    assert not is_word("er-term") and not is_word("oing") and not is_word("ng")


def test_no_paragraph_ends_inside_a_word():
    # Seed-131 layout 13100007: a theme title "Improving Implementa" / "tion of Learning" parted by a gap
    # (and, in the plan, by a page break) is one title.
    lines = [line(0, ("Improving", 10)), line(1, ("Implementa", 10)), line(4, ("tion", 10), ("of", 35), ("Learning", 50))]
    assert paragraphs_text(lines) == ["Improving Implementation of Learning"]
    # Paragraphs that end on whole words stay paragraphs.
    two = [line(0, ("Launch", 10), ("the", 45)), line(1, ("plan.", 10)), line(4, ("Review", 10), ("it.", 45))]
    assert paragraphs_text(two) == ["Launch the plan.", "Review it."]


def test_a_cell_cut_by_a_page_break_inside_a_word_is_one_word():
    from pipeline.assemble.rows import _join_paragraphs

    assert _join_paragraphs(["Improving Implementa"], ["tion of Learning"]) == ["Improving Implementation of Learning"]
    assert _join_paragraphs(["Improving the plan"], ["for Learning"]) == ["Improving the plan for Learning"]


def test_a_comma_cut_off_its_word_onto_the_next_line_rejoins_it():
    # Seed-171 layout 17100039: a narrow column breaks "families," after the word, before its comma.
    lines = [line(0, ("Feedback", 10), ("from", 55), ("families", 80)), line(1, (",", 10), ("children", 20))]
    assert paragraphs_text(lines) == ["Feedback from families, children"]
    # An opening bracket or quotation mark opening a wrapped line keeps its space.
    assert paragraphs_text([line(0, ("Review", 10), ("of", 45), ("policy", 60)),
                            line(1, ("(annual)", 10), ("\u2018Together\u2019", 60))]) == [
        "Review of policy (annual) \u2018Together\u2019"]


def test_a_line_opening_on_a_slash_joins_the_word_before_it():
    """Found on fresh seed 201's layout 20100006: a date broken for a narrow cell after its month
    ('30/04' / '/2023') came out '30/04 /2023'. Wrapped text never opens a line on a slash of its own."""
    from pipeline.extract.text import join_lines

    assert join_lines(["30/04", "/2023"]) == "30/04/2023"
    assert join_lines(["Head of HR and", "/or Director"]) == "Head of HR and/or Director"
    assert join_lines(["Q2 2023 /", "Q3"]) == "Q2 2023 / Q3"
    assert join_lines(["Assistant Director", "/ Head of Service"]) == "Assistant Director / Head of Service"


def test_a_line_broken_by_hand_inside_a_sentence_is_a_paragraph_break_as_printed():
    """Found on fresh seed 291 (and the seeds before it): the outcome 'Feedback from' / 'families. staff and
    partners shapes how ...' is printed with a line break its author typed, though 'families.' would have
    fitted on the line above. Only sentence ends and numbered items broke paragraphs so, and the break was
    lost: the text was not what was printed. A line that wraps because the next word did not fit runs on."""
    lines = [line(0, ("Feedback", 10), ("from", 50)),
             line(1, ("families.", 10), ("staff", 60), ("and", 90), ("partners", 110), ("shapes", 155))]
    assert paragraphs_text(lines) == ["Feedback from", "families. staff and partners shapes"]
    wrapped = [line(0, ("Feedback", 10), ("from", 50), ("our", 75), ("staff", 95), ("and", 125), ("all", 145)),
               line(1, ("families.", 10), ("staff", 60))]
    assert paragraphs_text(wrapped) == ["Feedback from our staff and all families. staff"]


def test_a_word_continued_on_the_next_page_fits_the_line_above_only_with_the_columns_own_word_space():
    """Found on fresh seed 291's layout 29100032 (LibreOffice, DejaVu Sans 9 pt): 'process to identify
    individual' ended a page 27.6 pt short of the column's furthest line, and 'areas' opened the next page,
    24.9 pt wide. With a quarter em for the space it fitted, so the paragraph was read as ended there by
    hand and the action came out 'individual\\nareas'; the column's own word spaces are 2.8 pt, and with
    one of them the word does not fit: the line wrapped."""
    from pipeline.assemble.rows import RawRow, _first_word_fits, _free_space
    from pipeline.extract.grid import PageRow, PageTable

    def at(top: float, *spans: tuple[str, float, float]) -> Line:
        return Line(tuple(Word(t, x0, top, x1, top + 9, 9.0) for t, x0, x1 in spans))

    cell = [at(507.2, ("Leaders", 478.3, 514.0), ("and", 516.8, 533.8), ("managers", 536.6, 581.7), ("will", 584.5, 599.4),
                ("use", 602.3, 618.1), ("the", 621.0, 635.8)),
            at(531.3, ("process", 478.3, 513.1), ("to", 515.9, 525.0), ("identify", 527.8, 561.7),
               ("individual", 564.5, 608.2))]
    row = PageRow(500.0, 545.0, {"action": cell})
    table = PageTable(5, [], 40.0, 545.0, 39.0, 797.0, None, True, [row])
    target = RawRow({"action": ["..."]}, 5, 5, (0.0, 0.0, 0.0, 0.0), free_space=_free_space(row, table, {}))
    rest = PageRow(40.0, 90.0, {"action": [at(41.9, ("areas", 478.3, 503.2), ("for", 506.1, 518.5))]})
    assert not _first_word_fits(target, "action", rest)
    short = PageRow(40.0, 90.0, {"action": [at(41.9, ("area", 478.3, 498.2), ("for", 501.1, 513.5))]})
    assert _first_word_fits(target, "action", short)


def test_two_words_each_filling_a_narrow_cells_line_are_not_one_broken_word():
    """Found on fresh seed 291's layout 29100042 (WeasyPrint, a narrow key-area column): 'Corporate' /
    'Parenting' and 'comprehensive' / 'understanding', each word alone on its line at the cell's edge,
    came out 'CorporateParenting': the rest was printed nowhere else, which counted as evidence of a
    broken word. Two English words that make no word together are two words; a piece that is no word
    ('Commence' / 'd') still joins."""
    lines = [line(0, ("Corporate", 10)), line(1, ("Parenting", 10))]
    edge = lines[0].x1 + 2
    assert paragraphs_text(lines, edge=edge, vocabulary=vocabulary(*lines)) == ["Corporate Parenting"]
    broken = [line(0, ("Commence", 10)), line(1, ("d", 10))]
    assert paragraphs_text(broken, edge=broken[0].x1 + 2, vocabulary=vocabulary(*broken)) == ["Commenced"]


def test_blocks_that_may_start_rows_break_by_hand_only_where_a_sentence_ended():
    """Found on CI sample layout 1100027 (reportlab, unruled rows): once a line broken by hand inside a
    sentence ended a paragraph, the column blocks that start rows broke there too, and 33 rows that
    were no actions appeared. The cell's text keeps the break as printed; a row starts only where a
    sentence ended or a numbered item opens."""
    from pipeline.extract.text import lines_to_paragraphs

    lines = [line(0, ("Feedback", 10), ("from", 50)),
             line(1, ("families.", 10), ("staff", 60), ("and", 90), ("partners", 110), ("shapes", 155))]
    assert len(lines_to_paragraphs(lines)) == 2
    assert len(lines_to_paragraphs(lines, mid_sentence=False)) == 1
    ended = [line(0, ("Recruit", 10), ("staff.", 50)), line(1, ("Train", 10), ("them", 45), ("well", 75), ("in", 100),
                                                               ("practice", 115), ("now", 160))]
    assert len(lines_to_paragraphs(ended, mid_sentence=False)) == 2
