"""Constructed publications in other councils' layouts, each with its answer key.

planpipe must find its way in PDFs it has never seen. These fixtures put the Phase 1 ground truth
(data/reference/sefton-phase1-plan.json) into layouts seen in other English improvement plans: a
portrait progress tracker with section rows across the table, an unruled landscape plan whose last
cell holds both the date and the rating, a simple portrait plan with named officers and percentages,
and a plan whose status is only a coloured cell explained by a legend. Each layout takes a seeded
subset of the actions and rewrites what its councils print differently (dates, statuses, leads),
so the answer key holds exactly what is printed.

    build(name)  -> Built (the Document and the answer-key rows before pagination)
    render_layout(name) -> (RenderResult, key): the key rows carry the pages they were drawn on
    write_all(out_dir)  -> writes tests/fixtures/layout-<name>.pdf and layout-<name>.key.json

The PDFs say they are constructed (title page line, footer, Subject and Keywords metadata). Every
choice is seeded by the layout's name, so a fresh render is byte-identical.
"""

from __future__ import annotations

import calendar
import json
import random
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from tools.samples import render as r
from tools.samples.sefton_phase1 import legend_order, load_plan

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"

NOTICE = "Constructed layout fixture by planpipe from the Sefton Phase 1 text — not a council's file"

# The answer key's fields: the canonical names of tools/scoring.py, null where the layout has no column.
KEY_FIELDS = (
    "theme_ref", "theme", "outcome_ref", "outcome", "objective_ref", "objective", "action_ref", "action",
    "measures", "lead_officer_raw", "rag_raw", "milestone_raw", "detailed_action_plan", "key_area",
)

# Sefton's status, by legend order: 1 complete, 2 on track, 3 some issues, 4 not on track,
# 5 longer-term not started, 6 business as usual.
COMPLETE, ON_TRACK, SOME_ISSUES, OFF_TRACK, NOT_STARTED, BAU = 1, 2, 3, 4, 5, 6

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTH_ABBR = {i: calendar.month_abbr[i] for i in range(1, 13)}

FIRST_NAMES = (
    "Jane", "Mark", "Aisha", "David", "Claire", "Tom", "Priya", "Gareth", "Helen", "Sam", "Nadia", "Paul",
    "Ruth", "Imran", "Karen", "Lewis", "Fiona", "Owen", "Grace", "Martin", "Sian", "Joe", "Leanne", "Ravi",
)
SURNAMES = (
    "Smith", "Brennan", "Khan", "Owens", "Hughes", "Patel", "Doyle", "McCarthy", "Roberts", "Ellis",
    "Walsh", "Ahmed", "Turner", "Lloyd", "Fletcher", "Shaw", "Begum", "Kelly", "Moran", "Price",
)
NEXT_ACTIONS = (
    "Report progress to the Improvement Board",
    "Review at the next performance clinic",
    "Agree funding with the Cabinet Member",
    "Audit a sample of cases",
    "Present findings to the Leadership Team",
    "Consult staff and partners",
    "Draft the procedure for sign-off",
    "Evaluate impact after three months",
)


@dataclass(frozen=True)
class Built:
    name: str
    document: r.Document
    key: list[dict]  # answer-key rows in document order; "seq" equals the Row key
    fields: tuple[str, ...]  # the key fields this layout prints (the others are null)


# --- shared helpers -----------------------------------------------------------------------------------
def subset(plan: dict, name: str, k: int) -> list[dict]:
    """A seeded sample of k actions, in document order."""
    rng = random.Random(f"layout-{name}-subset")
    return sorted(rng.sample(plan["actions"], k), key=lambda a: a["seq"])


def month_year(text: str | None) -> tuple[int, int, str] | None:
    """'September 2022 onwards' -> (9, 2022, ' onwards'); None for 'Ongoing' and other undated text."""
    m = re.match(r"^\s*([A-Za-z]+)\s+(\d{4})(.*)$", text or "")
    if not m or m.group(1).lower() not in MONTHS:
        return None
    return MONTHS[m.group(1).lower()], int(m.group(2)), m.group(3)


