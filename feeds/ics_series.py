"""Annual observances as one recurring series, with each reported year as an event of its own.

World Standards Day is every 14 October; publishing each reported year as its own event would
leave subscribers with a gap in the years nobody wrote about and a duplicate whenever a client
also knows the day. So the calendar carries one ``RRULE:FREQ=YEARLY`` master from the first
occurrence, and each year an article reports is an ordinary event with that year's title,
sources and sequence.

A reported year is *not* a ``RECURRENCE-ID`` override: calcurse ignores RECURRENCE-ID, and
FullCalendar's iCalendar plugin and DDay.iCal show an overridden instance beside its override,
so those clients listed such a day twice. Instead the master carries an ``EXDATE`` for every
reported year and the year's event has its own UID (its stable event key, as in a single-event
download) and points back to the series with ``RELATED-TO``: a client that knows none of this
still lists each day once. A year whose sources were all retired (cancelled) is no event of its
own, so the master covers that day again. The observances come from the registry in
:mod:`events.observances`, so a new one needs data, not code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from icalendar import Event

from events import observances
from events.model import Kind, Language, PublishedEvent, Status

MASTER_TEXT = {
    Language.HANS: "每年{month}月{day}日 · 自{year}年起",
    Language.HANT: "每年{month}月{day}日 · 自{year}年起",
    Language.EN: "Every year on {month}/{day}, since {year}",
}


def in_series(pe: PublishedEvent) -> bool:
    return pe.event.kind is Kind.OBSERVANCE and pe.event.series in observances.OBSERVANCES


def own_event(pe: PublishedEvent) -> bool:
    """Whether a calendar lists ``pe`` as a VEVENT of its own: every event but a cancelled
    year of a series (that day belongs to the master again)."""
    return not in_series(pe) or pe.status is Status.CONFIRMED


def series_uid(series: str, host: str) -> str:
    return f"{series}@{host}"


@dataclass(frozen=True)
class Occurrence:
    """What a series master needs to know of one reported year."""

    series: str
    day: dt.date
    confirmed: bool
    created: dt.datetime

    @classmethod
    def of(cls, pe: PublishedEvent) -> Occurrence:
        assert pe.event.series is not None
        return cls(
            pe.event.series,
            pe.event.start.to_date(),
            pe.status is Status.CONFIRMED,
            pe.created,
        )


def series_masters(
    occurrences: Iterable[Occurrence],
    host: str,
    base_url: str,
    language: Language,
    organizer: Callable[[Event], None],
) -> list[Event]:
    """One master for every observance with at least one reported occurrence, by key."""
    by_series: dict[str, list[Occurrence]] = {}
    for occurrence in occurrences:
        by_series.setdefault(occurrence.series, []).append(occurrence)
    return [
        _master(observances.OBSERVANCES[key], by_series[key], host, base_url, language, organizer)
        for key in sorted(by_series)
    ]


def _master(
    observance: observances.Observance,
    occurrences: list[Occurrence],
    host: str,
    base_url: str,
    language: Language,
    organizer: Callable[[Event], None],
) -> Event:
    first = dt.date(observance.first_year, observance.month, observance.day)
    stamp = min(o.created for o in occurrences).astimezone(dt.UTC)
    master = Event()
    master.add("UID", series_uid(observance.key, host))
    master.add("DTSTAMP", stamp)
    master.add("CREATED", stamp)
    master.add("LAST-MODIFIED", stamp)
    master.add("SEQUENCE", 0)
    master.add("DTSTART", first)
    master.add("DTEND", first + dt.timedelta(days=1))
    master.add("RRULE", {"FREQ": "YEARLY"})
    reported = sorted(  # the rule's day in each year that has an event of its own
        {first.replace(year=o.day.year) for o in occurrences if o.confirmed and o.day >= first}
    )
    if reported:
        master.add("EXDATE", reported)
    master.add("SUMMARY", observance.name(language))
    text = MASTER_TEXT[language].format(
        month=observance.month, day=observance.day, year=observance.first_year
    )
    master.add("DESCRIPTION", text)
    master.add("URL", f"{base_url.rstrip('/')}/?kind=observance")
    master.add("CATEGORIES", [Kind.OBSERVANCE.value])
    organizer(master)
    master.add("STATUS", "CONFIRMED")
    master.add("TRANSP", "TRANSPARENT")
    return master
