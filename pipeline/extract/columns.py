"""Columns understood by what their headings say and what their cells hold.

A heading names a field when it is one of the synonyms in schemas/headers.json (pipeline.extract.headers);
a wording nobody listed is read by its cue words (`schemas/headers.json` "cues": per field, how strongly a
word points to it; the last content word of a heading, its head noun, counts most: "Action owner" is an
owner, "Owner's action" an action). Then the table is checked as a whole: a column whose cells cannot be
what its heading says (a "Shared Outcome" column of codes like "SO1, SO2" is no outcome) loses the field,
and each field goes to one column at most. A column left without a field is kept as `extra:<heading>`,
so no printed cell is lost.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from rapidfuzz import fuzz

from ..schema import load_json
from .text import REF_CODE

# A heading's cue score must reach this to name a field (one strong cue word, or two weaker ones) ...
CUE_MIN_SCORE = 1.0
# ... and beat the runner-up field by this much; a tie is no evidence.
CUE_MARGIN = 0.4
# The head noun (last content word) of a heading weighs this much more than the other words.
HEAD_WORD_WEIGHT = 1.5
# Content words a heading read by its cues may have: longer text is a sentence, not a heading.
CUE_MAX_WORDS = 5
# Content checks need this many non-empty cells before they may overrule a heading.
MIN_CELLS_FOR_CONTENT = 3

# ... or this many, when every one of them says the same (all open on a verb).
FEW_CELLS = 2
# A column read as the actions by its content: this share of its cells must open on a bare verb, and
# they must hold this many words on average (a status or a name is shorter).
ACTION_MIN_VERB_SHARE = 0.5
ACTION_MIN_WORDS = 4
_FIRST_WORD = re.compile(r"^[\W\d_]*([A-Za-z][A-Za-z'\u2019-]*)")
# Words that open sentences but are no verbs: determiners, pronouns, prepositions, conjunctions, modals.
_NOT_VERBS = frozenset(
    "a an the this that these those there here it its we our they their he she his her you your all any "
    "each every some no not none both either many more most other such what which who whom whose when "
    "where why how if as at by for from in into of on onto to with within without under over after "
    "before during until since per via and or but so yet nor also only staff children young people "
    "will shall would should could can may might must is are was were be been has have had do does "
    "did new key".split()
)
# Fields whose cells are running text.
TEXT_FIELDS = ("action", "measures", "outcome", "objective", "detailed_action_plan", "key_area", "theme")
# A status cell holds at most this many words ("Some issues", "Not yet started").
STATUS_MAX_WORDS = 4
# A column no heading names takes a field by content when this share of its cells hold it ...
CONTENT_FIELD_SHARE = 0.8
# ... and its cells are this short on average (a date or a status, not prose that mentions one).
SHORT_CELL_WORDS = 4
# A column whose cells are coloured one by one (a status shown as colour) in this share of the rows.
COLOUR_SHARE = 0.6


def _shows_status(p: Profile) -> bool:
    return states_status(p) or _stock_statuses(p) or coloured_status(p)


def coloured_status(p: Profile) -> bool:
    """Are the column's cells coloured one by one, short or blank: a status shown as colour?"""
    return (p.colour_rows >= MIN_CELLS_FOR_CONTENT and p.colour_share >= COLOUR_SHARE
            and p.mean_words <= SHORT_CELL_WORDS and p.long_share == 0)


def states_status(p: Profile) -> bool:
    """Do nearly all the column's short cells state a status outright, in the scale's words?"""
    return p.cells >= MIN_CELLS_FOR_CONTENT and p.mean_words <= SHORT_CELL_WORDS and p.status_share >= CONTENT_FIELD_SHARE


def _stock_statuses(p: Profile) -> bool:
    """A status scale in words of its own: most cells read as statuses, the rest phrases of the same
    scale ("Action not yet completed, but on track"); free comments and officers' titles are not mostly
    statuses, nor prose."""
    return (p.cells >= MIN_CELLS_FOR_CONTENT and p.status_share >= LEANING_STATUS_SHARE
            and p.mean_words <= LEANING_CELL_WORDS and p.long_share < 0.5 and p.post_share < 0.5)


def _shows_dates(p: Profile) -> bool:
    return (p.cells >= MIN_CELLS_FOR_CONTENT and p.mean_words <= SHORT_CELL_WORDS
            and p.date_share >= CONTENT_FIELD_SHARE)


def shows_refs(p: Profile) -> bool:
    """Are the cells the action references: nearly all a reference alone ("2.3", "A2"), no two alike? A
    heading nobody listed ("Line", "Index") then still names the column rows start in."""
    return p.cells >= MIN_CELLS_FOR_CONTENT and p.refs >= REF_SHARE * p.cells and p.distinct_refs == p.refs


# Share of a column's cells that must be references alone for it to be read as the references.
REF_SHARE = 0.8


def shows_documents(p: Profile) -> bool:
    return p.cells >= MIN_CELLS_FOR_CONTENT and p.document_share >= DOCUMENT_SHARE


# Cells of a column naming plans: most of them (a row may say "All service plans" or "n/a").
DOCUMENT_SHARE = 0.6

# (field, what a column that holds it shows, fields that already hold it) for assignment by content.
CONTENT_FIELDS: tuple = (
    ("ref", shows_refs, ()),
    ("rag", _shows_status, ("milestone_and_rag",)),
    ("milestone", _shows_dates, ("milestone_and_rag", "lead_officer_and_milestone")),
    ("detailed_action_plan", shows_documents, ()),
)
QUESTION_WORDS = frozenset({"who", "what", "when", "how", "why", "where", "which"})
EXTRA_PREFIX = "extra:"
_WORD = re.compile(r"[a-z]+")
_CODE = re.compile(r"^[A-Z]{0,4}\d+(?:\.\d+)*[A-Za-z]?$")
_LITTLE = frozenset(
    "a an the and or of to for in on at by we our are is it has have will be this that these with "
    "i you they their there been being was were do does did its".split()
)


