"""The fast reader: PDF pages -> the page model (pipeline.readers.model), read with pypdfium2 (PDFium).

It gives what the pdfplumber reader gives, so that the extractor cannot tell them apart:

- words are grouped from characters exactly as pdfplumber's `extract_words(x_tolerance=1.5,
  keep_blank_chars=False, extra_attrs=["size", "fontname"])` groups them (`chars_to_words`), and each
  character's box follows pdfminer's convention: the advance width across, and from the font's descent
  to descent + font size up (pdfium's own boxes use its ascent and descent instead);
- ruling lines and filled rectangles follow pdfminer's reading of paths (`path_to_shapes`): a path is cut
  into subpaths at each move; a two-point subpath is a line, a closed axis-aligned four-corner subpath a
  rectangle, anything else a curve (ignored, as pdf.py ignores pdfplumber's curves);
- coordinates are pdfplumber's: points from the top-left of the page as displayed (after /Rotate).

Known differences from the pdfplumber reader (none occurs in the bundled PDFs): PDFium converts colours
itself (CMYK through its colour profile, ICC and Separation spaces through their definitions) where
pdfplumber's colour goes through `hex_colour`'s naive formulas; PDFium drops text drawn twice at the same
spot (fake bold) and splits ligature glyphs into their letters; characters with no Unicode mapping come
out as PDFium's guess rather than pdfminer's "(cid:N)".
"""

from __future__ import annotations

import ctypes
import functools
import math
import re
from pathlib import Path
from typing import NamedTuple, Sequence

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from ..errors import EncryptedPdfError, NotAPdfError
from ..settings import DEFAULT_SETTINGS, ExtractSettings
from .paths import Op, add_curve
from .model import TURNED, Fill, Page, Rule, add_rect, check_page_size, is_bold, page_or_error, slant_rotation
from .words import chars_to_words

# pdfminer takes the metrics of these fonts from its own AFM tables, whatever the PDF says
# (pdfminer.fontmetrics.FONT_METRICS: Descent, per 1000 units of font size; Symbol and ZapfDingbats have none).
STANDARD_DESCENT = {
    **dict.fromkeys(("Courier", "Courier-Bold", "Courier-BoldOblique", "Courier-Oblique"), -194.0),
    **dict.fromkeys(("CourierNew", "CourierNew,Italic", "CourierNew,Bold", "CourierNew,BoldItalic"), -194.0),
    **dict.fromkeys(("Helvetica", "Helvetica-Bold", "Helvetica-BoldOblique", "Helvetica-Oblique"), -207.0),
    **dict.fromkeys(("Arial", "Arial,Italic", "Arial,Bold", "Arial,BoldItalic"), -207.0),
    **dict.fromkeys(("Times-Roman", "Times-Bold", "Times-BoldItalic", "Times-Italic"), -217.0),
    **dict.fromkeys(("TimesNewRoman", "TimesNewRoman,Italic", "TimesNewRoman,Bold", "TimesNewRoman,BoldItalic"), -217.0),
    "Symbol": 0.0,
    "ZapfDingbats": 0.0,
}

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def mult(m0: Matrix, m1: Matrix) -> Matrix:
    """m0 then m1 (PDF row-vector convention, as pdfminer's mult_matrix)."""
    a0, b0, c0, d0, e0, f0 = m0
    a1, b1, c1, d1, e1, f1 = m1
    return (
        a0 * a1 + b0 * c1, a0 * b1 + b0 * d1,
        c0 * a1 + d0 * c1, c0 * b1 + d0 * d1,
        e0 * a1 + f0 * c1 + e1, e0 * b1 + f0 * d1 + f1,
    )


# ---------------------------------------------------------------------------------------------------
# Page geometry: PDF user space -> pdfplumber's top-left coordinates


def page_frame(mediabox: tuple[float, float, float, float], rotation: int) -> tuple[float, float, Matrix]:
    """(width, height, matrix from user space to pdfplumber's (x, top)) for a page, as pdfplumber computes them.

    pdfminer turns the page by /Rotate and moves the MediaBox's corner to the origin; pdfplumber then
    flips y and adds the MediaBox's offset back.
    """
    x0, x1 = sorted((mediabox[0], mediabox[2]))
    y0, y1 = sorted((mediabox[1], mediabox[3]))
    rotation %= 360
    if rotation == 90:
        ctm: Matrix = (0, -1, 1, 0, -y0, x1)
    elif rotation == 180:
        ctm = (-1, 0, 0, -1, x1, y1)
    elif rotation == 270:
        ctm = (0, 1, -1, 0, y1, -x0)
    else:
        ctm = (1, 0, 0, 1, -x0, -y0)
    # pdfplumber's (normalised, inverted) MediaBox.
    if rotation in (90, 270):
        bx0, by0, bx1, by1 = y0, x0, y1, x1
    else:
        bx0, by0, bx1, by1 = x0, y0, x1, y1
    width, height = bx1 - bx0, by1 - by0
    mb_x0, mb_top = bx0, height - by1  # _invert_box: (x0, h - y1, x1, h - y0)
    # x = x' + mb_x0; top = height - y' + mb_top
    to_plumber: Matrix = (1, 0, 0, -1, mb_x0, height + mb_top)
    return width, height, mult(ctm, to_plumber)


# ---------------------------------------------------------------------------------------------------
# Characters


class _FontInfo:
    __slots__ = ("font", "fontname", "descent", "ascent_pd", "descent_pd", "bold", "widths", "symbolic")

    def __init__(self, font, written: WrittenFonts | None = None) -> None:
        self.font = font
        # An undecoded character has no Unicode value to find its width by: its own glyph's box gives it.
        self.widths: dict[int, float] = {ord(UNDECODABLE): -1.0}
        self.fontname = _font_string(raw.FPDFFont_GetBaseFontName, font)  # /BaseFont, less any subset tag
        # pdfminer takes a standard font's metrics from its AFM tables only when /BaseFont is exactly
        # the standard name; an embedded subset ("ABCDEF+Arial") keeps its own.
        embedded = raw.FPDFFont_GetIsEmbedded(font)
        if written is not None and self.fontname in written.subsets:
            standard = not embedded
        else:  # not seen in the file (an object stream): PDFium's family name of a subset keeps its tag
            standard = not embedded or "+" not in _font_string(raw.FPDFFont_GetFamilyName, font)
        v = ctypes.c_float()
        # PDFium's metrics (what its loose boxes use), per unit of font size.
        self.ascent_pd = v.value if raw.FPDFFont_GetAscent(font, ctypes.c_float(1.0), ctypes.byref(v)) else 0.0
        self.descent_pd = v.value if raw.FPDFFont_GetDescent(font, ctypes.c_float(1.0), ctypes.byref(v)) else 0.0
        std = STANDARD_DESCENT.get(self.fontname) if standard else None
        # pdfminer: the standard 14's AFM descent, else the FontDescriptor's /Descent (forced negative):
        # as written in the file where it can be read there (PDFium replaces a zero /Descent by the
        # glyphs' own, which LibreOffice's zero descriptors make visible), else PDFium's.
        written_descent = written.descents.get(self.fontname) if written is not None else None
        if std is not None:
            self.descent = std / 1000
        else:
            self.descent = -abs(written_descent if written_descent is not None else self.descent_pd)
        self.bold = is_bold(self.fontname)
        self.symbolic = bool(raw.FPDFFont_GetFlags(font) & 4)

    def width(self, code: int) -> float:
        """The advance width of the character with Unicode `code`, per unit of font size (-1 if unknown).

        PDFium maps the code point back to the font's character code and reads /Widths (or the standard
        font's metrics) for it: the advance pdfminer uses too.
        """
        w = self.widths.get(code)
        if w is None:
            v = ctypes.c_float()
            ok = 0 < code < 0x110000 and raw.FPDFFont_GetGlyphWidth(self.font, code, ctypes.c_float(1.0), ctypes.byref(v))
            w = self.widths[code] = v.value if ok else -1.0
        return w


