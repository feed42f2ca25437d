"""Page parts kept out of the body: one table per kind of line, in simplified, traditional
and English phrasings, then whole pages where the parts follow each other."""

from __future__ import annotations

import pytest

from events.read import read_bytes
from events.read.parts import BODY, classify, is_headline, segment

PARAGRAPH_HANS = (
    "3月1日,市场监管总局在北京召开标准化工作会议,部署全年标准化重点任务,要求各地加快推进。"
)
PARAGRAPH_HANT = "5月6日,深圳標準化論壇在深圳舉行,來自各地的專家學者參加了論壇並進行了深入的交流。"
PARAGRAPH_EN = (
    "The annual standards week opened in Geneva on July 28 with delegates from many countries."
)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("当前位置:首页 > 新闻中心 > 工作动态", "breadcrumb"),
        ("當前位置:首頁 > 新聞中心", "breadcrumb"),
        ("您现在的位置:首页 > 政务公开", "breadcrumb"),
        ("Home > News > Events", "breadcrumb"),
        ("来源:人民网 日期:2022-03-01 10:00", "info"),
        ("來源:人民網 時間:2022-05-06", "info"),
        ("发布时间:2021-10-19 16:20 字号:大 中 小", "info"),
        ("时间:2021-10-22 作者: 来源:", "info"),
        ("Release Date:2021-08-01", "info"),
        ("Published: 2021-08-01", "info"),
        ("分享到:微信 微博", "share"),
        ("关注公众号:人民网财经", "share"),
        ("掃一掃在手機打開當前頁", "share"),
        ("【字体:大 中 小】 打印本页 关闭窗口", "share"),
        ("Share this article", "share"),
        ("版权所有:深圳市市场监督管理局 粤ICP备12345678号", "footer"),
        ("版權所有:深圳市市場監督管理局", "footer"),
        ("Copyright 2021 Example Org. All rights reserved.", "footer"),
        ("网站标识码:4403000001", "footer"),
        ("相关阅读", "related"),
        ("相關閱讀", "related"),
        ("相关新闻:", "related"),
        ("Related", "related"),
        ("Related articles", "related"),
        ("附件:1.培训报名表.docx", "attachments"),
        ("附件", "attachments"),
        ("Attachments:", "attachments"),
        ("2021年世界标准日宣传海报.pdf", "attachments"),
        ("联系人:张三,电话:010-12345678", "contact"),
        ("聯繫人:李四", "contact"),
        ("Tel: +86 10 1234 5678", "contact"),
        ("免责声明:本站转载内容仅供学习交流", "disclaimer"),
        ("免責聲明:本網轉載內容僅供參考", "disclaimer"),
        ("Disclaimer: views are the authors' own", "disclaimer"),
        ("原文链接:http://www.example.gov.cn/art/1.html", "source"),
        ("原文鏈接:https://www.example.com.tw/a.html", "source"),
        ("Original link: https://example.org/a", "source"),
        ("2021年10月11日", "signature"),
        ("(此件公开发布)", "signature"),
        ("2021世界标准日纪念大会.jpg", "chrome"),
        ("(資料圖片僅供參考)", "chrome"),
        (PARAGRAPH_HANS, BODY),
        (PARAGRAPH_HANT, BODY),
        (PARAGRAPH_EN, BODY),
        ("活动时间:10月14日及前后各两周时间内。", BODY),  # a label inside the text, no date line
    ],
)
def test_classify_line(line: str, kind: str) -> None:
    assert classify(line, None) == kind


@pytest.mark.parametrize(
    "related_head", ["相关阅读", "相關閱讀", "Related", "推荐阅读", "More news"]
)
def test_related_list_runs_to_the_end_with_its_dates(related_head: str) -> None:
    lines = [
        PARAGRAPH_HANS,
        related_head,
        "全国标准化技术委员会年会在杭州召开 2022年2月15日",
        "人民網北京6月9日電(記者孫博洋)記者從市場監管總局獲悉,6月9日,主",
        "Another forum held on 2021-07-01",
        PARAGRAPH_HANT,  # even a paragraph-like teaser after the heading is the list's
    ]
    result = segment(lines)
    assert result.body == [PARAGRAPH_HANS]
    assert result.parts["related"] == lines[1:]


def test_footer_followed_by_a_real_paragraph_does_not_end_the_article() -> None:
    long_paragraph = PARAGRAPH_HANS + "会议还讨论了国家标准化发展纲要的实施情况和下一步工作安排。"
    result = segment([PARAGRAPH_HANS, "联系我们", long_paragraph])
    assert result.body == [PARAGRAPH_HANS, long_paragraph]
    assert result.parts["footer"] == ["联系我们"]


def test_numbered_attachment_items_follow_their_heading() -> None:
    result = segment([PARAGRAPH_HANS, "附件:", "1.培训报名表", "2.培训日程安排"])
    assert result.body == [PARAGRAPH_HANS]
    assert result.parts["attachments"] == ["附件:", "1.培训报名表", "2.培训日程安排"]


def test_second_contact_line_stays_with_the_contact_block() -> None:
    result = segment([PARAGRAPH_HANS, "联系人:张三,电话:010-12345678", "李四,电话:010-87654321"])
    assert result.body == [PARAGRAPH_HANS]
    assert len(result.parts["contact"]) == 2


