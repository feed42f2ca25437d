"""Which calendar variants subscribers ask for, so the warm-up after a change renders those first.

A variant is noted when a worker renders it (a cache miss), not on every request: the cached
path stays one version read, and a variant asked for by many subscribers is rendered by many
workers, so its count still says how much it is wanted. Like the chunks, these rows are a
cache: losing them only changes the order of the warm-up.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from events.store.queries import EventQuery
from events.store.tables import CalendarRequestRow

# The fields of a query that say which events a subscriber wants (not order or paging).
_FILTER_FIELDS = ("city", "kinds", "organiser", "start_from", "start_to", "dated_only")


def query_record(query: EventQuery) -> dict[str, Any]:
    record: dict[str, Any] = {}
    for name in _FILTER_FIELDS:
        value = getattr(query, name)
        record[name] = value.isoformat() if isinstance(value, dt.date) else value
    record["kinds"] = list(query.kinds)
    return record


def query_of(record: dict[str, Any]) -> EventQuery:
    values = {name: record[name] for name in _FILTER_FIELDS if name in record}
    for name in ("start_from", "start_to"):
        if values.get(name):
            values[name] = dt.date.fromisoformat(values[name])
    values["kinds"] = tuple(values.get("kinds") or ())
    return dataclasses.replace(EventQuery(), **values)


def note_request(
    connection: Connection, language: str, query: EventQuery, now: dt.datetime
) -> None:
    record = query_record(query)
    text = json.dumps([language, record], sort_keys=True)
    variant = hashlib.sha256(text.encode()).hexdigest()
    row = CalendarRequestRow
    insert = postgresql.insert if connection.dialect.name == "postgresql" else sqlite.insert
    connection.execute(
        insert(row)
        .values(variant=variant, language=language, query=record, renders=0, last_requested=now)
        .on_conflict_do_nothing(index_elements=["variant"])
    )
    connection.execute(
        update(row)
        .where(row.variant == variant)
        .values(renders=row.renders + 1, last_requested=now)
    )


def requested_variants(connection: Connection, since: dt.datetime) -> list[tuple[str, EventQuery]]:
    """(language, query) of the variants asked for since ``since``, most rendered first."""
    table = CalendarRequestRow.__table__
    rows = connection.execute(
        select(table.c.language, table.c.query)
        .where(table.c.last_requested >= since)
        .order_by(table.c.renders.desc(), table.c.variant)
    )
    return [(language, query_of(record)) for language, record in rows]


def prune_requests(connection: Connection, before: dt.datetime) -> int:
    result = connection.execute(
        delete(CalendarRequestRow).where(CalendarRequestRow.last_requested < before)
    )
    return int(result.rowcount or 0)
