"""Behaviours found on layouts of fresh seeds 2151 onwards and on older dev layouts scored beside them.

Each test names the layout it came from; the mechanism is general (see each docstring)."""

from __future__ import annotations

from collections import Counter

from pipeline.assemble.rows import RawRow, _fill_down
from pipeline.extract.grid import Column, build_table
from pipeline.extract.headers import find_all_headers
from pipeline.extract.text import Line, broken_words
from pipeline.quality import IssueLog
from pipeline.readers.model import Word
from tests.pages import load_page


def _row(plan: str | None, action: str) -> RawRow:
    return RawRow({"action": [action]} | ({"detailed_action_plan": [plan]} if plan else {}), 5, 5, (0, 0, 1, 1))


def test_a_blank_cell_whose_own_fill_opens_with_its_row_takes_nothing_from_above():
    """Layout 212100046 (seed 2121, LibreOffice zebra drawn cell by cell, 80.0%): rows 3.2 and 3.3 leave
    the plan column blank. The theme's table prints its plan again twice and leaves it blank three
    times, so the blanks read as "same as above" and took "Safeguarding and Quality Assurance Service
    Plan" (11 rows wrong). Each cell is shaded on its own, and the plan cells' fills start and end at the
    rows' tops: a merged cell keeps one fill down its rows, so no cell runs on there (80.0% -> 98.3%)."""
    page = load_page("zebra-drawn-cell-by-cell-with-blank-plans")
    xs = [39.2, 81.6, 172.5, 269.6, 469.7, 627.3, 706.1, 797.0]
    fields = ["rag", "milestone", "lead_officer", "action", "measures", "detailed_action_plan", "extra:Risks"]
    table = build_table(page, None, [Column(f, a, b) for f, a, b in zip(fields, xs, xs[1:])], page.words, 60, 720)
    rows = {r.text("action")[:3]: r for r in table.rows}
    assert "detailed_action_plan" in rows["3.2"].fill_parted and not rows["3.2"].cells.get("detailed_action_plan")
    assert "detailed_action_plan" in rows["3.3"].fill_parted


def test_a_blank_cell_is_same_as_above_where_no_fill_of_its_own_says_otherwise():
    """Without a fill of its own opening with the row, a blank plan under a table that leaves plans
    blank for "same as above" (within one objective) still takes the plan above; with one, it stays blank."""
    def rows(parted: frozenset[str]) -> list[RawRow]:
        out = [_row("Plan A", "One."), _row(None, "Two."), _row(None, "Three."), _row("Plan B", "Four."),
               _row(None, "Five."), _row("Plan C", "Six."), _row(None, "Seven.")]
        for r in out[1:]:
            r.fill_parted = parted
        # One objective over the rows, printed once: the group a plan is constant within.
        out[0].cells["objective"] = ["A stable workforce."]
        return out
    columns = ["objective", "action", "detailed_action_plan"]
    open_ = rows(frozenset())
    _fill_down(open_, columns, "action", IssueLog())
    assert open_[2].cells.get("detailed_action_plan") == ["Plan A"]
    parted = rows(frozenset({"detailed_action_plan"}))
    _fill_down(parted, columns, "action", IssueLog())
    assert "detailed_action_plan" not in parted[2].cells and parted[2].inherited == ["objective"]


def _line(top: float, *words: tuple[str, float, float]) -> Line:
    return Line(tuple(Word(t, x0, top, x1, top + 11.0, 11.0) for t, x0, x1 in words))


