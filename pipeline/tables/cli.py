"""The body of `planpipe tables PDF [PDF ...] [--format json|csv] [--out FILE] [--password PW]`.

`tables_command` returns the text to print or write; the CLI (pipeline/cli.py) owns argument parsing,
printing, `Error: ...` messages and exit codes. Library errors (PlanpipeError) propagate unchanged.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Sequence

from ..errors import PlanpipeError
from ..text_contract import clean_text
from . import tables_from_pdf, to_csv, to_dicts

FORMATS = ("json", "csv")


def tables_command(
    paths: Sequence[str | os.PathLike], fmt: str = "json", out: str | os.PathLike | None = None,
    password: str | None = None,
) -> str:
    """Find the tables of every PDF in `paths` and render them as `fmt` (json or csv).

    With one PDF, JSON is an array of tables; with several, every table carries a `source` field (the
    path as given). CSV writes one block per table, headed by `# [source, ]table N, page P`. When
    `out` is given the text is also written there (through a temporary file renamed into place, so an
    existing file is never half-overwritten). Returns the text.
    """
    if fmt not in FORMATS:
        raise PlanpipeError(f"unknown format {fmt!r}; use one of: {', '.join(FORMATS)}")
    if not paths:
        raise PlanpipeError("no PDF given; pass at least one PDF file")
    several = len(paths) > 1
    parts: list[str] = []
    dicts: list[dict] = []
    for p in paths:
        tables = tables_from_pdf(p, password=password)
        source = str(p) if several else None
        if fmt == "json":
            dicts.extend(to_dicts(tables, source))
        else:
            block = to_csv(tables, source)
            if block:
                parts.append(block)
    text = json.dumps(dicts, ensure_ascii=False, indent=1) + "\n" if fmt == "json" else "\n".join(parts)
    text = clean_text(text)  # the output-text contract (pipeline.text_contract)
    if out is not None:
        target = Path(out)
        fd, tmp = tempfile.mkstemp(dir=target.parent if str(target.parent) else ".", prefix=f".{target.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    return text
