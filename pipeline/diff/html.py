"""diff.html: what changed between two versions of a plan, for a reader who has to find the story.

A headline in words with the key figures, inline SVG charts (changes per theme; old status against
what became of each action), every reworded action with word-level insertions and deletions, and every
change as a row that links to the page of each PDF it came from, with a thumbnail of the row cropped
from that page. Filters and sorting work in the page; with scripts off every row is still there.
"""

from __future__ import annotations

import difflib
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .. import htmlkit as hk
from ..htmlkit import esc
from . import CHANGE_CLASSES, ChangeRecord, DiffResult
from .report import (COUNT_HEAD, DAYS_PER_MONTH, MEASURE_HEAD, TROUBLE, count_rows, measure_rows, months, theme_counts,
                     theme_labels, theme_of)
from .report import LABELS as CLASS_LABELS

# Chart fills per change class, light enough for black labels on them (WCAG AA) and told apart by the
# legend and the table beside each chart, never by colour alone.
CLASS_COLOURS = {
    "completed": "#9fd8ad", "slipped": "#ffd27a", "brought_forward": "#a9cdf2", "dropped": "#f4a3a3",
    "new": "#cdb8ef", "carried": "#dddddd", "reopened": "#f7c08f",
}
FLAG_LABELS = {
    "reworded": "reworded", "rag_improved": "status improved", "rag_worsened": "status worse",
    "lead_changed": "lead changed", "milestone_changed": "deadline set/removed", "split": "split",
    "merged": "merged", "overdue": "overdue",
}


@dataclass
class Side:
    """One version of the plan as the report sees it: its records by seq, its PDF and thumbnails."""

    label: str
    records: dict
    href: str | None
    thumbs: dict


def _months(days: float) -> str:
    m = days / DAYS_PER_MONTH
    return f"{m:.1f} month{'s' if round(m, 1) != 1 else ''}"


def headline_figures(result: DiffResult) -> dict[str, int | float | None]:
    """The figures the headline states, straight from the change rows (the diff Parquet's rows)."""
    counts = result.counts()
    slips = [c["slip_days"] for c in result.changes if c["change"] == "slipped" and c["slip_days"] is not None]
    dropped = [c for c in result.changes if c["change"] == "dropped"]
    return {
        "old_actions": len(result.old),
        "new_actions": len(result.new),
        **{k: counts[k] for k in CHANGE_CLASSES},
        "slip_median_days": statistics.median(slips) if slips else None,
        "slip_max_days": max(slips) if slips else None,
        "dropped_in_trouble": sum(1 for c in dropped if c["old_rag"] in TROUBLE),
        "reworded": sum(1 for c in result.changes if "reworded" in c["flags"]),
        "overdue": sum(1 for c in result.changes if "overdue" in c["flags"] and c["new_seq"] is not None),
    }


def _fig(name: str, value) -> str:
    return f'<strong data-figure="{name}">{esc(value)}</strong>'


def headline(result: DiffResult, old_label: str, new_label: str) -> str:
    f = headline_figures(result)
    words = [f"Of the {_fig('old_actions', f['old_actions'])} actions in {esc(old_label)}, "
             f"{_fig('completed', f['completed'])} were completed by {esc(new_label)}."]
    median, longest = f["slip_median_days"], f["slip_max_days"]
    if f["slipped"] and median is not None and longest is not None:
        words.append(f" {_fig('slipped', f['slipped'])} slipped, by a median of {esc(_months(median))}"
                     f" (the longest by {esc(_months(longest))}).")
    else:
        words.append(f" {_fig('slipped', 0)} slipped.")
    words.append(f" {_fig('dropped', f['dropped'])} were dropped while still open, "
                 f"{_fig('dropped_in_trouble', f['dropped_in_trouble'])} of them while off track or with issues.")
    words.append(f" {esc(new_label)} adds {_fig('new', f['new'])} new actions; {_fig('reworded', f['reworded'])} of the"
                 f" actions it keeps are reworded, and {_fig('overdue', f['overdue'])} of its actions were already"
                 " overdue when it was published.")
    tiles = [("completed", "completed"), ("slipped", "slipped"), ("dropped", "dropped while open"),
             ("dropped_in_trouble", "dropped while off track / issues"), ("new", "new"),
             ("brought_forward", "brought forward"), ("carried", "carried"), ("reopened", "reopened")]
    items = "".join(f"<li>{_fig(k, f[k])}{esc(label)}</li>" for k, label in tiles)
    return f'<p class="headline">{"".join(words)}</p><ul class="figures" aria-label="Key figures">{items}</ul>'


