"""Quality reports and the one-screen summary, from records and data issues. Pure: returns data/text."""

from __future__ import annotations

from collections import Counter
from typing import Sequence

from .quality import CODES, DataIssue
from .schema import enum_values

STATUS_ORDER = enum_values("rag")
SHORT = {
    "complete": "done",
    "on_track": "on trk",
    "some_issues": "issues",
    "off_track": "off trk",
    "not_started": "not st",
    "business_as_usual": "BAU",
    "unknown": "unknwn",
}


def theme_label(r: dict) -> str:
    if r.get("theme"):
        return f"{r['theme_ref']}. {r['theme']}" if r.get("theme_ref") else r["theme"]
    return "(no theme)"


def quality_report(publication: dict, records: Sequence[dict], issues: Sequence[DataIssue]) -> dict:
    """The content of <id>.report.json."""
    by_status = Counter(r["rag"] for r in records)
    by_theme: dict[str, Counter] = {}
    for r in records:
        by_theme.setdefault(theme_label(r), Counter())[r["rag"]] += 1
    codes = Counter(i.code for i in issues)
    return {
        "publication": publication,
        "actions": len(records),
        "pages": sorted({r["page_start"] for r in records} | {r["page_end"] for r in records}),
        "by_status": {s: by_status.get(s, 0) for s in STATUS_ORDER},
        "by_theme": {t: {s: c.get(s, 0) for s in STATUS_ORDER} for t, c in by_theme.items()},
        "issue_counts": {c: codes[c] for c in sorted(codes)},
        "issue_codes": {c: CODES[c] for c in sorted(codes)},
        "issues": [i.to_dict() for i in issues],
    }


def summary_text(title: str, records: Sequence[dict], issues: Sequence[DataIssue] = (), width: int = 100) -> str:
    """Actions per status per theme, plus issue counts: fits one screen."""
    themes: list[str] = []
    table: dict[str, Counter] = {}
    for r in records:
        t = theme_label(r)
        if t not in table:
            themes.append(t)
            table[t] = Counter()
        table[t][r["rag"]] += 1
    statuses = [s for s in STATUS_ORDER if any(table[t][s] for t in themes)] or ["unknown"]
    name_w = max([len("theme")] + [min(len(t), 44) for t in themes] + [5])
    head = f"{'theme':<{name_w}} " + " ".join(f"{SHORT[s]:>7}" for s in statuses) + f" {'total':>6}"
    lines = [title, head, "-" * len(head)]
    total = Counter()
    for t in themes:
        c = table[t]
        total.update(c)
        label = t if len(t) <= 44 else t[:43] + "\u2026"
        lines.append(f"{label:<{name_w}} " + " ".join(f"{c[s]:>7}" for s in statuses) + f" {sum(c.values()):>6}")
    lines.append("-" * len(head))
    lines.append(f"{'all':<{name_w}} " + " ".join(f"{total[s]:>7}" for s in statuses) + f" {sum(total.values()):>6}")
    codes = Counter(i.code for i in issues if i.code != "inherited-cell")
    inherited = sum(1 for i in issues if i.code == "inherited-cell")
    extra = [f"{inherited} cells inherited from merged cells"] if inherited else []
    extra += [f"{n} {c}" for c, n in sorted(codes.items())]
    if extra:
        lines.append("data issues: " + ", ".join(extra))
    return "\n".join(lines)
