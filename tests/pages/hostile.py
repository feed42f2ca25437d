"""Ingesting the hostile article: a title that is markup, which every page must show as text."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker
from support import PROJECT

from events.ingest import ingest_inputs
from events.model import RawInput

HOSTILE_FILE = PROJECT / "tests" / "data" / "hostile" / "script_in_title.html"
HOSTILE_TITLE = '世界标准日<script>alert(1)</script>"><img src=x onerror=alert(1)>'


def ingest_hostile(sessions: sessionmaker[Session]) -> None:
    report = ingest_inputs(
        sessions,
        [
            RawInput(
                locator="http://example.test/hostile.html",
                raw=HOSTILE_FILE.read_bytes(),
                content_type="text/html; charset=utf-8",
            )
        ],
        total=1,
        trigger="test",
        target="hostile",
    )
    assert not report.failures, report.failures
