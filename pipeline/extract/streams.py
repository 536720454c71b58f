"""Is a page's content stream whole? A syntax check of the operators each page draws with.

PDF readers are lenient: a content stream cut short, or with bytes overwritten, is drawn up to the damage
and the rest is skipped without a word. What was skipped may be table rows, so a page whose stream is not
well formed is reported (`page-damaged`), naming what is wrong: a text object never closed, a string,
array or inline image cut off, an operator no PDF defines, operands with no operator after them.

The stream is read with pdfminer (already a dependency of the pdfplumber reader); only its tokens are
checked here, nothing is drawn. A file pdfminer cannot open is not judged (the reader has its own say).
"""

from __future__ import annotations

import base64
import re
import zlib
from pathlib import Path

# Every content-stream operator of ISO 32000-1 (Annex A); anything else outside BX/EX is damage.
OPERATORS = frozenset(
    b"b B b* B* BDC BI BMC BT BX c cm CS cs d d0 d1 Do DP EI EMC ET EX f F f* G g gs h i ID j J K k l m M MP "
    b"n q Q re RG rg ri s S SC sc SCN scn sh T* Tc Td TD Tf Tj TJ TL Tm Tr Ts Tw Tz v w W W* y ' \"".split()
)
# How many operands each operator takes (ISO 32000-1); operators with a varying count (colour values, the
# inline image's dictionary) are not listed. Another count means the operators were changed or overwritten.
ARITY = {
    **dict.fromkeys([b"b", b"B", b"b*", b"B*", b"BT", b"BX", b"EI", b"EMC", b"ET", b"EX", b"f", b"F", b"f*", b"h",
                     b"n", b"q", b"Q", b"s", b"S", b"T*", b"W", b"W*", b"BI"], 0),
    **dict.fromkeys([b"BMC", b"cs", b"CS", b"Do", b"g", b"G", b"gs", b"i", b"j", b"J", b"M", b"MP", b"ri", b"sh",
                     b"Tc", b"Tj", b"TJ", b"TL", b"Tr", b"Ts", b"Tw", b"Tz", b"w", b"'"], 1),
    **dict.fromkeys([b"BDC", b"d", b"d0", b"DP", b"l", b"m", b"Td", b"TD", b"Tf"], 2),
    **dict.fromkeys([b"rg", b"RG", b'"'], 3),
    **dict.fromkeys([b"k", b"K", b"re", b"v", b"y"], 4),
    **dict.fromkeys([b"c", b"cm", b"d1", b"Tm"], 6),
}
# Keywords that are operands, not operators.
OPERAND_WORDS = frozenset((b"true", b"false", b"null"))
# Content streams larger than this (bytes, per page) are not checked: the scan is pure Python and a page
# drawn from megabytes of operators is a map or a scan, not an action table.
MAX_STREAM_BYTES = 8 * 1024 * 1024
# Findings named per page; the rest are counted.
MAX_FINDINGS = 3

_DELIM = rb"\x00\t\n\x0c\r ()<>\[\]{}/%"
_WHITE = rb"[\x00\t\n\x0c\r ]"
# One token, after the white space before it: white space parts tokens and is never checked itself, so it
# is taken with the token that follows (or, at the end of the content, alone: `ws`). Every position
# matches: `bad` takes any byte no other alternative does.
_TOKEN = re.compile(
    _WHITE + rb"*(?:(?P<comment>%[^\r\n]*)|(?P<str>\()|(?P<dopen><<)|(?P<dclose>>>)"
    rb"|(?P<hex><[0-9A-Fa-f\x00\t\n\x0c\r ]*>)|(?P<aopen>\[)|(?P<aclose>\])|(?P<name>/[^" + _DELIM + rb"]*)"
    rb"|(?P<num>[+-]?(?:\d+\.?\d*|\.\d+))(?![^" + _DELIM + rb"])|(?P<word>[^" + _DELIM + rb"]+)|(?P<bad>.)|(?P<ws>\Z))",
    re.S,
)
_STRING_PART = re.compile(rb"\\.|[()]", re.S)
_END_OF_IMAGE = re.compile(rb"[\x00\t\n\x0c\r ]EI(?=[\x00\t\n\x0c\r ]|$)")


