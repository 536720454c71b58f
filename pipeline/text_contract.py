"""The output-text contract: what planpipe writes is what was printed, with no control characters.

No string planpipe writes (Parquet columns, quality and diff reports) holds a C0 or C1 control
character, a private-use or surrogate code point, a non-character (U+FFFE, U+FFFF) or U+FFFD, the mark
the readers put where a glyph could not be decoded. The one exception is LF inside a cell's text, which
is the documented paragraph separator (and TAB and CR nowhere).

`clean_records` enforces it on the records of an extraction and reports every field it had to clean as a
`text-undecodable` data issue with the record's page and seq; `clean_text` is the last guard applied by
the writers (pipeline.parquet), so nothing can slip through from a stage that forgot.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeVar, cast

from .quality import DataIssue

# Characters never written. \n is allowed: cells keep their paragraphs as LF-separated text.
FORBIDDEN = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\ufdd0-\ufdef\ufffd\ufffe\uffff"
    "\U000f0000-\U000ffffd\U00100000-\U0010fffd]"
)
# Where a forbidden character stood between two words it becomes a space, not a join.
_SPACES = re.compile(r"[ \t]{2,}")


def bad_chars(text: str) -> list[str]:
    """The forbidden characters of `text`, in order (empty when it meets the contract)."""
    return FORBIDDEN.findall(text)


def clean_text(text: str) -> str:
    """`text` with every forbidden character removed (a tab, as layout, becomes a space) and a soft hyphen
    written as the hyphen it printed (`printed`)."""
    text = printed(text)
    if not FORBIDDEN.search(text):
        return text
    text = FORBIDDEN.sub(lambda m: " " if m.group() == "\t" else "", text)
    return _SPACES.sub(" ", text).strip(" ")


def printed(text: str) -> str:
    """A soft hyphen (U+00AD) that reaches the output was printed: the text stage removes those that broke
    a word at a line end and joins its halves (pipeline.extract.text.printed_hyphens), so one left is a
    hyphen glyph the producer mapped to U+00AD, or a line-end hyphen with no continuation. It is written
    as "-", not as a character that most readers would not show."""
    return text.replace("\xad", "-") if "\xad" in text else text


def clean_value(value):
    """clean_text on every string inside a value (lists and dicts included); other values as they are."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [clean_value(v) for v in value]
    if isinstance(value, tuple):
        return tuple(clean_value(v) for v in value)
    if isinstance(value, dict):
        return {k: clean_value(v) for k, v in value.items()}
    return value


def _describe(chars: Iterable[str]) -> str:
    return ", ".join(sorted({f"U+{ord(c):04X}" for c in chars}))


# A record of any schema: a plain dict or a TypedDict (pipeline.assemble.records.ActionRecord).
Record = TypeVar("Record", bound=Mapping[str, Any])


def clean_records(records: Sequence[Record], page_key: str = "page_start") -> tuple[list[Record], list[DataIssue]]:
    """(records meeting the contract, a `text-undecodable` issue per field that did not).

    The issue names the page and seq of the record, the field, and the code points removed, so the text
    lost can be found in the PDF; the value written is the text without them.
    """
    out: list[Record] = []
    issues: list[DataIssue] = []
    for rec in records:
        fixed: dict | None = None
        for key, value in rec.items():
            strings = list(_strings(value))
            bad = [c for t in strings for c in bad_chars(t)]
            if not bad and not any("\xad" in t for t in strings):
                continue
            fixed = fixed if fixed is not None else dict(rec)
            fixed[key] = clean_value(value)
            if not bad:  # only a soft hyphen: printed, not lost, so no issue (`printed`)
                continue
            issues.append(DataIssue(
                "text-undecodable",
                f"characters that are not printable text were removed ({_describe(bad)}): a glyph with no "
                "Unicode mapping or a control code in the PDF's text layer",
                page=rec.get(page_key), seq=rec.get("seq"), field=key, value=fixed[key] if isinstance(value, str) else None,
            ))
        out.append(cast(Record, fixed) if fixed is not None else rec)
    return out, issues


def _strings(value):
    """Every string inside a value (lists, tuples and dicts walked)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _strings(v)
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
