"""Annual observances: days that recur every year and are published as one recurring series.

World Standards Day (14 October, first celebrated in 1970) is reported by many articles in many
scripts; publishing each report as its own event would put duplicates on the same day. The
registry below lets the extractor recognise an observance by any of its names, number its
occurrences (第52届 = 2021) and lets the calendar emit one ``RRULE:FREQ=YEARLY`` series with a
``RECURRENCE-ID`` override per reported year. Further observances are added as data: a settings
file may extend :data:`OBSERVANCES` through :func:`register`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from events.model import Language


@dataclass(frozen=True)
class Observance:
    key: str  # stable identity, part of the calendar UID
    month: int
    day: int
    first_year: int  # the year of occurrence number 1
    names: dict[Language, str]
    aliases: tuple[str, ...] = ()  # further spellings the extractor recognises

    def year_of(self, number: int) -> int:
        """The year of the n-th occurrence (the 52nd World Standards Day was in 2021)."""
        return self.first_year + number - 1

    def number_in(self, year: int) -> int:
        return year - self.first_year + 1

    def name(self, language: Language) -> str:
        return self.names.get(language) or self.names[Language.EN]

    @property
    def spellings(self) -> tuple[str, ...]:
        return (*self.names.values(), *self.aliases)


OBSERVANCES: dict[str, Observance] = {}


_SPELLINGS: list[re.Pattern[str]] = []  # one pattern of every spelling, rebuilt on register


def register(observance: Observance) -> None:
    OBSERVANCES[observance.key] = observance
    spellings = sorted({s for o in OBSERVANCES.values() for s in o.spellings}, key=len)
    _SPELLINGS[:] = [re.compile("|".join(re.escape(s) for s in reversed(spellings)), re.I)]


def find(text: str) -> list[Observance]:
    """Observances whose name occurs in ``text`` (case-insensitive for Latin names).

    Every sentence of every article is asked, so one search over all spellings comes first."""
    if not _SPELLINGS or _SPELLINGS[0].search(text) is None:
        return []
    folded = text.casefold()
    return [o for o in OBSERVANCES.values() if any(s.casefold() in folded for s in o.spellings)]


register(
    Observance(
        key="world-standards-day",
        month=10,
        day=14,
        first_year=1970,
        names={
            Language.HANS: "世界标准日",
            Language.HANT: "世界標準日",
            Language.EN: "World Standards Day",
        },
        aliases=(
            "世界标准化日",
            "世界標準化日",
            "国际标准日",
            "國際標準日",
            "World Standard Day",
            "World Standardization Day",
        ),
    )
)


register(
    Observance(
        key="world-metrology-day",
        month=5,
        day=20,
        first_year=2000,
        names={
            Language.HANS: "世界计量日",
            Language.HANT: "世界計量日",
            Language.EN: "World Metrology Day",
        },
    )
)

register(
    Observance(
        key="world-accreditation-day",
        month=6,
        day=9,
        first_year=2008,
        names={
            Language.HANS: "世界认可日",
            Language.HANT: "世界認可日",
            Language.EN: "World Accreditation Day",
        },
    )
)

register(
    Observance(
        key="world-consumer-rights-day",
        month=3,
        day=15,
        first_year=1983,
        names={
            Language.HANS: "世界消费者权益日",
            Language.HANT: "世界消費者權益日",
            Language.EN: "World Consumer Rights Day",
        },
        aliases=("国际消费者权益日", "國際消費者權益日", "World Consumer Day"),
    )
)

register(
    Observance(
        key="world-intellectual-property-day",
        month=4,
        day=26,
        first_year=2001,
        names={
            Language.HANS: "世界知识产权日",
            Language.HANT: "世界智慧財產權日",
            Language.EN: "World Intellectual Property Day",
        },
        aliases=("世界知識產權日", "World IP Day"),
    )
)

register(
    Observance(
        key="world-telecommunication-day",
        month=5,
        day=17,
        first_year=1969,  # World Telecommunication Day; the Information Society joined in 2006
        names={
            Language.HANS: "世界电信和信息社会日",
            Language.HANT: "世界電信和資訊社會日",
            Language.EN: "World Telecommunication and Information Society Day",
        },
        aliases=("世界电信日", "世界電信日", "世界電信和信息社會日", "World Telecommunication Day"),
    )
)

register(
    Observance(
        key="china-brand-day",
        month=5,
        day=10,
        first_year=2017,  # set by the State Council in 2017
        names={
            Language.HANS: "中国品牌日",
            Language.HANT: "中國品牌日",
            Language.EN: "China Brand Day",
        },
    )
)
