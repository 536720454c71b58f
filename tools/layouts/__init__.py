"""A seeded generator of council plan layouts with answer keys, and the benchmark over it (not shipped).

    python -m tools.layouts.build --seed 1 --n 5 --out /tmp/layouts     render layouts and their keys
    python -m tools.layouts.bench --n 300 --seed 1                      docs/benchmark-layouts.md

See docs/benchmark-layouts.md for what is drawn and what the figures mean.
"""
