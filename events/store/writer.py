"""Writing an article and its events: one transaction per article, so a crash never leaves half.

An article is keyed by where it was read from; new bytes become a new revision (the raw bytes
of every revision are kept). Its extracted events are matched to stored events (see
events.merge) and each touched event is recomputed from all its mentions; an event left with
no mention is cancelled, never deleted, so subscribed calendars remove it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from events.errors import StoreError
from events.merge import identity_key, same_occurrence, slot
from events.model import Article, Event
from events.store.codec import (
    article_record,
    event_from_record,
    event_record,
    event_row_record,
    published_text,
)
from events.store.corrections import ACTIONS, validate_edit
from events.store.recompute import fill_event, refresh_event
from events.store.tables import (
    ArticleRevisionRow,
    ArticleRow,
    CorrectionRow,
    EventRow,
    MentionRow,
    SiteStateRow,
    SourceRow,
)

Outcome = Literal["new", "changed", "unchanged"]


@dataclass(frozen=True)
class SaveResult:
    outcome: Outcome
    article_id: int
    events: int


def save_article(
    session: Session,
    *,
    locator: str,
    raw: bytes,
    article: Article,
    events: list[Event],
    now: dt.datetime,
    source_id: int | None = None,
    content_type: str | None = None,
    source_meta: dict[str, object] | None = None,
    reextract: bool = False,
) -> SaveResult:
    """Store ``article`` from ``locator`` and link its ``events``; idempotent for equal bytes."""
    row = session.scalars(select(ArticleRow).where(ArticleRow.locator == locator)).one_or_none()
    returning = row is not None and row.retired_at is not None
    meta = dict(source_meta or {})
    meta_changed = row is not None and (row.record or {}).get("source_meta", {}) != meta
    if (
        row is not None
        and row.content_hash == article.content_hash
        and not (reextract or returning or meta_changed)
    ):
        return SaveResult("unchanged", row.id, len(events))
    outcome: Outcome
    if row is None:
        row = ArticleRow(locator=locator, revision=1, first_seen=now, source_id=source_id)
        session.add(row)
        outcome = "new"
    elif row.content_hash != article.content_hash:
        row.revision += 1
        outcome = "changed"
    else:  # same bytes: re-extraction, a returning article, or new editorial metadata
        outcome = "changed" if meta_changed else "unchanged"
    new_bytes = outcome == "new" or row.content_hash != article.content_hash
    _fill_article(row, article, now if outcome != "unchanged" else row.updated)
    row.record = {**row.record, "source_meta": meta}
    session.flush()
    if new_bytes:
        session.add(
            ArticleRevisionRow(
                article_id=row.id,
                revision=row.revision,
                content_hash=article.content_hash,
                raw=raw,
                content_type=content_type,
                received=now,
            )
        )
    if _apply_mentions(session, row.id, events, now) or outcome != "unchanged":
        bump_content_version(session)
    return SaveResult(outcome, row.id, len(events))


def _fill_article(row: ArticleRow, article: Article, updated: dt.datetime) -> None:
    row.content_hash = article.content_hash
    row.title = article.title
    row.body = article.body
    row.lead = article.lead
    row.language = article.language.value
    row.published = published_text(article.published)
    row.published_rule = article.published_rule
    row.url = article.url
    row.publisher = article.publisher
    row.city = article.city
    row.record = article_record(article)
    row.updated = updated
    row.retired_at = None


def _apply_mentions(
    session: Session, article_id: int, events: list[Event], now: dt.datetime
) -> bool:
    """Replace the article's mentions; returns whether any published event changed."""
    old = session.scalars(select(MentionRow).where(MentionRow.article_id == article_id)).all()
    old_by_slot = {m.slot: m.event_id for m in old}
    touched = {m.event_id for m in old}
    for mention in old:
        session.delete(mention)
    session.flush()
    chosen: dict[int, MentionRow] = {}
    for event in events:
        event_id = old_by_slot.get(slot(event)) or _match_or_create(session, event, now)
        previous = chosen.get(event_id)
        if previous is not None and previous.confidence >= event.confidence:
            continue
        chosen[event_id] = MentionRow(
            event_id=event_id,
            article_id=article_id,
            slot=slot(event),
            evidence=event.evidence,
            confidence=event.confidence,
            data=event_record(event),
        )
    session.add_all(chosen.values())
    session.flush()
    touched |= set(chosen)
    changed = False
    for event_id in sorted(touched):
        changed |= refresh_event(session, event_id, now)
    return changed


def _match_or_create(session: Session, event: Event, now: dt.datetime) -> int:
    candidates = session.scalars(select(EventRow).where(EventRow.start == event.start.iso())).all()
    for candidate in candidates:
        if same_occurrence(event_from_record(event_row_record(candidate)), event):
            return candidate.id
    key = identity_key(event)
    taken = set(session.scalars(select(EventRow.key).where(EventRow.key.startswith(key))).all())
    suffix = 2
    unique_key = key
    while unique_key in taken:
        unique_key, suffix = f"{key}-{suffix}", suffix + 1
    row = EventRow(key=unique_key, created=now, updated=now, sequence=0, fingerprint="", digest="")
    fill_event(row, event, "zh-Hans")
    session.add(row)
    session.flush()
    return row.id


def bump_content_version(session: Session) -> None:
    """Advance the version every cache keys on; shared by all instances through the database."""
    state = session.get(SiteStateRow, "content_version")
    if state is None:
        session.add(SiteStateRow(name="content_version", value=1))
    else:
        state.value += 1


def ensure_source(session: Session, name: str, kind: str, location: str, now: dt.datetime) -> int:
    row = session.scalars(select(SourceRow).where(SourceRow.name == name)).one_or_none()
    if row is None:
        row = SourceRow(name=name, kind=kind, location=location, created=now)
        session.add(row)
    else:
        row.kind, row.location = kind, location
    session.flush()
    return row.id


def retire_article(session: Session, article_id: int, now: dt.datetime) -> None:
    """An article gone from its source: out of feeds, and its events lose it as a source."""
    row = session.get(ArticleRow, article_id)
    if row is None or row.retired_at is not None:
        return
    row.retired_at = now
    mentions = session.scalars(select(MentionRow).where(MentionRow.article_id == article_id)).all()
    touched = {m.event_id for m in mentions}
    for mention in mentions:
        session.delete(mention)
    session.flush()
    for event_id in sorted(touched):
        refresh_event(session, event_id, now)
    bump_content_version(session)


def add_correction(
    session: Session,
    event_id: int,
    action: str,
    *,
    values: Mapping[str, Any] | None = None,
    merge_into: int | None = None,
    author: str = "editor",
    now: dt.datetime,
) -> None:
    """Record an editor's correction and recompute the events it touches."""
    if action not in ACTIONS:
        raise StoreError(f"unknown action {action!r}; use one of {', '.join(ACTIONS)}")
    if session.get(EventRow, event_id) is None:
        raise StoreError(f"no event {event_id}")
    clean = validate_edit(values or {}) if action == "edit" else {}
    if action == "merge" and (
        merge_into is None or merge_into == event_id or session.get(EventRow, merge_into) is None
    ):
        raise StoreError(f"merge needs another existing event to merge {event_id} into")
    session.add(
        CorrectionRow(
            event_id=event_id,
            action=action,
            values=clean,
            merge_into=merge_into if action == "merge" else None,
            author=author[:100],
            created=now,
        )
    )
    session.flush()
    refresh_event(session, event_id, now)
    if merge_into is not None:
        refresh_event(session, merge_into, now)
    bump_content_version(session)
