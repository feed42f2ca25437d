"""Extraction: a cleaned article in, the events it reports out (no I/O, no store)."""

from events.extract.extractor import MAX_EVENTS, extract
from events.extract.output import event_to_json

__all__ = ["MAX_EVENTS", "event_to_json", "extract"]
