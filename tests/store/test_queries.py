"""The publishing queries answer in the database what pages used to filter in Python: upcoming
and past by an event's last day, newest first, limits, facets, and a streamed read that gives
exactly what the list gives — on SQLite and on PostgreSQL."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from events.model import Article, Event, Kind, Language, PartialDate
from events.store.queries import (
    EventQuery,
    event_facets,
    iter_events,
    list_events,
    upcoming_and_recent,
)
from events.store.tables import EventRow
from events.store.writer import save_article

pytestmark = pytest.mark.store

T0 = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
TODAY = dt.date(2024, 6, 10)


def event(title: str, start: PartialDate, end: PartialDate | None = None, **more: object) -> Event:
    base = Event(title, start, end, Kind.CONFERENCE, city="Qingdao", confidence=0.8)
    return dataclasses.replace(base, **more)  # type: ignore[arg-type]


def store(sessions: sessionmaker[Session], events: list[Event]) -> None:
    with sessions.begin() as session:
        for i, item in enumerate(events):
            body = f"article {i}"
            article = Article(source=f"{i}.txt", title=f"报道{i}", body=body,
                              language=Language.HANS,
                              content_hash=hashlib.sha256(body.encode()).hexdigest())  # fmt: skip
            save_article(session, locator=f"{i}.txt", raw=body.encode(), article=article,
                         events=[item], now=T0)  # fmt: skip


@pytest.fixture
def stored(sessions: sessionmaker[Session]) -> sessionmaker[Session]:
    store(
        sessions,
        [
            event("过去的会议", PartialDate(2024, 5, 1)),
            event(
                "正在进行的活动周",
                PartialDate(2024, 6, 5),
                PartialDate(2024, 6, 12),
                kind=Kind.ACTIVITY_WEEK,
                city="Shenzhen",
            ),
            event("今天的论坛", PartialDate(2024, 6, 10), kind=Kind.FORUM, organisers=("青岛市",)),
            event("将来的会议", PartialDate(2024, 9, 1), city=None),
            event("跨年的活动", PartialDate(2023, 12, 30), PartialDate(None, 1, 2)),
            event("没有年份的会议", PartialDate(None, 11, 3)),
        ],
    )
    return sessions


def titles(items: list) -> list[str]:  # type: ignore[type-arg]
    return [pe.event.title for pe in items]


def test_upcoming_are_events_not_over_by_their_last_day(stored: sessionmaker[Session]) -> None:
    with stored() as s:
        upcoming = list_events(s, EventQuery(start_from=TODAY))
    assert titles(upcoming) == ["正在进行的活动周", "今天的论坛", "将来的会议"]


def test_past_events_newest_first_with_a_limit(stored: sessionmaker[Session]) -> None:
    with stored() as s:
        past = list_events(s, EventQuery(ends_before=TODAY, newest_first=True))
        latest = list_events(s, EventQuery(ends_before=TODAY, newest_first=True, limit=1))
    # an end without a year counts from the start, never as later than every date
    assert titles(past) == ["过去的会议", "跨年的活动"]
    assert titles(latest) == ["过去的会议"]


def test_undated_only_and_limits(stored: sessionmaker[Session]) -> None:
    with stored() as s:
        undated = list_events(s, EventQuery(dated_only=False, undated_only=True))
        first_two = list_events(s, EventQuery(limit=2))
        by_organiser = list_events(s, EventQuery(organiser="青岛", limit=5))
    assert titles(undated) == ["没有年份的会议"]
    assert titles(first_two) == ["跨年的活动", "过去的会议"]
    assert titles(by_organiser) == ["今天的论坛"]


@pytest.mark.parametrize(
    "query",
    [
        EventQuery(),
        EventQuery(dated_only=False),
        EventQuery(city="qingdao"),
        EventQuery(organiser="青岛", limit=1),
        EventQuery(limit=3),
        EventQuery(start_from=TODAY, limit=2),
    ],
)
def test_streamed_read_gives_what_the_list_gives(
    stored: sessionmaker[Session], query: EventQuery
) -> None:
    with stored() as s:
        listed = list_events(s, query)
    with stored() as s:
        streamed = list(iter_events(s, query, batch=2))
    assert streamed == listed and listed


def test_facets_are_the_distinct_cities_and_kinds(stored: sessionmaker[Session]) -> None:
    with stored() as s:
        cities, kinds = event_facets(s)
    assert cities == ["Qingdao", "Shenzhen"]
    assert kinds == ["activity-week", "conference", "forum"]


def test_upcoming_and_recent_read_at_most_the_limit_each(stored: sessionmaker[Session]) -> None:
    with stored() as s:
        upcoming, recent = upcoming_and_recent(s, EventQuery(), TODAY, 2)
        later, _ = upcoming_and_recent(s, EventQuery(start_from=dt.date(2024, 7, 1)), TODAY, 5)
    assert titles(upcoming) == ["正在进行的活动周", "今天的论坛"]
    assert titles(recent) == ["过去的会议", "跨年的活动"]
    assert titles(later) == ["将来的会议"]


def test_published_values_are_the_stored_values_as_the_orm_reads_them(
    stored: sessionmaker[Session],
) -> None:
    """Stamps and organisers are decoded without SQLAlchemy's processors (for speed): they
    must come out as the ORM's column types give them, on either database."""
    with stored.begin() as s:  # a cancelled event, so cancelled_at has a value too
        cancelled = s.scalars(select(EventRow).order_by(EventRow.id)).first()
        assert cancelled is not None
        cancelled.status, cancelled.cancelled_at = "CANCELLED", T0 + dt.timedelta(hours=3)
    since = EventQuery(dated_only=False, cancelled_since=T0)
    with stored() as s:
        published = {pe.id: pe for pe in list_events(s, since)}
        rows = {row.id: row for row in s.scalars(select(EventRow))}
    assert published.keys() == rows.keys() and any(r.organisers for r in rows.values())
    for event_id, pe in published.items():
        row = rows[event_id]
        assert (pe.created, pe.last_modified, pe.cancelled_at) == (
            row.created, row.updated, row.cancelled_at
        )  # fmt: skip
        assert pe.created.tzinfo is dt.UTC and pe.last_modified.tzinfo is dt.UTC
        assert pe.event.organisers == tuple(row.organisers)
    assert published[cancelled.id].cancelled_at == T0 + dt.timedelta(hours=3)
