"""A constructed Phase 2 of Sefton's Children's Improvement Plan, with the answer key of what changed.

Sefton's Phase 2 text is not available. The committee report of 31 January 2023 (Overview and Scrutiny,
Children's Services and Safeguarding) says the draft keeps the four themes, adds four key areas
(Corporate Leadership; Governance & Partnerships; Practice; Enablers & Resources) and includes milestones
and measures. This module CONSTRUCTS such a publication from the Phase 1 ground truth
(data/reference/sefton-phase1-plan.json) by scripted, seeded edits that cover every change class of
`planpipe diff`, and renders it in a layout of its own: portrait A4, theme banners ("Theme 1 – Improving
Quality"), columns Ref | Key Area | Action | Success Measures | Lead Officer | Target Date | Status, its own
refs ("P2-1.01"), its own status wording and palette. It is not Sefton Council's file; the PDF's metadata,
its first page, its footer and its registry entry say so.

The edits, drawn by a seeded ``random.Random`` in this order (counts in ``Recipe``):

    split        an open action becomes two actions (text from phase2_text.SPLITS)
    merge        two open actions become one (phase2_text.MERGES)
    retire       a completed action is left out of Phase 2                     -> completed
    reopen       a completed action is open again, with a later date           -> reopened
    complete     an open action is marked "Completed"                          -> completed
    slip         an open dated action gets a later date, printed in one of
                 several formats ("Sept 23", "31/03/2024", "Q3 2023/24", "End of June 2023")  -> slipped
    bring        an open dated action gets an earlier date                     -> brought_forward
    drop         an open action is left out although it is not complete        -> dropped
    date         an "Ongoing" action gets a date                               -> carried + milestone_changed
    (the rest)   kept; its date reprinted in another format with the same end  -> carried
    new          actions that Phase 1 did not have (phase2_text.NEW_ACTIONS)   -> new

and, over the actions kept one-to-one: reword (a hand-written paraphrase), lead (another officer), improve
and worsen (status), move (to another theme, so it is renumbered there). Every action is renumbered
anyway: Phase 2 orders each theme by key area and prints its own refs.

The answer key (``Phase2.links``) says, for every Phase 1 and Phase 2 action, which action it became or
came from, its change class and its flags, computed from the edits by the contract in README ("Change
classes"). Two documents are built: ``SAMPLE`` (the committed data/raw/sefton-phase2-2023.pdf, paraphrase
variant A) and ``FIXTURE`` (tests/fixtures/sefton-phase2-alt.pdf: another seed, paraphrase variant B).
"""

from __future__ import annotations

import calendar
import json
import random
import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from pipeline.normalise import canonical_officers, parse_milestone
from tools.samples import phase2_text as text
from tools.samples import sefton_phase1 as phase1
from tools.samples.render import (
    Column,
    Document,
    Margins,
    Metadata,
    PageBreak,
    Row,
    Section,
    Table,
    TableLayout,
    Text,
)

ROOT = phase1.ROOT
PHASE1_PUBLISHED = date(2022, 9, 30)  # sources/sefton-phase1-2022.toml
PHASE2_PUBLISHED = date(2023, 1, 31)  # the committee meeting that received the draft

NOTICE = "Constructed sample by planpipe — not Sefton Council’s file"
NOTICE_LONG = (
    "CONSTRUCTED SAMPLE. Sefton Council’s Phase 2 plan is not available to planpipe. This document was "
    # The generator's path as it was when data/raw/sefton-phase2-2023.pdf was made: raw inputs are
    # write-once, so the printed text keeps it (the generator now lives in tools/samples/phase2.py).
    "constructed by planpipe (pipeline/samples/phase2.py) from the published Phase 1 text by scripted, "
    "seeded edits, following the structure described in the committee report of 31 January 2023: the same "
    "four themes, four key areas, milestones and measures. Its actions, dates, statuses and officers are "
    "test material, not the council’s plan."
)
TITLE = "Children’s Improvement Plan – Phase 2"
FOOTER_TITLE = "Children’s Improvement Programme – Phase 2 (constructed sample)"

KEY_AREAS = ("Corporate Leadership", "Governance & Partnerships", "Practice", "Enablers & Resources")

