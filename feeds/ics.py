"""Published events → iCalendar bytes (RFC 5545, with the RFC 7986 calendar properties).

Subscribers' clients (Google, Apple, Outlook, Thunderbird) re-fetch the calendar for ever and
treat every change in the bytes as an update, so rendering is a pure function of the stored
data: UIDs come from the event's stable key, DTSTAMP from its last modification, and the order
is fixed. What each VEVENT says is decided once, in :mod:`feeds.ics_values`.

:func:`build_calendar` is the reference: the whole calendar as one icalendar component tree.
Served calendars are assembled instead: a header, the zones and series masters (icalendar),
then each event's VEVENT bytes, written by :mod:`feeds.ics_writer` (held byte for byte to
icalendar by property tests) and kept (by the caller, see :class:`Chunks`) under a digest of
the event's value. The assembly is a generator of byte blocks, so a calendar of any size is
sent while it is written (see :func:`calendar_blocks`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata, resources
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Protocol
from zoneinfo import ZoneInfo

import icalendar
from icalendar import Calendar, Event, Timezone, vDuration

import feeds.ics_series
import feeds.ics_values
import feeds.ics_writer
from events import script
from events.extract import places
from events.model import SHANGHAI, PartialDate, PublishedEvent
from feeds.ics_series import Occurrence, in_series, own_event, series_masters
from feeds.ics_values import CalendarMeta, VeventValues, clean_text, organizer, vevent_values
from feeds.ics_writer import supported, vevent_bytes

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

__all__ = ["CalendarMeta", "clean_text"]  # re-exported: what the web layer and tests import

PRODID = "-//stdcal//stdcal//EN"
END = b"END:VCALENDAR\r\n"
# Zones generated from this day on; a fixed-offset zone like Asia/Shanghai (no DST since 1991)
# then needs only one STANDARD observance. Earlier events widen the range.
TZ_FIRST = dt.date(2000, 1, 1)
TZ_LAST = dt.date(2038, 1, 1)


class Chunks(Protocol):
    """Where rendered VEVENT bytes are kept between calendars, by digest: this worker's memory
    (:class:`feeds.cache.ChunkCache`) and the database (:class:`feeds.chunk_store.StoredChunks`)."""

    def lookup(self, digests: Sequence[str]) -> dict[str, bytes]: ...

    def keep(self, chunks: Mapping[str, bytes]) -> None: ...


def _renderer_fingerprint() -> str:
    """What else a VEVENT's bytes derive from: this code, the city names, the script
    conversion and the library. Chunks kept by an older release are then simply not found."""
    digest = hashlib.sha256(f"{icalendar.__version__} {metadata.version('OpenCC')}".encode())
    modules = (sys.modules[__name__], feeds.ics_values, feeds.ics_writer, feeds.ics_series)
    for module in (*modules, script, places):
        digest.update(Path(str(module.__file__)).read_bytes())
    digest.update(resources.files("events.extract").joinpath("data/cities.tsv").read_bytes())
    return digest.hexdigest()


_RENDERER = _renderer_fingerprint()


def chunk_digest(pe: PublishedEvent, meta: CalendarMeta) -> str:
    """The key of an event's VEVENT bytes: its whole value and the calendar's identity."""
    digest = _identity(meta.language.value, meta.host, meta.base_url).copy()
    digest.update(_value(pe))
    return digest.hexdigest()


@lru_cache(maxsize=64)
def _identity(language: str, host: str, base_url: str) -> hashlib._Hash:
    """The digest of what every chunk of one calendar shares, to be copied per event."""
    return hashlib.sha256(f"{_RENDERER}|{language}|{host}|{base_url}|".encode())


def _value(pe: PublishedEvent) -> bytes:
    """Every field of the event as text, stable across processes: the repr of a flat tuple
    of plain values, which costs a few microseconds, where the dataclasses' own repr cost a
    third of assembling a calendar. ``tests/publish/test_chunk_digest.py`` holds it to
    every field: a new one must be added here."""
    e, sources = pe.event, pe.sources
    flat = (  # enum members by ``_value_``: ``value`` is a property, read in Python
        pe.id, pe.key, pe.status._value_, pe.sequence, pe.created, pe.last_modified,
        pe.language._value_, pe.cancelled_at, e.title, _day(e.start), _day(e.end),
        e.kind._value_, e.time, e.end_time, e.city, e.organisers, e.confidence, e.evidence,
        e.series, e.tzid, len(sources),
        *[(s.article_id, s.title, s.url, s.evidence, s.language._value_, s.published)
          for s in sources],
    )  # fmt: skip
    return repr(flat).encode("utf-8", "surrogatepass")


def _day(day: PartialDate | None) -> tuple[int | None, int, int] | None:
    return None if day is None else (day.year, day.month, day.day)


def render_vevent(pe: PublishedEvent, meta: CalendarMeta) -> bytes:
    """One event's VEVENT bytes: the direct writer, or icalendar for what it does not cover."""
    values = vevent_values(pe, meta)
    if supported(values):
        return vevent_bytes(values)
    return bytes(vevent_component(values).to_ical())


