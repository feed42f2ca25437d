"""Public pages and the health check."""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import Blueprint, abort, jsonify, render_template
from sqlalchemy import text

from events.store.queries import (
    ArticleQuery,
    EventQuery,
    SourceStatus,
    article_events,
    get_article,
    get_event,
    list_articles,
    list_events,
    source_statuses,
    stats,
)
from feeds.web import session

bp = Blueprint("public", __name__)


@bp.get("/healthz")
def healthz() -> Any:
    try:
        with session() as s:
            s.execute(text("SELECT 1"))
            numbers = stats(s)
            sources = source_statuses(s)
    except Exception as exc:  # the health check reports, it does not raise
        return jsonify(database="unreachable", error=str(exc)), 503
    return jsonify(
        database="ok",
        articles=numbers.articles,
        events=numbers.events,
        dated_events=numbers.dated_events,
        undated_events=numbers.undated_events,
        last_ingest=numbers.last_ingest.isoformat() if numbers.last_ingest else None,
        sources=[_source_json(x) for x in sources],
    )


def _source_json(status: SourceStatus) -> dict[str, Any]:
    def iso(value: dt.datetime | None) -> str | None:
        return value.isoformat() if value else None

    return {
        "name": status.name,
        "last_run": iso(status.last_run),
        "next_run": iso(status.next_run),
        "result": status.result,
        "error": status.error,
        "runs": status.runs,
        "counts": status.counts,
    }


@bp.get("/status")
def status() -> str:
    with session() as s:
        sources = source_statuses(s)
        numbers = stats(s)
    return render_template("status.html", sources=sources, numbers=numbers)


@bp.get("/")
def index() -> str:
    today = dt.date.today()
    with session() as s:
        events = list_events(s, EventQuery(dated_only=False))
    upcoming = [e for e in events if e.event.start.known and e.event.start.to_date() >= today]
    past = [e for e in events if e.event.start.known and e.event.start.to_date() < today]
    undated = [e for e in events if not e.event.start.known]
    return render_template(
        "index.html", upcoming=upcoming, recent=list(reversed(past)), undated=undated
    )


@bp.get("/events/<int:event_id>")
def event_page(event_id: int) -> str:
    with session() as s:
        event = get_event(s, event_id)
    if event is None:
        abort(404)
    return render_template("event.html", item=event)


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
