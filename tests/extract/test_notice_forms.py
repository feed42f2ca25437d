"""Notices as real pages write them: deadlines, periods that stay open, schedule rows and
the date forms notices use (numeric, Minguo, spans from 起 to 止), in all three scripts, with
sentences written for these tests; the lines that look like one and are not sit beside them."""

from __future__ import annotations

import pytest
from extract_helpers import spans as events_of


# Deadlines said outright, or a "before" whose sentence says what is handed in; a count "as
# of" a day is not one.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "News\nDate: 2023-03-01\nEntries for the student essay prize are due by April 28, "
            "2023 (noon).",
            [("2023-04-28", "2023-04-28", "deadline")],
        ),
        (
            "News\nDate: 2021-06-01\nThe draft code of practice is open for comment until "
            "12 July 2021.",
            [("2021-07-12", "2021-07-12", "deadline")],
        ),
        ("News\nDate: 2021-06-01\nThe photo exhibition stays open until 12 July 2021.", []),
        (
            "公告\n本次试点申请将于2025年3月20日到期,逾期不再受理。",
            [("2025-03-20", "2025-03-20", "deadline")],
        ),
        (
            "公告\n發布日期:2024-02-01\n有意參加的單位可於3月8日或之前填妥表格。",
            [("2024-03-08", "2024-03-08", "deadline")],
        ),
        (
            "公告\n發布日期:2024-02-01\n請於2024/03/15 17:00前完成線上繳費。",
            [("2024-03-15", "2024-03-15", "deadline")],
        ),
        ("通报\n截至2022年6月30日,全市共有1200家企业完成自我声明公开。", []),
    ],
    ids=["en-due-by", "en-comment-until", "en-open-until", "hans-expires", "hant-or-before",
         "hant-numeric-before", "hans-as-of"],
)  # fmt: skip
def test_deadlines(text: str, expected: list[tuple[str, str | None, str]]) -> None:
    assert events_of(text) == expected


# A span the text calls a period of something being open (an application or objection window)
# is an event; two days in a row, listed, are one span.
@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("公示\n发布时间:2021-05-06\n公示期为5月7日至5月13日。", ("2021-05-07", "2021-05-13")),
        (
            "消息\n發布日期:2023-08-01\n該局於2023年8月7日至9月6日期間就草案諮詢業界意見。",
            ("2023-08-07", "2023-09-06"),
        ),
        (
            "消息\n发布时间:2019-04-02\n两位专家于4月9日及10日考察了实验室。",
            ("2019-04-09", "2019-04-10"),
        ),
    ],
    ids=["hans-publicity-period", "hant-consultation-span", "hans-two-days-listed"],
)  # fmt: skip
def test_periods_and_listed_days(text: str, span: tuple[str, str]) -> None:
    assert [e[:2] for e in events_of(text)] == [span]


# A schedule row: a short line of a date and what happens on it; a dateline, a revision note,
# a signature year and a headline list stamped with numeric dates are not rows.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "考試時程\n發布日期:2022-09-01\n本年度檢定考試依下列時程辦理,請考生留意各項日期並準時應試。\n"
            "筆試日期 111年10月23日(日)\n成績公告 111年11月17日(四) 14:00",
            [("2022-10-23", "2022-10-23", "other"), ("2022-11-17", "2022-11-17", "other")],
        ),
        (
            "Key dates\nDate: 2019-05-02\nThe annual meeting of members will be held in Oslo, and "
            "these are the dates to keep in mind.\n3 June - Early registration closes\n"
            "10 June - Hotel rate ends",
            [("2019-06-03", "2019-06-03", "deadline"), ("2019-06-10", "2019-06-10", "deadline")],
        ),
        ("标准动态\n市局召开标准化工作会议 2023-10-13\n团体标准宣贯会举行 2023-10-08", []),
        ("規範\n(2020年4月14日第二次修訂)", []),
        (
            "会议安排\n本届论坛分主论坛和分论坛,请各单位按时参会,具体安排如下。\n"
            "第五届信息通讯标准论坛 10月12日",
            [("--10-12", "--10-12", "forum")],
        ),
    ],
    ids=["hant-exam-rows", "en-key-dates", "stamped-headlines", "revision-note", "news-word"],
)  # fmt: skip
def test_schedule_rows(text: str, expected: list[tuple[str, str | None, str]]) -> None:
    assert events_of(text) == expected


