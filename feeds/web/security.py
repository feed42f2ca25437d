"""Security headers on every response and safe links from article data.

Pages run no inline script (CSP without 'unsafe-inline'), are never framed except the embed
view, and links taken from articles keep only http(s) schemes so no `javascript:` URL from a
source ever reaches a page.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask, Response, request

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
EMBED_PREFIX = "/embed"


def http_url(value: object) -> str | None:
    """The URL when it is absolute http(s) with a host; otherwise nothing to link to."""
    if not isinstance(value, str) or any(ord(c) < 33 for c in value):
        return None
    parts = urlsplit(value)
    return value if parts.scheme in {"http", "https"} and parts.netloc else None


def register(app: Flask) -> None:
    app.jinja_env.filters["http_url"] = http_url

    @app.after_request
    def headers(response: Response) -> Response:
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        if request.path.startswith(EMBED_PREFIX):
            response.headers.setdefault(
                "Content-Security-Policy",
                CSP.replace("frame-ancestors 'none'", "frame-ancestors *"),
            )
        else:
            response.headers.setdefault("Content-Security-Policy", CSP)
            response.headers.setdefault("X-Frame-Options", "DENY")
        return response
