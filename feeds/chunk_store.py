"""VEVENT chunks looked up in this worker's memory first, then in the shared table.

A fresh worker, a restarted service or a second instance finds the chunks another process
already rendered, so only a changed event is ever rendered again (see :mod:`feeds.ics`). The
table is a cache: when it cannot be read or written the calendar is still served, rendered here.

New chunks are written a few megabytes at a time, not per block of events: a digest is a
random key, so each write touches pages all over the table's index, and at 100,000 events
one write per block of 250 cost a never-rendered calendar more than its rendering did (the
commits grew with the table). Each write runs in a thread of its own while the rendering goes
on, one at a time and in order: the database works without the GIL for the whole of it (see
:func:`events.store.chunks.save_chunks`), so on a second core. Whoever renders calls
:meth:`StoredChunks.flush` at the end, which writes the rest and waits for every write.

A never-rendered calendar (every calendar after an upgrade) finds nothing in the table, and
asking anyway, block after block, cost 100,000 events most of a second. So after a block whose
lookup found nothing, the next 1, 2, 4 … :data:`MAX_SKIPPED` blocks are rendered without asking;
a lookup that finds anything starts over. Skipping never changes the bytes, only what is
rendered: at worst one run of skipped blocks that the table held after all.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager

from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from events.store.chunks import load_chunks, save_chunks
from events.store.db import SQLITE_WAIT_MS
from feeds.cache import CACHE_ONLY, ChunkCache

log = logging.getLogger(__name__)

MAX_SKIPPED = 16  # table lookups left out in a row, at most (4,000 events of a calendar)
WRITE_BYTES = 2 << 20  # chunks written to the table at once (about 2,700 events)


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

    def __init__(self, memory: ChunkCache, engine: Engine, *, write_bytes: int = WRITE_BYTES):
        self._memory = memory
        self._engine = engine
        self._write_bytes = write_bytes
        self._pending: dict[str, bytes] = {}  # kept, not yet written
        self._pending_bytes = 0
        self._writing: threading.Thread | None = None  # the write under way, if any
        self._skip = 0  # lookups to leave out of the table after one that found nothing
        self._skipped = 0

    def lookup(self, digests: Sequence[str]) -> dict[str, bytes]:
        found = self._memory.lookup(digests)
        if self._pending:
            found.update((d, self._pending[d]) for d in digests if d in self._pending)
        missing = [d for d in digests if d not in found]
        if not missing:
            return found
        if self._skipped < self._skip:  # the table found nothing lately: do not ask
            self._skipped += 1
            return found
        try:
            with self._engine.connect() as connection:
                stored = load_chunks(connection, missing)
        except SQLAlchemyError as exc:
            log.warning("rendered chunks could not be read, rendering instead: %s", exc)
            return found
        self._skip = 0 if stored else min(max(1, 2 * self._skip), MAX_SKIPPED)
        self._skipped = 0
        self._memory.keep(stored)
        return found | stored

    def keep(self, chunks: Mapping[str, bytes]) -> None:
        """Keep ``chunks`` in memory now, and in the table once ``write_bytes`` are waiting
        (or at :meth:`flush`)."""
        self._memory.keep(chunks)
        self._pending.update(chunks)
        self._pending_bytes += sum(len(body) for body in chunks.values())
        if self._pending_bytes >= self._write_bytes:
            self._wait()
            self._writing = threading.Thread(
                target=self._write, args=(self._take(),), name="stdcal-chunk-writer"
            )
            self._writing.start()

    def flush(self) -> None:
        """Write the chunks kept since the last write, and wait until every write is done."""
        self._wait()
        if self._pending:
            self._write(self._take())

    def _take(self) -> dict[str, bytes]:
        pending, self._pending, self._pending_bytes = self._pending, {}, 0
        return pending

    def _wait(self) -> None:
        if self._writing is not None:
            self._writing.join()
            self._writing = None

    def _write(self, chunks: Mapping[str, bytes]) -> None:
        try:
            with self._engine.connect() as connection, brief_wait(connection):
                # no content changes here: RenderCache must not re-read the version for this
                connection.execution_options(**{CACHE_ONLY: True})
                save_chunks(connection, chunks, dt.datetime.now(dt.UTC))
                connection.commit()
        except SQLAlchemyError as exc:  # e.g. SQLite busy with an ingest: kept in memory only
            log.warning("rendered chunks could not be kept: %s", exc)