# Status wording of Phase 2 and its palette (its own: darker blue, pure green, light amber, dark red,
# light grey, lavender), by canonical status.
WORDING = {
    "complete": "Completed",
    "on_track": "On track",
    "some_issues": "Some slippage",
    "off_track": "Off track",
    "not_started": "Not started",
    "business_as_usual": "Business as usual",
}
PALETTE = {
    "complete": "#2e75b6",
    "on_track": "#00b050",
    "some_issues": "#ffd966",
    "off_track": "#c00000",
    "not_started": "#d0cece",
    "business_as_usual": "#b4a7d6",
}
LEGEND_TEXT = {
    "complete": "The action has been delivered.",
    "on_track": "The action is progressing and will meet its target date.",
    "some_issues": "The action is behind its target date; a recovery plan is in place.",
    "off_track": "The action will not meet its target date; there is a risk to delivery.",
    "not_started": "The action is not due to start yet.",
    "business_as_usual": "The activity is now part of everyday work and is monitored.",
}
# Phase 1 legend order -> canonical status (see sefton_phase1.PALETTE).
PHASE1_STATUS = {1: "complete", 2: "on_track", 3: "some_issues", 4: "off_track", 5: "not_started", 6: "business_as_usual"}
# Status rank for the rag_improved / rag_worsened flags (the contract in README "Change classes").
RANK = {"off_track": 0, "some_issues": 1, "not_started": 2, "on_track": 2, "business_as_usual": 3, "complete": 3}

# Officers a changed action can be given (canonical roles differ from most Phase 1 leads).
OFFICER_POOL = (
    "Assistant Director Help and Protection",
    "Assistant Director Cared for Children",
    "Assistant Director Safeguarding Review & Quality Assurance",
    "Principal Social Worker",
    "Executive Director of Children’s Services",
    "Assistant Director for Education",
    "Chief Personnel Officer",
)

MONTH_ABBR = ("Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec")
MONTH_SHORT = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Recipe:
    """How many actions each edit takes (drawn in the order of the fields)."""

    split: int = 2
    merge: int = 2
    retire: int = 26
    reopen: int = 1
    complete: int = 12
    slip: int = 16
    bring: int = 4
    drop: int = 6
    date: int = 2
    new: int = 6
    reword: int = 16
    lead: int = 8
    improve: int = 4
    worsen: int = 5
    move: int = 3


@dataclass(frozen=True)
class Spec:
    publication_id: str
    seed: int
    variant: int  # paraphrase variant: 0 = A, 1 = B
    pdf: Path
    answer_key: Path
    recipe: Recipe = Recipe()


SAMPLE = Spec(
    "sefton-phase2-2023", 20230131, 0,
    ROOT / "data" / "raw" / "sefton-phase2-2023.pdf",
    ROOT / "tests" / "fixtures" / "sefton-phase2-2023.answer.json",
)
FIXTURE = Spec(
    "sefton-phase2-alt", 4711, 1,
    ROOT / "tests" / "fixtures" / "sefton-phase2-alt.pdf",
    ROOT / "tests" / "fixtures" / "sefton-phase2-alt.answer.json",
)


@dataclass
class NewAction:
    theme: int
    key_area: str
    action: str
    measures: list[str]
    lead_officer: str
    milestone: str
    status: str  # canonical
    sources: list[int]  # Phase 1 seqs it comes from (empty: new)
    edits: list[str]
    order: float  # position within its theme and key area
    seq: int = 0
    ref: str = ""


@dataclass
class Phase2:
    spec: Spec
    themes: list[dict]
    actions: list[NewAction]
    links: list[dict] = field(default_factory=list)