@lru_cache(maxsize=None)
def cues() -> dict[str, dict[str, float]]:
    """word -> {field: weight}, from schemas/headers.json."""
    table: dict[str, dict[str, float]] = {}
    for fld, words in load_json("headers.json")["cues"].items():
        if fld.startswith("$"):
            continue
        for word, weight in words.items():
            table.setdefault(word, {})[fld] = float(weight)
    return table


def content_words(text: str) -> list[str]:
    """The heading's words that carry meaning, a plural cue read as its singular ("measures", "leads")."""
    table = cues()
    return [_singular(w, table) for w in _WORD.findall(text.lower()) if w not in _LITTLE]


def _singular(word: str, table: dict) -> str:
    if word in table or not word.endswith("s") or word.endswith("ss"):
        return word
    return word[:-1] if word[:-1] in table else word


def cue_scores(text: str) -> dict[str, float]:
    """How strongly a heading's words point to each field."""
    words = content_words(text)
    table = cues()
    scores: dict[str, float] = {}
    head = _head_index(text, words)
    for i, word in enumerate(words):
        weight = HEAD_WORD_WEIGHT if i == head else 1.0
        for fld, w in table.get(word, {}).items():
            scores[fld] = scores.get(fld, 0.0) + w * weight
    return scores


def field_from_cues(text: str) -> str | None:
    """The field a heading's cue words name, or None when they name none clearly. "extra" names a
    column that is known to hold no canonical field (comments, budget, risk)."""
    ranked = cue_candidates(text)
    return ranked[0] if len(ranked) == 1 else None


def _head_index(text: str, words: Sequence[str]) -> int:
    """The head noun's place among the content words: the last one the cue table holds, but in "N1 of
    N2" the noun before "of" ("Measures of impact" are measures, "Description of action" a description)."""
    before, of, _ = text.lower().partition(" of ")
    if of and before.strip():
        return min(len(content_words(before)), len(words)) - 1
    # A last word the cue table does not hold tells nothing; the last word it holds is read as the head
    # ("How will we know we have succeeded?": know).
    table = cues()
    return next((i for i in range(len(words) - 1, -1, -1) if words[i] in table), len(words) - 1)


def cue_candidates(text: str) -> list[str]:
    """The fields a heading's cue words point to about equally strongly, best first: one when they name
    a field clearly, several when they are torn ("Evidence of completion": measures or milestone, which
    the column's cells then decide), none when they name nothing."""
    words = content_words(text)
    # A heading is short and no sentence: a cell of prose that mentions cue words is not one.
    if len(words) > CUE_MAX_WORDS or text.rstrip().endswith("."):
        return []
    # A heading is a noun phrase or a question: its head noun (last word), its first word ("Action to be
    # delivered", "Outcome we expect") or its question word must be a cue. Cell text that merely mentions a
    # cue word ("1.1 Safer outcomes for children") is not.
    if not words or (words[-1] not in cues() and words[0] not in cues() and not _asks(text, words)):
        return []
    ranked = sorted(cue_scores(text).items(), key=lambda kv: kv[1], reverse=True)
    if not ranked or ranked[0][1] < CUE_MIN_SCORE:
        return []
    # Sums of weights: float noise.
    return [f for f, score in ranked if ranked[0][1] - score < CUE_MARGIN - 1e-9]


def _asks(text: str, words: Sequence[str]) -> bool:
    """Is the heading a question: it opens on a question word, or ends in a question mark with one opening
    it after a group heading's words ("Delivery What will success look like?", the group read into the
    first of the columns it spans)?"""
    return words[0] in QUESTION_WORDS or (text.rstrip().endswith("?") and any(w in QUESTION_WORDS for w in words))


# --- what cells hold --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Profile:
    """What a column's non-empty cells look like."""

    cells: int
    mean_words: float
    code_share: float  # cells that are only reference codes ("SO1, SO2", "1.2.3")
    date_share: float  # cells that read as a date or period
    long_share: float  # cells of running prose (eight words or more)
    imperative_share: float = 0.0  # cells opening on a bare verb, as actions do ("Develop ...", "Review ...")
    status_share: float = 0.0  # short cells that read as a status ("On track", "G", "75%", a tick)
    lead_date_share: float = 0.0  # cells that part into an officer and a date ("Head of HR, 30/09/2022")
    colour_rows: int = 0  # rows whose cell has a fill of its own (no other cell of the row has its colour)
    colour_share: float = 0.0  # ... as a share of the table's rows
    distinct: int = 0  # different texts among the cells (a level of the plan's hierarchy repeats its few)
    rows: int = 0  # rows of the table, the empty cells counted
    scattered: int = 0  # cells whose text was printed before, with another text between (a pool of comments)
    figure_share: float = 0.0  # cells that are one figure ("62%", "1,240", "£3.5m"): an indicator's values
    document_share: float = 0.0  # cells that name a plan or strategy ("People Strategy and Action Plan")
    stop_share: float = 0.0  # cells that end a sentence (". ", "!", ";"): text, not a title
    post_share: float = 0.0  # cells that read as a post or a person ("Head of Service"): officers, not a level
    refs: int = 0  # cells that are one action reference alone ("1.2", "A3")
    distinct_refs: int = 0  # different references among them
    first_filled: bool = False  # the table's first row has text in the column
    worded_share: float = 0.0  # cells whose wording names a status, however long ("Activity progressing, ...")


