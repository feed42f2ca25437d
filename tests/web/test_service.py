"""The service end to end on a fresh store: seeds ingested at start, pages, health, calendars
and feeds read back by real consumers (ical, recurring-ical-events, feedparser)."""

from __future__ import annotations

import datetime as dt
import json

import feedparser
import icalendar
import pytest
import recurring_ical_events
from flask.testing import FlaskClient
from ical.calendar_stream import IcsCalendarStream
from icalendar import Calendar

pytestmark = pytest.mark.store


def test_healthz_reports_the_seeds(client: FlaskClient) -> None:
    body = client.get("/healthz").get_json()
    assert body["database"] == "ok"
    assert body["articles"] == 5
    assert body["events"] >= 5
    assert body["last_ingest"] is not None


def test_index_lists_events(client: FlaskClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "世界标准日" in page
    assert "Qingdao" in page


def test_every_event_and_article_page_renders(client: FlaskClient) -> None:
    for path in ("/articles", "/status"):
        assert client.get(path).status_code == 200
    for article_id in range(1, 6):
        assert client.get(f"/articles/{article_id}").status_code == 200
    assert client.get("/articles/999").status_code == 404


def test_calendar_is_read_by_strict_clients(client: FlaskClient) -> None:
    response = client.get("/calendar.ics")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    text = response.get_data(as_text=True)
    IcsCalendarStream.calendar_from_ics(text)
    calendar = Calendar.from_ical(response.data)
    window = recurring_ical_events.of(calendar).between(dt.date(2021, 10, 1), dt.date(2021, 11, 1))
    on_wsd = [e for e in window if e["DTSTART"].dt == dt.date(2021, 10, 14)]
    assert len([e for e in on_wsd if "标准日" in str(e["SUMMARY"])]) == 1


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?lang=zh-Hant",
        "?lang=en",
        "?city=Qingdao",
        "?kind=observance&kind=campaign",
        "?from=2021-10-01&to=2021-10-31",
        "?city=Atlantis",
        "?organiser=深圳",
    ],
)
def test_every_calendar_variant_parses(client: FlaskClient, query: str) -> None:
    response = client.get("/calendar.ics" + query)
    assert response.status_code == 200
    IcsCalendarStream.calendar_from_ics(response.get_data(as_text=True))


def test_calendar_conditional_get(client: FlaskClient) -> None:
    first = client.get("/calendar.ics")
    etag = first.headers["ETag"]
    again = client.get("/calendar.ics", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert client.head("/calendar.ics").status_code == 200
    assert client.get("/calendar.ics").headers["ETag"] == etag


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/calendar.ics?from=soon", "from"),
        ("/feeds/atom.xml?limit=0", "limit"),
        ("/calendar.ics?lang=fr", "lang"),
        ("/feeds/rss.xml?script=latin", "script"),
    ],
)
def test_malformed_parameters_are_plain_400s(client: FlaskClient, path: str, name: str) -> None:
    response = client.get(path)
    assert response.status_code == 400
    assert response.headers["Content-Type"].startswith("text/plain")
    assert f"'{name}'" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "path",
    [
        "/feeds/rss.xml",
        "/feeds/atom.xml",
        "/feeds/events.atom",
        "/feeds/events.rss",
        "/feeds/atom.xml?lang=zh-Hant",
        "/feeds/rss.xml?script=hant",
        "/feeds/atom.xml?city=Atlantis",
    ],
)
def test_feeds_are_read_by_feedparser(client: FlaskClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    parsed = feedparser.parse(response.data)
    assert not parsed.bozo, parsed.get("bozo_exception")


@pytest.mark.parametrize(
    "path", ["/feeds/feed.json", "/feeds/events.json", "/feeds/feed.json?lang=en"]
)
def test_json_feeds_follow_json_feed_1_1(client: FlaskClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/feed+json")
    feed = json.loads(response.data)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] and feed["feed_url"].startswith("http")
    for item in feed["items"]:
        assert item["id"] and item["url"].startswith("http")
        assert item.get("content_html") or item.get("content_text")
        dt.datetime.fromisoformat(item["date_published"])


def test_article_feed_has_every_seed(client: FlaskClient) -> None:
    parsed = feedparser.parse(client.get("/feeds/atom.xml").data)
    assert len(parsed.entries) == 5
    assert len({e.id for e in parsed.entries}) == 5


def test_security_headers_and_methods(client: FlaskClient) -> None:
    response = client.get("/")
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert client.post("/calendar.ics").status_code == 405


def test_event_feed_lists_upcoming_then_the_most_recent_past_events(client: FlaskClient) -> None:
    parsed = feedparser.parse(client.get("/feeds/events.atom").data)
    assert not parsed.bozo
    # every seed event is in the past: the newest comes first, none is left out
    assert parsed.entries[0].title.startswith("2023青島國際標準化大會")
    # an event entry is published when the first article reporting it was (2023-06-09)
    assert tuple(parsed.entries[0].published_parsed[:3]) == (2023, 6, 8)  # midnight +08:00
    assert len(parsed.entries) == 6


@pytest.mark.parametrize(
    ("lang", "place"), [("zh-Hans", "青岛"), ("zh-Hant", "青島"), ("en", "Qingdao")]
)
def test_calendar_locations_follow_the_calendar_language(
    client: FlaskClient, lang: str, place: str
) -> None:
    calendar = icalendar.Calendar.from_ical(
        client.get(f"/calendar.ics?city=Qingdao&lang={lang}").data
    )
    assert {str(e["LOCATION"]) for e in calendar.walk("VEVENT")} == {place}
