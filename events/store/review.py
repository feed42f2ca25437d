"""What an editor reviews: the events extraction was unsure of, and the corrections made so far.

Undated events (no year) never reach a calendar and low-confidence ones may be wrong, so both
are listed for an editor to fix. Corrections are read back as plain values so the review page
can show the history of editorial work next to the extraction it overrides.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from events.model import PublishedEvent
from events.store.queries import EventQuery, list_events
from events.store.tables import CorrectionRow, EventRow

LOW_CONFIDENCE = 0.6


@dataclass(frozen=True)
class CorrectionEntry:
    """One stored correction, with the title its event shows now."""

    id: int
    event_id: int
    event_title: str
    action: str
    values: dict[str, Any]
    merge_into: int | None
    author: str
    created: dt.datetime


def needs_review(item: PublishedEvent, threshold: float = LOW_CONFIDENCE) -> bool:
    return not item.event.dated or item.event.confidence < threshold


def review_events(session: Session, threshold: float = LOW_CONFIDENCE) -> list[PublishedEvent]:
    """Published events with no year or with a confidence below ``threshold``."""
    every = list_events(session, EventQuery(dated_only=False))
    return [item for item in every if needs_review(item, threshold)]


def list_corrections(session: Session, limit: int = 200) -> list[CorrectionEntry]:
    """The newest corrections first."""
    rows = session.execute(
        select(CorrectionRow, EventRow.title)
        .join(EventRow, CorrectionRow.event_id == EventRow.id)
        .order_by(CorrectionRow.id.desc())
        .limit(limit)
    ).all()
    return [
        CorrectionEntry(
            id=row.id,
            event_id=row.event_id,
            event_title=title,
            action=row.action,
            values=dict(row.values or {}),
            merge_into=row.merge_into,
            author=row.author,
            created=row.created,
        )
        for row, title in rows
    ]
