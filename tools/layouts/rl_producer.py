"""reportlab producer: the plan drawn with tools/samples/render.py's table engine (reused, not changed).

render.py cannot draw group headings, rotated headings, zebra fills or a table without a header on later
theme tables; for those the layout records the value actually drawn in ``Plan.effective``. Rules drawn as
thin filled rectangles and the outer frame come from small subclasses/overlays here.
"""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

from reportlab.lib.colors import HexColor
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from tools.layouts.generate import MARGIN_PT, NARRATIVE, Banner, Plan, Table
from tools.samples import render as r

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
FONTS = {"sans": ("Helvetica", "Helvetica-Bold"), "serif": ("Times-Roman", "Times-Bold")}
# The symbol statuses (✔ ▲ ...) are not in the standard PDF fonts' encoding: DejaVu has them.
TTF_FONTS = {"sans": ("DejaVuSans", "DejaVuSans-Bold"), "serif": ("DejaVuSerif", "DejaVuSerif-Bold")}
FRAME_WIDTH = 0.8


def register_ttf() -> None:
    for name in ("DejaVuSans", "DejaVuSans-Bold", "DejaVuSerif", "DejaVuSerif-Bold"):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(DEJAVU / f"{name}.ttf")))


def printable_font(text: str, font: str) -> str:
    """The font that prints every character of `text`: DejaVu Serif has no ticks or crosses (✔ ✗), which
    it would leave blank while the answer key says they were printed; DejaVu Sans has them."""
    if not font.startswith("DejaVuSerif"):
        return font
    face = pdfmetrics.getFont(font).face
    if all(ord(ch) in face.charToGlyph for ch in text):
        return font
    return font.replace("DejaVuSerif", "DejaVuSans")


class _PrintablePages(r._Pages):
    def text(self, x: float, top: float, text: str, font: str, size: float, colour: str) -> None:
        super().text(x, top, text, printable_font(text, font), size, colour)


class RectPages(_PrintablePages):
    """Rules drawn as thin filled rectangles, as some producers (and Word's PDF export) do."""

    def line(self, x0: float, y0: float, x1: float, y1: float, width: float) -> None:
        c = self.canvas
        c.setFillColor(HexColor("#000000"))
        if abs(y1 - y0) < 0.01:
            c.rect(x0, self.pdf_y(y0) - width / 2, x1 - x0, width, stroke=0, fill=1)
        else:
            top, bottom = min(y0, y1), max(y0, y1)
            c.rect(x0 - width / 2, self.pdf_y(bottom), width, bottom - top, stroke=0, fill=1)
        self.blank = False


def render_rl(document: r.Document, rect_rules: bool) -> r.RenderResult:
    """render.render with a choice of page class (its body is the same)."""
    out = io.BytesIO()
    pages = (RectPages if rect_rules else _PrintablePages)(document.layout, document.metadata, out)
    result = r.RenderResult(pdf=b"", page_count=0)
    for block in document.blocks:
        if isinstance(block, r.PageBreak):
            if not pages.blank:
                pages.new_page()
        elif isinstance(block, r.Spacer):
            pages.y += block.height
        elif isinstance(block, r.Text):
            r._draw_text(pages, block, document.layout)
        else:
            layout = replace(block.layout, pagesize=document.layout.pagesize, orientation=document.layout.orientation,
                             margins=document.layout.margins, footer=document.layout.footer)
            r._TableEngine(pages, replace(block, layout=layout), result).run()
    pages.finish()
    result.pdf = out.getvalue()
    result.page_count = pages.number
    return result


def furniture(plan: Plan, frames: dict[int, list[r.Fragment]]):
    d = plan.dims

    def footer(canvas: Canvas, page: int, layout: r.TableLayout) -> None:
        w, h = layout.page_width, layout.page_height
        if d["watermark"] == "yes":
            canvas.saveState()
            canvas.setFillColor(HexColor("#e6e6e6"))
            canvas.setFont(layout.font_bold, 90)
            canvas.translate(w / 2, h / 2)
            canvas.rotate(40)
            canvas.drawCentredString(0, 0, "DRAFT")
            canvas.restoreState()
        if d["running_heads"] == "yes":
            canvas.setFillColor(HexColor("#000000"))
            canvas.setFont(layout.font, 7)
            canvas.drawCentredString(w / 2, h - MARGIN_PT / 2, plan.running_head)
            canvas.drawRightString(w - MARGIN_PT, MARGIN_PT / 2, f"Page {page}")
        for f in frames.get(page, []):
            top = f.header_bbox[1] if f.header_bbox else f.body_bbox[1]
            x0, _, x1, bottom = f.body_bbox
            canvas.setLineWidth(FRAME_WIDTH)
            canvas.rect(x0, h - bottom, x1 - x0, bottom - top, stroke=1, fill=0)
            if f.header_bbox:
                canvas.line(x0, h - f.header_bbox[3], x1, h - f.header_bbox[3])

    return footer


