"""Rows of a schedule: a short line that is a date and the name of what happens on it.

Notices and event pages list their steps one to a line (``測驗日期 111年10月23日(日)``,
``試題與解答公告 111年10月27日(四) 14:00``, ``1 Oct - Deadline to request a refund``,
``5月20日前登錄表電子檔``). No verb binds such a date, yet every row is an occurrence: the
words beside the date name it. What keeps the rule from page furniture is the row's shape:
short, no sentence, a date written in words (a list of headlines stamps its items with
``2023-10-13``), and a name that is not a publication label (``发布时间``, ``Updated``).
"""

from __future__ import annotations

import re

from events.extract.dates import DateMention

_ROW_MAX, _LATIN_ROW_MAX = 60, 90  # characters in the whole line
_NAME_MIN, _NAME_MAX, _LATIN_NAME_MAX = 2, 30, 60
_ISO_STAMP = re.compile(r"(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}")
_FURNITURE = re.compile(
    r"发布|發布|發佈|更新|来源|來源|作者|浏览|瀏覽|点击|點擊|上一篇|下一篇|相关|相關|"
    # a dateline: the report's day, not an event's
    r"消息|电讯|電訊|报讯|報訊|网讯|網訊|社讯|社訊|报道|報導|记者|記者|"
    r"修订|修訂|修正|印发|印發|\b(?:revised|amended)\b|"
    r"\b(?:posted|updated|published|source|author|views?|previous|next|copyright|ref)\b|"
    r"[〔\[]\d{4}[〕\]]|文号|文號|"  # a letter's reference and a document number
    r"^\s*(?:日期|时间|時間|date|time|when)\s*$",
    re.I,
)
_SENTENCE = re.compile(r"[。!?！？;；]|[a-z]{3,}\.\s")
_NOISE = re.compile(
    r"[((][一二三四五六日天][))]|(?:星期|周|週)[一二三四五六日天]|"
    r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?|"
    r"\d{1,2}\s*[::]\s*\d{2}(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?|\b(?:noon|midnight)\b|"
    r"\b(?:ET|EST|EDT|CET|CEST|UTC|GMT|PST|PDT)\b|"
    r"[|｜:：\-–—•·*#>]+|\s+",
    re.I,
)
_CLOCK_WORD = re.compile(r"\s*(?:noon|midnight|\d{1,2}\s*[::.]\s*\d{2}|\d{1,2}\s*[ap]\.?m)", re.I)
_YEAR_ONLY = re.compile(r"^[\d〇零OО一二三四五六七八九]{2,4}\s*年(?:度)?$")
_EDGE = re.compile(r"^(?:起|止|前|至|到|及)+|(?:起|止|至|到|及)+$")


def row_name(sentence: str, mention: DateMention, others: int) -> str | None:
    """The name a schedule row gives its date, or ``None`` if the line is not such a row.

    ``others``: how many further dates the line holds (a row names one day or one span)."""
    latin = not re.search(r"[\u3400-\u9fff]", sentence)
    if others or len(sentence) > (_LATIN_ROW_MAX if latin else _ROW_MAX):
        return None
    if _SENTENCE.search(sentence):
        return None
    if _ISO_STAMP.search(sentence[mention.begin : mention.stop]):
        return None
    after = sentence[mention.stop :].strip()
    if after[:1] in (".", ",") and not _CLOCK_WORD.match(after[1:]):
        return None  # ``GENEVA, March 3.``: a dateline opening the story (not ``…, noon ET:``)
    rest = sentence[: mention.begin] + " " + sentence[mention.stop :]
    name = _EDGE.sub("", _NOISE.sub(" ", rest).strip()).strip()
    longest = _NAME_MAX if re.search(r"[\u3400-\u9fff]", name) else _LATIN_NAME_MAX
    if not _NAME_MIN <= len(name) <= longest or _FURNITURE.search(name):
        return None
    if not re.search(r"[\u3400-\u9fff]{2}|[A-Za-z]{3}", name) or _YEAR_ONLY.search(name):
        return None
    return " ".join(name.split())
