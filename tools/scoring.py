"""Scoring extracted records against an answer key: the same code for tests and `make bench`.

Rows are aligned on their whitespace-normalised action text (difflib), so one missing or extra row
does not shift every comparison after it. Fields compare after whitespace normalisation.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

_WS = re.compile(r"[ \t\u00a0]+")

# Fields an answer key may hold, compared as printed.
TEXT_FIELDS = (
    "theme_ref",
    "theme",
    "outcome_ref",
    "outcome",
    "objective_ref",
    "objective",
    "action_ref",
    "action",
    "measures",
    "lead_officer_raw",
    "rag_raw",
    "milestone_raw",
    "detailed_action_plan",
    "key_area",
    "inherited",
)


def norm(value):
    """Whitespace-normalised value: spaces collapsed within lines, lines stripped, lists item-wise."""
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        return [norm(v) for v in value]
    if isinstance(value, str):
        lines = [_WS.sub(" ", ln).strip() for ln in value.split("\n")]
        text = "\n".join(ln for ln in lines if ln)
        return text or None
    return value


def _cmp_value(fld: str, value):
    v = norm(value)
    if fld == "inherited":
        return sorted(v or [])
    if fld == "measures":
        return [m for m in (v or []) if m]
    return v


@dataclass
class Score:
    expected: int
    found: int  # answer-key rows matched to an extracted row
    extra: int  # extracted rows matched to no answer-key row
    fields: list[str]
    field_exact: dict[str, int] = field(default_factory=dict)
    rows_exact: int = 0
    mismatches: list[tuple[int, str, object, object]] = field(default_factory=list)  # (key seq, field, want, got)

    def field_rate(self, fld: str) -> float:
        return self.field_exact.get(fld, 0) / self.expected if self.expected else 1.0

    @property
    def row_rate(self) -> float:
        return self.rows_exact / self.expected if self.expected else 1.0

    @property
    def found_rate(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    def table(self) -> str:
        lines = [f"rows: expected {self.expected}, found {self.found}, extra {self.extra}, exact {self.rows_exact}"]
        for f in self.fields:
            lines.append(f"  {f:<22} {self.field_exact.get(f, 0):>4}/{self.expected}  {100 * self.field_rate(f):6.2f}%")
        return "\n".join(lines)

    def first_mismatches(self, n: int = 15) -> str:
        out = []
        for seq, f, want, got in self.mismatches[:n]:
            out.append(f"  seq {seq} {f}:\n    want {want!r}\n    got  {got!r}")
        return "\n".join(out)


def align(expected: Sequence[dict], got: Sequence[dict]) -> list[tuple[int | None, int | None]]:
    """Pairs (index in expected, index in got) aligned on action text; None where a side has no row."""
    a = [norm(r.get("action")) or "" for r in expected]
    b = [norm(r.get("action")) or "" for r in got]
    sm = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    pairs: list[tuple[int | None, int | None]] = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            pairs.extend(zip(range(i1, i2), range(j1, j2)))
        elif tag == "replace":
            n = min(i2 - i1, j2 - j1)
            pairs.extend(zip(range(i1, i1 + n), range(j1, j1 + n)))
            pairs.extend((i, None) for i in range(i1 + n, i2))
            pairs.extend((None, j) for j in range(j1 + n, j2))
        elif tag == "delete":
            pairs.extend((i, None) for i in range(i1, i2))
        else:
            pairs.extend((None, j) for j in range(j1, j2))
    return pairs


def score(expected: Sequence[dict], got: Sequence[dict], fields: Sequence[str] | None = None) -> Score:
    """Per-field exact rates of `got` against the answer key `expected` (canonical field names)."""
    if fields is None:
        fields = [f for f in TEXT_FIELDS if expected and f in expected[0]]
    result = Score(expected=len(expected), found=0, extra=0, fields=list(fields))
    for i, j in align(expected, got):
        if i is None:
            result.extra += 1
            continue
        if j is None:
            for f in fields:
                result.mismatches.append((expected[i].get("seq", i + 1), f, expected[i].get(f), None))
            continue
        result.found += 1
        exact = True
        for f in fields:
            want, have = _cmp_value(f, expected[i].get(f)), _cmp_value(f, got[j].get(f))
            if want == have:
                result.field_exact[f] = result.field_exact.get(f, 0) + 1
            else:
                exact = False
                result.mismatches.append((expected[i].get("seq", i + 1), f, want, have))
        result.rows_exact += exact
    return result


def sefton_answer_key(path: str | Path) -> list[dict]:
    """The transcribed Sefton Phase 1 plan as an answer key in canonical field names."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    themes = {t["priority"]: t for t in data["themes"]}
    key = []
    for a in data["actions"]:
        heading = themes[a["priority"]]["heading"]
        title = re.sub(r"^Priority\s+\d+\s*[\u2013\-:]\s*", "", heading)
        key.append(
            {
                "seq": a["seq"],
                "theme_ref": str(a["priority"]),
                "theme": title,
                "outcome_ref": a["outcome_ref"],
                "outcome": a["outcome"],
                "objective_ref": a["objective_ref"],
                "objective": a["objective"],
                "action": a["action"],
                "measures": a["measures"],
                "lead_officer_raw": a["lead_officer"],
                "rag_raw": a["rag"],
                "milestone_raw": a["milestone"],
                "detailed_action_plan": a["detailed_action_plan"],
                "inherited": a["merged_from_above"],
            }
        )
    return key
