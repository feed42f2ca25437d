"""Starts of `stdcal serve`, the scheduler on: how many left a request unanswered.

One command: `.venv/bin/python bench/starts.py --starts 50 [--database-url URL] [--reload]
[--kill-worker] [--json]`. Each start runs `stdcal serve` (three gthread workers, the scheduler
process beside them) on a loopback port and, the moment /healthz first answers, sends
``--requests`` concurrent requests (health, calendar, feed, pages), each allowed ``--timeout``
seconds. With ``--reload`` the same burst follows a SIGHUP (gunicorn's graceful reload, new
workers forked); with ``--kill-worker`` it follows the SIGKILL of one worker. Then SIGTERM,
and the server and the scheduler must be gone. The first start creates the store (migrations,
seeds); the rest share it, and each starts while the scheduler's first run reads and writes
it, as after any deployment. SQLite in a temporary folder unless ``--database-url`` names a
database (a PostgreSQL schema per run when it is PostgreSQL).

Prints one line per start and the totals: starts with an unanswered request, requests
unanswered, answers 5xx.
"""

from __future__ import annotations

import sys
from pathlib import Path

# bench/ first on sys.path would let bench/http.py shadow the stdlib's http
sys.path[0] = str(Path(__file__).resolve().parent.parent)

import argparse
import json
import os
import re
import signal
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field

from events.store.db import scratch_schema

PROJECT = Path(__file__).resolve().parent.parent
STDCAL = [sys.executable, "-m", "feeds.cli"]
PATHS = ["/healthz", "/calendar.ics", "/feeds/atom.xml", "/", "/events/1", "/api/events"]
LISTENING = re.compile(r"Listening at: http://127\.0\.0\.1:(\d+)")
BOOTED = re.compile(r"Booting worker with pid: (\d+)")
THREADED_FORK = "forking a worker while the master runs threads"
READY_WITHIN = 120.0  # seconds from the command to the first answer of /healthz
STOP_WITHIN = 45.0  # seconds from SIGTERM to every process gone


@dataclass
class Burst:
    phase: str
    sent: int = 0
    unanswered: int = 0
    errors: int = 0  # answers 5xx
    first_failures: list[str] = field(default_factory=list)


@dataclass
class Start:
    number: int
    ready_seconds: float
    stop_seconds: float
    bursts: list[Burst]
    leftover: list[int]  # processes still alive after the stop
    warnings: list[str]  # gunicorn's word that its master forked while running threads

    @property
    def unanswered(self) -> int:
        return sum(b.unanswered for b in self.bursts)


@contextmanager
def database(url: str | None, directory: Path) -> Iterator[str]:
    """The store every start of this run shares: a SQLite file, or a fresh PostgreSQL
    schema named in the URL so the child processes open it."""
    if not url or not url.startswith("postgresql"):
        yield f"sqlite:///{directory / 'starts.sqlite3'}"
        return
    with scratch_schema(url, "starts") as scoped:
        yield scoped


class Serving:
    """One `stdcal serve`: its port, its log, its processes."""

    def __init__(self, env: dict[str, str], cwd: Path, workers: int) -> None:
        command = [*STDCAL, "serve", "--port", "0", "--workers", str(workers)]
        self.process = subprocess.Popen(
            command, env=env, cwd=cwd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True
        )
        self.lines: list[str] = []
        self.port: int | None = None
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.append(line)
            if self.port is None and (match := LISTENING.search(line)):
                self.port = int(match.group(1))

    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def wait_ready(self) -> float:
        started = time.monotonic()
        while time.monotonic() - started < READY_WITHIN:
            if self.process.poll() is not None:
                raise RuntimeError("stdcal serve exited:\n" + "".join(self.lines[-30:]))
            if self.port is not None:
                try:
                    with urllib.request.urlopen(f"{self.base()}/healthz", timeout=2):
                        return time.monotonic() - started
                except (OSError, urllib.error.HTTPError):
                    pass
            time.sleep(0.05)
        raise RuntimeError("/healthz never answered:\n" + "".join(self.lines[-30:]))

    def tree(self) -> list[int]:
        """Every process of this server: the supervisor and its descendants."""
        found, todo = [], [self.process.pid]
        while todo:
            pid = todo.pop()
            found.append(pid)
            todo += children(pid)
        return found

    def web_master(self) -> int:
        for pid in children(self.process.pid):
            if b"feeds.server" in Path(f"/proc/{pid}/cmdline").read_bytes():
                return pid
        raise RuntimeError("no gunicorn master among the children of stdcal serve")

    def stop(self) -> list[int]:
        """SIGTERM, then the processes still alive after STOP_WITHIN (killed)."""
        tree = self.tree()
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=STOP_WITHIN)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        deadline = time.monotonic() + 5
        alive = tree
        while alive and time.monotonic() < deadline:
            alive = [pid for pid in tree if running(pid)]
            time.sleep(0.05)
        for pid in alive:
            os.kill(pid, signal.SIGKILL)
        self._reader.join(timeout=5)
        return alive


def children(pid: int) -> list[int]:
    try:
        listed = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(x) for x in listed.split()]


def running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def burst(base: str, phase: str, requests: int, timeout: float) -> Burst:
    """``requests`` concurrent GETs over PATHS; a timeout or a broken connection is
    unanswered, a 5xx an error."""
    result = Burst(phase, sent=requests)

    def one(i: int) -> str | None:
        path = PATHS[i % len(PATHS)]
        try:
            with urllib.request.urlopen(base + path, timeout=timeout) as response:
                response.read()
            return None
        except urllib.error.HTTPError as exc:
            return None if exc.code < 500 else f"{path}: HTTP {exc.code}"
        except OSError as exc:
            return f"{path}: unanswered ({exc})"

    with ThreadPoolExecutor(max_workers=requests) as pool:
        for failure in pool.map(one, range(requests)):
            if failure is None:
                continue
            if "unanswered" in failure:
                result.unanswered += 1
            else:
                result.errors += 1
            if len(result.first_failures) < 3:
                result.first_failures.append(failure)
    return result


