"""Scoring a diff against an answer key (tests and benchmarks): pairing and class accuracy per action.

The answer key (tools/samples/phase2.py) names actions by their seq in the ground truth; extracted
records are first aligned to the ground truth on their action text (tools.scoring.align), so a row the
extractor missed costs only its own actions.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Sequence

from tools.scoring import align


@dataclass
class DiffScore:
    actions: int  # old + new actions of the answer key
    pairing_right: int
    class_right: int
    links: int
    flags_right: int
    errors: list[str] = field(default_factory=list)

    @property
    def pairing_rate(self) -> float:
        return self.pairing_right / self.actions if self.actions else 1.0

    @property
    def class_rate(self) -> float:
        return self.class_right / self.actions if self.actions else 1.0

    @property
    def flags_rate(self) -> float:
        return self.flags_right / self.links if self.links else 1.0

    def summary(self) -> str:
        return (
            f"actions {self.actions}: pairing {self.pairing_right} ({100 * self.pairing_rate:.1f}%), "
            f"class {self.class_right} ({100 * self.class_rate:.1f}%); "
            f"flags exact on {self.flags_right}/{self.links} links ({100 * self.flags_rate:.1f}%)"
        )

    def report(self, n: int = 40) -> str:
        return "\n".join([self.summary()] + self.errors[:n])


def seq_map(truth: Sequence[dict], records: Sequence[dict]) -> dict[int, int]:
    """extracted seq -> ground-truth seq, by aligned action text."""
    out = {}
    for i, j in align(truth, records):
        if i is not None and j is not None:
            out[records[j]["seq"]] = truth[i]["seq"]
    return out


def score_diff(
    changes: Sequence[dict],
    links: Sequence[dict],
    old_truth: Sequence[dict],
    old_records: Sequence[dict],
    new_truth: Sequence[dict],
    new_records: Sequence[dict],
) -> DiffScore:
    om, nm = seq_map(old_truth, old_records), seq_map(new_truth, new_records)
    want_old: dict[int, list] = defaultdict(list)
    want_new: dict[int, list] = defaultdict(list)
    want_flags = {}
    for link in links:
        o, n = link["old_seq"], link["new_seq"]
        if o is not None:
            want_old[o].append((n, link["change"]))
        if n is not None:
            want_new[n].append((o, link["change"]))
        want_flags[(o, n)] = sorted(link["flags"])
    got_old: dict[int, list] = defaultdict(list)
    got_new: dict[int, list] = defaultdict(list)
    got_flags = {}
    for c in changes:
        o = om.get(c["old_seq"]) if c["old_seq"] is not None else None
        n = nm.get(c["new_seq"]) if c["new_seq"] is not None else None
        if o is not None or c["old_seq"] is None:
            if o is not None:
                got_old[o].append((n, c["change"]))
        if n is not None:
            got_new[n].append((o, c["change"]))
        got_flags[(o, n)] = sorted(c["flags"])
    score = DiffScore(len(want_old) + len(want_new), 0, 0, len(want_flags), 0)
    for side, want, got in (("old", want_old, got_old), ("new", want_new, got_new)):
        for seq, w in sorted(want.items()):
            g = got.get(seq, [])
            pair_ok = sorted(x for x, _ in w if True) == sorted(x for x, _ in g) if all(x is not None for x, _ in w + g) else \
                sorted(map(str, (x for x, _ in w))) == sorted(map(str, (x for x, _ in g)))
            class_ok = sorted(c for _, c in w) == sorted(c for _, c in g)
            score.pairing_right += pair_ok
            score.class_right += class_ok
            if not (pair_ok and class_ok):
                score.errors.append(f"  {side} {seq}: want {w}, got {g}")
    for k, f in want_flags.items():
        if got_flags.get(k) == f:
            score.flags_right += 1
        elif k in got_flags:
            score.errors.append(f"  flags {k}: want {f}, got {got_flags[k]}")
    return score
