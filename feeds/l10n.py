"""Every locale decision and every Babel call of the pages and the widget, in one place.

A reader in Taipei, Hong Kong, Beijing or London sees the same event; only the words, the date
patterns and the script differ. Keeping negotiation, formatting, script conversion and the
gettext catalogs here lets templates ask ``view.range(start, end)`` and never spell a date
themselves. The locale and the time zone are passed in, never read from globals.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale
from babel.dates import (
    format_date,
    format_datetime,
    format_interval,
    format_skeleton,
    format_time,
    format_timedelta,
    get_day_names,
    get_timezone_name,
)

from events.extract.places import chinese_name
from events.model import SHANGHAI, Event, Language, PartialDate
from events.script import convert
from feeds.filters import BadParameter
from feeds.translations import translations

LOCALES = ("zh_Hans_CN", "zh_Hant_TW", "zh_Hant_HK", "en")
_UNDATED_YEAR = 2000  # a leap year, so an undated 29 February still formats


def N_(message: str) -> str:
    """Marks a message for extraction; it is translated where it is shown."""
    return message


KIND_LABELS = {
    "observance": N_("Observance"),
    "conference": N_("Conference"),
    "forum": N_("Forum"),
    "activity-week": N_("Activity week"),
    "campaign": N_("Campaign"),
    "deadline": N_("Deadline"),
    "meeting": N_("Meeting"),
    "training": N_("Training"),
    "other": N_("Other"),
}


def match_locale(tag: str) -> str | None:
    """The supported locale closest to a BCP 47 or POSIX tag (``zh-TW``, ``zh_Hant``, ``en-GB``)."""
    parts = tag.strip().replace("_", "-").lower().split("-")
    if parts[0] == "en":
        return "en"
    if parts[0] != "zh":
        return None
    rest = set(parts[1:])
    hongkong = bool(rest & {"hk", "mo"})
    if "hant" in rest or hongkong or "tw" in rest:
        return "zh_Hant_HK" if hongkong else "zh_Hant_TW"
    return "zh_Hans_CN"


@dataclass(frozen=True)
class Choice:
    locale: str
    source: str  # "query", "cookie", "header" or "default": what decided it


def negotiate(
    query: str | None, cookie: str | None, accepted: Iterable[str], default: str
) -> Choice:
    """``?lang=`` first, then the remembered cookie, then Accept-Language (best first), then the
    configured default. A malformed ``?lang=`` is the reader's mistake and says so."""
    if query:
        found = match_locale(query)
        if found is None:
            raise BadParameter("lang", query, ", ".join(LOCALES) + " (or zh-Hans, zh-Hant)")
        return Choice(found, "query")
    if cookie and (found := match_locale(cookie)):
        return Choice(found, "cookie")
    for tag in accepted:
        if found := match_locale(tag):
            return Choice(found, "header")
    return Choice(match_locale(default) or LOCALES[0], "default")


def parse_zone(value: str | None) -> ZoneInfo | None:
    if not value:
        return None
    try:
        return ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long for a file
        raise BadParameter("tz", value, "an IANA time zone such as Asia/Shanghai") from None


def script_of(locale: str) -> Language:
    parsed = Locale.parse(locale)
    if parsed.language != "zh":
        return Language.EN
    return Language.HANT if parsed.script == "Hant" else Language.HANS


def html_lang(locale: str) -> str:
    return locale.replace("_", "-")


def format_day(value: dt.date, locale: str, width: str = "medium") -> str:
    return str(format_date(value, width, locale=locale))


def format_range(start: PartialDate, end: PartialDate | None, locale: str) -> str:
    """``start``–``end`` as ``locale`` writes a range; without a year when none is known."""
    if end is None or end == start:
        if start.known:
            return format_day(start.to_date(), locale)
        return str(format_skeleton("MMMd", start.with_year(_UNDATED_YEAR).to_date(), locale=locale))
    if start.known and end.known:
        return str(format_interval(start.to_date(), end.to_date(), "yMMMd", locale=locale))
    wraps = (end.month, end.day) < (start.month, start.day)  # 28 Dec – 3 Jan
    first = start.with_year(_UNDATED_YEAR - 1 if wraps else _UNDATED_YEAR).to_date()
    last = end.with_year(_UNDATED_YEAR).to_date()
    return str(format_interval(first, last, "MMMd", locale=locale))


def last_day(event: Event) -> dt.date:
    end = event.end
    return (end if end is not None and end.known else event.start).to_date()


def zone_name(moment: dt.datetime, locale: str) -> str:
    return str(get_timezone_name(moment, "long", locale=locale))


