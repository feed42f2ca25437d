"""Conditional GET in one helper that renders only on a miss, and the caches behind it.

Rendered bytes are cached per process and keyed by the request's variant and the content
version, which lives in the database: an instance never serves bytes older than another
instance's ingest. ETag is the digest of the bytes, so it changes only when the content does.

Most requests ask for bytes that have not changed, so the hit path does as little as it can: a
dict lookup and a response built from ready values. The version is one primary-key read through
Core, and an instance re-reads it at most every ``version_ttl`` seconds (default 1 s); any commit
through the instance's own engine re-reads it at once. So an instance serves bytes at most
``version_ttl`` seconds older than the newest ingest committed by another process or instance
(the scheduler, `stdcal ingest`, a second app server), and its own edits without delay.

Both caches are bounded by bytes as well as entries, so a worker's memory stays predictable
however many events are stored: rendered outputs (64 MB by default) and the per-event VEVENT
chunks calendars are assembled from (16 MB; the rest are read back from the database, see
:mod:`feeds.chunk_store`). A calendar is written, not returned: one larger than 1 MB stays in a
file of the cache's own temporary folder (2 GB at most) and is sent from there.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import tempfile
import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from flask import Request, Response
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from werkzeug.exceptions import ServiceUnavailable
from werkzeug.http import http_date, is_resource_modified, quote_etag
from werkzeug.wsgi import wrap_file

from events.store.queries import content_version
from feeds import liveness

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)  # "last modified" of outputs with no dated data
CACHE_ONLY = "stdcal_cache_only"  # execution option of a connection that writes only caches
Rendered = tuple[bytes, dt.datetime]  # the bytes and when their content last changed
STREAM_AFTER = 0.5  # seconds an output may take before its response starts while it is produced
# Smaller outputs are never streamed: they are done soon anyway, and keep their ETag (a slow
# moment of the machine must not cost a small calendar its validators).
STREAM_MIN_BYTES = 256 << 10


@dataclass(frozen=True)
class Entry:
    version: int
    body: bytes  # empty when the bytes are in ``path``
    etag: str
    last_modified: dt.datetime
    path: Path | None = None  # a large output, kept on disk and sent from there
    size: int = -1
    quoted_etag: str = field(init=False)  # the header values, formatted once per entry
    http_last_modified: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "quoted_etag", quote_etag(self.etag))
        object.__setattr__(self, "http_last_modified", http_date(self.last_modified))
        if self.size < 0:
            object.__setattr__(self, "size", len(self.body))


class _Hashing:
    """A file writer that digests what passes through it, for the ETag of a spilled output."""

    def __init__(self, out: BinaryIO) -> None:
        self._out = out
        self.digest = hashlib.sha256()

    def write(self, data: bytes) -> int:
        self.digest.update(data)
        return self._out.write(data)


class RenderCache:
    """Rendered outputs by variant key, valid for one content version."""

    def __init__(
        self,
        size: int = 512,
        *,
        version_ttl: float = 1.0,
        max_bytes: int = 64 << 20,
        spill_bytes: int = 1 << 20,
        max_disk_bytes: int = 2 << 30,
        chunk_bytes: int = 16 << 20,
    ) -> None:
        self._entries: OrderedDict[str, Entry] = OrderedDict()
        self._lock = threading.Lock()
        self._size = size
        self._max_bytes = max_bytes  # bodies held, at most: the newest entry always stays
        self._spill_bytes = spill_bytes  # written outputs larger than this stay on disk
        self._max_disk_bytes = max_disk_bytes
        self._dir: Path | None = None
        self.bytes = 0
        self.disk_bytes = 0
        self._version_ttl = version_ttl
        self._version: tuple[float, int, int] | None = None  # (time read, commits seen, value)
        self._commits = 0
        self._watched: set[int] = set()
        self.chunks = ChunkCache(chunk_bytes)

    @property
    def version_ttl(self) -> float:
        """How long a worker may serve a version after another process committed a newer one."""
        return self._version_ttl

    def version(self, read: Callable[[], int]) -> int:
        """The content version, re-read with ``read`` at most every ``version_ttl`` seconds
        and after every commit noted by :meth:`watch`."""
        now, commits = time.monotonic(), self._commits
        memo = self._version
        if memo is not None and memo[1] == commits and now - memo[0] < self._version_ttl:
            return memo[2]
        value = read()
        self._version = (now, commits, value)
        return value

    def watch(self, engine: Engine) -> None:
        """Forget the memo whenever this process commits through ``engine``."""
        if id(engine) not in self._watched:
            self._watched.add(id(engine))
            event.listen(engine, "commit", self._committed)

    def _committed(self, connection: Connection) -> None:
        if not connection.get_execution_options().get(CACHE_ONLY):
            self._commits += 1

    def get(self, key: str, version: int, render: Callable[[], Rendered]) -> Entry:
        entry = self._hit(key, version)
        if entry is not None:
            return entry
        body, last_modified = render()
        etag = hashlib.sha256(body).hexdigest()[:32]
        return self._keep(key, Entry(version, body, etag, last_modified.replace(microsecond=0)))

    def get_written(
        self, key: str, version: int, write: Callable[[SupportsWrite[bytes]], dt.datetime]
    ) -> Entry:
        """Like :meth:`get` for an output written to a file object (a calendar of every stored
        event): one larger than ``spill_bytes`` stays in a file of this cache's own folder, and
        is sent from there, so its size costs the worker no memory."""
        entry = self._hit(key, version)
        if entry is not None:
            return entry
        fd, name = tempfile.mkstemp(dir=self._folder(), suffix=".out")
        path = Path(name)
        try:
            with os.fdopen(fd, "wb") as file:
                out = _Hashing(file)
                last_modified = write(out).replace(microsecond=0)
            size, etag = path.stat().st_size, out.digest.hexdigest()[:32]
            if size <= self._spill_bytes:
                entry = Entry(version, path.read_bytes(), etag, last_modified)
                path.unlink()
            else:
                entry = Entry(version, b"", etag, last_modified, path=path, size=size)
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        return self._keep(key, entry)

    def get_streamed(
        self,
        key: str,
        version: int,
        produce: Callable[[], Iterator[bytes]],
        last_modified: Callable[[], dt.datetime],
        *,
        budget: float | None = None,
    ) -> Entry | Streamed:
        """Like :meth:`get_written` for an output produced as byte blocks. When the blocks are
        all there within ``budget`` seconds the entry is returned (with its ETag); otherwise
        a :class:`Streamed` response body that sends what is ready at once and the rest as it
        is produced, and keeps the entry when it is complete. ``last_modified`` is asked once
        the blocks are all produced."""
        entry = self._hit(key, version)
        if entry is not None:
            return entry
        stream = Streamed(self, key, version, produce(), last_modified)
        deadline = time.monotonic() + (STREAM_AFTER if budget is None else budget)
        while time.monotonic() < deadline or stream.produced < STREAM_MIN_BYTES:
            if not stream.advance():
                return stream.entry()
        return stream

    def _hit(self, key: str, version: int) -> Entry | None:
        entry = self._entries.get(key)  # a dict read is atomic; the lock guards the reordering
        if entry is None or entry.version != version:
            return None
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
        return entry

    def _keep(self, key: str, entry: Entry) -> Entry:
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._forget(old)
            self._entries[key] = entry
            self.bytes += len(entry.body)
            self.disk_bytes += entry.size if entry.path is not None else 0
            while len(self._entries) > 1 and (
                len(self._entries) > self._size
                or self.bytes > self._max_bytes
                or self.disk_bytes > self._max_disk_bytes
            ):
                self._forget(self._entries.popitem(last=False)[1])
        return entry

    def _forget(self, entry: Entry) -> None:
        self.bytes -= len(entry.body)
        if entry.path is not None:
            self.disk_bytes -= entry.size
            entry.path.unlink(missing_ok=True)  # a response still sending it keeps it open

    def _folder(self) -> Path:
        if self._dir is None:
            self._dir = Path(tempfile.mkdtemp(prefix="stdcal-outputs-"))
            weakref.finalize(self, shutil.rmtree, self._dir, True)
        return self._dir

    def clear(self) -> None:
        with self._lock:
            for entry in self._entries.values():
                self._forget(entry)
            self._entries.clear()
            self._version = None
        self.chunks.clear()


class Streamed:
    """An output sent while it is produced: its blocks go to the client and to a file of the
    cache's folder (digested for the ETag of later requests); the complete file becomes the
    cache's entry. A client that goes away stops the production (the generator is closed, so
    the database cursor behind it too) and nothing is kept."""

    def __init__(
        self,
        cache: RenderCache,
        key: str,
        version: int,
        blocks: Iterator[bytes],
        last_modified: Callable[[], dt.datetime],
    ) -> None:
        self._cache, self._key, self._version = cache, key, version
        self._blocks, self._last_modified = blocks, last_modified
        fd, name = tempfile.mkstemp(dir=cache._folder(), suffix=".out")
        self._path = Path(name)
        self._file = os.fdopen(fd, "wb")
        self._out = _Hashing(self._file)
        self._ready: list[bytes] = []  # produced and not yet sent
        self.produced = 0
        self._entry: Entry | None = None

    def advance(self) -> bool:
        """Produce one more block; ``False`` when there was none left (the entry is kept)."""
        try:
            block = next(self._blocks)
        except StopIteration:
            self._finish()
            return False
        except BaseException:
            self.close()
            raise
        self._out.write(block)
        self._ready.append(block)
        self.produced += len(block)
        return True

    def entry(self) -> Entry:
        assert self._entry is not None
        return self._entry

    def __iter__(self) -> Iterator[bytes]:
        while True:
            if self._ready:
                ready, self._ready = b"".join(self._ready), []
                if ready:
                    liveness.alive()  # sending all along: no request deadline should cut it
                    yield ready
            if self._entry is not None or not self.advance():
                break

    def _finish(self) -> None:
        self._file.close()
        size, etag = self._path.stat().st_size, self._out.digest.hexdigest()[:32]
        modified = self._last_modified().replace(microsecond=0)
        if size <= self._cache._spill_bytes:
            entry = Entry(self._version, self._path.read_bytes(), etag, modified)
            self._path.unlink()
        else:
            entry = Entry(self._version, b"", etag, modified, path=self._path, size=size)
        self._entry = self._cache._keep(self._key, entry)

    def close(self) -> None:
        """Called by the server when the response ends, sent or not."""
        if self._entry is None:
            close = getattr(self._blocks, "close", None)
            if close is not None:
                close()
            self._file.close()
            self._path.unlink(missing_ok=True)


class ChunkCache:
    """Least recently used byte strings by key (a chunk digest), at most ``limit`` bytes."""

    def __init__(self, limit: int) -> None:
        self._items: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()
        self._limit = limit
        self.size = 0

    def get(self, key: str) -> bytes | None:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: str, value: bytes) -> None:
        with self._lock:
            old = self._items.pop(key, None)
            self.size += len(value) - (len(old) if old is not None else 0)
            self._items[key] = value
            while self.size > self._limit and self._items:
                self.size -= len(self._items.popitem(last=False)[1])

    def lookup(self, digests: Sequence[str]) -> dict[str, bytes]:
        found = {}
        for digest in digests:
            value = self.get(digest)
            if value is not None:
                found[digest] = value
        return found

    def keep(self, chunks: Mapping[str, bytes]) -> None:
        for digest, value in chunks.items():
            self.put(digest, value)

    def __len__(self) -> int:
        return len(self._items)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self.size = 0


def current_version(cache: RenderCache, engine: Engine) -> int:
    """The content version for this request: a pooled connection and one tiny Core query."""

    def read() -> int:
        with engine.connect() as connection:
            return content_version(connection)

    cache.watch(engine)
    return cache.version(read)


def conditional(
    request: Request,
    entry: Entry | Streamed,
    *,
    content_type: str,
    max_age: int,
    headers: dict[str, str] | None = None,
) -> Response:
    """200 with the body, or 304 when the client's validators match (RFC 9110 13.1)."""
    if isinstance(entry, Streamed):
        # Its validators are known once it is complete: none yet. So no cache may keep it (a
        # proxy would serve it without an ETag, and clients could never get a 304): the next
        # request finds the complete entry, with them. X-Accel-Expires is nginx's own rule,
        # which the documented proxy configuration (ignoring Cache-Control) still follows.
        streamed = {"Cache-Control": "no-cache", "X-Accel-Expires": "0", "Vary": "Accept-Encoding"}
        return Response(entry, content_type=content_type, headers={**streamed, **(headers or {})})
    validators = [
        ("ETag", entry.quoted_etag),
        ("Last-Modified", entry.http_last_modified),
        ("Cache-Control", f"public, max-age={max_age}"),
        ("Vary", "Accept-Encoding"),
        *(headers or {}).items(),
    ]
    if request.method in ("GET", "HEAD") and not _modified(request, entry):
        return Response(status=304, headers=validators)
    if entry.path is None:
        return Response(entry.body, content_type=content_type, headers=validators)
    try:
        file = entry.path.open("rb")
    except FileNotFoundError:  # evicted by another thread since this request found it
        raise ServiceUnavailable("being rebuilt; try again", retry_after=1) from None
    response = Response(
        wrap_file(request.environ, file),
        content_type=content_type,
        headers=validators,
        direct_passthrough=True,  # the server sends the file itself (sendfile where it can)
    )
    response.content_length = entry.size
    return response


def _modified(request: Request, entry: Entry) -> bool:
    # a poller sends back exactly the ETag it was given: answer that without parsing
    if request.environ.get("HTTP_IF_NONE_MATCH") == entry.quoted_etag:
        return False
    return is_resource_modified(request.environ, etag=entry.etag, last_modified=entry.last_modified)
