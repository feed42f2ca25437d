"""Dates a news report gives relative to its own date: ``opened today``, ``on Friday``,
``从今天开始``, ``昨在深开讲``, ``28日上午`` (the month and year are the report's), and
``runs until 14 June`` after such a start.

They are read only against the date the page states for itself above the text (a dateline or
publication line), never against a notice's signature, and a Chinese ``今天`` only when an event
verb follows it, or it opens a clause (``昨日,…``), outside quotation marks: elsewhere it is
mostly quoted speech. A day named without its month (``19日在…``, ``14日到16日``) is the last
such day before the report, or the next after it where the sentence says will.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from events.extract.dates import DateMention
from events.model import PartialDate
from events.numerals import to_int

_TODAY = re.compile(r"\b(?:today|this morning|this afternoon|yesterday|tomorrow)\b", re.I)
_EN_SHIFT = {"yesterday": -1, "tomorrow": 1}
_SAID = re.compile(
    r"\b(?:announced|announces|said|says|stated|released|published|unveiled|reported)\b"
    r"(?:\s+\w+){0,2}\s+(?:today|this morning)\b|\b(?:today|this morning)\s+(?:\w+\s+)?"
    r"(?:announced|announces|said|says|released|published|unveiled|reported)\b",
    re.I,
)
_DAY_NAMES = "(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# ``on Friday``; the press also drops the ``on``: ``was held Monday``, ``opened Tuesday``.
_WEEKDAY = re.compile(
    r"(?:\bon\s+|(?<=\bheld )|(?<=\bopened )|(?<=\bclosed )|(?<=\bbegan )|(?<=\bended )|"
    r"(?<=\bmet )|(?<=\bconvened )|(?<=\blaunched )|(?<=\bsigned ))" + _DAY_NAMES + r"\b",
    re.I,
)
# ``Thursday the 6th``: a weekday with the day of the month and nothing more.
_WEEKDAY_THE_DAY = re.compile(_DAY_NAMES + r",?\s+the\s+(\d{1,2})(?:st|nd|rd|th)\b", re.I)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_ZH_RELATIVE = re.compile(
    r"(?P<w>今天|今日|今(?=起|晚|在)|昨天|昨日|昨(?=在|晚|舉|举|召|開|开|辦|办)|明天|明日|明(?=起))"
    r"(?=[^,,。;“”]{0,8}?(?:开始|開始|起|开幕|開幕|召开|召開|举行|舉行|举办|舉辦|启动|啟動|开讲|開講|"
    r"开展|開展|闭幕|閉幕|拉开|拉開|出席|接见|接見|颁奖|頒獎|颁发|頒發|揭牌|签约|簽約|发布会|發布會|"
    r"启幕|啟幕|登场|登場|开锣|開鑼|将在|將在|将于|將於)"
    r"|(?:上午|下午|晚上|早上|中午)?\s*[,,]"  # ``今天上午,…开展了``, ``昨日,…簽署``: narration
    # ``今日於國立科學工藝博物館──科教廣場舉辦``: where, then what is held
    r"|\s*(?:于|於|在)[^,,。;“”]{1,30}?(?:举办|舉辦|举行|舉行|召开|召開|开幕|開幕|登场|登場))"
)
_ZH_SHIFT = {"今": 0, "昨": -1, "明": 1}
# ``今(10)日``, ``昨（十一）日``, ``今(3/29)日``: Taiwan's press writes the day in brackets.
_ZH_BRACKETED = re.compile(
    r"(?P<w>[今昨明])\s*(?:日\s*)?[((]\s*(?:(?P<m>\d{1,2})\s*/\s*)?"
    r"(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:日\s*)?[))](?:\s*日)?"
)
# ``28日上午``, ``王勇21日在上海出席``, ``十一日下午``: a day with no month, not part of a longer
# date or count, followed by a time of day, a comma or an event verb.
_ZH_DAY_ONLY = re.compile(
    r"(?<![\d月年第每前后後数數几幾周週期号號一二三四五六七八九十〇零两兩])"
    r"(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*日"
    r"(?=\s*(?:上午|下午|晚上|晚间|晚間|晚|早上|中午|凌晨|[,,]|在|起|开幕|開幕|召开|召開|举行|舉行|"
    r"举办|舉辦|开|開|闭|閉|选|選|宣布|表示|出席|发布|發布|正式|(?:星期|周|週)[一二三四五六日天]))"
    # after 在/于/於 (``在24日深圳举行的``) any word may follow but a count (``在30日内``)
    r"|(?<=在|于|於)(?P<d2>\d{1,2}|[一二三四五六七八九十]{1,3})\s*日(?!\s*(?:内|內|前|后|後|以))"
)
_NAMES_A_DATE = re.compile(
    r"(?:\s+(?:and|or|&)\s+[A-Za-z]+day)?(?:\s+(?:morning|afternoon|evening|night))?"
    r",?\s*(?:the\s+)?(?:\d{1,2}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)",
    re.I,
)
_WILL = re.compile(r"\b(?:will|shall|is to|are to|to be held|is scheduled|are scheduled)\b", re.I)
_UNTIL = re.compile(
    r"(?:\buntil|\bthrough|\btill|\bto|至|到|(?<=\d)\s+[-–—])\s*"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s*)?$",
    re.I,
)  # ``from Sunday, October 8, 2017 to Friday, October 13 2017``


Anchor = tuple[int | None, int, int]
"""The report's own day; its year is ``None`` when only a dateline (``新华社上海10月22日电``)
dates it."""
_ANY_YEAR = 2001  # arithmetic on a day whose year is unknown: only month and day are kept


def _day(date: dt.date) -> tuple[int | None, int, int]:
    return (date.year, date.month, date.day)


def _on(anchor: Anchor) -> dt.date:
    return dt.date(anchor[0] or _ANY_YEAR, anchor[1], anchor[2])


def _mention(date: dt.date, anchor: Anchor, begin: int, stop: int) -> DateMention:
    known = anchor[0] is not None
    return DateMention((date.year if known else None, date.month, date.day), None, begin, stop,
                       "day", known)  # fmt: skip


def _quoted(sentence: str, at: int) -> bool:
    before = sentence[:at]
    return before.count("“") > before.count("”") or before.count("「") > before.count("」")


def _in_quotes(sentence: str, at: int) -> bool:
    before = sentence[:at]
    return _quoted(sentence, at) or before.count('"') % 2 == 1


_ZH_DAYS_ONLY = re.compile(
    r"(?<![\d月年第每前后後数數几幾周週期号號一二三四五六七八九十〇零两兩])"
    r"(?P<d>\d{1,2})\s*日?\s*(?:至|到|-|—|～|~)\s*(?P<e>\d{1,2})\s*日(?!\s*(?:内|內|前|以))"
)


def _valid_day(year: int, month: int, day: int) -> bool:
    return _safe_day(year, month, day) is not None


_ZH_AHEAD = re.compile("将|將|即将|即將|拟|擬|计划|計劃|预计|預計|届时|屆時|定于|定於|明")


def _reported_day(reported: dt.date, day: int, ahead: bool) -> dt.date | None:
    """``19日在…舉辦的訓練``: a report tells of days gone by, the last such day on or before
    its own; a sentence that says will (``将于28日``) means the next one."""
    nearest = _nearest_day(reported, day)
    if nearest is None or abs((nearest - reported).days) <= 3:
        return nearest
    candidates = [
        d
        for shift in (-1, 0, 1)
        if (d := _safe_day(*_month_shift(reported, shift), day)) is not None
    ]
    if ahead:
        return min((d for d in candidates if d >= reported), default=nearest)
    return max((d for d in candidates if d <= reported), default=nearest)


def _month_shift(date: dt.date, shift: int) -> tuple[int, int]:
    index = date.year * 12 + date.month - 1 + shift
    return index // 12, index % 12 + 1


def _nearest_day(reported: dt.date, day: int) -> dt.date | None:
    """The date with day-of-month ``day`` nearest the report's (last, this or next month)."""
    candidates = []
    for shift in (-1, 0, 1):
        month_index = reported.year * 12 + reported.month - 1 + shift
        try:
            candidates.append(dt.date(month_index // 12, month_index % 12 + 1, day))
        except ValueError:
            continue
    return min(candidates, key=lambda d: abs(d - reported), default=None)


_ZH_CUES = re.compile("[今昨明日]")


def _safe_day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _zh_mentions(sentence: str, anchor: Anchor) -> list[DateMention]:
    found: list[DateMention] = []
    if _ZH_CUES.search(sentence) is None:
        return found
    reported = _on(anchor)
    for m in _ZH_RELATIVE.finditer(sentence):
        opening = m.start() == 0 or sentence[m.start() - 1] in "，,。;；:：)）"
        if sentence[m.end() :].lstrip()[:1] in ",," and not opening:
            continue  # ``…,今天,…`` mid-clause: no narration of the report's day
        if not _quoted(sentence, m.start()):
            day = reported + dt.timedelta(days=_ZH_SHIFT[m.group("w")[0]])
            found.append(_mention(day, anchor, m.start(), m.end()))
    for m in _ZH_BRACKETED.finditer(sentence):
        number = to_int(m.group("d"))
        nearest = _nearest_day(reported, number) if number else None
        if m.group("m") and number:
            nearest = _safe_day(reported.year, int(m.group("m")), number)
        if nearest is not None:
            found.append(_mention(nearest, anchor, m.start(), m.end()))
    ahead = _ZH_AHEAD.search(sentence) is not None
    for m in _ZH_DAYS_ONLY.finditer(sentence):  # ``14日到16日,在市民廣場連辦3天``
        first, last = to_int(m.group("d")), to_int(m.group("e"))
        begun = _reported_day(reported, first, ahead) if first and last and first < last else None
        if begun is not None and _valid_day(begun.year, begun.month, last or 0):
            mention = _mention(begun, anchor, m.start(), m.end())
            end = (mention.start[0], begun.month, last or 0)
            found.append(dataclasses.replace(mention, end=end, form="range"))
    for m in _ZH_DAY_ONLY.finditer(sentence):
        group = "d" if m.group("d") else "d2"
        number = to_int(m.group(group))
        nearest = _reported_day(reported, number, ahead) if number else None
        if nearest is not None:
            found.append(_mention(nearest, anchor, m.start(group), m.end()))
    return found


Weekdays = dict[int, tuple[int, int, int]]
"""The last full date the article wrote for each weekday (0 = Monday)."""


def relative_mentions(
    sentence: str, anchor: Anchor | None, named: Weekdays | None = None
) -> list[DateMention]:
    """``today`` is the report's day; ``on Friday`` the Friday the article already dated
    (``Tuesday, September 30`` … ``also on Tuesday morning``), else the last Friday on or
    before the report, or the next one after it when the sentence says ``will``."""
    if anchor is None:
        return []
    found = _zh_mentions(sentence, anchor)
    if anchor[0] is None:
        return found  # an English weekday needs the year to be placed
    lowered = sentence.lower()
    if "day" not in lowered and "this " not in lowered and "tomorrow" not in lowered:
        return found  # no today, no weekday, no this morning
    reported = _on(anchor)
    for m in _TODAY.finditer(sentence):
        if _SAID.search(sentence, max(0, m.start() - 24), min(len(sentence), m.end() + 24)):
            continue  # ``announced today that …``: the day of the telling, not of an event
        if (m.start() > 0 and m.group(0)[0].isupper()) or _in_quotes(sentence, m.start()):
            continue  # ``"Accreditation: Empowering Tomorrow …"``: a theme's word, no day
        shifted = reported + dt.timedelta(days=_EN_SHIFT.get(m.group(0).lower(), 0))
        found.append(DateMention(_day(shifted), None, m.start(), m.end(), "day", True))
    for m in _WEEKDAY_THE_DAY.finditer(sentence):
        day = _weekday_day(reported, _WEEKDAYS.index(m.group(1).lower()), int(m.group(2)))
        if day is not None:
            found.append(DateMention(_day(day), None, m.start(), m.end(), "day", True))
    for m in _WEEKDAY.finditer(sentence):
        if _NAMES_A_DATE.match(sentence, m.end()):
            continue  # ``on Thursday, November 14``: the date that follows says which
        weekday = _WEEKDAYS.index(m.group(1).lower())
        if named and weekday in named:
            found.append(DateMention(named[weekday], None, m.start(1), m.end(), "day", True))
            continue
        if _WILL.search(sentence, 0, m.start()):
            day = reported + dt.timedelta(days=(weekday - reported.weekday()) % 7 or 7)
        else:
            day = reported - dt.timedelta(days=(reported.weekday() - weekday) % 7)
        found.append(DateMention(_day(day), None, m.start(1), m.end(), "day", True))
    return found


def _weekday_day(reported: dt.date, weekday: int, day: int) -> dt.date | None:
    """The day of the month ``day`` nearest the report that falls on ``weekday``."""
    candidates = []
    for shift in (-1, 0, 1):
        month_index = reported.year * 12 + reported.month - 1 + shift
        date = _safe_day(month_index // 12, month_index % 12 + 1, day)
        if date is not None and date.weekday() == weekday:
            candidates.append(date)
    return min(candidates, key=lambda d: abs(d - reported), default=None)


def note_weekdays(named: Weekdays, start: PartialDate, end: PartialDate | None) -> None:
    """Remember the weekday of every day an event spans (up to a week), for bare weekdays
    read later."""
    if not start.known:
        return
    first = start.to_date()
    last = end.to_date() if end is not None and end.known else first
    for offset in range(min((last - first).days, 6) + 1):
        day = first + dt.timedelta(days=offset)
        named[day.weekday()] = (day.year, day.month, day.day)


def with_relative(
    sentence: str,
    mentions: list[DateMention],
    reported: Anchor | None,
    named: Weekdays | None = None,
) -> list[DateMention]:
    """Relative days added in order; ``until D`` after one of them becomes its end, and an
    ``until D`` with nothing to end is not a start of anything (it stays only as a deadline,
    which the extractor keeps only where something is handed in by then)."""
    relative = relative_mentions(sentence, reported, named)
    merged = sorted([*mentions, *relative], key=lambda m: m.begin)
    out: list[DateMention] = []
    for mention in merged:
        if _UNTIL.search(sentence, max(0, mention.begin - 20), mention.begin):
            if out and mention.end is None and out[-1].end is None:
                start = out.pop()
                end = mention.start if mention.start[0] else (start.start[0], *mention.start[1:])
                out.append(dataclasses.replace(start, end=end, stop=mention.stop, form="range"))
                continue
            if mention.form != "deadline":
                continue
        if out and mention.begin < out[-1].stop:
            continue
        out.append(mention)
    return out
