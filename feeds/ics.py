"""Published events → iCalendar bytes (RFC 5545, with the RFC 7986 calendar properties).

Subscribers' clients (Google, Apple, Outlook, Thunderbird) re-fetch the calendar for ever and
treat every change in the bytes as an update, so rendering is a pure function of the stored
data: UIDs come from the event's stable key, DTSTAMP from its last modification, and the order
is fixed. Text comes from news articles and is hostile until cleaned; the icalendar library
does all escaping and folding, we only remove what no iCalendar value may contain.

Building a component costs about 0.5 ms per event, so each event's VEVENT bytes are kept
(by the caller, see :class:`Chunks`) under a digest of the event's value and joined into
calendars: still rendered by the library, once per event and change.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata, resources
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Protocol
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar
from icalendar import Calendar, Event, Timezone, vDuration

from events import script
from events.extract import places
from events.model import SHANGHAI, Kind, Language, PublishedEvent
from events.model import Event as DomainEvent
from events.script import convert
from feeds.ics_series import in_series, series_vevents

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

PRODID = "-//stdcal//stdcal//EN"
ONE_HOUR = dt.timedelta(hours=1)
# Zones generated from this day on; a fixed-offset zone like Asia/Shanghai (no DST since 1991)
# then needs only one STANDARD observance. Earlier events widen the range.
TZ_FIRST = dt.date(2000, 1, 1)
TZ_LAST = dt.date(2038, 1, 1)
SPOOL_BYTES = 4 << 20  # VEVENT blocks held in memory while a calendar is written; then a file

# Line breaks (including those str.splitlines honours) become spaces: a value stays one line.
_BREAKS = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# Controls other than TAB, DEL and lone surrogates may appear in no iCalendar value.
_ILLEGAL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")  # C0, DEL, C1

KIND_NAMES_HANS = {
    Kind.OBSERVANCE: "纪念日",
    Kind.CONFERENCE: "会议",
    Kind.FORUM: "论坛",
    Kind.ACTIVITY_WEEK: "活动周",
    Kind.CAMPAIGN: "主题活动",
    Kind.DEADLINE: "截止日期",
    Kind.MEETING: "会议",
    Kind.TRAINING: "培训",
    Kind.OTHER: "活动",
}
LABELS = {
    Language.HANS: ("类型", "地点", "主办", "来源", "活动页面"),
    Language.HANT: ("類型", "地點", "主辦", "來源", "活動頁面"),
    Language.EN: ("Kind", "Where", "Organisers", "Sources", "Event page"),
}


@dataclass(frozen=True)
class CalendarMeta:
    """What a calendar says about itself; the web layer fills it from settings and the query."""

    name: str
    description: str
    host: str  # the UID domain: UIDs are ``{key}@{host}``
    base_url: str
    refresh: dt.timedelta
    language: Language


def clean_text(value: str) -> str:
    """``value`` as one line without characters that iCalendar forbids. icalendar takes a
    literal ``\\N`` for an escaped line break, so that backslash becomes a full-width one."""
    return _ILLEGAL.sub("", _BREAKS.sub(" ", value)).replace("\\N", "\uff3cN").strip()


def clean_url(value: str | None) -> str | None:
    """An http(s) URL fit for a URI value, or ``None``: article links are not trusted."""
    if not value:
        return None
    url = value.strip()
    if _ILLEGAL.search(url) or _BREAKS.search(url) or any(c.isspace() for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme in ("http", "https") and parts.netloc else None


class Chunks(Protocol):
    """Where rendered VEVENT bytes are kept between calendars, by digest: this worker's memory
    (:class:`feeds.cache.ChunkCache`) and the database (:class:`feeds.chunk_store.StoredChunks`)."""

    def lookup(self, digests: Sequence[str]) -> dict[str, bytes]: ...

    def keep(self, chunks: Mapping[str, bytes]) -> None: ...


def _renderer_fingerprint() -> str:
    """What else a VEVENT's bytes derive from: this code, the city names, the script
    conversion and the library. Chunks kept by an older release are then simply not found."""
    digest = hashlib.sha256(f"{icalendar.__version__} {metadata.version('OpenCC')}".encode())
    for module in (sys.modules[__name__], script, places):
        digest.update(Path(str(module.__file__)).read_bytes())
    digest.update(resources.files("events.extract").joinpath("data/cities.tsv").read_bytes())
    return digest.hexdigest()


_RENDERER = _renderer_fingerprint()


def chunk_digest(pe: PublishedEvent, meta: CalendarMeta) -> str:
    """The key of an event's VEVENT bytes: its whole value and the calendar's identity."""
    identity = f"{_RENDERER}|{meta.language.value}|{meta.host}|{meta.base_url}|".encode()
    return hashlib.sha256(identity + _value(pe)).hexdigest()


_VALUES: dict[tuple[int, int], bytes] = {}  # (id, hash) -> digest of the value, this process
_VALUES_MAX = 25_000  # about 6 MB: all of a 10,000-event calendar; larger ones only partly


def _value(pe: PublishedEvent) -> bytes:
    """A digest of the event's whole value, stable across processes (its repr). Printing the
    value cost a third of assembling a calendar, so this process remembers it under the
    event's id and in-process hash: a different value with the same id and 64-bit hash is the
    only way to be wrong, about one chance in 10^19 per change."""
    memo = (pe.id, hash(pe))
    value = _VALUES.get(memo)
    if value is None:
        if len(_VALUES) >= _VALUES_MAX:
            _VALUES.clear()
        value = hashlib.sha256(repr(pe).encode("utf-8", "surrogatepass")).digest()
        _VALUES[memo] = value
    return value


def render_calendar(
    events: Iterable[PublishedEvent],
    meta: CalendarMeta,
    chunks: Chunks | None = None,
    *,
    batch: int = 1000,
) -> bytes:
    """A whole subscribable calendar of ``events`` in any order (sorted here, so held in
    memory); events without a known year are left out, and of several events with one key
    the first in calendar order is kept. See :func:`write_calendar`."""
    ordered, seen = [], set()
    for pe in sorted((pe for pe in events if pe.event.dated), key=calendar_order):
        if pe.key not in seen:
            seen.add(pe.key)
            ordered.append(pe)
    out = io.BytesIO()
    write_calendar(out, ordered, meta, chunks, batch=batch)
    return out.getvalue()


def calendar_order(pe: PublishedEvent) -> tuple[str, str]:
    """Where an event stands in a calendar: by first day, then key (the store's
    ``ORDER BY start, key``, in code point order)."""
    return _start_iso(pe), pe.key


def write_calendar(
    out: SupportsWrite[bytes],
    events: Iterable[PublishedEvent],
    meta: CalendarMeta,
    chunks: Chunks | None = None,
    *,
    batch: int = 1000,
) -> None:
    """Write the calendar of ``events``, which come in :func:`calendar_order` with unique keys
    (as the store gives them), to ``out``.

        icalendar renders (escapes and folds) each plain event's VEVENT once; the bytes are kept in
        ``chunks`` under :func:`chunk_digest`, and the calendar is the header, the zones and those
        blocks in order, byte for byte what :func:`build_calendar` serializes. A new content version
        then re-renders only the events that changed. Events are read ``batch`` at a time and their
        blocks spooled (to disk past a few megabytes) until the zones they need are known, so a
        calendar of every stored event costs a worker no memory in proportion to its size.
    """
    recurring: list[PublishedEvent] = []
    days: dict[str, list[dt.date]] = {}
    last: tuple[str, str] | None = None
    with tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES) as spool:
        for group in _batches(events, batch):
            plain: list[PublishedEvent] = []
            for pe in group:
                order = calendar_order(pe)
                if last is not None and order <= last:
                    raise ValueError(f"events out of calendar order: {order} after {last}")
                last = order
                (recurring if in_series(pe) else plain).append(pe)
            blocks, _ = _blocks(plain, meta, chunks)
            for pe, block in zip(plain, blocks, strict=True):
                spool.write(block)
                _note_days(days, _span(pe.event))
        series = _series(recurring, meta)
        for vevent in series:
            _note_days(days, (vevent.decoded("DTSTART"), vevent.decoded("DTEND")))
        head, end = _head(meta).to_ical(), b"END:VCALENDAR\r\n"
        out.write(head[: -len(end)])
        for tzid, used in sorted(days.items()):
            out.write(_zone_block(tzid, min(used), max(used)))
        for vevent in series:
            out.write(vevent.to_ical())
        spool.seek(0)
        shutil.copyfileobj(spool, out)
        out.write(end)


def prepare_chunks(
    events: Iterable[PublishedEvent], meta: CalendarMeta, chunks: Chunks, *, batch: int = 1000
) -> int:
    """Render and keep the VEVENT chunks a calendar of ``events`` will need, without assembling
    it (after an ingest, so the next request finds them); how many had to be rendered."""
    rendered = 0
    for group in _batches(events, batch):
        rendered += _blocks([pe for pe in group if not in_series(pe)], meta, chunks)[1]
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
            block = rendered[digest] = _vevent(pe, meta).to_ical()
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
    """The calendar as one icalendar component tree: the reference the chunks must match."""
    series_vevents, plain, zones = _parts(events, meta, series=series)
    cal = _head(meta)
    for zone in zones:
        cal.add_component(_vtimezone(*zone))
    for vevent in [*series_vevents, *(_vevent(pe, meta) for pe in plain)]:
        cal.add_component(vevent)
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


Zone = tuple[str, dt.date, dt.date]
Span = tuple[
    dt.date | dt.datetime, dt.date | dt.datetime
]  # DTSTART and DTEND values  # TZID and the first and last local day it must cover


def _parts(
    events: Iterable[PublishedEvent], meta: CalendarMeta, *, series: bool
) -> tuple[list[Event], list[PublishedEvent], list[Zone]]:
    """Series masters and overrides, the other dated events (first of each key), in a fixed
    order, and the zones their timed values use."""
    dated = sorted((pe for pe in events if pe.event.dated), key=lambda pe: (_start_iso(pe), pe.key))
    recurring = [pe for pe in dated if series and in_series(pe)]
    vevents = _series(recurring, meta)
    seen, plain = {pe.key for pe in recurring}, []
    for pe in dated:
        if pe.key not in seen:
            seen.add(pe.key)
            plain.append(pe)
    days: dict[str, list[dt.date]] = {}
    for vevent in vevents:
        _note_days(days, (vevent.decoded("DTSTART"), vevent.decoded("DTEND")))
    for pe in plain:
        _note_days(days, _span(pe.event))
    return vevents, plain, [(tzid, min(used), max(used)) for tzid, used in sorted(days.items())]


def _series(recurring: list[PublishedEvent], meta: CalendarMeta) -> list[Event]:
    ordered = sorted(recurring, key=lambda pe: (_start_iso(pe), pe.key))
    return series_vevents(
        ordered,
        meta.host,
        meta.base_url,
        meta.language,
        lambda pe: _vevent(pe, meta),
        lambda vevent: _organizer(vevent, meta),
    )


def _note_days(days: dict[str, list[dt.date]], values: Iterable[object]) -> None:
    """Remember the local days a zone must cover, as its first and last day."""
    for value in values:
        if isinstance(value, dt.datetime) and isinstance(value.tzinfo, ZoneInfo):
            day, used = value.date(), days.setdefault(value.tzinfo.key, [])
            if not used:
                used += [day, day]
            else:
                used[0], used[1] = min(used[0], day), max(used[1], day)


def _start_iso(pe: PublishedEvent) -> str:
    return pe.event.start.iso()


def _utc(value: dt.datetime) -> dt.datetime:
    """Stored stamps as UTC; a naive one is taken to be UTC already."""
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def _zone(tzid: str) -> ZoneInfo:
    try:
        return ZoneInfo(tzid)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(SHANGHAI)


def _days(event: DomainEvent) -> tuple[dt.date, dt.date]:
    """First and last (inclusive) day; an end without a year falls in the start's year or the
    next one (``12月30日至1月2日``), and an impossible end collapses to the start."""
    start = event.start.to_date()
    if event.end is None:
        return start, start
    try:
        if event.end.known:
            end = event.end.to_date()
        else:
            end = event.end.with_year(start.year).to_date()
            if end < start:
                end = event.end.with_year(start.year + 1).to_date()
    except ValueError:
        return start, start
    return start, max(start, end)


def _span(event: DomainEvent) -> Span:
    """DTSTART and DTEND: exclusive next day for all-day events, local times otherwise."""
    first, last = _days(event)
    if event.time is None:
        return first, last + dt.timedelta(days=1)
    zone = _zone(event.tzid)
    start = dt.datetime.combine(first, event.time, tzinfo=zone)
    if event.end_time is not None:
        end = dt.datetime.combine(last, event.end_time, tzinfo=zone)
    else:
        end = dt.datetime.combine(last, event.time, tzinfo=zone) + ONE_HOUR
    return start, end if end > start else start + ONE_HOUR


def _vevent(pe: PublishedEvent, meta: CalendarMeta) -> Event:
    event, lang = pe.event, meta.language
    page = f"{meta.base_url.rstrip('/')}/events/{pe.id}"
    start, end = _span(event)
    vevent = Event()
    vevent.add("UID", clean_text(f"{pe.key}@{meta.host}"))
    vevent.add("DTSTAMP", _utc(pe.last_modified))
    vevent.add("CREATED", _utc(pe.created))
    vevent.add("LAST-MODIFIED", _utc(pe.last_modified))
    vevent.add("SEQUENCE", pe.sequence)
    vevent.add("DTSTART", start)
    vevent.add("DTEND", end)
    vevent.add("SUMMARY", clean_text(convert(event.title, lang)) or _kind_name(event.kind, lang))
    vevent.add("DESCRIPTION", _description(pe, lang, page))
    if event.city and clean_text(event.city):
        vevent.add("LOCATION", clean_text(_place(event.city, lang)))
    url = clean_url(page)
    if url is not None:
        vevent.add("URL", url)
    vevent.add("CATEGORIES", [event.kind.value])
    _organizer(vevent, meta)
    vevent.add("STATUS", pe.status.value)
    vevent.add("TRANSP", "TRANSPARENT" if event.kind.is_transparent else "OPAQUE")
    return vevent


def _place(city: str, lang: Language) -> str:
    """A canonical (English) city in the calendar's language: 青岛 / 青島 / Qingdao."""
    if lang is Language.EN:
        return city
    return convert(places.chinese_name(city) or city, lang)


