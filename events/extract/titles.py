"""Titles for events the text does not name: deadlines and bare ``座谈会``-style mentions.

A synthesized title says what happens in the article's own language: ``世界标准日活动总结报送截止``
for ``于10月27日前将世界标准日活动总结…报送``, ``Registration deadline`` in English.
"""

from __future__ import annotations

import re

from events.extract.context import ArticleContext
from events.extract.lexicon import EN_SUBMIT, KIND_WORDS_EN, ZH_SUBMIT, both_scripts
from events.extract.names import Name
from events.model import Kind, Language
from events.script import convert

_SUBMIT = both_scripts(ZH_SUBMIT)
_OBJECT = re.compile(
    r"(?:将|將|把)\s*(?P<obj>[^,,。;;((]{2,30}?)\s*(?:[((]|电子版|電子版|纸质版|紙質版|等|"
    + "|".join(_SUBMIT)
    + ")"
)
_KIND_WORDS_ZH = {
    Kind.CAMPAIGN: "宣传活动", Kind.ACTIVITY_WEEK: "活动周", Kind.CONFERENCE: "会议",
    Kind.FORUM: "论坛", Kind.MEETING: "会议", Kind.TRAINING: "培训", Kind.DEADLINE: "截止日期",
    Kind.OTHER: "活动", Kind.OBSERVANCE: "纪念日",
}  # fmt: skip


def deadline_title(clause: str, language: Language) -> str:
    if language is Language.EN:
        verb = next((v for v in EN_SUBMIT if v in clause.lower()), None)
        if verb and verb.startswith("regist"):
            return "Registration deadline"
        if verb and verb.startswith("appl"):
            return "Application deadline"
        return "Submission deadline"
    obj = _OBJECT.search(clause)
    rest = clause[obj.end("obj") :] if obj else clause
    verbs = sorted((rest.find(v), v) for v in _SUBMIT if v in rest)
    verb = verbs[0][1] if verbs else ""
    if obj is None and ("报名" in clause or "報名" in clause):
        verb = "报名"
    text = (obj.group("obj").strip() if obj else "") + verb + "截止"
    if text == "截止":
        text = "截止日期"
    return convert(text, language)


def fallback_title(name: Name | None, kind: Kind, ctx: ArticleContext) -> str:
    """The headline when it is short enough to name the event, else the kind in words."""
    headline = ctx.article.title
    limit = 100 if ctx.article.language is Language.EN else 40
    if headline and len(headline) <= limit and (name is None or name.text in headline):
        return headline
    language = ctx.article.language
    if language is Language.EN:
        return (ctx.city + " " if ctx.city else "") + KIND_WORDS_EN[kind]
    word = name.text if name else _KIND_WORDS_ZH[kind]
    city = ctx.city_zh
    return convert((city or "") + word, language)
