"""RSS, Atom and JSON Feed output, read back with feedparser and json as a subscriber would."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import time
from collections.abc import Callable, Sequence
from zoneinfo import ZoneInfo

import feedparser
import pytest

from events.model import (
    Article,
    Event,
    Kind,
    Language,
    PartialDate,
    PublishedArticle,
    PublishedEvent,
    SourceRef,
    Status,
)
from feeds.entries import FeedEntry, article_entry, event_entry
from feeds.jsonfeed import render_json_feed
from feeds.syndication import ChannelMeta, render_atom, render_rss

BASE = "https://cal.example.org"
SHANGHAI = ZoneInfo("Asia/Shanghai")
FIRST_SEEN = dt.datetime(2024, 4, 20, 9, 30, tzinfo=dt.UTC)
UPDATED = dt.datetime(2024, 4, 21, 8, 0, tzinfo=dt.UTC)
Renderer = Callable[[Sequence[FeedEntry], ChannelMeta], bytes]
XML_FORMATS = [(render_rss, "rss20"), (render_atom, "atom10")]


def published_article(
    title: str = "标准化活动周在青岛举行",
    published: dt.date | dt.datetime | None = dt.date(2024, 4, 24),
    article_id: int = 7,
) -> PublishedArticle:
    article = Article(
        source="seeds/qingdao.html",
        title=title,
        body="国家标准委发布通知。\n活动周在青岛举行 <期间> 召开论坛。",
        language=Language.HANS,
        published=published,
        url="https://news.example.cn/2024/0424.html",
        publisher="国家标准委",
        lead="标准化活动周开幕",
    )
    return PublishedArticle(
        id=article_id,
        article=article,
        first_seen=FIRST_SEEN,
        updated=UPDATED,
        kinds=(Kind.ACTIVITY_WEEK, Kind.FORUM),
        cities=("青岛",),
    )


def published_event(start: PartialDate, end: PartialDate | None) -> PublishedEvent:
    event = Event(
        title="世界标准日论坛",
        start=start,
        end=end,
        kind=Kind.FORUM,
        city="青岛",
        organisers=("青岛市市场监督管理局",),
        evidence="10月14日至16日在青岛举办论坛",
    )
    source = SourceRef(3, "论坛举办", "https://news.example.cn/1014.html", "", Language.HANS)
    return PublishedEvent(
        id=42,
        key="world-standards-day-forum-qingdao",
        event=event,
        status=Status.CONFIRMED,
        sequence=0,
        created=FIRST_SEEN,
        last_modified=UPDATED,
        sources=(source,),
    )


def channel(**changes: object) -> ChannelMeta:
    values: dict[str, object] = {
        "title": "stdcal 标准化资讯",
        "description": "标准化活动的新闻报道",
        "language": "zh-Hans",
        "self_url": f"{BASE}/feeds/atom.xml?page=2",
        "site_url": BASE,
        "feed_id": f"{BASE}/feeds/atom.xml",
        "updated": UPDATED,
        "hub_url": "https://hub.example.org/",
        "first_url": f"{BASE}/feeds/atom.xml",
        "next_url": f"{BASE}/feeds/atom.xml?page=3",
        "previous_url": f"{BASE}/feeds/atom.xml",
    }
    values.update(changes)
    return ChannelMeta(**values)  # type: ignore[arg-type]


def entries() -> list[FeedEntry]:
    return [
        article_entry(published_article(), BASE, None),
        article_entry(published_article("第二篇", None, article_id=8), BASE, None),
        event_entry(
            published_event(PartialDate(2024, 10, 14), PartialDate(2024, 10, 16)), BASE, "en"
        ),
    ]


def test_article_entry_maps_the_stored_article() -> None:
    entry = article_entry(published_article(), BASE, None)
    assert entry.id == entry.link == f"{BASE}/articles/7"
    assert entry.original_url == "https://news.example.cn/2024/0424.html"
    assert entry.published == dt.datetime(2024, 4, 24, tzinfo=SHANGHAI)
    assert entry.updated == UPDATED
    assert entry.author == "国家标准委"
    assert entry.summary == "标准化活动周开幕"
    assert entry.categories == ("activity-week", "forum", "青岛")
    assert entry.language == "zh-Hans"
    assert (
        entry.content_html
        == "<p>国家标准委发布通知。</p><p>活动周在青岛举行 &lt;期间&gt; 召开论坛。</p>"
    )


def test_article_without_a_date_is_published_when_first_seen() -> None:
    assert article_entry(published_article(published=None), BASE, None).published == FIRST_SEEN


def test_article_converted_to_traditional_script() -> None:
    entry = article_entry(published_article(), BASE, Language.HANT)
    assert entry.title == "標準化活動周在青島舉行"
    assert entry.summary == "標準化活動周開幕"
    assert "國家標準委" in entry.content_html
    assert entry.categories[-1] == "青島"
    assert entry.language == "zh-Hant"


@pytest.mark.parametrize(
    ("start", "end", "locale", "when"),
    [
        (
            PartialDate(2024, 10, 14),
            PartialDate(2024, 10, 16),
            "zh_Hans_CN",
            "2024年10月14日至16日",
        ),
        (PartialDate(2024, 10, 14), PartialDate(2024, 10, 16), "en", "Oct 14\u2009–\u200916, 2024"),
        (PartialDate(2024, 10, 14), None, "en", "Oct 14, 2024"),
        (PartialDate(None, 10, 14), None, "zh_Hant_TW", "10月14日"),
        (PartialDate(None, 12, 28), PartialDate(None, 1, 3), "en", "Dec 28\u2009–\u2009Jan 3"),
    ],
)
def test_event_title_carries_the_localized_dates(
    start: PartialDate, end: PartialDate | None, locale: str, when: str
) -> None:
    entry = event_entry(published_event(start, end), BASE, locale)
    assert entry.title == f"世界标准日论坛 · {when}"


def test_event_entry_links_its_calendar() -> None:
    entry = event_entry(published_event(PartialDate(2024, 10, 14), None), BASE, "zh_Hans_CN")
    assert entry.id == entry.link == f"{BASE}/events/42"
    assert entry.attachments == ((f"{BASE}/events/42.ics", "text/calendar"),)
    assert (entry.published, entry.updated) == (FIRST_SEEN, UPDATED)
    assert entry.categories == ("forum", "青岛")
    assert entry.original_url == "https://news.example.cn/1014.html"
    for fact in ("青岛", "青岛市市场监督管理局", "10月14日至16日在青岛举办论坛"):
        assert fact in entry.summary


@pytest.mark.parametrize(("render", "version"), XML_FORMATS)
def test_xml_feeds_parse_cleanly(render: Renderer, version: str) -> None:
    parsed = feedparser.parse(render(entries(), channel()))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == version
    assert parsed.feed.language == "zh-Hans"
    assert [e.id for e in parsed.entries] == [
        f"{BASE}/articles/7",
        f"{BASE}/articles/8",
        f"{BASE}/events/42",
    ]
    assert [e.link for e in parsed.entries] == [e.id for e in parsed.entries]
    first = parsed.entries[0]
    assert first.title == "标准化活动周在青岛举行"
    assert first.published_parsed == time.struct_time((2024, 4, 23, 16, 0, 0, 1, 114, 0))
    assert [t.term for t in first.tags] == ["activity-week", "forum", "青岛"]
    assert first.author == "国家标准委"
    assert parsed.entries[2].enclosures[0].href == f"{BASE}/events/42.ics"
    assert parsed.entries[2].enclosures[0].type == "text/calendar"


def test_rss_items_have_permalink_guids_and_languages() -> None:
    body = render_rss(entries(), channel())
    assert body.count(b'isPermaLink="true"') == 3
    parsed = feedparser.parse(body)
    assert [e.language for e in parsed.entries] == ["zh-Hans", "zh-Hans", "zh-Hans"]
    links = {link.rel: link.href for link in parsed.feed.links}
    assert links["self"] == f"{BASE}/feeds/atom.xml?page=2"
    assert links["hub"] == "https://hub.example.org/"


def test_atom_has_paging_hub_and_entry_languages() -> None:
    hant = article_entry(published_article(), BASE, Language.HANT)
    parsed = feedparser.parse(render_atom([hant], channel()))
    links = {link.rel: link.href for link in parsed.feed.links}
    assert links == {
        "self": f"{BASE}/feeds/atom.xml?page=2",
        "alternate": BASE,
        "hub": "https://hub.example.org/",
        "first": f"{BASE}/feeds/atom.xml",
        "next": f"{BASE}/feeds/atom.xml?page=3",
        "previous": f"{BASE}/feeds/atom.xml",
    }
    entry = parsed.entries[0]
    assert entry.title_detail.language == "zh-Hant"
    rels = [(link.rel, link.href) for link in entry.links]
    assert rels == [
        ("alternate", f"{BASE}/articles/7"),
        ("via", "https://news.example.cn/2024/0424.html"),
    ]


def test_atom_first_page_has_no_previous_link() -> None:
    parsed = feedparser.parse(render_atom(entries(), channel(previous_url=None, hub_url=None)))
    assert {link.rel for link in parsed.feed.links} == {"self", "alternate", "first", "next"}


@pytest.mark.parametrize("render", [render_rss, render_atom, render_json_feed])
def test_same_content_gives_same_bytes(render: Renderer) -> None:
    first = render(entries(), channel())
    time.sleep(0.01)  # feedgen would otherwise stamp a different now()
    assert render(entries(), channel()) == first


HOSTILE = "<script>alert(1)</script> ]]> a\x00b\x0bc\ud800\ufffe"


@pytest.mark.parametrize(("render", "version"), XML_FORMATS)
def test_hostile_title_is_escaped_and_cleaned(render: Renderer, version: str) -> None:
    body = render([article_entry(published_article(HOSTILE), BASE, None)], channel())
    parsed = feedparser.parse(body)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == version
    assert b"<script" not in body
    assert parsed.entries[0].title_detail.type == "text/plain"
    assert parsed.entries[0].title == "<script>alert(1)</script> ]]> abc"


def test_json_feed_structure() -> None:
    feed = json.loads(render_json_feed(entries(), channel()))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["home_page_url"] == BASE
    assert feed["feed_url"] == f"{BASE}/feeds/atom.xml?page=2"
    assert feed["next_url"] == f"{BASE}/feeds/atom.xml?page=3"
    assert feed["hubs"] == [{"type": "WebSub", "url": "https://hub.example.org/"}]
    assert feed["language"] == "zh-Hans"
    assert feed["authors"] == [{"name": "stdcal", "url": BASE}]  # items without one inherit it
    article, _, event = feed["items"]
    assert article["id"] == article["url"] == f"{BASE}/articles/7"
    assert article["external_url"] == "https://news.example.cn/2024/0424.html"
    assert article["authors"] == [{"name": "国家标准委"}]
    assert article["tags"] == ["activity-week", "forum", "青岛"]
    assert article["language"] == "zh-Hans"
    assert article["date_published"] == "2024-04-24T00:00:00+08:00"
    assert article["date_modified"] == "2024-04-21T08:00:00+00:00"
    for item in feed["items"]:
        dt.datetime.fromisoformat(item["date_published"])  # RFC 3339 with an offset
        assert item["date_published"][-6] in "+-"
    assert event["attachments"] == [{"url": f"{BASE}/events/42.ics", "mime_type": "text/calendar"}]
    assert "authors" not in event


def test_json_feed_without_next_page_or_hub() -> None:
    feed = json.loads(render_json_feed([], channel(next_url=None, hub_url=None)))
    assert "next_url" not in feed
    assert "hubs" not in feed
    assert feed["items"] == []


def test_json_feed_drops_unencodable_characters() -> None:
    body = render_json_feed([article_entry(published_article(HOSTILE), BASE, None)], channel())
    assert json.loads(body)["items"][0]["title"] == "<script>alert(1)</script> ]]> abc"


def test_an_entry_without_content_has_no_empty_content_element() -> None:
    bare = dataclasses.replace(entries()[0], content_html="", summary="")
    atom = render_atom([bare], channel())
    assert b"<content" not in atom
    parsed = feedparser.parse(atom)
    assert not parsed.bozo and parsed.entries[0].summary == bare.title  # some text, as Atom asks
