"""Scale: one gunicorn worker over stores of N events (default 10,000 and 100,000).

    python bench/scale.py [--events 10000,100000] [--instance DIR]

It measures what a subscriber and the operator meet as the store grows:
- ``/calendar.ics`` in a fresh worker when no VEVENT chunk was ever kept (cold, every event
  rendered, as after an upgrade): time to the first byte and to the last, per event, its growth
  from one size to the next, and the worker's peak memory; beside it, in the same run, what
  icalendar alone takes to build and serialize the same events (read from the same store, in
  process, no HTTP): the cold request should take at most 0.3 of that;
- ``/calendar.ics`` in a fresh worker after another process kept the chunks (a restart, a new
  instance, a worker after the scheduler's warm-up), and after one event changed;
- the warm-up an ingest triggers (every core, spawned processes) and after one change;
- the worker's resident memory after serving every kind of page, calendar and feed.
``--instance DIR`` keeps the filled stores (``DIR/10000`` …) for later runs (filling 100,000
events takes minutes).
"""

from __future__ import annotations

import sys
from pathlib import Path

# bench/ first on sys.path would let bench/http.py shadow the stdlib's http: the project instead.
sys.path[0] = str(Path(__file__).resolve().parent.parent)

import argparse
import contextlib
import http.client
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse
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
    synthetic = min(events, SYNTHETIC) - have
    print(f"filling the store with {synthetic:,} synthetic events…", flush=True)
    subprocess.run([PYTHON, str(ROOT / "bench" / "synthetic.py"), str(synthetic)],
                   env=env, check=True, cwd=ROOT)  # fmt: skip
    if events > SYNTHETIC:
        print(f"…and copies of them up to {events:,}", flush=True)
        replicate(database, events)
    return env, database


SYNTHETIC = 10_000  # events written through the store; larger stores are copies of these
_COPIED = {  # table: (columns with an id to move, a unique text column to make new)
    "articles": (("id",), "locator"),
    "article_revisions": (("id", "article_id"), None),
    "events": (("id",), "key"),
    "event_mentions": (("id", "event_id", "article_id"), None),
}


def replicate(database: Path, events: int) -> None:
    """Copy the synthetic events (with their articles and mentions) under new ids and keys
    until the store holds ``events``: writing 100,000 through the store's ORM takes most of
    an hour here, and a calendar only needs distinct events (each copy has its own key, UID
    and page)."""
    with contextlib.closing(sqlite3.connect(database)) as db:
        offset, copy = 1_000_000, 0  # copy n's ids are the originals' + n × offset
        while count(database, "events") < events:
            copy += 1
            for table, (ids, unique) in _COPIED.items():
                columns = [r[1] for r in db.execute(f"PRAGMA table_info({table})")]
                values = [
                    f"{c} + {copy * offset}" if c in ids
                    else f"{c} || '~{copy}'" if c == unique else f'"{c}"'
                    for c in columns
                ]  # fmt: skip
                where = "WHERE key LIKE 'ev-%'" if table == "events" else ""
                if table == "articles":
                    where = "WHERE locator LIKE '%synthetic-%'"
                if table in ("article_revisions", "event_mentions"):
                    where = f"WHERE article_id IN (SELECT id FROM articles {_SYNTHETIC_ONLY})"
                quoted = ", ".join(f'"{c}"' for c in columns)
                db.execute(f"INSERT INTO {table} ({quoted}) SELECT {', '.join(values)} "
                           f"FROM {table} {where} AND id < {offset}"
                           if where else f"INSERT INTO {table} ({quoted}) SELECT "
                           f"{', '.join(values)} FROM {table} WHERE id < {offset}")  # fmt: skip
            db.commit()
            surplus = count(database, "events") - events
            if surplus > 0:
                db.execute(f"DELETE FROM events WHERE id IN (SELECT id FROM events "
                           f"ORDER BY id DESC LIMIT {surplus})")  # fmt: skip
                db.commit()


_SYNTHETIC_ONLY = "WHERE locator LIKE '%synthetic-%'"


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


