"""Diff reports for people: Markdown and a self-contained HTML page, from a DiffResult.

Counts per change class per theme, then tables of slipped, dropped, completed and new actions; every
row cites the pages of the old and the new version it comes from.
"""

from __future__ import annotations

import re
from collections import Counter

from . import CHANGE_CLASSES, ChangeRecord, DiffResult

LABELS = {
    "completed": "Completed", "slipped": "Slipped", "brought_forward": "Brought forward", "dropped": "Dropped",
    "new": "New", "carried": "Carried", "reopened": "Reopened",
}
RAG_LABELS: dict[str | None, str] = {  # keyed by a change's old_rag or new_rag, which may be None
    "complete": "complete", "on_track": "on track", "some_issues": "some issues", "off_track": "off track",
    "not_started": "not started", "business_as_usual": "business as usual", "unknown": "unknown",
}
# A dropped action whose last status was one of these is news: it was in trouble when it disappeared.
TROUBLE = {"off_track", "some_issues"}
# Days per month, to say slips in months as people do.
DAYS_PER_MONTH = 30.44


def _records(result: DiffResult):
    old = {r["seq"]: r for r in result.old}
    new = {r["seq"]: r for r in result.new}
    return old, new


def theme_of(change: ChangeRecord, old: dict, new: dict) -> str:
    """The theme a change is counted under: the new action's, else the old one's. Themes are grouped by
    their number (a plan may retitle "Implementation of Learning" as "Improving Implementation of
    Learning"), titled as the new version prints them."""
    r = new.get(change["new_seq"]) if change["new_seq"] is not None else old.get(change["old_seq"])
    if r is None or not (r.get("theme_ref") or r.get("theme")):
        return "(no theme)"
    return r.get("theme_ref") or r.get("theme")


def theme_labels(result: DiffResult) -> dict[str, str]:
    labels: dict[str, str] = {}
    for r in list(result.new) + list(result.old):  # new titles first
        ref, title = r.get("theme_ref"), r.get("theme")
        key = ref or title
        if key and key not in labels:
            labels[key] = f"{ref}. {title}" if ref and title else str(key)
    return labels


def months(days: int | None) -> str:
    return "" if days is None else f"{days / DAYS_PER_MONTH:+.1f}"


def pages(change: ChangeRecord) -> str:
    o, n = change["old_page"], change["new_page"]
    if o is not None and n is not None:
        return f"p. {o} → p. {n}"
    return f"old p. {o}" if o is not None else f"new p. {n}"


def _short(text: str | None, n: int = 140) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


def measure_rows(result: DiffResult, measures) -> list[list[str]]:
    """Per inspection measure of the old plan (its appendix): what became of the actions addressing it.

    An action counts as complete when the new version has it complete (or it was retired as done),
    dropped when it vanished while open; otherwise by its status in the new version."""
    from ..report import actions_for_refs

    by_old: dict[int, ChangeRecord] = {}
    for c in result.changes:
        if c["old_seq"] is not None:
            by_old.setdefault(c["old_seq"], c)
    rows = []
    for m in measures:
        acts = actions_for_refs(m["refs"], result.old)
        n: Counter = Counter()
        for a in acts:
            fate = by_old.get(a["seq"])
            if fate is None:
                n["other"] += 1
            elif fate["change"] == "dropped":
                n["dropped"] += 1
            elif fate["change"] == "completed" or fate["new_rag"] == "complete":
                n["complete"] += 1
            elif fate["new_rag"] in ("on_track", "business_as_usual"):
                n["on_track"] += 1
            elif fate["new_rag"] in ("off_track", "some_issues"):
                n["off_track"] += 1
            else:
                n["other"] += 1
        label = f"{m.get('appendix') or ''}{m['seq']}"
        rows.append([label, _short(m["measure"], 110), ", ".join(m["refs"]), str(len(acts)), str(n["complete"]),
                     str(n["on_track"]), str(n["off_track"]), str(n["dropped"]), str(n["other"])])
    return rows


