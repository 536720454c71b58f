"""Lead-officer cells -> canonical roles from the catalogue in schemas/officers.json.

    canonical_officers(raw) -> (roles, issues)

Steps, each a pure function:
  1. split_officers: one entry per line (or ';'), then at 'and' / '&' / 'with' / '/' / ',' where both sides name
     a role. Role mentions are found by spaCy rule-based matching (an EntityRuler on spacy.blank("en"):
     catalogue phrases as ROLE, role words and role abbreviations as ROLE_WORD); a conjunction inside a ROLE
     phrase never splits, so titles such as 'Assistant Director Safeguarding Review & Quality Assurance' stay
     whole. A line starting 'Joint ' is one joint post and is never split.
  2. canonical_role: each entry -> (role, how) through a folding key (case, apostrophes, '&'/'and', 'of'/'for',
     brackets, trailing full stops, abbreviations expanded), exact first, then rapidfuzz for typos.
     Unknown entries stay as printed, tidied.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from pipeline.quality import DataIssue
from pipeline.schema import load_json

CATALOGUE_FILE = "officers.json"

# fuzz.ratio (0-100) between folded keys for a printed role to be read as a typo/variant of a catalogue role.
# 90 takes a dropped or swapped letter in a role of 15+ characters ("Assitant Director for Education" -> 98)
# and refuses another portfolio under the same title ("Assistant Director of Health" vs "... of Education"
# -> 83, "Service Manager Adoption" vs "Service Manager Fostering" -> 82). Below it the role is unknown.
FUZZY_OFFICER_THRESHOLD = 90.0
# ...and at most this many single-character edits (Levenshtein, on folded keys): typos are 1-3 edits, while a
# long title missing a whole word still scores 90+ by ratio ("Joint Place Director and Executive Director of
# Social Care and Health" vs the catalogue's "Joint Sefton NHS Place Director ..." is 11 edits).
FUZZY_OFFICER_MAX_EDITS = 3

HOW_EXACT = "exact"
HOW_FUZZY = "fuzzy"
HOW_UNKNOWN = "unknown"

_CONJUNCTIONS = frozenset({"and", "&", "with", "plus", "+", "/", ","})
_FUNCTION_WORDS = frozenset({"of", "for", "the"})
_PUNCT = str.maketrans({"\u2018": "'", "\u2019": "'", "\u02bc": "'", "`": "'", "\u2013": "-", "\u2014": "-",
                        "\u00a0": " "})


@dataclass(frozen=True)
class _Catalogue:
    keys: dict[str, str]  # folded key -> canonical role
    abbreviations: dict[str, str]
    role_words: frozenset[str]
    phrases: tuple[tuple[str, str], ...]  # (printed form, canonical role) for the EntityRuler


@functools.cache
def _catalogue() -> _Catalogue:
    data = load_json(CATALOGUE_FILE)
    abbreviations = dict(data["abbreviations"])
    keys: dict[str, str] = {}
    phrases: list[tuple[str, str]] = []
    for entry in data["roles"]:
        role = entry["role"]
        for form in [role, *entry.get("variants", [])]:
            key = _key(form, abbreviations)
            if keys.get(key, role) != role:
                raise ValueError(f"{CATALOGUE_FILE}: {form!r} folds to the same key as role {keys[key]!r}")
            keys[key] = role
            phrases.append((tidy(form), role))
            if "&" not in form and " and " in form:  # the ruler matches tokens, so give it the '&' spelling too
                phrases.append((tidy(form.replace(" and ", " & ")), role))
    return _Catalogue(keys, abbreviations, frozenset(w.lower() for w in data["role_words"]), tuple(phrases))


def tidy(text: str) -> str:
    """Whitespace collapsed, straight apostrophes, no bullets or trailing full stops/commas."""
    t = " ".join(text.translate(_PUNCT).split())
    t = re.sub(r"^[\-\u2022*\u25cf\u25aa\u00b7]+\s*", "", t)
    return t.strip(" .,;:")


def _key(text: str, abbreviations: dict[str, str]) -> str:
    t = tidy(text)
    t = re.sub(r"[A-Za-z]+", lambda m: abbreviations.get(m.group(0), m.group(0)), t)
    t = t.lower().replace("&", " and ").replace("'", "")
    words = [w for w in re.findall(r"[a-z0-9]+", t) if w not in _FUNCTION_WORDS]
    return " ".join(words)


def role_key(text: str) -> str:
    """The folding key used to compare printed roles with the catalogue (exposed for tests and debugging)."""
    return _key(text, _catalogue().abbreviations)


# --------------------------------------------------------------------------------------------------
# spaCy: rule-based role mentions, built once


@functools.cache
def _nlp():
    import spacy  # imported lazily: spaCy is only needed once officers are normalised

    cat = _catalogue()
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    patterns: list[dict] = [{"label": "ROLE", "pattern": form, "id": role} for form, role in cat.phrases]
    patterns.append({"label": "ROLE_WORD", "pattern": [{"LOWER": {"IN": sorted(cat.role_words)}}]})
    ruler.add_patterns(patterns)
    return nlp


def _split_line(line: str) -> list[str]:
    if re.match(r"(?i)joint\b", line):
        return [line]
    doc = _nlp()(line)
    ents = list(doc.ents)  # overlaps resolved longest-first by the ruler: a ROLE phrase swallows its words
    inside = {i for e in ents for i in range(e.start, e.end)}
    cuts = [t.i for t in doc if t.lower_ in _CONJUNCTIONS and t.i not in inside]
    parts: list[str] = []
    start = 0
    for n, cut in enumerate(cuts):
        if cut < start:
            continue
        stop = cuts[n + 1] if n + 1 < len(cuts) else len(doc)
        left = any(e.start >= start and e.end <= cut for e in ents)
        right = any(e.start > cut and e.end <= stop for e in ents)
        if left and right:
            parts.append(doc[start:cut].text)
            start = cut + 1
    parts.append(doc[start:].text)
    return [p for p in (tidy(p) for p in parts) if p]


def split_officers(raw: str | None) -> list[str]:
    """The people/bodies named in a lead-officer cell, tidied, in printed order (not yet canonical)."""
    if raw is None:
        return []
    out: list[str] = []
    for line in re.split(r"[\n;]+", raw):
        line = tidy(line)
        if line:
            out.extend(_split_line(line))
    return out


# --------------------------------------------------------------------------------------------------
# Canonical roles


def canonical_role(text: str) -> tuple[str, str]:
    """(canonical role, how) for one printed role; unknown roles come back as printed, tidied."""
    cat = _catalogue()
    key = _key(text, cat.abbreviations)
    if key in cat.keys:
        return cat.keys[key], HOW_EXACT
    if key:
        for cand, _score, _ in process.extract(
            key, list(cat.keys), scorer=fuzz.ratio, limit=3, score_cutoff=FUZZY_OFFICER_THRESHOLD
        ):
            if Levenshtein.distance(key, cand) <= FUZZY_OFFICER_MAX_EDITS:
                return cat.keys[cand], HOW_FUZZY
    return tidy(text), HOW_UNKNOWN


def canonical_officers(raw: str | None) -> tuple[list[str], list[DataIssue]]:
    """Canonical roles named in a lead-officer cell, in printed order without repeats, and the issues found.

    Issues (field="lead_officer", value=the printed entry; the caller adds page and seq):
    officer-fuzzy for approximate matches, officer-unknown for entries kept as printed (named people such as
    'Jane Smith, Head of Service' included). An empty cell gives ([], []): only the caller knows whether a
    value was inherited, so it reports officer-missing itself.
    """
    issues: list[DataIssue] = []
    if raw is None or not raw.strip():
        return [], issues
    roles: list[str] = []
    for entry in split_officers(raw):
        role, how = canonical_role(entry)
        if how == HOW_FUZZY:
            issues.append(DataIssue("officer-fuzzy", f"{entry!r} read as {role!r} by approximate match",
                                    field="lead_officer", value=entry))
        elif how == HOW_UNKNOWN:
            issues.append(DataIssue("officer-unknown", f"{entry!r} is not in the role catalogue; kept as printed",
                                    field="lead_officer", value=entry))
        if role not in roles:
            roles.append(role)
    return roles, issues
