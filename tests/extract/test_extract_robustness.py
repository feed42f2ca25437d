"""Hostile and random text never crashes extraction and never yields more than MAX_EVENTS."""

from __future__ import annotations

import datetime as dt

from extract_helpers import article
from hypothesis import given, settings
from hypothesis import strategies as st

from events.errors import ReadError
from events.extract import MAX_EVENTS, extract
from events.model import Article, Event
from events.read import read_bytes

_FRAGMENTS = st.sampled_from(
    [
        "2021年", "10月", "14日", "至", "11日", "及前后各两周", "前", "上午9:30", "(星期六)",
        "召开", "举办了", "将于", "由", "主办", "、", "市场监督管理局", "标准化大会", "论坛",
        "世界标准日", "第52届", "是", "在青岛", "报送", "截止", "。", ",", "\n", "相关阅读",
        "July 28", "June 9-11, 2023", "from 9 to 11 June", " held in Qingdao", " Forum",
        "organized by the ", " and the ", "World Standards Day", ". ", "9:30 am", "Oct. 14",
        "十月十四日", "二〇二三年", "2021-10-14", "<p>", "</p>", "<html>",
    ]
)  # fmt: skip
_TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(_FRAGMENTS, st.text(max_size=5)), max_size=80).map("".join),
)


def _check(events: list[Event]) -> None:
    assert len(events) <= MAX_EVENTS
    for event in events:
        assert 0.0 <= event.confidence <= 1.0
        assert event.evidence


@settings(max_examples=150, deadline=None)
@given(_TEXT)
def test_random_text_read_and_extracted(text: str) -> None:
    try:
        source = read_bytes(text.encode("utf-8"), "test.txt")
    except ReadError:
        return
    _check(extract(source))


@settings(max_examples=150, deadline=None)
@given(_TEXT, st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))))
def test_random_body_with_any_publication_date(text: str, published: dt.date | None) -> None:
    _check(extract(article(text, published=published)))


def _many_events() -> Article:
    lines = [f"第{i}届标准化论坛于5月{i}日在青岛召开。" for i in range(1, 29)]
    lines += [f"第{i}次标准化研讨会于6月{i}日在深圳召开。" for i in range(1, 29)]
    return article("\n".join(lines), published=dt.date(2023, 4, 1))


def test_at_most_max_events() -> None:
    assert len(extract(_many_events())) == MAX_EVENTS


def test_max_events_argument() -> None:
    events = extract(_many_events(), max_events=3)
    assert [e.start.iso() for e in events] == ["2023-05-01", "2023-05-02", "2023-05-03"]
