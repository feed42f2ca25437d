"""The forms the real-page corpus showed, one table per rule, in all three scripts where the
rule applies, with sentences written for these tests (never copied from a page); the rows that
look like an event and are not sit beside the ones that are."""

from __future__ import annotations

import pytest
from extract_helpers import spans as events_of


def day_of(year: int) -> tuple[str, str, str]:
    return (f"{year}-10-14", f"{year}-10-14", "observance")


# Years an ordinal fixes: the 1st World Standards Day was in 1970.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("标题\n今年是第53个世界标准日，各地开展宣传。", [day_of(2022)]),
        ("標題\n今年迎來第54屆世界標準日。", [day_of(2023)]),
        ("News\nThis year marks the 55th World Standards Day.", [day_of(2024)]),
        ("标题\n10月14日是第49届“世界标准日”。", [day_of(2018)]),
    ],
    ids=["hans-ge", "hant-jie", "en-ordinal", "hans-quoted-name"],
)
def test_an_ordinal_dates_the_observance(
    text: str, expected: list[tuple[str, str | None, str]]
) -> None:
    assert events_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "标题\n1969年9月，理事会决定将每年的10月14日定为世界标准日。",
        "News\nWorld Standards Day is celebrated every year on 14 October.",
        "標題\n2023年6月1日報道：1970年10月14日舉行了第一屆世界標準日慶祝活動。",
    ],
    ids=["definition-hans", "definition-en", "history-hant"],
)
def test_the_definition_and_history_of_the_day_are_not_occurrences(text: str) -> None:
    assert [e for e in events_of(text) if e[2] == "observance"] == []


def test_an_event_named_after_the_day_is_that_event() -> None:
    found = events_of("标题\n2021年10月14日，市局定于当天举办2021年世界标准日主题活动。")
    assert ("2021-10-14", "2021-10-14", "observance") not in found
    assert [e[0] for e in found] == ["2021-10-14"]


def test_a_year_written_with_the_name_dates_the_day() -> None:
    found = events_of("News\nThe city joins World Standards Day 2008 celebrations on October 14.")
    assert ("2008-10-14", "2008-10-14", "observance") not in found  # a celebration, not the day
    assert events_of("News\nWorld Standards Day 2008 falls on October 14.")[0][:2] == (
        "2008-10-14",
        "2008-10-14",
    )


# Minguo years are Gregorian + 1911, in traditional text only.
@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("標題\n研討會於111年10月14日在臺北舉行。", "2022-10-14"),
        ("標題\n研討會於民國112年3月8日在臺中舉行。", "2023-03-08"),
    ],
)
def test_minguo_years(text: str, start: str) -> None:
    assert [e[0] for e in events_of(text)] == [start]


def test_a_short_year_in_simplified_text_is_no_year() -> None:
    assert events_of("标题\n123年5月6日,标准化大会在深圳召开。") == []


# Ranges keep their end.
@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("标题\n第39届大会将于2016年9月9日——14日在北京召开。", ("2016-09-09", "2016-09-14")),
        ("标题\n培训班于2023年7月25日至8月3日举办。", ("2023-07-25", "2023-08-03")),
        ("標題\n研討會於2022年十一月八日至十一日舉行。", ("2022-11-08", "2022-11-11")),
        ("News\nThe plenary was held from 16 to 18 September 2019.", ("2019-09-16", "2019-09-18")),
        ("News\nThe Forum will be held June 9-11, 2023 in Qingdao.", ("2023-06-09", "2023-06-11")),
    ],
    ids=["double-dash", "cross-month", "chinese-numerals", "from-to", "en-range-year"],
)
def test_ranges_keep_their_end(text: str, span: tuple[str, str]) -> None:
    assert [e[:2] for e in events_of(text)] == [span]


# A one-day event ends on its day; something said only to begin then has no known end.
@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("标题\n标准化论坛将于3月5日在北京举办。", "--03-05"),
        ("标题\n3月5日，标准化宣传周在北京启动。", None),
        ("News\nThe awareness campaign was launched on March 5.", None),
    ],
    ids=["one-day", "launch", "en-launch"],
)
def test_the_end_of_a_single_day(text: str, end: str | None) -> None:
    assert [e[1] for e in events_of(text)] == [end]


