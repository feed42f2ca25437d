"""A VEVENT chunk's digest covers every field of the event it was rendered from.

Calendars are assembled from chunks kept under this digest, so a field it missed would let a
changed event be served from its old bytes for ever. The digest lists the fields by hand (for
speed), so these tests change each field of each value in turn, and fail when a value gains a
field that no row here changes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from events.model import Event, Kind, Language, PartialDate, PublishedEvent, SourceRef, Status
from feeds.ics import CalendarMeta, chunk_digest

STAMP = dt.datetime(2024, 4, 2, 9, 30, tzinfo=dt.UTC)
META = CalendarMeta("stdcal", "标准化活动", "stdcal.example.org", "https://stdcal.example.org",
                    dt.timedelta(hours=6), Language.HANS)  # fmt: skip
SOURCE = SourceRef(7, "新闻标题", "https://news.example.cn/7.html", "证据", Language.HANS,
                   dt.date(2024, 3, 1))  # fmt: skip
EVENT = Event("第五届标准化大会", PartialDate(2024, 5, 20), PartialDate(2024, 5, 21),
              Kind.CONFERENCE, dt.time(9, 30), dt.time(17, 0), "Qingdao", ("国家标准委",), 0.8,
              "会议于5月召开。", None, "Asia/Shanghai")  # fmt: skip
EVENT_CHANGES: dict[str, Any] = {
    "title": "第六届标准化大会",
    "start": PartialDate(2024, 5, 19),
    "end": None,
    "kind": Kind.FORUM,
    "time": dt.time(9, 0),
    "end_time": None,
    "city": "Shenzhen",
    "organisers": ("国家标准委", "青岛市"),
    "confidence": 0.9,
    "evidence": "会议改期。",
    "series": "world-standards-day",
    "tzid": "Asia/Hong_Kong",
}
SOURCE_CHANGES: dict[str, Any] = {
    "article_id": 8,
    "title": "另一标题",
    "url": None,
    "evidence": "新证据",
    "language": Language.HANT,
    "published": dt.datetime(2024, 3, 1, 8, 0, tzinfo=dt.UTC),
}
PUBLISHED_CHANGES: dict[str, Any] = {
    "id": 2,
    "key": "other",
    "status": Status.CANCELLED,
    "sequence": 2,
    "created": STAMP - dt.timedelta(days=1),
    "last_modified": STAMP + dt.timedelta(seconds=1),
    "sources": (),
    "language": Language.EN,
    "cancelled_at": STAMP,
}
DAY_CHANGES: dict[str, Any] = {"year": 2025, "month": 6, "day": 23}


def published(**changes: Any) -> PublishedEvent:
    base = PublishedEvent(1, "conf", EVENT, Status.CONFIRMED, 1, STAMP, STAMP, (SOURCE,))
    return dataclasses.replace(base, **changes)


def names(value: type) -> set[str]:
    return {f.name for f in dataclasses.fields(value)}


def test_every_field_has_a_change_here() -> None:
    assert names(PublishedEvent) == set(PUBLISHED_CHANGES) | {"event"}
    assert names(Event) == set(EVENT_CHANGES)
    assert names(SourceRef) == set(SOURCE_CHANGES)
    assert names(PartialDate) == set(DAY_CHANGES)


@pytest.mark.parametrize("field", sorted(PUBLISHED_CHANGES))
def test_a_changed_published_field_changes_the_digest(field: str) -> None:
    assert chunk_digest(published(**{field: PUBLISHED_CHANGES[field]}), META) != chunk_digest(
        published(), META
    )


@pytest.mark.parametrize("field", sorted(EVENT_CHANGES))
def test_a_changed_event_field_changes_the_digest(field: str) -> None:
    event = dataclasses.replace(EVENT, **{field: EVENT_CHANGES[field]})
    assert chunk_digest(published(event=event), META) != chunk_digest(published(), META)


@pytest.mark.parametrize("field", sorted(SOURCE_CHANGES))
def test_a_changed_source_field_changes_the_digest(field: str) -> None:
    source = dataclasses.replace(SOURCE, **{field: SOURCE_CHANGES[field]})
    assert chunk_digest(published(sources=(source,)), META) != chunk_digest(published(), META)


@pytest.mark.parametrize("field", sorted(DAY_CHANGES))
@pytest.mark.parametrize("which", ["start", "end"])
def test_a_changed_day_changes_the_digest(which: str, field: str) -> None:
    day = dataclasses.replace(getattr(EVENT, which), **{field: DAY_CHANGES[field]})
    event = dataclasses.replace(EVENT, **{which: day})
    assert chunk_digest(published(event=event), META) != chunk_digest(published(), META)


def test_sources_count_and_order_change_the_digest() -> None:
    other = dataclasses.replace(SOURCE, article_id=9)
    digests = {
        chunk_digest(published(sources=sources), META)
        for sources in [(SOURCE,), (SOURCE, other), (other, SOURCE), (SOURCE, SOURCE), ()]
    }
    assert len(digests) == 5


def test_the_calendar_identity_changes_the_digest() -> None:
    others = [
        dataclasses.replace(META, language=Language.HANT),
        dataclasses.replace(META, host="other.example"),
        dataclasses.replace(META, base_url="https://other.example"),
    ]
    digests = {chunk_digest(published(), meta) for meta in [META, *others]}
    assert len(digests) == 4


def test_the_digest_is_the_same_for_an_equal_value() -> None:
    copy = published(event=dataclasses.replace(EVENT), sources=(dataclasses.replace(SOURCE),))
    assert chunk_digest(copy, META) == chunk_digest(published(), META)