def charts(result: DiffResult, old: dict, new: dict, old_label: str) -> str:
    rows = theme_counts(result, old, new)
    out = ["<h2 id=\"charts\">Changes per theme</h2><figure>",
           hk.stacked_bars("Changes per theme", rows, CLASS_COLOURS, CLASS_LABELS, "number of actions per change class"),
           "<figcaption>Number of actions per change class in each theme (the new version's theme, else the old one's)."
           "</figcaption></figure>"]
    table_rows = [[esc(label)] + counts for label, *counts in count_rows(rows)]
    out.append(hk.data_table(list(COUNT_HEAD), table_rows, total_last=True))
    return "".join(out) + fate_chart(result, old_label)


def fate_chart(result: DiffResult, old_label: str) -> str:
    """Each old status, split by what became of the actions that had it."""
    by_status: dict[str, Counter] = {}
    for c in result.changes:
        if c["old_seq"] is not None:
            by_status.setdefault(c["old_rag"] or "unknown", Counter())[c["change"]] += 1
    statuses = [s for s in hk.STATUS_ORDER if s in by_status]
    srows = [(hk.STATUS_LABELS[s], [(k, by_status[s][k]) for k in CHANGE_CLASSES if k != "new"]) for s in statuses]
    return "".join([f"<h2 id=\"fate\">Status in {esc(old_label)} against what became of each action</h2><figure>",
            hk.stacked_bars("Old status against change class", srows, CLASS_COLOURS, CLASS_LABELS),
            "<figcaption>Each bar is the actions that had that status in the old version, split by what became of them."
            "</figcaption></figure>",
            hk.data_table(["Old status"] + [CLASS_LABELS[k] for k in CHANGE_CLASSES if k != "new"] + ["Total"],
                          [[esc(label)] + [str(n) for _, n in segs] + [str(sum(n for _, n in segs))] for label, segs in srows])])


TOKEN = re.compile(r"\s+|[^\s]+")


def word_diff(old: str | None, new: str | None) -> tuple[str, str]:
    """(old HTML, new HTML) with deleted words in <del> on the old side and inserted words in <ins> on the new."""
    a, b = TOKEN.findall(old or ""), TOKEN.findall(new or "")
    left, right = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        x, y = esc("".join(a[i1:i2])), esc("".join(b[j1:j2]))
        if op == "equal":
            left.append(x)
            right.append(y)
            continue
        if i2 > i1:
            left.append(f"<del>{x}</del>")
        if j2 > j1:
            right.append(f"<ins>{y}</ins>")
    return "".join(left).replace("\n", "<br>"), "".join(right).replace("\n", "<br>")


def reworded(result: DiffResult, old_side: Side, new_side: Side) -> str:
    rows = [c for c in result.changes if "reworded" in c["flags"]]
    out = [f'<h2 id="reworded">Reworded actions ({len(rows)})</h2>',
           '<p class="muted">Old wording on the left, new on the right; <del>deleted words</del> and '
           "<ins>inserted words</ins> are marked (struck through and underlined, so they read without colour).</p>"]
    for c in rows:
        left, right = word_diff(c["old_action"], c["new_action"])
        ref = " → ".join(x for x in (c["old_ref"], c["new_ref"]) if x) or "no ref"
        out.append(f'<h3>{esc(ref)} <span class="muted">({esc(CLASS_LABELS[c["change"]])})</span></h3><div class="side">'
                   f'<div><span class="muted">{esc(old_side.label)} · {_link(old_side, c["old_page"])}</span><p>{left}</p></div>'
                   f'<div><span class="muted">{esc(new_side.label)} · {_link(new_side, c["new_page"])}</span><p>{right}</p></div></div>')
    return "".join(out)


def _link(side: Side, page: int | None) -> str:
    return hk.page_link(side.href, page, side.label)


def _lead_list(lead: str | None) -> list[str]:
    return [x.strip() for x in (lead or "").split(";") if x.strip()]


def _source_cell(c: ChangeRecord, old_side: Side, new_side: Side) -> str:
    parts = []
    for side, seq in ((old_side, c["old_seq"]), (new_side, c["new_seq"])):
        r = side.records.get(seq) if seq is not None else None
        if r is None:
            continue
        page = r["page_start"]
        uri = side.thumbs.get((page, tuple(float(v) for v in r["bbox"])))
        alt = f"The row as printed on page {page} of {side.label}"
        parts.append(f'<div class="src">{_link(side, page)}{hk.thumb(uri, alt)}</div>')
    return "".join(parts)


def _milestone(side: Side, seq: int | None) -> str:
    r = side.records.get(seq) if seq is not None else None
    return (r or {}).get("milestone_raw") or ""


