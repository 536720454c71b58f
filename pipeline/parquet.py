"""Schema-checked Parquet writing and reading. The only place that writes Parquet.

Files carry key-value metadata under one key, `planpipe` (JSON: schema name and version, planpipe
version, source id and sha256). No timestamps: the same input gives byte-identical files.

Outputs are committed as a set (`commit_files`): every file is written to a temporary file in the
output folder first, then all are renamed into place, the last one named (the `make` target) last,
with Ctrl-C held off while the renames run. A failure before the renames leaves nothing; files are
created with the permissions the umask allows, like any other tool's output.
"""

from __future__ import annotations

import errno
import io
import json
import os
import signal
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Mapping, Sequence

import pyarrow as pa
import pyarrow.parquet as pq

from . import __version__
from .errors import InputFileError, OutputError, SchemaError
from .schema import METADATA_KEY, arrow_schema, schema_version
from .text_contract import clean_text, clean_value

# Longest file name (bytes) most file systems accept; a longer output name is refused before writing.
MAX_NAME_BYTES = 255


class _NoPandas:
    """A module finder that says pandas is not installed (see _pandas_not_imported)."""

    def find_spec(self, name, path=None, target=None):
        if name == "pandas":
            raise ModuleNotFoundError("pandas is not imported while planpipe builds a table", name=name)
        return None


@contextmanager
def _pandas_not_imported():
    """pyarrow imports pandas (0.5 to 0.8 s) the first time it turns any Python list into an array, only
    to ask whether the list is a pandas object: a list is not. While pandas is not loaded yet, it is made
    unimportable for that question, so `extract` never pays for it; the bytes written are the same.
    pyarrow asks again (and imports pandas) when pandas is really needed (`Table.to_pandas`)."""
    if "pandas" in sys.modules:
        yield
        return
    finder = _NoPandas()
    sys.meta_path.insert(0, finder)
    try:
        yield
    finally:
        sys.meta_path.remove(finder)


def to_table(records: Sequence[Mapping[str, Any]], schema_name: str = "actions", extra_metadata: dict | None = None) -> pa.Table:
    schema = arrow_schema(schema_name)
    try:
        # The output-text contract (pipeline.text_contract), whatever stage made the strings.
        with _pandas_not_imported():
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


def parquet_bytes(table: pa.Table) -> bytes:
    """The Parquet file of `table`, as bytes (identical to writing it to a file)."""
    buf = io.BytesIO()
    pq.write_table(table, buf, compression="zstd", write_statistics=True, store_schema=True)
    return buf.getvalue()


def current_umask() -> int:
    """The process umask (reading it means setting it; set it straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def output_error(exc: OSError, folder: Path) -> OutputError:
    """An OSError from writing into `folder`, as a message that says whose fault it is and what to do."""
    code = exc.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        why = "the disk is full (or over quota); free some space and run again"
    elif code in (errno.EACCES, errno.EPERM, errno.EROFS):
        why = "the output folder is not writable (permission denied or read-only); fix its permissions or choose another folder"
    elif code in (errno.ENOTDIR, errno.EEXIST) or (folder.exists() and not folder.is_dir()):
        why = "the output folder is a file, not a folder; choose another folder"
    elif code == errno.ENAMETOOLONG:
        why = "an output file name is too long for the file system; rename the input to something shorter"
    else:
        why = f"cannot write there ({exc.strerror or exc}); check the folder and the disk"
    return OutputError(why, path=str(folder))


def prepare_folder(folder: Path) -> None:
    """Create the output folder if missing; refuse one that is a file or not writable, before any work."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise output_error(exc, folder) from None
    if not folder.is_dir():
        raise output_error(OSError(errno.ENOTDIR, "Not a directory"), folder)
    if not os.access(folder, os.W_OK | os.X_OK):
        raise output_error(OSError(errno.EACCES, "Permission denied"), folder)


def check_names(folder: Path, names: Sequence[str]) -> None:
    for name in names:
        if len(name.encode("utf-8", "surrogateescape")) > MAX_NAME_BYTES:
            raise OutputError(
                f"output name {name[:40]}... is too long ({len(name.encode('utf-8', 'surrogateescape'))} bytes, over "
                f"the file system's {MAX_NAME_BYTES}); rename the input to something shorter", path=str(folder))


@contextmanager
def _sigint_held():
    """Ctrl-C waits until the block ends: a commit is never cut between two renames."""
    can_block = hasattr(signal, "pthread_sigmask")
    if can_block:
        old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        if can_block:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)


