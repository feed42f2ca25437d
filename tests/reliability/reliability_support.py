"""What the reliability tests share: a database a child process can open, the `stdcal`
command run as a child, and the two verdicts every test ends with — the store is consistent,
and everything published is valid for a strict consumer."""

from __future__ import annotations

import json
import os
import re
import resource
import subprocess
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import feedparser
from flask.testing import FlaskClient
from ical.calendar_stream import IcsCalendarStream
from pages.htmlcheck import html_problems
from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from support import PROJECT

from events.store.db import scratch_schema
from events.store.tables import ArticleRevisionRow, ArticleRow, EventRow, MentionRow

STDCAL = [sys.executable, "-c", "from feeds.cli import main; main()"]
ARTICLES = 300  # the batch the crash and load tests ingest
MEMORY_LIMIT = 3 * 1024**3  # a child that reads hostile input may not take the machine


@contextmanager
def child_database(base_url: str | None, directory: Path) -> Iterator[str]:
    """A fresh database whose whole address fits one URL, so a child process can open it:
    a SQLite file, or a PostgreSQL schema named in the URL's ``options``."""
    if not base_url or not base_url.startswith("postgresql"):
        yield f"sqlite:///{directory / 'child.sqlite3'}"
        return
    with scratch_schema(base_url, "t") as scoped:
        yield scoped


def child_env(database_url: str, directory: Path, **settings: str) -> dict[str, str]:
    """The environment of a `stdcal` child: this database, no seeds, no scheduler."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("STDCAL_")}
    env.update(
        STDCAL_DATABASE_URL=database_url,
        STDCAL_INSTANCE_DIR=str(directory / "instance"),
        STDCAL_INGEST_SEEDS="0",
        STDCAL_SCHEDULER="0",
        STDCAL_CONFIG=str(directory / "no-sources.toml"),
        PYTHONPATH=str(PROJECT),
    )
    env.update({f"STDCAL_{name.upper()}": value for name, value in settings.items()})
    return env


def _bounded() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def start_stdcal(args: Sequence[str], env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*STDCAL, *args],
        env=env,
        cwd=env["STDCAL_INSTANCE_DIR"].rsplit("/", 1)[0],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_bounded,
    )


def run_stdcal(
    args: Sequence[str], env: dict[str, str], *, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """`stdcal ARGS` in a child with bounded memory and a generous time limit."""
    return subprocess.run(
        [*STDCAL, *args],
        env=env,
        cwd=env["STDCAL_INSTANCE_DIR"].rsplit("/", 1)[0],
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=_bounded,
        check=False,
    )


def write_batch(directory: Path) -> None:
    """ARTICLES small articles, each with its own event; every third also reports one of five
    shared events, so events with many mentions exist."""
    for i in range(ARTICLES):
        own = f"2024年{1 + i % 12}月{1 + i % 28}日,第{i}届深圳标准化论坛在深圳会展中心举行。"
        shared = f"2025年3月{1 + i % 5}日,国际标准化大会将在北京举行。" if i % 3 == 0 else ""
        (directory / f"article_{i:03}.txt").write_text(
            f"第{i}届标准化论坛举行\n{own}{shared}\n{'标准化工作' * 50}", encoding="utf-8"
        )


def store_problems(engine: Engine) -> list[str]:
    """No half-written article, no orphan event, no duplicate: an empty list when consistent."""
    problems: list[str] = []
    with engine.connect() as connection:
        bare = connection.scalars(
            select(ArticleRow.locator).where(
                ~select(ArticleRevisionRow.id)
                .where(ArticleRevisionRow.article_id == ArticleRow.id)
                .where(ArticleRevisionRow.revision == ArticleRow.revision)
                .exists()
            )
        ).all()
        problems += [f"article without its revision row: {locator}" for locator in bare]
        orphans = connection.scalars(
            select(EventRow.key)
            .where(EventRow.status != "CANCELLED")
            .where(~select(MentionRow.id).where(MentionRow.event_id == EventRow.id).exists())
        ).all()
        problems += [f"live event without a mention: {key}" for key in orphans]
        for column in (ArticleRow.locator, EventRow.key):
            repeated = connection.execute(
                select(column, func.count()).group_by(column).having(func.count() > 1)
            ).all()
            problems += [f"duplicate {column.key}: {value} x{n}" for value, n in repeated]
    return problems


SCRIPT_URL = re.compile(r"""(?:href|src|action)\s*=\s*["']?\s*javascript:""", re.IGNORECASE)
FEEDS = ("/feeds/rss.xml", "/feeds/atom.xml", "/feeds/events.rss", "/feeds/events.atom")
JSON_FEEDS = ("/feeds/feed.json", "/feeds/events.json", "/embed/events.json")


def publication_problems(client: FlaskClient, pages: Sequence[str]) -> list[str]:
    """Every calendar strict-parses, every feed is bozo-free, every page is well-formed HTML
    with no markup or script URL from article content."""
    problems: list[str] = []
    calendar = client.get("/calendar.ics")
    try:
        IcsCalendarStream.calendar_from_ics(calendar.get_data(as_text=True))
    except Exception as exc:  # the strict parser's verdict, whatever its type
        problems.append(f"/calendar.ics: {type(exc).__name__}: {exc}")
    for path in FEEDS:
        parsed = feedparser.parse(client.get(path).get_data())
        if parsed.bozo:
            problems.append(f"{path}: {parsed.bozo_exception}")
    for path in JSON_FEEDS:
        try:
            json.loads(client.get(path).get_data())
        except ValueError as exc:
            problems.append(f"{path}: {exc}")
    for path in pages:
        response = client.get(path)
        page = response.get_data(as_text=True)
        if response.status_code != 200:
            problems.append(f"{path}: HTTP {response.status_code}")
            continue
        problems += [f"{path}: {p}" for p in html_problems(page)]
        for raw in ("<script>alert", "<img src=x", "<evil>"):
            if raw in page:
                problems.append(f"{path}: article content {raw!r} reached the page unescaped")
        if SCRIPT_URL.search(page):
            problems.append(f"{path}: a javascript: URL from an article became a link")
    return problems
