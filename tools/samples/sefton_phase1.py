"""Sefton's Children's Improvement Plan – Phase 1, rebuilt as a PDF from the published text.

The original (a 36-page landscape A4 Word export) is not available offline. This module rebuilds it from
the cell-by-cell ground truth in data/reference/sefton-phase1-plan.json and the foreword text of the
published document, in the original's order: foreword, "The Four Themes of Improvement", the RAG legend,
one table per priority (banner, aim, header row repeated on every page, merged cells exactly where the
ground truth says), appendices A–C. Two looks are provided: ``FAITHFUL`` (the committed input
data/raw/sefton-phase1-2022.pdf) and ``ALTERNATIVE`` (a test fixture: no vertical rules, header on the
first page only, no fills, Times).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from tools.samples.render import (
    Column,
    Document,
    Margins,
    Metadata,
    PageBreak,
    Row,
    Section,
    Spacer,
    Table,
    TableLayout,
    Text,
)

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "data" / "reference" / "sefton-phase1-plan.json"
OUTPUT = ROOT / "data" / "raw" / "sefton-phase1-2022.pdf"
ALT_OUTPUT = ROOT / "tests" / "fixtures" / "sefton-phase1-alt.pdf"

NOTICE = "Reconstruction from the published text by planpipe — not Sefton Council's file"
FOOTER_TITLE = "Children’s Improvement Plan – Phase 1"

FOREWORD_TITLE = "Foreword"
FOREWORD_SUBTITLE = "Working together to improve services for children, young people and their families"
FOREWORD = (
    'Welcome to our Improvement Plan.',
    'We recognise the change needed to improve outcomes for vulnerable children and young people in '
    'Sefton. We know that we cannot deliver sustainable change without working together with our '
    'wider partners across Sefton. Organisations from the public sector, schools, voluntary, '
    'community and private sector will need to work side by side to provide the support that our '
    'children and young people and their families need. It is our collective responsibility to ensure'
    ' we create the right conditions for vulnerable children and young people to thrive.',
    'We also know that there is a lot to do and so we are taking a phased approach to our improvement'
    ' journey. Phase 1 will focus on getting the conditions right to facilitate improvement and lay '
    'down the foundations for continuous improvement in practice, embed a strong Corporate Parenting '
    'ethos and most importantly value the voices of children, young people and our workforce in the '
    'development and delivery of future plans.',
    'Given the breadth and depth of the change required four main themes for improvement have been '
    'identified, Improving Quality, Improving the Implementation of Learning, Improving Tools and '
    'Improving Strategic Partnerships. The partnership Improvement Board will oversee the delivery of'
    ' the Improvement Plan. Progress will be monitored to make sure that practice meets the ‘good’ '
    'standard set out by the Ofsted framework, that this improvement is sustained and has a positive '
    'impact on the life chances of children and young people.',
    'The Lead Members for Children’s Services will lead key decisions and the Overview and Scrutiny '
    '(Children’s Services and Safeguarding) Committee will provide ongoing oversight and challenge.',
    'Performance management and audit arrangements will ensure that quantitative and qualitative '
    'information is available to measure the progress that we are making in improving our child '
    'protection arrangements and will inform further action. The plan identifies specific areas of '
    'improvement, such as Child exploitation, which will have individual and more detailed action '
    'plans which will be brought to the Improvement Board on occasion to track progress.',
)

HOW_WE_PLAN = "How we plan to improve this area of significant weakness"
# Remarks printed after the "How we plan..." line, by priority (see the ground truth's notes).
HOW_WE_PLAN_REMARK = {2: " - Please note that these actions should be considered with 1.2 above"}
# Outcome refs printed differently from the stored ref (the ground truth stores them without the dot).
PRINTED_OUTCOME_REF = {"2.2": "2.2."}

# RAG legend palette, by legend order (1 = complete ... 6 = business as usual). The original's shades are
# unknown; these are Office colours that schemas/status_vocabulary.json also lists for the same statuses.
PALETTE: dict[int, str] = {
    1: "#5b9bd5",  # Action complete: blue
    2: "#92d050",  # not yet completed, but on track: green
    3: "#ffc000",  # some issues, plans to recover: amber
    4: "#ff0000",  # not on track: red
    5: "#a6a6a6",  # longer-term, not yet started: grey
    6: "#7030a0",  # Business As Usual Activity: purple
}
# Wording variants seen in the table -> legend order. Matched on the lower-cased start of the wording.
RAG_PREFIXES: tuple[tuple[str, int], ...] = (
    ("action complete", 1),
    ("action not yet completed, but on track", 2),
    ("actions not yet completed, but on track", 2),
    ("activity progressing, some issues", 3),
    ("action not on track", 4),
    ("longer-term action not yet started", 5),
    ("business as usual activity", 6),
)

ACTION_FIELDS = (
    "outcome", "objective_ref", "objective", "action", "measures",
    "lead_officer", "rag", "milestone", "detailed_action_plan",
)
ACTION_HEADERS = {
    "outcome": "The Outcomes We Are\nAiming For",
    "objective_ref": "Action\nRef",
    "objective": "Objective",
    "action": "The Actions We Are Taking",
    "measures": "How we will know it has worked",
    "lead_officer": "Responsible\nLead Officer",
    "rag": "Rag Rating",
    "milestone": "Milestones",
    "detailed_action_plan": "Detailed Action\nPlan",
}
APPENDIX_HEADERS = ("Ofsted Improvement Measures", "Objective & Actions that seek to address measure:")
APPENDIX_B_SUBHEADING = "What needs to improve in this area of social work practice"
APPENDIX_B_SUBHEADING_BEFORE = 3  # the sub-heading row sits before Appendix B's last three measures


@dataclass(frozen=True)
class Look:
    """Everything that differs between the two renderings of the same content."""

    base: TableLayout  # page geometry, fonts, rules, header repeat, rag style, footer
    action_widths: tuple[float, ...]  # in ACTION_FIELDS order
    appendix_widths: tuple[float, float]
    legend_widths: tuple[float, float]
    fills: bool  # RAG fills in cells and legend
    title_size: float


class UnknownRagWordingError(ValueError):
    pass


@lru_cache(maxsize=None)
def load_plan(path: Path = REFERENCE) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def legend_order(wording: str) -> int:
    """The legend entry an action's RAG wording belongs to ("Action Complete" -> 1, ...)."""
    text = " ".join(wording.split()).lower()
    for prefix, order in RAG_PREFIXES:
        if text.startswith(prefix):
            return order
    raise UnknownRagWordingError(f"RAG wording {wording!r} matches no legend entry; add it to RAG_PREFIXES")