def test_a_name_the_lexicon_lacks_broken_for_its_cell_is_joined_where_the_document_prints_it_whole():
    """WeasyPrint broke 'Sefton' in a 36 pt column as 'Sefto' / 'n Do-' (layout 156100051: 'Sefto n
    Domestic Abuse Partnership plan' in 3 rows). The whole measures within a glyph box's rounding of the
    cell's width, no piece is a word and the page prints 'Sefton' whole: one word. Two pieces that are
    words ('Bank' / 'side', 'Bankside' a name printed elsewhere) still need the lexicon to join."""
    cell = [_line(343.4, ("Sefto", 530.2, 559.3)), _line(356.6, ("n", 530.2, 537.3), ("Do\u2010", 540.0, 566.4)),
            _line(369.8, ("mestic", 530.2, 560.9))]
    vocabulary = Counter({"sefton": 5, "sefto": 1, "n": 1, "do": 1, "mestic": 1})
    assert broken_words(cell, 566.43, vocabulary) == [False, True, False]
    words = [_line(343.4, ("Bank", 530.2, 552.0)), _line(356.6, ("side", 530.2, 547.0))]
    assert broken_words(words, 566.43, Counter({"bankside": 1, "bank": 1, "side": 1})) == [False, False]


def test_sub_headings_set_close_part_where_the_group_heading_s_rule_is_drawn_in_pieces():
    """Layout 219100048 (seed 2191, WeasyPrint, rules under rows only, 0%): 'Governance' stands over
    'Underpin / ning plan' and 'Area of concern', 7 pt apart (under two word spaces), and the header read
    them as one heading with the group heading's words, 'Governance Underpin Area of concern ning plan':
    the plan and the objective ran together in 150 rows (0% -> 99.3%). The rule under 'Governance' is
    drawn as two pieces, each the top of one sub-heading's cell, that meet in the space between them."""
    actions, _ = find_all_headers(load_page("header-sub-headings-set-close-under-a-group-rule-drawn-in-pieces"))
    assert len(actions) == 1
    texts = [c.text for c in actions[0].cells]
    assert "Underpinning plan" in texts and "Area of concern" in texts, texts
    assert not any("Governance" in t for t in texts), texts


def test_a_list_opening_a_page_under_a_lead_in_cut_on_its_colon_keeps_its_first_item():
    """The same row: 'Delivery of the Thematic Audit Programme with a specific focus on:' fills the foot
    of the page and the items go on overleaf. The first item was joined to the lead-in line; the colon
    leads in a list whose items are paragraphs alike. One paragraph after a colon still goes on."""
    from pipeline.assemble.rows import _join_paragraphs
    lead = ["Delivery of the Thematic Audit Programme with a specific focus on:"]
    items = ["priority service areas", "vulnerable groups of children", "specific risk issues"]
    assert _join_paragraphs(lead, items) == lead + items
    assert _join_paragraphs(lead, ["priority service areas and vulnerable groups."]) == [
        "Delivery of the Thematic Audit Programme with a specific focus on: priority service areas and vulnerable groups."]


def test_an_officer_and_date_cell_that_brings_its_date_overleaf_votes_for_the_row_s_rest():
    """Layout 219100019 (seed 2191, LibreOffice zebra): the last row of a theme breaks over the page, its
    officer-and-date cell printing 'Joint Sefton NHS Place Director and Executive Director' at the foot and
    'Social Care and Health, Spring 2023' overleaf. The officer's rest opens in capitals, so it voted
    for a new row and the action's second paragraph became an action of its own (1 extra row). The rest
    brings the date the cell above had not printed: it completes that cell. A cell above that had printed
    its date still votes against."""
    from pipeline.assemble.rows import _is_tail
    from pipeline.extract.grid import PageRow
    above = RawRow({"action": ["Develop the Emotional Health & Wellbeing pathway."],
                    "lead_officer_and_milestone": ["Joint Sefton NHS Place Director and Executive Director"],
                    "extra:Risks": ["Additional funding requested from"]}, 12, 12, (39.0, 763.0, 550.0, 816.0))
    cells = {"action": ["Share the new pathway with the Social Care workforce."],
             "lead_officer_and_milestone": ["Social Care and Health, Spring 2023"], "extra:Risks": ["the Cabinet Member."]}
    top = PageRow(40.0, 80.0)
    assert _is_tail(above, top, cells, True)
    dated = RawRow(dict(above.cells, lead_officer_and_milestone=["Executive Director, Ongoing"]), 12, 12,
                   (39.0, 763.0, 550.0, 816.0))
    assert not _is_tail(dated, top, cells, True)


