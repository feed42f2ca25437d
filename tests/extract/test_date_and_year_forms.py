"""Dates as real pages write them and the years they mean, in the forms the third session's
corpus batches showed: digit runs that lost their 月, Minguo figures, English spans and
relative days, years relative to the page, editions and mastheads. Sentences written for
these tests."""

from __future__ import annotations

import pytest
from extract_helpers import spans as events_of


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("标题\n发布时间:2020-12-31\n去年12月1日,市局举办了标准化论坛。", "2019-12-01"),
        ("標題\n發布日期:2020-03-31\n明年5月1日將召開年會。", "2021-05-01"),
        ("News\nPublished: 2020-12-31\nLast year on October 3 the committee met.", "2019-10-03"),
    ],
    ids=["qunian", "mingnian", "last-year"],
)
def test_a_year_said_relative_to_the_page(text: str, start: str) -> None:
    assert events_of(text)[0][0] == start


def test_a_target_year_in_a_name_is_not_the_events_year() -> None:
    text = "标题\n发布时间:2019-05-14\n5月13日,“中国标准2035”项目讨论会在北京召开。"
    assert events_of(text)[0][0] == "2019-05-13"


def test_today_narrated_after_a_dateline() -> None:
    text = "标题\n本报济宁6月12日讯 今天上午,市局联合质检所开展了实验室开放日活动。"
    assert [e[0] for e in events_of(text)] == ["--06-12"]


def test_an_undated_english_page_means_its_editions_year_not_a_past_date() -> None:
    text = (
        "WORLD QUALITY DAY 2022: quality matters\n"
        "This year, World Quality Day falls on November 10. The first conference took place on "
        "November 13, 2008, in London."
    )
    assert "2022-11-10" in [e[0] for e in events_of(text)]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "标题\n121012日,2023年全国光学标准化技术委员会年会在南京召开。",
            ("2023-12-10", "2023-12-12"),
        ),
        ("标题\n51011日,国家标准委在武汉组织召开创新基地工作会议。", ("--05-10", "--05-11")),
        ("标题\n2018年1014日,市局召开世界标准日座谈会。", ("2018-10-14", "2018-10-14")),
        ("标题\n201868日,由中科院主办的实验室主任交流会在宁波召开。", ("2018-06-08", "2018-06-08")),
        ("标题\n2022919日至23日,集中开展有机产品认证宣传周活动。", ("2022-09-19", "2022-09-23")),
    ],
    ids=["month-and-range", "one-digit-month", "after-a-year", "glued-year", "glued-year-span"],
)
def test_a_date_whose_month_sign_was_lost(text: str, span: tuple[str, str]) -> None:
    assert events_of(text)[0][:2] == span


@pytest.mark.parametrize(
    "text",
    ["标题\n申请人应在180日内完成整改并召开评审会。", "标题\n共有120日的整改期,期间召开了会议。"],
    ids=["within-days", "a-count"],
)
def test_a_count_of_days_is_no_date(text: str) -> None:
    assert events_of(text) == []


def test_a_range_whose_first_day_has_a_time_of_day() -> None:
    found = events_of("标题\n大会开幕后,5月20日下午至22日,5个工作组分别召开了小组会议。")
    assert [e[:2] for e in found] == [("--05-20", "--05-22")]


def test_an_abbreviation_does_not_end_the_sentence() -> None:
    text = (
        "News\nThe opening ceremony of the 43rd meeting of CROSQ was held at the St. Kitts "
        "Marriott Resort on October 9, 2023 in the presence of Dr. Omar."
    )
    assert [e[0] for e in events_of(text)] == ["2023-10-09"]


def test_the_end_of_a_span_of_years_names_no_edition() -> None:
    text = (
        "Regional news\n"
        "Officers are gathering this week, from 21-24 September, 2015, in Montserrat.\n"
        "The group will look at the 2016-2017 Annual Operation Plan.\n"
        "Monday, September 21, saw a large opening ceremony."
    )
    assert "2015-09-21" in [e[0] for e in events_of(text) if e[0] == e[1]]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "News\nPublished: 2023-06-26\nA two-day APAC Evaluator Training was held starting on "
            "June 24 in Tokyo.",
            ("2023-06-24", "2023-06-25"),
        ),
        (
            "News\nPublished: 2019-10-20\nThe summit will begin on Nov.4.",
            ("2019-11-04", "2019-11-04"),
        ),
        (
            "News\nPublished: 2008-02-27\nThe minister spoke at the opening of a workshop in Accra "
            "yesterday.",
            ("2008-02-26", "2008-02-26"),
        ),
    ],
    ids=["two-day-before", "abbreviated-month-no-space", "yesterday"],
)
def test_english_lengths_abbreviations_and_yesterday(text: str, span: tuple[str, str]) -> None:
    assert [e[:2] for e in events_of(text)] == [span]


def test_a_word_of_a_quoted_theme_is_no_day() -> None:
    text = (
        'News\nPublished: 2024-06-10\nThe event, with the theme "Accreditation: Empowering '
        'Tomorrow and Shaping the Future", was inaugurated by the Secretary.'
    )
    assert events_of(text) == []


def test_a_span_of_days_without_a_month() -> None:
    text = "標題\n發布日期:2012-09-15\n新北市經發局14日到16日,在市民廣場連辦3天「MIT產品展售會」。"
    assert [e[:2] for e in events_of(text)] == [("2012-09-14", "2012-09-16")]


