"""Names in corner brackets, a wire story's ``今天`` dated by its sign-off, and an observance's
ordinal with its day's figures in between: forms the fourth session's corpus showed.
Sentences written for these tests."""

from __future__ import annotations

import pytest
from extract_helpers import read_text

from events.extract import extract


def _events(text: str) -> list[tuple[str, str | None, str]]:
    found = extract(read_text(text))
    return [(e.start.iso(), e.end.iso() if e.end else None, e.title) for e in found]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("標題\n發布日期:2024-05-14\n經濟部今天舉辦「節能表揚大會」。", "節能表揚大會"),
        ("標題\n發布日期:2024-05-14\n經濟部今天舉辦「節能標章」說明會。", "「節能標章」說明會"),
        ("标题\n发布时间:2024-05-14\n今天,市局举办『质量提升』研讨会。", "『质量提升』研讨会"),
    ],
    ids=["whole-name-quoted", "quoted-title-before-head", "white-corner-brackets"],
)
def test_a_name_in_corner_brackets(text: str, title: str) -> None:
    assert [e[2] for e in _events(text)] == [title]


def test_today_in_a_wire_story_signed_off_with_its_date() -> None:
    text = "節能表揚\n(中央社台北3日電)經濟部今天舉辦節能表揚大會。\n1121103(中央社)\n"
    assert [e[:2] for e in _events(text)] == [("2023-11-03", "2023-11-03")]


@pytest.mark.parametrize(
    ("sentence", "start"),
    [
        ("围绕第16届“5·20”世界计量日,市局开展了宣传。", "2015-05-20"),
        ("慶祝第46屆「10.14」世界標準日,本會舉辦座談。", "2015-10-14"),
    ],
    ids=["metrology-quoted-figures", "standards-day-dotted-figures"],
)
def test_an_ordinal_with_the_days_figures_between(sentence: str, start: str) -> None:
    assert start in [e[0] for e in _events(f"标题\n{sentence}")]


def test_an_undated_event_pages_card_gives_its_schedules_year() -> None:
    text = (
        "Standards group at the Expo\nDate: February 27 – March 3, 2017\nVenue: Moscone Center\n"
        "The working group will hold its advisory panel meeting on February 26 in the hotel.\n"
    )
    assert ("2017-02-26", "2017-02-26") in [e[:2] for e in _events(text)]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "標題\n發布日期:2023-09-28\n供應商招募期將於10月8日結束。",
            ("2023-10-08", "2023-10-08"),
        ),
        ("标题\n发布时间:2023-09-28\n报名期限于10月8日截止。", ("2023-10-08", "2023-10-08")),
        (
            "標題\n發布日期:2009-10-18\n醫院將10月19日至23日訂為病人安全週。",
            ("2009-10-19", "2009-10-23"),
        ),
        (
            "標題\n發布日期:2025-12-03\n(中央社台北3日電)節能表揚活動今天登場。",
            ("2025-12-03", "2025-12-03"),
        ),
    ],
    ids=["period-ends", "time-limit-closes", "span-named-a-week", "takes-the-stage-today"],
)
def test_more_ways_a_day_is_bound(text: str, span: tuple[str, str]) -> None:
    assert span in [e[:2] for e in _events(text)]


def test_a_single_day_named_a_day_is_still_no_occurrence() -> None:
    assert _events("標題\n發布日期:2009-10-18\n政府將5月20日定為計量日。") == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "標題\n2002/08/10\n能源局特別在今日於科學工藝博物館──科教廣場舉辦「節能」園遊會。",
            ("2002-08-10", "2002-08-10"),
        ),
        (
            "標題\n2002/08/10\n節約能源宣導活動今(10)日在高雄熱鬧開鑼。",
            ("2002-08-10", "2002-08-10"),
        ),
    ],
    ids=["today-at-a-place-holds", "kicks-off-today"],
)
def test_today_with_the_place_before_the_verb(text: str, span: tuple[str, str]) -> None:
    assert span in [e[:2] for e in _events(text)]