def timed_get(url: str) -> tuple[float, float, int]:
    """Seconds to the first byte of the body, to the last, and the size."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=600)
    started = time.perf_counter()
    connection.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""))
    response = connection.getresponse()
    first = response.read(1)
    first_byte = time.perf_counter() - started
    size = len(first) + len(response.read())
    connection.close()
    return first_byte, time.perf_counter() - started, size


def icalendar_alone(env: dict[str, str], events: int) -> tuple[float, int]:
    """Seconds icalendar takes to build and serialize the calendar's events (zh-Hans, as the
    default calendar), read beforehand from the same store; at most ``events`` of them."""
    code = ("import sys, time, datetime as dt; from itertools import islice; "
            "from feeds.calendars import calendar_meta, published_query; "
            "from feeds.ics import vevent; from feeds.config import Settings; "
            "from feeds.runtime import Runtime; from events.model import Language; "
            "from events.store.queries import EventQuery, iter_events; "
            "runtime = Runtime.open(Settings.from_env()); "
            "meta = calendar_meta(runtime.settings, Language.HANS); "
            "query = published_query(runtime.settings, EventQuery(calendar_order=True), "
            "dt.datetime.now(dt.UTC)); session = runtime.sessions(); "
            f"events = list(islice(iter_events(session, query), {events})); "
            "started = time.perf_counter(); "
            "[vevent(pe, meta).to_ical() for pe in events]; "
            "print(time.perf_counter() - started, len(events))")  # fmt: skip
    done = subprocess.run([PYTHON, "-c", code], env=env, check=True, cwd=ROOT, capture_output=True)
    seconds, count = done.stdout.split()[-2:]
    return float(seconds), int(count)


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


REFERENCE_EVENTS = 10_000  # icalendar's per-event cost is measured on at most this many


def cold(
    env: dict[str, str], database: Path, log: Path, stored: int, previous: float | None
) -> float:
    """The never-rendered calendar in a fresh worker beside icalendar alone; seconds per event."""
    with worker(env, log) as (base, pid):
        forget_chunks(database)
        first_byte, seconds, size = timed_get(base + "/calendar.ics")
        rss, peak = memory(pid)
    reference, measured = icalendar_alone(env, REFERENCE_EVENTS)
    per_event = seconds / stored
    icalendar_total = reference / measured * stored
    growth = f"{per_event / previous:.2f}" if previous else "-"
    print("  cold /calendar.ics (zh-Hans, every event, no kept chunks), fresh worker:")
    row("first byte", first_byte)
    row("whole calendar", seconds, f"{size / 1e6:>6.1f} MB  {per_event * 1e6:.0f} µs/event  "
        f"growth {growth}")  # fmt: skip
    print(f"  {'worker memory after it (RSS, peak)':<50} {rss:>8.0f} {peak:>6.0f} MB")
    note = "" if measured == stored else f" (from {measured:,} events)"
    row(f"icalendar alone, same events{note}", icalendar_total,
        f"{reference / measured * 1e6:.0f} µs/event")  # fmt: skip
    row("cold request / icalendar alone", seconds / icalendar_total)
    return per_event


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", default="10000,100000", help="sizes, comma-separated")
    parser.add_argument("--instance", type=Path, help="keep (and reuse) the stores here")
    parser.add_argument("--cold-only", action="store_true", help="only the never-rendered calendar")
    args = parser.parse_args()
    previous: float | None = None
    for events in (int(n) for n in args.events.split(",")):
        with tempfile.TemporaryDirectory(prefix="stdcal-scale-") as tmp:
            instance = (args.instance or Path(tmp)) / str(events)
            instance.mkdir(parents=True, exist_ok=True)
            log = Path(tmp) / "gunicorn.log"
            previous = measure(instance, events, log, previous, cold_only=args.cold_only)


def measure(
    instance: Path, events: int, log: Path, previous: float | None, *, cold_only: bool
) -> float:
    env, database = store(instance, events)
    stored = count(database, "events")
    print(f"\nstore: {stored:,} events, {count(database, 'articles'):,} articles (SQLite), "
          f"{os.cpu_count()} cores")  # fmt: skip
    with worker(env, log):  # a first start migrates the store
        pass
    per_event = cold(env, database, log, stored, previous)
    if cold_only:
        return per_event
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
    row("warm-up, 3 languages, from zh-Hans only (every core)", warm(env))
    subprocess.run([STDCAL, "edit", "1", "--title", "再改名"], env=env, check=True,
                   cwd=ROOT, capture_output=True)  # fmt: skip
    row("warm-up after one change, 3 languages (every core)", warm(env))
    print(f"\nworker memory with {stored:,} events stored, after each request (fresh worker)")
    print(f"  {'path':<34} {'seconds':>8} {'KB':>8} {'RSS MB':>7} {'peak MB':>8}")
    with worker(env, log) as (base, pid):
        rss, peak = memory(pid)
        print(f"  {'(started)':<34} {'':>8} {'':>8} {rss:>7.0f} {peak:>8.0f}")
        for path in PAGES:
            seconds, size = get(base + path)
            rss, peak = memory(pid)
            print(f"  {path:<34} {seconds:>8.2f} {size / 1e3:>8.0f} {rss:>7.0f} {peak:>8.0f}")
    return per_event


if __name__ == "__main__":
    main()
