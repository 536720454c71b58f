"""Lengths on one axis: how much of a column or edge a set of ruling segments covers, and the white
between spans."""

from __future__ import annotations

from typing import Iterable


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
