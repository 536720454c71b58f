"""RAG/progress cells -> canonical status, from their wording and their fill colour.

The vocabulary (phrasings, colour words, letters, default palette) is data: schemas/status_vocabulary.json.
Pure functions; the only state is the vocabulary, loaded once.

    status_from_wording(text)            -> (rag, how)
    hex_colour(non_stroking_color)       -> '#rrggbb' | None
    Palette.default() / Palette.from_legend([(wording, colour), ...])
    resolve_status(wording, colour, palette) -> StatusResult(rag, source, issues, colour)
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable

from rapidfuzz import fuzz, process

from pipeline.colour import hex_colour
from pipeline.quality import DataIssue
from pipeline.schema import load_json
from pipeline.settings import DEFAULT_SETTINGS, ExtractSettings
from pipeline.textfold import fold_quotes

VOCABULARY_FILE = "status_vocabulary.json"

STATUSES = ("complete", "on_track", "some_issues", "off_track", "not_started", "business_as_usual", "unknown")

# Fuzzy matching never crosses a negation: "Now on track" is 92 from "not on track" by ratio, but a wording
# and a phrase must agree on which of these words they contain.
_NEGATIONS = frozenset({"not", "no", "non", "yet", "un"})

# The fuzzy-match threshold (settings.fuzzy_status) and the largest colour difference at which a fill is
# read as a palette swatch (settings.max_colour_distance: about 2.3 is "just noticeable"; amber #ffc000 vs
# yellow #ffff00 is ~37, amber vs red ~77) are in pipeline.settings.ExtractSettings.

# How a status was found (the second item of status_from_wording's result).
HOW_EXACT = "exact"  # the whole wording is a vocabulary phrase (after case/punctuation/plural folding)
HOW_PREFIX = "prefix"  # a vocabulary phrase followed by more words ("... - annual monitoring")
HOW_PERCENT = "percent"  # "75%", "100% complete"
HOW_COLOUR_WORD = "colour-word"  # only colour words: "Green", "Red/Amber"
HOW_LETTER = "letter"  # a single-letter rating: "R", "G", "A/G"
HOW_FUZZY = "fuzzy"  # a typo of a vocabulary phrase, at or above settings.fuzzy_status
HOW_SYMBOL = "symbol"  # a glyph ('\u25cf') whose status is its colour; a tick ('\u2713') has a status of its own
HOW_EMPTY = "empty"  # no wording at all
HOW_UNMATCHED = "unmatched"  # wording that maps to no status

# Where resolve_status took its status from.
SOURCE_WORDING = "wording"
SOURCE_COLOUR_WORD = "colour-word"
SOURCE_COLOUR = "colour"
SOURCE_NONE = "none"


# --------------------------------------------------------------------------------------------------
# Vocabulary


@dataclass(frozen=True)
class _Vocabulary:
    severity: tuple[str, ...]  # worst first
    phrases: dict[str, str]  # folded phrase -> status
    colour_words: dict[str, str]  # colour word -> status
    letters: dict[str, str]  # letter -> colour word
    palette: tuple["Swatch", ...]
    colour_symbols: frozenset[str] = frozenset()  # glyphs whose status is their colour
    fixed_symbols: dict[str, str] = field(default_factory=dict)  # glyph -> status


@functools.cache
def _vocabulary() -> _Vocabulary:
    data = load_json(VOCABULARY_FILE)
    phrases: dict[str, str] = {}
    for status, wordings in data["phrases"].items():
        if status not in STATUSES:
            raise ValueError(f"{VOCABULARY_FILE}: unknown status {status!r}")
        for w in wordings:
            phrases[_fold(w)] = status
    swatches = tuple(Swatch(s["hex"].lower(), s["status"], s["name"]) for s in data["palette"])
    return _Vocabulary(
        severity=tuple(data["statuses"]),
        phrases=phrases,
        colour_words=dict(data["colour_words"]),
        letters=dict(data["letters"]),
        palette=swatches,
        colour_symbols=frozenset(data.get("symbols", {}).get("status_by_colour", [])),
        fixed_symbols=dict(data.get("symbols", {}).get("fixed", {})),
    )


# --------------------------------------------------------------------------------------------------
# Wording

def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _fold(text: str) -> str:
    """Lower case, no punctuation (hyphens become spaces), plural -s dropped, single spaces."""
    t = fold_quotes(text).lower().replace("'", "")
    words = re.findall(r"[a-z0-9%]+", t)
    return " ".join(_singular(w) for w in words)


def _worst(statuses: Iterable[str]) -> str:
    order = _vocabulary().severity
    return min(statuses, key=order.index)


_PERCENT = re.compile(r"^(\d{1,3}(?:\.\d+)?)\s*%(?:\s*(?:complete|completed|done))?$")
_LETTERS = re.compile(r"^[A-Za-z](?:\s*[/\-]\s*[A-Za-z])*$")
_COLOUR_FILLER = frozenset({"rag", "rating", "status", "and", "to"})


@dataclass(frozen=True)
class _Match:
    rag: str
    how: str
    colours: tuple[str, ...] = ()  # colour words named by a colour-word/letter wording


# Column profiling asks about the same few cell texts thousands of times (3,800 calls for a 50-row plan,
# a third of its extraction time); the answer depends on the text and the tolerance alone.
@functools.lru_cache(maxsize=8192)
def _match_wording(text: str | None, fuzzy_min: float = DEFAULT_SETTINGS.fuzzy_status) -> _Match:
    """The status a wording names, trying each way a plan prints a status in turn (the steps below, in
    order); the first that recognises the wording decides."""
    if text is None or not text.strip():
        return _Match("unknown", HOW_EMPTY)
    vocab = _vocabulary()
    raw = fold_quotes(text).strip().rstrip(".")
    symbol = _symbol(raw, vocab)
    if symbol is not None:
        return symbol
    folded = _fold(raw)
    if not folded:
        return _Match("unknown", HOW_UNMATCHED)
    if folded in vocab.phrases:
        return _Match(vocab.phrases[folded], HOW_EXACT)
    for step in (_percent, _letters, _colour_words, _colour_lead, _prefix):
        m = step(raw, folded, vocab)
        if m is not None:
            return m
    return _fuzzy(raw, folded, vocab, fuzzy_min) or _Match("unknown", HOW_UNMATCHED)


def _percent(raw: str, folded: str, vocab: _Vocabulary) -> _Match | None:
    """'75%', '100% complete': 100 is complete, 0 not started, anything between on track."""
    m = _PERCENT.match(raw.lower())
    if not m:
        return None
    pct = float(m.group(1))
    if pct > 100:
        return _Match("unknown", HOW_UNMATCHED)
    rag = "complete" if pct == 100 else "not_started" if pct == 0 else "on_track"
    return _Match(rag, HOW_PERCENT)


def _letters(raw: str, folded: str, vocab: _Vocabulary) -> _Match | None:
    """'R', 'A/G': rating letters, the worst of them decides."""
    if not _LETTERS.match(raw):
        return None
    letters = [c.upper() for c in raw if c.isalpha()]
    if not all(c in vocab.letters for c in letters):
        return None
    if {"R", "A", "G"} <= set(letters):  # "R/A/G": the header echoed, not a rating
        return _Match("unknown", HOW_UNMATCHED)
    colours = tuple(vocab.letters[c] for c in letters)
    return _Match(_worst(vocab.colour_words[c] for c in colours), HOW_LETTER, colours)


def _colour_words(raw: str, folded: str, vocab: _Vocabulary) -> _Match | None:
    """'Green', 'Red/Amber', 'RAG status: amber': only colour words (and filler), the worst decides."""
    words = folded.split()
    colours = tuple(w for w in words if w in vocab.colour_words)
    if colours and all(w in vocab.colour_words or w in _COLOUR_FILLER for w in words):
        return _Match(_worst(vocab.colour_words[c] for c in colours), HOW_COLOUR_WORD, colours)
    return None


def _prefix(raw: str, folded: str, vocab: _Vocabulary) -> _Match | None:
    """The longest vocabulary phrase (4+ characters) the wording starts with, on whole words."""
    best = None
    for phrase, status in vocab.phrases.items():
        if len(phrase) >= 4 and (folded.startswith(phrase + " ")) and (best is None or len(phrase) > len(best[0])):
            best = (phrase, status)
    return _Match(best[1], HOW_PREFIX) if best else None


def _fuzzy(raw: str, folded: str, vocab: _Vocabulary, fuzzy_min: float) -> _Match | None:
    """Typos: the head of the wording (before a " - " or "(" suffix) and the whole, against phrases of 5+
    characters, at or above `fuzzy_min` (rapidfuzz ratio), never across a negation."""
    head = _fold(re.split(r"\s[-:(]|\(|;", raw, maxsplit=1)[0])
    candidates = [p for p in vocab.phrases if len(p) >= 5]
    for probe in dict.fromkeys((head, folded)):
        if not probe:
            continue
        negs = _NEGATIONS.intersection(probe.split())
        for phrase, _score, _ in process.extract(
            probe, candidates, scorer=fuzz.ratio, limit=5, score_cutoff=fuzzy_min
        ):
            if _NEGATIONS.intersection(phrase.split()) == negs:
                return _Match(vocab.phrases[phrase], HOW_FUZZY)
    return None


def _symbol(raw: str, vocab: _Vocabulary) -> _Match | None:
    """A cell printed as glyphs only: a tick means complete; a dot or square means its colour."""
    glyphs = set(raw.replace(" ", ""))
    if not glyphs:
        return None
    if glyphs <= set(vocab.fixed_symbols):
        return _Match(_worst(vocab.fixed_symbols[g] for g in glyphs), HOW_SYMBOL)
    if glyphs <= vocab.colour_symbols or all(_is_symbol_glyph(g) for g in glyphs):
        return _Match("unknown", HOW_SYMBOL)
    return None


def _is_symbol_glyph(ch: str) -> bool:
    """A pictographic glyph ('►', '↑', '★'), not a letter, digit or ASCII sign: listed or not, a cell of
    such glyphs is a status shown as a symbol (its meaning comes from the plan's key or its colour)."""
    return ord(ch) >= 0x2000 and unicodedata.category(ch) in ("So", "Sm")


def _colour_lead(raw: str, folded: str, vocab: _Vocabulary) -> _Match | None:
    """'GREEN - target met', 'Amber (some delay)', 'G - on track': a colour word or rating letter, then a comment.
    The colour decides unless the comment is itself a vocabulary phrase (handled by the callers' exact match)."""
    words = folded.split()
    if len(words) < 2:
        return None
    first = words[0]
    if first in vocab.colour_words and words[1] not in vocab.colour_words and words[1] not in _COLOUR_FILLER:
        return _Match(vocab.colour_words[first], HOW_COLOUR_WORD, (first,))
    m = re.match(r"^([A-Za-z])\s*[-:(\u2013]", raw)
    if m and m.group(1).upper() in vocab.letters:
        colour = vocab.letters[m.group(1).upper()]
        return _Match(vocab.colour_words[colour], HOW_LETTER, (colour,))
    return None


def status_from_wording(text: str | None, settings: ExtractSettings = DEFAULT_SETTINGS) -> tuple[str, str]:
    """Canonical status of a RAG cell's wording, and how it was found (one of the HOW_* constants).

    Never guesses: wording that matches nothing gives ("unknown", "unmatched"); no wording gives
    ("unknown", "empty").
    """
    m = _match_wording(text, settings.fuzzy_status)
    return m.rag, m.how


# --------------------------------------------------------------------------------------------------
# Colour


def _lab(hex_value: str) -> tuple[float, float, float]:
    """sRGB '#rrggbb' -> CIE L*a*b* (D65)."""
    h = hex_value.lstrip("#")
    rgb = [int(h[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    x = (0.4124 * lin[0] + 0.3576 * lin[1] + 0.1805 * lin[2]) / 0.95047
    y = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    z = (0.0193 * lin[0] + 0.1192 * lin[1] + 0.9505 * lin[2]) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def colour_distance(a: str, b: str) -> float:
    """CIE76 Delta E between two '#rrggbb' colours."""
    return math.dist(_lab(a), _lab(b))


@dataclass(frozen=True)
class Swatch:
    hex: str  # '#rrggbb'
    status: str | None  # None: a "no fill" colour such as white
    label: str  # colour name, or the legend wording it was learned from


@dataclass(frozen=True)
class Palette:
    """Colour -> status, by nearest swatch within `max_distance` (CIE76 Delta E).

    A palette learned from a document's legend is searched first; its `fallback` (the default palette)
    only when no legend swatch is close enough.
    """

    swatches: tuple[Swatch, ...]
    fallback: "Palette | None" = None
    max_distance: float = DEFAULT_SETTINGS.max_colour_distance

    @classmethod
    def default(cls, settings: ExtractSettings = DEFAULT_SETTINGS) -> "Palette":
        return _default_palette(settings.max_colour_distance)

    @classmethod
    def from_legend(
        cls, legend: Iterable[tuple[str, object]], fallback: "Palette | None" = None,
        settings: ExtractSettings = DEFAULT_SETTINGS,
    ) -> "Palette":
        """Learn colour -> status from a legend: (wording, colour) pairs, colour as '#rrggbb' or a pdfplumber
        colour. Entries whose wording maps to no status, or that have no colour, are skipped."""
        swatches = []
        for wording, colour in legend:
            rag, _how = status_from_wording(wording, settings)
            hx = hex_colour(colour)
            if rag != "unknown" and hx is not None:
                swatches.append(Swatch(hx, rag, wording))
        fallback = fallback if fallback is not None else _default_palette(settings.max_colour_distance)
        return cls(tuple(swatches), fallback=fallback, max_distance=settings.max_colour_distance)

    def nearest(self, colour) -> tuple[Swatch, float] | None:
        """The closest swatch within max_distance (own swatches first, then the fallback's), or None."""
        hx = hex_colour(colour)
        if hx is None:
            return None
        if self.swatches:
            best = min(((s, colour_distance(hx, s.hex)) for s in self.swatches), key=lambda p: p[1])
            if best[1] <= self.max_distance:
                return best
        return self.fallback.nearest(hx) if self.fallback is not None else None

    def lookup(self, colour) -> str | None:
        """Status a fill colour means, or None (no close swatch, or a no-fill colour such as white)."""
        hit = self.nearest(colour)
        return hit[0].status if hit else None

    def status_for_colour_word(self, word: str) -> str | None:
        """Status of a colour word in this palette: the word's reference swatch looked up here, so a legend
        that paints 'Action complete' green makes the word 'Green' mean complete."""
        ref = next((s.hex for s in _vocabulary().palette if s.label == word), None)
        status = self.lookup(ref) if ref else None
        return status or _vocabulary().colour_words.get(word)


@functools.cache
def _default_palette(max_distance: float = DEFAULT_SETTINGS.max_colour_distance) -> Palette:
    return Palette(_vocabulary().palette, max_distance=max_distance)


# --------------------------------------------------------------------------------------------------
# Wording + colour


@dataclass(frozen=True)
class StatusResult:
    rag: str  # one of STATUSES
    source: str  # SOURCE_WORDING | SOURCE_COLOUR_WORD | SOURCE_COLOUR | SOURCE_NONE
    issues: tuple[DataIssue, ...] = field(default=())
    colour: str | None = None  # the fill as '#rrggbb' (for the rag_colour column), None when no fill


def resolve_status(wording: str | None, colour=None, palette: Palette | None = None,
                   settings: ExtractSettings = DEFAULT_SETTINGS) -> StatusResult:
    """Status of a RAG cell from its wording and its fill colour.

    Wording wins. The colour decides only when there is no usable wording, or when the wording is just a
    colour word or letter ("Green", "R"), which is then read through the palette (so a document legend can
    redefine it). A fill that disagrees with the wording is reported (rag-colour-mismatch) and the wording's
    status kept. Nothing usable -> "unknown", reported (rag-unknown); a status is never dropped.
    Issues carry field="rag" and value=the wording (or the colour when there is no wording); the caller adds
    page and seq.
    """
    palette = palette if palette is not None else _default_palette(settings.max_colour_distance)
    hx = hex_colour(colour)
    fill_status = palette.lookup(hx) if hx else None
    m = _match_wording(wording, settings.fuzzy_status)
    value = wording if wording is not None and wording.strip() else hx
    if m.how == HOW_SYMBOL and m.rag == "unknown" and fill_status:
        return StatusResult(fill_status, SOURCE_COLOUR, (), hx)
    if m.how in (HOW_COLOUR_WORD, HOW_LETTER):
        rag = _worst(palette.status_for_colour_word(c) or "unknown" for c in m.colours)
        return StatusResult(rag, SOURCE_COLOUR_WORD, _mismatch(wording, rag, fill_status, hx, value), hx)
    if m.rag != "unknown":
        fuzzy = [_issue("rag-fuzzy", f"wording {wording!r} read as {m.rag} by approximate match", value)] if m.how == HOW_FUZZY else []
        return StatusResult(m.rag, SOURCE_WORDING, tuple(fuzzy) + _mismatch(wording, m.rag, fill_status, hx, value), hx)
    return _from_fill(wording, m, fill_status, hx, value)


def _issue(code: str, message: str, value: str | None) -> DataIssue:
    return DataIssue(code, message, field="rag", value=value)


def _mismatch(wording: str | None, rag: str, fill_status: str | None, hx: str | None, value: str | None) -> tuple[DataIssue, ...]:
    """A rag-colour-mismatch issue when the fill means another status than the wording (which is kept)."""
    if fill_status and fill_status != rag:
        return (_issue("rag-colour-mismatch", f"wording {wording!r} means {rag} but the fill {hx} means {fill_status}", value),)
    return ()


def _from_fill(wording: str | None, m: _Match, fill_status: str | None, hx: str | None, value: str | None) -> StatusResult:
    """No usable wording: the fill's status (rag-from-colour), else unknown (rag-unknown)."""
    why = "no wording" if m.how == HOW_EMPTY else f"wording {wording!r} not recognised"
    if fill_status:
        issue = _issue("rag-from-colour", f"{why}; status {fill_status} read from the fill {hx}", value)
        return StatusResult(fill_status, SOURCE_COLOUR, (issue,), hx)
    fill = f"fill {hx} not in the palette" if hx else "no fill colour"
    return StatusResult("unknown", SOURCE_NONE, (_issue("rag-unknown", f"{why}; {fill}", value),), hx)
