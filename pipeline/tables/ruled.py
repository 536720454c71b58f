"""Ruled tables: rules -> merged segments -> connected networks -> grid -> cells (with spans) -> tables.

Pure functions in the order they run, pdfplumber-style. A network of horizontal and vertical rules that
touch is one table. Its grid lines are the distinct rule positions (plus the ends of rules that run past
the outermost crossing rule, for tables drawn without side or top borders); a boundary between two
elementary cells that no rule draws joins them into one spanning cell.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from ..extract.intervals import union_length
from ..extract.text import words_to_lines
from ..readers.model import Page, Rule, Word
from ..settings import DEFAULT_SETTINGS, ExtractSettings
from .aligned import TextLine, line_chunks, region_to_columns
from .model import GenericCell, GenericTable


@dataclass(frozen=True, slots=True)
class Segment:
    """A merged rule: `pos` is y for horizontal, x for vertical; `a`..`b` is its extent along the other axis."""

    pos: float
    a: float
    b: float


def rules_to_segments(rules: Sequence[Rule], horizontal: bool, settings: ExtractSettings = DEFAULT_SETTINGS) -> list[Segment]:
    """Snap rules to common positions and join collinear pieces; drop what is too short to be a rule."""
    raw = sorted(
        ((r.y, r.x0, r.x1) if horizontal else (r.x, r.top, r.bottom)) for r in rules
    )
    out: list[Segment] = []
    for group in _group_by_position(raw, settings.rule_snap):
        out.extend(_join_collinear(group, settings.rule_join))
    return [s for s in out if s.b - s.a >= settings.min_rule]


def _group_by_position(raw: Sequence[tuple[float, float, float]], snap: float) -> list[list[tuple[float, float, float]]]:
    """Sorted (pos, a, b) rules in runs whose consecutive positions are within `snap` (double borders)."""
    groups: list[list[tuple[float, float, float]]] = []
    for item in raw:
        if groups and item[0] - groups[-1][-1][0] <= snap:
            groups[-1].append(item)
        else:
            groups.append([item])
    return groups


def _join_collinear(group: Sequence[tuple[float, float, float]], join: float) -> list[Segment]:
    """One group's pieces at their mean position, joined across gaps up to `join` (borders drawn cell by cell)."""
    pos = sum(p for p, _, _ in group) / len(group)
    spans = sorted((a, b) for _, a, b in group)
    out: list[Segment] = []
    cur_a, cur_b = spans[0]
    for a, b in spans[1:]:
        if a <= cur_b + join:
            cur_b = max(cur_b, b)
        else:
            out.append(Segment(pos, cur_a, cur_b))
            cur_a, cur_b = a, b
    out.append(Segment(pos, cur_a, cur_b))
    return out


def _touch(h: Segment, v: Segment, touch: float) -> bool:
    return h.a - touch <= v.pos <= h.b + touch and v.a - touch <= h.pos <= v.b + touch


def segments_to_networks(
    hs: Sequence[Segment], vs: Sequence[Segment], settings: ExtractSettings = DEFAULT_SETTINGS
) -> list[tuple[list[Segment], list[Segment]]]:
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
            if _touch(h, v, settings.rule_touch):
                parent[find(i)] = find(len(hs) + j)
    groups: dict[int, tuple[list[Segment], list[Segment]]] = {}
    for i, h in enumerate(hs):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vs):
        groups.setdefault(find(len(hs) + j), ([], []))[1].append(v)
    # A grid needs two rules each way, or three horizontals with one vertical (a table ruled under its
    # rows and down one side); anything less is an underline or a box.
    return [g for g in groups.values() if len(g[0]) >= 2 and len(g[1]) >= 2 or (len(g[0]) >= 3 and len(g[1]) >= 1)]


def _snap(values: Sequence[float], snap: float) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= snap + 1:
            continue
        out.append(v)
    return out


def _covered(segs: Sequence[Segment], pos: float, a: float, b: float, share: float, snap: float) -> bool:
    """Do segments at `pos` (within `snap` + 1) cover at least `share` of [a, b]?"""
    length = b - a
    if length <= 0:
        return True
    total = union_length((max(s.a, a), min(s.b, b)) for s in segs if abs(s.pos - pos) <= snap + 1 and s.b > a and s.a < b)
    return total >= share * length


