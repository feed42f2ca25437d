"""The pages and the widget in headless Chromium: rendered dates and titles per locale, no
console errors or CSP violations, the widget on another origin (script and iframe), and a
hostile article title shown as text with no dialog. Each locale's / is kept as a PNG."""

from __future__ import annotations

import pytest
from conftest import SCREENSHOTS, Watched
from flask import Flask
from pages.hostile import HOSTILE_TITLE

pytestmark = [pytest.mark.browser]

LOCALES = {
    "zh_Hans_CN": ("标准化活动", "2021年10月14日", "zh-Hans-CN"),
    "zh_Hant_TW": ("標準化活動", "2021年10月14日", "zh-Hant-TW"),
    "zh_Hant_HK": ("標準化活動", "2021年10月14日", "zh-Hant-HK"),
    "en": ("Standardization events", "Oct 14, 2021", "en"),
}


def assert_clean(watched: Watched) -> None:
    assert watched.errors == []
    assert watched.violations() == []
    assert watched.dialogs == []


@pytest.mark.parametrize("locale", list(LOCALES))
def test_index_renders_in_each_locale(
    live_app: tuple[str, Flask], watched: Watched, locale: str
) -> None:
    heading, day, lang = LOCALES[locale]
    page = watched.page
    page.goto(f"{live_app[0]}/?lang={locale}&month=2021-10")
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("h1").inner_text() == heading
    assert page.locator('table.grid time[datetime="2021-10-14"]').count() == 1
    assert page.locator(".subscribe input").count() == 5
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"index-{locale}.png"), full_page=True)
    page.goto(f"{live_app[0]}/events/1?lang={locale}")
    assert day in page.locator("dl.facts time").inner_text()
    assert_clean(watched)


def test_event_page_buttons_and_script_switch(
    live_app: tuple[str, Flask], watched: Watched
) -> None:
    page = watched.page
    page.goto(f"{live_app[0]}/events/1?lang=zh_Hant_TW")
    assert page.locator("h1").inner_text() == "第52屆世界標準日"
    assert page.get_by_role("link", name="Google Calendar").get_attribute("href", timeout=2000)
    page.locator(".script-switch a").click()
    page.wait_for_url("**script=original")
    assert page.locator("h1").inner_text() == "第52届世界标准日"
    assert_clean(watched)


@pytest.mark.parametrize(
    ("lang", "when", "title", "city", "kind"),
    [
        ("zh-Hans", "2023年6月9日", "2023青岛国际标准化大会", "青岛", "会议"),
        ("zh-Hant", "2023年6月9日", "2023青島國際標準化大會", "青島", "會議"),
        ("zh-Hant-HK", "2023年6月9日", "2023青島國際標準化大會", "青島", "會議"),
        ("en", "Jun 9, 2023", "2023青島國際標準化大會", "Qingdao", "Conference"),
    ],
)
def test_widget_on_another_origin(
    host_site: str, watched: Watched, lang: str, when: str, title: str, city: str, kind: str
) -> None:
    page = watched.page
    page.goto(f"{host_site}/widget?lang={lang}")
    widget = page.locator("stdcal-events")
    widget.locator('section[data-state="ready"]').wait_for(timeout=10_000)
    titles = widget.locator("a.title").all_inner_texts()
    dates = widget.locator("time.when").all_inner_texts()
    assert titles[0] == title and dates[0] == when
    assert len(titles) == 5
    first = widget.locator("li.event").first
    assert first.locator("span.city").inner_text() == city  # the label, not the code
    assert first.locator("span.kind").inner_text() == kind
    assert first.get_attribute("data-kind") == "conference"
    color = widget.locator("a.title").first.evaluate("a => getComputedStyle(a).color")
    assert color != "rgb(255, 0, 0)"  # the host's styles stay outside the shadow root
    size = "h => getComputedStyle(h).fontSize"
    assert page.locator("h2.host").evaluate(size) == "40px"  # and ours stay inside it
    assert widget.locator("h2").evaluate(size) != "40px"
    assert_clean(watched)


@pytest.mark.parametrize("path", ["/iframe?lang=en", "/widget?lang=en&mode=iframe"])
def test_iframe_embed_renders(host_site: str, watched: Watched, path: str) -> None:
    page = watched.page
    page.goto(f"{host_site}{path}")
    frame = page.frame_locator("iframe")
    frame.locator("ul.events li").first.wait_for(timeout=10_000)
    assert "Jun 9, 2023" in frame.locator("ul.events").inner_text()
    first = frame.locator('ul.events li[data-kind="conference"]').first
    assert first.locator("span.city").inner_text() == "Qingdao"
    assert first.locator("span.kind").inner_text() == "Conference"
    assert_clean(watched)


def test_hostile_title_is_text_and_runs_nothing(
    live_app: tuple[str, Flask], watched: Watched
) -> None:
    page = watched.page
    base = live_app[0]
    page.goto(f"{base}/articles?lang=zh_Hans_CN")
    link = page.get_by_text(HOSTILE_TITLE, exact=True)
    assert link.count() == 1
    link.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == HOSTILE_TITLE
    assert page.locator("main img, main script").count() == 0
    page.goto(f"{base}/events/1?lang=zh_Hans_CN")
    assert page.get_by_text(HOSTILE_TITLE, exact=True).count() == 1
    page.wait_for_timeout(300)
    assert watched.dialogs == []
    assert_clean(watched)
