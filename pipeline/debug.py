"""`planpipe extract --debug DIR`: draw what the extractor saw over each page, as PNG.

Columns (blue, with their field names), header rows (orange) and rows (green; red where a row's cells
were merged with the row above) are drawn over the page image, so a wrong split is seen at a glance,
in the spirit of pdfplumber's `debug_tablefinder()`.
"""

from __future__ import annotations

from pathlib import Path


def draw_tables(pdf_path: str, tables, out_dir: str | Path, resolution: int = 72, password: str | None = None) -> list[Path]:
    import pdfplumber

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    by_page = {pt.page: pt for pt in tables if pt.tables}
    with pdfplumber.open(pdf_path, password=password or "") as pdf:
        for number, pt in sorted(by_page.items()):
            im = pdf.pages[number - 1].to_image(resolution=resolution)
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
            path = out / f"{Path(pdf_path).stem}-p{number:03d}.png"
            im.save(path)
            written.append(path)
    return written
