"""An event's published state, recomputed from its mentions and its editorial corrections.

The best-supported mention gives the values; corrections are laid over them (so they survive
re-extraction); a hidden event, one merged into another, or one left with no source is
CANCELLED, never deleted. SEQUENCE rises when what a calendar shows (date, time, title, place)
or the status changes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from events.merge import fingerprint
from events.model import Event, Status
from events.store.codec import event_from_record, event_record, event_row_record
from events.store.corrections import apply_edits, correction_state
from events.store.tables import ArticleRow, CorrectionRow, EventRow, MentionRow


def fill_event(row: EventRow, event: Event, language: str) -> None:
    record = event_record(event)
    for name in ("title", "start", "end", "kind", "time", "end_time", "city", "series", "tzid"):
        setattr(row, name, record[name])
    row.organisers = record["organisers"]
    row.confidence = event.confidence
    row.evidence = event.evidence
    row.language = language


def source_mentions(session: Session, event_id: int) -> list[MentionRow]:
    """The event's own mentions and those of events an editor merged into it."""
    merged = select(CorrectionRow.event_id).where(
        CorrectionRow.merge_into == event_id, CorrectionRow.action == "merge"
    )
    ids = [event_id, *session.scalars(merged)]
    stmt = select(MentionRow).where(MentionRow.event_id.in_(ids)).order_by(MentionRow.id)
    return list(session.scalars(stmt))


def refresh_event(session: Session, event_id: int, now: dt.datetime) -> bool:
    """Recompute an event; returns whether anything published changed."""
    row = session.get(EventRow, event_id)
    if row is None:
        return False
    corrections = list(
        session.scalars(
            select(CorrectionRow)
            .where(CorrectionRow.event_id == event_id)
            .order_by(CorrectionRow.id)
        )
    )
    state = correction_state(corrections)
    mentions = source_mentions(session, event_id)
    if not mentions or state.hidden or state.merged_into is not None:
        return _cancel(row, now)
    best = max(mentions, key=lambda m: (m.confidence, -m.article_id))
    data = dict(best.data)
    if not data.get("organisers"):
        data["organisers"] = next(
            (m.data["organisers"] for m in mentions if m.data.get("organisers")), []
        )
    event = apply_edits(event_from_record(data), state.edits)
    article = session.get(ArticleRow, best.article_id)
    fill_event(row, event, article.language if article else "zh-Hans")
    new_fingerprint = fingerprint(event)
    was_cancelled = row.status == Status.CANCELLED.value
    if row.fingerprint and (new_fingerprint != row.fingerprint or was_cancelled):
        row.sequence += 1
    row.fingerprint = new_fingerprint
    row.status, row.cancelled_at = Status.CONFIRMED.value, None
    return _mark_if_changed(row, mentions, now)


def _cancel(row: EventRow, now: dt.datetime) -> bool:
    if row.status == Status.CANCELLED.value:
        return False
    row.status, row.cancelled_at = Status.CANCELLED.value, now
    row.sequence += 1
    row.updated = now
    row.digest = _digest(row, [])
    return True


def _mark_if_changed(row: EventRow, mentions: Sequence[MentionRow], now: dt.datetime) -> bool:
    digest = _digest(row, mentions)
    if digest == row.digest:
        return False
    row.digest = digest
    row.updated = now
    return True


def _digest(row: EventRow, mentions: Sequence[MentionRow]) -> str:
    sources = sorted((m.article_id, m.evidence) for m in mentions)
    payload = json.dumps([event_row_record(row), row.status, row.sequence, sources], sort_keys=True)
    return hashlib.sha256(payload.encode()).hexdigest()
