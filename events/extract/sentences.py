"""Sentences of an article body: the unit that binds a date to its event."""

from __future__ import annotations

import re

_ZH_END = re.compile(r"(?<=[。!?;？])")
_EN_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z\"“(])")


MAX_SENTENCE = 1_000
"""No real sentence is longer; a longer run (a page without punctuation) is cut at spaces or
commas, which bounds the work per date on hostile input."""


def split_sentences(body: str) -> list[str]:
    out: list[str] = []
    for paragraph in body.split("\n"):
        for part in _ZH_END.split(paragraph):
            for sentence in _EN_END.split(part):
                out.extend(_bounded(sentence.strip()))
    return [s for s in out if s]


def _bounded(sentence: str) -> list[str]:
    pieces = []
    while len(sentence) > MAX_SENTENCE:
        window = sentence[:MAX_SENTENCE]
        cut = max(window.rfind(" "), window.rfind(","), window.rfind("、"))
        cut = cut if cut > MAX_SENTENCE // 2 else MAX_SENTENCE
        pieces.append(sentence[:cut])
        sentence = sentence[cut:].lstrip(" ,、")
    return [*pieces, sentence]
