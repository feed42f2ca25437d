"""Articles for the extraction tests, read as production reads them or built by hand.

``read_text`` runs the real reading stage (decode, width folding, page parts, metadata) so a
test exercises the same path as ingest; ``article`` builds an :class:`Article` directly when a
test needs exact control over the headline, the publication date or the language.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from events.extract import event_to_json, extract
from events.model import Article, Event, Language
from events.read import read_bytes

NEUTRAL_TITLE_ZH = "标准化资讯"  # names no year and no city
NEUTRAL_TITLE_EN = "News"


def read_text(text: str) -> Article:
    return read_bytes(text.encode("utf-8"), "test.txt")


def article(
    body: str,
    *,
    title: str | None = None,
    published: dt.date | dt.datetime | None = None,
    language: Language = Language.HANS,
    url: str | None = None,
) -> Article:
    if title is None:
        title = NEUTRAL_TITLE_EN if language is Language.EN else NEUTRAL_TITLE_ZH
    return Article(
        source="test.txt",
        title=title,
        body=body,
        language=language,
        published=published,
        url=url,
    )


def english(body: str, *, published: dt.date | None = None, title: str | None = None) -> Article:
    return article(body, title=title, published=published, language=Language.EN)


def only_event(source: Article) -> Event:
    events = extract(source)
    assert len(events) == 1, [event_to_json(e) for e in events]
    return events[0]


def as_json(source: Article) -> list[dict[str, Any]]:
    return [event_to_json(e) for e in extract(source)]


def starts(source: Article) -> list[str]:
    return [e.start.iso() for e in extract(source)]


def spans(text: str) -> list[tuple[str, str | None, str]]:
    """Start, end and kind of every event of a page read as ingest reads it."""
    return [(e["start"], e["end"], e["kind"]) for e in as_json(read_text(text))]
