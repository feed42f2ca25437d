"""The schema: sources, articles with every raw revision, events, mentions, ingest runs.

Raw bytes are kept for every revision so extraction can be re-run over everything when it
improves. Events carry a ``key`` fixed at creation: the calendar UID derives from it, so it
never depends on a row number or on fields that later corrections may change.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Aware datetimes in, aware UTC datetimes out, on SQLite (no zone support) as on PostgreSQL."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store")
        return value.astimezone(dt.UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        assert isinstance(value, dt.datetime)
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


class Base(DeclarativeBase):
    pass


class SourceRow(Base):
    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(20))  # directory, feed, page, manual
    location: Mapped[str] = mapped_column(Text)
    created: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id", ondelete="SET NULL"))
    locator: Mapped[str] = mapped_column(Text, unique=True)  # path or URL it was read from
    revision: Mapped[int] = mapped_column(Integer, default=1)
    content_hash: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    lead: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(10))
    published: Mapped[str | None] = mapped_column(String(40))  # ISO date or date-time
    published_rule: Mapped[str | None] = mapped_column(String(40))
    url: Mapped[str | None] = mapped_column(Text)
    publisher: Mapped[str | None] = mapped_column(Text)
    city: Mapped[str | None] = mapped_column(String(100))
    record: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # parts, decode, editorial
    first_seen: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    updated: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    retired_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class ArticleRevisionRow(Base):
    __tablename__ = "article_revisions"
    __table_args__ = (UniqueConstraint("article_id", "revision"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    revision: Mapped[int] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(String(64))
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    content_type: Mapped[str | None] = mapped_column(String(200))
    received: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class EventRow(Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    title: Mapped[str] = mapped_column(Text)
    start: Mapped[str] = mapped_column(String(10), index=True)  # YYYY-MM-DD or --MM-DD
    end: Mapped[str | None] = mapped_column(String(10))
    time: Mapped[str | None] = mapped_column(String(5))
    end_time: Mapped[str | None] = mapped_column(String(5))
    city: Mapped[str | None] = mapped_column(String(100), index=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    organisers: Mapped[list[str]] = mapped_column(JSON, default=list)
    confidence: Mapped[float] = mapped_column(Float)
    evidence: Mapped[str] = mapped_column(Text, default="")
    series: Mapped[str | None] = mapped_column(String(100))
    tzid: Mapped[str] = mapped_column(String(64))
    language: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(12), default="CONFIRMED")
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    fingerprint: Mapped[str] = mapped_column(String(64))  # what SEQUENCE tracks
    digest: Mapped[str] = mapped_column(String(64))  # everything published
    created: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    updated: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    cancelled_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class MentionRow(Base):
    """An article's report of an event: the extracted values and the evidence sentence."""

    __tablename__ = "event_mentions"
    __table_args__ = (UniqueConstraint("event_id", "article_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    slot: Mapped[str] = mapped_column(String(200))  # recognises the mention in a new revision
    evidence: Mapped[str] = mapped_column(Text, default="")
    confidence: Mapped[float] = mapped_column(Float)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)  # the extracted Event


class IngestRunRow(Base):
    __tablename__ = "ingest_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    trigger: Mapped[str] = mapped_column(String(40))  # cli, serve-first-start, scheduler, reextract
    target: Mapped[str] = mapped_column(Text)
    started: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    finished: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    new: Mapped[int] = mapped_column(Integer, default=0)
    changed: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    events: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)


class SiteStateRow(Base):
    """Counters shared by every app instance, e.g. the content version caches key on."""

    __tablename__ = "site_state"

    name: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[int] = mapped_column(Integer)


class SourceStateRow(Base):
    """What the scheduler knows of a source between runs: validators, outcome, backoff."""

    __tablename__ = "source_state"

    name: Mapped[str] = mapped_column(String(200), primary_key=True)
    last_run: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    next_run: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    last_result: Mapped[str | None] = mapped_column(String(20))  # ok, partial, failed
    last_error: Mapped[str | None] = mapped_column(Text)
    failures_in_row: Mapped[int] = mapped_column(Integer, default=0)
    runs: Mapped[int] = mapped_column(Integer, default=0)
    counts: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    validators: Mapped[dict[str, dict[str, str]]] = mapped_column(JSON, default=dict)
    missing: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)  # locator -> runs unseen


class CorrectionRow(Base):
    """An editor's correction, kept apart from extraction output so re-extraction keeps it."""

    __tablename__ = "corrections"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    action: Mapped[str] = mapped_column(String(10))  # edit, hide, unhide, merge
    values: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    merge_into: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"))
    author: Mapped[str] = mapped_column(String(100), default="editor")
    created: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class RenderedChunkRow(Base):
    """Output bytes rendered from one event, under the digest of everything they derive from.

    Rendering a VEVENT costs about half a millisecond, so a calendar of 10,000 events would
    take seconds in every fresh worker; kept here, it is rendered once for all instances and
    restarts. Content-addressed, so an entry is never stale, only unused: old ones are pruned.
    """

    __tablename__ = "rendered_chunks"

    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    body: Mapped[bytes] = mapped_column(LargeBinary)
    created: Mapped[dt.datetime] = mapped_column(UTCDateTime(), index=True)


class CalendarRequestRow(Base):
    """A calendar variant (language and filter) a subscriber asked for and a worker rendered:
    the warm-up after a change renders these first, most asked for first."""

    __tablename__ = "calendar_requests"

    variant: Mapped[str] = mapped_column(String(64), primary_key=True)  # digest of the two
    language: Mapped[str] = mapped_column(String(10))
    query: Mapped[dict[str, Any]] = mapped_column(JSON)  # the EventQuery's filter fields
    renders: Mapped[int] = mapped_column(Integer, default=0)
    last_requested: Mapped[dt.datetime] = mapped_column(UTCDateTime())
