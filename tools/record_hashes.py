"""`python -m tools.record_hashes`: re-record tests/fixtures/parquet-sha256.json from the current code.

Run it only when a change is meant to alter what planpipe writes (a new schema version, a reader fix),
and say so in the commit: tests/test_byte_identity.py holds every output to these hashes.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from pathlib import Path

from pipeline.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


def record() -> dict[str, str]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        inputs = [str(p) for p in sorted(FIXTURES.glob("*.pdf"))]
        if main(["extract", "--quiet", "--jobs", "1", *inputs, "--out-dir", str(out)]) != 0:
            raise SystemExit("extracting the fixtures failed")
        for source in sorted((ROOT / "sources").glob("*.toml")):
            if main(["extract", "--quiet", "--source", str(source), "--out-dir", str(out)]) != 0:
                raise SystemExit(f"extracting {source} failed")
        # Measures sit in measures/ (pipeline/outputs.py); keys are paths relative to the output folder.
        return {p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(out.rglob("*.parquet"))}


if __name__ == "__main__":
    hashes = record()
    (FIXTURES / "parquet-sha256.json").write_text(json.dumps(hashes, indent=1) + "\n")
    print(f"recorded {len(hashes)} hashes in tests/fixtures/parquet-sha256.json")
