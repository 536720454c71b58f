"""Restructuring must not change what planpipe writes: every bundled publication and fixture gives the
Parquet it gave before the package was reorganised (issue 9).

tests/fixtures/parquet-sha256.json holds the sha256 of each output as written by the code before the
move (`planpipe extract --quiet tests/fixtures/*.pdf` and `make extract`). A change that is meant to
alter the output (a new schema version, a reader fix) re-records them with `python -m tools.record_hashes`
and says so in its commit.
"""

from __future__ import annotations

import hashlib
import json

import pytest

from pipeline.cli import main

from .conftest import FIXTURES, ROOT

EXPECTED = json.loads((FIXTURES / "parquet-sha256.json").read_text())
INPUTS = sorted(FIXTURES.glob("*.pdf"))


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    out = tmp_path_factory.mktemp("identity")
    assert main(["extract", "--quiet", "--jobs", "1", *map(str, INPUTS), "--out-dir", str(out)]) == 0
    for source in sorted((ROOT / "sources").glob("*.toml")):
        assert main(["extract", "--quiet", "--source", str(source), "--out-dir", str(out)]) == 0
    return out


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_output_is_byte_identical_to_the_recorded_hash(written, name):
    digest = hashlib.sha256((written / name).read_bytes()).hexdigest()
    assert digest == EXPECTED[name], f"{name} changed: if intended, re-record with python -m tools.record_hashes"


def test_every_output_has_a_recorded_hash(written):
    found = [p.relative_to(written).as_posix() for p in written.rglob("*.parquet")]
    assert sorted(found) == sorted(EXPECTED)