# --- page furniture -------------------------------------------------------------------------------------
def footer(canvas: Canvas, page: int, layout: TableLayout) -> None:
    size = 8.0
    y = layout.margins.bottom / 2
    canvas.setFillColorRGB(0, 0, 0)
    canvas.setFont(layout.font, size)
    canvas.drawString(layout.margins.left, y, FOOTER_TITLE)
    label = f"PAGE {page}"
    right = layout.page_width - layout.margins.right
    canvas.drawString(right - stringWidth(label, layout.font, size), y, label)
    if page == 1:
        canvas.setFont(layout.font, 6.5)
        canvas.setFillColorRGB(0.35, 0.35, 0.35)
        canvas.drawCentredString(layout.page_width / 2, y, NOTICE)


FAITHFUL = Look(
    base=TableLayout(
        orientation="landscape",
        margins=Margins(left=30, right=30, top=30, bottom=34),
        font="Helvetica",
        font_bold="Helvetica-Bold",
        font_size=9.0,
        header_font_size=8.5,
        banner_font_size=13.0,
        leading_ratio=1.25,
        vertical_rules=True,
        horizontal_rules=True,
        header_repeat="every_page",
        rag_style="fill_and_wording",
        header_fill="#d9e2f3",
        cell_padding=4.0,
        paragraph_gap=8.0,
        footer=footer,
    ),
    action_widths=(100, 36, 90, 112, 151, 70, 74, 66, 82),
    appendix_widths=(610, 171),
    legend_widths=(90, 480),
    fills=True,
    title_size=16.0,
)

ALTERNATIVE = Look(
    base=TableLayout(
        orientation="landscape",
        margins=Margins(left=40, right=40, top=40, bottom=40),
        font="Times-Roman",
        font_bold="Times-Bold",
        font_size=9.0,
        header_font_size=9.5,
        banner_font_size=14.0,
        vertical_rules=False,
        horizontal_rules=True,
        header_repeat="first_page",
        rag_style="wording_only",
        header_fill=None,
        cell_padding=2.5,
        paragraph_gap=6.0,
        footer=footer,
    ),
    action_widths=(88, 36, 100, 130, 148, 80, 64, 50, 65),
    appendix_widths=(560, 201),
    legend_widths=(80, 380),
    fills=False,
    title_size=15.0,
)


# --- content ----------------------------------------------------------------------------------------------
def front_matter(plan: dict, look: Look) -> list:
    base = look.base
    blocks: list = [
        Text(FOREWORD_TITLE, size=look.title_size, bold=True, space_after=8),
        Text(FOREWORD_SUBTITLE, size=base.font_size + 3, bold=True, space_after=10),
    ]
    blocks += [Text(p, size=base.font_size + 2, space_after=8) for p in FOREWORD]
    blocks += [PageBreak(), Text("The Four Themes of Improvement", size=look.title_size, bold=True, space_after=14)]
    themes = plan["themes"]
    width = base.text_width / len(themes)
    themes_layout = replace(
        base,
        columns=tuple(
            Column(f"theme{t['priority']}", f"{t['priority']}. {t['title']}", width) for t in themes
        ),
        vertical_rules=False,
        horizontal_rules=False,
        header_fill=None,
        header_font_size=base.font_size + 4,
        font_size=base.font_size + 2,
        cell_padding=6.0,
        paragraph_gap=9.0,
    )
    cells = {
        f"theme{t['priority']}": [t["theme_summary"]] + [f"{a['ref']} {a['title']}" for a in t["areas"]]
        for t in themes
    }
    blocks.append(Table(themes_layout, (Row(cells, key="themes"),), key="themes"))
    blocks.append(PageBreak())
    legend_layout = replace(
        base,
        columns=(Column("swatch", "RAG Rating", look.legend_widths[0]),
                 Column("status", "Progress Status", look.legend_widths[1])),
        rag_field="swatch",
        rag_style="fill_only",
        font_size=base.font_size + 2,
        header_font_size=base.font_size + 2,
        cell_padding=7.0,
    )
    legend_rows = tuple(
        Row({"status": entry["wording"]}, rag_fill=PALETTE[entry["order"]] if look.fills else None,
            key=("legend", entry["order"]))
        for entry in sorted(plan["rag_legend"], key=lambda e: e["order"])
    )
    blocks.append(Table(legend_layout, legend_rows, key="rag_legend"))
    return blocks


