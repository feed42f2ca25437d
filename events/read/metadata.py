"""An article's own metadata from its text: headline, publication date, address, publisher.

Each rule looks only where that kind of fact is written (the info line under a headline, a
dateline opening the lead, the signature closing a notice, an ``原文链接`` line) and reports
which rule found it, so a wrong date can be traced to its rule.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from events.model import Language, Published
from events.numerals import MINGUO_OFFSET, to_int
from events.read.parts import is_headline

SHANGHAI_OFFSET = dt.timezone(dt.timedelta(hours=8))

_YMD = r"((?:19|20)\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?"
_HM = r"(?:\s*T?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?"
_LABELLED = re.compile(
    r"(?<![\u3400-\u9fff])(?:发布时间|發佈時間|發布時間|发布日期|發布日期|发文日期|發文日期|日期|时间|時間|"
    r"Release Date|Released|Published|Publication Date|Date)\s*[::]\s*" + _YMD + _HM,
    re.I,
)
_DATELINE = re.compile(
    r"^(?:[\w\u3400-\u9fff]{1,16}?)(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*"
    r"(?:电|電|讯|訊|(?:[\u3400-\u9fff]{2}\s*)?消息)"
)
# ``【新唐人2013年01月21日訊】``, ``人民网2024年5月9日电``: a dateline that writes its year
_DATELINE_FULL = re.compile(
    r"^[【\[(（]?\s*[\w\u3400-\u9fff]{0,16}?((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*"
    r"(?:电|電|讯|訊)\s*[】\])）]?"
)
_SIGNATURE = re.compile(r"^\s*" + _YMD + r"\s*$")
_SIGNATURE_SPELLED = re.compile(  # 二〇二四年二月二十日 (clean_text spells 二OO六 with 〇)
    r"^\s*([〇零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月"
    r"\s*([一二三四五六七八九十]{1,3})\s*日\s*$"
)
_HEADLINE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_URL = re.compile(
    r"(?:原文链接|原文鏈接|原文地址|Original (?:link|URL)|Source URL)\s*[::]\s*(\S+)", re.I
)
_PUBLISHER_LABEL = re.compile(
    r"(?:来源|來源|Source)\s*[::]\s*([^\s::|]{2,24}?)(?=\s|$|日期|时间|時間|作者)", re.I
)
_PUBLISHER_DATELINE = re.compile(
    r"^([\u3400-\u9fff]{2,12}?(?:报|報|网|網|社|台|刊|杂志|雜誌))"
    r"(?:[\u3400-\u9fff]{2,4})?(?:\d{1,2}月\d{1,2}日)?(?:电|電|讯|訊)"
)
_CHANNEL_SUFFIX = re.compile(r"\s*(?:_|\s[-|–]\s)[^_|–]{1,12}$")


def clean_title(title: str) -> str:
    """A headline without the portal's channel suffix (``…召开_每日聚焦``)."""
    stripped = _CHANNEL_SUFFIX.sub("", title).strip()
    return stripped if len(stripped) >= 4 else title.strip()


