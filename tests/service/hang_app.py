"""A WSGI app with one request that never returns, as a thread stuck in a lock would be."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from typing import Any

NEVER = threading.Event()


def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    if environ["PATH_INFO"] == "/hang":
        NEVER.wait()
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [f"{os.getpid()}\n".encode()]