def action_cells(action: dict) -> dict:
    outcome = action["outcome"]
    if outcome is not None and action["outcome_ref"]:
        ref = PRINTED_OUTCOME_REF.get(action["outcome_ref"], action["outcome_ref"])
        outcome = f"{ref} {outcome}"
    return {
        "outcome": outcome,
        "objective_ref": action["objective_ref"],
        "objective": action["objective"],
        "action": action["action"],
        "measures": action["measures"],
        "lead_officer": action["lead_officer"],
        "rag": action["rag"],
        "milestone": action["milestone"],
        "detailed_action_plan": action["detailed_action_plan"],
    }


def merged_fields(action: dict) -> tuple[str, ...]:
    merged = list(action["merged_from_above"])
    if "objective" in merged:
        merged.append("objective_ref")  # the Action Ref cell is merged together with its objective
    return tuple(merged)


def action_rows(plan: dict, look: Look) -> tuple:
    themes = {t["priority"]: t for t in plan["themes"]}
    items: list = []
    priority = None
    for action in plan["actions"]:
        if action["priority"] != priority:
            priority = action["priority"]
            theme = themes[priority]
            items.append(Section(
                (
                    theme["heading"],
                    f"Our overall aim for this priority area: {theme['aim']}",
                    HOW_WE_PLAN + HOW_WE_PLAN_REMARK.get(priority, ""),
                ),
                new_page=True,
                key=("priority", priority),
            ))
        fill = PALETTE[legend_order(action["rag"])] if look.fills and action["rag"] else None
        items.append(Row(action_cells(action), merged_fields(action), rag_fill=fill, key=action["seq"]))
    return tuple(items)


def action_layout(look: Look) -> TableLayout:
    columns = tuple(
        Column(f, ACTION_HEADERS[f], w) for f, w in zip(ACTION_FIELDS, look.action_widths, strict=True)
    )
    return replace(look.base, columns=columns, rag_field="rag", section_style="banner")


def appendices(plan: dict, look: Look) -> list:
    layout = replace(
        look.base,
        columns=(Column("measure", APPENDIX_HEADERS[0], look.appendix_widths[0]),
                 Column("refs", APPENDIX_HEADERS[1], look.appendix_widths[1])),
        section_style="section_row",
        font_size=look.base.font_size + 1,
    )
    blocks: list = []
    by_appendix: dict[str, list[dict]] = {}
    for m in plan["ofsted_measures"]:
        by_appendix.setdefault(m["appendix"], []).append(m)
    for letter, measures in by_appendix.items():
        if letter != "C":  # Appendix C follows B on the same page, as in the original
            blocks.append(PageBreak())
        else:
            blocks.append(Spacer(18))
        blocks.append(Text(f"Appendix {letter}:", size=look.base.banner_font_size, bold=True, space_after=4))
        blocks.append(Text(measures[0]["source"], size=look.base.font_size + 2, space_after=10))
        rows: list = []
        for i, m in enumerate(measures):
            if letter == "B" and i == len(measures) - APPENDIX_B_SUBHEADING_BEFORE:
                rows.append(Section((APPENDIX_B_SUBHEADING,), key=("appendix", letter, "subheading")))
            rows.append(Row({"measure": m["measure"], "refs": m["refs_raw"]}, key=("appendix", letter, i)))
        blocks.append(Table(layout, tuple(rows), key=f"appendix_{letter}"))
    return blocks


def document(look: Look = FAITHFUL, plan: dict | None = None) -> Document:
    plan = plan if plan is not None else load_plan()
    title = plan["plan"]["title"]
    blocks = front_matter(plan, look)
    blocks.append(Table(action_layout(look), action_rows(plan, look), key="actions"))
    blocks += appendices(plan, look)
    return Document(
        layout=look.base,
        blocks=tuple(blocks),
        metadata=Metadata(
            title=title,
            author=f"{plan['plan']['council']} (text); planpipe (reconstruction)",
            subject=NOTICE,
            keywords=f"Sefton; children's services; improvement plan; Phase 1; {NOTICE}",
            creator="planpipe pipeline.samples.sefton_phase1",
        ),
    )
