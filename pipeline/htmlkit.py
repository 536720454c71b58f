"""Shared pieces of the HTML reports (diff.html and <id>.html): escaping, status chips, inline SVG
charts, filterable and sortable tables, and the page around them.

A report is one self-contained file: no network (a Content-Security-Policy forbids every fetch but
inline `data:` images), no external scripts or fonts, readable with scripts off (filters and sorting
are an enhancement; every row is in the markup) and printable. Every string from a PDF goes through
`esc`; the one inline script is allowed by its hash, so markup smuggled into a cell can never run.
"""

from __future__ import annotations

import base64
import hashlib
import html
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from .schema import enum_values

STATUS_ORDER = enum_values("rag")
STATUS_LABELS = {
    "complete": "Complete", "on_track": "On track", "some_issues": "Some issues", "off_track": "Off track",
    "not_started": "Not started", "business_as_usual": "Business as usual", "unknown": "Unknown",
}
# (background, text) of each status chip. Status is always printed as words too; the colours follow
# the RAG legend of the plans (green, amber, red), lightened so the dark text on them passes WCAG AA
# (4.5:1; tests/test_reports.py computes every ratio).
STATUS_COLOURS = {
    "complete": ("#b7dfc1", "#0b3d1e"),
    "on_track": ("#d7efc4", "#1e4620"),
    "some_issues": ("#ffe08a", "#4a3500"),
    "off_track": ("#f6b8b8", "#5c0000"),
    "not_started": ("#e2e2e2", "#2b2b2b"),
    "business_as_usual": ("#cfe0f5", "#12345a"),
    "unknown": ("#f0f0f0", "#3a3a3a"),
}
NO_STATUS = ("#ffffff", "#3a3a3a")

CSS = """
:root{--ink:#1d1d1d;--muted:#555;--rule:#c8c8c8;--head:#eef1f5;--focus:#1a4fa0}
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;margin:0 auto;max-width:1400px;
 color:var(--ink);background:#fff;padding:0 18px 40px}
h1{font-size:26px;margin:22px 0 4px}h2{font-size:19px;margin-top:34px;border-bottom:2px solid var(--rule);padding-bottom:4px}
h3{font-size:16px;margin:18px 0 6px}
p.sub,.muted{color:var(--muted)}
.headline{font-size:18px;line-height:1.5;max-width:70em}
.figures{display:flex;flex-wrap:wrap;gap:10px;margin:14px 0;padding:0;list-style:none}
.figures li{border:1px solid var(--rule);border-radius:6px;padding:8px 12px;min-width:9em}
.figures strong{display:block;font-size:26px;line-height:1.1}
table{border-collapse:collapse;width:100%;margin:8px 0}table.fixed{table-layout:fixed}
td{overflow-wrap:anywhere}
th,td{border:1px solid var(--rule);padding:4px 6px;vertical-align:top;text-align:left}
thead th{background:var(--head);font-weight:600;position:sticky;top:0;z-index:1}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
tr.total td,tr.total th{font-weight:600;background:#fafafa}
.chip{display:inline-block;border-radius:3px;padding:0 5px;border:1px solid #0003;white-space:nowrap;font-size:13px}
.flag{display:inline-block;border:1px solid var(--rule);border-radius:3px;padding:0 4px;margin:1px;font-size:12px;color:#333;white-space:nowrap}
.trouble{color:#8a0000;font-weight:600}
.pages a{white-space:nowrap}td.pages,th.pages{min-width:300px;width:26%}
img.thumb{display:block;max-width:100%;height:auto;border:1px solid var(--rule);margin:3px 0;image-rendering:auto}
figure{margin:10px 0 18px}figcaption{color:var(--muted);font-size:13px}
svg text{font:12px system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;fill:#1d1d1d}
.controls{display:flex;flex-wrap:wrap;gap:10px 16px;align-items:end;margin:10px 0;padding:10px;background:#f6f7f9;border:1px solid var(--rule)}
.controls label{display:flex;flex-direction:column;font-size:13px;color:#333}
.controls input,.controls select{font:inherit;padding:3px 4px;min-width:12em}
.count{font-size:14px;color:#333}
th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;color:inherit;text-align:left}
th button::after{content:" \\2195";color:#777}
th[aria-sort=ascending] button::after{content:" \\2191"}th[aria-sort=descending] button::after{content:" \\2193"}
:focus-visible{outline:3px solid var(--focus);outline-offset:1px}
.side{display:grid;grid-template-columns:1fr 1fr;gap:10px}
.side>div{border:1px solid var(--rule);padding:6px 8px}
del{background:#ffd7d5;color:#6b0000;text-decoration:line-through}
ins{background:#cdeccf;color:#0b3d1e;text-decoration:underline}
col.w5{width:5%}col.w6{width:6%}col.w9{width:9%}col.w10{width:10%}col.w20{width:20%}col.w22{width:22%}
col.w30{width:30%}col.w35{width:35%}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px}
@media print{
 body{max-width:none;font-size:10pt;padding:0}.controls,.noprint{display:none!important}
 thead th{position:static}tr,figure,.side{break-inside:avoid}img.thumb{max-width:60%}
 a{color:inherit}h2{break-after:avoid}
}
"""

