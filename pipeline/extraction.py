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
from typing import Callable, Sequence

from .errors import NoActionTableError, PlanpipeError
from .extract import ENGINES
from .extract.columns import EXTRA_PREFIX
from .extract.coverage import (header_only_pages, merged_rows, ref_gaps, uncovered_pages, unread_bands,
                               unread_neighbours)
from .extract.furniture import without_watermarks
from .extract.geometry import PageTables
from .extract.streams import damaged_pages, page_streams
from .extract.legend import find_legend
from .extract.measures import find_measures
from .readers import Document, Page, open_pdf
from .readers.info import breaks_after_slash
from .quality import IssueLog
from .assemble.records import ActionRecord, build_records
from .assemble.rows import RawRow, TableMapping, build_rows
from .explain import generic_dicts, mapping_dicts
from .settings import ExtractSettings
from .sources import sha256_file
from .text_contract import clean_records


# A table that runs on to the next page fills this one: rows ending above this share of the page's
# height, on a page whose table the next page continues, mean the page's content stopped early.
ENDS_EARLY_SHARE = 0.7
# On a page between the section's first and last, this many words below the last row that no row took
# mean the table stopped early (a damaged header or content): a prose note is a line or two, not this.
UNREAD_WORDS_MIN = 40
# Bottom share of the page left out of that count: footers and page numbers live there.
UNREAD_FOOT_SHARE = 0.12
# Largest page number the Parquet schema's int16 page columns hold.
MAX_PAGES = 32767


def _row_pages(rows: list[RawRow]) -> set[int]:
    return {n for r in rows for n in range(r.page_start, r.page_end + 1)}


def _unmapped(tables: list[PageTables], log: IssueLog) -> None:
    """Headings that named no field. The column's cells may still have shown one (a column of statuses)
    or gone to `extra`: the message says which, so that no one is told a column was lost that was not."""
    for pt in tables:
        for t in pt.tables:
            fields = {c.heading: c.field for c in t.columns}
            for cell in (t.header.cells if t.header else []):
                text = cell.text.strip()
                if cell.field is not None or not text:
                    continue
                got = fields.get(cell.text)
                if got is not None and not got.startswith(EXTRA_PREFIX):
                    continue  # its cells showed the field
                where = "its cells are kept in `extra`" if got else "its column was ignored"
                log.add("table-columns-unmapped", f"heading {text!r} matched no field; {where} (map it with "
                        "overrides.columns in a registry entry)", page=pt.page, value=text)


def _continues(pt: PageTables, nxt: PageTables | None) -> bool:
    """The next page carries on this page's last table: it opens with a headerless continuation, or
    with the same header repeated and no heading banner above it (a new theme would have one)."""
    if nxt is None or not nxt.tables or not pt.tables or not nxt.tables[0].rows:
        return False
    first, last = nxt.tables[0], pt.tables[-1]
    if first.header is None:
        return True
    same = last.header is not None and first.header.mapped() == last.header.mapped()
    return same and not any(y < first.top for y, _ in nxt.banners)


def _ends_early(pt: PageTables, nxt: PageTables | None, page: Page | None) -> bool:
    """The page's table runs on to the next page but its rows stop well above the foot of the page:
    the rest of the page's content is missing (a cut or undecodable content stream)."""
    if page is None or not _continues(pt, nxt):
        return False
    bottoms = [_text_bottom(r) for t in pt.tables for r in t.rows]
    return bool(bottoms) and max(bottoms) < ENDS_EARLY_SHARE * page.height


def _text_bottom(row) -> float:
    """Where a row's text ends: a row whose closing rule was lost with the rest of the page runs down
    to the page foot, though its text stops high."""
    lines = [ln.bottom for cell in row.cells.values() for ln in cell]
    return min(row.bottom, max(lines)) if lines else row.bottom


def _unread_below(pt: PageTables, page: Page | None) -> int:
    """Words no row can have taken: in the body of the page below its last row (footers excluded), or
    drawn off the page altogether (damaged content places text at absurd coordinates)."""
    bottoms = [r.bottom for t in pt.tables for r in t.rows]
    if page is None or not bottoms:
        return 0
    low, foot = max(bottoms), (1 - UNREAD_FOOT_SHARE) * page.height

    def unread(w) -> bool:
        off_page = not (0 <= w.xmid <= page.width and 0 <= w.ymid <= page.height)
        return off_page or low < w.ymid < foot

    return sum(1 for w in page.words if unread(w))


