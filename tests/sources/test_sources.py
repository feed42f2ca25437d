"""Sources: the sources file, directory collection with sidecars, and guarded HTTP collection
against a real local server (feed, html list page, 304, size limit, redirects, refusals)."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from events.errors import ConfigError, ReadError
from events.sources import Collected, SourceConfig, collect, default_sources, load_sources
from events.sources.feed import parse_feed
from events.sources.fetch import USER_AGENT, Limits, fetch, is_public
from events.sources.links import article_links

# --- the sources file ---------------------------------------------------------------------

GOOD = """
[[source]]
name = "seeds"
type = "directory"
location = "articles"
publisher = "国家标准委"
language = "zh-Hans"

[[source]]
name = "sac-news"
type = "feed"
location = "https://www.sac.gov.cn/rss.xml"
interval_minutes = 60
timeout_seconds = 5

[[source]]
name = "samr-list"
type = "html"
location = "https://www.samr.gov.cn/news/"
link_pattern = '/news/\\d+\\.html$'
retire_after_runs = 5
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "stdcal.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_load_sources_reads_every_table(tmp_path: Path) -> None:
    seeds, feed, page = load_sources(write(tmp_path, GOOD))
    assert seeds == SourceConfig(
        name="seeds",
        type="directory",
        location=str(tmp_path / "articles"),
        publisher="国家标准委",
        language="zh-Hans",
    )
    assert (feed.type, feed.interval_minutes, feed.timeout_seconds) == ("feed", 60, 5.0)
    assert (page.link_pattern, page.retire_after_runs) == (r"/news/\d+\.html$", 5)
    assert not page.allow_private


def table(**keys: object) -> str:
    lines = [f"{key} = {value!r}".replace("'", '"') for key, value in keys.items()]
    lines = [line.replace("True", "true").replace("False", "false") for line in lines]
    return "[[source]]\n" + "\n".join(lines) + "\n"


FEED = {"name": "a", "type": "feed", "location": "https://example.org/rss"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (table(**{**FEED, "type": "ftp"}), "unknown type 'ftp'"),
        (table(type="feed", location="https://example.org/rss"), "missing 'name'"),
        (table(name="a", type="feed"), "missing 'location'"),
        (table(**{**FEED, "name": "  "}), "'name' must be a non-empty string"),
        (table(**FEED) + table(**FEED), "duplicate source name 'a'"),
        (table(**{**FEED, "interval_minutes": 0}), "interval_minutes must be a whole number"),
        (table(**{**FEED, "interval_minutes": "60"}), "interval_minutes must be a whole number"),
        (table(**{**FEED, "interval_minutes": True}), "interval_minutes must be a whole number"),
        (table(**{**FEED, "intervall_minutes": 60}), "unknown key 'intervall_minutes'"),
        (table(**{**FEED, "location": "file:///etc"}), "must be an http or https URL"),
        (table(**{**FEED, "type": "html"}), "html source needs link_pattern"),
        (table(**{**FEED, "link_pattern": "(["}), "not a valid regex"),
        (table(**{**FEED, "language": "fr"}), "language 'fr' is not one of"),
        (table(**{**FEED, "allow_private": "yes"}), "allow_private must be true or false"),
        (table(**{**FEED, "timeout_seconds": -1}), "timeout_seconds must be a positive"),
        ("title = 'no sources'\n", "no [[source]] tables"),
        ("[[source]\n", "not valid TOML"),
    ],
)
def test_load_sources_rejects_with_a_message(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError) as raised:
        load_sources(write(tmp_path, text))
    assert message in str(raised.value)


def test_missing_sources_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read the sources file"):
        load_sources(tmp_path / "absent.toml")


def test_default_sources_is_the_seeds_directory(tmp_path: Path) -> None:
    assert default_sources(tmp_path) == [SourceConfig("seeds", "directory", str(tmp_path))]


# --- directory sources ----------------------------------------------------------------------


