"""Fill the configured store with N synthetic articles, each reporting one event.

Used by the benchmarks to give calendars and feeds a realistic size without depending on
extraction: `python bench/synthetic.py 500` (store from the STDCAL_* environment).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parent.parent)  # the project, not bench/

from events.model import Article, Event, Kind, Language, PartialDate
from events.store.db import upgrade
from events.store.writer import save_article
from feeds.config import Settings
from feeds.runtime import Runtime

CITIES = ["Beijing", "Shanghai", "Shenzhen", "Qingdao", "Tianjin", "Hangzhou", "Chengdu", None]
KINDS = [k for k in Kind if k is not Kind.OBSERVANCE]
DAYS = 2500  # about seven years of days, from 2020


def synthetic(n: int, seed: int = 7) -> list[tuple[Article, Event]]:
    """``n`` articles, each reporting an event of its own: the store merges reports of one
    occurrence (same day, kind and city), so day, kind and city are dealt out without repeats."""
    rng = random.Random(seed)
    items = []
    places = [c for c in CITIES if c]
    for i in range(n):
        day, combo = i % DAYS, i // DAYS
        start = dt.date(2020, 1, 1) + dt.timedelta(days=day)
        end = start + dt.timedelta(days=rng.choice([0, 0, 0, 1, 2, 6, 29]))
        kind = KINDS[combo % len(KINDS)]
        city = places[combo // len(KINDS)] if combo < len(KINDS) * len(places) else None
        title = f"标准化创新发展大会第{i + 1}场"
        body = f"{start.month}月{start.day}日,{title}在{city or '线上'}举行。" * 20
        article = Article(
            source=f"synthetic-{i}",
            title=title + "召开",
            body=body,
            language=Language.HANS,
            published=start,
            lead=body[:80],
            content_hash=hashlib.sha256(body.encode()).hexdigest(),
        )
        event = Event(
            title=title,
            start=PartialDate.from_date(start),
            end=PartialDate.from_date(end),
            kind=kind,
            city=city,
            organisers=("国家标准化管理委员会",),
            confidence=0.8,
            evidence=body[:60],
        )
        items.append((article, event))
    return items


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    runtime = Runtime.open(Settings.from_env())
    upgrade(runtime.engine)
    now = dt.datetime.now(dt.UTC)
    with runtime.sessions.begin() as session:
        for article, event in synthetic(count):
            save_article(
                session,
                locator=article.source,
                raw=article.body.encode(),
                article=article,
                events=[event],
                now=now,
            )


if __name__ == "__main__":
    main()
