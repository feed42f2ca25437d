"""What binds a date to something happening, and what unbinds it, in the forms the third
session's corpus batches showed: sentences written for these tests, the non-events beside the
events. Date forms and years are in ``test_date_and_year_forms.py``."""

from __future__ import annotations

import pytest
from extract_helpers import spans as events_of


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("標題\n本局安排於9月29日至10月7日間赴日內瓦研習。", ["--09-29"]),
        ("標題\n中心於2017年7月11日及8月11日安排2場公眾諮詢會。", ["2017-07-11", "2017-08-11"]),
        ("标题\n本署说明如下。10月22日上午开放各界参与,安排各代表团报告工作。", []),
    ],
    ids=["arranged-before", "arranged-after", "arranged-elsewhere"],
)
def test_a_day_something_is_arranged_on(text: str, starts: list[str]) -> None:
    assert [e[0] for e in events_of(text)] == starts


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        (
            "Minutes\nThe agenda was approved.\nNext teleconference: Wednesday, 21 October 2009",
            ["2009-10-21"],
        ),
        (
            "Minutes\nThe minutes of the 19 August 2009 teleconference were approved.",
            ["2009-08-19"],
        ),
        (
            "Minutes\nThe committee read the report of 19 August 2009 and approved it after a "
            "long discussion.",
            [],
        ),
    ],
    ids=["label", "noun-after", "no-noun"],
)
def test_an_english_event_noun_beside_the_date(text: str, starts: list[str]) -> None:
    assert [e[0] for e in events_of(text)] == starts


@pytest.mark.parametrize(
    "text",
    [
        "標題\n依經濟部108年2月27日修正發布之「認證作業要點」辦理。",
        "标题\n根据2021年3月5日印发的《标准化工作要点》开展工作。",
    ],
    ids=["hant-issued", "hans-issued"],
)
def test_the_day_a_document_was_issued_is_no_event(text: str) -> None:
    assert events_of(text) == []


def test_a_span_carried_out_is_an_event_though_it_says_implement() -> None:
    found = events_of("標題\n標準局將於96年11月1日至12月3日,實施計費表路邊攔檢。")
    assert [e[:2] for e in found] == [("2007-11-01", "2007-12-03")]


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("News\nThis year, World Quality Day falls on November 10, 2022.", ["2022-11-10"]),
        ("News\nThe week will begin from 7 November till 11 November 2022.", ["2022-11-07"]),
        ("News\nConsumer Rights Day will be observed on March 15, 2013.", ["2013-03-15"]),
    ],
    ids=["falls-on", "begin", "observed"],
)
def test_english_verbs_of_a_day_taking_place(text: str, starts: list[str]) -> None:
    assert [e[0] for e in events_of(text)] == starts


@pytest.mark.parametrize(
    ("text", "start"),
    [
        (
            "講座消息\n講座以普通話進行,名額有限,有興趣參加的市民可由即日至10月30日期間致電本局報名。",
            "--10-30",
        ),
        ("標題\n得獎名單公布後,得獎者請於3月16日前通知本局領取獎品。", "--03-16"),
        (
            "News\nPublished: 2022-10-01\nBIS is also organising a Quality Run/Walk on October 16.",
            "",
        ),
    ],
    ids=["from-today-until", "notify-before", "capitalised-event-noun"],
)
def test_windows_and_deadlines_said_plainly(text: str, start: str) -> None:
    found = events_of(text)
    assert found and found[0][0] == (start or "2022-10-16")


@pytest.mark.parametrize(
    "text",
    [
        "標題\n事業應於每年4月30日前完成前一年度排放量盤查登錄作業。",
        "標題\n112年管理系統績效認可申請期程(公告日期112年4月11日)",
        "標題\n本局說明如下:《保護及管理計劃》行政法規 6月1日正式生效。",
        "標題\n公告兒童雨衣商品自104年9月1日起實施強制檢驗。",
        "標題\n「113年度第1次審議會」會議紀錄 (113.3.27公告)",
        "標題\n截至10月22日止,已累計受理8,264件申請。",
    ],
    ids=[
        "every-year-deadline",
        "notice-date-label",
        "takes-effect",
        "in-force-from",
        "posted-on",
        "as-of-zhi",
    ],
)
def test_days_that_are_rules_and_records_not_events(text: str) -> None:
    assert events_of(text) == []


