"""Each occurrence once: the same event found in two sentences (or under two names) is kept
once, and a later ``论坛将于9月6日结束`` ends the event that began earlier instead of starting
another.
"""

from __future__ import annotations

import dataclasses

from events.extract.context import ArticleContext
from events.extract.organisers import en_organisers, zh_organisers
from events.model import Event, Kind, Language


def keep(kept: list[Event], event: Event) -> None:
    """Add ``event`` unless it is an occurrence already kept (same kind and day, one title
    containing the other); the longer title or the surer reading wins."""
    twin = next((k for k in kept if _same(k, event)), None)
    if twin is None:
        kept.append(event)
    elif len(event.title) > len(twin.title) or event.confidence > twin.confidence:
        kept[kept.index(twin)] = dataclasses.replace(
            event, organisers=event.organisers or twin.organisers
        )


def _same(a: Event, b: Event) -> bool:
    if a.start != b.start or a.kind != b.kind:
        return False
    if a.series or b.series:
        return a.series == b.series
    return a.title in b.title or b.title in a.title


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