def network_to_grid(
    hs: Sequence[Segment], vs: Sequence[Segment], settings: ExtractSettings = DEFAULT_SETTINGS
) -> tuple[list[float], list[float]]:
    """Column edges (x) and row edges (y) of a network, outer edges included."""
    xs = _snap([v.pos for v in vs], settings.rule_snap)
    ys = _snap([h.pos for h in hs], settings.rule_snap)
    left, right = min(h.a for h in hs), max(h.b for h in hs)
    top, bottom = min(v.a for v in vs), max(v.b for v in vs)
    # Rules that run well past the outermost crossing rule: the table has no border on that side.
    if left < xs[0] - settings.overhang:
        xs.insert(0, left)
    if right > xs[-1] + settings.overhang:
        xs.append(right)
    if top < ys[0] - settings.overhang:
        ys.insert(0, top)
    if bottom > ys[-1] + settings.overhang:
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


def text_row_splits(
    words: Sequence[Word], xs: Sequence[float], ys: Sequence[float], settings: ExtractSettings = DEFAULT_SETTINGS
) -> list[float]:
    """Extra row boundaries inside ruled bands that hold several rows of text (tables ruled only
    around the outside or the header): a gap between text lines splits a band when every column with
    text in the band has text both above and below it, and at least two columns do."""
    extra: list[float] = []
    for r in range(len(ys) - 1):
        band_splits = band_to_row_splits([w for w in words if ys[r] <= w.ymid < ys[r + 1]], xs)
        # Two stacked lines in every column are as often one cell (a two-line heading) as two rows:
        # only bands with enough gaps (three or more rows of text by default) are taken as rows.
        if len(band_splits) >= settings.min_band_splits:
            extra.extend(band_splits)
    return extra


def band_to_row_splits(band: Sequence[Word], xs: Sequence[float]) -> list[float]:
    """The gaps between consecutive text lines of one ruled band that every column with text straddles."""
    if not band:
        return []
    lines = words_to_lines(band)
    if len(lines) < 2:
        return []
    cols: dict[int, list[Word]] = {}
    for ln in lines:
        for w in ln.words:
            cols.setdefault(_column_of(w.xmid, xs), []).append(w)
    # One column of text gives no evidence of rows: its lines may be one wrapped cell.
    if len(cols) < 2:
        return []
    splits: list[float] = []
    for a, b in zip(lines, lines[1:]):
        # Lines that overlap by more than half a font size are not separated by a gap.
        if b.top <= a.bottom - 0.5 * min(a.size, b.size):
            continue
        y = (a.bottom + b.top) / 2
        if all(any(w.ymid < y for w in ws) and any(w.ymid > y for w in ws) for ws in cols.values()):
            splits.append(y)
    return splits


def text_column_splits(
    words: Sequence[Word], xs: Sequence[float], ys: Sequence[float], settings: ExtractSettings = DEFAULT_SETTINGS
) -> list[float]:
    """Extra column boundaries inside ruled columns that hold several columns of text (sub-columns
    printed without rules): the text gutters of each ruled column, found as for unruled tables. They
    separate two cells only in the rows where text sits on both sides and no word crosses them."""
    extra: list[float] = []
    for c in range(len(xs) - 1):
        lines: list[TextLine] = []
        for r in range(len(ys) - 1):
            ws = [w for w in words if xs[c] <= w.xmid < xs[c + 1] and ys[r] <= w.ymid < ys[r + 1]]
            lines.extend(TextLine(ln, line_chunks(ln)) for ln in words_to_lines(ws))
        # As for an unruled table: enough lines of two or more chunks to show a gutter.
        if sum(1 for tl in lines if len(tl.chunks) >= 2) < settings.min_table_lines:
            continue
        cols = region_to_columns(lines, settings)
        # Only gutters clear of the ruled column's own edges (2 pt) are sub-columns.
        extra.extend(b for _, b in cols[:-1] if xs[c] + 2 < b < xs[c + 1] - 2)
    return extra


def cell_text(words: Sequence[Word]) -> str:
    return "\n".join(ln.text for ln in words_to_lines(words))


