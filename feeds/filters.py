"""Query parameters → typed filters. A malformed value is a 400 naming the parameter and what
it accepts; a well-formed but unknown value (a city we have no events for) just matches nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace

from werkzeug.datastructures import MultiDict

from events.model import Kind, Language
from events.store.queries import EventQuery

LANGS = {lang.value.lower(): lang for lang in Language}
SCRIPTS = {"hans": Language.HANS, "hant": Language.HANT}
MAX_LIMIT = 500


class BadParameter(ValueError):
    def __init__(self, name: str, value: str, accepted: str) -> None:
        super().__init__(f"invalid value for '{name}': {value!r}; accepted: {accepted}")


@dataclass(frozen=True)
class EventFilter:
    city: str | None = None
    kinds: tuple[str, ...] = ()
    organiser: str | None = None
    start_from: dt.date | None = None
    start_to: dt.date | None = None
    lang: Language | None = None

    def query(self, **overrides: object) -> EventQuery:
        query = EventQuery(
            city=self.city,
            kinds=self.kinds,
            organiser=self.organiser,
            start_from=self.start_from,
            start_to=self.start_to,
        )
        return replace(query, **overrides)  # type: ignore[arg-type]

    def describe(self) -> str:
        """A short human text for calendar names: 'Qingdao · forum'."""
        parts = [p for p in (self.city, ", ".join(self.kinds), self.organiser) if p]
        if self.start_from or self.start_to:
            parts.append(f"{self.start_from or ''}–{self.start_to or ''}")
        return " · ".join(parts)


def _date(args: Mapping[str, str], name: str) -> dt.date | None:
    value = args.get(name)
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise BadParameter(name, value, "an ISO date such as 2021-10-14") from None


def parse_lang(value: str | None) -> Language | None:
    if not value:
        return None
    lang = LANGS.get(value.lower().replace("_", "-"))
    if lang is None:
        raise BadParameter("lang", value, ", ".join(x.value for x in Language))
    return lang


def parse_event_filter(args: MultiDict[str, str]) -> EventFilter:
    kinds = tuple(k.strip().lower() for k in args.getlist("kind") if k.strip())
    for kind in kinds:
        if not kind.replace("-", "").isalpha():
            raise BadParameter("kind", kind, ", ".join(k.value for k in Kind))
    start_from, start_to = _date(args, "from"), _date(args, "to")
    if start_from and start_to and start_to < start_from:
        raise BadParameter("to", str(start_to), f"a date on or after from={start_from}")
    return EventFilter(
        city=(args.get("city") or "").strip() or None,
        kinds=kinds,
        organiser=(args.get("organiser") or args.get("organizer") or "").strip() or None,
        start_from=start_from,
        start_to=start_to,
        lang=parse_lang(args.get("lang")),
    )


def parse_limit(args: Mapping[str, str], default: int = 50) -> int:
    value = args.get("limit")
    if value is None or value == "":
        return default
    if not (value.isascii() and value.isdigit()) or not 1 <= int(value) <= MAX_LIMIT:
        raise BadParameter("limit", value, f"a whole number from 1 to {MAX_LIMIT}")
    return int(value)


def parse_script(value: str | None) -> Language | None:
    if not value:
        return None
    script = SCRIPTS.get(value.lower())
    if script is None:
        raise BadParameter("script", value, "hans, hant")
    return script
