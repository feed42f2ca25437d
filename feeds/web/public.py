"""Public pages and the health check.

Each page is rendered for one reader: ``current_view()`` settles the locale (``?lang=``, the
remembered cookie, Accept-Language, the configured default), the time zone and the script
choice once per request, and templates format every date through it (feeds.l10n). Article
text is only ever handed to Jinja's autoescaping, never marked safe.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any
from urllib.parse import quote, urlencode
from zoneinfo import ZoneInfo

from flask import Blueprint, Response, abort, g, render_template, request
from flask.blueprints import BlueprintSetupState
from werkzeug.datastructures import MultiDict

from events.model import SHANGHAI, PublishedEvent
from events.store.queries import (
    ArticleQuery,
    article_events,
    event_facets,
    get_article,
    get_event,
    list_articles,
    list_events,
    source_statuses,
    stats,
    upcoming_and_recent,
)
from feeds.cache import EPOCH, current_version
from feeds.filters import BadParameter, EventFilter, parse_event_filter
from feeds.l10n import View, autonyms, last_day, negotiate, parse_zone
from feeds.web import render_cache, runtime, session

PAGE_EVENTS = 100  # at most this many upcoming, recent and undated events on the front page

bp = Blueprint("public", __name__)

LOCALE_COOKIE = "stdcal_locale"
ZONE_COOKIE = "stdcal_tz"
VIEW_ARGS = frozenset({"lang", "script", "tz", "month"})  # how to show, not what to show
YEAR = 365 * 24 * 3600
MONTHS = (dt.date(1000, 1, 1), dt.date(9998, 12, 1))  # ?month= values with room around them


@bp.record_once
def _install_gettext(state: BlueprintSetupState) -> None:
    env = state.app.jinja_env
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(  # type: ignore[attr-defined]
        lambda message: current_view().gettext(message),
        lambda singular, plural, n: current_view().ngettext(singular, plural, n),
        newstyle=True,
    )


def current_view() -> View:
    """This request's reader settings, negotiated once and remembered when asked for."""
    view = g.get("stdcal_view")
    if isinstance(view, View):
        return view
    choice = negotiate(
        request.args.get("lang"),
        request.cookies.get(LOCALE_COOKIE),
        request.accept_languages.values(),
        runtime().settings.default_locale,
    )
    zone = parse_zone(request.args.get("tz"))
    g.stdcal_remember = (choice.locale if choice.source == "query" else None, zone)
    if zone is None:
        try:
            zone = parse_zone(request.cookies.get(ZONE_COOKIE))
        except BadParameter:
            zone = None
    script = request.args.get("script")
    if script not in (None, "", "original"):
        raise BadParameter("script", script, "original (or leave it out)")
    view = View(choice.locale, zone or ZoneInfo(SHANGHAI), original=script == "original")
    g.stdcal_view = view
    return view


@bp.after_app_request
def _remember(response: Response) -> Response:
    if "stdcal_view" not in g:
        return response
    response.vary.add("Accept-Language")
    response.vary.add("Cookie")
    locale, zone = g.stdcal_remember
    if locale:
        response.set_cookie(LOCALE_COOKIE, locale, max_age=YEAR, samesite="Lax", httponly=True)
    if zone:
        response.set_cookie(ZONE_COOKIE, zone.key, max_age=YEAR, samesite="Lax", httponly=True)
    return response


def filter_args() -> MultiDict[str, str]:
    """The request's filter parameters (city, kind, organiser, from, to) without view ones."""
    return MultiDict([(k, v) for k, v in request.args.items(multi=True) if k not in VIEW_ARGS])


def here(**changes: str | None) -> str:
    """This page's address with some query parameters replaced (``None`` drops one)."""
    args = [(k, v) for k, v in request.args.items(multi=True) if k not in changes]
    args += [(k, v) for k, v in changes.items() if v is not None]
    return request.path + (f"?{urlencode(args)}" if args else "")


@bp.app_context_processor
def _page_context() -> dict[str, Any]:
    view = current_view()
    pairs = [(k, v) for k, v in filter_args().items(multi=True) if v]
    return {
        "view": view,
        "here": here,
        "locales": autonyms(),
        "feeds": feed_links(runtime().settings.base_url, pairs, view),
    }


FEEDS = (
    ("rss", "application/rss+xml", "/feeds/events.rss"),
    ("atom", "application/atom+xml", "/feeds/events.atom"),
    ("json", "application/feed+json", "/feeds/events.json"),
)


def subscription_urls(base: str, pairs: list[tuple[str, str]], view: View) -> dict[str, str]:
    """Copyable addresses for the current filter in the reader's language."""
    query = "?" + urlencode([*pairs, ("lang", view.script.value)])
    urls = {name: base + path + query for name, _type, path in FEEDS}
    urls["ics"] = f"{base}/calendar.ics{query}"
    urls["webcal"] = "webcal://" + urls["ics"].split("://", 1)[1]
    return urls


def feed_links(base: str, pairs: list[tuple[str, str]], view: View) -> list[dict[str, str]]:
    """``<link rel="alternate">`` targets: the events feeds in every format."""
    urls = subscription_urls(base, pairs, view)
    title = view.gettext("Standardization events")
    return [
        {"type": kind, "title": f"{title} ({name})", "href": urls[name]} for name, kind, _ in FEEDS
    ]


