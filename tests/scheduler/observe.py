"""How the scheduler tests look at the service: as its subscribers do, through HTTP.

Calendars are parsed with icalendar, feeds with feedparser and health with the JSON it serves,
so a test passes only if a real client would see the change. ``wait_for`` polls a condition
against a deadline instead of sleeping a fixed time, so a fast machine finishes fast and a
slow one still gets the full deadline.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import feedparser
from flask.testing import FlaskClient
from icalendar import Calendar

T = TypeVar("T")


def wait_for(condition: Callable[[], T | None], *, timeout: float, what: str) -> T:
    """The first truthy value of ``condition()`` within ``timeout`` seconds, else a failure."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up after {timeout}s waiting for {what}")
        time.sleep(0.02)


@dataclass(frozen=True)
class Seen:
    """What a calendar client shows of one VEVENT."""

    uid: str
    summary: str
    start: dt.date
    sequence: int
    status: str


def calendar_events(client: FlaskClient) -> list[Seen]:
    response = client.get("/calendar.ics")
    assert response.status_code == 200
    calendar: Any = Calendar.from_ical(response.data)
    return [
        Seen(
            uid=str(vevent["UID"]),
            summary=str(vevent["SUMMARY"]),
            start=vevent.decoded("DTSTART"),
            sequence=int(vevent.get("SEQUENCE", 0)),
            status=str(vevent.get("STATUS", "CONFIRMED")),
        )
        for vevent in calendar.walk("VEVENT")
    ]


def calendar_event(client: FlaskClient, title: str) -> Seen | None:
    """The one VEVENT whose SUMMARY contains ``title``, or None when there is none."""
    found = [e for e in calendar_events(client) if title in e.summary]
    assert len(found) <= 1, f"{len(found)} events titled {title!r}"
    return found[0] if found else None


def atom_titles(client: FlaskClient) -> list[str]:
    response = client.get("/feeds/atom.xml")
    assert response.status_code == 200
    parsed = feedparser.parse(response.data)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return [str(entry.title) for entry in parsed.entries]


def health_sources(client: FlaskClient) -> dict[str, dict[str, Any]]:
    """The per-source part of /healthz, by source name."""
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.get_json()
    assert body["database"] == "ok"
    return {source["name"]: source for source in body["sources"]}
