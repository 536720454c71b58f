"""Pairs -> change records: the change class and flags of each pair (the contract in README "Change
classes" and schemas/diff.schema.json)."""

from __future__ import annotations

from datetime import date
from typing import Sequence, TypedDict

from .match import Pair, norm


class ChangeRecord(TypedDict):
    """One row of the diff Parquet: the columns of schemas/diff.schema.json, in its order, with its types
    (None where the schema says nullable). tests/test_record_types.py checks the two agree."""

    change: str
    flags: list[str]
    old_seq: int | None
    new_seq: int | None
    old_ref: str | None
    new_ref: str | None
    old_action: str | None
    new_action: str | None
    similarity: float | None
    old_rag: str | None
    new_rag: str | None
    old_milestone_end: date | None
    new_milestone_end: date | None
    slip_days: int | None
    old_lead: str | None
    new_lead: str | None
    old_page: int | None
    new_page: int | None
    reason: str

# Status rank for rag_improved / rag_worsened. not_started sits with on_track (a plan that says "not
# started" for a future action is not worse than "on track"); business_as_usual with complete (an action
# that has become everyday work is as far along as it goes). unknown has no rank: no flag.
RANK = {"off_track": 0, "some_issues": 1, "not_started": 2, "on_track": 2, "business_as_usual": 3, "complete": 3}


def is_done(record: dict | None) -> bool:
    return record is not None and record.get("rag") == "complete"


def classify(old: dict | None, new: dict | None) -> str:
    if new is None:
        return "completed" if is_done(old) else "dropped"
    if old is None:
        return "new"
    if is_done(old):
        return "carried" if is_done(new) else "reopened"
    if is_done(new):
        return "completed"
    a, b = old.get("milestone_end"), new.get("milestone_end")
    if a is not None and b is not None:
        if b > a:
            return "slipped"
        if b < a:
            return "brought_forward"
    return "carried"


def _rag_flag(old: dict, new: dict) -> str | None:
    """rag_improved or rag_worsened when both statuses have a rank and the rank moved."""
    a, b = RANK.get(old.get("rag") or ""), RANK.get(new.get("rag") or "")
    if a is None or b is None or a == b:
        return None
    return "rag_improved" if b > a else "rag_worsened"


def _pair_flags(old: dict, new: dict, fan: str | None) -> list[str]:
    """What changed between an action and its counterpart: wording (not for the parts of a split or a
    merge, whose wording differs by nature), status, lead and whether it has a deadline."""
    flags: list[str] = []
    if fan is None and norm(old.get("action")) != norm(new.get("action")):
        flags.append("reworded")
    rag = _rag_flag(old, new)
    if rag is not None:
        flags.append(rag)
    if set(old.get("lead_officers") or []) != set(new.get("lead_officers") or []):
        flags.append("lead_changed")
    if (old.get("milestone_end") is None) != (new.get("milestone_end") is None):
        flags.append("milestone_changed")
    return flags


def _is_overdue(old: dict | None, new: dict | None, new_published: date | None) -> bool:
    """The action (the new version's, else the old one's) was open past its deadline when the new
    version was published."""
    current = new if new is not None else old
    end = current.get("milestone_end") if current else None
    return new_published is not None and end is not None and end < new_published and not is_done(current)


def flags_of(old: dict | None, new: dict | None, fan: str | None, new_published: date | None) -> list[str]:
    flags = _pair_flags(old, new, fan) if old is not None and new is not None else []
    if fan:
        flags.append(fan)
    if _is_overdue(old, new, new_published):
        flags.append("overdue")
    return sorted(flags)


def _ref(r: dict | None) -> str | None:
    if r is None:
        return None
    return r.get("action_ref") or r.get("objective_ref") or r.get("outcome_ref")


def _lead(r: dict | None) -> str | None:
    if r is None:
        return None
    return "; ".join(r.get("lead_officers") or []) or r.get("lead_officer_raw")


