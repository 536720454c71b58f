"""What a PDF says about itself, for registering it (`planpipe add`): page count, title and date from
its metadata, else from the words of its first page."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import EncryptedPdfError, NotAPdfError

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)}
DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(" + "|".join(MONTHS) + r")\s+((?:19|20)\d\d)\b", re.I)
MONTH_YEAR = re.compile(r"\b(" + "|".join(MONTHS) + r")\s+((?:19|20)\d\d)\b", re.I)
PDF_DATE = re.compile(r"^D?:?((?:19|20)\d\d)(\d\d)?(\d\d)?")
# Producers whose line breaker breaks after a slash inside a word (HTML engines on Pango: WeasyPrint).
SLASH_BREAKING_PRODUCER = re.compile(r"weasyprint|pango|cairo", re.I)
# Titles that tools write rather than authors ("Microsoft Word - plan.docx", "untitled").
TOOL_TITLE = re.compile(r"^(microsoft (word|excel|powerpoint) - |untitled\b|document\d*$)", re.I)
# Lines at the top of the first page searched for a date: a cover or heading says when the plan was
# published; a date further down is more likely a milestone in a table.
DATE_LINES = 8
# A first-page line that could be a title: a few words, not a page number or a date alone.
TITLE_MIN_WORDS = 2
TITLE_MAX_CHARS = 160


@dataclass(frozen=True)
class PdfInfo:
    pages: int
    title: str | None
    published: date | None
    title_from: str  # "metadata", "first page" or ""
    date_from: str


def _valid(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def date_in_text(text: str) -> date | None:
    """The first full date ('31 January 2023') in `text`, else the first month and year (its 1st day)."""
    m = DAY_MONTH_YEAR.search(text)
    if m:
        return _valid(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
    m = MONTH_YEAR.search(text)
    if m:
        return _valid(int(m.group(2)), MONTHS[m.group(1).lower()], 1)
    return None


def pdf_date(value: str | None) -> date | None:
    """A PDF date string ('D:20220930120000+01'00'') as a date."""
    m = PDF_DATE.match((value or "").strip())
    if not m:
        return None
    return _valid(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))


def title_in_text(text: str) -> str | None:
    for line in text.splitlines():
        line = " ".join(line.split())
        if len(line.split()) >= TITLE_MIN_WORDS and len(line) <= TITLE_MAX_CHARS and not date_in_text(line) \
                and re.search(r"[A-Za-z]{3}", line):
            return line
    return None


def pdf_info(path: str | Path, password: str | None = None) -> PdfInfo:
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(str(path), password=password)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise EncryptedPdfError.needs_password(path, password) from None
        raise NotAPdfError(f"cannot be opened as a PDF ({exc})", path=str(path)) from None
    try:
        meta = doc.get_metadata_dict(skip_empty=True)
        first = ""
        if len(doc):
            page = doc[0]
            textpage = page.get_textpage()
            first = textpage.get_text_range()
            textpage.close()
            page.close()
        pages = len(doc)
    finally:
        doc.close()
    first = first.replace("\r\n", "\n").replace("\r", "\n")
    title, title_from = (meta.get("Title") or "").strip(), "metadata"
    if not title or TOOL_TITLE.match(title):
        title, title_from = (title_in_text(first) or ""), "first page"
    published, date_from = date_in_text("\n".join(first.splitlines()[:DATE_LINES])), "first page"
    if published is None:
        published, date_from = pdf_date(meta.get("CreationDate")), "metadata"
    return PdfInfo(pages, title or None, published, title_from if title else "", date_from if published else "")


def breaks_after_slash(metadata: dict) -> bool:
    """Does the PDF's producer (its metadata's Producer and Creator) break lines after a slash inside a
    word ("children/" / "young")? Office suites and ReportLab break only at spaces."""
    return any(SLASH_BREAKING_PRODUCER.search(str(metadata.get(k) or "")) for k in ("Producer", "Creator"))