def _font_string(getter, font) -> str:
    n = getter(font, None, 0)
    if n <= 0:
        return ""
    buf = ctypes.create_string_buffer(n)
    getter(font, buf, n)
    return buf.value.decode("utf-8", "replace")


def _fast(fn, restype, *argtypes):
    """A second ctypes prototype for a PDFium function, taking and returning plain addresses (hashable,
    and cheaper to call than pypdfium2's typed pointers) for the per-character calls."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(fn, ctypes.c_void_p).value or 0)


_VP, _INT, _DBLP = ctypes.c_void_p, ctypes.c_int, ctypes.POINTER(ctypes.c_double)
_get_text_object = _fast(raw.FPDFText_GetTextObject, _VP, _VP, _INT)
_get_char_origin = _fast(raw.FPDFText_GetCharOrigin, _INT, _VP, _INT, _DBLP, _DBLP)
_is_generated = _fast(raw.FPDFText_IsGenerated, _INT, _VP, _INT)
_get_loose_box = _fast(raw.FPDFText_GetLooseCharBox, _INT, _VP, _INT, ctypes.POINTER(raw.FS_RECTF))


def _page_text(textpage, n: int) -> str | None:
    """The text of characters 0..n-1, one Python character per PDFium character, or None if it does not
    line up."""
    buf = (ctypes.c_ushort * (n + 1))()
    got = raw.FPDFText_GetText(textpage, 0, n, buf)
    if got <= 0:
        return None
    text = bytes(buf)[: 2 * (got - 1)].decode("utf-16-le", "replace")
    return text if len(text) == n else None


def read_chars(textpage, frame: Matrix, order: dict[int, int] | None = None, used: set | None = None,
               written: WrittenFonts | None = None) -> list[tuple]:
    """The page's characters as (text, x0, top, x1, bottom, rotation, size, fontname, bold, ordinal,
    index), in PDFium's order (the content stream's), without the spaces and line breaks PDFium makes up.
    `ordinal` is the position of the character's text object in `order` (content order; -1 when not
    given), `index` its place on the text page; the addresses of the text objects read are added to
    `used`.

    Per character, in order: its text (`_char_text`), its text object's font and matrix (`_object_info`,
    once per object), its advance (`_advance`), its box and rotation on the page (`_char_box`)."""
    n = raw.FPDFText_CountChars(textpage)
    if n <= 0:
        return []
    order = order or {}
    tp = ctypes.cast(textpage, ctypes.c_void_p).value or 0
    page_text = _page_text(textpage, n)
    fonts: dict[int, _FontInfo] = {}
    objects: dict[int, tuple] = {}
    box = raw.FS_RECTF()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    ox_p, oy_p = ctypes.pointer(ox), ctypes.pointer(oy)
    box_p = ctypes.pointer(box)
    get_object, get_origin = _get_text_object, _get_char_origin
    out: list[tuple] = []
    append = out.append
    prev_obj, prev_x, prev_y, prev_i = 0, 0.0, 0.0, -1
    end_x = end_y = 0.0  # where the last character's advance ends
    entry = functools.partial(_object_entry, textpage, fonts=fonts, written=written, order=order)
    for i in range(n):
        text = _char_text(textpage, tp, page_text, i)
        if not text:
            continue
        obj = get_object(tp, i)
        if not obj:
            continue
        info = objects.get(obj) or objects.setdefault(obj, entry(i, obj))
        finfo, fs, a, b, c, d, ordinal, slack = info
        get_origin(tp, i, ox_p, oy_p)
        x, y = ox.value, oy.value
        piece = False
        if obj == prev_obj:
            # A glyph whose Unicode mapping has several characters (a ligature: "ffi") comes as several
            # characters at one origin; each gets the whole glyph's box, so no gap opens after it.
            if x == prev_x and y == prev_y:
                piece = True
            elif abs(x - end_x) + abs(y - end_y) > slack:
                out[-1] = _mended(out[-1], frame, tp, prev_i, box_p, info, prev_x, prev_y, x - prev_x, y - prev_y)
        prev_obj, prev_x, prev_y, prev_i = obj, x, y, i
        adv = -1.0 if piece else finfo.width(ord(text)) * fs
        if adv < 0:
            adv = _advance(tp, i, box_p, finfo, fs, a, b, c, d)
        end_x, end_y = x + adv * a, y + adv * b
        if text in _RECODABLE:
            text = _recoded(textpage, i, text, finfo, written)
        if text == SOFT_HYPHEN and adv <= STEP_SLACK * fs:
            prev_obj = 0  # a soft hyphen that takes no room prints nothing (and is no character to mend)
            continue
        # pdfminer's box: [0, adv] x [descent*fs, descent*fs + fs] from the origin, then in pdfplumber's
        # coordinates.
        v0 = finfo.descent * fs
        x0, top, x1, bottom, rot = _char_box(frame, x, y, adv, v0, v0 + fs, a, b, c, d)
        # size as pdfminer's for upright text (the box's height); for rotated text the box's width, the font
        # size across the baseline (pdfminer's height there is each glyph's advance, which parts every letter).
        ch = (text, x0, top, x1, bottom, rot, x1 - x0 if rot in TURNED else bottom - top, finfo.fontname, finfo.bold,
              ordinal, i)
        if piece:
            out[-1] = (out[-1][0],) + ch[1:]
        append(ch)
    if used is not None:
        used.update(objects)
    return out


# How far (per unit of font size, along the baseline) a character's origin may sit from where the last
# character's advance ends before that advance is checked: kerning and tracking move glyphs by a few
# hundredths of an em; a width read for the wrong glyph is off by a quarter of an em or more.
STEP_SLACK = 0.15


def _mended(ch: tuple, frame: Matrix, tp, i: int, box_p, info: tuple, x: float, y: float,
            step_x: float, step_y: float) -> tuple:
    """Character `ch` (textpage index `i`, origin (x, y)) with its advance taken from its own glyph where
    that matches the step (step_x, step_y) to the next character better than the advance it has.

    The advance is read by Unicode value (`_FontInfo.width`), which PDFium maps back to the first
    character code with that value: a font that maps two glyphs to one letter (an "fi" ligature whose
    ToUnicode says "i", small capitals mapped to capitals) gets the other glyph's width, and a false gap
    parts the word ("signii" / "cant"). The loose box is built from the character's own code."""
    finfo, fs, a, b, c, d = info[:6]
    own = _advance(tp, i, box_p, finfo, fs, a, b, c, d)
    scale = a * a + b * b
    if not scale:
        return ch
    step = (step_x * a + step_y * b) / scale
    adv = (ch[3] - ch[1] if ch[5] == 0 else ch[4] - ch[2]) / math.sqrt(scale)  # the advance it has
    if abs(own - step) >= abs(adv - step):
        return ch
    v0 = finfo.descent * fs
    x0, top, x1, bottom, rot = _char_box(frame, x, y, own, v0, v0 + fs, a, b, c, d)
    return (ch[0], x0, top, x1, bottom, rot, x1 - x0 if rot in TURNED else bottom - top) + ch[7:]


