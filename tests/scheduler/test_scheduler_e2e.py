"""The real scheduler, with intervals of half a second, keeping the service fresh on its own.

Nothing here calls a source directly: the test edits the local site and waits (against a
deadline) for the calendar, the feed and /healthz to show what a subscriber should see, while
four broken sources fail beside the good one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from local_site import FAILING, Site, every, failing_sources, news_source, page
from observe import Seen, atom_titles, calendar_event, health_sources, wait_for

from feeds.runtime import Runtime
from feeds.scheduler import SourceScheduler, describe

pytestmark = pytest.mark.store

FORUM = "2027年标准化论坛"
MEETING_ARTICLE = "标准化技术委员会年会将在广州召开"
TICK = every(0.5)
DEADLINE = 20.0  # seconds; the conditions below are met in a few


@pytest.fixture
def scheduler(app: Flask, site: Site) -> Iterator[SourceScheduler]:
    runtime: Runtime = app.extensions["stdcal"]
    sources = [news_source(site, interval_minutes=TICK)]
    sources += failing_sources(site, interval_minutes=TICK)
    running = SourceScheduler(runtime, sources, jitter_seconds=0)
    running.start()
    try:
        yield running
    finally:
        running.shutdown(wait=True)


def test_scheduler_follows_the_site_despite_failing_sources(
    scheduler: SourceScheduler, client: FlaskClient, site: Site
) -> None:
    before = wait_for(
        lambda: calendar_event(client, FORUM), timeout=DEADLINE, what="the forum in the calendar"
    )
    assert before.start == dt.date(2027, 11, 8)

    site.pages["/news/forum.html"] = page("forum_hangzhou_moved")
    site.pages["/news/meeting.html"] = page("meeting_guangzhou")
    site.listed.append("/news/meeting.html")

    def moved() -> Seen | None:
        event = calendar_event(client, FORUM)
        return event if event is not None and event.start.day == 9 else None

    after = wait_for(moved, timeout=DEADLINE, what="the forum moved to 9 November")
    assert after.uid == before.uid
    assert after.sequence > before.sequence
    wait_for(
        lambda: MEETING_ARTICLE in atom_titles(client),
        timeout=DEADLINE,
        what="the new article in the atom feed",
    )

    def all_recorded() -> dict[str, dict[str, Any]] | None:
        # a run's articles are visible before its source state is written, and a source is
        # listed before its first run ends (the slow one waits for its fetch timeout): wait
        # until every source has a recorded run
        health = health_sources(client)
        news_done = health.get("news", {}).get("runs", 0) >= 2
        failing_done = all(health.get(name, {}).get("runs", 0) >= 1 for name in FAILING)
        return health if news_done and failing_done else None

    health = wait_for(all_recorded, timeout=DEADLINE, what="every source in /healthz")
    assert health["news"]["result"] == "ok"
    for name, (_path, error) in FAILING.items():
        assert health[name]["result"] == "failed"
        assert error in str(health[name]["error"])
        assert health[name]["next_run"] is not None
    assert {item["name"] for item in describe(scheduler)} == {"news", *FAILING}


def test_failing_source_is_retried_with_backoff(
    scheduler: SourceScheduler, client: FlaskClient
) -> None:
    """The good source runs every tick; the broken one after 1, 2, then 4 ticks."""
    wait_for(
        lambda: health_sources(client).get("news", {}).get("runs", 0) >= 6,
        timeout=DEADLINE,
        what="six runs of the good source",
    )
    health = health_sources(client)
    assert health["broken"]["result"] == "failed"
    broken, good = health["broken"]["runs"], health["news"]["runs"]
    assert broken >= 1 and broken <= 4 < good
    outcome = scheduler.outcomes["broken"]
    assert outcome.retry_in is not None and outcome.retry_in >= dt.timedelta(seconds=1)
