"""A request stuck past the deadline costs its gthread worker, and the service answers on;
a response that keeps sending past the deadline is progress, not stuck.

gunicorn runs feeds.watchdog.DeadlineThreadWorker with a 2 s deadline over an app whose /hang
never returns (tests/service/hang_app.py). Without the watchdog that worker would keep its
heartbeat and the stuck thread forever; with it, the stuck connection is closed within a few
seconds, the log names the request, and a fresh worker answers.
"""

from __future__ import annotations

import http.client
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from support import PROJECT

DEADLINE = 2  # seconds
HERE = Path(__file__).resolve().parent
LISTENING = re.compile(r"Listening at: http://127\.0\.0\.1:(\d+)")


def get(base: str, path: str, timeout: float) -> str:
    with urllib.request.urlopen(base + path, timeout=timeout) as response:
        return str(response.read().decode().strip())


def test_stuck_request_replaces_its_worker(tmp_path: Path) -> None:
    log = tmp_path / "gunicorn.log"
    command = [sys.executable, "-m", "gunicorn", "-b", "127.0.0.1:0", "-w", "1"]
    command += ["-k", "feeds.watchdog.DeadlineThreadWorker", "--threads", "2"]
    command += ["--timeout", str(DEADLINE), "--no-control-socket", "--error-logfile", str(log)]
    command += ["--pythonpath", f"{HERE},{PROJECT}", "hang_app:app"]
    server = subprocess.Popen(command, cwd=tmp_path)
    try:
        port = None
        deadline = time.monotonic() + 60
        while port is None and time.monotonic() < deadline:
            if match := LISTENING.search(log.read_text() if log.exists() else ""):
                port = match.group(1)
            time.sleep(0.05)
        assert port, "gunicorn did not report its port"
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                first = get(base, "/", 2)
                break
            except OSError:
                assert time.monotonic() < deadline, "gunicorn never answered"
                time.sleep(0.1)

        streamed = get(base, "/stream", 30)  # 5 s of blocks: progress, not a stuck request
        assert streamed.count("block") >= 10

        began = time.monotonic()
        with pytest.raises((http.client.RemoteDisconnected, ConnectionError)):
            get(base, "/hang", 30)
        waited = time.monotonic() - began
        assert waited < DEADLINE + 8, f"the stuck request held its connection {waited:.1f} s"

        deadline = time.monotonic() + 30
        while True:
            try:
                second = get(base, "/", 2)
                break
            except OSError:
                assert time.monotonic() < deadline, "no worker answered after the stuck one"
                time.sleep(0.1)
        assert second != first, "the same worker answers: it was not replaced"
        text = log.read_text()
        assert "GET /hang has run for" in text
        assert "Thread" in text and "hang_app.py" in text  # the stacks, for the post-mortem
    finally:
        server.terminate()
        server.wait(timeout=30)
