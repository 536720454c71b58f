"""Quality reports and the one-screen summary, from records and data issues. Pure: returns data/text."""

from __future__ import annotations

from collections import Counter
from typing import Any, Mapping, Sequence

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


def theme_label(r: Mapping[str, Any]) -> str:
    if r.get("theme"):
        return f"{r['theme_ref']}. {r['theme']}" if r.get("theme_ref") else r["theme"]
    return "(no theme)"


def quality_report(publication: dict, records: Sequence[dict], issues: Sequence[DataIssue],
                   sha256: str | None = None, n_pages: int | None = None,
                   tables: Sequence[dict] | None = None) -> dict:
    """The content of <id>.report.json. `source_sha256` ties the report to its Parquet files: `summary`
    and `diff` refuse a report whose sha256 differs from the Parquet's metadata (a mixed output set).
    `tables`: each table seen, its kind and column mapping with the evidence (pipeline.explain)."""
    by_status = Counter(r["rag"] for r in records)
    by_theme: dict[str, Counter] = {}
    for r in records:
        by_theme.setdefault(theme_label(r), Counter())[r["rag"]] += 1
    codes = Counter(i.code for i in issues)
    out = {
        "publication": publication,
        "source_sha256": sha256,
        "document_pages": n_pages,
        "actions": len(records),
        "pages": sorted({r["page_start"] for r in records} | {r["page_end"] for r in records}),
        "by_status": {s: by_status.get(s, 0) for s in STATUS_ORDER},
        "by_theme": {t: {s: c.get(s, 0) for s in STATUS_ORDER} for t, c in by_theme.items()},
        "issue_counts": {c: codes[c] for c in sorted(codes)},
        "issue_codes": {c: CODES[c] for c in sorted(codes)},
        "issues": [i.to_dict() for i in issues],
        "tables": list(tables) if tables is not None else None,
    }
    return {k: v for k, v in out.items() if v is not None or k not in ("source_sha256", "document_pages", "tables")}


def summary_text(title: str, records: Sequence[Mapping[str, Any]], issues: Sequence[DataIssue] = (), width: int = 100) -> str:
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
    total: Counter[str] = Counter()
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


def actions_for_refs(refs: Sequence[str], records: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Actions a measure's refs point at: a ref names an objective ('1.2.1') or a whole outcome
    ('4.4' covers 4.4.1, 4.4.2 ...). Each action is counted once."""
    out, seen = [], set()
    for r in records:
        own = [x for x in (r.get("objective_ref"), r.get("outcome_ref"), r.get("action_ref")) if x]
        if any(o == ref or o.startswith(ref + ".") for ref in refs for o in own) and r["seq"] not in seen:
            seen.add(r["seq"])
            out.append(r)
    return out


def measure_status(refs: Sequence[str], records: Sequence[Mapping[str, Any]]) -> Counter:
    return Counter(r["rag"] for r in actions_for_refs(refs, records))


def measures_text(measures: Sequence[dict], records: Sequence[Mapping[str, Any]], width: int = 100) -> str:
    """Per inspection measure: how many of the actions addressing it are done, on track, off track."""
    lines = ["Ofsted measures: actions addressing each (done / on track / issues / off track / other)"]
    for m in measures:
        c = measure_status(m["refs"], records)
        total = sum(c.values())
        other = total - c["complete"] - c["on_track"] - c["some_issues"] - c["off_track"]
        label = f"{m.get('appendix') or ''}{m['seq']:>3} {m['measure']}"
        label = label if len(label) <= width - 36 else label[: width - 37] + "\u2026"
        lines.append(
            f"{label:<{width - 36}} {total:>3} acts {c['complete']:>3} {c['on_track']:>3} {c['some_issues']:>3} {c['off_track']:>3} {other:>3}"
        )
    return "\n".join(lines)
