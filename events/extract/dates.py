"""Date expressions in a sentence: single days, ranges, windows, deadlines, times, weekdays.

Only what the words say is recorded here (a day without a year keeps ``year=None``); which
year is meant is decided later by :mod:`events.extract.years`, with the whole article as
context. Both Chinese (Arabic or Chinese numerals, simplified or traditional) and English
forms are read.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from events.numerals import MINGUO_OFFSET, to_int

Day = tuple[int | None, int, int]  # (year or None, month, day)

_N = r"\d{1,2}|[一二三四五六七八九十]{1,3}"
_Y = r"(?:19|20)\d{2}|[〇零○一二三四五六七八九]{4}"
# Looked for only before a date that has no year (a branch in _ZH would slow every search).
_MINGUO_BEFORE = re.compile(
    r"(?:(?P<mg>民國|民国)\s*)?(?:本\s*)?[((]?(?<!\d)(?P<y>\d{2,3}|[一二三四五六七八九十百零〇]{2,6})[))]?"
    r"\s*年\s*$"
)
_END_MARK = r"(?:日|号|號)"
_ZH = re.compile(
    rf"(?:(?P<y>{_Y})\s*年\s*)?(?P<m>{_N})\s*月\s*(?P<d>{_N})\s*(?P<mark>{_END_MARK})?"
    rf"(?P<wk1>\s*[((]?(?:星期|周|週|礼拜|禮拜)[一二三四五六日天][))]?)?"
    rf"(?:\s*(?:上午|下午|晚上|早上)?\s*(?:起\s*)?(?P<sep>至|到|—{{1,2}}|–|-{{1,2}}|~|～|－|〜|、(?=\s*\d{{1,2}}\s*[日号號]))\s*(?:(?P<y2>{_Y}|\d{{2,3}})\s*年\s*)?"
    rf"(?:(?P<m2>{_N})\s*月\s*)?"
    rf"(?P<d2>{_N})\s*{_END_MARK}(?:\s*[((]?(?:星期|周|週|礼拜|禮拜)[一二三四五六日天][))]?)?)?"
    r"(?:\s*(?:及|和|以及)?\s*前[后後]各\s*(?P<wn>\d{1,2}|[一二两兩三四五六七八九十]{1,2})\s*"
    r"(?P<wu>周|週|个星期|個星期|星期|天|日))?"
    # ``8月12日(三)下班前``, ``5月31日(第1階段)前``: a note in brackets or the office's close
    r"(?P<before>\s*(?:[((][^()（）]{1,8}[))]\s*)?(?:或\s*)?(?:下班|中午)?\s*(?:之前|以前|前)(?![后後])"
    r"|\s*(?:截止|到期)(?![日时時期]))?"
)
_ISO = re.compile(
    r"(?<![\d.])(?P<y>(?:19|20)\d{2})(?:\s?(?P<s>[-/])\s?|\.)(?P<m>\d{1,2})"
    r"(?(s)\s?[-/]\s?|\.)(?P<d>\d{1,2})(?![\d]|\.\d)"  # 2024-05-14, 2024/5/14, 2024.05.14
)
_DEADLINE_PREFIX = re.compile(
    r"(截至|截止|截止日期|截止时间|截止時間|报名截止|報名截止|不晚于|不晚於|即日起至|即日至|即日起到|起至|期限为|期限為|期限到|期限至|期限:|期限:|"
    r"by|before|until|till|no later than|not later than|deadline\b[^.;()]{0,50}?|"
    r"by\s+[\d:.]+\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}\s+)?on|"
    r"(?:by\s+)?(?:the\s+)?close of business on|"
    r"(?:closes?|closing|ends?)(?: on)?|(?:is |are )?due(?: on| by)?)"
    r"\s*(?:为|為|到|至|是)?\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s*)?$",
    re.I,
)
# ``2022/04/22 23:59前``, ``2024-04-30截止``: a numeric date closed by the words after it.
_DEADLINE_AFTER = re.compile(
    r"\s*(?:或\s*)?(?:之前|以前|前)(?![后後])|\s*(?:截止|到期)(?![日时時期])"
)
# ``1月22日及23日``: two days in a row, listed, are one span (two days apart are two events).
_NEXT_DAY = re.compile(
    r"\s*(?:及|和|与|與|、)\s*(?P<d>\d{1,2})\s*(?:日|号|號)(?!\s*(?:至|到|-|—|–|~))"
)
_BAD_YEAR = re.compile(r"\d+\s*年\s*$")
_WEEKDAY_ZH = re.compile(r"(?:星期|周|週|礼拜|禮拜)([一二三四五六日天])")
_WEEKDAYS_ZH = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MON = (
    r"(?:January|Jan\.?|February|Feb\.?|March|Mar\.?|April|Apr\.?|May|June|Jun\.?|July|Jul\.?|"
    r"August|Aug\.?|September|Sept?\.?|October|Oct\.?|November|Nov\.?|December|Dec\.?)"
)
_ORD = r"(?:st|nd|rd|th)?"
_EN_DAYNAME = (
    r"(?:(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri)\.?,?"
    r"\s+(?:the\s+)?)"
)
_EN_MD = re.compile(
    rf"\b(?P<mon>{_MON})(?:\s+|(?<=\.))(?P<d>\d{{1,2}}){_ORD}\b"  # May 14, Nov. 4, Nov.4
    rf"(?:\s*(?P<sep>-|–|—|to|until|through|and)\s*{_EN_DAYNAME}?(?:(?P<mon2>{_MON})\s+)?"
    rf"(?P<d2>\d{{1,2}}){_ORD}\b)?"
    r"(?:,?\s*(?P<y>(?:19|20)\d{2})\b)?",
    re.I,
)
_EN_DM = re.compile(
    rf"(?<![\d.,/:])(?P<d>\d{{1,2}}){_ORD}(?:\s*(?:(?:of\s+)?(?P<mon1>{_MON})\s*)?(?P<sep>-|–|—|to|until|through|and|&)"
    rf"\s*{_EN_DAYNAME}?(?:the\s+)?(?P<d2>\d{{1,2}}){_ORD})?\s+(?:of\s+)?(?P<mon>{_MON})"
    r"(?:,?\s*(?P<y>(?:19|20)\d{2})\b)?",
    re.I,
)
_EN_WEEKDAY = re.compile(r"\b(Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\b", re.I)
_EN_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_TIME_ZH = re.compile(
    r"^\s*[((]?\s*(?P<ap>上午|下午|晚上|中午|早上|早晨)?\s*(?P<h>\d{1,2})\s*(?::|:|时|時|点|點)"
    r"\s*(?P<mi>\d{2}|半)?\s*分?"
    r"(?:\s*(?:-|—|–|~|至|到)\s*(?P<ap2>上午|下午|晚上|中午)?\s*(?P<h2>\d{1,2})\s*(?::|:|时|時|点|點)"
    r"\s*(?P<mi2>\d{2}|半)?)?"
)
_TIME_EN = re.compile(
    r"^,?\s*(?:at|from)?\s*(?P<h>\d{1,2})(?::(?P<mi>\d{2}))?\s*(?P<ap>a\.?m\.?|p\.?m\.?)?"
    r"(?:\s*(?:-|–|—|to|until)\s*(?P<h2>\d{1,2})(?::(?P<mi2>\d{2}))?\s*(?P<ap2>a\.?m\.?|p\.?m\.?)?)?",
    re.I,
)


@dataclass(frozen=True)
class DateMention:
    """One date expression: what it says, where it is, and which form it has."""

    start: Day
    end: Day | None  # inclusive; ``None`` for a single day
    begin: int  # character offsets in the sentence
    stop: int
    form: str  # "day", "range", "window" or "deadline"
    explicit_year: bool
    time: dt.time | None = None
    end_time: dt.time | None = None
    weekday: int | None = None  # 0 = Monday, when the text names one
    minguo: bool = False  # a bare ``111年``: a Minguo year only in traditional-script text


def _deadline_before(sentence: str, start: int) -> bool:
    """``截至``/``before``… right before a date: only the last words count (and only they are
    searched, so the cost per date stays constant)."""
    return bool(_DEADLINE_PREFIX.search(sentence, max(0, start - 60), start))


def _valid(year: int | None, month: int | None, day: int | None) -> bool:
    if month is None or day is None or not 1 <= month <= 12:
        return False
    try:
        dt.date(year if year is not None else 2000, month, day)
    except ValueError:
        return False
    return year is None or 1900 <= year <= 2100


def _month(token: str | None) -> int | None:
    if not token or token == "may":  # the verb, not the month (which is capitalised)
        return None
    return _MONTHS.get(token[:3].lower())


def _clock(hour: int | None, minute: str | None, meridiem: str | None) -> dt.time | None:
    if hour is None:
        return None
    mins = 30 if minute == "半" else int(minute) if minute else 0
    marker = (meridiem or "").lower().replace(".", "")
    if marker in ("下午", "晚上", "pm") and hour < 12:
        hour += 12
    if marker in ("中午",) and hour < 11:
        hour += 12
    if marker in ("am",) and hour == 12:
        hour = 0
    if not (0 <= hour <= 23 and 0 <= mins <= 59):
        return None
    return dt.time(hour, mins)


def _times(tail: str, english: bool) -> tuple[dt.time | None, dt.time | None, int]:
    match = (_TIME_EN if english else _TIME_ZH).search(tail)
    if match is None or (english and not (match.group("ap") or match.group("mi"))):
        return None, None, 0
    start = _clock(int(match.group("h")), match.group("mi"), match.group("ap"))
    end = None
    if match.group("h2"):
        end_marker = match.group("ap2") or match.group("ap")
        end = _clock(int(match.group("h2")), match.group("mi2"), end_marker)
    return start, end, match.end()


def _zh_window(count: str | None, unit: str | None) -> int | None:
    if not count or not unit:
        return None
    number = to_int(count)
    if number is None:
        return None
    return number * (1 if unit in ("天", "日") else 7)


def _zh_year(text: str | None) -> int | None:
    """``2021`` or ``二〇二一``."""
    return to_int(text) if text else None


def _zh_mentions(sentence: str) -> list[DateMention]:
    found: list[DateMention] = []
    for m in _ZH.finditer(sentence) if "月" in sentence else ():
        year = _zh_year(m.group("y"))
        begin, minguo = m.start(), None
        if year is None:
            minguo = _MINGUO_BEFORE.search(sentence, max(0, begin - 10), begin)
        minguo_year = to_int(minguo.group("y")) if minguo is not None else None
        if minguo is not None and minguo_year is not None and 1 <= minguo_year <= 150:
            year, begin = minguo_year + MINGUO_OFFSET, minguo.start()
        elif year is None and _BAD_YEAR.search(sentence, 0, m.start()):
            continue  # ``0000年5月6日`` / ``99999年…``: a year given but impossible, not no year
        if not m.group("mark") and not m.group("d2"):
            continue  # ``10月22`` alone is no date; ``10月22-26日`` is a range
        month, day = to_int(m.group("m")), to_int(m.group("d"))
        if month is None or day is None or not _valid(year, month, day):
            continue
        start: Day = (year, month, day)
        end: Day | None = None
        form = "day"
        stop = m.end()
        following = None if m.group("d2") else _NEXT_DAY.match(sentence, stop)
        if following is not None and to_int(following.group("d")) == day + 1:
            end, form, stop = (year, month, day + 1), "range", following.end()
        if m.group("d2"):
            year2 = _zh_year(m.group("y2")) or year
            if year2 is not None and year2 < 1000:  # 自101年12月28日起至102年3月15日止
                year2 = year2 + MINGUO_OFFSET if minguo is not None else None
            month2 = to_int(m.group("m2")) if m.group("m2") else month
            day2 = to_int(m.group("d2"))
            listed = m.group("sep") == "、" and (m.group("m2") or day2 != day + 1)
            if listed:  # 3月5、8日: two days listed, not a span; only the first is read here
                pass
            elif _valid(year2, month2, day2) and month2 is not None and day2 is not None:
                end, form = (year2, month2, day2), "range"
                if "起" in m.group(0) or sentence.startswith("止", m.end()):
                    form = "window"  # 自…起至…止: a period something stays open
        window = _zh_window(m.group("wn"), m.group("wu"))
        if window is not None:
            form = "window"
            start, end = shift_day(start, -window), shift_day(start, window)
        if m.group("before") or _deadline_before(sentence, begin):
            form = "deadline" if form == "day" else form
        weekday = None
        if m.group("wk1"):
            w = _WEEKDAY_ZH.search(m.group("wk1"))
            weekday = _WEEKDAYS_ZH[w.group(1)] if w else None
        time, end_time, used = _times(sentence[stop:], english=False)
        found.append(
            DateMention(
                start,
                end,
                begin,
                stop + used,
                form,
                year is not None,
                time,
                end_time,
                weekday,
                minguo=minguo is not None and not minguo.group("mg"),
            )
        )
    for m in _ISO.finditer(sentence):
        year, month, day = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        if _valid(year, month, day):
            time, end_time, used = _times(sentence[m.end() :], english=False)
            closes = _DEADLINE_AFTER.match(sentence, m.end() + used)
            deadline = closes is not None or _deadline_before(sentence, m.start())
            found.append(
                DateMention(
                    (year, month, day),
                    None,
                    m.start(),
                    closes.end() if closes else m.end() + used,
                    "deadline" if deadline else "day",
                    True,
                    time,
                    end_time,
                )
            )
    return found


def shift_day(day: Day, days: int) -> Day:
    """Move a day by ``days``; the year, when unknown, is carried as unknown."""
    year = day[0] if day[0] is not None else 2001  # a common year: only month/day are kept
    moved = dt.date(year, day[1], day[2]) + dt.timedelta(days=days)
    if day[0] is None:
        return (None, moved.month, moved.day)
    return (moved.year, moved.month, moved.day)


_MONTH_STEM = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
_EN_CUE = re.compile(
    rf"{_MONTH_STEM}[a-z]*\.?\s*\d|\d\s*(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_STEM}", re.I
)
_LATIN = re.compile(r"[A-Za-z]{3}")


# ``15/02/2021``: a numeric date, day first unless the first number cannot be a day of a
# month-first reading (``02/15/2021``); both at most 12 reads day first, as most of the
# English-speaking world and Hong Kong write it.
_NUMERIC = re.compile(
    r"(?<![\d./-])(?P<a>\d{1,2})(?P<s>[/.-])(?P<b>\d{1,2})(?P=s)(?P<y>(?:19|20)\d{2})(?![\d/]|\.\d)"
)


_NUMERIC_SEPARATOR = re.compile(r"\d[/.-]\d")
# ``113.5.14``, ``113/05/14``: a Minguo date in figures, as Taiwan's agencies write it (read
# only in traditional text, like every bare Minguo year).
_MINGUO_FIGURES = re.compile(
    r"(?<![\d./-])(?P<y>1[01]\d|[89]\d)(?P<s>[./])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})(?![\d./])"
)


def _minguo_mentions(sentence: str) -> list[DateMention]:
    found: list[DateMention] = []
    for m in _MINGUO_FIGURES.finditer(sentence):
        year, month, day = int(m.group("y")) + MINGUO_OFFSET, int(m.group("m")), int(m.group("d"))
        if not _valid(year, month, day):
            continue
        form = "deadline" if _deadline_before(sentence, m.start()) else "day"
        found.append(
            DateMention((year, month, day), None, m.start(), m.end(), form, True, minguo=True)
        )
    return found


def _numeric_mentions(sentence: str) -> list[DateMention]:
    found: list[DateMention] = []
    for m in _NUMERIC.finditer(sentence) if _NUMERIC_SEPARATOR.search(sentence) else ():
        first, second, year = int(m.group("a")), int(m.group("b")), int(m.group("y"))
        day, month = (second, first) if second > 12 else (first, second)
        if not _valid(year, month, day):
            continue
        form = "deadline" if _deadline_before(sentence, m.start()) else "day"
        time, end_time, used = _times(sentence[m.end() :], english=True)
        found.append(
            DateMention(
                (year, month, day), None, m.start(), m.end() + used, form, True, time, end_time
            )
        )
    return found


_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$", re.I)  # ``between 26 and 29th January``: a span


def _listed(separator: str, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """``on the 17 and 19 of September``: two days named, not the days between them (``15
    and 16 October`` runs on, a span)."""
    if separator.lower() not in ("and", "&"):
        return False
    following = dt.date(2001, *first) + dt.timedelta(days=1) if first != (2, 29) else None
    return following is None or (following.month, following.day) != second


def _two_days(
    m: re.Match[str], year: int | None, first: tuple[int, int], second: tuple[int, int]
) -> list[DateMention]:
    known = year is not None
    return [
        DateMention((year, *first), None, m.start(), m.start("sep"), "day", known),
        DateMention((year, *second), None, m.start("d2"), m.end(), "day", known),
    ]


def _en_mentions(sentence: str) -> list[DateMention]:
    found: list[DateMention] = []
    if _LATIN.search(sentence) is None or _EN_CUE.search(sentence) is None:
        return found  # no month name beside a number: cheap searches instead of two costly
    for pattern in (_EN_MD, _EN_DM):
        for m in pattern.finditer(sentence):
            month = _month(m.group("mon"))
            if month is None:
                continue
            year = int(m.group("y")) if m.group("y") else None
            day = int(m.group("d"))
            end: Day | None = None
            form = "day"
            if m.group("d2"):
                first_month = _month(m.groupdict().get("mon1")) if pattern is _EN_DM else None
                month2 = _month(m.groupdict().get("mon2")) or month
                start_month = first_month or month
                day2 = int(m.group("d2"))
                if _valid(year, month2, day2) and _valid(year, start_month, day):
                    between = _BETWEEN.search(sentence, max(0, m.start() - 12), m.start())
                    if not between and _listed(m.group("sep"), (start_month, day), (month2, day2)):
                        found += _two_days(m, year, (start_month, day), (month2, day2))
                        continue
                    end, form, month = (year, month2, day2), "range", start_month
            if not _valid(year, month, day):
                continue
            if _deadline_before(sentence, m.start()) and form == "day":
                form = "deadline"
            weekday = None
            before = _EN_WEEKDAY.search(sentence[max(0, m.start() - 12) : m.start()])
            if before:
                weekday = _EN_WEEKDAYS.index(before.group(1)[:3].lower())
            time, end_time, used = _times(sentence[m.end() :], english=True)
            found.append(
                DateMention(
                    (year, month, day),
                    end,
                    m.start(),
                    m.end() + used,
                    form,
                    year is not None,
                    time,
                    end_time,
                    weekday,
                )
            )
    return found


# ``121012日,…年会在南京召开``, ``每年的1014日``, ``201868日``: some sites drop 年, 月 and the
# dash between the numbers (set apart in the page's markup), leaving one run of digits before
# 日. Read only where no count can stand: a run opening a clause or after 年/于/在/的 (three to
# six digits, or a year and two to four more), or two digits right after 年.
_RUN = re.compile(
    r"(?:(?:^|(?<=[,,。;;、)）年于於在的]))\s*(?:(?P<year>(?:19|20)\d{2})(?P<grun>\d{2,4})|"
    r"(?P<run>\d{3,6}))|(?<=年)(?P<run2>\d{2}))\s*[日号號]"
    r"(?:\s*(?:至|到|-|—|~|～)\s*(?P<last>\d{1,2})\s*[日号號])?"
    r"(?!\s*(?:内|內|以|后|後|前|起算))"
)


def _run_mentions(sentence: str) -> list[DateMention]:
    found: list[DateMention] = []
    for m in _RUN.finditer(sentence) if "日" in sentence or "号" in sentence else ():
        group = next(g for g in ("grun", "run", "run2") if m.group(g))  # 2020年56日, 201868日
        read = _read_run(m.group(group))
        if read is None:
            continue
        month, day, last = read
        written = _YEAR_RUN.search(sentence, 0, m.start(group))
        glued = m.group("year")  # 201868日, 2022919日至23日: the year glued on as well
        year = int(glued) if glued else int(written.group(1)) if written else None
        if last is None and m.group("last") and int(m.group("last")) > day:
            last = int(m.group("last"))
        end = (year, month, last) if last and _valid(year, month, last) else None
        found.append(
            DateMention(
                (year, month, day),
                end,
                m.start("year") if glued else m.start(group),
                m.end(),
                "range" if end else "day",
                year is not None,
            )
        )
    return found


_YEAR_RUN = re.compile(r"((?:19|20)\d{2})\s*年\s*$")


def _read_run(run: str) -> tuple[int, int, int | None] | None:
    """Month, day and an optional last day: a two-digit month first when it can be one."""
    for size in (2, 1):
        month, rest = int(run[:size]), run[size:]
        if not 1 <= month <= 12 or run[0] == "0" or not rest or rest[0] == "0":
            continue
        if len(rest) <= 2 and _valid(None, month, int(rest)):
            return month, int(rest), None
        for cut in (1, 2):
            first, last = rest[:cut], rest[cut:]
            if not last or last[0] == "0" or len(last) > 2:
                continue
            if _valid(None, month, int(last)) and 0 < int(first) < int(last):
                return month, int(first), int(last)
    return None


def find_dates(sentence: str) -> list[DateMention]:
    """Every date expression in ``sentence``, in order, overlapping matches resolved to the
    longest."""
    return list(_find_dates(sentence))


@functools.lru_cache(maxsize=64)
def _find_dates(sentence: str) -> tuple[DateMention, ...]:
    """Cached per sentence: extraction asks again for each date of the same sentence."""
    candidates = _zh_mentions(sentence) + _en_mentions(sentence) + _numeric_mentions(sentence)
    candidates += _run_mentions(sentence)
    if "." in sentence or "/" in sentence:
        candidates += _minguo_mentions(sentence)
    candidates.sort(key=lambda d: (d.begin, -(d.stop - d.begin)))
    chosen: list[DateMention] = []
    for mention in candidates:
        if chosen and mention.begin < chosen[-1].stop:
            continue
        chosen.append(mention)
    return tuple(chosen)


def dates_in(sentence: str, hant: bool) -> list[DateMention]:
    """The sentence's dates; ``111年`` is a Minguo year only where Taiwan writes it."""
    return [m for m in find_dates(sentence) if hant or not m.minguo]
