"""Lengths on one axis: how much of a column or edge a set of ruling segments covers."""

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
