"""Event names: the phrase ending in an event noun (``…国际标准化大会``, ``… Forum on …``).

A Chinese name is read backwards from its head noun until a boundary (punctuation, or a word
such as ``召开``, ``的``, ``在`` that cannot be inside a name); names joined by ``暨`` stay one
name. English names are title-case phrases around a head noun.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from events.extract.lexicon import EN_HEADS, ZH_HEADS, alternation, both_scripts

_ZH_HEAD = re.compile(alternation(ZH_HEADS))
_BOUNDARY_CHARS = set(",。;:、“”\"'()《》【】[]「」『』!?？\n ·")
_STOP_WORDS = both_scripts(
    (
        "召开了", "举办了", "举行了", "召开", "举办", "举行", "开展", "组织", "参加", "出席",
        "启动", "宣布", "主办", "承办", "协办", "通过", "关于", "围绕", "筹备", "参与",
        "的", "了", "在", "于", "是", "将", "由", "为", "和", "及", "与", "等", "届时",
        "表示", "认为", "指出", "形容", "介绍", "主办者",
    )
)  # fmt: skip
_DROP_PREFIX = re.compile(
    "^(?:"
    + alternation(("本次", "此次", "这次", "该", "本届", "今年", "每年", "各类", "相关"))
    + ")"
)
_EN_WORD = r"(?:[A-Z0-9][\w'’&.-]*)"
_EN_HEAD = "|".join(sorted(map(re.escape, EN_HEADS), key=len, reverse=True))
_NOT_A_MONTH = (
    r"(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d|\d)"  # …Council on 22
)
_EN_NAME = re.compile(
    rf"(?:(?:19|20)\d{{2}}\s+)?(?:{_EN_WORD}\s+(?:(?:of|on|for|and|the|in)\s+)?){{0,8}}"
    rf"(?:{_EN_HEAD})\b(?:\s+(?:on|of|for)\s+(?:the\s+)?{_NOT_A_MONTH}{_EN_WORD}"
    rf"(?:\s+(?:and\s+)?{_NOT_A_MONTH}{_EN_WORD})*)?"
    r"(?:\s+\d{1,3}\b(?![-–/.:]?\d))?(?:\s+(?:19|20)\d{2}\b)?"
)
_MIN_NAME = 4
_VENUE = re.compile(
    "[^,。;:、 ]{0,4}?(?:"
    + alternation(("中心", "馆", "厅", "场", "楼", "室", "堂", "大厦", "酒店", "宾馆"))
    + ")"
)


@dataclass(frozen=True)
class Name:
    text: str
    begin: int
    stop: int
    specific: bool  # more than a bare head noun ("大会", "the Forum")


def _scan_back(sentence: str, head_start: int) -> int:
    begin = head_start
    while begin > 0 and head_start - begin < 40:
        previous = sentence[begin - 1]
        if previous in _BOUNDARY_CHARS:
            break
        if any(sentence.endswith(w, 0, begin) for w in _STOP_WORDS):
            break
        begin -= 1
    return begin


def _quoted_before(sentence: str, begin: int) -> int:
    """``“标准化与创新可持续发展”研讨会``, ``「節能」研討會``: a quoted title right before the
    head is part of it."""
    if begin > 0 and sentence[begin - 1] in '”"」』':
        opening = max(sentence.rfind(o, 0, begin - 1) for o in '“"「『')
        if opening >= 0 and begin - opening < 40:
            return opening
    return begin


def zh_names(sentence: str) -> list[Name]:
    names: list[Name] = []
    for head in _ZH_HEAD.finditer(sentence):
        if names and head.start() < names[-1].stop:
            continue
        if _VENUE.match(sentence, head.end()):
            continue  # 会议中心, 展览馆: a place, not an event
        stop = head.end()
        joined = re.match(r"(?:暨|暨)", sentence[stop:])
        if joined:
            follow = _ZH_HEAD.search(sentence, stop + 1, stop + 40)
            if follow and not any(c in _BOUNDARY_CHARS for c in sentence[stop : follow.start()]):
                stop = follow.end()
        begin = _quoted_before(sentence, _scan_back(sentence, head.start()))
        text = _DROP_PREFIX.sub("", sentence[begin:stop])
        begin = stop - len(text)
        if names and names[-1].stop > begin:
            names.pop()
        names.append(Name(text, begin, stop, len(text) >= _MIN_NAME and text != head.group(0)))
    return names


_EN_HEAD_LOWER = "|".join(sorted((re.escape(h.lower()) for h in EN_HEADS), key=len, reverse=True))
_NOT_A_BODY = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b"
)
_EN_OF_NAME = re.compile(
    rf"\b(?:\d{{1,3}}(?:st|nd|rd|th)\s+)?(?:(?:plenary|annual|general|technical|joint)\s+)?"
    rf"(?:{_EN_HEAD_LOWER})\s+(?:of|on)\s+(?:the\s+)?(?!{_NOT_A_BODY})[A-Z][\w/&.-]*"
    r"(?:\s+(?!(?:will|was|were|is|are|has|have|held|to|in|on|at|from|by|and\s+the)\b)"
    r"[\w/&.-]+){0,6}"
)


# ``World Metrology Day celebrations``, ``National Quality Week events``: a title-case name of
# two words or more with a lower-case event noun after it.
_EN_TITLED = re.compile(
    r"(?<![\w-])(?:(?:19|20)\d{2}\s+)?(?:[A-Z][\w'’&.-]*\s+(?:(?:of|on|for|and|the)\s+)?){1,7}"
    r"[A-Z][\w'’&.-]*\s+(?:"
    + _EN_HEAD_LOWER
    + r"|celebrations|events?|festival|fair|exhibition|activities)s?\b"
)


_ARTICLE = re.compile(r"^(?:The|This|That|A|An)\s+")


def en_names(sentence: str) -> list[Name]:
    """Title-case names (``2021 Qingdao Forum on …``) and ``15th plenary meeting of ISO/TC
    292 …``, where the head is lower case and the body it belongs to names it."""
    names: list[Name] = []
    for m in _EN_OF_NAME.finditer(sentence):
        names.append(Name(m.group(0), m.start(), m.end(), True))
    for m in _EN_TITLED.finditer(sentence):
        if not any(n.begin <= m.start() < n.stop for n in names):
            text = _ARTICLE.sub("", m.group(0))
            names.append(Name(text, m.end() - len(text), m.end(), True))
    for m in _EN_NAME.finditer(sentence):
        if any(n.begin <= m.start() < n.stop or m.start() <= n.begin < m.end() for n in names):
            continue
        text = _ARTICLE.sub("", m.group(0)).strip()
        begin = m.end() - len(m.group(0).lstrip()) + (len(m.group(0).lstrip()) - len(text))
        words = text.split()
        names.append(Name(text, begin, m.end(), len(words) >= 2))
    return names


_LATIN_WORD = re.compile(r"[A-Za-z]{3}")


def names_in(sentence: str) -> list[Name]:
    english = en_names(sentence) if _LATIN_WORD.search(sentence) else []
    return sorted(zh_names(sentence) + english, key=lambda n: n.begin)
