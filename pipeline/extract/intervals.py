"""Lengths on one axis: how much of a column or edge a set of ruling segments covers, the white
between spans, and the strokes of one rule joined."""

from __future__ import annotations

from typing import Iterable, Sequence

from ..readers.model import Rule


def union_length(spans: Iterable[tuple[float, float]]) -> float:
    """Total length of the union of (start, end) spans; overlapping spans count once."""
    ordered = sorted(spans)
    if not ordered:
        return 0.0
    total = 0.0
    cur_a, cur_b = ordered[0]
    for a, b in ordered[1:]:
        if a > cur_b:
            total += cur_b - cur_a
            cur_a, cur_b = a, b
        else:
            cur_b = max(cur_b, b)
    return total + (cur_b - cur_a)


def white_runs(spans: Iterable[tuple[float, float]], lo: float, hi: float) -> list[tuple[float, float]]:
    """The runs of lo..hi that no (start, end) span covers, left to right."""
    runs, at = [], lo
    for a, b in sorted(spans):
        if a > at:
            runs.append((at, min(a, hi)))
        at = max(at, b)
        if at >= hi:
            break
    if at < hi:
        runs.append((at, hi))
    return [(a, b) for a, b in runs if b > a]


def span_ends(spans: Iterable[tuple[float, float]]) -> list[float]:
    """Both ends of every (start, end) span, each once, sorted: the walls of columns of filled cells."""
    return sorted({x for span in spans for x in span})


def joined_strokes(rules: Sequence[Rule], *, vertical: bool, meet: float) -> list[Rule]:
    """Rules with the strokes of one line joined (a grid draws its rules cell by cell): strokes on one
    line (within `meet` across it) where one starts within `meet` of another's end. Sorted by where the
    rules stand, then where they start."""
    def at(r: Rule) -> float:
        return r.x if vertical else r.y

    def start(r: Rule) -> float:
        return r.top if vertical else r.x0

    def end(r: Rule) -> float:
        return r.bottom if vertical else r.x1

    out: list[Rule] = []
    for r in sorted(rules, key=start):
        k = next((k for k, o in enumerate(out) if abs(at(o) - at(r)) <= meet and start(r) <= end(o) + meet), None)
        if k is None:
            out.append(r)
        else:
            o = out[k]
            out[k] = Rule(min(o.x0, r.x0), min(o.top, r.top), max(o.x1, r.x1), max(o.bottom, r.bottom))
    return sorted(out, key=lambda r: (at(r), start(r)))
