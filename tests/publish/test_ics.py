"""feeds.ics as subscribers' clients see it: parsed back by the strict ``ical`` parser and
expanded by recurring-ical-events, with hostile article text thrown at it."""

from __future__ import annotations

import datetime as dt
import re

import icalendar
import pytest
import recurring_ical_events
from hypothesis import given
from hypothesis import strategies as st
from ical.calendar import Calendar as StrictCalendar
from ical.calendar_stream import IcsCalendarStream
from ical.event import Event as StrictEvent

from events.model import Event, Kind, Language, PartialDate, PublishedEvent, SourceRef, Status
from feeds.ics import CalendarMeta, clean_text, render_calendar, render_event

SHANGHAI_TZ = dt.timezone(dt.timedelta(hours=8))
CREATED = dt.datetime(2024, 3, 1, 8, 0, tzinfo=dt.UTC)
MODIFIED = dt.datetime(2024, 4, 2, 9, 30, tzinfo=dt.UTC)
WSD_2024 = PartialDate(2024, 10, 14)


def meta(language: Language = Language.HANS) -> CalendarMeta:
    return CalendarMeta(
        name="stdcal · 标准化活动日历",
        description="从新闻报道中提取的标准化活动",
        host="stdcal.example.org",
        base_url="https://stdcal.example.org/",
        refresh=dt.timedelta(hours=6),
        language=language,
    )


def published(
    key: str = "wsd-2024",
    title: str = "世界标准日",
    start: PartialDate = WSD_2024,
    end: PartialDate | None = None,
    *,
    id: int = 1,
    kind: Kind = Kind.CONFERENCE,
    time: dt.time | None = None,
    end_time: dt.time | None = None,
    city: str | None = None,
    status: Status = Status.CONFIRMED,
    sources: tuple[SourceRef, ...] = (),
    series: str | None = None,
) -> PublishedEvent:
    event = Event(
        title=title,
        start=start,
        end=end,
        kind=kind,
        time=time,
        end_time=end_time,
        city=city,
        organisers=("国家标准化管理委员会",),
        evidence="10月14日是世界标准日。",
        series=series,
    )
    return PublishedEvent(
        id=id,
        key=key,
        event=event,
        status=status,
        sequence=2,
        created=CREATED,
        last_modified=MODIFIED,
        sources=sources,
    )


def source(
    url: str | None = "https://news.example.cn/a/1.html", evidence: str = "证据"
) -> SourceRef:
    return SourceRef(1, "新闻标题", url, evidence, Language.HANS)


def strict(data: bytes) -> StrictCalendar:
    return IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))


def vevent_lines(data: bytes) -> int:
    """Components actually opened, as a client reading line by line would see them."""
    return data.split(b"\r\n").count(b"BEGIN:VEVENT")


def only_event(data: bytes) -> StrictEvent:
    events = strict(data).events
    assert len(events) == 1
    return events[0]


def test_calendar_properties_for_subscribers() -> None:
    text = render_calendar([published()], meta()).decode()
    for line in (
        "VERSION:2.0",
        "PRODID:-//stdcal//stdcal//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "NAME:stdcal · 标准化活动日历",
        "X-WR-CALNAME:stdcal · 标准化活动日历",
        "X-WR-CALDESC:从新闻报道中提取的标准化活动",
        "REFRESH-INTERVAL;VALUE=DURATION:PT6H",
        "X-PUBLISHED-TTL:PT6H",
        "X-WR-TIMEZONE:Asia/Shanghai",
    ):
        assert f"\r\n{line}\r\n" in text
    assert strict(text.encode()).prodid == "-//stdcal//stdcal//EN"


def test_all_day_event_identity_and_exclusive_end() -> None:
    data = render_calendar([published(start=PartialDate(2024, 10, 14))], meta())
    event = strict(data).events[0]
    assert event.uid == "wsd-2024@stdcal.example.org"
    assert event.summary == "世界标准日"
    assert event.dtstart == dt.date(2024, 10, 14)
    assert event.dtend == dt.date(2024, 10, 15)
    assert event.dtstamp == MODIFIED
    assert event.created == CREATED
    assert event.last_modified == MODIFIED
    assert event.sequence == 2
    assert event.url == "https://stdcal.example.org/events/1"
    assert event.categories == ["conference"]
    assert b"DTSTART;VALUE=DATE:20241014" in data


