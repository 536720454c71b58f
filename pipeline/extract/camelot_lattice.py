"""The camelot strategy: camelot's lattice parser finds the table grid (by image processing of the
page's ruling), our geometry does the rest.

Camelot's cells give the ruling that is really drawn (a cell edge is present or not, which is how a
merged cell shows); they replace the page's own rules, and the words and fills still come from
pipeline.readers. Header matching, row assembly and merged-cell fill-down are shared with the default
strategy, so both engines give the same rows wherever they see the same grid.
"""

from __future__ import annotations

import dataclasses
import warnings
from collections import defaultdict

from ..errors import PlanpipeError
from ..readers.model import Document, Rule
from ..settings import DEFAULT_SETTINGS, ExtractSettings
from .geometry import PageTables
from .geometry import find_tables as geometry_tables


def _cell_rules(cell, height: float) -> tuple[list[Rule], list[Rule]]:
    top, bottom = height - cell.y2, height - cell.y1
    h, v = [], []
    if cell.top:
        h.append(Rule(cell.x1, top, cell.x2, top))
    if cell.bottom:
        h.append(Rule(cell.x1, bottom, cell.x2, bottom))
    if cell.left:
        v.append(Rule(cell.x1, top, cell.x1, bottom))
    if cell.right:
        v.append(Rule(cell.x2, top, cell.x2, bottom))
    return h, v


def find_tables(doc: Document, progress=None, settings: ExtractSettings = DEFAULT_SETTINGS) -> list[PageTables]:
    try:
        import camelot
    except ImportError as exc:  # pragma: no cover - camelot is a dependency
        raise PlanpipeError(f"the camelot engine needs camelot-py ({exc})", path=doc.path) from None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            found = camelot.read_pdf(doc.path, flavor="lattice", pages="all", password=doc.password)
        except Exception as exc:
            raise PlanpipeError(f"camelot could not read the PDF ({type(exc).__name__}: {exc})", path=doc.path) from None
    rules: dict[int, tuple[list[Rule], list[Rule]]] = defaultdict(lambda: ([], []))
    heights = {p.number: p.height for p in doc.pages}
    for table in found:
        page = int(table.page)
        for row in table.cells:
            for cell in row:
                h, v = _cell_rules(cell, heights[page])
                rules[page][0].extend(h)
                rules[page][1].extend(v)
    pages = [
        dataclasses.replace(p, hrules=rules[p.number][0], vrules=rules[p.number][1]) if p.number in rules
        else dataclasses.replace(p, hrules=[], vrules=[])
        for p in doc.pages
    ]
    return geometry_tables(dataclasses.replace(doc, pages=pages), progress, settings)
