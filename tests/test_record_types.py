"""The typed records agree with the schemas: ActionRecord (pipeline.assemble.records) with
schemas/actions.schema.json and ChangeRecord (pipeline.diff.changes) with schemas/diff.schema.json, field
for field, in order, with the Python type of each column and None exactly where the schema says nullable.

mypy checks the builders against the TypedDicts; this test checks the TypedDicts against the schemas, so
together they replace the per-row asserts the builders used to make.
"""

from __future__ import annotations

import datetime
import typing

import pytest

from pipeline.assemble.records import ActionRecord
from pipeline.diff.changes import ChangeRecord
from pipeline.schema import load_json

SCALARS = {"string": str, "int16": int, "int32": int, "float64": float, "date32": datetime.date, "bool": bool}


def python_type(schema_type: str):
    """The Python type of a schema column type ('list<string>' -> list[str], 'map<string,string>' -> dict[str, str])."""
    if schema_type.startswith("list<"):
        return list[python_type(schema_type[5:-1])]  # type: ignore[misc]
    if schema_type.startswith("map<"):
        key, value = schema_type[4:-1].split(",")
        return dict[python_type(key), python_type(value)]  # type: ignore[misc]
    return SCALARS[schema_type]


def expected(schema: str) -> list[tuple[str, object]]:
    fields = load_json(f"{schema}.schema.json")["fields"]
    return [(f["name"], python_type(f["type"]) | None if f["nullable"] else python_type(f["type"])) for f in fields]


@pytest.mark.parametrize("record, schema", [(ActionRecord, "actions"), (ChangeRecord, "diff")])
def test_typed_record_has_the_schema_columns_in_order_with_their_types(record, schema):
    hints = typing.get_type_hints(record)
    assert list(hints.items()) == expected(schema)
    assert record.__required_keys__ == set(hints)  # every column is always present, None or not


def test_the_check_tells_a_nullable_column_from_a_required_one():
    # A column the schema allows to be empty must be Optional in the record, and only such a column.
    actions = dict(expected("actions"))
    assert actions["action"] is str and actions["action_ref"] == str | None
    assert actions["milestones"] == list[datetime.date] and actions["extra"] == dict[str, str]
