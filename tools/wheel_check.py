"""`make wheel-check`: planpipe as a user gets it, outside the checkout.

Builds the wheel, checks what it ships (the runtime package and its schemas, no tooling), installs it
into a new virtualenv in a temporary folder, and runs `planpipe extract`, `summary`, `diff` and `tables`
there on the bundled PDFs, from that folder, so nothing can lean on the checkout or its sources/.
Exit 0 when every step works; otherwise the failing step's command and output.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"


def run(cmd: list[str], cwd: Path) -> str:
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"wheel-check: `{' '.join(cmd)}` failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    return done.stdout + done.stderr


def build_wheel(out: Path) -> Path:
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)], cwd=out)
    wheels = sorted(out.glob("planpipe-*.whl"))
    if not wheels:
        raise SystemExit("wheel-check: no wheel was built")
    return wheels[-1]


def check_contents(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    schemas = {Path(n).name for n in names if n.startswith("pipeline/schemas/")}
    wanted = {p.name for p in (ROOT / "schemas").glob("*.json")}
    if not wanted <= schemas:
        raise SystemExit(f"wheel-check: the wheel lacks schemas {sorted(wanted - schemas)}")
    tooling = [n for n in names if n.startswith(("tools/", "tests/"))]
    if tooling:
        raise SystemExit(f"wheel-check: the wheel ships tooling: {tooling[:5]}")


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="planpipe-wheel-") as tmp:
        work = Path(tmp)
        wheel = build_wheel(work)
        check_contents(wheel)
        venv = work / "venv"
        run([sys.executable, "-m", "venv", str(venv)], cwd=work)
        run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)], cwd=work)
        planpipe = str(venv / "bin" / "planpipe")
        old, new = RAW / "sefton-phase1-2022.pdf", RAW / "sefton-phase2-2023.pdf"
        run([planpipe, "extract", "--quiet", str(old), str(new), "--out-dir", "out"], cwd=work)
        summary = run([planpipe, "summary", "out/sefton-phase1-2022.parquet"], cwd=work)
        run([planpipe, "diff", "out/sefton-phase1-2022.parquet", "out/sefton-phase2-2023.parquet",
             "--out-dir", "diff", "--published", "2023-01-31"], cwd=work)
        run([planpipe, "tables", str(old), "--out", "tables.json"], cwd=work)
        for produced in ("out/sefton-phase1-2022.parquet", "diff/diff.parquet", "diff/diff.html", "tables.json"):
            if not (work / produced).is_file():
                raise SystemExit(f"wheel-check: {produced} was not written")
        if "124" not in summary:
            raise SystemExit(f"wheel-check: the summary does not count the 124 actions:\n{summary}")
        print(f"wheel-check: {wheel.name} installs outside the checkout; extract, summary, diff and tables work")
    return 0


if __name__ == "__main__":
    sys.exit(main())