def profile(texts: Sequence[str]) -> Profile:
    cells = [t.strip() for t in texts if t and t.strip()]
    if not cells:
        return Profile(0, 0.0, 0.0, 0.0, 0.0)
    n = len(cells)
    facts = [_cell_facts(c) for c in cells]
    return Profile(n, sum(f[0] for f in facts) / n, sum(f[2] for f in facts) / n, sum(f[1] for f in facts) / n,
                   sum(1 for f in facts if f[0] >= 8) / n, sum(f[3] for f in facts) / n,
                   sum(f[4] for f in facts) / n, sum(f[5] for f in facts) / n, distinct=len(set(cells)), rows=len(texts),
                   scattered=_scattered(cells), figure_share=_share(cells, _FIGURE.match),
                   document_share=_share(cells, _names_document), stop_share=_share(cells, _ends_stop),
                   post_share=_share(cells, _names_post), first_filled=bool(texts[0] and texts[0].strip()),
                   refs=sum(1 for c in cells if REF_CODE.match(c)), distinct_refs=len({c for c in cells if REF_CODE.match(c)}),
                   worded_share=sum(f[6] for f in facts) / n)


def _share(cells: Sequence[str], test) -> float:
    return sum(1 for c in cells if test(c)) / len(cells)


def _ends_stop(cell: str) -> bool:
    return cell.rstrip().endswith((".", "!", ";"))


@lru_cache(maxsize=65536)
def _names_post(cell: str) -> bool:
    """Does the cell name a post or a person (pipeline.normalise.officers), as a lead officer's does?"""
    from ..normalise.officers import holder  # officers reads columns' neighbours: imported when needed

    return holder(cell).kind in ("role", "person")


# Words a document's name runs to at most.
DOCUMENT_NAME_WORDS = 10


def _names_document(cell: str) -> bool:
    """Is the cell the name of a plan or strategy: a short title opening in capitals and ending on a
    word that names a document (schemas/glossary.json document_heads), no sentence?"""
    words = cell.split()
    if not words or len(words) > DOCUMENT_NAME_WORDS or not words[0][:1].isupper() or cell.rstrip().endswith("."):
        return False
    return words[-1].strip(",;:()").lower() in document_heads()


@lru_cache(maxsize=1)
def document_heads() -> frozenset[str]:
    return frozenset(load_json("glossary.json").get("document_heads", ()))


_FIGURE = re.compile(r"^[<>≤≥~]?[£$€]?-?\d[\d,.]*\s?(?:%|[kmKM]|bn)?$")


def _scattered(cells: Sequence[str]) -> int:
    """Cells, in row order, whose text was printed before with a different text between: a level of the
    hierarchy runs down its group and ends; a pool of stock comments comes back."""
    seen: set[str] = set()
    count = 0
    for prev, cell in zip([""] + list(cells), cells):
        if cell != prev and cell in seen:
            count += 1
        seen.add(cell)
    return count


# A figure broken over the lines of a narrow cell ("10" / "0" / "%"), as its lines are joined here.
_FIGURE_PIECES = re.compile(r"^\d[\d.,]*(?:\s+[\d.,%]+)+$")
# A date in figures broken over two lines of a narrow cell ("31/03/202" / "2"), as its lines are joined here.
_BROKEN_NUMBER = re.compile(r"^\d[\d/.]*\s+\d[\d/.]*$")


@lru_cache(maxsize=65536)
def _cell_facts(cell: str) -> tuple[int, bool, bool, bool, bool, bool, bool]:
    """(words, reads as a date, is only codes, opens on a verb, reads as a status, parts into an officer
    and a date, its wording names a status at any length) of one cell. Cached:
    the cells under a heading are pooled over the pages (pipeline.extract.geometry) and profiled again
    on each page."""
    # The parting of a cell holding two fields lives with the assembly step that parts them.
    from ..assemble.combined import split_lead_and_date
    from ..normalise.milestones import parse_milestone
    from ..normalise.rag import status_from_wording

    words = len(cell.split())
    # A date or a word broken over the lines of a narrow cell ("31/10/20" / "22", "Ongoi" / "ng") is read
    # whole.
    is_date = parse_milestone(cell).kind != "unknown" or (
        (_BROKEN_NUMBER.match(cell) is not None or words <= BROKEN_DATE_WORDS)
        and parse_milestone(re.sub(r"\s+", "", cell)).kind != "unknown") or _broken_date(cell)
    # A date is no code, though "30/09/2022" is made of numbers. A reference broken over the lines of a
    # narrow cell ("1." / "1") is read whole, as a date is.
    code = not is_date and (all(_CODE.match(tok) for tok in re.split(r"[\s,;/&]+", cell) if tok) or (
        _BROKEN_NUMBER.match(cell) is not None and _CODE.match(re.sub(r"\s+", "", cell)) is not None))
    # "Complete" and "Ongoing" read as dates too (a milestone met, or none): as statuses they count. A
    # figure broken over the lines of a narrow cell ("10" / "0" / "%") is read whole.
    rag, how = status_from_wording(re.sub(r"\s+", "", cell) if _FIGURE_PIECES.match(cell) else cell)
    status = words <= STATUS_MAX_WORDS and (rag != "unknown" or how == "symbol")
    lead_and_date = is_date and all(split_lead_and_date(cell))
    return words, is_date, code, opens_on_a_verb(cell), status, lead_and_date, rag != "unknown" or how == "symbol"


# A cell of this many pieces at most may be one date word broken for a narrow cell.
BROKEN_DATE_WORDS = 2
# A cell of this many pieces at most may be a date of several words, one of them broken ("Q2 202" / "2/23").
BROKEN_DATE_PIECES = 4