def _match_reason(pair: Pair | None, old: dict | None, new: dict | None) -> str:
    """How the action was paired: not at all, as part of a split or merge, by equal text or by similarity."""
    if pair is None or pair.similarity is None:
        return "no counterpart in the new version" if new is None else "no counterpart in the old version"
    if pair.fan == "split" and pair.how == "part":
        return f"part of a split of the old action (similarity {pair.similarity:.2f})"
    if pair.fan == "merged" and pair.how == "part":
        return f"merged into the new action (similarity {pair.similarity:.2f})"
    if old is not None and new is not None and norm(old.get("action")) == norm(new.get("action")):
        return "same action text"
    return f"matched by text and context (similarity {pair.similarity:.2f})"


def _class_reason(change: str, old: dict | None, new: dict | None) -> str | None:
    """Why the pair has its change class, where that needs saying."""
    if change == "completed":
        return "done in the old version, left out of the new" if new is None else "now complete"
    if change == "dropped" and old is not None:
        return f"left out while {old.get('rag_raw') or old.get('rag')}"
    if change in ("slipped", "brought_forward") and old is not None and new is not None:
        return f"deadline {old.get('milestone_raw')} -> {new.get('milestone_raw')}"
    if change == "reopened":
        return "complete in the old version, open in the new"
    return None


def reason_of(change: str, flags: list[str], pair: Pair | None, old: dict | None, new: dict | None) -> str:
    bits = [_match_reason(pair, old, new)]
    why = _class_reason(change, old, new)
    if why is not None:
        bits.append(why)
    if "lead_changed" in flags:
        bits.append(f"lead {_lead(old)} -> {_lead(new)}")
    return "; ".join(bits)


def change_record(pair: Pair | None, old: dict | None, new: dict | None, new_published: date | None) -> ChangeRecord:
    change = classify(old, new, )
    fan = pair.fan if pair else None
    flags = flags_of(old, new, fan, new_published)
    a = old.get("milestone_end") if old else None
    b = new.get("milestone_end") if new else None
    return {
        "change": change,
        "flags": flags,
        "old_seq": old.get("seq") if old else None,
        "new_seq": new.get("seq") if new else None,
        "old_ref": _ref(old),
        "new_ref": _ref(new),
        "old_action": old.get("action") if old else None,
        "new_action": new.get("action") if new else None,
        "similarity": round(pair.similarity, 4) if pair and pair.similarity is not None else None,
        "old_rag": old.get("rag") if old else None,
        "new_rag": new.get("rag") if new else None,
        "old_milestone_end": a,
        "new_milestone_end": b,
        "slip_days": (b - a).days if a is not None and b is not None else None,
        "old_lead": _lead(old),
        "new_lead": _lead(new),
        "old_page": old.get("page_start") if old else None,
        "new_page": new.get("page_start") if new else None,
        "reason": reason_of(change, flags, pair, old, new),
    }


def build_changes(old: Sequence[dict], new: Sequence[dict], pairs: Sequence[Pair], new_published: date | None) -> list[ChangeRecord]:
    """One record per pair, per unpaired old action and per unpaired new action; in old order, new ones
    placed after the old action they follow in the new version."""
    out: list[ChangeRecord] = []
    paired_old = {p.old for p in pairs}
    paired_new = {p.new for p in pairs}
    for p in pairs:
        assert p.old is not None and p.new is not None, "a pair joins an old and a new action"
        out.append(change_record(p, old[p.old], new[p.new], new_published))
    for i, r in enumerate(old):
        if i not in paired_old:
            out.append(change_record(None, r, None, new_published))
    for j, r in enumerate(new):
        if j not in paired_new:
            out.append(change_record(None, None, r, new_published))
    out.sort(key=lambda c: (c["old_seq"] if c["old_seq"] is not None else 10**9, c["new_seq"] or 0))
    return out
