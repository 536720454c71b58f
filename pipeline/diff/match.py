"""Pairing the actions of two versions of a plan: similarity -> optimal one-to-one assignment -> splits
and merges. Refs are not trusted across versions (plans renumber), so actions are matched on their text
with its context.

    similarity_matrix   old x new similarity in [0, 1] (action text, measures, theme, objective, outcome, lead)
    assign              optimal one-to-one pairs (Hungarian algorithm), kept when similar enough
    fan_out             unpaired actions that are part of a split (one old -> several new) or a merge
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.process import cdist

from ..settings import DEFAULT_DIFF_SETTINGS, DiffSettings
from ..textfold import fold_quotes

_PUNCT = re.compile(r"[^\w\s]")
_STOP = frozenset(
    "a an and the of to for in on with by at from as is are be will we our that this it its their they all any "
    "into across within which who where when what how".split()
)


def norm(text: str | None) -> str:
    if not text:
        return ""
    text = fold_quotes(text).replace("&", " and ")
    return " ".join(_PUNCT.sub(" ", text.lower()).split())


def content_words(text: str | None) -> set[str]:
    """Words that carry meaning, crudely stemmed (plural s, -ing, -ed) so 'changes' meets 'change'."""
    out = set()
    for w in norm(text).split():
        if w in _STOP or len(w) < 3:
            continue
        for suffix in ("ing", "ed", "es", "s"):
            if w.endswith(suffix) and len(w) - len(suffix) >= 4:
                w = w[: -len(suffix)]
                break
        out.add(w)
    return out


def coverage(part: str | None, whole: str | None) -> float:
    """Share of `part`'s content words found in `whole`."""
    p, w = content_words(part), content_words(whole)
    return len(p & w) / len(p) if p else 0.0


def _field_texts(records: Sequence[dict], field: str) -> list[str]:
    if field == "measures":
        return [norm(" ".join(r.get("measures") or [])) for r in records]
    if field == "lead":
        return [norm(r.get("lead_officer_raw")) for r in records]
    return [norm(r.get(field)) for r in records]


def _text_similarity(a: list[str], b: list[str]) -> np.ndarray:
    """Mean of token-sort (penalises extra words) and token-set (forgives them) ratios, in [0, 1]."""
    if not a or not b:
        return np.zeros((len(a), len(b)))
    sort = cdist(a, b, scorer=fuzz.token_sort_ratio, dtype=np.float64)
    tset = cdist(a, b, scorer=fuzz.token_set_ratio, dtype=np.float64)
    return (sort + tset) / 200.0


def field_similarities(old: Sequence[dict], new: Sequence[dict],
                       settings: DiffSettings = DEFAULT_DIFF_SETTINGS) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """field -> (similarity matrix, mask of pairs where both sides have the field)."""
    out = {}
    for f in settings.weights:
        a, b = _field_texts(old, f), _field_texts(new, f)
        sim = _text_similarity(a, b)
        mask = np.outer(np.array([bool(x) for x in a]), np.array([bool(x) for x in b]))
        out[f] = (sim, mask)
    return out


def similarity_matrix(old: Sequence[dict], new: Sequence[dict],
                      settings: DiffSettings = DEFAULT_DIFF_SETTINGS) -> tuple[np.ndarray, np.ndarray]:
    """(combined similarity, action-text similarity), each old x new: the fields' similarities weighted
    by `settings.weights`, renormalised over the fields both sides have."""
    parts = field_similarities(old, new, settings)
    total = np.zeros((len(old), len(new)))
    weight = np.zeros((len(old), len(new)))
    for f, w in settings.weights.items():
        sim, mask = parts[f]
        total += w * sim * mask
        weight += w * mask
    combined = np.divide(total, weight, out=np.zeros_like(total), where=weight > 0)
    return combined, parts["action"][0]


# --- the Hungarian algorithm ----------------------------------------------------------------------------------
def hungarian(cost: np.ndarray) -> list[tuple[int, int]]:
    """Minimum-cost assignment of a rectangular matrix: pairs (row, column), min(n, m) of them.

    The shortest-augmenting-path form with potentials (O(n^2 m)); scipy's linear_sum_assignment does the
    same, but scipy is not a dependency.
    """
    cost = np.asarray(cost, dtype=np.float64)
    transposed = cost.shape[0] > cost.shape[1]
    if transposed:
        cost = cost.T
    n, m = cost.shape
    if n == 0:
        return []
    u = np.zeros(n + 1)
    v = np.zeros(m + 1)
    p = np.zeros(m + 1, dtype=np.int64)  # p[j]: row assigned to column j (1-based), 0 = none
    way = np.zeros(m + 1, dtype=np.int64)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = np.full(m + 1, np.inf)
        used = np.zeros(m + 1, dtype=bool)
        while True:
            used[j0] = True
            i0 = p[j0]
            free = ~used[1:]
            cur = cost[i0 - 1] - u[i0] - v[1:]
            better = free & (cur < minv[1:])
            minv[1:][better] = cur[better]
            way[1:][better] = j0
            cand = np.where(free, minv[1:], np.inf)
            j1 = int(np.argmin(cand)) + 1
            delta = cand[j1 - 1]
            used_idx = np.nonzero(used)[0]
            u[p[used_idx]] += delta
            v[used_idx] -= delta
            minv[1:][free] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    pairs = [(int(p[j]) - 1, j - 1) for j in range(1, m + 1) if p[j] != 0]
    if transposed:
        pairs = [(j, i) for i, j in pairs]
    return sorted(pairs)