def _char_text(textpage, tp: int, page_text: str | None, i: int) -> str:
    """Character `i` as printed ("" when it prints nothing: PDFium's own spaces and line breaks, and
    see `_odd_char`)."""
    text = page_text[i] if page_text is not None else chr(raw.FPDFText_GetUnicode(textpage, i) or 0xFFFD)
    if text in ODD_CODES:
        text = _odd_char(textpage, i)
    if text.isspace() and _is_generated(tp, i) == 1:
        return ""
    return text


def _advance(tp, i: int, box_p, finfo: _FontInfo, fs: float, a: float, b: float, c: float, d: float) -> float:
    """The advance along the baseline, in text space, where the font gives no width for the character
    (what pdfminer uses): recovered from PDFium's loose box, the bounding box of [0, adv] x [descent,
    ascent] * fs under the character's matrix (widened to the glyph's ink where that overhangs)."""
    _get_loose_box(tp, i, box_p)
    box = box_p.contents
    span = (finfo.ascent_pd - finfo.descent_pd) * fs
    if abs(a) >= abs(b):
        adv = ((box.right - box.left) - abs(c) * span) / abs(a) if a else 0.0
    else:
        adv = ((box.top - box.bottom) - abs(d) * span) / abs(b)
    return max(adv, 0.0)


def _char_box(frame: Matrix, x: float, y: float, adv: float, v0: float, v1: float,
              a: float, b: float, c: float, d: float) -> tuple[float, float, float, float, int]:
    """(x0, top, x1, bottom, rotation) on the page of the box [0, adv] x [v0, v1] at origin (x, y) under
    the character's matrix (a, b, c, d), in pdfplumber's coordinates (`frame`)."""
    fa, fb, fc, fd, fe, ff = frame
    if fb == 0 and fc == 0 and b == 0 and c == 0:
        x0 = fa * x + fe
        x1 = fa * (x + adv * a) + fe
        top = fd * (y + v0 * d) + ff
        bottom = fd * (y + v1 * d) + ff
        if x1 < x0:
            x0, x1 = x1, x0
        if bottom < top:
            top, bottom = bottom, top
        # fd < 0: pdfplumber's y runs down. Not upright here is mirrored text: read top to bottom as pdfplumber.
        return x0, top, x1, bottom, 0 if a * fa * d * fd < 0 else 270
    xs = []
    ys = []
    for u, v in ((0.0, v0), (adv, v0), (adv, v1), (0.0, v1)):
        px = x + u * a + v * c
        py = y + u * b + v * d
        xs.append(fa * px + fc * py + fe)
        ys.append(fb * px + fd * py + ff)
    # upright as pdfminer: on the matrix including the page's rotation (y is flipped in `frame`).
    ra, rb = a * fa + b * fc, -(a * fb + b * fd)
    rc, rd = c * fa + d * fc, -(c * fb + d * fd)
    rot = slant_rotation(ra, rb, rc, rd) or (0 if ra * rd > 0 and rb * rc <= 0 else (90 if rb > 0 else 270))
    return min(xs), min(ys), max(xs), max(ys), rot


# What FPDFText_GetText gives for characters that need a second look: a hyphen ending a line (0xFFFE in the
# text, 0x0002 from FPDFText_GetUnicode), a soft hyphen, and control or unmapped codes.
ODD_CODES = frozenset(["\ufffe", "\x02", "\xad", "\ufffd"] + [chr(c) for c in range(0x20)] + [chr(c) for c in range(0x7F, 0xA0)])
UNDECODABLE = "\ufffd"
SOFT_HYPHEN = "\xad"


def _odd_char(textpage, index: int) -> str:
    """What was printed for a character FPDFText_GetText marks specially: "-" for a hyphen that ends a
    line (PDFium flags it and replaces it by 0x0002); a soft hyphen inside a line as it is, inside its word
    as pdfplumber keeps it (read_chars drops it where it takes no room; the text stage writes one that does
    as the hyphen it shows: pipeline.extract.text.tidy); a space for a tab or line break; U+FFFD for a control code or a code with no Unicode mapping
    (nothing printable: a damaged string or font), which the page's damage report counts and the output
    contract (pipeline.text_contract) removes and reports."""
    if raw.FPDFText_IsHyphen(textpage, index):
        return "-"
    code = raw.FPDFText_GetUnicode(textpage, index)
    if code in (0x09, 0x0A, 0x0D):
        return " "
    if code == 0xAD and raw.FPDFText_HasUnicodeMapError(textpage, index) != 1:
        return SOFT_HYPHEN
    return UNDECODABLE


