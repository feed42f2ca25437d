"""Nothing a fork could copy mid-flight: no pooled connection and no thread left behind by the
app factory, and a forked child starts with an empty pool of its own."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from sqlalchemy import text
from support import SEEDS

from events.store.db import make_engine
from feeds.config import Settings

pytestmark = pytest.mark.store


def test_app_factory_leaves_no_connection_and_no_thread(database_url: str, tmp_path: Path) -> None:
    """`gunicorn --preload wsgi:app` forks right after create_app: with the seeds ingested,
    nothing may stay open or running."""
    from feeds.app import create_app

    settings = Settings(
        database_url=database_url, instance_dir=tmp_path, seeds_dir=SEEDS, secret_key="test"
    )
    threads = set(threading.enumerate())
    app = create_app(settings)
    engine = app.extensions["stdcal"].engine
    try:
        # only threads it started count: an earlier test's request thread may end meanwhile
        assert set(threading.enumerate()) - threads == set()
        assert engine.pool.checkedout() == 0
        assert engine.pool.checkedin() == 0
    finally:
        engine.dispose()


def test_forked_child_gets_a_fresh_pool(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'fork.sqlite3'}")
    with engine.connect() as connection:
        connection.execute(text("SELECT 1"))
    assert engine.pool.checkedin() == 1
    pid = os.fork()
    if pid == 0:  # the child: its pool holds none of the parent's connections
        os._exit(0 if engine.pool.checkedin() == 0 else 1)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert engine.pool.checkedin() == 1  # the parent's connection is untouched
    engine.dispose()
