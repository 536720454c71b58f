"""The reference reader: PDF pages -> the page model, read with pdfplumber (pdfminer).

Slower than the pdfium reader; tests/test_readers.py holds the two to the same words, rules and fills.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Sequence

from ..colour import hex_colour
from ..errors import EncryptedPdfError, NotAPdfError, PlanpipeError
from .pdfium import hidden_chars
from .model import SLANTED, Fill, Page, Rule, Word, add_rect, check_page_size, is_bold, page_or_error, slant_rotation
from .paths import add_curve, plumber_ops
from .words import SIZE_DECIMALS, chars_to_words, own_lines
from ..settings import DEFAULT_SETTINGS, ExtractSettings


def page_from_plumber(pp, number: int, settings: ExtractSettings = DEFAULT_SETTINGS,
                      hidden: Sequence[tuple[str, float, float]] = ()) -> Page:
    """The page as pdfplumber reads it, less the characters a clipping path hides (`hidden`, found by
    pipeline.readers.pdfium.hidden_chars: pdfminer keeps no clipping paths)."""
    width, height = float(pp.width), float(pp.height)
    check_page_size(width, height, number)
    from pdfplumber.utils import extract_words

    chars = collapse_space_runs(_visible(pp.chars, hidden))
    rotated = [c for c in chars if not c.get("upright", True) or _slanted(c)]
    # Sizes rounded as pipeline.readers.words rounds them, so that float noise parts no word.
    upright = [dict(c, size=round(c["size"], SIZE_DECIMALS)) for c in chars
               if c.get("upright", True) and not _slanted(c)]
    # A cluster of tops holding two lines set close in one column has each read alone, as the pdfium reader
    # reads it (pipeline.readers.words.own_lines): their letters would otherwise interleave.
    whole, parted = own_lines(upright, settings.word_y_tolerance, _top)
    raw_words = [w for chars_ in [whole, *parted] for w in extract_words(
        chars_, keep_blank_chars=False, use_text_flow=False, extra_attrs=["size", "fontname"],
        x_tolerance=settings.word_x_tolerance, y_tolerance=settings.word_y_tolerance,
    )]
    words = [
        Word(
            w["text"], float(w["x0"]), float(w["top"]), float(w["x1"]), float(w["bottom"]), float(w["size"]),
            is_bold(w.get("fontname", "")),
        )
        for w in raw_words
        if w["text"].strip()
    ]
    # Rotated text in its own reading direction, grouped as the pdfium reader groups it.
    words += chars_to_words([_char_tuple(c) for c in rotated], settings)
    hrules: list[Rule] = []
    vrules: list[Rule] = []
    fills: list[Fill] = []
    marks: list[Fill] = []
    for ln in pp.lines:
        rule = Rule(float(ln["x0"]), float(ln["top"]), float(ln["x1"]), float(ln["bottom"]))
        (hrules if rule.horizontal else vrules).append(rule)
    for rc in pp.rects:
        add_rect(
            hrules, vrules, fills,
            (float(rc["x0"]), float(rc["top"]), float(rc["x1"]), float(rc["bottom"])),
            filled=bool(rc.get("fill")),
            stroked=bool(rc.get("stroke")),
            colour=lambda rc=rc: hex_colour(rc.get("non_stroking_color")),
            settings=settings,
        )
    for cv in pp.curves:
        add_curve(
            hrules, vrules, fills, plumber_ops(cv.get("path") or ()),
            filled=bool(cv.get("fill")),
            stroked=bool(cv.get("stroke")),
            colour=functools.partial(_fill_colour, cv),
            settings=settings,
            marks=marks,
        )
    return Page(
        number=number,
        width=width,
        height=height,
        words=words,
        hrules=hrules,
        vrules=vrules,
        fills=fills,
        marks=marks,
        has_images=bool(pp.images),
    )


def _fill_colour(obj: dict) -> str | None:
    return hex_colour(obj.get("non_stroking_color"))


# How far (pt) a character's middle may stand from where PDFium puts it and still be that character.
SAME_CHAR = 1.5


def _visible(chars: list[dict], hidden: Sequence[tuple[str, float, float]]) -> list[dict]:
    """The characters less those PDFium found hidden by a clipping path: the same text, its middle
    within SAME_CHAR of the hidden one's."""
    if not hidden:
        return chars
    by_text: dict[str, list[tuple[float, float]]] = {}
    for text, x, y in hidden:
        by_text.setdefault(text, []).append((x, y))

    def shown(c: dict) -> bool:
        x, y = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
        return not any(abs(x - hx) <= SAME_CHAR and abs(y - hy) <= SAME_CHAR for hx, hy in by_text.get(c["text"], ()))
    return [c for c in chars if shown(c)]


