"""Draw plan-style tables into PDFs with the reportlab canvas: a small, data-driven layout engine.

Council improvement plans are Word tables: cells merged vertically (one outcome over many actions), rows
that run over page breaks, a header row repeated on every page, RAG cells filled with a legend colour.
reportlab's platypus ``Table`` cannot split a row or a spanned cell across pages, so this module lays the
table out itself and draws with the canvas. Everything a layout varies in is data (``TableLayout``), so
the same engine renders other councils' looks: other columns, portrait pages, unruled tables, header on
the first page only, section rows inside the table instead of banners above it.

The stages, in the order they run:

    wrap_paragraphs     cell text -> lines (``Line``) that fit the column
    _TableEngine        rows -> pages: row heights, merged spans, splits at page breaks, rules, fills
    render              Document -> RenderResult (PDF bytes + where every row and table fragment went)

Coordinates in ``RenderResult`` are PDF points from the page's top-left corner, like pdfplumber's.
Output is deterministic (``invariant=1``): the same Document gives byte-identical PDFs.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Literal, Mapping, Sequence, Union

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape, portrait
from reportlab.pdfbase.pdfmetrics import getAscent, stringWidth
from reportlab.pdfgen.canvas import Canvas

# --- defaults (points) --------------------------------------------------------------------------------
DEFAULT_MARGIN = 36.0
DEFAULT_FONT = "Helvetica"
DEFAULT_FONT_BOLD = "Helvetica-Bold"
DEFAULT_FONT_SIZE = 8.0
DEFAULT_LEADING_RATIO = 1.2
DEFAULT_CELL_PADDING = 3.0
DEFAULT_PARAGRAPH_GAP = 5.0
DEFAULT_RULE_WIDTH = 0.5
DEFAULT_HEADER_FILL = "#d9d9d9"
DEFAULT_TEXT_COLOUR = "#000000"

Orientation = Literal["portrait", "landscape"]
HeaderRepeat = Literal["every_page", "first_page"]
RagStyle = Literal["fill_and_wording", "wording_only", "fill_only"]
SectionStyle = Literal["banner", "section_row"]
CellValue = Union[str, Sequence[str], None]
# footer(canvas, page_number, layout): draw the page furniture; called once per page before it is closed.
FooterCallback = Callable[[Canvas, int, "TableLayout"], None]


class LayoutError(ValueError):
    """The document cannot be laid out as described (e.g. a column set wider than the page)."""


# --- the data a caller provides -----------------------------------------------------------------------
@dataclass(frozen=True)
class Column:
    field: str
    header_text: str  # "\n" forces a header line break
    width: float  # points


@dataclass(frozen=True)
class Margins:
    left: float = DEFAULT_MARGIN
    right: float = DEFAULT_MARGIN
    top: float = DEFAULT_MARGIN
    bottom: float = DEFAULT_MARGIN


@dataclass(frozen=True)
class TableLayout:
    """How a table (and the pages it sits on) looks. Derive variants with ``dataclasses.replace``."""

    columns: tuple[Column, ...] = ()
    pagesize: tuple[float, float] = A4
    orientation: Orientation = "portrait"
    margins: Margins = Margins()
    font: str = DEFAULT_FONT
    font_bold: str = DEFAULT_FONT_BOLD
    font_size: float = DEFAULT_FONT_SIZE
    header_font_size: float = DEFAULT_FONT_SIZE
    banner_font_size: float = 12.0
    leading_ratio: float = DEFAULT_LEADING_RATIO
    vertical_rules: bool = True
    horizontal_rules: bool = True
    rule_width: float = DEFAULT_RULE_WIDTH
    header_repeat: HeaderRepeat = "every_page"
    rag_field: str | None = None  # the column whose cells get the row's rag_fill
    rag_style: RagStyle = "fill_and_wording"
    section_style: SectionStyle = "banner"
    header_fill: str | None = DEFAULT_HEADER_FILL
    section_fill: str | None = None
    # section rows span the whole table: the inner vertical rules stop above them and start again below
    section_rows_span: bool = False
    text_colour: str = DEFAULT_TEXT_COLOUR
    cell_padding: float = DEFAULT_CELL_PADDING
    paragraph_gap: float = DEFAULT_PARAGRAPH_GAP
    footer: FooterCallback | None = None

    @property
    def page_width(self) -> float:
        return self._size()[0]

    @property
    def page_height(self) -> float:
        return self._size()[1]

    def _size(self) -> tuple[float, float]:
        return landscape(self.pagesize) if self.orientation == "landscape" else portrait(self.pagesize)

    @property
    def text_width(self) -> float:
        return self.page_width - self.margins.left - self.margins.right

    @property
    def table_width(self) -> float:
        return sum(c.width for c in self.columns)

    def leading(self, size: float | None = None) -> float:
        return (size or self.font_size) * self.leading_ratio


@dataclass(frozen=True)
class Row:
    """One table row: field -> text (a str with "\\n" between paragraphs, or a list of paragraphs).

    A field listed in ``merged_from_above`` belongs to the same (vertically merged) cell as the row above:
    its value here is ignored and nothing is drawn for it. ``key`` is the caller's id for the row (e.g. an
    action's seq); it comes back in ``RenderResult.rows``.
    """

    cells: Mapping[str, CellValue]
    merged_from_above: tuple[str, ...] = ()
    rag_fill: str | None = None
    key: object = None


@dataclass(frozen=True)
class Section:
    """A heading inside a table's row stream: a banner above the table (``section_style="banner"``:
    first line bold, larger; the header row is drawn again below it) or a full-width row inside the table
    (``"section_row"``). Vertical merges never cross a section."""

    lines: tuple[str, ...]
    new_page: bool = False  # banners only: start the section on a fresh page
    key: object = None


@dataclass(frozen=True)
class Text:
    """A paragraph of running text, wrapped to the page's text width."""

    text: str
    size: float | None = None  # None: the document layout's font_size
    bold: bool = False
    space_before: float = 0.0
    space_after: float = 6.0