def test_the_day_of_an_announcement_is_no_event() -> None:
    text = (
        "ASTM\nPublished: 2021-08-31\nASTM announced today that the Committee Week will be virtual."
    )
    assert events_of(text) == []
    opened = "ASTM\nPublished: 2021-08-31\nThe Standards Week opened today in Atlanta."
    assert [e[0] for e in events_of(opened)] == ["2021-08-31"]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "News\nThe meeting will be held Mon 5 June – Wed 7 June 2024 in Paris.",
            ("2024-06-05", "2024-06-07"),
        ),
        (
            "News\nThe General Assembly will be held on 14.05.2024 in Brussels.",
            ("2024-05-14", "2024-05-14"),
        ),
        ("标题\n会议于2024.05.14在北京召开。", ("2024-05-14", "2024-05-14")),
        (
            "News\nThe ISO/TC 176 plenary meeting, 14-18 May 2024, Vienna, Austria.",
            ("2024-05-14", "2024-05-18"),
        ),
        ("标题\n本次活动时间为2024年5月14日至6月14日。", ("2024-05-14", "2024-06-14")),
        ("標題\n徵求意見時間為2024年4月1日至2024年4月30日。", ("2024-04-01", "2024-04-30")),
    ],
    ids=[
        "weekday-abbreviations",
        "dotted-day-first",
        "dotted-year-first",
        "noun-comma-date",
        "activity-time-is",
        "comment-period-is",
    ],
)
def test_common_notice_and_meeting_forms(text: str, span: tuple[str, str]) -> None:
    assert [e[:2] for e in events_of(text)] == [span]


def test_a_notices_labelled_facts_are_not_a_headline_run() -> None:
    text = (
        "关于召开标准化工作会议的通知\n会议时间:2024年5月14日(星期二)上午9:00\n"
        "会议地点:市局三楼会议室\n请准时参加。"
    )
    assert [e[:2] for e in events_of(text)] == [("2024-05-14", "2024-05-14")]


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("标题\n2020年56日,协会通过线上方式召开了团体标准立项审查会议。", ["2020-05-06"]),
        ("标题\n7月19日-30日国家级评审员报名参加2021年网上能力测试。", ["2021-07-19"]),
        (
            "标题\n考试地点为北京,考试时间分别为2019年6月22日和11月16日。",
            ["2019-06-22", "2019-11-16"],
        ),
        ("标题\n信件编号:001 来信时间:2025-10-30 22:02 答复时间:2025-10-31", []),
    ],
    ids=["year-then-month-day-run", "registration-window", "exam-times", "letter-times"],
)
def test_windows_and_labelled_times(text: str, starts: list[str]) -> None:
    assert [e[0] for e in events_of(text)] == starts


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("標題\n遞交期限為2023年2月28日。", ["2023-02-28"]),
        ("標題\n校園節電競賽報名期限到113年9月30日止。", ["2024-09-30"]),
        ("標題\n本分局自2021年8月19日至9月8日期間檢查35處所。", ["2021-08-19"]),
        (
            "標題\n發布日期:2016-06-06\n19日在馬祖高中電腦教室舉辦的訓練場次,共有30多位學員參加。",
            ["2016-05-19"],
        ),
        ("標題\n發布日期:2016-06-06\n本局將於28日在馬祖高中舉辦訓練。", ["2016-06-28"]),
        ("標題\n發布日期:2015-11-07\n昨日,特區政府與歐盟傳譯總司簽署合作備忘錄。", ["2015-11-06"]),
        ("標題\n發布日期:2009-02-19\n得獎名單已公布,並於3月16日前通知領取。", ["2009-03-16"]),
    ],
    ids=[
        "term-is",
        "term-until",
        "span-during",
        "day-gone-by",
        "day-ahead",
        "signed-yesterday",
        "deadline-after-notice",
    ],
)
def test_traditional_notice_forms(text: str, starts: list[str]) -> None:
    assert [e[0] for e in events_of(text)] == starts


