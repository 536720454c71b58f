"""A seeded council plan: its layout dimensions, its content and its answer key (producer-independent).

``draw(seed)`` draws every dimension independently from ``random.Random(seed)``, then fills the plan with
40-150 actions from the Sefton Phase 1 truth and the constructed Phase 2 (tools/samples), re-dressed with
the vocabularies of tools/layouts/vocab.py. The result (``Plan``) says exactly what every cell prints; a
producer (reportlab, WeasyPrint, LibreOffice) only decides how it looks. The answer key
(``Plan.answer_key``) holds, per action, every canonical field as printed (null when the layout has no
column for it: nothing may be invented), the non-canonical columns, and which tables are action tables.
"""

from __future__ import annotations

import calendar
import math
import random
import re
from dataclasses import dataclass, field
from functools import lru_cache

from tools.layouts import vocab

# Canonical fields of the answer key (tools/scoring.py names); "rag" only when status is colour alone.
KEY_FIELDS = (
    "theme_ref", "theme", "outcome_ref", "outcome", "objective_ref", "objective", "action_ref", "action",
    "measures", "lead_officer_raw", "rag_raw", "milestone_raw", "detailed_action_plan", "key_area",
)
MIN_ACTIONS, MAX_ACTIONS = 40, 150
# Narrowest column a producer can set a heading word in at 11pt; decides how many columns a page holds.
MIN_COLUMN_PT = 52.0
PAGES = {  # name -> (width, height) in points
    "a4-portrait": (595.28, 841.89), "a4-landscape": (841.89, 595.28),
    "letter-portrait": (612.0, 792.0), "letter-landscape": (792.0, 612.0),
    "slide-16:9": (960.0, 540.0),
}
MARGIN_PT = 42.0  # page margin; running heads and footers sit inside it
STATUS_ORDER = ("complete", "on_track", "some_issues", "off_track", "not_started", "business_as_usual")
SEFTON_STATUS = {1: "complete", 2: "on_track", 3: "some_issues", 4: "off_track", 5: "not_started",
                 6: "business_as_usual"}
SHORT_WORDS = {"complete": "Complete", "on_track": "On track", "some_issues": "Some issues",
               "off_track": "Off track", "not_started": "Not started", "business_as_usual": "Business as usual"}
COLOUR_WORDS = {"complete": "Complete", "on_track": "Green", "some_issues": "Amber", "off_track": "Red",
                "not_started": "Not started", "business_as_usual": "Green"}
LETTERS = {"complete": "G", "on_track": "G", "some_issues": "A", "off_track": "R", "not_started": "A",
           "business_as_usual": "G"}
BRAG = {"complete": "B", "on_track": "G", "some_issues": "A", "off_track": "R", "not_started": "A",
        "business_as_usual": "G"}
SYMBOLS = {"complete": "✔", "on_track": "▲", "some_issues": "►", "off_track": "▼", "not_started": "○",
           "business_as_usual": "●"}
FILLS = {"complete": "#0070c0", "on_track": "#00b050", "some_issues": "#ffc000", "off_track": "#ff0000",
         "not_started": "#a6a6a6", "business_as_usual": "#7030a0"}
LETTER_FILLS = {"B": "#0070c0", "G": "#00b050", "A": "#ffc000", "R": "#ff0000"}
HEADER_BANDS = ("#d9d9d9", "#dbe5f1", "#fce4d6", "#e2efda", "#bdd7ee")
GROUP_HEADINGS = ("Delivery", "Accountability", "Monitoring", "Progress", "Impact", "Governance")
SEASONS = {12: "Winter", 1: "Winter", 2: "Winter", 3: "Spring", 4: "Spring", 5: "Spring", 6: "Summer",
           7: "Summer", 8: "Summer", 9: "Autumn", 10: "Autumn", 11: "Autumn"}
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
# Optional canonical columns and how often a layout has each.
OPTIONAL = (
    ("action_ref", 0.5), ("outcome", 0.4), ("objective", 0.35), ("measures", 0.55),
    ("lead_officer_raw", 0.8), ("milestone_raw", 0.75), ("rag_raw", 0.75), ("key_area", 0.2),
    ("detailed_action_plan", 0.15),
)
WEIGHTS = {"action": 3.0, "outcome": 2.4, "objective": 2.4, "measures": 2.6, "lead_officer_raw": 1.6,
           "milestone_raw": 1.1, "rag_raw": 1.1, "action_ref": 0.6, "key_area": 1.3, "detailed_action_plan": 1.3,
           "theme": 1.3, "milestone_and_rag": 1.6, "lead_and_date": 1.8, "ref_and_action": 3.3}