@dataclass(frozen=True)
class Spacer:
    height: float


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class Table:
    layout: TableLayout
    rows: tuple[Row | Section, ...]
    key: object = None


Block = Union[Text, Spacer, PageBreak, Table]


@dataclass(frozen=True)
class Metadata:
    title: str = ""
    author: str = ""
    subject: str = ""
    keywords: str = ""
    creator: str = ""


@dataclass(frozen=True)
class Document:
    layout: TableLayout  # page geometry, text fonts and footer for the whole document
    blocks: tuple[Block, ...]
    metadata: Metadata = Metadata()


# --- what comes back -----------------------------------------------------------------------------------
BBox = tuple[float, float, float, float]  # x0, top, x1, bottom (top-left origin)


@dataclass(frozen=True)
class RowPlacement:
    table_key: object
    key: object
    page_start: int
    page_end: int
    bbox: BBox  # the row's part on page_start


@dataclass(frozen=True)
class Fragment:
    """The part of one table on one page."""

    table_key: object
    page: int
    header_bbox: BBox | None  # None when the header row is not drawn on this page
    body_bbox: BBox


@dataclass
class RenderResult:
    pdf: bytes
    page_count: int
    rows: list[RowPlacement] = field(default_factory=list)
    fragments: list[Fragment] = field(default_factory=list)

    def row(self, key: object) -> RowPlacement:
        for placement in self.rows:
            if placement.key == key:
                return placement
        raise KeyError(key)


# --- stage 1: text to lines ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Line:
    text: str
    gap_before: float  # extra space above the line (the paragraph gap), 0 inside a paragraph


def paragraphs_of(value: CellValue) -> list[str]:
    if value is None:
        return []
    items = value.split("\n") if isinstance(value, str) else list(value)
    return [p.strip() for p in items if p and p.strip()]