def change_row(c: ChangeRecord, theme: str, old_side: Side, new_side: Side) -> str:
    statuses = "|".join(s for s in dict.fromkeys((c["old_rag"], c["new_rag"])) if s)  # old first: the page is reproducible
    officers = "|".join(sorted(set(_lead_list(c["old_lead"])) | set(_lead_list(c["new_lead"]))))
    action = c["new_action"] if c["new_action"] is not None else c["old_action"]
    flags = "".join(f'<span class="flag">{esc(FLAG_LABELS.get(f, f))}</span>' for f in c["flags"])
    trouble = c["change"] == "dropped" and c["old_rag"] in TROUBLE
    change = (f'<span class="chip" style="background:{CLASS_COLOURS[c["change"]]};color:#1d1d1d">'
              f'{esc(CLASS_LABELS[c["change"]])}</span>' + (' <span class="trouble">while in trouble</span>' if trouble else ""))
    slip = months(c["slip_days"])
    deadline = " → ".join(x for x in (_milestone(old_side, c["old_seq"]), _milestone(new_side, c["new_seq"])) if x)
    lead = c["new_lead"] if c["new_lead"] is not None else c["old_lead"]
    if c["old_lead"] and c["new_lead"] and c["old_lead"] != c["new_lead"]:
        lead = f"{c['old_lead']} → {c['new_lead']}"
    ref = " → ".join(x for x in (c["old_ref"] or "–", c["new_ref"] or "–"))
    return (f'<tr data-theme="{esc(theme)}" data-class="{esc(c["change"])}" data-status="{esc(statuses)}" '
            f'data-officer="{esc(officers)}" data-flags="{esc("|".join(c["flags"]))}">'
            f'<td data-sort="{CHANGE_CLASSES.index(c["change"])}">{change}<br>{flags}</td>'
            f"<td>{esc(theme)}</td><td>{esc(ref)}</td><td>{hk.esc_lines(action)}</td>"
            f'<td>{hk.status_chip(c["old_rag"])} → {hk.status_chip(c["new_rag"])}</td>'
            f"<td>{esc(deadline)}</td><td class=\"n\">{slip}</td><td>{esc(lead)}</td>"
            f'<td class="pages">{_source_cell(c, old_side, new_side)}</td></tr>')


# Shares of the page width per column of the every-action table. A fixed layout lets the browser lay out
# 100+ rows without measuring every cell first: it halves the load time of the report.
CHANGE_COLUMN_WIDTHS = (9, 9, 6, 22, 10, 9, 5, 10, 20)


