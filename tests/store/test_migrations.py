"""Migrations are the only way the schema changes: they build exactly the tables the code
declares, run twice harmlessly, and an upgrade keeps the rows already stored."""

from __future__ import annotations

import datetime as dt

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select
from sqlalchemy.engine import Engine

from events.store.db import session_factory, upgrade
from events.store.tables import Base, SourceRow

pytestmark = pytest.mark.store


def test_migrations_build_the_declared_schema(engine: Engine) -> None:
    upgrade(engine)
    with engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []


def test_upgrade_twice_keeps_data(engine: Engine) -> None:
    upgrade(engine, "0001")
    sessions = session_factory(engine)
    with sessions.begin() as s:
        s.add(SourceRow(name="keep", kind="manual", location="-", created=dt.datetime.now(dt.UTC)))
    upgrade(engine)
    upgrade(engine)
    with sessions() as s:
        assert s.scalars(select(SourceRow.name)).all() == ["keep"]