def _broken_date(cell: str) -> bool:
    """Does the cell read as a date once some of its spaces are taken for line breaks inside a word, in a
    cell too narrow for it ("Q2 202" / "2/23" for "Q2 2022/23"), the others kept?"""
    from ..normalise.milestones import parse_milestone

    parts = cell.split()
    if not 3 <= len(parts) <= BROKEN_DATE_PIECES:
        return False  # two pieces: joined whole above
    for joins in itertools.product((" ", ""), repeat=len(parts) - 1):
        if " " in joins and "" in joins:
            text = parts[0] + "".join(j + p for j, p in zip(joins, parts[1:]))
            if parse_milestone(text).kind != "unknown":
                return True
    return False


def opens_on_a_verb(text: str) -> bool:
    """Does the text open as an instruction does, on a bare verb ("Develop", "Work with")? Read from the
    word's form alone: a capitalised word that is no function word, no past or -ing form, no adverb and
    no third-person or plural -s ("Staff will ...", "Completed in March", "Progress reported" are not)."""
    m = _FIRST_WORD.match(text.strip())
    if not m:
        return False
    word = m.group(1)
    low = word.lower()
    if not word[0].isupper() or low in _NOT_VERBS or len(low) < 3:
        return False
    if low.endswith(("ed", "ing", "ly", "tion", "ment", "ness", "ity")) or (low.endswith("s") and not low.endswith("ss")):
        return False
    # A noun followed by "of" or by a participle ("Head of ...", "Progress reported", "Pilot running").
    after = text.strip()[m.end():].split()
    second = after[0].lower().strip(",.;:") if after else ""
    return not (second == "of" or second.endswith(("ed", "ing")))


def infer_action(profiles: Sequence[Profile], free: Sequence[bool]) -> int | None:
    """The column that holds the actions of a table whose headings name none: among the columns free to
    take a field, the one of prose whose cells open on a bare verb most often (at least half of them);
    of two alike, the one with more cells, then more words (a title opening on a noun may read as a verb:
    "Practice", "Leadership and Governance"). Every row states an action of its own: a column whose
    cells repeat (an outcome restated on each of its rows) gives way to one whose cells do not, and one
    printed on few of its rows (an outcome stated once over its group) to one printed on most."""
    best, best_key = None, (False, False, ACTION_MIN_VERB_SHARE, 0, 0.0)
    for i, (p, ok) in enumerate(zip(profiles, free)):
        key = action_key(p) if ok else None
        if key is not None and key >= best_key:
            best, best_key = i, key
    return best


def action_key(p: Profile) -> tuple[bool, bool, float, int, float] | None:
    """How well a column's cells read as actions (`infer_action`), or None when they do not."""
    # A header low on its page has few rows under it: two cells that both open on a verb will do.
    enough = p.cells >= MIN_CELLS_FOR_CONTENT or (p.cells >= FEW_CELLS and p.imperative_share == 1.0)
    if not enough or p.mean_words < ACTION_MIN_WORDS:
        return None
    if p.code_share >= 0.5 or p.date_share >= 0.5 or p.imperative_share < ACTION_MIN_VERB_SHARE:
        return None
    return (p.cells >= p.rows * ACTION_ROWS_SHARE, p.distinct >= p.cells * UNREPEATED_SHARE, p.imperative_share,
            p.cells, p.mean_words)


# Different texts among an action column's cells, as a share of them, at least: a plan may state an
# action twice, not row after row.
UNREPEATED_SHARE = 0.9
# Rows an action column prints a cell on, as a share of the table's rows: each row states its action.
ACTION_ROWS_SHARE = 0.5


def fits(fld: str, p: Profile) -> bool:
    """Can cells like these be the field? Only clear contradictions count: too few cells prove nothing."""
    if p.cells < MIN_CELLS_FOR_CONTENT:
        return True
    if fld == "key_area" and p.long_share >= 0.5:
        return False  # a key area is a label ("Workforce"), not sentences
    if fld in ("action", "outcome", "objective", "measures", "theme", "key_area", "detailed_action_plan"):
        # Text fields hold words: a column of bare codes or of dates is something else.
        return p.code_share < 0.5 and p.date_share < 0.6
    if fld == "lead_officer":
        # Names with full titles run long ("Lewis Price, Assistant Director ..."): only codes and dates refute,
        # and not dates printed beside the officer (a cell of both is parted later).
        return p.code_share < 0.5 and p.date_share - p.lead_date_share < 0.5
    if fld == "rag":
        # Sentences none of which names a status, in cells of no colour of their own, are no statuses
        # ("Progress" over "Barriers": "Monthly monitoring by the Assistant Director.").
        return not (p.worded_share == 0 and p.colour_share == 0 and p.mean_words > SHORT_CELL_WORDS)
    if fld == "milestone":
        # A column of amounts under "Target" is an indicator's target: mostly amounts, or amounts and not
        # one date among them ("AA-", "£100m").
        amounts = (p.figure_share >= 0.5 and p.date_share < 0.5) or (p.figure_share > 0 and p.date_share == 0)
        return p.long_share < 0.5 and p.code_share < 0.8 and not amounts
    return True


def resolve(fields: Sequence[str | None], profiles: Sequence[Profile], pinned: Sequence[bool],
            free: Sequence[bool] = (), cued: Sequence[Sequence[str]] = (), headings: Sequence[str] = (),
            listed: Sequence[bool] = ()) -> list[str | None]:
    """Whole-table assignment: a field whose column's cells contradict it is dropped (unless a registry
    entry pinned it), a field named by two columns stays with the one whose cells fit it best, and a
    field no heading names goes to the one `free` column whose cells show they hold it. A theme is a
    title: a column whose heading only leans to the theme by its cue words ("Shared ambition"; not a
    `listed` synonym) over sentences holds the level below that sentences state, the outcome."""
    out = [f if (pin or f is None or f.startswith("ignore:") or fits(f, p)) else None
           for f, p, pin in zip(fields, profiles, pinned)]
    fixed = [bool(pin) or (i < len(listed) and listed[i]) for i, pin in enumerate(pinned)]
    _themes_of_sentences(out, fields, profiles, fixed)
    # A column that loses its heading's field (its cells contradict it, or another column holds it
    # better) may still take a field its cells show, as a column no heading named.
    open_ = [bool(ok) or (f is not None and g is None) for ok, f, g in zip(free or [False] * len(out), fields, out)]
    _one_column_per_field(out, open_, fields, profiles, pinned)
    _action_by_content(out, profiles, open_, _naming_action(fixed, cued), fixed)
    return by_content(out, profiles, open_, cued, headings)