def commit_files(folder: Path, files: Sequence[tuple[str, bytes]], remove: Sequence[str] = ()) -> list[str]:
    """Write `files` ((name, bytes), the target last) into `folder` as one set; delete `remove` (stale
    outputs of an earlier run). Nothing is renamed until every file is written; raises OutputError."""
    folder = Path(folder)
    check_names(folder, [Path(n).name for n, _ in files] + [Path(n).name for n in remove])
    prepare_folder(folder)
    for sub in {Path(n).parent for n, _ in files} - {Path(".")}:
        prepare_folder(folder / sub)
    mode = 0o666 & ~current_umask()
    temps: list[str] = []
    try:
        for _name, data in files:
            # A short temporary name: a long output name must not fail here for want of room.
            fd, tmp = tempfile.mkstemp(prefix=".pp-", suffix=".tmp", dir=folder)
            temps.append(tmp)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.chmod(tmp, mode)
        with _sigint_held():
            for (name, _), tmp in zip(files, temps):
                os.replace(tmp, folder / name)
            for name in remove:
                (folder / name).unlink(missing_ok=True)
    except OSError as exc:
        raise output_error(exc, folder) from None
    finally:
        for tmp in temps:
            try:
                os.unlink(tmp)
            except OSError:
                pass
    return [str(folder / n) for n, _ in files]


def write_table(table: pa.Table, path: str | os.PathLike) -> None:
    p = Path(path)
    commit_files(p.parent, [(p.name, parquet_bytes(table))])


def write_text(path: str | os.PathLike, text: str) -> None:
    text = clean_text(text)  # the output-text contract: reports hold no control or unmapped characters
    p = Path(path)
    commit_files(p.parent, [(p.name, text.encode("utf-8"))])


def read_table(path: str | os.PathLike) -> pa.Table:
    return pq.read_table(path)


def read_metadata(path: str | os.PathLike) -> dict:
    meta = pq.read_schema(path).metadata or {}
    raw = meta.get(METADATA_KEY)
    return json.loads(raw) if raw else {}


HINT = "give a file written by `planpipe extract` (extract the plan again if this one is damaged)"


def _planpipe_meta(schema: pa.Schema, path: Path, expected: str) -> dict:
    raw = (schema.metadata or {}).get(METADATA_KEY)
    if not raw:
        raise InputFileError(f"a Parquet file from another tool (no planpipe metadata); {HINT}", path=str(path))
    try:
        meta = json.loads(raw)
    except ValueError:
        meta = None
    if not isinstance(meta, dict):
        raise InputFileError(f"its planpipe metadata is not valid JSON; {HINT}", path=str(path))
    name = meta.get("schema")
    if name != f"planpipe.{expected}":
        raise InputFileError(f"holds {name or 'an unnamed schema'}, not planpipe.{expected}; {HINT}", path=str(path))
    return meta


def _check_columns(schema: pa.Schema, path: Path, expected: str) -> None:
    want = arrow_schema(expected)
    missing = [f.name for f in want if f.name not in schema.names]
    if missing:
        raise InputFileError(f"column(s) {', '.join(missing)} of the {expected} schema are missing; {HINT}", path=str(path))
    for f in want:
        got = schema.field(f.name).type
        if got != f.type:
            raise InputFileError(f"column {f.name} is {got}, the {expected} schema says {f.type}; {HINT}", path=str(path))


def read_checked(path: str | os.PathLike, expected: str = "actions") -> tuple[pa.Table, dict]:
    """(table, planpipe metadata) of a Parquet file that must hold planpipe's `expected` schema.

    Anything else (a text file, 0 bytes, a truncated file, another tool's Parquet, a missing column or
    one of the wrong type) is an InputFileError saying so, never a pyarrow traceback."""
    p = Path(path)
    if not p.exists():
        raise InputFileError("file not found; extract the plan first with `planpipe extract`", path=str(p))
    if p.is_dir():
        raise InputFileError("is a folder, not a Parquet file", path=str(p))
    if p.stat().st_size == 0:
        raise InputFileError(f"the file is empty (0 bytes); {HINT}", path=str(p))
    try:
        schema = pq.read_schema(p)
    except (OSError, pa.ArrowException, ValueError) as exc:
        raise InputFileError(f"not a readable Parquet file ({_short(exc)}); {HINT}", path=str(p)) from None
    meta = _planpipe_meta(schema, p, expected)
    _check_columns(schema, p, expected)
    try:
        table = pq.read_table(p, columns=[f.name for f in arrow_schema(expected)])
    except (OSError, pa.ArrowException, ValueError) as exc:
        raise InputFileError(f"damaged Parquet data ({_short(exc)}); {HINT}", path=str(p)) from None
    return table, meta


def _short(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= 120 else text[:119] + "…"
