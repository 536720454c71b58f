"""Pages read once from generated layouts (tools/layouts), kept as data under tests/fixtures/pages so that
a test can pin how one page's header or columns are read without rendering the layout again. Each file
names the layout and page it was read from."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.extract.text import Line
from pipeline.readers.model import Fill, Page, Rule, Word

PAGES = Path(__file__).parent / "fixtures" / "pages"


def load_page(name: str) -> Page:
    """The page stored as tests/fixtures/pages/<name>.json."""
    data = json.loads((PAGES / f"{name}.json").read_text(encoding="utf-8"))
    return Page(
        data["page"], data["width"], data["height"],
        words=[Word(t, x0, top, x1, bottom, size, bold, rotation)
               for t, x0, top, x1, bottom, size, bold, rotation in data["words"]],
        hrules=[Rule(*r) for r in data["hrules"]], vrules=[Rule(*r) for r in data["vrules"]],
        fills=[Fill(*f) for f in data["fills"]],
    )


def drawn_line(x0: float, top: float, text: str, char: float = 5.0, size: float = 8.0) -> Line:
    """A line of a table drawn in a test: its words from `x0`, `char` pt per character and one space
    between words, `size` pt high."""
    words, x = [], x0
    for w in text.split():
        words.append(Word(w, x, top, x + char * len(w), top + size, size))
        x += char * (len(w) + 1)
    return Line(tuple(words))
