"""A request that is making progress says so, so a request deadline catches only stuck ones.

The deadline worker (:mod:`feeds.watchdog`) replaces itself when a request runs past
``STDCAL_REQUEST_TIMEOUT``. A calendar of 100,000 events that was never rendered streams for
longer than that while sending bytes all along; such a response calls :func:`alive` for each
block it sends, and the deadline counts from the last one. Outside that worker (a sync worker,
the development server, a test) nothing listens and the call costs one attribute read.
"""

from __future__ import annotations

from collections.abc import Callable

_listener: Callable[[], None] | None = None


def listen(callback: Callable[[], None] | None) -> None:
    """The worker's hook, called from the request's own thread on each sign of progress."""
    global _listener
    _listener = callback


def alive() -> None:
    if _listener is not None:
        _listener()
