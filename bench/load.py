"""Load generator: many keep-alive clients on a running stdcal, checking every answer.

One command: `.venv/bin/python bench/load.py http://127.0.0.1:8000 [--requests 3000]
[--clients 8] [--save-dir DIR] [--json]`. Threads with `http.client` (no dependency beyond
the project) send GET requests round-robin over /calendar.ics, the article feeds and /, and
count what came back: any status other than 200 is an error, and so is a calendar or feed
whose ETag is not the digest of its own body (as feeds/cache.py derives it), or a calendar
that does not parse — either would mean a client saw a half-updated version. Each distinct
calendar version is saved when --save-dir is given, so a stricter parser can check them.
It prints requests, errors, requests/s and the calendar versions seen.
"""

from __future__ import annotations

import sys
from pathlib import Path

# bench/ first on sys.path would let bench/http.py shadow the stdlib's http package
sys.path[0] = str(Path(__file__).resolve().parent.parent)

import argparse
import datetime as dt
import http.client
import json
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import icalendar

from feeds.cache import RenderCache

PATHS = ("/calendar.ics", "/feeds/atom.xml", "/feeds/rss.xml", "/")
CHECKED = {"/calendar.ics", "/feeds/atom.xml", "/feeds/rss.xml"}  # ETag = digest of the body


def expected_etag(body: bytes) -> str:
    """The ETag feeds/cache.py gives these bytes (computed by its own code, not a copy)."""
    return RenderCache(size=1).get("", 0, lambda: (body, dt.datetime.now(dt.UTC))).etag


@dataclass
class Tally:
    requests: int = 0
    retries: int = 0  # requests sent again after a kept-alive connection was closed
    statuses: Counter[int] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    versions: dict[str, bytes] = field(default_factory=dict)  # calendar ETag -> body
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, path: str, status: int, etag: str | None, body: bytes) -> None:
        with self.lock:
            known = path == "/calendar.ics" and etag in self.versions
        # a body whose digest is a version already parsed is that version: parse once
        problem = check(path, status, etag, body, parse=not known)
        with self.lock:
            self.requests += 1
            self.statuses[status] += 1
            if problem:
                self.errors.append(f"{path}: {problem}")
            elif path == "/calendar.ics" and etag:
                self.versions.setdefault(etag, body)


def check(path: str, status: int, etag: str | None, body: bytes, *, parse: bool) -> str | None:
    if status != 200:
        return f"HTTP {status}: {body[:200]!r}"
    if path not in CHECKED:
        return None
    if etag is None:
        return "no ETag"
    if etag != expected_etag(body):
        return f"ETag {etag} is not the digest of the body ({len(body)} bytes)"
    if path == "/calendar.ics" and parse:
        try:
            icalendar.Calendar.from_ical(body)
        except ValueError as exc:
            return f"calendar does not parse: {exc}"
        if not body.rstrip().endswith(b"END:VCALENDAR"):
            return "calendar is cut short"
    return None


# A kept-alive connection the server closed between two requests (its keep-alive timeout ran
# out as the next request was sent) fails before any answer: RFC 9112 section 9.3.1 lets a
# client send an idempotent request again on a new connection, as browsers and urllib3 do.
# Only that case is retried, once; a new connection that fails is an error.
_STALE = (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError)


def client(base: str, paths: list[str], tally: Tally) -> None:
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=60)
    reused = False
    try:
        for path in paths:
            for attempt in (1, 2):
                try:
                    connection.request("GET", path)
                    response = connection.getresponse()
                    body = response.read()
                    etag = (response.getheader("ETag") or "").strip('"') or None
                    tally.record(path, response.status, etag, body)
                    reused = not response.will_close
                    break
                except (OSError, http.client.HTTPException) as exc:
                    connection.close()  # reconnect on the next request
                    if attempt == 1 and reused and isinstance(exc, _STALE):
                        reused = False
                        with tally.lock:
                            tally.retries += 1
                        continue
                    reused = False
                    tally.record(path, 0, None, f"{type(exc).__name__}: {exc}".encode())
                    break
    finally:
        connection.close()


def run(
    base: str, requests: int, clients: int, paths: tuple[str, ...] = PATHS
) -> tuple[Tally, float]:
    tally = Tally()
    share = [requests // clients + (c < requests % clients) for c in range(clients)]
    plans = [[paths[(c + k) % len(paths)] for k in range(share[c])] for c in range(clients)]
    threads = [threading.Thread(target=client, args=(base, plan, tally)) for plan in plans]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tally, time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("base", help="e.g. http://127.0.0.1:8000")
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--paths", nargs="+", default=list(PATHS), help="paths to rotate over")
    parser.add_argument("--save-dir", type=Path, help="write each calendar version here")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = parser.parse_args(argv)
    tally, seconds = run(args.base.rstrip("/"), args.requests, args.clients, tuple(args.paths))
    if args.save_dir:
        args.save_dir.mkdir(parents=True, exist_ok=True)
        for etag, body in tally.versions.items():
            (args.save_dir / f"{etag}.ics").write_bytes(body)
    summary = {
        "requests": tally.requests,
        "errors": len(tally.errors),
        "stale_connection_retries": tally.retries,
        "first_errors": tally.errors[:10],
        "statuses": {str(k): v for k, v in sorted(tally.statuses.items())},
        "calendar_versions": len(tally.versions),
        "seconds": round(seconds, 2),
        "requests_per_second": round(tally.requests / seconds, 1) if seconds else None,
    }
    if args.json:
        print(json.dumps(summary))
    else:
        for key, value in summary.items():
            print(f"{key:>20}: {value}")
    return 1 if tally.errors else 0


if __name__ == "__main__":
    sys.exit(main())
