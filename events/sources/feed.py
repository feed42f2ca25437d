"""RSS 2.0, RSS 1.0 (RDF) and Atom documents → the entries a feed source fetches.

Parsed with the standard library's ElementTree because feedparser is only a test dependency;
ElementTree expands internal entities, so a document that declares a DOCTYPE is refused
outright (no feed needs one, and it is how an entity bomb gets in). Elements are matched by
local name, so every namespace dialect of the three formats reads the same way.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from urllib.parse import urljoin

from events.errors import ReadError

_DOCTYPE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_DATE_TAGS = ("pubDate", "published", "date", "issued", "updated", "modified")


@dataclass(frozen=True)
class FeedEntry:
    link: str  # absolute
    title: str | None = None
    published: str | None = None  # ISO 8601, as precise as the feed gives it


def parse_feed(raw: bytes, url: str) -> list[FeedEntry]:
    """The entries of a feed document, links made absolute against ``url``, in feed order."""
    if _DOCTYPE.search(raw):
        raise ReadError(url, "refused: the feed declares a DOCTYPE or entities")
    try:
        root = ET.fromstring(raw)
    except ET.ParseError as exc:
        raise ReadError(url, f"not a well-formed feed: {exc}") from exc
    if _local(root.tag) not in ("rss", "RDF", "feed"):
        raise ReadError(url, f"not an RSS or Atom feed (root element <{_local(root.tag)}>)")
    entries: list[FeedEntry] = []
    for element in root.iter():
        if _local(element.tag) not in ("item", "entry"):
            continue
        link = _link(element)
        entries.append(
            FeedEntry(
                link=urljoin(url, link) if link else "",
                title=_text(element, "title"),
                published=_published(element),
            )
        )
    return entries


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element: ET.Element, name: str) -> list[ET.Element]:
    return [child for child in element if _local(child.tag) == name]


def _text(element: ET.Element, name: str) -> str | None:
    for child in _children(element, name):
        text = "".join(child.itertext()).strip()
        if text:
            return text
    return None


def _link(element: ET.Element) -> str | None:
    """Atom's alternate link, RSS's <link>, or a permalink <guid>, in that order."""
    links = _children(element, "link")
    for link in links:
        href = link.get("href")
        if href and link.get("rel", "alternate") == "alternate":
            return href.strip()
    rss_link = _text(element, "link")
    if rss_link:
        return rss_link
    for guid in _children(element, "guid"):
        if guid.get("isPermaLink", "true") == "true" and (guid.text or "").strip():
            return (guid.text or "").strip()
    for link in links:  # an Atom entry with only non-alternate links
        if link.get("href"):
            return str(link.get("href")).strip()
    return None


def _published(element: ET.Element) -> str | None:
    for tag in _DATE_TAGS:
        text = _text(element, tag)
        if text:
            parsed = parse_date(text)
            if parsed is not None:
                return parsed.isoformat()
    return None


def parse_date(text: str) -> dt.datetime | None:
    """RFC 822 dates (RSS) and ISO 8601 / RFC 3339 dates (Atom, Dublin Core)."""
    try:
        return dt.datetime.fromisoformat(text.strip())
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text.strip())
    except (TypeError, ValueError, IndexError):
        return None
