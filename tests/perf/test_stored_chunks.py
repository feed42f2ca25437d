"""VEVENT chunks kept in the database: a fresh worker, a restart or a second instance assembles
the calendar from what another process rendered, the warm-up after an ingest leaves nothing to
render in a request, and the table being unusable never costs a subscriber the calendar."""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from ical.calendar_stream import IcsCalendarStream
from sqlalchemy import func, select, text
from sqlalchemy.engine import Engine

import feeds.ics
from events.model import Language
from events.store.chunks import load_chunks, prune_chunks, save_chunks
from events.store.db import SQLITE_WAIT_MS, make_engine, upgrade
from events.store.requests import requested_variants
from events.store.tables import RenderedChunkRow
from feeds.app import create_app
from feeds.cache import ChunkCache
from feeds.chunk_store import StoredChunks
from feeds.config import Settings
from feeds.runtime import Runtime
from feeds.warmup import _tasks, warm_calendars

pytestmark = pytest.mark.store

PATHS = ["/calendar.ics", "/calendar.ics?lang=zh-Hant", "/calendar.ics?lang=en&city=Qingdao"]


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every event VEVENT rendered in this process from here on, by event key (a series
    master is written whole each time, by design: one per observance)."""
    seen: list[str] = []
    original: Callable[..., Any] = feeds.ics.render_vevent

    def counting(pe: Any, meta: Any) -> Any:
        seen.append(pe.key)
        return original(pe, meta)

    monkeypatch.setattr(feeds.ics, "render_vevent", counting)
    return seen


def kept(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.scalar(select(func.count()).select_from(RenderedChunkRow)) or 0)


def test_a_fresh_worker_assembles_what_another_rendered(
    client: FlaskClient, settings: Settings, engine: Engine, renders: list[str]
) -> None:
    first = {path: client.get(path).data for path in PATHS}
    assert renders and kept(engine) == len(renders)  # one chunk per event and language
    renders.clear()
    fresh = create_app(settings, engine=engine, prepare_store=False).test_client()
    again = {path: fresh.get(path).data for path in PATHS}
    assert renders == [] and again == first
    for body in again.values():
        assert IcsCalendarStream.calendar_from_ics(body.decode()).events


def test_warm_up_leaves_nothing_for_a_request_to_render(
    app: Flask, client: FlaskClient, settings: Settings, engine: Engine, renders: list[str]
) -> None:
    runtime = Runtime.open(settings, engine)
    first = warm_calendars(runtime, processes=0)
    assert first.rendered == len(renders) > 0 and first.pruned == 0
    assert warm_calendars(runtime, processes=0).rendered == 0  # unchanged events: all found
    renders.clear()
    for path in PATHS:
        assert client.get(path).status_code == 200
    assert renders == []


def test_the_warm_up_in_spawned_processes_keeps_every_chunk_a_request_needs(
    app: Flask, client: FlaskClient, settings: Settings, engine: Engine, renders: list[str]
) -> None:
    report = warm_calendars(Runtime.open(settings, engine), processes=2)
    assert report.processes == 2 and report.rendered == kept(engine) > 0
    for path in PATHS:
        assert client.get(path).status_code == 200
    assert renders == []  # the children rendered and kept them all


def test_the_warm_up_renders_the_requested_variants_first(
    app: Flask, client: FlaskClient, settings: Settings, engine: Engine
) -> None:
    client.get("/calendar.ics?lang=en&city=Qingdao")
    for _ in range(2):  # asked for more often (each render is noted: two fresh workers)
        create_app(settings, engine=engine, prepare_store=False).test_client().get(
            "/calendar.ics?lang=zh-Hant&kind=observance"
        )
    with engine.connect() as connection:
        requested = requested_variants(connection, dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
    assert [(lang, q.city, q.kinds) for lang, q in requested] == [
        ("zh-Hant", None, ("observance",)),
        ("en", "Qingdao", ()),
    ]
    tasks = list(_tasks(settings, requested, dt.datetime.now(dt.UTC), processes=1))
    assert [(lang.value, q.city, q.kinds) for lang, q in tasks] == [
        ("zh-Hant", None, ("observance",)),
        ("en", "Qingdao", ()),
        *((lang.value, None, ()) for lang in Language),
    ]


def test_an_unusable_chunk_table_still_serves_the_calendar(
    client: FlaskClient, engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE rendered_chunks"))
    response = client.get("/calendar.ics")
    assert response.status_code == 200
    assert IcsCalendarStream.calendar_from_ics(response.data.decode()).events
    assert "rendered chunks could not be" in caplog.text


def test_old_chunks_are_pruned_and_rendered_again(
    client: FlaskClient, settings: Settings, engine: Engine, renders: list[str]
) -> None:
    body = client.get("/calendar.ics").data
    count = kept(engine)
    with engine.begin() as connection:
        later = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1)
        assert prune_chunks(connection, later) == count
    renders.clear()
    fresh = create_app(settings, engine=engine, prepare_store=False).test_client()
    assert fresh.get("/calendar.ics").data == body
    assert len(renders) == count and kept(engine) == count


def test_the_same_digest_kept_twice_is_no_error(engine: Engine, sessions: object) -> None:
    now = dt.datetime.now(dt.UTC)
    for body in (b"first", b"second"):  # two instances racing to keep one digest
        with engine.begin() as connection:
            save_chunks(connection, {"d" * 64: body, "e" * 64: b"other"}, now)
    with engine.connect() as connection:
        assert load_chunks(connection, ["d" * 64, "f" * 64]) == {"d" * 64: b"first"}


def test_a_locked_sqlite_store_delays_a_request_briefly_not_for_the_lock_timeout(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'locked.sqlite3'}")
    upgrade(engine)
    chunks = StoredChunks(ChunkCache(1 << 20), engine)
    ingest = sqlite3.connect(tmp_path / "locked.sqlite3")
    ingest.execute("BEGIN IMMEDIATE")  # an ingest holding the write lock
    try:
        started = time.monotonic()
        chunks.keep({"a" * 64: b"BEGIN:VEVENT\r\nEND:VEVENT\r\n"})
        chunks.flush()
        assert time.monotonic() - started < 5  # not the 30 s lock timeout
    finally:
        ingest.rollback()
        ingest.close()
    assert "could not be kept" in caplog.text
    assert chunks.lookup(["a" * 64])  # still in this worker's memory
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == SQLITE_WAIT_MS
    engine.dispose()


def test_kept_bodies_come_back_byte_for_byte(engine: Engine, sessions: object) -> None:
    """Text bodies travel as one JSON document, others row by row: either way the bytes that
    come back are the bytes kept (escapes, line ends, every script, non-UTF-8, NUL)."""
    now = dt.datetime.now(dt.UTC)
    text = {
        "a" * 64: 'BEGIN:VEVENT\r\nSUMMARY:标准\\,化 "引号" 標準 \t\u2028\U0001f600\r\n'.encode(),
        "b" * 64: b"",
        "c" * 64: b"\\u0041 \\\\ } ] " * 500,
    }
    other = {"d" * 64: b"\xff\xfe not UTF-8", "e" * 64: b"a NUL \x00 inside"}
    for chunks in (text, other, {**text, **other}):
        with engine.begin() as connection:
            save_chunks(connection, chunks, now)
    with engine.connect() as connection:
        assert load_chunks(connection, [*text, *other]) == {**text, **other}


def test_a_cold_table_is_asked_less_and_less_until_it_finds_something(
    engine: Engine, sessions: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a lookup that found nothing the next 1, 2, 4 … blocks are not looked up in the
    table (a never-rendered calendar finds nothing there); one that finds anything starts
    over, so a warm table is asked for every block."""
    import feeds.chunk_store

    asked: list[int] = []
    original = feeds.chunk_store.load_chunks

    def counting(connection: Any, digests: Any) -> Any:
        asked.append(block)
        return original(connection, digests)

    monkeypatch.setattr(feeds.chunk_store, "load_chunks", counting)
    chunks = StoredChunks(ChunkCache(0), engine)
    for block in range(40):  # nothing kept: a cold calendar of 40 blocks
        assert chunks.lookup([f"{block:064}"]) == {}
    assert asked == [0, 2, 5, 10, 19, 36]
    kept_digest = "k" * 64
    with engine.begin() as connection:
        save_chunks(connection, {kept_digest: b"kept"}, dt.datetime.now(dt.UTC))
    asked.clear()
    for block in range(40, 60):
        found = chunks.lookup([kept_digest])
        assert found == ({kept_digest: b"kept"} if asked and asked[-1] == block else {})
    assert asked == [53, *range(54, 60)]  # the next probe finds it: every block asked again
