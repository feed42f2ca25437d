"""APScheduler wiring: one job per source, and exactly one active scheduler per database.

Several app instances may each start a scheduler; before a job runs it must hold the leader
lock — a PostgreSQL session advisory lock (released by the server when its holder dies, so
another instance takes over at its next tick) or, on SQLite, an exclusive file lock beside the
database file. Jobs call :func:`events.refresh.run_source`, which never raises.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import logging
import threading
from pathlib import Path
from typing import IO, Any

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

from events.refresh import SourceOutcome, run_source
from events.sources import SourceConfig
from events.store.queries import content_version
from feeds.runtime import Runtime
from feeds.warmup import warm_calendars

log = logging.getLogger(__name__)

LEADER_LOCK_ID = 0x57DCA2


class Leader:
    """Holds the single-scheduler lock once acquired; ``acquire`` is cheap to call per job."""

    def __init__(self, engine: Engine, lock_file: Path) -> None:
        self._engine = engine
        self._lock_file = lock_file
        self._connection: Connection | None = None
        self._file: IO[str] | None = None
        self._mutex = threading.Lock()

    def acquire(self) -> bool:
        with self._mutex:
            if self._engine.dialect.name == "postgresql":
                return self._acquire_postgres()
            return self._acquire_file()

    def _acquire_postgres(self) -> bool:
        if self._connection is not None:
            try:
                self._connection.execute(text("SELECT 1"))
                self._connection.commit()  # never left idle in a transaction between ticks
                return True
            except Exception:  # the connection died, and the lock with it
                self._drop_connection()
        connection = self._engine.connect()
        held = connection.execute(
            text("SELECT pg_try_advisory_lock(:id)"), {"id": LEADER_LOCK_ID}
        ).scalar()
        connection.commit()
        if held:
            self._connection = connection
            return True
        connection.close()
        return False

    def _drop_connection(self) -> None:
        """Close the lock's connection for real: returned to the pool, its session (and the
        advisory lock, which belongs to the session) would live on and no one could take over."""
        connection, self._connection = self._connection, None
        if connection is None:
            return
        with contextlib.suppress(Exception):  # a dead connection may fail to say goodbye
            connection.invalidate()
        connection.close()

    def _acquire_file(self) -> bool:
        if self._file is not None:
            return True
        self._lock_file.parent.mkdir(parents=True, exist_ok=True)
        handle = self._lock_file.open("w")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            return False
        self._file = handle
        return True

    def release(self) -> None:
        with self._mutex:
            if self._connection is not None:
                self._drop_connection()
            if self._file is not None:
                self._file.close()
                self._file = None


class SourceScheduler:
    def __init__(
        self, runtime: Runtime, sources: list[SourceConfig], *, jitter_seconds: int = 30
    ) -> None:
        self.runtime = runtime
        self.sources = {s.name: s for s in sources}
        self.leader = Leader(runtime.engine, runtime.settings.instance_dir / "scheduler.lock")
        self.scheduler = BackgroundScheduler(timezone=dt.UTC)
        self.outcomes: dict[str, SourceOutcome] = {}
        self._warmed: int | None = None  # the content version whose calendars were warmed
        for source in sources:
            self.scheduler.add_job(
                self.run,
                IntervalTrigger(minutes=source.interval_minutes, jitter=jitter_seconds),
                args=[source.name],
                id=source.name,
                name=f"source {source.name}",
                max_instances=1,
                coalesce=True,
                misfire_grace_time=None,
                next_run_time=dt.datetime.now(dt.UTC),
            )

    def run(self, name: str) -> SourceOutcome | None:
        """One job: run the source if this instance leads; back off after a failure."""
        if not self.leader.acquire():
            log.debug("not the leader: skipping %s", name)
            return None
        source = self.sources[name]
        try:
            settings = self.runtime.settings
            outcome = run_source(
                self.runtime.sessions,
                source,
                max_bytes=settings.max_article_bytes,
                max_events=settings.max_events_per_article,
            )
        except Exception as exc:  # run_source records failures; this guards the scheduler
            log.exception("source %s crashed", name)
            outcome = SourceOutcome(name, "failed", None, str(exc), None)
        self.outcomes[name] = outcome
        self._warm()
        if outcome.retry_in is not None and self.scheduler.running:
            self.scheduler.modify_job(
                name, next_run_time=dt.datetime.now(dt.UTC) + outcome.retry_in
            )
        return outcome

    def _warm(self) -> None:
        """After a run that changed the store (and once at start), render the chunks of the
        calendars here, in the background, rather than in the next subscriber's request."""
        try:
            with self.runtime.engine.connect() as connection:
                version = content_version(connection)
        except Exception:
            log.exception("content version unreadable: calendars not warmed")
            return
        if version != self._warmed:
            report = warm_calendars(self.runtime)
            log.info("calendars warmed: %d chunks rendered, %d pruned, %.2f s",
                     report.rendered, report.pruned, report.seconds)  # fmt: skip
            self._warmed = version

    def next_runs(self) -> dict[str, dt.datetime | None]:
        return {job.id: job.next_run_time for job in self.scheduler.get_jobs()}

    def start(self) -> None:
        self.scheduler.start()

    def shutdown(self, wait: bool = False) -> None:
        self.scheduler.shutdown(wait=wait)
        self.leader.release()


def describe(scheduler: SourceScheduler) -> list[dict[str, Any]]:
    return [
        {"name": name, "next_run": when.isoformat() if when else None}
        for name, when in scheduler.next_runs().items()
    ]
