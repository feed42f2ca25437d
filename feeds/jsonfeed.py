"""Feed entries → JSON Feed 1.1 bytes (https://jsonfeed.org/version/1.1).

JSON needs no escaping help, but lone surrogates cannot be encoded as UTF-8 and control
characters trip some readers, so strings pass through the same cleaning as the XML formats.
Keys are emitted in a fixed order and dates come from stored data, so equal content gives equal
bytes (and equal ETags).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence

from feeds.entries import FeedEntry, clean_text
from feeds.syndication import ChannelMeta

VERSION = "https://jsonfeed.org/version/1.1"


def _date(value: dt.datetime) -> str:
    """RFC 3339: ISO 8601 with an explicit offset."""
    if value.tzinfo is None:
        raise ValueError(f"feed dates must be tz-aware, got {value!r}")
    return value.isoformat(timespec="seconds")


def _item(entry: FeedEntry) -> dict[str, object]:
    item: dict[str, object] = {
        "id": clean_text(entry.id),
        "url": clean_text(entry.link),
    }
    if entry.original_url:
        item["external_url"] = clean_text(entry.original_url)
    item |= {
        "title": clean_text(entry.title),
        "summary": clean_text(entry.summary),
        "content_html": clean_text(entry.content_html),
        "date_published": _date(entry.published),
        "date_modified": _date(entry.updated),
    }
    if entry.author:
        item["authors"] = [{"name": clean_text(entry.author)}]
    if entry.categories:
        item["tags"] = [clean_text(c) for c in entry.categories]
    item["language"] = clean_text(entry.language)
    if entry.attachments:
        item["attachments"] = [
            {"url": clean_text(url), "mime_type": clean_text(media_type)}
            for url, media_type in entry.attachments
        ]
    return item


def render_json_feed(entries: Sequence[FeedEntry], meta: ChannelMeta) -> bytes:
    feed: dict[str, object] = {
        "version": VERSION,
        "title": clean_text(meta.title),
        "home_page_url": clean_text(meta.site_url),
        "feed_url": clean_text(meta.self_url),
        "description": clean_text(meta.description),
        "language": clean_text(meta.language),
        "authors": [{"name": clean_text(meta.author), "url": clean_text(meta.site_url)}],
    }
    if meta.next_url:
        feed["next_url"] = clean_text(meta.next_url)
    if meta.hub_url:
        feed["hubs"] = [{"type": "WebSub", "url": clean_text(meta.hub_url)}]
    feed["items"] = [_item(entry) for entry in entries]
    return json.dumps(feed, ensure_ascii=False, indent=1).encode("utf-8")
