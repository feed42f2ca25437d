"""Feed generation time for 50 / 500 / 5,000 entries (RSS, Atom, JSON Feed), and cached
/feeds/atom.xml requests per second (200 and 304) in one process.

    python bench/feeds.py
"""

from __future__ import annotations

import datetime as dt
import functools

from publish_common import app_with_store, articles, request_rate, timed

from feeds.entries import article_entry
from feeds.jsonfeed import render_json_feed
from feeds.syndication import ChannelMeta, render_atom, render_rss

META = ChannelMeta("stdcal", "bench", "zh-Hans", "http://b.example/feeds/atom.xml",
                   "http://b.example", "http://b.example/feeds/atom.xml",
                   dt.datetime(2024, 1, 1, tzinfo=dt.UTC))  # fmt: skip


def main() -> None:
    print("feed generation (entries built from articles, then rendered; best of 3)")
    print(f"  {'entries':>7}  {'RSS':>9}  {'Atom':>9}  {'JSON':>9}")
    for n in (50, 500, 5_000):
        items = [article_entry(a, "http://b.example", None) for a in articles(n)]
        renderers = (render_rss, render_atom, render_json_feed)
        cells = [timed(functools.partial(r, items, META)) * 1000 for r in renderers]
        print(f"  {n:>7,}  " + "  ".join(f"{c:>6.0f} ms" for c in cells))
    client = app_with_store(500).test_client()  # type: ignore[attr-defined]
    ok, not_modified = request_rate(client, "/feeds/atom.xml")
    print("cached /feeds/atom.xml (50 entries per page), in-process WSGI:")
    print(f"  200: {ok:,.0f} req/s   304: {not_modified:,.0f} req/s")


if __name__ == "__main__":
    main()
