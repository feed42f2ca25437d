"""Stored event rows as :class:`events.model.PublishedEvent` values, with their sources.

A calendar of every stored event decodes every one of them, so this is the publishing side's
inner loop: rows are selected column by column (not ORM objects, whose identity map and
instrumentation cost a third of the time for nothing read-only) and unpacked by position, and
the values that repeat across events (days, times, stamps, organiser lists, enum members,
publication dates) are parsed once per process: they are immutable, so sharing them is safe.

The stamps and the organisers are read undecoded (``type_coerce``) and decoded here the way
their column types decode them (:class:`events.store.tables.UTCDateTime` over SQLAlchemy's
SQLite ``DATETIME``, which is ``datetime.fromisoformat``; ``JSON``, which is ``json.loads``):
SQLAlchemy's processors cost a 100,000-event calendar about a second, most of it parsing the
same few stamps again for every event. PostgreSQL's driver hands them over decoded already.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import String, bindparam, select, type_coerce
from sqlalchemy.orm import Session

from events.model import (
    SHANGHAI,
    Event,
    Kind,
    Language,
    PartialDate,
    Published,
    PublishedEvent,
    SourceRef,
    Status,
)
from events.store.codec import parse_published
from events.store.tables import ArticleRow, CorrectionRow, EventRow, MentionRow

# What a published event is read from, in the order :func:`_published_event` unpacks it.
EVENT_COLUMNS: tuple[Any, ...] = (
    EventRow.id,
    EventRow.key,
    EventRow.title,
    EventRow.start,
    EventRow.end,
    EventRow.time,
    EventRow.end_time,
    EventRow.city,
    EventRow.kind,
    type_coerce(EventRow.organisers, String).label("organisers"),  # see organisers()
    EventRow.confidence,
    EventRow.evidence,
    EventRow.series,
    EventRow.tzid,
    EventRow.status,
    EventRow.sequence,
    type_coerce(EventRow.created, String).label("created"),  # see stamp()
    type_coerce(EventRow.updated, String).label("updated"),
    EventRow.language,
    type_coerce(EventRow.cancelled_at, String).label("cancelled_at"),
)
ORGANISERS = 9  # the position of the organisers in EVENT_COLUMNS
EventValues = Sequence[Any]  # a row of EVENT_COLUMNS

# Enum members by value: a dict read, where calling the enum costs a calendar microseconds
# per event on every one of its events.
_LANGUAGES = {member.value: member for member in Language}
_STATUSES = {member.value: member for member in Status}
_KINDS = {member.value: member for member in Kind}
_SOURCE_BATCH = 1000  # event ids per IN (...) list when reading their sources


@lru_cache(maxsize=16384)
def _day(text: str) -> PartialDate:
    return PartialDate.parse(text)


@lru_cache(maxsize=4096)
def _time(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


def stamp(value: str | dt.datetime) -> dt.datetime:
    """A stored date-time, as :class:`events.store.tables.UTCDateTime` reads it: aware, UTC."""
    if isinstance(value, str):
        return _stamp_text(value)
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


@lru_cache(maxsize=16384)
def _stamp_text(text: str) -> dt.datetime:
    return stamp(dt.datetime.fromisoformat(text))


def organisers(value: str | list[str] | None) -> tuple[str, ...]:
    """A stored organiser list (JSON) as a tuple."""
    if isinstance(value, str):
        return _organisers_text(value)
    return tuple(value or ())


@lru_cache(maxsize=4096)
def _organisers_text(text: str) -> tuple[str, ...]:
    return tuple(json.loads(text) or ())


@lru_cache(maxsize=16384)
def _published_on(text: str) -> Published | None:
    return parse_published(text)


# Built once, the ids bound per execution: building a statement with an IN list of literals
# coerced every id, which cost a calendar more than running the queries.
_MERGES = (
    select(CorrectionRow.event_id, CorrectionRow.merge_into)
    .where(
        CorrectionRow.action == "merge",
        CorrectionRow.merge_into.in_(bindparam("ids", expanding=True)),
    )
    .order_by(CorrectionRow.id)
)
_SOURCES = (
    select(
        MentionRow.event_id,
        ArticleRow.id,
        ArticleRow.title,
        ArticleRow.url,
        MentionRow.evidence,
        ArticleRow.language,
        ArticleRow.published,
    )  # the columns a source reference shows, not the article's text
    .join(ArticleRow, MentionRow.article_id == ArticleRow.id)
    .where(
        MentionRow.event_id.in_(bindparam("ids", expanding=True)),
        ArticleRow.retired_at.is_(None),
    )
    .order_by(ArticleRow.id)
)


def published_events(session: Session, rows: Sequence[EventValues]) -> list[PublishedEvent]:
    """The events of ``rows`` with their sources: the articles that mention them (and those
    mentioning events an editor merged into them), oldest article first."""
    sources: dict[int, list[SourceRef]] = defaultdict(list)
    connection = session.connection()  # plain rows: the ORM's loading layer costs a third
    ids = [r[0] for r in rows]
    for first in range(0, len(ids), _SOURCE_BATCH):
        chunk = ids[first : first + _SOURCE_BATCH]
        owner = {event_id: event_id for event_id in chunk}
        merges = connection.execute(_MERGES, {"ids": chunk}).all()
        owner.update({child: parent for child, parent in merges if parent is not None})
        pairs = connection.execute(_SOURCES, {"ids": list(owner)}).all()
        for event_id, article_id, title, url, evidence, language, published in pairs:
            day = _published_on(published) if published else None
            ref = SourceRef(article_id, title, url, evidence, _LANGUAGES[language], day)
            sources[owner[event_id]].append(ref)
    return [_published_event(row, tuple(sources.get(row[0], ()))) for row in rows]


def unsourced_events(rows: Sequence[EventValues]) -> list[PublishedEvent]:
    """The events of ``rows`` without their sources (a calendar's outline: zones, series)."""
    return [_published_event(row, ()) for row in rows]


def _published_event(row: EventValues, sources: tuple[SourceRef, ...]) -> PublishedEvent:
    (event_id, key, title, start, end, time, end_time, city, kind, names, confidence,
     evidence, series, tzid, status, sequence, created, updated, language,
     cancelled_at) = row  # fmt: skip
    event = Event(
        title,
        _day(start),
        _day(end) if end else None,
        _KINDS.get(kind) or Kind(kind),
        _time(time) if time else None,
        _time(end_time) if end_time else None,
        city,
        organisers(names),
        float(confidence),
        evidence or "",
        series,
        tzid or SHANGHAI,
    )
    return PublishedEvent(
        event_id,
        key,
        event,
        _STATUSES[status],
        sequence,
        stamp(created),
        stamp(updated),
        sources,
        _LANGUAGES[language],
        None if cancelled_at is None else stamp(cancelled_at),
    )
