"""The generic table model: a table on one page, as a grid of cells with spans and boxes."""

from __future__ import annotations

from dataclasses import dataclass, field

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points from the page's top-left


@dataclass(frozen=True, slots=True)
class GenericCell:
    """One cell: rows and columns are 0-based and inclusive (a spanning cell has row1 > row0 or col1 > col0)."""

    row0: int
    row1: int
    col0: int
    col1: int
    text: str
    bbox: BBox


@dataclass
class GenericTable:
    page: int  # 1-based
    bbox: BBox
    n_rows: int
    n_cols: int
    cells: list[GenericCell]
    strategy: str  # "ruled" (from the rule grid) or "text" (from text alignment)
    # Intermediates kept for inspection (debugging, drawing): column and row boundaries.
    col_edges: list[float] = field(default_factory=list)
    row_edges: list[float] = field(default_factory=list)

    def rows(self) -> list[list[str]]:
        """The table as a plain list of rows; a spanning cell's text sits in its top-left position."""
        grid = [["" for _ in range(self.n_cols)] for _ in range(self.n_rows)]
        for c in self.cells:
            grid[c.row0][c.col0] = c.text
        return grid
