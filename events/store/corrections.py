"""Editorial corrections: set a year or dates, title, city or kind; hide; merge two events.

Corrections are rows of their own, applied over the extraction each time an event is
recomputed, so improving the extractor and re-running it never loses an editor's work.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from events.errors import StoreError
from events.model import Event, Kind, PartialDate
from events.store.tables import CorrectionRow

EDITABLE = ("year", "start", "end", "time", "title", "city", "kind")
ACTIONS = ("edit", "hide", "unhide", "merge")


@dataclass
class CorrectionState:
    edits: list[dict[str, Any]] = field(default_factory=list)
    hidden: bool = False
    merged_into: int | None = None


def correction_state(rows: Sequence[CorrectionRow]) -> CorrectionState:
    state = CorrectionState()
    for row in rows:
        if row.action == "edit":
            state.edits.append(dict(row.values))
        elif row.action in ("hide", "unhide"):
            state.hidden = row.action == "hide"
        elif row.action == "merge":
            state.merged_into = row.merge_into
    return state


def validate_edit(values: Mapping[str, Any]) -> dict[str, Any]:
    """Check an edit's fields and types; the error names the field and what it accepts."""
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise StoreError(f"cannot edit {sorted(unknown)}; editable: {', '.join(EDITABLE)}")
    clean: dict[str, Any] = {}
    for name, value in values.items():
        if value in (None, ""):
            continue
        try:
            if name == "year":
                year = int(value)
                if not 1900 <= year <= 2200:
                    raise ValueError
                clean[name] = year
            elif name in ("start", "end"):
                clean[name] = dt.date.fromisoformat(str(value)).isoformat()
            elif name == "time":
                clean[name] = dt.time.fromisoformat(str(value)).strftime("%H:%M")
            elif name == "kind":
                clean[name] = Kind(str(value)).value
            else:
                text = str(value).strip()
                if not text or len(text) > 500:
                    raise ValueError
                clean[name] = text
        except ValueError:
            raise StoreError(f"invalid {name}: {value!r}") from None
    if not clean:
        raise StoreError("an edit needs at least one of: " + ", ".join(EDITABLE))
    return clean


def apply_edits(event: Event, edits: Sequence[Mapping[str, Any]]) -> Event:
    for edit in edits:
        if "year" in edit:
            start = event.start.with_year(edit["year"])
            end = event.end.with_year(edit["year"]) if event.end else start
            if end < start:  # a window across New Year
                end = end.with_year(edit["year"] + 1)
            event = replace(event, start=start, end=end)
        if "start" in edit:
            start = PartialDate.parse(edit["start"])
            end = event.end if event.end and event.end.known and event.end >= start else start
            event = replace(event, start=start, end=end)
        if "end" in edit:
            end = PartialDate.parse(edit["end"])
            if event.start.known and end < event.start:
                end = event.start
            event = replace(event, end=end)
        if "time" in edit:
            event = replace(event, time=dt.time.fromisoformat(edit["time"]))
        if "title" in edit:
            event = replace(event, title=edit["title"])
        if "city" in edit:
            event = replace(event, city=edit["city"])
        if "kind" in edit:
            event = replace(event, kind=Kind(edit["kind"]))
    return replace(event, confidence=max(event.confidence, 0.99)) if edits else event
