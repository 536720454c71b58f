"""`python -m tools.fuzz`: seeded byte-level fuzzing of `planpipe extract` (issue #5, bad input).

Each mutant of a seed PDF (bit flips, byte overwrites, truncations, chunk deletions and duplications,
xref and stream-length corruption, header damage, extreme numbers, rewired object references, mangled
page content) is run through the command line in a fresh process with a wall-clock budget, and its
outcome is classified:

- `ok`: exit 0, and every output is valid Parquet with the documented schema (plus a JSON report);
- `error`: exit 1, stderr is one `Error: <path>: ...` line, and the out-dir holds nothing (no output,
  no temporary file) and nor does the child's TMPDIR;
- `internal`: exit 1 with the command line's catch-all message for a bug ("could not process this file");
- `traceback`: 'Traceback' anywhere in stderr;
- `hang`: the budget ran out (the process group is killed), and again on a re-run with 3x the budget;
- `slow`: over the budget once, but finished when re-run with 3x the budget (a loaded machine, or a
  mutant that is slow to refuse);
- `other`: anything else (the detail says what: output left behind, extra stderr, another exit code).

Mutants are a pure function of (seed PDF, seed, index): `mutate(data, seed, index)` gives the same bytes
on any machine, so a failure is reproduced with `--only INDEX`. Writes docs/fuzz.md; failing mutants
(traceback, internal, hang, other) are copied to docs/fuzz-failures/ with their stderr.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zlib
from collections import Counter
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PDF = ROOT / "data" / "raw" / "sefton-phase1-2022.pdf"
DEFAULT_BUDGET = 20.0
# A mutant over the budget is re-run with this many times the budget before it counts as a hang.
CONFIRM_FACTOR = 3
# Address-space cap of each child (bytes): a decompression bomb must fail there, not take the machine.
MEMORY_LIMIT = 4 * 1024**3
# Failing mutants kept per kind in docs/fuzz-failures/ (the rest are only counted).
KEEP_PER_KIND = 3
# A failing mutant bigger than this is not copied (only its stderr): `--only INDEX --write DIR` rebuilds it.
MAX_SAVED_BYTES = 512 * 1024
FAILURE_KINDS = ("traceback", "internal", "hang", "other")
KINDS = ("ok", "error", "slow", "internal", "traceback", "hang", "other")
# The command line's catch-all wording for an unexpected exception (a planpipe bug, not bad input).
INTERNAL_MARKERS = ("could not process this file", "please report it")


# --------------------------------------------------------------------------------------------------
# Mutation: bytes -> bytes, each operator a function of (data, rng)
# --------------------------------------------------------------------------------------------------

INTERESTING = [b"\x00", b"\xff", b"(", b")", b"<", b">", b"<<", b">>", b"[", b"]", b"/", b"\\", b"%",
               b" R ", b"obj", b"endobj", b"stream", b"endstream", b"\n", b"\r", b"9999999999", b"-1"]
EXTREME_NUMBERS = [b"0", b"-1", b"-0.0", b"1", b"2147483647", b"2147483648", b"-2147483649",
                   b"9223372036854775808", b"99999999999999999999", b"1e308", b"3.4e38", b"100000",
                   b"0.000001", b"-99999", b"1.5.2", b"nan", b"inf", b"0x10"]


def _span(rng: random.Random, n: int, most: int) -> tuple[int, int]:
    length = max(1, min(n - 1, int(rng.paretovariate(1.2)) if rng.random() < 0.7 else rng.randint(1, most)))
    start = rng.randrange(0, max(1, n - length))
    return start, start + length


def bit_flip(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.choice([1, 1, 2, 4, 8, 32, 128])):
        i = rng.randrange(len(out))
        out[i] ^= 1 << rng.randrange(8)
    return bytes(out)


def overwrite(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        if rng.random() < 0.5:
            chunk = rng.choice(INTERESTING)
        else:
            chunk = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
        i = rng.randrange(len(out))
        out[i:i + len(chunk)] = chunk
    return bytes(out[: len(data)])


def truncate(data: bytes, rng: random.Random) -> bytes:
    if rng.random() < 0.4:  # near the end: the xref table and trailer go first
        cut = len(data) - rng.randint(1, min(len(data) - 1, 4000))
    else:
        cut = rng.randrange(0, len(data))
    return data[:cut]


def delete_chunk(data: bytes, rng: random.Random) -> bytes:
    a, b = _span(rng, len(data), 8192)
    return data[:a] + data[b:]


def duplicate_chunk(data: bytes, rng: random.Random) -> bytes:
    a, b = _span(rng, len(data), 8192)
    at = rng.randrange(len(data))
    return data[:at] + data[a:b] * rng.choice([1, 1, 2, 10]) + data[at:]


def corrupt_xref(data: bytes, rng: random.Random) -> bytes:
    choice = rng.randrange(6)
    m = re.search(rb"startxref\s+(\d+)", data)
    if choice == 0 and m:  # startxref points elsewhere
        new = rng.choice([b"0", b"1", b"999999999", str(int(m.group(1)) + rng.randint(-50, 50)).encode(), b"-3"])
        return data[: m.start(1)] + new + data[m.end(1):]
    xref = data.rfind(b"\nxref\n")
    if choice == 1 and xref > 0:  # digits of the offset table scrambled
        out = bytearray(data)
        end = data.find(b"trailer", xref)
        for _ in range(rng.randint(1, 30)):
            i = rng.randrange(xref + 6, end if end > xref else len(data))
            out[i] = rng.choice(b"0123456789 nf")
        return bytes(out)
    if choice == 2 and xref > 0:  # the table gone
        end = data.find(b"trailer", xref)
        return data[: xref + 1] + data[end:] if end > 0 else data[: xref + 1]
    if choice == 3:  # the trailer loses /Root, /Size or /Info, or they point elsewhere
        key = rng.choice([rb"/Root \d+ 0 R", rb"/Size \d+", rb"/Info \d+ 0 R"])
        m = re.search(key, data)
        if m:
            repl = rng.choice([b"", m.group(0).split()[0] + b" " + rng.choice(EXTREME_NUMBERS) + (b" 0 R" if b"R" in m.group(0) else b"")])
            return data[: m.start()] + repl + data[m.end():]
    if choice == 4:  # the page tree's /Count lies
        m = re.search(rb"/Count (\d+)", data)
        if m:
            return data[: m.start(1)] + rng.choice(EXTREME_NUMBERS) + data[m.end(1):]
    # an object's number or generation mangled
    objs = [m for m in re.finditer(rb"(\d+) (\d+) obj", data)]
    if objs:
        m = rng.choice(objs)
        g = rng.choice([1, 2])
        return data[: m.start(g)] + rng.choice(EXTREME_NUMBERS) + data[m.end(g):]
    return bit_flip(data, rng)


def corrupt_stream_length(data: bytes, rng: random.Random) -> bytes:
    lengths = list(re.finditer(rb"/Length (\d+)", data))
    if not lengths:
        return bit_flip(data, rng)
    out = data
    for m in sorted(rng.sample(lengths, k=min(len(lengths), rng.choice([1, 1, 3]))), key=lambda m: -m.start()):
        n = int(m.group(1))
        new = rng.choice([b"0", b"1", str(n + rng.randint(-40, 40)).encode(), str(n * 10).encode(),
                          b"999999999", b"-5", b"abc", b"9999 0 R", b"1 0 R"])
        out = out[: m.start(1)] + new + out[m.end(1):]
    return out


def damage_header(data: bytes, rng: random.Random) -> bytes:
    first_line = data.find(b"\n") + 1
    return rng.choice([
        b"%PDF-9.9\n" + data[first_line:],
        b"%PDX-1.4\n" + data[first_line:],
        data[first_line:],
        b"%PDF-" + data[first_line:],
        b"\xef\xbb\xbf" + data,
        b"garbage " * 200 + data,
        b"<!DOCTYPE html>\n" + data,
        data[:5] + b"\x00" * 4 + data[9:],
    ])


def extreme_number(data: bytes, rng: random.Random) -> bytes:
    """Replace numbers outside streams (MediaBox, /Count, /Length, font sizes in dicts, refs...)."""
    out = data
    for _ in range(rng.randint(1, 3)):
        hits = list(re.finditer(rb"(?<![\w.])-?\d+(?:\.\d+)?(?![\w.])", out))
        spans = _outside_streams(out)
        hits = [m for m in hits if any(a <= m.start() < b for a, b in spans)]
        if not hits:
            break
        m = rng.choice(hits)
        out = out[: m.start()] + rng.choice(EXTREME_NUMBERS) + out[m.end():]
    return out


def rewire_reference(data: bytes, rng: random.Random) -> bytes:
    """Point an indirect reference at another object, a missing one, or its own object (a cycle)."""
    refs = list(re.finditer(rb"(\d+) 0 R", data))
    if not refs:
        return bit_flip(data, rng)
    out = data
    for _ in range(rng.choice([1, 1, 2, 5])):
        refs = list(re.finditer(rb"(\d+) 0 R", out))
        m = rng.choice(refs)
        owner = list(re.finditer(rb"(\d+) 0 obj", out[: m.start()]))
        targets = [b"0", b"9999", str(rng.randint(1, 80)).encode()]
        if owner:
            targets.append(owner[-1].group(1))  # a reference to itself
        out = out[: m.start(1)] + rng.choice(targets) + out[m.end(1):]
    return out


STREAM = re.compile(rb"<<\s*/Filter \[ /ASCII85Decode /FlateDecode \] /Length (\d+)\s*>>\s*stream\r?\n")


def _decode_stream(raw: bytes) -> bytes | None:
    try:
        text = raw.split(b"~>")[0].replace(b"\n", b"").replace(b"\r", b"")
        return zlib.decompress(base64.a85decode(text))
    except Exception:
        return None


def mangle_content(data: bytes, rng: random.Random) -> bytes:
    """Decode one page-content stream, damage its operators, store it uncompressed, fix the offsets."""
    streams = list(STREAM.finditer(data))
    if not streams:
        return bit_flip(data, rng)
    m = rng.choice(streams)
    start = m.end()
    end = start + int(m.group(1))
    content = _decode_stream(data[start:end])
    if content is None:
        return bit_flip(data, rng)
    nums = list(re.finditer(rb"(?<![\w.])-?\d+(?:\.\d+)?(?![\w.])", content))
    kind = rng.randrange(7)
    if kind == 0 and nums:  # extreme coordinates, font sizes, colours
        for n in sorted(rng.sample(nums, k=min(len(nums), rng.randint(1, 20))), key=lambda n: -n.start()):
            content = content[: n.start()] + rng.choice(EXTREME_NUMBERS) + content[n.end():]
    elif kind == 1:  # operators deleted
        lines = content.split(b"\n")
        for _ in range(rng.randint(1, max(1, len(lines) // 4))):
            if lines:
                del lines[rng.randrange(len(lines))]
        content = b"\n".join(lines)
    elif kind == 2:  # the page drawn many times over
        content = content * rng.choice([2, 20, 200])
    elif kind == 3:  # graphics state nested deep / unbalanced
        content = rng.choice([b"q " * 20000 + content, content + b" Q" * 500, b"BT " * 2000 + content])
    elif kind == 4:  # a font that does not exist, an absurd font size or text matrix
        content = re.sub(rb"/F\d+ [\d.]+ Tf", rng.choice([b"/F99 12 Tf", b"/F1 0 Tf", b"/F1 1e30 Tf", b"/F1 -12 Tf"]), content)
        content = re.sub(rb"1 0 0 1 ", rng.choice([b"0 0 0 0 ", b"1e30 0 0 1e30 ", b"1 0 0 1 "]), content, count=5)
    elif kind == 5:  # unterminated string, array or inline image
        at = rng.randrange(len(content) + 1)
        content = content[:at] + rng.choice([b"(never closed", b"[ 1 2 3", b"BI /W 100 /H 100 ID \x00\x01", b"<abz"]) + content[at:]
    else:  # raw bytes in the operator stream
        content = overwrite(content, rng) if content else content
    new_stream = b"<< /Length %d >>\nstream\n" % len(content) + content
    out = data[: m.start()] + new_stream + data[end:]
    return rebuild_xref(out)


def _outside_streams(data: bytes) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for m in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        spans.append((pos, m.start(1)))
        pos = m.end(1)
    spans.append((pos, len(data)))
    return spans


def rebuild_xref(data: bytes) -> bytes:
    """Recompute a classic xref table's offsets and startxref after bytes moved (mangle_content)."""
    xref = data.rfind(b"\nxref\n") + 1
    trailer = data.find(b"trailer", xref)
    if xref <= 0 or trailer < 0:
        return data
    header = re.match(rb"xref\s*\n(\d+) (\d+)\s*\n", data[xref:])
    if not header:
        return data
    first, count = int(header.group(1)), int(header.group(2))
    offsets = {int(m.group(1)): m.start(1) for m in re.finditer(rb"(?<=\n)(\d+) 0 obj", data[:xref])}
    entries = [b"0000000000 65535 f \n"]
    for num in range(first + 1, first + count):
        entries.append(b"%010d 00000 n \n" % offsets[num] if num in offsets else b"0000000000 65535 f \n")
    table = header.group(0) + b"".join(entries)
    out = data[:xref] + table + data[trailer:]
    return re.sub(rb"startxref\s+\d+", b"startxref\n%d" % xref, out)


