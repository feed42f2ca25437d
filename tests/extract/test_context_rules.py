"""Rules that read beyond one date: venues are not events, more observances, and a year
carried from an earlier sentence of the same paragraph (checked by the weekday)."""

from __future__ import annotations

import pytest

from events.extract import event_to_json, extract
from events.read import read_bytes


def events_of(text: str) -> list[dict[str, object]]:
    return [event_to_json(e) for e in extract(read_bytes(text.encode(), "case.txt"))]


@pytest.mark.parametrize(
    ("text", "title", "start"),
    [
        ("新闻\n2023年5月20日是第24个世界计量日。", "第24届世界计量日", "2023-05-20"),
        ("News\nJune 9, 2022 is the 15th World Accreditation Day.", "15th World Accreditation Day",
         "2022-06-09"),
        ("新聞\n2024年5月20日是世界計量日。", "第25屆世界計量日", "2024-05-20"),
    ],
)  # fmt: skip
def test_registered_observances(text: str, title: str, start: str) -> None:
    [event] = events_of(text)
    assert (event["kind"], event["title"], event["start"], event["city"]) == (
        "observance", title, start, None
    )  # fmt: skip


def test_a_venue_named_like_an_event_is_not_the_event() -> None:
    text = "新闻\n2023年6月9日，第二届标准化大会在人民大会堂召开。"
    assert [e["title"] for e in events_of(text)] == ["第二届标准化大会"]
    text = "标准化成果展示\n2023年6月9日上午在深圳会议展览中心举办标准化成果展示活动。"
    assert [e["title"] for e in events_of(text)] == ["标准化成果展示"]  # not "深圳会议展览"


def test_the_year_of_an_earlier_sentence_in_the_paragraph_checked_by_the_weekday() -> None:
    text = (
        "慶祝活動\n2023年5月20日是第24個世界計量日。"
        "創新科技署於5月22日(星期一)上午10時舉辦慶祝活動。"
    )
    starts = {e["start"] for e in events_of(text)}
    assert "2023-05-22" in starts  # 22 May 2023 was a Monday


def test_no_year_is_carried_across_paragraphs() -> None:
    text = (
        "標題\n2023年5月20日是第24個世界計量日。\n2022年12月1日,新規範開始實施。\n"
        "5月22日，標準化研討會在深圳舉行。"
    )
    meeting = [e for e in events_of(text) if e["kind"] == "meeting"]
    assert [e["start"] for e in meeting] == ["--05-22"]


def test_a_page_that_writes_one_year_means_it_for_its_other_days() -> None:
    text = "標題\n2023年5月20日是第24個世界計量日。\n5月22日，標準化研討會在深圳舉行。"
    meeting = [e for e in events_of(text) if e["kind"] == "meeting"]
    assert [e["start"] for e in meeting] == ["2023-05-22"]


def test_an_english_meeting_named_after_its_committee() -> None:
    text = (
        "ISO/TC 292 plenary\nDate: 2023-03-02\nThe 15th plenary meeting of ISO/TC 292 Security "
        "and resilience will be held in Shenzhen from 12 to 16 June."
    )
    [event] = events_of(text)
    assert event["title"] == "15th plenary meeting of ISO/TC 292 Security and resilience"
    assert (event["kind"], event["start"], event["end"], event["city"]) == (
        "meeting", "2023-06-12", "2023-06-16", "Shenzhen"
    )  # fmt: skip


def test_a_notice_announcing_an_activity_makes_its_window_a_campaign() -> None:
    text = (
        "市场监管总局关于开展2023年“质量月”活动的通知\n各省市场监管局：\n"
        "活动时间：2023年9月1日至30日。\n市场监管总局\n2023年8月25日"
    )
    [event] = events_of(text)
    assert (event["title"], event["kind"], event["start"], event["end"]) == (
        "2023年“质量月”活动", "campaign", "2023-09-01", "2023-09-30"
    )  # fmt: skip
    assert event["organisers"] == ["国家市场监督管理总局"]


def test_a_lower_case_workshop_on_a_topic_with_its_time() -> None:
    text = (
        "Standards Week 2024\nThe Standards Week will run from June 30 to July 2, 2024 in Geneva. "
        "A workshop on AI standards is scheduled for July 1 at 2:30 p.m."
    )
    events = {e["title"]: e for e in events_of(text)}
    assert events["Standards Week"]["end"] == "2024-07-02"
    workshop = events["workshop on AI standards"]
    assert (workshop["start"], workshop["time"], workshop["kind"]) == (
        "2024-07-01",
        "14:30",
        "meeting",
    )


def test_a_notice_in_spelled_numerals_is_signed_and_holds_its_training() -> None:
    text = (
        "关于举办二〇二四年度标准化培训的通知\n"
        "定于二〇二四年三月十二日至十四日在成都举办标准化知识培训班。请于三月五日前报名。\n"
        "成都市市场监督管理局\n二〇二四年二月二十日"
    )
    article = read_bytes(text.encode(), "notice.txt")
    assert (article.published_rule, str(article.published)) == ("signature", "2024-02-20")
    by_kind = {e["kind"]: e for e in events_of(text)}
    assert by_kind["training"]["organisers"] == ["成都市市场监督管理局"]
    assert (by_kind["training"]["start"], by_kind["training"]["end"]) == (
        "2024-03-12",
        "2024-03-14",
    )
    assert by_kind["deadline"]["start"] == "2024-03-05"


def test_an_undated_english_page_about_an_edition_means_its_year() -> None:
    text = (
        "Call for papers\nSubmit a paper to Kaleidoscope 2024, the academic conference of the "
        "standards body.\nThe deadline for submissions is 30 June."
    )
    deadlines = [e for e in events_of(text) if e["kind"] == "deadline"]
    assert [e["start"] for e in deadlines] == ["2024-06-30"]