def test_a_sentence_cut_by_a_page_after_a_bracketed_abbreviation_goes_on():
    """Layout 218100056 (seed 2181, LibreOffice grid): 'Deliver the Children with Disability (CWD)' ends the
    page and 'Commissioning Action Plan.' opens the next, 'Commissioning' too wide for the line left. A
    closing bracket was taken for a sentence's end: two paragraphs. A bracket closing an abbreviation
    names a term mid-sentence; one closing a note ('(see 1.3.2)', layout 120100042) still ends one."""
    from pipeline.assemble.rows import _join_paragraphs
    cut = ["Deliver the Children with Disability (CWD)"]
    assert _join_paragraphs(cut, ["Commissioning Action Plan."]) == [
        "Deliver the Children with Disability (CWD) Commissioning Action Plan."]
    ended = ["Analyse the feedback received (see 1.3.2)"]
    later = ["Delivered through the Children with Disabilities Service Plan."]
    assert _join_paragraphs(ended, later) == ended + later


def test_the_last_of_words_joined_by_a_slash_is_the_word_a_page_broke():
    """The same layout: 'Budget holders/reviewer' fills the page's last line and 's will have access ...'
    opens the next; 'holders/reviewers' is no word of the lexicon, so the pieces stayed apart
    ('holders/reviewer s'). The piece broken is the word after the slash."""
    from pipeline.extract.text import rest_of_a_word
    assert rest_of_a_word("Within the service, Budget holders/reviewer", "s will have access", {"s": 2, "\ns": 2})
    assert not rest_of_a_word("Within the service, Budget holders/review", "ers will", {"ers": 1})


def test_a_header_at_a_page_s_foot_read_short_is_read_to_the_foot_before_its_rest_overleaf():
    """Layout 75100018 (seed 751, LibreOffice, 61.8%: the worst dev layout for many sessions): Theme 2's
    header opens at page 8's foot, 'Accountability' over 'Monitoring' | 'Due date' | 'Shared', and its
    last words ('measure', 'and rating', 'ambition') open page 9. Its headings name too little to take
    a second line, so the header was read from its first line alone, could not go on overleaf, and the
    theme's rows lost their measures and statuses (30 rows). A header at the foot read short is read
    again from its top to the foot, all of it in bold, and then goes on (61.8% -> 95.5%)."""
    from pipeline.extract.headers import carried_over
    from pipeline.extract.text import page_lines
    foot, next_page = load_page("header-at-page-foot-read-short-two-level"), load_page("header-at-page-foot-read-short-two-level-next")
    actions, others = find_all_headers(foot)
    whole = carried_over(foot, page_lines(foot), [*actions, *others], next_page, page_lines(next_page), others=others)
    assert whole is not None
    fields = {c.text: c.field for c in whole.cells}
    assert fields["Monitoring measure"] == "measures" and fields["Due date and rating"] == "milestone_and_rag", fields
    assert "Accountability" not in " ".join(fields)


