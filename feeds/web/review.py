"""The editor's review page: events extraction was unsure of, and the corrections made so far.

``GET /review`` is public and read-only, so anyone can see what is waiting for a year and what
editors changed. ``POST /review/<id>`` records a correction (events.store.writer.add_correction),
which is stored apart from extraction output and so survives re-extraction.

CSRF: the write is guarded by feeds.web.security, which admits a data-changing request only
with ``Authorization: Bearer $STDCAL_EDITOR_TOKEN``. Browsers never attach that header on their
own (it is not a cookie), so a form on another site cannot forge an editor's request; the
review page sends it from static/review.js, which reads the token the editor types (kept in
sessionStorage) and submits with ``fetch()``. There is no cookie-based editor session at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from flask import Blueprint, Response, jsonify, render_template, request

from events.errors import StoreError
from events.extract import event_to_json
from events.model import Kind, PublishedEvent
from events.store.corrections import EDITABLE
from events.store.queries import get_event
from events.store.review import list_corrections, review_events
from events.store.writer import add_correction
from feeds.l10n import N_
from feeds.web import runtime, session
from feeds.web.params import MAX_ID
from feeds.web.public import current_view

bp = Blueprint("review", __name__)

ACTION_LABELS = {
    "edit": N_("Edited"),
    "hide": N_("Hidden"),
    "unhide": N_("Shown again"),
    "merge": N_("Merged"),
}


@bp.get("/review")
def review_page() -> str:
    view = current_view()
    with session() as s:
        items = review_events(s)
        corrections = list_corrections(s)
    return render_template(
        "review.html",
        items=items,
        corrections=corrections,
        kinds=[(k.value, view.kind(k.value)) for k in Kind],
        action_label=lambda action: view.gettext(action_label(action)),
    )


def action_label(action: str) -> str:
    return ACTION_LABELS.get(action, action)


def correction_request(
    form: Mapping[str, Any],
) -> tuple[str, dict[str, Any], int | None]:
    """``(action, values, merge_into)`` from form fields or a JSON object."""
    action = str(form.get("action") or "edit")
    values = {name: form[name] for name in EDITABLE if form.get(name) not in (None, "")}
    target = form.get("merge_into")
    merge_into: int | None = None
    if target not in (None, ""):
        digits = str(target).strip().lstrip("#")
        if not (digits.isascii() and digits.isdigit()) or int(digits) > MAX_ID:
            raise StoreError(f"merge_into must be an event number, got {target!r}")
        merge_into = int(digits)
    return action, values, merge_into


def published_json(item: PublishedEvent) -> dict[str, Any]:
    return event_to_json(item.event) | {
        "id": item.id,
        "key": item.key,
        "status": item.status.value,
        "sequence": item.sequence,
        "dated": item.event.dated,
    }


@bp.post("/review/<int:event_id>")
def correct(event_id: int) -> tuple[Response, int]:
    """Record one correction; the security guard has already checked the editor token."""
    body = request.get_json(silent=True) if request.is_json else request.form
    if not isinstance(body, Mapping):
        return jsonify(ok=False, error="send form fields or a JSON object"), 400
    try:
        action, values, merge_into = correction_request(body)
        with runtime().sessions.begin() as s:
            add_correction(
                s,
                event_id,
                action,
                values=values,
                merge_into=merge_into,
                author="editor",
                now=dt.datetime.now(dt.UTC),
            )
    except StoreError as exc:
        return jsonify(ok=False, error=str(exc)), 400
    with session() as s:
        item = get_event(s, event_id)
    assert item is not None  # add_correction refused unknown events
    return jsonify(ok=True, event=published_json(item)), 200
