"""What one event's VEVENT says, as plain values: the single source of its content.

Both writers of a VEVENT read these values: icalendar's components (:func:`feeds.ics.vevent`,
the reference) and the direct writer (:mod:`feeds.ics_writer`, the fast path). Deciding the
content once means the two can differ only in how they write it, which the property tests hold
equal byte for byte. Text comes from news articles and is hostile until cleaned: here we only
remove what no iCalendar value may contain; escaping and folding belong to the writers.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from events.extract import places
from events.model import SHANGHAI, Kind, Language, PublishedEvent
from events.model import Event as DomainEvent
from events.script import convert
from feeds.ics_series import in_series, series_uid

ONE_HOUR = dt.timedelta(hours=1)

# Line breaks (including those str.splitlines honours) become spaces: a value stays one line.
_BREAKS = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# Controls other than TAB, DEL and lone surrogates may appear in no iCalendar value.
_ILLEGAL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")  # C0, DEL, C1
_UNCLEAN = re.compile(f"{_BREAKS.pattern}|{_ILLEGAL.pattern}")
_PLAIN_URL = re.compile(r"https?://([^/?#\[\]]+)(?:[/?#]|$)", re.IGNORECASE)
_SPACE = re.compile(r"\s")  # the characters str.isspace() takes (re uses the same table)

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


Moment = dt.date | dt.datetime  # a DATE value, or a DATE-TIME in UTC or a named zone


@dataclass(frozen=True, slots=True)
class VeventValues:
    """Every property of an event's VEVENT, in the form icalendar's ``add`` takes it."""

    uid: str
    stamp: dt.datetime  # DTSTAMP and LAST-MODIFIED, UTC
    created: dt.datetime  # UTC
    sequence: int
    start: Moment
    end: Moment
    summary: str
    description: str
    location: str | None
    url: str | None
    category: str
    organizer: str  # a mailto: address, CN=stdcal
    related_to: str | None  # the series a reported year of an observance belongs to
    status: str
    transp: str


def clean_text(value: str) -> str:
    """``value`` as one line without characters that iCalendar forbids. icalendar takes a
    literal ``\\N`` for an escaped line break, so that backslash becomes a full-width one."""
    if _UNCLEAN.search(value) is not None:
        value = _ILLEGAL.sub("", _BREAKS.sub(" ", value))
    return value.replace("\\N", "\uff3cN").strip()


def clean_url(value: str | None) -> str | None:
    """An http(s) URL fit for a URI value, or ``None``: article links are not trusted."""
    if not value:
        return None
    url = value.strip()
    if _ILLEGAL.search(url) or _BREAKS.search(url) or _SPACE.search(url):
        return None
    plain = _PLAIN_URL.match(url)
    if plain is not None and plain.group(1).isascii():
        return url  # what urlsplit accepts: http(s), an ASCII host without brackets
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme in ("http", "https") and parts.netloc else None


def organizer(meta: CalendarMeta) -> str:
    """METHOD:PUBLISH requires an ORGANIZER (RFC 5546 3.2.1); the publisher is this service."""
    return f"mailto:noreply@{meta.host}"


def vevent_values(pe: PublishedEvent, meta: CalendarMeta) -> VeventValues:
    event, lang = pe.event, meta.language
    base, base_ok, text_ok = _page_base(meta.base_url)
    page = f"{base}{pe.id}"
    start, end = span(event)
    location, where = _places(event.city, lang) if event.city else (None, "")
    series = event.series if in_series(pe) else None
    return VeventValues(
        uid=clean_text(f"{pe.key}@{meta.host}"),
        stamp=utc(pe.last_modified),
        created=utc(pe.created),
        sequence=pe.sequence,
        start=start,
        end=end,
        summary=clean_text(_convert(event.title, lang)) or _kind_name(event.kind, lang),
        description=_description(pe, lang, page if text_ok else clean_text(page), where),
        location=location,
        url=page if base_ok else clean_url(page),
        category=event.kind.value,
        organizer=organizer(meta),
        related_to=series_uid(series, meta.host) if series else None,
        status=pe.status.value,
        transp="TRANSPARENT" if event.kind.is_transparent else "OPAQUE",
    )


@lru_cache(maxsize=16)
def _page_base(base_url: str) -> tuple[str, bool, bool]:
    """An event page's address but its id, whether such an address is a URL value and
    whether it is clean text as it is: an id (digits) never changes either, so they are
    decided once per base."""
    base = f"{base_url.rstrip('/')}/events/"
    probe = f"{base}0"
    return base, clean_url(probe) == probe, clean_text(probe) == probe


def utc(value: dt.datetime) -> dt.datetime:
    """Stored stamps as UTC; a naive one is taken to be UTC already."""
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def zone(tzid: str) -> ZoneInfo:
    try:
        return ZoneInfo(tzid)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long for a file
        return ZoneInfo(SHANGHAI)


def days(event: DomainEvent) -> tuple[dt.date, dt.date]:
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


def span(event: DomainEvent) -> tuple[Moment, Moment]:
    """DTSTART and DTEND: exclusive next day for all-day events, local times otherwise."""
    first, last = days(event)
    if event.time is None:
        return first, last + dt.timedelta(days=1)
    tz = zone(event.tzid)
    start = dt.datetime.combine(first, event.time, tzinfo=tz)
    if event.end_time is not None:
        end = dt.datetime.combine(last, event.end_time, tzinfo=tz)
    else:
        end = dt.datetime.combine(last, event.time, tzinfo=tz) + ONE_HOUR
    return start, end if end > start else start + ONE_HOUR


def _convert(text: str, lang: Language) -> str:
    """The script conversion; text without Chinese (ASCII) is what OpenCC would give back."""
    return text if text.isascii() else convert(text, lang)


@lru_cache(maxsize=4096)
def _local_name(text: str, lang: Language) -> str:
    """A cleaned, converted short text that repeats across events (organisers), kept."""
    return clean_text(_convert(text, lang))


@lru_cache(maxsize=1024)
def _places(city: str, lang: Language) -> tuple[str | None, str]:
    """A city's LOCATION (``None`` when the city cleans to nothing) and its name in the
    description (empty when that cleans to nothing), decided once per city."""
    where = clean_text(_place(city, lang))
    return (where if clean_text(city) else None), where


@lru_cache(maxsize=1024)
def _place(city: str, lang: Language) -> str:
    """A canonical (English) city in the calendar's language: 青岛 / 青島 / Qingdao."""
    if lang is Language.EN:
        return city
    return convert(places.chinese_name(city) or city, lang)


@lru_cache(maxsize=64)
def _kind_name(kind: Kind, lang: Language) -> str:
    if lang is Language.EN:
        return kind.value.replace("-", " ")
    return convert(KIND_NAMES_HANS[kind], lang)


def _description(pe: PublishedEvent, lang: Language, page: str, where: str) -> str:
    """What, where (the city's name), who, then each source's evidence sentence and link,
    then the event page (cleaned text already)."""
    kind_label, where_label, organisers_label, sources_label, page_label = LABELS[lang]
    event = pe.event

    def local(text: str) -> str:
        return clean_text(_convert(text, lang))

    lines = [f"{kind_label}: {_kind_name(event.kind, lang)}"]
    if where:
        lines.append(f"{where_label}: {where}")
    organisers = [n for n in (_local_name(o, lang) for o in event.organisers) if n]
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
    lines += ["", f"{page_label}: {page}"]
    return "\n".join(lines)
