"""Row thumbnails for the HTML reports: a row's bbox cropped from its rendered page, as a small PNG.

Readers are the only code that opens PDFs; this module renders with pypdfium2 (each page once, at one
scale) and returns `data:` URIs, so a report stays one self-contained file that any row of can be
checked against the page it came from.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

# Pixels per PDF point when rendering a page for thumbnails: 1.25 keeps 7-8 pt table text legible once
# cropped, while a full landscape page stays about 1,000 px wide (a fraction of a second to render).
THUMB_SCALE = 1.25
# Widest thumbnail (px): wider crops are scaled down to this so a row fits beside its text in a report
# (shown at about 300 px; the extra width is for zooming in) and a 130-row diff stays near 1.5 MB.
THUMB_MAX_WIDTH = 480
# Tallest thumbnail (px) before scaling: a row that runs the height of a page is cut at this height
# (the link to the page shows the rest).
THUMB_MAX_HEIGHT = 260
# Colours in the palette of a thumbnail PNG: 32 keep text antialiasing and RAG fills recognisable at
# a third of the size of a full-colour PNG.
THUMB_COLOURS = 32
# Points of page kept around a row's bbox, so the rules that bound it show.
THUMB_MARGIN = 2.0


def _png_data_uri(image) -> str:
    buf = io.BytesIO()
    image.save(buf, format="PNG", optimize=True)
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def _crop(page_image, bbox: Sequence[float], scale: float):
    x0, top, x1, bottom = (float(v) for v in bbox)
    w, h = page_image.size
    box = (
        max(0, int((x0 - THUMB_MARGIN) * scale)),
        max(0, int((top - THUMB_MARGIN) * scale)),
        min(w, int((x1 + THUMB_MARGIN) * scale) + 1),
        min(h, int((bottom + THUMB_MARGIN) * scale) + 1),
    )
    if box[2] <= box[0] or box[3] <= box[1]:
        return None
    box = (box[0], box[1], box[2], min(box[3], box[1] + THUMB_MAX_HEIGHT))
    crop = page_image.crop(box)
    if crop.width > THUMB_MAX_WIDTH:
        crop = crop.resize((THUMB_MAX_WIDTH, max(1, round(crop.height * THUMB_MAX_WIDTH / crop.width))))
    return crop.convert("RGB").quantize(colors=THUMB_COLOURS)


def row_thumbnails(
    path: str | Path, rows: Iterable[tuple[int, Sequence[float]]], password: str | None = None
) -> dict[tuple[int, tuple[float, ...]], str]:
    """{(page, bbox): data URI} for each (1-based page, [x0, top, x1, bottom]) in `rows`.

    Rows whose page does not exist or whose bbox is empty get no entry; a PDF that cannot be opened
    gives no thumbnails at all (the report says so) rather than no report.
    """
    import pypdfium2 as pdfium

    wanted: dict[int, list[tuple[float, ...]]] = {}
    for page, bbox in rows:
        if page and bbox is not None and len(bbox) == 4:
            wanted.setdefault(int(page), []).append(tuple(float(v) for v in bbox))
    out: dict[tuple[int, tuple[float, ...]], str] = {}
    if not wanted:
        return out
    try:
        doc = pdfium.PdfDocument(str(path), password=password)
    except (pdfium.PdfiumError, OSError):
        return out
    try:
        for number in sorted(wanted):
            if number > len(doc):
                continue
            page = doc[number - 1]
            image = page.render(scale=THUMB_SCALE).to_pil()
            page.close()
            for bbox in wanted[number]:
                crop = _crop(image, bbox, THUMB_SCALE)
                if crop is not None:
                    out[(number, bbox)] = _png_data_uri(crop)
    finally:
        doc.close()
    return out


def page_count(path: str | Path, password: str | None = None) -> int | None:
    """Number of pages of the PDF at `path`, or None when it cannot be opened."""
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(str(path), password=password)
    except (pdfium.PdfiumError, OSError):
        return None
    try:
        return len(doc)
    finally:
        doc.close()
