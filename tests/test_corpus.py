"""Real PDFs nobody here wrote (../shared/corpus/real/, from camelot-dev/camelot's tests; see
../shared/corpus/README.md): through the CLI, each gets its expected outcome, and never a traceback.

None of them is an action plan: the statistical tables must be refused with "no action table found",
the bad inputs (encrypted, scanned, empty) with a message that says how to fix them. A failed file
writes nothing.
"""

from __future__ import annotations

import pytest

from pipeline.cli import main

from .conftest import CORPUS

REAL = CORPUS / "real"
if not REAL.is_dir():
    pytest.skip(f"{REAL} is absent (the shared corpus of real PDFs)", allow_module_level=True)

NO_TABLE = "no action table found"
# Files with an outcome of their own: (exit code, phrases the error message must hold).
SPECIAL = {
    "health_protected.pdf": (1, ("encrypted", "--password")),
    "image.pdf": (1, ("no text layer", "OCR")),
}
# No table at all: either message is right.
NOTHING = {"empty.pdf", "only_page_number.pdf"}
KNOWN_FAILURES: dict[str, str] = {}  # none: every case passes


def corpus_param(name: str):
    marks = [pytest.mark.xfail(strict=False, reason=KNOWN_FAILURES[name])] if name in KNOWN_FAILURES else []
    return pytest.param(name, marks=marks, id=name)


def run(capsys, *argv: str) -> tuple[int, str]:
    code = main(["extract", *argv, "--quiet"])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, err


@pytest.mark.parametrize("name", [corpus_param(p.name) for p in sorted(REAL.glob("*.pdf"))])
def test_real_pdf_gets_its_expected_outcome(name, tmp_path, capsys):
    out_dir = tmp_path / "out"
    code, err = run(capsys, str(REAL / name), "--out-dir", str(out_dir))
    assert code == 1, err
    assert err.startswith(f"Error: {REAL / name}: "), err
    if name in SPECIAL:
        _, phrases = SPECIAL[name]
        assert all(p in err for p in phrases), err
    elif name in NOTHING:
        assert "no text layer" in err or NO_TABLE in err, err
    else:
        assert NO_TABLE in err, err
    assert not out_dir.exists() or not any(out_dir.iterdir()), "a failed file wrote output"


@pytest.mark.parametrize("password", ["userpass", "ownerpass"])
def test_encrypted_pdf_opens_with_its_password(password, tmp_path, capsys):
    code, err = run(capsys, str(REAL / "health_protected.pdf"), "--password", password, "--out-dir", str(tmp_path))
    assert code == 1, err
    assert "encrypted" not in err and NO_TABLE in err, err


def test_encrypted_pdf_with_a_wrong_password_says_so(tmp_path, capsys):
    code, err = run(capsys, str(REAL / "health_protected.pdf"), "--password", "wrong", "--out-dir", str(tmp_path))
    assert code == 1
    assert "password" in err, err
