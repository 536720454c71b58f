"""`python -m tools.readme`: regenerate the README's generated blocks from the code.

Blocks sit between `<!-- BEGIN GENERATED: NAME -->` and `<!-- END GENERATED: NAME -->` and are
rewritten whole: the command line (from the argparse parser), the data-issue codes (pipeline.quality),
every schema's columns (schemas/*.schema.json) and the tolerance table (pipeline.settings).
tests/test_docs.py fails when a block differs from what this writes, so the README cannot drift.
`--check` exits 1 instead of writing when a block is stale.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
BLOCK = re.compile(r"(<!-- BEGIN GENERATED: (?P<name>[\w-]+) -->\n)(?P<body>.*?)(<!-- END GENERATED: (?P=name) -->)", re.S)
# argparse wraps help text to the terminal width: fix it so the README is the same on every machine.
HELP_WIDTH = 110


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def cli_usage() -> str:
    os.environ["COLUMNS"] = str(HELP_WIDTH)
    from pipeline.cli import build_parser

    parser = build_parser()
    parser.prog = "planpipe"
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    parts = ["```", parser.format_help().rstrip(), "```", ""]
    for name, command in sub.choices.items():
        parts += [f"<details><summary><code>planpipe {name} --help</code></summary>", "", "```",
                  command.format_help().rstrip(), "```", "", "</details>", ""]
    return "\n".join(parts)


def issue_codes() -> str:
    from pipeline.quality import CODES

    rows = ["| code | meaning |", "|---|---|"]
    rows += [f"| `{code}` | {_cell(meaning)} |" for code, meaning in CODES.items()]
    return "\n".join(rows) + "\n"


def schema_table(name: str) -> Callable[[], str]:
    def render() -> str:
        from pipeline.schema import load_definition

        definition = load_definition(name)
        rows = [f"`schemas/{name}.schema.json`, version {definition['version']}: {_cell(definition['description'])}",
                "", "| column | type | null | meaning |", "|---|---|---|---|"]
        for f in definition["fields"]:
            meaning = f["description"]
            if f.get("enum"):
                meaning += " One of: " + ", ".join(f"`{v}`" for v in f["enum"]) + "."
            rows.append(f"| `{f['name']}` | {f['type']} | {'yes' if f['nullable'] else 'no'} | {_cell(meaning)} |")
        return "\n".join(rows) + "\n"

    return render


def tolerance_table(settings_class: str) -> Callable[[], str]:
    def render() -> str:
        from pipeline import settings

        rows = ["| setting | default | unit | why |", "|---|---|---|---|"]
        rows += [f"| `{name}` | {value} | {_cell(unit)} | {_cell(why)} |"
                 for name, value, unit, why in settings.tolerance_rows(getattr(settings, settings_class))]
        return "\n".join(rows) + "\n"

    return render


GENERATORS: dict[str, Callable[[], str]] = {
    "cli": cli_usage,
    "issue-codes": issue_codes,
    "schema-actions": schema_table("actions"),
    "schema-measures": schema_table("measures"),
    "schema-diff": schema_table("diff"),
    "tolerances": tolerance_table("ExtractSettings"),
    "diff-tolerances": tolerance_table("DiffSettings"),
}


def render(text: str) -> str:
    """The README text with every generated block rewritten."""
    def replace(m: re.Match) -> str:
        name = m.group("name")
        if name not in GENERATORS:
            raise SystemExit(f"README.md: unknown generated block {name!r}")
        return m.group(1) + GENERATORS[name]() + m.group(4)

    return BLOCK.sub(replace, text)


def blocks(text: str) -> dict[str, str]:
    return {m.group("name"): m.group("body") for m in BLOCK.finditer(text)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tools.readme", description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 when a block is stale, write nothing")
    args = ap.parse_args(argv)
    text = README.read_text(encoding="utf-8")
    fresh = render(text)
    if args.check:
        stale = [n for n, body in blocks(fresh).items() if blocks(text).get(n) != body]
        if stale:
            print(f"README.md: stale generated blocks {', '.join(stale)}: run python -m tools.readme", file=sys.stderr)
            return 1
        return 0
    README.write_text(fresh, encoding="utf-8")
    print(f"README.md: {len(blocks(fresh))} generated blocks written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