def test_an_enumerated_time_item_is_the_notices_not_the_pages() -> None:
    text = (
        "113年度第1次節能標章審議會會議紀錄\n壹、時間:113年3月15日(星期五)上午10時\n"
        "貳、地點:本局會議室\n參、主席:王局長\n肆、出席人員:如簽到單。"
    )
    assert [e[:2] for e in events_of(text)] == [("2024-03-15", "2024-03-15")]


def test_a_schedule_of_days_each_with_its_item_on_the_next_line() -> None:
    text = (
        "Workshop on Standards\nImportant Dates\n7 July 2013:\nDeadline for position papers\n"
        "2 September 2013, noon ET:\nDeadline (for lunches and name tags) for Registration\n"
        "All participants must register using the conference registration system."
    )
    found = events_of(text)
    assert ("2013-07-07", "2013-07-07", "deadline") in found
    assert ("2013-09-02", "2013-09-02", "deadline") in found


@pytest.mark.parametrize(
    ("text", "start"),
    [
        (
            "News\nPublished: 2024-10-09\nKEBS marked its 50th anniversary on Monday in Nairobi.",
            "2024-10-07",
        ),
        (
            "News\nOfficers are gathering in Montserrat this week, from 21-24 September, 2015, to "
            "take part in three meetings.",
            "2015-09-21",
        ),
    ],
    ids=["noun-on-weekday", "gathering"],
)
def test_english_occurrences_said_plainly(text: str, start: str) -> None:
    assert [e[0] for e in events_of(text)] == [start]


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("标题\n2025年5月17日是第57个世界电信和信息社会日。", "2025-05-17"),
        ("标题\n今年3月15日是第41个国际消费者权益日。", "2023-03-15"),
        ("News\nWorld Intellectual Property Day falls on April 26, 2024.", "2024-04-26"),
    ],
    ids=["telecommunication-day", "consumer-rights-ordinal", "ip-day"],
)
def test_more_annual_days(text: str, start: str) -> None:
    assert (start, start, "observance") in events_of(text)


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        (
            "标题\n6月25日,街道市场监管所会议室内座无虚席。区局计量业务知识培训班正在这里举行。",
            ["--06-25"],
        ),
        ("标题\n1947年2月23日,ISO正式成立。下面举行世界标准日宣传活动。", []),
        ("标题\n6月25日,天气晴朗。市民在公园散步。", []),
    ],
    ids=["scene-then-event", "history-then-event", "scene-without-event"],
)
def test_a_date_setting_the_scene_for_the_next_sentence(text: str, starts: list[str]) -> None:
    assert [e[0] for e in events_of(text)] == starts


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "News\nThe plenary is being convened from: Sunday, October 8, 2017 to Friday, "
            "October 13 2017.",
            ("2017-10-08", "2017-10-13"),
        ),
        (
            "News\nPre-registrations should be confirmed no later than Friday, 12 December 2008.",
            ("2008-12-12", "2008-12-12"),
        ),
        (
            "News\nThe Scientific Day of the faculty was held on Tuesday, 21-3-2017 at the campus.",
            ("2017-03-21", "2017-03-21"),
        ),
        (
            "News\nRegistration request to the 14th TDAG & its Working Groups - Geneva, "
            "28 - 30 January 2009",
            ("2009-01-28", "2009-01-30"),
        ),
        (
            "News\nThe launch of the campaign was held at the Terra Nova All-Suite Hotel in "
            "Kingston, on March 22, 2013.",
            ("2013-03-22", "2013-03-22"),
        ),
    ],
    ids=[
        "weekday-inside-range",
        "no-later-than-weekday",
        "dashed-day-first",
        "city-then-span",
        "held-far-before-on",
    ],
)
def test_english_meeting_notice_forms(text: str, span: tuple[str, str]) -> None:
    assert [e[:2] for e in events_of(text)] == [span]


