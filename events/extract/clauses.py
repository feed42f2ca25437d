"""What the words around a date say of it, whatever else the sentence holds: that something
only began then, that the day recurs every year, that a span is a period something stays open,
that an English event noun leads to it, that something is arranged or held on it (``安排於``,
``考试时间为``, ``held at … on``, a city right before a span), and the words that make a day no
deadline (a count as of it, a standard in force by it) or say that something closes.

Each reading is a small test of the text beside one date mention; the extractor decides what
they add up to.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from events.extract.dates import DateMention

_OPENS = re.compile(
    r"(?:启动|啟動)(?![^,,。]{0,6}(?:会|會|仪式|儀式|典礼|典禮))|开始|開始|拉开帷幕|拉開帷幕|开启|開啟|"
    r"\bkick(?:s|ed)? off\b|\blaunch(?:es|ed)?\b",
    re.I,
)


def opens(sentence: str, mention: DateMention, clause: str) -> bool:
    """Whether the words around a single day say only that something began on it (a launch,
    ``启动``, ``kicked off``: its end is unknown)."""
    before = sentence[max(0, mention.begin - 16) : mention.begin]
    said = _OPENS.search(clause[:80])  # read past 60 so ``启动…会议`` is seen whole
    # (``自7月14日起``, ``from 1 July``, alone says from when, and readers date it that day)
    return bool((said and said.start() < 60) or _OPENS.search(before))


_EVERY = re.compile(
    r"(?:每年|每一年|每逢|每届|每屆)[的]?\s*$|\b(?:annually|every year|each year|yearly)\s+on\s*$|"
    r"任期|\bterm of office\b[^.;]*$",  # a term of office spans years; no event happens on it
    re.I,
)
_EVERY_AFTER = re.compile(
    r"^\s*(?:each|every)\s+year\b|^\s*annually\b|^\s*(?:定为|定為|订为|訂為|设为|設為|确定为|確定為)",
    re.I,
)


def recurring(sentence: str, mention: DateMention) -> bool:
    """A date said of every year, named as a day being designated or bounding a term of office
    is not an occurrence (a span named a week, ``將10月19日至23日訂為病人安全週``, is this
    year's week)."""
    before = sentence[max(0, mention.begin - 30) : mention.begin]
    designated = mention.end is None and _EVERY_AFTER.search(sentence[mention.stop :])
    return bool(_EVERY.search(before) or designated)


# ``供應商招募期將於10月8日結束``: a period that ends on the day, the last day to take part.
_PERIOD_ENDS_BEFORE = re.compile(r"(?:期|期间|期間|期限)\s*(?:将|將)?\s*(?:于|於|在)?\s*$")
_PERIOD_ENDS_AFTER = re.compile(r"\s*(?:结束|結束|截止|届满|屆滿)")


_CLAUSE_BREAK = re.compile(r"[,,;;。:：]")
_WILL_ON = re.compile(r"\s*(?:将|將)?\s*(?:于|於|在)?\s*$")


def period_ends(sentence: str, mention: DateMention) -> str | None:
    """The period that ends on the day and the word saying so (``供應商招募期結束``), or None."""
    if mention.end is not None:
        return None
    ends = _PERIOD_ENDS_AFTER.match(sentence, mention.stop)
    if ends is None or not _PERIOD_ENDS_BEFORE.search(
        sentence, max(0, mention.begin - 8), mention.begin
    ):
        return None
    period = _CLAUSE_BREAK.split(sentence[: mention.begin])[-1]
    return _WILL_ON.sub("", period).strip() + ends.group(0).strip()


# ``公示期为8月13日至8月19日``, ``申請期為…至…``, ``于3月15日至5月14日期间就…征集意见``:
# a span the text calls a period of something being open is itself an event (a window).
_PERIOD_BEFORE = re.compile(
    r"(?:[\u4e00-\u9fff](?:期|期间|期間)|(?:申报|申報|报名|報名|申请|申請|受理|征集|徵集|公示|报送|報送|"
    r"提交|收件|登记|登記|活动|活動|征求意见|徵求意見|意见征求|意見徵求|展览|展覽|展出|开放|開放)"
    r"(?:时间|時間|日期|期限))\s*(?:为|為|是|:|:)?\s*(?:自|从|從|由)?\s*$"
)
_PERIOD_AFTER = re.compile(
    r"\s*(?:期间|期間)(?![的之])|\s*(?:间|間)\s*[,,]?\s*(?:就|向|开展|開展|进行|進行|征|徵|受理|接受)"
)


# ``7月19日-30日…报名``, ``可于5月15日至30日通过网站报名``: a span in which something is handed
# in or applied for is a window, whatever precedes it.
_HANDED_IN = re.compile(
    r"报名|報名|申报|申報|受理|征集|徵集|报送|報送|提交|申请|申請|登记|登記|征求意见|徵求意見"
)


def is_period(sentence: str, mention: DateMention) -> bool:
    if mention.end is None:
        return False
    if mention.form == "window":
        return True  # 自…起至…止, 前后各一周: open for a while
    before = sentence[max(0, mention.begin - 12) : mention.begin]
    return bool(
        _PERIOD_BEFORE.search(before)
        or _PERIOD_AFTER.match(sentence, mention.stop)
        or _HANDED_IN.search(sentence, mention.stop, mention.stop + 30)
        or _HANDED_IN.search(sentence, max(0, mention.begin - 12), mention.begin)
    )


# ``考试时间分别为6月22日和11月16日``, ``会议日期为…``: a label saying when something is held.
_TIME_IS = re.compile(
    r"(?:考试|考試|考核|测验|測驗|会议|會議|活动|活動|培训|培訓|举办|舉辦|举行|舉行|开幕|開幕|比赛|比賽|"
    r"竞赛|競賽|展览|展覽|展出|报到|報到|评审|評審|颁奖|頒獎|讲座|講座|说明会|說明會)"
    r"(?:时间|時間|日期)\s*(?:分别|分別)?\s*(?:为|為|是|:|:)?\s*(?:[^,,。;;]{1,14}(?:和|及|、))?\s*$"
)


def time_is(sentence: str, mention: DateMention) -> bool:
    return bool(_TIME_IS.search(sentence, max(0, mention.begin - 30), mention.begin))


# An event noun right before an English date (``a door-to-door campaign … on October 15 and
# 16``, ``a Quality Run/Walk on October 16``): the sentence names an occurrence even without a
# name the name reader takes or a verb.
_EN_NOUNS = (
    r"\b(?i:campaign|seminar|workshop|meeting|conference|forum|webinar|ceremony|training|"
    r"celebration|exhibition|expo|summit|symposium|lecture|run|walk|reception|plenary|session|"
    r"anniversary|birthday|gala|fair|festival|course|teleconference|conference call|"
    r"videoconference|webcast|hearing|briefing|consultation|roundtable|hackathon|plugtests?|event)s?\b"
)
_EN_NOUN = re.compile(_EN_NOUNS)
_EN_EVENT_NOUN = re.compile(  # ``… meeting on``, ``Next teleconference:``, ``plenary meeting,``
    _EN_NOUNS + r"(?:[^.;:]{0,60}(?:\b(?:on|from|dated)|\()|\s*[:,](?:\s*[A-Z][a-z]+day,)?)\s*$"
)
_EN_NOUN_AFTER = re.compile(
    r"\s*(?:[A-Z][\w-]*\s+){0,2}" + _EN_NOUNS
)  # 19 August 2009 teleconference


def event_noun_before(sentence: str, mention: DateMention) -> re.Match[str] | None:
    """``a door-to-door campaign … on October 15``, ``Next teleconference: Wednesday, 21
    October``, ``the 19 August 2009 teleconference``: an event noun leading to the date or
    right after it."""
    return _EN_EVENT_NOUN.search(
        sentence[max(0, mention.begin - 70) : mention.begin]
    ) or _EN_NOUN_AFTER.match(sentence, mention.stop)


def last_event_noun(sentence: str, mention: DateMention) -> re.Match[str] | None:
    """The event noun nearest before the date (``a training course … on Tuesday``)."""
    found = list(_EN_NOUN.finditer(sentence, max(0, mention.begin - 50), mention.begin))
    return found[-1] if found else None


_AS_OF = re.compile(r"(?:^|[,,;;。:])\s*(?:截至|截止|\bas of|\bas at)\s*$", re.I)
_AS_OF_AFTER = re.compile(r"\s*止?\s*[,,]")
_IN_FORCE_AFTER = re.compile(r"\s*(?:已)?(?:实施|實施|施行|发布|發布|生效|颁布|頒布)")
_EXPIRES = re.compile(r"\b(?:expires?|closes?|ends?)\b|截止|結束|结束", re.I)


def counted_as_of(sentence: str, mention: DateMention) -> bool:
    """``截至2023年5月31日,共有…``: the day figures are counted to, nothing due on it."""
    return bool(
        _AS_OF.search(sentence, 0, mention.begin) and _AS_OF_AFTER.match(sentence, mention.stop)
    )


def in_force_by(sentence: str, mention: DateMention) -> bool:
    """``于2020年7月31日前实施``: a condition on a standard, nothing handed in by that day."""
    return bool(_IN_FORCE_AFTER.match(sentence, mention.stop))


def says_closing(words: str) -> bool:
    """``Advance registration closes``, ``報名截止``: the words say something ends."""
    return bool(_EXPIRES.search(words))


_ARRANGED_BEFORE = re.compile(r"(?:安排|安排在)(?:於|于|在)?\s*$")
_ARRANGED_AFTER = re.compile(r"[^,,。;;]{0,6}?安排")


def arranged(sentence: str, mention: DateMention) -> bool:
    """``安排於9月29日至10月7日間``, ``於7月11日及8月11日安排2場諮詢會``: something is
    scheduled on the day itself (an ``安排`` elsewhere in the sentence arranges other things)."""
    before = sentence[max(0, mention.begin - 6) : mention.begin]
    return bool(_ARRANGED_BEFORE.search(before) or _ARRANGED_AFTER.match(sentence, mention.stop))


# ``… Working Groups - Geneva, 28 - 30 January 2009``, ``Vienna, Austria, 14-18 May``: a city
# right before a date is where and when something meets (a dateline opens only the lead).
_PLACE_COMMA = re.compile(r"([A-Z][A-Za-z.' -]{2,40}),\s*(?:[A-Z][A-Za-z ]{2,30},\s*)?$")
# ``was held at the Terra Nova Hotel in Kingston, on March 22``: the verb further back.
_HELD_ON = re.compile(
    r"\b(?:held|hosted|took place|convened|organi[sz]ed|celebrated|launched)\b[^.;:]{0,80}"
    r"\b(?:on|from|between)\s*$"  # ``held in Mexico City in the period between 26 and 29th …``
)


def place_before(sentence: str, mention: DateMention, is_city: Callable[[str], bool]) -> bool:
    """A span of days after a city (a letter's ``Geneva, 21 October 2016`` is one day)."""
    if mention.end is None:
        return False
    found = _PLACE_COMMA.search(sentence, max(0, mention.begin - 50), mention.begin)
    return found is not None and is_city(found.group(1))


def held_on(sentence: str, mention: DateMention) -> bool:
    return _HELD_ON.search(sentence, max(0, mention.begin - 110), mention.begin) is not None
