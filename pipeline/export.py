"""`planpipe export FILE.parquet --to csv|xlsx`: any planpipe table (actions, diff, measures) as a
spreadsheet most colleagues can open.

xlsx: frozen header row, filters on every column, status and change cells coloured as the reports'
legend (with a Legend sheet), dates as real dates. CSV: UTF-8 with a byte-order mark (so Excel reads
the accents), one row per record.

Formula injection: a spreadsheet runs a cell that begins with `=`, `+`, `-` or `@` (and, in some, a
tab or carriage return) as a formula, so text from a PDF could run code on a reader's machine. In CSV
such a cell is prefixed with an apostrophe (the OWASP advice; spreadsheets hide it); in xlsx it is
written as a text cell with Excel's quote-prefix style, so it shows exactly as printed and never runs.
Numbers and dates are typed values and are never touched.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path

from .errors import PlanpipeError
from .htmlkit import STATUS_COLOURS, STATUS_LABELS
from .parquet import atomic_write_bytes, read_metadata

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FORMATS = ("csv", "xlsx")
# Columns whose cells are coloured as the legend: statuses, and the change class of a diff.
STATUS_COLUMNS = ("rag", "old_rag", "new_rag")
CHANGE_COLUMN = "change"
# Widest a column is made (characters) before its text wraps; long action texts would otherwise make
# the sheet unreadable.
MAX_COLUMN_WIDTH = 60
LIST_JOIN = "; "


def neutralise(text: str) -> str:
    """A CSV cell that cannot start a formula: an apostrophe before a leading = + - @ tab or CR."""
    return "'" + text if text.startswith(FORMULA_START) else text


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_START)


def cell_value(value):
    """A Parquet value as a spreadsheet value: lists joined with '; ', a map's entries as 'key: value',
    numbers and dates kept typed."""
    if isinstance(value, (list, tuple)):
        return LIST_JOIN.join(_item(v) for v in value)
    return value


def _item(v) -> str:
    if v is None:
        return ""
    if isinstance(v, tuple) and len(v) == 2:  # a map column's entry, as pyarrow reads it
        return f"{v[0]}: {v[1]}"
    return str(v)


def read_rows(path: Path) -> tuple[list[str], list[dict], dict]:
    import pyarrow.parquet as pq

    if not path.exists():
        raise PlanpipeError("file not found; give a Parquet file written by planpipe", path=str(path))
    try:
        table = pq.read_table(path)
        meta = read_metadata(path)
    except Exception as exc:  # pyarrow raises several types for a file that is not Parquet
        raise PlanpipeError(f"cannot read as Parquet ({exc}); give a file written by planpipe", path=str(path)) from None
    return table.column_names, table.to_pylist(), meta


def to_csv_bytes(columns: list[str], rows: list[dict]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(columns)
    for r in rows:
        out = []
        for c in columns:
            v = cell_value(r[c])
            if v is None:
                out.append("")
            elif isinstance(v, str):
                out.append(neutralise(v))
            elif isinstance(v, (date, datetime)):
                out.append(v.isoformat())
            else:
                out.append(v)
        w.writerow(out)
    return buf.getvalue().encode("utf-8-sig")


def _fills():
    from openpyxl.styles import Font, PatternFill

    from .diff.html import CLASS_COLOURS

    status = {s: (PatternFill("solid", fgColor=bg[1:].upper()), Font(color=fg[1:].upper()))
              for s, (bg, fg) in STATUS_COLOURS.items()}
    change = {k: (PatternFill("solid", fgColor=c[1:].upper()), Font(color="1D1D1D")) for k, c in CLASS_COLOURS.items()}
    return status, change


def _write_cell(ws, row: int, col: int, value, style):
    from openpyxl.styles import Alignment

    cell = ws.cell(row=row, column=col)
    if isinstance(value, str):
        # openpyxl turns a str starting with '=' into a formula; set the value as text explicitly.
        cell.value = value
        cell.data_type = "s"
        if is_formula_like(value):
            cell.quotePrefix = True
        if "\n" in value or len(value) > MAX_COLUMN_WIDTH:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    elif isinstance(value, datetime):
        cell.value = value
        cell.number_format = "yyyy-mm-dd hh:mm"
    elif isinstance(value, date):
        cell.value = value
        cell.number_format = "yyyy-mm-dd"
    else:
        cell.value = value
    if style is not None:
        cell.fill, cell.font = style
    return cell


def to_xlsx_bytes(columns: list[str], rows: list[dict], sheet: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    status_styles, change_styles = _fills()
    wb = Workbook()
    ws = wb.active
    ws.title = sheet[:31]
    for j, c in enumerate(columns, start=1):
        ws.cell(row=1, column=j, value=c).font = Font(bold=True)
    widths = [len(c) for c in columns]
    for i, r in enumerate(rows, start=2):
        for j, c in enumerate(columns, start=1):
            v = cell_value(r[c])
            style = None
            if c in STATUS_COLUMNS:
                style = status_styles.get(v)
            elif c == CHANGE_COLUMN:
                style = change_styles.get(v)
            _write_cell(ws, i, j, v, style)
            widths[j - 1] = max(widths[j - 1], min(MAX_COLUMN_WIDTH, len(str(v)) if v is not None else 0))
    for j, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = max(8, w + 2)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(max(1, len(columns)))}{max(1, len(rows) + 1)}"
    legend = wb.create_sheet("Legend")
    legend.append(["value", "meaning"])
    legend["A1"].font = legend["B1"].font = Font(bold=True)
    for k, s in enumerate(STATUS_COLOURS, start=2):
        _write_cell(legend, k, 1, s, status_styles[s])
        legend.cell(row=k, column=2, value=f"status: {STATUS_LABELS[s]}")
    from .diff.html import CLASS_LABELS

    for k, c in enumerate(CLASS_LABELS, start=len(STATUS_COLOURS) + 2):
        _write_cell(legend, k, 1, c, change_styles[c])
        legend.cell(row=k, column=2, value=f"change: {CLASS_LABELS[c]}")
    legend.column_dimensions["A"].width = 20
    legend.column_dimensions["B"].width = 40
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def export(path: str | Path, fmt: str, out: str | Path | None = None) -> Path:
    """Write `path` (a planpipe Parquet file) as `fmt` to `out` (default: beside it, same stem)."""
    if fmt not in FORMATS:
        raise PlanpipeError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}", path=str(path))
    path = Path(path)
    columns, rows, meta = read_rows(path)
    target = Path(out) if out else path.with_suffix(f".{fmt}")
    if target.resolve() == path.resolve():
        raise PlanpipeError("the output would overwrite the input; give --out", path=str(path))
    sheet = str(meta.get("schema", "planpipe")).removeprefix("planpipe.") or "data"
    data = to_csv_bytes(columns, rows) if fmt == "csv" else to_xlsx_bytes(columns, rows, sheet)
    atomic_write_bytes(target, lambda tmp: Path(tmp).write_bytes(data))
    return target