HIERARCHY_FIELDS = ("theme", "key_area", "outcome", "objective")

DIMENSIONS: dict[str, tuple[str, ...]] = {
    "producer": ("reportlab", "weasyprint", "libreoffice"),
    "page": tuple(PAGES),
    "font": ("sans", "serif"),
    "size": ("7", "8", "9", "10", "11"),
    "rules": ("grid", "horizontal", "frame-header", "none-zebra"),
    "rule_drawing": ("stroke", "rect"),
    "header_band": ("coloured", "plain"),
    "header_repeat": ("every-page", "first-page", "once"),
    "header_lines": ("one", "two"),
    "two_level": ("no", "yes"),
    "vertical_headings": ("no", "yes"),
    "combined": ("none", "date+rating", "officer+date", "ref+action"),
    "extras": ("0", "1", "2"),
    # known: only wordings schemas/headers.json holds today (the control arm); seen / unseen: the halves of
    # tools/layouts/vocab.py's vocabulary (seen may be added to schemas, unseen never is)
    "wordings": ("known", "seen", "unseen"),
    "hierarchy": ("merged", "blank", "repeated"),
    "theme_style": ("banner", "section-row", "page-title", "column", "none"),
    "status": ("words", "colour-legend", "both", "rag-letters", "brag", "symbols", "percent"),
    "dates": ("month-year", "dmy", "fy-quarter", "season", "range"),
    "lists": ("bullets", "numbered", "paragraphs"),
    "empty_cells": ("no", "yes"),
    "running_heads": ("no", "yes"),
    "watermark": ("no", "yes"),
    "cover": ("no", "yes"),
    "contents": ("no", "yes"),
    "narrative": ("no", "yes"),
    "other_table": ("none", "indicators", "kpi", "budget"),
}


# --- the model -----------------------------------------------------------------------------------------
@dataclass
class Col:
    kind: str  # a KEY_FIELDS name, "theme", a combination ("milestone_and_rag", ...) or "extra:<kind>"
    heading: str  # "\n" where the heading is broken onto two lines
    width: float  # points
    group: str | None = None  # the two-level heading over this column
    vertical: bool = False


@dataclass
class Cell:
    text: str | None  # paragraphs joined by "\n"; None: empty
    merged: bool = False  # part of the (vertically merged) cell above: nothing printed here
    fill: str | None = None


@dataclass
class Row:
    seq: int
    cells: list[Cell]


@dataclass
class Banner:
    text: str  # "Priority 2: Early Help"
    new_page: bool = False


@dataclass
class Table:
    kind: str  # "actions", "legend", "indicators", "kpi", "budget"
    columns: list[Col]
    items: list  # Row | Banner
    header: bool = True  # False: continuation table printed without a header row (header_repeat "once")


@dataclass
class Plan:
    seed: int
    dims: dict[str, str]
    title: str
    council: str
    page: tuple[float, float]
    font_size: float
    blocks: list  # ("cover"|"contents"|"narrative"|"heading", text) tuples and Tables
    keys: list[dict] = field(default_factory=list)
    running_head: str = ""
    effective: dict[str, str] = field(default_factory=dict)  # dimension values a producer could not draw

    @property
    def content_width(self) -> float:
        return self.page[0] - 2 * MARGIN_PT

    def action_tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table) and b.kind == "actions"]

    def answer_key(self) -> dict:
        tables = [b for b in self.blocks if isinstance(b, Table)]
        cols = self.action_tables()[0].columns
        return {
            "seed": self.seed,
            "dims": {**self.dims, **self.effective},
            "drawn": self.dims,
            "page": list(self.page),
            "widths": [c.width for c in cols],
            "columns": [{"kind": c.kind, "heading": c.heading.replace("\n", " "), "group": c.group,
                         "vertical": c.vertical} for c in cols],
            "non_canonical": [c.heading.replace("\n", " ") for c in cols if c.kind.startswith("extra:")],
            "tables": [{"kind": t.kind, "action_table": t.kind == "actions",
                        "headings": [c.heading.replace("\n", " ") for c in t.columns]} for t in tables],
            "actions": self.keys,
            "cells": [[None if c.merged else c.text for c in row.cells]
                      for t in self.action_tables() for row in t.items if isinstance(row, Row)],
        }


