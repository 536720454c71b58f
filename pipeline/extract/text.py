"""Words -> text lines -> paragraphs: the geometry of running text, shared by every strategy."""

from __future__ import annotations

import re
import statistics
from bisect import bisect_left
from typing import Iterable, Sequence

from ..readers.model import Word
from ..settings import DEFAULT_SETTINGS, ExtractSettings

_SPACES = re.compile(r"[ \t\u00a0\u2002\u2003\u2009\u200a]+")
_BULLET_GLYPHS = "\u2022\u25cf\u25aa\u25a0\u25e6\u2023\u2219\u00b7\uf0b7\uf0a7\uf076\uf0d8"
# A list marker: a bullet glyph, or a dash standing alone before the text ("- Item"; "-1.9" is a number).
_BULLET = re.compile(rf"^(?:[{_BULLET_GLYPHS}]\s*|[-\u2013]\s+)")


class Line:
    """A run of words on one baseline, left to right. Its extent is computed once: lines are read
    many times over by header search, gutters and row assembly."""

    __slots__ = ("words", "x0", "x1", "top", "bottom", "size")

    def __init__(self, words: tuple[Word, ...]):
        self.words = words = tuple(words)
        first = words[0]
        x0, x1, top, bottom, size = first.x0, first.x1, first.top, first.bottom, first.size
        for w in words[1:]:
            if w.x0 < x0:
                x0 = w.x0
            if w.x1 > x1:
                x1 = w.x1
            if w.top < top:
                top = w.top
            if w.bottom > bottom:
                bottom = w.bottom
            if w.size > size:
                size = w.size
        self.x0, self.x1, self.top, self.bottom, self.size = x0, x1, top, bottom, size

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    def __eq__(self, other) -> bool:
        return isinstance(other, Line) and self.words == other.words

    def __hash__(self) -> int:
        return hash(self.words)

    def __repr__(self) -> str:
        return f"Line({self.text!r}, x0={self.x0:.1f}, top={self.top:.1f})"


def words_to_lines(words: Iterable[Word], settings: ExtractSettings = DEFAULT_SETTINGS) -> list[Line]:
    """Cluster words into text lines (top to bottom), each line's words left to right. Text set at 90 or
    270 degrees (a narrow heading turned on its side) makes lines of its own, read in its direction, so
    that it is one heading and never scattered into the upright lines it crosses."""
    upright: list[Word] = []
    turned: list[Word] = []
    for w in words:
        (turned if w.rotation else upright).append(w)
    lines = _upright_lines(upright, settings)
    if not turned:
        return lines
    keyed = [(ln.words[0].ymid, i, ln) for i, ln in enumerate(lines)]
    keyed += [(ln.top + ln.size / 2, len(lines) + i, ln) for i, ln in enumerate(_turned_lines(turned, settings))]
    return [ln for _, _, ln in sorted(keyed, key=lambda t: (t[0], t[1]))]


def _turned_lines(words: Sequence[Word], settings: ExtractSettings) -> list[Line]:
    """Turned words sharing a vertical baseline and following each other closely, in reading order:
    upward (90 degrees) from the bottom, downward (270) from the top."""
    share = settings.line_y_tolerance
    columns: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (w.rotation, w.xmid, w.top)):
        if columns:
            cur = columns[-1]
            if cur[0].rotation == w.rotation and abs(w.xmid - cur[0].xmid) <= share * min(cur[0].size, w.size):
                cur.append(w)
                continue
        columns.append([w])
    lines = []
    for col in columns:
        col.sort(key=lambda w: w.top)
        runs = [[col[0]]]
        for prev, w in zip(col, col[1:]):
            if w.top - prev.bottom > settings.chunk_gap * min(prev.size, w.size):
                runs.append([w])
            else:
                runs[-1].append(w)
        for run in runs:
            lines.append(Line(tuple(reversed(run)) if run[0].rotation == 90 else tuple(run)))
    return lines


def _upright_lines(words: Sequence[Word], settings: ExtractSettings) -> list[Line]:
    share = settings.line_y_tolerance
    ordered = sorted(words, key=lambda w: (w.ymid, w.x0))
    lines: list[list[Word]] = []
    mid_sum = 0.0  # running sum of the current line's word centres
    for w in ordered:
        ymid = w.ymid
        if lines:
            cur = lines[-1]
            tol = share * min(cur[0].size, w.size)
            if abs(ymid - mid_sum / len(cur)) <= tol:
                cur.append(w)
                mid_sum += ymid
                continue
        lines.append([w])
        mid_sum = ymid
    return [Line(tuple(sorted(ln, key=lambda w: w.x0))) for ln in lines]