# Filters and sorting: a progressive enhancement over tables that hold every row already. Rows carry
# data-* attributes (data-theme, data-class, ...); a <select data-filter="theme"> keeps rows whose
# data-theme (a "|"-separated list) contains the chosen value; the search box matches a row's text.
SCRIPT = r"""
(function(){
  function rowsOf(t){return Array.prototype.slice.call(t.tBodies[0].rows);}
  function apply(box){
    var table=document.getElementById(box.getAttribute('data-for'));
    var q=(box.querySelector('input[type=search]')||{value:''}).value.trim().toLowerCase();
    var sels=box.querySelectorAll('select[data-filter]');
    var shown=0,rows=rowsOf(table);
    rows.forEach(function(r){
      var ok=!q||r.textContent.toLowerCase().indexOf(q)>=0;
      for(var i=0;ok&&i<sels.length;i++){
        var v=sels[i].value; if(!v)continue;
        var have=(r.getAttribute('data-'+sels[i].getAttribute('data-filter'))||'').split('|');
        ok=have.indexOf(v)>=0;
      }
      r.hidden=!ok; if(ok)shown++;
    });
    var out=box.querySelector('.count'); if(out)out.textContent=shown+' of '+rows.length+' rows shown';
  }
  function sortBy(table,th,col){
    var dir=th.getAttribute('aria-sort')==='ascending'?'descending':'ascending';
    Array.prototype.forEach.call(th.parentNode.children,function(h){h.removeAttribute('aria-sort');});
    th.setAttribute('aria-sort',dir);
    var rows=rowsOf(table),num=th.classList.contains('n');
    rows.sort(function(a,b){
      var x=a.cells[col].getAttribute('data-sort')||a.cells[col].textContent;
      var y=b.cells[col].getAttribute('data-sort')||b.cells[col].textContent;
      var c;
      if(num){x=parseFloat(x);y=parseFloat(y);x=isNaN(x)?-1e99:x;y=isNaN(y)?-1e99:y;c=x-y;}
      else{c=x.localeCompare(y,undefined,{numeric:true,sensitivity:'base'});}
      return dir==='ascending'?c:-c;
    });
    var body=table.tBodies[0]; rows.forEach(function(r){body.appendChild(r);});
  }
  document.querySelectorAll('.controls[data-for]').forEach(function(box){
    box.hidden=false;
    box.addEventListener('input',function(){apply(box);});
    box.addEventListener('change',function(){apply(box);});
    apply(box);
  });
  document.querySelectorAll('table.sortable').forEach(function(table){
    Array.prototype.forEach.call(table.tHead.rows[0].cells,function(th,col){
      var b=document.createElement('button'); b.type='button';
      while(th.firstChild)b.appendChild(th.firstChild);
      th.appendChild(b);
      b.addEventListener('click',function(){sortBy(table,th,col);});
    });
  });
})();
"""