def test_range_end_is_inclusive_plus_one_and_yearless_end_crosses_new_year() -> None:
    ranged = published(key="a", start=PartialDate(2024, 5, 20), end=PartialDate(2024, 5, 26))
    crossing = published(key="b", start=PartialDate(2024, 12, 30), end=PartialDate(None, 1, 2))
    events = {e.uid: e for e in strict(render_calendar([ranged, crossing], meta())).events}
    assert events["a@stdcal.example.org"].dtend == dt.date(2024, 5, 27)
    assert events["b@stdcal.example.org"].dtend == dt.date(2025, 1, 3)


def test_timed_event_uses_shanghai_tzid_and_vtimezone() -> None:
    data = render_calendar([published(time=dt.time(9, 30))], meta())
    event = strict(data).events[0]
    assert isinstance(event.dtstart, dt.datetime)
    assert getattr(event.dtstart.tzinfo, "key", None) == "Asia/Shanghai"
    assert event.dtstart == dt.datetime(2024, 10, 14, 9, 30, tzinfo=SHANGHAI_TZ)
    assert event.dtend == dt.datetime(2024, 10, 14, 10, 30, tzinfo=SHANGHAI_TZ)
    assert b"DTSTART;TZID=Asia/Shanghai:20241014T093000" in data
    assert b"BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\n" in data
    assert b"TZOFFSETTO:+0800" in data
    assert b"TZOFFSETTO:+0900" not in data  # the 1986-91 summer time lies outside the range


def test_timed_range_ends_on_the_last_day_at_end_time() -> None:
    pe = published(
        start=PartialDate(2024, 6, 3),
        end=PartialDate(2024, 6, 5),
        time=dt.time(9, 0),
        end_time=dt.time(17, 30),
    )
    event = only_event(render_event(pe, meta()))
    assert event.dtend == dt.datetime(2024, 6, 5, 17, 30, tzinfo=SHANGHAI_TZ)


def test_no_vtimezone_without_timed_events() -> None:
    assert b"VTIMEZONE" not in render_calendar([published()], meta())


def wsd(year: int, title: str, status: Status = Status.CONFIRMED) -> PublishedEvent:
    return published(
        key=f"world-standards-day-{year}-10-14",
        id=year,
        title=title,
        start=PartialDate(year, 10, 14),
        kind=Kind.OBSERVANCE,
        series="world-standards-day",
        status=status,
    )


def test_world_standards_day_is_a_yearly_series_and_reported_years_are_events_of_their_own() -> (
    None
):
    data = render_calendar(
        [wsd(2021, "第52届世界标准日"), wsd(2023, "第54届世界标准日", Status.CANCELLED)], meta()
    )
    strict(data)  # the strict parser accepts the series and the year beside it
    assert data.count(b"RRULE:FREQ=YEARLY") == 1
    assert b"RECURRENCE-ID" not in data  # calcurse, FullCalendar, DDay.iCal would double it
    assert b"\r\nEXDATE;VALUE=DATE:20211014\r\n" in data  # not 2023: it lost its sources
    calendar = icalendar.Calendar.from_ical(data)
    found = recurring_ical_events.of(calendar).between(dt.date(2020, 1, 1), dt.date(2025, 1, 1))
    by_year = {e.decoded("DTSTART").year: (str(e["SUMMARY"]), str(e["UID"])) for e in found}
    series_uid, year_uid = (
        "world-standards-day@stdcal.example.org",
        "world-standards-day-2021-10-14@stdcal.example.org",
    )
    assert by_year == {
        2020: ("世界标准日", series_uid),
        2021: ("第52届世界标准日", year_uid),
        2022: ("世界标准日", series_uid),
        2023: ("世界标准日", series_uid),  # a year that lost its sources falls back to the series
        2024: ("世界标准日", series_uid),
    }
    [year] = [e for e in calendar.walk("VEVENT") if str(e["UID"]) == year_uid]
    assert str(year["RELATED-TO"]) == series_uid
    first = recurring_ical_events.of(calendar).at(1970)
    assert [e.decoded("DTSTART") for e in first] == [dt.date(1970, 10, 14)]


def vevents_without_recurrence_ids(data: bytes) -> list[icalendar.Event]:
    """What a client that ignores RECURRENCE-ID (calcurse, DDay.iCal) would keep: every VEVENT."""
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