def account_pages(doc: Document, tables: list[PageTables], rows: list[RawRow], log: IssueLog) -> None:
    """Every page of the table section yields rows or an issue saying why not (no silent loss).

    The section runs from the first page with an action row to the last, or on to the appendix heading
    that ends it. A page inside it without rows is `page-no-table` (with the reason: no text at all,
    i.e. empty or undecodable content, a header with no rows, or no table), and so is a page with no
    text just before or after it (the section's first or last page may be the one that was lost). A
    page whose table runs on to the next page but stops short is `table-ends-early`. Every heading of
    an action table that matched no field is `table-columns-unmapped`."""
    _unmapped(tables, log)
    with_rows = _row_pages(rows)
    if not with_rows:
        return
    first, last = min(with_rows), max(with_rows)
    stop = min((pt.page for pt in tables if pt.stopped and pt.page > last), default=last)
    by_number = {p.number: p for p in doc.pages}
    for k, pt in enumerate(tables):
        page = by_number.get(pt.page)
        blank = page is not None and not page.words
        if pt.page in with_rows:
            unread = _unread_below(pt, page) if first < pt.page < last else 0
            if unread >= UNREAD_WORDS_MIN:
                log.add("table-ends-early", f"the table stops high on this page, with {unread} words below it or "
                        "off the page that no row took; its content may be damaged", page=pt.page)
            elif _ends_early(pt, tables[k + 1] if k + 1 < len(tables) else None, page):
                log.add("table-ends-early", "the table runs on to the next page but its rows stop high on this "
                        "page; the rest of the page's content is missing or could not be read", page=pt.page)
            continue
        inside = first < pt.page < max(last, stop)
        if not inside and not (blank and first - 1 <= pt.page <= last + 1):
            continue
        if blank:
            why = "has no text (its content is empty or could not be decoded); its actions, if any, are missing"
        elif any(t.header for t in pt.tables):
            why = "has an action table header but no rows were read from it"
        else:
            why = "has no action table although it lies inside the table section; its actions, if any, are missing"
        log.add("page-no-table", f"the page {why}", page=pt.page)


def check_coverage(path: Path, password: str | None, full: Document, doc: Document, tables: list[PageTables],
                   rows: list[RawRow], records: Sequence[ActionRecord], log: IssueLog, settings: ExtractSettings) -> None:
    """Rows lost on pages that did yield rows, or on pages beside the section (pipeline.extract.coverage),
    and pages whose content stream is damaged (pipeline.extract.streams): warnings naming the page."""
    wanted = {p.number for p in doc.pages}
    streams = page_streams(path, password)
    if streams is not None and len(streams) > len(full.pages):
        first = len(full.pages) + 1
        log.add("pages-missing", f"page {first}: the PDF's page tree lists {len(streams)} pages but only "
                f"{len(full.pages)} could be read (a damaged file rebuilt by the reader); pages {first} to "
                f"{len(streams)} and their actions are missing", page=first)
    for number, problems in damaged_pages(streams, len(full.pages)).items():
        if number in wanted:
            log.add("page-damaged", f"page {number}: the content stream is damaged ({'; '.join(problems)}); what "
                    "the page draws after the damage may be missing", page=number)
    row_pages = _row_pages(rows)
    findings = unread_bands(doc, tables, settings) + unread_neighbours(doc, tables, row_pages, settings)
    findings += uncovered_pages(doc, tables, row_pages) + header_only_pages(tables, row_pages)
    findings += merged_rows(doc, tables, settings)
    findings += ref_gaps(records, {p.number: len(p.words) for p in doc.pages})
    for f in sorted(findings, key=lambda f: f.page):
        log.add(f.code, f.message, page=f.page)


@dataclass
class Extraction:
    path: str
    publication_id: str
    sha256: str
    document: Document
    tables: list[PageTables]
    rows: list[RawRow]
    records: list[ActionRecord]
    legend: list[tuple[str, str]]
    log: IssueLog = field(default_factory=IssueLog)
    engine: str = "pdfplumber"
    measures: list[dict] = field(default_factory=list)
    # Each action table and each other kind of table seen, with its column mapping and evidence.
    tables_seen: list[dict] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return len(self.document.pages)


