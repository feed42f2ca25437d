"""Extraction: a cleaned article in, the events it reports out (no I/O, no store).

``extract`` and ``event_to_json`` load on first use: a process that only publishes (and reads
the gazetteer in ``places``, say) does not pay for every rule's tables and patterns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from events.extract.limits import MAX_EVENTS

if TYPE_CHECKING:
    from events.extract.extractor import extract
    from events.extract.output import event_to_json

__all__ = ["MAX_EVENTS", "event_to_json", "extract"]


def __getattr__(name: str) -> Any:
    if name == "extract":
        from events.extract.extractor import extract

        return extract
    if name == "event_to_json":
        from events.extract.output import event_to_json

        return event_to_json
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
