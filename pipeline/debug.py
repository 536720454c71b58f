"""`planpipe extract --debug DIR`: draw what the extractor saw over each page, as PNG.

Columns (blue, with their field names), header rows (orange) and rows (green; red where a row's cells
were merged with the row above) are drawn over the page image, so a wrong split is seen at a glance,
in the spirit of pdfplumber's `debug_tablefinder()`.
"""

from __future__ import annotations

from pathlib import Path


def draw_tables(
    pdf_path: str, tables, out_dir: str | Path, resolution: int = 72, password: str | None = None,
    turned: dict[int, int] | None = None,
) -> list[Path]:
    """One PNG per page that was read: what was detected on it, or, where nothing was, the page's
    text lines outlined in grey under a red frame (detection failed there: the picture shows why).
    `turned`: page number -> degrees the reader turned the page clockwise (pipeline.readers.upright);
    such a page is drawn turned, as it was read."""
    import pdfplumber

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with pdfplumber.open(pdf_path, password=password or "") as pdf:
        for pt in tables:
            page = pdf.pages[pt.page - 1]
            im = page.to_image(resolution=resolution)
            path = out / f"{Path(pdf_path).stem}-p{pt.page:03d}{'' if pt.tables else '-no-table'}.png"
            turn = (turned or {}).get(pt.page, 0)
            if turn:
                _draw_turned(im.original, pt, turn, resolution / 72).save(path)
            else:
                if not pt.tables:
                    _draw_failed(im, page)
                _draw_upright(im, pt)
                im.save(path)
            written.append(path)
    return written


def _draw_detected(pt, rect, line) -> None:
    """What was detected on a page: header (orange), column edges (blue), rows (green; red where merged
    with the row above), through `rect(box, colour, fill)` and `line(x, top, bottom)`."""
    for t in pt.tables:
        if t.header is not None:
            rect((t.x0, t.header.top - 1, t.x1, t.header.bottom + 1), "orange", (255, 165, 0, 40))
        for x in [c.x0 for c in t.columns] + [t.x1]:
            line(x, t.top, t.bottom)
        for r in t.rows:
            rect((t.x0 + 2, r.top + 1, t.x1 - 2, r.bottom - 1), "red" if r.merged else "green", None)


def _draw_upright(im, pt) -> None:
    """The tables over pdfplumber's image of the page as displayed, the header shaded."""
    _draw_detected(
        pt,
        lambda box, colour, fill: im.draw_rect(box, fill=fill, stroke=colour, stroke_width=1),
        lambda x, top, bottom: im.draw_line([(x, top), (x, bottom)], stroke="blue", stroke_width=2),
    )


def _draw_turned(original, pt, turn: int, scale: float):
    """The page image turned as the reader turned the page, with the tables drawn in its coordinates
    (outlines only: the image has no alpha to shade the header with)."""
    from PIL import ImageDraw

    img = original.convert("RGB").rotate(-turn, expand=True)
    draw = ImageDraw.Draw(img)
    _draw_detected(
        pt,
        lambda box, colour, fill: draw.rectangle([v * scale for v in box], outline=colour),
        lambda x, top, bottom: draw.line([(x * scale, top * scale), (x * scale, bottom * scale)], fill="blue", width=2),
    )
    return img


def _draw_failed(im, page) -> None:
    """No table detected: frame the page in red and outline its text lines, whose alignment (or lack
    of it) is what the header search and the grid look at."""
    im.draw_rect((1, 1, float(page.width) - 1, float(page.height) - 1), fill=None, stroke="red", stroke_width=3)
    for line in page.extract_text_lines(return_chars=False):
        im.draw_rect((line["x0"], line["top"], line["x1"], line["bottom"]), fill=None, stroke="grey", stroke_width=1)
