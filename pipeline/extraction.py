"""The Python API behind `planpipe extract`: PDF -> pages -> tables -> rows -> records.

Each stage's output is kept on the Extraction, so any step can be inspected:

    >>> ex = extract_pdf("data/raw/sefton-phase1-2022.pdf")
    >>> ex.tables[5].tables[0].columns, ex.rows[0].cells, ex.records[0]["rag"]
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

from .errors import NoActionTableError, PlanpipeError
from .extract import ENGINES
from .extract.geometry import PageTables
from .extract.legend import find_legend
from .extract.measures import find_measures
from .readers import Document, open_pdf
from .quality import IssueLog
from .assemble.records import build_records
from .assemble.rows import RawRow, build_rows
from .settings import ExtractSettings
from .sources import sha256_file


@dataclass
class Extraction:
    path: str
    publication_id: str
    sha256: str
    document: Document
    tables: list[PageTables]
    rows: list[RawRow]
    records: list[dict]
    legend: list[tuple[str, str]]
    log: IssueLog = field(default_factory=IssueLog)
    engine: str = "pdfplumber"
    measures: list[dict] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return len(self.document.pages)


def extract_pdf(
    path: str | Path,
    publication_id: str | None = None,
    *,
    engine: str = "pdfplumber",
    password: str | None = None,
    published: date | None = None,
    overrides: dict | None = None,
    progress: Callable[[int, int], None] | None = None,
    reader: str = "pdfium",
    settings: ExtractSettings | None = None,
) -> Extraction:
    """Extract every action of the PDF at `path`. Raises a PlanpipeError on unusable input.

    `settings` holds every tolerance and the registry overrides; without it, the defaults with
    `overrides` (validated by pipeline.sources.validate_overrides: `pages` restricts the pages read,
    `headings` pins headings to fields, for a publication that defeats detection).
    `reader` is the PDF reader (pipeline.readers.open_pdf): "pdfium" (fast, the default) or "pdfplumber".
    """
    if settings is None:
        settings = ExtractSettings.from_overrides(overrides)
    path = Path(path)
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    doc = open_pdf(path, password=password, reader=reader)
    sha = sha256_file(path)
    log = IssueLog()
    full = doc  # legends and appendices may sit outside the pages an override selects
    if settings.pages:
        wanted = set(settings.pages)
        kept = [p for p in doc.pages if p.number in wanted]
        if not kept:
            raise PlanpipeError(
                f"overrides.pages names pages {min(wanted)}-{max(wanted)} but the PDF has {len(doc.pages)} pages",
                path=str(path),
            )
        doc = dataclasses.replace(doc, pages=kept)
    tables = ENGINES[engine](doc, progress, settings)
    rows = build_rows(tables, log, settings)
    if not rows:
        raise NoActionTableError(
            "no action table found: no header row names an action column and two more fields "
            "(e.g. 'Action', 'Lead officer', 'Milestone'); if the headings use other words, add them "
            "to schemas/headers.json",
            path=str(path),
        )
    legend = find_legend(full, tables, settings)
    pub = publication_id or path.stem
    records = build_records(rows, pub, sha, legend, published, log)
    measures = [
        {
            "publication_id": pub, "seq": i, "appendix": m.appendix, "source": m.source, "measure": m.measure,
            "refs": m.refs, "refs_raw": m.refs_raw, "subheading": m.subheading, "page": m.page,
        }
        for i, m in enumerate(find_measures(full, settings=settings), start=1)
    ]
    return Extraction(str(path), pub, sha, doc, tables, rows, records, legend, log, engine, measures)
