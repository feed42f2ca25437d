"""Observances in text: ``2021年10月14日是第52届世界标准日``, ``the 52nd World Standards Day``.

A date is the observance itself only when it is that observance's day and the name stands
right beside it; a meeting that merely celebrates World Standards Day on 15 October is not the
observance. The occurrence number fixes the year (第52届 = 2021) when the date has none.
"""

from __future__ import annotations

import re

from events import observances
from events.extract.context import ArticleContext
from events.extract.dates import DateMention
from events.model import Event, Kind, Language, PartialDate
from events.numerals import NUMERAL_CHARS, to_int

_NEAR = 40
_ZH_NUMBER = re.compile(rf"第\s*(\d{{1,3}}|[{NUMERAL_CHARS}]{{1,4}})\s*(?:届|屆|个|個)\s*$")
_EN_NUMBER = re.compile(r"(\d{1,3})(?:st|nd|rd|th)\s+$")


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _number(sentence: str, name_at: int) -> int | None:
    before = sentence[max(0, name_at - 12) : name_at]
    match = _ZH_NUMBER.search(before) or _EN_NUMBER.search(before)
    return to_int(match.group(1)) if match else None


def title(observance: observances.Observance, number: int | None, language: Language) -> str:
    name = observance.name(language)
    if number is None:
        return name
    if language is Language.EN:
        return f"{_ordinal(number)} {name}"
    return f"第{number}{'屆' if language is Language.HANT else '届'}{name}"


def observance_event(
    ctx: ArticleContext, sentence: str, mention: DateMention, year: int | None
) -> Event | None:
    folded = sentence.casefold()
    for observance in observances.find(sentence):
        if (mention.start[1], mention.start[2]) != (observance.month, observance.day):
            continue
        if mention.end is not None:
            continue
        window = folded[max(0, mention.begin - _NEAR) : mention.stop + _NEAR]
        spelling = next((s for s in observance.spellings if s.casefold() in window), None)
        if spelling is None:
            continue
        name_at = folded.find(spelling.casefold(), max(0, mention.begin - _NEAR))
        number = _number(sentence, name_at)
        if mention.start[0] is not None:
            year = mention.start[0]
        elif number is not None:
            year = observance.year_of(number)
        if year is not None and number is None:
            number = observance.number_in(year)
        start = PartialDate(year, observance.month, observance.day)
        return Event(
            title=title(observance, number, ctx.article.language),
            start=start,
            end=start if start.known else None,
            kind=Kind.OBSERVANCE,
            confidence=0.9 if start.known else 0.6,
            evidence=sentence[:500],
            series=observance.key,
        )
    return None