def days_listed_by_naive_client(data: bytes, until: dt.date) -> list[dt.date]:
    """Days a client lists that expands each VEVENT's RRULE and EXDATE on its own and does not
    match overrides to their series (so an override shows beside the instance it replaces)."""
    days: list[dt.date] = []
    for vevent in vevents_without_recurrence_ids(data):
        start = vevent.decoded("DTSTART")
        excluded = {d.dt for x in _as_list(vevent.get("EXDATE")) for d in x.dts}
        if "RRULE" in vevent:
            days += [
                start.replace(year=y)
                for y in range(start.year, until.year + 1)
                if start.replace(year=y) not in excluded
            ]
        else:
            days.append(start)
    return days


def _as_list(value: object) -> list:
    return [] if value is None else value if isinstance(value, list) else [value]


SERIES_CASES = [
    ("one reported year", [(2021, Status.CONFIRMED)]),
    ("two reported years", [(2021, Status.CONFIRMED), (2024, Status.CONFIRMED)]),
    ("a cancelled year only", [(2023, Status.CANCELLED)]),
    ("reported and cancelled", [(2021, Status.CONFIRMED), (2023, Status.CANCELLED)]),
    ("the first year reported", [(1970, Status.CONFIRMED), (2022, Status.CONFIRMED)]),
]


@pytest.mark.parametrize(("case", "years"), SERIES_CASES, ids=[c for c, _ in SERIES_CASES])
@pytest.mark.parametrize("language", list(Language))
def test_every_observance_day_is_listed_exactly_once(
    case: str, years: list[tuple[int, Status]], language: Language
) -> None:
    data = render_calendar(
        [wsd(y, f"第{y - 1969}届世界标准日", s) for y, s in years], meta(language)
    )
    until = dt.date(2030, 12, 31)
    expected = [dt.date(y, 10, 14) for y in range(1970, until.year + 1)]
    found = recurring_ical_events.of(icalendar.Calendar.from_ical(data)).between(
        dt.date(1960, 1, 1), until
    )
    assert sorted(e.decoded("DTSTART") for e in found) == expected  # RFC-aware expansion
    assert sorted(days_listed_by_naive_client(data, until)) == expected  # no RECURRENCE-ID help
    strict(data)


def test_the_uids_of_series_and_reported_years_follow_the_store_keys() -> None:
    """UIDs derive from the event's key (kept for ever by the store, see
    tests/test_ingest.py for re-ingest and re-extraction) and the series key: rendering the same
    events again, alone or beside others, in another order, gives the same UIDs."""
    events = [
        wsd(2021, "第52届世界标准日"),
        wsd(2024, "第55届世界标准日"),
        published(key="x", id=9),
    ]
    uids = {
        str(e["UID"])
        for e in icalendar.Calendar.from_ical(render_calendar(events, meta())).walk("VEVENT")
    }
    again = render_calendar(list(reversed(events)), meta())
    assert uids == {str(e["UID"]) for e in icalendar.Calendar.from_ical(again).walk("VEVENT")}
    assert uids == {
        "world-standards-day@stdcal.example.org",
        "world-standards-day-2021-10-14@stdcal.example.org",
        "world-standards-day-2024-10-14@stdcal.example.org",
        "x@stdcal.example.org",
    }
    single = only_event(render_event(events[0], meta()))
    assert single.uid == "world-standards-day-2021-10-14@stdcal.example.org"


def test_single_event_download_of_an_observance_is_standalone() -> None:
    event = published(
        key="world-standards-day-2021-10-14",
        start=PartialDate(2021, 10, 14),
        kind=Kind.OBSERVANCE,
        series="world-standards-day",
    )
    data = render_event(event, meta())
    assert b"RRULE" not in data and b"RECURRENCE-ID" not in data
    assert b"RELATED-TO:world-standards-day@stdcal.example.org" in data


def test_cancelled_status() -> None:
    event = only_event(render_event(published(status=Status.CANCELLED), meta()))
    assert str(event.status) in ("CANCELLED", "EventStatus.CANCELLED")
    assert b"STATUS:CANCELLED" in render_event(published(status=Status.CANCELLED), meta())


def test_events_without_a_year_are_left_out() -> None:
    undated = published(key="undated", start=PartialDate(None, 4, 24))
    events = strict(render_calendar([undated, published()], meta())).events
    assert [e.uid for e in events] == ["wsd-2024@stdcal.example.org"]


