"""`stdcal export DIR` serves from any static host: a calendar client and a feed reader get the
same content from the exported folder, behind a plain static server, as from the live app."""

from __future__ import annotations

import functools
import threading
import urllib.request
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import feedparser
import icalendar
import pytest
from flask import Flask
from flask.testing import FlaskClient
from ical.calendar_stream import IcsCalendarStream

from feeds.export import export_site


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def exported(app: Flask, tmp_path: Path) -> Iterator[str]:
    """The exported site behind http.server on an ephemeral loopback port; yields its URL."""
    root = tmp_path / "site"
    report = export_site(app, root)
    assert report.files > 20 and not report.skipped, report.skipped
    handler = functools.partial(QuietHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def fetch(url: str) -> tuple[bytes, str]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read(), response.headers.get_content_type()


def ical_events(data: bytes) -> set[tuple[str, str, str, str]]:
    """(UID, RECURRENCE-ID, SUMMARY, DTSTART) of every VEVENT, read by icalendar and checked
    against the strict parser."""
    calendar = icalendar.Calendar.from_ical(data)
    found = {
        (
            str(e["UID"]),
            str(e.decoded("RECURRENCE-ID")) if "RECURRENCE-ID" in e else "",
            str(e["SUMMARY"]),
            str(e.decoded("DTSTART")),
        )
        for e in calendar.walk("VEVENT")
    }
    strict = IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
    assert {(e.uid, e.summary) for e in strict.events} == {(u, s) for u, _, s, _ in found}
    return found


def test_calendar_client_gets_the_same_events(exported: str, client: FlaskClient) -> None:
    static, content_type = fetch(exported + "/calendar.ics")
    live = client.get("/calendar.ics").data
    assert content_type == "text/calendar"
    events = ical_events(static)
    assert events and events == ical_events(live)
    assert static == live


def test_feed_reader_gets_the_same_entries(exported: str, client: FlaskClient) -> None:
    for path in ("/feeds/atom.xml", "/feeds/rss.xml", "/feeds/events.atom"):
        static = feedparser.parse(fetch(exported + path)[0])
        live = feedparser.parse(client.get(path).data)
        assert not static.bozo, static.bozo_exception
        entries = [(e.id, e.title, e.link) for e in static.entries]
        assert entries and entries == [(e.id, e.title, e.link) for e in live.entries]


def test_json_pages_and_embed_assets_are_there_under_the_same_urls(
    exported: str, client: FlaskClient
) -> None:
    for path in ("/feeds/feed.json", "/feeds/events.json", "/embed/events.json"):
        body, content_type = fetch(exported + path)
        assert content_type == "application/json" and body == client.get(path).data
    for path in ("/", "/articles", "/events/1", "/embed", "/embed/help"):
        body, content_type = fetch(exported + path)  # a folder's index.html
        assert content_type == "text/html" and body == client.get(path).data
    script, content_type = fetch(exported + "/embed.js")
    assert content_type == "text/javascript" and script == client.get("/embed.js").data
    assert fetch(exported + "/events/1.ics")[0] == client.get("/events/1.ics").data
