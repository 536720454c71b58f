"""Score the extractor on the constructed layouts: ``python -m tools.samples.check [NAME ...] [-n N]``.

For each tests/fixtures/layout-<name>.pdf: actions found, extra rows, per-field exact rates against its
answer key (tools.scoring.score), then the first N mismatches with the page the action is printed on.
Exit code 0 when every layout meets the bar of tests/test_layouts.py, 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field

from pipeline.errors import PlanpipeError
from tools.scoring import Score, align, norm, score

# The bar tests/test_layouts.py holds every layout to.
MIN_FOUND_RATE = 0.98
MIN_FIELD_RATE = 0.97


@dataclass
class LayoutResult:
    name: str
    score: Score | None
    key: list[dict]
    records: list[dict] = field(default_factory=list)
    error: str | None = None

    @property
    def passed(self) -> bool:
        s = self.score
        return (
            s is not None
            and s.found_rate >= MIN_FOUND_RATE
            and s.extra == 0
            and all(s.field_rate(f) >= MIN_FIELD_RATE for f in s.fields)
        )


def scored_fields(key: list[dict]) -> list[str]:
    """Every compared field of the key: the printed ones and the null ones (nothing may be invented)."""
    return [f for f in key[0] if f not in ("seq", "page_start", "page_end")]


def check_layout(name: str) -> LayoutResult:
    from pipeline.extraction import extract_pdf
    from tools.samples.layouts import load_key, pdf_path

    key = load_key(name)
    try:
        ex = extract_pdf(pdf_path(name))
    except PlanpipeError as exc:
        return LayoutResult(name, None, key, error=str(exc))
    return LayoutResult(name, score(key, ex.records, scored_fields(key)), key, ex.records)


def _short(value, width: int = 90) -> str:
    text = repr(value)
    return text if len(text) <= width else text[: width - 3] + "..."


def failure_lines(result: LayoutResult) -> list[str]:
    """Every failure, one line each: missing actions, extra rows, then field mismatches of found actions."""
    key, got = result.key, result.records
    fields = result.score.fields
    out = []
    for i, j in align(key, got):
        if j is None:
            k = key[i]
            out.append(f"  page {k['page_start']} seq {k['seq']}: action not found: {_short(k['action'], 70)}")
        elif i is None:
            g = got[j]
            out.append(f"  page {g['page_start']}: extra row: action {_short(g['action'], 70)}")
        else:
            k, g = key[i], got[j]
            for f in fields:
                want, have = norm(k.get(f)), norm(g.get(f))
                if f == "measures":
                    want, have = want or [], have or []
                if want != have:
                    out.append(f"  page {k['page_start']} seq {k['seq']} {f}: want {_short(want)} got {_short(have)}")
    return out


def main(argv: list[str] | None = None) -> int:
    from tools.samples.layouts import NAMES

    parser = argparse.ArgumentParser(prog="python -m tools.samples.check", description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", metavar="NAME", help=f"any of {', '.join(NAMES)} (default: all)")
    parser.add_argument("-n", type=int, default=10, help="mismatches to show per layout (default 10)")
    args = parser.parse_args(argv)
    unknown = [n for n in args.names if n not in NAMES]
    if unknown:
        parser.error(f"unknown layout {', '.join(unknown)}; use any of {', '.join(NAMES)}")
    ok = True
    for name in args.names or NAMES:
        result = check_layout(name)
        print(f"== layout-{name}")
        if result.error:
            print(f"  extraction failed: {result.error}")
            ok = False
            continue
        print(result.score.table())
        lines = failure_lines(result)
        print("\n".join(lines[: args.n]))
        if len(lines) > args.n:
            print(f"  ... {len(lines) - args.n} more")
        ok &= result.passed
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
