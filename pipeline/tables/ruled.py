"""Ruled tables: rules -> merged segments -> connected networks -> grid -> cells (with spans) -> tables.

Pure functions in the order they run, pdfplumber-style. A network of horizontal and vertical rules that
touch is one table. Its grid lines are the distinct rule positions (plus the ends of rules that run past
the outermost crossing rule, for tables drawn without side or top borders); a boundary between two
elementary cells that no rule draws joins them into one spanning cell.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..extract.intervals import union_length
from ..extract.text import words_to_lines
from ..readers.model import Page, Rule, Word
from .model import GenericCell, GenericTable

# Rules whose positions differ by less than this (pt) are one line (double borders, rounding).
RULE_SNAP = 2.0
# Collinear segments with a gap up to this (pt) are one rule (borders drawn cell by cell).
RULE_JOIN = 3.0
# A horizontal and a vertical rule touch when they come this close (pt).
TOUCH = 3.0
# Rules shorter than this (pt) are ignored (tick marks, bullets drawn as lines).
MIN_RULE = 4.0
# A boundary between two elementary cells is drawn when rules cover this share of it.
EDGE_COVER = 0.5
# A rule end is an extra grid line when it runs this far (pt) past the outermost crossing rule.
OVERHANG = 6.0
# A rule is drawn across the whole table when it covers this share of its width.
FULL_WIDTH = 0.9
# A ruled band is split into rows of text only when it holds at least this many row gaps.
MIN_BAND_SPLITS = 2


@dataclass(frozen=True, slots=True)
class Segment:
    """A merged rule: `pos` is y for horizontal, x for vertical; `a`..`b` is its extent along the other axis."""

    pos: float
    a: float
    b: float


def rules_to_segments(rules: Sequence[Rule], horizontal: bool) -> list[Segment]:
    """Snap rules to common positions and join collinear pieces."""
    raw = sorted(
        ((r.y, r.x0, r.x1) if horizontal else (r.x, r.top, r.bottom)) for r in rules
    )
    groups: list[list[tuple[float, float, float]]] = []
    for item in raw:
        if groups and item[0] - groups[-1][-1][0] <= RULE_SNAP:
            groups[-1].append(item)
        else:
            groups.append([item])
    out: list[Segment] = []
    for g in groups:
        pos = sum(p for p, _, _ in g) / len(g)
        spans = sorted((a, b) for _, a, b in g)
        cur_a, cur_b = spans[0]
        for a, b in spans[1:]:
            if a <= cur_b + RULE_JOIN:
                cur_b = max(cur_b, b)
            else:
                out.append(Segment(pos, cur_a, cur_b))
                cur_a, cur_b = a, b
        out.append(Segment(pos, cur_a, cur_b))
    return [s for s in out if s.b - s.a >= MIN_RULE]


def _touch(h: Segment, v: Segment) -> bool:
    return h.a - TOUCH <= v.pos <= h.b + TOUCH and v.a - TOUCH <= h.pos <= v.b + TOUCH


def segments_to_networks(hs: Sequence[Segment], vs: Sequence[Segment]) -> list[tuple[list[Segment], list[Segment]]]:
    """Connected groups of touching rules: (horizontals, verticals) of each network."""
    n = len(hs) + len(vs)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(hs):
        for j, v in enumerate(vs):
            if _touch(h, v):
                parent[find(i)] = find(len(hs) + j)
    groups: dict[int, tuple[list[Segment], list[Segment]]] = {}
    for i, h in enumerate(hs):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vs):
        groups.setdefault(find(len(hs) + j), ([], []))[1].append(v)
    return [g for g in groups.values() if len(g[0]) >= 2 and len(g[1]) >= 2 or (len(g[0]) >= 3 and len(g[1]) >= 1)]


def _snap(values: Sequence[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= RULE_SNAP + 1:
            continue
        out.append(v)
    return out


def _covered(segs: Sequence[Segment], pos: float, a: float, b: float, share: float = EDGE_COVER) -> bool:
    """Do segments at `pos` cover at least `share` of [a, b]?"""
    length = b - a
    if length <= 0:
        return True
    total = union_length((max(s.a, a), min(s.b, b)) for s in segs if abs(s.pos - pos) <= RULE_SNAP + 1 and s.b > a and s.a < b)
    return total >= share * length


def network_to_grid(hs: Sequence[Segment], vs: Sequence[Segment]) -> tuple[list[float], list[float]]:
    """Column edges (x) and row edges (y) of a network, outer edges included."""
    xs = _snap([v.pos for v in vs])
    ys = _snap([h.pos for h in hs])
    left, right = min(h.a for h in hs), max(h.b for h in hs)
    top, bottom = min(v.a for v in vs), max(v.b for v in vs)
    if left < xs[0] - OVERHANG:
        xs.insert(0, left)
    if right > xs[-1] + OVERHANG:
        xs.append(right)
    if top < ys[0] - OVERHANG:
        ys.insert(0, top)
    if bottom > ys[-1] + OVERHANG:
        ys.append(bottom)
    return xs, ys


def grid_to_cells(
    nr: int, nc: int, v_edge, h_edge
) -> list[tuple[int, int, int, int]]:
    """Cells as (row0, row1, col0, col1): elementary cells joined across boundaries that are not edges.

    `v_edge(r, c)` tells whether the boundary right of elementary cell (r, c) is an edge, `h_edge(r, c)`
    whether the one below it is."""
    parent = list(range(nr * nc))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for r in range(nr):
        for c in range(nc):
            if c + 1 < nc and not v_edge(r, c):
                parent[find(r * nc + c)] = find(r * nc + c + 1)
            if r + 1 < nr and not h_edge(r, c):
                parent[find(r * nc + c)] = find((r + 1) * nc + c)
    groups: dict[int, list[tuple[int, int]]] = {}
    for r in range(nr):
        for c in range(nc):
            groups.setdefault(find(r * nc + c), []).append((r, c))
    cells = []
    for members in groups.values():
        rows = [r for r, _ in members]
        cols = [c for _, c in members]
        cells.append((min(rows), max(rows), min(cols), max(cols)))
    return sorted(cells)


def _column_of(x: float, xs: Sequence[float]) -> int:
    for k in range(len(xs) - 2):
        if x <= xs[k + 1]:
            return k
    return len(xs) - 2


def text_row_splits(words: Sequence[Word], xs: Sequence[float], ys: Sequence[float]) -> list[float]:
    """Extra row boundaries inside ruled bands that hold several rows of text (tables ruled only
    around the outside or the header): a gap between text lines splits a band when every column with
    text in the band has text both above and below it, and at least two columns do."""
    extra: list[float] = []
    for r in range(len(ys) - 1):
        band = [w for w in words if ys[r] <= w.ymid < ys[r + 1]]
        if not band:
            continue
        lines = words_to_lines(band)
        if len(lines) < 2:
            continue
        cols = {}
        for ln in lines:
            for w in ln.words:
                cols.setdefault(_column_of(w.xmid, xs), []).append(w)
        if len(cols) < 2:
            continue
        band_splits: list[float] = []
        for a, b in zip(lines, lines[1:]):
            if b.top <= a.bottom - 0.5 * min(a.size, b.size):
                continue
            y = (a.bottom + b.top) / 2
            if all(any(w.ymid < y for w in ws) and any(w.ymid > y for w in ws) for ws in cols.values()):
                band_splits.append(y)
        # Two stacked lines in every column are as often one cell (a two-line heading) as two rows:
        # only three or more rows of text are taken as rows.
        if len(band_splits) >= MIN_BAND_SPLITS:
            extra.extend(band_splits)
    return extra


def text_column_splits(words: Sequence[Word], xs: Sequence[float], ys: Sequence[float]) -> list[float]:
    """Extra column boundaries inside ruled columns that hold several columns of text (sub-columns
    printed without rules): the text gutters of each ruled column, found as for unruled tables. They
    separate two cells only in the rows where text sits on both sides and no word crosses them."""
    from .aligned import TextLine, line_chunks, region_to_columns

    extra: list[float] = []
    for c in range(len(xs) - 1):
        lines = []
        for r in range(len(ys) - 1):
            ws = [w for w in words if xs[c] <= w.xmid < xs[c + 1] and ys[r] <= w.ymid < ys[r + 1]]
            lines.extend(TextLine(ln, line_chunks(ln)) for ln in words_to_lines(ws))
        if sum(1 for ln in lines if len(ln.chunks) >= 2) < 3:
            continue
        cols = region_to_columns(lines)
        extra.extend(b for _, b in cols[:-1] if xs[c] + 2 < b < xs[c + 1] - 2)
    return extra


def cell_text(words: Sequence[Word]) -> str:
    return "\n".join(ln.text for ln in words_to_lines(words))


def compact(cells: list[GenericCell]) -> tuple[list[GenericCell], int, int]:
    """Drop rows and columns in which no cell starts and no text sits; renumber."""
    used_rows = sorted({c.row0 for c in cells if c.text} | {c.row1 for c in cells if c.text})
    used_cols = sorted({c.col0 for c in cells if c.text} | {c.col1 for c in cells if c.text})
    if not used_rows or not used_cols:
        return [], 0, 0
    keep_r = sorted({r for c in cells if c.text for r in range(c.row0, c.row1 + 1)} | set(used_rows))
    keep_c = sorted({k for c in cells if c.text for k in range(c.col0, c.col1 + 1)} | set(used_cols))
    # Keep every row/col that some non-empty cell touches; drop the rest.
    rmap = {r: i for i, r in enumerate(keep_r)}
    cmap = {k: i for i, k in enumerate(keep_c)}

    def first(m, lo, hi):
        inside = [m[x] for x in range(lo, hi + 1) if x in m]
        return (min(inside), max(inside)) if inside else None

    out = []
    for c in cells:
        rr, cc = first(rmap, c.row0, c.row1), first(cmap, c.col0, c.col1)
        if rr is None or cc is None:
            continue
        out.append(GenericCell(rr[0], rr[1], cc[0], cc[1], c.text, c.bbox))
    # Empty cells that now overlap another cell's position are dropped (a text cell wins).
    seen: set[tuple[int, int]] = set()
    final = []
    for c in sorted(out, key=lambda c: (not c.text, c.row0, c.col0)):
        pos = {(r, k) for r in range(c.row0, c.row1 + 1) for k in range(c.col0, c.col1 + 1)}
        if pos & seen and not c.text:
            continue
        seen |= pos
        final.append(c)
    final.sort(key=lambda c: (c.row0, c.col0))
    return final, len(keep_r), len(keep_c)


def find_ruled_tables(page: Page) -> list[GenericTable]:
    """Every table drawn with a rule grid on `page`."""
    hs = rules_to_segments(page.hrules, True)
    vs = rules_to_segments(page.vrules, False)
    tables = []
    for nh, nv in segments_to_networks(hs, vs):
        xs, ys = network_to_grid(nh, nv)
        if len(xs) < 2 or len(ys) < 3:
            continue
        x0, x1, top, bottom = xs[0], xs[-1], ys[0], ys[-1]
        inside = [w for w in page.words if x0 <= w.xmid <= x1 and top <= w.ymid <= bottom]
        cuts = text_column_splits(inside, xs, ys)
        if cuts:
            xs = sorted(list(xs) + cuts)
        # Bands between rules drawn across the whole table, and between any two rules.
        full = [y for y in ys if _covered(nh, y, x0 + 1, x1 - 1, FULL_WIDTH)]
        splits = text_row_splits(inside, xs, ys)
        splits += [y for y in text_row_splits(inside, xs, sorted({ys[0], ys[-1], *full})) if all(abs(y - v) > RULE_SNAP for v in splits)]
        if splits:
            # A split on a rule that is drawn across part of the table extends that rule.
            snapped = [next((v for v in ys if abs(y - v) <= RULE_SNAP), y) for y in splits]
            nh = list(nh) + [Segment(y, x0, x1) for y in snapped]
            ys = sorted(set(ys) | set(snapped))
        buckets: dict[tuple[int, int], list[Word]] = {}
        for w in inside:
            c = _column_of(w.xmid, xs)
            r = next(k for k in range(len(ys) - 1) if w.ymid <= ys[k + 1] or k == len(ys) - 2)
            buckets.setdefault((r, c), []).append(w)

        def v_edge(r: int, c: int) -> bool:
            if _covered(nv, xs[c + 1], ys[r], ys[r + 1]):
                return True
            # An undrawn boundary that no word crosses, with text on both sides, separates two cells.
            if not buckets.get((r, c)) or not buckets.get((r, c + 1)):
                return False
            x = xs[c + 1]
            return not any(w.x0 < x - 0.5 and w.x1 > x + 0.5 and ys[r] <= w.ymid < ys[r + 1] for w in inside)

        def h_edge(r: int, c: int) -> bool:
            return _covered(nh, ys[r + 1], xs[c], xs[c + 1])

        spans = grid_to_cells(len(ys) - 1, len(xs) - 1, v_edge, h_edge)
        cells = []
        for r0, r1, c0, c1 in spans:
            ws = [w for r in range(r0, r1 + 1) for c in range(c0, c1 + 1) for w in buckets.get((r, c), [])]
            cells.append(GenericCell(r0, r1, c0, c1, cell_text(ws), (xs[c0], ys[r0], xs[c1 + 1], ys[r1 + 1])))
        cells, n_rows, n_cols = compact(cells)
        filled = [c for c in cells if c.text]
        if n_rows < 2 or n_cols < 2 or len(filled) < 3:
            continue
        tables.append(GenericTable(page.number, (x0, top, x1, bottom), n_rows, n_cols, cells, "ruled", list(xs), list(ys)))
    return tables