def _date(year: str, month: str, day: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def _with_time(
    date: dt.date, hour: str | None, minute: str | None, second: str | None
) -> Published:
    if hour is None or minute is None:
        return date
    try:
        moment = dt.time(int(hour), int(minute), int(second or 0))
    except ValueError:
        return date
    return dt.datetime.combine(date, moment, tzinfo=SHANGHAI_OFFSET)


def labelled_date(lines: Sequence[str]) -> Published | None:
    """``日期:2021-10-19 16:20``, ``时间:2021-10-22``, ``Release Date:2021-08-01``."""
    for line in lines:
        match = _LABELLED.search(line)
        if match:
            date = _date(*match.group(1, 2, 3))
            if date is not None:
                return _with_time(date, *match.group(4, 5, 6))
    return None


_MONTHS_EN = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_EN_MONTH = r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE_EN = re.compile(
    r"^[A-Z][\w.'-]*(?:[ ,]+(?:[A-Z][\w.'-]*|es|de|da|del|la|el|of|upon|am|an|du)){0,3}"
    r"(?:,|\s+[-–—]|\s+\([A-Za-z ]{2,20}\))\s*(?:"  # ``Lincoln, NE (PRWEB) June 02, 2015 --``
    rf"(\d{{1,2}})\s+{_EN_MONTH}\s+((?:19|20)\d{{2}})|{_EN_MONTH}\s+(\d{{1,2}}),?\s+((?:19|20)\d{{2}})"
    r")\s*(?:[-–—]|\(\w+\)\s*[-–—]|/[^/\n]{1,24}/\s*[-–—])"  # (Xinhua) --, /PRNewswire/ --
)


# ``2024-03-06 – Today, the Bureau …``: a machine date run into the story with a dash.
_ISO_DATELINE = re.compile(r"^((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})\s*[-–—]+\s+(?=[A-Z])")


def _english_dateline(lead: str) -> tuple[dt.date, int] | None:
    """``Geneva, 4 June 2024 –`` / ``BEIJING, June 9, 2023 (Xinhua) --``: date and end."""
    iso = _ISO_DATELINE.search(lead)
    if iso is not None:
        date = _date(*iso.group(1, 2, 3))
        return (date, iso.end()) if date else None
    match = _DATELINE_EN.search(lead)
    if match is None:
        return None
    day, month, year = match.group(1), match.group(2), match.group(3)
    if day is None:
        month, day, year = match.group(4), match.group(5), match.group(6)
    number = next(i for i, m in enumerate(_MONTHS_EN, 1) if m.startswith(month.lower()))
    date = _date(year, str(number), day)
    return (date, match.end()) if date else None


def dateline_month_day(lead: str) -> tuple[int, int] | None:
    """``新华社上海10月22日电``: the report's month and day, even when no year is known."""
    match = _DATELINE.search(lead)
    if match is None:
        return None
    month, day = int(match.group(1)), int(match.group(2))
    return (month, day) if _date("2000", str(month), str(day)) else None


def dateline_date(lead: str, context_year: int | None) -> dt.date | None:
    """``人民網北京6月9日電`` (the year from context) or ``Geneva, 4 June 2024 –``."""
    english = _english_dateline(lead)
    if english is not None:
        return english[0]
    full = _DATELINE_FULL.search(lead)
    if full is not None:
        return _date(*full.group(1, 2, 3))
    match = _DATELINE.search(lead)
    if match is None or context_year is None:
        return None
    return _date(str(context_year), *match.group(1, 2))


_LEAD_DATE = re.compile(
    r"^\s*(?:date|dated|日期|时间|時間|发布时间|發布時間|發佈時間)\s*[::_]?\s*"
    r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?",
    re.I,
)
_NEWSWIRE = re.compile(  # 香港2026年2月11日 /美通社/ --, NEW YORK, March 22, 2024 /PRNewswire/ --
    r"^[^,,。]{0,20}?(?:,\s*[^,,。]{0,20}?)?(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|"
    r"[A-Z][a-z]+\.?\s+\d{1,2},\s+(?:19|20)\d{2})\s*/[^/\n]{1,24}/\s*(?:--|—|–|-)?"
)


def dateline_span(lead: str) -> int:
    """Where a dated dateline (``人民網北京6月9日電``, ``Geneva, 4 June 2024 –``, a newswire's
    ``香港2026年2月11日 /美通社/ --``) or a page's own date run into the lead (``date
    2023-10-01 …``) ends, or 0: those dates are the report's, not an event's."""
    at = 0
    labelled = _LEAD_DATE.search(lead)
    if labelled is not None:
        at = labelled.end()
    rest = lead[at:]
    newswire = _NEWSWIRE.search(rest)
    if newswire is not None:
        return at + newswire.end()
    english = _english_dateline(rest)
    if english is not None:
        return at + english[1]
    match = _DATELINE_FULL.search(rest) or _DATELINE.search(rest)
    return at + match.end() if match else at


def signature_date(lines: Sequence[str]) -> dt.date | None:
    """The date closing a notice (``2021年10月11日`` alone on its line): the last one wins."""
    for line in reversed(lines):
        match = _SIGNATURE.search(line)
        if match:
            return _date(*match.group(1, 2, 3))
        spelled = _SIGNATURE_SPELLED.search(line)
        if spelled:
            numbers = [to_int(g) for g in spelled.group(1, 2, 3)]
            if all(n is not None for n in numbers):
                return _date(*(str(n) for n in numbers))
    return None


# ``…傑出獎。1051102(中央社)``, ``（編輯：林興盟）1141215``: Taiwan's wire service signs
# a story off with its Minguo date as seven figures.
_WIRE_STAMP = re.compile(
    r"(?:[。」”)）]|^)\s*(?P<y>1[0-4]\d|[89]\d)(?P<m>0[1-9]|1[0-2])(?P<d>[0-2]\d|3[01])"
    r"\s*(?:[(（]中央社[)）])?\s*[,，.。]?\s*$"
)
_WIRE_LINES = 4


def wire_stamp(body: Sequence[str]) -> dt.date | None:
    """The date a wire story is signed off with, in the last lines of its text."""
    for line in reversed([x for x in body if x.strip()][-_WIRE_LINES:]):
        match = _WIRE_STAMP.search(line.rstrip())
        if match:
            year = int(match.group("y")) + MINGUO_OFFSET
            return _date(str(year), match.group("m"), match.group("d"))
    return None


def headline_year(title: str) -> int | None:
    years = {int(y) for y in _HEADLINE_YEAR.findall(title)}
    return years.pop() if len(years) == 1 else None


def parse_published(value: str) -> Published | None:
    """An ISO-like date or date-time string from a page's meta tags or a sidecar."""
    value = value.strip()
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        match = re.search(_YMD + _HM, value)
        if not match:
            return None
        date = _date(*match.group(1, 2, 3))
        return _with_time(date, *match.group(4, 5, 6)) if date else None
    if len(value) <= 10:
        return moment.date()
    return moment if moment.tzinfo else moment.replace(tzinfo=SHANGHAI_OFFSET)


def source_url(lines: Sequence[str]) -> str | None:
    for line in lines:
        match = _URL.search(line)
        if match and match.group(1).lower().startswith(("http://", "https://")):
            return match.group(1)
    return None


def publisher(info: Sequence[str], lead: str) -> str | None:
    for line in info:
        match = _PUBLISHER_LABEL.search(line)
        if match:
            return match.group(1)
    match = _PUBLISHER_DATELINE.search(lead)
    return match.group(1) if match else None


_STAMPED = re.compile(r"(?:19|20)\d{2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}|\d{1,2}:\d{2}")


def headline_rank(line: str) -> tuple[bool, int]:
    """The longest line of the run, but never a machine-stamped one (``更新 2022-07-26 | 人气
    293`` under a shorter headline)."""
    return (_STAMPED.search(line) is None, len(line))


def headline_run(lines: Sequence[str]) -> list[str]:
    """The headline-like lines before the first paragraph (a section label, the headline,
    sometimes a subtitle); the caller takes the longest as the headline."""
    run: list[str] = []
    for line in lines[:4]:
        if not run and len(line) < 6 and not re.search(r"\d", line):
            run.append(line)  # ``APP下载``, ``News``: chrome above the headline stays in the run
            continue
        if not is_headline(line) or _LABELLED_LINE.match(line):
            break  # ``会议时间:5月14日``, ``Venue: Geneva``: a notice's facts, not a subtitle
        run.append(line)
    return run if any(len(x) >= 6 for x in run) else []


_LABELLED_LINE = re.compile(
    r"^\s*(?:[壹贰貳參叁肆伍陸陆柒捌玖拾一二三四五六七八九十]{1,2}\s*[、.]\s*)?"
    r"(?:[\u3400-\u9fff]{2,6}|[A-Za-z]{3,8})\s*[::]\s*\S"
)


_LEAD_PREFIX = re.compile(r"^[^,,。]{0,24}?(?:电|電|讯|訊)\s*(?:[((][^))]{0,20}[))])?\s*")
_LEADING_DATE = re.compile(
    r"^(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日(?:上午|下午|晚上)?\s*[,,]?\s*|^(?:近日|日前|昨天|今天|近期)\s*[,,]\s*"
)
_BY_CLAUSE = re.compile(r"^由[^,。]{2,60}?(?:主办|主辦|承办|承辦|举办|舉辦|组织|組織)的")


def title_from_lead(lead: str, language: Language) -> str:
    """A short title when a page has no headline: the lead's first clause, without its
    dateline, leading date and ``由…主办的`` organiser clause."""
    if language is Language.EN:
        sentence = re.split(r"(?<=[.!?])\s", lead, maxsplit=1)[0]
        words = sentence.split()
        return " ".join(words[:12]).rstrip(",;:.")
    sentence = re.split(r"[。？!?;]", lead, maxsplit=1)[0]
    sentence = _LEAD_PREFIX.sub("", sentence)
    sentence = _LEADING_DATE.sub("", sentence)
    sentence = _BY_CLAUSE.sub("", sentence)
    clause = re.split(r"[,,]", sentence, maxsplit=1)[0].strip()
    return clause[:40]