def blank_objects(textobjs: list[tuple[int, Matrix]], used: set, chars: list[tuple],
                  written: WrittenFonts | None = None, settings: ExtractSettings = DEFAULT_SETTINGS) -> tuple[list[tuple], int]:
    """(chars with a space added for every blank text object PDFium left out, count of text objects with
    ink that PDFium left out).

    PDFium's text page drops a text object that shows only a space when it overlaps its neighbours; the
    space still parts the words (pdfminer keeps it: "10." / "Children"). Such an object has no ink
    (zero-width bounds: `settings.blank_ink`); one with ink that has no characters is text PDFium could not
    read, unless read text covers it (`settings.duplicate_cover`).
    """
    inked: list[tuple[float, float, float, float]] = []
    blanks: list[tuple[int, tuple]] = []
    fonts: dict[int, _FontInfo] = {}
    ordinal_of = {addr: k for k, (addr, _m) in enumerate(textobjs)}
    for addr, m in textobjs:
        if addr in used:
            continue
        obj = ctypes.cast(addr, raw.FPDF_PAGEOBJECT)
        box = _bounds(obj)
        if box is None:
            continue
        if min(box[2] - box[0], box[3] - box[1]) > settings.blank_ink:
            inked.append(box)
            continue
        m = mult(_obj_matrix(obj), m)  # the text matrix, in pdfplumber's coordinates
        blanks.append((ordinal_of[addr], _space_char(obj, m, fonts, ordinal_of[addr], written)))
    lost = _not_duplicates(inked, [addr for addr, _m in textobjs if addr in used], settings.duplicate_cover) if inked else 0
    if not blanks:
        return chars, lost
    last_at: dict[int, int] = {}
    for i, ch in enumerate(chars):
        last_at[ch[9]] = i
    out = list(chars)
    for ordinal, ch in sorted(blanks, key=lambda b: -b[0]):
        before = [last_at[k] for k in last_at if k < ordinal]
        out.insert(max(before) + 1 if before else 0, ch)
    return out, lost


def _actual_text(mark) -> str | None:
    """The /ActualText of a marked-content item, decoded (a text string: UTF-16BE with its BOM, else
    PDFDocEncoding, read as Latin-1), or None."""
    if raw.FPDFPageObjMark_GetParamValueType(mark, b"ActualText") != raw.FPDF_OBJECT_STRING:
        return None
    n = ctypes.c_ulong()
    raw.FPDFPageObjMark_GetParamBlobValue(mark, b"ActualText", None, 0, ctypes.byref(n))
    buf = (ctypes.c_ubyte * max(n.value, 1))()
    raw.FPDFPageObjMark_GetParamBlobValue(mark, b"ActualText", buf, n.value, ctypes.byref(n))
    data = bytes(buf)[: n.value]
    return data[2:].decode("utf-16-be", "replace") if data[:2] == b"\xfe\xff" else data.decode("latin-1")


def unmask_blank_actualtext(textobjs: list[tuple[int, Matrix]], used: set) -> int:
    """Drop the /ActualText of text objects PDFium left out of its text page because their ActualText has
    nothing printable in it (only control codes and U+FFFD: a producer's way of saying "not text", as on
    dot leaders). PDFium honours ActualText and, finding no printable character, skips the object; the
    glyphs still print, and pdfminer (which ignores ActualText) reads them. Returns how many were
    unmasked (the text page must then be loaded again). Changes the page in memory only."""
    done = 0
    for addr, _m in textobjs:
        if addr in used:
            continue
        obj = ctypes.cast(addr, raw.FPDF_PAGEOBJECT)
        for k in range(max(raw.FPDFPageObj_CountMarks(obj), 0)):
            mark = raw.FPDFPageObj_GetMark(obj, k)
            text = _actual_text(mark)
            if text is None or any(ch.isprintable() and ch != UNDECODABLE for ch in text):
                continue
            done += bool(raw.FPDFPageObjMark_RemoveParam(obj, mark, b"ActualText"))
    return done


def _bounds(obj) -> tuple[float, float, float, float] | None:
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not raw.FPDFPageObj_GetBounds(obj, *(ctypes.byref(v) for v in (left, bottom, right, top))):
        return None
    return left.value, bottom.value, right.value, top.value


def _not_duplicates(inked: list[tuple[float, float, float, float]], used: list[int], cover: float) -> int:
    """How many of the `inked` boxes (text objects PDFium left out) are not copies of text it read: PDFium
    drops a text object drawn again over the same one (fake bold, shadows), which loses nothing."""
    boxes = [b for b in (_bounds(ctypes.cast(addr, raw.FPDF_PAGEOBJECT)) for addr in used) if b is not None]
    lost = 0
    for x0, y0, x1, y1 in inked:
        area = (x1 - x0) * (y1 - y0)
        covered = max(
            (max(0.0, min(x1, u[2]) - max(x0, u[0])) * max(0.0, min(y1, u[3]) - max(y0, u[1])) for u in boxes),
            default=0.0,
        )
        if covered < cover * area:
            lost += 1
    return lost


# A letter's advance is at most about one and a half of its type size; one this many times its size is
# a damaged /Widths entry, not a glyph (spaces may be stretched by justification, so they are not judged).
WIDE_GLYPH_EM = 4.0


def _impossibly_wide(ch: tuple) -> bool:
    text, x0, top, x1, bottom, rotation, size = ch[:7]
    if not text.strip() or not size > 0:
        return False
    extent = (bottom - top) if rotation in TURNED else (x1 - x0)
    return extent > WIDE_GLYPH_EM * size


def misplaced_text(chars: list[tuple]) -> list[str]:
    """What of the page's text cannot be placed: characters with no size (a zero font size or a
    degenerate text matrix) or no position (coordinates that overflow). Such text is read but cannot be
    put in a table, so its loss is reported. (Text merely beyond the page's edges is not counted: real
    files hide text there.)"""
    sizeless = unplaced = 0
    # One comparison per character: NaN and infinite boxes fail it too, and are told apart after.
    for ch in [ch for ch in chars if not (ch[3] - ch[1] > 0 or ch[4] - ch[2] > 0)]:
        if all(math.isfinite(v) for v in ch[1:5]):
            sizeless += 1
        else:
            unplaced += 1
    # A wide glyph is wider or taller than WIDE_GLYPH_EM times its size: only such boxes need the full test.
    wide = sum(1 for ch in chars if (ch[3] - ch[1] > WIDE_GLYPH_EM * ch[6] or ch[4] - ch[2] > WIDE_GLYPH_EM * ch[6])
               and _impossibly_wide(ch))
    out = [f"{wide} characters are wider than any glyph (a damaged width table): the text after them is "
           "pushed out of place"] if wide else []
    if sizeless:
        out.append(f"{sizeless} characters have no size (zero font size or degenerate text matrix)")
    if unplaced:
        out.append(f"{unplaced} characters have no position (coordinates overflow)")
    return out


def _space_char(obj, m: Matrix, fonts: dict, ordinal: int, written: WrittenFonts | None) -> tuple:
    """The space a blank text object shows, as read_chars' tuple, from its font and matrix (`m`: the
    object's text matrix in pdfplumber's coordinates)."""
    font = raw.FPDFTextObj_GetFont(obj)
    fkey = ctypes.cast(font, ctypes.c_void_p).value
    finfo = fonts.get(fkey) or fonts.setdefault(fkey, _FontInfo(font, written))
    v = ctypes.c_float()
    fs = v.value if raw.FPDFTextObj_GetFontSize(obj, ctypes.byref(v)) else 0.0
    adv = max(finfo.width(0x20), 0.0) * fs
    v0 = finfo.descent * fs
    a, b, c, d, e, f = m
    xs, ys = [], []
    for u, w in ((0.0, v0), (adv, v0), (adv, v0 + fs), (0.0, v0 + fs)):
        xs.append(u * a + w * c + e)
        ys.append(u * b + w * d + f)
    rot = slant_rotation(a, -b, c, -d) or (0 if -a * d > 0 and b * c >= 0 else (90 if -b > 0 else 270))
    top, bottom = min(ys), max(ys)
    size = max(xs) - min(xs) if rot in TURNED else bottom - top
    return (" ", min(xs), top, max(xs), bottom, rot, size, finfo.fontname, finfo.bold, ordinal, -1)


