"""Ruling lines and fills drawn as paths that are neither one line nor one rectangle.

pdfminer (and so pdfplumber) sorts a subpath into a line (two points), a rectangle (four axis-aligned
corners, closed) or a "curve": anything else. Producers draw table borders in every way that falls in the
last group: a cell's three or four sides as one open polyline (`m l l l`), a whole grid's lines as one long
run, straight lines as Béziers whose control points sit on the line, boxes with rounded corners, and thick
borders as thin filled polygons with extra points at the joins. Ignoring curves loses those borders and the
table with them; reading every curve as lines would take charts and logos for grids. So a curve gives:

- when stroked, each of its straight pieces that runs along an axis, as a ruling line (a chart's slanted
  polyline gives none; a rounded box gives its four straight sides);
- when filled and thin one way, a ruling line, as a thin rectangle does;
- when filled and box-like (its area fills its bounding box all but for rounded corners), a fill, as a
  filled rectangle does; a disc or a wedge is no cell fill;
- when filled, small and round (a disc as wide as it is high, its area a circle's share of its box), a
  mark: a status shown as a coloured dot, which only a status cell reads.

Both readers build the same list of operations from their own path data and call `add_curve`, so that they
cannot differ.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from ..settings import DEFAULT_SETTINGS, ExtractSettings
from .model import Fill, Rule, add_rect

Point = tuple[float, float]
# ('m' | 'l' | 'c' | 'h', points in page coordinates): 'c' holds its two control points, then its end;
# 'h' holds none.
Op = tuple[str, tuple[Point, ...]]

# How far (pt) a Bézier's control points may stand off its chord for the piece to be drawn straight.
STRAIGHT_TOLERANCE = 0.5
# How far (pt) a straight piece's ends may differ across its axis for it to run along it.
AXIS_TOLERANCE = 0.5
# A straight piece shorter than this (pt) is a join or a corner, not a border.
MIN_PIECE = 1.0
# A curve smaller than this (pt) both ways is a glyph drawn as a path (an arrow, a tick, a bullet): its
# straight strokes are no borders.
MIN_BORDER = 15.0
# The share of its bounding box a filled shape must cover to be a box (a box of 100 by 50 with corners
# rounded to 8 pt covers 98.9%; a disc 78.5%).
BOX_SHARE = 0.9
# A dot (a status shown as a coloured disc) is at most this wide (pt), its width and height within this
# ratio, and covers a circle's share of its box give or take this much (a polygon of many sides too).
MARK_MAX = 30.0
MARK_RATIO = 0.8
MARK_SHARE_SLACK = 0.06


def plumber_ops(path: Sequence[tuple]) -> list[Op]:
    """pdfplumber's `path` of a curve (('m', pt), ('l', pt), ('c', c1, c2, end), ('v', c2, end),
    ('y', c1, end), ('h',)) as operations, the shorthand Béziers written out."""
    ops: list[Op] = []
    here: Point | None = None
    for kind, *pts in path:
        points = tuple((float(x), float(y)) for x, y in pts)
        if kind == "v" and here is not None and len(points) == 2:
            kind, points = "c", (here, *points)
        elif kind == "y" and len(points) == 2:
            kind, points = "c", (*points, points[-1])
        if kind not in ("m", "l", "c", "h"):
            continue
        ops.append((kind, points))
        if points:
            here = points[-1]
    return ops


def _off_chord(p: Point, a: Point, b: Point) -> float:
    """The distance of `p` from the segment a-b."""
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    if length2 == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def straight_pieces(ops: Sequence[Op]) -> list[tuple[Point, Point]]:
    """The subpath's straight pieces, in drawing order: its lines, its closing line and its Béziers whose
    control points lie on their chord."""
    pieces: list[tuple[Point, Point]] = []
    start = here = None
    for kind, pts in ops:
        if kind == "m":
            start = here = pts[0]
            continue
        if here is None:
            continue
        if kind == "h":
            end = start
        elif kind == "c":
            end = pts[-1]
            if any(_off_chord(p, here, end) > STRAIGHT_TOLERANCE for p in pts[:-1]):
                here = end
                continue
        else:
            end = pts[-1]
        if end is not None and end != here:
            pieces.append((here, end))
        here = end
    return pieces


def _outline(ops: Sequence[Op]) -> list[Point]:
    """The subpath as a polygon: its points, with three points along each Bézier."""
    poly: list[Point] = []
    for kind, pts in ops:
        if kind == "c" and poly:
            p0, (p1, p2, p3) = poly[-1], pts
            for t in (0.25, 0.5, 0.75):
                u = 1 - t
                poly.append((
                    u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
                    u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1],
                ))
        if pts:
            poly.append(pts[-1])
    return poly


def _area(poly: Sequence[Point]) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(poly, [*poly[1:], *poly[:1]]))) / 2


def _axis_rule(a: Point, b: Point) -> Rule | None:
    (x0, y0), (x1, y1) = a, b
    if abs(y1 - y0) <= AXIS_TOLERANCE and abs(x1 - x0) >= MIN_PIECE:
        return Rule(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
    if abs(x1 - x0) <= AXIS_TOLERANCE and abs(y1 - y0) >= MIN_PIECE:
        return Rule(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
    return None


def _rules(pieces: Sequence[tuple[Point, Point]]) -> list[Rule]:
    """The pieces that run along an axis, as rules; pieces drawn one after another along the same line
    are one rule (a line across a table drawn a column at a time)."""
    out: list[Rule] = []
    for a, b in pieces:
        rule = _axis_rule(a, b)
        if rule is None:
            continue
        last = out[-1] if out else None
        if last is not None and last.horizontal == rule.horizontal and _continues(last, rule):
            out[-1] = Rule(min(last.x0, rule.x0), min(last.top, rule.top), max(last.x1, rule.x1),
                           max(last.bottom, rule.bottom))
        else:
            out.append(rule)
    return out


def _continues(last: Rule, rule: Rule) -> bool:
    if last.horizontal:
        return abs(last.top - rule.top) <= AXIS_TOLERANCE and rule.x0 <= last.x1 + AXIS_TOLERANCE \
            and last.x0 <= rule.x1 + AXIS_TOLERANCE
    return abs(last.x0 - rule.x0) <= AXIS_TOLERANCE and rule.top <= last.bottom + AXIS_TOLERANCE \
        and last.top <= rule.bottom + AXIS_TOLERANCE


def add_curve(hrules: list[Rule], vrules: list[Rule], fills: list[Fill], ops: Sequence[Op], *, filled: bool,
              stroked: bool, colour: Callable[[], str | None],
              settings: ExtractSettings = DEFAULT_SETTINGS, marks: list[Fill] | None = None) -> None:
    """Sort one curve subpath into ruling lines, fills and `marks` (see the module's docstring)."""
    points = [p for _, pts in ops for p in pts]
    if not points:
        return
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    box = (min(xs), min(ys), max(xs), max(ys))
    w, h = box[2] - box[0], box[3] - box[1]
    if max(w, h) < MIN_PIECE:  # a dot: no border, no fill
        return
    if filled and min(w, h) <= settings.rule_max_thickness:
        if max(w, h) >= MIN_BORDER:
            add_rect(hrules, vrules, fills, box, filled=True, stroked=False, colour=colour, settings=settings)
        return
    if stroked and max(w, h) >= MIN_BORDER:
        for rule in _rules(straight_pieces(ops)):
            (hrules if rule.horizontal else vrules).append(rule)
    if not filled or w * h <= 0:
        return
    share = _area(_outline(ops)) / (w * h)
    if share >= BOX_SHARE:
        add_rect(hrules, vrules, fills, box, filled=True, stroked=False, colour=colour, settings=settings)
    elif marks is not None and _round_mark(w, h, share) and (hue := colour()) is not None:
        marks.append(Fill(*box, hue))


def _round_mark(w: float, h: float, share: float) -> bool:
    """Is a filled shape of box w by h, covering `share` of it, a dot: small, as wide as high, a circle's
    share of its box (pi / 4)?"""
    return max(w, h) <= MARK_MAX and min(w, h) >= MARK_RATIO * max(w, h) and abs(share - math.pi / 4) <= MARK_SHARE_SLACK
