"""The schemas and vocabularies, defined once as data in schemas/ (shipped inside the package as
pipeline/schemas, read through importlib.resources so an installed wheel finds them).

Everything else (the pyarrow schemas, the Parquet metadata, the README tables) is derived from them.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

import pyarrow as pa

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
    "map<string,string>": pa.map_(pa.string(), pa.string()),
    "list<date32>": pa.list_(pa.date32()),
}


def load_json(filename: str) -> dict:
    """The data file schemas/<filename> (a schema or a vocabulary), parsed."""
    text = resources.files("pipeline.schemas").joinpath(filename).read_text(encoding="utf-8")
    return json.loads(text)


@lru_cache(maxsize=None)
def load_definition(name: str = "actions") -> dict:
    """The schema document schemas/<name>.schema.json."""
    return load_json(f"{name}.schema.json")


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
