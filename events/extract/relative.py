"""Dates an English news report gives relative to its dateline: ``opened today``, ``on
Friday``, and ``runs until 14 June`` after such a start.

They mean something only when the report dates itself in a dateline (``Geneva, 4 June 2024 –``);
a publication line may come days later, and a Chinese ``今天`` is mostly quoted speech, so
neither is used.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from events.extract.dates import DateMention

_TODAY = re.compile(r"\b(?:today|this morning|this afternoon)\b", re.I)
_WEEKDAY = re.compile(r"\bon\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", re.I)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_UNTIL = re.compile(r"(?:\buntil|\bthrough|\btill|\bto|至|到)\s*$", re.I)


def _day(date: dt.date) -> tuple[int | None, int, int]:
    return (date.year, date.month, date.day)


def relative_mentions(sentence: str, reported: dt.date | None) -> list[DateMention]:
    """``today`` is the report's day; ``on Friday`` the last Friday on or before it."""
    if reported is None:
        return []
    found = []
    for m in _TODAY.finditer(sentence):
        found.append(DateMention(_day(reported), None, m.start(), m.end(), "day", True))
    for m in _WEEKDAY.finditer(sentence):
        back = (reported.weekday() - _WEEKDAYS.index(m.group(1).lower())) % 7
        day = reported - dt.timedelta(days=back)
        found.append(DateMention(_day(day), None, m.start(), m.end(), "day", True))
    return found


def with_relative(
    sentence: str, mentions: list[DateMention], reported: dt.date | None
) -> list[DateMention]:
    """Relative days added in order; ``until D`` after one of them becomes its end, and an
    ``until D`` with nothing to end is not a start of anything."""
    merged = sorted([*mentions, *relative_mentions(sentence, reported)], key=lambda m: m.begin)
    out: list[DateMention] = []
    for mention in merged:
        if _UNTIL.search(sentence, max(0, mention.begin - 8), mention.begin):
            if out and mention.end is None and out[-1].end is None:
                start = out.pop()
                end = mention.start if mention.start[0] else (start.start[0], *mention.start[1:])
                out.append(dataclasses.replace(start, end=end, stop=mention.stop, form="range"))
            continue
        if out and mention.begin < out[-1].stop:
            continue
        out.append(mention)
    return out