# --- content -------------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def action_pool() -> tuple[dict, ...]:
    """Every action of Sefton Phase 1 and the constructed Phase 2, with distinct action texts."""
    from tools.samples import phase2
    from tools.samples.sefton_phase1 import legend_order, load_plan

    plan = load_plan()
    themes = {t["priority"]: t for t in plan["themes"]}
    areas = {a["ref"]: a["title"] for t in plan["themes"] for a in t["areas"]}
    pool, seen = [], set()
    for a in plan["actions"]:
        pool.append({
            "source_theme": a["priority"], "theme": themes[a["priority"]]["title"], "outcome": a["outcome"],
            "objective": a["objective"], "action": a["action"], "measures": list(a["measures"]),
            "lead": a["lead_officer"], "milestone": a["milestone"], "status": SEFTON_STATUS[legend_order(a["rag"])],
            "wording": a["rag"], "dap": a["detailed_action_plan"], "key_area": areas.get(a["outcome_ref"]),
        })
        seen.add(a["action"])
    by_theme: dict[int, list[dict]] = {}
    for p in pool:
        by_theme.setdefault(p["source_theme"], []).append(p)
    for n in phase2.build(phase2.SAMPLE, plan).actions:
        if n.action in seen:
            continue
        seen.add(n.action)
        sibling = by_theme.get(n.theme, pool)[len(n.action) % len(by_theme.get(n.theme, pool))]
        pool.append({
            "source_theme": n.theme, "theme": themes.get(n.theme, themes[1])["title"],
            "outcome": sibling["outcome"], "objective": sibling["objective"], "action": n.action,
            "measures": list(n.measures), "lead": n.lead_officer, "milestone": n.milestone, "status": n.status,
            "wording": None, "dap": None, "key_area": n.key_area,
        })
    return tuple(pool)


def month_year(text: str | None) -> tuple[int, int] | None:
    m = re.match(r"^\s*([A-Za-z]+)\.?\s+(\d{4})\s*$", text or "")
    if not m or m.group(1).lower() not in MONTHS:
        return None
    return MONTHS[m.group(1).lower()], int(m.group(2))


def date_text(milestone: str | None, style: str) -> str | None:
    """The milestone printed in the layout's date style; undated text ("Ongoing") as it was."""
    parsed = month_year(milestone)
    if parsed is None:
        return milestone
    month, year = parsed
    if style == "dmy":
        return f"{calendar.monthrange(year, month)[1]:02d}/{month:02d}/{year}"
    if style == "fy-quarter":
        start = year if month >= 4 else year - 1
        return f"Q{(month - 4) % 12 // 3 + 1} {start}/{(start + 1) % 100:02d}"
    if style == "season":
        return f"{SEASONS[month]} {year if month != 12 else year + 1}"
    if style == "range":
        m0, y0 = (month - 5, year) if month > 5 else (month + 7, year - 1)
        return f"{calendar.month_abbr[m0]} {y0} – {calendar.month_abbr[month]} {year}"
    return f"{calendar.month_name[month]} {year}"


def status_text(status: str, style: str, wording: str | None, rng: random.Random) -> tuple[str | None, str | None]:
    """(printed wording, cell fill) of a canonical status in the layout's status style."""
    if style == "words":
        return (wording if wording and rng.random() < 0.5 else SHORT_WORDS[status]), None
    if style == "colour-legend":
        return None, FILLS[status]
    if style == "both":
        word = COLOUR_WORDS[status]
        return word, FILLS["on_track"] if word == "Green" else FILLS[status]
    if style == "rag-letters":
        return LETTERS[status], None
    if style == "brag":
        return BRAG[status], LETTER_FILLS[BRAG[status]]
    if style == "symbols":
        return SYMBOLS[status], None
    pct = {"complete": "100%", "not_started": "0%"}.get(status)
    return pct or f"{rng.choice((10, 20, 25, 40, 50, 60, 75, 80, 90))}%", None


def draw_dims(seed: int) -> dict[str, str]:
    rng = random.Random(seed)
    return {name: rng.choice(values) for name, values in DIMENSIONS.items()}


