"""`planpipe extract --debug DIR`: draw what the extractor saw over each page, as PNG.

Columns (blue, with their field names), header rows (orange) and rows (green; red where a row's cells
were merged with the row above) are drawn over the page image, so a wrong split is seen at a glance,
in the spirit of pdfplumber's `debug_tablefinder()`.
"""

from __future__ import annotations

from pathlib import Path


def draw_tables(
    pdf_path: str, tables, out_dir: str | Path, resolution: int = 72, password: str | None = None
) -> list[Path]:
    """One PNG per page that was read: what was detected on it, or, where nothing was, the page's
    text lines outlined in grey under a red frame (detection failed there: the picture shows why)."""
    import pdfplumber

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with pdfplumber.open(pdf_path, password=password or "") as pdf:
        for pt in tables:
            page = pdf.pages[pt.page - 1]
            im = page.to_image(resolution=resolution)
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


def _draw_failed(im, page) -> None:
    """No table detected: frame the page in red and outline its text lines, whose alignment (or lack
    of it) is what the header search and the grid look at."""
    im.draw_rect((1, 1, float(page.width) - 1, float(page.height) - 1), fill=None, stroke="red", stroke_width=3)
    for line in page.extract_text_lines(return_chars=False):
        im.draw_rect((line["x0"], line["top"], line["x1"], line["bottom"]), fill=None, stroke="grey", stroke_width=1)
