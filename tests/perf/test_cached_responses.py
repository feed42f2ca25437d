"""The hit path of calendars and feeds: no ORM loading, at most one tiny version read, and the
version shared through the database so an instance sees another instance's ingest."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import event, text, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from events.store.queries import content_version
from events.store.tables import EventRow
from events.store.writer import bump_content_version
from feeds.cache import RenderCache

PATHS = ["/calendar.ics", "/feeds/atom.xml", "/feeds/events.json", "/events/1.ics"]


@contextmanager
def statements(engine: Engine) -> Iterator[list[str]]:
    seen: list[str] = []

    def note(*args: Any) -> None:
        seen.append(str(args[2]))

    event.listen(engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", note)


def use_cache(app: Flask, **options: float) -> RenderCache:
    cache = RenderCache(**options)  # type: ignore[arg-type]
    app.extensions["stdcal.cache"] = cache
    return cache


@pytest.mark.parametrize("path", PATHS)
def test_cached_200_and_304_read_only_the_version(
    app: Flask, client: FlaskClient, engine: Engine, path: str
) -> None:
    use_cache(app, version_ttl=0)
    first = client.get(path)
    assert first.status_code == 200
    etag = first.headers["ETag"]
    with statements(engine) as seen:
        again = client.get(path)
        fresh = client.get(path, headers={"If-None-Match": etag})
    assert again.data == first.data and again.headers["ETag"] == etag
    assert fresh.status_code == 304 and fresh.data == b""
    assert fresh.headers["ETag"] == etag and "max-age" in fresh.headers["Cache-Control"]
    assert len(seen) == 2 and all("site_state" in s for s in seen), seen


def test_within_the_memo_a_hit_touches_no_database(
    app: Flask, client: FlaskClient, engine: Engine
) -> None:
    use_cache(app, version_ttl=3600)
    etag = client.get("/calendar.ics").headers["ETag"]
    with statements(engine) as seen:
        assert client.get("/calendar.ics", headers={"If-None-Match": etag}).status_code == 304
        assert client.get("/feeds/atom.xml").status_code == 200  # a miss still renders
        assert client.get("/feeds/atom.xml").status_code == 200
    assert not any("site_state" in s for s in seen)


def test_a_commit_in_this_process_is_seen_at_once(
    app: Flask, client: FlaskClient, sessions: sessionmaker[Session]
) -> None:
    use_cache(app, version_ttl=3600)
    before = client.get("/calendar.ics")
    with sessions.begin() as s:
        s.execute(update(EventRow).where(EventRow.id == 1).values(title="改过的标题"))
        bump_content_version(s)
    after = client.get("/calendar.ics", headers={"If-None-Match": before.headers["ETag"]})
    assert after.status_code == 200
    assert "改过的标题" in after.get_data(as_text=True)


def test_another_instances_ingest_is_seen_within_the_bound(
    app: Flask, client: FlaskClient, engine: Engine
) -> None:
    """A write from elsewhere (raw DBAPI: no event of this process sees it) shows up after the
    memo's lifetime, because the version lives in the database."""
    use_cache(app, version_ttl=0.2)
    before = client.get("/calendar.ics")
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("UPDATE events SET title = 'elsewhere' WHERE id = 1")
        cursor.execute("UPDATE site_state SET value = value + 1 WHERE name = 'content_version'")
        raw.commit()
    finally:
        raw.close()
    time.sleep(0.25)
    after = client.get("/calendar.ics", headers={"If-None-Match": before.headers["ETag"]})
    assert after.status_code == 200
    assert "SUMMARY:elsewhere" in after.get_data(as_text=True)


def test_content_version_is_one_core_query(engine: Engine, sessions: sessionmaker[Session]) -> None:
    with engine.connect() as connection:
        start = content_version(connection)
    with sessions.begin() as s:
        bump_content_version(s)
    with sessions() as s, engine.connect() as connection:
        assert content_version(s) == content_version(connection) == start + 1
        assert connection.execute(text("SELECT 1")).scalar() == 1
