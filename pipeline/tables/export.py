"""Generic tables -> JSON and CSV text."""

from __future__ import annotations

import csv
import io
import json
import re
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


# A cell a spreadsheet would run as a formula starts with one of these (CSV injection); tab and CR too,
# since some spreadsheets strip them and then see the formula behind.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A plain number ("-12", "+3.5", "-1,200", "-4%") is data, not a formula: it is left as printed.
PLAIN_NUMBER = re.compile(r"[+-]?(\d[\d,]*)?(\.\d+)?%?")
# Characters that would end a `# ...` comment line early, or move the cursor (a name holding ESC).
_UNSAFE_NAME = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def neutralise(cell: str) -> str:
    """A CSV cell a spreadsheet shows as text: a leading formula character gets a `'` before it. A bare
    carriage return (which the csv module leaves unquoted, so a reader sees a new row) becomes a newline."""
    cell = cell.replace("\r\n", "\n").replace("\r", "\n") if "\r" in cell else cell
    if cell.startswith("\n="):
        return "'" + cell
    if cell.startswith(FORMULA_START) and not (PLAIN_NUMBER.fullmatch(cell) and any(ch.isdigit() for ch in cell)):
        return "'" + cell
    return cell


def safe_name(name: str) -> str:
    """A file name fit to be written inside a file: control characters and line breaks shown as `?`."""
    return _UNSAFE_NAME.sub("?", name)


def to_csv(tables: Sequence[GenericTable], source: str | None = None) -> str:
    """One CSV block per table, each preceded by a `# table N, page P` line, blocks separated by a blank line.

    A spanning cell's text is written in its top-left position; the positions it covers stay empty.
    Cells that would run as spreadsheet formulas are neutralised (`neutralise`)."""
    buf = io.StringIO()
    for i, t in enumerate(tables, start=1):
        if i > 1:
            buf.write("\n")
        where = f"{safe_name(source)}, " if source else ""
        buf.write(f"# {where}table {i}, page {t.page}\n")
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerows([neutralise(c) for c in row] for row in t.rows())
    return buf.getvalue()
