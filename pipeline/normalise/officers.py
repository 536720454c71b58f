"""Lead-officer cells -> holders: who is named, what kind of holder each is, and a canonical form.

    parse_holders(raw, context=None)      -> (holders, issues)
    canonical_leads(raw, context=None)    -> (canonical forms, kinds, issues)   parallel lists
    canonical_officers(raw, context=None) -> (canonical forms, issues)
    DocumentContext.from_text(text)       -> the abbreviations a document defines itself
    unify_within_document(cells)          -> the same cells with variants of one holder unified

Holders are read by structure, not looked up in a catalogue:
  1. split: one entry per line (or ';'), then at 'and' / '&' / 'with' / '/' / ',' / 'supported by' / 'linked'
     where both sides name a holder (a role, team or organisation word, a known abbreviation or a personal name).
     Phrases of the council catalogue (schemas/officers.json) are found by spaCy rule-based matching (an
     EntityRuler on spacy.blank("en")) and never split, so 'Assistant Director Safeguarding Review & Quality
     Assurance' stays whole. A line starting 'Joint ' is one joint post.
  2. canonical form: the catalogue role when the entry matches one (exact or a near typo: an optional
     refinement, never a gate); otherwise the entry tidied, with abbreviations expanded (the document's own
     definitions first, then the general glossary schemas/glossary.json) and abbreviated title words written
     out ('Asst. Dir.' -> 'Assistant Director').
  3. kind, from the words of the entry: `person` (a given name followed by a surname; with a title the canonical
     form is 'Name, Title'), `role` (a post word: Director, Manager, Lead, ...), `partner` (an organisation:
     Council, NHS, Trust, ...), `team` (Team, Service, Hubs, ... or a phrase made only of subject-area words such
     as 'Organisation Development & Staff Engagement'), the kind of a lone abbreviation ('WFD' is a team), and a
     capitalised proper name with none of these words ('Active Kent') is a partner organisation. Only text that
     is none of these is `unknown` and reported (officer-unknown).
  4. across a document, variants of one holder (plural/singular, typos) are unified onto the most frequent
     printed form (unify_within_document), each change reported as officer-fuzzy.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from pipeline.quality import DataIssue
from pipeline.schema import load_json
from pipeline.settings import DEFAULT_SETTINGS, ExtractSettings
from pipeline.textfold import fold_quotes

CATALOGUE_FILE = "officers.json"
GLOSSARY_FILE = "glossary.json"

# The fuzzy-matching tolerances are in pipeline.settings.ExtractSettings, reached through the
# DocumentContext every stage here is given:
# - fuzzy_officer (fuzz.ratio between folded keys for a printed role to be a typo/variant of a catalogue
#   role): 90 takes a dropped or swapped letter in a role of 15+ characters ("Assitant Director for
#   Education" -> 98) and refuses another portfolio under the same title ("Assistant Director of Health" vs
#   "... of Education" -> 83, "Service Manager Adoption" vs "Service Manager Fostering" -> 82);
# - fuzzy_officer_max_edits (Levenshtein, on folded keys): typos are 1-3 edits, while a long title missing a
#   whole word still scores 90+ by ratio ("Joint Place Director and Executive Director of Social Care and
#   Health" vs the catalogue's "Joint Sefton NHS Place Director ..." is 11 edits);
# - fuzzy_unify_min_len: below it one edit is another word ("Head of ICT" vs "Head of IT"), not a typo;
# - definition_max_words: the longest run of words before '(ABBR)' searched for the abbreviation's long form.

HOW_EXACT = "exact"
HOW_FUZZY = "fuzzy"
HOW_UNKNOWN = "unknown"
HOW_STRUCTURE = "structure"  # read by structure (glossary, document abbreviations, words), not the catalogue

KIND_ROLE = "role"
KIND_TEAM = "team"
KIND_PARTNER = "partner"
KIND_PERSON = "person"
KIND_UNKNOWN = "unknown"
KINDS = (KIND_ROLE, KIND_TEAM, KIND_PARTNER, KIND_PERSON, KIND_UNKNOWN)
_KIND_FUNCTION = "function"  # glossary only: a subject area (Public Health), a team when alone, never a split point

# Multi-word links between two holders, rewritten to ';' before splitting ('Corporate Lead supported by
# Strategy Manager'); each side must still name a holder.
_LINKS = re.compile(r"(?i)\s+(?:supported\s+by|with\s+support\s+from|in\s+partnership\s+with|in\s+conjunction\s+with|"
                    r"working\s+with|linked(?:\s+to|\s+with)?)\s+")
_FUNCTION_WORDS = frozenset({"of", "for", "the"})
_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9&']*\.?")
_SURNAME = r"(?:Mc|Mac|O')?[A-Z][a-z]+(?:[-'][A-Z][a-z]+)?"


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


@dataclass(frozen=True)
class _Glossary:
    abbreviations: dict[str, tuple[str, str]]  # token -> (expansion, kind)
    title_words: dict[str, str]
    role_heads: frozenset[str]
    team_heads: frozenset[str]
    partner_markers: frozenset[str]
    function_words: frozenset[str]
    given_names: frozenset[str]


@functools.cache
def _glossary() -> _Glossary:
    data = load_json(GLOSSARY_FILE)
    abbreviations = {k: (v["expansion"], v["kind"]) for k, v in data["abbreviations"].items()}
    for token, (_exp, kind) in abbreviations.items():
        if kind not in (KIND_ROLE, KIND_TEAM, KIND_PARTNER, _KIND_FUNCTION):
            raise ValueError(f"{GLOSSARY_FILE}: abbreviation {token!r} has unknown kind {kind!r}")
    return _Glossary(
        abbreviations=abbreviations,
        title_words={k.lower(): v for k, v in data["title_words"].items()},
        role_heads=frozenset(data["role_heads"]),
        team_heads=frozenset(data["team_heads"]),
        partner_markers=frozenset(data["partner_markers"]),
        function_words=frozenset(data["function_words"]),
        given_names=frozenset(data["given_names"]),
    )


def tidy(text: str) -> str:
    """Whitespace collapsed, straight apostrophes, no bullets or trailing full stops/commas."""
    # a control character (a glyph the PDF's font maps to no text, e.g. U+0002 for a hyphen) is never canonical text
    t = " ".join(re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", " ", fold_quotes(text)).split())
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
# The document's own abbreviations


_SMALL_WORDS = frozenset({"of", "for", "and", "the", "in", "on", "to", "&"})


def _initials_match(words: Sequence[str], abbr: str) -> bool:
    """'Director of Public Health' spells 'DPH', 'multi-agency safeguarding hub' spells 'MASH': the initials of
    the words (hyphenated parts counted, small words skipped) against the abbreviation's capitals."""
    letters = [c for c in abbr if c.isupper() or c.isdigit()]
    parts = [p for w in words for p in w.split("-") if p]
    content = [p for p in parts if p.lower() not in _SMALL_WORDS]
    if not content or parts[0].lower() in _SMALL_WORDS:
        return False
    return [p[0].upper() for p in content] == letters