def changes_table(result: DiffResult, old_side: Side, new_side: Side) -> str:
    labels = theme_labels(result)
    themes = {}
    rows = []
    for c in result.changes:
        key = theme_of(c, old_side.records, new_side.records)
        theme = labels.get(key, key)
        themes[key] = theme
        rows.append(change_row(c, theme, old_side, new_side))
    officers = sorted({o for c in result.changes for o in _lead_list(c["old_lead"]) + _lead_list(c["new_lead"])})
    statuses = [s for s in hk.STATUS_ORDER if any(s in (c["old_rag"], c["new_rag"]) for c in result.changes)]
    classes = [k for k in CHANGE_CLASSES if any(c["change"] == k for c in result.changes)]
    filters = [
        ("theme", "Theme", [(themes[k], themes[k]) for k in sorted(themes, key=lambda t: (t == "(no theme)", t))]),
        ("class", "Change", [(k, CLASS_LABELS[k]) for k in classes]),
        ("status", "Status (old or new)", [(s, hk.STATUS_LABELS[s]) for s in statuses]),
        ("officer", "Lead officer", [(o, o) for o in officers]),
        ("flags", "Flag", [(f, FLAG_LABELS[f]) for f in FLAG_LABELS if any(f in c["flags"] for c in result.changes)]),
    ]
    head = ["Change", "Theme", "Ref old → new", "Action (new wording)", "Status old → new", "Deadline old → new",
            "Slip (months)", "Lead officer", "Source pages"]
    ths = "".join(f'<th scope="col"{" class=n" if h.startswith("Slip") else ""}>{esc(h)}</th>' for h in head)
    return (f'<h2 id="all">Every action ({len(rows)})</h2>'
            '<p class="muted">One row per action of either version (a split or a merge gives a row per part). '
            "Each row links to the page of each PDF it came from and shows the row as printed there.</p>"
            + hk.controls("changes", filters)
            + f'<table id="changes" class="sortable fixed">{hk.colgroup(CHANGE_COLUMN_WIDTHS)}<thead><tr>{ths}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def measures_section(result: DiffResult, measures) -> str:
    if not measures:
        return ""
    rows = [[esc(r[0])] + [esc(x) for x in r[1:]] for r in measure_rows(result, measures)]
    return (f'<h2 id="measures">Ofsted measures: what became of their actions ({len(rows)})</h2>'
            + hk.data_table(MEASURE_HEAD, rows, numeric_from=3))


def publication_of(meta: dict, registry: str | Path = "sources") -> dict:
    """{"title", "file"} of the registry entry `meta["source_id"]` names, when its sha256 is the one the
    Parquet was extracted from; else {} (a report from unregistered files says so)."""
    from ..errors import PlanpipeError
    from ..sources import load_source

    entry = Path(registry) / f"{meta.get('source_id')}.toml"
    if not meta.get("source_id") or not entry.exists():
        return {}
    try:
        src = load_source(entry)
    except PlanpipeError:
        return {}
    if meta.get("source_sha256") and src.sha256 != meta["source_sha256"]:
        return {"title": src.title}
    return {"title": src.title, "file": src.file}


# Words that part a plan's name from its version in a title ("... Plan – Phase 1", "Plan: 2023 update").
TITLE_SEPARATORS = {"–", "—", "-", ":", "|"}


def short_labels(old_title: str, new_title: str) -> tuple[str, str]:
    """Two titles without the name they share up to a separator ("... Plan – Phase 1" -> "Phase 1"), so
    the headline reads in plain words; the whole titles stay in the page title."""
    a, b = old_title.split(), new_title.split()
    cut = 0
    for n in range(min(len(a), len(b)) - 1):
        if a[n] != b[n]:
            break
        if a[n] in TITLE_SEPARATORS or a[n][-1] in ":|":
            cut = n + 1
    if cut == 0 or a == b:
        return old_title, new_title
    return " ".join(a[cut:]), " ".join(b[cut:])


def _side(result: DiffResult, which: str, label: str, pdf: str | Path | None, out_dir: str | Path | None) -> Side:
    from ..readers.render import row_thumbnails

    records = {r["seq"]: r for r in (result.old if which == "old" else result.new)}
    href, thumbs = None, {}
    if pdf is not None and Path(pdf).exists():
        href = hk.relative_href(pdf, out_dir or ".")
        thumbs = row_thumbnails(pdf, ((r["page_start"], r["bbox"]) for r in records.values()))
    return Side(label, records, href, thumbs)


def diff_html(result: DiffResult, measures=None, pdfs: dict | None = None, out_dir: str | Path | None = None) -> str:
    """The whole diff.html. `pdfs`: {"old": path, "new": path} of the two PDFs (for page links and
    thumbnails; a side without its PDF gets page numbers only). `out_dir`: where the file is written,
    so links are relative to it."""
    old_pub, new_pub = publication_of(result.old_meta), publication_of(result.new_meta)
    pdfs = {"old": old_pub.get("file"), "new": new_pub.get("file"), **(pdfs or {})}
    old_title = str(old_pub.get("title") or result.old_meta.get("source_id") or "old version")
    new_title = str(new_pub.get("title") or result.new_meta.get("source_id") or "new version")
    old_label, new_label = short_labels(old_title, new_title)
    old_side = _side(result, "old", old_label, pdfs.get("old"), out_dir)
    new_side = _side(result, "new", new_label, pdfs.get("new"), out_dir)
    title = f"What changed: {old_title} → {new_title}"
    missing = [s.label for s in (old_side, new_side) if s.href is None]
    note = (f'<p class="muted">The PDF of {esc(" and ".join(missing))} was not found beside its registry entry, so its '
            "rows have page numbers but no links or thumbnails.</p>") if missing else ""
    published = result.new_meta.get("published")
    sub = (f'<p class="sub">{esc(result.old_meta.get("source_id", "old"))} → {esc(result.new_meta.get("source_id", "new"))}'
           + (f"; the new version was published on {esc(published)}" if published else "") + ".</p>")
    nav = ('<nav class="noprint" aria-label="Sections"><a href="#charts">Charts</a> · <a href="#reworded">Reworded</a> · '
           '<a href="#all">Every action</a>' + (' · <a href="#measures">Ofsted measures</a>' if measures else "") + "</nav>")
    body = (f"<h1>{esc(title)}</h1>{sub}{nav}{headline(result, old_side.label, new_side.label)}{note}"
            + charts(result, old_side.records, new_side.records, old_side.label)
            + changes_table(result, old_side, new_side)
            + reworded(result, old_side, new_side)
            + measures_section(result, measures))
    return hk.page(title, body)
