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

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_SLACK = dt.timedelta(days=7)
_HALF_YEAR = dt.timedelta(days=183)


def year_in(text: str) -> int | None:
    """The single year ``text`` names (a name or a headline); ``None`` if none or several."""
    years = set(_YEAR.findall(text))
    return int(years.pop()) if len(years) == 1 else None


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
