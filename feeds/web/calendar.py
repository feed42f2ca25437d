"""Calendar subscriptions: /calendar.ics (filtered) and /events/<id>.ics."""

from __future__ import annotations

import datetime as dt

from flask import Blueprint, Response, abort, request

from events.model import Language, PublishedEvent
from events.store.queries import get_event, list_events
from feeds.cache import Rendered, conditional, current_version
from feeds.filters import EventFilter, parse_event_filter
from feeds.ics import CalendarMeta, render_calendar, render_event
from feeds.web import render_cache, runtime, session

bp = Blueprint("calendar", __name__)

ICS_TYPE = "text/calendar; charset=utf-8"
EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
CALENDAR_NAMES = {
    Language.HANS: ("标准化活动日历", "从新闻报道中提取的标准化活动"),
    Language.HANT: ("標準化活動日曆", "從新聞報導中提取的標準化活動"),
    Language.EN: ("Standardization events", "Standardization events read from news articles"),
}


def _meta(lang: Language, described: str) -> CalendarMeta:
    settings = runtime().settings
    name, description = CALENDAR_NAMES[lang]
    return CalendarMeta(
        name=f"stdcal · {name}" + (f" · {described}" if described else ""),
        description=description,
        host=settings.uid_host,
        base_url=settings.base_url,
        refresh=dt.timedelta(hours=settings.refresh_hours),
        language=lang,
    )


def _lang(event_filter: EventFilter) -> Language:
    if event_filter.lang is not None:
        return event_filter.lang
    default = runtime().settings.default_locale.lower()
    if default.startswith("en"):
        return Language.EN
    return Language.HANT if "hant" in default or default.endswith(("tw", "hk")) else Language.HANS


def _last_modified(events: list[PublishedEvent]) -> dt.datetime:
    return max((e.last_modified for e in events), default=EPOCH)


def _max_age() -> int:
    return int(runtime().settings.refresh_hours * 3600)


def _disposition(filename: str) -> dict[str, str]:
    return {"Content-Disposition": f'inline; filename="{filename}"'}


@bp.get("/calendar.ics")
def calendar() -> Response:
    event_filter = parse_event_filter(request.args)
    lang = _lang(event_filter)
    settings = runtime().settings

    def render() -> Rendered:
        since = dt.datetime.now(dt.UTC) - dt.timedelta(days=settings.cancelled_days)
        with session() as s:
            events = list_events(s, event_filter.query(cancelled_since=since))
        meta = _meta(lang, event_filter.describe())
        return render_calendar(events, meta, cache.chunks), _last_modified(events)

    cache = render_cache()
    version = current_version(cache, runtime().engine)
    entry = cache.get(f"ics:{lang.value}:{event_filter!r}", version, render)
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