def _long_form(before: str, abbr: str, max_words: int = DEFAULT_SETTINGS.definition_max_words) -> str | None:
    words = [w.strip("'") for w in re.findall(r"[A-Za-z][A-Za-z'\-]*|&", before)[-max_words:]]
    for start in range(len(words)):
        if abbr not in words[start:] and _initials_match(words[start:], abbr):
            return _title(" ".join(words[start:]))
    return None


def _title(long: str) -> str:
    """A long form printed in lower case ('independent reviewing officers') is written as a title."""
    if long != long.lower():
        return long
    return " ".join(w if w in _SMALL_WORDS else w[:1].upper() + w[1:] for w in long.split())


@dataclass(frozen=True)
class DocumentContext:
    """What a document says about its own wording: the abbreviations it defines ('Director of Public Health
    (DPH)' or 'DPH (Director of Public Health)', anywhere in its text). These override the general glossary."""

    abbreviations: dict[str, str] = field(default_factory=dict)
    # The tolerances of the run (fuzzy matching, definitions), for every stage the context is passed to.
    settings: ExtractSettings = DEFAULT_SETTINGS

    @classmethod
    def from_text(cls, text: str | None, settings: ExtractSettings = DEFAULT_SETTINGS) -> DocumentContext:
        if not text:
            return cls(settings=settings)
        flat = " ".join(fold_quotes(text).split())
        found: dict[str, str] = {}
        for m in re.finditer(r"\(([A-Z][A-Za-z&]{1,7})\)", flat):  # 'Long Form (ABBR)'; the long form is read back
            long = _long_form(flat[max(0, m.start() - 200) : m.start()], m.group(1), settings.definition_max_words)
            if long:
                found.setdefault(m.group(1), long)
        for m in re.finditer(r"\b([A-Z][A-Za-z&]{1,7})\s*\(([A-Z][^()]{3,80})\)", flat):
            words = m.group(2).split()
            if m.group(1) not in found and _initials_match(words, m.group(1)):
                found[m.group(1)] = _title(" ".join(words))
        return cls(found, settings)