@dataclass(frozen=True)
class Pair:
    old: int | None  # index into the old records
    new: int | None
    similarity: float | None
    fan: str | None = None  # "split" or "merged"
    how: str = ""


def assign(sim: np.ndarray, text_sim: np.ndarray, settings: DiffSettings = DEFAULT_DIFF_SETTINGS) -> list[tuple[int, int]]:
    """One-to-one pairs that maximise total similarity, kept when similar enough (`settings.match_min`,
    or `settings.text_match_min` on the action text alone)."""
    if sim.size == 0:
        return []
    pairs = hungarian(1.0 - sim)
    return [(i, j) for i, j in pairs if sim[i, j] >= settings.match_min or text_sim[i, j] >= settings.text_match_min]


def fan_out(
    old: Sequence[dict], new: Sequence[dict], sim: np.ndarray, pairs: list[tuple[int, int]],
    settings: DiffSettings = DEFAULT_DIFF_SETTINGS,
) -> list[Pair]:
    """Pairs plus splits and merges among the actions the one-to-one assignment left unpaired.

    An unpaired new action is part of a split of a paired old action when its words are mostly the old
    action's and it supplies words of the old action that the old action's partner lacks; of several such
    old actions, the most similar wins. An unpaired old action is part of a merge by the mirror rule.
    """
    old_to_new = {i: j for i, j in pairs}
    new_to_old = {j: i for i, j in pairs}
    # Splits first, then merges: the order the parts are listed in the output.
    extra = _parts_of(new, old, old_to_new, sim.T, "split", settings) + [
        (i, j, kind) for j, i, kind in _parts_of(old, new, new_to_old, sim, "merged", settings)
    ]
    split_old = {i for i, _, k in extra if k == "split"}
    merged_new = {j for _, j, k in extra if k == "merged"}
    out = []
    for i, j in pairs:
        fan = "split" if i in split_old else "merged" if j in merged_new else None
        out.append(Pair(i, j, float(sim[i, j]), fan, "matched"))
    for i, j, kind in extra:
        out.append(Pair(i, j, float(sim[i, j]), kind, "part"))
    return out


def _parts_of(
    parts: Sequence[dict], wholes: Sequence[dict], partner_of: dict[int, int], sim: np.ndarray, kind: str,
    settings: DiffSettings,
) -> list[tuple[int, int, str]]:
    """(whole, part, kind) for every unpaired action of `parts` that is a piece of a paired action of
    `wholes`; `sim[p, w]` is the similarity of part p and whole w, `partner_of` maps a paired whole to its
    partner among `parts`. Of several candidate wholes, the most similar wins."""
    paired = set(partner_of.values())
    found: list[tuple[int, int, str]] = []
    for p in range(len(parts)):
        if p in paired:
            continue
        candidates = [w for w in partner_of if _is_part(parts[p], wholes[w], parts[partner_of[w]], sim[p, w], settings)]
        if candidates:
            found.append((max(candidates, key=lambda w: sim[p, w]), p, kind))
    return found


def _is_part(part: dict, whole: dict, partner: dict, similarity: float, settings: DiffSettings) -> bool:
    """Is `part` a piece of `whole`, beside `whole`'s already paired `partner`? It is as similar to the
    whole as a pair, repeats the whole's words, and adds words of the whole the partner lacks (a look-alike
    action that repeats words the partner already has adds nothing)."""
    if similarity < settings.part_similarity_min:
        return False
    if coverage(part.get("action"), whole.get("action")) < settings.part_coverage_min:
        return False
    return any(_gain(part, whole, partner, f) >= settings.part_gain_min for f in ("action", "measures"))


def _gain(part: dict, whole: dict, partner: dict, field: str) -> float:
    """How much more of `whole`'s field (its content words) `partner` and `part` cover than `partner` alone."""
    def words(r: dict) -> set[str]:
        value = r.get(field)
        return content_words(" ".join(value) if isinstance(value, list) else value)

    target = words(whole)
    if not target:
        return 0.0
    before = words(partner) & target
    after = (words(partner) | words(part)) & target
    return (len(after) - len(before)) / len(target)
