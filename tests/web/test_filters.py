"""Query parameters: malformed values are a 400 naming the parameter; unknown ones are fine."""

from __future__ import annotations

import datetime as dt

import pytest
from werkzeug.datastructures import MultiDict

from events.model import Language
from feeds.filters import BadParameter, parse_event_filter, parse_limit, parse_script


@pytest.mark.parametrize(
    ("args", "field", "expected"),
    [
        ([("city", "Qingdao")], "city", "Qingdao"),
        ([("kind", "forum"), ("kind", "conference")], "kinds", ("forum", "conference")),
        ([("kind", "no-such-kind")], "kinds", ("no-such-kind",)),
        ([("from", "2021-10-01")], "start_from", dt.date(2021, 10, 1)),
        ([("to", "2021-10-31")], "start_to", dt.date(2021, 10, 31)),
        ([("lang", "zh-Hant")], "lang", Language.HANT),
        ([("lang", "zh_hans")], "lang", Language.HANS),
        ([("lang", "EN")], "lang", Language.EN),
        ([("organiser", "深圳市市场监督管理局")], "organiser", "深圳市市场监督管理局"),
    ],
)
def test_event_filter_values(args: list[tuple[str, str]], field: str, expected: object) -> None:
    assert getattr(parse_event_filter(MultiDict(args)), field) == expected


@pytest.mark.parametrize(
    ("args", "name"),
    [
        ([("from", "yesterday")], "from"),
        ([("to", "2021-13-01")], "to"),
        ([("from", "2021-10-02"), ("to", "2021-10-01")], "to"),
        ([("lang", "fr")], "lang"),
        ([("kind", "<script>")], "kind"),
    ],
)
def test_malformed_values_name_the_parameter(args: list[tuple[str, str]], name: str) -> None:
    with pytest.raises(BadParameter, match=f"'{name}'"):
        parse_event_filter(MultiDict(args))


@pytest.mark.parametrize("value", ["0", "501", "-1", "ten", "1.5"])
def test_limit_bounds(value: str) -> None:
    with pytest.raises(BadParameter, match="'limit'"):
        parse_limit({"limit": value})


def test_limit_default_and_script() -> None:
    assert parse_limit({}) == 50
    assert parse_limit({"limit": "500"}) == 500
    assert parse_script("hant") is Language.HANT
    with pytest.raises(BadParameter, match="'script'"):
        parse_script("latin")
