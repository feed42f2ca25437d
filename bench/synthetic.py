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


def synthetic(n: int, seed: int = 7) -> list[tuple[Article, Event]]:
    rng = random.Random(seed)
    items = []
    for i in range(n):
        start = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(0, 2500))
        end = start + dt.timedelta(days=rng.choice([0, 0, 0, 1, 2, 6, 29]))
        city = rng.choice(CITIES)
        title = f"第{i + 1}届标准化创新发展大会"
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
            kind=rng.choice(KINDS),
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
