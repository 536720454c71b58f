"""WeasyPrint producer: the plan as HTML/CSS, laid out by the engine.

What this producer adds over the reportlab one: the engine decides line breaks (justified text, automatic
hyphenation, ligatures), repeats ``<thead>`` on every page, and splits rows and rowspans across pages
itself; group headings are real colspans, narrow headings are rotated with CSS transforms, the DRAFT
watermark is a fixed element, running heads and footers are CSS page-margin boxes.
"""

from __future__ import annotations

from html import escape

from tools.layouts.generate import MARGIN_PT, Banner, Cell, Col, Plan, Row, Table

FONTS = {"sans": "'DejaVu Sans', sans-serif", "serif": "'DejaVu Serif', serif"}
BORDER = "0.6pt solid #000"
ZEBRA_FILL = "#f2f2f2"
HEADER_PAD_PT = 3.0
CELL_PAD_PT = 3.0  # cell padding (points), also subtracted from the CSS column widths


def css(plan: Plan) -> str:
    d = plan.dims
    w, h = plan.page
    band = "background: #dbe5f1;" if d["header_band"] == "coloured" else ""
    rules = {
        "grid": f"td, th {{ border: {BORDER}; }}",
        "horizontal": f"td, th {{ border-top: {BORDER}; border-bottom: {BORDER}; }}",
        "frame-header": f"table.t {{ border: {BORDER}; }} th {{ border-bottom: {BORDER}; }}",
        "none-zebra": f"tr.z td {{ background: {ZEBRA_FILL}; }}",
    }[d["rules"]]
    head = f"@top-center {{ content: '{plan.running_head}'; font-size: 7pt; }}" if d["running_heads"] == "yes" else ""
    foot = ("@bottom-right { content: 'Page ' counter(page) ' of ' counter(pages); font-size: 7pt; }"
            if d["running_heads"] == "yes" else "")
    return f"""
@page {{ size: {w}pt {h}pt; margin: {MARGIN_PT}pt; {head} {foot} }}
body {{ margin: 0; font-family: {FONTS[d['font']]}; font-size: {plan.font_size}pt; line-height: 1.2;
        font-variant-ligatures: common-ligatures; }}
td {{ text-align: justify; hyphens: auto; }}
table {{ border-collapse: collapse; table-layout: fixed; margin-bottom: 12pt; }}
td, th {{ padding: {CELL_PAD_PT}pt; vertical-align: top; overflow-wrap: break-word; }}
th {{ text-align: left; font-weight: bold; {band} }}
td p {{ margin: 0 0 3pt 0; }}
{rules}
td.banner {{ font-weight: bold; background: #e7e6e6; }}
h1 {{ font-size: 20pt; }} h2 {{ font-size: 13pt; margin: 8pt 0 6pt 0; }}
h2.page {{ page-break-before: always; }}
.cover {{ page-break-after: always; padding-top: 120pt; }}
.contents, .narrative {{ page-break-after: always; }}
.vert {{ transform: rotate(-90deg); transform-origin: left top; white-space: nowrap; position: relative; }}
.wm {{ position: fixed; top: 40%; left: 20%; font-size: 90pt; color: #e6e6e6; transform: rotate(-40deg);
       z-index: -1; }}
"""


def paragraphs(text: str | None) -> str:
    if not text:
        return ""
    return "".join(f"<p>{escape(p)}</p>" for p in text.split("\n") if p.strip())


def header_rows(t: Table, plan: Plan) -> str:
    cols = t.columns
    size = plan.font_size
    tall = max((len(c.heading) for c in cols if c.vertical), default=0) * size * 0.62 + 2 * HEADER_PAD_PT

    def th(c: Col, attrs: str = "") -> str:
        if c.vertical:
            return (f'<th{attrs} style="height:{tall:.0f}pt; vertical-align: top">'
                    f'<div class="vert" style="top:{tall - 2 * HEADER_PAD_PT:.0f}pt">{escape(c.heading)}</div></th>')
        return f"<th{attrs}>{'<br>'.join(escape(x) for x in c.heading.split(chr(10)))}</th>"

    if not any(c.group for c in cols):
        return "<tr>" + "".join(th(c) for c in cols) + "</tr>"
    top, sub, i = [], [], 0
    while i < len(cols):
        c = cols[i]
        if c.group:
            run = [x for x in cols[i:] if x.group == c.group]
            n = 0
            while i + n < len(cols) and cols[i + n].group == c.group:
                n += 1
            top.append(f'<th colspan="{n}">{escape(c.group)}</th>')
            sub += [th(x) for x in cols[i:i + n]]
            i += n
            del run
        else:
            top.append(th(c, ' rowspan="2"'))
            i += 1
    return "<tr>" + "".join(top) + "</tr><tr>" + "".join(sub) + "</tr>"


