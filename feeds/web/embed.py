"""The widget other sites embed: an iframe page, a JSON list and the script that shows either.

Embedding sites cannot run our templates, so the server does all the localizing: dates come
out of Babel (feeds.l10n) already formatted for the requested locale, in the JSON as in the
iframe page, and the script only places text nodes. The JSON also carries each value in a
form that does not depend on the locale, for programs that filter or sort what they read.
Framing is allowed under /embed only (feeds.web.security), and neither the pages nor the
script rely on inline code.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, render_template

from events.model import PublishedEvent
from events.store.queries import upcoming_and_recent
from feeds.filters import parse_event_filter, parse_limit
from feeds.l10n import View
from feeds.web import runtime, session
from feeds.web.public import current_view, filter_args

bp = Blueprint("embed", __name__)

DEFAULT_LIMIT = 10
CORS = {"Access-Control-Allow-Origin": "*"}


def _events(view: View) -> list[PublishedEvent]:
    """Upcoming events first, then the most recent ones, as many as ``?limit=`` asks."""
    args = filter_args()
    limit = parse_limit(args, default=DEFAULT_LIMIT)
    with session() as s:
        query = parse_event_filter(args).query()
        upcoming, recent = upcoming_and_recent(s, query, view.today(), limit)
    return (upcoming + recent)[:limit]


def _clock(value: dt.time | None) -> str | None:
    return value.isoformat(timespec="minutes") if value is not None else None


def event_json(item: PublishedEvent, view: View, base: str) -> dict[str, Any]:
    """One event as programs read it: stable values (``kind`` as its code, ``city`` in English,
    ISO dates and times in ``timezone``) that filter and sort the same in every locale, and
    beside them the reader's words (``*_label``, ``when``, ``relative``) for display."""
    event = item.event
    return {
        "id": item.id,
        "title": view.text(event.title),
        "lang": view.text_lang(item.language),
        "kind": event.kind.value,
        "kind_label": view.kind(event.kind.value),
        "city": event.city or None,
        "city_label": view.city(event.city) or None,
        "start": event.start.iso(),
        "end": event.end.iso() if event.end else None,
        "start_time": _clock(event.time),
        "end_time": _clock(event.end_time),
        "timezone": event.tzid,
        "when": view.when(event),
        "relative": view.relative(event.start.to_date()),
        "url": f"{base}/events/{item.id}?lang={view.script.value}",
    }


@bp.get("/embed")
@bp.get("/embed/events")
def frame() -> str:
    """A minimal page for an ``<iframe>``; links open on our site in a new tab."""
    view = current_view()
    base = runtime().settings.base_url
    items = [event_json(item, view, base) for item in _events(view)]
    return render_template("embed.html", items=items, base=base)


@bp.get("/api/events")
@bp.get("/embed/events.json")
def events_json() -> Response:
    """The widget's data: readable from any origin, dates already formatted."""
    view = current_view()
    base = runtime().settings.base_url
    response = jsonify(
        locale=view.locale,
        lang=view.html_lang,
        heading=view.gettext("Standardization events"),
        empty=view.gettext("No events match."),
        more=view.gettext("All events"),
        more_url=f"{base}/?lang={view.script.value}",
        events=[event_json(item, view, base) for item in _events(view)],
    )
    response.headers.update(CORS)
    response.cache_control.public = True
    response.cache_control.max_age = 15 * 60
    return response


@bp.get("/embed.js")
def script() -> Response:
    response = current_app.send_static_file("embed.js")
    response.headers.update(CORS)
    response.content_type = "text/javascript; charset=utf-8"
    return response


@bp.get("/embed/help")
def help_page() -> str:
    """Copy-paste snippets for the script, the custom element and the iframe."""
    return render_template("embed_help.html", base=runtime().settings.base_url)