def _string_end(data: bytes, pos: int) -> int:
    """Index just after the literal string opening at data[pos] ('('), or -1 when it never closes."""
    depth = 0
    for m in _STRING_PART.finditer(data, pos):
        c = m.group()
        if c == b"(":
            depth += 1
        elif c == b")":
            depth -= 1
            if depth == 0:
                return m.end()
    return -1


class _Check:
    """The state of one scan: open text object, nesting of arrays and dictionaries, pending operands."""

    def __init__(self) -> None:
        self.findings: list[str] = []
        self.in_text = False
        self.compat = 0  # depth of BX/EX sections, inside which unknown operators are allowed
        self.nesting = 0  # open arrays and dictionaries
        self.operands = 0

    def found(self, what: str) -> None:
        self.findings.append(what)

    def operand(self) -> None:
        """One operand more, unless it is an element inside an array or dictionary (counted as one)."""
        if not self.nesting:
            self.operands += 1

    def operator(self, op: bytes) -> None:
        given, self.operands = self.operands, 0
        wanted = ARITY.get(op)
        if wanted is not None and given != wanted and not self.compat:
            self.found(f"operator {op.decode('latin-1')!r} with {given} operands, not {wanted}")
        if op == b"BT":
            if self.in_text:
                self.found("a text object opened inside another (BT without ET)")
            self.in_text = True
        elif op == b"ET":
            if not self.in_text:
                self.found("a text object closed that was never opened (ET without BT)")
            self.in_text = False
        elif op == b"BX":
            self.compat += 1
        elif op == b"EX":
            self.compat = max(0, self.compat - 1)
        elif op not in OPERATORS and not self.compat:
            self.found(f"unknown operator {op[:20].decode('latin-1')!r}")

    def end(self) -> None:
        if self.nesting:
            self.found("the content ends inside an array or dictionary")
        elif self.operands:
            self.found("the content ends with operands but no operator (cut short)")
        if self.in_text:
            self.found("the content ends inside a text object (BT without ET: cut short)")


def stream_problems(data: bytes) -> list[str]:
    """What is wrong with one page's content (its streams joined), in page order; empty when well formed.

    The tokens come from one finditer, started again only where the scan jumps (past a literal string or
    an inline image's data): as _TOKEN matches at every position and never matches empty, they are the
    tokens _TOKEN.match(data, pos) would give one by one, at less cost per token."""
    check = _Check()
    pos, n = 0, len(data)
    tokens = _TOKEN.finditer(data)
    while pos < n and len(check.findings) < MAX_FINDINGS:
        m = next(tokens)
        kind, pos = m.lastgroup, m.end()
        if kind == "num" or kind == "name" or kind == "hex":  # the commonest tokens first
            check.operand()
        elif kind == "ws" or kind == "comment":
            continue
        elif kind == "str":
            end = _string_end(data, m.start(kind))
            if end < 0:
                check.found("a string never closed (cut short)")
                break
            pos = end
            tokens = _TOKEN.finditer(data, pos)
            check.operand()
        elif kind in ("dopen", "aopen"):
            check.nesting += 1
        elif kind in ("dclose", "aclose"):
            if not check.nesting:
                check.found("an array or dictionary closed that was never opened")
            check.nesting = max(0, check.nesting - 1)
            check.operand()
        elif kind == "word":
            _word(check, m[kind])
            if m[kind] == b"ID":  # inline image data: binary up to EI
                image_end = _END_OF_IMAGE.search(data, pos)
                if image_end is None:
                    check.found("an inline image never closed (cut short)")
                    break
                pos = image_end.end()
                tokens = _TOKEN.finditer(data, pos)
        else:
            check.found(f"a stray {m['bad'].decode('latin-1')!r} (damaged bytes)")
    else:
        check.end()
    return check.findings[:MAX_FINDINGS]


def _word(check: _Check, word: bytes) -> None:
    """A bare word: an operand (true, false, null, or any word inside an array or dictionary), else an
    operator."""
    if word in OPERAND_WORDS or check.nesting:
        check.operand()
    else:
        check.operator(word)