def theme_title(theme: dict) -> str:
    return re.sub(r"^Priority\s+\d+\s*[\u2013\-:]\s*", "", theme["heading"])


def empty_key(seq: int) -> dict:
    return {"seq": seq, **{f: ([] if f == "measures" else None) for f in KEY_FIELDS}}


def footer_for(title: str) -> Callable[[Canvas, int, r.TableLayout], None]:
    def footer(canvas: Canvas, page: int, layout: r.TableLayout) -> None:
        size = 7.0
        y = layout.margins.bottom / 2
        canvas.setFillColorRGB(0, 0, 0)
        canvas.setFont(layout.font, size)
        canvas.drawString(layout.margins.left, y, title)
        label = f"Page {page}"
        right = layout.page_width - layout.margins.right
        canvas.drawString(right - stringWidth(label, layout.font, size), y, label)
        if page == 1:
            canvas.setFont(layout.font, 6.0)
            canvas.setFillColorRGB(0.35, 0.35, 0.35)
            canvas.drawCentredString(layout.page_width / 2, layout.margins.bottom / 2 - 9, NOTICE)

    return footer


def metadata(name: str, title: str) -> r.Metadata:
    return r.Metadata(
        title=title,
        author="planpipe (constructed fixture)",
        subject=f"Constructed test fixture layout-{name}: {NOTICE}",
        keywords=f"constructed; test fixture; layout-{name}; {NOTICE}",
        creator="planpipe pipeline.samples.layouts",
    )


def merges(rows: list[dict], fields: tuple[str, ...], group: str = "theme_ref") -> list[tuple[str, ...]]:
    """Per row, the fields whose cell merges with the row above (same value, same group)."""
    out: list[tuple[str, ...]] = []
    for i, row in enumerate(rows):
        prev = rows[i - 1] if i else None
        out.append(tuple(
            f for f in fields
            if prev is not None and prev.get(group) == row.get(group) and row.get(f) and prev.get(f) == row.get(f)
        ))
    return out


def title_blocks(title: str, subtitle: str, intro: str, size: float = 9.0) -> list:
    return [
        r.Text(title, size=16.0, bold=True, space_after=6),
        r.Text(subtitle, size=size + 2, bold=True, space_after=6),
        r.Text(intro, size=size, space_after=4),
        r.Text("This document is a constructed test fixture, not a council's publication.", size=size - 1,
               space_after=10),
    ]


# --- tracker: portrait progress tracker, section rows across the table ----------------------------------
TRACKER_STATUS = {
    COMPLETE: ("COMPLETED", None),
    ON_TRACK: ("Green", "#92d050"),
    SOME_ISSUES: ("Amber", "#ffc000"),
    OFF_TRACK: ("Red", "#ff0000"),
    NOT_STARTED: ("Amber", "#ffc000"),
    BAU: ("Green", "#92d050"),
}


def tracker_date(milestone: str | None, rng: random.Random) -> str | None:
    """Six years earlier, as 'Dec 2016' or '9.12.16'."""
    parsed = month_year(milestone)
    if parsed is None:
        return milestone
    month, year, rest = parsed
    year -= 6
    if rng.random() < 0.5:
        text = f"{MONTH_ABBR[month]} {year}"
    else:
        day = rng.randint(1, calendar.monthrange(year, month)[1])
        text = f"{day}.{month}.{year % 100:02d}"
    return text + rest