def kill_a_worker(serving: Serving) -> None:
    workers = children(serving.web_master())
    if not workers:
        raise RuntimeError("gunicorn has no worker to kill")
    os.kill(workers[0], signal.SIGKILL)


def reload(serving: Serving) -> None:
    """SIGHUP to `stdcal serve`, which passes it to gunicorn; back once a new worker boots."""
    booted = sum(1 for line in serving.lines if BOOTED.search(line))
    serving.process.send_signal(signal.SIGHUP)
    deadline = time.monotonic() + 10
    while sum(1 for line in serving.lines if BOOTED.search(line)) <= booted:
        if time.monotonic() > deadline:
            raise RuntimeError("no new worker after SIGHUP:\n" + "".join(serving.lines[-30:]))
        time.sleep(0.01)


def one_start(number: int, env: dict[str, str], cwd: Path, options: argparse.Namespace) -> Start:
    serving = Serving(env, cwd, options.workers)
    bursts: list[Burst] = []
    ready = 0.0
    try:
        ready = serving.wait_ready()
        bursts.append(burst(serving.base(), "start", options.requests, options.timeout))
        if options.reload:
            reload(serving)
            bursts.append(burst(serving.base(), "reload", options.requests, options.timeout))
        if options.kill_worker:
            kill_a_worker(serving)
            bursts.append(burst(serving.base(), "kill", options.requests, options.timeout))
    finally:
        stopping = time.monotonic()
        leftover = serving.stop()
    warnings = [line for line in serving.lines if THREADED_FORK in line]
    return Start(number, ready, time.monotonic() - stopping, bursts, leftover, warnings)


def report(start: Start) -> None:
    phases = ", ".join(
        f"{b.phase} {b.sent - b.unanswered}/{b.sent} answered"
        + (f" ({b.errors} 5xx)" if b.errors else "")
        for b in start.bursts
    )
    print(
        f"start {start.number:3}: ready in {start.ready_seconds:4.1f} s, "
        f"stopped in {start.stop_seconds:4.1f} s; {phases}",
        flush=True,
    )
    for b in start.bursts:
        for failure in b.first_failures:
            print(f"    {b.phase}: {failure}")
    if start.leftover:
        print(f"    processes left after SIGTERM: {start.leftover}")
    for line in start.warnings:
        print(f"    {line.strip()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--starts", type=int, default=50)
    parser.add_argument("--requests", type=int, default=30, help="concurrent, per burst")
    parser.add_argument("--timeout", type=float, default=5.0, help="seconds per request")
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--database-url", default=os.environ.get("STDCAL_DATABASE_URL"))
    parser.add_argument("--reload", action="store_true", help="a burst after SIGHUP too")
    parser.add_argument("--kill-worker", action="store_true", help="a burst after a SIGKILL")
    parser.add_argument("--parallel", type=int, default=1, help="servers running at once")
    parser.add_argument("--json", action="store_true", help="print one JSON summary only")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="stdcal-starts-") as tmp:
        folder = Path(tmp)
        with database(options.database_url, folder) as url:
            env = {k: v for k, v in os.environ.items() if not k.startswith("STDCAL_")}
            env.update(
                STDCAL_DATABASE_URL=url,
                STDCAL_INSTANCE_DIR=str(folder / "instance"),
                STDCAL_CONFIG=str(folder / "no-sources.toml"),  # the seeds are the source
                PYTHONPATH=str(PROJECT),
            )
            began = time.monotonic()
            numbers = iter(range(1, options.starts + 1))
            taking = threading.Lock()

            def lane() -> list[Start]:
                done: list[Start] = []
                while True:
                    with taking:
                        number = next(numbers, None)
                    if number is None:
                        return done
                    done.append(one_start(number, env, folder, options))
                    if not options.json:
                        report(done[-1])

            if options.parallel == 1:  # in the main thread, where Ctrl-C stops the servers
                starts = lane()
            else:
                with ThreadPoolExecutor(max_workers=options.parallel) as lanes:
                    running = [lanes.submit(lane) for _ in range(options.parallel)]
                    done = (s for f in running for s in f.result())
                    starts = sorted(done, key=lambda s: s.number)
            seconds = time.monotonic() - began
    summary = {
        "database": "postgresql" if url.startswith("postgresql") else "sqlite",
        "starts": len(starts),
        "starts_with_unanswered": sum(1 for s in starts if s.unanswered),
        "requests": sum(b.sent for s in starts for b in s.bursts),
        "unanswered": sum(s.unanswered for s in starts),
        "errors_5xx": sum(b.errors for s in starts for b in s.bursts),
        "starts_with_leftovers": sum(1 for s in starts if s.leftover),
        "threaded_forks": sum(len(s.warnings) for s in starts),
        "seconds": round(seconds, 1),
        "failures": [asdict(b) for s in starts for b in s.bursts if b.first_failures][:10],
    }
    if options.json:
        print(json.dumps(summary))
        return
    print(
        f"\n{summary['database']}: {summary['starts_with_unanswered']} of {summary['starts']} "
        f"starts left requests unanswered; {summary['unanswered']} of {summary['requests']} "
        f"requests unanswered, {summary['errors_5xx']} answered 5xx; "
        f"{summary['starts_with_leftovers']} starts left processes behind; {seconds:.0f} s"
    )


if __name__ == "__main__":
    main()