MEASURE_HEAD = ["#", "Ofsted measure", "Refs", "Actions", "Complete", "On track", "Issues / off track", "Dropped", "Other"]


def theme_counts(result: DiffResult, old: dict, new: dict) -> list[tuple[str, list[tuple[str, int]]]]:
    """(theme label, [(change class, count), ...]) per theme, in report order: by theme number, "(no theme)"
    last. The count table of diff.md and the chart and table of diff.html are both drawn from it."""
    labels = theme_labels(result)
    per_theme: dict[str, Counter] = {}
    for c in result.changes:
        per_theme.setdefault(theme_of(c, old, new), Counter())[c["change"]] += 1
    themes = sorted(per_theme, key=lambda t: (t == "(no theme)", t))
    return [(labels.get(t, t), [(k, per_theme[t][k]) for k in CHANGE_CLASSES]) for t in themes]


COUNT_HEAD = ["Theme"] + [LABELS[k] for k in CHANGE_CLASSES] + ["Total"]


def count_rows(per_theme: list[tuple[str, list[tuple[str, int]]]]) -> list[list[str]]:
    """The count table's rows: one per theme and the total row "All", each ending with its total."""
    totals = [sum(segs[i][1] for _, segs in per_theme) for i in range(len(CHANGE_CLASSES))]
    rows = [(label, [n for _, n in segs]) for label, segs in per_theme] + [("All", totals)]
    return [[label] + [str(n) for n in ns] + [str(sum(ns))] for label, ns in rows]


def _milestone(r: dict | None) -> str:
    return (r or {}).get("milestone_raw") or ""


def _of_class(result: DiffResult, change: str) -> list[ChangeRecord]:
    return [c for c in result.changes if c["change"] == change]


Section = tuple[str, list[str], list[list[str]]]


def slipped_section(result: DiffResult, old: dict, new: dict) -> Section:
    """Slipped actions, the longest slip first."""
    rows = sorted(_of_class(result, "slipped"), key=lambda c: -(c["slip_days"] or 0))
    return ("Slipped", ["Old ref", "New ref", "Action (new wording)", "Deadline old → new", "Months", "Status", "Pages"], [
        [c["old_ref"] or "", c["new_ref"] or "", _short(c["new_action"]),
         f"{_milestone(old.get(c['old_seq']))} → {_milestone(new.get(c['new_seq']))}", months(c["slip_days"]),
         RAG_LABELS.get(c["new_rag"], c["new_rag"] or ""), pages(c)] for c in rows])


def dropped_section(result: DiffResult, old: dict) -> Section:
    """Actions dropped while open, those in trouble when they disappeared first (marked ⚠)."""
    rows = sorted(_of_class(result, "dropped"), key=lambda c: (c["old_rag"] not in TROUBLE, c["old_seq"]))
    return ("Dropped while open", ["Old ref", "Action", "Last status", "Deadline", "Lead", "Pages"], [
        [c["old_ref"] or "", _short(c["old_action"]),
         (RAG_LABELS.get(c["old_rag"], "") + (" ⚠" if c["old_rag"] in TROUBLE else "")),
         _milestone(old.get(c["old_seq"])), c["old_lead"] or "", pages(c)] for c in rows])


def completed_section(result: DiffResult) -> Section:
    return ("Completed", ["Old ref", "New ref", "Action", "How", "Pages"], [
        [c["old_ref"] or "", c["new_ref"] or "", _short(c["new_action"] or c["old_action"]),
         "retired (done in the old version)" if c["new_seq"] is None else "now complete", pages(c)]
        for c in _of_class(result, "completed")])


def new_section(result: DiffResult, new: dict) -> Section:
    return ("New", ["New ref", "Action", "Deadline", "Status", "Lead", "Pages"], [
        [c["new_ref"] or "", _short(c["new_action"]), _milestone(new.get(c["new_seq"])),
         RAG_LABELS.get(c["new_rag"], c["new_rag"] or ""), c["new_lead"] or "", pages(c)]
        for c in _of_class(result, "new")])


