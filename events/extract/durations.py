"""How long something lasts, when the text gives a start and a length instead of an end:
``9月1日起…为期一个月``, ``為期兩天``, ``lasting three days``, ``a one-week period``.

The length is read only right after the start day, so a duration elsewhere in a paragraph
(a term of office, a campaign's preparation) never stretches an event.
"""

from __future__ import annotations

import calendar
import re

from events.extract.dates import Day, shift_day
from events.numerals import to_int

_EN_NUMBERS = {
    "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "fourteen": 14, "thirty": 30,
}  # fmt: skip
_UNIT_DAYS = {"天": 1, "日": 1, "周": 7, "週": 7, "星期": 7}
_MONTH_UNITS = ("个月", "個月")
_ZH = re.compile(
    r"(?:为期|為期|持续|持續|历时|歷時|共)\s*(?P<n>\d{1,3}|[一二两兩三四五六七八九十]{1,3})\s*"
    r"(?P<unit>天|日|周|週|个星期|個星期|星期|个月|個月)"
)
_EN = re.compile(
    r"\b(?:lasting|lasts|lasted|for|over|during)\s+(?:a\s+period\s+of\s+)?(?:an?\s+)?(?P<n>\d{1,3}|"
    + "|".join(_EN_NUMBERS)
    + r")[\s-]+(?P<unit>days?|weeks?|months?)\b",
    re.I,
)


def last_day(start: Day, text: str) -> Day | None:
    """The inclusive last day of something starting on ``start`` that ``text`` (the words right
    after the start) says lasts a number of days, weeks or calendar months."""
    zh = _ZH.search(text)
    en = _EN.search(text) if zh is None else None
    if zh is not None:
        count, unit = to_int(zh.group("n")), zh.group("unit")
        months = unit in _MONTH_UNITS
        days = (count or 0) * _UNIT_DAYS.get(
            unit.replace("个星期", "星期").replace("個星期", "星期"), 0
        )
    elif en is not None:
        word, unit = en.group("n").lower(), en.group("unit").lower()
        count = int(word) if word.isdigit() else _EN_NUMBERS[word]
        months = unit.startswith("month")
        days = count * (7 if unit.startswith("week") else 1)
    else:
        return None
    if not count:
        return None
    if months:  # 9月1日起为期一个月: to 30 September; 10月15日起两个月: to 14 December
        return shift_day(_months_later(start, count), -1)
    return shift_day(start, days - 1)


def _months_later(start: Day, count: int) -> Day:
    """The same day ``count`` calendar months later (the month's last day if it is shorter)."""
    index = start[1] - 1 + count
    year = None if start[0] is None else start[0] + index // 12
    month = index % 12 + 1
    days_in_month = calendar.monthrange(year or 2001, month)[1]
    return (year, month, min(start[2], days_in_month))


# ``a two-day APAC training … starting on June 24``, ``the five-day workshop … yesterday``:
# a length written as an adjective before the day, when nothing says that day ends it.
_EN_ADJECTIVE = re.compile(
    r"\b(?P<n>\d{1,2}|" + "|".join(w for w in _EN_NUMBERS if len(w) > 2) + r")[\s-]day\b", re.I
)
_EN_ENDS = re.compile(r"\b(?:clos(?:e|ed|ing)|conclud(?:e|ed|ing)|end(?:s|ed)?|wrap)", re.I)


def days_before(before: str, after: str) -> int | None:
    """The number of days an English adjective before a start day gives (``two-day``)."""
    found = list(_EN_ADJECTIVE.finditer(before))
    if not found or _EN_ENDS.search(before[found[-1].end() :] + " " + after):
        return None
    word = found[-1].group("n").lower()
    count = int(word) if word.isdigit() else _EN_NUMBERS[word]
    return count if 1 < count <= 14 else None
