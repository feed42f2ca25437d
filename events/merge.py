"""One event across articles and scripts: which extractions describe the same occurrence.

World Standards Day 2021 reported by a simplified-Chinese notice and by a news story is one
event with two sources. Matching compares scripts after conversion to simplified Chinese, and
the identity key chosen when an event is first seen is kept for ever (the calendar UID derives
from it), so later corrections of date or title never change the UID.
"""

from __future__ import annotations

import hashlib
import re

from events.model import Event
from events.script import to_hans

_NOISE = re.compile(r"[\s\W_]+", re.UNICODE)
_YEAR_PREFIX = re.compile(r"^(?:19|20)\d\d年?")
_ORDINAL = re.compile(r"^第[0-9一二三四五六七八九十百〇零]+[届屆次]")


def normalize_title(title: str) -> str:
    """A comparison form: simplified script, no punctuation or spacing, no leading year."""
    text = _NOISE.sub("", to_hans(title).casefold())
    text = _YEAR_PREFIX.sub("", text)
    return _ORDINAL.sub("", text)


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def identity_key(event: Event) -> str:
    """The key a new event is created with; stable for the same extraction on a fresh store."""
    if event.series and event.start.known:
        return f"{event.series}-{event.start.iso()}"
    title = normalize_title(event.title)
    return "ev-" + _digest(event.start.iso(), event.kind.value, title)[:24]


def slot(event: Event) -> str:
    """Recognises 'the same mention' in a new revision of one article, even if its date moved."""
    if event.series:
        return f"series:{event.series}"
    return f"{event.kind.value}:{normalize_title(event.title)}"[:200]


def same_occurrence(a: Event, b: Event) -> bool:
    """Whether two extractions (from any articles) describe one occurrence."""
    if a.start != b.start:
        return False
    if a.series or b.series:
        return a.series == b.series
    if normalize_title(a.title) == normalize_title(b.title):
        return True
    if not a.start.known:
        return False  # without a year, only an identical name is evidence enough
    return a.kind == b.kind and a.city is not None and a.city == b.city


def fingerprint(event: Event) -> str:
    """What a calendar's SEQUENCE follows: date, time, title and place."""
    return _digest(
        event.title,
        event.start.iso(),
        event.end.iso() if event.end else "",
        event.time.isoformat() if event.time else "",
        event.end_time.isoformat() if event.end_time else "",
        event.city or "",
    )
