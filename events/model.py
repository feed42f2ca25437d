"""The domain's values: what an article and an event are, independent of any storage or format.

Everything here is a frozen dataclass without I/O, so the reading, extraction and publishing
stages can pass values along the flow (read -> extract -> store -> publish) and tests can build
them by hand.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

SHANGHAI = "Asia/Shanghai"


class Language(StrEnum):
    """Script-level language tags: simplified and traditional Chinese are told apart."""

    HANS = "zh-Hans"
    HANT = "zh-Hant"
    EN = "en"


class Kind(StrEnum):
    """What sort of occurrence an event is; drives calendar transparency and filtering."""

    OBSERVANCE = "observance"
    CONFERENCE = "conference"
    FORUM = "forum"
    ACTIVITY_WEEK = "activity-week"
    CAMPAIGN = "campaign"
    DEADLINE = "deadline"
    MEETING = "meeting"
    TRAINING = "training"
    OTHER = "other"

    @property
    def is_transparent(self) -> bool:
        """Observances and windows mark days, they do not occupy the reader's time."""
        return self in (Kind.OBSERVANCE, Kind.CAMPAIGN, Kind.ACTIVITY_WEEK)


class Status(StrEnum):
    CONFIRMED = "CONFIRMED"
    CANCELLED = "CANCELLED"


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar day whose year may be unknown.

    Articles often say `4月24日` with nothing that fixes the year; inventing one would put the
    event in the wrong year of every subscriber's calendar, so the year stays ``None`` until an
    editor or sidecar metadata supplies it.
    """

    year: int | None
    month: int
    day: int

    def __post_init__(self) -> None:
        year = self.year if self.year is not None else 2000  # a leap year: 29 Feb stays valid
        dt.date(year, self.month, self.day)  # raises ValueError for impossible days

    @property
    def known(self) -> bool:
        return self.year is not None

    def to_date(self) -> dt.date:
        if self.year is None:
            raise ValueError(f"{self.iso()} has no year")
        return dt.date(self.year, self.month, self.day)

    def iso(self) -> str:
        if self.year is None:
            return f"--{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def with_year(self, year: int) -> PartialDate:
        return PartialDate(year, self.month, self.day)

    @classmethod
    def from_date(cls, value: dt.date) -> PartialDate:
        return cls(value.year, value.month, value.day)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Inverse of :meth:`iso`."""
        if text.startswith("--"):
            month, day = text[2:].split("-")
            return cls(None, int(month), int(day))
        return cls.from_date(dt.date.fromisoformat(text))


Published = dt.date | dt.datetime
"""An article's own date, with the precision the text gives (a datetime is tz-aware)."""


@dataclass(frozen=True)
class DecodeReport:
    """How the bytes became text, so a reader can tell a clean decode from a repaired one."""

    encoding: str
    method: str  # "bom", "http-header", "meta", "utf-8", "detected", "fallback"
    replaced: int = 0  # undecodable bytes replaced by U+FFFD
    damage: int = 0  # runs of ``?``/U+FFFD treated as encoding damage and removed


@dataclass(frozen=True)
class Article:
    """A cleaned article: what extraction reads, plus the parts kept apart from the body.

    ``body`` is the article text only, paragraphs separated by ``\\n``; page chrome and related
    lists live in ``parts`` so dates there never reach the extractor.
    """

    source: str  # the path or URL the bytes came from, as given
    title: str
    body: str
    language: Language
    published: Published | None = None
    published_rule: str | None = None  # which rule found ``published`` (e.g. "labelled-line")
    url: str | None = None
    publisher: str | None = None
    city: str | None = None  # a default place from the source or sidecar, if any
    lead: str = ""
    parts: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    editorial: frozenset[str] = frozenset()  # fields supplied by a sidecar
    decode: DecodeReport | None = None
    content_hash: str = ""  # sha256 of the raw bytes

    @property
    def published_date(self) -> dt.date | None:
        if isinstance(self.published, dt.datetime):
            return self.published.date()
        return self.published


@dataclass(frozen=True)
class Event:
    """One occurrence that an article reports, as extraction finds it (no identity yet).

    ``end`` is inclusive; ``None`` when the text gives a start but no length and no year.
    ``series`` names an annual observance (e.g. ``world-standards-day``) so occurrences from
    different articles and scripts become one recurrence override.
    """

    title: str
    start: PartialDate
    end: PartialDate | None
    kind: Kind
    time: dt.time | None = None
    end_time: dt.time | None = None
    city: str | None = None
    organisers: tuple[str, ...] = ()
    confidence: float = 0.5
    evidence: str = ""
    series: str | None = None
    tzid: str = SHANGHAI

    @property
    def all_day(self) -> bool:
        return self.time is None

    @property
    def dated(self) -> bool:
        """Only events with a known year can enter a calendar."""
        return self.start.known


@dataclass(frozen=True)
class SourceRef:
    """An article that mentions a published event, as the event's description cites it."""

    article_id: int
    title: str
    url: str | None  # the original address when known
    evidence: str
    language: Language
    published: Published | None = None  # the article's own date, when it states one


@dataclass(frozen=True)
class PublishedEvent:
    """A stored event as the publishing formats see it: identity, history and sources.

    ``key`` is the stable identity (never a row number); the calendar UID is derived from it
    and the configured host. ``version`` is a digest of everything rendered, so renderers can
    cache by it.
    """

    id: int
    key: str
    event: Event
    status: Status
    sequence: int
    created: dt.datetime
    last_modified: dt.datetime
    sources: tuple[SourceRef, ...] = ()
    language: Language = Language.HANS
    cancelled_at: dt.datetime | None = None


@dataclass(frozen=True)
class PublishedArticle:
    """A stored article as the feeds see it: the cleaned article plus its history and events.

    ``first_seen`` and ``updated`` come from the store (never ``now()``), so a feed's bytes change
    only when its content does.
    """

    id: int
    article: Article
    first_seen: dt.datetime
    updated: dt.datetime
    revision: int = 1
    kinds: tuple[Kind, ...] = ()
    cities: tuple[str, ...] = ()


@dataclass(frozen=True)
class RawInput:
    """Bytes as received from a source, before reading: the unit an ingest run stores.

    ``locator`` (a resolved path or the URL) is the article's identity in the store; ``meta``
    carries what the source knows about it (a sidecar file, a feed entry's link and date, the
    source's default publisher, language or city) and wins over what the text says.
    """

    locator: str
    raw: bytes
    content_type: str | None = None
    meta: Mapping[str, object] = field(default_factory=dict)
