"""Raw rows -> canonical records (one dict per action, keyed by the schema's column names).

Normalisation of statuses, officers and milestones happens here through pipeline.normalise; every
problem found becomes a DataIssue with the row's page and seq.
"""

from __future__ import annotations

from datetime import date
from typing import Sequence, TypedDict

from .. import normalise
from ..extract.columns import EXTRA_PREFIX
from ..quality import DataIssue, IssueLog
from ..settings import DEFAULT_SETTINGS, ExtractSettings
from .rows import RawRow


class ActionRecord(TypedDict):
    """One row of the actions Parquet: the columns of schemas/actions.schema.json, in its order, with its
    types (None where the schema says nullable). tests/test_record_types.py checks the two agree."""

    publication_id: str
    seq: int
    page_start: int
    page_end: int
    bbox: list[float]
    theme_ref: str | None
    theme: str | None
    outcome_ref: str | None
    outcome: str | None
    objective_ref: str | None
    objective: str | None
    action_ref: str | None
    action: str
    measures: list[str]
    lead_officer_raw: str | None
    lead_officers: list[str]
    rag_raw: str | None
    rag: str
    rag_colour: str | None
    milestone_raw: str | None
    milestone_start: date | None
    milestone_end: date | None
    milestone_kind: str
    detailed_action_plan: str | None
    key_area: str | None
    inherited: list[str]
    source_sha256: str
    lead_kinds: list[str]
    milestones: list[date]
    extra: dict[str, str]


def extra_cells(row: RawRow) -> dict[str, str]:
    """The row's cells under headings that name no canonical field: printed heading -> text."""
    return {k[len(EXTRA_PREFIX):]: "\n".join(v) for k, v in row.cells.items() if k.startswith(EXTRA_PREFIX) and v}


def _with_where(issues, page: int, seq: int) -> list[DataIssue]:
    out = []
    for i in issues:
        out.append(DataIssue(i.code, i.message, page=page, seq=seq, field=i.field, value=i.value))
    return out


def _lead_holders(rows: Sequence[RawRow], document_text: str | None,
                  settings: ExtractSettings) -> tuple[list[list], dict[int, list[DataIssue]]]:
    """Holders of every row's lead cell, with variants of one holder unified across the document, and the issues
    per row index (officer-unknown / officer-fuzzy, without page and seq)."""
    context = normalise.DocumentContext.from_text(document_text, settings)
    cells: list[list] = []
    issues: dict[int, list[DataIssue]] = {}
    for n, row in enumerate(rows):
        holders, found = normalise.parse_holders(row.text("lead_officer"), context)
        cells.append(holders)
        issues[n] = list(found)
    cells, unified = normalise.unify_within_document(cells, settings)
    for n, issue in unified:
        issues[n].append(issue)
    return cells, issues


def _date_and_rating(row: RawRow, split: tuple[str, str | None] | None, rated: set[str],
                     settings: ExtractSettings) -> tuple[str | None, str | None]:
    """(milestone, status) as printed, each on one line: their own cells, else the parts of the row's
    date-and-rating cell (`split`); a part the document rates elsewhere (`rated`) is the rating alone."""
    rag_raw = row.text("rag")
    milestone_raw = row.text("milestone")
    if split is not None:
        date_text, rating_text = split
        if rating_text is None and (normalise.rating_only(date_text, settings) or date_text.lower() in rated):
            date_text, rating_text = "", date_text  # the rating alone, its date left blank
        milestone_raw = milestone_raw or date_text or None
        rag_raw = rag_raw or rating_text
    return (milestone_raw.replace("\n", " ") if milestone_raw else milestone_raw,
            rag_raw.replace("\n", " ") if rag_raw else rag_raw)


def _rating_parts(splits: Sequence[tuple[str, str | None] | None]) -> set[str]:
    """The texts (lower case) the document's date-and-rating cells print as their rating and never as their
    date: a cell that prints one alone ("Business as usual", a status and a timescale both) is rated so."""
    ratings = {r.lower() for s in splits if s is not None and (r := s[1])}
    dates = {d.lower() for s in splits if s is not None and s[1] is not None and (d := s[0])}
    return ratings - dates


def build_records(
    rows: Sequence[RawRow],
    publication_id: str,
    source_sha256: str,
    legend: Sequence[tuple[str, str]] = (),
    published: date | None = None,
    log: IssueLog | None = None,
    document_text: str | None = None,
    settings: ExtractSettings = DEFAULT_SETTINGS,
) -> list[ActionRecord]:
    """One canonical record per row. `document_text` (all the document's text, optional) lets lead cells use the
    abbreviations the document defines itself ('Director of Public Health (DPH)'); `settings` holds the
    normalisers' tolerances."""
    log = log if log is not None else IssueLog()
    palette = normalise.Palette.from_legend(legend, settings=settings) if legend else normalise.Palette.default(settings)
    records: list[ActionRecord] = []
    holders, holder_issues = _lead_holders(rows, document_text, settings)
    splits = [normalise.split_date_and_rating(c.replace("\n", " "), settings) if (c := row.text("milestone_and_rag"))
              else None for row in rows]
    rated = _rating_parts(splits)
    for seq, (row, split) in enumerate(zip(rows, splits), start=1):
        milestone_raw, rag_raw = _date_and_rating(row, split, rated, settings)
        status = normalise.resolve_status(rag_raw, row.rag_colour, palette, settings)
        log.extend(_with_where(status.issues, row.page_start, seq))
        lead_raw = row.text("lead_officer")
        log.extend(_with_where(holder_issues[seq - 1], row.page_start, seq))
        if not lead_raw:
            log.add("officer-missing", "no lead officer printed or inherited", page=row.page_start, seq=seq)
        ms = normalise.parse_milestone(milestone_raw, published, settings)
        log.extend(_with_where(ms.issues, row.page_start, seq))
        for f in row.inherited:
            log.add("inherited-cell", f"{f} filled from the merged cell above", page=row.page_start, seq=seq, field=f)
        record: ActionRecord = {
            "publication_id": publication_id,
            "seq": seq,
            "page_start": row.page_start,
            "page_end": row.page_end,
            "bbox": [float(v) for v in row.bbox],
            "theme_ref": row.theme_ref,
            "theme": row.theme,
            "outcome_ref": row.refs.get("outcome"),
            "outcome": row.text("outcome"),
            "objective_ref": row.refs.get("objective"),
            "objective": row.text("objective"),
            "action_ref": row.refs.get("action"),
            "action": row.text("action") or "",
            "measures": list(row.cells.get("measures") or []),
            "lead_officer_raw": lead_raw,
            "lead_officers": [h.canonical for h in holders[seq - 1]],
            "rag_raw": rag_raw,
            "rag": status.rag,
            "rag_colour": row.rag_colour,
            "milestone_raw": milestone_raw,
            "milestone_start": ms.start,
            "milestone_end": ms.end,
            "milestone_kind": ms.kind,
            "detailed_action_plan": row.text("detailed_action_plan"),
            "key_area": row.text("key_area") or row.key_area,
            "inherited": list(row.inherited),
            "source_sha256": source_sha256,
            "lead_kinds": [h.kind for h in holders[seq - 1]],
            "milestones": list(ms.deadlines),
            "extra": extra_cells(row),
        }
        records.append(record)
    return records
