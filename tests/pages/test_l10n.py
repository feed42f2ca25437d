"""Locale negotiation and Babel formatting, without an app: one table per rule."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from events.model import Event, Kind, PartialDate
from feeds.filters import BadParameter
from feeds.l10n import (
    format_range,
    format_relative,
    format_when,
    match_locale,
    negotiate,
    weekday_names,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.mark.parametrize(
    ("tag", "locale"),
    [
        ("zh-CN", "zh_Hans_CN"),
        ("zh", "zh_Hans_CN"),
        ("zh-Hans", "zh_Hans_CN"),
        ("zh_Hans_SG", "zh_Hans_CN"),
        ("zh-TW", "zh_Hant_TW"),
        ("zh-Hant", "zh_Hant_TW"),
        ("zh-HK", "zh_Hant_HK"),
        ("zh-Hant-HK", "zh_Hant_HK"),
        ("zh-MO", "zh_Hant_HK"),
        ("en-GB", "en"),
        ("EN", "en"),
        ("fr-FR", None),
    ],
)
def test_tags_map_to_supported_locales(tag: str, locale: str | None) -> None:
    assert match_locale(tag) == locale


@pytest.mark.parametrize(
    ("query", "cookie", "accepted", "expected"),
    [
        ("en", "zh_Hant_TW", ["zh-HK"], ("en", "query")),
        (None, "zh_Hant_TW", ["zh-HK"], ("zh_Hant_TW", "cookie")),
        (None, "klingon", ["fr", "zh-HK"], ("zh_Hant_HK", "header")),
        (None, None, ["fr", "de"], ("zh_Hans_CN", "default")),
        ("", None, [], ("zh_Hans_CN", "default")),
    ],
)
def test_negotiation_order(
    query: str | None, cookie: str | None, accepted: list[str], expected: tuple[str, str]
) -> None:
    choice = negotiate(query, cookie, accepted, "zh_Hans_CN")
    assert (choice.locale, choice.source) == expected


def test_a_malformed_lang_names_the_parameter() -> None:
    with pytest.raises(BadParameter, match="'lang'"):
        negotiate("fr", None, [], "en")


ONE_DAY = (PartialDate(2021, 10, 14), None)
IN_MONTH = (PartialDate(2021, 10, 14), PartialDate(2021, 10, 28))
ACROSS_MONTHS = (PartialDate(2021, 9, 30), PartialDate(2021, 10, 28))
ACROSS_YEARS = (PartialDate(2021, 12, 30), PartialDate(2022, 1, 2))
NO_YEAR = (PartialDate(None, 4, 24), None)


@pytest.mark.parametrize(
    ("span", "locale", "expected"),
    [
        (ONE_DAY, "zh_Hans_CN", "2021年10月14日"),
        (ONE_DAY, "zh_Hant_TW", "2021年10月14日"),
        (ONE_DAY, "en", "Oct 14, 2021"),
        (IN_MONTH, "zh_Hans_CN", "2021年10月14日至28日"),
        (IN_MONTH, "en", "Oct 14 – 28, 2021"),
        (ACROSS_MONTHS, "zh_Hant_HK", "2021年9月30日至10月28日"),
        (ACROSS_MONTHS, "en", "Sep 30 – Oct 28, 2021"),
        (ACROSS_YEARS, "zh_Hans_CN", "2021年12月30日至2022年1月2日"),
        (ACROSS_YEARS, "en", "Dec 30, 2021 – Jan 2, 2022"),
        (NO_YEAR, "zh_Hans_CN", "4月24日"),
        (NO_YEAR, "en", "Apr 24"),
    ],
)
def test_ranges_follow_the_locale(
    span: tuple[PartialDate, PartialDate | None], locale: str, expected: str
) -> None:
    assert format_range(*span, locale).replace("\u2009", " ") == expected


@pytest.mark.parametrize(
    ("days", "locale", "expected"),
    [
        (3, "zh_Hans_CN", "3天后"),
        (3, "zh_Hant_TW", "3 天後"),
        (3, "zh_Hant_HK", "3 日後"),
        (3, "en", "in 3 days"),
        (-2, "en", "2 days ago"),
        (0, "en", None),
    ],
)
def test_relative_days(days: int, locale: str, expected: str | None) -> None:
    today = dt.date(2021, 10, 11)
    assert format_relative(today + dt.timedelta(days=days), today, locale) == expected


def test_times_are_shown_in_the_chosen_zone_with_its_name() -> None:
    event = Event(
        "Forum",
        PartialDate(2021, 10, 14),
        None,
        Kind.FORUM,
        time=dt.time(9, 30),
        end_time=dt.time(11, 0),
    )
    assert format_when(event, "zh_Hans_CN", SHANGHAI) == "2021年10月14日 09:30–11:00 (中国标准时间)"
    paris = format_when(event, "en", ZoneInfo("Europe/Paris"))
    assert paris.startswith("Oct 14, 2021 3:30") and "Central European" in paris


def test_an_evening_in_shanghai_is_the_previous_day_in_new_york() -> None:
    event = Event("Call", PartialDate(2021, 10, 14), None, Kind.MEETING, time=dt.time(8, 0))
    text = format_when(event, "en", ZoneInfo("America/New_York"))
    assert text.startswith("Oct 13, 2021 8:00") and "Eastern" in text


@pytest.mark.parametrize(
    ("locale", "first"), [("zh_Hans_CN", "周一"), ("zh_Hant_TW", "週日"), ("en", "Mon")]
)
def test_weeks_start_on_the_locales_first_day(locale: str, first: str) -> None:
    names = weekday_names(locale)
    assert names[0][0] == first and len(names) == 7