def _object_entry(textpage, index: int, obj: int, fonts: dict, written: WrittenFonts | None,
                  order: dict[int, int]) -> tuple:
    """(font info, font size, a, b, c, d, ordinal, step slack) of the text object behind character
    `index`: `_object_info`, its position in content order and how far its characters' origins may stray
    from their advances (STEP_SLACK) in text-space units."""
    base = _object_info(textpage, index, obj, fonts, written)
    fs, a, b = base[1], base[2], base[3]
    return base + (order.get(obj, -1), STEP_SLACK * fs * (abs(a) + abs(b)))


def _object_info(textpage, index: int, obj: int, fonts: dict, written: WrittenFonts | None = None) -> tuple:
    """(font info, font size, a, b, c, d of the text matrix) of the text object behind character `index`."""
    handle = ctypes.cast(obj, raw.FPDF_PAGEOBJECT)
    font = raw.FPDFTextObj_GetFont(handle)
    fkey = ctypes.cast(font, ctypes.c_void_p).value
    finfo = fonts.get(fkey)
    if finfo is None:
        finfo = fonts[fkey] = _FontInfo(font, written)
    v = ctypes.c_float()
    fs = v.value if raw.FPDFTextObj_GetFontSize(handle, ctypes.byref(v)) else 0.0
    m = raw.FS_MATRIX()
    raw.FPDFText_GetMatrix(textpage, index, ctypes.byref(m))
    return finfo, fs, m.a, m.b, m.c, m.d


# ---------------------------------------------------------------------------------------------------
# Paths: ruling lines and filled rectangles


def _colour(getter, obj) -> str | None:
    r, g, b, a = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    if not getter(obj, ctypes.byref(r), ctypes.byref(g), ctypes.byref(b), ctypes.byref(a)):
        return None
    return "#{:02x}{:02x}{:02x}".format(r.value, g.value, b.value)


def _obj_matrix(obj) -> Matrix:
    m = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
        return IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def path_to_subpaths(obj, matrix: Matrix) -> list[tuple[str, list[tuple[float, float]], list[Op]]]:
    """A path object's subpaths as pdfminer sees them: (shape, points, operations) with shape in m/l/c/h
    letters and one point per letter ('h' gets the subpath's start), points in the target space of `matrix`;
    the operations hold each Bézier's control points too (pipeline.readers.paths.Op)."""
    a, b, c, d, e, f = matrix
    n = raw.FPDFPath_CountSegments(obj)
    x, y = ctypes.c_float(), ctypes.c_float()
    xr, yr = ctypes.byref(x), ctypes.byref(y)
    subpaths: list[tuple[str, list, list[Op]]] = []
    shape: list[str] = []
    pts: list[tuple[float, float]] = []
    ops: list[Op] = []
    controls: list[tuple[float, float]] = []
    for i in range(n):
        seg = raw.FPDFPath_GetPathSegment(obj, i)
        kind = raw.FPDFPathSegment_GetType(seg)
        raw.FPDFPathSegment_GetPoint(seg, xr, yr)
        px, py = x.value, y.value
        pt = (a * px + c * py + e, b * px + d * py + f)
        if kind == raw.FPDF_SEGMENT_MOVETO:
            if shape:
                subpaths.append(("".join(shape), pts, ops))
            shape, pts, ops, controls = ["m"], [pt], [("m", (pt,))], []
        elif kind == raw.FPDF_SEGMENT_BEZIERTO:
            controls.append(pt)
            if len(controls) == 3:  # PDFium stores a cubic as three points; pdfminer as one 'c'
                shape.append("c")
                pts.append(pt)
                ops.append(("c", tuple(controls)))
                controls = []
        else:
            if not shape:
                shape, pts, ops = ["m"], [pt], [("m", (pt,))]
                continue
            shape.append("l")
            pts.append(pt)
            ops.append(("l", (pt,)))
        if raw.FPDFPathSegment_GetClose(seg) and shape:
            shape.append("h")
            pts.append(pts[0])
            ops.append(("h", ()))
    if shape:
        subpaths.append(("".join(shape), pts, ops))
    return subpaths


def _shape(shape: str, pts: list[tuple[float, float]]) -> tuple[str, tuple[float, float, float, float]] | None:
    """pdfminer's paint_path on one subpath: ('line'|'rect', (x0, y0, x1, y1)) or None for a curve."""
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        pts = pts[:-2] + pts[-1:]
    if shape in ("mlh", "ml"):
        (x0, y0), (x1, y1) = pts[0], pts[1]
        return "line", (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
    if shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), p4 = pts
        closed = pts[0] == p4
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
        if closed and square:
            return "rect", (min(x0, x2), min(y0, y2), max(x0, x2), max(y0, y2))
    return None


def read_graphics(page, frame: Matrix, texts: list | None = None,
                  settings: ExtractSettings = DEFAULT_SETTINGS) -> tuple[list[Rule], list[Rule], list[Fill], bool, list[Fill]]:
    """(hrules, vrules, fills, has_images, marks) of a page, walking Form XObjects. Text objects are appended
    to `texts` as (address, matrix of its container in pdfplumber's coordinates), in content order."""
    hrules: list[Rule] = []
    vrules: list[Rule] = []
    fills: list[Fill] = []
    marks: list[Fill] = []
    has_images = False
    fillmode, stroke = ctypes.c_int(), ctypes.c_int()

    def walk(objs, matrix: Matrix, depth: int) -> None:
        nonlocal has_images
        for obj in objs:
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_PATH:
                if not raw.FPDFPath_GetDrawMode(obj, ctypes.byref(fillmode), ctypes.byref(stroke)):
                    continue
                filled, stroked = fillmode.value != raw.FPDF_FILLMODE_NONE, bool(stroke.value)
                if not (filled or stroked):
                    continue
                m = mult(_obj_matrix(obj), matrix)
                fill_colour = functools.partial(_colour, raw.FPDFPageObj_GetFillColor, obj)
                for shape, pts, ops in path_to_subpaths(obj, m):
                    got = _shape(shape, pts)
                    if got is None:
                        add_curve(hrules, vrules, fills, ops, filled=filled, stroked=stroked, colour=fill_colour,
                                  settings=settings, marks=marks)
                        continue
                    what, (x0, top, x1, bottom) = got
                    if what == "line":
                        rule = Rule(x0, top, x1, bottom)
                        (hrules if rule.horizontal else vrules).append(rule)
                        continue
                    add_rect(hrules, vrules, fills, (x0, top, x1, bottom), filled=filled, stroked=stroked, colour=fill_colour,
                             settings=settings)
            elif kind == raw.FPDF_PAGEOBJ_FORM and depth < 32:
                m = mult(_obj_matrix(obj), matrix)
                k = raw.FPDFFormObj_CountObjects(obj)
                walk((raw.FPDFFormObj_GetObject(obj, j) for j in range(max(k, 0))), m, depth + 1)
            elif kind == raw.FPDF_PAGEOBJ_IMAGE:
                has_images = True
            elif kind == raw.FPDF_PAGEOBJ_TEXT and texts is not None:
                texts.append((ctypes.cast(obj, ctypes.c_void_p).value, matrix))

    n = raw.FPDFPage_CountObjects(page)
    walk((raw.FPDFPage_GetObject(page, j) for j in range(max(n, 0))), frame, 0)
    return hrules, vrules, fills, has_images, marks


