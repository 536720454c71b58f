"""LibreOffice producer: the plan written as a Word document with python-docx, converted headless to PDF.

Word-style tables: vertically merged cells (vMerge), horizontally merged banner and group cells, cell
shading, header rows marked to repeat (``w:tblHeader``), rotated narrow headings (``w:textDirection``).
LibreOffice lays the document out and splits rows across pages as Writer does. The DRAFT watermark is not
drawn (a Word watermark is a VML shape python-docx cannot write): the layout records watermark "no".
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from tools.layouts.generate import MARGIN_PT, NARRATIVE, Banner, Plan, Row, Table

FONTS = {"sans": "DejaVu Sans", "serif": "DejaVu Serif"}
# Converting one document takes LibreOffice a few seconds; a stuck conversion is stopped after this.
CONVERT_TIMEOUT_S = 240
ZEBRA_FILL = "f2f2f2"
RULE = {"val": "single", "sz": "4", "space": "0", "color": "000000"}  # sz in eighths of a point
CELL_MARGIN_TWIPS = 57  # 2.85pt left and right, so text stays inside the column as drawn


class ConversionError(RuntimeError):
    pass


def soffice() -> str:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        raise ConversionError("LibreOffice is not installed: apt-get install -y --no-install-recommends "
                              "libreoffice-writer (make bench-layouts does this)")
    return exe


def _el(tag: str, **attrs: str) -> Any:  # an lxml element (OxmlElement is a factory, not a type)
    el = OxmlElement(tag)
    for k, v in attrs.items():
        el.set(qn(f"w:{k}"), v)
    return el


def shade(cell, fill: str) -> None:
    cell._tc.get_or_add_tcPr().append(_el("w:shd", val="clear", color="auto", fill=fill.lstrip("#")))


def borders(table, rules: str) -> None:
    tbl_pr = table._tbl.tblPr
    el = _el("w:tblBorders")
    edges = {
        "grid": ("top", "left", "bottom", "right", "insideH", "insideV"),
        "horizontal": ("top", "bottom", "insideH"),
        "frame-header": ("top", "left", "bottom", "right"),
        "none-zebra": (),
    }[rules]
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el.append(_el(f"w:{edge}", **(RULE if edge in edges else {"val": "nil"})))
    tbl_pr.append(el)
    layout = _el("w:tblLayout", type="fixed")
    tbl_pr.append(layout)
    mar = _el("w:tblCellMar")
    for side in ("left", "right"):
        mar.append(_el(f"w:{side}", w=str(CELL_MARGIN_TWIPS), type="dxa"))
    tbl_pr.append(mar)


def bottom_rule(cell) -> None:
    b = _el("w:tcBorders")
    b.append(_el("w:bottom", **RULE))
    cell._tc.get_or_add_tcPr().append(b)


def write_text(cell, text: str | None, size: float, bold: bool = False) -> None:
    paras = [p for p in (text or "").split("\n") if p.strip()] or [""]
    first = cell.paragraphs[0]
    for i, p in enumerate(paras):
        para = first if i == 0 else cell.add_paragraph()
        para.paragraph_format.space_after = Pt(2)
        run = para.add_run(p)
        run.font.size = Pt(size)
        run.bold = bold


def repeat_header(row) -> None:
    row._tr.get_or_add_trPr().append(_el("w:tblHeader", val="true"))


def add_header(table, t: Table, plan: Plan, repeat: bool) -> int:
    """Writes the header row(s); returns how many rows they take."""
    size = plan.font_size
    grouped = any(c.group for c in t.columns)
    n = 2 if grouped else 1
    rows = [table.rows[i] for i in range(n)]
    for j, c in enumerate(t.columns):
        if grouped and c.group:
            write_text(rows[1].cells[j], c.heading, size, bold=True)
        else:
            write_text(rows[0].cells[j], c.heading, size, bold=True)
        if c.vertical:
            rows[-1 if grouped and c.group else 0].cells[j]._tc.get_or_add_tcPr().append(_el("w:textDirection",
                                                                                             val="btLr"))
    if grouped:
        j = 0
        while j < len(t.columns):
            c = t.columns[j]
            k = j
            while k + 1 < len(t.columns) and c.group and t.columns[k + 1].group == c.group:
                k += 1
            if c.group:
                merged = rows[0].cells[j].merge(rows[0].cells[k]) if k > j else rows[0].cells[j]
                write_text(merged, c.group, size, bold=True)
            else:
                rows[0].cells[j].merge(rows[1].cells[j])
            j = k + 1
    for row in rows:
        if repeat:
            repeat_header(row)
        for cell in row.cells:
            if plan.dims["header_band"] == "coloured":
                shade(cell, "#dbe5f1")
            if plan.dims["rules"] in ("frame-header", "horizontal") and row is rows[-1]:
                bottom_rule(cell)
    return n


def add_table(doc, t: Table, plan: Plan) -> None:
    d = plan.dims
    actions = t.kind == "actions"
    items = list(t.items)
    if items and isinstance(items[0], Banner) and d["theme_style"] != "section-row":
        banner = items.pop(0)
        para = doc.add_paragraph()
        if banner.new_page:
            para.add_run().add_break(WD_BREAK.PAGE)
        run = para.add_run(banner.text)
        run.bold, run.font.size = True, Pt(plan.font_size + 3)
    head = (2 if any(c.group for c in t.columns) else 1) if t.header else 0
    table = doc.add_table(rows=head + len(items), cols=len(t.columns))
    table.autofit = False
    borders(table, d["rules"] if actions else "grid")
    for j, c in enumerate(t.columns):
        table.columns[j].width = Pt(c.width)
        for cell in table.columns[j].cells:
            cell.width = Pt(c.width)
    if head:
        add_header(table, t, plan, repeat=d["header_repeat"] == "every-page" or not actions)
    starts: dict[int, object] = {}
    zebra = 0
    for i, item in enumerate(items):
        row = table.rows[head + i]
        if isinstance(item, Banner):
            cell = row.cells[0].merge(row.cells[-1])
            write_text(cell, item.text, plan.font_size, bold=True)
            shade(cell, "#e7e6e6")
            starts.clear()
            continue
        zebra += 1
        fill_cells(row, item, starts, plan, zebra % 2 == 0 and d["rules"] == "none-zebra" and actions)
    doc.add_paragraph()


def fill_cells(row, item: Row, starts: dict, plan: Plan, zebra: bool) -> None:
    for j, c in enumerate(item.cells):
        cell = row.cells[j]
        if c.merged and j in starts and plan.effective.get("hierarchy") != "blank":
            starts[j] = starts[j].merge(cell)
            continue
        write_text(cell, c.text, plan.font_size)
        starts[j] = cell
        if c.fill:
            shade(cell, c.fill)
        elif zebra:
            shade(cell, ZEBRA_FILL)


def page_setup(doc, plan: Plan) -> None:
    s = doc.sections[0]
    w, h = plan.page
    s.orientation = WD_ORIENT.LANDSCAPE if w > h else WD_ORIENT.PORTRAIT
    s.page_width, s.page_height = Pt(w), Pt(h)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(s, side, Pt(MARGIN_PT))
    s.header_distance = s.footer_distance = Pt(MARGIN_PT / 3)
    style = doc.styles["Normal"]
    style.font.name = FONTS[plan.dims["font"]]
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONTS[plan.dims["font"]])
    style.font.size = Pt(plan.font_size)
    style.font.color.rgb = RGBColor(0, 0, 0)
    if plan.dims["running_heads"] == "yes":
        s.header.paragraphs[0].text = plan.running_head
        s.header.paragraphs[0].runs[0].font.size = Pt(7)
        foot = s.footer.paragraphs[0]
        foot.add_run("Page ").font.size = Pt(7)
        run = foot.add_run()
        for tag, text in (("begin", None), (None, "PAGE"), ("end", None)):
            if tag:
                run._r.append(_el("w:fldChar", fldCharType=tag))
            else:
                instr = OxmlElement("w:instrText")
                instr.text = text
                run._r.append(instr)


def front(doc, kind: str, plan: Plan) -> None:
    if kind == "cover":
        for _ in range(6):
            doc.add_paragraph()
        run = doc.add_paragraph().add_run(plan.title)
        run.bold, run.font.size = True, Pt(20)
        doc.add_paragraph("2024 to 2026")
        doc.add_paragraph("A constructed layout by planpipe's benchmark generator, not a council's file.")
    elif kind == "contents":
        doc.add_paragraph().add_run("Contents").bold = True
        for i, x in enumerate(["Introduction", "Key to status", "Action plan", "Appendix"]):
            doc.add_paragraph(f"{i + 1}. {x} ........ {i + 2}")
    elif kind == "narrative":
        doc.add_paragraph().add_run("Introduction").bold = True
        for p in NARRATIVE:
            doc.add_paragraph(p)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def docx_bytes(plan: Plan) -> bytes:
    import io

    doc = Document()
    page_setup(doc, plan)
    for block in plan.blocks:
        if isinstance(block, Table):
            add_table(doc, block, plan)
        elif block[0] == "heading":
            run = doc.add_paragraph().add_run(block[1])
            run.bold, run.font.size = True, Pt(plan.font_size + 4)
        else:
            front(doc, block[0], plan)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def convert(docx: bytes) -> bytes:
    """DOCX -> PDF with a private LibreOffice profile (parallel conversions must not share one)."""
    with tempfile.TemporaryDirectory(prefix="planpipe-lo-") as tmp:
        src = Path(tmp) / "plan.docx"
        src.write_bytes(docx)
        profile = Path(tmp) / "profile"
        cmd = [soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", tmp, str(src)]
        env = {**os.environ, "HOME": tmp}
        try:
            subprocess.run(cmd, check=True, capture_output=True, timeout=CONVERT_TIMEOUT_S, env=env)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
            raise ConversionError(f"LibreOffice failed to convert the DOCX: {exc}") from exc
        pdf = Path(tmp) / "plan.pdf"
        if not pdf.exists():
            raise ConversionError("LibreOffice wrote no PDF")
        return pdf.read_bytes()


def produce(plan: Plan) -> bytes:
    plan.effective["rule_drawing"] = "engine"
    if plan.dims["watermark"] == "yes":
        plan.effective["watermark"] = "no"
    pdf = convert(docx_bytes(plan))
    if plan.dims["hierarchy"] == "merged":
        from tools.layouts import selfcheck

        if selfcheck.check(pdf, plan.answer_key()):
            # LibreOffice drops whole rows under a merged cell taller than the page (a 16:9 slide, large
            # type): the merge is drawn as blank cells under the value instead, and the key says so.
            plan.effective["hierarchy"] = "blank"
            pdf = convert(docx_bytes(plan))
    return pdf