def _one_column_per_field(out: list[str | None], open_: list[bool], fields: Sequence[str | None],
                          profiles: Sequence[Profile], pinned: Sequence[bool]) -> None:
    """A field named by two columns stays with the one whose cells fit it best (in place); the other is
    open to a field its cells show, a level's to the level below."""
    seen: dict[str, int] = {}
    for i, f in enumerate(out):
        if f is None or f.startswith("ignore:"):
            continue
        if f not in seen:
            seen[f] = i
            continue
        lost = _second_column(f, seen[f], i, profiles)
        seen[f] = i if lost != i else seen[f]
        out[lost] = None
        open_[lost] = not pinned[lost]
        if f in LEVELS and not pinned[lost]:
            out[lost] = _level_below(f, out, fields, profiles[lost])


# Fields of prose a heading may lean to by its cue words while its column holds the actions.
PROSE_FIELDS = ("measures", "outcome", "objective", "detailed_action_plan")


def _naming_action(fixed: Sequence[bool], cued: Sequence[Sequence[str]]) -> list[bool]:
    """Per column: does its heading name the action (pinned or listed, `fixed`, or by its cue words)?"""
    return [fx or (i < len(cued) and "action" in cued[i]) for i, fx in enumerate(fixed)]


def _action_by_content(out: list[str | None], profiles: Sequence[Profile], open_: list[bool],
                       named: Sequence[bool] = (), fixed: Sequence[bool] = ()) -> None:
    """A table left with no action column (its heading named a field another column holds better:
    "Deliverables" cued as measures beside "Success looks like") gives the action to the open column
    whose cells read as actions (in place). An action column no heading `named` was chosen by its cells
    on the page its header stands on, perhaps from two rows under a header low on it: the whole table's
    cells choose again ("Related strategy" over two titles opening on a verb gives way to "Deliverable")."""
    if "action" in out:
        at = out.index("action")
        if at < len(named) and named[at]:
            return
        free = [(ok and f is None) or i == at for i, (ok, f) in enumerate(zip(open_, out))]
        better = infer_action(profiles, free)
        # Only cells that read better as actions move it: of two alike, the one chosen stays.
        if better is not None and better != at and (action_key(profiles[at]) or ()) < (action_key(profiles[better]) or ()):
            out[at], open_[at], out[better] = None, True, "action"
        return
    found = infer_action(profiles, [ok and f is None for ok, f in zip(open_, out)])
    if found is None:
        # Nor any open column: a column of prose whose heading took its field from cue words alone
        # ("Deliverable" leaning to the measures) over cells that read as actions holds them. A listed
        # or pinned (`fixed`) heading keeps its field.
        found = infer_action(profiles, [f in PROSE_FIELDS and not (i < len(fixed) and fixed[i])
                                        for i, f in enumerate(out)])
    if found is not None:
        out[found] = "action"


def _themes_of_sentences(out: list[str | None], fields: Sequence[str | None], profiles: Sequence[Profile],
                         fixed: Sequence[bool]) -> None:
    """A column cued as the theme over sentences takes the level below that sentences state (in place)."""
    for i, (f, p) in enumerate(zip(out, profiles)):
        if f == "theme" and not fixed[i] and p.cells >= MIN_CELLS_FOR_CONTENT and p.long_share >= 0.5:
            out[i] = _level_below(f, out, fields, p)


def _second_column(f: str, j: int, i: int, profiles: Sequence[Profile]) -> int:
    """Of two columns named for one field (j before i), the one that loses it. Prose fields keep the
    column with more to say; a level of the hierarchy the column that repeats fewer texts (the level
    above); others the first one."""
    a, b = profiles[j], profiles[i]
    if f in ("action", "measures") and a.rows and b.rows:
        # A field stated in every row stays with the column printed in (nearly) every row: one left
        # blank down groups of rows holds a level.
        sparse_a, sparse_b = a.cells <= GROUP_SHARE * a.rows, b.cells <= GROUP_SHARE * b.rows
        if sparse_a != sparse_b:
            return j if sparse_a else i
    keep_later = ((profiles[i].mean_words > profiles[j].mean_words and f in ("action", "measures"))
                  or (f in LEVELS and profiles[i].distinct < profiles[j].distinct))
    return j if keep_later else i


# The levels of a plan's hierarchy, top down: a column named for a level another column holds is the
# level below it ("Key priority" and "Shared ambition" both cue the theme; the one that repeats more
# texts is the outcome).
LEVELS = ("theme", "key_area", "outcome", "objective")
# Levels whose cells are titles ("Practice Quality", "The Workforce"); the others hold sentences.
TITLE_LEVELS = ("theme", "key_area")


def _level_below(f: str, out: Sequence[str | None], fields: Sequence[str | None], p: Profile) -> str | None:
    """The first level below `f` that no column holds or is named for and whose shape the cells have
    (titles or sentences), when the cells are text."""
    free = [lower for lower in LEVELS[LEVELS.index(f) + 1:] if lower not in out and lower not in fields]
    for lower in _by_shape(free, p):
        return lower if fits(lower, p) else None
    return None


