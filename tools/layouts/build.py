"""Render one layout (PDF + answer key) per seed: ``python -m tools.layouts.build --seed S --n N --out DIR``.

Layout ``i`` of a run with seed ``S`` is drawn from the seed ``S * 100_000 + i``, so a run's layouts are a
prefix of any longer run with the same seed and each layout can be re-rendered alone.
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import dataclass
from pathlib import Path

from tools.layouts import generate

SEED_STRIDE = 100_000


@dataclass
class Built:
    seed: int
    pdf: Path
    key: dict
    seconds: float


def layout_seed(run_seed: int, index: int) -> int:
    return run_seed * SEED_STRIDE + index


def produce(plan: generate.Plan) -> bytes:
    producer = plan.dims["producer"]
    if producer == "weasyprint":
        from tools.layouts import html_producer as p
    elif producer == "libreoffice":
        from tools.layouts import docx_producer as p  # type: ignore[no-redef]
    else:
        from tools.layouts import rl_producer as p  # type: ignore[no-redef]
    return p.produce(plan)


def build(seed: int, out_dir: Path, producer: str | None = None) -> Built:
    """Draws layout ``seed``, renders it to ``out_dir/layout-<seed>.pdf`` and writes its key beside it."""
    start = time.perf_counter()
    plan = generate.draw(seed, producer)
    pdf = produce(plan)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"layout-{seed}.pdf"
    path.write_bytes(pdf)
    key = plan.answer_key()
    (out_dir / f"layout-{seed}.key.json").write_text(json.dumps(key, ensure_ascii=False, indent=1), encoding="utf-8")
    return Built(seed, path, key, time.perf_counter() - start)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tools.layouts.build", description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--n", type=int, default=5)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--layout", type=int, help="render only the layout with this (full) seed, as the bench names it")
    ap.add_argument("--producer", choices=generate.DIMENSIONS["producer"])
    args = ap.parse_args(argv)
    seeds = [args.layout] if args.layout is not None else [layout_seed(args.seed, i) for i in range(args.n)]
    for seed in seeds:
        b = build(seed, args.out, args.producer)
        print(f"{b.pdf}  {b.key['dims']['producer']:<11} {len(b.key['actions']):>3} actions  {b.seconds:.1f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
