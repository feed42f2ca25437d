"""SIGKILL in the middle of an ingest costs nothing: one transaction per article means the
store holds whole articles only, and running the same command again finishes the batch.

`stdcal ingest` runs as a child over a batch of generated articles; the test watches the
database and kills the child once it has committed a given number of articles, checks the
store, and starts it again, at several points of the batch. Each article mentions its own
event and some share one, so events with several mentions are cut in the middle too.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
from reliability_support import (
    ARTICLES,
    child_database,
    child_env,
    run_stdcal,
    start_stdcal,
    store_problems,
    write_batch,
)
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from events.store.db import make_engine
from events.store.tables import ArticleRow, EventRow, MentionRow

pytestmark = pytest.mark.store

KILL_AFTER = (1, 30, 75, 140, 210, 280)  # committed articles when the SIGKILL comes


def committed(engine: Engine) -> int:
    with engine.connect() as connection:
        return connection.scalar(select(func.count()).select_from(ArticleRow)) or 0


def kill_after(engine: Engine, batch: Path, env: dict[str, str], count: int) -> bool:
    """Run the ingest until ``count`` articles are stored, then SIGKILL it. Whether the kill
    hit a running ingest (rather than one that had already finished)."""
    child = start_stdcal(["ingest", str(batch)], env)
    try:
        deadline = time.monotonic() + 240
        while child.poll() is None and committed(engine) < count:
            assert time.monotonic() < deadline, "ingest made no progress"
            time.sleep(0.005)
        running = child.poll() is None
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=60)
        child.communicate()
    return running and child.returncode == -signal.SIGKILL


def test_sigkill_at_many_points_then_rerun_completes(tmp_path: Path) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    write_batch(batch)
    with child_database(os.environ.get("STDCAL_DATABASE_URL"), tmp_path) as url:
        env = child_env(url, tmp_path)
        assert run_stdcal(["db", "upgrade"], env).returncode == 0
        engine = make_engine(url)
        try:
            survived = []
            for point in KILL_AFTER:
                if kill_after(engine, batch, env, point):
                    survived.append(point)
                assert store_problems(engine) == [], f"after a kill at {point} articles"
            assert len(survived) >= len(KILL_AFTER) - 1, survived  # the kills hit real work
            rerun = run_stdcal(["ingest", str(batch)], env)
            assert rerun.returncode == 0, rerun.stderr[-2000:]
            assert "0 failed" in rerun.stdout.splitlines()[0], rerun.stdout
            assert committed(engine) == ARTICLES
            assert store_problems(engine) == []
            with engine.connect() as connection:
                shared = connection.scalars(
                    select(func.count(MentionRow.id))
                    .join(EventRow, EventRow.id == MentionRow.event_id)
                    .where(EventRow.start.like("2025-03-%"))
                    .group_by(EventRow.id)
                ).all()
            assert sorted(shared) == [ARTICLES // 15] * 5  # every third article, five days
            again = run_stdcal(["ingest", str(batch)], env)
            assert again.stdout.startswith(f"0 new, 0 changed, {ARTICLES} unchanged, 0 failed")
        finally:
            engine.dispose()
        print(f"kill points survived ({engine.dialect.name}): {survived}")