# ---------------------------------------------------------------------------------------------------
# Documents


def read_document(path: Path, password: str | None,
                  settings: ExtractSettings = DEFAULT_SETTINGS) -> tuple[list[Page], dict]:
    """Every page of `path` and its document information. Raises PlanpipeError subclasses."""
    try:
        pdf = pdfium.PdfDocument(str(path), password=password or None)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == raw.FPDF_ERR_PASSWORD:
            raise EncryptedPdfError.needs_password(path, password) from None
        if code == raw.FPDF_ERR_SECURITY:
            raise EncryptedPdfError(
                "the PDF is encrypted with an unsupported security handler; ask the publisher for an open copy",
                path=str(path),
            ) from None
        if code == raw.FPDF_ERR_FORMAT:
            raise NotAPdfError(f"damaged PDF ({exc}); try re-downloading it", path=str(path)) from None
        raise NotAPdfError(
            f"cannot be read as a PDF ({type(exc).__name__}: {exc}); try re-downloading it", path=str(path)
        ) from None
    pages: list[Page] = []
    written = written_fonts(path)
    try:
        metadata = _metadata(pdf)
        for i in range(len(pdf)):
            pages.append(page_or_error(lambda i=i: _read_page(pdf, i, written, settings), i + 1, path))
    finally:
        pdf.close()
    return pages, metadata


def hidden_chars(path: Path, password: str | None) -> dict[int, list[tuple[str, float, float]]]:
    """Per page number, the characters a clipping path hides (`clipped_out`), as (text, x middle, y
    middle): the pdfplumber reader, which sees no clipping paths, leaves them out too. Empty when PDFium
    cannot open the file (the reader reports that itself)."""
    try:
        pdf = pdfium.PdfDocument(str(path), password=password or None)
    except pdfium.PdfiumError:
        return {}
    out: dict[int, list[tuple[str, float, float]]] = {}
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            try:
                _w, _h, frame = page_frame(page.get_mediabox(), page.get_rotation())
                textpage = page.get_textpage()
                try:
                    texts, _g, _used, chars = _read_content(page, textpage, frame, None, DEFAULT_SETTINGS)
                    kept = set(map(id, clipped_out(chars, texts, frame, textpage)))
                finally:
                    textpage.close()
                gone = [(c[0], (c[1] + c[3]) / 2, (c[2] + c[4]) / 2) for c in chars if id(c) not in kept]
                if gone:
                    out[i + 1] = gone
            finally:
                page.close()
    except pdfium.PdfiumError:
        return out
    finally:
        pdf.close()
    return out


def _read_page(pdf, index: int, written: WrittenFonts | None = None,
               settings: ExtractSettings = DEFAULT_SETTINGS) -> Page:
    number = index + 1
    page = pdf[index]
    try:
        mediabox = page.get_mediabox()
        rotation = page.get_rotation()
        width, height, frame = page_frame(mediabox, rotation)
        check_page_size(width, height, number)
        textpage = page.get_textpage()
        try:
            texts, graphics, used, chars = _read_content(page, textpage, frame, written, settings)
            if _upside_down(chars):
                # The page's /Rotate shows its text upside down: read it turned the right way up, as a
                # person would turn the page (a page flipped by mistake, a sheet scanned upside down).
                width, height, frame = page_frame(mediabox, rotation + 180)
                texts, graphics, used, chars = _read_content(page, textpage, frame, written, settings)
            hrules, vrules, fills, has_images, marks = graphics
            chars, lost = blank_objects(texts, used, chars, written, settings)
            chars = clipped_out(chars, texts, frame, textpage)
            if lost and unmask_blank_actualtext(texts, used):
                # PDFium left out text whose /ActualText has nothing printable in it: read its glyphs.
                textpage.close()
                textpage = page.get_textpage()
                texts, graphics, used, chars = _read_content(page, textpage, frame, written, settings)
                hrules, vrules, fills, has_images, marks = graphics
                chars, lost = blank_objects(texts, used, chars, written, settings)
                chars = clipped_out(chars, texts, frame, textpage)
            words = chars_to_words(chars, settings)
        finally:
            textpage.close()
    finally:
        page.close()
    damage = [f"{lost} of {len(texts)} text objects could not be read (no characters decoded)"] if lost else []
    damage += misplaced_text(chars)
    undecoded = sum(1 for ch in chars if ch[0] == UNDECODABLE)
    if undecoded:
        damage.append(f"{undecoded} characters could not be decoded (control codes or glyphs with no Unicode mapping)")
    return Page(
        number=number, width=float(width), height=float(height), words=words,
        hrules=hrules, vrules=vrules, fills=fills, marks=marks, has_images=has_images, damage=damage,
    )


def _read_content(page, textpage, frame: Matrix, written: WrittenFonts | None, settings: ExtractSettings):
    """(text objects, graphics, indexes of the objects read, characters) of a page seen through `frame`."""
    texts: list[tuple[int, Matrix]] = []
    graphics = read_graphics(page, frame, texts, settings)
    used: set[int] = set()
    chars = read_chars(textpage, frame, {addr: k for k, (addr, _m) in enumerate(texts)}, used, written)
    # PDFium's text page may move a text object among others (a superscript "3" drawn after "assigned"
    # comes between "assi" and "gned"); words are grouped in the content's order, as pdfminer reads it.
    chars.sort(key=_ordinal)
    return texts, graphics, used, chars


# A box (x0, top, x1, bottom) on the page.
_Box = tuple[float, float, float, float]


