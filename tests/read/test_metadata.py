"""An article's own metadata: each date rule looks only where its kind of date is written,
and a page without a headline still gets a short title from its lead."""

from __future__ import annotations

import datetime as dt

import pytest

from events.model import Language
from events.read import read_bytes
from events.read.metadata import (
    SHANGHAI_OFFSET,
    clean_title,
    dateline_date,
    headline_year,
    labelled_date,
    parse_published,
    signature_date,
    title_from_lead,
)

SENTENCE = "会议还讨论了国家标准化发展纲要的实施情况和下一步工作安排,与会代表进行了充分交流。"


def at(year: int, month: int, day: int, hour: int, minute: int, second: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, second, tzinfo=SHANGHAI_OFFSET)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("来源:人民网 日期:2022-03-01 10:00", at(2022, 3, 1, 10, 0)),
        ("来源:日期:2021-10-19 16:20字号:", at(2021, 10, 19, 16, 20)),
        ("时间:2021-10-22 作者: 来源:", dt.date(2021, 10, 22)),
        ("發佈時間:2023年06月09日 08:30:15", at(2023, 6, 9, 8, 30, 15)),
        ("發布日期:2023/6/9", dt.date(2023, 6, 9)),
        ("Release Date:2021-08-01", dt.date(2021, 8, 1)),
        ("Published: 2021.08.01", dt.date(2021, 8, 1)),
        ("日期:2021-02-30", None),  # an impossible day is no date
        ("浏览次数:2021", None),
    ],
)
def test_labelled_date(line: str, expected: dt.date | None) -> None:
    assert labelled_date([line]) == expected


@pytest.mark.parametrize(
    ("lead", "year", "expected"),
    [
        ("新华社北京3月5日电 代表们认为,标准化工作很重要。", 2024, dt.date(2024, 3, 5)),
        ("人民網北京6月9日電 (記者孫博洋)記者從市場監管總局獲悉", 2023, dt.date(2023, 6, 9)),
        ("本报讯 10月15日,会议召开。", 2021, None),  # no month-day before 讯
        ("新华社北京3月5日电 代表们认为,标准化工作很重要。", None, None),  # no year to give
    ],
)
def test_dateline_date(lead: str, year: int | None, expected: dt.date | None) -> None:
    assert dateline_date(lead, year) == expected


@pytest.mark.parametrize(
    ("title", "year"),
    [
        ("2024年全国两会标准化议题受关注", 2024),
        ("標準化支撐綠色低碳高質量發展 2023青島國際標準化大會召開", 2023),
        ("2021 Qingdao Forum on International Standardization", 2021),
        ("2021年至2025年标准化规划", None),  # two years: which one is the article's?
        ("标准化工作会议召开", None),
        ("GB 12345-20211 标准发布", None),
    ],
)
def test_headline_year(title: str, year: int | None) -> None:
    assert headline_year(title) == year


def test_signature_date_takes_the_last_line() -> None:
    lines = ["(此件公开发布)", "2021年10月11日", "2021年10月12日"]
    assert signature_date(lines) == dt.date(2021, 10, 12)
    assert signature_date(["(此件公开发布)"]) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-05-01T09:00:00+08:00", at(2022, 5, 1, 9, 0)),
        ("2022-05-01T01:00:00Z", dt.datetime(2022, 5, 1, 1, 0, tzinfo=dt.UTC)),
        ("2022-05-01 09:00", at(2022, 5, 1, 9, 0)),
        ("2022-05-01", dt.date(2022, 5, 1)),
        ("2022年5月1日", dt.date(2022, 5, 1)),
        ("May 2022", None),
    ],
)
def test_parse_published(value: str, expected: dt.date | None) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "标准化支撑绿色低碳高质量发展 2023青岛国际标准化大会召开_每日聚焦",
            "标准化支撑绿色低碳高质量发展 2023青岛国际标准化大会召开",
        ),
        ("深圳举办标准化论坛 - 新闻中心", "深圳举办标准化论坛"),
        ("Standards Week Opens | News", "Standards Week Opens"),
        ("标准化 - 深圳市人民政府门户网站首页", "标准化 - 深圳市人民政府门户网站首页"),
        ("标准_新闻", "标准_新闻"),  # too little would be left
    ],
)
def test_clean_title_drops_channel_suffix(title: str, expected: str) -> None:
    assert clean_title(title) == expected