def _top(c: dict) -> float:
    return float(c["top"])


def collapse_space_runs(chars: list[dict]) -> list[dict]:
    """The characters less every space that follows another space of the same run of text (one font,
    size and baseline, drawn one after the other): a run of spaces is one space, as PDFium's text page
    reads it. Padding spaces that run on past their cell (clipped away, and blank anyway) would otherwise
    be sorted in among the letters of the next cells and part every letter ("D" "e" "l" "h" "i")."""
    out: list[dict] = []
    prev = None
    for c in chars:
        if (prev is not None and c["text"] == " " and prev["text"] == " " and c["fontname"] == prev["fontname"]
                and c["size"] == prev["size"] and tuple(c["matrix"][:4]) == tuple(prev["matrix"][:4])
                and abs(c["y0"] - prev["y0"]) < 0.01 and c["x0"] >= prev["x0"]):
            continue
        out.append(c)
        prev = c
    return out


def _slanted(c: dict) -> bool:
    a, b, cc, d = (float(v) for v in c["matrix"][:4])
    return slant_rotation(a, b, cc, d) is not None


def _char_tuple(c: dict) -> tuple:
    """A rotated pdfplumber character as the readers' tuple: SLANTED off the axes, else 90 when its
    baseline runs up the page; its size is the box's width, the font size across the baseline, for turned
    text, and the box's height for slanted text, as pdfminer's (pipeline.readers.pdfium.read_chars)."""
    x0, x1 = float(c["x0"]), float(c["x1"])
    top, bottom = float(c["top"]), float(c["bottom"])
    if _slanted(c):
        return (c["text"], x0, top, x1, bottom, SLANTED, round(float(c["size"]), SIZE_DECIMALS),
                c.get("fontname", ""), is_bold(c.get("fontname", "")))
    rot = 90 if float(c["matrix"][1]) > 0 else 270
    return (c["text"], x0, top, x1, bottom, rot, x1 - x0, c.get("fontname", ""), is_bold(c.get("fontname", "")))


def read_document(path: Path, password: str | None,
                  settings: ExtractSettings = DEFAULT_SETTINGS) -> tuple[list[Page], dict]:
    p = path
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        pdf = pdfplumber.open(p, password=password or "")
    except Exception as exc:  # pdfminer raises many kinds on damaged files
        # pdfplumber wraps pdfminer's errors (PdfminerException(PDFPasswordIncorrect(...))).
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
        if isinstance(cause, PDFPasswordIncorrect) or "password" in str(cause).lower():
            raise EncryptedPdfError.needs_password(p, password) from None
        if isinstance(cause, PDFSyntaxError):
            raise NotAPdfError(f"damaged PDF ({cause}); try re-downloading it", path=str(p)) from None
        raise NotAPdfError(
            f"cannot be read as a PDF ({type(cause).__name__}: {cause}); try re-downloading it", path=str(p)
        ) from None
    pages: list[Page] = []
    hidden = hidden_chars(p, password)
    try:
        metadata = dict(pdf.metadata or {})
        for i, pp in enumerate(pdf.pages, start=1):
            try:
                pages.append(page_or_error(lambda pp=pp, i=i: page_from_plumber(pp, i, settings, hidden.get(i, ())),
                                           i, p))
            finally:
                pp.flush_cache()
    except PlanpipeError:
        raise
    except Exception as exc:
        raise NotAPdfError(f"cannot be read as a PDF ({type(exc).__name__}: {exc})", path=str(p)) from None
    finally:
        # pdfplumber's close() reads the page list again, which fails again on a damaged file and
        # would replace the error above: close the stream whatever close() does.
        try:
            pdf.close()
        except Exception:
            pdf.stream.close()
    return pages, metadata