MUTATORS: dict[str, tuple[Callable[[bytes, random.Random], bytes], float]] = {
    "bitflip": (bit_flip, 2.0),
    "overwrite": (overwrite, 1.5),
    "truncate": (truncate, 1.5),
    "delete": (delete_chunk, 1.0),
    "duplicate": (duplicate_chunk, 1.0),
    "xref": (corrupt_xref, 1.5),
    "length": (corrupt_stream_length, 1.0),
    "header": (damage_header, 0.5),
    "number": (extreme_number, 1.5),
    "ref": (rewire_reference, 1.0),
    "content": (mangle_content, 2.0),
}


def mutate(data: bytes, seed: int, index: int) -> tuple[str, bytes]:
    """The mutant number `index` of `data` under `seed`: (operator name, bytes). Deterministic."""
    rng = random.Random(f"planpipe-fuzz:{seed}:{index}")
    names = list(MUTATORS)
    name = rng.choices(names, weights=[MUTATORS[n][1] for n in names])[0]
    out = MUTATORS[name][0](data, rng)
    if out == data:  # a no-op (e.g. a regex found nothing): fall back to a bit flip
        name, out = "bitflip", bit_flip(data, rng)
    return name, out


# --------------------------------------------------------------------------------------------------
# Running and classifying
# --------------------------------------------------------------------------------------------------