def _inflate_problem(data: bytes) -> str | None:
    """What is wrong with Flate data (zlib): corrupt, or cut before its end. pdfminer inflates what it
    can of a damaged stream without a word, and a cut at a line end leaves well-formed operators."""
    d = zlib.decompressobj()
    try:
        d.decompress(data)
        d.flush()
    except zlib.error:
        return "corrupt compressed data"
    return None if d.eof else "compressed data cut short"


def _ascii85_problem(data: bytes) -> tuple[bytes | None, str | None]:
    text = data.split(b"~>")[0]
    text = text[2:] if text.startswith(b"<~") else text
    try:
        return base64.a85decode(re.sub(rb"\s+", b"", text)), None
    except ValueError:
        return None, "damaged ASCII85 data"


def filter_problem(stream) -> str | None:
    """Decode a content stream's Flate and ASCII85 filters strictly (other filters, parameters and
    encrypted streams are left to pdfminer): what is wrong, or None."""
    data = getattr(stream, "rawdata", None)
    if not data or getattr(stream, "decipher", None):
        return None
    try:
        filters = stream.get_filters()
    except Exception:
        return None
    step: bytes | None = data
    for name, params in filters:
        name = getattr(name, "name", name)
        if step is None:
            return None
        if name in ("ASCII85Decode", "A85"):
            step, problem = _ascii85_problem(step)
            if problem:
                return problem
        elif name in ("FlateDecode", "Fl") and not params:
            return _inflate_problem(step)
        else:
            return None
    return None


def _read_page(page, resolve1) -> tuple[bytes | None, list[str]]:
    """One page's content streams joined (None when too big to check), and what is wrong with their
    compression (pdfminer gives what it could inflate of a damaged stream, or b'', without a word)."""
    parts, size, problems = [], 0, []
    for s in page.contents or []:
        stream = resolve1(s)
        raw = len(getattr(stream, "rawdata", None) or b"")
        problem = filter_problem(stream)
        try:
            data = stream.get_data()
        except Exception as exc:  # pdfminer's decoders raise ValueError, zlib.error, PDFException...
            data, problem = b"", problem or f"data that cannot be decoded ({type(exc).__name__})"
        if problem:
            problems.append(f"a content stream of {raw} bytes has {problem}")
        elif raw and not data:
            problems.append(f"a content stream of {raw} bytes could not be decompressed")
        size += len(data)
        parts.append(data)
        if size > MAX_STREAM_BYTES:
            return None, problems
    # Streams of one page are one content: a token may not straddle two, whitespace joins them.
    return b"\n".join(parts), problems


def _page_streams(path: Path, password: str | None) -> list[tuple[bytes | None, list[str]]] | None:
    """Each page's content (see _read_page), in page order; None when pdfminer cannot read the file."""
    try:
        from pdfminer.pdfdocument import PDFDocument
        from pdfminer.pdfpage import PDFPage
        from pdfminer.pdfparser import PDFParser
        from pdfminer.pdftypes import resolve1
    except ImportError:  # pragma: no cover - pdfminer comes with pdfplumber, a dependency
        return None
    try:
        with open(path, "rb") as fh:
            doc = PDFDocument(PDFParser(fh), password=password or "")
            return [_read_page(page, resolve1) for page in PDFPage.create_pages(doc)]
    except Exception:  # pdfminer raises many kinds on a damaged file; the reader decides about those
        return None


def page_streams(path: str | Path, password: str | None = None) -> list[tuple[bytes | None, list[str]]] | None:
    """Each page of the page tree as pdfminer reads it (see _read_page); None when it cannot read the file."""
    return _page_streams(Path(path), password)


def damaged_pages(streams: list[tuple[bytes | None, list[str]]] | None, n_pages: int) -> dict[int, list[str]]:
    """{page number: problems} of the pages whose content stream is not well formed, from
    page_streams(). Nothing when pdfminer could not read the file or sees another number of pages than
    the reader (no guessing which page is which)."""
    if streams is None or len(streams) != n_pages:
        return {}
    out = {}
    for number, (data, problems) in enumerate(streams, start=1):
        problems = problems + (stream_problems(data) if data else [])
        if problems:
            out[number] = problems[:MAX_FINDINGS]
    return out
