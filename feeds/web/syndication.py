"""Feeds of articles and of events: RSS 2.0, Atom 1.0 and JSON Feed, all from one entry model."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from urllib.parse import urlencode

from flask import Blueprint, Response, request

from events.model import Language
from events.store.queries import ArticleQuery, list_articles, upcoming_and_recent
from feeds.cache import EPOCH, Rendered, conditional, current_version
from feeds.entries import FeedEntry, article_entry, event_entry
from feeds.filters import parse_event_filter, parse_lang, parse_limit, parse_script
from feeds.jsonfeed import render_json_feed
from feeds.syndication import ChannelMeta, render_atom, render_rss
from feeds.web import render_cache, runtime, session
from feeds.web.params import parse_whole

bp = Blueprint("syndication", __name__, url_prefix="/feeds")

Renderer = Callable[[Sequence[FeedEntry], ChannelMeta], bytes]
FORMATS: dict[str, tuple[Renderer, str]] = {
    "rss": (render_rss, "application/rss+xml; charset=utf-8"),
    "atom": (render_atom, "application/atom+xml; charset=utf-8"),
    "json": (render_json_feed, "application/feed+json; charset=utf-8"),
}
TITLES = {
    Language.HANS: (
        "stdcal 标准化资讯",
        "标准化活动的新闻报道",
        "stdcal 标准化活动",
        "即将举行和近期的标准化活动",
    ),
    Language.HANT: (
        "stdcal 標準化資訊",
        "標準化活動的新聞報導",
        "stdcal 標準化活動",
        "即將舉行和近期的標準化活動",
    ),
    Language.EN: (
        "stdcal standardization news",
        "News articles about standardization events",
        "stdcal standardization events",
        "Upcoming and recent standardization events",
    ),
}
MAX_PAGE = 1_000_000
LOCALES = {Language.HANS: "zh_Hans_CN", Language.HANT: "zh_Hant_TW", Language.EN: "en"}


def _page() -> int:
    """Pages past the last are empty; past MAX_PAGE the offset would mean nothing."""
    return parse_whole("page", request.args.get("page", "1"), 1, MAX_PAGE)


def _url(path: str, **changes: object) -> str:
    args = {k: v for k, v in request.args.items(multi=True) if k not in changes}
    pairs = list(args.items()) + [(k, str(v)) for k, v in changes.items() if v is not None]
    query = urlencode(sorted(pairs))
    return runtime().settings.base_url + path + (f"?{query}" if query else "")


def _channel(
    title: str, description: str, language: str, entries: Sequence[FeedEntry], more: bool
) -> ChannelMeta:
    page = _page()
    settings = runtime().settings
    return ChannelMeta(
        title=title,
        description=description,
        language=language,
        self_url=_url(request.path),
        site_url=settings.base_url,
        feed_id=_url(request.path, page=None),
        updated=max((e.updated for e in entries), default=EPOCH),
        author=settings.feed_author,
        hub_url=settings.websub_hub,
        first_url=_url(request.path, page=None),
        next_url=_url(request.path, page=page + 1) if more else None,
        previous_url=_url(request.path, page=page - 1 if page > 2 else None) if page > 1 else None,
    )


def _serve(kind: str, key: str, render: Callable[[], Rendered]) -> Response:
    cache = render_cache()
    version = current_version(cache, runtime().engine)
    entry = cache.get(f"{key}:{request.full_path}", version, render)
    headers = {"Access-Control-Allow-Origin": "*"} if kind == "json" else {}
    max_age = 15 * 60
    return conditional(
        request, entry, content_type=FORMATS[kind][1], max_age=max_age, headers=headers
    )


def _articles(kind: str) -> Response:
    lang = parse_lang(request.args.get("lang"))
    script = parse_script(request.args.get("script"))
    event_filter = parse_event_filter(request.args)
    limit, page = parse_limit(request.args), _page()
    base_url = runtime().settings.base_url

    def render() -> Rendered:
        query = ArticleQuery(
            language=lang.value if lang else None,
            city=event_filter.city,
            kind=event_filter.kinds[0] if event_filter.kinds else None,
            limit=limit + 1,
            offset=(page - 1) * limit,
        )
        with session() as s:
            items = list_articles(s, query)
        entries = [article_entry(a, base_url, script) for a in items[:limit]]
        label = script or lang or Language.HANS
        title, description = TITLES[label][0], TITLES[label][1]
        language = (script or lang or Language.HANS).value
        meta = _channel(title, description, language, entries, len(items) > limit)
        return FORMATS[kind][0](entries, meta), meta.updated

    return _serve(kind, "articles", render)


def _events(kind: str) -> Response:
    event_filter = parse_event_filter(request.args)
    limit = parse_limit(request.args)
    lang = event_filter.lang or Language.HANS
    base_url = runtime().settings.base_url

    today = dt.date.today()

    def render() -> Rendered:
        with session() as s:
            upcoming, recent = upcoming_and_recent(s, event_filter.query(), today, limit)
        chosen = (upcoming + recent)[:limit]
        entries = [event_entry(e, base_url, LOCALES[lang]) for e in chosen]
        meta = _channel(TITLES[lang][2], TITLES[lang][3], lang.value, entries, False)
        return FORMATS[kind][0](entries, meta), meta.updated

    # upcoming and past are split by today's date, so the cached bytes last one day at most
    return _serve(kind, f"events:{today.isoformat()}", render)


@bp.get("/rss.xml")
def rss() -> Response:
    return _articles("rss")


@bp.get("/atom.xml")
def atom() -> Response:
    return _articles("atom")


@bp.get("/feed.json")
def json_feed() -> Response:
    return _articles("json")


@bp.get("/events.rss")
def events_rss() -> Response:
    return _events("rss")


@bp.get("/events.atom")
def events_atom() -> Response:
    return _events("atom")


@bp.get("/events.json")
def events_json() -> Response:
    return _events("json")