@dataclass
class Outcome:
    index: int
    op: str
    kind: str  # ok | error | internal | traceback | hang | other
    seconds: float
    detail: str = ""  # for error: the message after 'Error: <path>: '; otherwise what went wrong
    stderr: str = ""
    returncode: int | None = None
    warnings: bool = False  # stderr held lines besides the outcome (e.g. library log warnings)
    actions: int | None = None  # rows of the actions Parquet file, for ok


def check_outputs(out_dir: Path) -> tuple[str, int | None]:
    """('', actions) when every output in `out_dir` is a valid planpipe output; else (what is wrong, None)."""
    import pyarrow.parquet as pq

    from pipeline.schema import arrow_schema

    # Paths relative to out_dir: the measures sit in measures/ (pipeline/outputs.py).
    files = sorted(p.relative_to(out_dir).as_posix() for p in out_dir.rglob("*") if p.is_file()) if out_dir.exists() else []
    stray = [f for f in files if f.endswith(".tmp") or Path(f).name.startswith(".")]
    if stray:
        return f"temporary files left: {stray}", None
    parquets = [f for f in files if f.endswith(".parquet") and "/" not in f]
    if len(parquets) != 1:
        return f"expected one actions Parquet file, found {files}", None
    stem = parquets[0][: -len(".parquet")]
    actions = None
    try:
        for name, schema in ((f"{stem}.parquet", "actions"), (f"measures/{stem}.parquet", "measures")):
            if name not in files:
                continue
            table = pq.read_table(out_dir / name)
            if table.schema.remove_metadata() != arrow_schema(schema):
                return f"{name}: schema differs from the documented {schema} schema", None
            meta = json.loads((table.schema.metadata or {}).get(b"planpipe", b"{}"))
            if meta.get("schema") != f"planpipe.{schema}":
                return f"{name}: planpipe metadata missing or wrong: {meta}", None
            if schema == "actions":
                actions = table.num_rows
        json.loads((out_dir / f"{stem}.report.json").read_text(encoding="utf-8"))
    except Exception as exc:
        return f"unreadable output ({type(exc).__name__}: {exc})", None
    return "", actions


