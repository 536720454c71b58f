"""The actions schema, defined once as data in schemas/actions.schema.json.

Everything else (the pyarrow schema, the Parquet metadata, the README table) is derived from it.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pyarrow as pa

SCHEMAS_DIR = Path(__file__).resolve().parent.parent / "schemas"
METADATA_KEY = b"planpipe"

_TYPES = {
    "string": pa.string(),
    "int16": pa.int16(),
    "int32": pa.int32(),
    "int64": pa.int64(),
    "float64": pa.float64(),
    "bool": pa.bool_(),
    "date32": pa.date32(),
    "list<string>": pa.list_(pa.string()),
    "list<float64>": pa.list_(pa.float64()),
}


@lru_cache(maxsize=None)
def load_definition(name: str = "actions") -> dict:
    """The schema document schemas/<name>.schema.json."""
    path = SCHEMAS_DIR / f"{name}.schema.json"
    return json.loads(path.read_text(encoding="utf-8"))


def arrow_schema(name: str = "actions") -> pa.Schema:
    definition = load_definition(name)
    fields = [
        pa.field(f["name"], _TYPES[f["type"]], nullable=f["nullable"])
        for f in definition["fields"]
    ]
    return pa.schema(fields)


def schema_version(name: str = "actions") -> str:
    return load_definition(name)["version"]


def field_names(name: str = "actions") -> list[str]:
    return [f["name"] for f in load_definition(name)["fields"]]


def enum_values(field: str, name: str = "actions") -> list[str]:
    for f in load_definition(name)["fields"]:
        if f["name"] == field:
            return list(f["enum"])
    raise KeyError(field)
