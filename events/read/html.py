"""HTML pages: the page's own metadata, and the main text with the page chrome left out.

trafilatura does the boilerplate removal (it is maintained and tuned on news pages); the
metadata that pages state explicitly (``<title>``, ``article:published_time``, canonical URL,
``lang``) is read with the standard library parser, because a guess must never override what
the page says. A page trafilatura cannot handle (hostile nesting, no main text) falls back to
all visible text, which the line rules of :mod:`events.read.parts` then clean.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import trafilatura

log = logging.getLogger(__name__)

_LOOKS_HTML = re.compile(r"<\s*(!doctype\s+html|html|head|body|meta|div|p|title|article)\b", re.I)
_ANY_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]{0,9}(?:\s[^<>]{0,200})?/?>")
_SKIP = {"script", "style", "noscript", "template", "svg", "head"}
_BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article"}
_DATE_KEYS = {
    "article:published_time",
    "og:published_time",
    "pubdate",
    "publishdate",
    "publish_date",
    "date",
    "dc.date",
    "dc.date.issued",
    "datepublished",
}
_MAX_TRAFILATURA_CHARS = 3_000_000


@dataclass
class PageMeta:
    """What the page says about itself, as written (addresses possibly relative)."""

    title: str | None = None
    og_title: str | None = None
    published: str | None = None
    canonical: str | None = None  # <link rel="canonical">: the article's own address
    og_url: str | None = None  # og:url, its stand-in on pages without a canonical link
    lang: str | None = None
    site_name: str | None = None
    h1: list[str] = field(default_factory=list)


def looks_like_html(text: str) -> bool:
    head = text[:4096]
    # a structural tag, or markup dense enough that no prose looks like it (``<b><i>…``)
    return bool(_LOOKS_HTML.search(head)) or len(_ANY_TAG.findall(head)) >= 3


class _Reader(HTMLParser):
    """Collects metadata and, as the fallback text, every visible line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta = PageMeta()
        self.lines: list[str] = []
        self._current: list[str] = []
        self._skip = 0
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "html" and values.get("lang"):
            self.meta.lang = values["lang"]
        elif tag == "meta":
            self._meta(values)
        elif tag == "link" and "canonical" in values.get("rel", "").lower().split():
            self.meta.canonical = self.meta.canonical or values.get("href", "").strip() or None
        if tag in _SKIP:
            self._skip += 1
        if tag in ("title", "h1"):
            self._in = tag
        if tag in _BLOCK:
            self._flush()

    def _meta(self, values: dict[str, str]) -> None:
        key = values.get("property") or values.get("name") or values.get("itemprop") or ""
        key, content = key.lower(), values.get("content", "").strip()
        if not content:
            return
        if key in _DATE_KEYS and self.meta.published is None:
            self.meta.published = content
        elif key == "og:url" and self.meta.og_url is None:
            self.meta.og_url = content
        elif key == "og:title":
            self.meta.og_title = content
        elif key in ("og:site_name", "application-name") and self.meta.site_name is None:
            self.meta.site_name = content

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and self._skip:
            self._skip -= 1
        if tag == self._in:
            self._in = None
        if tag in _BLOCK:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._in == "title":
            self.meta.title = ((self.meta.title or "") + data).strip()
            return
        if self._in == "h1" and data.strip():
            self.meta.h1.append(data.strip())
        if not self._skip:
            self._current.append(data)

    def _flush(self) -> None:
        line = "".join(self._current).strip()
        if line:
            self.lines.append(line)
        self._current = []

    def close(self) -> None:
        super().close()
        self._flush()


def stated_address(page: PageMeta, source: str) -> str | None:
    """The address the page gives itself: its canonical link, else og:url. A relative one is
    resolved against the address the page came from; only an absolute http(s) URL is kept."""
    fetched = source if source.startswith(("http://", "https://")) else ""
    for href in (page.canonical, page.og_url):
        if not href:
            continue
        try:
            address = urljoin(fetched, href) if fetched else href
            parts = urlsplit(address)
        except ValueError:  # e.g. an unclosed IPv6 bracket
            continue
        if parts.scheme in ("http", "https") and parts.netloc:
            return address
    return None


def read_html(text: str) -> tuple[str, PageMeta]:
    """The main text (lines separated by ``\\n``) and the page's stated metadata."""
    reader = _Reader()
    try:
        reader.feed(text)
        reader.close()
    except (AssertionError, ValueError, RecursionError) as exc:  # malformed markup
        log.info("html parser gave up: %s", exc)
    main = _main_text(text)
    every = "\n".join(reader.lines)
    if main and _letters(main) < _MIN_MAIN and _letters(every) > _letters(main):
        main = None  # ``• \n •``: the extractor kept list bullets and lost the story
    return (main if main else every), reader.meta


_MIN_MAIN = 20  # letters or Han characters a main text has at the least
_LETTER = re.compile(r"[^\W\d_]")


def _letters(text: str) -> int:
    return len(_LETTER.findall(text))


def _main_text(text: str) -> str | None:
    if len(text) > _MAX_TRAFILATURA_CHARS:
        return None
    try:
        extracted = trafilatura.extract(
            text,
            include_comments=False,
            include_tables=True,
            favor_recall=True,
            deduplicate=False,
        )
    except Exception as exc:  # a library failure on a hostile page must not lose the page
        log.info("trafilatura failed: %s", exc)
        return None
    return str(extracted) if extracted else None