def classify(returncode: int | None, stderr: str, mutant: Path, out_dir: Path, tmp_dir: Path,
             timed_out: bool) -> tuple[str, str, bool]:
    """(kind, detail, had_extra_stderr) of one run; for ok, detail is the number of actions written."""
    if timed_out:
        return "hang", "budget exceeded; process group killed", False
    if "Traceback" in stderr:
        last = [ln for ln in stderr.strip().splitlines() if ln.strip()]
        return "traceback", last[-1] if last else "", False
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    prefix = f"Error: {mutant}: "
    error_lines = [ln for ln in lines if ln.startswith("Error: ")]
    extra = len(lines) > len(error_lines)
    tmp_left = sorted(p.name for p in tmp_dir.rglob("*")) if tmp_dir.exists() else []
    if returncode == 0:
        problem, actions = check_outputs(out_dir)
        if error_lines:
            problem = problem or f"exit 0 with an error line: {error_lines[0]}"
        if tmp_left:
            problem = problem or f"temporary files left in TMPDIR: {tmp_left[:5]}"
        return ("other", f"ok-but-bad-output: {problem}", extra) if problem else ("ok", str(actions), extra)
    if returncode == 1:
        if len(lines) != 1 or len(error_lines) != 1:
            return "other", f"exit 1 without exactly one stderr line 'Error: <path>: ...': {lines[:3]}", extra
        line = error_lines[0]
        if not line.startswith(prefix):
            return "other", f"error line does not name the file: {line[:200]}", extra
        message = line[len(prefix):]
        left = sorted(p.name for p in out_dir.rglob("*")) if out_dir.exists() else []
        if left:
            return "other", f"failed but left files in the out-dir: {left}", extra
        if tmp_left:
            return "other", f"failed but left temporary files: {tmp_left[:5]}", extra
        if any(k in message for k in INTERNAL_MARKERS):
            return "internal", message, extra
        return "error", message, extra
    return "other", f"exit code {returncode}: {lines[-1][:200] if lines else ''}", extra


