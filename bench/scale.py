"""Scale: one gunicorn worker over a store of N events (default 10,000).

    python bench/scale.py [--events 10000] [--instance DIR]

It measures what a subscriber and the operator meet as the store grows:
- ``/calendar.ics`` in a fresh worker when no VEVENT chunk was ever kept (cold, every event
  rendered by icalendar), in a fresh worker after another process kept them (a restart, a new
  instance, a worker after the scheduler's warm-up), and after one event changed;
- the warm-up an ingest triggers after one change;
- the worker's resident memory after serving every kind of page, calendar and feed.
``--instance DIR`` keeps the filled store for later runs (filling 100,000 events takes minutes).
"""

from __future__ import annotations

import sys
from pathlib import Path

# bench/ first on sys.path would let bench/http.py shadow the stdlib's http: the project instead.
sys.path[0] = str(Path(__file__).resolve().parent.parent)

import argparse
import contextlib
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from bench.http import free_port, process, wait_for

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))
STDCAL = str(Path(PYTHON).with_name("stdcal"))
PAGES = [
    "/", "/?lang=en", "/?lang=zh-Hant&month=2022-03", "/calendar.ics", "/calendar.ics?lang=zh-Hant",
    "/calendar.ics?lang=en", "/calendar.ics?city=Qingdao", "/feeds/atom.xml", "/feeds/rss.xml",
    "/feeds/events.atom", "/feeds/events.json", "/api/events?limit=50", "/embed", "/events/1",
    "/articles", "/status", "/healthz",
]  # fmt: skip


def store(instance: Path, events: int) -> tuple[dict[str, str], Path]:
    env = {**os.environ, "STDCAL_INSTANCE_DIR": str(instance), "STDCAL_SCHEDULER": "0",
           "STDCAL_BASE_URL": "http://127.0.0.1:8000", "STDCAL_SECRET_KEY": "bench"}  # fmt: skip
    env.pop("STDCAL_DATABASE_URL", None)
    database = instance / "stdcal.sqlite3"
    if database.exists():  # a kept store: filled by an earlier run
        return env, database
    subprocess.run([STDCAL, "ingest"], env=env, check=True, cwd=ROOT, capture_output=True)
    have = count(database, "events")  # the seeds' events
    print(f"filling the store with {events - have:,} synthetic events…", flush=True)
    subprocess.run([PYTHON, str(ROOT / "bench" / "synthetic.py"), str(events - have)],
                   env=env, check=True, cwd=ROOT)  # fmt: skip
    return env, database


def count(database: Path, table: str) -> int:
    with contextlib.closing(sqlite3.connect(database)) as db:
        return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def forget_chunks(database: Path) -> None:
    with contextlib.closing(sqlite3.connect(database)) as db:
        db.execute("DELETE FROM rendered_chunks")
        db.commit()


@contextlib.contextmanager
def worker(env: dict[str, str], log: Path) -> Iterator[tuple[str, int]]:
    port = free_port()
    args = [GUNICORN, "-w", "1", "--timeout", "600", "-b", f"127.0.0.1:{port}", "wsgi:app"]
    with process(args, env, log) as master:
        base = f"http://127.0.0.1:{port}"
        wait_for(base + "/healthz", deadline=120)
        children = Path(f"/proc/{master.pid}/task/{master.pid}/children").read_text().split()
        yield base, int(children[0])


def get(url: str) -> tuple[float, int]:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=600) as response:
        size = len(response.read())
    return time.perf_counter() - started, size


def memory(pid: int) -> tuple[float, float]:
    """Resident set now and its peak (VmRSS, VmHWM), in MB."""
    fields = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
    )
    return tuple(int(fields[k].split()[0]) / 1024 for k in ("VmRSS", "VmHWM"))  # type: ignore[return-value]


def warm(env: dict[str, str]) -> float:
    """Seconds for what the scheduler runs after an ingest (see feeds.calendars), in-process."""
    code = ("import time; from feeds.warmup import warm_calendars; "
            "from feeds.config import Settings; from feeds.runtime import Runtime; "
            "runtime = Runtime.open(Settings.from_env()); started = time.perf_counter(); "
            "warm_calendars(runtime); print(time.perf_counter() - started)")  # fmt: skip
    done = subprocess.run([PYTHON, "-c", code], env=env, check=True, cwd=ROOT, capture_output=True)
    return float(done.stdout.split()[-1])


def row(label: str, seconds: float, extra: str = "") -> None:
    print(f"  {label:<50} {seconds:>8.3f} {extra}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--instance", type=Path, help="keep (and reuse) the store here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="stdcal-scale-") as tmp:
        instance = args.instance or Path(tmp) / "instance"
        env, database = store(instance, args.events)
        stored = count(database, "events")
        log = Path(tmp) / "gunicorn.log"
        print(f"store: {stored:,} events, {count(database, 'articles'):,} articles (SQLite)")
        print(f"  {'/calendar.ics (zh-Hans, every event)':<50} {'seconds':>8} {'MB':>6}")
        with worker(env, log) as (base, _):  # a first start migrates the store
            forget_chunks(database)
            cold, size = get(base + "/calendar.ics")
        row("fresh worker, no kept chunks (cold)", cold, f"{size / 1e6:>6.1f}")
        with worker(env, log) as (base, _):
            fresh, size = get(base + "/calendar.ics")
            again, _ = get(base + "/calendar.ics")
            subprocess.run([STDCAL, "edit", "1", "--title", f"改名 {time.time():.0f}"], env=env,
                           check=True, cwd=ROOT, capture_output=True)  # fmt: skip
            time.sleep(1.1)  # the worker re-reads the content version at most every second
            changed, _ = get(base + "/calendar.ics")
        row("fresh worker, chunks kept by another process", fresh, f"{size / 1e6:>6.1f}")
        row("same worker, same version (cached bytes)", again)
        row("same worker, after one event changed", changed)
        row("warm-up, 3 languages, from zh-Hans only (process)", warm(env))
        subprocess.run([STDCAL, "edit", "1", "--title", "再改名"], env=env, check=True,
                       cwd=ROOT, capture_output=True)  # fmt: skip
        row("warm-up after one change, 3 languages (process)", warm(env))
        print(f"\nworker memory with {stored:,} events stored, after each request (fresh worker)")
        print(f"  {'path':<34} {'seconds':>8} {'KB':>8} {'RSS MB':>7} {'peak MB':>8}")
        with worker(env, log) as (base, pid):
            rss, peak = memory(pid)
            print(f"  {'(started)':<34} {'':>8} {'':>8} {rss:>7.0f} {peak:>8.0f}")
            for path in PAGES:
                seconds, size = get(base + path)
                rss, peak = memory(pid)
                print(f"  {path:<34} {seconds:>8.2f} {size / 1e3:>8.0f} {rss:>7.0f} {peak:>8.0f}")


if __name__ == "__main__":
    main()
