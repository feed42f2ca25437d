"""Hostile articles through the whole service: ingest never stops the batch, every refusal
says why, and what gets published afterwards stays valid for strict consumers.

The hand-written corpus (tests/reliability/hostile_corpus.py) runs through `stdcal ingest` in
a child process with bounded memory and a generous time limit, because its huge members are
the point; the generated cases run in-process, each batch on a fresh database.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hostile_corpus import HOSTILE_TITLES, MIB, generated_article, hand_written, write_case
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reliability_support import child_database, child_env, publication_problems, run_stdcal
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from events.extract import MAX_EVENTS
from events.ingest import ingest_inputs, ingest_paths
from events.model import RawInput
from events.store.db import make_engine, session_factory, upgrade
from events.store.tables import ArticleRow, EventRow
from feeds.app import create_app
from feeds.config import Settings

EVENT_LINE = "2024年5月6日,第十届深圳标准化论坛在深圳会展中心举行。\n"


def _pages(sessions: sessionmaker[Session]) -> list[str]:
    with sessions() as session:
        articles = session.scalars(select(ArticleRow.id)).all()
        events = session.scalars(select(EventRow.id)).all()
    return [
        "/",
        "/articles",
        "/status",
        "/embed",
        "/?lang=en",
        *(f"/articles/{i}" for i in articles),
        *(f"/events/{i}" for i in events),
    ]


@pytest.mark.store
def test_hostile_corpus_is_ingested_and_publishing_stays_valid(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    cases = hand_written()
    for case in cases:
        write_case(corpus, case)
    with (corpus / "twenty_mib.txt").open("wb") as big:  # over the default 20 000 000 bytes
        big.write(EVENT_LINE.encode() * (20 * MIB // len(EVENT_LINE.encode()) + 1))
    with child_database(os.environ.get("STDCAL_DATABASE_URL"), tmp_path) as url:
        result = run_stdcal(["ingest", str(corpus)], child_env(url, tmp_path), timeout=300)
        assert result.returncode == 0, result.stderr[-3000:]
        summary = result.stdout.splitlines()[0]
        new, failed = int(summary.split(" new")[0]), int(summary.split(" failed")[0].split()[-1])
        assert new + failed == len(cases) + 1, result.stdout  # every input accounted for
        reasons = {
            line.split(": ", 2)[1].rsplit("/", 1)[-1]: line.split(": ", 2)[2]
            for line in result.stdout.splitlines()
            if line.startswith("  failed: ")
        }
        assert "over the limit of 20000000" in reasons.pop("twenty_mib.txt")
        assert set(reasons) <= {"random_bytes.txt", "random_bytes_small.html", "empty.txt",
                                "only_nul_bytes.txt"}, reasons  # fmt: skip
        assert all(reasons.values()), reasons  # each refusal says why
        engine = make_engine(url)
        try:
            app = create_app(
                Settings(database_url=url, ingest_seeds=False, secret_key="t"), engine=engine
            )
            sessions = session_factory(engine)
            with sessions() as session:
                titles = set(session.scalars(select(ArticleRow.title)))
                event_titles = list(session.scalars(select(EventRow.title)))
            assert set(HOSTILE_TITLES.values()) <= titles  # carried by sidecars, intact
            assert any("<" in title for title in event_titles)  # markup reached the calendar
            client = app.test_client()
            assert publication_problems(client, _pages(sessions)) == []
            calendar = client.get("/calendar.ics").get_data(as_text=True)
            assert "\r\nUID:evil@x" not in calendar and "\nBEGIN:VEVENT\r\nUID:evil" not in calendar
        finally:
            engine.dispose()


@pytest.mark.store
def test_lowered_size_limit_refuses_over_and_reads_just_under(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    limit = 1_000_000
    line = EVENT_LINE.encode()
    under = line * ((limit - 1) // len(line))
    (tmp_path / "just_under.txt").write_bytes(under + b"x" * (limit - 1 - len(under)))
    (tmp_path / "just_over.txt").write_bytes(line * (limit // len(line) + 1))
    report = ingest_paths(sessions, [tmp_path], max_bytes=limit)
    assert report.new == 1
    [failure] = report.failures
    assert failure.source.endswith("just_over.txt")
    assert f"over the limit of {limit}" in failure.reason


@pytest.mark.store
@pytest.mark.parametrize("limit", [3, MAX_EVENTS])
def test_events_per_article_are_capped(
    sessions: sessionmaker[Session], tmp_path: Path, limit: int
) -> None:
    [many] = [case for case in hand_written() if case.name == "many_events.txt"]
    write_case(tmp_path, many)
    report = ingest_paths(sessions, [tmp_path], max_events=limit)
    assert report.new == 1 and report.events == limit
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(EventRow)) == limit


def test_limits_are_read_from_the_environment() -> None:
    settings = Settings.from_env(
        {
            "STDCAL_MAX_ARTICLE_BYTES": "1000",
            "STDCAL_MAX_FETCH_BYTES": "2000",
            "STDCAL_MAX_EVENTS_PER_ARTICLE": "7",
        },
        env_file=None,
    )
    assert (settings.max_article_bytes, settings.max_fetch_bytes) == (1000, 2000)
    assert settings.max_events_per_article == 7
    defaults = Settings.from_env({}, env_file=None)
    assert defaults.max_fetch_bytes == 20_000_000 and defaults.max_events_per_article == MAX_EVENTS


CONTENT_TYPES = st.sampled_from([None, "text/html", "text/plain; charset=big5", "text/html; x"])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(generated_article(), CONTENT_TYPES), min_size=1, max_size=5))
def test_generated_batches_never_stop_and_publish_valid(batch: list[tuple[bytes, str]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'g.sqlite3'}")
        try:
            upgrade(engine)
            sessions = session_factory(engine)
            inputs = [
                RawInput(f"http://example.test/{i}.html", raw, content_type)
                for i, (raw, content_type) in enumerate(batch)
            ]
            report = ingest_inputs(sessions, inputs, total=len(inputs), trigger="t", target="t")
            assert report.new + report.unchanged + report.failed == len(batch)
            assert all(f.reason for f in report.failures)
            assert not [f for f in report.failures if "Error:" in f.reason], report.failures
            app = create_app(Settings(ingest_seeds=False, secret_key="t"), engine=engine)
            assert publication_problems(app.test_client(), _pages(sessions)) == []
        finally:
            engine.dispose()
