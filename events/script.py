"""Simplified/traditional Chinese: telling the scripts apart and converting between them.

OpenCC does the conversion; detection counts the characters that conversion would change in
each direction, which works on short texts where frequency lists do not.
"""

from __future__ import annotations

import re
from functools import cache

import opencc

from events.model import Language

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _convert_with(config: str, text: str) -> str:
    """OpenCC takes UTF-8: a lone surrogate (never text, only damage) makes the encoding raise,
    and is then dropped. Only then: a calendar converts three texts per event."""
    converter = _converter(config)
    try:
        return str(converter.convert(text))
    except UnicodeEncodeError:
        return str(converter.convert(_SURROGATE.sub("", text)))


def to_hans(text: str) -> str:
    """Traditional (or mixed) Chinese to simplified; other text passes unchanged."""
    return _convert_with("t2s.json", text)


def to_hant(text: str) -> str:
    """Simplified (or mixed) Chinese to traditional; other text passes unchanged."""
    return _convert_with("s2t.json", text)


def convert(text: str, target: Language) -> str:
    if target is Language.HANS:
        return to_hans(text)
    if target is Language.HANT:
        return to_hant(text)
    return text


def _changed(before: str, after: str) -> int:
    return sum(map(str.__ne__, before, after))


def detect_language(text: str) -> Language:
    """Guess the script of ``text``.

    Han text is traditional when converting it to simplified changes more characters than
    converting it to traditional does; with no Han characters at all it is English.
    """
    han = "".join(_HAN.findall(text[:5_000]))[:800]  # enough to decide; keeps reading fast
    if not han:
        return Language.EN
    if len(han) < 4 and len(_LATIN_WORD.findall(text)) > 3 * len(han):
        return Language.EN
    simplified_marks = _changed(han, to_hant(han))
    traditional_marks = _changed(han, to_hans(han))
    return Language.HANT if traditional_marks > simplified_marks else Language.HANS
