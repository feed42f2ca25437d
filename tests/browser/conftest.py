"""A real server and headless Chromium for the browser tests.

The app runs in a background thread on an ephemeral port (werkzeug's make_server), on its own
SQLite store with the seeds and the hostile article ingested; a second tiny server on another
port plays the third-party site that embeds the widget. Chromium is Debian's package at
/usr/bin/chromium (installed by `make pytest`); STDCAL_CHROMIUM points elsewhere if needed.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from playwright.sync_api import Browser, Page, sync_playwright
from support import PROJECT, SEEDS
from werkzeug.serving import BaseWSGIServer, make_server

from feeds.config import Settings

CHROMIUM = os.environ.get("STDCAL_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = PROJECT / "test-output" / "screenshots"
WSGI = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class _Late:
    """A WSGI app filled in after the server knows its port (the app's base URL needs it)."""

    app: WSGI | None = None

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        assert self.app is not None
        return self.app(environ, start_response)


def _serve(app: WSGI) -> Iterator[tuple[str, _Late]]:
    late = _Late()
    late.app = app
    server: BaseWSGIServer = make_server("127.0.0.1", 0, late, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", late
    finally:
        server.shutdown()
        thread.join(timeout=5)


def _not_ready(environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
    start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
    return [b"starting"]


@pytest.fixture(scope="module")
def live_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Flask]]:
    """(base URL, app): the service with the seeds and the hostile article ingested."""
    from pages.hostile import ingest_hostile

    from feeds.app import create_app

    directory: Path = tmp_path_factory.mktemp("live")
    for base, late in _serve(_not_ready):
        settings = Settings(
            database_url=f"sqlite:///{directory / 'stdcal.sqlite3'}",
            instance_dir=directory,
            seeds_dir=SEEDS,
            base_url=base,
            secret_key="browser-test",
            scheduler=False,
        )
        app = create_app(settings)
        ingest_hostile(app.extensions["stdcal"].sessions)
        late.app = app
        yield base, app


HOST_CSP = (
    "default-src 'none'; script-src {base}; connect-src {base}; style-src {base} 'unsafe-inline'; "
    "frame-src {base}; img-src data:"
)


@pytest.fixture(scope="module")
def host_site(live_app: tuple[str, Flask]) -> Iterator[str]:
    """Another origin embedding the widget: /widget?lang=..&mode=.. and /iframe?lang=.."""
    base = live_app[0]

    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
        from urllib.parse import parse_qs

        args = {k: v[0] for k, v in parse_qs(environ.get("QUERY_STRING", "")).items()}
        lang, mode = args.get("lang", "en"), args.get("mode", "")
        if environ["PATH_INFO"] == "/iframe":
            body = f'<iframe src="{base}/embed/events?lang={lang}" title="stdcal"></iframe>'
        else:
            body = (
                f'<script src="{base}/embed.js" defer></script>'
                f'<stdcal-events lang="{lang}" limit="5" mode="{mode}"></stdcal-events>'
            )
        page = (
            '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title>'
            '<link rel="icon" href="data:,">'
            "<style>a, li, h2 { color: rgb(255, 0, 0) !important; font-size: 40px; }</style>"
            f'</head><body><h1>Host page</h1><h2 class="host">Host heading</h2>{body}</body></html>'
        )
        headers = [
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Security-Policy", HOST_CSP.format(base=base)),
        ]
        start_response("200 OK", headers)
        return [page.encode()]

    for host, _late in _serve(app):
        yield host


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Watched:
    """A page with every console error, page error, CSP violation and dialog recorded."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        page.on("dialog", self._dialog)
        page.add_init_script(
            "window.__violations = [];"
            "document.addEventListener('securitypolicyviolation', e =>"
            " window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"
        )

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def violations(self) -> list[str]:
        return list(self.page.evaluate("window.__violations || []"))


@pytest.fixture
def watched(browser: Browser) -> Iterator[Watched]:
    context = browser.new_context(locale="en-US", viewport={"width": 390, "height": 844})
    page = context.new_page()
    yield Watched(page)
    context.close()