def _by_shape(levels: Sequence[str], p: Profile) -> list[str]:
    """The levels, those whose shape the cells have first: titles for a theme or key area."""
    titles = shows_titles(p)
    return [f for f in levels if (f in TITLE_LEVELS) == titles] + [f for f in levels if (f in TITLE_LEVELS) != titles]


def suits(fld: str, p: Profile) -> bool:
    """Do the cells show the field (positive evidence, not the mere absence of a contradiction)?"""
    if p.cells < MIN_CELLS_FOR_CONTENT and not (fld == "rag" and _shows_status(p)):
        return False
    if fld == "milestone":
        return _shows_dates(p)
    if fld == "rag":
        return _shows_status(p)
    if fld == "ref":
        return p.code_share >= CONTENT_FIELD_SHARE
    if fld == "lead_officer":
        return fits(fld, p) and p.long_share < 0.5 and p.date_share < 0.5
    if fld in TEXT_FIELDS:
        return fits(fld, p) and p.mean_words >= ACTION_MIN_WORDS and p.status_share < 0.5
    return False


def by_content(fields: list[str | None], profiles: Sequence[Profile], free: Sequence[bool],
               cued: Sequence[Sequence[str]] = (), headings: Sequence[str] = ()) -> list[str | None]:
    """Fields no heading named clearly, given by what the cells hold: a heading whose cue words are torn
    between fields takes the one its cells show; a free column whose short cells nearly all read as a
    status ("G", "75%", "On track") or a date takes that field. Only when exactly one field (one column)
    qualifies: two are no evidence which is which."""
    out = list(fields)
    for i, candidates in enumerate(cued):
        if free[i] and out[i] is None:
            shown = [f for f in candidates if f not in out and suits(f, profiles[i])]
            if len(shown) == 1:
                out[i] = shown[0]
    for fld, shows, excluded in CONTENT_FIELDS:
        if fld in out or any(x in out for x in excluded):
            continue
        hits = _showing(fld, shows, out, profiles, free)
        if len(hits) == 1:
            out[hits[0]] = fld
    _leaning_columns(out, profiles, free, headings)
    # Levels shown by structure are read over the whole table, all its pages (pipeline.assemble.rows):
    # one page's rows are too few to show how a column repeats.
    return out


def _showing(fld: str, shows, out: Sequence[str | None], profiles: Sequence[Profile], free: Sequence[bool]) -> list[int]:
    """The free columns no field is given yet whose cells show `fld`. Of two that show the status, the one
    whose cells nearly all state it outright (a column of titles with a few statuses among them does not)."""
    hits = [i for i, (p, ok) in enumerate(zip(profiles, free)) if ok and out[i] is None and shows(p)]
    if fld == "rag" and len(hits) > 1:
        hits = [i for i in hits if states_status(profiles[i])]
    return hits


def _leaning_columns(out: list[str | None], profiles: Sequence[Profile], free: Sequence[bool],
                     headings: Sequence[str]) -> None:
    for i, heading in enumerate(headings):
        if i < len(free) and free[i] and out[i] is None:
            out[i] = _leaning_and_shown(heading, profiles[i], out)


def _leaning_most(heading: str) -> tuple[str | None, float]:
    """The field of the plan a heading's cue words lean to most, and how strongly ((None, 0.0): none)."""
    lean = {f: v for f, v in (cue_scores(heading) if heading else {}).items() if f != "extra" and v > 0}
    top = max(lean, key=lambda f: lean[f], default=None)
    return top, lean.get(top, 0.0) if top else 0.0


def _leaning_and_shown(heading: str, p: Profile, out: Sequence[str | None]) -> str | None:
    """Two weak pieces of evidence that agree: a heading whose cue words lean to the status, too weakly to
    name it ("Current position"), over short cells most of which read as statuses, some in words of
    their own ("Longer-term action not yet started")."""
    # "Status update" leans to a column of no field (an update) as much as to the status: its cells decide.
    top, _ = _leaning_most(heading)
    if top != "rag" or "rag" in out or "milestone_and_rag" in out:
        return None
    shown = (p.cells >= MIN_CELLS_FOR_CONTENT and p.mean_words <= LEANING_CELL_WORDS
             and p.status_share >= LEANING_STATUS_SHARE and p.long_share < 0.5)
    return "rag" if shown else None


# Statuses a column under a heading that leans to the status holds at least, and the words its cells
# run to at most on average (a status in words of its own is a phrase, not a paragraph).
LEANING_STATUS_SHARE = 0.6
LEANING_CELL_WORDS = 8


# A column of the plan's hierarchy repeats its texts down the rows: printed on at most this share of the
# rows (merged cells, blanks for "same as above"), or with at most this share of different texts.
GROUP_SHARE = 0.6
# A level's text may come back now and then (a plan states one objective under two outcomes): in at most
# this share of its cells. Stock comments drawn from a few wordings come back in most of theirs.
SCATTERED_SHARE = 0.4
# Rows a table needs before the repetition shows.
GROUP_MIN_ROWS = 8


# Words a title runs to at most ("The Workforce", "Practice Quality and Standards").
TITLE_MAX_WORDS = 8


def shows_titles(p: Profile) -> bool:
    """Are the cells titles (a theme's or a key area's: short labels), not sentences, codes, dates or
    statuses?"""
    return (p.cells > 0 and p.long_share < 0.5 and p.mean_words <= TITLE_MAX_WORDS
            and max(p.code_share, p.date_share, p.status_share) < 0.5)


