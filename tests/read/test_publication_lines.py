"""The line where a page dates itself, in the layouts real sites print (one row per layout),
and the lines that look like one and are not. Every text here was written for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from events.read import read_bytes
from events.read.publine import publication_line

BODY = "市场监管局召开标准化工作会议，部署下一阶段的重点任务，各部门负责同志参加了会议。"
EN_BODY = "The committee met to review its work programme and agreed on the next steps."


def _published(text: str) -> dt.date | None:
    article = read_bytes(text.encode(), "page.txt")
    return article.published_date


@pytest.mark.parametrize(
    ("top", "expected"),
    [
        ("2016-09-15 10:15:38\u3000来源:中国质量报", dt.date(2016, 9, 15)),
        ("2023年03月02日", dt.date(2023, 3, 2)),
        ("发布时间：2024-05-28 09:30", dt.date(2024, 5, 28)),
        ("發布日期:111-10-14", dt.date(2022, 10, 14)),
        ("民國112年3月8日 來源:本局", dt.date(2023, 3, 8)),
        ("2024年5月28日 星期二 15:30 來源:本網訊", dt.date(2024, 5, 28)),
        ("点击数:12   录入时间:2014年10月14日    文章来源:", dt.date(2014, 10, 14)),
        ("( | 2021-07-29", dt.date(2021, 7, 29)),
        ("2025-06-27 10:06 Author:admin Source:协会", dt.date(2025, 6, 27)),
        ("2023-05-06 10:56:21 质量新闻网", dt.date(2023, 5, 6)),
        ("2022-06-09128次浏览", dt.date(2022, 6, 9)),
        ("2021/04/12/ 09:30:05本会秘书处", dt.date(2021, 4, 12)),
        (" • 2023-05-02\n • 秘书处", dt.date(2023, 5, 2)),
        ("2019-03-08 王芳 标准化报", dt.date(2019, 3, 8)),
        ("广州日报 2025年10月15日 卢梦谦", dt.date(2025, 10, 15)),
        ("[2016年7月4日] 本局举办标准化培训", dt.date(2016, 7, 4)),
        ("作者:admin 市质量奖评审委员会办公室 2017/4/28(点击:18911)", dt.date(2017, 4, 28)),
        ("承辦人:事業科 上版日期:113-06-01 08:00 下版日期:113-10-01", dt.date(2024, 6, 1)),
    ],
    ids=[
        "date-first-source",
        "date-alone",
        "labelled-time",
        "minguo-dashes",
        "minguo-words",
        "weekday-time-source",
        "among-counters",
        "punctuation",
        "author-source",
        "date-then-site",
        "glued-counter",
        "slash-clock-site",
        "bulleted-date-and-author",
        "date-then-names",
        "paper-date-author",
        "bracketed-lead",
        "office-between-pairs",
        "put-up-date",
    ],
)
def test_chinese_publication_lines(top: str, expected: dt.date) -> None:
    assert _published(f"标准化工作会议召开\n{top}\n{BODY}\n") == expected


@pytest.mark.parametrize(
    ("top", "expected"),
    [
        ("Update on:2021-08-11 15:31", dt.date(2021, 8, 11)),
        ("XinhuaUpdated: October 22, 2019", dt.date(2019, 10, 22)),
        ("23 Nov 2015", dt.date(2015, 11, 23)),
        ("NEWS | October 18, 2022", dt.date(2022, 10, 18)),
        ("Date: 2020-10-09   Source: Standards Office   Views: 356", dt.date(2020, 10, 9)),
        ("Posted on 3 May 2021", dt.date(2021, 5, 3)),
        ("Dated:_14 Oct 2013", dt.date(2013, 10, 14)),
        ("09/23/2022 | Press release", dt.date(2022, 9, 23)),
        ("Jane Doe | 27 July 2016", dt.date(2016, 7, 27)),
        ("Published on: Thursday, October 14, 2021, 05:46 PM", dt.date(2021, 10, 14)),
    ],
    ids=[
        "update-on",
        "glued-label",
        "date-alone",
        "section-bar",
        "date-source-views",
        "posted-on",
        "dated-underscore",
        "month-first",
        "byline",
        "weekday-after-label",
    ],
)
def test_english_publication_lines(top: str, expected: dt.date) -> None:
    assert _published(f"Committee meets in Geneva\n{top}\n{EN_BODY}\n") == expected


def test_a_label_on_the_line_above_its_date() -> None:
    assert _published(f"标准化工作会议召开\n時間:\n2016-06-02\n{BODY}\n") == dt.date(2016, 6, 2)


def test_a_labelled_line_below_a_repeated_lead() -> None:
    text = f"Committee meets\n{EN_BODY}\nUpdated: October 22, 2019\n{EN_BODY}\n"
    assert _published(text) == dt.date(2019, 10, 22)


def test_a_blog_date_header_above_the_post_title() -> None:
    text = f"2020年3月31日 星期二\n\n标准化工作会议召开\n{BODY}\n"
    assert _published(text) == dt.date(2020, 3, 31)
    menu = f"2024-03-29-星期五\n◎首页 │◎新闻 │\n标准化工作会议召开\n{BODY}\n"
    assert _published(menu) is None  # above a site's menu: its clock


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"Dar es Salaam, May 20, 2024 – {EN_BODY}\n", dt.date(2024, 5, 20)),
        (f"NEW YORK, May 19, 2022 /PRNewswire/ -- {EN_BODY}\n", dt.date(2022, 5, 19)),
        (f"W. CONSHOHOCKEN, Pa. — April 27, 2020 — {EN_BODY}\n", dt.date(2020, 4, 27)),
        (f"二OO六年五月二十二日 通知\n{BODY}\n二OO六年五月二十二日\n", dt.date(2006, 5, 22)),
    ],
    ids=["dateline-lower-case-place-word", "newswire", "dash-before-date", "signature-letter-o"],
)
def test_datelines_and_signatures_in_real_spellings(text: str, expected: dt.date) -> None:
    assert _published(f"Standards news\n{text}") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Notice\nYou are about to leave this website for another one. Click OK to proceed.\n"
            "World Standards Day 2025: Productivity through partnership\n"
            f"October 14, 2025\n{EN_BODY}\n",
            dt.date(2025, 10, 14),
        ),
        (
            f"品質獎得主揭曉\n【本報記者 王明 報導】 2024年02月22日 星期四\n{BODY}\n",
            dt.date(2024, 2, 22),
        ),
        (
            f"節能家電展售會開賣\n自由時報 – 2013年10月17日 上午6:11\n{BODY}\n",
            dt.date(2013, 10, 17),
        ),
        (f"Standards webinar slides\nPost on 01-Oct-2021\n{EN_BODY}\n", dt.date(2021, 10, 1)),
    ],
    ids=["under-a-headline-below-a-banner", "bracketed-byline", "clock-after-shangwu", "post-on"],
)
def test_more_publication_lines(text: str, expected: dt.date) -> None:
    assert _published(text) == expected


def test_a_bare_date_under_a_short_heading_below_the_story_is_not_the_pages() -> None:
    text = f"Committee news\n{EN_BODY}\nDrafts\nAug. 11, 2009\n{EN_BODY}\n"
    assert _published(text) is None


def test_a_schedules_day_with_a_colon_is_not_the_pages() -> None:
    text = f"Important Dates\n7 July 2013:\nDeadline for position papers\n{EN_BODY}\n"
    assert _published(text) is None
    assert _published(f"标准化工作会议召开\n2016-06-06內容訊息:\n{BODY}\n") == dt.date(2016, 6, 6)


def test_a_date_line_closing_the_page() -> None:
    assert _published(f"标准化工作会议召开\n{BODY}\n{BODY}\n2015/09/16\n") == dt.date(2015, 9, 16)


@pytest.mark.parametrize(
    "text",
    [
        f"2024年11月23日 星期六\n首页 > 新闻 > 正文\n标准化工作会议召开\n{BODY}\n",  # a clock
        f"2024年11月05日\n星期二\n标准化工作会议召开\n{BODY}\n",  # weekday on its own line
        f"标准化工作会议召开\n{BODY}\n相关新闻\n日期:2022-04-01\n",  # another article's date
        f"标准化论坛于2023年6月9日在青岛开幕\n{BODY}\n",  # a headline's event date
        f"Forum opens 27 July 2016\n{EN_BODY}\n",  # the same in English
        f"标准化工作会议召开\n{BODY}\n活动时间:2021年10月14日至28日\n{BODY}\n",  # a notice's window
        f"标准化工作会议召开\n{BODY}\nGMT+8, 2025-3-7 10:12\n",  # a forum's clock
        # a date under every item of a list, the last one closing the page
        f"{BODY}\n2013-11-23 16:55\n{BODY}\n2013-11-20 10:34\n{BODY}\n2013-10-09 19:43\n",
    ],
    ids=[
        "clock-widget",
        "widget-weekday-below",
        "related",
        "headline",
        "en-headline",
        "window",
        "forum-clock",
        "listing",
    ],
)
def test_lines_that_are_not_the_publication_date(text: str) -> None:
    assert _published(text) is None


def test_a_bare_publication_line_leaves_the_body() -> None:
    article = read_bytes(f"Committee meets\nNEWS | October 18, 2022\n{EN_BODY}\n".encode(), "p.txt")
    assert "October 18" not in article.body
    assert article.lead == EN_BODY


def test_the_rule_is_reported() -> None:
    found = publication_line(["Committee meets", "Posted on 3 May 2021", EN_BODY])
    assert found is not None and found.rule == "labelled-line" and found.index == 1


def test_a_slash_date_is_day_first_on_a_chinese_page() -> None:
    assert _published(f"01/04/2010\n检测认证局倡推动四行业服务\n{BODY}\n") == dt.date(2010, 4, 1)


def test_the_last_day_of_a_span_is_not_the_page_date() -> None:
    assert _published(f"Kaleidoscope 2015\n9-11 December 2015, Barcelona\n{EN_BODY}\n") is None


def test_a_machine_stamp_may_carry_a_section_and_a_region() -> None:
    text = f"市场监管局开展宣传活动\n政务   2024-10-15 20:04   内蒙古\n{BODY}\n"
    assert _published(text) == dt.date(2024, 10, 15)


def test_the_articles_own_date_wins_over_a_site_update_footer() -> None:
    text = f"研討會\n{BODY}\n編修日期:2019/05/17\n上稿單位:標準檢驗局\n更新日期: 2024年9月27日\n"
    assert _published(text) == dt.date(2019, 5, 17)


def test_a_sites_slogan_above_the_headline_is_not_the_story() -> None:
    text = (
        f"Follow the news of our members here.\nCommittee meets in Geneva\n14 Jun 2019\n{EN_BODY}\n"
    )
    assert _published(text) == dt.date(2019, 6, 14)


def test_a_label_a_little_way_into_its_line() -> None:
    line = "產業動態 本新聞稿發佈於2019/03/29,由發布之企業承擔內容之立場與責任,與本站無關"
    assert _published(f"标准化工作会议召开\n{line}\n{BODY}\n") == dt.date(2019, 3, 29)


def test_a_forum_posts_own_line_below_a_long_menu() -> None:
    menu = "\n".join(["设为首页", "找回密码", "立即注册", "快速开始", "热搜: 活动", "查看: 56"] * 4)
    text = f"{menu}\n本地论坛\n发表于 2021-03-09 08:15:02 | 只看该作者\n{BODY}\n"
    assert _published(text) == dt.date(2021, 3, 9)


def test_a_list_items_update_time_below_the_menu_is_not_the_pages() -> None:
    menu = "\n".join(f"• 栏目{n}" for n in range(20))
    text = f"{menu}\n• 台风消息(更新時間:2024-05-30 18:10)\n{BODY}\n"
    assert _published(text) is None


@pytest.mark.parametrize(
    ("closing", "expected"),
    [
        ("評審委員會也將公布名單。1121103(中央社)", dt.date(2023, 11, 3)),
        ("主辦單位歡迎民眾參加。（編輯：王小明）1130520", dt.date(2024, 5, 20)),
        ("主辦單位歡迎民眾參加。0990412", None),  # no Minguo year
        ("報名人數共1130520人", None),  # a count, not a sign-off
    ],
    ids=["before-agency", "after-editor", "no-year", "count"],
)
def test_a_wire_storys_minguo_sign_off(closing: str, expected: dt.date | None) -> None:
    text = f"經濟部舉辦節能表揚大會\n經濟部今天舉辦節能表揚大會,由部長親自頒獎。\n{closing}\n"
    assert _published(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"Quality week ends\nBy Jane Doe on 16 November 2016\n{EN_BODY}\n", dt.date(2016, 11, 16)),
        (
            f"Bureau opens lab\nBusiness News of Tuesday, 12 October 2021\n{EN_BODY}\n",
            dt.date(2021, 10, 12),
        ),
        (
            "Lab opens\n2024-03-06 – Today, the Bureau opened its new laboratory.\n",
            dt.date(2024, 3, 6),
        ),
        (f"標準檢驗局公告\n發稿時間:2024/03/13 16:44:31\n{BODY}\n", dt.date(2024, 3, 13)),
        (f"節能活動開跑\n111/09/26\n{BODY}\n", dt.date(2022, 9, 26)),
        (f"病人安全活動\n2009/10/18(2022/3/15 20:3更新)\n{BODY}\n", dt.date(2009, 10, 18)),
        (f"【新聞台2013年01月21日訊】(記者台北21日電){BODY}\n", dt.date(2013, 1, 21)),
        (f"人民网2024年5月9日电 {BODY}\n", dt.date(2024, 5, 9)),
        (f"環保署表揚績優單位\n109-09-30 [行政院環境保護署]\n{BODY}\n", dt.date(2020, 9, 30)),
        (f"環保署表揚績優單位\n2020-09-30 【管考處】\n{BODY}\n", dt.date(2020, 9, 30)),
        (f"关于开展世界认可日活动的通知发表时间:2018-09-04 09:49\n{BODY}\n", dt.date(2018, 9, 4)),
        (
            f"标题\nhttp://www.example.com.cn 2004年07月08日06:27 深圳商报\n{BODY}\n",
            dt.date(2004, 7, 8),
        ),
        (f"Congress impressions\n14. September 2018\n{EN_BODY}\n", dt.date(2018, 9, 14)),
        (
            "Meeting\nLincoln, NE (PRWEB) June 02, 2015 -- The conference prepares its meeting.\n",
            dt.date(2015, 6, 2),
        ),
    ],
    ids=[
        "by-name-on",
        "news-of-weekday",
        "iso-date-dash",
        "fagao-time",
        "minguo-alone",
        "touched-later",
        "bracketed-dateline-with-year",
        "dateline-with-year",
        "minguo-and-office",
        "office-bracket",
        "label-glued-to-title",
        "site-address-beside",
        "day-with-a-dot",
        "wire-before-the-date",
    ],
)
def test_more_layouts_of_a_pages_own_date(text: str, expected: dt.date) -> None:
    """Bylines, wire datelines with their year, a posting office beside the date, a label
    glued to the title: each a layout the fourth session's corpus showed."""
    assert _published(text) == expected


