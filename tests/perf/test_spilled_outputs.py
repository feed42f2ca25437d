"""Outputs larger than the spill size are written to a file once and sent from it: the bytes,
ETag and 304s are those of the in-memory path, HEAD sends no body, an evicted output's file is
deleted, and the streamed calendar is the one built from the list of events (both databases:
the store's calendar order must be the renderer's)."""

from __future__ import annotations

import datetime as dt

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session, sessionmaker

from events.model import Language
from events.store.queries import EventQuery, list_events
from feeds.cache import RenderCache
from feeds.calendars import calendar_meta, published_query
from feeds.config import Settings
from feeds.ics import render_calendar

pytestmark = pytest.mark.store

NOW = dt.datetime(2024, 1, 1, 8, 30, tzinfo=dt.UTC)


def writer(body: bytes):  # type: ignore[no-untyped-def]
    def write(out) -> dt.datetime:  # type: ignore[no-untyped-def]
        for start in range(0, len(body), 7):
            out.write(body[start : start + 7])
        return NOW

    return write


def test_small_written_outputs_stay_in_memory_and_large_ones_on_disk() -> None:
    cache = RenderCache(spill_bytes=10)
    small = cache.get_written("small", 1, writer(b"tiny"))
    large = cache.get_written("large", 1, writer(b"x" * 100))
    assert small.path is None and small.body == b"tiny" and small.size == 4
    assert large.path is not None and large.body == b"" and large.size == 100
    assert large.path.read_bytes() == b"x" * 100
    plain = RenderCache().get("large", 1, lambda: (b"x" * 100, NOW))
    assert large.etag == plain.etag  # the same bytes have the same tag, whichever the path
    assert cache.get_written("large", 1, writer(b"other")) is large  # a hit writes nothing
    newer = cache.get_written("large", 2, writer(b"y" * 50))
    assert not large.path.exists() and newer.path is not None  # replaced: its file is gone
    cache.clear()
    assert not newer.path.exists() and cache.disk_bytes == 0 and cache.bytes == 0


def test_disk_budget_evicts_the_oldest_files() -> None:
    cache = RenderCache(spill_bytes=10, max_disk_bytes=250)
    first = cache.get_written("a", 1, writer(b"a" * 100))
    cache.get_written("b", 1, writer(b"b" * 100))
    cache.get_written("c", 1, writer(b"c" * 100))
    assert first.path is not None and not first.path.exists()
    assert cache.disk_bytes == 200


def test_a_spilled_calendar_is_served_like_one_in_memory(app: Flask, client: FlaskClient) -> None:
    in_memory = client.get("/calendar.ics?lang=en")
    app.extensions["stdcal.cache"] = spilling = RenderCache(spill_bytes=100)
    spilled = client.get("/calendar.ics?lang=en")
    assert spilled.status_code == 200 and spilling.disk_bytes == len(in_memory.data)
    assert spilled.data == in_memory.data
    for name in ("ETag", "Last-Modified", "Cache-Control", "Content-Type"):
        assert spilled.headers[name] == in_memory.headers[name], name
    assert spilled.headers["Content-Length"] == str(len(in_memory.data))
    head = client.head("/calendar.ics?lang=en")
    assert head.status_code == 200 and head.data == b""
    again = client.get("/calendar.ics?lang=en", headers={"If-None-Match": spilled.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""


def test_the_streamed_calendar_is_the_one_built_from_the_list(
    client: FlaskClient, settings: Settings, sessions: sessionmaker[Session]
) -> None:
    served = client.get("/calendar.ics?lang=zh-Hant").data
    query = published_query(settings, EventQuery(), dt.datetime.now(dt.UTC))
    with sessions() as s:
        events = list_events(s, query)
    assert len(events) >= 5
    assert served == render_calendar(events, calendar_meta(settings, Language.HANT))
