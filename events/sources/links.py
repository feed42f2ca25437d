"""An HTML list page → the article links an ``html`` source follows.

News sites list their articles on index pages among navigation, so a source names the article
links with a regex (``link_pattern``) matched against the absolute URL; html.parser reads the
page leniently, as browsers do, and never fails on broken markup.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin


def article_links(html: str, base_url: str, pattern: str) -> list[str]:
    """Absolute URLs of ``<a href>`` links matching ``pattern``, first occurrence order, unique."""
    parser = _Anchors()
    parser.feed(html)
    parser.close()
    base = urljoin(base_url, parser.base) if parser.base else base_url
    matcher = re.compile(pattern)
    found: dict[str, None] = {}
    for href in parser.hrefs:
        url = urldefrag(urljoin(base, href.strip()))[0]
        if matcher.search(url):
            found.setdefault(url, None)
    return list(found)


class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []
        self.base: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if not href:
            return
        if tag == "a":
            self.hrefs.append(href)
        elif tag == "base" and self.base is None:
            self.base = href
