"""The widget's server side: a frameable page, CORS JSON with Babel-formatted dates per
locale, the script, and the help page with snippets."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from flask.testing import FlaskClient
from publish.test_feeds import published_event

from events.model import Kind, PartialDate
from feeds.l10n import View
from feeds.web.embed import event_json

pytestmark = pytest.mark.store


def test_the_embed_page_may_be_framed_anywhere(client: FlaskClient) -> None:
    for path in ("/embed?lang=en", "/embed/events?lang=en&city=Qingdao"):
        response = client.get(path)
        assert response.status_code == 200
        assert "X-Frame-Options" not in response.headers
        assert "frame-ancestors *" in response.headers["Content-Security-Policy"]
    assert client.get("/").headers["X-Frame-Options"] == "DENY"


def test_the_embed_page_honours_filters_and_locale(client: FlaskClient) -> None:
    text = client.get("/embed/events?lang=en&city=Qingdao").get_data(as_text=True)
    assert "Jun 9, 2023" in text and "Jul 28, 2021" in text
    assert "第52" not in text and "<script" not in text
    assert 'href="http://stdcal.test/events/4?lang=en"' in text


@pytest.mark.parametrize(
    ("lang", "when", "heading"),
    [
        ("zh-Hans", "2023年6月9日", "标准化活动"),
        ("zh-Hant", "2023年6月9日", "標準化活動"),
        ("zh-Hant-HK", "2023年6月9日", "標準化活動"),
        ("en", "Jun 9, 2023", "Standardization events"),
    ],
)
def test_json_carries_formatted_dates(
    client: FlaskClient, lang: str, when: str, heading: str
) -> None:
    response = client.get(f"/embed/events.json?lang={lang}&limit=2&city=Qingdao")
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    data = response.get_json()
    assert data["heading"] == heading
    assert [e["id"] for e in data["events"]] == [4, 5]  # latest first when nothing is upcoming
    assert data["events"][0]["when"] == when
    assert data["events"][0]["relative"]


STABLE = ("id", "kind", "city", "start", "end", "start_time", "end_time", "timezone")


@pytest.mark.parametrize(
    ("lang", "city_label", "kind_label"),
    [
        ("zh-Hans", "青岛", "会议"),
        ("zh-Hant", "青島", "會議"),
        ("zh-Hant-HK", "青島", "會議"),
        ("en", "Qingdao", "Conference"),
    ],
)
def test_api_gives_stable_values_beside_the_localized_labels(
    client: FlaskClient, lang: str, city_label: str, kind_label: str
) -> None:
    [event] = client.get(f"/api/events?lang={lang}&city=Qingdao&kind=conference").get_json()[
        "events"
    ]
    assert {key: event[key] for key in STABLE} == {
        "id": 4,
        "kind": "conference",
        "city": "Qingdao",
        "start": "2023-06-09",
        "end": "2023-06-09",
        "start_time": None,
        "end_time": None,
        "timezone": "Asia/Shanghai",
    }
    assert (event["city_label"], event["kind_label"]) == (city_label, kind_label)


def test_api_values_filter_and_sort_the_same_in_every_locale(client: FlaskClient) -> None:
    """What a program keys on is equal whatever language the list was asked in."""
    lists = {
        lang: client.get(f"/api/events?lang={lang}&limit=50").get_json()["events"]
        for lang in ("zh-Hans", "zh-Hant", "en")
    }
    stable = {lang: [[e[k] for k in STABLE] for e in events] for lang, events in lists.items()}
    assert stable["zh-Hans"] == stable["zh-Hant"] == stable["en"]
    events = lists["en"]
    assert {e["kind"] for e in events} <= {kind.value for kind in Kind}
    assert {e["city"] for e in events} >= {"Qingdao", "Shenzhen", "Tianjin"}
    for event in events:
        first = dt.date.fromisoformat(event["start"])
        assert dt.date.fromisoformat(event["end"]) >= first
    qingdao = [e["id"] for e in events if e["city"] == "Qingdao"]
    assert [e["id"] for e in lists["zh-Hant"] if e["city"] == "Qingdao"] == qingdao == [4, 5]


def test_api_times_are_iso_in_the_events_zone() -> None:
    day = published_event(PartialDate(2024, 10, 14), None)
    timed = replace(day, event=replace(day.event, time=dt.time(9, 30), end_time=dt.time(17, 0)))
    record = event_json(timed, View("en"), "https://cal.example.org")
    assert (record["start"], record["start_time"], record["end_time"]) == (
        "2024-10-14",
        "09:30",
        "17:00",
    )
    assert record["timezone"] == "Asia/Shanghai"
    assert record["when"].startswith("Oct 14, 2024")  # the label keeps the reader's words


def test_json_converts_titles_for_the_readers_script(client: FlaskClient) -> None:
    hans = client.get("/embed/events.json?lang=zh-Hans&kind=conference").get_json()
    assert "2023青岛国际标准化大会" in [e["title"] for e in hans["events"]]
    hant = client.get("/embed/events.json?lang=zh-Hant&kind=observance").get_json()
    assert hant["events"][0]["title"] == "第52屆世界標準日"


def test_the_script_is_served_as_javascript(client: FlaskClient) -> None:
    response = client.get("/embed.js")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/javascript")
    body = response.get_data(as_text=True)
    assert 'customElements.define("stdcal-events"' in body
    assert "innerHTML" not in body


def test_help_page_has_copyable_snippets(client: FlaskClient) -> None:
    text = client.get("/embed/help?lang=en").get_data(as_text=True)
    assert '&lt;script src="http://stdcal.test/embed.js" defer&gt;' in text
    assert "&lt;stdcal-events" in text and "/embed/events?lang=en" in text


def test_the_widget_api_is_served_at_api_events_with_cors(client: FlaskClient) -> None:
    api = client.get("/api/events?lang=en&city=Qingdao")
    assert api.headers["Access-Control-Allow-Origin"] == "*"
    assert api.get_json() == client.get("/embed/events.json?lang=en&city=Qingdao").get_json()