def clipped_out(chars: list[tuple], texts: list[tuple[int, Matrix]], frame: Matrix, textpage=None) -> list[tuple]:
    """The characters less those whose box's middle lies outside their text object's clipping path:
    text a cell of fixed height cuts off ("Key line of" / "enquiry", the last line hidden below the
    header's edge; a turned "How are we doing?" showing "How") is not printed. Judged on the box around
    each clipping path, for text objects of the page itself (a form's own clip is in its own space). A
    character the clip's edge crosses is judged by its glyph's own ink (`textpage`'s tight box): the box
    a font gives a letter reaches above its ink, and "code" cut off under "Acti" / "on" shows a sliver.
    Across its line the ink is judged with the line's (`_line_inks`): a clip cuts a line's letters alike,
    and a descender reaching past the others ("p" of a turned "update" cut at its baseline) is no sign
    its letter was cut off while they were not."""
    boxes: dict[int, tuple[float, float, float, float] | None] = {}
    kept: list[tuple] = []
    # (index in kept, ink, clip, line key, rotation) of each character its clip's edge crosses.
    crossed: list[tuple[int, _Box, _Box, tuple, int]] = []
    for ch in chars:
        k = ch[9]
        if 0 <= k < len(texts) and texts[k][1] == frame:
            if k not in boxes:
                boxes[k] = _clip_box(texts[k][0], frame)
            box = boxes[k]
            if box is not None and not _inside(box, ch[1:5]):
                continue
            if box is not None and textpage is not None and not _inside(box, ch[1:5], whole=True):
                ink = _ink_box(textpage, ch[10], frame)
                if ink is not None:
                    crossed.append((len(kept), ink, box, _line_key(ch, box), ch[5]))
        kept.append(ch)
    if not crossed:
        return kept
    inks = _line_inks([(key, ink) for _, ink, _, key, _ in crossed])
    dropped = {i for i, ink, clip, key, rotation in crossed if not _ink_inside(clip, ink, inks[key], rotation)}
    return [ch for i, ch in enumerate(kept) if i not in dropped]


def _line_key(ch: tuple, clip: _Box) -> tuple:
    """A character's line within one clip: its font box across the line (top and bottom set upright, left
    and right turned), its rotation and its clip (a producer may set each letter as a text object of its
    own, each clipped by the cell)."""
    across = (ch[2], ch[4]) if ch[5] in (0, 180) else (ch[1], ch[3])
    return ch[5], round(across[0], 1), round(across[1], 1), tuple(round(v, 1) for v in clip)


def _line_inks(crossed: Sequence[tuple[tuple, _Box]]) -> dict[tuple, _Box]:
    """The union of the inks of the crossed characters of each line (`crossed`: each one's `_line_key` and
    ink)."""
    out: dict[tuple, _Box] = {}
    for key, ink in crossed:
        u = out.get(key, ink)
        out[key] = (min(u[0], ink[0]), min(u[1], ink[1]), max(u[2], ink[2]), max(u[3], ink[3]))
    return out


def _ink_inside(clip: _Box, ink: _Box, line: _Box, rotation: int) -> bool:
    """Is a crossed character printed: its own ink's middle inside the clip along its line, its line's
    inks' middle inside across it?"""
    if rotation in (0, 180):
        x0, x1, top, bottom = ink[0], ink[2], line[1], line[3]
    else:
        x0, x1, top, bottom = line[0], line[2], ink[1], ink[3]
    return _inside(clip, (x0, top, x1, bottom))


def _inside(clip: tuple[float, float, float, float], box: Sequence[float], whole: bool = False) -> bool:
    """Does the clip hold the box's middle (`whole`: all the box)?"""
    x0, top, x1, bottom = box
    if whole:
        return clip[0] <= x0 and x1 <= clip[2] and clip[1] <= top and bottom <= clip[3]
    return clip[0] <= (x0 + x1) / 2 <= clip[2] and clip[1] <= (top + bottom) / 2 <= clip[3]


def _ink_box(textpage, index: int, frame: Matrix) -> tuple[float, float, float, float] | None:
    """The box (x0, top, x1, bottom, in the page's frame) of character `index`'s glyph as drawn."""
    if index < 0:
        return None
    left, right, bottom, top = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
    if not raw.FPDFText_GetCharBox(textpage, index, left, right, bottom, top) or right.value <= left.value:
        return None
    a, b, c, d, e, f = frame
    xs = [a * x + c * y + e for x in (left.value, right.value) for y in (bottom.value, top.value)]
    ys = [b * x + d * y + f for x in (left.value, right.value) for y in (bottom.value, top.value)]
    return min(xs), min(ys), max(xs), max(ys)


def _clip_box(addr: int, frame: Matrix) -> tuple[float, float, float, float] | None:
    """The box (x0, top, x1, bottom, in the page's frame) that text object `addr`'s clipping paths all
    hold, or None when it has none."""
    clip = raw.FPDFPageObj_GetClipPath(ctypes.cast(addr, raw.FPDF_PAGEOBJECT))
    n = raw.FPDFClipPath_CountPaths(clip) if clip else -1
    if n <= 0:
        return None
    a, b, c, d, e, f = frame
    x, y = ctypes.c_float(), ctypes.c_float()
    box = (-math.inf, -math.inf, math.inf, math.inf)
    for i in range(n):
        pts = []
        for j in range(max(raw.FPDFClipPath_CountPathSegments(clip, i), 0)):
            raw.FPDFPathSegment_GetPoint(raw.FPDFClipPath_GetPathSegment(clip, i, j), ctypes.byref(x), ctypes.byref(y))
            pts.append((a * x.value + c * y.value + e, b * x.value + d * y.value + f))
        if pts:
            xs, ys = [pt[0] for pt in pts], [pt[1] for pt in pts]
            box = (max(box[0], min(xs)), max(box[1], min(ys)), min(box[2], max(xs)), min(box[3], max(ys)))
    return None if math.isinf(box[0]) else box


def _ordinal(ch: tuple) -> int:
    return ch[9]


def _upside_down(chars: list[tuple]) -> bool:
    """Does most of the page's text run right to left, as upright text shown turned by 180 degrees does?
    Judged on neighbouring characters of one baseline, in the order the content draws them."""
    forward = backward = 0
    for p, q in zip(chars, chars[1:]):
        if p[5] or q[5] or abs(p[4] - q[4]) > 0.5 or not p[0].strip() or not q[0].strip():
            continue
        step = q[1] - p[1]
        if 0 < step < 2 * p[6]:
            forward += 1
        elif 0 < -step < 2 * p[6]:
            backward += 1
    return backward > max(20, 4 * forward)


_DESCRIPTOR = re.compile(rb"/Type\s*/FontDescriptor\b")
_FONT_NAME = re.compile(rb"/FontName\s*/([^\s/<>\[\]()]+)")
_DESCENT = re.compile(rb"/Descent\s+(-?\d+(?:\.\d*)?|-?\.\d+)")


class WrittenFonts(NamedTuple):
    """What the file itself says of its fonts, where it is stored uncompressed (see written_fonts)."""

    descents: dict[str, float]
    subsets: frozenset[str]
    builtin: "BuiltinCodes | None" = None


