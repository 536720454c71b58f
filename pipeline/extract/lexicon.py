"""English words, to tell a word broken for a narrow cell ("Septem" / "ber") from two words that wrapped.

The list is pyspellchecker's English word-frequency dictionary (MIT licence; a dependency of planpipe),
read as data, loaded once on first use (about 0.1 s), never fetched: no network at run time.
"""

from __future__ import annotations

import functools
import gzip
import json
from importlib import resources

# Words of one or two letters; any other piece that short is no word of its own ("er", "ng"), nor one
# with no vowel (pipeline.extract.text).
SHORT_WORDS = frozenset("a i an as at be by do go he if in is it me my no of on or so to up us we".split())
# Prefixes of two letters that open a compound with a hyphen and are no words alone ("co-produced").
COMPOUND_PREFIXES = frozenset("co re de ex bi".split())


@functools.lru_cache(maxsize=1)
def _words() -> frozenset[str]:
    try:
        data = resources.files("spellchecker").joinpath("resources/en.json.gz").read_bytes()
    except (ModuleNotFoundError, FileNotFoundError):  # pragma: no cover - the dependency is missing
        return frozenset()
    return frozenset(json.loads(gzip.decompress(data)))


def is_word(text: str) -> bool:
    """Is `text` (letters, with apostrophes and hyphens) an English word? A compound with hyphens is one
    when each part is ("longer-term"); a part of two letters or fewer must be a short word of its own, but
    for a letter or a prefix opening a compound ("e-learning", "x-ray", "co-produced", "re-audit")."""
    parts = text.lower().replace("\u2019", "'").split("-")
    if len(parts) > 1 and ((len(parts[0]) == 1 and parts[0].isalpha()) or parts[0] in COMPOUND_PREFIXES):
        parts = parts[1:]
    return all(_part_is_word(p) for p in parts)


def _part_is_word(part: str) -> bool:
    if len(part) <= 2:
        return part in SHORT_WORDS
    words = _words()
    return part in words or (part.endswith("'s") and part[:-2] in words)


def known() -> bool:
    """Is the word list at hand (the dependency installed)?"""
    return bool(_words())
