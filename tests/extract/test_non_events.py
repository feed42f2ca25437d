"""Dates that are not events of the article stay out: its own publication and signature dates,
history, plans and targets, and the related-article list and footer around it."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_helpers import article, read_text, starts

from events.model import Article

EVENT = "6月9日,2023青岛国际标准化大会在青岛召开。"
EVENT_START = "2023-06-09"


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(
            read_text(f"2023青岛国际标准化大会召开\n发布日期:2023-06-12\n{EVENT}\n"),
            id="publication-line",
        ),
        pytest.param(
            read_text(
                "关于举办2023青岛国际标准化大会的通知\n"
                "各有关单位:\n"
                f"{EVENT}\n"
                "青岛市市场监督管理局\n"
                "2023年5月20日\n"
            ),
            id="signature-date",
        ),
        pytest.param(
            article(f"{EVENT}\nISO成立于1947年2月23日,是全球最大的国际标准化组织。"),
            id="founding-date",
        ),
        pytest.param(
            article(
                f"{EVENT}\n国际标准化组织(ISO)成立于1947年2月23日。",
                published=dt.date(2023, 6, 12),
            ),
            id="founding-date-published",
        ),
        pytest.param(
            article(f"{EVENT}\n大会发布了2024-2025年国际标准化工作计划。"), id="plan-years"
        ),
        pytest.param(
            article(f"{EVENT}\n会议部署了“十四五”期间标准化重点工作。"), id="five-year-plan"
        ),
        pytest.param(
            article(f"{EVENT}\n到2030年,标准供给由政府主导向政府与市场并重转变。"), id="target"
        ),
        pytest.param(
            read_text(
                "2023青岛国际标准化大会召开\n"
                "发布日期:2023-06-12\n"
                f"{EVENT}\n"
                "相关阅读\n"
                "2023世界动力电池大会6月9日在宜宾开幕\n"
                "福建认证认可宣传活动6月12日在福州举办\n"
            ),
            id="related-list",
        ),
        pytest.param(
            read_text(
                "2023青岛国际标准化大会召开\n"
                "发布日期:2023-06-12\n"
                f"{EVENT}\n"
                "版权所有:青岛市市场监督管理局 2023年1月1日更新 ICP备12345号\n"
            ),
            id="footer",
        ),
    ],
)
def test_only_the_article_event_is_reported(source: Article) -> None:
    assert starts(source) == [EVENT_START]


@pytest.mark.parametrize(
    "body",
    [
        "ISO成立于1947年2月23日,总部设在日内瓦。",
        "会议审议了2024-2025年工作计划。",
        "到2030年,标准化工作实现全面转型。",
        "会议于2月30日召开。",
    ],
)
def test_articles_without_events_report_none(body: str) -> None:
    assert starts(article(body, published=dt.date(2023, 5, 1))) == []
