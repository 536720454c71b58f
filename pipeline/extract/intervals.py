"""Lengths on one axis: how much of a column or edge a set of ruling segments covers."""

from __future__ import annotations

from typing import Iterable


def union_length(spans: Iterable[tuple[float, float]]) -> float:
    """Total length of the union of (start, end) spans; overlapping spans count once."""
    total, cur_a, cur_b = 0.0, None, None
    for a, b in sorted(spans):
        if cur_b is None or a > cur_b:
            if cur_b is not None:
                total += cur_b - cur_a
            cur_a, cur_b = a, b
        else:
            cur_b = max(cur_b, b)
    if cur_b is not None:
        total += cur_b - cur_a
    return total