def test_a_clock_stamp_and_a_report_date_below_a_long_menu() -> None:
    menu = "\n".join(f"  • 欄目{n}" for n in range(18))
    assert _published(f"{menu}\n澳聞集納\n\n2015-11-07 06:30\n\n{BODY}\n") == dt.date(2015, 11, 7)
    assert _published(f"{menu}\n出國報告\n報告日期: 95/08/14\n{BODY}\n") == dt.date(2006, 8, 14)


@pytest.mark.parametrize(
    "text",
    [
        f"CEN news\nPublished on 05/06/20 by J. Smith\n{EN_BODY}\n",
        f"Agreement\nThe MoU was signed by the minister on 16 November 2016.\n{EN_BODY}\n",
        *(
            f"Metrology Day lecture\n{top}\n{EN_BODY}\n"
            for top in (
                "Location - Geneva\nDate: Friday, May 19, 2017\nDuration: All Day",
                "Date: February 27 – March 3, 2017\nVenue: Moscone Center",
                "Date: 12 June 2018\nTime: 10:00-12:00\nVenue: Room 3",
                "日期:2018年6月12日\n地點:本局第一會議室",
            )
        ),
        f"Expo\nFebruary 27 – March 3, 2017\n{EN_BODY}\n",
        f"标题\n{BODY}\n本标准的发布时间为2018年9月4日,实施时间另行通知。\n",
        f"Approved SEC Meeting Minutes\n12 December 2013\nJane Doe\nJohn Roe\n{EN_BODY}\n",
        f"Draft Minutes\nSEC Teleconference\n28 January 2013\nJane Doe\nJohn Roe\n{EN_BODY}\n",
        "22 November 2018\nOrganised by the Committee | Venue: Management Centre, Brussels\n"
        f"{EN_BODY}\n{EN_BODY}\n",
        *(
            f"Posters\n{top}\n{EN_BODY}\n{EN_BODY}\n"
            for top in (
                "NCSL International\n- Formation: September 15, 1961",
                "Deadline: 15 December 2024",
                "Deadline for abstract submission\n15 December 2024",
                "World Accreditation Day June 9th, 2012",
            )
        ),
    ],
    ids=[
        "two-figure-year-is-no-minguo-year",
        "signed-by-in-a-sentence",
        "card-date-among-fields",
        "card-span-with-venue",
        "card-date-time-venue",
        "card-zh-date-and-place",
        "last-day-of-a-span",
        "sentence-saying-when-published",
        "under-minutes-title",
        "under-minutes-then-meeting",
        "above-organiser-and-venue",
        "history-label",
        "deadline-label",
        "deadline-above",
        "observance-beside",
    ],
)
def test_a_day_that_is_not_the_pages_own(text: str) -> None:
    """A date near the top that belongs to an event's card, a meeting's minutes, a deadline, a
    history or a sentence: none of them dates the page."""
    assert _published(text) is None
