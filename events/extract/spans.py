"""Where an event starts and ends, from one date mention and the words around it.

A range keeps its end; a single day is a one-day event unless the text says only that
something began then; a length written after the day (``为期一个月``, ``lasting three days``)
or an English adjective before it (``a two-day training``) gives the end.
"""

from __future__ import annotations

from events.extract.dates import DateMention, Day, shift_day
from events.extract.durations import last_day
from events.model import PartialDate


def span_of(
    mention: DateMention,
    year: int | None,
    *,
    opens: bool = False,
    lasting: str = "",
    adjective: int | None = None,
) -> tuple[PartialDate, PartialDate | None]:
    """Start and inclusive end: the range's, or the start's plus a length the words after it
    give (``为期一个月``). A single day is a one-day event, unless the text says only that
    something began then (``启动``, ``kicked off``): then its end is unknown."""
    start = day_of(mention.start, year)
    last = mention.end or (last_day(mention.start, lasting) if lasting else None)
    if last is None and not opens and adjective:
        last = shift_day(mention.start, adjective - 1)  # ``a two-day training … on June 24``
    if last is None:
        return start, (None if opens else start)
    end = day_of(last, last[0] or year)
    if year is not None and end.known and end < start:
        end = end.with_year(year + 1)  # 12月30日至1月2日
    return start, end


def day_of(day: Day, year: int | None) -> PartialDate:
    return PartialDate(day[0] if day[0] is not None else year, day[1], day[2])
