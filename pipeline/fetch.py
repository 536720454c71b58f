"""Downloading a publication: one careful HTTP GET with a timeout, retries with backoff, a User-Agent,
and the sha256 checked before the file is put in place (a mismatch keeps nothing).

Used by `planpipe add URL` (no hash known yet: the download is hashed and registered) and by
`planpipe fetch` / `make extract` (a registered publication whose raw file is missing).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from . import __version__
from .errors import ChecksumMismatchError, NotAPdfError, PlanpipeError

USER_AGENT = f"planpipe/{__version__} (council improvement-plan extractor; downloads one file per request)"
# Seconds a connection or a read may stall before the attempt is given up.
TIMEOUT = 30.0
# Seconds one whole download may take (a server trickling bytes never trips the per-read timeout).
DEADLINE = 600.0
# Attempts per download, and the first wait between them (doubled after each failure): a council's
# web server that hiccups is given a few seconds, not hammered.
ATTEMPTS = 4
BACKOFF = 2.0
# Largest file accepted (bytes): improvement plans are a few MB; anything this big is not one.
MAX_BYTES = 300 * 1024 * 1024
CHUNK = 64 * 1024
# HTTP statuses worth another try (the server is busy or failing for now); any other error is final.
RETRY_STATUSES = {408, 425, 429, 500, 502, 503, 504}


class DownloadError(PlanpipeError):
    """A download failed for good (after its retries, or with an error that retrying cannot fix)."""


class _Retry(Exception):
    pass


def _get(url: str, tmp: Path, timeout: float, deadline: float) -> str:
    """One attempt: stream the body to `tmp`, return its sha256. Raises _Retry for a passing failure."""
    req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "application/pdf,*/*"})
    start = time.monotonic()
    h = hashlib.sha256()
    got = 0
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp, open(tmp, "wb") as fh:
            expected = resp.headers.get("Content-Length")
            while True:
                block = resp.read(CHUNK)
                if not block:
                    break
                got += len(block)
                if got > MAX_BYTES:
                    raise DownloadError(f"the file is larger than {MAX_BYTES // 2**20} MB; not an improvement plan?",
                                        path=url)
                if time.monotonic() - start > deadline:
                    raise _Retry(f"the download took longer than {deadline:g} s")
                h.update(block)
                fh.write(block)
    except urllib.error.HTTPError as exc:
        if exc.code in RETRY_STATUSES:
            raise _Retry(f"HTTP {exc.code} {exc.reason}") from None
        raise DownloadError(f"the server answered HTTP {exc.code} {exc.reason}; check the URL", path=url) from None
    except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as exc:
        if isinstance(exc, urllib.error.URLError) and isinstance(exc.reason, ValueError):
            raise DownloadError(f"not a URL planpipe can download ({exc.reason})", path=url) from None
        raise _Retry(f"{type(exc).__name__}: {getattr(exc, 'reason', exc)}") from None
    if expected is not None and expected.isdigit() and got != int(expected):
        raise _Retry(f"truncated: got {got} of {expected} bytes")
    return h.hexdigest()


def download(
    url: str,
    dest: str | Path,
    sha256: str | None = None,
    *,
    timeout: float = TIMEOUT,
    attempts: int = ATTEMPTS,
    backoff: float = BACKOFF,
    deadline: float = DEADLINE,
    sleep: Callable[[float], None] = time.sleep,
) -> str:
    """Download `url` to `dest` and return its sha256. With `sha256`, a file with another hash is
    discarded and ChecksumMismatchError raised; `dest` only ever appears complete and verified."""
    if not url.lower().startswith(("http://", "https://")):
        raise DownloadError("only http:// and https:// URLs can be downloaded", path=url)
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".part", dir=dest.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        digest = _attempts(url, tmp, timeout, attempts, backoff, deadline, sleep)
        if sha256 and digest != sha256.lower():
            raise ChecksumMismatchError(
                f"sha256 mismatch: registry says {sha256.lower()}, the download has {digest}; nothing was kept. "
                "If the council replaced the file, it is a new version: register it with `planpipe add URL`",
                path=url)
        with open(tmp, "rb") as fh:
            if b"%PDF-" not in fh.read(1024):
                raise NotAPdfError("the URL did not give a PDF (no %PDF- header): it may be a web page that "
                                   "links to the document; give the document's own URL", path=url)
        os.replace(tmp, dest)
        return digest
    finally:
        tmp.unlink(missing_ok=True)


def _attempts(url, tmp, timeout, attempts, backoff, deadline, sleep) -> str:
    wait, why = backoff, ""
    for n in range(1, max(1, attempts) + 1):
        try:
            return _get(url, tmp, timeout, deadline)
        except _Retry as exc:
            why = str(exc)
            if n < attempts:
                sleep(wait)
                wait *= 2
    raise DownloadError(f"download failed after {attempts} attempts (last: {why}); try again later", path=url)


def fetch_source(source, **kwargs) -> bool:
    """Download a registered publication whose file is missing; False when it is already there."""
    if source.file.exists():
        return False
    if not source.url.lower().startswith(("http://", "https://")):
        raise DownloadError(f"the registered file {source.file} is missing and the entry has no URL to download it "
                            "from; put the file there or add `url`", path=str(source.path))
    download(source.url, source.file, source.sha256, **kwargs)
    return True
