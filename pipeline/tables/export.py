"""Generic tables -> JSON and CSV text."""

from __future__ import annotations

import csv
import io
import json
from typing import Sequence

from .model import GenericTable


def _round(b) -> list[float]:
    return [round(v, 2) for v in b]


def to_dicts(tables: Sequence[GenericTable], source: str | None = None) -> list[dict]:
    out = []
    for i, t in enumerate(tables, start=1):
        d = {
            "table": i,
            "page": t.page,
            "bbox": _round(t.bbox),
            "strategy": t.strategy,
            "n_rows": t.n_rows,
            "n_cols": t.n_cols,
            "cells": [
                {"row": c.row0, "col": c.col0, "row_end": c.row1, "col_end": c.col1, "text": c.text, "bbox": _round(c.bbox)}
                for c in t.cells
            ],
            "rows": t.rows(),
        }
        if source is not None:
            d = {"source": source, **d}
        out.append(d)
    return out


def to_json(tables: Sequence[GenericTable], source: str | None = None) -> str:
    """A JSON array, one object per table: page, bbox, strategy, cells (with spans and boxes), rows."""
    return json.dumps(to_dicts(tables, source), ensure_ascii=False, indent=1) + "\n"


def to_csv(tables: Sequence[GenericTable], source: str | None = None) -> str:
    """One CSV block per table, each preceded by a `# table N, page P` line, blocks separated by a blank line.

    A spanning cell's text is written in its top-left position; the positions it covers stay empty."""
    buf = io.StringIO()
    for i, t in enumerate(tables, start=1):
        if i > 1:
            buf.write("\n")
        where = f"{source}, " if source else ""
        buf.write(f"# {where}table {i}, page {t.page}\n")
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerows(t.rows())
    return buf.getvalue()
