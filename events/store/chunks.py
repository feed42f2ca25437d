"""Rendered chunks in the store: bytes under a digest, shared by every instance and restart.

The table is a cache that survives processes, not a record: the publishing side decides what a
digest covers, nothing here reads the bytes, and losing a row only costs its re-rendering. So
a write that loses a race (another instance kept the same digest first) is no error.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import DateTime, bindparam, delete, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from events.store.tables import RenderedChunkRow

_BATCH = 500  # digests per IN (...) list: well inside every database's parameter limit


def load_chunks(connection: Connection, digests: Sequence[str]) -> dict[str, bytes]:
    """The kept bytes of those ``digests`` that are stored; the others are simply absent."""
    found: dict[str, bytes] = {}
    for first in range(0, len(digests), _BATCH):
        wanted = digests[first : first + _BATCH]
        if connection.dialect.name == "sqlite":  # a cold calendar asks for every event's
            marks = ", ".join("?" * len(wanted))  # chunk: the driver's own query is 4x faster
            sql = f"SELECT digest, body FROM rendered_chunks WHERE digest IN ({marks})"
            found.update((d, bytes(b)) for d, b in connection.exec_driver_sql(sql, tuple(wanted)))
            continue
        rows = connection.execute(
            select(RenderedChunkRow.digest, RenderedChunkRow.body).where(
                RenderedChunkRow.digest.in_(wanted)
            )
        )
        found.update((digest, bytes(body)) for digest, body in rows)
    return found


def save_chunks(connection: Connection, chunks: Mapping[str, bytes], now: dt.datetime) -> None:
    """Keep ``chunks``; a digest already kept (by this or another instance) stays as it is.

    Text chunks (every VEVENT) travel as one JSON document that the database takes apart in
    one statement: the driver then works without the GIL for the whole write, where a row at a
    time took it back for every row. So a write can run in a thread beside the rendering
    (see :mod:`feeds.chunk_store`) without slowing it down."""
    document = _document(chunks)
    dialect = connection.dialect.name
    if document is not None and dialect in ("sqlite", "postgresql"):
        if dialect == "sqlite":
            connection.exec_driver_sql(
                "INSERT OR IGNORE INTO rendered_chunks (digest, body, created) "
                "SELECT key, CAST(value AS BLOB), ? FROM json_each(?)",
                (_sqlite_datetime(connection)(now.astimezone(dt.UTC)), document),
            )
        else:
            connection.execute(_FROM_DOCUMENT_PG, {"created": now, "document": document})
        return
    rows = [{"digest": d, "body": body, "created": now} for d, body in chunks.items()]
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    for first in range(0, len(rows), _BATCH):
        stmt = insert(RenderedChunkRow).on_conflict_do_nothing(index_elements=["digest"])
        connection.execute(stmt, rows[first : first + _BATCH])


_FROM_DOCUMENT_PG = text(
    "INSERT INTO rendered_chunks (digest, body, created) "
    "SELECT key, convert_to(value, 'UTF8'), :created FROM json_each_text(CAST(:document AS json)) "
    "ON CONFLICT (digest) DO NOTHING"
).bindparams(bindparam("created", type_=DateTime(timezone=True)))


def _document(chunks: Mapping[str, bytes]) -> str | None:
    """``chunks`` as one JSON object, or ``None`` when a body is no text a database's JSON
    holds (not UTF-8, or a NUL, which PostgreSQL's text refuses)."""
    try:
        texts = {digest: body.decode() for digest, body in chunks.items()}
    except UnicodeDecodeError:
        return None
    if any("\x00" in body for body in texts.values()):
        return None
    return json.dumps(texts, ensure_ascii=False)


def _sqlite_datetime(connection: Connection) -> Callable[[dt.datetime], Any]:
    """How SQLAlchemy writes a date-time on SQLite, so raw rows compare as its own do."""
    dialect = connection.dialect
    process = dialect.type_descriptor(DateTime(timezone=True)).bind_processor(dialect)
    assert process is not None
    return process


def prune_chunks(connection: Connection, before: dt.datetime) -> int:
    """Forget chunks kept before ``before``: those of changed events are never asked for again,
    and the others are rendered again the next time a calendar needs them."""
    result = connection.execute(delete(RenderedChunkRow).where(RenderedChunkRow.created < before))
    return int(result.rowcount or 0)
