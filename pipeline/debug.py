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
            turn = (turned or {}).get(pt.page, 0)
            if turn:
                path = out / f"{Path(pdf_path).stem}-p{pt.page:03d}{'' if pt.tables else '-no-table'}.png"
                _draw_turned(im.original, pt, turn, resolution / 72).save(path)
                written.append(path)
                continue
            if not pt.tables:
                _draw_failed(im, page)
            for t in pt.tables:
                if t.header is not None:
                    im.draw_rect((t.x0, t.header.top - 1, t.x1, t.header.bottom + 1), fill=(255, 165, 0, 40), stroke="orange")
                for c in t.columns:
                    im.draw_line([(c.x0, t.top), (c.x0, t.bottom)], stroke="blue", stroke_width=2)
                im.draw_line([(t.x1, t.top), (t.x1, t.bottom)], stroke="blue", stroke_width=2)
                for r in t.rows:
                    merged = bool(r.merged)
                    im.draw_rect((t.x0 + 2, r.top + 1, t.x1 - 2, r.bottom - 1), fill=None,
                                 stroke="red" if merged else "green", stroke_width=1)
            path = out / f"{Path(pdf_path).stem}-p{pt.page:03d}{'' if pt.tables else '-no-table'}.png"
            im.save(path)
            written.append(path)
    return written


def _draw_turned(original, pt, turn: int, scale: float):
    """The page image turned as the reader turned the page, with the tables drawn in its coordinates."""
    from PIL import ImageDraw

    img = original.convert("RGB").rotate(-turn, expand=True)
    draw = ImageDraw.Draw(img)
    for t in pt.tables:
        if t.header is not None:
            draw.rectangle([t.x0 * scale, (t.header.top - 1) * scale, t.x1 * scale, (t.header.bottom + 1) * scale],
                           outline="orange")
        for x in [c.x0 for c in t.columns] + [t.x1]:
            draw.line([(x * scale, t.top * scale), (x * scale, t.bottom * scale)], fill="blue", width=2)
        for r in t.rows:
            draw.rectangle([(t.x0 + 2) * scale, (r.top + 1) * scale, (t.x1 - 2) * scale, (r.bottom - 1) * scale],
                           outline="red" if r.merged else "green")
    return img


def _draw_failed(im, page) -> None:
    """No table detected: frame the page in red and outline its text lines, whose alignment (or lack
    of it) is what the header search and the grid look at."""
    im.draw_rect((1, 1, float(page.width) - 1, float(page.height) - 1), fill=None, stroke="red", stroke_width=3)
    for line in page.extract_text_lines(return_chars=False):
        im.draw_rect((line["x0"], line["top"], line["x1"], line["bottom"]), fill=None, stroke="grey", stroke_width=1)