def test_a_line_ending_on_a_slash_before_a_word_broke_where_its_producer_breaks():
    """'Budget holders/ reviewers will ...' broken after the slash read as 'holders/reviewers' in many
    layouts (217100005, 218100014, 220100007, 221100059: one measure each), long taken for undecidable.
    It is the producer's line breaker that decides: office suites (LibreOffice, Word) and ReportLab break
    only at a space, so a line ending on a slash before a word broke at a space after it; WeasyPrint
    (Pango) breaks after a slash inside a word too ('children/' / 'young', 'NHSE/' / 'I': layouts
    107100053, 158100004 went wrong when every producer was read so). Before a figure the slash may end a
    piece of a date broken for a narrow cell."""
    from pipeline.extract.text import join_lines
    from pipeline.readers.info import breaks_after_slash
    assert join_lines(["Budget holders/", "reviewers will understand"]) == "Budget holders/ reviewers will understand"
    assert join_lines(["identify that children/", "young people are safe."], slash_breaks=True) == (
        "identify that children/young people are safe.")
    assert join_lines(["Due 30/09/", "2022"]) == "Due 30/09/2022"
    assert join_lines(["Date /", "RAG"], slash_breaks=True) == "Date / RAG"
    assert breaks_after_slash({"Producer": "WeasyPrint 70.0"})
    assert not breaks_after_slash({"Producer": "LibreOffice 7.4", "Creator": "Writer"})
    assert not breaks_after_slash({"Producer": "Microsoft\u00ae Word for Microsoft 365"})
    # A page cutting the paragraph there joins it alike (layout 128100037: 'children/' ends page 11).
    from pipeline.assemble.rows import _join_paragraphs
    cut = ["Quality assurance will identify that children/"]
    assert _join_paragraphs(cut, ["young people are safe."], slash_breaks=True) == [
        "Quality assurance will identify that children/young people are safe."]
    assert _join_paragraphs(cut, ["young people are safe."]) == [
        "Quality assurance will identify that children/ young people are safe."]


def test_a_status_letter_a_alone_on_its_line_is_no_article_running_on():
    """Layout 222100038 (seed 2221, LibreOffice zebra, B-RAG letters): row 2.14, one line high, prints 'A'
    and row 2.15 opens 16.7 pt lower with 'B'. Read as the article 'a', the line above seemed to stop
    mid-sentence and the cell ran on past the row's start: 'A B' for one row, none for the next. A
    capital alone on its line is a letter; a line ending on the article still runs on."""
    from pipeline.extract.grid import _cut_at_anchors
    from tests.pages import drawn_line
    letters = [[drawn_line(113.1, 181.3, "A", size=11.0), drawn_line(113.1, 198.0, "B", size=11.0)]]
    assert [len(b) for b in _cut_at_anchors(letters, [181.3, 198.0], 1.0)] == [1, 1]
    prose = [[drawn_line(113.1, 181.3, "develop a", size=11.0), drawn_line(113.1, 198.0, "framework", size=11.0)]]
    assert [len(b) for b in _cut_at_anchors(prose, [181.3, 198.0], 1.0)] == [2]


def test_headings_wholly_overleaf_left_of_a_split_header_join_it_each_over_its_column():
    """Layout 224100053 (seed 2241, WeasyPrint, 74.7%): Theme 4's header row splits over the page: page
    28's foot prints 'Strategic objective', 'When and status', 'Delivery' and 'Description of action';
    page 29 opens with 'Support / ing / strategy' and 'What difference / will / this make?' left of them,
    on lines of their own, and 'Index', 'Remarks', 'Senior / lead' under 'Delivery'. The lines wholly
    left were passed over as titles, and the first of them stopped the carried lines, so 'lead' was lost
    and 36 rows lost their outcome, objective and officer. Bold lines left of the header, among its
    carried lines, are its headings, parted where the body's gutters run (74.7 -> 98.7%)."""
    from pipeline.extract.headers import carried_over
    from pipeline.extract.text import page_lines
    foot = load_page("header-split-over-a-page-with-headings-wholly-overleaf")
    top = load_page("header-split-over-a-page-with-headings-wholly-overleaf-next")
    actions, others = find_all_headers(foot)
    whole = carried_over(foot, page_lines(foot), [*actions, *others], top, page_lines(top), others=others)
    assert whole is not None
    assert [c.text for c in whole.cells] == ["Supporting strategy", "What difference will this make?",
                                             "Strategic objective", "When and status", "Index", "Remarks",
                                             "Senior lead", "Description of action"]
