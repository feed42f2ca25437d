"""Several instances, one database: exactly one scheduler does the work, and another takes over.

Two :class:`SourceScheduler` instances with their own engines share one store, as two app
instances would: on PostgreSQL (separate instance folders, so only the advisory lock can keep
them apart) and on SQLite (one instance folder, so the file lock beside it). Every scheduled
tick of both is counted; the store's run records say how often the source really ran.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import pytest
from local_site import every, page
from observe import wait_for
from sqlalchemy import select, text
from sqlalchemy.engine import Engine
from support import postgres_engine

import feeds.scheduler
from events.sources import SourceConfig
from events.store.db import make_engine, upgrade
from events.store.tables import IngestRunRow, SourceStateRow
from feeds.config import Settings
from feeds.runtime import Runtime
from feeds.scheduler import SourceScheduler

pytestmark = pytest.mark.store

INTERVAL = 0.4  # seconds
DEADLINE = 20.0


@dataclass
class Turns:
    """What one scheduler's ticks found: the lock held (a run) or not (skipped)."""

    led: int = 0
    skipped: int = 0


@dataclass
class Instances:
    first: Runtime
    second: Runtime
    source: SourceConfig


def open_runtime(settings: Settings, engine: Engine, instance_dir: Path) -> Runtime:
    return Runtime.open(settings.with_overrides(instance_dir=instance_dir), engine)


@pytest.fixture
def article_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "forum.html").write_bytes(page("forum_hangzhou"))
    return folder


@pytest.fixture
def lock_id(monkeypatch: pytest.MonkeyPatch) -> int:
    """A leader lock of this test's own, so test runs sharing a PostgreSQL server never meet."""
    chosen = random.randrange(1 << 20, 1 << 30)
    monkeypatch.setattr(feeds.scheduler, "LEADER_LOCK_ID", chosen)
    return chosen


@pytest.fixture(params=["sqlite", "postgresql"])
def instances(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    settings: Settings,
    article_dir: Path,
    lock_id: int,
) -> Iterator[Instances]:
    source = SourceConfig(
        "articles", "directory", str(article_dir), interval_minutes=every(INTERVAL)
    )
    if request.param == "sqlite":
        sqlite = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
        engines = (make_engine(sqlite), make_engine(sqlite))
        upgrade(engines[0])
        folder = tmp_path / "instance"  # one host: the lock file beside the database is shared
        yield Instances(
            open_runtime(settings, engines[0], folder),
            open_runtime(settings, engines[1], folder),
            source,
        )
        for engine in engines:
            engine.dispose()
        return
    url: str = request.getfixturevalue("postgres_url")
    for first in postgres_engine(url):  # a fresh schema, dropped when the test ends
        upgrade(first)
        with first.connect() as connection:
            schema = connection.execute(text("SELECT current_schema()")).scalar_one()
        second = make_engine(url, connect_args={"options": f"-csearch_path={schema}"})
        runtimes = (
            open_runtime(settings, first, tmp_path / "instance-a"),
            open_runtime(settings, second, tmp_path / "instance-b"),
        )
        yield Instances(*runtimes, source)
        second.dispose()


def counted(scheduler: SourceScheduler, monkeypatch: pytest.MonkeyPatch) -> Turns:
    turns = Turns()
    acquire = scheduler.leader.acquire

    def acquire_and_count() -> bool:
        held = acquire()
        if held:
            turns.led += 1
        else:
            turns.skipped += 1
        return held

    monkeypatch.setattr(scheduler.leader, "acquire", acquire_and_count)
    return turns


def run_starts(runtime: Runtime) -> list[dt.datetime]:
    with runtime.sessions() as session:
        return list(
            session.scalars(
                select(IngestRunRow.started)
                .where(IngestRunRow.trigger == "source:articles")
                .order_by(IngestRunRow.started)
            )
        )


def recorded_runs(runtime: Runtime) -> int:
    with runtime.sessions() as session:
        state = session.get(SourceStateRow, "articles")
        return state.runs if state else 0


