"""The package holds only the product, in one direction: what the wheel ships, and how its modules
import each other (issue 9)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from .conftest import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PIPELINE = ROOT / "pipeline"


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _top_level_imports(path: Path) -> set[str]:
    """Modules of the package imported at module level (imports inside functions are lazy by design)."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    out: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            out.add(target)
            out.update(f"{target}.{a.name}" for a in node.names)
    return out


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in PIPELINE.rglob("*.py")}
    return {name: {m for m in _top_level_imports(path) if m in modules and m != name} for name, path in modules.items()}


def test_every_subpackage_is_listed_for_the_wheel():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {_module_name(p) for p in PIPELINE.rglob("__init__.py")} | {"pipeline.schemas"}
    assert found == listed


def test_nothing_in_the_runtime_imports_tooling():
    offenders = [str(p.relative_to(ROOT)) for p in PIPELINE.rglob("*.py")
                 if any(m == "tools" or m.startswith("tools.") for m in _top_level_imports(p))
                 or "import tools" in p.read_text() or "from tools" in p.read_text()]
    assert not offenders


def test_the_runtime_has_no_circular_imports():
    graph = _graph()
    cycles = []

    def visit(node: str, stack: list[str]) -> None:
        for nxt in graph[node]:
            if nxt in stack:
                cycles.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in done:
                visit(nxt, stack + [nxt])
        done.add(node)

    done: set[str] = set()
    for start in graph:
        if start not in done:
            visit(start, [start])
    # A package's __init__ importing its own submodules is how packages expose their API, not a cycle.
    real = [c for c in cycles if not any(a.startswith(b + ".") or b.startswith(a + ".") for a, b in zip(c, c[1:]))]
    assert not real, real


def test_every_schema_type_is_known_to_the_parquet_writer_and_the_data_package():
    from pipeline import datapackage, schema

    used = {f["type"] for name in ("actions", "measures", "diff") for f in schema.load_definition(name)["fields"]}
    assert used <= set(schema._TYPES) and used <= set(datapackage.TYPES)
