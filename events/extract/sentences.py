"""Sentences of an article body: the unit that binds a date to its event."""

from __future__ import annotations

import re

_ZH_END = re.compile(r"(?<=[。!?;？])")
_EN_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z\"“(])")
# A period after these ends a word, not the sentence (``St. Kitts``, ``Dr. Smith``, ``Nov. 4``).
_ABBREVIATION = re.compile(
    r"(?:\b(?:St|Dr|Mr|Mrs|Ms|Prof|No|Nos|Vol|Inc|Ltd|Co|Corp|Jr|Sr|Gen|Gov|Hon|Mt|Ft|Rev|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|approx|e\.g|i\.e|vs|U\.S|U\.K)"
    r"|(?<![A-Za-z])[A-Z])\.$"
)


MAX_SENTENCE = 1_000
"""No real sentence is longer; a longer run (a page without punctuation) is cut at spaces or
commas, which bounds the work per date on hostile input."""


def split_sentences(body: str) -> list[str]:
    out: list[str] = []
    for paragraph in body.split("\n"):
        for part in _ZH_END.split(paragraph):
            for sentence in _english_split(part):
                out.extend(_bounded(sentence.strip()))
    return [s for s in out if s]


def _english_split(part: str) -> list[str]:
    if "." not in part and "!" not in part and "?" not in part and ";" not in part:
        return [part]
    pieces, start = [], 0
    for gap in _EN_END.finditer(part):
        if _ABBREVIATION.search(part, max(start, gap.start() - 8), gap.start()):
            continue
        pieces.append(part[start : gap.start()])
        start = gap.end()
    return [*pieces, part[start:]]


def _bounded(sentence: str) -> list[str]:
    pieces = []
    while len(sentence) > MAX_SENTENCE:
        window = sentence[:MAX_SENTENCE]
        cut = max(window.rfind(" "), window.rfind(","), window.rfind("、"))
        cut = cut if cut > MAX_SENTENCE // 2 else MAX_SENTENCE
        pieces.append(sentence[:cut])
        sentence = sentence[cut:].lstrip(" ,、")
    return [*pieces, sentence]
