"""Feed entries → RSS 2.0 and Atom 1.0 bytes, through feedgen.

feedgen does the escaping; this module only keeps its output stable and valid: every date is set
from stored data (feedgen would stamp ``now()``, changing the bytes on every poll), characters
that XML cannot carry are dropped before feedgen sees them (lxml refuses them), and what feedgen
has no setter for (an entry's ``xml:lang``, RSS ``dc:creator``, WebSub and paging links in RSS)
is added by a small feedgen extension rather than by editing XML strings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator

from feeds.entries import FeedEntry, clean_text

ATOM_NS = "http://www.w3.org/2005/Atom"
DC_NS = "http://purl.org/dc/elements/1.1/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EXTENSION = "stdcal"


@dataclass(frozen=True)
class ChannelMeta:
    title: str
    description: str
    language: str
    self_url: str
    site_url: str
    feed_id: str
    updated: dt.datetime
    # RFC 4287 §4.1.1: an Atom feed needs an author unless every entry has its own; the service
    # (or its operator) publishes the feed, at site_url, and entries without one inherit it
    author: str = "stdcal"
    hub_url: str | None = None
    first_url: str | None = None
    next_url: str | None = None
    previous_url: str | None = None

    def related_links(self) -> list[tuple[str, str]]:
        """(rel, href) for WebSub (hub) and RFC 5005 paging, in a fixed order."""
        links = [
            ("hub", self.hub_url),
            ("first", self.first_url),
            ("next", self.next_url),
            ("previous", self.previous_url),
        ]
        return [(rel, clean_text(href)) for rel, href in links if href]


class _ChannelExtension(BaseExtension):  # type: ignore[misc]
    """Adds hub and paging links to the RSS channel (Atom gets them from ``fg.link``)."""

    def __init__(self) -> None:
        self.links: list[tuple[str, str]] = []

    def extend_ns(self) -> dict[str, str]:
        return {"dc": DC_NS}

    def extend_rss(self, feed: Any) -> Any:
        channel = feed.find("channel")
        for rel, href in self.links:
            element = channel.makeelement(f"{{{ATOM_NS}}}link", {"rel": rel, "href": href})
            channel.append(element)
        return feed


class _EntryExtension(BaseEntryExtension):  # type: ignore[misc]
    """Per-entry language (Atom ``xml:lang``, RSS ``dc:language``), RSS ``dc:creator``, and the
    Atom link attributes feedgen 1.0 drops.

    feedgen 1.0's ``atom_entry`` rebinds its loop variable to the new ``<link>`` element before
    reading ``rel`` and ``type`` from it, so every entry link comes out as a bare alternate; the
    links are written in the order given, so the attributes are put back by position.
    """

    def __init__(self) -> None:
        self.language = ""
        self.creator: str | None = None
        self.links: list[dict[str, str]] = []

    def extend_atom(self, entry: Any) -> Any:
        if self.language:
            entry.set(XML_LANG, self.language)
        elements = [e for e in entry if str(e.tag).rsplit("}", 1)[-1] == "link"]
        for element, link in zip(elements, self.links, strict=True):
            for name in ("rel", "type"):
                if link.get(name):
                    element.set(name, link[name])
        return entry

    def extend_rss(self, item: Any) -> Any:
        if self.creator:
            creator = item.makeelement(f"{{{DC_NS}}}creator", {})
            creator.text = self.creator
            item.append(creator)
        if self.language:
            language = item.makeelement(f"{{{DC_NS}}}language", {})
            language.text = self.language
            item.append(language)
        return item


def _generator(entries: Sequence[FeedEntry], meta: ChannelMeta) -> FeedGenerator:
    fg = FeedGenerator()
    fg.register_extension(EXTENSION, _ChannelExtension, _EntryExtension)
    fg.id(clean_text(meta.feed_id))
    fg.title(clean_text(meta.title))
    fg.subtitle(clean_text(meta.description))
    fg.description(clean_text(meta.description))
    fg.language(clean_text(meta.language))
    # without an email feedgen writes no RSS managingEditor (which must be an address)
    fg.author(name=clean_text(meta.author), uri=clean_text(meta.site_url))
    fg.updated(meta.updated)
    fg.lastBuildDate(meta.updated)
    fg.link(href=clean_text(meta.self_url), rel="self")
    for rel, href in meta.related_links():
        fg.link(href=href, rel=rel)
    fg.link(href=clean_text(meta.site_url), rel="alternate")  # last: feedgen's RSS <link>
    getattr(fg, EXTENSION).links = meta.related_links()
    for entry in entries:
        _add_entry(fg, entry)
    return fg


def _add_entry(fg: FeedGenerator, entry: FeedEntry) -> None:
    fe = fg.add_entry(order="append")
    fe.guid(clean_text(entry.id), permalink=True)
    fe.title(clean_text(entry.title) or clean_text(entry.link))  # Atom needs a non-empty title
    links = [{"href": clean_text(entry.link), "rel": "alternate"}]
    if entry.original_url:
        links.append({"href": clean_text(entry.original_url), "rel": "via"})
    for url, media_type in entry.attachments:
        links.append({"href": clean_text(url), "rel": "enclosure", "type": clean_text(media_type)})
    fe.link(links)
    fe.published(entry.published)
    fe.updated(entry.updated)
    if entry.author:
        fe.author(name=clean_text(entry.author))
    has_content = bool(entry.content_html.strip())
    if entry.summary or not has_content:  # a page that was a headline alone: its headline
        fe.summary(clean_text(entry.summary or entry.title))
    if has_content:
        fe.content(clean_text(entry.content_html), type="html")
    if entry.categories:
        fe.category([{"term": clean_text(c)} for c in entry.categories])
    extension = getattr(fe, EXTENSION)
    extension.links = links
    extension.language = clean_text(entry.language)
    extension.creator = clean_text(entry.author) if entry.author else None


def render_rss(entries: Sequence[FeedEntry], meta: ChannelMeta) -> bytes:
    return bytes(_generator(entries, meta).rss_str(pretty=True))


def render_atom(entries: Sequence[FeedEntry], meta: ChannelMeta) -> bytes:
    return bytes(_generator(entries, meta).atom_str(pretty=True))
