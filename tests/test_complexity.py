"""No runtime function above cyclomatic complexity 20 (radon grade C at most), as issue 9 states it.

ruff's mccabe rule (C901, max 20 in pyproject.toml) counts differently: it leaves out boolean operators
and comprehensions, so a function it passes can still be grade D or worse in radon. This test measures
with radon itself, the tool the limit is stated in; `make lint` runs the same check
(`radon cc -s -n D pipeline` must print nothing).
"""

from __future__ import annotations

from radon.complexity import cc_rank, cc_visit
from radon.visitors import Class

from .conftest import ROOT

LIMIT = 20


def _blocks(code: str):
    for block in cc_visit(code):
        yield block
        if isinstance(block, Class):
            yield from block.methods


def test_no_runtime_function_is_above_complexity_20():
    over = [
        f"{path.relative_to(ROOT)}:{block.lineno} {block.fullname} {block.complexity} ({cc_rank(block.complexity)})"
        for path in sorted((ROOT / "pipeline").rglob("*.py"))
        for block in _blocks(path.read_text(encoding="utf-8"))
        if block.complexity > LIMIT
    ]
    assert over == [], "split these into small named steps:\n" + "\n".join(over)
