"""Why each column got its field: the column mapping of every table, with its evidence.

For the report (`tables` in <id>.report.json) and `planpipe extract --explain`. Each column's evidence
is read again from the same data the extractor used: the heading (a registry override, a listed
synonym, a fuzzy match, two fields in one heading, or cue words with their scores) and the cells (how
many, how long, what share reads as a date, a code or an instruction). Where the cells overruled the
heading, the evidence says so. Pure: returns data and text.
"""

from __future__ import annotations

from typing import Any, Sequence

from .assemble.rows import TableMapping
from .extract.columns import EXTRA_PREFIX, Profile, cue_scores, fits
from .extract.geometry import PageTables
from .extract.headers import (
    COMBINED_FIELDS,
    Header,
    match_heading,
    normalise_heading,
    override_headings,
    synonyms,
)
from .settings import DEFAULT_SETTINGS, ExtractSettings
from .text_contract import clean_text

# Cue scores shown per heading: the strongest few.
SHOWN_CUES = 3


def field_name(fld: str | None) -> str:
    """A field as the reader of a report sees it: an unmapped column is 'extra'."""
    if fld is None:
        return "(none)"
    return fld if _canonical(fld) else "extra"


def _canonical(fld: str | None) -> str | None:
    """The canonical field, or None for no field, an extra column or an ignored one."""
    return None if fld is None or fld.startswith((EXTRA_PREFIX, "ignore:")) else fld


def _printed(heading: str) -> str:
    return " ".join(clean_text(heading).split())


def heading_evidence(heading: str, settings: ExtractSettings = DEFAULT_SETTINGS) -> tuple[str | None, str]:
    """(field the heading alone names, how it was read)."""
    norm = normalise_heading(heading)
    if not norm:
        return None, "no heading printed"
    pinned = override_headings(settings.headings)
    if norm in pinned:
        return pinned[norm], "the registry entry's overrides.headers"
    table = synonyms()
    if norm in table or norm.rstrip("?").strip() in table:
        return table.get(norm) or table[norm.rstrip("?").strip()], "a listed synonym (schemas/headers.json)"
    fld = match_heading(heading, settings=settings)
    no_cues = match_heading(heading, settings=settings, use_cues=False)
    if fld is not None and fld == no_cues:
        return fld, "close to a listed synonym (fuzzy match)"
    if fld in COMBINED_FIELDS.values():
        return fld, "names two fields one cell holds together"
    scores = sorted(cue_scores(norm).items(), key=lambda kv: -kv[1])[:SHOWN_CUES]
    shown = ", ".join(f"{f} {s:.1f}" for f, s in scores)
    if fld is not None:
        return fld, f"cue words ({shown})"
    return None, f"cue words name no field clearly ({shown})" if scores else "no cue word"


def content_evidence(p: Profile) -> str:
    """What a column's cells hold, in a few figures."""
    if not p.cells:
        return "no cells"
    return (f"{p.cells} cells, {p.mean_words:.1f} words, dates {p.date_share:.0%}, codes {p.code_share:.0%}, "
            f"statuses {p.status_share:.0%}, open on a verb {p.imperative_share:.0%}")


def _why(heading_field: str | None, page_field: str | None, final: str | None, p: Profile,
         others: Sequence[str | None] = ()) -> str:
    """Why the column's field differs from what its heading named, or '' when it does not."""
    heading_field, page, end = _canonical(heading_field), _canonical(page_field), _canonical(final)
    if end != page:
        if end in COMBINED_FIELDS.values():
            return f"cells hold two fields: read as {end}"
        if end == "ref":
            return "cells are reference codes, each once: read as ref"
        return f"cells settled the field as {field_name(final)}"
    if page == heading_field:
        return ""
    if heading_field and page is None:
        if heading_field in others:
            return f"another column holds {heading_field}: kept as extra"
        if not fits(heading_field, p):
            return f"cells contradict {heading_field}: kept as extra"
        # Judged on the cells under this heading on every page so far (pipeline.extract.geometry).
        return f"cells under this heading on earlier pages contradict {heading_field}: kept as extra"
    if page == "action":
        return "cells read as actions (prose opening on a verb)"
    if page == "rag":
        return f"cells read as statuses ({p.status_share:.0%}): read as rag"
    if page == "milestone":
        return f"cells read as dates ({p.date_share:.0%}): read as milestone"
    return f"read as {page} from the table as a whole"