def compact(cells: list[GenericCell]) -> tuple[list[GenericCell], int, int]:
    """Drop rows and columns in which no text sits; renumber (a text cell keeps every row and column
    it spans)."""
    text_cells = [c for c in cells if c.text]
    if not text_cells:
        return [], 0, 0
    keep_r = sorted({r for c in text_cells for r in range(c.row0, c.row1 + 1)})
    keep_c = sorted({k for c in text_cells for k in range(c.col0, c.col1 + 1)})
    renumbered = _renumber(cells, keep_r, keep_c)
    return _drop_covered_empties(renumbered), len(keep_r), len(keep_c)


def _kept_span(new_index: dict[int, int], lo: int, hi: int) -> tuple[int, int] | None:
    """The new first and last index of the kept rows (or columns) among lo..hi; None if none is kept."""
    inside = [new_index[x] for x in range(lo, hi + 1) if x in new_index]
    return (min(inside), max(inside)) if inside else None


def _renumber(cells: Sequence[GenericCell], keep_r: Sequence[int], keep_c: Sequence[int]) -> list[GenericCell]:
    """Cells on the kept rows and columns, renumbered; a cell on none of them (empty) is dropped."""
    rmap = {r: i for i, r in enumerate(keep_r)}
    cmap = {k: i for i, k in enumerate(keep_c)}
    out = []
    for c in cells:
        rr, cc = _kept_span(rmap, c.row0, c.row1), _kept_span(cmap, c.col0, c.col1)
        if rr is None or cc is None:
            continue
        out.append(GenericCell(rr[0], rr[1], cc[0], cc[1], c.text, c.bbox))
    return out


def _drop_covered_empties(cells: Sequence[GenericCell]) -> list[GenericCell]:
    """Empty cells that now overlap another cell's position are dropped (a text cell wins)."""
    seen: set[tuple[int, int]] = set()
    final = []
    for c in sorted(cells, key=lambda c: (not c.text, c.row0, c.col0)):
        pos = {(r, k) for r in range(c.row0, c.row1 + 1) for k in range(c.col0, c.col1 + 1)}
        if pos & seen and not c.text:
            continue
        seen |= pos
        final.append(c)
    final.sort(key=lambda c: (c.row0, c.col0))
    return final


def find_ruled_tables(page: Page, settings: ExtractSettings = DEFAULT_SETTINGS) -> list[GenericTable]:
    """Every table drawn with a rule grid on `page`."""
    hs = rules_to_segments(page.hrules, True, settings)
    vs = rules_to_segments(page.vrules, False, settings)
    tables = []
    for nh, nv in segments_to_networks(hs, vs, settings):
        table = network_to_table(page, nh, nv, settings)
        if table is not None:
            tables.append(table)
    return tables


def network_to_table(
    page: Page, hs: list[Segment], vs: list[Segment], settings: ExtractSettings = DEFAULT_SETTINGS
) -> GenericTable | None:
    """The table one network of rules draws: grid -> text sub-columns and rows -> cells -> compacted.
    None when it holds too little to be a table (a box, a form line)."""
    xs, ys = network_to_grid(hs, vs, settings)
    # At least one column (two x edges) and two rows (three y edges), or it is a box or an underline.
    if len(xs) < 2 or len(ys) < 3:
        return None
    x0, x1, top, bottom = xs[0], xs[-1], ys[0], ys[-1]
    inside = [w for w in page.words if x0 <= w.xmid <= x1 and top <= w.ymid <= bottom]
    xs = grid_to_text_columns(inside, xs, ys, settings)
    hs, ys = grid_to_text_rows(inside, hs, xs, ys, settings)
    buckets = words_to_buckets(inside, xs, ys)
    v_edge, h_edge = grid_to_edge_tests(inside, buckets, hs, vs, xs, ys, settings)
    spans = grid_to_cells(len(ys) - 1, len(xs) - 1, v_edge, h_edge)
    cells, n_rows, n_cols = compact(spans_to_cells(spans, buckets, xs, ys))
    # A grid with fewer than three filled cells is a form or a framed note, not a table.
    filled = [c for c in cells if c.text]
    if n_rows < 2 or n_cols < 2 or len(filled) < 3:
        return None
    return GenericTable(page.number, (x0, top, x1, bottom), n_rows, n_cols, cells, "ruled", list(xs), list(ys))