# Days given relative to the page's own date.
@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("论坛开幕\n2017-06-27 07:19 来源:本报\n从今天开始,本市将举办标准化论坛。", "2017-06-27"),
        ("标准化论坛开讲\n发布时间:2019-09-07\n标准化论坛昨在深开讲,专家齐聚。", "2019-09-06"),
        ("标准化论坛开幕\n发布时间:2017-06-27\n28日上午,标准化论坛将在酒店开幕。", "2017-06-28"),
        ("IEC\nUpdated: October 22, 2019\nThe general meeting opened on Monday.", "2019-10-21"),
    ],
    ids=["today", "yesterday", "day-only", "weekday"],
)
def test_days_relative_to_the_page_date(text: str, start: str) -> None:
    assert [e[0] for e in events_of(text)] == [start]


def test_today_in_quoted_speech_is_not_the_page_date() -> None:
    text = "新闻\n发布时间:2023-06-09\n他说:“今天我们召开标准化大会。”"
    assert all(e[0] != "2023-06-09" for e in events_of(text))


# A start and a length give the end.
@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("标题\n2022年9月1日起,本市将开展为期一个月的质量月活动。", ("2022-09-01", "2022-09-30")),
        ("標題\n研討會於2023年6月4日舉行,為期兩天。", ("2023-06-04", "2023-06-05")),
        ("标题\n2022年12月15日起,本市开展为期一个月的宣传活动。", ("2022-12-15", "2023-01-14")),
        (
            "News\nThe awareness week will be held from 8 October 2023 for a one-week period.",
            ("2023-10-08", "2023-10-14"),
        ),
    ],
    ids=["month", "days", "across-the-year", "en-week"],
)
def test_a_length_gives_the_end(text: str, span: tuple[str, str]) -> None:
    assert [e[:2] for e in events_of(text)] == [span]


def test_a_day_said_of_every_year_is_no_occurrence() -> None:
    assert events_of("标题\n自1970年起,每年的10月14日都会举行庆祝活动。") == []
    assert events_of("News\nThe celebration takes place on 14 October each year.") == []
    assert events_of("标题\n大会决定将5月20日定为世界计量日。") == []


def test_a_range_whose_first_day_has_no_mark() -> None:
    found = events_of("标题\n2018年10月22-26日,第82届大会在釜山召开。")
    assert [e[:2] for e in found] == [("2018-10-22", "2018-10-26")]


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("会议召开\n新华社上海10月22日电 国务委员21日在上海出席大会开幕式。", "--10-21"),
        ("論壇閉幕\n時間: 2006-05-11\n第二屆論壇十一日下午在臺北閉幕。", "2006-05-11"),
        ("会议召开\n发布时间:2022-10-03\n全权代表大会3日选举理事国。", "2022-10-03"),
    ],
    ids=["dateline-without-year", "chinese-numeral-day", "day-after-a-name"],
)
def test_day_only_dates(text: str, start: str) -> None:
    assert [e[0] for e in events_of(text)] == [start]


def test_a_dateline_with_xiaoxi_is_the_report_not_an_event() -> None:
    text = "发布会\n台湾网11月11日北京消息 发言人表示,论坛将于2022年11月24日至25日在台北举行。"
    assert [e[:2] for e in events_of(text)] == [("2022-11-24", "2022-11-25")]


def test_listed_dates_share_their_clause() -> None:
    found = events_of("標題\n講習會於本(110)年9月10日、9月17日及9月24日舉行。")
    assert [e[0] for e in found] == ["2021-09-10", "2021-09-17", "2021-09-24"]


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("News\nDate: 2010-11-02\nThe deadline for submissions is 20 June 2011.", "2011-06-20"),
        (
            "News\nDate: 2010-11-02\n(Deadline for completed forms Friday 17th December 2010).",
            "2010-12-17",
        ),
    ],
    ids=["deadline-is", "deadline-for"],
)
def test_deadlines_named_a_phrase_before_their_date(text: str, start: str) -> None:
    assert [(e[0], e[2]) for e in events_of(text)] == [(start, "deadline")]