# --- columns ---------------------------------------------------------------------------------------------
def heading_for(kind: str, dims: dict[str, str], rng: random.Random) -> str:
    seen, unseen = vocab.split_wordings()
    fld = "extra" if kind.startswith("extra:") else kind
    fld = {"lead_and_date": "lead_officer_raw", "ref_and_action": "action"}.get(fld, fld)
    half = unseen if dims["wordings"] == "unseen" and unseen.get(fld) else seen
    words = list(vocab.COMMON.get(fld, ())) if dims["wordings"] == "known" else half[fld]
    words = words or half[fld]
    if kind == "lead_and_date":
        return f"{rng.choice(words)} and date"
    return rng.choice(words)


def two_lines(text: str) -> str:
    words = text.split()
    if len(words) < 2:
        return text
    cut = (len(words) + 1) // 2
    return " ".join(words[:cut]) + "\n" + " ".join(words[cut:])


def choose_kinds(dims: dict[str, str], width: float, rng: random.Random) -> list[str]:
    kinds = ["action"] + [k for k, p in OPTIONAL if rng.random() < p]
    combined = dims["combined"]
    if combined == "date+rating":
        kinds = [k for k in kinds if k not in ("milestone_raw", "rag_raw")] + ["milestone_and_rag"]
    elif combined == "officer+date":
        kinds = [k for k in kinds if k not in ("milestone_raw", "lead_officer_raw")] + ["lead_and_date"]
    elif combined == "ref+action":
        kinds = ["ref_and_action" if k == "action" else k for k in kinds if k != "action_ref"]
    if dims["status"] == "colour-legend" and "rag_raw" not in kinds and combined != "date+rating":
        kinds.append("rag_raw")  # a colour status needs its cell
    if dims["theme_style"] == "column":
        kinds.append("theme")
    extras = rng.sample(sorted(set(vocab.EXTRA_KINDS.values())), int(dims["extras"]))
    kinds += [f"extra:{e}" for e in extras]
    rng.shuffle(kinds)
    room = int(width // MIN_COLUMN_PT)
    while len(kinds) > room:  # drop optional columns the page cannot hold, never the action
        drop = [k for k in kinds if k not in ("action", "ref_and_action", "theme")]
        kinds.remove(rng.choice(drop))
    return kinds


def make_columns(dims: dict[str, str], width: float, rng: random.Random) -> list[Col]:
    kinds = choose_kinds(dims, width, rng)
    weights = [WEIGHTS.get(k, 1.5) for k in kinds]
    if dims["status"] in ("rag-letters", "brag", "symbols", "colour-legend", "percent"):
        weights = [0.7 if k == "rag_raw" else w for k, w in zip(kinds, weights)]
    total = sum(weights)
    cols = []
    for kind, w in zip(kinds, weights):
        heading = heading_for(kind, dims, rng)
        if kind.startswith("extra:"):
            kind = f"extra:{vocab.EXTRA_KINDS[heading]}"
        if dims["header_lines"] == "two":
            heading = two_lines(heading)
        cols.append(Col(kind, heading, math.floor(width * w / total * 100) / 100))  # never wider than the page
    if dims["vertical_headings"] == "yes":
        for c in cols:
            if c.width < 0.075 * width and c.kind not in ("action", "ref_and_action"):
                c.vertical = True
                c.heading = c.heading.replace("\n", " ")
    if dims["two_level"] == "yes":
        group_columns(cols, rng)
    return cols


def group_columns(cols: list[Col], rng: random.Random) -> None:
    """A group heading over a run of 2-3 adjacent columns that are not the action."""
    runs = [i for i in range(len(cols) - 1)
            if not {"action", "ref_and_action"} & {cols[i].kind, cols[i + 1].kind}]
    if not runs:
        return
    start = rng.choice(runs)
    length = 3 if start + 2 < len(cols) and cols[start + 2].kind not in ("action", "ref_and_action") \
        and rng.random() < 0.4 else 2
    name = rng.choice(GROUP_HEADINGS)
    for c in cols[start:start + length]:
        c.group = name


# --- rows ------------------------------------------------------------------------------------------------
def officer_map(pool: list[dict], rng: random.Random) -> dict[str, str]:
    roles = sorted({r for a in pool for r in (a["lead"] or "").split("\n") if r})
    if rng.random() < 0.5:
        return {r: r for r in roles}
    return {r: rng.choice(vocab.OFFICER_TITLES) for r in roles}


def list_text(items: list[str], style: str) -> str | None:
    if not items:
        return None
    if style == "bullets":
        return "\n".join(f"• {m}" for m in items)
    if style == "numbered":
        return "\n".join(f"{i}. {m}" for i, m in enumerate(items, start=1))
    return "\n".join(items)


def extra_text(kind: str, rng: random.Random, theme: str) -> str | None:
    if kind == "comment":
        return rng.choice(vocab.COMMENTS)
    if kind == "mitigation":
        return rng.choice(vocab.MITIGATIONS)
    if kind == "budget":
        return f"£{rng.randint(2, 90) * 5},000"
    return f"Better lives for children: {theme.lower()}"


def draw_actions(dims: dict[str, str], rng: random.Random) -> list[dict]:
    """The plan's actions with every canonical value (before the layout decides what is printed)."""
    pool = list(action_pool())
    n = rng.randint(MIN_ACTIONS, MAX_ACTIONS)
    picked = sorted(rng.sample(range(len(pool)), n), key=lambda i: (pool[i]["source_theme"], i))
    chosen = [pool[i] for i in picked]
    n_themes = rng.randint(2, 5)
    titles = rng.sample(vocab.THEMES, n_themes) if rng.random() < 0.6 else None
    officers = officer_map(chosen, rng)
    out = []
    per_theme = -(-n // n_themes)
    sources = sorted({a["source_theme"] for a in chosen})
    for i, a in enumerate(chosen):
        t = i // per_theme + 1
        if not titles and n_themes == 4:
            # The seed plan's own themes: numbered as the seed plan has them, so that a theme's number
            # and title agree on every row (one banner per theme, over the rows the key gives it).
            t = sources.index(a["source_theme"]) + 1
        theme = titles[t - 1] if titles else a["theme"] if n_themes == 4 else vocab.THEMES[t]
        measures = list(a["measures"]) + ([rng.choice(vocab.MEASURES)] if rng.random() < 0.2 else [])
        lead = "\n".join(officers[r] for r in (a["lead"] or "").split("\n") if r) or None
        milestone = "Ongoing" if rng.random() < 0.08 else date_text(a["milestone"], dims["dates"])
        action = a["action"]
        if dims["lists"] == "paragraphs" and a["dap"] and rng.random() < 0.3:
            action = f"{action}\nDelivered through the {a['dap']}."
        word, fill = status_text(a["status"], dims["status"], a["wording"], rng)
        out.append({"theme_no": t, "theme": theme, "outcome": a["outcome"], "objective": a["objective"],
                    "action": action, "measures": measures, "lead": lead, "milestone": milestone,
                    "status": a["status"], "rag_word": word, "fill": fill, "dap": a["dap"],
                    "key_area": a["key_area"]})
    return out


def _theme_seqs(actions: list[dict]) -> dict[int, int]:
    counts: dict[int, int] = {}
    refs = {}
    for i, a in enumerate(actions):
        counts[a["theme_no"]] = counts.get(a["theme_no"], 0) + 1
        refs[i] = counts[a["theme_no"]]
    return refs


def key_row(seq: int, a: dict, ref: str, kinds: set[str], dims: dict[str, str], empties: set[str]) -> dict:
    """The answer key of one action: canonical fields as printed, null where nothing is printed."""
    k: dict = {"seq": seq, **{f: ([] if f == "measures" else None) for f in KEY_FIELDS}}
    has = kinds.__contains__
    if dims["theme_style"] in ("banner", "section-row", "page-title"):
        k["theme_ref"], k["theme"] = str(a["theme_no"]), a["theme"]
    elif has("theme"):
        k["theme"] = a["theme"]
    for fld, src in (("outcome", "outcome"), ("objective", "objective"), ("key_area", "key_area"),
                     ("detailed_action_plan", "dap")):
        if has(fld):
            k[fld] = a[src]
    k["action"] = a["action"]
    if has("action_ref") or has("ref_and_action"):
        k["action_ref"] = ref
    if has("measures") and "measures" not in empties:
        k["measures"] = list(a["measures"])
    if has("lead_officer_raw") or has("lead_and_date"):
        k["lead_officer_raw"] = a["lead"]
    if (has("milestone_raw") or has("milestone_and_rag") or has("lead_and_date")) and "milestone_raw" not in empties:
        k["milestone_raw"] = a["milestone"]
    if has("rag_raw") or has("milestone_and_rag"):
        k["rag_raw"] = a["rag_word"]
        if dims["status"] == "colour-legend":
            k["rag"] = a["status"]
    return k


def cell_text(col: Col, a: dict, ref: str, key: dict, lists: str, rng: random.Random) -> tuple[str | None, str | None]:
    kind = col.kind
    if kind == "action":
        return a["action"], None
    if kind == "ref_and_action":
        return f"{ref} {a['action']}", None
    if kind == "action_ref":
        return ref, None
    if kind == "measures":
        return list_text(key["measures"], lists), None
    if kind == "rag_raw":
        return a["rag_word"], a["fill"]
    if kind == "milestone_and_rag":
        # A status shown as a colour (alone or beside its wording) shades the combined cell too.
        parts = [p for p in (key["milestone_raw"], a["rag_word"]) if p]
        return (" – ".join(parts) or None), a["fill"]
    if kind == "lead_and_date":
        parts = [p for p in (a["lead"], key["milestone_raw"]) if p]
        return (", ".join(parts) or None), None
    if kind.startswith("extra:"):
        return extra_text(kind.split(":", 1)[1], rng, a["theme"]), None
    value = key.get(kind)
    return value, None


def build_rows(actions: list[dict], cols: list[Col], dims: dict[str, str], rng: random.Random) -> tuple[list[Row], list[dict]]:
    kinds = {c.kind for c in cols}
    seqs = _theme_seqs(actions)
    rows, keys = [], []
    previous: dict | None = None
    for i, a in enumerate(actions):
        ref = f"{a['theme_no']}.{seqs[i]}"
        empties = {f for f in ("measures", "milestone_raw") if dims["empty_cells"] == "yes" and rng.random() < 0.12}
        key = key_row(i + 1, a, ref, kinds, dims, empties)
        cells = []
        for col in cols:
            text, fill = cell_text(col, a, ref, key, dims["lists"], rng)
            same = (col.kind in HIERARCHY_FIELDS and previous is not None and text
                    and previous["theme_no"] == a["theme_no"] and previous["cells"].get(col.kind) == text)
            if same and dims["hierarchy"] == "merged":
                cells.append(Cell(text, merged=True))
            elif same and dims["hierarchy"] == "blank":
                cells.append(Cell(None))
            else:
                cells.append(Cell(text, fill=fill))
        previous = {"theme_no": a["theme_no"], "cells": {c.kind: cl.text for c, cl in zip(cols, cells)
                                                          if c.kind in HIERARCHY_FIELDS and (cl.text or cl.merged)}}
        # a blank cell meaning "same as above" keeps the value it stands for
        for c, cl in zip(cols, cells):
            if c.kind in HIERARCHY_FIELDS and cl.text is None and not cl.merged and c.kind in key:
                previous["cells"][c.kind] = key[c.kind]
        rows.append(Row(i + 1, cells))
        keys.append(key)
    return rows, keys


# --- other content --------------------------------------------------------------------------------------
def other_table(kind: str, width: float, rng: random.Random) -> Table:
    if kind == "indicators":
        heads = ("Indicator", "Baseline", "Target", "Latest")
        body = [(name, f"{rng.randint(20, 80)}%", f"{rng.randint(60, 95)}%", f"{rng.randint(20, 95)}%")
                for name in rng.sample(vocab.INDICATORS, 6)]
    elif kind == "kpi":
        heads = ("Key performance indicator", "Target", "Actual", "RAG")
        body = [(name, f"{rng.randint(60, 95)}%", f"{rng.randint(40, 99)}%", rng.choice(("Green", "Amber", "Red")))
                for name in rng.sample(vocab.INDICATORS, 6)]
    else:
        heads = ("Budget line", "2023/24", "2024/25", "Total")
        body = []
        for name in rng.sample(vocab.BUDGET_LINES, 6):
            a, b = rng.randint(10, 400) * 1000, rng.randint(10, 400) * 1000
            body.append((name, f"£{a:,}", f"£{b:,}", f"£{a + b:,}"))
    weights = (3.0, 1.0, 1.0, 1.0)
    cols = [Col(f"other:{h}", h, round(width * 0.8 * w / 6.0, 2)) for h, w in zip(heads, weights)]
    rows = [Row(-(i + 1), [Cell(v) for v in values]) for i, values in enumerate(body)]
    return Table(kind, cols, rows)


def legend_table(dims: dict[str, str], width: float) -> Table | None:
    style = dims["status"]
    if style not in ("colour-legend", "both", "brag", "symbols"):
        return None
    cols = [Col("other:key", "Key", round(width * 0.12, 2)), Col("other:meaning", "Meaning", round(width * 0.4, 2))]
    rows = []
    for i, s in enumerate(STATUS_ORDER):
        if style == "symbols":
            cell = Cell(SYMBOLS[s])
        elif style == "brag":
            cell = Cell(BRAG[s], fill=LETTER_FILLS[BRAG[s]])
        else:
            cell = Cell(None, fill=FILLS[s])
        rows.append(Row(-(100 + i), [cell, Cell(SHORT_WORDS[s])]))
    return Table("legend", cols, rows)


NARRATIVE = (
    "This plan sets out how we will improve services for children and families. It brings together the "
    "actions agreed with our partners after the inspection, and it is monitored monthly by the Improvement "
    "Board. Each action has a lead officer, a timescale and a measure of success.",
    "Progress is reported to Cabinet every quarter. Where an action slips, the lead officer explains why and "
    "what will be done to recover it; where an action is complete, the evidence is checked by the Quality "
    "Assurance team before it is closed.",
)


def draw(seed: int, producer: str | None = None) -> Plan:
    """The plan of layout ``seed``: every dimension drawn independently, then the content. ``producer``
    overrides the drawn producer (the CI sample restricts producers; the other dimensions stay as drawn)."""
    dims = draw_dims(seed)
    if producer is not None:
        dims["producer"] = producer
    rng = random.Random(f"content-{seed}")
    page = PAGES[dims["page"]]
    width = page[0] - 2 * MARGIN_PT
    cols = make_columns(dims, width, rng)
    actions = draw_actions(dims, rng)
    rows, keys = build_rows(actions, cols, dims, rng)
    council = rng.choice(("Northshire", "Eastbrook", "Westmere", "Southdale", "Kingsford", "Ashby Vale"))
    title = f"{council} Council – Children's Services Improvement Plan"
    blocks: list = []
    if dims["cover"] == "yes":
        blocks.append(("cover", title))
    if dims["contents"] == "yes":
        blocks.append(("contents", title))
    if dims["narrative"] == "yes":
        blocks.append(("narrative", title))
    legend = legend_table(dims, width)
    other = other_table(dims["other_table"], width, rng) if dims["other_table"] != "none" else None
    other_first = rng.random() < 0.5
    if other is not None and other_first:
        blocks += [("heading", "Performance and resources"), other]
    if legend is not None:
        blocks += [("heading", "Key to status"), legend]
    blocks.append(("heading", "Action plan"))
    blocks += action_tables(cols, rows, actions, dims)
    if other is not None and not other_first:
        blocks += [("heading", "Appendix: performance and resources"), other]
    plan = Plan(seed, dims, title, council, page, float(dims["size"]), blocks, keys,
                running_head=f"{council} Council – Improvement Plan – Official")
    return plan


def action_tables(cols: list[Col], rows: list[Row], actions: list[dict], dims: dict[str, str]) -> list:
    """One table, with section rows, or one table per theme under a banner or page title."""
    style = dims["theme_style"]
    groups: list[tuple[int, str, list[Row]]] = []
    for row, a in zip(rows, actions):
        if not groups or groups[-1][0] != a["theme_no"]:
            groups.append((a["theme_no"], a["theme"], []))
        groups[-1][2].append(row)
    label = "Priority" if len(cols) % 2 else "Theme"
    if style in ("column", "none"):
        return [Table("actions", cols, [r for _, _, rs in groups for r in rs])]
    if style == "section-row":
        items: list = []
        for no, theme, rs in groups:
            items.append(Banner(f"{label} {no}: {theme}"))
            items += rs
        return [Table("actions", cols, items)]
    tables = []
    for i, (no, theme, rs) in enumerate(groups):
        banner = Banner(f"{label} {no}: {theme}", new_page=style == "page-title" and i > 0)
        header = not (dims["header_repeat"] == "once" and i > 0)
        tables.append(Table("actions", cols, [banner, *rs], header=header))
    return tables