# Whole small articles: which rule dates them, and the value it finds.
NEWS_HANS = f"市场监管总局召开标准化工作会议\n来源:人民网 日期:2022-03-01 10:00\n{SENTENCE}\n"
DATELINE_HEADLINE = f"2024年全国两会标准化议题受关注\n新华社北京3月5日电 代表们认为,{SENTENCE}\n"
DATELINE_LEAD_ONLY = f"新华社北京3月5日电 2024年全国两会标准化议题受到关注。{SENTENCE}\n"
DATELINE_NO_YEAR = f"全国两会标准化议题受关注\n新华社北京3月5日电 代表们认为,{SENTENCE}\n"
NOTICE = (
    "关于开展2022年标准化培训的通知\n各有关单位:\n"
    f"{SENTENCE}\n(此件公开发布)\n市场监管局\n2022年3月15日\n"
)
RELEASE_EN = (
    "2021 Qingdao Forum on International Standardization\nRelease Date:2021-08-01\n"
    "July 28, the forum was held in Qingdao, Shandong Province, with many delegates.\n"
)
RELATED_ONLY_DATES = (
    f"深圳举办标准化论坛\n{SENTENCE}\n相關閱讀\n廣州標準化大會召開 2022年4月1日\n日期:2022-04-01\n"
)


@pytest.mark.parametrize(
    ("text", "published", "rule"),
    [
        (NEWS_HANS, at(2022, 3, 1, 10, 0), "labelled-line"),
        (DATELINE_HEADLINE, dt.date(2024, 3, 5), "dateline"),
        (DATELINE_LEAD_ONLY, dt.date(2024, 3, 5), "dateline"),
        (DATELINE_NO_YEAR, None, None),
        (NOTICE, dt.date(2022, 3, 15), "signature"),
        (RELEASE_EN, dt.date(2021, 8, 1), "labelled-line"),
        (RELATED_ONLY_DATES, None, None),
    ],
    ids=["info", "dateline", "dateline-lead", "no-year", "signature", "release", "related"],
)
def test_published_and_rule(text: str, published: dt.date | None, rule: str | None) -> None:
    article = read_bytes(text.encode(), "a.txt")
    assert article.published == published
    assert article.published_rule == rule


@pytest.mark.parametrize(
    ("lead", "language", "title"),
    [
        (
            "中国消费者报深圳讯(记者张三)4月24日,由深圳市市场监督管理局主办的首届深圳标准化活动周启动。"
            "活动周期间将举办十余场活动。",
            Language.HANS,
            "首届深圳标准化活动周启动",
        ),
        (
            "中國消費者報深圳訊(記者黃劼)4月24日,由深圳市市場監督管理局主辦的首屆深圳標準化活動周啟動。"
            "活動周期間將舉辦十餘場活動。",
            Language.HANT,
            "首屆深圳標準化活動周啟動",
        ),
        (
            "近日,全国标准化工作会议在北京召开,会议总结了过去一年的工作。",
            Language.HANS,
            "全国标准化工作会议在北京召开",
        ),
        (
            "The national standards body opened its annual standards week in Beijing with a "
            "ceremony attended by hundreds of delegates. The week runs until Friday.",
            Language.EN,
            "The national standards body opened its annual standards week in Beijing with",
        ),
    ],
    ids=["hans", "hant", "recently", "en"],
)
def test_title_from_lead(lead: str, language: Language, title: str) -> None:
    assert title_from_lead(lead, language) == title
    article = read_bytes(lead.encode(), "lead.txt")
    assert (article.title, article.language) == (title, language)


@pytest.mark.parametrize(
    ("text", "publisher"),
    [
        (NEWS_HANS, "人民网"),
        (DATELINE_HEADLINE, "新华社"),
        ("深圳举办标准化论坛\n來源:人民網 時間:2022-05-06\n" + SENTENCE, "人民網"),
        (RELEASE_EN, None),
    ],
)
def test_publisher(text: str, publisher: str | None) -> None:
    assert read_bytes(text.encode(), "a.txt").publisher == publisher


@pytest.mark.parametrize(
    ("line", "url"),
    [
        (
            "原文链接:http://www.example.gov.cn/art/2022/3/15/art_1.html",
            "http://www.example.gov.cn/art/2022/3/15/art_1.html",
        ),
        ("原文鏈接:https://www.example.com.tw/a.html", "https://www.example.com.tw/a.html"),
        ("Original link: https://example.org/a", "https://example.org/a"),
        ("原文链接:见附件", None),
    ],
)
def test_source_url_from_the_text(line: str, url: str | None) -> None:
    article = read_bytes(f"深圳举办标准化论坛\n{SENTENCE}\n{line}\n".encode(), "a.txt")
    assert article.url == url
