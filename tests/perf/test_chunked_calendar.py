"""Calendars assembled from cached VEVENT chunks are the calendar icalendar builds as one tree.

The chunk cache is only a speed-up if it can never change what a subscriber receives: the
assembled bytes must equal the reference serialization, parse the same in the strict ``ical``
parser, and a changed event must never be served from its old chunk.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ical.calendar_stream import IcsCalendarStream

from events.model import Event, Kind, Language, PartialDate, PublishedEvent, SourceRef, Status
from feeds.cache import ChunkCache
from feeds.ics import (
    CalendarMeta,
    build_calendar,
    calendar_blocks,
    calendar_order,
    render_calendar,
    write_calendar,
)

STAMP = dt.datetime(2024, 4, 2, 9, 30, tzinfo=dt.UTC)


def meta(language: Language = Language.HANS, host: str = "stdcal.example.org") -> CalendarMeta:
    return CalendarMeta("stdcal", "标准化活动", host, "https://stdcal.example.org",
                        dt.timedelta(hours=6), language)  # fmt: skip


def published(
    key: str, title: str, start: PartialDate, *, id: int = 1, **changes: object
) -> PublishedEvent:
    event = Event(title=title, start=start, end=None, kind=Kind.CONFERENCE, city="深圳市",
                  organisers=("国家标准化管理委员会",), evidence="会议于10月召开。")  # fmt: skip
    event = dataclasses.replace(event, **changes)  # type: ignore[arg-type]
    source = SourceRef(id, "新闻标题", f"https://news.example.cn/{id}.html", "证据", Language.HANS)
    return PublishedEvent(id, key, event, Status.CONFIRMED, 1, STAMP, STAMP, (source,))


def mixed() -> list[PublishedEvent]:
    """Timed and all-day events, a duplicate key, a yearless one and an observance series."""
    wsd = {"kind": Kind.OBSERVANCE, "series": "world-standards-day"}
    return [
        published(
            "conf",
            "第五届标准化大会",
            PartialDate(2024, 5, 20),
            id=1,
            time=dt.time(9, 30),
            end_time=dt.time(17, 0),
        ),
        published(
            "week", "质量月活动周", PartialDate(2024, 9, 1), id=2, end=PartialDate(2024, 9, 7)
        ),
        published("conf", "重复键", PartialDate(2025, 1, 1), id=3),
        published("yearless", "没有年份", PartialDate(None, 3, 15), id=4),
        published("wsd-2021", "第52届世界标准日", PartialDate(2021, 10, 14), id=5, **wsd),
        published("wsd-2022", "第53届世界标准日", PartialDate(2022, 10, 14), id=6, **wsd),
        published(
            "hostile",
            "标题\r\nBEGIN:VEVENT\x00;,\\" + "长" * 90,
            PartialDate(2024, 6, 1),
            id=7,
            time=dt.time(23, 30),
        ),
    ]


def test_streamed_events_must_come_in_calendar_order() -> None:
    events = [e for e in mixed() if e.event.dated and e.event.title != "重复键"]  # unique keys
    ordered = sorted(events, key=calendar_order)
    out = io.BytesIO()
    write_calendar(out, ordered, meta())
    assert out.getvalue() == build_calendar(events, meta()).to_ical()
    with pytest.raises(ValueError, match="out of calendar order"):
        write_calendar(io.BytesIO(), list(reversed(ordered)), meta())


def test_the_header_comes_before_any_event_is_read() -> None:
    """A streamed calendar's first bytes leave before the store is read at all."""

    def never_read() -> Iterator[PublishedEvent]:
        raise AssertionError("read too early")
        yield  # pragma: no cover

    blocks = calendar_blocks(never_read(), never_read(), meta())
    assert next(blocks).startswith(b"BEGIN:VCALENDAR\r\n")


def test_a_calendar_is_the_same_in_any_batch_size() -> None:
    events = [
        published(f"k{i:03}", f"第{i}次会议", PartialDate(2024, 1 + i % 12, 1 + i % 28), id=i)
        for i in range(60)
    ]
    reference = build_calendar(events, meta()).to_ical()
    for batch in (1, 7, 1000):
        assert render_calendar(events, meta(), batch=batch) == reference


def summaries(data: bytes) -> list[tuple[str, str | None]]:
    events = IcsCalendarStream.calendar_from_ics(data.decode("utf-8")).events
    return [(e.uid or "", e.summary) for e in events]


def test_assembled_calendar_is_the_reference_serialization_byte_for_byte() -> None:
    chunks = ChunkCache(1 << 20)
    reference = build_calendar(mixed(), meta()).to_ical()
    assert render_calendar(mixed(), meta(), chunks) == reference
    assert len(chunks) == 5  # conf, week, hostile and the two reported years; not the master
    assert render_calendar(mixed(), meta(), chunks) == reference  # again, from the chunks
    assert render_calendar(mixed(), meta()) == reference  # and without a cache
    assert summaries(reference) == summaries(render_calendar(mixed(), meta(), chunks))


def test_a_changed_event_is_rendered_again_not_served_from_its_old_chunk() -> None:
    chunks = ChunkCache(1 << 20)
    events = mixed()
    render_calendar(events, meta(), chunks)
    week = events[1]
    renamed = [
        dataclasses.replace(week, event=dataclasses.replace(week.event, title="改名的活动周"))
    ]
    data = render_calendar(renamed + events[2:], meta(), chunks)
    assert "改名的活动周" in data.decode()
    assert "质量月活动周" not in data.decode()
    assert data == build_calendar(renamed + events[2:], meta()).to_ical()


def test_chunks_are_kept_apart_by_language_and_host() -> None:
    chunks = ChunkCache(1 << 20)
    for language in Language:
        for host in ("a.example", "b.example"):
            data = render_calendar(mixed(), meta(language, host), chunks)
            assert data == build_calendar(mixed(), meta(language, host)).to_ical()
            assert f"conf@{host}".encode() in data


def test_the_byte_bound_evicts_least_recently_used_chunks() -> None:
    chunks = ChunkCache(1500)
    render_calendar(mixed(), meta(), chunks)
    assert 0 < chunks.size <= 1500
    assert render_calendar(mixed(), meta(), chunks) == build_calendar(mixed(), meta()).to_ical()


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=120), st.sampled_from(list(Language)))
def test_any_title_assembles_to_the_reference(title: str, language: Language) -> None:
    chunks = ChunkCache(1 << 20)
    events = [published("k", title, PartialDate(2024, 1, 2)), *mixed()]
    reference = build_calendar(events, meta(language)).to_ical()
    render_calendar(events, meta(language), chunks)
    assembled = render_calendar(events, meta(language), chunks)
    assert assembled == reference
    assert summaries(assembled) == summaries(reference)