def test_transparency_follows_kind() -> None:
    kinds = list(Kind)
    events = [published(key=k.value, id=i, kind=k) for i, k in enumerate(kinds)]
    parsed = icalendar.Calendar.from_ical(render_calendar(events, meta()))
    transp = {str(e["UID"]).split("@")[0]: str(e["TRANSP"]) for e in parsed.walk("VEVENT")}
    assert transp == {k.value: "TRANSPARENT" if k.is_transparent else "OPAQUE" for k in kinds}
    assert transp["observance"] == "TRANSPARENT" and transp["conference"] == "OPAQUE"


def test_title_follows_the_calendar_script() -> None:
    pe = published(title="标准化论坛", city="广州")
    hant = only_event(render_event(pe, meta(Language.HANT)))
    assert hant.summary == "標準化論壇"
    assert hant.location == "廣州"
    assert only_event(render_event(pe, meta(Language.HANS))).summary == "标准化论坛"


def test_description_cites_sources_and_event_page() -> None:
    pe = published(city="北京", sources=(source(evidence="会议于10月14日举行。"),))
    description = str(only_event(render_event(pe, meta())).description)
    assert "会议于10月14日举行。" in description
    assert "https://news.example.cn/a/1.html" in description
    assert "北京" in description
    assert "国家标准化管理委员会" in description
    assert "https://stdcal.example.org/events/1" in description


def test_hostile_title_cannot_inject_a_component() -> None:
    hostile = published(title="x\r\nBEGIN:VEVENT\r\nEND:VEVENT", city="a\nLOCATION:b")
    data = render_calendar([hostile], meta(Language.EN))
    assert vevent_lines(data) == 1
    event = only_event(data)
    assert event.summary == "x BEGIN:VEVENT END:VEVENT"


def test_controls_surrogates_and_bad_urls_are_removed() -> None:
    pe = published(
        title="a\x00b\x1bc\x7fd\ud800e\u2028f\tg",
        sources=(source(url="javascript:alert(1)"), source(url="https://x.cn/\r\nBEGIN:VEVENT")),
    )
    data = render_calendar([pe], meta(Language.EN))
    assert vevent_lines(data) == 1
    event = only_event(data)
    assert event.summary == "abcde f\tg"
    assert "javascript" not in str(event.description)
    assert "x.cn" not in str(event.description)


@given(st.text(max_size=200))
def test_any_title_gives_one_parsable_event(title: str) -> None:
    data = render_event(published(title=title, kind=Kind.MEETING), meta(Language.EN))
    event = only_event(data)
    summary = str(event.summary)
    assert summary == (clean_text(title) or "meeting")
    assert not re.search(r"[\x00-\x08\x0a-\x1f\x7f]", summary)


def test_same_data_gives_same_bytes_in_any_order() -> None:
    events = [
        published(key="b", id=2, start=PartialDate(2024, 10, 14), time=dt.time(14, 0)),
        published(key="a", id=1, start=PartialDate(2024, 10, 14)),
        published(key="c", id=3, start=PartialDate(2024, 1, 5), status=Status.CANCELLED),
    ]
    first = render_calendar(events, meta())
    assert first == render_calendar(list(reversed(events)), meta())
    uids = [e.uid for e in strict(first).events]
    assert uids == [f"{k}@stdcal.example.org" for k in ("c", "a", "b")]


def test_render_event_gives_one_vevent() -> None:
    data = render_event(published(time=dt.time(9, 0)), meta())
    assert vevent_lines(data) == 1
    assert b"BEGIN:VTIMEZONE" in data
    assert only_event(data) is not None


def test_published_events_name_an_organizer_as_itip_requires() -> None:
    """libical rejects a METHOD:PUBLISH VEVENT without ORGANIZER (RFC 5546 section 3.2.1)."""
    calendar = icalendar.Calendar.from_ical(render_calendar([published()], meta()))
    [vevent] = calendar.walk("VEVENT")
    assert calendar["METHOD"] == "PUBLISH"
    assert str(vevent["ORGANIZER"]) == "mailto:noreply@stdcal.example.org"


def test_a_literal_backslash_n_stays_text_not_a_line_break() -> None:
    data = render_event(published(title="路径 C:\\New 与 \\N"), meta(Language.EN))
    summary = str(only_event(data).summary)
    assert summary == "路径 C:\uff3cNew 与 \uff3cN"  # one line; the backslash shown full-width
