"""One scheduled run of one source: collect its inputs, ingest them, retire what disappeared.

The scheduler calls :func:`run_source`; it never raises for a failing source — the failure is
recorded in the source's state (with the error and a backoff) and the next source goes on.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from events.extract import MAX_EVENTS
from events.ingest import Failure, RunReport, ingest_inputs, utcnow
from events.sources import SourceConfig, collect
from events.store.tables import ArticleRow, SourceStateRow
from events.store.writer import ensure_source, retire_article

log = logging.getLogger(__name__)

MAX_BACKOFF = dt.timedelta(hours=24)


@dataclass(frozen=True)
class SourceOutcome:
    name: str
    result: str  # ok, partial, failed
    report: RunReport | None
    error: str | None
    retry_in: dt.timedelta | None  # set after a failure: when to try again


def backoff(interval: dt.timedelta, failures_in_row: int) -> dt.timedelta:
    """Doubling retry delay after consecutive failures, never beyond a day."""
    delay: dt.timedelta = interval * (2 ** max(failures_in_row - 1, 0))
    return min(delay, MAX_BACKOFF)


def run_source(
    sessions: sessionmaker[Session],
    source: SourceConfig,
    *,
    max_bytes: int = 20_000_000,
    max_events: int = MAX_EVENTS,
) -> SourceOutcome:
    now = utcnow()
    with sessions.begin() as session:
        source_id = ensure_source(session, source.name, source.type, source.location, now)
        state = _state(session, source.name)
        validators = dict(state.validators or {})
    try:
        collected = collect(source, validators)
    except Exception as exc:  # a source that cannot be read at all
        log.warning("source %s failed: %s", source.name, exc)
        return _record_failure(sessions, source, str(exc) or type(exc).__name__, now)
    failures = [Failure(url, reason) for url, reason in collected.failures]
    report = ingest_inputs(
        sessions,
        collected.inputs,
        total=len(collected.inputs),
        failures=failures,
        trigger=f"source:{source.name}",
        target=source.location,
        max_bytes=min(max_bytes, source.max_bytes),
        max_events=max_events,
        source_id=source_id,
    )
    # a page that failed this time is not gone: only what the source no longer lists retires
    seen = (
        set(collected.seen) | {i.locator for i in collected.inputs} | {f.source for f in failures}
    )
    with sessions.begin() as session:
        state = _state(session, source.name)
        retired = _retire_missing(session, state, source_id, seen, now, source.retire_after_runs)
        state.validators = collected.validators
        state.last_run, state.runs = now, state.runs + 1
        state.failures_in_row = 0
        state.next_run = now + dt.timedelta(minutes=source.interval_minutes)
        state.last_result = "partial" if report.failures else "ok"
        state.last_error = (
            "; ".join(f"{f.source}: {f.reason}" for f in report.failures)[:4000] or None
        )
        state.counts = {
            "new": report.new,
            "changed": report.changed,
            "unchanged": report.unchanged,
            "failed": report.failed,
            "retired": retired,
        }
        result = state.last_result
    return SourceOutcome(source.name, result, report, None, None)


def _state(session: Session, name: str) -> SourceStateRow:
    state = session.get(SourceStateRow, name)
    if state is None:
        state = SourceStateRow(
            name=name, failures_in_row=0, runs=0, counts={}, validators={}, missing={}
        )
        session.add(state)
        session.flush()
    return state


def _record_failure(
    sessions: sessionmaker[Session], source: SourceConfig, error: str, now: dt.datetime
) -> SourceOutcome:
    with sessions.begin() as session:
        state = _state(session, source.name)
        state.last_run, state.runs = now, state.runs + 1
        state.failures_in_row += 1
        state.last_result, state.last_error = "failed", error[:4000]
        delay = backoff(dt.timedelta(minutes=source.interval_minutes), state.failures_in_row)
        state.next_run = now + delay
    return SourceOutcome(source.name, "failed", None, error, delay)


def _retire_missing(
    session: Session,
    state: SourceStateRow,
    source_id: int,
    seen: set[str],
    now: dt.datetime,
    retire_after: int,
) -> int:
    """Count the runs each article of this source went unseen; retire it after ``retire_after``."""
    rows = session.execute(
        select(ArticleRow.id, ArticleRow.locator).where(
            ArticleRow.source_id == source_id, ArticleRow.retired_at.is_(None)
        )
    ).all()
    missing: dict[str, int] = {}
    retired = 0
    for article_id, locator in rows:
        if locator in seen:
            continue
        runs = (state.missing or {}).get(locator, 0) + 1
        if runs >= retire_after:
            retire_article(session, article_id, now)
            retired += 1
        else:
            missing[locator] = runs
    state.missing = missing
    return retired
