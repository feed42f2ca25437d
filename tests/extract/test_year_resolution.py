"""Which year a date without one means: explicit, from the event's name, from the headline, from
the publication date read with the sentence's tense, checked by a weekday; never invented."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_helpers import article, english, only_event

from events.model import Article, Language


@pytest.mark.parametrize(
    ("source", "start"),
    [
        pytest.param(
            article("标准化研讨会于2022年3月5日在青岛召开。", published=dt.date(2022, 3, 1)),
            "2022-03-05",
            id="explicit-year",
        ),
        pytest.param(
            article("6月9日,2023青島國際標準化大會在青島召開。", language=Language.HANT),
            "2023-06-09",
            id="year-in-event-name",
        ),
        pytest.param(
            article("6月9日,国际标准化大会在青岛召开。", title="2023国际标准化大会召开"),
            "2023-06-09",
            id="year-in-headline",
        ),
        pytest.param(
            article(
                "市标准化协会将于1月10日举办第三届标准化论坛。", published=dt.date(2021, 12, 20)
            ),
            "2022-01-10",
            id="future-tense-in-december",
        ),
        pytest.param(
            article("市标准化研究院12月28日召开了标准化工作会议。", published=dt.date(2022, 1, 5)),
            "2021-12-28",
            id="past-tense-in-january",
        ),
        pytest.param(
            english(
                "The Qingdao Standards Forum will be held in Qingdao on January 10.",
                published=dt.date(2021, 12, 20),
            ),
            "2022-01-10",
            id="english-future",
        ),
        pytest.param(
            english(
                "The Qingdao Standards Forum will be held on October 14.",
                published=dt.date(2023, 9, 1),
            ),
            "2023-10-14",
            id="english-future-held-on",
        ),
        pytest.param(
            english(
                "The Qingdao Standards Forum was held in Qingdao on July 28.",
                published=dt.date(2021, 8, 1),
            ),
            "2021-07-28",
            id="english-past",
        ),
    ],
)
def test_year_is_resolved(source: Article, start: str) -> None:
    event = only_event(source)
    assert event.start.iso() == start
    assert event.end is not None and event.end.iso() == start


def test_weekday_agrees_with_publication_year() -> None:
    source = article(
        "全市标准化工作推进会于3月5日(星期六)在青岛召开。", published=dt.date(2022, 3, 1)
    )
    assert only_event(source).start.iso() == "2022-03-05"  # a Saturday in 2022


def test_weekday_overrules_an_inferred_year_off_by_one() -> None:
    # 2022-01-07 is a Friday, 2023-01-07 a Saturday
    source = article("全市标准化工作推进会于1月7日(星期六)召开。", published=dt.date(2022, 7, 1))
    assert only_event(source).start.iso() == "2023-01-07"


@pytest.mark.parametrize(
    ("body", "end"),
    [
        ("第三届标准化论坛将于1月10日在北京举办。", "--01-10"),  # a one-day event
        ("4月24日,由深圳市市场监督管理局主办的首届深圳标准化活动周启动。", None),  # only its start
    ],
)
def test_no_evidence_of_the_year_leaves_it_unknown(body: str, end: str | None) -> None:
    event = only_event(article(body))
    assert not event.start.known
    assert event.start.iso().startswith("--")
    assert (event.end.iso() if event.end else None) == end
    assert not event.dated


def test_explicit_year_wins_over_headline_year() -> None:
    source = article("标准化论坛于2022年6月9日在青岛召开。", title="2023标准化工作回顾")
    assert only_event(source).start.iso() == "2022-06-09"
