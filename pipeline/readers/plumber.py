"""The reference reader: PDF pages -> the page model, read with pdfplumber (pdfminer).

Slower than the pdfium reader; tests/test_readers.py holds the two to the same words, rules and fills.
"""

from __future__ import annotations

from pathlib import Path

from ..colour import hex_colour
from ..errors import EncryptedPdfError, NotAPdfError, PlanpipeError
from .model import Fill, Page, Rule, Word, add_rect, check_page_size, is_bold, page_or_error


def page_from_plumber(pp, number: int) -> Page:
    width, height = float(pp.width), float(pp.height)
    check_page_size(width, height, number)
    raw_words = pp.extract_words(
        keep_blank_chars=False, use_text_flow=False, extra_attrs=["size", "fontname"], x_tolerance=1.5
    )
    words = [
        Word(
            w["text"], float(w["x0"]), float(w["top"]), float(w["x1"]), float(w["bottom"]), float(w["size"]),
            is_bold(w.get("fontname", "")),
        )
        for w in raw_words
        if w["text"].strip()
    ]
    hrules: list[Rule] = []
    vrules: list[Rule] = []
    fills: list[Fill] = []
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
        )
    return Page(
        number=number,
        width=width,
        height=height,
        words=words,
        hrules=hrules,
        vrules=vrules,
        fills=fills,
        has_images=bool(pp.images),
    )


def read_document(path: Path, password: str | None) -> tuple[list[Page], dict]:
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
            if password:
                raise EncryptedPdfError(
                    "the password given does not open this encrypted PDF; check it with the publisher",
                    path=str(p),
                ) from None
            raise EncryptedPdfError("the PDF is encrypted; pass its password with --password", path=str(p)) from None
        if isinstance(cause, PDFSyntaxError):
            raise NotAPdfError(f"damaged PDF ({cause}); try re-downloading it", path=str(p)) from None
        raise NotAPdfError(
            f"cannot be read as a PDF ({type(cause).__name__}: {cause}); try re-downloading it", path=str(p)
        ) from None
    pages: list[Page] = []
    try:
        metadata = dict(pdf.metadata or {})
        for i, pp in enumerate(pdf.pages, start=1):
            try:
                pages.append(page_or_error(lambda pp=pp, i=i: page_from_plumber(pp, i), i, p))
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
