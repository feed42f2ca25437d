"""/healthz answers within a bounded time, whatever the database does."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import create_engine
from sqlalchemy.engine import Engine

import feeds.web.health
from feeds.config import Settings

PROBE = 0.5  # seconds


@pytest.fixture
def silent_database() -> Iterator[Engine]:
    """An engine whose every connection attempt waits until the test ends, as a connection
    blocked on a lock copied locked by a fork, or on a server gone silent, would."""
    release = threading.Event()

    def connect() -> object:
        release.wait()
        raise ConnectionError("released")

    engine = create_engine("sqlite://", creator=connect)
    yield engine
    release.set()
    engine.dispose()


@pytest.fixture
def silent_app(tmp_path: Path, silent_database: Engine, monkeypatch: pytest.MonkeyPatch) -> Flask:
    from feeds.app import create_app

    monkeypatch.setattr(feeds.web.health, "PROBE_SECONDS", PROBE)
    settings = Settings(instance_dir=tmp_path, secret_key="test", ingest_seeds=False)
    return create_app(settings, engine=silent_database, prepare_store=False)


def test_a_silent_database_is_reported_within_the_probe_time(silent_app: Flask) -> None:
    client = silent_app.test_client()
    for _ in range(feeds.web.health.bounded.max_stuck + 2):  # past the stuck probes, still bounded
        began = time.monotonic()
        response = client.get("/healthz")
        assert time.monotonic() - began < PROBE + 1.0
        assert response.status_code == 503
        assert response.get_json()["database"] == "timeout"


def test_an_error_is_reported_not_raised() -> None:
    def broken() -> None:
        raise RuntimeError("no such table")

    prober = feeds.web.health.Prober(max_stuck=1)
    with pytest.raises(RuntimeError, match="no such table"):
        prober(broken, 1.0)
    assert prober(lambda: 42, 1.0) == 42