def esc(value) -> str:
    """Text (or None) as HTML text or attribute value; newlines kept as spaces in attributes."""
    return html.escape("" if value is None else str(value), quote=True)


def esc_lines(value) -> str:
    """Text whose printed paragraphs (newline-separated) stay visible as line breaks."""
    return "<br>".join(esc(line) for line in ("" if value is None else str(value)).split("\n"))


def status_chip(status: str | None, prefix: str = "") -> str:
    if not status:
        return '<span class="muted">–</span>'
    bg, fg = STATUS_COLOURS.get(status, NO_STATUS)
    label = STATUS_LABELS.get(status, status)
    return f'<span class="chip" style="background:{bg};color:{fg}">{esc(prefix + label)}</span>'


def relative_href(target: str | Path, from_dir: str | Path) -> str:
    """A link from a report in `from_dir` to `target`, relative so the pair can be moved together."""
    rel = os.path.relpath(Path(target).resolve(), Path(from_dir).resolve())
    return "/".join(html.escape(part, quote=True).replace(" ", "%20").replace("#", "%23") for part in Path(rel).parts)


def page_link(href: str | None, page: int | None, label: str) -> str:
    if page is None:
        return ""
    if not href:
        return f"{esc(label)} p. {page}"
    return f'<a href="{href}#page={int(page)}">{esc(label)} p. {int(page)}</a>'


def thumb(uri: str | None, alt: str) -> str:
    if not uri:
        return ""
    return f'<img class="thumb" src="{uri}" alt="{esc(alt)}" loading="lazy" decoding="async">'


def stacked_bars(
    title: str, rows: Sequence[tuple[str, Sequence[tuple[str, int]]]], colours: dict[str, str], labels: dict[str, str],
    desc: str = "",
) -> str:
    """A horizontal stacked bar chart as inline SVG: one bar per row, one segment per (key, count).

    Each segment carries a <title> (hover and screen readers) and its count when wide enough; the
    legend names every key. The same figures are in a table beside every chart.
    """
    label_w, bar_w, bar_h, gap, top = 300, 640, 22, 8, 34
    total_max = max([sum(v for _, v in segs) for _, segs in rows] + [1])
    keys = [k for k in labels if any(k == key and v for _, segs in rows for key, v in segs)]
    height = top + len(rows) * (bar_h + gap) + 10
    tid = "c" + hashlib.sha1(title.encode("utf-8")).hexdigest()[:10]  # stable across runs, unlike hash()
    parts = [f'<svg role="img" aria-labelledby="{tid}" viewBox="0 0 {label_w + bar_w + 60} {height}" '
             f'width="100%" style="max-width:{label_w + bar_w + 60}px" xmlns="http://www.w3.org/2000/svg">',
             f'<title id="{tid}">{esc(title)}{(": " + esc(desc)) if desc else ""}</title>']
    x = 0.0
    for key in keys:  # legend
        parts.append(f'<rect x="{x:.0f}" y="4" width="14" height="14" fill="{colours.get(key, "#ccc")}" stroke="#333"/>'
                     f'<text x="{x + 18:.0f}" y="16">{esc(labels[key])}</text>')
        x += 26 + 7.2 * len(labels[key])
    for i, (label, segs) in enumerate(rows):
        y = top + i * (bar_h + gap)
        short = label if len(label) <= 44 else label[:43] + "…"
        parts.append(f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end">{esc(short)}</text>')
        x, total = float(label_w), 0
        for key, v in segs:
            if not v:
                continue
            w = bar_w * v / total_max
            parts.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{colours.get(key, "#ccc")}" '
                         f'stroke="#333" stroke-width="0.6"><title>{esc(label)}: {v} {esc(labels.get(key, key))}</title></rect>')
            if w >= 16:
                parts.append(f'<text x="{x + w / 2:.1f}" y="{y + 15}" text-anchor="middle">{v}</text>')
            x += w
            total += v
        parts.append(f'<text x="{x + 5:.1f}" y="{y + 15}">{total}</text>')
    parts.append("</svg>")
    return "".join(parts)


