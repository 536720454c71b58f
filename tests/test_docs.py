"""Docs are tested: the README's generated blocks (command line, data-issue codes, every schema's
columns, the tolerance table) equal, character for character, what the code produces today."""

from __future__ import annotations

import pytest

from tools import readme

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_commands():
    head = README[:2000]
    assert "make extract" in head and "make test" in head


def test_readme_has_every_generated_block():
    assert sorted(readme.blocks(README)) == sorted(readme.GENERATORS)


@pytest.mark.parametrize("name", sorted(readme.GENERATORS))
def test_generated_block_equals_what_the_code_says(name):
    fresh = readme.blocks(readme.render(README))[name]
    assert readme.blocks(README)[name] == fresh, f"README block {name!r} is stale: run python -m tools.readme"


def test_ci_runs_exactly_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_architecture_doc_names_a_module_that_exists_for_every_stage():
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    import re

    modules = re.findall(r"`(pipeline/[\w/]+\.py|pipeline/[\w/]+/)`", text)
    assert modules, "docs/architecture.md names no module"
    missing = [m for m in modules if not (ROOT / m).exists()]
    assert not missing
