"""`python -m tools.kent`: score planpipe on Kent's real action plan against its cell-by-cell answer key.

The PDF and its key are in ../shared/corpus/council/ (README.md there says where they come from and
how the key was made). An extracted action is matched to a key action by its action text (whitespace
collapsed); then lead officer, timescale and measures (compared as one text) are checked exactly, and
Shared Outcome (as a set of tokens) against the `extra` column. Rows from the indicator pages and
rows matching no key action are extras.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parent.parent
COUNCIL = ROOT.parent / "shared" / "corpus" / "council"
PDF = COUNCIL / "kent-2025-01-ics-priorities-and-actions.pdf"
KEY = COUNCIL / "kent-2025-01-ics-priorities-and-actions.answer.json"
FIELDS = ("action", "lead_officer", "milestone", "measures")


def norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").replace("\u2019", "'")).strip()


@dataclass
class KentScore:
    key_actions: int
    found: int = 0
    extra: list[str] = field(default_factory=list)
    right: dict[str, int] = field(default_factory=dict)
    exact_rows: int = 0
    shared_outcome_in_extra: int = 0
    indicator_rows: int = 0
    misses: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"actions found: {self.found}/{self.key_actions}; extra rows: {len(self.extra)} "
               f"(from indicator pages: {self.indicator_rows})"]
        out += [f"  {f}: {self.right.get(f, 0)}/{self.found} exact" for f in FIELDS]
        out.append(f"  rows exact in all four: {self.exact_rows}/{self.found}")
        out.append(f"  Shared Outcome in extra: {self.shared_outcome_in_extra}/{self.found}")
        return out


def _got(record: dict, fld: str) -> str:
    if fld == "lead_officer":
        return norm(record.get("lead_officer_raw"))
    if fld == "milestone":
        return norm(record.get("milestone_raw"))
    if fld == "measures":
        return norm(" ".join(record.get("measures") or []))
    return norm(record.get(fld))


def _want(action: dict, fld: str) -> str:
    if fld == "measures":
        return norm(" ".join(action.get("measures") or []))
    return norm(action.get(fld))


def score(records: list[dict], key: dict) -> KentScore:
    actions = [a for a in key["actions"] if "sub_row_of" not in a]
    sub_rows = {norm(a["action"]) for a in key["actions"] if "sub_row_of" in a}
    indicator_pages = {n["page"] for n in key["not_actions"] if n.get("what") == "indicator table"}
    result = KentScore(len(actions))
    unmatched = list(actions)
    for rec in records:
        text = norm(rec.get("action"))
        best = max(unmatched, key=lambda a: fuzz.ratio(norm(a["action"]), text), default=None)
        if best is None or fuzz.ratio(norm(best["action"]), text) < 90:
            if text in sub_rows:
                continue  # the key allows the service sub-rows as rows of their own
            result.extra.append(f"p{rec.get('page_start')}: {text[:80]}")
            result.indicator_rows += rec.get("page_start") in indicator_pages
            continue
        unmatched.remove(best)
        result.found += 1
        ok = [f for f in FIELDS if _got(rec, f) == _want(best, f)]
        for f in ok:
            result.right[f] = result.right.get(f, 0) + 1
        result.exact_rows += len(ok) == len(FIELDS)
        if len(ok) < len(FIELDS):
            bad = [f for f in FIELDS if f not in ok]
            result.misses.append(f"seq {best['seq']} p{best['page']}: " + "; ".join(
                f"{f}: got {_got(rec, f)[:60]!r} want {_want(best, f)[:60]!r}" for f in bad))
        extra = rec.get("extra") or {}
        values = dict(extra) if not isinstance(extra, dict) else extra
        so = next((v for k, v in values.items() if "outcome" in k.lower()), None)
        tokens = lambda s: set(re.findall(r"\w+", (s or "").upper()))  # noqa: E731
        result.shared_outcome_in_extra += so is not None and tokens(so) == tokens(best.get("shared_outcome"))
    result.misses += [f"missed seq {a['seq']} p{a['page']}: {norm(a['action'])[:80]}" for a in unmatched]
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tools.kent", description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=20, help="misses to print")
    args = ap.parse_args(argv)
    from pipeline.errors import PlanpipeError
    from pipeline.extraction import extract_pdf

    key = json.loads(KEY.read_text(encoding="utf-8"))
    try:
        records = extract_pdf(PDF, published=None).records
    except PlanpipeError as exc:
        print(f"extraction failed: {exc}")
        records = []
    result = score(records, key)
    print("\n".join(result.lines()))
    for line in (result.misses + result.extra)[: args.n]:
        print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
