"""A gthread worker whose requests have a deadline: a request running past it costs the worker.

gunicorn's own timeout watches a worker's heartbeat, and a gthread worker's main thread keeps
beating while a request thread is stuck (in a lock copied locked by a fork, in a database that
never answers), so the arbiter never replaces it and the stuck thread holds its slot forever.
This worker notes when each request starts (or last sent a block of a streamed response:
:mod:`feeds.liveness`); the main loop, once a second, looks for one older than the deadline
(gunicorn's ``timeout``), logs every thread's stack for the post-mortem and
leaves at once, and the arbiter starts a fresh worker. Other requests in flight on that worker
are cut, as a sync worker's would be by gunicorn's timeout.

Use it with ``gunicorn -k feeds.watchdog.DeadlineThreadWorker --timeout SECONDS``.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
import traceback
from typing import Any

from gunicorn.workers.gthread import ThreadWorker

from feeds import liveness

EXIT_STUCK = 1  # not 3 or 4: those tell the arbiter the app cannot boot, and it would halt


class DeadlineThreadWorker(ThreadWorker):  # type: ignore[misc]
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._running: dict[int, tuple[float, str]] = {}  # thread id → (start, "GET /path")
        liveness.listen(self.progressed)

    def progressed(self) -> None:
        """A response still sending (a long calendar streaming): its deadline starts again."""
        ident = threading.get_ident()
        running = self._running.get(ident)
        if running is not None:
            self._running[ident] = (time.monotonic(), running[1])

    def handle_request(self, req: Any, conn: Any) -> Any:
        ident = threading.get_ident()
        self._running[ident] = (time.monotonic(), f"{req.method} {req.path}")
        try:
            return super().handle_request(req, conn)
        finally:
            self._running.pop(ident, None)

    def notify(self) -> None:
        """The heartbeat, given only while no request is past its deadline."""
        overdue = self.overdue(time.monotonic())
        if overdue is not None:
            self.replace_self(*overdue)
        super().notify()

    def overdue(self, now: float) -> tuple[str, float] | None:
        deadline = self.cfg.timeout
        for started, what in list(self._running.values()):
            if now - started > deadline:
                return what, now - started
        return None

    def replace_self(self, what: str, seconds: float) -> None:
        self.log.error(
            "%s has run for %.0f s, past the %s s deadline: this worker (pid %s) leaves and "
            "the arbiter starts another. Its threads:\n%s",
            what,
            seconds,
            self.cfg.timeout,
            os.getpid(),
            thread_stacks(),
        )
        for handler in logging.getLogger("gunicorn.error").handlers:
            handler.flush()
        os._exit(EXIT_STUCK)  # a stuck thread would block any orderly exit


def thread_stacks() -> str:
    names = {t.ident: t.name for t in threading.enumerate()}
    return "\n".join(
        f'Thread "{names.get(ident, ident)}"\n' + "".join(traceback.format_stack(frame))
        for ident, frame in sys._current_frames().items()
    )
