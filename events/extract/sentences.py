"""Sentences of an article body: the unit that binds a date to its event."""

from __future__ import annotations

import re

_ZH_END = re.compile(r"(?<=[。!?;？])")
_EN_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z\"“(])")


def split_sentences(body: str) -> list[str]:
    out: list[str] = []
    for paragraph in body.split("\n"):
        for part in _ZH_END.split(paragraph):
            out.extend(s.strip() for s in _EN_END.split(part) if s.strip())
    return out
