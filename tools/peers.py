"""What a user of a generic table extractor gets on an improvement plan, with small generic glue.

`make bench` (tools/bench.py) runs camelot (lattice and stream) and pdfplumber's `find_tables()` on
the same PDFs as planpipe and scores their output with the same code. Each tool only returns grids of
cell strings; the SAME glue (`records_from_tables`) turns any tool's grids into records with the
canonical field names the scorer reads:

- the header of a table is its first row whose cells, matched through the synonyms in
  schemas/headers.json (`pipeline.extract.headers.match_heading`), name at least three fields including
  the action; a header may take up to three rows (cells joined per column, most cells of each row in
  a known column, the band naming the most fields wins), as a tool giving one row per text line
  splits a two-line heading; rows above it are dropped, and a table without one is ignored;
- each column takes the field its heading names; a "Ref" column labels the nearest outcome, objective
  or action column to its right (-> outcome_ref/objective_ref/action_ref), as the synonym file says;
- repeated header rows and rows with no action text are dropped;
- an empty hierarchy cell (theme, key area, outcome, objective, lead officer, detailed action plan) is
  filled down from the row above, within the same table only, and recorded in `inherited`;
- "1.1 text" reference numbers are split off theme/outcome/objective cells;
- a cell's text lines are joined with spaces; measures are one item per block of lines separated by a
  blank line (neither tool marks paragraph gaps, so in practice one item per cell).

Nothing here knows a document or a layout. It deliberately stops there: no joining of rows split over
a page break, no banner (theme) rows outside the table, no combined "date and rating" columns.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import Callable, Iterable, Sequence

from pipeline.extract.headers import match_heading
from tools.scoring import TEXT_FIELDS

Grid = list[list["str | None"]]  # one table: rows of cell text (None: covered by a merged cell)

# Header fields -> record fields the scorer reads.
RECORD_FIELD = {
    "theme": "theme",
    "key_area": "key_area",
    "outcome": "outcome",
    "objective": "objective",
    "action": "action",
    "measures": "measures",
    "lead_officer": "lead_officer_raw",
    "rag": "rag_raw",
    "milestone": "milestone_raw",
    "detailed_action_plan": "detailed_action_plan",
}
# Hierarchy fields: an empty cell means "same as the row above" (a merged cell).
HIERARCHY = ("theme", "key_area", "outcome", "objective", "lead_officer", "detailed_action_plan")
# Fields whose cell may start with a reference number ("1.1 A skilled workforce").
REF_SPLIT = ("theme", "outcome", "objective")
MIN_HEADER_FIELDS = 3
MAX_HEADER_ROWS = 3
_REF = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+(\S.*)$", re.S)


def _text(cell: str | None) -> str:
    """Cell text, lines joined with spaces."""
    return " ".join((cell or "").split())


def _paragraphs(cell: str | None) -> list[str]:
    blocks = re.split(r"\n\s*\n", cell or "")
    return [t for t in (_text(b) for b in blocks) if t]


def header_fields(row: Sequence[str | None]) -> list[str | None] | None:
    """The field each cell of `row` names, if the row is an action-table header, else None."""
    # The glue stays what it was when the peers were first measured: synonyms only, no cue words.
    fields = [match_heading(_text(c), use_cues=False) if _text(c) else None for c in row]
    named = {f for f in fields if f}
    if "action" not in named or len(named) < MIN_HEADER_FIELDS:
        return None
    return fields


def _mostly_unknown(row: Sequence[str | None], fields: Sequence[str | None]) -> bool:
    filled = [c for c in range(len(row)) if _text(row[c])]
    known = sum(1 for c in filled if fields[c])
    return known <= len(filled) - known


def header_at(grid: Grid, i: int) -> tuple[list[str | None], int] | None:
    """(fields, rows taken) if an action-table header starts at row i: the band of 1 to MAX_HEADER_ROWS
    rows, each column's cells joined, that names the most fields (a tool that gives one row per text
    line splits "The Outcomes We Are / Aiming For" over two rows)."""
    best = None
    for n in range(1, min(MAX_HEADER_ROWS, len(grid) - i) + 1):
        band = grid[i : i + n]
        width = max(len(r) for r in band)
        joined = [" ".join(_text(r[c]) for r in band if c < len(r) and r[c]) for c in range(width)]
        fields = header_fields(joined)
        # Most cells of each row of the band must sit in columns whose heading is known: a title row
        # above the header is no heading.
        if fields is not None and any(_mostly_unknown(r, fields) for r in band):
            fields = None
        if fields is not None and (best is None or len({f for f in fields if f}) > len({f for f in best[0] if f})):
            best = (fields, n)
    return best


def _columns(fields: Sequence[str | None]) -> dict[int, str]:
    """column index -> record field (first column wins for a field named twice)."""
    cols: dict[int, str] = {}
    taken: set[str] = set()
    for i, f in enumerate(fields):
        if f == "ref":
            right = next((g for g in fields[i + 1 :] if g in ("outcome", "objective", "action")), None)
            f = f"{right}_ref" if right else None
        elif f is not None:
            f = RECORD_FIELD.get(f)
        if f and f not in taken:
            cols[i] = f
            taken.add(f)
    return cols


def _blank_record() -> dict:
    rec: dict = {f: None for f in TEXT_FIELDS}
    rec["measures"] = []
    rec["inherited"] = []
    return rec


def records_from_table(grid: Grid) -> list[dict]:
    """The action records of one table (see the module docstring)."""
    h = 0
    while h < len(grid) and (head := header_at(grid, h)) is None:
        h += 1
    if h == len(grid):
        return []
    fields, n = head
    cols = _columns(fields)
    out: list[dict] = []
    prev: dict | None = None
    i = h + n
    while i < len(grid):
        row = grid[i]
        again = header_at(grid, i)
        if again is not None:  # a repeated header
            i += again[1]
            continue
        i += 1
        rec = _blank_record()
        for c, f in cols.items():
            cell = row[c] if c < len(row) else None
            if f == "measures":
                rec[f] = _paragraphs(cell)
            else:
                rec[f] = _text(cell) or None
        if not rec["action"]:
            continue
        for f in REF_SPLIT:
            m = _REF.match(rec[f] or "")
            if m and not rec.get(f"{f}_ref"):
                rec[f"{f}_ref"], rec[f] = m.group(1), _text(m.group(2))
        if prev is not None:
            for f in HIERARCHY:
                rf = RECORD_FIELD[f]
                if rf in cols.values() and not rec[rf] and prev[rf]:
                    rec[rf] = prev[rf]
                    if f"{f}_ref" in rec:
                        rec[f"{f}_ref"] = rec[f"{f}_ref"] or prev.get(f"{f}_ref")
                    rec["inherited"].append(f)
        out.append(rec)
        prev = rec
    return out


def records_from_tables(grids: Iterable[Grid]) -> list[dict]:
    records = [r for g in grids for r in records_from_table(g)]
    for n, r in enumerate(records, start=1):
        r["seq"] = n
    return records


# --- the tools: each returns every table of the document as a grid of cell strings -----------------------
def tables_camelot(path: str | Path, flavor: str) -> list[Grid]:
    import camelot

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tables = camelot.read_pdf(str(path), pages="all", flavor=flavor, suppress_stdout=True)
    return [t.df.values.tolist() for t in tables]


def tables_pdfplumber(path: str | Path) -> list[Grid]:
    import pdfplumber

    out: list[Grid] = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            out.extend(t.extract() for t in page.find_tables())
            page.flush_cache()
    return out


PEERS: dict[str, Callable[[str | Path], list[Grid]]] = {
    "camelot lattice": lambda p: tables_camelot(p, "lattice"),
    "camelot stream": lambda p: tables_camelot(p, "stream"),
    "pdfplumber find_tables": tables_pdfplumber,
}


def peer_records(tool: str, path: str | Path) -> list[dict]:
    """Records a user of `tool` gets from `path` with the glue above."""
    return records_from_tables(PEERS[tool](path))