@dataclass
class Seen:
    """The stages up to raw rows: the document (its selected pages, and all of them), the tables found
    on each page, the rows they give and each action table's column mapping."""

    doc: Document
    full: Document
    sha256: str
    log: IssueLog
    tables: list[PageTables]
    rows: list[RawRow]
    mappings: list[TableMapping]


def read_tables(
    path: Path, *, engine: str = "pdfplumber", password: str | None = None, reader: str = "pdfium",
    settings: ExtractSettings, progress: Callable[[int, int], None] | None = None,
) -> Seen:
    """Read the PDF and find its action tables and rows, raising only for an unusable PDF (no rows is
    not an error here: `--explain` shows why)."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    doc = open_pdf(path, password=password, reader=reader, settings=settings)
    # How the producer breaks lines decides how wrapped lines join (ExtractSettings.slash_breaks).
    settings = dataclasses.replace(settings, slash_breaks=breaks_after_slash(doc.metadata))
    sha = sha256_file(path)
    log = IssueLog()
    for page in doc.pages:  # content the reader could not decode is reported, never lost silently
        for what in page.damage:
            log.add("page-damaged", f"page {page.number}: {what}", page=page.number)
    full = doc  # legends and appendices may sit outside the pages an override selects
    if len(doc.pages) > MAX_PAGES:
        raise PlanpipeError(
            f"the PDF has {len(doc.pages)} pages, more than the {MAX_PAGES} a page number column holds; "
            "split it (e.g. `qpdf --split-pages=1000 in.pdf out.pdf`) and extract the parts", path=str(path))
    if settings.pages:
        wanted = set(settings.pages)
        kept = [p for p in doc.pages if p.number in wanted]
        if max(wanted) > len(doc.pages):
            raise PlanpipeError(
                f"the registry entry's overrides.pages names pages up to {max(wanted)} but the PDF has "
                f"{len(doc.pages)} pages; correct overrides.pages in the registry entry",
                path=str(path),
            )
        doc = dataclasses.replace(doc, pages=kept)
    doc = without_watermarks(doc, settings)
    tables = ENGINES[engine](doc, progress, settings)
    mappings: list[TableMapping] = []
    rows = build_rows(tables, log, settings, mappings)
    return Seen(doc, full, sha, log, tables, rows, mappings)


def _no_action_table(path: Path, seen: Seen, settings: ExtractSettings) -> NoActionTableError:
    """The error for a PDF with no action table; it carries the tables that were seen (for --explain)."""
    exc = NoActionTableError(
        "no action table found: no header row names an action column and two more fields "
        "(e.g. 'Action', 'Lead officer', 'Milestone'); run `planpipe extract --explain` to see the tables "
        "found and how their headings were read, and if the headings use other words, map them in the "
        "publication's registry entry ([overrides.headers], e.g. action = [\"What we will do\"]; see the README)",
        path=str(path),
    )
    seen_tables = mapping_dicts(seen.mappings, seen.tables, settings)
    covered = {p for t in seen_tables for p in t["pages"]}
    exc.tables_seen = sorted(seen_tables + generic_dicts(seen.doc, covered, settings), key=lambda t: t["pages"][0])
    return exc


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
    seen = read_tables(path, engine=engine, password=password, reader=reader, settings=settings, progress=progress)
    doc, full, sha, log, tables, rows = seen.doc, seen.full, seen.sha256, seen.log, seen.tables, seen.rows
    if not rows:
        raise _no_action_table(path, seen, settings)
    account_pages(doc, tables, rows, log)
    legend = find_legend(full, tables, settings)
    pub = publication_id or path.stem
    records = build_records(rows, pub, sha, legend, published, log, settings=settings)
    check_coverage(path, password, full, doc, tables, rows, records, log, settings)
    measures = [
        {
            "publication_id": pub, "seq": i, "appendix": m.appendix, "source": m.source, "measure": m.measure,
            "refs": m.refs, "refs_raw": m.refs_raw, "subheading": m.subheading, "page": m.page,
        }
        for i, m in enumerate(find_measures(full, settings=settings), start=1)
    ]
    # The output-text contract: undecodable characters are removed and reported with page and seq.
    records, issues = clean_records(records)
    log.extend(issues)
    measures, issues = clean_records(measures, page_key="page")
    log.extend(issues)
    return Extraction(str(path), pub, sha, doc, tables, rows, records, legend, log, engine, measures,
                      mapping_dicts(seen.mappings, tables, settings))