def test_a_machine_stamp_closing_the_page_anchors_today() -> None:
    menu = "\n".join(f"• 新聞{n}" for n in range(20))
    story = "證書頒授儀式今(14)日在世界貿易中心舉行,合共24間本地科技企業獲頒授證書。"
    text = f"{menu}\n標題\n{story}\n2024-05-14 17:55\n"
    assert read_text(text).published_rule == "signature"
    assert ("2024-05-14", "2024-05-14") in [e[:2] for e in _events(text)]


def test_one_event_under_a_quoted_and_a_bare_name_is_kept_once() -> None:
    text = (
        "寶貝能源園遊會今登場\n2002/08/10\n寶貝能源園遊會今(10)日在高雄登場。"
        "主辦單位今日於博物館舉辦「關心地球、寶貝能源」園遊會。"
    )
    assert len(_events(text)) == 1


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("The institute will celebrate World Metrology Day with a live webinar on 20 May 2021.", 2),
        (
            "The bureau marked World Standards Day with an open day at its lab on 14 October 2021.",
            2,
        ),
        ("The institute will celebrate World Metrology Day on 20 May 2021.", 1),
    ],
    ids=["webinar", "open-day", "the-day-alone"],
)
def test_what_is_held_for_an_observance(sentence: str, count: int) -> None:
    assert len(_events(f"News\nPublished: 2021-05-01\n{sentence}")) == count


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("The Bureau of Standards celebrated the World Standards Day on 14 October 2021.", 2),
        ("World Standards Day was celebrated by the Bureau of Standards on 14 October 2021.", 2),
        ("The institute will be organizing a conference on World Metrology Day on 20 May 2021.", 2),
        ("World Standards Day was celebrated around the world on 14 October 2021.", 1),
    ],
    ids=["body-celebrated", "celebrated-by-body", "organizing-a-conference", "no-body"],
)
def test_a_bodys_own_celebration_of_the_day(sentence: str, count: int) -> None:
    assert len(_events(f"News\nPublished: 2021-10-15\n{sentence}")) == count


@pytest.mark.parametrize(
    "sentence",
    [
        "The bureau ran a market sensitisation event at the Kumasi Central Market on May 20.",
        "The bureau ran a door-to-door campaign to build awareness of the bureau among the public "
        "on May 20.",
    ],
    ids=["event-noun", "noun-further-back"],
)
def test_an_english_event_noun_leading_to_its_day(sentence: str) -> None:
    assert ("2024-05-20", "2024-05-20") in [
        e[:2] for e in _events(f"News\nPublished: 2024-05-21\n{sentence}")
    ]


def test_today_on_an_undated_page_is_the_day_its_lead_opens_with() -> None:
    text = "标题\n2022年5月20日是第23个世界计量日。今天上午,市局在广场举行了现场咨询活动。"
    assert ("2022-05-20", "2022-05-20") in [e[:2] for e in _events(text)]
    assert len(_events(text)) == 2


def test_an_impossible_opening_date_anchors_nothing() -> None:
    assert _events("标题\n2022年2月30日是个好日子。今天上午,市局举行了活动。") == []


def test_a_stray_clause_on_a_named_meetings_days_is_not_a_second_event() -> None:
    text = (
        "Study Group 13\nPublished: 2017-01-10\n"
        "Study Group 13 meeting, Geneva, 6-17 February 2017.\n"
        "The draft agenda covers the work from 6-17 February 2017 in full.\n"
    )
    assert [e[:2] for e in _events(text)] == [("2017-02-06", "2017-02-17")]


def test_two_named_events_on_one_day_both_stay() -> None:
    text = "标题\n发布时间:2023-04-20\n4月20日,召开标准化工作会议。4月20日下午,举行启动仪式。"
    assert len(_events(text)) == 2


def test_minutes_date_the_meeting_they_record() -> None:
    agenda = "\n".join(
        f"{n}. Item {n} was discussed and the minutes were taken." for n in range(1, 6)
    )
    text = f"Draft Minutes\nSEC Teleconference\n28 January 2013\nJane Doe\nJohn Roe\n{agenda}\n"
    assert [e[:2] for e in _events(text)] == [("2013-01-28", "2013-01-28")]
