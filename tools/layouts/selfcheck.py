"""Proves an answer key matches its PDF: every printed key cell's text is in that cell's region of the page.

A cell's region is its column's band across the page (the columns' x positions are set by the generator,
identically for every producer) and its place in the column's reading order: the text of each column is
read back with pdfplumber (upright, non-bold characters inside the page margins, in page / line / x
order: headers and banners are bold, running heads sit in the margins, the watermark and rotated headings
are not upright) and every printed cell of the column must occur in it, in row order, after the cell
above. Comparison is on letters, digits and symbols only (NFKC), so line breaks, justification, hyphenation and
ligatures do not matter, while a word in the wrong column or row does.
"""

from __future__ import annotations

import io
import re
import unicodedata

from tools.layouts.generate import MARGIN_PT

# How far (points) a character's centre may sit outside its column band: rules and rounding.
BAND_TOLERANCE_PT = 1.5
# Characters taller than this are not cell text (a watermark drawn upright would be).
MAX_CELL_CHAR_PT = 30.0
_ALNUM = re.compile(r"[^0-9a-z]+")


def squash(text: str) -> str:
    """Letters, digits and symbols (a status printed as ✔ or ▲ must be printed, not left blank by a font
    that lacks it), nothing else."""
    text = unicodedata.normalize("NFKC", text).lower()
    return "".join(ch for ch in text if not _ALNUM.fullmatch(ch) or unicodedata.category(ch) == "So")


def column_bands(key: dict, page_width: float) -> list[tuple[float, float]]:
    x = MARGIN_PT
    bands = []
    for c in key["widths"]:
        bands.append((x, x + c))
        x += c
    return bands


def column_streams(pdf_bytes: bytes, bands: list[tuple[float, float]]) -> list[str]:
    import pdfplumber

    streams: list[list[str]] = [[] for _ in bands]
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        for page in pdf.pages:
            # "(cid:127)": a glyph without a Unicode mapping (reportlab's Helvetica bullet) is no letter or digit
            chars = [c for c in page.chars
                     if c.get("upright", True) and not c["text"].startswith("(cid:") and "bold" not in c["fontname"].lower()
                     and MARGIN_PT - 2 < c["top"] < page.height - MARGIN_PT + 2
                     and (c["bottom"] - c["top"]) < MAX_CELL_CHAR_PT]
            chars.sort(key=lambda c: (round(c["top"]), c["x0"]))
            for c in chars:
                i = band_of((c["x0"] + c["x1"]) / 2, bands)
                if i is not None:
                    streams[i].append(c["text"])
    return [squash("".join(s)) for s in streams]


def band_of(x: float, bands: list[tuple[float, float]]) -> int | None:
    """The band holding x; else the nearest within the tolerance (a glyph overhanging a rule)."""
    for i, (x0, x1) in enumerate(bands):
        if x0 <= x < x1:
            return i
    near = [(min(abs(x - x0), abs(x - x1)), i) for i, (x0, x1) in enumerate(bands)]
    dist, i = min(near)
    return i if dist <= BAND_TOLERANCE_PT else None


# Column kinds whose cells carry a status shown by colour alone.
COLOUR_KINDS = ("rag_raw", "milestone_and_rag")
# Share of the actions with a colour status whose cell must show a fill (a cell cut by a page shows two).
FILLED_SHARE = 0.9


def filled_cells(pdf_bytes: bytes, band: tuple[float, float]) -> int:
    """Coloured (not white, not the header's pale blue or a banner's grey) rectangles whose middle lies in
    the column band: the status cells the page shows."""
    import pdfplumber

    pale = {(1, 1, 1), (0.859, 0.898, 0.945), (0.906, 0.902, 0.902)}
    count = 0
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        for page in pdf.pages:
            for r in page.rects:
                colour = r.get("non_stroking_color")
                if not r.get("fill") or not isinstance(colour, (tuple, list)) or len(colour) != 3:
                    continue
                if tuple(round(float(v), 3) for v in colour) in pale:
                    continue
                if band[0] <= (r["x0"] + r["x1"]) / 2 <= band[1] and r["width"] > 2 and r["height"] > 2:
                    count += 1
    return count


def missing_colours(pdf_bytes: bytes, key: dict) -> list[str]:
    """A status shown by colour alone must be printed as a fill in its column: the key's 'rag' says it is."""
    coloured = [a for a in key["actions"] if a.get("rag") not in (None, "unknown")]
    kinds = [c["kind"] for c in key["columns"]]
    j = next((i for i, k in enumerate(kinds) if k in COLOUR_KINDS), None)
    if not coloured or j is None:
        return []
    band = column_bands(key, 0.0)[j]
    shown = filled_cells(pdf_bytes, band)
    if shown < FILLED_SHARE * len(coloured):
        return [f"column {j + 1} ({key['columns'][j]['heading']}): {shown} fills for {len(coloured)} colour statuses"]
    return []


def check(pdf_bytes: bytes, key: dict) -> list[str]:
    """Every printed cell missing from its region, as 'row R column C: text', and a colour status left
    unprinted; [] when the key matches."""
    bands = column_bands(key, 0.0)
    streams = column_streams(pdf_bytes, bands)
    problems = missing_colours(pdf_bytes, key)
    for j, stream in enumerate(streams):
        pos = 0
        for i, row in enumerate(key["cells"]):
            text = row[j]
            if not text:
                continue
            want = squash(text)
            if not want:
                continue
            found = stream.find(want, pos)
            if found < 0:
                problems.append(f"row {i + 1} column {j + 1} ({key['columns'][j]['heading']}): {text[:60]!r}")
                continue
            pos = found + len(want)
    return problems