def rowspans(rows: list[Row], ncols: int) -> dict[tuple[int, int], int]:
    """(row index, column) -> rowspan of each cell that starts a vertical merge."""
    spans: dict[tuple[int, int], int] = {}
    for j in range(ncols):
        start = None
        for i, row in enumerate(rows):
            if row.cells[j].merged and start is not None:
                spans[(start, j)] = spans.get((start, j), 1) + 1
            else:
                start = i
    return spans


def cell_html(cell: Cell, span: int) -> str:
    style = f' style="background:{cell.fill}"' if cell.fill else ""
    rs = f' rowspan="{span}"' if span > 1 else ""
    return f"<td{rs}{style}>{paragraphs(cell.text)}</td>"


def body_rows(t: Table, plan: Plan) -> list[str]:
    out: list[str] = []
    segment: list[Row] = []

    def flush() -> None:
        spans = rowspans(segment, len(t.columns))
        for i, row in enumerate(segment):
            cls = ' class="z"' if i % 2 and plan.dims["rules"] == "none-zebra" else ""
            cells = [cell_html(c, spans.get((i, j), 1)) for j, c in enumerate(row.cells) if not c.merged]
            out.append(f"<tr{cls}>" + "".join(cells) + "</tr>")
        segment.clear()

    for item in t.items:
        if isinstance(item, Banner):
            flush()
            if plan.dims["theme_style"] == "section-row":
                out.append(f'<tr><td class="banner" colspan="{len(t.columns)}">{escape(item.text)}</td></tr>')
        else:
            segment.append(item)
    flush()
    return out


def table_html(t: Table, plan: Plan) -> str:
    before = ""
    if t.items and isinstance(t.items[0], Banner) and plan.dims["theme_style"] != "section-row":
        cls = ' class="page"' if t.items[0].new_page else ""
        before = f"<h2{cls}>{escape(t.items[0].text)}</h2>"
    # CSS column widths exclude the cells' padding: the drawn column is exactly the planned width
    cols = "".join(f'<col style="width:{c.width - 2 * CELL_PAD_PT:.2f}pt">' for c in t.columns)
    width = sum(c.width for c in t.columns)
    head = header_rows(t, plan) if t.header else ""
    repeat = t.kind != "actions" or plan.dims["header_repeat"] == "every-page"
    thead = f"<thead>{head}</thead><tbody>" if repeat else f"<tbody>{head}"
    return (f'{before}<table class="t" style="width:{width}pt"><colgroup>{cols}</colgroup>{thead}'
            + "".join(body_rows(t, plan)) + "</tbody></table>")


def front(kind: str, plan: Plan) -> str:
    if kind == "cover":
        return (f'<div class="cover"><h1>{escape(plan.title)}</h1><p>2024 to 2026</p>'
                "<p>A constructed layout by planpipe's benchmark generator, not a council's file.</p></div>")
    if kind == "contents":
        items = ["Introduction", "Key to status", "Action plan", "Appendix"]
        return '<div class="contents"><h2>Contents</h2>' + "".join(
            f"<p>{i + 1}. {x} ........ {i + 2}</p>" for i, x in enumerate(items)) + "</div>"
    if kind == "narrative":
        from tools.layouts.generate import NARRATIVE

        return '<div class="narrative"><h2>Introduction</h2>' + "".join(f"<p>{p}</p>" for p in NARRATIVE) + "</div>"
    return f"<h2>{escape(plan.title if kind == 'title' else '')}</h2>"


def html(plan: Plan) -> str:
    parts = []
    if plan.dims["watermark"] == "yes":
        parts.append('<div class="wm">DRAFT</div>')
    for block in plan.blocks:
        if isinstance(block, Table):
            parts.append(table_html(block, plan))
        elif block[0] == "heading":
            parts.append(f"<h2>{escape(block[1])}</h2>")
        else:
            parts.append(front(block[0], plan))
    return (f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{escape(plan.title)}</title>'
            f"<style>{css(plan)}</style></head><body>{''.join(parts)}</body></html>")


def produce(plan: Plan) -> bytes:
    from weasyprint import HTML

    plan.effective["rule_drawing"] = "engine"
    return HTML(string=html(plan)).write_pdf()