def mapping_dicts(mappings: Sequence[TableMapping], pages: Sequence[PageTables],
                  settings: ExtractSettings = DEFAULT_SETTINGS) -> list[dict[str, Any]]:
    """Every table the extractor saw, in page order: action tables with their column mappings and
    evidence, then the headers of other kinds of table (which contribute no actions)."""
    out: list[dict[str, Any]] = []
    for m in mappings:
        columns = []
        for heading, page_field, final, p in zip(m.headings, m.page_fields, m.fields, m.profiles):
            named, how = heading_evidence(heading, settings)
            others = [f for f in m.page_fields if f != page_field]
            why = _why(named, page_field, final, p, others)
            columns.append({
                "heading": _printed(heading), "field": field_name(final),
                "heading_says": how, "cells": content_evidence(p), **({"overruled": why} if why else {}),
            })
        theme = _printed(m.theme) if m.theme else None
        if m.of_actions:
            out.append({"kind": "action", "pages": list(m.pages), "rows": m.rows, "theme": theme, "columns": columns})
        else:
            out.append({"kind": "other", "pages": list(m.pages), "rows": m.rows, "theme": theme, "columns": columns,
                        "why": "its actions stand beside no owner, date, status or measures: no action table"})
    for pt in pages:
        for h in pt.other_headers:
            out.append({"kind": "other", "pages": [pt.page], "rows": None, "theme": None,
                        "columns": [_other_column(c.text, c.field, settings) for c in h.cells],
                        "why": _other_why(h)})
    return sorted(out, key=lambda t: (t["pages"][0], t["kind"] != "action"))


def generic_dicts(doc, covered: set[int], settings: ExtractSettings = DEFAULT_SETTINGS) -> list[dict[str, Any]]:
    """The generic engine's tables (pipeline.tables) on the pages no header was read on, their first row
    taken as headings: where a file gives no action table, what tables it does have."""
    from .tables import find_page_tables

    out: list[dict[str, Any]] = []
    for page in doc.pages:
        if page.number in covered or not page.words:
            continue
        for t in find_page_tables(page, settings):
            first = t.rows()[0] if t.n_rows else []
            out.append({"kind": "other", "pages": [page.number], "rows": t.n_rows, "theme": None,
                        "columns": [_other_column(text, match_heading(text, settings=settings), settings)
                                    for text in first],
                        "why": f"{t.n_rows} x {t.n_cols} {t.strategy} table whose first row is no action table's header"})
    return out


def _other_column(text: str, fld: str | None, settings: ExtractSettings) -> dict[str, Any]:
    _, how = heading_evidence(text, settings)
    return {"heading": _printed(text), "field": field_name(fld), "heading_says": how}


def _other_why(h: Header) -> str:
    fields = [f for f in h.fields if f and not f.startswith("ignore:")]
    if "action" not in fields:
        return "no heading names an action: an indicator, budget or other table, not read for actions"
    return "too few fields beside the action column to be an action table"


def explain_text(name: str, tables: Sequence[dict[str, Any]]) -> str:
    """The mapping as people read it: one block per table."""
    lines = [f"{name}: {sum(t['kind'] == 'action' for t in tables)} action tables, "
             f"{sum(t['kind'] == 'other' for t in tables)} other tables"]
    for t in tables:
        pages = t["pages"]
        where = f"page {pages[0]}" if len(pages) == 1 else f"pages {pages[0]}-{pages[-1]}"
        if t["kind"] == "action":
            title = t.get("theme") or ""
            theme = f", under '{title if len(title) <= 60 else title[:59] + chr(0x2026)}'" if title else ""
            lines.append(f"  {where}: action table, {t['rows']} rows{theme}")
        else:
            lines.append(f"  {where}: other table ({t['why']})")
        width = min(34, max((len(c["heading"]) for c in t["columns"]), default=0))
        for c in t["columns"]:
            heading = c["heading"] if len(c["heading"]) <= width else c["heading"][: width - 1] + "\u2026"
            lines.append(f"    {heading or '(no heading)':<{width}}  -> {c['field']:<14} {c['heading_says']}")
            if c.get("cells"):
                lines.append(f"    {'':<{width}}     {'':<14} {c['cells']}")
            if c.get("overruled"):
                lines.append(f"    {'':<{width}}     {'':<14} {c['overruled']}")
    return "\n".join(lines)
