"""Docs are tested: the README documents every schema column, CLI command and data-issue code."""

from __future__ import annotations

from pipeline.cli import build_parser
from pipeline.quality import CODES
from pipeline.schema import field_names

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_commands():
    head = README[:2000]
    assert "make extract" in head and "make test" in head


def test_readme_documents_every_schema_column():
    missing = [f for f in field_names() if f"`{f}`" not in README]
    assert not missing


def test_readme_documents_every_cli_command():
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    missing = [c for c in sub.choices if f"planpipe {c}" not in README]
    assert not missing


def test_readme_documents_every_data_issue_code():
    missing = [c for c in CODES if f"`{c}`" not in README]
    assert not missing


def test_ci_runs_exactly_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text()
