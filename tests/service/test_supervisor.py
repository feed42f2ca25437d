"""`stdcal serve`'s supervisor with stand-in children: it restarts a scheduler that dies, passes
SIGHUP to the web server, and stops both (and itself) on SIGTERM."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

from support import PROJECT

WEB = """
import signal, sys, time
def hup(*_):
    print("web: hup", flush=True)
signal.signal(signal.SIGHUP, hup)
print("web: up", flush=True)
time.sleep(120)
"""
DYING_SCHEDULER = "print('scheduler: up', flush=True); raise SystemExit(3)"
SUPERVISE = """
import json, sys
from feeds.supervisor import Supervisor
web, scheduler = json.loads(sys.argv[1])
sys.exit(Supervisor(web, scheduler, lambda m: print(m, flush=True)).run())
"""


def supervise(web: str, scheduler: str) -> subprocess.Popen[str]:
    commands = json.dumps([[sys.executable, "-c", web], [sys.executable, "-c", scheduler]])
    return subprocess.Popen(
        [sys.executable, "-c", SUPERVISE, commands],
        cwd=PROJECT,
        stdout=subprocess.PIPE,
        text=True,
    )


def test_scheduler_restarts_hup_reaches_web_and_term_stops_all(tmp_path: Path) -> None:
    supervisor = supervise(WEB, DYING_SCHEDULER)
    try:
        time.sleep(4.5)  # exits at once; restarted after 1 s, 2 s: three or four runs
        supervisor.send_signal(signal.SIGHUP)
        time.sleep(0.5)
        supervisor.send_signal(signal.SIGTERM)
        out, _ = supervisor.communicate(timeout=30)
    finally:
        if supervisor.poll() is None:
            supervisor.kill()
    assert supervisor.returncode == 0, out
    assert out.count("scheduler: up") >= 3, out
    assert "scheduler exited with status 3 after 0 s: restarting in 1 s" in out
    assert "restarting in 2 s" in out
    assert "web: hup" in out
    assert out.count("web: up") == 1  # a reload is gunicorn's to do, the process stays


def test_web_server_exit_stops_the_scheduler() -> None:
    web = "import time; time.sleep(1); raise SystemExit(7)"
    scheduler = "import time; print('scheduler: up', flush=True); time.sleep(120)"
    supervisor = supervise(web, scheduler)
    out, _ = supervisor.communicate(timeout=60)
    assert supervisor.returncode == 7  # the server's status, and no scheduler left running
    assert out.count("scheduler: up") == 1