_SUBSET_NAME = re.compile(rb"/(?:BaseFont|FontName)\s*/[A-Z]{6}\+([^\s/<>\[\]()]+)")


def written_fonts(path: Path) -> WrittenFonts:
    """The fonts' descents (written_descents) and the names of fonts embedded as subsets: a /BaseFont or
    /FontName with a subset tag ("CPXHAR+Times-Roman"), which pdfminer does not take for the standard
    font of that name (PDFium reports the name without its tag)."""
    try:
        data = path.read_bytes()
    except OSError:
        return WrittenFonts({}, frozenset())
    subsets = frozenset(m.group(1).decode("latin-1") for m in _SUBSET_NAME.finditer(data))
    return WrittenFonts(written_descents(data), subsets, BuiltinCodes(path))


class BuiltinCodes:
    """Simple TrueType fonts with no /Encoding, read with pdfminer on first use (lazily: only when a
    character needs it): by /BaseFont less its subset tag, each such font's ToUnicode map."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fonts: dict[str, list[dict[int, str]]] | None = None

    def fonts(self, name: str) -> list[dict[int, str]]:
        if self._fonts is None:
            self._fonts = _no_encoding_truetype(self.path)
        return self._fonts.get(name, [])


def _no_encoding_truetype(path: Path) -> dict[str, list[dict[int, str]]]:
    from io import BytesIO
    try:
        from pdfminer.cmapdb import CMapParser, FileUnicodeMap
        from pdfminer.pdfdocument import PDFDocument
        from pdfminer.pdfpage import PDFPage
        from pdfminer.pdfparser import PDFParser
        from pdfminer.pdftypes import dict_value, resolve1, stream_value
        from pdfminer.psparser import literal_name
    except ImportError:  # pragma: no cover
        return {}
    out: dict[str, list[dict[int, str]]] = {}
    seen: set[int] = set()

    def visit(resources, depth: int) -> None:
        resources = dict_value(resources) if resources else {}
        for ref in dict_value(resources.get("Font", {})).values():
            key = getattr(ref, "objid", None) or id(ref)
            if key in seen:
                continue
            seen.add(key)
            spec = dict_value(ref)
            if literal_name(spec.get("Subtype")) != "TrueType" or "Encoding" in spec:
                continue
            tu: dict[int, str] = {}
            if "ToUnicode" in spec:
                um = FileUnicodeMap()
                CMapParser(um, BytesIO(stream_value(spec["ToUnicode"]).get_data())).run()
                tu = dict(um.cid2unichr)
            name = literal_name(spec.get("BaseFont", "")).split("+", 1)[-1]
            out.setdefault(name, []).append(tu)
        if depth < 8:
            for x in dict_value(resources.get("XObject", {})).values():
                xs = stream_value(x)
                if literal_name(xs.get("Subtype")) == "Form" and "Resources" in xs:
                    visit(resolve1(xs["Resources"]), depth + 1)

    try:
        with open(path, "rb") as fh:
            doc = PDFDocument(PDFParser(fh))
            for page in PDFPage.create_pages(doc):
                visit(page.resources, 0)
    except Exception:
        return {}
    return out


@functools.lru_cache(maxsize=1)
def _winansi() -> dict[int, str]:
    from pdfminer.encodingdb import EncodingDB
    return EncodingDB.get_encoding("WinAnsiEncoding")


# PDFium's Unicode for codes 0x80-0xFF of a symbolic TrueType font with no /Encoding: Apple Roman
# (its (1, 0) cmap branch). Only the values that differ from WinAnsi's matter.
_APPLE_HIGH = {bytes([c]).decode("mac_roman"): c for c in range(0x80, 0x100)}
# Characters that may stand for a code PDFium did not map as the file's font does.
_RECODABLE = frozenset(_APPLE_HIGH) | {UNDECODABLE}


def _recoded(textpage, i: int, text: str, finfo: "_FontInfo", written: "WrittenFonts | None") -> str:
    """Character `i`'s text, read as WinAnsi where its font has no /Encoding and the code no ToUnicode
    entry (`builtin_text`); as PDFium gave it otherwise."""
    maperr = raw.FPDFText_HasUnicodeMapError(textpage, i) == 1
    return builtin_text(finfo, text, raw.FPDFText_GetUnicode(textpage, i) if maperr else None, written) or text


def builtin_text(finfo: "_FontInfo", text: str, code: int | None, written: "WrittenFonts | None") -> str | None:
    """What a character of a simple TrueType font with no /Encoding shows when its code is outside the
    font's ToUnicode map: the code read as WinAnsi (pdfminer's default for such fonts; the glyph is
    selected through the font's (3, 0) Windows cmap), where PDFium gives the raw code (`code`, flagged
    as a mapping error) or an Apple Roman guess (symbolic font with a (1, 0) cmap). None: leave it."""
    if written is None or written.builtin is None:
        return None
    if code is None:
        if not finfo.symbolic or text not in _APPLE_HIGH:
            return None
        c = _APPLE_HIGH[text]
    elif 0x20 <= code <= 0xFF:
        c = code
    else:
        return None
    tables = written.builtin.fonts(finfo.fontname)
    if not tables:
        return None
    got = set()
    for tu in tables:
        if c in tu or (code is None and text in tu.values()):
            return None
        got.add(_winansi().get(c))
    if len(got) != 1 or None in got:
        return None
    return got.pop()


def written_descents(data: bytes) -> dict[str, float]:
    """/Descent of each font descriptor stored uncompressed in the file, per unit of font size, by font
    name less its subset tag: what pdfminer boxes characters with. Descriptors inside object streams are
    not seen (PDFium's value is used for those); a name written with two different values is left out."""
    out: dict[str, float] = {}
    clash: set[str] = set()
    for m in _DESCRIPTOR.finditer(data):
        start = data.rfind(b"obj", max(0, m.start() - 4096), m.start())
        end = data.find(b"endobj", m.end(), m.end() + 4096)
        if start < 0 or end < 0:
            continue
        window = data[start:end]
        name, descent = _FONT_NAME.search(window), _DESCENT.search(window)
        if not name or not descent:
            continue
        key = name.group(1).decode("latin-1").split("+")[-1]
        value = float(descent.group(1)) / 1000
        if key in out and out[key] != value:
            clash.add(key)
        out[key] = value
    for key in clash:
        del out[key]
    return out


INFO_KEYS = ("Title", "Author", "Subject", "Keywords", "Creator", "Producer", "CreationDate", "ModDate", "Trapped")


def _metadata(pdf) -> dict:
    out = {}
    for key in INFO_KEYS:
        n = raw.FPDF_GetMetaText(pdf, key.encode(), None, 0)
        if n <= 2:
            continue
        buf = ctypes.create_string_buffer(n)
        raw.FPDF_GetMetaText(pdf, key.encode(), buf, n)
        value = buf.raw[: n - 2].decode("utf-16-le", "replace")
        if value:
            out[key] = value
    return out
