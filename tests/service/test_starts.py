"""Every request right after `stdcal serve` starts, reloads or loses a worker is answered.

bench/starts.py starts the service (the scheduler on, its first run under way) 20 times on
one store and, the moment /healthz first answers, sends 30 concurrent requests with a 5 s
timeout; then again right after a SIGHUP (a graceful reload: new workers forked) and right
after the SIGKILL of a worker (a replacement forked). When the scheduler ran as a thread of
the process that forks the workers, a few starts in fifteen left a worker stuck forever.
On SQLite here; on PostgreSQL in the `-m store` pass (`.ci/run`).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from support import PROJECT

pytestmark = pytest.mark.store

STARTS = 20


def test_every_request_after_start_reload_and_kill_is_answered() -> None:
    command = [sys.executable, str(PROJECT / "bench" / "starts.py"), "--starts", str(STARTS)]
    command += ["--workers", "2", "--reload", "--kill-worker", "--json"]
    url = os.environ.get("STDCAL_DATABASE_URL")
    if url:
        command += ["--database-url", url]
    run = subprocess.run(command, capture_output=True, text=True, timeout=900, check=False)
    assert run.returncode == 0, run.stderr[-3000:]
    summary = json.loads(run.stdout)
    print(summary)
    assert summary["starts"] == STARTS
    assert summary["requests"] == STARTS * 3 * 30
    assert summary["unanswered"] == 0, summary["failures"]
    assert summary["errors_5xx"] == 0, summary["failures"]
    assert summary["starts_with_leftovers"] == 0
    assert summary["threaded_forks"] == 0
