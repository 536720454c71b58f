"""The default strategy: action tables from page geometry (words, rules, fills) read by pdfplumber.

Per page: drop the furniture, find header rows by their headings, take each table's body down to the
next header, heading banner or footer, and build its rows. A page with no header continues the table
of the page before when its text sits in that table's columns (headers printed once per table).
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import re
import statistics
from dataclasses import dataclass, field
from collections import Counter
from typing import Sequence

from ..readers.model import Document, Fill, Page, Word
from ..settings import DEFAULT_SETTINGS, ExtractSettings
from .furniture import Furniture, find_furniture, page_number_line
from .grid import (
    LINE_KEY,
    Column,
    PageRow,
    PageTable,
    build_table,
    columns_from_header,
    named_field,
    own_colours,
    refit_columns,
    straddle_ratio,
    straddled_lines,
    text_edges,
    words_vocabulary,
)
from .columns import (
    EXTRA_PREFIX,
    FEW_CELLS,
    MIN_CELLS_FOR_CONTENT,
    PROSE_FIELDS,
    Profile,
    by_content,
    coloured_status,
    cue_candidates,
    cue_scores,
    extra_key,
    fits,
    infer_action,
    profile,
    resolve,
    shown_level,
    shows_documents,
    states_status,
)
from .headers import (
    Header,
    HeaderCell,
    below_header,
    carried_over,
    filled_columns,
    find_all_headers,
    listed_exactly,
    match_heading,
    named_fields,
    normalise_heading,
    override_headings,
)
from .text import Line, page_lines, paragraphs_text, split_chunks, tidy

# Section headings above (or across) a table: "Priority 1 – Improving Quality", "Theme 2: ...".
BANNER = re.compile(
    r"^(?P<kind>priority|theme|section|part|strand|workstream|work stream|improvement area|area)\s*"
    r"(?P<ref>\d+(?:\.\d+)*)\s*[:.\-\u2013\u2014]?\s*(?P<title>.*)$",
    re.I,
)
KEY_AREA = re.compile(r"^key\s+area\s*(?P<ref>\d+(?:\.\d+)*)?\s*[:.\-\u2013\u2014]\s*(?P<title>.+)$", re.I)
# Plan fields a header without an action heading must name before its columns are searched for one.
PROMOTE_MIN_FIELDS = 2
# Words under a header too few to show its column gutters.
THIN_BODY_WORDS = 20
# Columns of figures that make a table an indicator table.
INDICATOR_FIGURE_COLUMNS = 2
# How far under a header its lines are checked for running prose: lines (of the header's line height),
# and the words that must be there for the check to say anything.
PROSE_CHECK_LINES = 8
HEADER_LINE_HEIGHT = 1.2
PROSE_CHECK_MIN_WORDS = 20
# Lines under a header that cross its columns, as a share of them, past which they are running prose (a
# title over paragraphs cut in two at a word space: "Key to Activity | Indicator Graphs"). A banner row
# spanning a table's columns is one line or two of the lines read.
PROSE_LINE_SHARE = 0.5
# Lines under a header its page must show before they alone are judged for prose (_over_prose): enough
# that a banner row (a line or two across the columns) stays under PROSE_LINE_SHARE of them.
PROSE_MIN_LINES = 5
# Headings that end the action tables (appendices, annexes).
STOPPER = re.compile(r"^(appendix|annex|annexe|glossary)\b", re.I)


@dataclass
class Banner:
    kind: str  # "theme" or "key_area"
    ref: str | None
    title: str


def parse_banner(text: str) -> Banner | None:
    text = tidy(text)
    m = KEY_AREA.match(text)
    if m:
        return Banner("key_area", m.group("ref"), m.group("title").strip())
    m = BANNER.match(text)
    if m and m.group("title").strip():
        return Banner("theme", m.group("ref"), m.group("title").strip())
    return None


@dataclass
class PageTables:
    """What one page holds: its tables, and the banners printed on it (in reading order)."""

    page: int
    tables: list[PageTable]
    # (y, Banner) in page order, including those above tables; used to label rows.
    banners: list[tuple[float, Banner]]
    stopped: bool = False  # an appendix/annex heading ends the action tables here
    # Headers of the page's other tables (indicators, budgets: fields but no action), kept for --explain.
    other_headers: list[Header] = field(default_factory=list)


def _banners(lines: Sequence[Line], settings: ExtractSettings) -> list[tuple[float, Banner]]:
    """Heading lines: one chunk of text, set bold or larger than the page's body text."""
    out = []
    body_size = None
    for ln in lines:
        b = parse_banner(ln.text)  # cheapest test first: most lines are not worded like a banner
        if b is None or len(split_chunks(ln, (), settings)) != 1:
            continue
        if body_size is None:
            sizes = sorted(w.size for l2 in lines for w in l2.words)
            body_size = sizes[len(sizes) // 2]
        if all(w.bold for w in ln.words) or ln.size >= 1.15 * body_size:
            out.append((ln.top, b))
    return out


def _section_banners(tables: Sequence[PageTable]) -> list[tuple[float, Banner]]:
    """Section rows spanning a table, as banners: a numbered one ("2 Improving Quality") keeps its
    number as the theme's ref."""
    out = []
    for t in tables:
        for row in t.rows:
            if row.section:
                banner = parse_banner(row.section) or _numbered_section(row.section)
                out.append((row.top, banner))
        t.rows = [r for r in t.rows if not r.section]
    return out


_NUMBERED = re.compile(r"^(?P<ref>\d+(?:\.\d+)*)[.):]?\s+(?P<title>\S.*)$", re.S)


def _numbered_section(text: str) -> Banner:
    text = tidy(text)
    m = _NUMBERED.match(text)
    if m:
        return Banner("theme", m.group("ref"), m.group("title").strip())
    return Banner("theme", None, text)


@dataclass
class _PageText:
    """One page's body: its lines between furniture, banners, the words of its cells, appendix stops."""

    page: Page
    top: float
    bottom: float
    headers: list[Header]
    lines: list[Line]
    banners: list[tuple[float, Banner]]
    banner_tops: set[float]
    words: list[Word]
    stoppers: list[float]
    # Tops of other tables' headers (indicators, budgets): they end an action table on this page, but
    # unlike an appendix heading they do not end the action tables of the document.
    stoppers_soft: list[float] = field(default_factory=list)


def find_tables(doc: Document, progress=None, settings: ExtractSettings = DEFAULT_SETTINGS) -> list[PageTables]:
    """Every action table of the document, page by page."""
    lines_by_page = {p.number: page_lines(p, settings) for p in doc.pages}
    # A header repeated at the top of every page looks like a running head: find headers first.
    raw = {p.number: find_all_headers(p, lines_by_page[p.number], settings) for p in doc.pages}
    _join_split_headers(doc.pages, lines_by_page, raw, settings)
    _parted_alike(raw, doc.pages, lines_by_page)
    found = {p.number: _promote_by_content(p, *raw[p.number], settings, _pages_after(doc.pages, i, raw))
             for i, p in enumerate(doc.pages)}
    found = _promoted_alike(raw, found)
    _split_like_one_read_whole(doc.pages, lines_by_page, found)
    found = _words_printed_again(doc.pages, lines_by_page, found)
    found = _plain_under_bold(doc.pages, found)
    all_headers = {n: actions for n, (actions, _) in found.items()}
    other_tops = {n: [h.top for h in others] for n, (_, others) in found.items()}
    bands = {n: [(h.top, h.bottom) for h in hs] for n, hs in all_headers.items()}
    furniture = find_furniture(doc.pages, lines_by_page, bands, settings)
    texts = {p.number: _page_text(p, lines_by_page[p.number], all_headers[p.number], furniture, settings)
             for p in doc.pages}
    readings: _Readings = {}
    result = _read_pages(doc, texts, other_tops, found, settings, progress, readings)
    agreed = _agreed(readings)
    if any(len(votes) > 1 for votes in readings.values()):
        # One printed header read two ways on different pages: read every page the way most rows show.
        result = _read_pages(doc, texts, other_tops, found, settings, None, {}, agreed)
    return result


def _plain_under_bold(pages: Sequence[Page], found: dict[int, tuple[list[Header], list[Header]]]
                      ) -> dict[int, tuple[list[Header], list[Header]]]:
    """The action headers less those set in the body's regular type, naming fewer columns, or as many
    with other headings, after the document's action header was set all in bold: a plan sets its header
    alike wherever it prints it, so such a band is a row of the table whose cells open on heading words
    ("To address specific areas | Activity", the rest of "Business As Usual Activity"; "Ongoing | Delayed
    by staff changes; revised date agreed. | Business As Usual Activity | ...", as many cells as the
    header), as headers.find_all_headers holds on one page. The bold header's own headings printed plain
    are the header."""
    out, widest = {}, 0
    printed: set[tuple[str, ...]] = set()
    for p in pages:
        actions, others = found[p.number]
        kept = [h for h in actions if not (_set_plain(p, h) and (widest > len(h.cells) or (
            widest == len(h.cells) and tuple(c.text for c in h.cells) not in printed)))]
        bold = [h for h in kept if _set_bold(p, h)]
        widest = max([widest] + [len(h.cells) for h in bold])
        printed |= {tuple(c.text for c in h.cells) for h in bold}
        out[p.number] = (kept, others)
    return out


def _header_words(page: Page, h: Header) -> list[Word]:
    return [w for w in page.words if h.top - 0.5 <= w.top and (w.bottom <= h.bottom + 0.5 or not below_header(w, h))
            and any(c.x0 - 1 <= w.xmid <= c.x1 + 1 for c in h.cells)]


def _set_bold(page: Page, h: Header) -> bool:
    words = _header_words(page, h)
    return bool(words) and all(w.bold for w in words)


def _set_plain(page: Page, h: Header) -> bool:
    return not any(w.bold for w in _header_words(page, h))


def _join_split_headers(pages: Sequence[Page], lines_by_page: dict[int, list[Line]],
                        raw: dict[int, tuple[list[Header], list[Header]]], settings: ExtractSettings) -> None:
    """A header row split over a page break is read whole where its last lines open the next page; the
    headers read from those lines alone give way to it."""
    for p, q in zip(pages, pages[1:]):
        joined = carried_over(p, lines_by_page[p.number], [*raw[p.number][0], *raw[p.number][1]], q,
                              lines_by_page[q.number], settings, raw[p.number][1])
        # A header of its own where the carried lines stand is the header repeated, not the rest of one.
        if joined is None or any(h.top <= joined.bottom and h.bottom >= joined.top and not h.weak
                                 for hs in raw[q.number] for h in hs):
            continue
        actions, others = (
            [h for h in hs if h.bottom < joined.top - 1 or h.top > joined.bottom + 1] for hs in raw[q.number])
        cut = max([*raw[p.number][0], *raw[p.number][1]], key=lambda h: h.bottom)
        other = joined.weak or cut in raw[p.number][1]
        raw[q.number] = (actions, [*others, joined]) if other else (sorted([*actions, joined], key=lambda h: h.top), others)
        if cut.weak and not joined.weak:
            # The header's first lines, read alone too weakly to end anything, end the table above them.
            raw[p.number] = ([h for h in raw[p.number][0] if h is not cut],
                             [*[h for h in raw[p.number][1] if h is not cut], dataclasses.replace(cut, weak=False)])


def _split_like_one_read_whole(pages: Sequence[Page], lines_by_page: dict[int, list[Line]],
                               raw: dict[int, tuple[list[Header], list[Header]]]) -> None:
    """A header row split over a page break whose halves read as no header alone ("Latest position |
    Delivery | Domain | We will" at a page's foot, its turned "Action code" and "Senior lead" under
    "Delivery" opening the next page), where the document prints the same header whole elsewhere: the
    foot's lines and the next page's first lines hold its words, each where it stands there, and nothing
    else. The header read whole then heads the next page's table, and its first half ends the table
    above it on its own page."""
    whole = [(h, words) for p in pages for h in raw[p.number][0] if (words := _band_words(p, h))]
    for p, q in zip(pages, pages[1:]):
        opening = [h for h in raw[q.number][0] if h.top < FIRST_LINES_SHARE * q.height]
        # The next page's own header, read as fully, stands: it is the header repeated.
        split = next((found for h, words in whole if not any(len(o.cells) >= len(h.cells) for o in opening)
                      and (found := _split_at(h, words, lines_by_page[p.number], lines_by_page[q.number], p, q))), None)
        if split is None:
            continue
        first, joined = split
        raw[q.number] = (sorted([hd for hd in raw[q.number][0] if hd.top > joined.bottom + 1] + [joined], key=lambda h: h.top),
                         [hd for hd in raw[q.number][1] if hd.top > joined.bottom + 1])
        raw[p.number] = ([hd for hd in raw[p.number][0] if hd.bottom < first.top - 1],
                         [*[hd for hd in raw[p.number][1] if hd.bottom < first.top - 1], first])


def _split_at(h: Header, words: Sequence[Word], lines: Sequence[Line], after: Sequence[Line], page: Page,
              next_page: Page) -> tuple[Header, Header] | None:
    """The header `h` split over the break after `page`: its first half there (which ends a table) and
    the whole where its last lines open the next page; None when the two pages do not hold it so."""
    halves = _halves_of(words, lines, after, page, next_page)
    if halves is None:
        return None
    foot, head = halves
    dy = head[0].top - min(w.top for w in words if _holds_word(head, w))
    joined = dataclasses.replace(h, cells=_moved(h.cells, dy), top=head[0].top, bottom=max(ln.bottom for ln in head))
    return dataclasses.replace(h, top=foot[0].top, bottom=max(ln.bottom for ln in foot), weak=False), joined


def _band_words(page: Page, h: Header) -> list[Word]:
    """The words printed in the header's band, group headings included, less any set far larger than the
    rest (a watermark's letters laid over it)."""
    band = [w for w in page.words if h.top - 1 <= w.top and w.bottom <= h.bottom + 1]
    if not band:
        return []
    size = statistics.median(w.size for w in band)
    return [w for w in band if w.size <= WATERMARK_SIZE * size]


# A word set this many times the band's type size is no heading of it.
WATERMARK_SIZE = 1.5
# A header read whole opens a page within this share of its height from the top.
FIRST_LINES_SHARE = 0.25


def _halves_of(words: Sequence[Word], lines: Sequence[Line], after: Sequence[Line], page: Page,
               next_page: Page) -> tuple[list[Line], list[Line]] | None:
    """The last lines of a page and the first lines of the next that hold every one of a header's `words`
    between them, each where the header prints it across, and nothing else; None unless both hold some."""
    body = [ln for ln in lines if not page_number_line(ln, page)]
    foot: list[Line] = []
    for ln in reversed(body):
        if not _of_header(ln, words):
            break
        foot.insert(0, ln)
    head: list[Line] = []
    for ln in after:
        if not _of_header(ln, words):
            if head or ln.top > FIRST_LINES_SHARE * next_page.height:
                break
            continue  # a running head over the table
        head.append(ln)
    if not foot or not head:
        return None
    return (foot, head) if all(_holds_word([*foot, *head], w) for w in words) else None


def _of_header(ln: Line, words: Sequence[Word]) -> bool:
    """Is every word of the line one of the header's, where the header prints it across the page?"""
    return all(any(_alike(v, w) for v in words) for w in ln.words)


def _holds_word(lines: Sequence[Line], w: Word) -> bool:
    """Do the lines print the word where it stands?"""
    return any(_alike(v, w) for ln in lines for v in ln.words)


def _alike(v: Word, w: Word) -> bool:
    """The same word at the same place across the page."""
    return v.text == w.text and abs(v.x0 - w.x0) <= SAME_PLACE


def _parted_alike(raw: dict[int, tuple[list[Header], list[Header]]], pages: Sequence[Page],
                  lines_by_page: dict[int, list[Line]]) -> None:
    """A header printed again is parted where another page parted its same words more finely, when the
    column a finer heading stands over is blank on its own page: with no text under a heading (a merged
    cell running on) the page shows no white between it and the heading beside it and reads the two as
    one; the page that parts them saw the gutter. Text under every part (in the header's own table, down
    to the next header) shows the merge was read from the page's own body, and it stands."""
    read = [h for hs in raw.values() for h in [*hs[0], *hs[1]]]
    for p in pages:
        actions, others = raw[p.number]
        tops = [h.top for h in [*actions, *others]]

        def body(h: Header, p: Page = p, tops: list[float] = tops) -> list[Word]:
            # The header's own table: down to the next header on the page (a table of indicators below).
            bottom = max(c.bottom for c in h.cells)
            end = min((t for t in tops if t > bottom), default=p.height)
            return [w for ln in lines_by_page[p.number] if bottom < ln.top < end and not page_number_line(ln, p)
                    for w in ln.words]

        raw[p.number] = ([_finest(h, read, body(h)) for h in actions], [_finest(h, read, body(h)) for h in others])


def _finest(h: Header, read: Sequence[Header], body: Sequence[Word]) -> Header:
    finer = sorted(((r, runs) for r in read if len(r.cells) > len(h.cells) and (runs := _runs(r, h)) is not None),
                   key=lambda rr: -len(rr[0].cells))
    r = next((r for r, runs in finer if _blank_part(runs, body)), None)
    if r is None:
        return h
    return _parted_as(h, r, h.weak and r.weak)


def _parted_as(h: Header, read: Header, weak: bool) -> Header:
    """`h` with the headings of `read`, the same header read finer elsewhere, moved to where `h` stands."""
    return dataclasses.replace(h, cells=_moved(read.cells, h.top - read.top), weak=weak,
                               ruled_columns=read.ruled_columns)


def _moved(cells: Sequence[HeaderCell], dy: float, bottom: float = math.inf) -> list[HeaderCell]:
    """The cells `dy` lower down the page, none reaching below `bottom`."""
    return [dataclasses.replace(c, top=c.top + dy, bottom=min(c.bottom + dy, bottom)) for c in cells]


def _blank_part(runs: Sequence[Sequence[HeaderCell]], body: Sequence[Word]) -> bool:
    """Does a heading that is part of a heading read whole elsewhere (a run of `_runs` longer than one)
    stand over a column with no text in `body`?"""
    for run in (run for run in runs if len(run) > 1):
        for d, after in zip(run, [*run[1:], None]):
            # Text under a heading starts under it (a page number further out is no text of its column).
            right = min(d.x1, after.x0) if after is not None else d.x1
            if not any(d.x0 - SAME_PLACE <= w.x0 < right for w in body):
                return True
    return False


def _runs(r: Header, h: Header) -> list[list[HeaderCell]] | None:
    """Per heading of `h`, the run of `r`'s headings that stand within it, where it stood, and hold its
    words; None when `r` is not `h` parted."""
    i, runs = 0, []
    for c in h.cells:
        run = []
        while i < len(r.cells) and r.cells[i].x0 >= c.x0 - SAME_PLACE and r.cells[i].x1 <= c.x1 + SAME_PLACE:
            run.append(r.cells[i])
            i += 1
        # Letters, not words: a heading broken letter by letter over a narrow column's lines may be read
        # rejoined on one page ("Ref number") and mixed with the heading beside it on another ("Re Risks f").
        if not run or not _letters_of(c.text, "".join(d.text for d in run)):
            return None
        runs.append(run)
    return runs if i == len(r.cells) else None


def _letters_of(text: str, parts: str) -> bool:
    """Are `text`'s letters those of `parts`, but for a group heading over them read into it ("Impact" over
    "How are we doing?" and "Theme area": the page that parts them leaves the group heading out), first or
    after the first piece of a heading set close beside it ("Curren Progress t Plan position")?"""
    words, own = text.split(), sorted(text.replace(" ", ""))
    return any(own == sorted("".join(words[i:i + k]) + parts.replace(" ", ""))
               for i in range(min(len(words), 2)) for k in range(min(len(words) - i, GROUP_WORDS) + 1))


# Words a group heading read into the heading under it runs to at most.
GROUP_WORDS = 3


def _promoted_alike(raw: dict[int, tuple[list[Header], list[Header]]],
                    found: dict[int, tuple[list[Header], list[Header]]]) -> dict[int, tuple[list[Header], list[Header]]]:
    """A header printed again on a page too short to show its column of actions (a row or two at a
    theme's end) heads an action table as it does where it was read: the same headings, the same fields."""
    read = [h for actions, _ in found.values() for h in actions]
    out = {}
    for n, (actions, others) in found.items():
        tops = {h.top for h in actions}
        alike = [_as_read(h, same) for h in raw[n][0] + raw[n][1]
                 if h.top not in tops and (same := next((r for r in read if _same_header(h, r)), None)
                                           or next((r for r in read if _runs(r, h) is not None), None)) is not None]
        taken = {a.top for a in alike}
        out[n] = (sorted(actions + alike, key=lambda h: h.top), [h for h in others if h.top not in taken])
    return out


def _as_read(h: Header, read: Header) -> Header:
    """`h` heading an action table as `read`, the same header printed again, heads one: its fields, and
    its headings parted as `read` parts them where `h` ran two together (a page with a row or two under
    its header shows too little white between two columns to part their headings)."""
    if len(h.cells) == len(read.cells):
        return dataclasses.replace(h, weak=False, cells=[dataclasses.replace(c, field=r.field)
                                                         for c, r in zip(h.cells, read.cells)])
    return _parted_as(h, read, False)


def _words_printed_again(pages: Sequence[Page], lines_by_page: dict[int, list[Line]],
                         found: dict[int, tuple[list[Header], list[Header]]]
                         ) -> dict[int, tuple[list[Header], list[Header]]]:
    """An action header printed again on a page where its lines read as no header (a repeated header row
    of fixed height cuts its headings' last lines off: "Directi" / "on of" without its "travel"), found by
    its words in their places: each line of the band set word for word as the header's lines were, at one
    shift down the page, from its first line on, most of its words shown. It heads the table as it does
    where it was read, its headings cut to the lines printed."""
    printed = _printed_headers(pages, found)
    out = dict(found)
    for p in pages:
        actions, others = found[p.number]
        taken = [(h.top, h.bottom) for h in actions]
        lines = [ln for ln in lines_by_page[p.number] if not any(t - 1 <= ln.top <= b + 1 for t, b in taken)]
        again = [a for h, words in printed.values() if (a := _again_in(lines, h, words)) is not None]
        again = [a for n, a in enumerate(again) if not any(_level(a, b) for b in again[:n])]
        if again:
            out[p.number] = (sorted(actions + again, key=lambda h: h.top),
                             [o for o in others if not any(_level(o, a) for a in again)])
    return out


def _level(a: Header, b: Header) -> bool:
    """Do the two headers share some height of the page?"""
    return a.top <= b.bottom and b.top <= a.bottom


def _printed_headers(pages: Sequence[Page], found: dict[int, tuple[list[Header], list[Header]]]
                     ) -> dict[tuple, tuple[Header, list[Word]]]:
    """The action headers found and the words each is printed in, one of each printed alike (pages repeat
    theirs), keyed by its words and their places."""
    printed: dict[tuple, tuple[Header, list[Word]]] = {}
    for p in pages:
        for h in found[p.number][0]:
            if words := _header_words(p, h):
                top = min(w.top for w in words)
                printed.setdefault(tuple((w.text, round(w.x0), round(w.top - top)) for w in words), (h, words))
    return printed


def _again_in(lines: Sequence[Line], h: Header, words: Sequence[Word]) -> Header | None:
    """`h` (printed as `words`) printed again among `lines`, cut to the lines shown; None when it is not."""
    first_top = min(w.top for w in words)
    first = [w for w in words if w.top - first_top < 1]
    for i, ln in enumerate(lines):
        dy = ln.top - first_top
        if len(ln.words) != len(first) or not _set_as(ln.words, first, dy):
            continue
        j = i
        while j + 1 < len(lines) and _set_as(lines[j + 1].words, words, dy):
            j += 1
        if sum(len(lines[k].words) for k in range(i, j + 1)) < AGAIN_SHARE * len(words):
            continue
        bottom = lines[j].bottom
        return dataclasses.replace(h, cells=_moved(h.cells, dy, bottom), top=h.top + dy, bottom=bottom, weak=False)
    return None


def _set_as(line_words: Sequence[Word], words: Sequence[Word], dy: float) -> bool:
    """Is every word of the line one of `words` in its place, `dy` lower down the page?"""
    return all(any(w.text == v.text and abs(w.x0 - v.x0) <= SAME_PLACE and abs(w.top - v.top - dy) <= 1.0
                   for v in words) for w in line_words)


# Share of a header's words a band printed again shows at least (the rest cut off by its row's height).
AGAIN_SHARE = 0.6


def _same_header(h: Header, read: Header) -> bool:
    """Is `h` the header `read` printed again: as many headings, each where it stood, each the same text
    or one holding the other (a group heading read into one page's heading but not another's:
    "Accountability Latest position" / "Latest position")?"""
    return len(h.cells) == len(read.cells) and all(
        abs(a.x0 - b.x0) <= SAME_PLACE and (_letters(a.text) in _letters(b.text) or _letters(b.text) in _letters(a.text))
        for a, b in zip(h.cells, read.cells))


def _letters(text: str) -> str:
    """A heading's text without its spaces: a turned heading's letters part into words by their gaps, which
    a row cut to its height ("Ta rg et" on one page, "T a r g" on the next) leaves different each time."""
    return "".join(text.split())


# How far (pt) a heading printed again may stand from where it stood.
SAME_PLACE = 3.0


# How each printed header (its headings, in order) was read: the fields of its columns, and how many
# rows were read that way.
_Readings = dict[tuple[str, ...], Counter[tuple[str | None, ...]]]


def _agreed(readings: _Readings) -> dict[tuple[str, ...], tuple[str | None, ...]]:
    """The reading of each printed header that most of its rows support."""
    return {sig: votes.most_common(1)[0][0] for sig, votes in readings.items()}


def _read_pages(
    doc: Document, texts: dict[int, _PageText], other_tops: dict[int, list[float]],
    found: dict[int, tuple[list[Header], list[Header]]], settings: ExtractSettings, progress,
    readings: _Readings, agreed: dict[tuple[str, ...], tuple[str | None, ...]] | None = None,
) -> list[PageTables]:
    result: list[PageTables] = []
    previous: PageTable | None = None
    # What the cells under each heading hold, pooled over the document's pages so far: a header
    # repeated on a page with two rows is judged by all the rows printed under it.
    evidence: dict[tuple[str, str], list[str]] = {}
    for i, p in enumerate(doc.pages):
        if progress:
            progress(p.number, len(doc.pages))
        text = dataclasses.replace(texts[p.number])
        # Another kind of table's header ends the action table above it, like an appendix heading.
        text.stoppers_soft = [y for y in other_tops[p.number] if text.top - 0.5 <= y <= text.bottom]
        following = []
        for q in doc.pages[i + 1:i + 1 + JUDGED_PAGES]:
            if texts[q.number].headers:
                break
            following.append(texts[q.number])
        tables = _continuation(text, previous, settings) + _tables_under_headers(
            text, settings, evidence, readings, agreed or {}, following, previous)
        stopped = bool(text.stoppers)
        # The last table runs on to the next page unless an appendix heading ended the tables; a page
        # with no text of its own (a blank page a word processor put in) leaves it running.
        if text.words or stopped:
            previous = tables[-1] if tables and not stopped else None
        banners = sorted(text.banners + _section_banners(tables), key=lambda b: b[0])
        result.append(PageTables(p.number, tables, banners, stopped, found[p.number][1]))
    return result


# Pages after a header's page, with no header of their own, whose text shows what its columns hold when
# its page has room for a row or two only.
FOLLOWING_PAGES = 2
# Pages after a header's page, with no header of their own, whose rows are judged with its own: a table
# whose header is printed once is judged on more than its first page's few rows.
JUDGED_PAGES = 8


def _pages_after(pages: Sequence[Page], i: int, raw: dict[int, tuple[list[Header], list[Header]]]) -> list[Page]:
    out: list[Page] = []
    for p in pages[i + 1:i + 1 + FOLLOWING_PAGES]:
        if any(raw[p.number]):
            break
        out.append(p)
    return out


def _promote_by_content(
    page: Page, actions: list[Header], others: list[Header], settings: ExtractSettings,
    following: Sequence[Page] = (),
) -> tuple[list[Header], list[Header]]:
    """Headers that name plan fields but no action (its heading in words nobody listed) whose table holds
    a column of instructions ("Develop ...", "Review ...") are action headers, that column the action."""
    actions = [h for h in actions if not _over_prose(page, h, settings, following if h is actions[-1] else ())]
    actions = [h for h in actions if not _short_over_no_actions(page, h, actions + others, settings, following)]
    headers = actions + others
    kept: list[Header] = []
    named = [h for h in actions if "action" in h.fields]
    for h in [h for h in actions if "action" not in h.fields] + others:
        promoted = _with_action_by_content(page, h, headers, settings, following)
        if promoted is not None:
            named.append(dataclasses.replace(promoted, weak=False))
        elif h in others and not h.weak:
            kept.append(h)
    return _one_per_band(named), kept


def _one_per_band(headers: list[Header]) -> list[Header]:
    """The action headers, one of each set that overlap in height: one header read twice (its lines from
    the second on as one header, all of them as a weak one its cells then showed to head actions). The
    one with the most headings stands, of equals the one reaching higher."""
    out: list[Header] = []
    for h in sorted(headers, key=lambda h: (-len(h.cells), h.top)):
        if not any(h.top < o.bottom and o.top < h.bottom for o in out):
            out.append(h)
    return sorted(out, key=lambda h: h.top)


def _short_over_no_actions(page: Page, h: Header, headers: Sequence[Header], settings: ExtractSettings,
                           following: Sequence[Page] = ()) -> bool:
    """Is a short header (the action and fewer fields than a header must name otherwise) set over cells
    that are no actions? Then it is a line of a table's body whose words happen to be headings ("To
    address specific areas | Activity"), and the table above it goes on."""
    real = [f for f in h.fields if f and not f.startswith("ignore:")]
    if "action" not in real or len(named_fields(real)) >= settings.min_header_fields:
        return False
    columns, profiles = _column_profiles(page, h, headers, settings, following)
    return _of_figures(profiles) or any(c.field == "action" and not fits("action", p) for c, p in zip(columns, profiles))


def _over_prose(page: Page, h: Header, settings: ExtractSettings, following: Sequence[Page] = ()) -> bool:
    """Is the "header" a line of running prose that happens to hold heading words? Then the lines under it
    run across the columns it would make (a table's lines stay inside theirs). Under a header at its
    page's foot, with too few lines under it to tell, the lines opening the `following` page (the last
    header's table goes on there) are judged too: two lines of justified cells cross their columns at a
    word space as prose does, and a banner row under the header ("Theme 1: Early Help") is one of three."""
    depth = PROSE_CHECK_LINES * HEADER_LINE_HEIGHT * max(c.bottom - c.top for c in h.cells)
    body = [w for w in page.words if w.ymid < h.bottom + depth and below_header(w, h)]
    if len({round(w.ymid / LINE_KEY) for w in body}) < PROSE_MIN_LINES and following and following[0].words:
        top = min(w.top for w in following[0].words)
        # Set below this page's lines, so that no line of the one page is read level with one of the other.
        body += [dataclasses.replace(w, top=w.top + page.height, bottom=w.bottom + page.height)
                 for w in following[0].words if w.ymid < top + depth]
    if len(body) < PROSE_CHECK_MIN_WORDS:
        return False
    columns, ruled = columns_from_header(page, h, body, settings)
    return not ruled and (straddle_ratio(body, columns) > settings.header_max_straddle
                          or straddled_lines(body, columns) > PROSE_LINE_SHARE)


def _with_action_by_content(page: Page, h: Header, headers: Sequence[Header], settings: ExtractSettings,
                            following: Sequence[Page] = ()) -> Header | None:
    if "action" in h.fields:
        found = _confirmed(page, h, headers, settings, following) if h.weak else None
        if found is not None or not h.weak:
            return found
        # A weak header whose action heading stands over no actions ("Action code" over references):
        # the columns' cells find the action, as under a header that names none.
        h = dataclasses.replace(h, cells=[dataclasses.replace(c, field=None) if c.field == "action" else c
                                          for c in h.cells])
    real = [f for f in h.fields if f and not f.startswith("ignore:")]
    naming = _naming(h, real)
    if naming is None:
        return None
    unnamed, short = naming == "unnamed", naming == "short"
    columns, profiles = _column_profiles(page, h, headers, settings, following)
    if _of_figures(profiles):
        return None
    at = infer_action(profiles, _free_for_action(h, columns, real))
    if at is None:
        return None
    if short and not _second_field_shown(_read_as_unnamed(h, columns, at), profiles):
        return None
    named = _fields_beside_unnamed(h, columns, profiles, at) if unnamed else {}
    if named is None:
        return None
    named[columns[at].heading] = "action"
    cells = [dataclasses.replace(c, field=named[c.text]) if c.text in named else c for c in h.cells]
    return dataclasses.replace(h, cells=cells)


def _naming(h: Header, real: Sequence[str]) -> str | None:
    """How a header without an action heading names the fields beside it: "named" (enough of them),
    "short" (one field short: its cells must show the missing one, as a column of statuses under
    "Direction of travel" beside "Who is responsible?"), "unnamed" (a weak header naming none), or None
    (too few to search its columns for actions). A weak header's headings are all heading-shaped: one
    field beside the action will do. One set on a shading of its own may name none in words anybody
    listed ("Direction of travel | What are we going to do?"): its cells must then show a field beside
    the actions they show."""
    count = len(named_fields(real))
    if h.weak:
        return "named" if count else "unnamed"
    return "named" if count >= PROMOTE_MIN_FIELDS else "short" if count + 1 >= PROMOTE_MIN_FIELDS else None


def _fields_beside_unnamed(h: Header, columns: Sequence[Column], profiles: Sequence[Profile],
                           at: int) -> dict[str, str] | None:
    """Under a header that names no field, with the actions in column `at`: heading -> level for the
    columns whose cells show one, or {} where another column shows a field by its cells; None where
    none does (a table of actions beside text nobody can place)."""
    unnamed_columns = _read_as_unnamed(h, columns, at)
    levels = _levels_shown(unnamed_columns, profiles)
    if not levels and not _second_field_shown(unnamed_columns, profiles):
        return None
    return levels


def _levels_shown(columns: Sequence[Column], profiles: Sequence[Profile]) -> dict[str, str]:
    """Heading -> level, for the columns of no field beside the actions whose cells hold a level of the
    plan (`shown_level`): a plan's levels beside its actions show a plan as plainly as an owner or a date,
    and a level merged down the rows is no per-row column to part the rows by. A column naming plans
    ("People Strategy and Action Plan" on row after row) repeats as a level does, but holds the plans
    that underpin the actions: no level (its cells make it the detailed plan's column)."""
    out: dict[str, str] = {}
    for c, p in zip(columns, profiles):
        level = shown_level(c.heading, p) if c.field is None and not shows_documents(p) else None
        if level is not None and level not in out.values():
            out[c.heading] = level
    return out


def _read_as_unnamed(h: Header, columns: Sequence[Column], at: int) -> list[Column]:
    """The columns with the action at `at` and no field where their heading names none, for their cells
    to show one."""
    cell_field = {c.text: c.field for c in h.cells}
    return [dataclasses.replace(c, field="action" if k == at else cell_field.get(c.heading, c.field))
            for k, c in enumerate(columns)]


def _free_for_action(h: Header, columns: Sequence[Column], real: Sequence[str]) -> list[bool]:
    """Per column: is it free to hold the actions? A heading read as no field, as a field another heading
    names too, or as another prose field is (a column of instructions under "Deliverables" holds actions,
    not measures)."""
    cell_field = {c.text: c.field for c in h.cells}
    return [(f := cell_field.get(c.heading, "")) is None or real.count(f or "") > 1 or f in PROSE_FIELDS
            for c in columns]


def _confirmed(page: Page, h: Header, headers: Sequence[Header], settings: ExtractSettings,
               following: Sequence[Page] = ()) -> Header | None:
    """A weak header that names the action (among more headings nobody listed than known) heads an action
    table when the column it names holds actions, and the table is no table of figures."""
    columns, profiles = _column_profiles(page, h, headers, settings, following)
    if _of_figures(profiles):
        return None
    if not any(c.field == "action" and fits("action", p) for c, p in zip(columns, profiles)):
        return None
    return h if named_fields([c.field for c in columns if c.field]) - {"action", "ref"} or _second_field_shown(
        columns, profiles) else None


def _second_field_shown(columns: Sequence[Column], profiles: Sequence[Profile]) -> bool:
    """Under a header that names the action alone, do the cells of another column show a field of a plan
    by what they hold (statuses, dates, underpinning plans)? A table of actions beside text nobody
    can place is no plan's action table."""
    fields: list[str | None] = [c.field for c in columns]
    shown = by_content(fields, profiles, [f is None for f in fields])
    return any(f is not None and f != "action" and old is None for f, old in zip(shown, fields))


def _of_figures(profiles: Sequence[Profile]) -> bool:
    """Columns of figures (target, actual, baseline) are an indicator table's: it holds no actions,
    whatever its first column's names open on ("Repeat child protection plans"). A column of
    references ("1.1", "2.3") is no column of figures."""
    if sum(1 for p in profiles if p.cells >= FEW_CELLS and p.figure_share >= 0.5 and p.code_share < 0.5
           ) >= INDICATOR_FIGURE_COLUMNS:
        return True
    # Under a header with one row below it, that row is all there is to go by: most of its cells figures
    # ("8 | 6 | 4 | 1" under counts of actions completed, partly complete, outstanding).
    filled = [p for p in profiles if p.cells]
    if any(p.cells >= FEW_CELLS for p in filled):
        return False
    figures = sum(1 for p in filled if p.figure_share >= 0.5)
    return figures >= INDICATOR_FIGURE_COLUMNS and 2 * figures > len(filled)


def _column_profiles(
    page: Page, h: Header, headers: Sequence[Header], settings: ExtractSettings, following: Sequence[Page] = ()
) -> tuple[list[Column], list]:
    """The header's columns and what their cells hold, down to the next header or the page's foot; for
    the last header of its page, on the `following` pages too (a header low on its page may have room
    for one row under it)."""
    later = [o.top for o in headers if o.top > h.bottom]
    end = min(later + [page.height])
    body = [w for w in page.words if w.ymid < end and below_header(w, h)]
    columns, _ = columns_from_header(page, h, _fitting_words(body, following, not later), settings)
    table = build_table(page, h, columns, body, h.bottom, end, settings)
    rows = table.rows
    # Only a header with room for a row or two under it: with more, its page shows what it holds. A
    # "row" of a section title or the page number alone shows nothing.
    few = sum(1 for r in rows if not _label_only(r, page)) < MIN_CELLS_FOR_CONTENT
    for p in following if not later and few else ():
        rows = rows + build_table(p, None, columns, p.words, 0.0, p.height, settings).rows
    # Cells read as their text will be, words broken for a narrow column made whole: "Recruit" / "ment"
    # opens on no verb.
    edges = text_edges(table)
    vocabulary = words_vocabulary([ln for r in rows for cell in r.cells.values() for ln in cell])

    def text(row: PageRow, fld: str) -> str:
        return " ".join(paragraphs_text(row.cells.get(fld, []), settings, edges.get(fld), vocabulary))

    return columns, [profile([text(row, c.field) for row in rows if c.field]) for c in columns]


def _label_only(row: PageRow, page: Page) -> bool:
    """Is the row one cell of one line reading as a section title or as the page's number?"""
    lines = [ln for cell in row.cells.values() for ln in cell]
    return len(lines) == 1 and (parse_banner(lines[0].text) is not None or page_number_line(lines[0], page))


def _page_text(
    p: Page, lines: Sequence[Line], headers: Sequence[Header], furniture: Furniture, settings: ExtractSettings
) -> _PageText:
    top, bottom = furniture.body_top[p.number], furniture.body_bottom[p.number]
    kept = [h for h in headers if h.bottom < bottom]
    if kept:
        top = min(top, kept[0].top - 0.5)
    body = [ln for ln in lines if ln.top >= top - 0.5 and ln.bottom <= bottom + 0.5]
    banners = _banners(body, settings)
    banner_tops = {round(y, 2) for y, _ in banners}
    # Banner and section-row text is a label for the rows below it, never cell text.
    words = [w for ln in body if round(ln.top, 2) not in banner_tops for w in ln.words]
    stoppers = [ln.top for ln in body if STOPPER.match(ln.text.strip())]
    return _PageText(p, top, bottom, kept, body, banners, banner_tops, words, stoppers)


def _closing_banners(text: _PageText, settings: ExtractSettings) -> list[float]:
    """Banners below a header that end its table: a new header follows on the page, or running prose
    (an "aim" line across the columns) follows the banner. Other banners are section rows inside the
    table, which label rows but do not end it."""
    closing = []
    for y, _ in text.banners:
        above = [h for h in text.headers if h.bottom < y]
        if not above:
            continue
        if any(h.top > y for h in text.headers):
            closing.append(y)
            continue
        after = [ln for ln in text.lines if ln.top > y + 0.5 and round(ln.top, 2) not in text.banner_tops][:2]
        body = [w for w in text.words if w.ymid > above[-1].bottom]
        cols, _ = columns_from_header(text.page, above[-1], body, settings)
        if after and straddle_ratio([w for ln in after for w in ln.words], cols) > settings.continuation_max_straddle:
            closing.append(y)
    return closing


def _continuation(text: _PageText, previous: PageTable | None, settings: ExtractSettings) -> list[PageTable]:
    """A page without a header of its own may continue the previous page's table, above its first
    header, banner or appendix heading, when its text sits in that table's columns."""
    first_header = min((h.top for h in text.headers), default=text.bottom)
    # Banners above the page's first header open a new table.
    leading_banners = [y for y, _ in text.banners if y < first_header] if text.headers else []
    first_item = min([h.top for h in text.headers] + leading_banners + text.stoppers + text.stoppers_soft,
                     default=text.bottom)
    if previous is None:  # text above an appendix heading may still be the table's last rows
        return []
    body = [w for w in text.words if w.ymid < first_item]
    columns = refit_columns(previous.columns, body, filled_columns(text.page, text.top))
    coloured = _coloured_columns(text.page.fills, columns, text.top, first_item)
    walled = _walled_as_before(text.page, previous.columns, body)
    if not _sits_in(body, dataclasses.replace(previous, columns=columns), bool(text.stoppers_soft), settings, coloured,
                    walled):
        return []
    t = build_table(text.page, None, columns, body, text.top, first_item, settings, zebra=previous.zebra_gaps,
                    banners=[y for y, _ in text.banners])
    return [t] if t.rows else []


def _coloured_columns(fills: Sequence[Fill], columns: Sequence[Column], top: float, bottom: float) -> set[int]:
    """Indexes of the columns that hold a filled cell of their own between top and bottom (a status shown
    as colour): a fill lying in one column, most of its width."""
    out = set()
    for f in fills:
        if f.top < top - 1 or f.bottom > bottom + 1:
            continue
        inside = [i for i, c in enumerate(columns) if min(f.x1, c.x1) - max(f.x0, c.x0) > 0.5 * (c.x1 - c.x0)]
        if len(inside) == 1 and f.x0 >= columns[inside[0]].x0 - 2 and f.x1 <= columns[inside[0]].x1 + 2:
            out.add(inside[0])
    return out


def _sits_in(body: Sequence[Word], previous: PageTable, above_other_table: bool, settings: ExtractSettings,
             coloured: set[int] = frozenset(), walled: bool = False) -> bool:  # type: ignore[assignment]
    """Does a page's text sit in the previous page's table: inside its columns, in its action column? A
    column whose cell is coloured (`coloured`: a status shown as colour) counts as one the row prints;
    text in one column alone counts where the table's rules go on around it (`walled`)."""
    if not body or straddle_ratio(body, previous.columns) > settings.continuation_max_straddle:
        return False
    held = {i for w in body for i, c in enumerate(previous.columns) if c.holds(w)} | coloured
    action_col = previous.column("action")
    # Nothing in the action column: the page may hold only the tail of a row broken over it (long
    # measures, an officer's name), which fills two columns or more, or the one column whose cell ran
    # to the foot of the page before; one column alone is no other evidence.
    if action_col is not None and not any(action_col.holds(w) for w in body) and len(held) < 2:
        if not (held and (walled or _ran_to_the_foot(previous, previous.columns[min(held)]))):
            return False
    # Above another table's header, one column of text is that table's title, not the rest of a row, unless
    # it goes on in lower case from a cell that ran to the page's foot ("... ambitious" / "for cared for"),
    # or the table's rules go on round it (a title stands outside the table's frame).
    return not (above_other_table and len(held) < 2 and not walled and not _goes_on(body, previous, held))


def _walled_as_before(page: Page, columns: Sequence[Column], body: Sequence[Word]) -> bool:
    """Do rules drawn down the whole height of the page's text stand where WALLS_AS_BEFORE of the previous
    page's column edges stand, or more (a grid going on over the page round the rest of one cell)? Or,
    in a table ruled across only, is the text closed below by a rule across the table's whole width, met
    by the previous page's column edges (the row's own foot: "1. Foster Carers will be aware" alone on a
    page, every cell's bottom rule under it)?"""
    if not body:
        return False
    top, bottom = min(w.top for w in body), max(w.bottom for w in body)
    xs = [r.x0 for r in page.vrules if r.top <= top + 1 and r.bottom >= bottom - 1]
    edges = {c.x0 for c in columns} | {columns[-1].x1} if columns else set()
    walls = sum(1 for e in edges if any(abs(x - e) <= WALL_SLACK for x in xs)) >= WALLS_AS_BEFORE
    return walls or _closed_across(page, columns, bottom)


def _closed_across(page: Page, columns: Sequence[Column], bottom: float) -> bool:
    """Is the first rule below `bottom` (within a line or two of it) one run across every column, from the
    first column's left edge to the last one's right? Segments meeting end to end make one run."""
    if not columns:
        return False
    below = [r for r in page.hrules if bottom <= r.top <= bottom + CLOSING_RULE_GAP]
    if not below:
        return False
    y = min(r.top for r in below)
    run = sorted((r.x0, r.x1) for r in below if abs(r.top - y) <= 0.5)
    x0, x1 = run[0]
    for a, b in run[1:]:
        if a > x1 + 1:
            break
        x1 = max(x1, b)
    return x0 <= columns[0].x0 + 2 * WALL_SLACK and x1 >= columns[-1].x1 - 2 * WALL_SLACK


# Column edges of the table before a page's rules must meet (within WALL_SLACK pt) to wall it in.
WALLS_AS_BEFORE = 3
WALL_SLACK = 2.0
# How far (pt) below a page's text a rule closing it as a row's foot may lie.
CLOSING_RULE_GAP = 12.0


def _goes_on(body: Sequence[Word], previous: PageTable, held: set[int]) -> bool:
    """Does the page open, in the one column it holds, on a word in lower case where that column's cell
    ran to the foot of the page before?"""
    if len(held) != 1:
        return False
    first = min(body, key=lambda w: (round(w.top), w.x0))
    return first.text[:1].islower() and _ran_to_the_foot(previous, previous.columns[min(held)])


# A cell runs on over the page when its last line ends within this many of its lines of the table's foot.
FOOT_LINES = 2.5


def _ran_to_the_foot(table: PageTable, col: Column) -> bool:
    """Did the table's last row fill `col` down to the table's foot (a cell cut off by the page)?"""
    if not table.rows or not col.field:
        return False
    lines = table.rows[-1].cells.get(col.field) or []
    if not lines:
        return False
    last = max(lines, key=lambda ln: ln.bottom)
    text_foot = max((ln.bottom for r in table.rows for ls in r.cells.values() for ln in ls), default=last.bottom)
    return text_foot - last.bottom <= FOOT_LINES * last.size


def _tables_under_headers(
    text: _PageText, settings: ExtractSettings, evidence: dict[tuple[str, str], list[str]],
    readings: _Readings, agreed: dict[tuple[str, ...], tuple[str | None, ...]],
    following: Sequence[_PageText] = (), previous: PageTable | None = None,
) -> list[PageTable]:
    """The table under each header, down to the next header, closing banner, appendix heading or footer.
    `following`: the pages after this one that have no header of their own; `previous`: the table the
    page before ran on with (_printed_again)."""
    limits = sorted([h.top for h in text.headers] + text.stoppers + text.stoppers_soft
                    + _closing_banners(text, settings) + [text.bottom])
    banners = [y for y, _ in text.banners]
    tables = []
    heads = [_as_deep_as_before(h, previous) if k == 0 else h for k, h in enumerate(text.headers)]
    for h in heads:
        end = min((v for v in limits if v > h.bottom + 0.5), default=text.bottom)
        body = [w for w in text.words if w.ymid < end and below_header(w, h)]
        fit = _fitting_words(body, following, h is heads[-1])
        overleaf = [t.words for t in following[:FOLLOWING_PAGES]] if h is heads[-1] else []
        columns, _ = columns_from_header(text.page, h, fit, settings, overleaf)
        zebra = (0, 0)
        if h is heads[0]:
            again = _printed_again(columns, h, previous, body)
            body = _without_heading_rests(body, columns, again)
            columns = again
            zebra = _zebra_so_far(h, previous)
        sig = tuple(normalise_heading(c.heading) for c in columns)
        reading = agreed.get(sig)
        columns = _read_as_agreed(columns, reading)
        table = build_table(text.page, h, columns, body, h.bottom, end, settings, zebra, banners)
        if reading is None:
            pages = _rows_after(table, following, settings) if h is heads[-1] else []
            understood = understood_columns(table, settings, evidence, text.page.fills, pages)
            if understood != table.columns:
                table = build_table(text.page, h, understood, body, h.bottom, end, settings, zebra, banners)
            readings.setdefault(sig, Counter())[tuple(c.field for c in understood)] += len(table.rows)
        tables.append(table)
    return tables


def _read_as_agreed(columns: list[Column], reading: tuple[str | None, ...] | None) -> list[Column]:
    """The columns with the fields most rows read under the same printed header agreed on, if any."""
    if reading is None or len(reading) != len(columns):
        return columns
    return [dataclasses.replace(c, field=f) for c, f in zip(columns, reading)]


def _zebra_so_far(h: Header, previous: PageTable | None) -> tuple[int, int]:
    """The zebra's evidence (PageTable.zebra_gaps) of the table the page before ran on with, where the page's
    first header prints its header again: the table goes on, shaded as it was, and a page whose gaps
    cannot show the pattern alone (a row's later paragraph level with the measures' next) is read with
    what the earlier pages showed."""
    return previous.zebra_gaps if previous is not None and _header_again(h, previous) else (0, 0)


def _header_again(h: Header, previous: PageTable) -> bool:
    """Does `h` print again the header of the table the page before ran on with?"""
    return previous.header is not None and _same_header(h, previous.header)


def _as_deep_as_before(h: Header, previous: PageTable | None) -> Header:
    """A header printed again as the page before printed it, where one heading read here runs on past the
    depth it had there into words of its own below ("What will be different?" taking in "Social work",
    the first line of the rest of a cell overleaf): the header ends where it ended before, and the words
    below it are the body's."""
    read = previous.header if previous is not None else None
    if read is None or h.bottom - h.top <= read.bottom - read.top + 1 or not _same_header(h, read):
        return h
    depth = read.bottom - read.top
    cells = []
    for a, b in zip(h.cells, read.cells):
        if a.text == b.text:
            cells.append(a)
        elif a.text.startswith(b.text + " ") and not a.turned and a.bottom - a.top > depth + 1:
            cells.append(dataclasses.replace(a, text=b.text, field=b.field, bottom=a.top + (b.bottom - b.top)))
        else:
            return h
    bottom = h.top + depth
    if any(c.bottom > bottom + 1 and not c.turned for c in cells):
        return h
    return dataclasses.replace(h, cells=cells, bottom=bottom)


def _printed_again(columns: list[Column], h: Header, previous: PageTable | None,
                   body: Sequence[Word] = ()) -> list[Column]:
    """The columns of a page's first header, with the headings of the table the page before ran on with
    (`previous`), and their fields, where the header prints that table's header again (_same_header) and a
    heading of it is cut short: a header row repeated on each page is cut to the row's height ("Key line
    of" for "Key line of enquiry"), and a heading cut short would read as another column (or name another
    field: "Who is responsible? and" without "date") and part the table in two."""
    if previous is None:
        return columns
    if not _header_again(h, previous):
        return _unjoined_as_before(columns, h, previous, body)
    # (Where each heading stands _same_header checks; the columns' bounds, fitted to each page's text, may
    # move a few points more.)
    if len(previous.columns) != len(columns):
        return _parted_as_before(columns, previous.columns, body)
    columns = _bounded_as_before(columns, previous.columns, body)
    return [dataclasses.replace(c, heading=p.heading, field=p.field) if _heading_cut_short(c.heading, p.heading) else c
            for c, p in zip(columns, previous.columns)]


# Lines of text under a header below which its page's body is too thin to fit the columns' bounds.
THIN_BODY_LINES = 4


def _bounded_as_before(columns: list[Column], before: Sequence[Column], body: Sequence[Word]) -> list[Column]:
    """The columns of a header printed again, within the bounds the page before fitted to its text, where
    this page's body is a few lines only (THIN_BODY_LINES: one cell's rest, "Awaiting sign-off by" / "the
    Leadership" / "Team.") and no word of it crosses them: a few lines may show white between their words
    that no column boundary makes (a cut under "sign-off", where no heading starts)."""
    if len({round(w.top) for w in body}) >= THIN_BODY_LINES:
        return columns
    bounds = [c.x1 for c in before[:-1]]
    if _crossed(bounds, body):
        return columns
    return [dataclasses.replace(c, x0=p.x0, x1=p.x1) for c, p in zip(columns, before)]


def _unjoined_as_before(columns: list[Column], h: Header, previous: PageTable, body: Sequence[Word]) -> list[Column]:
    """The columns of a header printed again that reads two headings of the page before as one (their
    words interleaved line by line, "Update this Actions quarter agreed", where this page's body shows no
    white between them), parted as before: each heading of `h` holds the words of one run of the earlier
    headings, from where the first of them stood, and no word of this page's body crosses where they
    parted."""
    before = previous.header.cells if previous.header is not None else []
    if len(columns) != len(h.cells) or len(previous.columns) != len(before) or len(before) <= len(h.cells):
        return columns
    out: list[Column] = []
    k = 0
    for c, cell in zip(columns, h.cells):
        run = _run_of_headings(cell, before[k:])
        pieces = _parted_like(c, previous.columns[k:k + run], body) if run else None
        if pieces is None:
            return columns
        out += pieces
        k += run
    if k != len(before):
        return columns
    # Where this page's body leaves the earlier bounds uncrossed, they stand: a column this page's few
    # rows left blank (a status under a group heading) may have let its neighbour's bound move over it.
    bounds = [p.x1 for p in previous.columns[:-1]]
    if _crossed(bounds, body):
        return out
    edges = [out[0].x0, *bounds, out[-1].x1]
    return [dataclasses.replace(c, x0=a, x1=b) for c, a, b in zip(out, edges, edges[1:])]


def _crossed(bounds: Sequence[float], body: Sequence[Word]) -> bool:
    """Does a word of `body` cross any of the column bounds?"""
    return any(w.x0 < x < w.x1 for x in bounds for w in body)


def _parted_like(c: Column, group: Sequence[Column], body: Sequence[Word]) -> list[Column] | None:
    """Column `c` cut into the columns of `group` where they parted on the page before, within c's outer
    edges; None where a cut falls outside c or a word of this page's `body` crosses one."""
    bounds = [p.x1 for p in group[:-1]]
    if not all(c.x0 < x < c.x1 for x in bounds) or _crossed(bounds, body):
        return None
    edges = [c.x0, *bounds, c.x1]
    return [dataclasses.replace(p, x0=a, x1=b) for p, a, b in zip(group, edges, edges[1:])]


def _run_of_headings(cell: HeaderCell, before: Sequence[HeaderCell]) -> int:
    """How many of the headings `before` (from the first) `cell` holds the words of, each word once, set
    from where the first stood; 0 when it holds no such run. A heading cut short holds the one it opens;
    an upright heading standing where turned ones stood holds them all: the group heading over them,
    where a header row cut to its height leaves the turned sub-headings out ("Delivery" over "Target
    date" and "Status") and the page before read them instead."""
    if not before or abs(cell.x0 - before[0].x0) > SAME_PLACE:
        return 0
    if _heading_cut_short(cell.text, before[0].text):
        return 1
    if not cell.turned and before[0].turned:
        return next((n for n, b in enumerate(before) if not b.turned), len(before))
    want = sorted(cell.text.split())
    words: list[str] = []
    for n, b in enumerate(before, start=1):
        words += b.text.split()
        if sorted(words) == want:
            return n
        if len(words) >= len(want):
            return 0
    return 0


def _parted_as_before(columns: list[Column], before: Sequence[Column], body: Sequence[Word]) -> list[Column]:
    """The columns of a header printed again, parted where the page before parted one heading's column by
    its body's white (a status and a reference under "Delivery", a group heading whose sub-headings the
    header printed again leaves out), when this page's few rows cannot show the gutter but no word of
    them crosses where it stood."""
    groups = [list(g) for _, g in itertools.groupby(before, key=lambda c: c.heading)]
    if len(groups) != len(columns) or any(g[0].heading != c.heading for g, c in zip(groups, columns)):
        return columns
    out: list[Column] = []
    for g, c in zip(groups, columns):
        pieces = _parted_like(c, g, body) if len(g) > 1 else None
        out += pieces if pieces is not None else [c]
    return out


def _without_heading_rests(body: list[Word], cut: Sequence[Column], full: Sequence[Column]) -> list[Word]:
    """The body less the rest of each heading cut short (`cut`, with its whole text in `full`) where the
    first line under the header prints that rest alone in the heading's column ("date" under "Who is
    responsible? and", "te" under "Status upda"): the header row's last line, cut by the row's height,
    not a row's text."""
    drop: set[int] = set()
    for c, f in zip(cut, full):
        if c.heading == f.heading or not f.heading.startswith(c.heading):
            continue
        inside = [w for w in body if c.x0 <= w.xmid < c.x1]
        if not inside:
            continue
        top = min(w.top for w in inside)
        first = sorted((w for w in inside if w.top <= top + SAME_LINE * w.size), key=lambda w: w.x0)
        if " ".join(w.text for w in first) == f.heading[len(c.heading):].strip():
            drop |= {id(w) for w in first}
    return [w for w in body if id(w) not in drop]


# Of a type size: how far apart two words' tops may stand on one line (a cut line's words stand a few
# points above the row's first line).
SAME_LINE = 0.2


def _heading_cut_short(heading: str, full: str) -> bool:
    """Is `heading` the opening of `full`, short of some of its words or of a word's last letters (a
    heading broken inside a word: "Status upda" / "te"; a turned one's letters parted otherwise: "T a r g"
    for "Ta rg et ti")?"""
    a, b = _letters(heading), _letters(full)
    return 0 < len(a) < len(b) and b.startswith(a)


def _fitting_words(body: list[Word], following: Sequence[Page | _PageText], last: bool) -> list[Word]:
    """The words a header's columns are fitted on: those under it, and, for the last header of its page
    with too little text under it to show where its columns part, the words of the pages that carry its
    table on."""
    if not last or len(body) >= THIN_BODY_WORDS:
        return body
    return body + [w for t in following[:FOLLOWING_PAGES] for w in t.words]


def _torn_no_field(heading: str, settings: ExtractSettings) -> bool:
    """Does a heading read as holding no field only by its cue words, which name a field too?"""
    found = match_heading(heading, settings=settings)
    if found is None or not found.startswith("ignore:") or listed_exactly(heading, settings):
        return False
    scores = cue_scores(normalise_heading(heading))
    return any(f != "extra" and v > 0 for f, v in scores.items())


def _rows_after(table: PageTable, following: Sequence[_PageText],
                 settings: ExtractSettings) -> list[tuple[list[PageRow], Sequence[Fill]]]:
    """A header low on its page has a row or two under it, too few to show what its columns hold: the
    table is judged with the rows the following pages carry on in its columns (each page's rows with its
    fills). So is one whose rows leave a column nearly blank (a level printed once over many rows): its
    few cells prove nothing."""
    return [(build_table(t.page, None, table.columns, t.words, t.top, t.bottom, settings).rows, t.page.fills)
            for t in following]


def _pooled_profiles(table: PageTable, fields: Sequence[str | None],
                     evidence: dict[tuple[str, str], list[str]]) -> list[Profile]:
    """What each column's cells hold, pooled with the cells under the same heading on earlier pages."""
    profiles = []
    for c, f in zip(table.columns, fields):
        pooled = evidence.setdefault((normalise_heading(c.heading), f or ""), [])
        if c.field:
            pooled.extend(row.text(c.field) for row in table.rows if row.section is None)
        profiles.append(profile(pooled))
    return profiles


def _with_colours(profiles: list[Profile], columns: Sequence[Column],
                  pages: Sequence[tuple[list[PageRow], Sequence[Fill]]], settings: ExtractSettings) -> list[Profile]:
    """The profiles with the rows whose cell has a fill of its own, counted on each page against its fills."""
    chunks = [([r for r in rows if r.section is None], f) for rows, f in pages]
    n_rows = sum(len(rows) for rows, _ in chunks)
    if not n_rows or not any(f for _, f in chunks):
        return profiles
    counts = [sum(per) for per in zip(*(own_colours(rows, columns, f, settings) for rows, f in chunks))]
    return [dataclasses.replace(p, colour_rows=n, colour_share=n / n_rows) for p, n in zip(profiles, counts)]


def _free_columns(table: PageTable, fields: Sequence[str | None], pinned: Sequence[bool],
                  profiles: Sequence[Profile], settings: ExtractSettings) -> list[bool]:
    """Per column: may its cells give it a field? A column whose heading names nothing may take a field
    its cells show; one whose heading says it holds no field ("Notes", "Budget") may not, unless it says
    so by cue words alone that also name a field ("Status update": an update, or a status), or it is set
    on its side, which its cell may cut short ("How" of "How are we doing?"), over cells that state a
    status outright or show one as colour: then its cells decide."""
    turned = {c.text for c in table.header.cells if c.turned} if table.header else set()
    return [f is None and not pin and (match_heading(c.heading, settings=settings) is None
                                       or _torn_no_field(c.heading, settings)
                                       or (c.heading in turned and (states_status(p) or coloured_status(p))))
            for c, f, pin, p in zip(table.columns, fields, pinned, profiles)]


def _extra_of(c: Column) -> str:
    """The extra key of a column that holds no field: its own where it has one (kept apart from a column
    printed under the same heading), else its heading's."""
    return c.field if c.field and c.field.startswith(EXTRA_PREFIX) else extra_key(c.heading)


def understood_columns(
    table: PageTable, settings: ExtractSettings, evidence: dict[tuple[str, str], list[str]] | None = None,
    fills: Sequence[Fill] = (), pages_after: Sequence[tuple[list[PageRow], Sequence[Fill]]] = (),
) -> list[Column]:
    """The table's columns with their fields checked against what their cells hold (see
    pipeline.extract.columns): a heading whose cells contradict it, or a second column for one field,
    becomes an extra column. Headings a registry entry pins are kept. `evidence` pools the cells seen
    under each heading on earlier pages, and takes this table's."""
    pinned_words = override_headings(settings.headings)
    fields = [None if c.field is None or c.field.startswith(EXTRA_PREFIX) else named_field(c.field)
              for c in table.columns]
    # `pages_after`: the rows the following pages carry on in the columns, each page's with its fills.
    judged = dataclasses.replace(table, rows=table.rows + [r for rows, _ in pages_after for r in rows])
    profiles = _pooled_profiles(judged, fields, {} if evidence is None else evidence)
    profiles = _with_colours(profiles, table.columns, [(table.rows, fills), *pages_after], settings)
    pinned = [normalise_heading(c.heading) in pinned_words for c in table.columns]
    free = _free_columns(table, fields, pinned, profiles, settings)
    cued = [cue_candidates(normalise_heading(c.heading)) for c in table.columns]
    listed = [listed_exactly(c.heading, settings) for c in table.columns]
    resolved = resolve(fields, profiles, pinned, free, cued, [normalise_heading(c.heading) for c in table.columns],
                       listed)
    return [
        c if f == c.field else dataclasses.replace(c, field=f or _extra_of(c))
        for c, f in zip(table.columns, resolved)
    ]
