"""A calendar that takes longer than the streaming budget is sent while it is produced: its
first bytes leave at once, its body is the calendar, the complete output becomes the cached
entry (with its ETag and 304s for the next requests), and a client that goes away leaves
nothing half-written behind."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient

import feeds.cache
from feeds.cache import RenderCache, Streamed

pytestmark = pytest.mark.store

NOW = dt.datetime(2024, 1, 1, 8, 30, 15, 123, tzinfo=dt.UTC)


def blocks(produced: list[bytes]) -> Iterator[bytes]:
    for block in (b"BEGIN:", b"", b"VCALENDAR\r\n", b"END:VCALENDAR\r\n"):
        produced.append(block)
        yield block


@pytest.fixture(autouse=True)
def stream_small_outputs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(feeds.cache, "STREAM_MIN_BYTES", 0)  # these outputs are all small


def test_a_small_slow_output_is_not_streamed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(feeds.cache, "STREAM_MIN_BYTES", 1 << 10)
    entry = RenderCache().get_streamed("k", 1, lambda: blocks([]), lambda: NOW, budget=0)
    assert not isinstance(entry, Streamed) and entry.etag


def test_a_slow_output_streams_and_becomes_the_cached_entry() -> None:
    cache, produced = RenderCache(), []
    stream = cache.get_streamed("k", 1, lambda: blocks(produced), lambda: NOW, budget=0)
    assert isinstance(stream, Streamed)
    assert produced == []  # a budget of 0: the response starts before anything is produced
    assert b"".join(stream) == b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"
    entry = cache.get_streamed("k", 1, lambda: pytest.fail("rendered again"), lambda: NOW)
    assert not isinstance(entry, Streamed)
    assert entry.body == b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"
    assert entry.last_modified == NOW.replace(microsecond=0)
    assert entry.etag == RenderCache().get("x", 1, lambda: (entry.body, NOW)).etag


def test_a_fast_output_is_an_entry_at_once() -> None:
    entry = RenderCache().get_streamed("k", 1, lambda: blocks([]), lambda: NOW, budget=5)
    assert not isinstance(entry, Streamed) and entry.body.startswith(b"BEGIN:VCALENDAR")


def test_a_client_that_goes_away_stops_production_and_keeps_nothing() -> None:
    cache, produced = RenderCache(), []
    stream = cache.get_streamed("k", 1, lambda: blocks(produced), lambda: NOW, budget=0)
    assert isinstance(stream, Streamed)
    sending = iter(stream)
    assert next(sending) == b"BEGIN:"
    stream.close()  # what the server does when the connection is gone
    assert len(produced) < 4
    assert not list(cache._folder().iterdir())  # the half-written file is gone
    again = cache.get_streamed("k", 1, lambda: blocks([]), lambda: NOW, budget=5)
    assert not isinstance(again, Streamed)


def test_a_streamed_calendar_is_the_calendar_and_the_next_request_has_its_etag(
    app: Flask, client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    reference = client.get("/calendar.ics?lang=en").data  # rendered within the budget
    app.extensions["stdcal.cache"] = RenderCache()
    monkeypatch.setattr(feeds.cache, "STREAM_AFTER", 0.0)
    streamed = client.get("/calendar.ics?lang=en")
    assert streamed.status_code == 200 and streamed.is_streamed
    assert "ETag" not in streamed.headers  # the digest of bytes not yet written
    assert streamed.headers["Cache-Control"] == "no-cache"  # so no proxy keeps it without one
    assert streamed.headers["X-Accel-Expires"] == "0"
    assert streamed.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert streamed.data == reference
    cached = client.get("/calendar.ics?lang=en")
    assert cached.data == reference and cached.headers["ETag"]
    again = client.get("/calendar.ics?lang=en", headers={"If-None-Match": cached.headers["ETag"]})
    assert again.status_code == 304