def format_moment(value: dt.datetime, locale: str, zone: ZoneInfo) -> str:
    """A point in time in ``zone``, with the zone named (``中国标准时间``)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    local = value.astimezone(zone)
    text = format_datetime(local, "medium", tzinfo=zone, locale=locale)
    return f"{text} ({zone_name(local, locale)})"


def _clock_skeleton(locale: str) -> str:
    pattern = Locale.parse(locale).time_formats["short"].pattern
    return "Hm" if "H" in pattern else "hm"


def format_when(event: Event, locale: str, zone: ZoneInfo) -> str:
    """An event's days, and its hours in ``zone`` with the zone named when it has a time."""
    days = format_range(event.start, event.end, locale)
    if event.time is None or not event.start.known:
        return days
    origin = ZoneInfo(event.tzid)
    start = dt.datetime.combine(event.start.to_date(), event.time, origin).astimezone(zone)
    if event.end_time is None:
        clock = str(format_time(start, "short", tzinfo=zone, locale=locale))
    else:
        last = event.end if event.end and event.end.known else event.start
        end = dt.datetime.combine(last.to_date(), event.end_time, origin).astimezone(zone)
        skeleton = _clock_skeleton(locale)
        clock = str(format_interval(start, end, skeleton, tzinfo=zone, locale=locale))
    if start.date() != event.start.to_date():  # the zone moved it to another day
        days = format_day(start.date(), locale)
    return f"{days} {clock} ({zone_name(start, locale)})"


def format_relative(target: dt.date, today: dt.date, locale: str) -> str | None:
    """ "in 3 days" / "3天后" / "3 天後"; ``None`` for today, which the caller names."""
    delta = target - today
    if delta.days == 0:
        return None
    return str(format_timedelta(delta, granularity="day", add_direction=True, locale=locale))


def month_title(month: dt.date, locale: str) -> str:
    return str(format_skeleton("yMMMM", month, locale=locale))


def weekday_names(locale: str) -> list[tuple[str, str]]:
    """(abbreviated, wide) weekday names in the locale's order, its first day first."""
    short = get_day_names("abbreviated", locale=locale)
    wide = get_day_names("wide", locale=locale)
    first = Locale.parse(locale).first_week_day
    return [(str(short[(first + i) % 7]), str(wide[(first + i) % 7])) for i in range(7)]


def month_weeks(month: dt.date, locale: str) -> list[list[dt.date]]:
    """The weeks that cover ``month``, each starting on the locale's first weekday."""
    grid = calendar.Calendar(firstweekday=Locale.parse(locale).first_week_day)
    return grid.monthdatescalendar(month.year, month.month)


@dataclass(frozen=True)
class View:
    """One reader's settings bound together, so a template writes ``view.day(d)``."""

    locale: str
    zone: ZoneInfo = field(default_factory=lambda: ZoneInfo(SHANGHAI))
    original: bool = False  # show article text in its own script, unconverted

    @property
    def script(self) -> Language:
        return script_of(self.locale)

    @property
    def html_lang(self) -> str:
        return html_lang(self.locale)

    @property
    def converts(self) -> bool:
        return self.script is not Language.EN and not self.original

    def gettext(self, message: str) -> str:
        return str(translations(self.locale).gettext(message))

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return str(translations(self.locale).ngettext(singular, plural, n))

    def kind(self, kind: str) -> str:
        return self.gettext(KIND_LABELS.get(kind, KIND_LABELS["other"]))

    def text(self, value: str | None) -> str:
        """Article-derived text in the reader's script (OpenCC) unless they asked for the
        original; English readers and English text pass through unchanged."""
        if not value:
            return ""
        return convert(value, self.script) if self.converts else value

    def city(self, english: str | None) -> str:
        """A canonical (English) city name in the reader's language: 青岛 / 青島 / Qingdao."""
        if not english:
            return ""
        if self.script is Language.EN:
            return english
        return convert(chinese_name(english) or english, self.script)

    def text_lang(self, source: Language) -> str:
        """The ``lang`` of text from a ``source`` article, as shown to this reader."""
        return self.script.value if self.converts and source is not Language.EN else source.value

    def today(self) -> dt.date:
        return dt.datetime.now(self.zone).date()

    def day(self, value: dt.date, width: str = "medium") -> str:
        return format_day(value, self.locale, width)

    def range(self, start: PartialDate, end: PartialDate | None) -> str:
        return format_range(start, end, self.locale)

    def when(self, event: Event) -> str:
        return format_when(event, self.locale, self.zone)

    def relative(self, target: dt.date) -> str:
        return format_relative(target, self.today(), self.locale) or self.gettext("today")

    def moment(self, value: dt.datetime | dt.date) -> str:
        if isinstance(value, dt.datetime):
            return format_moment(value, self.locale, self.zone)
        return self.day(value)

    def month_title(self, month: dt.date) -> str:
        return month_title(month, self.locale)

    def weekdays(self) -> list[tuple[str, str]]:
        return weekday_names(self.locale)

    def weeks(self, month: dt.date) -> list[list[dt.date]]:
        return month_weeks(month, self.locale)

    @property
    def zone_label(self) -> str:
        return zone_name(dt.datetime.now(self.zone), self.locale)


def autonyms() -> list[tuple[str, str]]:
    """Each supported locale named in its own language, for the language switch."""
    return [(code, str(Locale.parse(code).get_display_name(code))) for code in LOCALES]
