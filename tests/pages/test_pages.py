"""The public pages through the Flask test client: localized dates in every locale, locale
negotiation and its cookie, the script switch, the grid, filters, subscription and
add-to-calendar links, autodiscovery, and escaping of hostile article text."""

from __future__ import annotations

import datetime as dt
import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient
from htmlcheck import html_problems
from sqlalchemy.engine import Engine

from feeds.config import Settings
from feeds.l10n import LOCALES, View

pytestmark = pytest.mark.store

HREF = re.compile(r'href="([^"]*)"')


def page(client: FlaskClient, path: str, **headers: str) -> str:
    response = client.get(path, headers=headers)
    assert response.status_code == 200, (path, response.status_code)
    return response.get_data(as_text=True).replace("\u2009", " ")


def hrefs(text: str) -> list[str]:
    return [html.unescape(h) for h in HREF.findall(text)]


def section(text: str, heading_id: str) -> str:
    start = text.index(f'id="{heading_id}"')
    return text[start : text.index("</section>", start)]


@pytest.mark.parametrize(
    ("locale", "day", "relative"),
    [
        ("zh_Hans_CN", "2021年10月14日", "年前"),
        ("zh_Hant_TW", "2021年10月14日", "年前"),
        ("zh_Hant_HK", "2021年10月14日", "年前"),
        ("en", "Oct 14, 2021", "years ago"),
    ],
)
def test_event_dates_are_localized(
    client: FlaskClient, locale: str, day: str, relative: str
) -> None:
    text = page(client, f"/events/1?lang={locale}")
    assert f'<html lang="{locale.replace("_", "-")}">' in text
    assert f'<time datetime="2021-10-14">{day}</time>' in text
    assert relative in text
    assert "2021-10-14</time>" not in text


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("zh_Hans_CN", "2021年9月30日至10月28日"), ("en", "Sep 30 – Oct 28, 2021")],
)
def test_ranges_across_months(client: FlaskClient, locale: str, expected: str) -> None:
    assert expected in page(client, f"/events/6?lang={locale}")


def test_negotiation_query_then_cookie_then_header_then_default(client: FlaskClient) -> None:
    assert '<html lang="zh-Hans-CN">' in page(client, "/")
    assert '<html lang="zh-Hant-HK">' in page(client, "/", **{"Accept-Language": "fr, zh-HK"})
    assert client.get_cookie("stdcal_locale") is None  # a header is not remembered
    assert '<html lang="en">' in page(client, "/?lang=en", **{"Accept-Language": "zh-TW"})
    cookie = client.get_cookie("stdcal_locale")
    assert cookie is not None and cookie.value == "en"
    assert '<html lang="en">' in page(client, "/articles", **{"Accept-Language": "zh-TW"})
    assert '<html lang="zh-Hant-TW">' in page(client, "/?lang=zh-TW")
    assert '<html lang="zh-Hant-TW">' in page(client, "/status")


def test_the_configured_default_applies_last(settings: Settings, engine: Engine) -> None:
    from feeds.app import create_app

    app = create_app(settings.with_overrides(default_locale="zh_Hant_TW"), engine=engine)
    client = app.test_client()
    assert '<html lang="zh-Hant-TW">' in page(client, "/")
    assert '<html lang="en">' in page(client, "/", **{"Accept-Language": "en-US"})


@pytest.mark.parametrize(
    ("path", "name"),
    [("/?lang=fr", "lang"), ("/?script=latin", "script"), ("/?month=soon", "month"),
     ("/?tz=Mars/Olympus", "tz"), ("/?tz=" + "Asia" * 100, "tz"),
     ("/embed/events?limit=0", "limit")],
)  # fmt: skip
def test_malformed_view_parameters_are_400s(client: FlaskClient, path: str, name: str) -> None:
    response = client.get(path)
    assert response.status_code == 400
    assert f"'{name}'" in response.get_data(as_text=True)


def test_a_chosen_time_zone_is_named_and_remembered(client: FlaskClient) -> None:
    assert "Central European" in page(client, "/?lang=en&tz=Europe/Paris")
    cookie = client.get_cookie("stdcal_tz")
    assert cookie is not None and cookie.value == "Europe/Paris"
    assert "China Standard Time" in page(client, "/?lang=en&tz=Asia/Shanghai")


def test_traditional_readers_see_converted_text_with_a_switch(client: FlaskClient) -> None:
    converted = page(client, "/events/1?lang=zh_Hant_TW")
    assert "第52屆世界標準日" in converted and "第52届世界标准日" not in converted
    assert "/events/1?lang=zh_Hant_TW&script=original" in hrefs(converted)
    original = page(client, "/events/1?lang=zh_Hant_TW&script=original")
    assert '<h1 lang="zh-Hans">第52届世界标准日</h1>' in original
    assert "/events/1?lang=zh_Hant_TW" in hrefs(original)
    assert "2023青岛国际标准化大会" in page(client, "/events/4?lang=zh_Hans_CN")
    assert "2023青島國際標準化大會" in page(client, "/events/4?lang=en")