def stop(*schedulers: SourceScheduler) -> None:
    """Pause every scheduler before any releases its lock, so no standby slips in a run."""
    running = [s for s in schedulers if s.scheduler.running]
    for scheduler in running:
        scheduler.scheduler.pause()
    for scheduler in running:
        scheduler.shutdown(wait=True)


def test_two_schedulers_run_each_source_once_per_interval(
    instances: Instances, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = SourceScheduler(instances.first, [instances.source], jitter_seconds=0)
    b = SourceScheduler(instances.second, [instances.source], jitter_seconds=0)
    turns_a, turns_b = counted(a, monkeypatch), counted(b, monkeypatch)
    a.start()
    b.start()
    try:
        wait_for(
            lambda: min(turns_a.led + turns_b.led, turns_a.skipped + turns_b.skipped) >= 5,
            timeout=DEADLINE,
            what="five runs by one scheduler and five skips by the other",
        )
    finally:
        stop(a, b)

    leader, standby = (turns_a, turns_b) if turns_a.led else (turns_b, turns_a)
    assert standby.led == 0, "both schedulers ran the source"
    assert abs(leader.led - standby.skipped) <= 1  # one run per tick, not two
    starts = run_starts(instances.first)
    assert len(starts) == leader.led == recorded_runs(instances.first)
    gaps = [(later - earlier).total_seconds() for earlier, later in pairwise(starts)]
    assert min(gaps) > INTERVAL / 2, gaps


def test_standby_takes_over_when_the_leader_stops(
    instances: Instances, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = SourceScheduler(instances.first, [instances.source], jitter_seconds=0)
    b = SourceScheduler(instances.second, [instances.source], jitter_seconds=0)
    turns_a, turns_b = counted(a, monkeypatch), counted(b, monkeypatch)
    a.start()
    try:
        wait_for(lambda: turns_a.led >= 1, timeout=DEADLINE, what="the first leader's run")
        b.start()
        wait_for(lambda: turns_b.skipped >= 2, timeout=DEADLINE, what="the standby skipping")
        assert turns_b.led == 0
        a.shutdown(wait=True)  # releases the lock
        wait_for(lambda: turns_b.led >= 2, timeout=DEADLINE, what="the standby taking over")
    finally:
        stop(a, b)

    assert len(run_starts(instances.first)) == turns_a.led + turns_b.led
    assert recorded_runs(instances.second) == turns_a.led + turns_b.led


@pytest.mark.parametrize("instances", ["postgresql"], indirect=True)
def test_standby_takes_over_when_the_leaders_database_session_dies(
    instances: Instances, monkeypatch: pytest.MonkeyPatch, lock_id: int, postgres_url: str
) -> None:
    """A leader that hangs keeps the lock (no double runs); once its session dies, it is free."""
    a = SourceScheduler(instances.first, [instances.source], jitter_seconds=0)
    b = SourceScheduler(instances.second, [instances.source], jitter_seconds=0)
    turns_a, turns_b = counted(a, monkeypatch), counted(b, monkeypatch)
    a.start()
    admin = make_engine(postgres_url)
    try:
        wait_for(lambda: turns_a.led >= 1, timeout=DEADLINE, what="the first leader's run")
        a.scheduler.shutdown(wait=True)  # stops working, but its session still holds the lock
        b.start()
        wait_for(lambda: turns_b.skipped >= 2, timeout=DEADLINE, what="the standby skipping")
        assert turns_b.led == 0
        with admin.begin() as connection:
            killed = connection.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory'"
                    " AND classid = 0 AND objid = :id AND granted"
                ),
                {"id": lock_id},
            ).all()
        assert killed == [(True,)]
        wait_for(lambda: turns_b.led >= 2, timeout=DEADLINE, what="the standby taking over")
    finally:
        stop(b)
        a.leader.release()
        admin.dispose()

    assert recorded_runs(instances.first) == turns_a.led + turns_b.led
