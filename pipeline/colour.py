"""Colours as '#rrggbb': what both the PDF readers and the status normaliser speak."""

from __future__ import annotations

import math
import re


def _clamp01(v: float) -> float:
    return 0.0 if v < 0 else 1.0 if v > 1 else v


def hex_colour(non_stroking_color) -> str | None:
    """pdfplumber's `non_stroking_color` as '#rrggbb'; None when there is no single colour.

    Accepts a float (grey), or a tuple/list of 1 (grey), 3 (RGB) or 4 (CMYK) components in 0..1, or a
    '#rrggbb' string (returned lower-cased). Whole-number components up to 255, some above 1, are read as
    0..255 values; other values outside 0..1 are clamped.
    Pattern fills (names, odd lengths) give None.
    """
    value = non_stroking_color
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        s = value.strip().lower()
        return s if re.fullmatch(r"#[0-9a-f]{6}", s) else None
    comps = _components(value)
    if comps is None:
        return None
    rgb = _components_to_rgb([_clamp01(c) for c in _from_255(comps)])
    if rgb is None:
        return None
    return "#{:02x}{:02x}{:02x}".format(*(round(v * 255) for v in rgb))


def _components(value) -> list[float] | None:
    """A number or a sequence of numbers as floats; None when it is neither (a pattern name) or holds NaN."""
    if isinstance(value, (int, float)):
        comps = [float(value)]
    else:
        try:
            comps = [float(v) for v in value]
        except (TypeError, ValueError):
            return None
    if any(math.isnan(c) for c in comps):
        return None
    return comps


def _from_255(comps: list[float]) -> list[float]:
    """Grey or RGB written as whole numbers up to 255 (some above 1) is on the 0..255 scale, as some
    producers write it; anything else is taken as 0..1."""
    if len(comps) in (1, 3) and any(c > 1 for c in comps) and all(c.is_integer() and c <= 255 for c in comps):
        return [c / 255 for c in comps]
    return comps


def _components_to_rgb(comps: list[float]) -> tuple[float, float, float] | None:
    """Grey, RGB or CMYK components in 0..1 as RGB; None for any other count."""
    if len(comps) == 1:
        return comps[0], comps[0], comps[0]
    if len(comps) == 3:
        return comps[0], comps[1], comps[2]
    if len(comps) == 4:
        c, m, y, k = comps
        # Naive CMYK -> RGB, as viewers do without a colour profile.
        return (1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)
    return None
