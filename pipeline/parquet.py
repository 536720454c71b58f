"""Schema-checked Parquet writing and reading. The only place that writes Parquet.

Files carry key-value metadata under one key, `planpipe` (JSON: schema name and version, planpipe
version, source id and sha256). No timestamps: the same input gives byte-identical files.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Sequence

import pyarrow as pa
import pyarrow.parquet as pq

from . import __version__
from .errors import SchemaError
from .schema import METADATA_KEY, arrow_schema, schema_version
from .text_contract import clean_text, clean_value


def to_table(records: Sequence[dict], schema_name: str = "actions", extra_metadata: dict | None = None) -> pa.Table:
    schema = arrow_schema(schema_name)
    try:
        # The output-text contract (pipeline.text_contract), whatever stage made the strings.
        table = pa.Table.from_pylist([clean_value(r) for r in records], schema=schema)
    except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        raise SchemaError(f"records do not fit the {schema_name} schema: {exc}") from None
    meta = {
        "schema": f"planpipe.{schema_name}",
        "schema_version": schema_version(schema_name),
        "planpipe_version": __version__,
    }
    meta.update(extra_metadata or {})
    return table.replace_schema_metadata({METADATA_KEY: json.dumps(meta, sort_keys=True).encode()})


def atomic_write_bytes(path: Path, write) -> None:
    """Write through a temporary file in the same folder, then rename: never a half-written output."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_table(table: pa.Table, path: str | os.PathLike) -> None:
    atomic_write_bytes(
        Path(path),
        lambda tmp: pq.write_table(table, tmp, compression="zstd", write_statistics=True, store_schema=True),
    )


def write_text(path: str | os.PathLike, text: str) -> None:
    text = clean_text(text)  # the output-text contract: reports hold no control or unmapped characters

    def w(tmp):
        Path(tmp).write_text(text, encoding="utf-8")

    atomic_write_bytes(Path(path), w)


def read_table(path: str | os.PathLike) -> pa.Table:
    return pq.read_table(path)


def read_metadata(path: str | os.PathLike) -> dict:
    meta = pq.read_schema(path).metadata or {}
    raw = meta.get(METADATA_KEY)
    return json.loads(raw) if raw else {}
