"""A document's RAG legend: colour swatches with the status wording beside them (or inside them).

Learned pairs let the normaliser read a cell that is only coloured. Swatches inside action-table rows
are cells, not legend entries, so they are left out.
"""

from __future__ import annotations

from typing import Sequence

from ..normalise.rag import status_from_wording
from ..readers.model import Document, Fill
from ..settings import DEFAULT_SETTINGS, ExtractSettings
from .geometry import PageTables
from .text import tidy, words_to_lines


def find_legend(
    doc: Document, tables: Sequence[PageTables], settings: ExtractSettings = DEFAULT_SETTINGS
) -> list[tuple[str, str]]:
    """(wording, '#rrggbb') pairs in document order, one per distinct colour."""
    pairs: list[tuple[str, str]] = []
    seen: set[str] = set()
    regions = {
        pt.page: [(t.top, t.bottom) for t in pt.tables] for pt in tables
    }
    for page in doc.pages:
        inside = regions.get(page.number, [])
        for f in sorted(page.fills, key=lambda f: (f.top, f.x0)):
            if (f.x1 - f.x0) > settings.legend_max_width * page.width:
                continue
            mid = (f.top + f.bottom) / 2
            if any(top <= mid <= bottom for top, bottom in inside):
                continue
            text = _wording_for(page.words, f, settings)
            # Only wordings that name a status are legend entries (not a grey header fill).
            if text and f.colour not in seen and status_from_wording(text)[0] != "unknown":
                seen.add(f.colour)
                pairs.append((text, f.colour))
    return pairs


def _wording_for(words, f: Fill, settings: ExtractSettings) -> str | None:
    within = [w for w in words if f.x0 <= w.xmid <= f.x1 and f.top <= w.ymid <= f.bottom]
    if within:
        return tidy(" ".join(ln.text for ln in words_to_lines(within, settings)))
    right = [
        w
        for w in words
        if f.x1 <= w.x0 <= f.x1 + settings.legend_max_gap and f.top - 2 <= w.ymid <= f.bottom + 2
    ]
    if not right:
        return None
    # Only the words of the nearest text cell: stop at a wide gap.
    right.sort(key=lambda w: (round(w.ymid), w.x0))
    lines = words_to_lines(right, settings)
    return tidy(" ".join(ln.text for ln in lines)) or None
