"""The ICDAR 2013 table competition's structure metric: adjacency relations between neighbouring cells.

Göbel, Hassan, Oro, Orsi (ICDAR 2013) score a table's structure, not its cell boxes: every non-empty
cell is paired with its nearest non-empty neighbour to the right (same row) and below (same column);
a relation is `(text_a, text_b, direction)` with the texts normalised (`normalise`: Unicode NFKC, all
whitespace removed, lower-cased). Precision is the share of a tool's relations found in the ground
truth, recall the share of the ground truth's relations the tool found (multiset counts: a relation
that occurs twice must be found twice).

Simplifications, kept on purpose and applied the same way to every tool:
- No region matching. All relations of a document are pooled: the ground truth's over every table
  region in `NAME-str.xml`, the tool's over every table it found on any page (tools run on whole
  pages, no regions given). A table found where the ground truth has none costs precision.
- A cell spanning several rows (columns) has a right (lower) neighbour in each row (column) it spans;
  the same pair of cells is counted once.
- A document with no relations predicted scores P = R = F1 = 0.

`parse_structure(path)` reads `NAME-str.xml`; `relations(cells)` works on any grid of `GridCell`;
`score(truth, predicted)` compares two relation multisets; `grid_cells(table)` turns a planpipe table into
that grid.
"""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

_WS = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class GridCell:
    """A cell of a table grid: rows and columns are 0-based and inclusive."""

    row0: int
    row1: int
    col0: int
    col1: int
    text: str


@dataclass(frozen=True, slots=True)
class Region:
    """One table region of a ground-truth document: its page (1-based) and cells."""

    table: int
    page: int
    cells: tuple[GridCell, ...]


@dataclass(frozen=True, slots=True)
class Score:
    correct: int
    predicted: int
    truth: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.truth if self.truth else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: "Score") -> "Score":
        return Score(self.correct + other.correct, self.predicted + other.predicted, self.truth + other.truth)


def normalise(text: str) -> str:
    return _WS.sub("", unicodedata.normalize("NFKC", text or "")).lower()


def parse_structure(path: str | Path) -> list[Region]:
    """Every table region of an ICDAR 2013 `NAME-str.xml` file."""
    root = ET.parse(path).getroot()
    regions = []
    for t_index, table in enumerate(root.iter("table"), start=1):
        for region in table.iter("region"):
            cells = []
            for c in region.iter("cell"):
                r0 = int(c.get("start-row"))
                c0 = int(c.get("start-col"))
                r1 = int(c.get("end-row", r0))
                c1 = int(c.get("end-col", c0))
                content = c.find("content")
                cells.append(GridCell(r0, r1, c0, c1, (content.text or "") if content is not None else ""))
            regions.append(Region(t_index, int(region.get("page", "1")), tuple(cells)))
    return regions


def relations(cells: Sequence[GridCell]) -> Counter:
    """Adjacency relations of one table: Counter of (text_a, text_b, 'right'|'below')."""
    filled = [(c, normalise(c.text)) for c in cells]
    filled = [(c, t) for c, t in filled if t]
    pairs: set[tuple[int, int, str]] = set()
    for i, (a, _) in enumerate(filled):
        for row in range(a.row0, a.row1 + 1):
            best = None
            for j, (b, _) in enumerate(filled):
                if b.col0 > a.col1 and b.row0 <= row <= b.row1 and (best is None or b.col0 < filled[best][0].col0):
                    best = j
            if best is not None:
                pairs.add((i, best, "right"))
        for col in range(a.col0, a.col1 + 1):
            best = None
            for j, (b, _) in enumerate(filled):
                if b.row0 > a.row1 and b.col0 <= col <= b.col1 and (best is None or b.row0 < filled[best][0].row0):
                    best = j
            if best is not None:
                pairs.add((i, best, "below"))
    return Counter((filled[i][1], filled[j][1], d) for i, j, d in pairs)


def grid_to_cells(rows: Sequence[Sequence[str]]) -> list[GridCell]:
    """A plain list-of-rows table (camelot, pdfplumber) as one-by-one cells."""
    return [GridCell(r, r, c, c, text or "") for r, row in enumerate(rows) for c, text in enumerate(row)]


def pooled_relations(tables: Iterable[Sequence[GridCell]]) -> Counter:
    total: Counter = Counter()
    for cells in tables:
        total.update(relations(cells))
    return total


def truth_relations(path: str | Path) -> Counter:
    """All relations of a ground-truth document, pooled over its table regions."""
    return pooled_relations(r.cells for r in parse_structure(path))


def score(truth: Counter, predicted: Counter) -> Score:
    correct = sum((truth & predicted).values())
    return Score(correct, sum(predicted.values()), sum(truth.values()))


def micro(scores: Iterable[Score]) -> Score:
    total = Score(0, 0, 0)
    for s in scores:
        total = total + s
    return total


def grid_cells(table) -> list[GridCell]:
    """A planpipe table (pipeline.tables.model.GenericTable) as a grid of GridCell."""
    return [GridCell(c.row0, c.row1, c.col0, c.col1, c.text) for c in table.cells]
