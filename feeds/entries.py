"""One entry model for RSS, Atom and JSON Feed, built from stored articles and events.

The three formats say the same things in different words; mapping each stored value once, here,
keeps ids, dates, script conversion and localized titles identical across formats, and leaves the
format modules with nothing to decide but spelling.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from babel import Locale

from events.model import (
    SHANGHAI,
    Language,
    Published,
    PublishedArticle,
    PublishedEvent,
    Status,
)
from events.script import convert
from feeds.l10n import format_range

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SUMMARY_CHARS = 200


def clean_text(text: str) -> str:
    """Drop characters no XML 1.0 document (and no UTF-8 encoder) can carry."""
    return _ILLEGAL.sub("", text)


@dataclass(frozen=True)
class FeedEntry:
    id: str
    title: str
    link: str
    original_url: str | None
    published: dt.datetime
    updated: dt.datetime
    author: str | None
    summary: str
    content_html: str
    categories: tuple[str, ...]
    language: str
    attachments: tuple[tuple[str, str], ...] = ()


def paragraphs_html(paragraphs: list[str]) -> str:
    return "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs if p.strip())


def _moment(value: Published | None) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time(), tzinfo=ZoneInfo(SHANGHAI))
    return None


def _published(pa: PublishedArticle) -> dt.datetime:
    return _moment(pa.article.published) or _seconds(pa.first_seen)


def _announced(pe: PublishedEvent) -> dt.datetime:
    """An event entry is published when the first article reporting it was."""
    dates = [m for m in (_moment(s.published) for s in pe.sources) if m is not None]
    return min(dates) if dates else _seconds(pe.created)


def _seconds(value: dt.datetime) -> dt.datetime:
    """Feed dates to the second: sub-second digits mean nothing to a reader and some readers
    (newsboat) cannot parse them."""
    return value.replace(microsecond=0)


def article_entry(pa: PublishedArticle, base_url: str, script: Language | None) -> FeedEntry:
    """An article as a feed entry, its text converted to ``script`` when one is asked for."""
    article = pa.article

    def text(value: str) -> str:
        return convert(value, script) if script else value

    paragraphs = [text(p.strip()) for p in article.body.split("\n") if p.strip()]
    summary = text(article.lead.strip())
    if not summary and paragraphs:
        summary = paragraphs[0][:_SUMMARY_CHARS]
    url = f"{base_url}/articles/{pa.id}"
    return FeedEntry(
        id=url,
        title=text(article.title),
        link=url,
        original_url=article.url,
        published=_published(pa),
        updated=_seconds(pa.updated),
        author=article.publisher,
        summary=summary,
        content_html=paragraphs_html(paragraphs),
        categories=tuple(k.value for k in pa.kinds) + tuple(text(c) for c in pa.cities),
        language=script.value if script else article.language.value,
    )


_LABELS = {
    "en": ("Place", "Organisers", "Cancelled", "; "),
    "zh_Hans": ("地点", "主办", "已取消", "；"),
    "zh_Hant": ("地點", "主辦", "已取消", "；"),
}


def _labels(locale: str) -> tuple[str, str, str, str]:
    parsed = Locale.parse(locale)
    if parsed.language != "zh":
        return _LABELS["en"]
    traditional = parsed.script == "Hant" or parsed.territory in ("TW", "HK", "MO")
    return _LABELS["zh_Hant" if traditional else "zh_Hans"]


def event_entry(pe: PublishedEvent, base_url: str, locale: str) -> FeedEntry:
    """An event as a feed entry: its date range in the title, its evidence in the summary."""
    event = pe.event
    place, organisers, cancelled, separator = _labels(locale)
    when = format_range(event.start, event.end, locale)
    title = f"{event.title} · {when}"
    if pe.status is Status.CANCELLED:
        title = f"[{cancelled}] {title}"
    facts = []
    if event.city:
        facts.append(f"{place}: {event.city}")
    if event.organisers:
        facts.append(f"{organisers}: {', '.join(event.organisers)}")
    if event.evidence:
        facts.append(event.evidence)
    sources = [s for s in pe.sources if s.url]
    link = f"{base_url}/events/{pe.id}"
    return FeedEntry(
        id=link,
        title=title,
        link=link,
        original_url=sources[0].url if sources else None,
        published=_announced(pe),
        updated=_seconds(pe.last_modified),
        author=None,
        summary=separator.join(facts),
        content_html=paragraphs_html([when, *facts]),
        categories=tuple(c for c in (event.kind.value, event.city) if c),
        language=pe.language.value,
        attachments=((f"{link}.ics", "text/calendar"),),
    )
