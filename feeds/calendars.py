"""Whole calendars read from the store: what the ``/calendar.ics`` route and the warm-up after
an ingest share, so that both ask for the same chunks.

A calendar of every stored event is streamed from the store a batch at a time and assembled
from kept VEVENT chunks: a worker neither renders what another process already rendered nor
holds every event at once (see :mod:`feeds.chunk_store`).
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from events.model import Language, PublishedEvent
from events.store.chunks import prune_chunks
from events.store.queries import EventQuery, iter_events
from feeds.cache import EPOCH, ChunkCache
from feeds.chunk_store import StoredChunks
from feeds.config import Settings
from feeds.ics import CalendarMeta, Chunks, prepare_chunks, write_calendar
from feeds.runtime import Runtime

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

log = logging.getLogger(__name__)

CHUNK_DAYS = 30  # kept chunks older than this are pruned, and rendered again when needed
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


class _Latest:
    """Passes events through, noting the latest modification among them."""

    def __init__(self) -> None:
        self.value = EPOCH

    def watch(self, events: Iterable[PublishedEvent]) -> Iterator[PublishedEvent]:
        for pe in events:
            self.value = max(self.value, pe.last_modified)
            yield pe


def write_stored_calendar(
    runtime: Runtime,
    query: EventQuery,
    meta: CalendarMeta,
    chunks: Chunks,
    out: SupportsWrite[bytes],
) -> dt.datetime:
    """Write the calendar of ``query``'s events to ``out``, streamed from the store in calendar
    order; when their content last changed."""
    latest = _Latest()
    ordered = replace(query, calendar_order=True, newest_first=False)
    with runtime.sessions() as session:
        write_calendar(out, latest.watch(iter_events(session, ordered)), meta, chunks)
    return latest.value


@dataclass(frozen=True)
class WarmReport:
    rendered: int  # chunks that had to be rendered (changed or new events)
    pruned: int
    seconds: float


def warm_calendars(runtime: Runtime, *, now: dt.datetime | None = None) -> WarmReport:
    """Render the chunks every language's full calendar needs and keep them in the store, then
    the first request after an ingest, in any worker or instance, only assembles.

    Run after each change by whoever made it (scheduler, CLI). Filtered calendars hold a subset
    of the same chunks. It prunes old chunks first, and never raises: it is only a speed-up.
    """
    started, now = time.perf_counter(), now or dt.datetime.now(dt.UTC)
    rendered = pruned = 0
    try:
        with runtime.engine.begin() as connection:
            pruned = prune_chunks(connection, now - dt.timedelta(days=CHUNK_DAYS))
        chunks = StoredChunks(ChunkCache(0), runtime.engine)  # nothing held in this process
        query = published_query(runtime.settings, EventQuery(), now)
        for lang in Language:
            meta = calendar_meta(runtime.settings, lang)
            with runtime.sessions() as session:
                rendered += prepare_chunks(iter_events(session, query), meta, chunks)
    except Exception:  # a failed warm-up leaves the request path to render
        log.exception("warming the calendars failed")
    return WarmReport(rendered, pruned, time.perf_counter() - started)