def calendar_links(item: PublishedEvent, base: str, view: View) -> dict[str, str]:
    """webcal, .ics, Google Calendar and Outlook web links for one dated event."""
    event, page = item.event, f"{base}/events/{item.id}"
    ics = f"{page}.ics?lang={view.script.value}"
    first = event.start.to_date()
    last = (event.end if event.end and event.end.known else event.start).to_date()
    if event.time is None:
        after = last + dt.timedelta(days=1)  # both services take an exclusive end day
        dates, start, end, all_day = f"{first:%Y%m%d}/{after:%Y%m%d}", first, after, "true"
    else:
        zone = ZoneInfo(event.tzid)
        start = dt.datetime.combine(first, event.time, zone)
        end = (
            dt.datetime.combine(last, event.end_time, zone)
            if event.end_time
            else start + dt.timedelta(hours=1)
        )
        utc = "%Y%m%dT%H%M%SZ"
        dates, all_day = f"{start.astimezone(dt.UTC):{utc}}/{end.astimezone(dt.UTC):{utc}}", "false"
    title, place = view.text(event.title), view.text(event.city)
    details = "\n".join(x for x in (view.text(event.evidence), page) if x)
    google = {"action": "TEMPLATE", "text": title, "dates": dates, "details": details}
    outlook = {"subject": title, "startdt": start.isoformat(), "enddt": end.isoformat()}
    outlook |= {"allday": all_day, "body": details}
    if place:
        google["location"] = outlook["location"] = place
    return {
        "ics": ics,
        "webcal": "webcal://" + ics.split("://", 1)[1],
        "google": "https://calendar.google.com/calendar/render?"
        + urlencode(google, quote_via=quote),
        "outlook": "https://outlook.live.com/calendar/0/deeplink/compose?"
        + urlencode(outlook, quote_via=quote),
    }


@bp.get("/status")
def status() -> str:
    with session() as s:
        sources = source_statuses(s)
        numbers = stats(s)
    return render_template("status.html", sources=sources, numbers=numbers)


def _month(
    value: str | None, upcoming: list[PublishedEvent], recent: list[PublishedEvent]
) -> dt.date:
    """The grid's month: ``?month=YYYY-MM``, else the next event's, else the latest one's."""
    if value:
        try:
            month = dt.date.fromisoformat(f"{value}-01")
        except ValueError:
            month = None
        if month is None or not MONTHS[0] <= month <= MONTHS[1]:  # the grid reaches around it
            raise BadParameter("month", value, "a month such as 2021-10, years 1000 to 9998")
        return month
    for group in (upcoming, recent):
        if group:
            return group[0].event.start.to_date().replace(day=1)
    return current_view().today().replace(day=1)


def _by_day(events: list[PublishedEvent], month: dt.date) -> dict[dt.date, list[PublishedEvent]]:
    days: dict[dt.date, list[PublishedEvent]] = {}
    window = (month - dt.timedelta(days=7), month + dt.timedelta(days=45))
    for item in events:
        day = max(item.event.start.to_date(), window[0])
        while day <= min(last_day(item.event), window[1]):
            days.setdefault(day, []).append(item)
            day += dt.timedelta(days=1)
    return days


@bp.get("/")
def index() -> Response:
    """The front page, rendered once per content version, reader settings and day: it is the
    page everyone opens, and rendering it reads every event."""
    view = current_view()
    args = filter_args()
    event_filter = parse_event_filter(args)
    key = f"index:{view.locale}:{view.zone.key}:{view.original}:{view.today()}:{request.full_path}"
    cache = render_cache()
    version = current_version(cache, runtime().engine)
    entry = cache.get(key, version, lambda: (_index_html(view, args, event_filter).encode(), EPOCH))
    return Response(entry.body, content_type="text/html; charset=utf-8")


def _index_html(view: View, args: MultiDict[str, str], event_filter: EventFilter) -> str:
    """Up to PAGE_EVENTS events in each list and the month grid's own events: the page reads
    what it shows, however many events are stored."""
    query = event_filter.query()
    with session() as s:
        upcoming, recent = upcoming_and_recent(s, query, view.today(), PAGE_EVENTS)
        month = _month(request.args.get("month"), upcoming, recent)
        grid = (month - dt.timedelta(days=7), month + dt.timedelta(days=45))
        shown = replace(
            query,
            start_from=max(grid[0], query.start_from or grid[0]),
            start_to=min(grid[1], query.start_to or grid[1]),
        )
        in_month = list_events(s, shown)
        undated = replace(query, dated_only=False, undated_only=True, limit=PAGE_EVENTS)
        waiting = list_events(s, undated)
        cities, kinds = event_facets(s)
    pairs = [(k, v) for k, v in args.items(multi=True) if v]
    return render_template(
        "index.html",
        upcoming=upcoming,
        recent=recent,
        undated=waiting,
        month=month,
        previous_month=(month - dt.timedelta(days=1)).strftime("%Y-%m"),
        next_month=(month + dt.timedelta(days=32)).strftime("%Y-%m"),
        by_day=_by_day(in_month, month),
        cities=cities,
        kinds=kinds,
        event_filter=event_filter,
        subscribe=subscription_urls(runtime().settings.base_url, pairs, view),
    )


@bp.get("/events/<int:event_id>")
def event_page(event_id: int) -> str:
    view = current_view()
    with session() as s:
        item = get_event(s, event_id)
    if item is None:
        abort(404)
    links = calendar_links(item, runtime().settings.base_url, view) if item.event.dated else None
    return render_template("event.html", item=item, links=links)


@bp.get("/articles")
def articles() -> str:
    with session() as s:
        items = list_articles(s, ArticleQuery(limit=500))
    return render_template("articles.html", items=items)


@bp.get("/articles/<int:article_id>")
def article_page(article_id: int) -> str:
    with session() as s:
        item = get_article(s, article_id)
        events = article_events(s, article_id) if item else []
    if item is None:
        abort(404)
    return render_template("article.html", item=item, events=events)
