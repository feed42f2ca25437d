"""Ingest runs over real files on the real databases: idempotent, failure-tolerant, recorded,
and identical on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import shutil
from contextlib import contextmanager
from pathlib import Path

import icalendar
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from support import SEEDS, postgres_engine

from events.ingest import ingest_paths, reextract_all
from events.model import Language
from events.store.db import make_engine, session_factory, upgrade
from events.store.queries import EventQuery, list_events, stats
from events.store.tables import ArticleRevisionRow, IngestRunRow
from feeds.ics import CalendarMeta, render_calendar

pytestmark = pytest.mark.store


def snapshot(sessions: sessionmaker[Session]) -> list[tuple[object, ...]]:
    with sessions() as s:
        events = list_events(s, EventQuery(dated_only=False))
    return sorted(
        (
            e.key,
            e.event.title,
            e.event.start.iso(),
            e.event.end.iso() if e.event.end else None,
            e.event.kind.value,
            e.event.city,
            e.sequence,
            len(e.sources),
        )
        for e in events
    )


def test_seeds_twice_give_the_same_counts(sessions: sessionmaker[Session]) -> None:
    first = ingest_paths(sessions, [SEEDS])
    before = snapshot(sessions)
    second = ingest_paths(sessions, [SEEDS])
    assert (first.new, first.failed) == (5, 0)
    assert (second.new, second.changed, second.unchanged) == (0, 0, 5)
    assert snapshot(sessions) == before
    with sessions() as s:
        assert stats(s).articles == 5


def test_a_bad_file_is_recorded_and_the_rest_goes_on(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    shutil.copy(SEEDS / "003_48b1f858a427a1fa.txt", tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.html").write_bytes(bytes(range(256)) * 50)
    report = ingest_paths(sessions, [tmp_path, tmp_path / "missing.txt"])
    assert report.new >= 1
    reasons = {Path(f.source).name: f.reason for f in report.failures}
    assert "missing.txt" in reasons
    assert "empty.txt" in reasons
    with sessions() as s:
        run = s.scalars(select(IngestRunRow)).one()
        assert run.failed == report.failed
        assert {Path(e["source"]).name for e in run.errors} == set(reasons)


def test_changed_file_becomes_a_revision(sessions: sessionmaker[Session], tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_bytes((SEEDS / "003_48b1f858a427a1fa.txt").read_bytes())
    ingest_paths(sessions, [article])
    article.write_bytes(article.read_bytes() + b"\n\nAn added closing paragraph.")
    report = ingest_paths(sessions, [article])
    assert report.changed == 1
    with sessions() as s:
        assert len(s.scalars(select(ArticleRevisionRow)).all()) == 2


def test_reextract_keeps_identities(sessions: sessionmaker[Session]) -> None:
    ingest_paths(sessions, [SEEDS])
    before = snapshot(sessions)
    report = reextract_all(sessions)
    assert report.failed == 0
    assert report.unchanged == 5
    assert snapshot(sessions) == before


def test_sqlite_and_postgresql_agree(tmp_path: Path, postgres_url: str) -> None:
    sqlite = make_engine(f"sqlite:///{tmp_path / 'compare.sqlite3'}")
    results = []
    with contextmanager(postgres_engine)(postgres_url) as postgres:
        for engine in (sqlite, postgres):
            upgrade(engine)
            sessions = session_factory(engine)
            ingest_paths(sessions, [SEEDS])
            results.append(snapshot(sessions))
    assert results[0] == results[1]
    assert len(results[0]) >= 5


def test_a_sidecar_supplies_the_missing_year_and_survives_reextraction(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    text = "中國消費者報深圳訊 4月24日,由深圳市市場監督管理局主辦的首屆深圳標準化活動周啟動。"
    (tmp_path / "week.txt").write_text(text, encoding="utf-8")
    ingest_paths(sessions, [tmp_path])
    with sessions() as s:
        [undated] = list_events(s, EventQuery(dated_only=False))
    assert undated.event.start.iso() == "--04-24"

    (tmp_path / "week.txt.meta.json").write_text('{"published": "2022-04-25"}', encoding="utf-8")
    ingest_paths(sessions, [tmp_path])
    reextract_all(sessions)
    with sessions() as s:
        dated = list_events(s, EventQuery())
    assert [e.event.start.iso() for e in dated] == ["2022-04-24"]


def calendar_uids(sessions: sessionmaker[Session]) -> dict[str, str]:
    """UID → RELATED-TO (or "") of every VEVENT in the full calendar of the store."""
    with sessions() as s:
        events = list_events(s, EventQuery())
    meta = CalendarMeta("stdcal", "", "stdcal.test", "http://stdcal.test", dt.timedelta(hours=1),
                        Language.HANS)  # fmt: skip
    calendar = icalendar.Calendar.from_ical(render_calendar(events, meta))
    return {str(e["UID"]): str(e.get("RELATED-TO", "")) for e in calendar.walk("VEVENT")}


def test_calendar_uids_survive_reingest_reextraction_and_a_fresh_store(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    ingest_paths(sessions, [SEEDS])
    uids = calendar_uids(sessions)
    series = "world-standards-day@stdcal.test"
    assert uids[series] == ""  # the yearly series
    assert uids["world-standards-day-2021-10-14@stdcal.test"] == series  # its reported year
    ingest_paths(sessions, [SEEDS])
    assert calendar_uids(sessions) == uids
    reextract_all(sessions)
    assert calendar_uids(sessions) == uids
    fresh = make_engine(f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    upgrade(fresh)
    ingest_paths(session_factory(fresh), [SEEDS])
    assert calendar_uids(session_factory(fresh)) == uids
