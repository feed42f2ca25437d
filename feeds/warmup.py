"""The warm-up after a change: render the VEVENT chunks calendars will need, on every core.

After an upgrade every chunk is new (the renderer's fingerprint changed), so the warm-up is
the whole store times three languages. It runs in worker processes, one per core, started with
the ``spawn`` method: the caller may be the scheduler, which has threads and open database
connections that a forked child would inherit mid-flight (see STYLE.md). Each child opens its
own engine. The work is cut into shards (event id modulo the shard count), so the cores stay
busy to the end, and ordered: first the calendar variants subscribers asked for (language and
filter, most asked for first, see :mod:`events.store.requests`), then each language's full
calendar. A chunk an earlier shard kept is found, not rendered again (unless the shard's last
lookups found nothing, after which it asks the table less often, see :mod:`feeds.chunk_store`).
The warm-up never raises: it is only a speed-up, and a request renders what is missing.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import multiprocessing
import os
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace

from sqlalchemy import func, select

from events.model import Language
from events.store.chunks import prune_chunks
from events.store.db import make_engine
from events.store.queries import EventQuery, iter_events
from events.store.requests import prune_requests, requested_variants
from events.store.tables import EventRow
from feeds.cache import ChunkCache
from feeds.calendars import calendar_meta, published_query
from feeds.chunk_store import StoredChunks
from feeds.config import Settings
from feeds.ics import prepare_chunks
from feeds.runtime import Runtime

log = logging.getLogger(__name__)

CHUNK_DAYS = 30  # kept chunks (and noted requests) older than this are pruned
PROCESSES_FROM = 5_000  # stored events from which the warm-up starts processes
SHARDS_PER_PROCESS = 4  # so a slow shard does not leave the other cores idle at the end
Task = tuple[Language, EventQuery]


@dataclass(frozen=True)
class WarmReport:
    rendered: int  # chunks that had to be rendered (changed or new events)
    pruned: int
    seconds: float
    processes: int = 1


def warm_calendars(
    runtime: Runtime, *, now: dt.datetime | None = None, processes: int | None = None
) -> WarmReport:
    """Render the chunks every language's full calendar needs, requested variants first, and
    keep them in the store; ``processes`` defaults to the number of cores, for a store of at
    least :data:`PROCESSES_FROM` events (a smaller one is warmed here sooner than processes
    start); 0: in this process."""
    started, now = time.perf_counter(), now or dt.datetime.now(dt.UTC)
    rendered = pruned = 0
    try:
        with runtime.engine.begin() as connection:
            before = now - dt.timedelta(days=CHUNK_DAYS)
            pruned = prune_chunks(connection, before)
            prune_requests(connection, before)
            requested = requested_variants(connection, before)
            stored = int(connection.scalar(select(func.count()).select_from(EventRow)) or 0)
        if processes is None:
            processes = (os.cpu_count() or 1) if stored >= PROCESSES_FROM else 0
        tasks = list(_tasks(runtime.settings, requested, now, max(processes, 1)))
        if processes <= 0:
            rendered = sum(_prepare(runtime, task) for task in tasks)
        else:
            context = multiprocessing.get_context("spawn")
            url = runtime.engine.url.render_as_string(hide_password=False)
            with ProcessPoolExecutor(processes, mp_context=context) as pool:
                work = functools.partial(_prepare_in_child, runtime.settings, url)
                rendered = sum(pool.map(work, tasks))
    except Exception:  # a failed warm-up leaves the request path to render
        log.exception("warming the calendars failed")
    return WarmReport(rendered, pruned, time.perf_counter() - started, max(processes or 0, 1))


def _tasks(
    settings: Settings, requested: list[tuple[str, EventQuery]], now: dt.datetime, processes: int
) -> Iterator[Task]:
    """Requested variants first, then each language's full calendar, each cut in shards."""
    shards = processes * SHARDS_PER_PROCESS if processes > 1 else 1
    wanted = [
        (Language(lang), query) for lang, query in requested if lang in Language._value2member_map_
    ]
    everything = [(lang, EventQuery()) for lang in Language]
    for lang, query in [*wanted, *everything]:
        published = published_query(settings, query, now)
        for index in range(shards):
            yield lang, replace(published, shard=(shards, index) if shards > 1 else None)


def _prepare(runtime: Runtime, task: Task) -> int:
    lang, query = task
    chunks = StoredChunks(ChunkCache(0), runtime.engine)  # nothing held in this process
    try:
        with runtime.sessions() as session:
            return prepare_chunks(
                iter_events(session, query), calendar_meta(runtime.settings, lang), chunks
            )
    finally:
        chunks.flush()


_CHILD: Runtime | None = None  # each worker process opens its engine once


def _prepare_in_child(settings: Settings, database_url: str, task: Task) -> int:
    global _CHILD
    if _CHILD is None:
        _CHILD = Runtime.open(settings, make_engine(database_url))
    return _prepare(_CHILD, task)
