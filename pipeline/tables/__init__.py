"""Generic tables: every table on every page of any PDF, not only action plans.

`find_generic_tables(doc)` runs two strategies per page, in order: ruled tables from the rule grid
(`ruled.py`), then unruled tables from text alignment (`aligned.py`) among the words no ruled table
holds. Nothing is tuned per document. `to_json` / `to_csv` render the result; `tables_from_pdf`
opens a file with `pipeline.readers.open_pdf` (the readers are the only code that opens PDFs).
"""

from __future__ import annotations

import os

from ..readers import Document, Page, open_pdf
from ..settings import DEFAULT_SETTINGS, ExtractSettings
from .aligned import find_aligned_tables
from .export import to_csv, to_dicts, to_json
from .model import GenericCell, GenericTable
from .prose import split_text_columns
from .ruled import find_ruled_tables

__all__ = [
    "GenericCell", "GenericTable", "find_generic_tables", "find_page_tables", "tables_from_pdf",
    "to_csv", "to_dicts", "to_json",
]


def _inside(w, bbox, margin: float = 1.0) -> bool:
    x0, top, x1, bottom = bbox
    return x0 - margin <= w.xmid <= x1 + margin and top - margin <= w.ymid <= bottom + margin


def find_page_tables(page: Page, settings: ExtractSettings = DEFAULT_SETTINGS) -> list[GenericTable]:
    """The tables of one page: ruled first, then text-aligned among the words no ruled table holds, in
    each column of running text apart when the page is set in two (`prose.split_text_columns`)."""
    ruled = find_ruled_tables(page, settings)
    rest = [w for w in page.words if not any(_inside(w, t.bbox) for t in ruled)]
    parts = split_text_columns(rest, settings)
    aligned = [t for part in parts for t in find_aligned_tables(page, part, settings, running=len(parts) > 1)]
    return sorted(ruled + aligned, key=lambda t: (t.bbox[1], t.bbox[0]))


def find_generic_tables(doc: Document, settings: ExtractSettings = DEFAULT_SETTINGS) -> list[GenericTable]:
    """Every table found on every page of `doc`, in reading order (page, then top to bottom)."""
    out: list[GenericTable] = []
    for page in doc.pages:
        if page.words:
            out.extend(find_page_tables(page, settings))
    return out


def tables_from_pdf(
    path: str | os.PathLike, password: str | None = None, settings: ExtractSettings = DEFAULT_SETTINGS
) -> list[GenericTable]:
    """Open `path` and find its tables. Raises a PlanpipeError subclass on bad input."""
    return find_generic_tables(open_pdf(path, password=password, settings=settings), settings)
