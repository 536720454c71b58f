"""docs/recipes.md is run: every pandas and DuckDB block, on the bundled pair laid out as `make extract`
and `make diff` lay it out, and the two answers of each question agree with each other and with
planpipe's own figures."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest

from .conftest import BUNDLED_DIFF, ROOT

duckdb = pytest.importorskip("duckdb")
pd = pytest.importorskip("pandas")

RECIPES = (ROOT / "docs" / "recipes.md").read_text(encoding="utf-8")


def recipes() -> dict[str, dict[str, str]]:
    """{question heading: {"python": code, "sql": code}} in document order."""
    out: dict[str, dict[str, str]] = {}
    for section in re.split(r"^## ", RECIPES, flags=re.M)[1:]:
        title = section.splitlines()[0].strip()
        blocks = dict(re.findall(r"```(python|sql)\n(.*?)```", section, flags=re.S))
        out[title] = blocks
    return out


@pytest.fixture(scope="module")
def answers(processed, tmp_path_factory):
    """Each recipe's (pandas answer, DuckDB answer), run with the folder holding data/processed as cwd."""
    import os

    here = os.getcwd()
    os.chdir(processed.parent.parent)
    try:
        got = {}
        for title, blocks in recipes().items():
            scope: dict = {}
            exec(compile(blocks["python"], f"docs/recipes.md: {title}", "exec"), scope)  # noqa: S102
            got[title] = (scope["answer"], duckdb.sql(blocks["sql"]).df())
        return got
    finally:
        os.chdir(here)


def test_every_question_has_a_pandas_and_a_duckdb_recipe():
    found = recipes()
    assert len(found) == 4
    assert all(set(b) == {"python", "sql"} for b in found.values())


def _rows(frame) -> list[tuple]:
    def norm(v):
        if v is None or (isinstance(v, float) and v != v) or v is pd.NaT:
            return None
        if isinstance(v, datetime):  # DuckDB gives dates as Timestamps, pandas as dates
            return v.date()
        return v.item() if hasattr(v, "item") else v

    return [tuple(norm(v) for v in row) for row in frame.itertuples(index=False)]


@pytest.mark.parametrize("n", range(4))
def test_pandas_and_duckdb_give_the_same_answer(answers, n):
    title = list(answers)[n]
    py, sql = answers[title]
    assert list(py.columns) == list(sql.columns), title
    assert _rows(py) == _rows(sql), title
    assert len(py) > 0, f"{title}: the bundled pair should give an answer"


def test_overdue_recipe_agrees_with_the_extract_report(answers, processed):
    from pipeline.html_report import overdue
    from pipeline.parquet import read_table

    py, _ = answers["1. Which actions are overdue?"]
    expected = 0
    for pid, published in (("sefton-phase1-2022", date(2022, 9, 30)), ("sefton-phase2-2023", date(2023, 1, 31))):
        expected += len(overdue(read_table(processed / f"{pid}.parquet").to_pylist(), published))
    assert len(py) == expected


def test_dropped_recipe_agrees_with_the_diff_counts(answers, processed):
    from pipeline.parquet import read_table

    rows = read_table(processed / BUNDLED_DIFF / "diff.parquet").to_pylist()
    py, _ = answers["3. What was dropped while it was still open?"]
    assert len(py) == sum(r["change"] == "dropped" for r in rows)


def test_measure_recipe_finds_the_actions_planpipe_links_to_the_measure(answers, processed):
    from pipeline.parquet import read_table
    from pipeline.report import actions_for_refs

    measures = read_table(processed / "measures" / "sefton-phase1-2022.parquet").to_pylist()
    old = read_table(processed / "sefton-phase1-2022.parquet").to_pylist()
    acts = actions_for_refs(next(m for m in measures if m["seq"] == 1)["refs"], old)
    py, _ = answers["4. What changed for one Ofsted measure?"]
    assert sorted(set(py["seq"])) == sorted(a["seq"] for a in acts)