def table_layout(t: Table, plan: Plan, base: r.TableLayout) -> r.TableLayout:
    d = plan.dims
    # The column whose cells carry the status colour: the status's own, the legend's key, or a date and
    # rating printed in one cell ("milestone_and_rag"), whose colour is the rating.
    filled = {i for it in t.items if not isinstance(it, Banner) for i, c in enumerate(it.cells) if c.fill}
    rag = next((f"c{i}" for i in sorted(filled)), None)
    actions = t.kind == "actions"
    rules = d["rules"] if actions else "grid"
    return replace(
        base,
        columns=tuple(r.Column(f"c{i}", c.heading, c.width) for i, c in enumerate(t.columns)),
        vertical_rules=rules == "grid",
        horizontal_rules=rules in ("grid", "horizontal"),
        header_repeat="every_page" if (d["header_repeat"] == "every-page" or not actions) else "first_page",
        rag_field=rag,
        rag_style="fill_and_wording",
        section_style="section_row" if d["theme_style"] == "section-row" else "banner",
        section_fill="#e7e6e6",
        header_fill="#dbe5f1" if d["header_band"] == "coloured" else None,
    )


def table_items(t: Table) -> tuple:
    items: list = []
    for it in t.items:
        if isinstance(it, Banner):
            items.append(r.Section((it.text,), new_page=it.new_page))
        else:
            cells = {f"c{i}": c.text for i, c in enumerate(it.cells) if not c.merged}
            merged = tuple(f"c{i}" for i, c in enumerate(it.cells) if c.merged)
            fill = next((c.fill for c in it.cells if c.fill), None)
            items.append(r.Row(cells, merged, rag_fill=fill, key=it.seq))
    return tuple(items)


def front_blocks(kind: str, plan: Plan) -> list:
    if kind == "cover":
        return [r.Spacer(120), r.Text(plan.title, size=20, bold=True), r.Text("2024 to 2026", size=12),
                r.Text("A constructed layout by planpipe's benchmark generator, not a council's file."), r.PageBreak()]
    if kind == "contents":
        items = ["Introduction", "Key to status", "Action plan", "Appendix"]
        return [r.Text("Contents", size=13, bold=True)] + [
            r.Text(f"{i + 1}. {x} ........ {i + 2}") for i, x in enumerate(items)] + [r.PageBreak()]
    if kind == "narrative":
        return [r.Text("Introduction", size=13, bold=True)] + [r.Text(p) for p in NARRATIVE] + [r.PageBreak()]
    return [r.Text(plan.title, size=13, bold=True)]


def document(plan: Plan, frames: dict[int, list[r.Fragment]]) -> r.Document:
    d = plan.dims
    ttf = d["status"] == "symbols"
    if ttf:
        register_ttf()
    font, bold = (TTF_FONTS if ttf else FONTS)[d["font"]]
    base = r.TableLayout(
        pagesize=plan.page, orientation="landscape" if plan.page[0] > plan.page[1] else "portrait", margins=r.Margins(MARGIN_PT, MARGIN_PT, MARGIN_PT, MARGIN_PT),
        font=font, font_bold=bold, font_size=plan.font_size, header_font_size=plan.font_size,
        banner_font_size=plan.font_size + 3, footer=furniture(plan, frames),
    )
    blocks: list = []
    for block in plan.blocks:
        if isinstance(block, Table):
            blocks.append(r.Table(table_layout(block, plan, base), table_items(block), key=block.kind))
            blocks.append(r.Spacer(12))
        elif block[0] == "heading":
            blocks.append(r.Text(block[1], size=plan.font_size + 4, bold=True))
        else:
            blocks += front_blocks(block[0], plan)
    return r.Document(base, tuple(blocks), r.Metadata(title=plan.title, creator="planpipe tools.layouts"))


def produce(plan: Plan) -> bytes:
    d = plan.dims
    for dim, value in (("two_level", "no"), ("vertical_headings", "no")):
        if d[dim] == "yes":
            plan.effective[dim] = value
    if d["rules"] == "none-zebra":
        plan.effective["rules"] = "none"
    if d["header_repeat"] == "once":
        plan.effective["header_repeat"] = "first-page"
    rect = d["rule_drawing"] == "rect"
    frames: dict[int, list[r.Fragment]] = {}
    if d["rules"] == "frame-header":
        # the layout is deterministic: a first pass says where each action-table fragment lands
        first = render_rl(document(plan, {}), rect)
        for f in first.fragments:
            if f.table_key == "actions":
                frames.setdefault(f.page, []).append(f)
    return render_rl(document(plan, frames), rect).pdf
