"""Conditional GET in one helper that renders only on a miss.

Rendered bytes are cached per process and keyed by the request's variant and the content
version, which lives in the database: an instance never serves bytes older than another
instance's ingest. ETag is the digest of the bytes, so it changes only when the content does.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from flask import Request, Response

Rendered = tuple[bytes, dt.datetime]  # the bytes and when their content last changed


@dataclass(frozen=True)
class Entry:
    version: int
    body: bytes
    etag: str
    last_modified: dt.datetime


class RenderCache:
    def __init__(self, size: int = 512) -> None:
        self._entries: OrderedDict[str, Entry] = OrderedDict()
        self._lock = threading.Lock()
        self._size = size

    def get(self, key: str, version: int, render: Callable[[], Rendered]) -> Entry:
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and entry.version == version:
                self._entries.move_to_end(key)
                return entry
        body, last_modified = render()
        etag = hashlib.sha256(body).hexdigest()[:32]
        entry = Entry(version, body, etag, last_modified.replace(microsecond=0))
        with self._lock:
            self._entries[key] = entry
            self._entries.move_to_end(key)
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)
        return entry

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


def conditional(
    request: Request,
    entry: Entry,
    *,
    content_type: str,
    max_age: int,
    headers: dict[str, str] | None = None,
) -> Response:
    response = Response(entry.body, content_type=content_type)
    response.set_etag(entry.etag)
    response.last_modified = entry.last_modified
    response.cache_control.public = True
    response.cache_control.max_age = max_age
    response.vary.add("Accept-Encoding")
    for name, value in (headers or {}).items():
        response.headers[name] = value
    response.make_conditional(request)  # updates the response in place (304 when fresh)
    return response