# --------------------------------------------------------------------------------------------------
# spaCy: catalogue phrases that must never be split, built once


@functools.cache
def _nlp():
    from .spacy_light import import_spacy

    spacy = import_spacy()  # imported lazily (and without its command line): only officers need it

    cat = _catalogue()
    nlp = spacy.blank("en")
    ruler: Any = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})  # an EntityRuler
    ruler.add_patterns([{"label": "ROLE", "pattern": form, "id": role} for form, role in cat.phrases])
    return nlp


def _has_head(text: str, context: DocumentContext) -> bool:
    """Does this part of a cell name a holder on its own (a role/team/organisation word, an abbreviation, a name)?"""
    g = _glossary()
    heads = g.role_heads | g.team_heads | g.partner_markers | _catalogue().role_words
    for tok in _TOKEN.findall(text):
        bare = tok.rstrip(".")
        glossed = g.abbreviations.get(bare)
        # Only a capitalised head word counts: titles are printed capitalised, while 'Council and partners' is
        # one collective holder, not two.
        if (bare[0].isupper() and bare.lower() in heads) or bare in context.abbreviations or \
                (glossed and glossed[1] != _KIND_FUNCTION):
            return True
        if bare.lower() in g.title_words:
            return True
    return _find_person(text) is not None


def _split_line(line: str, context: DocumentContext) -> list[str]:
    if re.match(r"(?i)joint\b", line) or canonical_role(line, context.settings)[1] != HOW_UNKNOWN:
        return [line]
    parts: list[str] = []
    for segment in _split_at(line, {",", "/", "+"}, context):
        # a segment still holding a comma was kept whole on purpose (a post and its team): not cut again
        parts.extend([segment] if "," in segment else _split_at(segment, {"and", "&", "with", "plus"}, context))
    return parts


def _split_at(line: str, separators: set[str], context: DocumentContext) -> list[str]:
    """Cut at each separator outside a catalogue phrase and outside brackets whose two sides name holders;
    a side naming none joins its neighbour ('Project Manager, Design and Learning Centre Programme Team')."""
    doc = _nlp()(line)
    inside = {i for e in doc.ents for i in range(e.start, e.end)}
    bracketed = _in_brackets(doc)
    cuts = [t.i for t in doc if t.lower_ in separators and t.i not in inside and not bracketed[t.i]]
    bounds = [-1, *cuts, len(doc)]
    pieces = [doc[a + 1 : b].text for a, b in zip(bounds, bounds[1:])]
    joiners = [doc[c].text for c in cuts]
    parts: list[str] = []
    for n, piece in enumerate(pieces):
        if parts and (not (_has_head(piece, context) and _has_head(parts[-1], context))
                      or _qualifies(parts[-1], joiners[n - 1], piece, context)):
            parts[-1] = f"{parts[-1]} {joiners[n - 1]} {piece}".replace(" , ", ", ")
        else:
            parts.append(piece)
    return [p for p in (tidy(p) for p in parts) if p]


def _qualifies(left: str, joiner: str, right: str, context: DocumentContext) -> bool:
    """'Project Manager, Design and Learning Centre Programme Team': a team after a post and a comma says where
    the post sits; it is one holder, not two."""
    if joiner != ",":
        return False
    return _kind_of(left, context) == KIND_ROLE and _kind_of(right, context) == KIND_TEAM


def _in_brackets(doc) -> list[bool]:
    """Per token: is it inside brackets (more opened than closed before it)? One pass: a cell that repeats
    its text many times over must not cost the square of its length."""
    out, depth = [], 0
    for t in doc:
        out.append(depth > 0)
        depth += t.text.count("(") - t.text.count(")")
    return out