def build_tracker(plan: dict) -> Built:
    name = "tracker"
    rng = random.Random(f"layout-{name}")
    themes = {t["priority"]: t for t in plan["themes"]}
    actions = subset(plan, name, 45)
    key: list[dict] = []
    cells: list[dict] = []
    counters: dict[int, int] = {}
    for seq, a in enumerate(actions, start=1):
        counters[a["priority"]] = counters.get(a["priority"], 0) + 1
        status, fill = TRACKER_STATUS[legend_order(a["rag"])]
        k = empty_key(seq)
        k.update(
            theme_ref=str(a["priority"]),
            theme=theme_title(themes[a["priority"]]),
            action_ref=f"{a['priority']}.{counters[a['priority']]}",
            action=a["action"],
            measures=list(a["measures"]),
            lead_officer_raw=a["lead_officer"],
            rag_raw=status,
            milestone_raw=tracker_date(a["milestone"], rng),
            outcome=a["outcome"],
        )
        key.append(k)
        how = f"Through the {a['detailed_action_plan']}" if a["detailed_action_plan"] else None
        cells.append({**k, "how": how, "_fill": fill})
    merged = merges(key, ("outcome",))
    layout = r.TableLayout(
        columns=(
            r.Column("action_ref", "NOS", 26),
            r.Column("action", "What?", 112),
            r.Column("lead_officer_raw", "Who?", 64),
            r.Column("how", "How?", 66),
            r.Column("milestone_raw", "When?", 42),
            r.Column("measures", "Success measures", 97),
            r.Column("rag_raw", "Current Status", 54),
            r.Column("outcome", "Outcome", 62),
        ),
        orientation="portrait",
        margins=r.Margins(36, 36, 36, 40),
        font_size=7.5,
        header_font_size=7.5,
        rag_field="rag_raw",
        rag_style="fill_and_wording",
        section_style="section_row",
        section_rows_span=True,
        section_fill="#bdd7ee",
        header_fill="#d9d9d9",
        header_repeat="every_page",
        cell_padding=3.0,
        paragraph_gap=4.0,
    )
    items: list = []
    theme = None
    for c, m in zip(cells, merged):
        if c["theme_ref"] != theme:
            theme = c["theme_ref"]
            items.append(r.Section((f"Theme {theme}: {c['theme']}",), key=("theme", theme)))
        items.append(r.Row({f: c.get(f) for f in (col.field for col in layout.columns)}, m,
                           rag_fill=c["_fill"], key=c["seq"]))
    title = "Children’s Services Improvement Plan – Progress Tracker"
    doc_layout = replace(layout, footer=footer_for(title))
    blocks = title_blocks(
        title, "Position at 9 December 2016",
        "The tracker records progress against each action of the improvement plan. Status: COMPLETED, or "
        "Green (on track), Amber (some slippage), Red (not on track).", 8.5,
    )
    blocks.append(r.Table(layout, tuple(items), key="actions"))
    return Built(name, r.Document(doc_layout, tuple(blocks), metadata(name, title)), key,
                 ("theme_ref", "theme", "action_ref", "action", "lead_officer_raw", "milestone_raw", "measures",
                  "rag_raw", "outcome"))


# --- workstream: unruled landscape, date and rating in one cell, header once per table --------------------
WORKSTREAM_RATING = {
    COMPLETE: "Complete", ON_TRACK: "Green", SOME_ISSUES: "Amber", OFF_TRACK: "Red",
    NOT_STARTED: "Not started", BAU: "Green",
}


def financial_quarter(milestone: str | None) -> str | None:
    """A year later, as the financial-year quarter: 'September 2022' -> 'Q2 2023/24'."""
    parsed = month_year(milestone)
    if parsed is None:
        return milestone
    month, year, rest = parsed
    year += 1
    start = year if month >= 4 else year - 1
    quarter = (month - 4) % 12 // 3 + 1
    return f"Q{quarter} {start}/{(start + 1) % 100:02d}{rest}"


