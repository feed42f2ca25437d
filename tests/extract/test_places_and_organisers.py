"""Where an event happens (the place bound to its verb, else the issuer's city) and who
organises it (主办 before 承办, organized/co-hosted before hosted), in all three scripts."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_helpers import article, english, only_event, read_text

from events.model import Article, Language

PUBLISHED = dt.date(2023, 5, 1)
AFTER = dt.date(2023, 5, 12)  # for reports of past events


@pytest.mark.parametrize(
    ("source", "city"),
    [
        pytest.param(
            article("标准化研讨会于5月10日在青岛召开。", published=PUBLISHED),
            "Qingdao",
            id="在青岛召开",
        ),
        pytest.param(
            article("深圳市市场监督管理局于5月10日召开标准化工作会议。", published=PUBLISHED),
            "Shenzhen",
            id="organiser-in-sentence",
        ),
        pytest.param(
            read_text(
                "深圳市市场监督管理局关于举办标准化培训班的通知\n"
                "各有关单位:\n"
                "培训班定于6月10日至12日举办,请各单位派员参加。\n"
                "2023年5月20日\n"
            ),
            "Shenzhen",
            id="issuer-of-notice",
        ),
        pytest.param(
            english("The Standards Forum was held in Qingdao on May 10.", published=AFTER),
            "Qingdao",
            id="held-in",
        ),
        pytest.param(
            article(
                "標準化研討會於5月10日在青島舉辦。", published=PUBLISHED, language=Language.HANT
            ),
            "Qingdao",
            id="在青島舉辦",
        ),
    ],
)
def test_city(source: Article, city: str) -> None:
    assert only_event(source).city == city


@pytest.mark.parametrize(
    "source",
    [
        article("10月14日是第52届世界标准日。", url="http://scjg.tj.gov.cn/a.html"),
        article(
            "2021年10月14日是第52届世界标准日,深圳市市场监督管理局在深圳举办了宣传活动。",
            published=dt.date(2021, 10, 15),
        ),
    ],
    ids=["city-of-site", "city-in-sentence"],
)
def test_observances_have_no_city(source: Article) -> None:
    observance = only_event(source)
    assert observance.city is None


@pytest.mark.parametrize(
    ("source", "organisers"),
    [
        pytest.param(
            article(
                "标准化论坛于5月10日在青岛举办,由山东省市场监督管理局、青岛市人民政府主办。",
                published=PUBLISHED,
            ),
            ["山东省市场监督管理局", "青岛市人民政府"],
            id="由A、B主办",
        ),
        pytest.param(
            article(
                "標準化論壇於5月10日在青島舉辦,由山東省市場監督管理局、青島市人民政府主辦。",
                published=PUBLISHED,
                language=Language.HANT,
            ),
            ["山東省市場監督管理局", "青島市人民政府"],
            id="由A、B主辦",
        ),
        pytest.param(
            article(
                "标准化论坛将于5月10日在青岛举办。\n主办单位:山东省市场监督管理局、青岛市人民政府",
                published=PUBLISHED,
            ),
            ["山东省市场监督管理局", "青岛市人民政府"],
            id="主办单位:A、B",
        ),
        pytest.param(
            article(
                "标准化论坛于5月10日在青岛举办,由山东省市场监督管理局主办,青岛市标准化研究院承办。",
                published=PUBLISHED,
            ),
            ["山东省市场监督管理局"],
            id="主办-before-承办",
        ),
        pytest.param(
            english(
                "The Standards Forum was held in Qingdao on May 10, organized by Shandong "
                "Provincial Government and the State Administration for Market Regulation.",
                published=AFTER,
            ),
            ["Shandong Provincial Government", "State Administration for Market Regulation"],
            id="organized-by-X-and-the-Y",
        ),
        pytest.param(
            english(
                "The Qingdao Standards Forum was held on May 10. It was co-hosted by the State "
                "Administration for Market Regulation and the People's Government of Shandong "
                "Province, and hosted by the Qingdao Municipal People's Government.",
                published=AFTER,
            ),
            [
                "State Administration for Market Regulation",
                "People's Government of Shandong Province",
            ],
            id="co-hosted-by-the-A-and-the-B",
        ),
        pytest.param(
            english(
                "The Qingdao Standards Forum, co-hosted by ISO and IEC, and hosted by the "
                "Qingdao Municipal People's Government, was held on May 10.",
                published=AFTER,
            ),
            ["ISO", "IEC"],
            id="co-hosted-by-A-and-B",
        ),
    ],
)
def test_organisers(source: Article, organisers: list[str]) -> None:
    assert list(only_event(source).organisers) == organisers
