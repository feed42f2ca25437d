"""Where an event happens: a gazetteer of Chinese cities in both scripts and English.

City names are matched with context that keeps common words out (``安康`` is also "well-being",
``北京时间`` is a time zone, ``北京大学`` a university). The gazetteer is data
(``data/cities.tsv``) so coverage grows without code changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from urllib.parse import urlsplit

from events.script import to_hant

_NOT_A_PLACE_AFTER = ("大学", "大學", "时间", "時間", "路", "街", "大道", "理工", "师范", "師範")
_ABBREV_BEFORE = "在来赴抵驻留來駐"


@dataclass(frozen=True)
class City:
    english: str
    names: tuple[str, ...]  # simplified and traditional spellings
    abbrevs: tuple[str, ...]
    domains: tuple[str, ...]
    strict: bool  # the bare name is also a common word: needs ``市`` or an organisation


@dataclass(frozen=True)
class Gazetteer:
    cities: tuple[City, ...]
    by_name: dict[str, City]
    zh_pattern: re.Pattern[str]
    en_pattern: re.Pattern[str]
    abbrev_pattern: re.Pattern[str] | None

    def zh_name(self, english: str) -> str | None:
        for city in self.cities:
            if city.english == english:
                return city.names[0]
        return None


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(",") if v.strip())


@cache
def gazetteer() -> Gazetteer:
    text = resources.files("events.extract").joinpath("data/cities.tsv").read_text("utf-8")
    cities: list[City] = []
    by_name: dict[str, City] = {}
    for line in text.splitlines()[1:]:
        fields = [f.strip() for f in line.split("\t")]
        if len(fields) < 5 or not fields[0]:
            continue
        english, zh, abbrev_text, domains, strict = fields[:5]
        names = tuple(dict.fromkeys((zh, to_hant(zh))))
        abbrev_list = _split(abbrev_text)
        spellings = tuple(dict.fromkeys([*abbrev_list, *(to_hant(a) for a in abbrev_list)]))
        city = City(english, names, spellings, _split(domains), strict == "1")
        cities.append(city)
        for name in (*names, english.casefold()):
            by_name.setdefault(name, city)
    zh_names = sorted((n for c in cities for n in c.names), key=len, reverse=True)
    en_names = sorted((c.english for c in cities), key=len, reverse=True)
    abbrevs = [a for c in cities for a in c.abbrevs]
    for city in cities:
        for abbrev in city.abbrevs:
            by_name.setdefault(abbrev, city)
    return Gazetteer(
        tuple(cities),
        by_name,
        re.compile("|".join(map(re.escape, zh_names))),
        re.compile(r"\b(" + "|".join(map(re.escape, en_names)) + r")\b"),
        re.compile(
            rf"(?:(?<=[{_ABBREV_BEFORE}])({'|'.join(a for a in abbrevs if len(a) == 1)})"
            r"(?!大利|洲|口|区|區|股|资|資)(?=[\u3400-\u9fff]))"
            rf"|({'|'.join(a for a in abbrevs if len(a) > 1)})"
        )
        if abbrevs
        else None,
    )


def cities_in(text: str) -> list[str]:
    """Canonical English names of the cities ``text`` names, in order of appearance."""
    g = gazetteer()
    found: list[tuple[int, str]] = []
    for m in g.zh_pattern.finditer(text):
        city = g.by_name[m.group(0)]
        after = text[m.end() : m.end() + 3]
        if after.startswith(_NOT_A_PLACE_AFTER):
            continue
        if city.strict and not after.startswith("市"):
            continue
        found.append((m.start(), city.english))
    for m in g.en_pattern.finditer(text):
        found.append((m.start(), g.by_name[m.group(1).casefold()].english))
    if g.abbrev_pattern is not None:
        for m in g.abbrev_pattern.finditer(text):
            token = m.group(1) or m.group(2)
            found.append((m.start(), g.by_name[token].english))
    return [name for _, name in sorted(found)]


def first_city(text: str) -> str | None:
    found = cities_in(text)
    return found[0] if found else None


def chinese_name(english: str) -> str | None:
    """The simplified Chinese name of a canonical city (for showing it to Chinese readers)."""
    return gazetteer().zh_name(english)


def city_of_url(url: str | None) -> str | None:
    """``scjg.tj.gov.cn`` → Tianjin: a government site's domain names its city."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    if not host.endswith(".gov.cn"):
        return None
    labels = host[: -len(".gov.cn")].split(".")
    for city in gazetteer().cities:
        if city.domains and labels and labels[-1] in city.domains:
            return city.english
    return None


def held_in(clause: str) -> str | None:
    """The city of ``在青岛召开`` / ``held in Qingdao``: the place bound to the event verb."""
    for m in re.finditer(
        r"(?:在|于|於|赴)([^,,。;;]{2,12}?)(?:召开|召開|举办|舉辦|举行|舉行|开幕|開幕)", clause
    ):
        city = first_city(m.group(1))
        if city:
            return city
    for m in re.finditer(
        r"\b(?:held|hosted|opened|took place|convened|be held) in ([^.,;]{2,40})", clause
    ):
        city = first_city(m.group(1))
        if city:
            return city
    return None