def test_a_heading_names_the_dated_line_under_it() -> None:
    found = events_of(
        "Council news\nThe Council met and agreed on its next meetings.\n"
        "83rd General Meeting\nShanghai, China, from 21 to 25 October 2019."
    )
    assert [e[:2] for e in found] == [("2019-10-21", "2019-10-25")]


def test_an_english_name_stops_before_its_date() -> None:
    text = "News\nDate: 2004-11-02\nHe presented a report to the IEC Council on October 22."
    assert [e[0] for e in events_of(text)] == ["2004-10-22"]


def test_a_kick_off_meeting_is_a_one_day_event() -> None:
    found = events_of("标题\n2019年11月9日,三项团体标准启动工作会议在广州召开。")
    assert [e[:2] for e in found] == [("2019-11-09", "2019-11-09")]


def test_an_undated_page_keeps_the_years_it_announces() -> None:
    text = (
        "Council news\nThe Council met and agreed on its next meetings.\n"
        "83rd General Meeting\nShanghai, China, from 21 to 25 October 2019.\n"
        "The 2022 meeting will be held from 10 to 14 October 2022 in Geneva."
    )
    assert [e[0] for e in events_of(text)] == ["2019-10-21", "2022-10-10"]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "News\nDate: 2022-10-10\nA door-to-door campaign runs on October 15 and 16.",
            ("2022-10-15", "2022-10-16"),
        ),
        (
            "News\nDate: 2022-10-10\nThe bureau is also organising a Quality Walk on October 16.",
            ("2022-10-16", "2022-10-16"),
        ),
    ],
    ids=["lower-case-noun", "organising"],
)
def test_english_occurrences_without_a_title_case_name(text: str, span: tuple[str, str]) -> None:
    assert [e[:2] for e in events_of(text)] == [span]


def test_a_term_of_office_is_no_event() -> None:
    text = (
        "News\nThe Council elected a President for a term of office "
        "(1 January 2020 to 31 December 2022)."
    )
    assert events_of(text) == []


# An observance named a few words away from its day, and one whose celebrations are named.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "News\n9 June 2019 marks the yearly World Accreditation Day.",
            [("2019-06-09", "2019-06-09", "observance")],
        ),
        (
            "News\nPosted: 2016-05-25\nThe institute observed World Metrology Day with a talk "
            "on the revised SI on Friday, May 20.",
            [("2016-05-20", "2016-05-20", "observance")],
        ),
        (
            "News\nThe bureau hosted National Quality Week celebrations in Accra on 3 November "
            "2022.",
            [("2022-11-03", "2022-11-03", "other")],
        ),
    ],
    ids=["marks", "with-a-talk-between", "named-celebrations"],
)
def test_observances_and_named_celebrations(
    text: str, expected: list[tuple[str, str | None, str]]
) -> None:
    assert events_of(text) == expected


# A bare weekday: the day the article already dated with that weekday, else the report's week
# (the last such day, or the next one where the sentence says "will").
@pytest.mark.parametrize(
    ("text", "starts"),
    [
        (
            "News\nDate: 2024-05-02\nThe council will meet on Monday and Tuesday, May 27-28, "
            "2024.\nA training course for new delegates will be held on Tuesday morning.",
            ["2024-05-27", "2024-05-28"],
        ),
        (
            "News\nDate: 2024-05-02\nThe standards body will hold a workshop on Tuesday.",
            ["2024-05-07"],
        ),
        (
            "News\nDate: 2024-05-02\nThe standards body held a workshop on Tuesday.",
            ["2024-04-30"],
        ),
    ],
    ids=["dated-before", "will-next", "past-last"],
)
def test_bare_weekdays(text: str, starts: list[str]) -> None:
    assert [e[0] for e in events_of(text)] == starts


# A headline can be the only place a day is written; a headline repeating the body adds
# nothing, and the page's own date leading its title is no event.
@pytest.mark.parametrize(
    ("text", "starts"),
    [
        (
            "20 May 2019 is World Metrology Day\nThe day marks the signing of a treaty.",
            ["2019-05-20"],
        ),
        ("於2011年11月3日在台北舉行標準化研討會第十屆年會", ["2011-11-03"]),
        (
            "Forum to open on 3 June 2022\nThe forum will open on 3 June 2022 in Geneva.",
            ["2022-06-03"],
        ),
        ("date 2021-03-02 The bureau publishes its plan\nThe plan covers five years.", []),
    ],
    ids=["headline-only", "one-line-page", "headline-repeats-body", "stamp-in-title"],
)
def test_headline_events(text: str, starts: list[str]) -> None:
    assert [e[0] for e in events_of(text)] == starts