def _organizer(vevent: Event, meta: CalendarMeta) -> None:
    """METHOD:PUBLISH requires an ORGANIZER (RFC 5546 3.2.1); the publisher is this service."""
    vevent.add("ORGANIZER", f"mailto:noreply@{meta.host}", parameters={"CN": "stdcal"})


def _kind_name(kind: Kind, lang: Language) -> str:
    if lang is Language.EN:
        return kind.value.replace("-", " ")
    return convert(KIND_NAMES_HANS[kind], lang)


def _description(pe: PublishedEvent, lang: Language, page: str) -> str:
    """What, where, who, then each source's evidence sentence and link, then the event page."""
    kind_label, where_label, organisers_label, sources_label, page_label = LABELS[lang]
    event = pe.event

    def local(text: str) -> str:
        return clean_text(convert(text, lang))

    lines = [f"{kind_label}: {_kind_name(event.kind, lang)}"]
    if event.city and clean_text(_place(event.city, lang)):
        lines.append(f"{where_label}: {clean_text(_place(event.city, lang))}")
    organisers = [local(o) for o in event.organisers if local(o)]
    if organisers:
        lines.append(f"{organisers_label}: {', '.join(organisers)}")
    if pe.sources:
        lines += ["", f"{sources_label}:"]
        for source in pe.sources:
            title, evidence = local(source.title), local(source.evidence)
            lines.append(f"- {title}" + (f": {evidence}" if evidence else ""))
            url = clean_url(source.url)
            if url is not None:
                lines.append(f"  {url}")
    elif local(event.evidence):
        lines += ["", local(event.evidence)]
    lines += ["", f"{page_label}: {clean_text(page)}"]
    return "\n".join(lines)


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