@dataclass
class Outline:
    """What must be known before the first VEVENT is written: the local days each zone must
    cover (first and last) and the reported years of the observance series."""

    days: dict[str, list[dt.date]] = field(default_factory=dict)
    occurrences: list[Occurrence] = field(default_factory=list)

    def add(self, pe: PublishedEvent, *, series: bool = True) -> None:
        if series and in_series(pe):
            self.occurrences.append(Occurrence.of(pe))
            if not own_event(pe):
                return
        _note_days(self.days, feeds.ics_values.span(pe.event))

    def zones(self) -> list[tuple[str, dt.date, dt.date]]:
        return [(tzid, min(used), max(used)) for tzid, used in sorted(self.days.items())]


def outline(events: Iterable[PublishedEvent], *, series: bool = True) -> Outline:
    plan = Outline()
    for pe in events:
        if pe.event.dated:
            plan.add(pe, series=series)
    return plan


def render_calendar(
    events: Iterable[PublishedEvent],
    meta: CalendarMeta,
    chunks: Chunks | None = None,
    *,
    batch: int = 1000,
) -> bytes:
    """A whole subscribable calendar of ``events`` in any order (sorted here, so held in
    memory); events without a known year are left out, and of several events with one key
    the first in calendar order is kept. See :func:`calendar_blocks`."""
    ordered = _unique(sorted((pe for pe in events if pe.event.dated), key=calendar_order))
    return b"".join(calendar_blocks(ordered, ordered, meta, chunks, batch=batch))


def _unique(ordered: Iterable[PublishedEvent]) -> list[PublishedEvent]:
    seen: set[str] = set()
    unique = []
    for pe in ordered:
        if pe.key not in seen:
            seen.add(pe.key)
            unique.append(pe)
    return unique


def calendar_order(pe: PublishedEvent) -> tuple[str, str]:
    """Where an event stands in a calendar: by first day, then key (the store's
    ``ORDER BY start, key``, in code point order)."""
    return pe.event.start.iso(), pe.key


def write_calendar(
    out: SupportsWrite[bytes],
    events: Sequence[PublishedEvent],
    meta: CalendarMeta,
    chunks: Chunks | None = None,
    *,
    batch: int = 1000,
) -> None:
    """Write the calendar of ``events`` (in :func:`calendar_order`, unique keys) to ``out``."""
    for block in calendar_blocks(events, events, meta, chunks, batch=batch):
        out.write(block)


def calendar_blocks(
    outline_events: Iterable[PublishedEvent],
    events: Iterable[PublishedEvent],
    meta: CalendarMeta,
    chunks: Chunks | None = None,
    *,
    batch: int = 1000,
) -> Iterator[bytes]:
    """The calendar of ``events``, which come in :func:`calendar_order` with unique keys (as the
    store gives them), as byte blocks in order: byte for byte what :func:`build_calendar`
    serializes.

    The header comes first, before any event is read. ``outline_events`` are the same events
    read once more (from the store, without their sources): the zones and series masters they
    imply come next. Then each event's VEVENT bytes, ``batch`` events at a time, taken from
    ``chunks`` under :func:`chunk_digest` or written and kept there, so a new content version
    re-renders only the events that changed and a calendar of every stored event costs a
    worker no memory in proportion to its size.
    """
    yield _head(meta).to_ical()[: -len(END)]
    plan = Outline()
    for group in _batches(outline_events, batch):
        for pe in group:
            plan.add(pe)
        yield b""  # a moment for the caller, which may send the header meanwhile
    yield b"".join(_zone_block(*zone) for zone in plan.zones())
    yield b"".join(master.to_ical() for master in _masters(plan.occurrences, meta))
    last: tuple[str, str] | None = None
    for group in _batches(events, batch):
        for pe in group:
            order = calendar_order(pe)
            if last is not None and order <= last:
                raise ValueError(f"events out of calendar order: {order} after {last}")
            last = order
        yield b"".join(_blocks([pe for pe in group if own_event(pe)], meta, chunks)[0])
    yield END


def prepare_chunks(
    events: Iterable[PublishedEvent], meta: CalendarMeta, chunks: Chunks, *, batch: int = 1000
) -> int:
    """Render and keep the VEVENT chunks a calendar of ``events`` will need, without assembling
    it (after an ingest, so the next request finds them); how many had to be rendered."""
    rendered = 0
    for group in _batches(events, batch):
        rendered += _blocks([pe for pe in group if own_event(pe)], meta, chunks)[1]
    return rendered


def _batches(events: Iterable[PublishedEvent], size: int) -> Iterator[list[PublishedEvent]]:
    dated = (pe for pe in events if pe.event.dated)
    while group := list(islice(dated, size)):
        yield group