def test_directory_collects_articles_with_sidecars(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_bytes(b"second")
    (tmp_path / "b.txt.meta.json").write_text('{"url": "https://x.test/b", "city": "Beijing"}')
    (tmp_path / "sub" / "a.HTML").write_bytes(b"<p>first</p>")
    (tmp_path / "sub" / "a.meta.json").write_text('{"published": "2024-04-24"}')
    (tmp_path / "c.htm").write_bytes(b"third")
    (tmp_path / "c.htm.meta.json").write_text("{not json")
    (tmp_path / "notes.md").write_bytes(b"not an article")
    source = SourceConfig("d", "directory", str(tmp_path), publisher="SAC", city="Shanghai")

    collected = collect(source, {})

    by_name = {Path(i.locator).name: i for i in collected.inputs}
    assert [Path(i.locator).name for i in collected.inputs] == ["b.txt", "c.htm", "a.HTML"]
    assert all(Path(i.locator).is_absolute() for i in collected.inputs)
    assert by_name["b.txt"].raw == b"second"
    assert by_name["b.txt"].meta == {
        "publisher": "SAC",
        "city": "Beijing",
        "url": "https://x.test/b",
    }
    assert by_name["a.HTML"].meta == {
        "publisher": "SAC",
        "city": "Shanghai",
        "published": "2024-04-24",
    }
    assert by_name["c.htm"].meta == {"publisher": "SAC", "city": "Shanghai"}
    [(where, reason)] = collected.failures
    assert where.endswith("c.htm.meta.json")
    assert "not valid JSON" in reason
    assert collected.seen == [] and collected.validators == {}


def test_directory_locator_matches_ingest_paths(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"x")
    relative = Path(tmp_path.name)
    source = SourceConfig("d", "directory", str(tmp_path / ".." / relative))
    [item] = collect(source, {}).inputs
    assert item.locator == str((tmp_path / "a.txt").resolve())


def test_directory_refuses_oversized_file(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_bytes(b"x" * 101)
    (tmp_path / "small.txt").write_bytes(b"x")
    collected = collect(SourceConfig("d", "directory", str(tmp_path), max_bytes=100), {})
    assert [Path(i.locator).name for i in collected.inputs] == ["small.txt"]
    assert "larger than 100 bytes" in collected.failures[0][1]


def test_missing_directory_fails_the_source(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no such directory"):
        collect(SourceConfig("d", "directory", str(tmp_path / "absent")), {})


# --- feed and list parsing ------------------------------------------------------------------

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>SAC</title>
  <entry><title>Meeting</title><link rel="self" href="/self/1"/><link href="/news/1.html"/>
    <published>2024-04-20T08:00:00Z</published></entry>
  <entry><title>Only updated</title><link rel="alternate" href="https://other.test/2"/>
    <updated>2024-04-21T09:30:00+08:00</updated></entry>
</feed>"""


def test_parse_atom_entries() -> None:
    first, second = parse_feed(ATOM, "https://sac.test/feed.atom")
    assert (first.link, first.title) == ("https://sac.test/news/1.html", "Meeting")
    assert first.published == "2024-04-20T08:00:00+00:00"
    assert (second.link, second.published) == ("https://other.test/2", "2024-04-21T09:30:00+08:00")


def test_parse_rss1_rdf_entries_with_dublin_core_dates() -> None:
    raw = b"""<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
        xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <item><title>T</title><link>https://x.test/a</link><dc:date>2024-05-01</dc:date></item>
    </rdf:RDF>"""
    [entry] = parse_feed(raw, "https://x.test/rdf")
    assert (entry.link, entry.published) == ("https://x.test/a", "2024-05-01T00:00:00")


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rss>&a;</rss>', "DOCTYPE"),
        (b"<rss><channel><item></rss>", "not a well-formed feed"),
        (b"<html><body>hello</body></html>", "not an RSS or Atom feed"),
    ],
)
def test_parse_feed_refuses(raw: bytes, reason: str) -> None:
    with pytest.raises(ReadError) as raised:
        parse_feed(raw, "https://x.test/feed")
    assert reason in raised.value.reason


def test_article_links_match_the_pattern_on_absolute_urls() -> None:
    html = """<a href="/news/2.html">two</a><a href="3.html#top">three</a>
    <a href="/about.html">about</a><a href="/news/2.html">again</a><a>no href</a>"""
    links = article_links(html, "https://sac.test/news/index.html", r"/news/\d+\.html$")
    assert links == ["https://sac.test/news/2.html", "https://sac.test/news/3.html"]


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.216.34", True),
        ("2606:4700::1111", True),
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("192.168.0.1", False),
        ("169.254.169.254", False),
        ("100.64.0.1", False),
        ("0.0.0.0", False),
        ("::1", False),
        ("fe80::1%eth0", False),
        ("::ffff:127.0.0.1", False),
        ("240.0.0.1", False),
    ],
)
def test_is_public(address: str, public: bool) -> None:
    assert is_public(address) is public


# --- HTTP collection against a local server -------------------------------------------------

PAGE_ETAG = '"page-a-v1"'


class Handler(BaseHTTPRequestHandler):
    seen_agents: ClassVar[list[str]] = []

    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        pass

    def send(
        self,
        status: int,
        body: bytes,
        content_type: str = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        Handler.seen_agents.append(self.headers.get("User-Agent", ""))
        base = f"http://{self.headers['Host']}"
        path = self.path
        if path == "/feed.xml":
            self.send(200, rss(base).encode(), "application/rss+xml")
        elif path == "/list.html":
            links = (
                '<a href="/news/1.html">1</a> <a href="news/2.html">2</a> <a href="/about">x</a>'
            )
            self.send(200, links.encode())
        elif path == "/a.html":
            if self.headers.get("If-None-Match") == PAGE_ETAG:
                self.send(304, b"", headers={"ETag": PAGE_ETAG})
            else:
                self.send(200, "<p>第一篇</p>".encode(), headers={"ETag": PAGE_ETAG})
        elif path in ("/b.html", "/news/1.html", "/news/2.html"):
            self.send(200, f"<p>{path}</p>".encode())
        elif path == "/moved":
            self.send(302, b"", headers={"Location": "/b.html"})
        elif path == "/loop":
            self.send(302, b"", headers={"Location": "/loop"})
        elif path == "/to-file":
            self.send(302, b"", headers={"Location": "file:///etc/passwd"})
        elif path == "/big":
            self.send(200, b"x" * 5000)
        elif path == "/big-unsized":  # no Content-Length: the limit must hold while streaming
            self.send_response(200)
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(b"y" * 5000)
            self.close_connection = True
        elif path == "/feed-big.xml":
            items = "".join(f"<item><link>{base}{p}</link></item>" for p in ("/big", "/b.html"))
            self.send(200, f"<rss><channel>{items}</channel></rss>".encode(), "application/xml")
        elif path == "/slow":
            time.sleep(1.0)
            with contextlib.suppress(OSError):  # the client has given up by now
                self.send(200, b"late")
        else:
            self.send(404, b"not here")


def rss(base: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>SAC</title>
<item><title>世界标准日</title><link>{base}/a.html</link>
  <pubDate>Mon, 14 Oct 2024 08:00:00 +0800</pubDate></item>
<item><title>B</title><link>/b.html</link></item>
<item><title>Gone</title><link>{base}/missing.html</link></item>
<item><title>A again</title><link>{base}/a.html</link></item>
</channel></rss>"""


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


LOCAL = Limits(max_bytes=1000, timeout_seconds=5, allow_private=True)


def feed_source(server: str, *, allow_private: bool = True) -> SourceConfig:
    return SourceConfig(
        "sac", "feed", f"{server}/feed.xml", publisher="SAC", allow_private=allow_private
    )


def test_feed_collects_entry_pages_with_metadata(server: str) -> None:
    collected = collect(feed_source(server), {})

    assert [i.locator for i in collected.inputs] == [f"{server}/a.html", f"{server}/b.html"]
    first, second = collected.inputs
    assert first.raw == "<p>第一篇</p>".encode()
    assert first.content_type == "text/html; charset=utf-8"
    assert first.meta == {
        "publisher": "SAC",
        "url": f"{server}/a.html",
        "published": "2024-10-14T08:00:00+08:00",
        "title": "世界标准日",
    }
    assert second.meta == {"publisher": "SAC", "url": f"{server}/b.html", "title": "B"}
    assert collected.failures == [(f"{server}/missing.html", "HTTP 404 Not Found")]
    assert collected.validators == {f"{server}/a.html": {"etag": PAGE_ETAG}}
    assert collected.seen == []
    assert USER_AGENT in Handler.seen_agents


def test_unchanged_page_is_seen_not_fetched_again(server: str) -> None:
    first = collect(feed_source(server), {})
    again = collect(feed_source(server), first.validators)
    assert again.seen == [f"{server}/a.html"]
    assert [i.locator for i in again.inputs] == [f"{server}/b.html"]
    assert again.validators == first.validators


def test_html_list_page_follows_matching_links(server: str) -> None:
    source = SourceConfig(
        "list", "html", f"{server}/list.html", link_pattern=r"/news/\d+\.html$", allow_private=True
    )
    collected = collect(source, {})
    assert [i.locator for i in collected.inputs] == [
        f"{server}/news/1.html",
        f"{server}/news/2.html",
    ]
    assert collected.inputs[1].raw == b"<p>/news/2.html</p>"
    assert collected.inputs[0].meta == {"url": f"{server}/news/1.html"}
    assert collected == Collected(inputs=collected.inputs)


def test_loopback_is_refused_by_default(server: str) -> None:
    with pytest.raises(ReadError) as raised:
        collect(feed_source(server, allow_private=False), {})
    assert "refused: 127.0.0.1 resolves to 127.0.0.1, a loopback or private address" in str(
        raised.value
    )


def test_unreachable_list_page_fails_the_source(server: str) -> None:
    with pytest.raises(ReadError, match="HTTP 404"):
        collect(SourceConfig("x", "feed", f"{server}/nothing.xml", allow_private=True), {})


def test_redirect_is_followed(server: str) -> None:
    page = fetch(f"{server}/moved", LOCAL)
    assert (page.url, page.final_url, page.body) == (
        f"{server}/moved",
        f"{server}/b.html",
        b"<p>/b.html</p>",
    )


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/loop", "more than 5 redirects"),
        ("/to-file", "only http and https URLs are fetched, not 'file'"),
        ("/big", "larger than 1000 bytes"),
        ("/big-unsized", "larger than 1000 bytes"),
    ],
)
def test_fetch_refuses(server: str, path: str, reason: str) -> None:
    with pytest.raises(ReadError) as raised:
        fetch(f"{server}{path}", LOCAL)
    assert reason in raised.value.reason
    assert raised.value.source == f"{server}{path}"


def test_fetch_times_out(server: str) -> None:
    with pytest.raises(ReadError, match="timed out"):
        fetch(f"{server}/slow", Limits(timeout_seconds=0.2, allow_private=True))


@pytest.mark.parametrize("url", ["ftp://example.org/feed", "file:///etc/passwd", "gopher://x/"])
def test_non_http_scheme_is_refused(url: str) -> None:
    with pytest.raises(ReadError, match="only http and https"):
        fetch(url, LOCAL)


def test_oversized_entry_page_is_a_failure_not_a_crash(server: str) -> None:
    source = SourceConfig(
        "big", "feed", f"{server}/feed-big.xml", max_bytes=1000, allow_private=True
    )
    collected = collect(source, {})
    assert [i.locator for i in collected.inputs] == [f"{server}/b.html"]
    assert collected.failures == [(f"{server}/big", "larger than 1000 bytes (Content-Length 5000)")]


def test_every_redirect_hop_is_checked_again(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first hop passes the address check; the redirect target must pass it on its own."""
    answers = iter([True])
    monkeypatch.setattr("events.sources.fetch.is_public", lambda address: next(answers, False))
    with pytest.raises(ReadError) as raised:
        fetch(f"{server}/moved", Limits(timeout_seconds=5))
    assert raised.value.reason == (
        f"refused: 127.0.0.1 resolves to 127.0.0.1, a loopback or private address"
        f" (redirected to {server}/b.html)"
    )
