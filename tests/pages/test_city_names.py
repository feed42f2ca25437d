"""City names follow the reader's language: the store keeps one canonical English name."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient


@pytest.mark.parametrize(
    ("lang", "shown", "absent"),
    [("zh_Hans_CN", "青岛", "青島"), ("zh_Hant_TW", "青島", "青岛"), ("en", "Qingdao", "青島")],
)
def test_cities_are_shown_in_the_readers_language(
    client: FlaskClient, lang: str, shown: str, absent: str
) -> None:
    page = client.get(f"/?lang={lang}&city=Qingdao").get_data(as_text=True)
    row = page[page.index('class="city"') :][:80]
    assert shown in row and absent not in row