def split_officers(raw: str | None, context: DocumentContext | None = None) -> list[str]:
    """The people/bodies named in a lead-officer cell, tidied, in printed order (not yet canonical)."""
    if raw is None:
        return []
    context = context or DocumentContext()
    out: list[str] = []
    for line in re.split(r"[\n;]+", _LINKS.sub("; ", raw)):
        line = tidy(line)
        if line:
            out.extend(_merge_name_and_title(_split_line(line, context)))
    return out


def _merge_name_and_title(parts: list[str]) -> list[str]:
    """'Jane Smith, Head of Service' names one person: a bare name and the title after it stay together."""
    out: list[str] = []
    for part in parts:
        if out and _is_bare_name(out[-1]) and _find_person(part) is None:
            out[-1] = f"{out[-1]}, {part}"
        else:
            out.append(part)
    return out


# --------------------------------------------------------------------------------------------------
# Catalogue (optional refinement)


def canonical_role(text: str, settings: ExtractSettings = DEFAULT_SETTINGS) -> tuple[str, str]:
    """(catalogue role, how) for one printed role; entries not in the catalogue come back as printed, tidied.
    A near miss (settings.fuzzy_officer, settings.fuzzy_officer_max_edits) is read as the catalogue role."""
    cat = _catalogue()
    key = _key(text, cat.abbreviations)
    if key in cat.keys:
        return cat.keys[key], HOW_EXACT
    if key:
        for cand, _score, _ in process.extract(
            key, list(cat.keys), scorer=fuzz.ratio, limit=3, score_cutoff=settings.fuzzy_officer
        ):
            if Levenshtein.distance(key, cand) <= settings.fuzzy_officer_max_edits:
                return cat.keys[cand], HOW_FUZZY
    return tidy(text), HOW_UNKNOWN


# --------------------------------------------------------------------------------------------------
# Holders by structure


@dataclass(frozen=True)
class Holder:
    printed: str  # the entry as printed, tidied
    canonical: str  # the value written to lead_officers
    kind: str  # one of KINDS
    how: str  # HOW_EXACT / HOW_FUZZY (catalogue), HOW_STRUCTURE, HOW_UNKNOWN


def _find_person(text: str) -> re.Match | None:
    """A given name followed by a capitalised surname ('Peter Catchpole', 'Jo Lee', 'Joe McKay')."""
    g = _glossary()
    vocabulary = g.role_heads | g.team_heads | g.partner_markers | g.function_words
    # Every capitalised word is tried as a given name (a lookahead, so 'Accountant Joe McKay' still finds Joe).
    for start in re.finditer(r"\b(?=[A-Z][a-z]+\s)", text):
        m = re.compile(rf"([A-Z][a-z]+)\s+({_SURNAME})\b").match(text, start.start())
        if m is None or m.group(1) not in g.given_names:
            continue
        at_end = not text[m.end() :].strip(" .,")
        if at_end or m.group(2).lower() not in vocabulary:
            return m
    return None


def _is_bare_name(text: str) -> bool:
    m = _find_person(text)
    return m is not None and m.group(0) == tidy(text)


def _expand(text: str, context: DocumentContext) -> tuple[str, list[str]]:
    """Abbreviations and title words written out; also the kinds of the abbreviations met."""
    g = _glossary()
    kinds: list[str] = []

    def sub(m: re.Match) -> str:
        tok = m.group(0)
        bare = tok.rstrip(".")
        if bare in context.abbreviations:
            return context.abbreviations[bare]
        if bare in g.abbreviations:
            expansion, kind = g.abbreviations[bare]
            kinds.append(kind)
            return expansion
        word = g.title_words.get(bare.lower())
        return word if word else tok

    t = re.sub(r"\s*\(([A-Z][A-Za-z&]{1,7})\)", lambda m: "" if _defines(text, m, context) else m.group(0), text)
    t = re.sub(r"(\w)-\s+(?=\w)", r"\1 - ", t)  # 'Corporate Lead- Strategy' -> 'Corporate Lead - Strategy'
    return " ".join(_TOKEN.sub(sub, t).split()), kinds


def _defines(text: str, m: re.Match, context: DocumentContext) -> bool:
    return _long_form(text[: m.start()], m.group(1), context.settings.definition_max_words) is not None


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9&]+(?:-[a-z]+)?", text.lower().replace("'", ""))]