def run_cli(mutant: Path, out_dir: Path, tmp_dir: Path, budget: float, cwd: Path = ROOT,
            extra_env: dict | None = None) -> tuple[int | None, str, bool, float]:
    """Run `python -m pipeline.cli extract MUTANT --out-dir OUT --quiet` in a fresh process group,
    killed when `budget` seconds run out. (returncode, stderr, timed_out, seconds)."""
    cmd = [sys.executable, "-m", "pipeline.cli", "extract", str(mutant), "--out-dir", str(out_dir), "--quiet"]
    if shutil.which("prlimit"):
        cmd = ["prlimit", f"--as={MEMORY_LIMIT}", "--"] + cmd
    env = dict(os.environ, TMPDIR=str(tmp_dir), PYTHONDONTWRITEBYTECODE="1", **(extra_env or {}))
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)
    try:
        _, err = proc.communicate(timeout=budget)
        timed_out = False
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # the child's own group (start_new_session)
        _, err = proc.communicate()
        timed_out = True
    return proc.returncode, err.decode("utf-8", "replace"), timed_out, time.perf_counter() - start


def fuzz_one(data: bytes, seed: int, index: int, work: Path, budget: float, cwd: Path = ROOT) -> tuple[Outcome, bytes]:
    op, mutant_bytes = mutate(data, seed, index)
    case = work / f"{index:05d}"
    case.mkdir(parents=True)
    mutant = case / f"m{index:05d}-{op}.pdf"
    mutant.write_bytes(mutant_bytes)
    out_dir, tmp_dir = case / "out", case / "tmp"
    out_dir.mkdir()
    tmp_dir.mkdir()
    rc, err, timed_out, seconds = run_cli(mutant, out_dir, tmp_dir, budget, cwd)
    kind, detail, extra = classify(rc, err, mutant, out_dir, tmp_dir, timed_out)
    if timed_out:
        # Confirm a hang alone-ish with three times the budget: a slow machine is not a hang.
        shutil.rmtree(out_dir, ignore_errors=True)
        shutil.rmtree(tmp_dir, ignore_errors=True)
        out_dir.mkdir()
        tmp_dir.mkdir()
        rc, err, timed_out, seconds2 = run_cli(mutant, out_dir, tmp_dir, budget * CONFIRM_FACTOR, cwd)
        if timed_out:
            detail = f"budget exceeded twice ({budget:g} s, then {budget * CONFIRM_FACTOR:g} s); process group killed"
        else:
            kind2, detail2, extra = classify(rc, err, mutant, out_dir, tmp_dir, False)
            kind, detail = "slow", f"over the {budget:g} s budget, finished in {seconds2:.1f} s when re-run: {kind2} {detail2}"
            seconds = seconds2
    shutil.rmtree(case, ignore_errors=True)
    actions = int(detail) if kind == "ok" else None
    return Outcome(index, op, kind, seconds, "" if kind == "ok" else detail, err, rc, extra, actions), mutant_bytes