def test_read_more_above_the_story_is_not_a_related_list() -> None:
    story = (
        "GENEVA, March 3. The standards body opened its regional workshop on metrology for "
        "developing countries on 3 March 2023, its director said, adding that more than forty "
        "experts from twenty countries were taking part in the three days of sessions."
    )
    assert [e[0] for e in events_of(f"Workshop opens\nJane Roe\nRead more\n{story}\n")] == [
        "2023-03-03"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a year written with the observance's name makes "every year" this year's day
        (
            "World Accreditation Day 2021\nWorld Accreditation Day 2021: the day is marked on "
            "9 June every year.",
            [("2021-06-09", "2021-06-09", "observance")],
        ),
        # an anniversary celebrated on a day
        (
            "News\nThe national bureau is celebrating its fiftieth anniversary on 2 March 2019.",
            [("2019-03-02", "2019-03-02", "other")],
        ),
        # a PDF's letter-spaced line is read as text
        (
            "電子報\n本 案 公 開 徵 求 意 見 將 於 2015 年 3 月 9 日 到 期 , 請 業 者 留 意 。",
            [("2015-03-09", "2015-03-09", "deadline")],
        ),
    ],
    ids=["edition-year-every-year", "anniversary", "letter-spaced-pdf"],
)
def test_editions_anniversaries_and_spaced_text(
    text: str, expected: list[tuple[str, str | None, str]]
) -> None:
    assert events_of(text) == expected


def test_a_table_row_of_an_event_named_after_the_day() -> None:
    text = (
        "本市开展世界标准日系列活动\n今年10月14日是第46届世界标准日,我局组织开展系列宣传活动。\n"
        "活动安排\n序号 | 项目名称 | 时间\n1 | 纪念第46届世界标准日专题报告会 | 10月14日\n"
    )
    kinds = sorted(e[2] for e in events_of(text) if e[0] == "2015-10-14")
    assert kinds == ["meeting", "observance"]


def test_an_event_pages_date_line_under_its_heading() -> None:
    text = (
        "Annual Standards Summit\nMetrology in the digital age\n4-6 March 2024, Lyon, France\n"
        "Speakers from national metrology institutes will present their work on digital "
        "calibration certificates and the machine-readable SI to an audience of regulators."
    )
    assert [e[:2] for e in events_of(text)] == [("2024-03-04", "2024-03-06")]


def test_a_founding_date_does_not_date_the_page() -> None:
    text = (
        "40th ISO General Assembly\n第40屆國際標準化組織大會\n9月18日-9月22日\n"
        "國際標準化組織成立於1947年2月23日,總部設在瑞士日內瓦,是世界上最大的國際標準化機構之一,"
        "其成員包括一百多個國家的標準化機構。"
    )
    assert [e[:2] for e in events_of(text)] == [("--09-18", "--09-22")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "News\nThe bureau invited members to celebrate World Metrology Day held under the "
            "theme “Measurements for the digital era” on 20 May 2022.",
            [("2022-05-20", "2022-05-20", "observance")],
        ),
        (
            "News\nThe Kaleidoscope 2023 conference is taking place in Geneva from 4 to 6 "
            "December.",
            [("2023-12-04", "2023-12-06", "conference")],
        ),
    ],
    ids=["celebrated-far-from-its-name", "taking-place"],
)
def test_celebrations_and_taking_place(
    text: str, expected: list[tuple[str, str | None, str]]
) -> None:
    assert events_of(text) == expected


def test_a_meeting_named_for_a_launch_is_one_day() -> None:
    text = (
        "消息\n2021年3月5日,《智能仪表通用规范》《智能仪表检验规范》两项团体标准启动工作会议"
        "在杭州市召开。"
    )
    assert [e[:2] for e in events_of(text)] == [("2021-03-05", "2021-03-05")]
