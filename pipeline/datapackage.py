"""DIR/datapackage.json: a Frictionless Data Package (v2) naming every output in DIR, so other tools can
discover and validate them: each Parquet file with its schema (from schemas/*.schema.json), the
publication it came from, its size and sha256; the quality reports and HTML pages as plain resources.

No timestamps: the same outputs give the same descriptor. `check` is the structural validation the
tests (and `planpipe datapackage --check`) run; frictionless-py can validate it too where installed.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from .errors import PlanpipeError
from .parquet import read_metadata
from .schema import load_definition

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
RESOURCE_PROFILE = "https://datapackage.org/profiles/2.0/dataresource.json"
TYPES = {"string": "string", "int16": "integer", "int32": "integer", "int64": "integer", "float64": "number",
         "bool": "boolean", "date32": "date", "list<string>": "array", "list<float64>": "array",
         "list<date32>": "array", "map<string,string>": "object"}
MEDIA = {".parquet": ("parquet", "application/vnd.apache.parquet"), ".json": ("json", "application/json"),
         ".html": ("html", "text/html"), ".md": ("md", "text/markdown"), ".csv": ("csv", "text/csv")}
NAME = re.compile(r"^[a-z0-9._-]+$")


def table_schema(schema_name: str) -> dict:
    """A Frictionless Table Schema from one of planpipe's schema documents."""
    fields = []
    for f in load_definition(schema_name)["fields"]:
        field: dict = {"name": f["name"], "type": TYPES[f["type"]], "description": f.get("description", "")}
        constraints: dict = {}
        if not f["nullable"]:
            constraints["required"] = True
        if "enum" in f and not f["type"].startswith("list"):
            constraints["enum"] = list(f["enum"])
        if constraints:
            field["constraints"] = constraints
        fields.append(field)
    return {"fields": fields}


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _name(rel: str) -> str:
    """A resource name from a path: 'measures/x.parquet' -> 'measures--x'; 'x.report.json' -> 'x.report-json'
    (a table is named by its path without '.parquet'; other files keep their type, so names stay unique)."""
    rel = rel.lower()
    rel = rel[: -len(".parquet")] if rel.endswith(".parquet") else rel.rsplit(".", 1)[0] + "-" + rel.rsplit(".", 1)[-1]
    return re.sub(r"[^a-z0-9._-]+", "-", rel.replace("/", "--")).strip("-")


def _publications(ids, registry: Path) -> list[dict]:
    from .sources import load_source

    out = []
    for source_id in ids:
        entry = registry / f"{source_id}.toml"
        if not source_id or not entry.exists():
            continue
        try:
            src = load_source(entry)
        except PlanpipeError:
            continue
        out.append({"title": f"{src.council}: {src.title} ({src.published.isoformat()})", "path": src.url})
    return out


def resource(path: Path, folder: Path, registry: Path) -> dict:
    rel = path.relative_to(folder).as_posix()
    fmt, media = MEDIA.get(path.suffix, (path.suffix.lstrip("."), "application/octet-stream"))
    res: dict = {"name": _name(rel), "path": rel, "format": fmt, "mediatype": media,
                 "bytes": path.stat().st_size, "hash": f"sha256:{_sha256(path)}"}
    if path.suffix == ".parquet":
        meta = read_metadata(path)
        schema_name = str(meta.get("schema", "")).removeprefix("planpipe.")
        if schema_name:
            res["type"] = "table"
            res["schema"] = table_schema(schema_name)
        ids = [meta.get("source_id"), meta.get("old_source_id"), meta.get("new_source_id")]
        res["sources"] = _publications([i for i in ids if i], registry)
        res["planpipe"] = meta
    elif path.name.endswith(".report.json"):
        res["description"] = "Quality report: counts per status and theme, every data issue with its code and page."
    elif path.suffix == ".html":
        res["description"] = "Report for people (self-contained HTML page)."
    return res


def build(folder: str | Path, registry: str | Path = "sources") -> dict:
    folder, registry = Path(folder), Path(registry)
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in MEDIA and p.name != "datapackage.json"
                   and not p.name.startswith("."))
    return {
        "$schema": PROFILE,
        "name": re.sub(r"[^a-z0-9._-]+", "-", folder.resolve().name.lower()).strip("-") or "planpipe-outputs",
        "title": "planpipe outputs: council improvement plans as data",
        "description": "Actions (DIR/<id>.parquet), inspection measures (DIR/measures/<id>.parquet), diffs "
                       "(DIR/diff/<old>--<new>/diff.parquet), quality reports and HTML pages, written by planpipe.",
        "resources": [resource(p, folder, registry) for p in files],
    }


def check(package: dict, folder: str | Path) -> list[str]:
    """Structural problems of a descriptor against the files in `folder` ([] when it is sound)."""
    import pyarrow.parquet as pq

    folder = Path(folder)
    problems = []
    if package.get("$schema") != PROFILE:
        problems.append("$schema is not the Data Package 2.0 profile")
    names = [r.get("name", "") for r in package.get("resources", [])]
    problems += [f"resource name {n!r} is not lower-case a-z0-9._-" for n in names if not NAME.match(n)]
    problems += [f"resource name {n!r} is used twice" for n in sorted({n for n in names if names.count(n) > 1})]
    listed = set()
    for r in package.get("resources", []):
        p = folder / r.get("path", "")
        listed.add(r.get("path"))
        if not p.is_file():
            problems.append(f"{r.get('path')}: listed but missing")
            continue
        if r.get("hash") != f"sha256:{_sha256(p)}" or r.get("bytes") != p.stat().st_size:
            problems.append(f"{r['path']}: size or sha256 differs from the file")
        if "schema" in r:
            columns = pq.read_schema(p).names
            fields = [f["name"] for f in r["schema"]["fields"]]
            if columns != fields:
                problems.append(f"{r['path']}: schema fields {fields} differ from the file's columns {columns}")
            bad = [f["name"] for f in r["schema"]["fields"] if f["type"] not in set(TYPES.values())]
            problems += [f"{r['path']}: field {n} has no Table Schema type" for n in bad]
    for p in folder.rglob("*.parquet"):
        if p.relative_to(folder).as_posix() not in listed:
            problems.append(f"{p.relative_to(folder).as_posix()}: not listed")
    return problems


def write(folder: str | Path, registry: str | Path = "sources") -> Path:
    from .parquet import write_text

    folder = Path(folder)
    if not folder.is_dir():
        raise PlanpipeError("not a folder of planpipe outputs; run `make extract` first", path=str(folder))
    package = build(folder, registry)
    target = folder / "datapackage.json"
    write_text(target, json.dumps(package, indent=1, ensure_ascii=False, default=str) + "\n")
    return target
