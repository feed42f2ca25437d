"""Article text that is markup stays text on every page and in the widget's JSON."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient
from hostile import HOSTILE_TITLE, ingest_hostile

pytestmark = pytest.mark.store


@pytest.mark.parametrize("locale", ["zh_Hans_CN", "zh_Hant_TW", "en"])
def test_hostile_titles_are_escaped(app: Flask, client: FlaskClient, locale: str) -> None:
    ingest_hostile(app.extensions["stdcal"].sessions)
    listing = client.get(f"/articles?lang={locale}").get_data(as_text=True)
    article_id = listing.split("</header>")[1].split('href="/articles/')[1].split('"')[0]
    for path in ("/articles", f"/articles/{article_id}", "/events/1", "/"):
        text = client.get(f"{path}?lang={locale}").get_data(as_text=True)
        assert "<script>alert" not in text and "<img src=x" not in text, path
    article = client.get(f"/articles/{article_id}?lang={locale}&script=original")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in (
        article.get_data(as_text=True)
    )
    assert HOSTILE_TITLE.startswith("世界标准日")
