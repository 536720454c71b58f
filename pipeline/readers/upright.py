"""Pages whose text runs up or down the page, turned a quarter so that it reads across.

A table set at 90 degrees on a portrait page (a wide statistical table, a landscape sheet printed
sideways), or a page whose /Rotate shows its text on its side, is read as a person would read it: by
turning the page. Both readers' pages pass through here, so they stay comparable word for word. The
page keeps how far it was turned (`Page.turned`), and every box (words, rules, fills, a row's bbox) is
in the turned page's coordinates.
"""

from __future__ import annotations

import dataclasses

from .model import SLANTED, Fill, Page, Rule, Word

# A page is turned when at least this share of its letters (and MIN_TURNED_LETTERS of them) read up or down
# it, all one way: a few turned headings over upright columns (a risk register) leave it as it is.
TURNED_SHARE = 0.6
MIN_TURNED_LETTERS = 40

# Word.rotation after the page is turned clockwise (text that read upward reads across) or anticlockwise;
# any other (text now upside down, or slanted) is SLANTED: it belongs to no line.
_CLOCKWISE = {90: 0, 0: 270}
_ANTICLOCKWISE = {270: 0, 0: 90}


def turn_for(page: Page) -> int:
    """Degrees the page must be turned clockwise for its text to read across: 90, 270 or 0."""
    letters = {0: 0, 90: 0, 270: 0}
    for w in page.words:
        if w.rotation in letters:
            letters[w.rotation] += len(w.text)
    total = sum(letters.values())
    for rotation, turn in ((90, 90), (270, 270)):
        if letters[rotation] >= MIN_TURNED_LETTERS and letters[rotation] >= TURNED_SHARE * total:
            return turn
    return 0


def upright(page: Page) -> Page:
    """The page turned so that most of its text reads across, or the page itself when it already does."""
    turn = turn_for(page)
    if not turn:
        return page
    w, h = page.width, page.height

    def box(x0: float, top: float, x1: float, bottom: float) -> tuple[float, float, float, float]:
        if turn == 90:  # clockwise: (x, y) -> (h - y, x)
            return h - bottom, x0, h - top, x1
        return top, w - x1, bottom, w - x0  # anticlockwise: (x, y) -> (y, w - x)

    rotations = _CLOCKWISE if turn == 90 else _ANTICLOCKWISE
    words = [Word(wd.text, *box(wd.x0, wd.top, wd.x1, wd.bottom), size=wd.size, bold=wd.bold,
                  rotation=rotations.get(wd.rotation, SLANTED)) for wd in page.words]
    words.sort(key=lambda wd: (wd.top, wd.x0))
    # A horizontal rule becomes a vertical one and the other way round.
    hrules = sorted((Rule(*box(r.x0, r.top, r.x1, r.bottom)) for r in page.vrules), key=lambda r: (r.top, r.x0))
    vrules = sorted((Rule(*box(r.x0, r.top, r.x1, r.bottom)) for r in page.hrules), key=lambda r: (r.x0, r.top))
    fills = [Fill(*box(f.x0, f.top, f.x1, f.bottom), f.colour) for f in page.fills]
    marks = [Fill(*box(f.x0, f.top, f.x1, f.bottom), f.colour) for f in page.marks]
    return dataclasses.replace(page, width=h, height=w, words=words, hrules=hrules, vrules=vrules, fills=fills,
                               marks=marks, turned=turn)
