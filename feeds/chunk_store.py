"""VEVENT chunks looked up in this worker's memory first, then in the shared table.

A fresh worker, a restarted service or a second instance finds the chunks another process
already rendered, so only a changed event is ever rendered again (see :mod:`feeds.ics`). The
table is a cache: when it cannot be read or written the calendar is still served, rendered here.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager

from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from events.store.chunks import load_chunks, save_chunks
from events.store.db import SQLITE_WAIT_MS
from feeds.cache import CACHE_ONLY, ChunkCache

log = logging.getLogger(__name__)


@contextmanager
def brief_wait(connection: Connection) -> Iterator[None]:
    """On SQLite, wait at most 0.2 s for an ingest's write lock: a request does not hold its
    subscriber for a cache write (the chunks stay in memory and are kept next time)."""
    if connection.dialect.name != "sqlite":
        yield
        return
    connection.exec_driver_sql("PRAGMA busy_timeout = 200")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA busy_timeout = {SQLITE_WAIT_MS}")


class StoredChunks:
    """The :class:`feeds.ics.Chunks` a calendar is rendered with in the service."""

    def __init__(self, memory: ChunkCache, engine: Engine) -> None:
        self._memory = memory
        self._engine = engine

    def lookup(self, digests: Sequence[str]) -> dict[str, bytes]:
        found = self._memory.lookup(digests)
        missing = [d for d in digests if d not in found]
        if not missing:
            return found
        try:
            with self._engine.connect() as connection:
                stored = load_chunks(connection, missing)
        except SQLAlchemyError as exc:
            log.warning("rendered chunks could not be read, rendering instead: %s", exc)
            return found
        self._memory.keep(stored)
        return found | stored

    def keep(self, chunks: Mapping[str, bytes]) -> None:
        self._memory.keep(chunks)
        try:
            with self._engine.connect() as connection, brief_wait(connection):
                # no content changes here: RenderCache must not re-read the version for this
                connection.execution_options(**{CACHE_ONLY: True})
                save_chunks(connection, chunks, dt.datetime.now(dt.UTC))
                connection.commit()
        except SQLAlchemyError as exc:  # e.g. SQLite busy with an ingest: kept in memory only
            log.warning("rendered chunks could not be kept: %s", exc)
