"""The kind of an event follows its head noun (大会, 论坛, 研讨会, 培训班, 活动周, 宣传活动),
its form (a window, a deadline) or the observance it names."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_helpers import article, english, only_event, read_text

from events.extract import extract
from events.model import Article, Kind

PUBLISHED = dt.date(2023, 5, 1)


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        (article("2023国际标准化大会于5月10日在青岛召开。", published=PUBLISHED), Kind.CONFERENCE),
        (article("第三届标准化论坛将于5月10日在北京举办。", published=PUBLISHED), Kind.FORUM),
        (
            english("The Standards Forum will be held in Qingdao on May 10.", published=PUBLISHED),
            Kind.FORUM,
        ),
        (article("标准化研讨会于5月10日在深圳召开。", published=PUBLISHED), Kind.MEETING),
        (
            article("质量提升培训班将于5月10日至12日在深圳举办。", published=PUBLISHED),
            Kind.TRAINING,
        ),
        (
            article("标准化活动周将于5月10日至16日在深圳举办。", published=PUBLISHED),
            Kind.ACTIVITY_WEEK,
        ),
    ],
    ids=["大会", "论坛", "Forum", "研讨会", "培训班", "活动周"],
)
def test_kind_from_head_noun(source: Article, kind: Kind) -> None:
    assert only_event(source).kind is kind


def test_campaign_window_in_a_sentence() -> None:
    source = article(
        "市场监管局将于10月14日及前后各两周开展标准化宣传活动。", published=dt.date(2021, 10, 1)
    )
    event = only_event(source)
    assert event.kind is Kind.CAMPAIGN
    assert (event.start.iso(), event.end and event.end.iso()) == ("2021-09-30", "2021-10-28")


def test_campaign_window_of_a_notice() -> None:
    source = read_text(
        "关于开展2021年世界标准日宣传活动的通知\n"
        "各有关单位:\n"
        "活动时间:10月14日及前后各两周时间内。\n"
        "天津市市场监督管理委员会\n"
        "2021年10月11日\n"
    )
    event = only_event(source)
    assert (event.kind, event.title) == (Kind.CAMPAIGN, "2021年世界标准日宣传活动")
    assert (event.start.iso(), event.end and event.end.iso()) == ("2021-09-30", "2021-10-28")


def test_deadline_to_hand_in() -> None:
    source = article(
        "请各单位于10月27日前将活动总结报送市市场监管委。", published=dt.date(2021, 10, 11)
    )
    event = only_event(source)
    assert event.kind is Kind.DEADLINE
    assert event.start.iso() == "2021-10-27"
    assert "报送" in event.title


def test_world_standards_day_in_chinese_takes_its_year_from_the_number() -> None:
    event = only_event(article("10月14日是第52届世界标准日。"))
    assert event.kind is Kind.OBSERVANCE
    assert event.start.iso() == "2021-10-14"
    assert "52" in event.title
    assert event.series == "world-standards-day"


def test_world_standards_day_in_english() -> None:
    event = only_event(english("October 14, 2022 is World Standards Day."))
    assert event.kind is Kind.OBSERVANCE
    assert event.start.iso() == "2022-10-14"
    assert "World Standards Day" in event.title


def test_a_meeting_celebrating_the_day_is_not_the_observance() -> None:
    source = article(
        "2021年10月14日是第52届世界标准日,10月15日召开了世界标准日纪念大会。",
        published=dt.date(2021, 10, 19),
    )
    kinds = {(e.kind, e.start.iso()) for e in extract(source)}
    assert kinds == {(Kind.OBSERVANCE, "2021-10-14"), (Kind.CONFERENCE, "2021-10-15")}