def page_lines(page, settings: ExtractSettings = DEFAULT_SETTINGS) -> list[Line]:
    """The page's text lines, computed once per page and settings: several stages read them."""
    cached = getattr(page, "_planpipe_lines", None)
    if cached is None or cached[0] != settings:
        cached = (settings, words_to_lines(page.words, settings))
        page._planpipe_lines = cached
    return cached[1]


def split_chunks(line: Line, cuts: Sequence[float] = (), settings: ExtractSettings = DEFAULT_SETTINGS) -> list[Line]:
    """Split a page-wide line where words are far apart, or where a vertical rule passes between them."""
    share, floor = settings.chunk_gap, settings.chunk_gap_min
    chunks: list[list[Word]] = [[line.words[0]]]
    cuts = sorted(cuts)
    for prev, w in zip(line.words, line.words[1:]):
        gap = w.x0 - prev.x1
        limit = max(share * min(prev.size, w.size), floor)
        k = bisect_left(cuts, prev.x1 - 0.5)
        ruled = k < len(cuts) and cuts[k] <= w.x0 + 0.5
        if gap > limit or ruled:
            chunks.append([w])
        else:
            chunks[-1].append(w)
    return [Line(tuple(c)) for c in chunks]


def lines_to_paragraphs(lines: Sequence[Line], settings: ExtractSettings = DEFAULT_SETTINGS) -> list[list[Line]]:
    """Group a cell's lines into paragraphs at vertical gaps larger than ordinary line spacing."""
    share, extra = settings.paragraph_gap, settings.paragraph_extra_gap
    gaps = [b.top - a.bottom for a, b in zip(lines, lines[1:])]
    # The cell's usual line spacing: a paragraph space is measured against it, as a reader sees it.
    usual = statistics.median(gaps) if len(gaps) >= 2 else None
    paras: list[list[Line]] = []
    for ln in lines:
        if paras:
            prev = paras[-1][-1]
            gap = ln.top - prev.bottom
            size = min(prev.size, ln.size)
            wide = gap > share * size or (usual is not None and gap - usual > extra * size)
            # A list item starts its own paragraph, however tight the spacing.
            if not wide and not is_bullet(ln):
                paras[-1].append(ln)
                continue
        paras.append([ln])
    return paras


def is_bullet(line: Line) -> bool:
    """Does the line open with a list marker ("•", "▪", or a dash standing alone before the text)?"""
    first = line.words[0].text
    return first in ("-", "\u2013") or first[:1] in _BULLET_GLYPHS


# Hyphens that hyphenation engines (WeasyPrint, TeX-style layout) print where they break a word.
BREAK_HYPHENS = ("\u2010", "\u00ad")


def join_lines(texts: Sequence[str]) -> str:
    """Join wrapped lines of one paragraph: a line ending in a hyphen or slash joins without a space."""
    out = ""
    for t in texts:
        t = tidy(t)
        if not t:
            continue
        if not out:
            out = t
        elif out.endswith(BREAK_HYPHENS) and out[-2:-1].isalpha() and t[:1].islower():
            # A layout engine's hyphenation break (U+2010, or a soft hyphen shown at the line end) is
            # not part of the word; an author's own hyphen (U+002D, "co-" / "locate") is kept.
            out = out[:-1] + t
        elif out.endswith(("-", "\u2010", "/")) and not out.endswith((" -", " \u2010", " /")):
            out += t
        else:
            out += " " + t
    return out


def tidy(text: str) -> str:
    """Collapse runs of spaces (including no-break spaces) and drop bullets. Undecodable characters
    (U+FFFD) stay, for pipeline.text_contract to remove and report with the record's page and seq."""
    text = _SPACES.sub(" ", text).strip()
    return _BULLET.sub("", text)


def paragraphs_text(lines: Sequence[Line], settings: ExtractSettings = DEFAULT_SETTINGS) -> list[str]:
    """A cell's lines as a list of paragraph strings."""
    result = []
    for para in lines_to_paragraphs(lines, settings):
        t = join_lines([ln.text for ln in para])
        if t:
            result.append(t)
    return result
