"""Calendar generation time for 1,000 / 10,000 / 100,000 events, and cached /calendar.ics
requests per second (200 and 304) in one process.

    python bench/ics.py [--max 100000]
"""

from __future__ import annotations

import argparse
import datetime as dt

from publish_common import app_with_store, events, request_rate, timed

from events.model import Language
from feeds.ics import CalendarMeta, render_calendar

META = CalendarMeta("stdcal", "bench", "bench.example", "http://bench.example",
                    dt.timedelta(hours=12), Language.HANS)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--max", type=int, default=100_000)
    args = parser.parse_args()
    print("calendar generation (feeds.ics.render_calendar, best of 3 below 100k, else 1 run)")
    for n in (1_000, 10_000, 100_000):
        if n > args.max:
            continue
        items = events(n)
        seconds = timed(lambda items=items: render_calendar(items, META), 3 if n < 100_000 else 1)
        size = len(render_calendar(items[:1000], META)) * n / 1000
        print(f"  {n:>7,} events  {seconds * 1000:>9.0f} ms  {n / seconds:>9,.0f} events/s  "
              f"~{size / 1e6:,.1f} MB")  # fmt: skip
    client = app_with_store(1_000).test_client()  # type: ignore[attr-defined]
    ok, not_modified = request_rate(client, "/calendar.ics")
    print("cached /calendar.ics, 1,000 events + seeds, in-process WSGI:")
    print(f"  200: {ok:,.0f} req/s   304: {not_modified:,.0f} req/s")


if __name__ == "__main__":
    main()
