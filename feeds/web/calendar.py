"""Calendar subscriptions: /calendar.ics (filtered) and /events/<id>.ics."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from flask import Blueprint, Response, abort, request

from events.model import Language
from events.store.queries import get_event
from feeds.cache import Rendered, conditional, current_version
from feeds.calendars import (
    Latest,
    calendar_meta,
    note_calendar_request,
    published_query,
    stored_calendar_blocks,
)
from feeds.chunk_store import StoredChunks
from feeds.filters import EventFilter, parse_event_filter
from feeds.ics import CalendarMeta, render_event
from feeds.web import render_cache, runtime, session

bp = Blueprint("calendar", __name__)

ICS_TYPE = "text/calendar; charset=utf-8"


def _meta(lang: Language, described: str) -> CalendarMeta:
    return calendar_meta(runtime().settings, lang, described)


def _lang(event_filter: EventFilter) -> Language:
    if event_filter.lang is not None:
        return event_filter.lang
    default = runtime().settings.default_locale.lower()
    if default.startswith("en"):
        return Language.EN
    return Language.HANT if "hant" in default or default.endswith(("tw", "hk")) else Language.HANS


def _max_age() -> int:
    return int(runtime().settings.refresh_hours * 3600)


def _disposition(filename: str) -> dict[str, str]:
    return {"Content-Disposition": f'inline; filename="{filename}"'}


@bp.get("/calendar.ics")
def calendar() -> Response:
    event_filter = parse_event_filter(request.args)
    lang = _lang(event_filter)
    settings = runtime().settings

    latest, app_runtime = Latest(), runtime()

    def blocks() -> Iterator[bytes]:
        """Produced only on a miss: this worker renders the variant, so it is noted."""
        note_calendar_request(app_runtime, lang, event_filter.query())
        query = published_query(settings, event_filter.query(), dt.datetime.now(dt.UTC))
        meta = _meta(lang, event_filter.describe())
        chunks = StoredChunks(cache.chunks, app_runtime.engine)
        return stored_calendar_blocks(app_runtime, query, meta, chunks, latest)

    cache = render_cache()
    version = current_version(cache, app_runtime.engine)
    key = f"ics:{lang.value}:{event_filter!r}"
    entry = cache.get_streamed(key, version, blocks, lambda: latest.value)
    return conditional(
        request,
        entry,
        content_type=ICS_TYPE,
        max_age=_max_age(),
        headers=_disposition("stdcal.ics"),
    )


@bp.get("/events/<int:event_id>.ics")
def event_ics(event_id: int) -> Response:
    lang = _lang(parse_event_filter(request.args))
    cache = render_cache()
    version = current_version(cache, runtime().engine)

    def render() -> Rendered:
        with session() as s:
            event = get_event(s, event_id)
        if event is None or not event.event.dated:
            abort(404)
        return render_event(event, _meta(lang, "")), event.last_modified

    entry = cache.get(f"event-ics:{event_id}:{lang.value}", version, render)
    return conditional(
        request,
        entry,
        content_type=ICS_TYPE,
        max_age=_max_age(),
        headers=_disposition(f"stdcal-event-{event_id}.ics"),
    )
