"""A source refreshed run by run against a real local site, observed through the service.

Each test calls :func:`events.refresh.run_source` as a scheduled job would, edits the site
between runs, and reads the result back from /feeds/atom.xml, /calendar.ics and /healthz.
"""

from __future__ import annotations

import datetime as dt
import time

import pytest
from flask import Flask
from flask.testing import FlaskClient
from local_site import FAILING, Site, every, failing_sources, news_source, page
from observe import atom_titles, calendar_event, health_sources
from sqlalchemy.orm import Session, sessionmaker

from events.refresh import run_source

pytestmark = pytest.mark.store

FORUM = "2027年标准化论坛"
FORUM_ARTICLE = "标准化论坛将在杭州举办"
WORKSHOP = "团体标准研讨会"
WORKSHOP_ARTICLE = "团体标准研讨会在深圳召开"
MEETING = "全国信息技术标准化技术委员会年会"
MEETING_ARTICLE = "标准化技术委员会年会将在广州召开"


def sessions_of(app: Flask) -> sessionmaker[Session]:
    sessions: sessionmaker[Session] = app.extensions["stdcal"].sessions
    return sessions


def test_new_article_appears_in_the_atom_feed(app: Flask, client: FlaskClient, site: Site) -> None:
    source = news_source(site)
    first = run_source(sessions_of(app), source)
    assert first.result == "ok" and first.report is not None
    assert first.report.new == 2
    assert sorted(atom_titles(client)) == sorted([FORUM_ARTICLE, WORKSHOP_ARTICLE])
    assert calendar_event(client, MEETING) is None

    site.pages["/news/meeting.html"] = page("meeting_guangzhou")
    site.listed.insert(0, "/news/meeting.html")
    second = run_source(sessions_of(app), source)

    assert atom_titles(client)[0] == MEETING_ARTICLE
    event = calendar_event(client, MEETING)
    assert event is not None and event.start == dt.date(2027, 9, 15)
    # the two known pages were answered 304 (not re-read, so not even counted unchanged)
    counts = {"new": 1, "changed": 0, "unchanged": 0, "failed": 0, "retired": 0}
    assert second.report is not None and second.report.new == 1
    assert health_sources(client)["news"]["counts"] == counts
    assert health_sources(client)["news"]["runs"] == 2


def test_changed_page_raises_the_events_sequence(
    app: Flask, client: FlaskClient, site: Site
) -> None:
    source = news_source(site)
    run_source(sessions_of(app), source)
    before = calendar_event(client, FORUM)
    assert before is not None and before.start == dt.date(2027, 11, 8)

    site.pages["/news/forum.html"] = page("forum_hangzhou_moved")
    outcome = run_source(sessions_of(app), source)

    assert outcome.report is not None and outcome.report.changed == 1
    after = calendar_event(client, FORUM)
    assert after is not None
    assert after.uid == before.uid
    assert after.start == dt.date(2027, 11, 9)
    assert after.sequence > before.sequence
    assert after.status == "CONFIRMED"
    unchanged = calendar_event(client, WORKSHOP)
    assert unchanged is not None and unchanged.sequence == 0


def test_vanished_article_is_retired_its_event_cancelled_until_it_returns(
    app: Flask, client: FlaskClient, site: Site
) -> None:
    source = news_source(site, retire_after_runs=2)
    run_source(sessions_of(app), source)
    listed = calendar_event(client, WORKSHOP)
    assert listed is not None and listed.status == "CONFIRMED"

    site.listed.remove("/news/workshop.html")
    run_source(sessions_of(app), source)  # gone once: not yet retired
    assert health_sources(client)["news"]["counts"]["retired"] == 0
    assert WORKSHOP_ARTICLE in atom_titles(client)
    still = calendar_event(client, WORKSHOP)
    assert still is not None and still.status == "CONFIRMED"

    run_source(sessions_of(app), source)  # gone twice: retired

    assert health_sources(client)["news"]["counts"]["retired"] == 1
    assert atom_titles(client) == [FORUM_ARTICLE]
    cancelled = calendar_event(client, WORKSHOP)
    assert cancelled is not None
    assert cancelled.status == "CANCELLED"
    assert cancelled.uid == listed.uid
    assert cancelled.sequence > listed.sequence
    kept = calendar_event(client, FORUM)
    assert kept is not None and kept.status == "CONFIRMED"

    site.listed.append("/news/workshop.html")  # the article is back
    run_source(sessions_of(app), source)
    back = calendar_event(client, WORKSHOP)
    assert back is not None and back.status == "CONFIRMED"
    assert back.uid == listed.uid and back.sequence > cancelled.sequence
    assert WORKSHOP_ARTICLE in atom_titles(client)


def test_page_failing_for_a_run_is_not_taken_for_gone(
    app: Flask, client: FlaskClient, site: Site
) -> None:
    source = news_source(site, retire_after_runs=1)
    run_source(sessions_of(app), source)
    workshop = site.pages.pop("/news/workshop.html")  # still listed, but answers 404

    outcome = run_source(sessions_of(app), source)

    assert outcome.result == "partial"
    status = health_sources(client)["news"]
    assert status["result"] == "partial"
    assert status["error"] == f"{site.url('/news/workshop.html')}: HTTP 404 Not Found"
    assert status["counts"]["retired"] == 0
    event = calendar_event(client, WORKSHOP)
    assert event is not None and event.status == "CONFIRMED"

    site.pages["/news/workshop.html"] = workshop
    assert run_source(sessions_of(app), source).result == "ok"
    assert health_sources(client)["news"]["error"] is None


def test_failing_sources_are_recorded_and_do_not_block_the_good_one(
    app: Flask, client: FlaskClient, site: Site
) -> None:
    interval = every(60)
    sources = [news_source(site, interval_minutes=interval), *failing_sources(site)]
    took: dict[str, float] = {}
    outcomes = {}
    for source in sources:
        start = time.monotonic()
        outcomes[source.name] = run_source(sessions_of(app), source)
        took[source.name] = time.monotonic() - start

    assert outcomes["news"].result == "ok"
    assert sorted(atom_titles(client)) == sorted([FORUM_ARTICLE, WORKSHOP_ARTICLE])
    health = health_sources(client)
    assert health["news"]["result"] == "ok" and health["news"]["error"] is None
    for name, (_path, error) in FAILING.items():
        outcome = outcomes[name]
        assert outcome.result == "failed"
        assert outcome.error is not None and error in outcome.error, outcome.error
        assert health[name]["result"] == "failed"
        assert error in health[name]["error"]
        assert health[name]["runs"] == 1
    status_page = client.get("/status")
    assert status_page.status_code == 200
    for name, (_path, error) in FAILING.items():
        assert name in status_page.text and error in status_page.text
    # the slow server is given up on at the source's timeout, not waited for
    assert took["slow"] < site.slow_seconds


def test_failing_source_backs_off_doubling(app: Flask, client: FlaskClient, site: Site) -> None:
    broken = news_source(site, "broken", "/broken.xml", interval_minutes=every(60))
    delays = []
    for _run in range(3):
        outcome = run_source(sessions_of(app), broken)
        assert outcome.retry_in is not None
        delays.append(outcome.retry_in)
        status = health_sources(client)["broken"]
        last_run = dt.datetime.fromisoformat(status["last_run"])
        assert dt.datetime.fromisoformat(status["next_run"]) - last_run == outcome.retry_in

    minute = dt.timedelta(minutes=1)
    assert delays == [minute, 2 * minute, 4 * minute]
    site.pages["/broken.xml"] = site.feed()  # the site is repaired
    assert run_source(sessions_of(app), broken).retry_in is None
