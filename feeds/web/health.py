"""/healthz: what a load balancer or a person asks first, answered within a bounded time.

The database is asked in a short-lived daemon thread and waited for at most ``PROBE_SECONDS``:
a store that does not answer (a lock never released, a server gone silent) is reported as
failing with a 503 at once, rather than holding the request, and the worker thread with it,
for as long as the store stays silent. At most ``MAX_STUCK`` probes may still be waiting in
one process; past that the check answers 503 without asking again.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from dataclasses import asdict
from typing import Any, TypeVar

from flask import Blueprint, jsonify
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from events.store.queries import SourceStatus, Stats, source_statuses, stats
from feeds.web import runtime

PROBE_SECONDS = 3.0
MAX_STUCK = 4

bp = Blueprint("health", __name__)

T = TypeVar("T")


class ProbeTimeout(Exception):
    """The database did not answer within the probe's time."""


class Prober:
    """Runs a call in a daemon thread and waits for it a bounded time; at most ``max_stuck``
    calls may still be running, so a silent database cannot pile up threads."""

    def __init__(self, max_stuck: int) -> None:
        self.max_stuck = max_stuck
        self._waiting = threading.BoundedSemaphore(max_stuck)

    def __call__(self, call: Callable[[], T], seconds: float) -> T:
        """``call()``'s result, or ProbeTimeout after ``seconds``; its exception is raised."""
        if not self._waiting.acquire(blocking=False):
            raise ProbeTimeout(f"{self.max_stuck} earlier checks still wait for the database")
        answers: queue.Queue[tuple[bool, Any]] = queue.Queue(maxsize=1)

        def probe() -> None:
            try:
                answers.put((True, call()))
            except BaseException as exc:  # carried to the caller, whatever it is
                answers.put((False, exc))
            finally:
                self._waiting.release()

        threading.Thread(target=probe, name="healthz-probe", daemon=True).start()
        try:
            ok, value = answers.get(timeout=seconds)
        except queue.Empty:
            raise ProbeTimeout(f"no answer from the database within {seconds:g} s") from None
        if not ok:
            raise value
        return value  # type: ignore[no-any-return]


bounded = Prober(MAX_STUCK)


def _reader(sessions: sessionmaker[Session]) -> Callable[[], tuple[Stats, list[SourceStatus]]]:
    def read() -> tuple[Stats, list[SourceStatus]]:
        with sessions() as s:
            s.execute(text("SELECT 1"))
            return stats(s), list(source_statuses(s))

    return read


@bp.get("/healthz")
def healthz() -> Any:
    try:
        numbers, sources = bounded(_reader(runtime().sessions), PROBE_SECONDS)
    except ProbeTimeout as exc:
        return jsonify(database="timeout", error=str(exc)), 503
    except Exception as exc:  # the health check reports, it does not raise
        return jsonify(database="unreachable", error=str(exc)), 503
    return jsonify(
        database="ok",
        articles=numbers.articles,
        events=numbers.events,
        dated_events=numbers.dated_events,
        undated_events=numbers.undated_events,
        last_ingest=numbers.last_ingest.isoformat() if numbers.last_ingest else None,
        sources=[_source_json(x) for x in sources],
    )


def _source_json(status: SourceStatus) -> dict[str, Any]:
    times = {"last_run": status.last_run, "next_run": status.next_run}
    return asdict(status) | {k: v.isoformat() if v else None for k, v in times.items()}