def wrap_text(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap at spaces; a word wider than the column is broken between characters."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if stringWidth(candidate, font, size) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        while stringWidth(word, font, size) > width and len(word) > 1:
            cut = len(word) - 1
            while cut > 1 and stringWidth(word[:cut], font, size) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    if current:
        lines.append(current)
    return lines


def wrap_paragraphs(value: CellValue, font: str, size: float, width: float, gap: float) -> list[Line]:
    lines: list[Line] = []
    for i, paragraph in enumerate(paragraphs_of(value)):
        for j, text in enumerate(wrap_text(paragraph, font, size, width)):
            lines.append(Line(text, gap if (i > 0 and j == 0) else 0.0))
    return lines


# --- stage 2: the page and table engine ----------------------------------------------------------------
class _Pages:
    """The canvas plus a top-down cursor; closes pages with the footer."""

    def __init__(self, layout: TableLayout, metadata: Metadata, out: io.BytesIO):
        self.layout = layout
        self.canvas = Canvas(out, pagesize=(layout.page_width, layout.page_height), invariant=1)
        c = self.canvas
        c.setTitle(metadata.title)
        c.setAuthor(metadata.author)
        c.setSubject(metadata.subject)
        c.setKeywords(metadata.keywords)
        c.setCreator(metadata.creator)
        self.number = 1
        self.y = layout.margins.top
        self.blank = True  # nothing drawn on the current page yet

    @property
    def top(self) -> float:
        return self.layout.margins.top

    @property
    def bottom(self) -> float:
        return self.layout.page_height - self.layout.margins.bottom

    def room(self) -> float:
        return self.bottom - self.y

    def pdf_y(self, y: float) -> float:
        return self.layout.page_height - y

    def new_page(self) -> None:
        self._close_page()
        self.canvas.showPage()
        self.number += 1
        self.y = self.top
        self.blank = True

    def _close_page(self) -> None:
        if self.layout.footer is not None:
            self.canvas.saveState()
            self.layout.footer(self.canvas, self.number, self.layout)
            self.canvas.restoreState()

    def finish(self) -> None:
        self._close_page()
        self.canvas.save()

    # drawing primitives, in top-down coordinates
    def text(self, x: float, top: float, text: str, font: str, size: float, colour: str) -> None:
        c = self.canvas
        c.setFillColor(HexColor(colour))
        c.setFont(font, size)
        c.drawString(x, self.pdf_y(top + getAscent(font, size)), text)
        self.blank = False

    def fill(self, x0: float, top: float, x1: float, bottom: float, colour: str) -> None:
        c = self.canvas
        c.setFillColor(HexColor(colour))
        c.rect(x0, self.pdf_y(bottom), x1 - x0, bottom - top, stroke=0, fill=1)
        self.blank = False

    def line(self, x0: float, y0: float, x1: float, y1: float, width: float) -> None:
        c = self.canvas
        c.setStrokeColor(HexColor("#000000"))
        c.setLineWidth(width)
        c.line(x0, self.pdf_y(y0), x1, self.pdf_y(y1))
        self.blank = False


@dataclass
class _ColumnState:
    """A column's current cell: the lines still to draw and where the next one goes."""

    lines: list[Line] = field(default_factory=list)
    cursor: float | None = None  # top of the next line; None: start at the row's top + padding
    fresh: bool = True  # nothing of this cell drawn in the current fragment yet


class _TableEngine:
    def __init__(self, pages: _Pages, table: Table, result: RenderResult):
        self.pages = pages
        self.table = table
        self.layout = table.layout
        self.result = result
        lay = self.layout
        if lay.table_width > lay.text_width + 0.01:
            raise LayoutError(
                f"table {table.key!r}: columns are {lay.table_width:.1f}pt wide but the page has "
                f"{lay.text_width:.1f}pt between its margins; narrow the columns or the margins"
            )
        self.x0 = lay.margins.left
        self.xs = [self.x0]
        for col in lay.columns:
            self.xs.append(self.xs[-1] + col.width)
        self.x1 = self.xs[-1]
        self.leading = lay.leading()
        self.pad = lay.cell_padding
        self.header_lines = self._header_lines()
        h_lead = lay.leading(lay.header_font_size)
        self.header_height = 2 * self.pad + h_lead * max((len(ls) for ls in self.header_lines), default=1)
        self.min_row = 2 * self.pad + self.leading
        # fragment state
        self.fragment_top: float | None = None  # top of the fragment (header top, or body top)
        self.body_top: float = 0.0
        self.header_bbox: BBox | None = None
        self.header_due = True  # draw the header with the next fragment
        self.spans: list[tuple[float, float]] = []  # section rows of the current fragment (top, bottom)

    # -- header ------------------------------------------------------------------------------------------
    def _header_lines(self) -> list[list[str]]:
        lay = self.layout
        out = []
        for col in lay.columns:
            lines: list[str] = []
            for part in col.header_text.split("\n"):
                lines += wrap_text(part, lay.font_bold, lay.header_font_size, col.width - 2 * self.pad)
            out.append(lines)
        return out

    def _open_fragment(self) -> None:
        pages, lay = self.pages, self.layout
        need = self.min_row + (self.header_height if self.header_due else 0)
        if pages.room() < need and not pages.blank:
            pages.new_page()
        top = pages.y
        self.fragment_top = top
        self.header_bbox = None
        if self.header_due:
            bottom = top + self.header_height
            if lay.header_fill:
                pages.fill(self.x0, top, self.x1, bottom, lay.header_fill)
            h_lead = lay.leading(lay.header_font_size)
            for i, lines in enumerate(self.header_lines):
                y = top + self.pad
                for text in lines:
                    pages.text(self.xs[i] + self.pad, y, text, lay.font_bold, lay.header_font_size, lay.text_colour)
                    y += h_lead
            if lay.horizontal_rules:
                pages.line(self.x0, top, self.x1, top, lay.rule_width)
            self.header_bbox = (self.x0, top, self.x1, bottom)
            top = bottom
            self.header_due = lay.header_repeat == "every_page"
        if lay.horizontal_rules:
            pages.line(self.x0, top, self.x1, top, lay.rule_width)
        self.body_top = top
        pages.y = top

    def _close_fragment(self) -> None:
        if self.fragment_top is None:
            return
        pages, lay = self.pages, self.layout
        bottom = pages.y
        if lay.horizontal_rules and bottom > self.body_top:
            pages.line(self.x0, bottom, self.x1, bottom, lay.rule_width)
        if lay.vertical_rules:
            for x in self.xs:
                inner = x not in (self.x0, self.x1)
                for y0, y1 in self._rule_runs(self.fragment_top, bottom) if inner else [(self.fragment_top, bottom)]:
                    pages.line(x, y0, x, y1, lay.rule_width)
        self.spans = []
        self.result.fragments.append(
            Fragment(self.table.key, pages.number, self.header_bbox, (self.x0, self.body_top, self.x1, bottom))
        )
        self.fragment_top = None

    def _rule_runs(self, top: float, bottom: float) -> list[tuple[float, float]]:
        """The stretches of an inner vertical rule: from top to bottom, minus the spanning section rows."""
        if not self.layout.section_rows_span:
            return [(top, bottom)]
        runs, y = [], top
        for s_top, s_bottom in sorted(self.spans):
            if s_top > y + 0.001:
                runs.append((y, s_top))
            y = max(y, s_bottom)
        if bottom > y + 0.001:
            runs.append((y, bottom))
        return runs

    def _page_break(self) -> None:
        self._close_fragment()
        self.pages.new_page()
        self._open_fragment()

    # -- rows ----------------------------------------------------------------------------------------------
    def run(self) -> None:
        items = list(self.table.rows)
        states: dict[str, _ColumnState] = {}
        previous: Row | Section | None = None
        for index, item in enumerate(items):
            following = items[index + 1] if index + 1 < len(items) else None
            if isinstance(item, Section):
                self._section(item)
                states = {}
            else:
                merged = set(item.merged_from_above) if isinstance(previous, Row) else set()
                continues = set(following.merged_from_above) if isinstance(following, Row) else set()
                states = self._row(item, states, merged, continues)
            previous = item
        if self.fragment_top is not None:
            self._close_fragment()

    def _cell_lines(self, row: Row, col: Column) -> list[Line]:
        lay = self.layout
        if col.field == lay.rag_field and lay.rag_style == "fill_only":
            return []
        return wrap_paragraphs(
            row.cells.get(col.field), lay.font, lay.font_size, col.width - 2 * self.pad, lay.paragraph_gap
        )

    def _row(
        self, row: Row, previous: dict[str, _ColumnState], merged: set[str], continues: set[str]
    ) -> dict[str, _ColumnState]:
        pages, lay = self.pages, self.layout
        if self.fragment_top is None:
            self._open_fragment()
        states: dict[str, _ColumnState] = {}
        new_cells: set[str] = set()
        for col in lay.columns:
            if col.field in merged and col.field in previous:
                states[col.field] = previous[col.field]
            else:
                states[col.field] = _ColumnState(self._cell_lines(row, col))
                new_cells.add(col.field)
        ending = {c.field for c in lay.columns if c.field not in continues}

        # a row that cannot show even one line here starts on the next page
        if pages.room() < self.min_row and pages.y > self.body_top:
            self._page_break()
            for state in states.values():  # merged cells go on below the new page's header
                state.cursor = None
                state.fresh = True
        top = pages.y
        page_start, first_top = pages.number, top
        first_fragment = True
        while True:
            needed = max([top + self.min_row] + [self._cell_bottom(states[f], top) for f in ending])
            bottom = min(needed, pages.bottom)
            split = needed > pages.bottom
            self._draw_row_part(row, states, top, bottom, new_cells if first_fragment else set(), ending, split)
            pages.y = bottom
            if first_fragment:
                first_bottom = bottom
            if not split:
                break
            self._page_break()
            top = pages.y
            for state in states.values():
                state.cursor = None
                state.fresh = True
            first_fragment = False
        self.result.rows.append(
            RowPlacement(self.table.key, row.key, page_start, pages.number, (self.x0, first_top, self.x1, first_bottom))
        )
        return states

    def _cell_bottom(self, state: _ColumnState, row_top: float) -> float:
        """Where a cell ending in this row must end: below its remaining lines and the bottom padding."""
        y = state.cursor if state.cursor is not None else row_top + self.pad
        for i, line in enumerate(state.lines):
            y += (0.0 if (i == 0 and state.fresh) else line.gap_before) + self.leading
        return y + self.pad

    def _draw_row_part(
        self,
        row: Row,
        states: dict[str, _ColumnState],
        top: float,
        bottom: float,
        new_cells: set[str],
        ending: set[str],
        split: bool,
    ) -> None:
        pages, lay = self.pages, self.layout
        fill_rag = lay.rag_field is not None and row.rag_fill and lay.rag_style != "wording_only"
        for i, col in enumerate(lay.columns):
            if fill_rag and col.field == lay.rag_field:
                pages.fill(self.xs[i], top, self.xs[i + 1], bottom, row.rag_fill)
        for i, col in enumerate(lay.columns):
            state = states[col.field]
            if state.cursor is None:
                state.cursor = top + self.pad
            # lines of a cell that ends here (or is cut by the page) keep the bottom padding;
            # lines of a merged cell that goes on into the next row may run to the row's edge.
            limit = bottom - self.pad if (col.field in ending or split) else bottom
            while state.lines:
                line = state.lines[0]
                gap = 0.0 if state.fresh else line.gap_before
                if state.cursor + gap + self.leading > limit + 0.001:
                    break
                line_top = state.cursor + gap
                pages.text(self.xs[i] + self.pad, line_top, line.text, lay.font, lay.font_size, lay.text_colour)
                state.cursor = line_top + self.leading
                state.fresh = False
                state.lines.pop(0)
            if lay.horizontal_rules and col.field in new_cells and top > self.body_top + 0.001:
                pages.line(self.xs[i], top, self.xs[i + 1], top, lay.rule_width)

    # -- sections ------------------------------------------------------------------------------------------
    def _section(self, section: Section) -> None:
        pages, lay = self.pages, self.layout
        if lay.section_style == "section_row":
            if self.fragment_top is None:
                self._open_fragment()
            width = self.x1 - self.x0 - 2 * self.pad
            lines = [t for text in section.lines for t in wrap_text(text, lay.font_bold, lay.font_size, width)]
            height = 2 * self.pad + self.leading * max(len(lines), 1)
            if pages.room() < height and pages.y > self.body_top:
                self._page_break()
            top = pages.y
            if lay.section_fill:
                pages.fill(self.x0, top, self.x1, top + height, lay.section_fill)
            for j, text in enumerate(lines):
                pages.text(self.x0 + self.pad, top + self.pad + j * self.leading, text, lay.font_bold,
                           lay.font_size, lay.text_colour)
            if lay.horizontal_rules and top > self.body_top + 0.001:
                pages.line(self.x0, top, self.x1, top, lay.rule_width)
            pages.y = top + height
            self.spans.append((top, top + height))
            self.result.rows.append(
                RowPlacement(self.table.key, section.key, pages.number, pages.number, (self.x0, top, self.x1, top + height))
            )
            return
        # banner: close the table, write the heading, start again with a header row
        self._close_fragment()
        if section.new_page and not pages.blank:
            pages.new_page()
        blocks = [
            Text(line, size=lay.banner_font_size if i == 0 else lay.font_size, bold=i == 0, space_after=6.0)
            for i, line in enumerate(section.lines)
        ]
        height = sum(_text_height(b, lay) for b in blocks) + self.header_height + self.min_row
        if pages.room() < height and not pages.blank:
            pages.new_page()
        for block in blocks:
            _draw_text(pages, block, lay)
        self.header_due = True


# --- running text -------------------------------------------------------------------------------------------
def _text_lines(block: Text, lay: TableLayout) -> tuple[list[str], str, float]:
    size = block.size or lay.font_size
    font = lay.font_bold if block.bold else lay.font
    return wrap_text(block.text, font, size, lay.text_width), font, size


def _text_height(block: Text, lay: TableLayout) -> float:
    lines, _, size = _text_lines(block, lay)
    return block.space_before + len(lines) * lay.leading(size) + block.space_after


def _draw_text(pages: _Pages, block: Text, lay: TableLayout) -> None:
    lines, font, size = _text_lines(block, lay)
    lead = lay.leading(size)
    if not pages.blank:
        pages.y += block.space_before
    for text in lines:
        if pages.room() < lead:
            pages.new_page()
        pages.text(lay.margins.left, pages.y, text, font, size, lay.text_colour)
        pages.y += lead
    pages.y += block.space_after


# --- stage 3: the document ------------------------------------------------------------------------------
def render(document: Document) -> RenderResult:
    out = io.BytesIO()
    pages = _Pages(document.layout, document.metadata, out)
    result = RenderResult(pdf=b"", page_count=0)
    for block in document.blocks:
        if isinstance(block, PageBreak):
            if not pages.blank:
                pages.new_page()
        elif isinstance(block, Spacer):
            pages.y += block.height
        elif isinstance(block, Text):
            _draw_text(pages, block, document.layout)
        elif isinstance(block, Table):
            # tables share the document's page geometry and footer
            layout = replace(
                block.layout,
                pagesize=document.layout.pagesize,
                orientation=document.layout.orientation,
                margins=document.layout.margins,
                footer=document.layout.footer,
            )
            _TableEngine(pages, replace(block, layout=layout), result).run()
        else:  # pragma: no cover - a programming error
            raise TypeError(f"not a block: {block!r}")
    pages.finish()
    result.pdf = out.getvalue()
    result.page_count = pages.number
    return result


def write(document: Document, path: Path | str) -> RenderResult:
    """Render ``document`` to ``path`` (parent folders created) and return where everything went."""
    result = render(document)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(result.pdf)
    return result
