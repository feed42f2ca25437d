"""The widget's server side: a frameable page, CORS JSON with Babel-formatted dates per
locale, the script, and the help page with snippets."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

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