def build_workstream(plan: dict) -> Built:
    name = "workstream"
    themes = {t["priority"]: t for t in plan["themes"]}
    areas = {area["ref"]: area["title"] for t in plan["themes"] for area in t["areas"]}
    actions = subset(plan, name, 40)
    key: list[dict] = []
    items: list = []
    counters: dict[int, int] = {}
    layout = r.TableLayout(
        columns=(
            r.Column("action_ref", "Action Ref.", 42),
            r.Column("action", "The actions we are taking", 150),
            r.Column("objective", "Why we are doing this", 130),
            r.Column("outcome", "Impact we will have", 160),
            r.Column("key_area", "The workstream that will deliver this", 84),
            r.Column("lead_officer_raw", "Responsible lead", 92),
            r.Column("date_and_rating", "Action Completion date and progress rating", 88),
        ),
        orientation="landscape",
        margins=r.Margins(36, 36, 36, 40),
        font="Helvetica",
        font_size=8.0,
        header_font_size=8.0,
        banner_font_size=12.0,
        vertical_rules=False,
        horizontal_rules=False,
        header_fill=None,
        header_repeat="first_page",
        section_style="banner",
        cell_padding=4.0,
        paragraph_gap=5.0,
    )
    theme = None
    for seq, a in enumerate(actions, start=1):
        p = a["priority"]
        counters[p] = counters.get(p, 0) + 1
        if p != theme:
            theme = p
            heading = f"Priority {p}: {theme_title(themes[p])}"
            items.append(r.Section((heading, f"Our aim: {themes[p]['aim']}"), new_page=seq > 1, key=("theme", p)))
        date = financial_quarter(a["milestone"])
        rating = WORKSTREAM_RATING[legend_order(a["rag"])]
        k = empty_key(seq)
        k.update(
            theme_ref=str(p),
            theme=theme_title(themes[p]),
            action_ref=f"{p}.{counters[p]:02d}",
            action=a["action"],
            objective=a["objective"],
            outcome="\n".join(a["measures"]),
            key_area=areas.get(a["outcome_ref"], theme_title(themes[p])),
            lead_officer_raw=a["lead_officer"],
            milestone_raw=date,
            rag_raw=rating,
        )
        key.append(k)
        row = {f: k.get(f) for f in ("action_ref", "action", "objective", "outcome", "key_area", "lead_officer_raw")}
        row["date_and_rating"] = f"{date} \u2013 {rating}"
        items.append(r.Row(row, key=seq))
    title = "Children’s Services Improvement Plan 2023–2025"
    doc_layout = replace(layout, footer=footer_for(title))
    blocks = title_blocks(
        title, "Delivery plan and progress, quarter 2 2023/24",
        "Each priority has its own table. Progress ratings: Complete, Green (on track), Amber (some "
        "issues), Red (off track), Not started.",
    )
    blocks.append(r.Table(layout, tuple(items), key="actions"))
    return Built(name, r.Document(doc_layout, tuple(blocks), metadata(name, title)), key,
                 ("theme_ref", "theme", "action_ref", "action", "objective", "outcome", "key_area",
                  "lead_officer_raw", "milestone_raw", "rag_raw"))


# --- simple: portrait, named officers, percentages, horizontal rules only ---------------------------------
def people_for(actions: list[dict], rng: random.Random) -> dict[str, str]:
    """A seeded, distinct person for every role named in the actions."""
    roles = sorted({role for a in actions for role in (a["lead_officer"] or "").split("\n") if role})
    names = [f"{f} {s}" for f in FIRST_NAMES for s in SURNAMES]
    chosen = rng.sample(names, len(roles))
    return dict(zip(roles, chosen))


def simple_date(milestone: str | None, rng: random.Random) -> str | None:
    """Nineteen years earlier, as 'End Oct 03' (or 'Oct 03')."""
    parsed = month_year(milestone)
    if parsed is None:
        return milestone
    month, year, rest = parsed
    year -= 19
    text = f"{MONTH_ABBR[month]} {year % 100:02d}"
    return ("End " if rng.random() < 0.7 else "") + text + rest


def simple_progress(order: int, rng: random.Random) -> str:
    if order == COMPLETE:
        return "100%"
    if order in (NOT_STARTED, OFF_TRACK):
        return "0%"
    if order == SOME_ISSUES:
        return rng.choice(("10%", "20%", "30%"))
    return rng.choice(("25%", "40%", "50%", "60%", "75%", "80%", "90%"))


