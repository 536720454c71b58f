"""Regenerate the sample PDFs: ``python -m tools.samples [--out-dir DIR]``.

Writes data/raw/sefton-phase1-2022.pdf (the faithful reconstruction, a committed input) and
tests/fixtures/sefton-phase1-alt.pdf (the same content in another look), and the constructed layouts of
other councils with their answer keys, tests/fixtures/layout-<name>.pdf and .key.json
(tools/samples/layouts.py), and the CONSTRUCTED Phase 2 (data/raw/sefton-phase2-2023.pdf, with a second
seed in tests/fixtures/sefton-phase2-alt.pdf) with their answer keys (tools/samples/phase2.py). With --out-dir, all files go into DIR instead, under the same names.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.samples", description=__doc__.splitlines()[0])
    parser.add_argument("--out-dir", type=Path, help="write both PDFs into this folder instead")
    args = parser.parse_args(argv)
    try:
        from tools.samples import render, sefton_phase1 as sefton
    except ModuleNotFoundError as err:  # reportlab is a test/dev dependency
        print(f"Error: {err}. Install the test extras: pip install -e '.[test]'", file=sys.stderr)
        return 1
    targets = [(sefton.FAITHFUL, sefton.OUTPUT), (sefton.ALTERNATIVE, sefton.ALT_OUTPUT)]
    for look, path in targets:
        if args.out_dir is not None:
            path = args.out_dir / path.name
        result = render.write(sefton.document(look), path)
        print(f"{path}: {result.page_count} pages, {len(result.pdf):,} bytes")
    from tools.samples import phase2

    for spec in (phase2.SAMPLE, phase2.FIXTURE):
        plan = phase2.build(spec)
        pdf = spec.pdf if args.out_dir is None else args.out_dir / spec.pdf.name
        key = spec.answer_key if args.out_dir is None else args.out_dir / spec.answer_key.name
        result = render.write(phase2.document(plan), pdf)
        phase2.write_answer_key(plan, key)
        print(f"{pdf}: {result.page_count} pages, {len(result.pdf):,} bytes, constructed (+ {key.name})")
    from tools.samples import layouts

    for path, result in layouts.write_all(args.out_dir):
        print(f"{path}: {result.page_count} pages, {len(result.pdf):,} bytes (+ {path.stem}.key.json)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