def test_a_letters_place_and_day_is_no_event() -> None:
    assert events_of("Circular\nRef.: BDT/IP/CSTG-13 / Geneva, 21 October 2016") == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "標題\n發布日期:2017-11-07\n花蓮的烘焙名產店,昨舉行授證儀式。",
            ("2017-11-06", "2017-11-06"),
        ),
        (
            "標題\n發布日期:2026-01-05\n為鼓勵旅客入住,並自1月7日至6月30日推出抽獎活動。",
            ("2026-01-07", "2026-06-30"),
        ),
    ],
    ids=["zuo-held", "launched-window"],
)
def test_yesterday_held_and_a_window_launched(text: str, span: tuple[str, str]) -> None:
    assert [e[:2] for e in events_of(text)] == [span]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "ISO/TC 207 Plenary Meeting\nWhen: Tuesday 12 March 2025, 10:00-12:00 CET\n"
            "Where: Bogota, Colombia\nThe committee will review its work programme.",
            ("2025-03-12", "2025-03-12"),
        ),
        (
            "News\nThe workshop runs 12 Mar 2025 - 14 Mar 2025 in Geneva.",
            ("2025-03-12", "2025-03-14"),
        ),
        ("News\nSubmissions close 1 March 2025.", ("2025-03-01", "2025-03-01")),
    ],
    ids=["when-line-of-an-event-page", "two-full-dates-with-a-dash", "submissions-close"],
)
def test_english_event_page_lines(text: str, span: tuple[str, str]) -> None:
    assert [e[:2] for e in events_of(text)] == [span]


@pytest.mark.parametrize(
    "text",
    [
        "標題\n本次認可有效期間為:\n自114年11月11日起至117年11月10日止。",
        "標題\n本署函送會議紀錄一份。發文日期 中華民國109年10月29日",
        "標題\n精密機械中心114年11月27日來函辦理,經審查確認符合規定。",
    ],
    ids=["validity-window", "document-date-label", "letter-of-that-day"],
)
def test_a_validity_a_documents_date_and_a_letters_day_are_no_events(text: str) -> None:
    assert events_of(text) == []


def test_a_trip_abroad_is_not_an_event() -> None:
    from extract_helpers import spans

    text = (
        "出國報告\n報告日期: 97/01/23\n出國期間: 96年11月5日至96年11月11日\n"
        "於96年11月9日召開TBT委員會第44次會議。"
    )
    assert [s[:2] for s in spans(text)] == [("2007-11-09", "2007-11-09")]


def test_a_verb_well_before_its_date_still_binds_it() -> None:
    text = (
        "标题\n发布时间:2016-05-25\n市局联合计量院在市民广场举办宣传咨询,为市民免费检定血压计、"
        "电子秤和出租车计价器等计量器具,5月21日当天服务市民三百余人。"
    )
    assert ("2016-05-21", "2016-05-21") in [s[:2] for s in events_of(text)]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "標題\n發布日期:2023-09-20\n海關於9月30日至10月10日巡查全港各區商鋪。",
            ("2023-09-30", "2023-10-10"),
        ),
        (
            "标题\n发布时间:2023-06-01\n6月3日,全省计量技能比赛在武汉开赛。",
            ("2023-06-03", "2023-06-03"),
        ),
        (
            "News\nPublished: 2021-11-01\nThe day is being marked on 11 November with talks.",
            ("2021-11-11", "2021-11-11"),
        ),
    ],
    ids=["inspection-round", "contest-starts", "marked-on"],
)
def test_more_verbs_of_something_held(text: str, span: tuple[str, str]) -> None:
    assert span in [s[:2] for s in events_of(text)]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "標題\n發布日期:2020-06-17\n請各學院於8月12日(三)下班前將自我評鑑報告3份送交研究發展處。",
            ("2020-08-12", "2020-08-12"),
        ),
        (
            "標題\n發布日期:2025-03-01\n請於114年5月31日(第1階段)前向本府提出申請。",
            ("2025-05-31", "2025-05-31"),
        ),
        (
            "標題\n發布日期:2026-01-08\n本中心成立滿廿週年,於2025年12月26日在台北舉辦慶祝活動。",
            ("2025-12-26", "2025-12-26"),
        ),
        (
            "標題\n發布日期:2025-12-15\n報告書已於二O二五年十月八日完成查證,並於十二月十二日在高雄舉行頒證典禮。",
            ("2025-12-12", "2025-12-12"),
        ),
    ],
    ids=[
        "office-close-deadline",
        "bracketed-note-before",
        "anniversary-of-founding",
        "letter-o-year",
    ],
)
def test_deadlines_anniversaries_and_spelled_years(text: str, span: tuple[str, str]) -> None:
    assert span in [s[:2] for s in events_of(text)]
