"""The page model every stage after the readers works on: words, ruling lines and filled rectangles.

Coordinates are PDF points from the page's top-left corner (as displayed, after /Rotate; a page whose
text runs up or down it is then turned a quarter, pipeline.readers.upright, and says so in `turned`). The readers
(pipeline.readers.pdfium, pipeline.readers.plumber) fill it; nothing else opens PDFs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..errors import NotAPdfError, PlanpipeError
from ..settings import DEFAULT_SETTINGS, ExtractSettings


# Word.rotation of text set off the page's axes by more than SLANT_DEGREES (pdfminer counts it upright).
SLANTED = 45
TURNED = (90, 270)
SLANT_DEGREES = 10.0


def slant_rotation(ra: float, rb: float, rc: float, rd: float) -> int | None:
    """SLANTED when the text matrix (ra, rb, rc, rd, with y running up the page) turns the baseline
    more than SLANT_DEGREES away from the page's axes, else None."""
    angle = math.degrees(math.atan2(rb, ra)) % 90.0
    return SLANTED if SLANT_DEGREES < angle < 90.0 - SLANT_DEGREES else None


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool = False
    # Degrees the text is turned anticlockwise on the page: 0 (upright), 90 (reads upward) or 270 (reads
    # downward), as risk registers set narrow column headings; SLANTED for text set at a slant across the
    # page (a "DRAFT" watermark, a stamp), which belongs to no line of the page's text.
    rotation: int = 0
    # The box's middle, across and down: read hundreds of thousands of times per document (gutters, lines,
    # rows), so worked out once here. Not compared, hashed or shown: it follows from the box.
    xmid: float = field(init=False, repr=False, compare=False)
    ymid: float = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "xmid", (self.x0 + self.x1) / 2)
        object.__setattr__(self, "ymid", (self.top + self.bottom) / 2)


@dataclass(frozen=True, slots=True)
class Rule:
    """A horizontal or vertical ruling segment."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return (self.x1 - self.x0) >= (self.bottom - self.top)

    @property
    def y(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def x(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True, slots=True)
class Fill:
    x0: float
    top: float
    x1: float
    bottom: float
    colour: str  # '#rrggbb'


@dataclass
class Page:
    number: int  # 1-based
    width: float
    height: float
    words: list[Word] = field(default_factory=list)
    hrules: list[Rule] = field(default_factory=list)
    vrules: list[Rule] = field(default_factory=list)
    fills: list[Fill] = field(default_factory=list)
    # Small filled round shapes (a status shown as a coloured dot in its cell): no cell's fill, kept apart so
    # that only a status cell reads their colour (pipeline.readers.paths).
    marks: list[Fill] = field(default_factory=list)
    has_images: bool = False
    # What the reader could not decode on this page, in words ("12 of 40 text objects unreadable"); empty
    # when the page was read whole. Reported as `page-damaged` data issues.
    damage: list[str] = field(default_factory=list)
    # Degrees the page was turned clockwise so that its text reads across (pipeline.readers.upright): 0, 90
    # or 270. Its boxes are the turned page's.
    turned: int = 0

    @property
    def landscape(self) -> bool:
        return self.width > self.height


@dataclass
class Document:
    path: str
    pages: list[Page]
    metadata: dict
    password: str | None = None


# Pages larger than this (in points, either side) are refused: 200 inches is far beyond any real page.
MAX_PAGE_SIDE = 14400.0


def is_bold(fontname: str) -> bool:
    """A bold face, by its name ("ABCDEF+Arial-BoldMT")."""
    name = fontname.split("+")[-1].lower()
    return any(k in name for k in ("bold", "black", "heavy", "semibold", "demi"))


def check_page_size(width: float, height: float, number: int) -> None:
    if width > MAX_PAGE_SIDE or height > MAX_PAGE_SIDE or width <= 0 or height <= 0:
        raise PlanpipeError(
            f"absurd page size {width:.0f} x {height:.0f} pt; the page box is damaged or this is not a "
            "document page: re-download the PDF or re-export it from its source application",
            page=number,
        )


def add_rect(hrules: list[Rule], vrules: list[Rule], fills: list[Fill], box, *, filled: bool, stroked: bool, colour,
             settings: ExtractSettings = DEFAULT_SETTINGS) -> None:
    """Sort one drawn rectangle, the same way for every reader: a thin one is a ruling line, a filled
    one big enough is a cell fill (`colour()` gives its '#rrggbb', read only then), and a stroked one's
    sides are ruling lines (cell borders drawn as boxes). Thin and big: `settings.rule_max_thickness`
    and `settings.fill_min_side`."""
    x0, top, x1, bottom = box
    w, h = x1 - x0, bottom - top
    if h <= settings.rule_max_thickness and w > h:
        hrules.append(Rule(x0, top, x1, bottom))
        return
    if w <= settings.rule_max_thickness and h > w:
        vrules.append(Rule(x0, top, x1, bottom))
        return
    if filled and w >= settings.fill_min_side and h >= settings.fill_min_side:
        fill_colour = colour()
        if fill_colour:
            fills.append(Fill(x0, top, x1, bottom, fill_colour))
    if stroked:
        hrules.append(Rule(x0, top, x1, top))
        hrules.append(Rule(x0, bottom, x1, bottom))
        vrules.append(Rule(x0, top, x0, bottom))
        vrules.append(Rule(x1, top, x1, bottom))


def page_or_error(read, number: int, path) -> Page:
    """Read one page; whatever goes wrong becomes an error naming the file and the page."""
    try:
        return read()
    except PlanpipeError as exc:
        raise type(exc)(exc.message, path=str(path), page=exc.page or number) from None
    except Exception as exc:
        raise NotAPdfError(f"damaged page content ({type(exc).__name__}: {exc})", path=str(path), page=number) from None


