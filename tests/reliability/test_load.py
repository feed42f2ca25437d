"""Serving under load while an ingest writes: no error response, never a half-updated
calendar, and a restart serves exactly what was served before it (no state only in memory).

Three processes besides pytest: gunicorn serving the app on an ephemeral loopback port,
`stdcal ingest` writing a batch, and bench/load.py sending a few thousand requests. Every
calendar version the load generator saw is parsed again here with the strict `ical` parser.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from ical.calendar_stream import IcsCalendarStream
from reliability_support import child_database, child_env, run_stdcal, start_stdcal, write_batch
from support import PROJECT, SEEDS

from feeds.cache import RenderCache

pytestmark = pytest.mark.store

VERSION_TTL = RenderCache().version_ttl
ROUND = 1000  # requests per load round; rounds repeat while the ingest runs
MAX_ROUNDS = 20
# subscribers poll calendars and feeds; the home page (rendered per request) is a twentieth
ROTATION = ["/calendar.ics", "/feeds/atom.xml", "/calendar.ics", "/feeds/rss.xml"] * 5
ROTATION[-1] = "/"
LISTENING = re.compile(r"Listening at: http://127\.0\.0\.1:(\d+)")


@contextmanager
def gunicorn(env: dict[str, str]) -> Iterator[str]:
    """The production server (gthread workers) on an ephemeral port; yields its base URL."""
    command = [sys.executable, "-m", "gunicorn", "-b", "127.0.0.1:0", "-w", "2"]
    command += ["-k", "gthread", "--threads", "4", "--chdir", str(PROJECT), "wsgi:app"]
    server = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    try:
        assert server.stderr is not None
        port = None
        deadline = time.monotonic() + 60
        while port is None and time.monotonic() < deadline:
            line = server.stderr.readline()
            assert line or server.poll() is None, "gunicorn exited"
            if match := LISTENING.search(line):
                port = match.group(1)
        assert port, "gunicorn did not report its port"
        base = f"http://127.0.0.1:{port}"
        _wait_ready(base)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)
        if server.stderr is not None:
            server.stderr.close()


def _wait_ready(base: str) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=5):
                return
        except OSError:
            assert time.monotonic() < deadline, "gunicorn never answered"
            time.sleep(0.1)


def _calendar(base: str) -> tuple[str, bytes]:
    with urllib.request.urlopen(f"{base}/calendar.ics", timeout=30) as response:
        return response.headers["ETag"], response.read()


def test_load_while_ingesting_has_no_errors_and_consistent_calendars(tmp_path: Path) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    write_batch(batch)
    with child_database(os.environ.get("STDCAL_DATABASE_URL"), tmp_path) as url:
        env = child_env(url, tmp_path)
        seeded = run_stdcal(["ingest", str(SEEDS)], env)
        assert seeded.returncode == 0, seeded.stderr[-2000:]
        with gunicorn(env) as base:
            ingest = start_stdcal(["ingest", str(batch)], env)
            versions = tmp_path / "versions"
            command = [sys.executable, str(PROJECT / "bench" / "load.py"), base, "--json"]
            command += ["--requests", str(ROUND), "--save-dir", str(versions)]
            served, rounds = 0, 0
            # load in rounds for as long as the ingest writes, so the two always overlap
            while rounds == 0 or (ingest.poll() is None and rounds < MAX_ROUNDS):
                load = subprocess.run(
                    [*command, "--paths", *ROTATION],
                    capture_output=True,
                    text=True,
                    timeout=300,
                    check=False,
                )
                summary = json.loads(load.stdout)
                print(f"load round {rounds}: {summary}")
                assert summary["requests"] == ROUND
                assert summary["errors"] == 0, summary["first_errors"]
                served, rounds = served + ROUND, rounds + 1
            _, err = ingest.communicate(timeout=300)
            assert ingest.returncode == 0, err[-2000:]
            assert served >= ROUND
            assert len(list(versions.glob("*.ics"))) >= 2, "no calendar change seen under load"
            # a worker may serve the version it read up to VERSION_TTL ago (the documented
            # bound for changes made by another process); after that it serves the last one
            time.sleep(VERSION_TTL + 0.2)
            last = _calendar(base)
        for saved in sorted(versions.glob("*.ics")):
            IcsCalendarStream.calendar_from_ics(saved.read_text(encoding="utf-8"))
        with gunicorn(env) as base:
            assert _calendar(base) == last  # a restart serves the same version, byte for byte
