"""<id>.html beside the Parquet: one extraction as a page a person will open.

Actions per status per theme (chart and table), overdue actions (deadline before the publication date
and not complete), every data issue beside the thumbnail of the row it concerns, the column mapping of
each table (heading as printed -> canonical field), and how far the inspection measures are covered by
actions. One self-contained file (pipeline/htmlkit.py); built from the Extraction, so nothing is
re-read from disk but the page images for the thumbnails.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from . import htmlkit as hk
from .htmlkit import esc
from .quality import CODES, DataIssue
from .report import actions_for_refs, theme_label


def _bbox_key(r: dict) -> tuple[int, tuple[float, ...]]:
    return r["page_start"], tuple(float(v) for v in r["bbox"])


def status_section(records: Sequence[dict]) -> str:
    per: dict[str, Counter] = {}
    for r in records:
        per.setdefault(theme_label(r), Counter())[r["rag"]] += 1
    statuses = [s for s in hk.STATUS_ORDER if any(c[s] for c in per.values())]
    rows = [(t, [(s, per[t][s]) for s in statuses]) for t in per]
    colours = {s: hk.STATUS_COLOURS[s][0] for s in hk.STATUS_ORDER}
    table_rows = [[esc(t)] + [str(n) for _, n in segs] + [str(sum(n for _, n in segs))] for t, segs in rows]
    totals = [sum(per[t][s] for t in per) for s in statuses]
    table_rows.append(["All"] + [str(n) for n in totals] + [str(sum(totals))])
    return ('<h2 id="status">Actions per status per theme</h2><figure>'
            + hk.stacked_bars("Actions per status per theme", rows, colours, hk.STATUS_LABELS, "number of actions")
            + "<figcaption>Number of actions of each status in each theme, as the plan rates them.</figcaption></figure>"
            + hk.data_table(["Theme"] + [hk.STATUS_LABELS[s] for s in statuses] + ["Total"], table_rows, total_last=True))


def overdue(records: Sequence[dict], published: date | None) -> list[dict]:
    """Actions whose deadline is before the publication date and that are not complete."""
    if published is None:
        return []
    return [r for r in records if r.get("milestone_end") is not None and r["milestone_end"] < published
            and r["rag"] != "complete"]


def _ref(r: dict) -> str:
    return r.get("action_ref") or r.get("objective_ref") or r.get("outcome_ref") or ""


def _source(r: dict, href: str | None, thumbs: dict) -> str:
    alt = f"The row as printed on page {r['page_start']}"
    return f'{hk.page_link(href, r["page_start"], "PDF")}{hk.thumb(thumbs.get(_bbox_key(r)), alt)}'


def overdue_section(records: Sequence[dict], published: date | None, href: str | None, thumbs: dict) -> list[str]:
    """The section as pieces, one per row (see htmlkit.page_bytes)."""
    if published is None:
        return ['<h2 id="overdue">Overdue actions</h2><p>The publication date is not known (extract with a '
                "registry entry under sources/ to give it), so no action can be called overdue.</p>"]
    rows = overdue(records, published)
    out = [f'<h2 id="overdue">Overdue actions ({len(rows)})</h2>',
           f"<p>Deadline before the publication date ({esc(published.isoformat())}) and not complete.</p>"]
    if not rows:
        return out + ["<p>None.</p>"]
    head = "".join(f'<th scope="col">{h}</th>' for h in ("Ref", "Action", "Deadline", "Status", "Lead officer", "Source"))
    out.append(f'<table class="sortable"><thead><tr>{head}</tr></thead><tbody>')
    out.extend(
        f'<tr><th scope="row">{esc(_ref(r))}</th><td>{hk.esc_lines(r["action"])}</td>'
        f'<td data-sort="{r["milestone_end"].isoformat()}">{esc(r.get("milestone_raw"))}</td>'
        f'<td>{hk.status_chip(r["rag"])}</td><td>{esc("; ".join(r.get("lead_officers") or []))}</td>'
        f'<td class="pages">{_source(r, href, thumbs)}</td></tr>' for r in rows)
    return out + ["</tbody></table>"]


def _issue_list(issues: Sequence[DataIssue]) -> str:
    items = []
    for i in issues:
        where = f" ({esc(i.field)})" if i.field else ""
        value = f": “{esc(i.value)}”" if i.value else ""
        items.append(f"<li><code>{esc(i.code)}</code>{where} {esc(i.message)}{value}</li>")
    return "<ul>" + "".join(items) + "</ul>"


def issues_section(records: Sequence[dict], issues: Sequence[DataIssue], href: str | None, thumbs: dict) -> list[str]:
    """The section as pieces, one per row (see htmlkit.page_bytes)."""
    by_seq = {r["seq"]: r for r in records}
    grouped: dict[tuple, list[DataIssue]] = {}
    for i in issues:
        key = ("row", i.seq) if i.seq in by_seq else ("page", i.page or 0)
        grouped.setdefault(key, []).append(i)
    counts = Counter(i.code for i in issues)
    summary = "".join(f"<li><code>{esc(c)}</code>: {n} — {esc(CODES.get(c, ''))}</li>" for c, n in sorted(counts.items()))
    rows = []
    # Page-level issues first, then rows with an issue beyond a filled-down merged cell (the ones that
    # need a look), then the rest, each in document order.
    def order(kv):
        (kind, n), group = kv
        return (kind != "page", all(i.code == "inherited-cell" for i in group), n)

    for (kind, n), group in sorted(grouped.items(), key=order):
        codes = "|".join(sorted({i.code for i in group}))
        if kind == "row":
            r = by_seq[n]
            where = f'Action {esc(_ref(r) or r["seq"])}<br>{_source(r, href, thumbs)}'
            text = hk.esc_lines(r["action"])
        else:
            where = hk.page_link(href, n, "PDF") if n else "whole document"
            text = ""
        rows.append(f'<tr data-code="{esc(codes)}"><th scope="row" class="pages">{where}</th><td>{text}</td><td>{_issue_list(group)}</td></tr>')
    controls = hk.controls("issue-rows", [("code", "Issue code", [(c, c) for c in sorted(counts)])])
    out = [f'<h2 id="issues">Data issues ({len(issues)})</h2>'
           "<p>Nothing is swallowed: every problem met while reading the plan, with the row it concerns as printed.</p>"
           + (f"<ul>{summary}</ul>" if summary else "<p>None.</p>")]
    if not rows:
        return out
    return (out + [controls + f'<table id="issue-rows" class="fixed">{hk.colgroup((30, 35, 35))}<thead><tr>'
                   '<th scope="col">Where</th><th scope="col">Action</th><th scope="col">Issues</th></tr></thead><tbody>']
            + rows + ["</tbody></table>"])


def column_mappings(tables) -> list[tuple[list[int], list[tuple[str, str]]]]:
    """[(pages, [(heading as printed, field)])]: each distinct column mapping and the pages it holds on."""
    out: list[tuple[list[int], list[tuple[str, str]]]] = []
    for pt in tables:
        for t in pt.tables:
            mapping = [(c.heading or "(no heading)", c.field or "ignored") for c in t.columns]
            if out and out[-1][1] == mapping:
                if pt.page not in out[-1][0]:
                    out[-1][0].append(pt.page)
            else:
                out.append(([pt.page], mapping))
    return out


def _page_ranges(pages: Sequence[int]) -> str:
    spans: list[list[int]] = []
    for p in sorted(pages):
        if spans and p == spans[-1][1] + 1:
            spans[-1][1] = p
        else:
            spans.append([p, p])
    return ", ".join(f"{a}" if a == b else f"{a}–{b}" for a, b in spans)


def columns_section(tables) -> str:
    maps = column_mappings(tables)
    if not maps:
        return '<h2 id="columns">Column mapping</h2><p>Not available for this extraction.</p>'
    out = ['<h2 id="columns">Column mapping</h2>',
           "<p>How each column heading, as printed, was read: the canonical field it fills, or “ignored”.</p>"]
    for pages, mapping in maps:
        rows = [[esc(h), f"<code>{esc(f)}</code>"] for h, f in mapping]
        out.append(f"<h3>Pages {esc(_page_ranges(pages))}</h3>" + hk.data_table(["Heading as printed", "Field"], rows, numeric_from=9))
    return "".join(out)


def measures_section(measures: Sequence[dict], records: Sequence[dict]) -> str:
    if not measures:
        return ""
    rows, uncovered = [], 0
    for m in measures:
        acts = actions_for_refs(m["refs"], records)
        c = Counter(a["rag"] for a in acts)
        uncovered += not acts
        cover = (f"{len(acts)}" if acts else '<span class="trouble">0 (not covered)</span>')
        rows.append([esc(f"{m.get('appendix') or ''}{m['seq']}"), esc(m["measure"]), esc(", ".join(m["refs"])), cover]
                    + [str(c[s]) for s in ("complete", "on_track", "some_issues", "off_track")])
    return (f'<h2 id="measures">Inspection measures ({len(measures)})</h2>'
            f"<p>{len(measures) - uncovered} of {len(measures)} measures are addressed by at least one action "
            "(through the outcome or objective refs each measure names).</p>"
            + hk.data_table(["#", "Measure", "Refs", "Actions", "Complete", "On track", "Some issues", "Off track"], rows,
                            numeric_from=3))


def extract_html(ex, publication: dict, out_dir: str | Path, published: date | None = None) -> bytes:
    """The page for one Extraction (pipeline.extraction.Extraction), as UTF-8. `publication`: its registry
    fields."""
    from .readers.render import row_thumbnails

    records = ex.records
    wanted = {r["seq"] for r in overdue(records, published)} | {i.seq for i in ex.log.issues if i.seq is not None}
    thumbs = row_thumbnails(ex.path, (_bbox_key(r) for r in records if r["seq"] in wanted), password=ex.document.password)
    href = hk.relative_href(ex.path, out_dir)
    title = publication.get("title") or ex.publication_id
    facts = [publication.get("council"), f"published {published.isoformat()}" if published else None,
             f"{len(records)} actions on {ex.pages} pages", f"engine {ex.engine}"]
    sub = (f'<p class="sub">{esc(ex.publication_id)}: {esc(", ".join(f for f in facts if f))}. '
           f'<a href="{href}">The PDF</a> (sha256 <code>{esc(ex.sha256[:12])}…</code>).</p>')
    if publication.get("reconstruction"):
        sub += f'<p class="muted">{esc(publication.get("note") or "A reconstruction, not the council’s file.")}</p>'
    nav = ('<nav class="noprint" aria-label="Sections"><a href="#status">Status</a> · <a href="#overdue">Overdue</a> · '
           '<a href="#issues">Data issues</a> · <a href="#columns">Columns</a>'
           + (' · <a href="#measures">Measures</a>' if ex.measures else "") + "</nav>")
    body = ([f"<h1>{esc(title)}</h1>{sub}{nav}", status_section(records)]
            + overdue_section(records, published, href, thumbs)
            + issues_section(records, ex.log.issues, href, thumbs)
            + [columns_section(ex.tables), measures_section(ex.measures, records)])
    return hk.page_bytes(f"{title}: extraction report", body)
