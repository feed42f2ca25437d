"""The store keeps raw revisions, links one event to many articles, counts SEQUENCE honestly,
and cancels rather than deletes — on SQLite and on PostgreSQL (run again with -m store)."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from events.model import Article, Event, Kind, Language, PartialDate, Status
from events.store.queries import EventQuery, content_version, get_event, list_events, stats
from events.store.tables import ArticleRevisionRow, EventRow
from events.store.writer import save_article

pytestmark = pytest.mark.store

T0 = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def article(body: str, title: str = "标题", language: Language = Language.HANS) -> Article:
    digest = hashlib.sha256(body.encode()).hexdigest()
    return Article(source="x", title=title, body=body, language=language, content_hash=digest)


def wsd(year: int = 2021, title: str = "第52届世界标准日") -> Event:
    day = PartialDate(year, 10, 14)
    return Event(title, day, day, Kind.OBSERVANCE, series="world-standards-day", confidence=0.9)


def conference(day: int = 15, city: str = "Shenzhen", title: str = "世界标准日纪念大会") -> Event:
    start = PartialDate(2021, 10, day)
    return Event(title, start, start, Kind.CONFERENCE, city=city, confidence=0.8, evidence="…")


def save(sessions: sessionmaker[Session], locator: str, body: str, events: list[Event], at=T0):
    with sessions.begin() as session:
        return save_article(
            session,
            locator=locator,
            raw=body.encode(),
            article=article(body),
            events=events,
            now=at,
        )


def test_same_bytes_twice_adds_nothing(sessions: sessionmaker[Session]) -> None:
    first = save(sessions, "a.txt", "body", [conference()])
    second = save(sessions, "a.txt", "body", [conference()])
    assert (first.outcome, second.outcome) == ("new", "unchanged")
    with sessions() as s:
        assert stats(s).articles == 1
        assert stats(s).events == 1
        assert s.scalar(select(func.count()).select_from(ArticleRevisionRow)) == 1


def test_changed_bytes_keep_every_raw_revision(sessions: sessionmaker[Session]) -> None:
    save(sessions, "a.txt", "one", [conference()])
    result = save(sessions, "a.txt", "two", [conference()])
    assert result.outcome == "changed"
    with sessions() as s:
        raws = s.scalars(select(ArticleRevisionRow.raw).order_by(ArticleRevisionRow.revision))
        assert list(raws) == [b"one", b"two"]


def test_one_occurrence_from_two_articles_is_one_event(sessions: sessionmaker[Session]) -> None:
    save(sessions, "a.txt", "a", [wsd()])
    save(sessions, "b.txt", "b", [wsd(title="第52屆世界標準日")])
    with sessions() as s:
        events = list_events(s, EventQuery())
    assert len(events) == 1
    assert len(events[0].sources) == 2
    assert events[0].key == "world-standards-day-2021-10-14"


def test_sequence_rises_when_date_moves_and_key_stays(sessions: sessionmaker[Session]) -> None:
    save(sessions, "a.txt", "v1", [conference(15)])
    with sessions() as s:
        before = list_events(s, EventQuery())[0]
    save(sessions, "a.txt", "v2", [conference(16)], at=T0 + dt.timedelta(hours=1))
    with sessions() as s:
        after = get_event(s, before.id)
    assert after is not None
    assert after.key == before.key
    assert after.event.start == PartialDate(2021, 10, 16)
    assert after.sequence == before.sequence + 1
    assert after.last_modified > before.last_modified


def test_unchanged_fields_keep_sequence(sessions: sessionmaker[Session]) -> None:
    save(sessions, "a.txt", "v1", [conference()])
    save(sessions, "a.txt", "v2 with other words", [conference()])
    with sessions() as s:
        assert list_events(s, EventQuery())[0].sequence == 0


def test_event_losing_its_sources_is_cancelled_not_deleted(sessions: sessionmaker[Session]) -> None:
    save(sessions, "a.txt", "v1", [conference()])
    save(sessions, "a.txt", "v2", [], at=T0 + dt.timedelta(days=1))
    with sessions() as s:
        row = s.scalars(select(EventRow)).one()
        assert row.status == Status.CANCELLED.value
        assert list_events(s, EventQuery()) == []
        kept = list_events(s, EventQuery(cancelled_since=T0))
        assert [e.status for e in kept] == [Status.CANCELLED]
        assert kept[0].sequence == 1


def test_content_version_advances_only_on_change(sessions: sessionmaker[Session]) -> None:
    save(sessions, "a.txt", "v1", [conference()])
    with sessions() as s:
        v1 = content_version(s)
    save(sessions, "a.txt", "v1", [conference()])
    with sessions() as s:
        assert content_version(s) == v1
    save(sessions, "b.txt", "v1", [])
    with sessions() as s:
        assert content_version(s) > v1


def test_different_events_same_day_stay_apart(sessions: sessionmaker[Session]) -> None:
    save(sessions, "a.txt", "a", [conference(city="Shenzhen", title="甲大会")])
    save(sessions, "b.txt", "b", [conference(city="Qingdao", title="乙论坛")])
    with sessions() as s:
        assert len(list_events(s, EventQuery())) == 2


def test_undated_events_stay_out_of_dated_queries(sessions: sessionmaker[Session]) -> None:
    start = PartialDate(None, 4, 24)
    save(sessions, "a.txt", "a", [Event("活动周", start, None, Kind.ACTIVITY_WEEK)])
    with sessions() as s:
        assert list_events(s, EventQuery()) == []
        undated = list_events(s, EventQuery(dated_only=False))
        assert [e.event.start.iso() for e in undated] == ["--04-24"]


def test_corrections_survive_reextraction(sessions: sessionmaker[Session]) -> None:
    from events.store.writer import add_correction

    start = PartialDate(None, 4, 24)
    undated = Event("活动周", start, None, Kind.ACTIVITY_WEEK, confidence=0.4)
    save(sessions, "a.txt", "a", [undated])
    with sessions() as s:
        event_id = list_events(s, EventQuery(dated_only=False))[0].id
    with sessions.begin() as s:
        add_correction(s, event_id, "edit", values={"year": 2023, "city": "Shenzhen"}, now=T0)
    with sessions.begin() as s:
        save_article(
            s,
            locator="a.txt",
            raw=b"a",
            article=article("a"),
            events=[undated],
            now=T0,
            reextract=True,
        )
    with sessions() as s:
        event = get_event(s, event_id)
    assert event is not None
    assert event.event.start == PartialDate(2023, 4, 24)
    assert event.event.city == "Shenzhen"
    assert event.sequence == 1


def test_hide_and_merge(sessions: sessionmaker[Session]) -> None:
    from events.store.writer import add_correction

    save(sessions, "a.txt", "a", [conference(city="Shenzhen", title="甲大会")])
    save(sessions, "b.txt", "b", [conference(city="Qingdao", title="乙论坛")])
    with sessions() as s:
        first, second = (e.id for e in list_events(s, EventQuery()))
    with sessions.begin() as s:
        add_correction(s, second, "merge", merge_into=first, now=T0)
    with sessions() as s:
        events = list_events(s, EventQuery())
    assert [e.id for e in events] == [first]
    assert len(events[0].sources) == 2
    with sessions.begin() as s:
        add_correction(s, first, "hide", now=T0)
    with sessions() as s:
        assert list_events(s, EventQuery()) == []


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"year": "20x3"}, "year"),
        ({"start": "2021-02-30"}, "start"),
        ({"kind": "party"}, "kind"),
        ({"colour": "red"}, "editable"),
        ({}, "at least one"),
    ],
)
def test_bad_corrections_are_refused(sessions: sessionmaker[Session], values, message) -> None:
    from events.errors import StoreError
    from events.store.writer import add_correction

    save(sessions, "a.txt", "a", [conference()])
    with sessions.begin() as s, pytest.raises(StoreError, match=message):
        add_correction(s, 1, "edit", values=values, now=T0)
