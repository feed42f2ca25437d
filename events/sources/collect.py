"""One collection pass over a source: what it offers now, as RawInputs ready for ingest.

A source that cannot be read at all (a missing directory, an unreachable feed or list page)
raises :class:`ReadError`, which ``events.refresh`` records as a failed run with a backoff. A
single article that fails is a ``failures`` entry and the rest go on. Pages answered with 304
are listed in ``seen`` so the refresh does not count them as gone. List pages (the feed, the
html index) are always fetched whole: they say which articles still exist and carry each
entry's date and title, which a 304 would not give back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from events.errors import ReadError
from events.model import RawInput
from events.read.decode import decode
from events.sources.config import SourceConfig
from events.sources.directory import read_directory
from events.sources.feed import parse_feed
from events.sources.fetch import Limits, fetch
from events.sources.links import article_links

Validators = Mapping[str, Mapping[str, str]]


@dataclass(frozen=True)
class Collected:
    inputs: list[RawInput] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (locator or URL, reason)
    validators: dict[str, dict[str, str]] = field(default_factory=dict)  # per page URL
    seen: list[str] = field(default_factory=list)  # still listed, not re-fetched (304)


def collect(source: SourceConfig, validators: Validators) -> Collected:
    """Everything ``source`` offers now; ``validators`` are those a previous pass returned."""
    if source.type == "directory":
        return _collect_directory(source)
    limits = Limits(source.max_bytes, source.timeout_seconds, source.allow_private)
    listing = fetch(source.location, limits)
    if source.type == "feed":
        entries = parse_feed(listing.body, listing.final_url)
        pages: list[tuple[str, dict[str, object]]] = []
        failures: list[tuple[str, str]] = []
        for entry in entries:
            if not entry.link:
                failures.append((source.location, f"feed entry {entry.title!r} has no link"))
                continue
            meta: dict[str, object] = {"url": entry.link}
            if entry.published:
                meta["published"] = entry.published
            if entry.title:
                meta["title"] = entry.title
            pages.append((entry.link, meta))
        return _collect_pages(source, limits, _unique(pages), validators, failures)
    if source.type == "html":
        text, _report = decode(listing.body, listing.content_type)
        links = article_links(text, listing.final_url, source.link_pattern or ".")
        pages = [(link, {"url": link}) for link in links]
        return _collect_pages(source, limits, pages, validators, [])
    raise ReadError(source.name, f"unknown source type {source.type!r}")


def _collect_directory(source: SourceConfig) -> Collected:
    root = Path(source.location)
    if not root.is_dir():
        raise ReadError(source.location, "no such directory")
    inputs, failures = read_directory(root, source.defaults(), source.max_bytes)
    return Collected(inputs=inputs, failures=failures)


def _collect_pages(
    source: SourceConfig,
    limits: Limits,
    pages: list[tuple[str, dict[str, object]]],
    validators: Validators,
    failures: list[tuple[str, str]],
) -> Collected:
    """Fetch each listed page (conditionally when validators are known); never raise."""
    result = Collected(failures=failures)
    for url, entry_meta in pages:
        try:
            page = fetch(url, limits, validators.get(url))
        except ReadError as exc:
            result.failures.append((url, exc.reason))
            continue
        if page.validators:
            result.validators[url] = page.validators
        if page.not_modified:
            result.seen.append(url)
            continue
        meta = {**source.defaults(), **entry_meta}
        result.inputs.append(RawInput(url, page.body, page.content_type, meta))
    return result


def _unique(
    pages: list[tuple[str, dict[str, object]]],
) -> list[tuple[str, dict[str, object]]]:
    """A link listed twice is fetched once, with the metadata of its first entry."""
    found: dict[str, dict[str, object]] = {}
    for url, meta in pages:
        found.setdefault(url, meta)
    return list(found.items())
