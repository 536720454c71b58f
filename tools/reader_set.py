"""`python -m tools.reader_set`: the reader test set, small PDFs from several producers (issue 10).

The pdfium reader was held to pdfplumber's words on PDFs of one producer (reportlab); these files bring
what other producers do to text: ligature glyphs, automatic and hard hyphens at line ends, justified and
letter-spaced text, several fonts, rotated headings, and Word-style tables. Written to
tests/fixtures/readers/ (committed; tests/test_readers_set.py compares the two readers on them):

- reportlab: standard and TrueType fonts, text rotated 90 and 270 degrees, character spacing;
- WeasyPrint (HTML/CSS, through Pango/HarfBuzz): ligatures on, `hyphens: auto`, justified text, serif,
  sans and monospace fonts, vertical headings; and an action plan in two versions (`weasyprint-plan-v1`,
  `-v2`) with ligatures and hyphenated line ends in its action and measures cells, for the end-to-end
  test (tests/test_readers_set.py);
- LibreOffice (headless `soffice`, Debian's libreoffice-writer) converting DOCX files that python-docx
  writes with Word-style tables: merged cells, shading, repeated header rows, hyphenated words at line
  ends (automatic hyphenation on).

Everything is deterministic apart from the producers' own timestamps. Needs `soffice` on PATH
(`apt-get install libreoffice-writer-nogui` or `libreoffice-writer`); the LibreOffice files are skipped
with a message without it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "readers"

PROSE = (
    "The council will recruit a Participation Officer to improve the effectiveness of the offer to "
    "families, with specific and official figures that affirm efficient staffing. Co-ordinating "
    "multi-agency safeguarding arrangements, the service will strengthen self-harm pathways, reflect "
    "on findings of the fifth inspection, and fulfil its statutory duties effectively. Officers will "
    "offer first-floor office hours; the affluent and the deprived wards both benefit from flexible "
    "staffing and a shuffled rota."
)

# --------------------------------------------------------------------------------------------------
# reportlab


def reportlab_pdf(path: Path) -> None:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVuSerif", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"))
    c = canvas.Canvas(str(path), pagesize=landscape(A4), invariant=1)
    w, h = landscape(A4)
    y = h - 60
    for font, size in (("Helvetica", 10), ("Times-Roman", 11), ("Courier", 9), ("DejaVuSerif", 10)):
        c.setFont(font, size)
        for line in _wrap(PROSE, 110 if font != "Courier" else 95):
            c.drawString(50, y, line)
            y -= size * 1.3
        y -= 8
    # Letter-spaced text (Tc), as slide exports and designers' templates set headings.
    t = c.beginText(50, y - 10)
    t.setFont("Helvetica-Bold", 12)
    t.setCharSpace(1.2)
    t.textLine("Letter spaced heading: commissioned services and staffing")
    c.drawText(t)
    # Rotated column headings, as risk registers set them.
    for i, (word, angle) in enumerate((("Reference", 90), ("Likelihood", 90), ("Impact", 270), ("Score", 270))):
        c.saveState()
        c.translate(600 + i * 40, 120)
        c.rotate(angle)
        c.setFont("Helvetica", 10)
        c.drawString(0, 0, word)
        c.restoreState()
    c.showPage()
    c.save()


def _wrap(text: str, width: int) -> list[str]:
    lines, cur = [], ""
    for word in text.split():
        if cur and len(cur) + 1 + len(word) > width:
            lines.append(cur)
            cur = word
        else:
            cur = f"{cur} {word}" if cur else word
    return lines + [cur]


# --------------------------------------------------------------------------------------------------
# WeasyPrint

CSS = """
@page { size: A4 landscape; margin: 1.5cm }
body { font-size: 10pt; line-height: 1.3; font-variant-ligatures: common-ligatures; }
p { text-align: justify; hyphens: auto; }
.serif { font-family: 'DejaVu Serif'; } .sans { font-family: 'Liberation Sans'; }
.mono { font-family: 'DejaVu Sans Mono'; } .lserif { font-family: 'Liberation Serif'; }
.cols { column-count: 3; column-gap: 1cm; }
.spaced { letter-spacing: 0.12em; font-family: 'Liberation Sans'; font-weight: bold; }
table { border-collapse: collapse; font-family: 'Liberation Sans'; }
td, th { border: 0.6pt solid #444; padding: 3pt; vertical-align: top; }
th.v { writing-mode: vertical-rl; transform: rotate(180deg); height: 2.2cm; }
"""


def weasy_prose_html() -> str:
    paras = "".join(f'<p class="{cls}">{PROSE}</p>' for cls in ("serif", "sans", "lserif", "mono"))
    heads = "".join(f'<th class="v">{w}</th>' for w in ("Reference", "Likelihood", "Impact", "Score"))
    rows = "".join(f"<tr><td>R{i}</td><td>{i % 5 + 1}</td><td>{i % 3 + 2}</td><td>{(i % 5 + 1) * (i % 3 + 2)}</td></tr>" for i in range(1, 5))
    return (f'<html lang="en"><head><style>{CSS}</style></head><body>'
            f'<div class="cols">{paras}</div><p class="spaced">Commissioned services: officer affirmations</p>'
            f"<table><tr>{heads}</tr>{rows}</table></body></html>")


# The end-to-end plan: every action and measures cell holds ligatures, and the narrow columns put hard
# hyphens ("co-ordinating", "self-harm") and automatic ones at line ends.
PLAN_ROWS = [
    ("1.1", "Recruit a Participation Officer to co-ordinate the offer to young people",
     "Effectiveness of the offer is evidenced in official feedback", "Head of Service", "March 2024", "Green"),
    ("1.2", "Review specific self-harm pathways with the affiliated multi-agency staff",
     "Fewer first-time referrals; staff feel confident in difficult conversations", "Principal Social Worker",
     "June 2024", "Amber"),
    ("1.3", "Co-ordinating officers will offer efficient, flexible and effective supervision",
     "Supervision records show reflective, specific and timely offers of support", "Team Manager",
     "September 2024", "Red"),
    ("2.1", "Strengthen the Front Door so that affluent and deprived wards get the same first response",
     "Audits affirm that thresholds are applied fairly and efficiently", "Service Manager", "December 2024",
     "Green"),
]
# Version 2: action 1.2 slips (its deadline moves), 2.2 is new; both are listed in the diff report.
PLAN_V2_CHANGES = {"1.2": ("Review specific self-harm pathways with the affiliated multi-agency staff", "December 2024")}
PLAN_V2_NEW = [("2.2", "Offer co-ordinated first-response training to officers in the affluent and deprived wards",
                "Staff confidence in difficult conversations is reflected in official audits", "Service Manager",
                "March 2025", "Amber")]


def plan_rows(version: int) -> list[tuple[str, str, str, str, str, str]]:
    """The rows of the plan's version 1 or 2: (ref, action, measures, lead, timescale, RAG)."""
    rows = []
    for ref, action, measures, lead, when, rag in PLAN_ROWS:
        if version == 2 and ref in PLAN_V2_CHANGES:
            action, when = PLAN_V2_CHANGES[ref]
        rows.append((ref, action, measures, lead, when, rag))
    return rows + (PLAN_V2_NEW if version == 2 else [])


def weasy_plan_html(version: int) -> str:
    rows = []
    for ref, action, measures, lead, when, rag in plan_rows(version):
        rows.append(f"<tr><td>{ref}</td><td>{action}</td><td>{measures}</td><td>{lead}</td><td>{when}</td><td>{rag}</td></tr>")
    css = CSS + """
    table.plan { width: 100%; font-family: 'DejaVu Serif'; font-size: 11pt; }
    table.plan td:nth-child(2), table.plan td:nth-child(3) { width: 4.2cm; hyphens: manual; text-align: justify; }
    """
    head = "".join(f"<th>{h}</th>" for h in ("Ref", "Action", "How we will know it has worked", "Lead Officer",
                                            "Timescale", "RAG Status"))
    return (f'<html lang="en"><head><style>{css}</style></head><body><h1>Improvement Plan (version {version})</h1>'
            f'<table class="plan"><tr>{head}</tr>{"".join(rows)}</table></body></html>')


def weasy_pdf(html: str, path: Path) -> None:
    import weasyprint

    weasyprint.HTML(string=html).write_pdf(str(path))


# --------------------------------------------------------------------------------------------------
# python-docx -> LibreOffice


def _shade(cell, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def _repeat_header(row) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(el)


def _auto_hyphenation(doc) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    el = OxmlElement("w:autoHyphenation")
    el.set(qn("w:val"), "true")
    doc.settings.element.append(el)


def docx_plan(path: Path, font: str) -> None:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    d = docx.Document()
    _auto_hyphenation(d)
    sec = d.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
    style = d.styles["Normal"]
    style.font.name = font
    style.font.size = Pt(10)
    d.add_heading("Children's Services Improvement Plan", level=1)
    p = d.add_paragraph(PROSE)
    p.paragraph_format.alignment = 3  # justified
    heads = ["Ref", "Action", "How we will know it has worked", "Lead Officer", "Timescale", "RAG Status"]
    t = d.add_table(rows=1, cols=len(heads))
    t.style = "Table Grid"
    for cell, h in zip(t.rows[0].cells, heads):
        cell.text = h
        _shade(cell, "D9E2F3")
    _repeat_header(t.rows[0])
    rag_fill = {"Green": "00B050", "Amber": "FFC000", "Red": "FF0000"}
    for n in range(3):  # enough rows to run onto a second page and repeat the header
        for ref, action, measures, lead, when, rag in PLAN_ROWS:
            cells = t.add_row().cells
            for cell, v in zip(cells, (f"{n + 1}.{ref}", f"{action}. {PROSE[:160]}", measures, lead, when, rag)):
                cell.text = v
            _shade(cells[5], rag_fill[rag])
    # Merged cells: a lead officer shared by two rows, a banner across the table.
    rows = t.rows
    rows[1].cells[3].merge(rows[2].cells[3])
    banner = t.add_row().cells
    banner[0].merge(banner[-1]).text = "Priority 2 - Multi-agency safeguarding arrangements"
    widths = (Cm(1.5), Cm(7.0), Cm(6.0), Cm(4.0), Cm(3.0), Cm(2.5))
    for row in t.rows:
        for cell, wdt in zip(row.cells, widths):
            cell.width = wdt
    d.save(str(path))


def soffice_convert(docx_path: Path, out_dir: Path) -> Path:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        raise FileNotFoundError("soffice (LibreOffice) is not installed: apt-get install libreoffice-writer-nogui")
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, HOME=home)
        subprocess.run([exe, "--headless", f"-env:UserInstallation=file://{home}/lo", "--convert-to", "pdf",
                        "--outdir", str(out_dir), str(docx_path)], check=True, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
    return out_dir / (docx_path.stem + ".pdf")


# --------------------------------------------------------------------------------------------------


def build(out: Path = OUT) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    made = []
    reportlab_pdf(out / "reportlab-fonts.pdf")
    made.append(out / "reportlab-fonts.pdf")
    weasy_pdf(weasy_prose_html(), out / "weasyprint-prose.pdf")
    made.append(out / "weasyprint-prose.pdf")
    for v in (1, 2):
        weasy_pdf(weasy_plan_html(v), out / f"weasyprint-plan-v{v}.pdf")
        made.append(out / f"weasyprint-plan-v{v}.pdf")
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for font in ("Liberation Serif", "Liberation Sans"):
                stem = "libreoffice-" + font.split()[-1].lower()
                src = Path(tmp) / f"{stem}.docx"
                docx_plan(src, font)
                pdf = soffice_convert(src, Path(tmp))
                shutil.copyfile(pdf, out / f"{stem}.pdf")
                made.append(out / f"{stem}.pdf")
    except FileNotFoundError as exc:
        print(f"skipped the LibreOffice files: {exc}", file=sys.stderr)
    return made


def main() -> int:
    for p in build():
        print(f"{p.relative_to(ROOT)}: {p.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