def _kind(expanded: str, printed: str, abbreviation_kinds: list[str]) -> str:
    g = _glossary()
    words = _words(expanded)
    if not words:
        return KIND_UNKNOWN
    wordset = set(words)
    if wordset & (g.role_heads | _catalogue().role_words - g.team_heads):
        return KIND_ROLE
    if wordset & g.partner_markers or KIND_PARTNER in abbreviation_kinds:  # 'ICB' is a body though it reads 'Board'
        return KIND_PARTNER
    if wordset & g.team_heads:
        return KIND_TEAM
    if abbreviation_kinds:
        return _strongest(abbreviation_kinds)
    if all(w in g.function_words for w in words):
        return KIND_TEAM
    if _is_proper_name(printed):
        return KIND_PARTNER
    return KIND_UNKNOWN


def _strongest(kinds: Iterable[str]) -> str:
    order = (KIND_ROLE, KIND_PARTNER, KIND_TEAM, _KIND_FUNCTION)
    best = min(kinds, key=order.index)
    return KIND_TEAM if best == _KIND_FUNCTION else best


def _is_proper_name(text: str) -> bool:
    """'Active Kent', 'The Education People': capitalised words, at least one of them not a small word."""
    words = re.findall(r"[A-Za-z][A-Za-z'\-]*", text)
    content = [w for w in words if w.lower() not in {"of", "for", "the", "and", "in", "on"}]
    return len(content) >= 2 and all(w[0].isupper() for w in content)


def _kind_of(text: str, context: DocumentContext) -> str:
    if _find_person(text) is not None:
        return KIND_PERSON
    expanded, abbreviation_kinds = _expand(tidy(text), context)
    return _kind(expanded, tidy(text), abbreviation_kinds)


def holder(entry: str, context: DocumentContext | None = None) -> Holder:
    """One split entry of a lead cell -> Holder (catalogue first, then structure)."""
    context = context or DocumentContext()
    printed = tidy(entry)
    person = _find_person(printed)
    if person is not None:
        return _person(printed, person, context)
    role, how = canonical_role(printed, context.settings)
    if how != HOW_UNKNOWN:
        return Holder(printed, role, KIND_ROLE, how)
    expanded, abbreviation_kinds = _expand(printed, context)
    expanded_role, how = canonical_role(expanded, context.settings)
    if how != HOW_UNKNOWN:
        return Holder(printed, expanded_role, KIND_ROLE, how)
    kind = _kind(expanded, printed, abbreviation_kinds)
    return Holder(printed, tidy(expanded), kind, HOW_UNKNOWN if kind == KIND_UNKNOWN else HOW_STRUCTURE)


def _person(printed: str, m: re.Match, context: DocumentContext) -> Holder:
    name = m.group(0)
    title = tidy(printed[: m.start()] + " " + printed[m.end() :])
    if not title:
        return Holder(printed, name, KIND_PERSON, HOW_STRUCTURE)
    role, how = canonical_role(title, context.settings)
    if how == HOW_UNKNOWN:
        role = tidy(_expand(title, context)[0])
    return Holder(printed, f"{name}, {role}", KIND_PERSON, HOW_STRUCTURE)


def _share_plural_title(entries: list[str]) -> list[str]:
    """'Cabinet Members Derek Murphy, Clair Bell': a plural title before a list of names is each one's title."""
    out = list(entries)
    for n, entry in enumerate(entries[:-1]):
        m = _find_person(entry)
        title = entry[: m.start()].strip() if m else ""
        if not m or not title.endswith("s") or entry[m.end() :].strip() or not _is_bare_name(entries[n + 1]):
            continue
        singular = title[:-1]
        out[n] = f"{singular} {m.group(0)}"
        k = n + 1
        while k < len(entries) and _is_bare_name(entries[k]):
            out[k] = f"{singular} {tidy(entries[k])}"
            k += 1
    return out


def _issue(h: Holder) -> DataIssue | None:
    if h.how == HOW_FUZZY:
        return DataIssue("officer-fuzzy", f"{h.printed!r} read as {h.canonical!r} by approximate match",
                         field="lead_officer", value=h.printed)
    if h.kind == KIND_UNKNOWN:
        return DataIssue("officer-unknown", f"{h.printed!r} names no role, team, organisation or person that "
                         "could be recognised; kept as printed", field="lead_officer", value=h.printed)
    return None


