"""The JSON shape of an event (``stdcal extract --json``), and one announcement read the same
from simplified, traditional and English text."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_helpers import article, as_json, only_event, read_text

from events.extract import event_to_json
from events.model import Kind

REQUIRED_KEYS = {
    "title", "start", "end", "time", "all_day", "city", "organisers", "kind", "confidence",
    "evidence",
}  # fmt: skip
SENTENCE = "标准化研讨会于5月10日上午9:30在青岛召开"


def test_keys_and_values() -> None:
    source = article(f"会议筹备工作已经完成。{SENTENCE}。", published=dt.date(2023, 5, 1))
    (record,) = as_json(source)
    assert set(record) >= REQUIRED_KEYS
    assert record["start"] == record["end"] == "2023-05-10"
    assert (record["time"], record["all_day"]) == ("09:30", False)
    assert (record["kind"], record["city"], record["organisers"]) == ("meeting", "Qingdao", [])
    assert isinstance(record["confidence"], float)
    assert 0.0 <= record["confidence"] <= 1.0
    assert SENTENCE in record["evidence"]
    assert "筹备" not in record["evidence"]


def test_unknown_year_and_all_day() -> None:
    record = event_to_json(only_event(article("第三届标准化论坛将于1月10日在北京举办。")))
    assert (record["start"], record["end"]) == ("--01-10", "--01-10")
    assert (record["time"], record["all_day"]) == (None, True)
    assert 0.0 <= record["confidence"] <= 1.0
    assert "1月10日" in record["evidence"]


ANNOUNCEMENTS = {
    "zh-Hans": "2023国际标准化大会在青岛召开\n发布日期:2023-06-12\n"
    "2023国际标准化大会于6月9日在青岛召开。\n",
    "zh-Hant": "2023國際標準化大會在青島召開\n發布日期:2023-06-12\n"
    "2023國際標準化大會於6月9日在青島召開。\n",
    "en": "2023 International Standardization Conference held in Qingdao\n"
    "Release Date:2023-06-12\n"
    "The 2023 International Standardization Conference was held in Qingdao on June 9.\n",
}


@pytest.mark.parametrize("language", sorted(ANNOUNCEMENTS))
def test_one_announcement_in_each_script(language: str) -> None:
    source = read_text(ANNOUNCEMENTS[language])
    assert source.language.value == language
    event = only_event(source)
    assert (event.start.iso(), event.kind, event.city) == ("2023-06-09", Kind.CONFERENCE, "Qingdao")