# --------------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------------

def message_kind(message: str) -> str:
    """An error message with its particulars (numbers, quoted text, exception text) taken out."""
    m = re.sub(r"^page \d+: ", "", message)
    m = re.sub(r"\(([A-Za-z_.]*(?:Error|Exception|Exceeded|Incorrect|Warning))(?:: [^()]*(?:\([^()]*\)[^()]*)*)?\)", r"(\1: …)", m)
    m = re.sub(r"b?'[^']*'", "'…'", m)
    m = re.sub(r"\d+(\.\d+)?", "N", m)
    return m[:220]


def _extra_line(stderr: str) -> str:
    extra = [ln for ln in stderr.splitlines() if ln.strip() and not ln.startswith("Error: ")]
    return re.sub(r"\d+", "N", extra[0])[:120].replace("|", "/").replace("`", "") if extra else ""


def outcomes_to_markdown(outcomes: list[Outcome], meta: dict) -> str:
    kinds = Counter(o.kind for o in outcomes)
    lines = [
        "# Fuzzing `planpipe extract`",
        "",
        f"`python -m tools.fuzz --mutants {meta['mutants']} --seed {meta['seed']} --budget {meta['budget']:g}` "
        f"on `{meta['pdf']}` ({meta['pdf_bytes']:,} bytes; unmutated run {meta['baseline_seconds']:.1f} s, "
        f"outcome {meta['baseline_kind']}), {meta['workers']} workers, {meta['wall_seconds'] / 60:.1f} min wall clock, "
        f"code at {meta['code']}.",
        "",
        "Each mutant runs `python -m pipeline.cli extract MUTANT --out-dir D --quiet` in a fresh process with "
        f"a {meta['budget']:g} s wall-clock budget. `error` means exit 1 with one `Error: <path>: ...` line, "
        "no traceback and nothing left in D or TMPDIR; `ok` means exit 0 with valid Parquet of the documented "
        "schema; `internal` is the command line's catch-all for a planpipe bug.",
        "",
        "## Outcomes",
        "",
        "| outcome | mutants |",
        "|---|---|",
    ]
    for kind in KINDS:
        lines.append(f"| {kind} | {kinds.get(kind, 0)} |")
    lines.append(f"| **total** | **{len(outcomes)}** |")
    noisy = sum(1 for o in outcomes if o.warnings)
    base = meta.get("baseline_actions")
    oks = [o.actions for o in outcomes if o.kind == "ok"]
    if base is not None and oks:
        same = sum(1 for a in oks if a == base)
        fewer = sum(1 for a in oks if a < base)
        lines += ["", f"Of the {len(oks)} `ok` runs, {same} wrote the unmutated file's {base} actions, {fewer} fewer "
                  f"(damage dropped rows without an error: see the report's data issues) and {len(oks) - same - fewer} more."]
    lines += ["", f"Runs whose stderr held lines besides the outcome (library warnings): {noisy}.", ""]

    warn = Counter(_extra_line(o.stderr) for o in outcomes if o.warnings)
    if warn:
        lines += ["| runs | first extra stderr line (numbers replaced by N) |", "|---|---|"]
        lines += [f"| {n} | `{w}` |" for w, n in warn.most_common(5)]
        lines.append("")
    lines += ["## Outcomes by mutation", "", "| mutation | " + " | ".join(KINDS) + " |",
              "|---|" + "---|" * len(KINDS)]
    for op in sorted({o.op for o in outcomes}):
        c = Counter(o.kind for o in outcomes if o.op == op)
        lines.append(f"| {op} | " + " | ".join(str(c.get(k, 0)) for k in KINDS) + " |")

    errs = Counter(message_kind(o.detail) for o in outcomes if o.kind == "error")
    lines += ["", "## Error messages (top 10 kinds)", "", "| mutants | message (particulars replaced by N and …) |", "|---|---|"]
    for msg, n in errs.most_common(10):
        lines.append(f"| {n} | {msg.replace('|', '/')} |")
    if len(errs) > 10:
        lines.append(f"| {sum(errs.values()) - sum(n for _, n in errs.most_common(10))} | ({len(errs) - 10} other kinds) |")

    for kind, title in (("traceback", "Tracebacks"), ("internal", "Internal errors (planpipe bugs behind the catch-all)"),
                        ("hang", "Hangs"), ("slow", "Slow (over budget once, finished on a re-run)"), ("other", "Other")):
        bad = [o for o in outcomes if o.kind == kind]
        lines += ["", f"## {title}: {len(bad)}", ""]
        if bad:
            c = Counter(message_kind(o.detail) for o in bad)
            for msg, n in c.most_common(10):
                ex = next(o for o in bad if message_kind(o.detail) == msg)
                lines.append(f"- {n} × `{msg.replace('`', '')}` (e.g. mutant {ex.index}, {ex.op})")
            lines.append("")
            if kind in FAILURE_KINDS:
                lines.append(f"Examples are in `docs/fuzz-failures/` (`m<index>-<mutation>.stderr.txt`, and the "
                             f"`.pdf` when under {MAX_SAVED_BYTES // 1024} KB); rebuild a mutant with `python -m tools.fuzz "
                             f"--seed {meta['seed']} --only INDEX --write DIR`, rerun it with `--only INDEX`.")

    times = sorted(outcomes, key=lambda o: -o.seconds)
    lines += ["", "## Time", "", f"Median {sorted(o.seconds for o in outcomes)[len(outcomes) // 2]:.1f} s per mutant; slowest:", ""]
    for o in times[:5]:
        lines.append(f"- mutant {o.index} ({o.op}): {o.seconds:.1f} s, {o.kind}")
    return "\n".join(lines) + "\n"


