"""Paths and database helpers shared by the tests (importable from any test folder)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Engine

from events.store.db import in_schema, make_engine

PROJECT = Path(__file__).resolve().parent.parent
SEEDS = PROJECT / "seeds"
SEEDS_EXPECTED = PROJECT / "tests" / "data" / "seeds-expected.json"


def postgres_engine(url: str) -> Iterator[Engine]:
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = make_engine(url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    # the schema is in the URL itself, so a process that opens its own engine from this one's
    # URL (the warm-up's spawned children) works in the same schema
    engine = make_engine(in_schema(url, schema))
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
