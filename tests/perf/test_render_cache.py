"""The render cache holds at most its byte budget of bodies (the newest always), so a worker
with huge calendars keeps the recent ones, not all of them."""

from __future__ import annotations

import datetime as dt

from feeds.cache import RenderCache

NOW = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)


def put(cache: RenderCache, key: str, body: bytes, version: int = 1) -> bool:
    """Whether ``key`` had to be rendered (it was not held)."""
    rendered: list[bytes] = []

    def render() -> tuple[bytes, dt.datetime]:
        rendered.append(body)
        return body, NOW

    cache.get(key, version, render)
    return bool(rendered)


def test_bodies_over_the_byte_budget_are_evicted_oldest_first() -> None:
    cache = RenderCache(max_bytes=10)
    assert put(cache, "a", b"aaaa") and put(cache, "b", b"bbbb")
    assert cache.bytes == 8
    assert not put(cache, "a", b"aaaa")  # a hit: "a" becomes the most recent
    assert put(cache, "c", b"cccc")  # 12 bytes: the least recent ("b") goes
    assert cache.bytes == 8
    assert not put(cache, "a", b"aaaa")
    assert put(cache, "b", b"bbbb")


def test_one_body_larger_than_the_budget_is_still_kept_alone() -> None:
    cache = RenderCache(max_bytes=10)
    put(cache, "a", b"aaaa")
    put(cache, "huge", b"x" * 50)
    assert cache.bytes == 50
    assert not put(cache, "huge", b"x" * 50)


def test_a_new_version_replaces_the_entry_and_its_bytes() -> None:
    cache = RenderCache(max_bytes=100)
    put(cache, "a", b"a" * 30, version=1)
    put(cache, "a", b"a" * 40, version=2)
    assert cache.bytes == 40