def save_failure(o: Outcome, mutant_bytes: bytes, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    name = f"m{o.index:05d}-{o.op}"
    if len(mutant_bytes) <= MAX_SAVED_BYTES:
        (folder / f"{name}.pdf").write_bytes(mutant_bytes)
    (folder / f"{name}.stderr.txt").write_text(
        f"kind: {o.kind}\nreturncode: {o.returncode}\nseconds: {o.seconds:.1f}\ndetail: {o.detail}\n\n{o.stderr}",
        encoding="utf-8")


def _code_version() -> str:
    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        return f"{rev}{' + uncommitted changes' if dirty else ''}" if rev else str(ROOT)
    except OSError:
        return str(ROOT)


def run(pdf: Path, seed: int, indices: Iterable[int], budget: float, workers: int, docs: Path | None,
        log=sys.stderr) -> tuple[list[Outcome], dict]:
    data = pdf.read_bytes()
    work = Path(tempfile.mkdtemp(prefix="planpipe-fuzz-"))
    indices = list(indices)
    start = time.perf_counter()
    try:
        base_dir = work / "baseline"
        base_dir.mkdir()
        (base_dir / "tmp").mkdir()
        rc, err, to, base_s = run_cli(pdf, base_dir / "out", base_dir / "tmp", budget * 3)
        base_kind, base_detail, _ = classify(rc, err, pdf, base_dir / "out", base_dir / "tmp", to)
        base_actions = int(base_detail) if base_kind == "ok" else None
        print(f"baseline {pdf.name}: {base_kind} in {base_s:.1f} s {base_detail}", file=log, flush=True)
        outcomes: list[Outcome] = []
        kept: Counter = Counter()
        with ThreadPoolExecutor(max_workers=workers) as pool:
            futures = [pool.submit(fuzz_one, data, seed, i, work, budget) for i in indices]
            for n, fut in enumerate(as_completed(futures), start=1):
                o, mutant_bytes = fut.result()
                outcomes.append(o)
                if o.kind in FAILURE_KINDS:
                    print(f"  mutant {o.index} ({o.op}): {o.kind}: {o.detail[:200]}", file=log, flush=True)
                    if docs is not None and kept[o.kind] < KEEP_PER_KIND:
                        kept[o.kind] += 1
                        save_failure(o, mutant_bytes, docs / "fuzz-failures")
                if n % 20 == 0 or n == len(futures):
                    c = Counter(x.kind for x in outcomes)
                    el = time.perf_counter() - start
                    print(f"[{n}/{len(futures)}] {dict(sorted(c.items()))} {el / 60:.1f} min, "
                          f"~{el / n * (len(futures) - n) / 60:.0f} min left", file=log, flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    outcomes.sort(key=lambda o: o.index)
    meta = {"mutants": len(outcomes), "seed": seed, "budget": budget, "pdf": str(pdf.relative_to(ROOT) if pdf.is_relative_to(ROOT) else pdf),
            "pdf_bytes": len(data), "baseline_seconds": base_s, "baseline_kind": base_kind,
            "baseline_actions": base_actions, "workers": workers,
            "wall_seconds": time.perf_counter() - start, "code": _code_version()}
    return outcomes, meta


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tools.fuzz", description=__doc__.split("\n\n")[0])
    ap.add_argument("--mutants", type=int, default=1000, help="how many mutants (default 1000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--budget", type=float, default=DEFAULT_BUDGET, help="seconds per mutant before it counts as a hang")
    ap.add_argument("--pdf", type=Path, default=DEFAULT_PDF, help="the PDF to mutate")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--only", type=int, nargs="*", metavar="INDEX", help="run just these mutants (to reproduce one)")
    ap.add_argument("--write", type=Path, metavar="DIR", help="write the mutant(s) of --only to DIR and stop")
    ap.add_argument("--docs", type=Path, default=ROOT / "docs", help="where fuzz.md and fuzz-failures/ go")
    ap.add_argument("--no-docs", action="store_true", help="print only; write nothing under docs/")
    args = ap.parse_args(argv)
    data = args.pdf.read_bytes()
    indices = args.only if args.only else range(args.mutants)
    if args.write:
        args.write.mkdir(parents=True, exist_ok=True)
        for i in indices:
            op, b = mutate(data, args.seed, i)
            (args.write / f"m{i:05d}-{op}.pdf").write_bytes(b)
        return 0
    docs = None if args.no_docs or args.only else args.docs
    if docs is not None and (docs / "fuzz-failures").exists():
        shutil.rmtree(docs / "fuzz-failures")
    outcomes, meta = run(args.pdf.resolve(), args.seed, indices, args.budget, args.workers, docs)
    text = outcomes_to_markdown(outcomes, meta)
    print(text)
    if docs is not None:
        docs.mkdir(parents=True, exist_ok=True)
        (docs / "fuzz.md").write_text(text, encoding="utf-8")
    return 1 if any(o.kind in FAILURE_KINDS for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
