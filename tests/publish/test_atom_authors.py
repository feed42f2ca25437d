"""RFC 4287 §4.1.1: an atom:feed holds an atom:author unless every atom:entry has its own, and
each Person construct has exactly one atom:name. feedparser accepts a feed that breaks this
(the W3C feed validator does not), so the rule is checked here on the XML itself: on the
renderer, and on every Atom feed the service publishes, filtered or not."""

from __future__ import annotations

import feedparser
import pytest
from flask.testing import FlaskClient
from lxml import etree
from publish.test_feeds import BASE, channel, entries, published_event

from events.model import PartialDate
from feeds.config import Settings
from feeds.entries import event_entry
from feeds.syndication import render_atom, render_rss

A = "{http://www.w3.org/2005/Atom}"


def rfc4287_author_errors(body: bytes) -> list[str]:
    """What a validator would say about authors: entries left without one, names missing."""
    feed = etree.fromstring(body)
    errors: list[str] = []
    people = feed.findall(f"{A}author") + feed.findall(f"{A}entry/{A}author")
    for person in people:
        names = [n for n in person.findall(f"{A}name") if (n.text or "").strip()]
        if len(names) != 1:
            errors.append(f"an atom:author with {len(names)} atom:name elements")
    if not feed.findall(f"{A}author"):
        for index, entry in enumerate(feed.findall(f"{A}entry")):
            if entry.find(f"{A}author") is None:
                errors.append(f"entry {index} has no atom:author and the feed has none")
    return errors


def test_the_check_finds_an_entry_without_author() -> None:
    body = (
        b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><author><name>a</name></author>'
        b"</entry><entry/></feed>"
    )
    assert rfc4287_author_errors(body) == ["entry 1 has no atom:author and the feed has none"]


def test_the_feed_author_covers_entries_without_one() -> None:
    event = event_entry(published_event(PartialDate(2024, 10, 14), None), BASE, "en")
    assert event.author is None
    body = render_atom([event, *entries()], channel(author="Example Standards Office"))
    assert rfc4287_author_errors(body) == []
    feed = etree.fromstring(body)
    assert [n.text for n in feed.findall(f"{A}author/{A}name")] == ["Example Standards Office"]
    assert [u.text for u in feed.findall(f"{A}author/{A}uri")] == [BASE]
    parsed = feedparser.parse(body)
    assert parsed.feed.author_detail == {"name": "Example Standards Office", "href": BASE}
    assert parsed.entries[1].author == "国家标准委"  # an article's publisher stays its author


def test_rss_keeps_no_managing_editor_without_an_address() -> None:
    assert b"managingEditor" not in render_rss(entries(), channel(author="Someone"))


ATOM_PATHS = {  # path: how many of its entries (from the seeds) have no author of their own
    "/feeds/atom.xml": 3,
    "/feeds/atom.xml?page=2&limit=2": 2,
    "/feeds/atom.xml?city=Qingdao": 1,
    "/feeds/atom.xml?kind=forum": 1,
    "/feeds/atom.xml?lang=zh-Hant": 0,
    "/feeds/atom.xml?script=hant": 3,
    "/feeds/atom.xml?city=Atlantis": 0,
    "/feeds/events.atom": 6,
    "/feeds/events.atom?city=Qingdao": 2,
    "/feeds/events.atom?kind=forum": 1,
    "/feeds/events.atom?lang=en": 6,
    "/feeds/events.atom?lang=zh-Hant&city=Shenzhen": 1,
}


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.with_overrides(feed_author="Example Standards Office")


@pytest.mark.store
@pytest.mark.parametrize(("path", "bare"), ATOM_PATHS.items())
def test_every_served_atom_feed_has_an_author_for_every_entry(
    client: FlaskClient, path: str, bare: int
) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert rfc4287_author_errors(response.data) == []
    feed = etree.fromstring(response.data)
    entries = feed.findall(f"{A}entry")
    assert sum(entry.find(f"{A}author") is None for entry in entries) == bare
    assert feed.findtext(f"{A}author/{A}name") == "Example Standards Office"
    assert feed.findtext(f"{A}author/{A}uri") == "http://stdcal.test"
