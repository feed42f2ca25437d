"""Whole calendars read from the store: what the ``/calendar.ics`` route and the warm-up after
an ingest share, so that both ask for the same chunks.

A calendar of every stored event is streamed from the store a batch at a time and assembled
from kept VEVENT chunks: a worker neither renders what another process already rendered nor
holds every event at once (see :mod:`feeds.chunk_store`). The store is read twice in one
session: once without sources for the calendar's outline (zones, series), then the events.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator
from dataclasses import replace

from sqlalchemy.exc import SQLAlchemyError

from events.model import Language, PublishedEvent
from events.store.queries import EventQuery, iter_events
from events.store.requests import note_request
from feeds.cache import CACHE_ONLY, EPOCH
from feeds.chunk_store import StoredChunks, brief_wait
from feeds.config import Settings
from feeds.ics import CalendarMeta, calendar_blocks
from feeds.runtime import Runtime

log = logging.getLogger(__name__)

CALENDAR_BATCH = 250  # events per block: a block is sent whole, so it bounds the first byte too
CALENDAR_NAMES = {
    Language.HANS: ("标准化活动日历", "从新闻报道中提取的标准化活动"),
    Language.HANT: ("標準化活動日曆", "從新聞報導中提取的標準化活動"),
    Language.EN: ("Standardization events", "Standardization events read from news articles"),
}


def calendar_meta(settings: Settings, lang: Language, described: str = "") -> CalendarMeta:
    name, description = CALENDAR_NAMES[lang]
    return CalendarMeta(
        name=f"stdcal · {name}" + (f" · {described}" if described else ""),
        description=description,
        host=settings.uid_host,
        base_url=settings.base_url,
        refresh=dt.timedelta(hours=settings.refresh_hours),
        language=lang,
    )


def published_query(settings: Settings, query: EventQuery, now: dt.datetime) -> EventQuery:
    """What a calendar lists: ``query``'s events, and those cancelled in the last
    ``cancelled_days`` days, so that subscribers' clients see the cancellation."""
    since = now - dt.timedelta(days=settings.cancelled_days)
    return replace(query, cancelled_since=since)


class Latest:
    """Passes events through, noting the latest modification among them."""

    def __init__(self) -> None:
        self.value = EPOCH

    def watch(self, events: Iterable[PublishedEvent]) -> Iterator[PublishedEvent]:
        for pe in events:
            self.value = max(self.value, pe.last_modified)
            yield pe


def stored_calendar_blocks(
    runtime: Runtime,
    query: EventQuery,
    meta: CalendarMeta,
    chunks: StoredChunks,
    latest: Latest,
) -> Iterator[bytes]:
    """The calendar of ``query``'s events as byte blocks (see :func:`feeds.ics.calendar_blocks`),
    read from the store in calendar order; ``latest`` holds when their content last changed
    once the last block is produced. The outline reads only the events that can change it
    (timed ones and observances). Closing the generator closes its session; the chunks
    rendered so far are written to the store either way."""
    ordered = replace(query, calendar_order=True, newest_first=False)
    outlined = replace(ordered, outline_only=True)
    try:
        with runtime.sessions() as session:
            outline = iter_events(session, outlined, sources=False)
            events = latest.watch(iter_events(session, ordered))
            yield from calendar_blocks(outline, events, meta, chunks, batch=CALENDAR_BATCH)
    finally:
        chunks.flush()


def note_calendar_request(runtime: Runtime, lang: Language, query: EventQuery) -> None:
    """Remember that a subscriber asked for this variant (see :mod:`events.store.requests`);
    only a speed-up of the warm-up, so a failure is logged, never raised."""
    try:
        with runtime.engine.connect() as connection, brief_wait(connection):
            connection.execution_options(**{CACHE_ONLY: True})
            note_request(connection, lang.value, query, dt.datetime.now(dt.UTC))
            connection.commit()
    except SQLAlchemyError as exc:
        log.warning("calendar request not noted: %s", exc)