def build_simple(plan: dict) -> Built:
    name = "simple"
    rng = random.Random(f"layout-{name}")
    actions = subset(plan, name, 50)
    people = people_for(actions, rng)
    key: list[dict] = []
    items: list = []
    layout = r.TableLayout(
        columns=(
            r.Column("action", "Actions Required", 200),
            r.Column("lead_officer_raw", "Lead Officer(s)", 112),
            r.Column("milestone_raw", "Timescale", 58),
            r.Column("rag_raw", "Progress", 50),
            r.Column("next_action", "Next action", 103),
        ),
        orientation="portrait",
        margins=r.Margins(36, 36, 40, 40),
        font="Times-Roman",
        font_bold="Times-Bold",
        font_size=9.0,
        header_font_size=9.5,
        vertical_rules=False,
        horizontal_rules=True,
        header_fill=None,
        header_repeat="every_page",
        rag_field="rag_raw",
        rag_style="wording_only",
        cell_padding=3.0,
        paragraph_gap=4.0,
    )
    for seq, a in enumerate(actions, start=1):
        leads = "\n".join(f"{people[role]}, {role}" for role in (a["lead_officer"] or "").split("\n") if role)
        order = legend_order(a["rag"])
        k = empty_key(seq)
        k.update(
            action=a["action"],
            lead_officer_raw=leads or None,
            milestone_raw=simple_date(a["milestone"], rng),
            rag_raw=simple_progress(order, rng),
        )
        key.append(k)
        row = {f: k.get(f) for f in ("action", "lead_officer_raw", "milestone_raw", "rag_raw")}
        row["next_action"] = None if order == COMPLETE else rng.choice(NEXT_ACTIONS)
        items.append(r.Row(row, key=seq))
    title = "Children’s Social Services Action Plan"
    doc_layout = replace(layout, footer=footer_for(title))
    blocks = title_blocks(
        title, "Progress report to Scrutiny Committee, November 2003",
        "The actions below respond to the joint review. Progress is shown as the percentage of each action "
        "completed.", 9.5,
    )
    blocks.append(r.Table(layout, tuple(items), key="actions"))
    return Built(name, r.Document(doc_layout, tuple(blocks), metadata(name, title)), key,
                 ("action", "lead_officer_raw", "milestone_raw", "rag_raw"))


# --- colour-only: status only as a fill, four-level legend on the first page -------------------------------
# (legend wording, fill, the canonical status the legend gives the colour), in the order printed.
COLOUR_LEGEND = (
    ("Completed", "#00b050", "complete"),
    ("On track to be completed by the target date", "#ffff00", "on_track"),
    ("At risk of missing the target date", "#ffc000", "some_issues"),
    ("Not on track or overdue", "#ff0000", "off_track"),
)
COLOUR_BY_ORDER = {COMPLETE: 0, BAU: 0, ON_TRACK: 1, NOT_STARTED: 1, SOME_ISSUES: 2, OFF_TRACK: 3}


def day_date(milestone: str | None) -> str | None:
    """'September 2022' -> '30/09/2022' (the month's last day)."""
    parsed = month_year(milestone)
    if parsed is None:
        return milestone
    month, year, rest = parsed
    return f"{calendar.monthrange(year, month)[1]:02d}/{month:02d}/{year}{rest}"


