"""Page furniture: running heads and footers ("PAGE 14", the document title) repeated on many pages."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Sequence

from ..readers.model import Page
from .text import Line, page_lines

# Running heads live in the top HEAD_ZONE and footers in the bottom FOOT_ZONE of a page (shares of height).
HEAD_ZONE = 0.10
FOOT_ZONE = 0.12
# A line repeated (digits ignored) on at least this share of pages is furniture.
REPEAT_SHARE = 0.3

_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(r"^(page\s*)?\d+(\s*(of|/)\s*\d+)?$", re.I)


@dataclass
class Furniture:
    """Per page: the y below the running heads and the y above the footers."""

    body_top: dict[int, float]
    body_bottom: dict[int, float]


def _key(line: Line) -> str:
    return _DIGITS.sub("#", line.text.lower()).strip()


def find_furniture(
    pages: Sequence[Page],
    lines_by_page: dict[int, list[Line]] | None = None,
    protected: dict[int, list[tuple[float, float]]] | None = None,
) -> Furniture:
    """Running heads and footers. Lines inside a `protected` band (a table header repeated at the top
    of every page) are content, not furniture."""
    lines_by_page = lines_by_page or {p.number: page_lines(p) for p in pages}
    protected = protected or {}
    counts: Counter[str] = Counter()
    zone_lines: dict[int, list[tuple[Line, str]]] = {}
    for p in pages:
        seen = set()
        zl = []
        bands = protected.get(p.number, [])
        for ln in lines_by_page[p.number]:
            if any(top - 0.5 <= ln.top and ln.bottom <= bottom + 0.5 for top, bottom in bands):
                continue
            if ln.bottom <= p.height * HEAD_ZONE:
                zl.append((ln, "head"))
            elif ln.top >= p.height * (1 - FOOT_ZONE):
                zl.append((ln, "foot"))
            else:
                continue
            k = _key(ln)
            if k not in seen:
                counts[k] += 1
                seen.add(k)
        zone_lines[p.number] = zl
    need = max(2, REPEAT_SHARE * len(pages))
    top: dict[int, float] = {}
    bottom: dict[int, float] = {}
    for p in pages:
        top[p.number] = 0.0
        bottom[p.number] = p.height
        for ln, zone in zone_lines[p.number]:
            if counts[_key(ln)] >= need or _PAGE_NUMBER.match(ln.text.strip()):
                if zone == "head":
                    top[p.number] = max(top[p.number], ln.bottom + 0.5)
                else:
                    bottom[p.number] = min(bottom[p.number], ln.top - 0.5)
    return Furniture(top, bottom)