def other_section(result: DiffResult) -> Section:
    """Brought forward and reopened actions, and every part of a split or a merge."""
    rows = [c for c in result.changes if c["change"] in ("brought_forward", "reopened") or {"split", "merged"} & set(c["flags"])]
    return ("Brought forward, reopened, split and merged", ["Change", "Old ref", "New ref", "Action (new wording)", "Flags", "Pages"], [
        [LABELS[c["change"]], c["old_ref"] or "", c["new_ref"] or "", _short(c["new_action"] or c["old_action"]),
         ", ".join(c["flags"]), pages(c)] for c in rows])


def sections(result: DiffResult, measures=None) -> tuple[list[str], list[list[str]], list[Section]]:
    """(count header, count rows, [(title, header, rows)]): the report's content, shared by both formats."""
    old, new = _records(result)
    tables = [slipped_section(result, old, new), dropped_section(result, old), completed_section(result),
              new_section(result, new), other_section(result)]
    if measures:
        tables.append(("Ofsted measures: what became of their actions", MEASURE_HEAD, measure_rows(result, measures)))
    return list(COUNT_HEAD), count_rows(theme_counts(result, old, new)), tables


def _title(result: DiffResult) -> str:
    o, n = result.old_meta.get("source_id", "old"), result.new_meta.get("source_id", "new")
    return f"What changed: {o} → {n}"


# Characters with a meaning in Markdown (emphasis, links, images, code, headings, tables, escapes) and
# the ones that open HTML (`<script>`, `<img onerror>`, entities): each is written as literal text.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]()!|~])")
# A URL scheme (`javascript:`, `data:`, `http:`): its colon is written as an entity, so no renderer
# turns the text into a link, whatever its autolink rules.
_SCHEME = re.compile(r"\b([A-Za-z][A-Za-z0-9+.\-]{1,31}):(?=\S)")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def md_escape(text: str) -> str:
    """Text from a PDF or a file's metadata, as Markdown that renders as exactly that text and nothing
    executable: HTML is entity-escaped, Markdown markup backslash-escaped, link schemes broken."""
    text = _CONTROL.sub(" ", text.replace("\r\n", " ").replace("\n", " "))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _SCHEME.sub(r"\1&#58;", text)


def to_markdown(result: DiffResult, measures=None) -> str:
    head, rows, tables = sections(result, measures)

    def table(h, rs):
        esc = md_escape
        lines = ["| " + " | ".join(h) + " |", "|" + "---|" * len(h)]
        lines += ["| " + " | ".join(esc(x) for x in r) + " |" for r in rs]
        return "\n".join(lines)

    out = [f"# {md_escape(_title(result))}", "", "Pages are the old version's → the new version's.", "",
           "## Changes per theme", "", table(head, rows), ""]
    for title, h, rs in tables:
        out += [f"## {title} ({len(rs)})", ""]
        out += [table(h, rs) if rs else "None.", ""]
    return "\n".join(out)


def to_html(result: DiffResult, measures=None, pdfs: dict | None = None, out_dir=None) -> str:
    """diff.html: headline, charts, word-level rewording, every row with page links and thumbnails
    (pipeline/diff/html.py). `pdfs` ({"old": path, "new": path}) defaults to the files the registry
    entries name; `out_dir` is where the page is written, so its links to the PDFs are relative."""
    from .html import diff_html

    return diff_html(result, measures, pdfs, out_dir)


def summary_text(result: DiffResult) -> str:
    counts = result.counts()
    parts = ", ".join(f"{v} {LABELS[k].lower()}" for k, v in counts.items() if v)
    flags = Counter(f for c in result.changes for f in c["flags"])
    flag_text = ", ".join(f"{v} {k}" for k, v in sorted(flags.items()))
    return (f"{_title(result)}: {len(result.old)} old and {len(result.new)} new actions -> "
            f"{len(result.changes)} changes ({parts})" + (f"; flags: {flag_text}" if flag_text else ""))
