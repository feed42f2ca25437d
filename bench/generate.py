"""Generation cost and how it grows: calendars of 1,000 / 10,000 / 100,000 events and feeds of
50 / 500 / 5,000 entries, timed on domain objects (no database, no HTTP).

    python bench/generate.py [--max-events 100000]

A calendar is measured three ways, because the service meets all three: ``cold`` renders every
VEVENT with icalendar (a fresh worker's first request); ``changed`` regenerates after one event
changed, with the other events' VEVENT bytes in the chunk cache (what an ingest costs);
``same`` assembles it again from the cache. Peak memory is the process's maximum resident set
after the step (ru_maxrss; sizes run in increasing order, so each figure bounds that size).
``growth`` is the cost per item relative to the previous size: 1.00 is linear.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import functools
import resource
import sys
import time
from collections.abc import Callable

from publish_common import articles, events

from events.model import Language, PublishedEvent
from feeds.cache import ChunkCache
from feeds.entries import article_entry
from feeds.ics import CalendarMeta, render_calendar, vevent_component
from feeds.ics_values import vevent_values
from feeds.ics_writer import vevent_bytes
from feeds.jsonfeed import render_json_feed
from feeds.syndication import ChannelMeta, render_atom, render_rss

META = CalendarMeta("stdcal", "bench", "bench.example", "http://bench.example",
                    dt.timedelta(hours=12), Language.HANS)  # fmt: skip
CHANNEL = ChannelMeta("stdcal", "bench", "zh-Hans", "http://b.example/feeds/atom.xml",
                      "http://b.example", "http://b.example/feeds/atom.xml",
                      dt.datetime(2024, 1, 1, tzinfo=dt.UTC))  # fmt: skip


def peak_mb() -> float:
    kilobytes = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kB on Linux
    return kilobytes / 1024 if sys.platform != "darwin" else kilobytes / 2**20


def seconds(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def touched(items: list[PublishedEvent]) -> list[PublishedEvent]:
    """The same events with one of them edited, as after an ingest."""
    first = items[0]
    edited = dataclasses.replace(first, sequence=first.sequence + 1)
    return [edited, *items[1:]]


def calendars(sizes: list[int]) -> None:
    print("calendar generation (feeds.ics.render_calendar)")
    print(f"  {'events':>7}  {'cold':>8}  {'µs/event':>8}  {'growth':>6}  {'changed':>8}  "
          f"{'same':>8}  {'size':>8}  {'peak RSS':>8}")  # fmt: skip
    previous: float | None = None
    for n in sizes:
        items = events(n)
        chunks = ChunkCache(1 << 40)  # unbounded here: the bench measures, the app bounds
        body = b""

        def build(items: list[PublishedEvent] = items, chunks: ChunkCache = chunks) -> None:
            nonlocal body
            body = render_calendar(items, META, chunks)

        cold = seconds(build)
        changed = seconds(lambda: render_calendar(touched(items), META, chunks))  # noqa: B023
        same = seconds(build)
        per_item = cold / n * 1e6
        growth = f"{per_item / previous:.2f}" if previous else "-"
        previous = per_item
        print(f"  {n:>7,}  {cold:>7.2f}s  {per_item:>8.0f}  {growth:>6}  {changed:>7.3f}s  "
              f"{same:>7.3f}s  {len(body) / 1e6:>6.1f}MB  {peak_mb():>6.0f}MB")  # fmt: skip


def vevents(n: int) -> None:
    """One VEVENT, icalendar (the reference) against the direct writer, per script: the same
    values (feeds.ics_values) built and serialized, best of 3, and the bytes compared."""
    print(f"VEVENT rendering, {n:,} events (µs per event, best of 3; bytes equal checked)")
    print(f"  {'language':<9} {'values':>8} {'icalendar':>10} {'direct':>8} {'speed-up':>9}")
    items = events(n)
    for language in Language:
        meta = dataclasses.replace(META, language=language)
        values = [vevent_values(pe, meta) for pe in items]
        assert [vevent_bytes(v) for v in values] == [vevent_component(v).to_ical() for v in values]

        def best(fn: Callable[[], object]) -> float:
            return min(seconds(fn) for _ in range(3)) / n * 1e6

        made = best(lambda: [vevent_values(pe, meta) for pe in items])  # noqa: B023
        reference = best(lambda: [vevent_component(v).to_ical() for v in values])  # noqa: B023
        direct = best(lambda: [vevent_bytes(v) for v in values])  # noqa: B023
        speedup = (made + reference) / (made + direct)
        print(f"  {language.value:<9} {made:>8.0f} {made + reference:>10.0f} {made + direct:>8.0f} "
              f"{speedup:>8.1f}x")  # fmt: skip


def feeds(sizes: list[int]) -> None:
    print("feed generation (entries from articles, then each format; µs per entry)")
    print(f"  {'entries':>7}  {'RSS':>16}  {'Atom':>16}  {'JSON':>16}  {'growth':>6}  "
          f"{'peak RSS':>8}")  # fmt: skip
    previous: float | None = None
    for n in sizes:
        items = [article_entry(a, "http://b.example", None) for a in articles(n)]
        cells, total = [], 0.0
        for render in (render_rss, render_atom, render_json_feed):
            spent = min(seconds(functools.partial(render, items, CHANNEL)) for _ in range(3))
            total += spent
            cells.append(f"{spent * 1000:>7.0f}ms {spent / n * 1e6:>5.0f}µs")
        growth = f"{total / n / previous:.2f}" if previous else "-"
        previous = total / n
        print(f"  {n:>7,}  " + "  ".join(cells) + f"  {growth:>6}  {peak_mb():>6.0f}MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-events", type=int, default=100_000)
    parser.add_argument("--max-entries", type=int, default=5_000)
    options = parser.parse_args()
    vevents(min(10_000, options.max_events))
    calendars([n for n in (1_000, 10_000, 100_000) if n <= options.max_events])
    feeds([n for n in (50, 500, 5_000) if n <= options.max_entries])


if __name__ == "__main__":
    main()
