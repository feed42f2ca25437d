"""The running service's shared parts (settings, engine, sessions) and its start-up steps.

Start-up upgrades the schema and, on an empty store, ingests the built-in seeds. With several
instances on one PostgreSQL database an advisory lock makes exactly one of them do it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from events.store.db import make_engine, session_factory, upgrade
from events.store.queries import stats
from feeds.config import Settings

if TYPE_CHECKING:  # reading and extraction load only in processes that ingest
    from events.ingest import RunReport
    from events.sources import SourceConfig

log = logging.getLogger(__name__)

_STARTUP_LOCK = 0x57DCA1  # PostgreSQL advisory lock id for start-up work


@dataclass(frozen=True)
class Runtime:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]

    @classmethod
    def open(cls, settings: Settings, engine: Engine | None = None) -> Runtime:
        engine = engine or make_engine(settings.resolved_database_url())
        return cls(settings, engine, session_factory(engine))


@contextmanager
def startup_lock(engine: Engine) -> Iterator[None]:
    if engine.dialect.name != "postgresql":
        yield
        return
    with engine.connect() as connection:
        connection.execute(text("SELECT pg_advisory_lock(:id)"), {"id": _STARTUP_LOCK})
        try:
            yield
        finally:
            connection.execute(text("SELECT pg_advisory_unlock(:id)"), {"id": _STARTUP_LOCK})
            connection.commit()


def prepare(runtime: Runtime) -> RunReport | None:
    """Upgrade the schema; ingest the seeds when the store holds no article yet."""
    with startup_lock(runtime.engine):
        upgrade(runtime.engine)
        settings = runtime.settings
        if not settings.ingest_seeds or not settings.seeds_dir.is_dir():
            return None
        with runtime.sessions() as session:
            if stats(session).articles:
                return None
        from events.ingest import ingest_paths

        report = ingest_paths(
            runtime.sessions,
            [settings.seeds_dir],
            trigger="first-start",
            max_bytes=settings.max_article_bytes,
            max_events=settings.max_events_per_article,
        )
        log.info("seeds ingested: %s", report.summary())
        return report


def configured_sources(settings: Settings) -> list[SourceConfig]:
    """The sources file when present, else the seeds directory as the one default source.

    No source downloads more than ``max_fetch_bytes``, whatever its own ``max_bytes`` says."""
    from events.sources import default_sources, load_sources

    if settings.config_path.is_file():
        sources = load_sources(settings.config_path)
    else:
        sources = default_sources(settings.seeds_dir)
    cap = settings.max_fetch_bytes
    return [replace(s, max_bytes=min(s.max_bytes, cap)) for s in sources]