def grid_to_text_columns(
    inside: Sequence[Word], xs: list[float], ys: Sequence[float], settings: ExtractSettings
) -> list[float]:
    """Column edges plus the text gutters found inside ruled columns (sub-columns printed without rules)."""
    cuts = text_column_splits(inside, xs, ys, settings)
    return sorted(list(xs) + cuts) if cuts else xs


def grid_to_text_rows(
    inside: Sequence[Word], hs: list[Segment], xs: Sequence[float], ys: list[float], settings: ExtractSettings
) -> tuple[list[Segment], list[float]]:
    """Rules and row edges plus the rows of text found inside ruled bands. Bands are taken both between
    any two rules and between rules drawn across the whole table (rules drawn across part of it may
    separate only some columns)."""
    x0, x1 = xs[0], xs[-1]
    snap = settings.rule_snap
    full = [y for y in ys if _covered(hs, y, x0 + 1, x1 - 1, settings.full_width, snap)]
    splits = text_row_splits(inside, xs, ys, settings)
    splits += [
        y for y in text_row_splits(inside, xs, sorted({ys[0], ys[-1], *full}), settings)
        if all(abs(y - v) > snap for v in splits)
    ]
    if not splits:
        return hs, ys
    # A split on a rule that is drawn across part of the table extends that rule.
    snapped = [next((v for v in ys if abs(y - v) <= snap), y) for y in splits]
    return list(hs) + [Segment(y, x0, x1) for y in snapped], sorted(set(ys) | set(snapped))


def words_to_buckets(
    words: Sequence[Word], xs: Sequence[float], ys: Sequence[float]
) -> dict[tuple[int, int], list[Word]]:
    """The words of each elementary cell (row, column), by their centres; the last row takes the rest."""
    buckets: dict[tuple[int, int], list[Word]] = {}
    for w in words:
        c = _column_of(w.xmid, xs)
        r = next(k for k in range(len(ys) - 1) if w.ymid <= ys[k + 1] or k == len(ys) - 2)
        buckets.setdefault((r, c), []).append(w)
    return buckets


def grid_to_edge_tests(
    inside: Sequence[Word], buckets: dict[tuple[int, int], list[Word]], hs: Sequence[Segment],
    vs: Sequence[Segment], xs: Sequence[float], ys: Sequence[float], settings: ExtractSettings,
) -> tuple[Callable[[int, int], bool], Callable[[int, int], bool]]:
    """`v_edge(r, c)`: is the boundary right of elementary cell (r, c) drawn; `h_edge(r, c)`: the one below."""
    cover, snap = settings.edge_cover, settings.rule_snap

    def v_edge(r: int, c: int) -> bool:
        if _covered(vs, xs[c + 1], ys[r], ys[r + 1], cover, snap):
            return True
        # An undrawn boundary that no word crosses, with text on both sides, separates two cells.
        if not buckets.get((r, c)) or not buckets.get((r, c + 1)):
            return False
        x = xs[c + 1]
        return not any(w.x0 < x - 0.5 and w.x1 > x + 0.5 and ys[r] <= w.ymid < ys[r + 1] for w in inside)

    def h_edge(r: int, c: int) -> bool:
        return _covered(hs, ys[r + 1], xs[c], xs[c + 1], cover, snap)

    return v_edge, h_edge


def spans_to_cells(
    spans: Sequence[tuple[int, int, int, int]], buckets: dict[tuple[int, int], list[Word]],
    xs: Sequence[float], ys: Sequence[float],
) -> list[GenericCell]:
    """Each span's text (its elementary cells' words, in lines) and box."""
    cells = []
    for r0, r1, c0, c1 in spans:
        ws = [w for r in range(r0, r1 + 1) for c in range(c0, c1 + 1) for w in buckets.get((r, c), [])]
        cells.append(GenericCell(r0, r1, c0, c1, cell_text(ws), (xs[c0], ys[r0], xs[c1 + 1], ys[r1 + 1])))
    return cells
