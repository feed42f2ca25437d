"""`stdcal export DIR`: the public site as static files under the same URLs.

Every public URL is rendered through the app itself (a test client), so the static copy is
byte-identical to what the live service serves and needs no second renderer. A URL without a
file extension (a page) becomes ``…/index.html``, which every static server and CDN serves for
the directory; calendars, feeds and JSON keep their names and so their media types.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from flask import Flask

from events.store.queries import ArticleQuery, EventQuery, list_articles, list_events
from feeds.runtime import Runtime

STATIC_PATHS = (
    "/",
    "/articles",
    "/calendar.ics",
    "/feeds/rss.xml",
    "/feeds/atom.xml",
    "/feeds/feed.json",
    "/feeds/events.atom",
    "/feeds/events.rss",
    "/feeds/events.json",
    "/embed",
    "/embed/events",
    "/embed/events.json",
    "/api/events",
    "/embed.js",
    "/embed/help",
)


@dataclass(frozen=True)
class ExportReport:
    files: int
    bytes: int
    skipped: tuple[str, ...]


def public_paths(app: Flask) -> Iterator[str]:
    runtime = app.extensions["stdcal"]
    assert isinstance(runtime, Runtime)
    yield from STATIC_PATHS
    with runtime.sessions() as session:
        for event in list_events(session, EventQuery(dated_only=False)):
            yield f"/events/{event.id}"
            if event.event.dated:
                yield f"/events/{event.id}.ics"
        for item in list_articles(session, ArticleQuery(limit=10**9)):
            yield f"/articles/{item.id}"
    static = Path(app.static_folder or "")
    for path in sorted(static.rglob("*")):
        if path.is_file():
            yield f"{app.static_url_path}/{path.relative_to(static).as_posix()}"


def target_file(root: Path, url_path: str) -> Path:
    """`/` → index.html, `/events/3` → events/3/index.html, `/calendar.ics` → calendar.ics."""
    relative = url_path.strip("/")
    if not relative:
        return root / "index.html"
    if "." in relative.rsplit("/", 1)[-1]:
        return root / relative
    return root / relative / "index.html"


def export_site(app: Flask, root: Path, paths: Iterable[str] | None = None) -> ExportReport:
    client = app.test_client()
    files = size = 0
    skipped: list[str] = []
    for url_path in paths if paths is not None else public_paths(app):
        response = client.get(url_path)
        if response.status_code != 200:
            skipped.append(f"{url_path} ({response.status_code})")
            continue
        target = target_file(root, url_path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(response.data)
        files, size = files + 1, size + len(response.data)
    return ExportReport(files, size, tuple(skipped))
