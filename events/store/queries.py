"""Reading the store as domain values for the publishing side (calendars, feeds, pages)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Select, String, case, cast, func, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from events.model import Kind, PublishedArticle, PublishedEvent, Status
from events.store.codec import published_article
from events.store.published import (
    EVENT_COLUMNS,
    ORGANISERS,
    EventValues,
    organisers,
    published_events,
    unsourced_events,
)
from events.store.tables import (
    ArticleRow,
    EventRow,
    IngestRunRow,
    MentionRow,
    SiteStateRow,
    SourceStateRow,
)


@dataclass(frozen=True)
class EventQuery:
    """Which events a calendar, feed or page shows. Unknown values simply match nothing."""

    city: str | None = None
    kinds: tuple[str, ...] = ()
    organiser: str | None = None
    start_from: dt.date | None = None  # events ending on or after this day
    start_to: dt.date | None = None  # events starting on or before this day
    ends_before: dt.date | None = None  # events whose last day is before this day
    dated_only: bool = True
    undated_only: bool = False
    cancelled_since: dt.datetime | None = None  # keep cancelled events cancelled after this
    newest_first: bool = False
    calendar_order: bool = False  # by first day, then key in code point order
    limit: int | None = None
    shard: tuple[int, int] | None = None  # (count, index): events whose id % count == index
    outline_only: bool = False  # only timed events and observances (a calendar's outline)


# An event's last day as stored text: its end when that has a year, else its start. Ends
# without a year (``--01-02``) sort before every dated value, so they fall back to the start.
_last_day = case(
    (EventRow.end.is_not(None) & EventRow.end.not_like("--%"), EventRow.end),
    else_=EventRow.start,
)


def _select(query: EventQuery, dialect: str = "sqlite") -> Select[Any]:
    stmt = select(*EVENT_COLUMNS)
    if query.dated_only:
        stmt = stmt.where(EventRow.start.not_like("--%"))
    if query.undated_only:
        stmt = stmt.where(EventRow.start.like("--%"))
    if query.city:
        stmt = stmt.where(func.lower(EventRow.city) == query.city.lower())
    if query.kinds:
        stmt = stmt.where(EventRow.kind.in_(query.kinds))
    if query.start_to:
        stmt = stmt.where(EventRow.start <= query.start_to.isoformat())
    if query.start_from:
        stmt = stmt.where(_last_day >= query.start_from.isoformat())
    if query.ends_before:
        stmt = stmt.where(_last_day < query.ends_before.isoformat())
    status_ok = EventRow.status == Status.CONFIRMED.value
    if query.cancelled_since is not None:
        status_ok = status_ok | (EventRow.cancelled_at >= query.cancelled_since)
    stmt = stmt.where(status_ok)
    if query.outline_only:
        stmt = stmt.where(EventRow.time.is_not(None) | (EventRow.kind == Kind.OBSERVANCE.value))
    if query.shard is not None:
        count, index = query.shard
        stmt = stmt.where(EventRow.id % count == index)
    if query.newest_first:
        return stmt.order_by(EventRow.start.desc(), EventRow.id.desc())
    if query.calendar_order:  # SQLite compares bytes; PostgreSQL must be told to (not locale)
        key = EventRow.key.collate("C") if dialect == "postgresql" else EventRow.key
        return stmt.order_by(EventRow.start, key)
    return stmt.order_by(EventRow.start, EventRow.id)


def list_events(session: Session, query: EventQuery) -> list[PublishedEvent]:
    """The events matching ``query``, soonest first (or newest first)."""
    stmt = _select(query, session.get_bind().dialect.name)
    if query.organiser:  # organisers are a JSON list: matched here, on both databases
        needle = query.organiser.casefold()
        rows = [r for r in session.execute(stmt) if _organised_by(r, needle)]
        return published_events(session, rows[: query.limit])
    if query.limit is not None:
        stmt = stmt.limit(query.limit)
    return published_events(session, session.execute(stmt).all())


def upcoming_and_recent(
    session: Session, query: EventQuery, today: dt.date, limit: int
) -> tuple[list[PublishedEvent], list[PublishedEvent]]:
    """Up to ``limit`` events not over by ``today`` (soonest first) and up to ``limit`` past
    ones (latest first): what pages, feeds and the widget list, read without the rest."""
    start_from = max(today, query.start_from) if query.start_from else today
    upcoming = list_events(session, replace(query, start_from=start_from, limit=limit))
    recent = replace(query, ends_before=today, newest_first=True, limit=limit)
    return upcoming, list_events(session, recent)


def iter_events(
    session: Session, query: EventQuery, batch: int = 1000, *, sources: bool = True
) -> Iterator[PublishedEvent]:
    """The same events as :func:`list_events`, read ``batch`` rows at a time: a calendar of every
    stored event is written without holding them all (a server-side cursor on PostgreSQL; the
    rows are plain, so a finished batch is freed). ``sources=False`` leaves out the articles
    (a calendar's outline: its zones and series)."""
    needle = query.organiser.casefold() if query.organiser else None
    stmt = _select(query, session.get_bind().dialect.name)
    if query.limit is not None and needle is None:
        stmt = stmt.limit(query.limit)
    left = query.limit
    # through the session's connection: the ORM's loading layer costs a calendar a third
    # of its reading for plain rows
    result = session.connection().execute(stmt.execution_options(yield_per=batch))
    for partition in result.partitions():
        rows: Sequence[EventValues] = partition
        if needle is not None:
            rows = [r for r in rows if _organised_by(r, needle)]
        if left is not None:
            rows = rows[:left]
            left -= len(rows)
        yield from published_events(session, rows) if sources else unsourced_events(rows)
        if left == 0:
            break


def _organised_by(row: EventValues, needle: str) -> bool:
    return any(needle in o.casefold() for o in organisers(row[ORGANISERS]))


def event_facets(session: Session) -> tuple[list[str], list[str]]:
    """Cities and kinds that confirmed events have, for the filter menus."""
    confirmed = EventRow.status == Status.CONFIRMED.value
    cities = session.scalars(
        select(EventRow.city).where(confirmed, EventRow.city.is_not(None)).distinct()
    )
    kinds = session.scalars(select(EventRow.kind).where(confirmed).distinct())
    return sorted(c for c in cities if c), sorted(kinds)


def get_event(session: Session, event_id: int) -> PublishedEvent | None:
    row = session.execute(select(*EVENT_COLUMNS).where(EventRow.id == event_id)).first()
    return published_events(session, [row])[0] if row is not None else None


@dataclass(frozen=True)
class ArticleQuery:
    language: str | None = None
    city: str | None = None
    kind: str | None = None
    limit: int = 50
    offset: int = 0


def list_articles(session: Session, query: ArticleQuery) -> list[PublishedArticle]:
    """Newest first (by publication, else first sight), filtered, ordered and paged in SQL:
    a feed reads its fifty articles, not every stored one."""
    stmt = select(ArticleRow).where(ArticleRow.retired_at.is_(None))
    if query.language:
        stmt = stmt.where(ArticleRow.language == query.language)
    if query.city or query.kind:
        linked = select(MentionRow.article_id).join(EventRow, MentionRow.event_id == EventRow.id)
        if query.city:
            linked = linked.where(func.lower(EventRow.city) == query.city.lower())
        if query.kind:
            linked = linked.where(EventRow.kind == query.kind)
        stmt = stmt.where(ArticleRow.id.in_(linked))
    newest = func.coalesce(ArticleRow.published, cast(ArticleRow.first_seen, String))
    stmt = stmt.order_by(newest.desc(), ArticleRow.id.desc())
    rows = list(session.scalars(stmt.offset(query.offset).limit(query.limit)))
    tags = _article_tags(session, [r.id for r in rows])
    return [published_article(r, *tags[r.id]) for r in rows]


def get_article(session: Session, article_id: int) -> PublishedArticle | None:
    row = session.get(ArticleRow, article_id)
    if row is None:
        return None
    return published_article(row, *_article_tags(session, [article_id])[article_id])


def article_events(session: Session, article_id: int) -> list[PublishedEvent]:
    ids = select(MentionRow.event_id).where(MentionRow.article_id == article_id)
    stmt = select(*EVENT_COLUMNS).where(EventRow.id.in_(ids)).order_by(EventRow.start)
    return published_events(session, session.execute(stmt).all())


def _article_tags(
    session: Session, article_ids: Sequence[int]
) -> defaultdict[int, tuple[tuple[Kind, ...], tuple[str, ...]]]:
    """The kinds and cities of the events each of ``article_ids`` mentions."""
    kinds: dict[int, set[Kind]] = defaultdict(set)
    cities: dict[int, set[str]] = defaultdict(set)
    for first in range(0, len(article_ids), 500):  # bounded IN lists, whatever the page size
        stmt = (
            select(MentionRow.article_id, EventRow.kind, EventRow.city)
            .join(EventRow, MentionRow.event_id == EventRow.id)
            .where(MentionRow.article_id.in_(article_ids[first : first + 500]))
        )
        for aid, kind, city in session.execute(stmt):
            kinds[aid].add(Kind(kind))
            if city:
                cities[aid].add(city)
    tags: defaultdict[int, tuple[tuple[Kind, ...], tuple[str, ...]]] = defaultdict(lambda: ((), ()))
    for aid in set(kinds) | set(cities):
        tags[aid] = (tuple(sorted(kinds[aid])), tuple(sorted(cities[aid])))
    return tags


_CONTENT_VERSION = select(SiteStateRow.__table__.c.value).where(
    SiteStateRow.__table__.c.name == "content_version"
)


def content_version(connection: Session | Connection) -> int:
    """The version every cache keys on: one primary-key read through Core, no ORM objects,
    because every cached response and every ``304`` starts with it."""
    value = connection.execute(_CONTENT_VERSION).scalar()
    return int(value) if value is not None else 0


@dataclass(frozen=True)
class Stats:
    articles: int
    events: int
    dated_events: int
    undated_events: int
    last_ingest: dt.datetime | None


def stats(session: Session) -> Stats:
    articles = session.scalar(select(func.count()).select_from(ArticleRow)) or 0
    confirmed = select(func.count()).select_from(EventRow).where(EventRow.status == "CONFIRMED")
    events = session.scalar(confirmed) or 0
    undated = session.scalar(confirmed.where(EventRow.start.like("--%"))) or 0
    last = session.scalar(select(func.max(IngestRunRow.finished)))
    if isinstance(last, dt.datetime) and last.tzinfo is None:
        last = last.replace(tzinfo=dt.UTC)
    return Stats(articles, events, events - undated, undated, last)


@dataclass(frozen=True)
class SourceStatus:
    name: str
    last_run: dt.datetime | None
    next_run: dt.datetime | None
    result: str | None
    error: str | None
    runs: int
    counts: dict[str, int]


def source_statuses(session: Session) -> list[SourceStatus]:
    rows = session.scalars(select(SourceStateRow).order_by(SourceStateRow.name))
    return [
        SourceStatus(
            r.name, r.last_run, r.next_run, r.last_result, r.last_error, r.runs, dict(r.counts)
        )
        for r in rows
    ]
