"""`stdcal serve`'s parent: the web server and the scheduler, each in a child process it watches.

The scheduler is a thread pool that writes the store; gunicorn forks its workers whenever it
starts, reloads or replaces one. Run in one process, every fork would copy the scheduler's
threads' locks (SQLite's mutexes, the SQLAlchemy pool, logging) into a worker where no thread
releases them. So neither shares a process with the other: this parent starts both by
fork-and-exec (nothing of this process survives into them), starts the scheduler again when
it dies (waiting longer after each quick failure), passes SIGHUP on to gunicorn (a graceful
reload of the web workers; the scheduler keeps running), and on SIGTERM or SIGINT stops both.
When the web server exits, so does the scheduler, and this process with the server's status.
"""

from __future__ import annotations

import ctypes
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from types import FrameType

TICK = 0.2  # seconds between looks at the children
STOP_WAIT = 40.0  # gunicorn's graceful timeout (30 s) and some
BACKOFF_MAX = 60.0  # seconds, between restarts of a scheduler that keeps failing
SETTLED = 60.0  # a scheduler that ran this long failed afresh: its backoff starts again
PR_SET_PDEATHSIG = 1


_PRCTL = ctypes.CDLL(None).prctl if sys.platform.startswith("linux") else None


def _die_with_parent() -> None:
    """In the child, before exec: SIGTERM when this parent dies, even by SIGKILL, so no server
    outlives its supervisor (Linux; elsewhere a no-op)."""
    if _PRCTL is not None:
        _PRCTL(PR_SET_PDEATHSIG, signal.SIGTERM)


@dataclass
class Child:
    name: str
    command: Sequence[str]
    process: subprocess.Popen[bytes] | None = None
    started: float = 0.0
    failures: int = 0
    restart_at: float = 0.0

    def start(self) -> None:
        # this process runs no thread, so the pre-exec hook is safe to run in the child
        self.process = subprocess.Popen(self.command, preexec_fn=_die_with_parent)
        self.started = time.monotonic()

    def exited(self) -> int | None:
        return None if self.process is None else self.process.poll()

    def signal(self, signum: int) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signum)

    def stop(self, deadline: float) -> None:
        if self.process is None:
            return
        self.signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=max(deadline - time.monotonic(), 0.1))
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@dataclass
class Supervisor:
    web: Sequence[str]
    scheduler: Sequence[str] | None
    say: Callable[[str], None]
    _stop: int | None = field(default=None, init=False)
    _reload: bool = field(default=False, init=False)

    def run(self) -> int:
        """Serve until the web server exits or a signal says stop; the server's exit status."""
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, self._on_stop)
        signal.signal(signal.SIGHUP, self._on_reload)
        web = Child("web server", self.web)
        web.start()
        scheduler = Child("scheduler", self.scheduler) if self.scheduler else None
        if scheduler is not None:
            scheduler.start()
            self.say(f"scheduler running in its own process (pid {_pid(scheduler)})")
        try:
            while self._stop is None and web.exited() is None:
                if self._reload:
                    self._reload = False
                    web.signal(signal.SIGHUP)
                if scheduler is not None:
                    self._watch(scheduler)
                time.sleep(TICK)
        finally:
            deadline = time.monotonic() + STOP_WAIT
            children = [web] if scheduler is None else [scheduler, web]
            for child in children:
                child.signal(signal.SIGTERM)  # both at once: each stops in its own time
            for child in children:
                child.stop(deadline)
        code = web.exited()
        return 0 if self._stop is not None or code is None else code

    def _watch(self, scheduler: Child) -> None:
        """Start a dead scheduler again: at once after a long run, else after 1, 2, 4 … s."""
        code = scheduler.exited()
        if code is None:
            return
        now = time.monotonic()
        if scheduler.restart_at <= scheduler.started:  # its exit is news
            ran = now - scheduler.started
            scheduler.failures = 0 if ran >= SETTLED else scheduler.failures + 1
            wait = min(2.0 ** (scheduler.failures - 1), BACKOFF_MAX) if scheduler.failures else 0
            scheduler.restart_at = now + wait
            self.say(f"scheduler exited with status {code} after {ran:.0f} s: "
                     f"restarting in {wait:.0f} s")  # fmt: skip
        if now >= scheduler.restart_at:
            scheduler.start()
            self.say(f"scheduler restarted (pid {_pid(scheduler)})")

    def _on_stop(self, signum: int, _frame: FrameType | None) -> None:
        self._stop = signum

    def _on_reload(self, _signum: int, _frame: FrameType | None) -> None:
        self._reload = True


def _pid(child: Child) -> int:
    assert child.process is not None
    return child.process.pid
