"""Fixtures for the scheduler tests: the local news site, and an app without the seeds so
every article the service shows came from a source under test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from local_site import Site, page, serve

from feeds.config import Settings


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.with_overrides(ingest_seeds=False)


@pytest.fixture
def site() -> Iterator[Site]:
    """The site as a test starts: a feed listing the Hangzhou forum and the Shenzhen workshop."""
    pages = {
        "/news/forum.html": page("forum_hangzhou"),
        "/news/workshop.html": page("workshop_shenzhen"),
    }
    with serve(Site(pages=pages, listed=list(pages))) as running:
        yield running
