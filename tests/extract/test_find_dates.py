"""Date expressions as written in Chinese (Arabic and Chinese numerals) and English: one table
per rule, a property test for the round trip of every valid day, and impossible days refused."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from extract_helpers import read_text
from hypothesis import given
from hypothesis import strategies as st

from events.extract.dates import DateMention, Day, find_dates


def _one(text: str) -> DateMention:
    mentions = find_dates(text)
    assert len(mentions) == 1, mentions
    return mentions[0]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2021年10月14日", (2021, 10, 14), None),
        ("10月15日", (None, 10, 15), None),
        ("会议于2021年10月14日在青岛召开。", (2021, 10, 14), None),
        ("二〇二三年六月九日", (2023, 6, 9), None),
        ("十月十四日", (None, 10, 14), None),
        ("十二月二十八日", (None, 12, 28), None),
        ("6月9日至11日", (None, 6, 9), (None, 6, 11)),
        ("6月9日-11日", (None, 6, 9), (None, 6, 11)),
        ("6月30日至7月2日", (None, 6, 30), (None, 7, 2)),
        ("2023年6月9日至11日", (2023, 6, 9), (2023, 6, 11)),
        ("10月14日及前后各两周", (None, 9, 30), (None, 10, 28)),
        ("10月27日前", (None, 10, 27), None),
        ("July 28", (None, 7, 28), None),
        ("28 July 2021", (2021, 7, 28), None),
        ("Oct. 14", (None, 10, 14), None),
        ("October 14, 2022", (2022, 10, 14), None),
        ("June 9-11, 2023", (2023, 6, 9), (2023, 6, 11)),
        ("from 9 to 11 June", (None, 6, 9), (None, 6, 11)),
        ("on 14 October", (None, 10, 14), None),
    ],
)
def test_dates(text: str, start: Day, end: Day | None) -> None:
    mention = _one(text)
    assert (mention.start, mention.end) == (start, end)
    assert mention.explicit_year == (start[0] is not None)


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("10月15日", "day"),
        ("6月9日至11日", "range"),
        ("6月30日至7月2日", "range"),
        ("10月14日及前后各两周", "window"),
        ("10月27日前", "deadline"),
        ("June 9-11, 2023", "range"),
        ("from 9 to 11 June", "range"),
        ("on 14 October", "day"),
    ],
)
def test_forms(text: str, form: str) -> None:
    assert _one(text).form == form


@pytest.mark.parametrize(
    ("text", "time", "end_time"),
    [
        ("10月14日上午9:30", dt.time(9, 30), None),
        ("10月14日下午2时", dt.time(14, 0), None),
        ("10月14日14:00-17:30", dt.time(14, 0), dt.time(17, 30)),
        ("July 28, 9:30 am", dt.time(9, 30), None),
        ("on 14 October at 9:30 am", dt.time(9, 30), None),
        ("10月14日", None, None),
        ("July 28", None, None),
    ],
)
def test_times_after_a_date(text: str, time: dt.time | None, end_time: dt.time | None) -> None:
    mention = _one(text)
    assert (mention.time, mention.end_time) == (time, end_time)


def test_weekday_in_brackets() -> None:
    mention = _one("3月5日(星期六)")
    assert (mention.start, mention.weekday) == ((None, 3, 5), 5)


@pytest.mark.parametrize(
    ("text", "start", "weekday"),
    [
        ("会议定于２０２１年１０月１４日召开。", (2021, 10, 14), None),
        ("会议定于３月５日（星期六）召开。", (None, 3, 5), 5),
    ],
)
def test_full_width_text_is_folded_by_reading(text: str, start: Day, weekday: int | None) -> None:
    mention = _one(read_text(text).body)
    assert (mention.start, mention.weekday) == (start, weekday)


@pytest.mark.parametrize(
    "text",
    ["2021年13月45日", "2月30日", "2023年2月29日", "13月1日", "February 30", "June 31, 2023"],
)
def test_impossible_days_are_no_dates(text: str) -> None:
    assert find_dates(text) == []


def test_two_dates_in_one_sentence_are_found_in_order() -> None:
    mentions = find_dates("2021年10月14日是世界标准日,10月15日召开纪念大会。")
    assert [m.start for m in mentions] == [(2021, 10, 14), (None, 10, 15)]


_DAYS = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31))


@given(_DAYS)
def test_chinese_date_round_trip(day: dt.date) -> None:
    mention = _one(f"{day.year}年{day.month}月{day.day}日")
    assert mention.start == (day.year, day.month, day.day)


@given(_DAYS)
def test_english_date_round_trip(day: dt.date) -> None:
    mention = _one(f"{calendar.month_name[day.month]} {day.day}, {day.year}")
    assert mention.start == (day.year, day.month, day.day)
