"""Action-table extraction strategies, one module each, behind one signature:

    find_tables(doc: Document, progress=None, settings=DEFAULT_SETTINGS) -> list[PageTables]

`pdfplumber` (default) works from the page geometry read by pipeline.readers; `camelot` takes camelot's
lattice grid for the cells and shares the rest.
"""

from __future__ import annotations

from typing import Callable


def _geometry(doc, progress=None, settings=None):
    from .geometry import find_tables

    return find_tables(doc, progress, settings) if settings else find_tables(doc, progress)


def _camelot(doc, progress=None, settings=None):
    from .camelot_lattice import find_tables

    return find_tables(doc, progress, settings) if settings else find_tables(doc, progress)


ENGINES: dict[str, Callable] = {"pdfplumber": _geometry, "camelot": _camelot}
