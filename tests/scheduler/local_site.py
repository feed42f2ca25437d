"""A news site on 127.0.0.1 for the scheduler tests: a feed, article pages and broken endpoints.

The tests change the site between runs (a page is rewritten, an entry leaves the feed, a new
one arrives), so its content is a mutable mapping the handler reads on every request. Pages
carry an ETag so unchanged ones cost a 304, as on a real site. The broken endpoints are the
ways a real source fails: a 500, a server slower than the source's timeout, a body far over
the size limit (streamed without a Content-Length) and a redirect loop.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, cast

from events.sources import SourceConfig

_TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)
PAGES = Path(__file__).with_name("pages")
HUGE_CHUNK = b"<p>" + "标准".encode() * 20_000 + b"</p>\n"  # about 120 kB per write
HUGE_CHUNKS = 40  # about 5 MB in all, far over the limit the tests configure


def page(name: str) -> bytes:
    """A test article by name, e.g. ``page("forum_hangzhou")``."""
    return (PAGES / f"{name}.html").read_bytes()


@dataclass
class Site:
    """What the server answers now; tests edit ``pages`` and ``listed`` between runs."""

    base: str = ""
    pages: dict[str, bytes] = field(default_factory=dict)  # path -> HTML
    listed: list[str] = field(default_factory=list)  # paths the feed lists, in order
    slow_seconds: float = 2.0
    hits: dict[str, int] = field(default_factory=dict)  # path -> requests served
    release: threading.Event = field(default_factory=threading.Event)  # ends slow answers
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def feed(self) -> bytes:
        items = "".join(
            f"<item><title>{self.title(path)}</title><link>{self.url(path)}</link>"
            f"<pubDate>Mon, 01 Nov 2027 08:00:00 +0800</pubDate></item>"
            for path in self.listed
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
            f"<title>测试标准化新闻</title><link>{self.base}/</link>{items}</channel></rss>"
        ).encode()

    def title(self, path: str) -> str:
        """The entry title a feed gives: the page's own <title>, as news sites do."""
        found = _TITLE.search(self.pages.get(path, b"").decode("utf-8"))
        return found.group(1) if found else path

    def count(self, path: str) -> int:
        with self.lock:
            return self.hits.get(path, 0)


class Handler(BaseHTTPRequestHandler):
    site: Site  # set on the subclass each server gets

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass

    def do_GET(self) -> None:
        site = self.site
        path = self.path
        with site.lock:
            site.hits[path] = site.hits.get(path, 0) + 1
            body = site.pages.get(path)
        with contextlib.suppress(OSError):  # a client that gave up closes the socket
            if path == "/feed.xml":
                self._send(200, site.feed(), "application/rss+xml; charset=utf-8")
            elif body is not None:
                self._page(body)
            elif path == "/broken.xml":
                self._send(500, b"internal error", "text/plain")
            elif path == "/slow.xml":
                site.release.wait(site.slow_seconds)
                self._send(200, site.feed(), "application/rss+xml; charset=utf-8")
            elif path == "/huge.xml":
                self._huge()
            elif path == "/loop.xml":
                self._send(302, b"", "text/plain", {"Location": "/loop.xml"})
            else:
                self._send(404, b"not here", "text/plain")

    def _page(self, body: bytes) -> None:
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            self._send(304, b"", None, {"ETag": etag})
        else:
            self._send(200, body, "text/html; charset=utf-8", {"ETag": etag})

    def _huge(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        self.wfile.write(b'<?xml version="1.0"?><rss><channel>')
        for _ in range(HUGE_CHUNKS):
            self.wfile.write(HUGE_CHUNK)

    def _send(
        self,
        status: int,
        body: bytes,
        content_type: str | None,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)


@contextlib.contextmanager
def serve(site: Site) -> Iterator[Site]:
    """Serve ``site`` on an ephemeral port of 127.0.0.1 until the block ends."""
    handler = type("SiteHandler", (Handler,), {"site": site})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    site.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, name="test-site", daemon=True)
    thread.start()
    try:
        yield site
    finally:
        site.release.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def every(seconds: float) -> int:
    """An interval of ``seconds`` for ``SourceConfig.interval_minutes``.

    The sources file takes whole minutes, but the scheduler and the refresh only turn the value
    into a ``timedelta``, so a fraction of a minute works and lets a test see several runs.
    """
    return cast(int, seconds / 60)


def news_source(
    site: Site, name: str = "news", path: str = "/feed.xml", **options: Any
) -> SourceConfig:
    """A feed source on the local site: loopback allowed, short timeout, a modest size limit."""
    settings: dict[str, Any] = {
        "allow_private": True,
        "timeout_seconds": 0.5,
        "max_bytes": 1_000_000,
        "publisher": "测试标准化新闻",
        "language": "zh-Hans",
        **options,
    }
    return SourceConfig(name, "feed", site.url(path), **settings)


FAILING = {  # source name -> (feed path, what its recorded error says)
    "broken": ("/broken.xml", "HTTP 500"),
    "slow": ("/slow.xml", "timed out"),
    "huge": ("/huge.xml", "larger than 1000000 bytes"),
    "loop": ("/loop.xml", "more than 5 redirects"),
}


def failing_sources(site: Site, **options: Any) -> list[SourceConfig]:
    return [news_source(site, name, path, **options) for name, (path, _) in FAILING.items()]