# Date forms: a numeric day first unless it cannot be; a Minguo year in Chinese numerals; a
# span from 起 to 止 across Minguo years; the Taiwanese press's 今(10)日; a deadline after a
# clock time; a date glued to the word before it.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Notice\nClosing date for comments 28/03/2022",
            [("2022-03-28", "2022-03-28", "deadline")],
        ),
        (
            "公告\n業者應於中華民國一百年六月三十日前提交申請文件。",
            [("2011-06-30", "2011-06-30", "deadline")],
        ),
        (
            "公告\n報名收件自112年12月20日起至113年1月31日止。",
            [("2023-12-20", "2024-01-31", "campaign")],
        ),
        (
            "新聞稿\n發布日期:2015-04-08\n品質研討會今(8)日在台中舉行。",
            [("2015-04-08", "2015-04-08", "meeting")],
        ),
        (
            "Notice\nDate: 2016-01-04\nThe agency requests comments by 5:00 pm EST on "
            "February 1, 2016.",
            [("2016-02-01", "2016-02-01", "deadline")],
        ),
        (
            "Workshop\nThe workshop takes place in Lisbon, Portugal12-14 March 2018.",
            [("2018-03-12", "2018-03-14", "meeting")],
        ),
    ],
    ids=["numeric-day-first", "minguo-numerals", "minguo-span", "bracketed-today",
         "deadline-after-clock", "glued-range"],
)  # fmt: skip
def test_more_date_forms(text: str, expected: list[tuple[str, str | None, str]]) -> None:
    assert events_of(text) == expected


@pytest.mark.parametrize(
    ("text", "start"),
    [
        (
            "News\nDate: 2018-04-25\nThe congress opened in Vienna as a ceremony was held Monday.",
            "2018-04-23",
        ),
        (
            "News\nDate: 2018-04-25\nThe day before, Tuesday the 24th, was given to the Seminars.",
            "2018-04-24",
        ),
        ("公告\n報名收件自5月2日起至5月30日止,逾期不受理。", "--05-02"),
    ],
    ids=["weekday-without-on", "weekday-the-day", "window-alone"],
)  # fmt: skip
def test_weekdays_without_on_and_windows(text: str, start: str) -> None:
    assert [e[0] for e in events_of(text)] == [start]


def test_a_standard_in_force_before_a_day_is_no_deadline() -> None:
    text = (
        "通知\n申报的标准应为现行有效且于2021年6月30日前实施的标准。"
        "请于2023年9月1日前报送申报材料。"
    )
    assert events_of(text) == [("2023-09-01", "2023-09-01", "deadline")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Notice\nDate: 2021-02-01\nThe consultation report is due March 15, 2021.",
            [("2021-03-15", "2021-03-15", "deadline")],
        ),
        ("Letter\nRef. / TSB/CS 12 / Geneva, 21 October 2016\nDear Sir or Madam,", []),
    ],
    ids=["due-without-on", "letter-reference"],
)
def test_due_and_letter_references(text: str, expected: list[tuple[str, str | None, str]]) -> None:
    assert events_of(text) == expected


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "活動公告\n發布日期:2021-11-20\n本會辦理誠信店評選,歡迎商號踴躍參加。\n報名日期\n"
            "2021年12月3日至2022年1月21日\n",
            ("2021-12-03", "2022-01-21"),
        ),
        (
            "消息\n發布日期:2015-06-20\n繼6月18、19日辦理綠色市集後,本局將持續推廣。",
            ("2015-06-18", "2015-06-19"),
        ),
        (
            "新聞稿\n發布日期:2013-07-24\n新北市政府於今日(24)舉辦記者會。",
            ("2013-07-24", "2013-07-24"),
        ),
    ],
    ids=["label-line-above-a-span", "two-days-listed-with-a-comma", "today-bracketed-after"],
)  # fmt: skip
def test_label_lines_lists_and_bracketed_days(text: str, span: tuple[str, str]) -> None:
    assert [e[:2] for e in events_of(text)] == [span]
