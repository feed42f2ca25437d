"""The JSON shape of an event in ``stdcal extract --json`` (a stable interface)."""

from __future__ import annotations

from typing import Any

from events.model import Event


def event_to_json(event: Event) -> dict[str, Any]:
    return {
        "title": event.title,
        "start": event.start.iso(),
        "end": event.end.iso() if event.end is not None else None,
        "time": event.time.strftime("%H:%M") if event.time is not None else None,
        "end_time": event.end_time.strftime("%H:%M") if event.end_time is not None else None,
        "all_day": event.all_day,
        "city": event.city,
        "organisers": list(event.organisers),
        "kind": event.kind.value,
        "confidence": event.confidence,
        "evidence": event.evidence,
        "series": event.series,
    }