# --- dates ------------------------------------------------------------------------------------------------
def month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def add_months(d: date, n: int) -> date:
    k = d.year * 12 + d.month - 1 + n
    return month_end(k // 12, k % 12 + 1)


def same_end_formats(end: date) -> list[str]:
    """Ways to print a month-long deadline that keep its last day."""
    y, m = end.year, end.month
    return [
        f"{calendar.month_name[m]} {y}",
        f"{MONTH_SHORT[m - 1]} {y}",
        f"{MONTH_ABBR[m - 1]} {y % 100:02d}",
        f"{end.day:02d}/{m:02d}/{y}",
        f"End of {calendar.month_name[m]} {y}",
    ]


def financial_quarter(d: date) -> str:
    q = (d.month - 4) % 12 // 3 + 1
    start = d.year if d.month >= 4 else d.year - 1
    return f"Q{q} {start}/{(start + 1) % 100:02d}"


def moved_format(end: date, style: int) -> str:
    """A moved deadline in one of the formats councils print (styles cycle so each appears)."""
    y, m = end.year, end.month
    return (
        f"{MONTH_ABBR[m - 1]} {y % 100:02d}",          # Sept 23
        f"{end.day:02d}/{m:02d}/{y}",                  # 31/03/2024
        financial_quarter(end),                        # Q3 2023/24
        f"End of {calendar.month_name[m]} {y}",        # End of June 2023
        f"{MONTH_SHORT[m - 1]} {y}",                   # Dec 2023
    )[style % 5]


def milestone_end(text_: str | None, published: date) -> date | None:
    return parse_milestone(text_, published).end if text_ else None


# --- the answer key's rules (README "Change classes") ----------------------------------------------------
def classify(old: dict | None, new: NewAction | None, old_status: str | None) -> str:
    if new is None:
        return "completed" if old_status == "complete" else "dropped"
    if old is None:
        return "new"
    old_done, new_done = old_status == "complete", new.status == "complete"
    if old_done and new_done:
        return "carried"
    if old_done:
        return "reopened"
    if new_done:
        return "completed"
    a, b = milestone_end(old["milestone"], PHASE1_PUBLISHED), milestone_end(new.milestone, PHASE2_PUBLISHED)
    if a and b and b > a:
        return "slipped"
    if a and b and b < a:
        return "brought_forward"
    return "carried"


def flags_for(old: dict | None, new: NewAction | None, old_status: str | None, fan: str | None) -> list[str]:
    flags: list[str] = []
    if old is not None and new is not None:
        if fan is None and norm_text(old["action"]) != norm_text(new.action):
            flags.append("reworded")
        if old_status in RANK and new.status in RANK:
            if RANK[new.status] > RANK[old_status]:
                flags.append("rag_improved")
            elif RANK[new.status] < RANK[old_status]:
                flags.append("rag_worsened")
        if set(canonical_officers(old["lead_officer"])[0]) != set(canonical_officers(new.lead_officer)[0]):
            flags.append("lead_changed")
        a, b = milestone_end(old["milestone"], PHASE1_PUBLISHED), milestone_end(new.milestone, PHASE2_PUBLISHED)
        if (a is None) != (b is None):
            flags.append("milestone_changed")
    if fan:
        flags.append(fan)
    if new is not None:
        end, done = milestone_end(new.milestone, PHASE2_PUBLISHED), new.status == "complete"
    else:
        end, done = milestone_end(old["milestone"], PHASE1_PUBLISHED), old_status == "complete"
    if end is not None and end < PHASE2_PUBLISHED and not done:
        flags.append("overdue")
    return sorted(flags)


def norm_text(s: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", s.lower()).split())


# --- building the plan ----------------------------------------------------------------------------------
def status_of(action: dict) -> str:
    return PHASE1_STATUS[phase1.legend_order(action["rag"])]


def key_area_for(officer: str, action_text: str) -> str:
    """Key area by who leads it: leadership roles, partnership roles, resources roles, else practice."""
    o = officer.lower()
    if any(w in o for w in ("hr", "personnel", "corporate resources", "recruitment")) or "resources" in action_text.lower():
        return "Enablers & Resources"
    if any(w in o for w in ("nhs", "partnership", "partners", "public health", "scrutineer")):
        return "Governance & Partnerships"
    if any(w in o for w in ("executive director", "chief executive", "cabinet", "leadership", "lead member")):
        return "Corporate Leadership"
    return "Practice"


def build(spec: Spec, plan: dict | None = None) -> Phase2:
    plan = plan if plan is not None else phase1.load_plan()
    rng = random.Random(spec.seed)
    r = spec.recipe
    old = {a["seq"]: a for a in plan["actions"]}
    status = {s: status_of(a) for s, a in old.items()}
    end = {s: milestone_end(a["milestone"], PHASE1_PUBLISHED) for s, a in old.items()}
    used: set[int] = set()

    def take(n: int, pred) -> list[int]:
        pool = [s for s in old if s not in used and pred(s)]
        picked = sorted(rng.sample(pool, min(n, len(pool))))
        used.update(picked)
        return picked

    is_open = lambda s: status[s] != "complete"  # noqa: E731
    splits = take(r.split, lambda s: is_open(s) and s in text.SPLITS)
    pairs = [p for p in text.MERGES if all(is_open(s) and s not in used for s in p)]
    merges = sorted(rng.sample(pairs, min(r.merge, len(pairs))))
    used.update(s for p in merges for s in p)
    retired = take(r.retire, lambda s: not is_open(s))
    reopened = take(r.reopen, lambda s: not is_open(s))
    completed = take(r.complete, is_open)
    slipped = take(r.slip, lambda s: is_open(s) and end[s] is not None)
    brought = take(r.bring, lambda s: is_open(s) and end[s] is not None and end[s] >= date(2023, 3, 1))
    dropped = take(r.drop, is_open)
    dated = take(r.date, lambda s: is_open(s) and old[s]["milestone"] == "Ongoing")
    kept = [s for s in old if s not in used]

    actions: list[NewAction] = []
    by_old: dict[int, NewAction] = {}

    def carry(s: int, milestone: str, st: str, edit: str) -> NewAction:
        a = old[s]
        na = NewAction(a["priority"], key_area_for(a["lead_officer"], a["action"]), a["action"], list(a["measures"]),
                       a["lead_officer"], milestone, st, [s], [edit], float(s))
        actions.append(na)
        by_old[s] = na
        return na

    def same_end(s: int) -> str:
        return rng.choice(same_end_formats(end[s])) if end[s] else old[s]["milestone"]

    style = iter(range(1000))
    for s in kept:
        carry(s, same_end(s), status[s], "kept")
    for s in completed:
        carry(s, same_end(s), "complete", "complete")
    for s in slipped:
        base = max(end[s], month_end(PHASE2_PUBLISHED.year, PHASE2_PUBLISHED.month))
        carry(s, moved_format(add_months(base, rng.randint(1, 8)), next(style)), status[s], "slip")
    for s in brought:
        carry(s, moved_format(add_months(end[s], -rng.randint(1, 2)), rng.choice((1, 4))), status[s], "bring")
    for s in dated:
        carry(s, moved_format(add_months(PHASE2_PUBLISHED, rng.randint(3, 12)), rng.choice((1, 3, 4))), status[s], "date")
    for s in reopened:
        carry(s, moved_format(add_months(PHASE2_PUBLISHED, rng.randint(2, 6)), next(style)), "on_track", "reopen")
    for s in splits:
        a = old[s]
        for i, part in enumerate(text.SPLITS[s]):
            na = NewAction(a["priority"], key_area_for(a["lead_officer"], a["action"]), part, list(a["measures"]),
                           a["lead_officer"], same_end(s), status[s], [s], ["split"], s + i * 0.1)
            actions.append(na)
    for pair in merges:
        a, b = old[pair[0]], old[pair[1]]
        later = max(pair, key=lambda s: end[s] or date.min)
        na = NewAction(a["priority"], key_area_for(a["lead_officer"], a["action"]), text.MERGES[pair],
                       list(a["measures"]) + [m for m in b["measures"] if m not in a["measures"]],
                       a["lead_officer"], same_end(later), status[pair[0]], list(pair), ["merge"], float(pair[0]))
        actions.append(na)

    # overlays on the actions kept one-to-one (not completed/reopened for status changes)
    one_to_one = sorted(by_old)
    for s in rng.sample([s for s in one_to_one if s in text.PARAPHRASES], r.reword):
        by_old[s].action = text.PARAPHRASES[s][spec.variant]
        by_old[s].edits.append("reword")
    for s in rng.sample(one_to_one, r.lead):
        current = set(canonical_officers(by_old[s].lead_officer)[0])
        choices = [o for o in OFFICER_POOL if set(canonical_officers(o)[0]) != current]
        by_old[s].lead_officer = rng.choice(choices)
        by_old[s].edits.append("lead")
    open_kept = [s for s in one_to_one if by_old[s].status != "complete" and s not in reopened]
    better = [s for s in open_kept if by_old[s].status in ("off_track", "some_issues")]
    for s in rng.sample(better, min(r.improve, len(better))):
        by_old[s].status = "on_track" if by_old[s].status == "some_issues" else rng.choice(("some_issues", "on_track"))
        by_old[s].edits.append("improve")
    worse = [s for s in open_kept if by_old[s].status in ("on_track", "not_started") and "improve" not in by_old[s].edits]
    for s in rng.sample(worse, min(r.worsen, len(worse))):
        by_old[s].status = rng.choice(("some_issues", "off_track"))
        by_old[s].edits.append("worsen")
    for s in rng.sample([s for s in one_to_one if "reword" not in by_old[s].edits], r.move):
        by_old[s].theme = rng.choice([t for t in (1, 2, 3, 4) if t != by_old[s].theme])
        by_old[s].order = 1000.0 + s
        by_old[s].edits.append("move")

    for theme, area, action, measures, lead, milestone, wording in rng.sample(text.NEW_ACTIONS, r.new):
        st = next(k for k, v in WORDING.items() if v == wording)
        actions.append(NewAction(theme, area, action, list(measures), lead, milestone, st, [], ["new"],
                                 rng.uniform(1, 125)))

    actions.sort(key=lambda a: (a.theme, KEY_AREAS.index(a.key_area), a.order))
    counters: dict[int, int] = {}
    for seq, a in enumerate(actions, start=1):
        counters[a.theme] = counters.get(a.theme, 0) + 1
        a.seq, a.ref = seq, f"P2-{a.theme}.{counters[a.theme]:02d}"

    result = Phase2(spec, plan["themes"], actions)
    result.links = answer_links(old, status, actions, retired, dropped)
    _check(result, splits, merges, completed, slipped, brought, dropped, retired, reopened)
    return result


def answer_links(old: dict, status: dict, actions: list[NewAction], retired, dropped) -> list[dict]:
    links = []
    for s in sorted(retired + dropped):
        links.append(_link(old[s], None, status[s], None, ["retire" if s in retired else "drop"]))
    for na in actions:
        if not na.sources:
            links.append(_link(None, na, None, None, na.edits))
        fan = "split" if "split" in na.edits else "merged" if "merge" in na.edits else None
        for s in na.sources:
            links.append(_link(old[s], na, status[s], fan, na.edits))
    links.sort(key=lambda l: (l["old_seq"] or 10_000, l["new_seq"] or 0))
    return links


def _link(old, new, old_status, fan, edits) -> dict:
    return {
        "old_seq": old["seq"] if old else None,
        "new_seq": new.seq if new else None,
        "change": classify(old, new, old_status),
        "flags": flags_for(old, new, old_status, fan),
        "edits": list(edits),
    }


def _check(p: Phase2, splits, merges, completed, slipped, brought, dropped, retired, reopened) -> None:
    """The edits produce the classes they are meant to (a guard on this module, not on the differ)."""
    cls = {(l["old_seq"], l["new_seq"]): l["change"] for l in p.links}
    by_old: dict[int, list[str]] = {}
    for (o, _n), c in cls.items():
        if o is not None:
            by_old.setdefault(o, []).append(c)
    for group, want in ((completed, "completed"), (slipped, "slipped"), (brought, "brought_forward"),
                        (dropped, "dropped"), (retired, "completed"), (reopened, "reopened")):
        for s in group:
            assert by_old[s] == [want], (s, by_old[s], want)
    assert sum(len(by_old[s]) for s in splits) == 2 * len(splits)


# --- answer key as data --------------------------------------------------------------------------------------
def answer_key(p: Phase2) -> dict:
    themes = {t["priority"]: t["title"] for t in p.themes}
    return {
        "$comment": "Answer key of a CONSTRUCTED Phase 2 (tools/samples/phase2.py): which Phase 1 seq became "
                    "which Phase 2 action, with its change class and flags. Regenerate with python -m tools.samples.",
        "constructed": True,
        "old": "sefton-phase1-2022",
        "new": p.spec.publication_id,
        "seed": p.spec.seed,
        "paraphrase_variant": "AB"[p.spec.variant],
        "old_published": PHASE1_PUBLISHED.isoformat(),
        "new_published": PHASE2_PUBLISHED.isoformat(),
        "links": p.links,
        "actions": [
            {
                "seq": a.seq,
                "action_ref": a.ref,
                "theme_ref": str(a.theme),
                "theme": themes[a.theme],
                "key_area": a.key_area,
                "action": a.action,
                "measures": a.measures,
                "lead_officer_raw": a.lead_officer,
                "rag_raw": WORDING[a.status],
                "milestone_raw": a.milestone,
                "rag": a.status,
            }
            for a in p.actions
        ],
    }


# --- the document ---------------------------------------------------------------------------------------------
def footer(canvas: Canvas, page: int, layout: TableLayout) -> None:
    size = 7.0
    y = layout.margins.bottom / 2
    canvas.setFillColorRGB(0.25, 0.25, 0.25)
    canvas.setFont(layout.font, size)
    canvas.drawString(layout.margins.left, y, FOOTER_TITLE)
    label = f"Page {page}"
    canvas.drawString(layout.page_width - layout.margins.right - stringWidth(label, layout.font, size), y, label)


BASE = TableLayout(
    orientation="portrait",
    margins=Margins(left=30, right=30, top=36, bottom=40),
    font="Helvetica",
    font_bold="Helvetica-Bold",
    font_size=7.5,
    header_font_size=7.5,
    banner_font_size=12.0,
    leading_ratio=1.2,
    vertical_rules=True,
    horizontal_rules=True,
    header_repeat="every_page",
    rag_style="fill_and_wording",
    header_fill="#fbe5d6",
    cell_padding=3.0,
    paragraph_gap=5.0,
    footer=footer,
)
COLUMNS = (
    Column("ref", "Ref", 42),
    Column("key_area", "Key Area", 58),
    Column("action", "Action", 142),
    Column("measures", "Success Measures", 120),
    Column("lead_officer", "Lead Officer", 66),
    Column("milestone", "Target Date", 54),
    Column("rag", "Status", 53),
)


def front_matter(p: Phase2) -> list:
    blocks: list = [
        Text(f"{TITLE} (constructed sample)", size=16, bold=True, space_after=8),
        Text(NOTICE_LONG, size=9, bold=True, space_after=10),
        Text("Phase 2 of the Children’s Improvement Programme continues the four themes of Phase 1:", size=9),
    ]
    for t in p.themes:
        blocks.append(Text(f"Theme {t['priority']} – {t['title']}: {t['theme_summary']}", size=9, space_after=4))
    blocks.append(Text("The plan identifies four key areas that its actions strengthen: " + "; ".join(KEY_AREAS) + ".",
                       size=9, space_before=6))
    blocks.append(Text("Each action has success measures, a lead officer, a target date and a status.", size=9))
    legend = replace(
        BASE,
        columns=(Column("rag", "Status", 90), Column("meaning", "What it means", 300)),
        rag_field="rag",
        font_size=8.5,
        header_font_size=8.5,
        cell_padding=5.0,
    )
    rows = tuple(Row({"rag": WORDING[k], "meaning": LEGEND_TEXT[k]}, rag_fill=PALETTE[k], key=("legend", k))
                 for k in WORDING)
    blocks += [Text("Status key", size=11, bold=True, space_before=8), Table(legend, rows, key="legend"), PageBreak()]
    return blocks


def action_rows(p: Phase2) -> tuple:
    titles = {t["priority"]: t for t in p.themes}
    items: list = []
    theme, area = None, None
    for a in p.actions:
        if a.theme != theme:
            theme, area = a.theme, None
            t = titles[theme]
            items.append(Section((f"Theme {theme} – {t['title']}", t["aim"]), key=("theme", theme)))
        merged = ("key_area",) if a.key_area == area else ()
        area = a.key_area
        cells = {
            "ref": a.ref, "key_area": a.key_area, "action": a.action, "measures": a.measures,
            "lead_officer": a.lead_officer, "milestone": a.milestone, "rag": WORDING[a.status],
        }
        items.append(Row(cells, merged, rag_fill=PALETTE[a.status], key=a.seq))
    return tuple(items)


def document(p: Phase2) -> Document:
    layout = replace(BASE, columns=COLUMNS, rag_field="rag", section_style="banner")
    blocks = front_matter(p) + [Table(layout, action_rows(p), key="actions")]
    return Document(
        layout=BASE,
        blocks=tuple(blocks),
        metadata=Metadata(
            title=f"{TITLE} (constructed sample)",
            author="planpipe (constructed from Sefton Council's Phase 1 text)",
            subject=NOTICE,
            keywords=f"Sefton; children's services; improvement plan; Phase 2; constructed; seed {p.spec.seed}; {NOTICE}",
            creator="planpipe pipeline.samples.phase2",
        ),
    )


def write_answer_key(p: Phase2, path: Path | None = None) -> Path:
    path = Path(path or p.spec.answer_key)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(answer_key(p), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def load_answer_key(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))
