"""Where planpipe writes each output of a publication, in one place.

`DIR/<stem>.parquet` holds the actions (the contract), so `read_parquet('DIR/*.parquet')` in DuckDB or
pandas reads actions and nothing else. Every other table lives in a sub-folder that glob does not reach:
the inspection measures at `DIR/measures/<stem>.parquet`. The quality report (`<stem>.report.json`) and
the page a person opens (`<stem>.html`) sit beside the actions.
"""

from __future__ import annotations

from pathlib import Path

MEASURES_DIR = "measures"


def actions_path(out_dir: str | Path, stem: str) -> Path:
    return Path(out_dir) / f"{stem}.parquet"


def report_path(out_dir: str | Path, stem: str) -> Path:
    return Path(out_dir) / f"{stem}.report.json"


def html_path(out_dir: str | Path, stem: str) -> Path:
    return Path(out_dir) / f"{stem}.html"


def measures_path(out_dir: str | Path, stem: str) -> Path:
    return Path(out_dir) / MEASURES_DIR / f"{stem}.parquet"


def legacy_measures_path(out_dir: str | Path, stem: str) -> Path:
    """Where planpipe 0.1 wrote the measures (beside the actions, caught by the `*.parquet` glob)."""
    return Path(out_dir) / f"{stem}.measures.parquet"


def measures_for(actions: str | Path) -> Path | None:
    """The measures table extracted with the actions file `actions`, wherever a version put it."""
    actions = Path(actions)
    for p in (measures_path(actions.parent, actions.stem), legacy_measures_path(actions.parent, actions.stem)):
        if p.exists():
            return p
    return None
