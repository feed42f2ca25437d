"""The review page and editorial corrections, through the web and the `stdcal edit` command:
the undated seed event waits for review, only the editor token may change it, a year puts it
into calendars with a raised SEQUENCE and survives re-extraction, hiding cancels it, merging
moves its sources, and bad input is a 400 (or exit code 1) naming what was wrong."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import icalendar
import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient
from htmlcheck import html_problems
from sqlalchemy.engine import Engine
from support import SEEDS

from events.ingest import reextract_all
from events.model import PublishedEvent
from events.store.queries import EventQuery, get_event, list_events
from feeds.cli import main
from feeds.config import Settings
from feeds.l10n import LOCALES
from feeds.runtime import Runtime

pytestmark = pytest.mark.store

TOKEN = "t"
EDITOR = {"Authorization": f"Bearer {TOKEN}"}
UNDATED_START = "--04-24"  # seed 001: the Shenzhen activity week, no year in the text


@pytest.fixture
def editor_app(settings: Settings, engine: Engine) -> Flask:
    from feeds.app import create_app

    return create_app(replace(settings, editor_token=TOKEN), engine=engine)


@pytest.fixture
def editor(editor_app: Flask) -> FlaskClient:
    return editor_app.test_client()


def stored(app: Flask, event_id: int) -> PublishedEvent:
    with app.extensions["stdcal"].sessions() as s:
        item = get_event(s, event_id)
    assert item is not None
    return item


def undated_id(app: Flask) -> int:
    with app.extensions["stdcal"].sessions() as s:
        events = list_events(s, EventQuery(dated_only=False))
    (item,) = [e for e in events if e.event.start.iso() == UNDATED_START]
    return item.id


def vevent(client: FlaskClient, key: str) -> icalendar.cal.Component | None:
    response = client.get("/calendar.ics")
    assert response.status_code == 200
    found = [
        v
        for v in icalendar.Calendar.from_ical(response.data).walk("VEVENT")
        if str(v["UID"]).startswith(f"{key}@")
    ]
    return found[0] if found else None


def correct(client: FlaskClient, event_id: int, **fields: Any) -> dict[str, Any]:
    response = client.post(f"/review/{event_id}", data=fields, headers=EDITOR)
    assert response.status_code == 200, response.get_data(as_text=True)
    answer = response.get_json()
    assert answer["ok"] is True
    return dict(answer["event"])


@pytest.mark.parametrize("locale", LOCALES)
def test_review_page_lists_the_undated_event_with_its_evidence(
    app: Flask, client: FlaskClient, locale: str
) -> None:
    event_id = undated_id(app)
    item = stored(app, event_id)
    response = client.get(f"/review?lang={locale}&script=original")
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    assert html_problems(text) == []
    assert f'<html lang="{locale.replace("_", "-")}">' in text
    assert f'href="/events/{event_id}"' in text
    assert f'action="/review/{event_id}"' in text
    assert item.sources and item.sources[0].evidence in text
    assert f'href="/articles/{item.sources[0].article_id}"' in text
    assert '<script src="/static/review.js" defer></script>' in text
    assert 'action="/review/2"' not in text  # dated, confidence 0.95: nothing to review


def test_review_script_is_served_and_sends_the_token_as_a_header(client: FlaskClient) -> None:
    response = client.get("/static/review.js")
    assert response.status_code == 200
    script = response.get_data(as_text=True)
    assert '"Bearer " + token' in script
    assert "sessionStorage" in script


def test_changes_without_the_editor_token_are_refused(
    app: Flask, client: FlaskClient, editor: FlaskClient
) -> None:
    event_id = undated_id(app)
    assert (
        client.post(f"/review/{event_id}", data={"year": "2022"}, headers=EDITOR).status_code == 403
    )
    assert editor.post(f"/review/{event_id}", data={"year": "2022"}).status_code == 401
    wrong = {"Authorization": "Bearer nope"}
    assert editor.post(f"/review/{event_id}", json={"year": 2022}, headers=wrong).status_code == 401
    assert not stored(app, event_id).event.dated
    assert "No corrections yet." in editor.get("/review?lang=en").get_data(as_text=True)


def test_a_year_puts_the_event_in_calendars_and_survives_reextraction(
    editor_app: Flask, editor: FlaskClient
) -> None:
    event_id = undated_id(editor_app)
    before = stored(editor_app, event_id)
    assert vevent(editor, before.key) is None
    event = correct(editor, event_id, year="2022")
    assert (event["start"], event["status"]) == ("2022-04-24", "CONFIRMED")
    assert event["sequence"] == before.sequence + 1
    published = vevent(editor, before.key)
    assert published is not None
    assert published.decoded("DTSTART").isoformat() == "2022-04-24"
    assert int(published["SEQUENCE"]) == event["sequence"]
    reextract_all(editor_app.extensions["stdcal"].sessions)
    after = stored(editor_app, event_id)
    assert after.event.start.iso() == "2022-04-24"
    assert after.sequence == event["sequence"]
    again = vevent(editor, before.key)
    assert again is not None and int(again["SEQUENCE"]) == event["sequence"]
    page = editor.get("/review?lang=en").get_data(as_text=True)
    assert f'action="/review/{event_id}"' not in page  # dated now: no longer pending
    assert "<code>year=2022</code>" in page and "Edited" in page


def test_hide_cancels_the_event_and_unhide_brings_it_back(
    editor_app: Flask, editor: FlaskClient
) -> None:
    event_id = undated_id(editor_app)
    key = stored(editor_app, event_id).key
    dated = correct(editor, event_id, year="2022")
    hidden = editor.post(f"/review/{event_id}", json={"action": "hide"}, headers=EDITOR)
    assert hidden.status_code == 200
    assert hidden.get_json()["event"]["status"] == "CANCELLED"
    cancelled = vevent(editor, key)
    assert cancelled is not None  # kept as CANCELLED so subscribed calendars remove it
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert int(cancelled["SEQUENCE"]) == dated["sequence"] + 1
    shown = correct(editor, event_id, action="unhide")
    assert shown["status"] == "CONFIRMED"
    back = vevent(editor, key)
    assert back is not None and str(back["STATUS"]) == "CONFIRMED"
    assert int(back["SEQUENCE"]) == dated["sequence"] + 2


def test_merge_moves_the_sources_and_cancels_the_duplicate(
    editor_app: Flask, editor: FlaskClient
) -> None:
    with editor_app.extensions["stdcal"].sessions() as s:
        first, second = list_events(s, EventQuery())[:2]
    merged = correct(editor, second.id, action="merge", merge_into=str(first.id))
    assert merged["status"] == "CANCELLED"
    target = stored(editor_app, first.id)
    assert {src.article_id for src in target.sources} >= {
        src.article_id for src in first.sources + second.sources
    }
    duplicate = vevent(editor, second.key)
    assert duplicate is not None and str(duplicate["STATUS"]) == "CANCELLED"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"year": "20x3"}, "invalid year"),
        ({"kind": "party"}, "invalid kind"),
        ({"action": "merge", "merge_into": "abc"}, "merge_into"),
        ({"action": "merge"}, "merge needs another"),
        ({"action": "delete"}, "unknown action"),
        ({}, "at least one"),
    ],
)
def test_bad_corrections_are_a_400_with_the_reason(
    editor_app: Flask, editor: FlaskClient, fields: dict[str, str], message: str
) -> None:
    event_id = undated_id(editor_app)
    response = editor.post(f"/review/{event_id}", data=fields, headers=EDITOR)
    assert response.status_code == 400
    answer = response.get_json()
    assert answer["ok"] is False and message in answer["error"]
    assert not stored(editor_app, event_id).event.dated


def test_unknown_event_is_a_400(editor: FlaskClient) -> None:
    response = editor.post("/review/9999", json={"action": "hide"}, headers=EDITOR)
    assert response.status_code == 400
    assert "no event 9999" in response.get_json()["error"]


def test_stdcal_edit_corrects_hides_and_merges(tmp_path: Path) -> None:
    env = {"STDCAL_INSTANCE_DIR": str(tmp_path / "instance"), "STDCAL_DATABASE_URL": ""}
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(SEEDS)], env=env).exit_code == 0
    runtime = Runtime.open(Settings(instance_dir=tmp_path / "instance"))
    with runtime.sessions() as s:
        events = list_events(s, EventQuery(dated_only=False))
    (undated,) = [e for e in events if e.event.start.iso() == UNDATED_START]

    result = runner.invoke(main, ["edit", str(undated.id), "--year", "2022"], env=env)
    assert result.exit_code == 0, result.output
    shown = json.loads(result.output)
    assert (shown["start"], shown["sequence"]) == ("2022-04-24", undated.sequence + 1)
    assert runner.invoke(main, ["reextract"], env=env).exit_code == 0
    with runtime.sessions() as s:
        kept = get_event(s, undated.id)
    assert kept is not None and kept.event.start.iso() == "2022-04-24"

    bad = runner.invoke(main, ["edit", str(undated.id), "--kind", "party"], env=env)
    assert bad.exit_code == 1 and "invalid kind" in bad.output
    missing = runner.invoke(main, ["edit", "9999", "--hide"], env=env)
    assert missing.exit_code == 1 and "no event 9999" in missing.output
    assert runner.invoke(main, ["edit", str(undated.id)], env=env).exit_code == 2

    hidden = runner.invoke(main, ["edit", str(undated.id), "--hide"], env=env)
    assert hidden.exit_code == 0 and json.loads(hidden.output)["status"] == "CANCELLED"
    first, second = [e for e in events if e.event.dated][:2]
    args = ["edit", str(second.id), "--merge-into", str(first.id)]
    merged = runner.invoke(main, args, env=env)
    assert merged.exit_code == 0 and json.loads(merged.output)["status"] == "CANCELLED"
    with runtime.sessions() as s:
        target = get_event(s, first.id)
    assert target is not None and len(target.sources) == len(first.sources + second.sources)
    runtime.engine.dispose()


@pytest.mark.parametrize(
    ("start", "confidence", "expected"),
    [("--04-24", 0.9, True), ("2021-10-14", 0.59, True), ("2021-10-14", 0.6, False)],
)
def test_what_needs_review(start: str, confidence: float, expected: bool) -> None:
    import datetime as dt

    from events.model import Event, Kind, PartialDate, Status
    from events.store.review import needs_review

    event = Event("x", PartialDate.parse(start), None, Kind.OTHER, confidence=confidence)
    moment = dt.datetime(2021, 1, 1, tzinfo=dt.UTC)
    item = PublishedEvent(1, "k", event, Status.CONFIRMED, 0, moment, moment)
    assert needs_review(item) is expected
