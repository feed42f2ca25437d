"""Dates as they reach an event: ranges across months and years, times of day, Chinese
numerals and English forms, each resolved against the article's publication date."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_helpers import article, english, only_event

from events.model import Article

PUBLISHED = dt.date(2023, 5, 1)


@pytest.mark.parametrize(
    ("source", "start", "end"),
    [
        (
            article("标准化论坛于6月9日-11日在青岛举办。", published=PUBLISHED),
            "2023-06-09",
            "2023-06-11",
        ),
        (
            article("标准化论坛于6月30日至7月2日在青岛举办。", published=PUBLISHED),
            "2023-06-30",
            "2023-07-02",
        ),
        (
            article("标准化论坛将于12月30日至1月2日在青岛举办。", published=dt.date(2023, 12, 1)),
            "2023-12-30",
            "2024-01-02",
        ),
        (
            article("二〇二三年六月九日,国际标准化大会在青岛召开。"),
            "2023-06-09",
            "2023-06-09",
        ),
        (
            english(
                "The Standards Forum will be held in Qingdao from 9 to 11 June.",
                published=PUBLISHED,
            ),
            "2023-06-09",
            "2023-06-11",
        ),
        (
            english("The Standards Forum will be held in Qingdao on June 9-11, 2023."),
            "2023-06-09",
            "2023-06-11",
        ),
    ],
    ids=["9-11", "across-months", "across-years", "chinese-numerals", "from-to", "en-range"],
)
def test_start_and_end(source: Article, start: str, end: str) -> None:
    event = only_event(source)
    assert (event.start.iso(), event.end and event.end.iso()) == (start, end)


@pytest.mark.parametrize(
    ("source", "time", "end_time"),
    [
        (article("标准化论坛于5月10日下午2时在青岛举办。", published=PUBLISHED), dt.time(14), None),
        (
            article("标准化论坛于5月10日14:00-17:30在青岛举办。", published=PUBLISHED),
            dt.time(14),
            dt.time(17, 30),
        ),
        (
            article("本次培训班定于2023年6月10日(星期六)上午9:30在青岛开班。"),
            dt.time(9, 30),
            None,
        ),
        (
            english(
                "The Standards Forum will open on July 28, 9:30 am in Qingdao.",
                published=dt.date(2023, 7, 1),
            ),
            dt.time(9, 30),
            None,
        ),
    ],
    ids=["下午2时", "14:00-17:30", "上午9:30", "9:30 am"],
)
def test_time_of_day(source: Article, time: dt.time, end_time: dt.time | None) -> None:
    event = only_event(source)
    assert (event.time, event.end_time, event.all_day) == (time, end_time, False)