def shows_group(p: Profile) -> bool:
    """Do the cells hold a level of the hierarchy: sentences (an outcome or an objective, not an
    officer's title) or titles (a key area's), repeated down the rows or left blank under the row that
    states them?"""
    if p.rows < GROUP_MIN_ROWS or p.cells < 2:
        return False
    if max(p.code_share, p.date_share, p.status_share) >= 0.5:
        return False
    sentences = p.long_share >= 0.5
    if not sentences and not _title_level(p):
        return False
    if p.cells <= GROUP_SHARE * p.rows:
        # Printed once per group, then left blank: a text comes back (stated again under another
        # parent) fewer times than there are texts; a few stock comments come back many times each.
        # Short labels keep to it strictly: from the first row, and never the same text twice running
        # but where a page break restates a merged cell.
        # Paragraphs are no stock comments: one printed again word for word is a level restated where
        # its group comes back (a plan that returns to an outcome under another objective).
        again = p.cells - p.distinct - p.scattered
        return ((p.scattered <= SPARSE_SCATTER * p.distinct or (sentences and p.mean_words >= PARAGRAPH_WORDS))
                and (sentences or (p.first_filled and again <= RESTATE_SHARE * p.distinct)))
    # Printed in most rows: a blank stands for the text above (merged cells restated at each page top,
    # blanks for "same as above" where a group runs on), so the run is judged with the blanks filled.
    n = p.rows if p.first_filled else p.cells
    return p.scattered <= SCATTERED_SHARE * n and _runs_on(p, n) and (sentences or _same_next(p, n) >= TITLE_SAME_NEXT)


# A level printed once per group comes back under another parent at most this many times per text (a plan
# states one outcome under several themes); stock comments come back many times each.
SPARSE_SCATTER = 1.5
# A sparse column's cells are paragraphs, not stock comments, at this many words on average.
PARAGRAPH_WORDS = 20
# Titles printed once per group may be restated (at a page top) in at most this share of their texts.
RESTATE_SHARE = 0.25
# Titles printed in every row run on through their group: the next row repeats the text this often at least.
TITLE_SAME_NEXT = 0.5


def shown_level(heading: str, p: Profile) -> str | None:
    """The level of the plan a column beside the actions holds, or None: under a heading whose cue words
    lean to a level, in cells of that level's shape ("The issue we are tackling" over sentences, "Theme
    area" over titles: two weak pieces of evidence that agree, as `_leaning_and_shown` asks of a status);
    or by how its cells repeat down the rows as a level's do (`shows_group`, or one title over them all),
    the first level of their shape."""
    top, score = _leaning_most(heading)
    if (top in LEVELS and score >= LEVEL_LEAN_SCORE and p.cells >= MIN_CELLS_FOR_CONTENT and fits(top, p)
            and (_title_level(p) if top in TITLE_LEVELS else p.long_share >= 0.5 and p.post_share < 0.5)):
        return top
    return _by_shape(LEVELS, p)[0] if shows_group(p) or _one_label_over_all(p) else None


def _one_label_over_all(p: Profile) -> bool:
    """Is the column a title printed in its first row only, over as many rows as show a level's repeat
    (a merged cell naming the group of every row on the page: "The Workforce")?"""
    return p.cells == 1 and p.first_filled and p.rows >= GROUP_MIN_ROWS and _title_level(p)


# A heading leans to a level when its cue words point there at least this strongly, half of what names
# a field outright (as headers.LEAN_MIN_SCORE).
LEVEL_LEAN_SCORE = 0.5


def _title_level(p: Profile) -> bool:
    """Titles a level may hold: labels that end no sentence and name no post or person (officers'
    titles run in groups too)."""
    return shows_titles(p) and p.stop_share < 0.5 and p.post_share < 0.5


def _same_next(p: Profile, n: int) -> float:
    """The share of `n` cells (the column's, its blanks filled from above) whose text the next row repeats."""
    return (n - p.distinct - p.scattered) / max(1, n - 1)


# A level's text is printed again in the next row at least this many times as often as a few stock
# wordings drawn at random would be (1 / their number).
RUN_OVER_CHANCE = 2.0


def _runs_on(p: Profile, n: int) -> bool:
    """Printed again down the rows: a level runs on through its group, so the next row repeats its text
    far more often than chance would have a few stock comments repeat theirs (over `n` cells: the
    column's, its blanks filled from above)."""
    if p.distinct > GROUP_SHARE * n or n < 2:
        return False
    return _same_next(p, n) >= min(RUN_OVER_CHANCE / p.distinct, 0.9)


def levels_by_structure(fields: list[str | None], profiles: Sequence[Profile], free: Sequence[bool],
                        headings: Sequence[str] = (), movable: Sequence[bool] = ()) -> list[str | None]:
    """Free columns of sentences that repeat down the rows take the levels of the hierarchy no heading
    named: a level whose place fits how much the column repeats (a level above repeats fewer texts than
    the levels below it); of those, the one its heading's cue words lean to, however weakly ("The issue
    we are tackling": an objective), else the highest below the theme. A free column whose cells name
    plans and strategies ("People Strategy and Action Plan") holds the detailed action plan, however
    its names repeat. A level a heading named by its cue words alone (`movable`) gives way to a column
    the structure shows is above it."""
    out = list(fields)
    _titles_to_key_area(out, profiles, movable)
    for i, (p, ok) in enumerate(zip(profiles, free)):
        if ok and out[i] is None and "detailed_action_plan" not in out and shows_documents(p):
            out[i] = "detailed_action_plan"
    hits = sorted((i for i, (p, ok) in enumerate(zip(profiles, free)) if ok and out[i] is None and shows_group(p)),
                  key=lambda i: profiles[i].distinct)
    for i in hits:
        heading = headings[i] if i < len(headings) else ""
        out[i] = (_level_for(i, out, profiles, heading) or _theme_above(i, out, profiles, heading, movable)
                  or _below_a_finer_theme(i, out, profiles, heading, movable)
                  or _under_a_coarser_area(i, out, profiles, movable))
    return out