def parse_holders(raw: str | None, context: DocumentContext | None = None) -> tuple[list[Holder], list[DataIssue]]:
    """The holders named in a lead-officer cell, in printed order without repeats, and the issues found.

    Issues (field="lead_officer", value=the printed entry; the caller adds page and seq): officer-fuzzy for
    approximate catalogue matches, officer-unknown for entries that name nothing recognisable. An empty cell
    gives ([], []): only the caller knows whether a value was inherited, so it reports officer-missing itself.
    """
    holders: list[Holder] = []
    issues: list[DataIssue] = []
    if raw is None or not raw.strip():
        return holders, issues
    for entry in _share_plural_title(split_officers(raw, context)):
        h = holder(entry, context)
        issue = _issue(h)
        if issue is not None:
            issues.append(issue)
        if all(h.canonical != seen.canonical for seen in holders):
            holders.append(h)
    return holders, issues


def canonical_leads(raw: str | None, context: DocumentContext | None = None) -> tuple[list[str], list[str], list[DataIssue]]:
    """(canonical forms, kinds, issues) of a lead-officer cell; the two lists are parallel."""
    holders, issues = parse_holders(raw, context)
    return [h.canonical for h in holders], [h.kind for h in holders], issues


def canonical_officers(raw: str | None, context: DocumentContext | None = None) -> tuple[list[str], list[DataIssue]]:
    """Canonical forms of the holders named in a lead-officer cell, in printed order without repeats, and the
    issues found (see parse_holders)."""
    holders, issues = parse_holders(raw, context)
    return [h.canonical for h in holders], issues


# --------------------------------------------------------------------------------------------------
# Variants within one document


def _variant_key(canonical: str) -> str:
    words = [w for w in re.findall(r"[a-z0-9]+", canonical.lower().replace("&", " and ").replace("'", ""))
             if w not in _FUNCTION_WORDS and w != "and"]
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words)


def _typo_of(key: str, other: str, settings: ExtractSettings) -> bool:
    """Same words but for a few letters ('Head of Enviroment'); a whole extra word ('FH Workforce Development' vs
    'Workforce Development') names another holder."""
    return (len(key) >= settings.fuzzy_unify_min_len and len(key.split()) == len(other.split())
            and fuzz.ratio(key, other) >= settings.fuzzy_officer
            and Levenshtein.distance(key, other) <= settings.fuzzy_officer_max_edits)


def _representatives(holders: Iterable[Holder], settings: ExtractSettings) -> dict[str, str]:
    """canonical -> the form it is unified onto: same folded key (plural, case, '&'), or a near typo of a more
    frequent form of the same kind."""
    counts = Counter((h.canonical, h.kind) for h in holders if h.how == HOW_STRUCTURE)
    by_key: dict[tuple[str, str], str] = {}
    for (canonical, kind), _n in counts.most_common():
        by_key.setdefault((_variant_key(canonical), kind), canonical)
    out: dict[str, str] = {}
    keys = list(by_key)
    for n, (key, kind) in enumerate(keys):
        target = by_key[(key, kind)]
        for other, other_kind in keys[:n]:
            if other_kind == kind and _typo_of(key, other, settings):
                target = by_key[(other, other_kind)]
                break
        by_key[(key, kind)] = target
    for canonical, kind in counts:
        out[canonical] = by_key[(_variant_key(canonical), kind)]
    return out


def unify_within_document(cells: Sequence[list[Holder]], settings: ExtractSettings = DEFAULT_SETTINGS,
                          ) -> tuple[list[list[Holder]], list[tuple[int, DataIssue]]]:
    """Variants of one holder across a document's cells put onto one form (the most frequent printed form).

    Returns the cells (holders replaced, repeats within a cell dropped) and (cell index, officer-fuzzy issue)
    for every holder that changed."""
    mapping = _representatives((h for cell in cells for h in cell), settings)
    out: list[list[Holder]] = []
    issues: list[tuple[int, DataIssue]] = []
    for n, cell in enumerate(cells):
        new: list[Holder] = []
        for h in cell:
            target = mapping.get(h.canonical, h.canonical) if h.how == HOW_STRUCTURE else h.canonical
            if target != h.canonical:
                issues.append((n, DataIssue("officer-fuzzy", f"{h.printed!r} read as {target!r}, a variant of it "
                                            "elsewhere in the document", field="lead_officer", value=h.printed)))
                h = replace(h, canonical=target)
            if all(h.canonical != seen.canonical for seen in new):
                new.append(h)
        out.append(new)
    return out, issues
