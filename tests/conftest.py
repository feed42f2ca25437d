"""Shared fixtures: a fresh real database per test (SQLite by default; PostgreSQL when
STDCAL_DATABASE_URL is set, each test in its own schema), and the app on top of it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker
from support import SEEDS, postgres_engine

from events.store.db import make_engine, session_factory, upgrade
from feeds.config import Settings

CI_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


@pytest.fixture(scope="session")
def postgres_url() -> str:
    """PostgreSQL for tests that compare databases; on CI its absence is a failure."""
    url = os.environ.get("STDCAL_DATABASE_URL") or CI_POSTGRES
    if not url.startswith("postgresql"):
        url = CI_POSTGRES
    try:
        make_engine(url).connect().close()
    except Exception as exc:  # every machine of this project runs PostgreSQL: its absence fails
        raise RuntimeError(f"PostgreSQL unreachable at {url}: {exc}") from exc
    return url


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return os.environ.get("STDCAL_DATABASE_URL") or f"sqlite:///{tmp_path / 'test.sqlite3'}"


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    if database_url.startswith("postgresql"):
        yield from postgres_engine(database_url)
    else:
        engine = make_engine(database_url)
        yield engine
        engine.dispose()


@pytest.fixture
def sessions(engine: Engine) -> sessionmaker[Session]:
    upgrade(engine)
    return session_factory(engine)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        instance_dir=tmp_path / "instance",
        seeds_dir=SEEDS,
        base_url="http://stdcal.test",
        secret_key="test",
    )


@pytest.fixture
def app(settings: Settings, engine: Engine) -> Flask:
    """The app on the test engine (the fixture's schema), seeds ingested on start."""
    from feeds.app import create_app

    return create_app(settings, engine=engine)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()