def _titles_to_key_area(out: list[str | None], profiles: Sequence[Profile], movable: Sequence[bool]) -> None:
    """A column given a level of sentences by its heading's cue words alone (`movable`: "Pillar" cued as
    the theme, which another column took, read as the outcome on a page of two cells) whose cells over
    the whole table are titles in groups holds the key area, when no column does: titles are no outcome
    (in place). The level it held is left to a column of sentences."""
    for j, f in enumerate(out):
        if (f in ("outcome", "objective") and j < len(movable) and movable[j] and "key_area" not in out
                and _title_level(profiles[j]) and shows_group(profiles[j])):
            out[j] = "key_area"


def _below_a_finer_theme(i: int, out: list[str | None], profiles: Sequence[Profile], heading: str,
                         movable: Sequence[bool]) -> str | None:
    """A level column that fits under no level because the column read as the theme by its cue words alone
    (`movable`: "Pillar") repeats more texts than it does: titles finer than a level below cannot be the
    theme; they are the key area, which groups the rows apart from the other levels (`out` in place)."""
    j = out.index("theme") if "theme" in out else -1
    if j < 0 or j >= len(movable) or not movable[j] or "key_area" in out or not _title_level(profiles[j]):
        return None
    if profiles[j].distinct <= profiles[i].distinct * (1 + DISTINCT_SLACK):
        return None
    out[j] = "key_area"
    level = _level_for(i, out, profiles, heading)
    if level is None:
        out[j] = "theme"
    return level


def _under_a_coarser_area(i: int, out: list[str | None], profiles: Sequence[Profile],
                          movable: Sequence[bool]) -> str | None:
    """A column of titles that fits under no level because the column read as the key area by its cue words
    alone (`movable`: "Theme area") repeats fewer texts than it does: a level that groups another's rows
    is above it, so that column is the theme and this one the key area (`out` in place)."""
    j = out.index("key_area") if "key_area" in out else -1
    if j < 0 or j >= len(movable) or not movable[j] or "theme" in out:
        return None
    if not _groups_titles(profiles[j], profiles[i]):
        return None
    out[j] = "theme"
    return "key_area"


def _theme_above(i: int, out: list[str | None], profiles: Sequence[Profile], heading: str,
                 movable: Sequence[bool]) -> str | None:
    """Two columns of titles that both lean to the theme ("Theme area" beside "Pillar"): the one that
    repeats fewer texts groups the other's rows, so it is the theme and the other, whose theme came from
    its cue words alone (`movable`), the key area below it (`out` in place)."""
    j = out.index("theme") if "theme" in out else -1
    if j < 0 or j >= len(movable) or not movable[j] or "key_area" in out or not cue_scores(heading).get("theme"):
        return None
    if not _groups_titles(profiles[i], profiles[j]):
        return None
    out[j] = "key_area"
    return "theme"


def _groups_titles(upper: Profile, lower: Profile) -> bool:
    """Are both columns titles, `upper` repeating clearly fewer of them: a level grouping the other's rows?"""
    return (_title_level(upper) and _title_level(lower)
            and upper.distinct * (1 + DISTINCT_SLACK) < lower.distinct)


def _level_for(i: int, out: Sequence[str | None], profiles: Sequence[Profile], heading: str) -> str | None:
    fitting = _fitting_levels(i, out, profiles)
    lean = cue_scores(heading) if heading else {}
    top = max((lean[f] for f in fitting if lean.get(f)), default=0.0)
    # Cue words torn between levels ("Theme area"): of those, the highest free level.
    leaning = [f for f in fitting if lean.get(f) and top - lean[f] < CUE_MARGIN - 1e-9]
    # Structure alone never makes a column the theme: that takes a heading that says so.
    unled = [f for f in fitting if f != "theme"]
    if heading and not leaning:
        # No cue word leans to a level that fits: the one whose listed headings the heading is most like
        # goes first.
        like = level_likeness(heading)
        unled.sort(key=lambda f: -like.get(f, 0.0))
    choice: list[str | None] = [*leaning, *unled, None]
    return choice[0]


def _fitting_levels(i: int, out: Sequence[str | None], profiles: Sequence[Profile]) -> list[str]:
    """The free levels column i may hold, top down: a level above repeats fewer texts than one below (a
    key area may group the rows as the outcome does, so it is ordered against the theme only); titles
    are a theme or key area, sentences an outcome or objective, whatever the heading says."""
    p = profiles[i]
    taken = {f: profiles[j].distinct for j, f in enumerate(out) if f in LEVELS}
    fitting = [level for k, level in enumerate(LEVELS) if level not in taken
               and all(d <= p.distinct * (1 + DISTINCT_SLACK) for f, d in taken.items()
                       if LEVELS.index(f) < k and _ordered(f, level))
               and all(d * (1 + DISTINCT_SLACK) >= p.distinct for f, d in taken.items()
                       if LEVELS.index(f) > k and _ordered(f, level))]
    titles = _title_level(p)
    return [f for f in fitting if (f in TITLE_LEVELS) == titles]


# Texts a level may count beyond the level below it (or short of the level above): a merged cell cut by a
# page break is two texts, one of them a fragment.
DISTINCT_SLACK = 0.2


def _ordered(a: str, b: str) -> bool:
    return "key_area" not in (a, b) or "theme" in (a, b)


@lru_cache(maxsize=4096)
def level_likeness(heading: str) -> dict[str, float]:
    """Per level of the hierarchy: how like the heading is to the nearest of that level's listed headings
    (schemas/headers.json), 0-100 by shared words."""
    from .headers import synonyms  # headers reads this module's cue words: imported here, not at the top

    table = synonyms()
    return {level: max((fuzz.token_set_ratio(heading, phrase) for phrase, f in table.items() if f == level),
                       default=0.0) for level in LEVELS}


def extra_key(heading: str) -> str:
    """The cell key of a column with no canonical field: its heading as printed."""
    return EXTRA_PREFIX + " ".join(heading.split())
