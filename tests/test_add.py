"""`planpipe add PDF|URL`, `planpipe fetch` and the download step of `make extract`, against an HTTP
server on 127.0.0.1 that this test starts (slow, failing, truncated and wrong-hash responses). Every
request loop is bounded: a handful of attempts with millisecond backoff and sub-second timeouts."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import threading
import time
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from pipeline.add import add, make_id
from pipeline.cli import main
from pipeline.errors import ChecksumMismatchError, NotAPdfError
from pipeline.fetch import USER_AGENT, DownloadError, download
from pipeline.readers.info import date_in_text, pdf_date
from pipeline.sources import load_source

from .conftest import FIXTURES, ROOT

PDF = FIXTURES / "layout-simple.pdf"  # constructed fixture (tests/fixtures), first page dated November 2003
PDF_BYTES = PDF.read_bytes()
PDF_SHA = hashlib.sha256(PDF_BYTES).hexdigest()
FAST = {"timeout": 0.5, "attempts": 3, "backoff": 0.01, "deadline": 5.0}


class Handler(BaseHTTPRequestHandler):
    hits: dict[str, int] = {}
    agents: list[str] = []

    def log_message(self, *args):  # keep test output clean
        pass

    def _pdf(self, body: bytes, length: int | None = None):
        self.send_response(200)
        self.send_header("Content-Type", "application/pdf")
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        n = Handler.hits[self.path] = Handler.hits.get(self.path, 0) + 1
        Handler.agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/plan.pdf":
            self._pdf(PDF_BYTES)
        elif self.path == "/flaky.pdf":  # fails twice, then serves
            if n <= 2:
                self.send_error(503, "busy")
            else:
                self._pdf(PDF_BYTES)
        elif self.path == "/slow.pdf":  # stalls longer than the client's timeout, every time
            time.sleep(1.0)
            self._pdf(PDF_BYTES)
        elif self.path == "/truncated.pdf":  # promises more bytes than it sends
            self._pdf(PDF_BYTES[:5000], length=len(PDF_BYTES))
            self.close_connection = True
        elif self.path == "/page.html":
            body = b"<!DOCTYPE html><html><body>the plan is linked from here</body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send_error(404, "not found")


@pytest.fixture
def server():
    Handler.hits, Handler.agents = {}, []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_download_verifies_the_hash_and_sends_a_user_agent(server, tmp_path):
    dest = tmp_path / "raw" / "plan.pdf"
    assert download(f"{server}/plan.pdf", dest, PDF_SHA, **FAST) == PDF_SHA
    assert dest.read_bytes() == PDF_BYTES
    assert Handler.agents == [USER_AGENT]


def test_download_retries_a_failing_server_with_backoff(server, tmp_path):
    waits = []
    download(f"{server}/flaky.pdf", tmp_path / "p.pdf", PDF_SHA, **{**FAST, "backoff": 0.01}, sleep=waits.append)
    assert Handler.hits["/flaky.pdf"] == 3
    assert waits == [0.01, 0.02]


@pytest.mark.parametrize("path, why", [("/slow.pdf", "timed out"), ("/truncated.pdf", "truncated")])
def test_download_gives_up_on_slow_and_truncated_responses_and_keeps_nothing(server, tmp_path, path, why):
    with pytest.raises(DownloadError) as err:
        download(f"{server}{path}", tmp_path / "p.pdf", None, **FAST)
    assert "after 3 attempts" in str(err.value) and why in str(err.value).lower()
    assert Handler.hits[path] == 3
    assert list(tmp_path.iterdir()) == []


def test_download_with_the_wrong_hash_keeps_nothing(server, tmp_path):
    with pytest.raises(ChecksumMismatchError) as err:
        download(f"{server}/plan.pdf", tmp_path / "p.pdf", "0" * 64, **FAST)
    assert PDF_SHA in str(err.value) and "nothing was kept" in str(err.value)
    assert list(tmp_path.iterdir()) == []


def test_download_of_a_web_page_or_a_missing_file_is_a_clear_error(server, tmp_path):
    with pytest.raises(NotAPdfError):
        download(f"{server}/page.html", tmp_path / "p.pdf", None, **FAST)
    with pytest.raises(DownloadError) as err:
        download(f"{server}/gone.pdf", tmp_path / "p.pdf", None, **FAST)
    assert "HTTP 404" in str(err.value) and Handler.hits["/gone.pdf"] == 1  # a 404 is not retried
    assert list(tmp_path.iterdir()) == []


def test_add_url_writes_the_registry_entry_and_the_raw_file(server, tmp_path):
    registry = tmp_path / "sources"
    added = add(f"{server}/plan.pdf", council="Example Borough Council", phase=2, registry=registry, **FAST)
    assert added.id == "example-phase2-2003"
    src = load_source(registry / "example-phase2-2003.toml")
    assert (src.sha256, src.url, src.phase, src.published) == (PDF_SHA, f"{server}/plan.pdf", 2, date(2003, 11, 1))
    assert src.title == "Children’s Social Services Action Plan"
    assert src.file == (tmp_path / "data" / "raw" / "example-phase2-2003.pdf").resolve()
    assert src.file.read_bytes() == PDF_BYTES
    assert "pages = 3" in (registry / "example-phase2-2003.toml").read_text(encoding="utf-8")
    assert sorted(p.name for p in (tmp_path / "data" / "raw").iterdir()) == ["example-phase2-2003.pdf"]


def test_add_refuses_to_overwrite_a_raw_file_with_other_content(tmp_path, capsys):
    raw = tmp_path / "data" / "raw"
    raw.mkdir(parents=True)
    (raw / "x.pdf").write_bytes(b"%PDF-1.4 something else")
    code = main(["add", str(PDF), "--council", "X Council", "--id", "x", "--registry", str(tmp_path / "sources")])
    assert code == 1
    err = capsys.readouterr().err
    assert "write-once" in err and "Traceback" not in err
    assert not (tmp_path / "sources" / "x.toml").exists()


def test_add_without_a_council_says_how_to_fix_it(tmp_path, capsys):
    assert main(["add", str(PDF), "--registry", str(tmp_path / "sources")]) == 1
    assert "--council" in capsys.readouterr().err


def test_dates_and_ids_read_from_text():
    assert date_in_text("Progress report, 9th December 2016") == date(2016, 12, 9)
    assert date_in_text("Scrutiny Committee, November 2003") == date(2003, 11, 1)
    assert pdf_date("D:20220930120000+01'00'") == date(2022, 9, 30)
    assert make_id("Sefton Council", 1, date(2022, 9, 30)) == "sefton-phase1-2022"


def test_fetch_downloads_only_missing_files_and_verifies_them(server, tmp_path, capsys):
    registry = tmp_path / "sources"
    added = add(f"{server}/plan.pdf", council="Example Council", registry=registry, **FAST)
    assert main(["fetch", str(added.toml)]) == 0 and Handler.hits["/plan.pdf"] == 1  # present: not fetched
    added.file.unlink()
    assert main(["fetch", "--registry", str(registry)]) == 0
    assert added.file.read_bytes() == PDF_BYTES and "sha256 verified" in capsys.readouterr().out


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_add_then_make_extract_needs_no_hand_step(server, tmp_path):
    """A publication served over HTTP: `planpipe add URL`, its raw file removed, then `make extract` (with
    this checkout's Makefile and venv) downloads it, verifies it, and writes Parquet, reports, HTML and
    datapackage.json."""
    planpipe = ROOT / ".venv" / "bin" / "planpipe"
    if not planpipe.exists():
        pytest.skip("needs the project's .venv (make test creates it)")
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    os.utime(tmp_path / "pyproject.toml", (0, 0))  # older than the venv's stamp: no reinstall
    run = subprocess.run([str(planpipe), "add", f"{server}/plan.pdf", "--council", "Example Council"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    (tmp_path / "data" / "raw" / "example-phase1-2003.pdf").unlink()
    run = subprocess.run(["make", "extract", f"VENV={ROOT / '.venv'}"], cwd=tmp_path, capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    out = tmp_path / "data" / "processed"
    names = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert {"example-phase1-2003.parquet", "example-phase1-2003.report.json", "example-phase1-2003.html",
            "datapackage.json", "summary.txt"} <= set(names)
    assert Handler.hits["/plan.pdf"] == 2  # add, then the download step of make extract
    import json

    from pipeline.datapackage import check

    assert check(json.loads((out / "datapackage.json").read_text(encoding="utf-8")), out) == []
