"""What changed between two versions of a plan: two record sets -> change records.

    >>> result = diff_plans(old_records, new_records, old_meta, new_meta)
    >>> result.counts()            # {"carried": 60, "completed": 38, ...}
    >>> result.changes[0]          # one dict per row of schemas/diff.schema.json

Stages (each kept on the DiffResult): similarity matrix (match.similarity_matrix) -> optimal one-to-one
pairs (match.assign) -> splits and merges (match.fan_out) -> change class and flags per pair
(changes.build_changes). Refs are never used to pair actions; they are reported as printed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Sequence

import numpy as np

from .changes import RANK, ChangeRecord, build_changes, classify, flags_of
from ..settings import DEFAULT_DIFF_SETTINGS, DiffSettings
from .match import Pair, assign, fan_out, similarity_matrix

CHANGE_CLASSES = ("completed", "slipped", "brought_forward", "dropped", "new", "carried", "reopened")
FLAGS = ("reworded", "rag_improved", "rag_worsened", "lead_changed", "milestone_changed", "split", "merged", "overdue")


@dataclass
class DiffResult:
    old_meta: dict
    new_meta: dict
    old: list[dict]
    new: list[dict]
    similarity: np.ndarray
    pairs: list[Pair]
    changes: list[ChangeRecord] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        out = {c: 0 for c in CHANGE_CLASSES}
        for c in self.changes:
            out[c["change"]] += 1
        return out

    def metadata(self) -> dict:
        """The Parquet metadata naming both sources."""
        meta = {}
        for side, m in (("old", self.old_meta), ("new", self.new_meta)):
            meta[f"{side}_source_id"] = m.get("source_id")
            meta[f"{side}_source_sha256"] = m.get("source_sha256")
            if m.get("published"):
                meta[f"{side}_published"] = str(m["published"])
        return meta

    def to_table(self):
        from ..parquet import to_table

        return to_table(self.changes, "diff", self.metadata())


def _published(meta: dict) -> date | None:
    value = meta.get("published")
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def diff_plans(
    old_records: Sequence[dict], new_records: Sequence[dict], old_meta: dict | None = None, new_meta: dict | None = None,
    settings: DiffSettings = DEFAULT_DIFF_SETTINGS,
) -> DiffResult:
    """Change records between two versions. `*_meta`: `source_id`, `source_sha256` and, for overdue
    flags, the new version's `published` date (a date or ISO string). `settings`: the pairing tolerances."""
    old_meta, new_meta = dict(old_meta or {}), dict(new_meta or {})
    old, new = list(old_records), list(new_records)
    sim, text_sim = similarity_matrix(old, new, settings)
    pairs = fan_out(old, new, sim, assign(sim, text_sim, settings), settings)
    changes = build_changes(old, new, pairs, _published(new_meta))
    return DiffResult(old_meta, new_meta, old, new, sim, pairs, changes)


__all__ = ["CHANGE_CLASSES", "FLAGS", "RANK", "ChangeRecord", "DiffResult", "classify", "diff_plans", "flags_of"]
