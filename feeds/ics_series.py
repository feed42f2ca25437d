"""Annual observances as one recurring series with the reported years as overrides.

World Standards Day is every 14 October; publishing each reported year as its own event would
leave subscribers with a gap in the years nobody wrote about and a duplicate whenever a client
also knows the day. So the calendar carries one ``RRULE:FREQ=YEARLY`` master from the first
occurrence, and each year an article reports becomes a ``RECURRENCE-ID`` override with the same
UID, carrying that year's title, sources and sequence. The observances come from the registry in
:mod:`events.observances`, so a new one needs data, not code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

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


def series_vevents(
    occurrences: Sequence[PublishedEvent],
    host: str,
    base_url: str,
    language: Language,
    occurrence_vevent: Callable[[PublishedEvent], Event],
    organizer: Callable[[Event], None],
) -> list[Event]:
    """Master plus overrides for every observance with at least one reported occurrence."""
    out: list[Event] = []
    keys = sorted({pe.event.series for pe in occurrences if pe.event.series})
    for key in keys:
        observance = observances.OBSERVANCES[key]
        mine = [pe for pe in occurrences if pe.event.series == key]
        uid = f"{key}@{host}"
        out.append(_master(observance, mine, uid, base_url, language, organizer))
        for pe in sorted(mine, key=lambda p: p.event.start.iso()):
            if pe.status is not Status.CONFIRMED:
                continue  # the day itself still happens: the master covers it
            vevent = occurrence_vevent(pe)
            vevent.pop("UID")
            vevent.add("UID", uid)
            vevent.add("RECURRENCE-ID", pe.event.start.to_date())
            out.append(vevent)
    return out


def _master(
    observance: observances.Observance,
    occurrences: Sequence[PublishedEvent],
    uid: str,
    base_url: str,
    language: Language,
    organizer: Callable[[Event], None],
) -> Event:
    first = dt.date(observance.first_year, observance.month, observance.day)
    stamp = min(pe.created for pe in occurrences).astimezone(dt.UTC)
    master = Event()
    master.add("UID", uid)
    master.add("DTSTAMP", stamp)
    master.add("CREATED", stamp)
    master.add("LAST-MODIFIED", stamp)
    master.add("SEQUENCE", 0)
    master.add("DTSTART", first)
    master.add("DTEND", first + dt.timedelta(days=1))
    master.add("RRULE", {"FREQ": "YEARLY"})
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
