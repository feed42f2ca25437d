"""Each occurrence once: the same event found in two sentences (or under two names) is kept
once, and a later ``论坛将于9月6日结束`` ends the event that began earlier instead of starting
another.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from difflib import SequenceMatcher

from events.extract.context import ArticleContext
from events.extract.lexicon import head_kind
from events.extract.organisers import en_organisers, zh_organisers
from events.model import Event, Kind, Language, PartialDate

_CLOSING = re.compile(r"结束|結束|闭幕|閉幕|落幕|闭会|閉會|\b(?:closes|concludes|ends|wraps up)\b")
_LONGEST_RUN = 5  # a shared run of this many characters names the same event (标准化论坛)


def keep(kept: list[Event], event: Event, clause: str = "") -> None:
    """Add ``event`` unless it is an occurrence already kept (same kind and days, names that
    share a run of words); the longer title or the surer reading wins. A closing day
    (``论坛将于9月6日结束``) ends the one-day event of that name begun shortly before."""
    if _CLOSING.search(clause) and _extends(kept, event):
        return
    twin = next((k for k in kept if _same(k, event)), None)
    if twin is None:
        kept.append(event)
    elif len(event.title) > len(twin.title) or event.confidence > twin.confidence:
        kept[kept.index(twin)] = dataclasses.replace(
            event, organisers=event.organisers or twin.organisers
        )


def _extends(kept: list[Event], closing: Event) -> bool:
    for index, begun in enumerate(kept):
        if begun.kind is not closing.kind or begun.series or begun.end != begun.start:
            continue
        if not (begun.start.known == closing.start.known and begun.start < closing.start):
            continue
        if not _related(begun.title, closing.title):
            continue
        if _days(begun.start, closing.start) <= 14:
            kept[index] = dataclasses.replace(begun, end=closing.start)
            return True
    return False


def _days(first: PartialDate, last: PartialDate) -> int:
    def day(d: PartialDate) -> dt.date:
        return dt.date(d.year or 2000, d.month, d.day)

    return (day(last) - day(first)).days


_MARKS = re.compile(r"[^\w]+")  # 「關心地球、寶貝能源」園遊會 names 寶貝能源園遊會 too


def _related(a: str, b: str) -> bool:
    a, b = _MARKS.sub("", a), _MARKS.sub("", b)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    match = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return match.size >= _LONGEST_RUN


def _same(a: Event, b: Event) -> bool:
    if a.start != b.start or a.kind != b.kind:
        return False
    if a.series or b.series:
        return a.series == b.series
    if a.kind is Kind.DEADLINE:
        return True  # one day something is due by, however each sentence words it
    return a.end == b.end and _related(a.title, b.title)


def share_organisers(ctx: ArticleContext, events: list[Event]) -> None:
    """An article about one event often names its organisers in another sentence."""
    main = [i for i, e in enumerate(events) if e.kind not in (Kind.OBSERVANCE, Kind.DEADLINE)]
    if len(main) != 1 or events[main[0]].organisers:
        return
    body = ctx.article.body
    found = (
        en_organisers(body)
        if ctx.article.language is Language.EN
        else zh_organisers(body, ctx.city_zh)
    )
    if found:
        events[main[0]] = dataclasses.replace(events[main[0]], organisers=tuple(found))


def drop_shadows(events: list[Event]) -> list[Event]:
    """An event of no particular kind on exactly the days of an event the text names as a
    meeting, a forum, a campaign… is the same occurrence read from a page's furniture or a
    stray clause (``- 6 -`` over a Study Group's dates): only the named one is kept, and a
    ceremony or exhibition named for itself (``启动仪式``) stays beside it."""
    kinds = {(e.start, e.end) for e in events if e.kind not in (Kind.OTHER, Kind.OBSERVANCE)}
    return [
        e
        for e in events
        if e.kind is not Kind.OTHER
        or (e.start, e.end) not in kinds
        or head_kind(e.title) is Kind.OTHER  # a named ceremony or exhibition of its own
    ]
