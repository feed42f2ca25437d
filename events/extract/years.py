"""Which year a date without one means, from the article around it; never an invented one.

The order of evidence: the year in the event's own name (``2023青島國際標準化大會``), an
explicit year earlier in the same sentence, the headline's year, then the publication date
read with the sentence's tense (``将于`` after it, ``召开了`` before it; an article from December
announcing January is next year). A weekday written beside the date checks the choice. With
none of these the year stays unknown.
"""

from __future__ import annotations

import datetime as dt
import re

from events.numerals import MINGUO_OFFSET

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_SLACK = dt.timedelta(days=7)
_HALF_YEAR = dt.timedelta(days=183)


def year_in(text: str) -> int | None:
    """The single year ``text`` names (a name or a headline); ``None`` if none or several."""
    years = set(_YEAR.findall(text))
    return int(years.pop()) if len(years) == 1 else None


_ZH_NAME_YEAR = re.compile(
    r"(?<![\d.\-/自从從])((?:19|20)\d{2})(?:\s*年(?![度底初末])(?=[\u3400-\u9fff“「\"])|(?=[\u3400-\u9fff“「])(?!年))"
)
_EN_NAME_YEAR = re.compile(
    r"(?<!\d-)(?<!\d–)(?<!\d/)\b((?:19|20)\d{2})\s+(?=[A-Z][a-z])|(?<=[a-z])\s+((?:19|20)\d{2})\b(?!\s*[-–/]\s*\d)"
)
_CAPITALISED_BEFORE = re.compile(
    r"\b(?!(?:From|In|Since|By|Until|Before|After|During|Of|On|At|For|To)\s)[A-Z][A-Za-z]*\s+$"
)


# ``WTSA-24``, ``WRC-23``: an assembly's acronym with its two-digit year; ``TC-20``, ``SC-27``
# and their like number committees, not years.
_ACRONYM_YEAR = re.compile(
    r"\b(?!(?:TC|SC|WG|JTC|AG|SG|TF|PT|CD|DIS|ISO|IEC|GB|JWG)-)[A-Z]{2,5}-(\d{2})\b(?![-/.]\d)"
)
# ``「創新科技嘉年華2017」``: a year closing a quoted Chinese name.
_ZH_YEAR_CLOSING = re.compile(r"(?<=[\u3400-\u9fff])((?:19|20)\d{2})(?=\s*[」』”》\"])")


def name_years(text: str) -> list[int]:
    """Years written as part of a name: ``2023青島國際標準化大會``, ``2022年全权代表大会``,
    ``2021 Qingdao Forum``, ``Standards Conclave 2022``, ``WTSA-24`` (not ``2023年度``,
    ``2015-2020``, ``自1973年``, ``in 2015``, ``ISO/TC-20``)."""
    found = [2000 + int(m.group(1)) for m in _ACRONYM_YEAR.finditer(text)] if "-" in text else []
    if _YEAR.search(text) is None:
        return found
    found += [int(m.group(1)) for m in _ZH_NAME_YEAR.finditer(text)]
    found += [int(m.group(1)) for m in _ZH_YEAR_CLOSING.finditer(text)]
    for m in _EN_NAME_YEAR.finditer(text):
        if m.group(1):
            found.append(int(m.group(1)))
        elif _CAPITALISED_BEFORE.search(text, 0, m.start(2)):
            found.append(int(m.group(2)))
    return found


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def from_publication(month: int, day: int, published: dt.date, tense: str | None) -> int | None:
    """The year that puts ``month``/``day`` where the tense says, relative to ``published``."""
    candidate = _safe(published.year, month, day)
    if candidate is None:
        return None
    if tense == "future" and candidate < published - _SLACK:
        return published.year + 1
    if tense == "past" and candidate > published + _SLACK:
        return published.year - 1
    if tense is None:
        if candidate - published > _HALF_YEAR:
            return published.year - 1
        if published - candidate > _HALF_YEAR:
            return published.year + 1
    return published.year


def check_weekday(year: int, month: int, day: int, weekday: int | None) -> int:
    """A weekday beside the date overrules an inferred year off by one."""
    if weekday is None:
        return year
    for candidate in (year, year + 1, year - 1):
        date = _safe(candidate, month, day)
        if date is not None and date.weekday() == weekday:
            return candidate
    return year


# ``108年會``, ``114年節約能源表揚大會``: a Minguo year naming an edition in traditional text.
_MINGUO_NAME_YEAR = re.compile(
    r"(?<![\d.\-/])(1[01]\d|[89]\d)\s*年(?:度)?"
    r"(?=[\u3400-\u9fff「“]{0,20}?(?:會|論壇|展|活動|典禮|競賽|比賽|表揚|頒獎))"
)  # (not ``112年溫室氣體排放量盤查``: a year of data)


def minguo_name_years(text: str) -> list[int]:
    return [int(m.group(1)) + MINGUO_OFFSET for m in _MINGUO_NAME_YEAR.finditer(text)]
