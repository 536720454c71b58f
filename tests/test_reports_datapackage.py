"""data/processed/datapackage.json (Frictionless Data Package 2.0): every output listed with its schema,
size, sha256 and publication; checked structurally, and by frictionless-py where it is installed."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest

from pipeline.datapackage import check, table_schema
from pipeline.schema import field_names

from .conftest import BUNDLED_DIFF


@pytest.fixture(scope="module")
def package(processed):
    return json.loads((processed / "datapackage.json").read_text(encoding="utf-8"))


def test_every_output_is_listed_and_matches_its_file(package, processed):
    assert check(package, processed) == []
    paths = {r["path"] for r in package["resources"]}
    assert {"sefton-phase1-2022.parquet", "sefton-phase2-2023.parquet", "measures/sefton-phase1-2022.parquet",
            f"{BUNDLED_DIFF}/diff.parquet", "sefton-phase1-2022.html", "sefton-phase1-2022.report.json",
            f"{BUNDLED_DIFF}/diff.html"} <= paths


def test_tables_carry_their_schema_and_publication(package, processed):
    by_path = {r["path"]: r for r in package["resources"]}
    actions = by_path["sefton-phase1-2022.parquet"]
    assert [f["name"] for f in actions["schema"]["fields"]] == field_names("actions")
    assert actions["sources"][0]["title"].startswith("Sefton Council: Children’s Improvement Plan – Phase 1")
    rag = next(f for f in actions["schema"]["fields"] if f["name"] == "rag")
    assert rag["constraints"]["required"] and "off_track" in rag["constraints"]["enum"]
    diff = by_path[f"{BUNDLED_DIFF}/diff.parquet"]
    assert len(diff["sources"]) == 2 and diff["planpipe"]["schema"] == "planpipe.diff"
    assert pq.read_schema(processed / diff["path"]).names == [f["name"] for f in diff["schema"]["fields"]]


def test_check_finds_a_stale_descriptor(package, processed):
    stale = json.loads(json.dumps(package))
    stale["resources"][0]["hash"] = "sha256:" + "0" * 64
    stale["resources"] = stale["resources"] + [{"name": "gone", "path": "gone.parquet"}]
    problems = check(stale, processed)
    assert any("differs from the file" in p for p in problems) and any("gone.parquet: listed but missing" in p for p in problems)


def test_table_schema_types_are_frictionless_types():
    types = {f["type"] for name in ("actions", "diff", "measures") for f in table_schema(name)["fields"]}
    # "object" is Table Schema's type for a JSON object: the `extra` map column.
    assert types <= {"string", "integer", "number", "boolean", "date", "array", "object"}


def test_frictionless_accepts_the_descriptor(package):
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.Package.validate_descriptor(package)
    assert report.valid, report.flatten(["type", "note"])
