"""Observances in text: ``2021年10月14日是第52届世界标准日``, ``the 52nd World Standards Day``.

A date is the observance itself only when it is that observance's day and the name stands
right beside it; a meeting that merely celebrates World Standards Day on 15 October is not the
observance. The occurrence number fixes the year (第52届 = 2021) when the date has none,
and a sentence that names a numbered occurrence (``今年是第53个世界标准日``,
``the 55th World Standards Day``) reports it even without a date.

Three things that look like the observance are not: the definition of the day
(``将每年的10月14日定为世界标准日``, ``celebrated every year on 14 October``), an event
named after it (``2021年世界标准日主题活动``, ``World Standards Day celebration``) and an
occurrence in history (``1970年10月14日举行了第一届``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from events import observances
from events.extract.dates import DateMention
from events.extract.lexicon import alternation
from events.model import Event, Kind, Language, PartialDate
from events.numerals import NUMERAL_CHARS, to_int

if TYPE_CHECKING:  # context reads ordinal years from here
    from events.extract.context import ArticleContext

_NEAR = 60
_FAR = 100  # when the sentence says the day is celebrated, marked or commemorated
_CELEBRATE = re.compile(r"celebrat|commemorat|\bmark|observ|庆祝|慶祝|纪念|紀念")
_QUOTE = "[“”\"'「」『』《]?"
# ``第16届“5·20”世界计量日``: the day's figures may stand between the number and the name
_DAY_FIGURES = rf"(?:{_QUOTE}\s*\d{{1,2}}\s*[·.•・]\s*\d{{1,2}}\s*{_QUOTE})?"
_ZH_NUMBER = re.compile(
    rf"第\s*(\d{{1,3}}|[{NUMERAL_CHARS}]{{1,4}})\s*(?:届|屆|个|個|次)\s*{_DAY_FIGURES}\s*{_QUOTE}\s*$"
)
_EN_NUMBER = re.compile(r"(\d{1,3})(?:st|nd|rd|th)\s+(?:annual\s+)?$", re.I)
_YEAR_BEFORE = re.compile(rf"((?:19|20)\d{{2}})\s*年?\s*(?:度)?\s*{_QUOTE}\s*$")
_YEAR_AFTER = re.compile(rf"^\s*{_QUOTE}\s*((?:19|20)\d{{2}})(?![\d年])")
_EVERY_YEAR = re.compile(
    r"每年|每一年|每逢|定为|定為|订为|訂為|设为|設為|"
    r"every year|each year|annually|(?<!the )(?<!an )yearly|designated|declared",
    re.I,
)
# A noun right after the observance's name makes the phrase an event named after it.
_EVENT_NOUNS = (
    "活动", "大会", "会议", "论坛", "座谈会", "研讨会", "交流会", "讲座", "宣传周",
    "宣传月", "典礼", "仪式", "报告会", "纪念会", "启动", "开放日", "竞赛", "展览",
)  # fmt: skip
_NAMED_AFTER = re.compile(
    rf"^{_QUOTE}\s*(?:[((][^()（）]{{1,12}}[))]\s*)?(?:(?:19|20)\d{{2}}\s*)?(?:[\u3400-\u9fff]{{0,10}}?(?:"
    + alternation(_EVENT_NOUNS)
    + r")|\s*(?:celebrations?|events?|programmes?|programs?|seminars?|conferences?|forums?|"
    r"functions?|ceremon(?:y|ies)|campaigns?|meetings?|workshops?|webinars?|symposi(?:um|a)|"
    r"lectures?|exhibitions?|contests?|competitions?|awards?|quiz|walk|run|theme|activit(?:y|ies))\b)",
    re.I,
)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _number(sentence: str, name_at: int) -> int | None:
    before = sentence[max(0, name_at - 14) : name_at]
    match = _ZH_NUMBER.search(before) or _EN_NUMBER.search(before)
    return to_int(match.group(1)) if match else None


def _name_year(sentence: str, name_at: int, spelling: str) -> int | None:
    """``2021年世界标准日``, ``World Standards Day 2008``: the year written with the name."""
    before = _YEAR_BEFORE.search(sentence[max(0, name_at - 10) : name_at])
    after = _YEAR_AFTER.search(sentence[name_at + len(spelling) : name_at + len(spelling) + 10])
    found = before or after
    return int(found.group(1)) if found else None


def _named_after(sentence: str, name_at: int, spelling: str) -> bool:
    after = name_at + len(spelling)
    return bool(_NAMED_AFTER.search(sentence[after : after + 28]))


def occurrences(text: str) -> Iterator[tuple[observances.Observance, int, str]]:
    """Each mention of an observance: which, where, and the spelling used."""
    folded = text.casefold()
    for observance in observances.find(text):
        for spelling in observance.spellings:
            at = folded.find(spelling.casefold())
            while at >= 0:
                yield observance, at, spelling
                at = folded.find(spelling.casefold(), at + len(spelling))


_ORDINAL_CUE = re.compile(rf"第\s*(?:\d|[{NUMERAL_CHARS}])|\d(?:st|nd|rd|th)\b", re.I)


def ordinal_years(text: str) -> list[int]:
    """The years of the numbered occurrences ``text`` names (``第49届世界标准日`` → 2018)."""
    found: list[int] = []
    if _ORDINAL_CUE.search(text) is None:
        return found  # most sentences number nothing: one search, then done
    for observance, at, _ in occurrences(text):
        number = _number(text, at)
        if number is not None and 0 < number < 200:
            found.append(observance.year_of(number))
    return found


def numbered_observance(
    ctx: ArticleContext, sentence: str, history_before: int | None, ordinals: list[int]
) -> Event | None:
    """``今年是第53个世界标准日``: a numbered occurrence named without its date
    (``ordinals``: the sentence's :func:`ordinal_years`, already read)."""
    if not ordinals:
        return None
    for observance, at, _spelling in occurrences(sentence):
        number = _number(sentence, at)
        if number is None or not 0 < number < 200:
            continue
        year = observance.year_of(number)
        if history_before is not None and year < history_before:
            continue
        return _occurrence(ctx, observance, year, number, sentence, confidence=0.85)
    return None


def _occurrence(
    ctx: ArticleContext,
    observance: observances.Observance,
    year: int | None,
    number: int | None,
    sentence: str,
    *,
    confidence: float,
) -> Event:
    """One year's occurrence of ``observance``: a single day, part of its series."""
    start = PartialDate(year, observance.month, observance.day)
    return Event(
        title=title(observance, number, ctx.article.language),
        start=start,
        end=start,
        kind=Kind.OBSERVANCE,
        confidence=confidence,
        evidence=sentence[:500],
        series=observance.key,
    )


def title(observance: observances.Observance, number: int | None, language: Language) -> str:
    name = observance.name(language)
    if number is None:
        return name
    if language is Language.EN:
        return f"{_ordinal(number)} {name}"
    return f"第{number}{'屆' if language is Language.HANT else '届'}{name}"


def _edition(sentence: str, observance: observances.Observance) -> int | None:
    """The year written with any mention of the observance in the sentence: ``World Metrology
    Day 2023: … is celebrated on 20 May every year`` speaks of 2023's day."""
    for found, at, spelling in occurrences(sentence):
        if found is observance and (year := _name_year(sentence, at, spelling)) is not None:
            return year
    return None


def _beside(
    folded: str, observance: observances.Observance, mention: DateMention
) -> tuple[int, str] | None:
    """Where the observance is named nearest the date, if within ``_NEAR`` characters of it
    (edge to edge: ``June 9th 2014 marks the annual World Accreditation Day``)."""
    best: tuple[int, int, str] | None = None
    # ``to celebrate World Standards Day held under the theme “…” on October 14, 2015``
    near = _FAR if _CELEBRATE.search(folded) else _NEAR
    for spelling in observance.spellings:
        key = spelling.casefold()
        at = folded.find(key)
        while at >= 0:
            gap = max(mention.begin - (at + len(key)), at - mention.stop, 0)
            if gap <= near and (best is None or gap < best[0]):
                best = (gap, at, spelling)
            at = folded.find(key, at + len(key))
    return (best[1], best[2]) if best else None


def observance_event(
    ctx: ArticleContext,
    sentence: str,
    mention: DateMention,
    year: int | None,
    history_before: int | None = None,
) -> Event | None:
    """The observance dated by ``mention``, if the sentence says that day is it."""
    folded = sentence.casefold()
    for observance in observances.find(sentence):
        if (mention.start[1], mention.start[2]) != (observance.month, observance.day):
            continue
        if mention.end is not None:
            continue
        beside = _beside(folded, observance, mention)
        if beside is None:
            continue
        name_at, spelling = beside
        first = min(name_at, mention.begin - 10)
        around = sentence[max(0, first) : max(mention.stop + 16, name_at + len(spelling))]
        edition = _edition(sentence, observance)
        if _EVERY_YEAR.search(around) and edition is None:
            return None  # the day's definition, not an occurrence
        if _named_after(sentence, name_at, spelling):
            return None  # an event named after the day: the other rules read it
        number = _number(sentence, name_at)
        if mention.start[0] is not None:
            year = mention.start[0]
        elif number is not None:
            year = observance.year_of(number)
        else:
            year = _name_year(sentence, name_at, spelling) or edition or year
        if year is not None and history_before is not None and year < history_before:
            return None
        if year is not None and number is None:
            number = observance.number_in(year)
        confidence = 0.9 if year is not None else 0.6
        return _occurrence(ctx, observance, year, number, sentence, confidence=confidence)
    return None