def build_colour_only(plan: dict) -> Built:
    name = "colour-only"
    rng = random.Random(f"layout-{name}")
    actions = subset(plan, name, 40)
    key: list[dict] = []
    fills: list[str] = []
    for seq, a in enumerate(actions, start=1):
        entry = COLOUR_BY_ORDER[legend_order(a["rag"])]
        if rng.random() < 0.12:  # a few more reds and ambers than Phase 1 had
            entry = rng.choice((2, 3))
        wording, fill, status = COLOUR_LEGEND[entry]
        k = empty_key(seq)
        k.update(
            objective_ref=a["objective_ref"],
            objective=a["objective"],
            action=a["action"],
            lead_officer_raw=a["lead_officer"],
            milestone_raw=day_date(a["milestone"]),
            measures=list(a["measures"]),
            rag=status,
            rag_colour=fill,
        )
        key.append(k)
        fills.append(fill)
    layout = r.TableLayout(
        columns=(
            r.Column("objective_ref", "Ref", 36),
            r.Column("objective", "Area for improvement", 140),
            r.Column("action", "Action", 170),
            r.Column("lead_officer_raw", "Lead", 100),
            r.Column("milestone_raw", "Target date", 62),
            r.Column("measures", "Evidence of impact", 200),
            r.Column("rag", "RAG", 40),
        ),
        orientation="landscape",
        margins=r.Margins(36, 36, 36, 40),
        font_size=8.0,
        header_font_size=8.5,
        rag_field="rag",
        rag_style="fill_only",
        header_fill="#dbe5f1",
        header_repeat="every_page",
        cell_padding=3.5,
        paragraph_gap=5.0,
    )
    merged = merges(key, ("objective_ref", "objective"), group="objective_ref")
    items = tuple(
        r.Row({f: k.get(f) for f in ("objective_ref", "objective", "action", "lead_officer_raw", "milestone_raw",
                                      "measures")}, m, rag_fill=fill, key=k["seq"])
        for k, m, fill in zip(key, merged, fills)
    )
    legend_layout = replace(
        layout,
        columns=(r.Column("swatch", "RAG", 40), r.Column("meaning", "What the colour means", 260)),
        rag_field="swatch",
        rag_style="fill_only",
        font_size=8.5,
        cell_padding=4.0,
    )
    legend = tuple(
        r.Row({"meaning": wording}, rag_fill=fill, key=("legend", i))
        for i, (wording, fill, _) in enumerate(COLOUR_LEGEND)
    )
    title = "Improving Outcomes for Children – Action Plan"
    doc_layout = replace(layout, footer=footer_for(title))
    blocks = title_blocks(
        title, "Monitoring report, quarter 3",
        "Progress on each action is shown by the colour of its RAG cell, using the key below.",
    )
    blocks += [r.Text("Key", size=10, bold=True, space_after=4), r.Table(legend_layout, legend, key="legend"),
               r.Spacer(18), r.Table(layout, items, key="actions")]
    return Built(name, r.Document(doc_layout, tuple(blocks), metadata(name, title)), key,
                 ("objective_ref", "objective", "action", "lead_officer_raw", "milestone_raw", "measures", "rag",
                  "rag_colour"))


BUILDERS: dict[str, Callable[[dict], Built]] = {
    "tracker": build_tracker,
    "workstream": build_workstream,
    "simple": build_simple,
    "colour-only": build_colour_only,
}
NAMES = tuple(BUILDERS)


def pdf_path(name: str, folder: Path = FIXTURES) -> Path:
    return folder / f"layout-{name}.pdf"


def key_path(name: str, folder: Path = FIXTURES) -> Path:
    return folder / f"layout-{name}.key.json"


def build(name: str, plan: dict | None = None) -> Built:
    return BUILDERS[name](plan if plan is not None else load_plan())


def render_layout(name: str, plan: dict | None = None) -> tuple[r.RenderResult, list[dict]]:
    """The rendered PDF and its answer key, each key row with the pages its table row was drawn on."""
    built = build(name, plan)
    result = r.render(built.document)
    key = []
    for k in built.key:
        placement = result.row(k["seq"])
        key.append({"seq": k["seq"], "page_start": placement.page_start, "page_end": placement.page_end,
                    **{f: v for f, v in k.items() if f != "seq"}})
    return result, key


def key_json(key: list[dict]) -> str:
    return json.dumps(key, indent=1, ensure_ascii=False) + "\n"


def load_key(name: str, folder: Path = FIXTURES) -> list[dict]:
    return json.loads(key_path(name, folder).read_text(encoding="utf-8"))


def layout_fields(name: str) -> tuple[str, ...]:
    """The key fields the layout prints a column (or section row) for."""
    return build(name).fields


def write_all(out_dir: Path | None = None) -> list[tuple[Path, r.RenderResult]]:
    folder = out_dir if out_dir is not None else FIXTURES
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in NAMES:
        result, key = render_layout(name)
        pdf_path(name, folder).write_bytes(result.pdf)
        key_path(name, folder).write_text(key_json(key), encoding="utf-8")
        written.append((pdf_path(name, folder), result))
    return written