def _blocks(
    plain: list[PublishedEvent], meta: CalendarMeta, chunks: Chunks | None
) -> tuple[list[bytes], int]:
    """Each event's VEVENT bytes, from ``chunks`` or rendered (and then kept there)."""
    digests = [chunk_digest(pe, meta) for pe in plain]
    found = chunks.lookup(digests) if chunks is not None else {}
    rendered: dict[str, bytes] = {}
    blocks = []
    for pe, digest in zip(plain, digests, strict=True):
        block = found.get(digest) or rendered.get(digest)
        if block is None:
            block = rendered[digest] = render_vevent(pe, meta)
        blocks.append(block)
    if chunks is not None and rendered:
        chunks.keep(rendered)
    return blocks, len(rendered)


def render_event(event: PublishedEvent, meta: CalendarMeta) -> bytes:
    """A calendar holding one event, for "add to calendar" links."""
    return bytes(build_calendar([event], meta, series=False).to_ical())


def build_calendar(
    events: Iterable[PublishedEvent], meta: CalendarMeta, *, series: bool = True
) -> Calendar:
    """The calendar as one icalendar component tree: the reference the assembly must match.
    With ``series=False`` observances are plain events (a single event's download)."""
    ordered = _unique(sorted((pe for pe in events if pe.event.dated), key=calendar_order))
    plan = outline(ordered, series=series)
    cal = _head(meta)
    for zone in plan.zones():
        cal.add_component(_vtimezone(*zone))
    for master in _masters(plan.occurrences, meta):
        cal.add_component(master)  # the reference: the components themselves
    for pe in ordered:
        if not series or own_event(pe):
            cal.add_component(vevent(pe, meta))
    return cal


def _head(meta: CalendarMeta) -> Calendar:
    cal = Calendar()
    cal.add("VERSION", "2.0")
    cal.add("PRODID", PRODID)
    cal.add("CALSCALE", "GREGORIAN")
    cal.add("METHOD", "PUBLISH")
    name, description = clean_text(meta.name), clean_text(meta.description)
    cal.add("NAME", name)
    cal.add("X-WR-CALNAME", name)
    cal.add("DESCRIPTION", description)
    cal.add("X-WR-CALDESC", description)
    cal.add("REFRESH-INTERVAL", meta.refresh, parameters={"VALUE": "DURATION"})
    cal.add("X-PUBLISHED-TTL", vDuration(meta.refresh))
    cal.add("X-WR-TIMEZONE", SHANGHAI)
    return cal


def _masters(occurrences: list[Occurrence], meta: CalendarMeta) -> list[Event]:
    def add_organizer(vevent: Event) -> None:
        vevent.add("ORGANIZER", organizer(meta), parameters={"CN": "stdcal"})

    return series_masters(occurrences, meta.host, meta.base_url, meta.language, add_organizer)


def _note_days(days: dict[str, list[dt.date]], values: Iterable[object]) -> None:
    """Remember the local days a zone must cover, as its first and last day."""
    for value in values:
        if isinstance(value, dt.datetime) and isinstance(value.tzinfo, ZoneInfo):
            day, used = value.date(), days.setdefault(value.tzinfo.key, [])
            if not used:
                used += [day, day]
            else:
                used[0], used[1] = min(used[0], day), max(used[1], day)


def vevent(pe: PublishedEvent, meta: CalendarMeta) -> Event:
    """The reference VEVENT: icalendar's component of :func:`feeds.ics_values.vevent_values`."""
    return vevent_component(vevent_values(pe, meta))


def vevent_component(values: VeventValues) -> Event:
    component = Event()
    component.add("UID", values.uid)
    component.add("DTSTAMP", values.stamp)
    component.add("CREATED", values.created)
    component.add("LAST-MODIFIED", values.stamp)
    component.add("SEQUENCE", values.sequence)
    component.add("DTSTART", values.start)
    component.add("DTEND", values.end)
    component.add("SUMMARY", values.summary)
    component.add("DESCRIPTION", values.description)
    if values.location is not None:
        component.add("LOCATION", values.location)
    if values.url is not None:
        component.add("URL", values.url)
    component.add("CATEGORIES", [values.category])
    component.add("ORGANIZER", values.organizer, parameters={"CN": "stdcal"})
    if values.related_to is not None:
        component.add("RELATED-TO", values.related_to)
    component.add("STATUS", values.status)
    component.add("TRANSP", values.transp)
    return component


def _vtimezone(tzid: str, first: dt.date, last: dt.date) -> Timezone:
    """One VTIMEZONE covering ``first`` to ``last`` and at least 2000 to 2038."""
    return Timezone.from_tzid(
        tzid,
        first_date=min(TZ_FIRST, first),
        last_date=max(TZ_LAST, last + dt.timedelta(days=366)),
    )


@lru_cache(maxsize=64)
def _zone_block(tzid: str, first: dt.date, last: dt.date) -> bytes:
    return bytes(_vtimezone(tzid, first, last).to_ical())
