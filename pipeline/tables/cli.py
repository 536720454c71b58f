"""The body of `planpipe tables PDF [PDF ...] [--format json|csv] [--out FILE] [--password PW]`.

`tables_command` returns the text to print or write; the CLI (pipeline/cli.py) owns argument parsing,
printing, `Error: ...` messages and exit codes. Library errors (PlanpipeError) propagate unchanged.
Each PDF is read in a child process within a time budget and a memory limit (pipeline.batch), so a
PDF that makes the parser spin or balloon stops with an error naming the limit.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Sequence

from ..errors import PlanpipeError
from ..text_contract import clean_text
from . import tables_from_pdf, to_csv, to_dicts

FORMATS = ("json", "csv")


def _render(path: str | os.PathLike, fmt: str, source: str | None, password: str | None):
    """One PDF's tables as JSON dicts or a CSV block (run inside the limited child process)."""
    tables = tables_from_pdf(path, password=password)
    return to_dicts(tables, source) if fmt == "json" else to_csv(tables, source)


def tables_command(
    paths: Sequence[str | os.PathLike], fmt: str = "json", out: str | os.PathLike | None = None,
    password: str | None = None, budget: float | None = None, max_memory_mb: int | None = None,
) -> str:
    """Find the tables of every PDF in `paths` and render them as `fmt` (json or csv).

    With one PDF, JSON is an array of tables; with several, every table carries a `source` field (the
    path as given). CSV writes one block per table, headed by `# [source, ]table N, page P`. When
    `out` is given the text is also written there (through a temporary file renamed into place, so an
    existing file is never half-overwritten). `budget` (seconds) and `max_memory_mb` bound each PDF
    (None: no limit, in this process). Returns the text.
    """
    from ..batch import Limits, call_limited

    if fmt not in FORMATS:
        raise PlanpipeError(f"unknown format {fmt!r}; use one of: {', '.join(FORMATS)}")
    if not paths:
        raise PlanpipeError("no PDF given; pass at least one PDF file")
    several = len(paths) > 1
    parts: list[str] = []
    dicts: list[dict] = []
    limited = budget is not None or max_memory_mb is not None
    for p in paths:
        source = str(p) if several else None
        args = (p, fmt, source, password)
        result = call_limited(_render, args, str(p), Limits(budget, max_memory_mb)) if limited else _render(*args)
        if fmt == "json":
            dicts.extend(result)
        elif result:
            parts.append(result)
    text = json.dumps(dicts, ensure_ascii=False, indent=1) + "\n" if fmt == "json" else "\n".join(parts)
    text = clean_text(text)  # the output-text contract (pipeline.text_contract)
    if out is not None:
        from ..parquet import commit_files

        target = Path(out)
        commit_files(target.parent, [(target.name, text.encode("utf-8"))])
    return text