def test_the_end_of_a_span_of_plan_years_is_no_plan_year() -> None:
    text = (
        "关于申报市长质量奖的公告\n发布时间:2017-04-28\n"
        "申报组织应提供2014~2016年度的数据,并于5月25日前将申报材料报送至市局。"
    )
    assert [e[0] for e in events_of(text)] == ["2017-05-25"]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "標題\n學會於12月7日及8日在臺北舉行108年會暨第36屆全國學術研討會。",
            ("2019-12-07", "2019-12-08"),
        ),
        (
            "標題\n測驗日期 111年10月23日(日) 設置臺北、臺中考區;請攜帶身分證件正本。",
            ("2022-10-23", "2022-10-23"),
        ),
    ],
    ids=["minguo-edition-name", "labelled-exam-day"],
)
def test_minguo_editions_and_labelled_days(text: str, span: tuple[str, str]) -> None:
    assert [e[:2] for e in events_of(text)] == [span]


def test_a_minguo_year_of_data_names_no_edition() -> None:
    text = "標題\n事業應於4月30日前,完成112年溫室氣體排放量盤查並登錄。"
    assert [e[0] for e in events_of(text)] == ["--04-30"]


def test_a_week_opened_today_runs_until_its_last_day() -> None:
    text = "标题\n发布时间:2023-04-20\n知识产权宣传周活动今日正式启幕,并持续至4月26日。"
    assert [e[:2] for e in events_of(text)] == [("2023-04-20", "2023-04-26")]


def test_a_minguo_date_in_figures_only_in_traditional_text() -> None:
    assert [e[0] for e in events_of("標題\n本局於113.5.14舉辦研討會。")] == ["2024-05-14"]
    assert events_of("标题\n版本号为113.5.14的软件举办了发布。") == []


def test_an_undated_newsletters_issue_month_gives_the_year() -> None:
    text = (
        "A2LA Today | June 2017 | Number 135\n"
        "A2LA held its annual Technical Forum Friday, March 31st through Sunday, April 2nd "
        "in Reston."
    )
    assert [e[:2] for e in events_of(text)] == [("2017-03-31", "2017-04-02")]


def test_an_undated_pages_one_year_may_be_written_with_a_span() -> None:
    text = (
        "News\nThe bureau designated October 12 to 16, 2020 as National Quality Week.\n"
        "World Standards Day, commemorated on October 14, was marked with a ceremony.\n"
    )
    assert "2020-10-14" in [e[0] for e in events_of(text)]


def test_a_year_said_only_of_what_is_next_does_not_date_what_was_held() -> None:
    text = (
        "Plenary\nThe first plenary meeting was held on September 25-26 in Beijing.\n"
        "The next plenary meeting will take place in London, on June 6-9, 2015.\n"
    )
    assert [e[:2] for e in events_of(text)] == [
        ("--09-25", "--09-26"),
        ("2015-06-06", "2015-06-09"),
    ]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        (
            "News\nPublished: 2005-09-01\nThe Assembly meets on the 17 and 19 of September.",
            [("2005-09-17", "2005-09-17"), ("2005-09-19", "2005-09-19")],
        ),
        (
            "News\nPublished: 2005-09-01\nThe General Assembly meets on September 17 and 19.",
            [("2005-09-17", "2005-09-17"), ("2005-09-19", "2005-09-19")],
        ),
        (
            "News\nPublished: 2005-09-01\nThe General Assembly meets on 17 and 18 September.",
            [("2005-09-17", "2005-09-18")],
        ),
    ],
    ids=["two-days-of", "two-days-month-first", "next-day-is-a-span"],
)
def test_two_days_joined_by_and(text: str, spans: list[tuple[str, str]]) -> None:
    assert [e[:2] for e in events_of(text)] == spans


def test_a_section_headings_year_dates_the_list_under_it() -> None:
    text = "考试指南\n报名须知如下。\n2026年考试时间安排\n- 第1期:报名3月13-20日,考试4月25-26日;\n"
    assert [e[:2] for e in events_of(text)] == [
        ("2026-03-13", "2026-03-20"),
        ("2026-04-25", "2026-04-26"),
    ]


def test_china_brand_day_and_its_number() -> None:
    text = "标题\n5月10日,第四个中国品牌日活动在上海开幕。"
    assert ("2020-05-10", "2020-05-10") in [e[:2] for e in events_of(text)]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "標題\n發布日期:2010-07-10\n自7月14日起,民眾參與系列活動可獲得體驗券。",
            ("2010-07-14", "2010-07-14"),
        ),
        ("标题\n发布时间:2010-09-01\n9月1日,全省质量月活动正式启动。", ("2010-09-01", None)),
    ],
    ids=["from-a-day-is-that-day", "a-launch-leaves-the-end-open"],
)
def test_from_a_day_and_a_launch(text: str, span: tuple[str, str | None]) -> None:
    assert span in [e[:2] for e in events_of(text)]


def test_between_two_days_is_a_span() -> None:
    text = "News\nPublished: 2010-03-01\nThe meeting was held between 26 and 29th January 2010."
    assert [e[:2] for e in events_of(text)] == [("2010-01-26", "2010-01-29")]


def test_a_decisions_day_in_the_background_does_not_date_the_news() -> None:
    text = (
        "标题\n4月19日,国家发展改革委召开例行新闻发布会。\n"
        "【新闻链接】\n2017年4月24日,国务院正式批复设立中国品牌日。\n"
    )
    assert [e[0] for e in events_of(text)] == ["--04-19"]


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        (
            "The institute held a summer school from the 8th to the 11th of August 2017.",
            ("2017-08-08", "2017-08-11"),
        ),
        (
            "The decision of the 55th meeting of the Council dated 28.06.2019 stands.",
            ("2019-06-28", "2019-06-28"),
        ),
    ],
    ids=["to-the-day-of-month", "meeting-dated"],
)
def test_english_spans_and_dated_meetings(sentence: str, span: tuple[str, str]) -> None:
    published = f"{span[0][:4]}-12-31"
    assert span in [e[:2] for e in events_of(f"News\nPublished: {published}\n{sentence}")]
