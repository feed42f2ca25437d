"""Shared by bench/ics.py and bench/feeds.py: synthetic published objects and a timed app.

Generation is timed on domain objects (no database) so the figures are the renderers' own;
the request rates come from the real app on a store filled by bench/synthetic.py, through
the WSGI interface in one process (bench/http.py measures over real sockets).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[0] = str(ROOT)  # the project, not bench/ (its http.py shadows the stdlib)

from events.model import (
    Article,
    Event,
    Kind,
    Language,
    PartialDate,
    PublishedArticle,
    PublishedEvent,
    SourceRef,
    Status,
)

CITIES = ["Beijing", "Shanghai", "Shenzhen", "Qingdao", "Tianjin", None]
STAMP = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)


def events(n: int, seed: int = 3) -> list[PublishedEvent]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        start = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(3000))
        end = start + dt.timedelta(days=rng.choice([0, 0, 1, 6]))
        event = Event(
            title=f"第{i}届标准化创新发展大会",
            start=PartialDate.from_date(start),
            end=PartialDate.from_date(end),
            kind=rng.choice([k for k in Kind if k is not Kind.OBSERVANCE]),
            time=dt.time(9, 30) if i % 4 == 0 else None,
            city=rng.choice(CITIES),
            organisers=("深圳市市场监督管理局",),
            evidence=f"{start.month}月{start.day}日,大会在深圳召开。" * 3,
        )
        source = SourceRef(i, "大会召开", f"https://example.cn/{i}.html", event.evidence,
                           Language.HANS)  # fmt: skip
        out.append(
            PublishedEvent(i, f"ev-{i:08x}", event, Status.CONFIRMED, 0, STAMP, STAMP, (source,))
        )
    return out


def articles(n: int) -> list[PublishedArticle]:
    body = ("2021年10月14日是第52届世界标准日,深圳于10月15日召开纪念大会。" * 40 + "\n") * 5
    return [
        PublishedArticle(
            i,
            Article(
                f"a{i}",
                f"标准化新闻{i}",
                body,
                Language.HANS,
                dt.date(2021, 10, 19),
                lead=body[:120],
            ),
            STAMP,
            STAMP,
        )
        for i in range(n)
    ]


def timed(fn: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def app_with_store(events_in_store: int) -> object:
    """The real app over a temporary SQLite store: the seeds plus synthetic events."""
    tmp = Path(tempfile.mkdtemp(prefix="stdcal-bench-"))
    os.environ.update(STDCAL_INSTANCE_DIR=str(tmp), STDCAL_SCHEDULER="0", STDCAL_SECRET_KEY="bench")
    os.environ.pop("STDCAL_DATABASE_URL", None)
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "synthetic.py"), str(events_in_store)],
        check=True,
        cwd=ROOT,
    )
    from feeds.app import create_app

    return create_app()


def request_rate(client: object, path: str, seconds: float = 2.0) -> tuple[float, float]:
    """Requests per second for 200 and for 304 (If-None-Match) on ``path``."""
    get = client.get  # type: ignore[attr-defined]
    first = get(path)
    etag = first.headers["ETag"]
    rates = []
    for headers in ({}, {"If-None-Match": etag}):
        count, started = 0, time.perf_counter()
        while time.perf_counter() - started < seconds:
            response = get(path, headers=headers)
            assert response.status_code in (200, 304)
            count += 1
        rates.append(count / (time.perf_counter() - started))
    return rates[0], rates[1]
