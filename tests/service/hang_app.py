"""A WSGI app with one request that never returns, as a thread stuck in a lock would be, and
one that streams for longer than the deadline while sending all along, as a never-rendered
calendar of 100,000 events does."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from feeds import liveness

NEVER = threading.Event()
STREAM_SECONDS = 5.0  # past the test's 2 s deadline


def _slow_blocks() -> Iterator[bytes]:
    ends = time.monotonic() + STREAM_SECONDS
    while time.monotonic() < ends:
        time.sleep(0.25)
        liveness.alive()
        yield b"block\n"


def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    if environ["PATH_INFO"] == "/stream":
        start_response("200 OK", [("Content-Type", "text/plain")])
        return _slow_blocks()
    if environ["PATH_INFO"] == "/hang":
        NEVER.wait()
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [f"{os.getpid()}\n".encode()]
