"""A VEVENT's bytes written directly, exactly as icalendar writes the same values.

STYLE.md asks that iCalendar never be written by hand, and for good reason: escaping and
folding are where hand-written calendars break. This module is the one exception, which issue 18
allows explicitly, on one condition it keeps: its output is held byte for byte to icalendar's
own serialization of the same event by hypothesis property tests
(``tests/publish/test_ics_writer.py``: every field, all three scripts, long lines that need
folding, every escaping case: commas, semicolons, backslashes, ``\\N``, newlines, CR, control
characters, URLs), with icalendar kept as the reference model (:func:`feeds.ics.vevent`).

Why: profiled on ``bench/generate.py``, icalendar spent about 0.3 ms per event building
property objects that are written once, looking up their types, sorting them and folding
character by character; a calendar of 100,000 never-rendered events then took longer than a
worker may. Writing the fixed set of properties of :class:`feeds.ics_values.VeventValues` costs
a small fraction of that. What is not ours to decide is still icalendar's: the ``TZID``
parameter and UTC suffix of each zone are read once from icalendar's own output for that zone.
The rules copied here are icalendar's (``parser/string.py`` ``_escape_char`` and
``_foldline``, ``Component`` property order, ``vDatetime``/``vDate`` formats).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from icalendar import Event

from feeds.ics_values import Moment, VeventValues

FOLD_OCTETS = 74  # icalendar folds before a character that would make a line reach 75 octets
_CONTINUATION = range(0x80, 0xC0)  # UTF-8 bytes that do not start a character
_ESCAPE_PREFIXES = (0x5C, 0x5E)  # ``\`` and ``^``: never left at the end of a folded line
_NEEDS_ESCAPE = re.compile(r"[\\;,\r\n]")


def escape(text: str) -> str:
    """TEXT escaping, in icalendar's order (a literal ``\\N`` is a line break there)."""
    if _NEEDS_ESCAPE.search(text) is None:
        return text
    return (
        text.replace("\\N", "\n")
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """One content line folded where icalendar folds it: before the character that would
    make a line 75 octets long (a continuation's leading space included), never inside a
    character, and never right after a backslash or caret, which moves to the next line."""
    if len(line) <= FOLD_OCTETS // 4 or (len(line) <= FOLD_OCTETS and line.isascii()):
        return line  # short in any encoding
    data = line.encode("utf-8", "surrogatepass")
    if len(data) <= FOLD_OCTETS:
        return line
    parts = []
    start = 0
    while len(data) - start > FOLD_OCTETS:
        cut = start + FOLD_OCTETS
        while data[cut] in _CONTINUATION:
            cut -= 1
        if data[cut - 1] in _ESCAPE_PREFIXES and cut - 1 > start:
            cut -= 1
        parts.append(data[start:cut])
        start = cut
    parts.append(data[start:])
    return "\r\n ".join(part.decode("utf-8", "surrogatepass") for part in parts)


@lru_cache(maxsize=256)
def _zone_format(tzid: str) -> tuple[str, str]:
    """The parameters and value suffix icalendar writes for a date-time in ``tzid`` (a TZID
    parameter, or none and ``Z`` for the zones it takes for UTC), read from icalendar itself."""
    from zoneinfo import ZoneInfo

    probe = Event()
    probe.add("DTSTART", dt.datetime(2000, 1, 1, tzinfo=ZoneInfo(tzid)))
    line = probe.to_ical().decode("utf-8").split("\r\n")[1]
    name_params, value = line.split(":", 1)
    return name_params[len("DTSTART") :], value[len("20000101T000000") :]


def _moment(name: str, value: Moment) -> str:
    if not isinstance(value, dt.datetime):
        return f"{name};VALUE=DATE:{value.year:04}{value.month:02}{value.day:02}"
    params, suffix = _zone_format(value.tzinfo.key) if value.tzinfo is not None else ("", "")  # type: ignore[attr-defined]
    return (
        f"{name}{params}:{value.year:04}{value.month:02}{value.day:02}"
        f"T{value.hour:02}{value.minute:02}{value.second:02}{suffix}"
    )


@lru_cache(maxsize=4096)
def _stamp(value: dt.datetime) -> str:
    """A UTC date-time (the values' stamps are converted to UTC already)."""
    return (
        f"{value.year:04}{value.month:02}{value.day:02}"
        f"T{value.hour:02}{value.minute:02}{value.second:02}Z"
    )


def supported(values: VeventValues) -> bool:
    """Whether these values are written here: stamps in UTC and zones by IANA key (every value
    :func:`feeds.ics_values.vevent_values` makes); anything else goes to icalendar."""
    for moment in (values.start, values.end):
        if isinstance(moment, dt.datetime) and not hasattr(moment.tzinfo, "key"):
            return False
    return values.stamp.utcoffset() == dt.timedelta(0) == values.created.utcoffset()


def vevent_bytes(values: VeventValues) -> bytes:
    """The VEVENT block, properties in icalendar's order: its canonical ones (SUMMARY, DTSTART,
    DTEND, DTSTAMP, UID, SEQUENCE), then the others alphabetically."""
    lines = [
        "BEGIN:VEVENT",
        fold("SUMMARY:" + escape(values.summary)),
        _moment("DTSTART", values.start),  # date-time lines: at most 62 octets, never folded
        _moment("DTEND", values.end),
        "DTSTAMP:" + (stamp := _stamp(values.stamp)),
        fold("UID:" + escape(values.uid)),
        f"SEQUENCE:{values.sequence}",
        "CATEGORIES:" + escape(values.category),  # a kind's code: short, ASCII
        "CREATED:" + _stamp(values.created),
        fold("DESCRIPTION:" + escape(values.description)),
        "LAST-MODIFIED:" + stamp,
    ]
    if values.location is not None:
        lines.append(fold("LOCATION:" + escape(values.location)))
    lines.append(fold("ORGANIZER;CN=stdcal:" + values.organizer))
    if values.related_to is not None:
        lines.append(fold("RELATED-TO:" + escape(values.related_to)))
    lines.append("STATUS:" + escape(values.status))  # fixed vocabularies: short, ASCII
    lines.append("TRANSP:" + escape(values.transp))
    if values.url is not None:
        lines.append(fold("URL:" + values.url))
    lines.append("END:VEVENT\r\n")
    return "\r\n".join(lines).encode()