def data_table(head: Sequence[str], rows: Iterable[Sequence[str]], *, numeric_from: int = 1, total_last: bool = False,
               caption: str = "", table_id: str = "", sortable: bool = False) -> str:
    """A plain table of already-escaped cells; `head` is escaped here. Row headers use <th scope=row>."""
    rows = list(rows)
    cls = ' class="sortable"' if sortable else ""
    tid = f' id="{table_id}"' if table_id else ""
    out = [f"<table{tid}{cls}>"]
    if caption:
        out.append(f"<caption class=\"muted\">{esc(caption)}</caption>")
    out.append("<thead><tr>" + "".join(
        f'<th scope="col"{" class=n" if i >= numeric_from else ""}>{esc(h)}</th>' for i, h in enumerate(head)) + "</tr></thead><tbody>")
    for k, r in enumerate(rows):
        tr = ' class="total"' if total_last and k == len(rows) - 1 else ""
        cells = [f'<th scope="row">{r[0]}</th>'] + [
            f'<td{" class=n" if i >= numeric_from else ""}>{x}</td>' for i, x in enumerate(r[1:], start=1)]
        out.append(f"<tr{tr}>" + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def colgroup(shares: Sequence[int]) -> str:
    """Column widths as shares of the table (for `table.fixed`), as classes: the CSP keeps styles inline
    only, and <col> takes its width from a rule in CSS below."""
    return "<colgroup>" + "".join(f'<col class="w{int(s)}">' for s in shares) + "</colgroup>"


def controls(table_id: str, filters: Sequence[tuple[str, str, Sequence[tuple[str, str]]]]) -> str:
    """Search box and one <select> per (attribute, label, [(value, text)]); hidden until the script runs."""
    parts = [f'<div class="controls" data-for="{table_id}" hidden role="search">',
             f'<label>Search<input type="search" placeholder="words in any column" aria-controls="{table_id}"></label>']
    for attr, label, options in filters:
        opts = "".join(f'<option value="{esc(v)}">{esc(t)}</option>' for v, t in options)
        parts.append(f'<label>{esc(label)}<select data-filter="{esc(attr)}" aria-controls="{table_id}">'
                     f'<option value="">All</option>{opts}</select></label>')
    parts.append('<output class="count" aria-live="polite"></output></div>')
    return "".join(parts)


def _page_ends(title: str) -> tuple[str, str]:
    """The document before and after its body. The CSP allows only inline styles, `data:` images and the
    one script (by hash)."""
    script_hash = base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")
    csp = (f"default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'sha256-{script_hash}'; "
           "base-uri 'none'; form-action 'none'")
    head = ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
            '<meta name="viewport" content="width=device-width,initial-scale=1">'
            '<link rel="icon" href="data:,">'
            f"<title>{esc(title)}</title><style>{CSS}</style></head><body>"
            '<a class="skip" href="#main">Skip to the report</a><main id="main">')
    return head, f"</main><script>{SCRIPT}</script></body></html>\n"


def page(title: str, body: str) -> str:
    """The whole document."""
    head, tail = _page_ends(title)
    return head + body + tail


def page_bytes(title: str, body: Iterable[str]) -> bytes:
    """The whole document as UTF-8, from its body in pieces. Encoded piece by piece because one str of a
    long report (a 300-page plan's rows carry 6 MB of thumbnails) is copied at every join, at two or four
    bytes a character once one character is not ASCII: that was 40 MB at the peak of an extraction."""
    head, tail = _page_ends(title)
    return b"".join([head.encode("utf-8"), *(piece.encode("utf-8") for piece in body), tail.encode("utf-8")])
