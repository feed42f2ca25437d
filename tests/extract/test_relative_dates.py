"""English reports dated by their dateline: ``today``, ``on Friday`` and ``until 14 June``."""

from __future__ import annotations

from events.extract import event_to_json, extract
from events.read import read_bytes


def read(text: str) -> tuple[str | None, list[dict[str, object]]]:
    article = read_bytes(text.encode(), "report.txt")
    published = article.published.isoformat() if article.published else None
    return published, [event_to_json(e) for e in extract(article)]


def test_today_until_a_date_is_a_range_from_the_dateline() -> None:
    published, events = read(
        "ITU Council 2024\nGeneva, 4 June 2024 – The ITU Council opened today and runs until "
        "14 June."
    )
    assert published == "2024-06-04"
    assert [(e["start"], e["end"]) for e in events] == [("2024-06-04", "2024-06-14")]


def test_on_a_weekday_is_the_last_such_day_of_the_report() -> None:
    published, events = read(
        "Conference opens\nBEIJING, June 9, 2023 (Xinhua) -- The 2023 Qingdao International "
        "Standardization Conference opened on Friday in Qingdao."
    )
    assert published == "2023-06-09"
    [event] = events
    assert (event["title"], event["start"], event["city"]) == (
        "2023 Qingdao International Standardization Conference", "2023-06-09", "Qingdao"
    )  # fmt: skip


def test_a_publication_line_dates_today() -> None:
    _, events = read("Standards news\nPublished: 2024-06-04\nThe ITU Council opened today.")
    assert [e["start"] for e in events] == ["2024-06-04"]


def test_without_a_date_of_its_own_today_means_nothing() -> None:
    _, events = read("Standards news\nThe ITU Council opened today.")
    assert events == []


def test_a_chinese_quote_saying_today_is_not_the_report_day() -> None:
    _, events = read("新闻\n人民网北京6月9日电 她说：“今天我们召开标准化大会。”")
    assert all(e["start"] != "2023-06-09" for e in events)
