"""Conversions between stored rows and domain values, in one place so both sides agree."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.engine import Row

from events.model import (
    Article,
    DecodeReport,
    Event,
    Kind,
    Language,
    PartialDate,
    Published,
    PublishedArticle,
)
from events.store.tables import ArticleRow, EventRow


def _time(text: str | None) -> dt.time | None:
    return dt.time.fromisoformat(text) if text else None


def _hhmm(value: dt.time | None) -> str | None:
    return value.strftime("%H:%M") if value else None


def event_record(event: Event) -> dict[str, Any]:
    """The complete, JSON-safe form of an extracted event (kept in each mention)."""
    return {
        "title": event.title,
        "start": event.start.iso(),
        "end": event.end.iso() if event.end else None,
        "kind": event.kind.value,
        "time": _hhmm(event.time),
        "end_time": _hhmm(event.end_time),
        "city": event.city,
        "organisers": list(event.organisers),
        "confidence": event.confidence,
        "evidence": event.evidence,
        "series": event.series,
        "tzid": event.tzid,
    }


_KINDS = {member.value: member for member in Kind}  # a dict read: every stored event is decoded


def event_from_record(data: dict[str, Any]) -> Event:
    return Event(
        title=data["title"],
        start=PartialDate.parse(data["start"]),
        end=PartialDate.parse(data["end"]) if data.get("end") else None,
        kind=_KINDS.get(data["kind"]) or Kind(data["kind"]),
        time=_time(data.get("time")),
        end_time=_time(data.get("end_time")),
        city=data.get("city"),
        organisers=tuple(data.get("organisers") or ()),
        confidence=float(data.get("confidence", 0.5)),
        evidence=data.get("evidence") or "",
        series=data.get("series"),
        tzid=data.get("tzid") or "Asia/Shanghai",
    )


def published_text(value: Published | None) -> str | None:
    return value.isoformat() if value is not None else None


def parse_published(text: str | None) -> Published | None:
    if not text:
        return None
    if len(text) == 10:
        return dt.date.fromisoformat(text)
    return dt.datetime.fromisoformat(text)


def article_record(article: Article) -> dict[str, Any]:
    """The parts of an article that have no column of their own."""
    decode = article.decode
    return {
        "parts": {name: list(lines) for name, lines in article.parts.items()},
        "editorial": sorted(article.editorial),
        "decode": None
        if decode is None
        else {
            "encoding": decode.encoding,
            "method": decode.method,
            "replaced": decode.replaced,
            "damage": decode.damage,
        },
    }


def article_from_row(row: ArticleRow) -> Article:
    record = row.record or {}
    decode = record.get("decode")
    return Article(
        source=row.locator,
        title=row.title,
        body=row.body,
        language=Language(row.language),
        published=parse_published(row.published),
        published_rule=row.published_rule,
        url=row.url,
        publisher=row.publisher,
        city=row.city,
        lead=row.lead,
        parts={k: tuple(v) for k, v in (record.get("parts") or {}).items()},
        editorial=frozenset(record.get("editorial") or ()),
        decode=DecodeReport(**decode) if decode else None,
        content_hash=row.content_hash,
    )


def published_article(
    row: ArticleRow, kinds: tuple[Kind, ...], cities: tuple[str, ...]
) -> PublishedArticle:
    return PublishedArticle(
        id=row.id,
        article=article_from_row(row),
        first_seen=row.first_seen,
        updated=row.updated,
        revision=row.revision,
        kinds=kinds,
        cities=cities,
    )


def event_row_record(row: EventRow | Row[Any]) -> dict[str, Any]:
    """A stored event in the same form as :func:`event_record`."""
    return {
        "title": row.title,
        "start": row.start,
        "end": row.end,
        "kind": row.kind,
        "time": row.time,
        "end_time": row.end_time,
        "city": row.city,
        "organisers": row.organisers,
        "confidence": row.confidence,
        "evidence": row.evidence,
        "series": row.series,
        "tzid": row.tzid,
    }