def test_upcoming_events_come_first_then_recent(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(View, "today", lambda self: dt.date(2021, 10, 15))
    text = page(client, "/?lang=zh_Hans_CN")
    upcoming, recent = section(text, "upcoming-title"), section(text, "recent-title")
    order = [int(x) for x in re.findall(r'href="/events/(\d+)"', upcoming)]
    assert order == [6, 2, 7, 4]  # ongoing campaign, today, then later
    assert "今天" in upcoming  # event 2 starts today
    assert "2周后" in upcoming and "2年后" in upcoming  # event 7 on the 27th, event 4 in 2023
    assert [int(x) for x in re.findall(r'href="/events/(\d+)"', recent)] == [1, 5]
    assert text.index('id="upcoming-title"') < text.index('id="recent-title"')


def test_month_grid_places_events_on_their_days(client: FlaskClient) -> None:
    text = page(client, "/?lang=en&month=2021-10")
    grid = section(text, "month-title")
    assert "October 2021" in grid
    assert '<abbr title="Monday">Mon</abbr>' in grid
    cell = grid[grid.index('datetime="2021-10-14"') : grid.index('datetime="2021-10-15"')]
    assert 'href="/events/1"' in cell and 'href="/events/6"' in cell
    assert {"/?lang=en&month=2021-09", "/?lang=en&month=2021-11"} <= set(hrefs(grid))
    assert "2021年10月" in page(client, "/?lang=zh_Hant_TW&month=2021-10")


def test_filters_narrow_the_list_and_the_subscriptions(client: FlaskClient) -> None:
    text = page(client, "/?lang=en&city=Qingdao&kind=conference")
    listed = set(re.findall(r'href="/events/(\d+)"', section(text, "recent-title")))
    assert listed == {"4"}
    links = hrefs(section(text, "subscribe-title"))
    base = "http://stdcal.test"
    query = "?city=Qingdao&kind=conference&lang=en"
    for path in ("/calendar.ics", "/feeds/events.rss", "/feeds/events.atom", "/feeds/events.json"):
        assert base + path + query in links
        assert client.get(path + query).status_code == 200
    assert "webcal://stdcal.test/calendar.ics" + query in links


def test_add_to_calendar_links(client: FlaskClient) -> None:
    links = hrefs(page(client, "/events/6?lang=en"))
    google = next(urlsplit(h) for h in links if h.startswith("https://calendar.google.com/"))
    args = {k: v[0] for k, v in parse_qs(google.query).items()}
    assert google.path == "/calendar/render" and args["action"] == "TEMPLATE"
    assert args["text"] == "2021年世界标准日宣传活动"
    assert args["dates"] == "20210930/20211029" and args["location"] == "Tianjin"
    assert "http://stdcal.test/events/6" in args["details"]
    outlook = next(urlsplit(h) for h in links if h.startswith("https://outlook.live.com/"))
    args = {k: v[0] for k, v in parse_qs(outlook.query).items()}
    assert outlook.path == "/calendar/0/deeplink/compose"
    assert (args["subject"], args["startdt"], args["enddt"], args["allday"]) == (
        "2021年世界标准日宣传活动", "2021-09-30", "2021-10-29", "true")  # fmt: skip
    assert "webcal://stdcal.test/events/6.ics?lang=en" in links
    assert "http://stdcal.test/events/6.ics?lang=en" in links
    assert client.get("/events/6.ics?lang=en").status_code == 200


def test_an_undated_event_has_no_calendar_buttons(client: FlaskClient) -> None:
    text = page(client, "/events/3?lang=zh_Hans_CN")
    assert "4月24日" in text and "年份尚未确定" in text
    assert "calendar.google.com" not in text and ".ics" not in text.split("</header>")[1]


PAGES = ["/", "/events/1", "/events/3", "/articles", "/articles/1", "/status", "/embed/help"]


@pytest.mark.parametrize("locale", LOCALES)
def test_pages_are_well_formed_with_autodiscovery(client: FlaskClient, locale: str) -> None:
    for path in PAGES:
        text = page(client, f"{path}?lang={locale}")
        assert html_problems(text) == [], path
        for kind in ("application/rss+xml", "application/atom+xml", "application/feed+json"):
            assert f'<link rel="alternate" type="{kind}"' in text, (path, kind)
    embed = page(client, f"/embed/events?lang={locale}")
    assert html_problems(embed) == []


def test_interface_text_comes_from_the_catalog(client: FlaskClient) -> None:
    assert "<h1>標準化活動</h1>" in page(client, "/?lang=zh_Hant_HK")
    assert "<h1>Standardization events</h1>" in page(client, "/?lang=en")


def test_article_pages_format_their_dates(client: FlaskClient) -> None:
    text = page(client, "/articles/1?lang=en")
    assert "Oct 19, 2021, 4:20:00 PM (China Standard Time)" in text.replace("\u202f", " ")
    assert 'href="/events/1"' in text


def test_health_and_status_still_work(client: FlaskClient, app: Flask) -> None:
    body = client.get("/healthz").get_json()
    assert body["database"] == "ok" and body["articles"] == 5
    assert all(set(s) >= {"name", "last_run", "next_run", "counts"} for s in body["sources"])
    assert "中国标准时间" in page(client, "/status?lang=zh_Hans_CN")