def test_short_chrome_before_the_article_is_not_body() -> None:
    result = segment(["今天是", "News", PARAGRAPH_HANS])
    assert result.body == [PARAGRAPH_HANS]
    assert result.parts["chrome"] == ["今天是", "News"]


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        ("市场监管总局召开标准化工作会议", True),
        ("標準化支撐綠色低碳高質量發展 2023青島國際標準化大會召開", True),
        ("2021 Qingdao Forum on International Standardization", True),
        ("标准化工作会议能否推动产业升级？", True),
        ("市标准化委员会各成员单位、各区市场监管局:", False),
        (PARAGRAPH_HANS, False),
        ("标准", False),
    ],
)
def test_is_headline(line: str, headline: bool) -> None:
    assert is_headline(line) is headline


HANS_PAGE = f"""当前位置:首页 > 新闻中心 > 工作动态
市场监管总局召开标准化工作会议
来源:人民网 日期:2022-03-01 10:00
分享到:微信 微博
{PARAGRAPH_HANS}
会议还讨论了国家标准化发展纲要的实施情况和下一步工作安排,与会代表进行了充分交流。
相关阅读
市场监管总局召开质量工作会议 2022-02-20
全国标准化技术委员会年会在杭州召开 2022年2月15日
版权所有:市场监管总局 京ICP备12345678号
"""

HANT_PAGE = f"""當前位置:首頁 > 新聞中心
深圳舉辦標準化論壇
來源:人民網 時間:2022-05-06
分享到:微信
{PARAGRAPH_HANT}
論壇期間還舉辦了多場專題研討會,與會代表圍繞標準化與創新發展展開了深入討論。
相關閱讀
廣州標準化大會召開 2022年4月1日
版權所有:深圳市市場監督管理局
"""

EN_PAGE = f"""Home > News
Standards Week Opens in Geneva
Release Date:2021-08-01
Share this article
{PARAGRAPH_EN} It will run for five days.
Related
Another forum held on 2021-07-01
Copyright 2021 Example Org. All rights reserved.
"""

NOTICE = f"""关于开展2022年标准化培训的通知
各有关单位:
为提升标准化工作水平,我局定于近期举办标准化培训班,现将有关事项通知如下。
{PARAGRAPH_HANS}
附件:1.培训报名表.docx
2.培训日程安排.pdf
联系人:张三,电话:010-12345678
(此件公开发布)
市场监管局
2022年3月15日
原文链接:http://www.example.gov.cn/art/2022/3/15/art_1.html
免责声明:本站转载内容仅供学习交流,如有侵权请联系删除。
"""


@pytest.mark.parametrize(
    ("page", "absent"),
    [
        (HANS_PAGE, ["当前位置", "来源", "分享到", "相关阅读", "2022-02-20", "2月15日", "ICP"]),
        (HANT_PAGE, ["當前位置", "來源", "分享到", "相關閱讀", "4月1日", "版權所有"]),
        (EN_PAGE, ["Home >", "Release Date", "Share this", "Related", "2021-07-01", "Copyright"]),
        (NOTICE, ["附件", ".pdf", "联系人", "此件", "2022年3月15日", "原文链接", "免责声明"]),
    ],
    ids=["hans", "hant", "en", "notice"],
)
def test_body_holds_the_article_only(page: str, absent: list[str]) -> None:
    article = read_bytes(page.encode(), "page.txt")
    for text in absent:
        assert text not in article.body, text
    assert article.body.splitlines()[0] == article.lead


def test_nothing_is_lost_between_body_and_parts() -> None:
    article = read_bytes(NOTICE.encode(), "notice.txt")
    kept = set(article.body.splitlines()) | {article.title}
    kept |= {line for lines in article.parts.values() for line in lines}
    assert kept == {line for line in NOTICE.splitlines() if line}


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("办公时间:周一至周五 9:00-17:00", "footer"),
        (
            "讲座地点为本局会议厅,以普通话进行,有兴趣参加的市民可于即日起至月底期间,"
            "于办公时间内致电本局报名,名额有限,额满即止。",
            BODY,
        ),
        ("时间:2019年10月3日(星期四)下午2时 地点:本署第二会议室", BODY),
        ("时间:2019-10-03 09:30", "info"),
    ],
    ids=["footer-hours", "hours-in-a-sentence", "when-and-where", "page-time"],
)
def test_words_a_footer_or_a_date_line_shares_with_the_story(line: str, kind: str) -> None:
    assert classify(line, None) == kind


def test_a_related_heading_above_the_only_story_leaves_it_in_the_body() -> None:
    story = (
        "一、依本部修正之评选要点办理,申请人应于受理期限截止前取得绿建筑标章,"
        "并检附建筑物使用执照及相关证明文件向本部提出申请,逾期概不受理。"
    )
    result = segment(["延伸阅读:", "本部办理绿建筑评选活动", story])
    assert result.body == ["延伸阅读:", "本部办理绿建筑评选活动", story]
    assert "related" not in result.parts


def test_a_related_list_of_titles_after_a_short_page_stays_apart() -> None:
    result = segment(["延伸阅读:", "本部办理绿建筑评选活动", "标准化论坛在青岛召开"])
    assert result.body == []
    assert result.parts["related"] == [
        "延伸阅读:",
        "本部办理绿建筑评选活动",
        "标准化论坛在青岛召开",
    ]
