"""Extraction throughput: articles per second and peak memory on a generated corpus.

The corpus is built from the seed articles with their dates, cities, numbers and names varied
(thousands of articles of seed length, in all three scripts), so the figure reflects real
sentence shapes rather than a toy input. One process, one core.

    python bench/extract.py [--articles 3000]
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[0] = str(ROOT)  # the project, not bench/ (whose http.py would shadow the stdlib)

from events.extract import extract
from events.read import read_bytes

CITIES = ["深圳", "青岛", "天津", "杭州", "成都", "武汉", "西安", "苏州", "厦门", "宁波"]


def corpus(n: int, seed: int = 11) -> list[bytes]:
    """``n`` seed-like articles: each seed with months, days, years and cities replaced."""
    rng = random.Random(seed)
    seeds = [p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    out = []
    for i in range(n):
        text = seeds[i % len(seeds)]
        text = re.sub(r"(?<!\d)(20\d\d)(?=年|-| )", lambda _: str(rng.randrange(2015, 2030)), text)
        text = re.sub(
            r"(\d{1,2})月(\d{1,2})日",
            lambda _: f"{rng.randrange(1, 13)}月{rng.randrange(1, 29)}日",
            text,
        )
        text = text.replace("深圳", rng.choice(CITIES)).replace("青岛", rng.choice(CITIES))
        out.append(f"{text}\n{i}".encode())
    return out


def _rate(n: int, wall: float, cpu: float) -> str:
    """Per wall-clock second, and per CPU second (what one core does when nothing else runs)."""
    return f"{n / wall:,.0f} articles/s wall, {n / cpu:,.0f} per CPU-second"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=3000)
    args = parser.parse_args()
    raw = corpus(args.articles)
    size = sum(map(len, raw)) / len(raw)

    started, cpu = time.perf_counter(), time.process_time()
    articles = [read_bytes(r, f"bench-{i}.txt") for i, r in enumerate(raw)]
    read_seconds, read_cpu = time.perf_counter() - started, time.process_time() - cpu

    started, cpu = time.perf_counter(), time.process_time()
    events = sum(len(extract(a)) for a in articles)
    extract_seconds, extract_cpu = time.perf_counter() - started, time.process_time() - cpu

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n = len(articles)
    rows = [
        ("articles", f"{n}"),
        ("mean article size", f"{size / 1024:.1f} KiB"),
        ("events found", f"{events}"),
        ("read (decode+clean+parts)", _rate(n, read_seconds, read_cpu)),
        ("extract", _rate(n, extract_seconds, extract_cpu)),
        ("read + extract", _rate(n, read_seconds + extract_seconds, read_cpu + extract_cpu)),
        ("peak RSS", f"{peak_mb:,.0f} MiB"),
    ]
    width = max(len(k) for k, _ in rows)
    print("stdcal extraction benchmark (one process)")
    for key, value in rows:
        print(f"  {key:<{width}}  {value}")


if __name__ == "__main__":
    main()
