"""Security at one boundary: headers on every response, plain error pages, write protection.

Pages run no inline script (CSP without 'unsafe-inline'), are never framed except the embed
view, and links taken from articles keep only http(s) schemes so no `javascript:` URL from a
source ever reaches a page. Every response gets the headers, errors included, and an error
never shows a traceback: it is a short plain-text page, the exception goes to the log.

Public routes answer GET and HEAD only (routing refuses the rest with 405). A route that does
accept a data-changing method is reachable only with ``Authorization: Bearer
$STDCAL_EDITOR_TOKEN``; with no token configured every change is refused. A bearer header is
never sent by a browser on its own, so a cross-site form cannot ride on an editor's session;
and as a second guard against cross-site request forgery, a change that a browser marks as
coming from another site (``Sec-Fetch-Site``, or an ``Origin`` other than this service's) is
refused before the token is even looked at.
Request bodies are bounded by ``MAX_CONTENT_LENGTH`` before any view reads them.
"""

from __future__ import annotations

import hmac
import logging
from urllib.parse import urlsplit

from flask import Flask, Request, Response, current_app, request
from flask.sessions import SessionInterface, SessionMixin
from werkzeug.exceptions import (
    Forbidden,
    HTTPException,
    InternalServerError,
    RequestEntityTooLarge,
    Unauthorized,
)

log = logging.getLogger(__name__)

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
EMBED_PREFIX = "/embed"
COMMON_HEADERS = (
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
)
PAGE_HEADERS = (*COMMON_HEADERS, ("Content-Security-Policy", CSP), ("X-Frame-Options", "DENY"))
EMBED_HEADERS = (  # the widget's frame may be shown on any site
    *COMMON_HEADERS,
    ("Content-Security-Policy", CSP.replace("frame-ancestors 'none'", "frame-ancestors *")),
)
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def http_url(value: object) -> str | None:
    """The URL when it is absolute http(s) with a host; otherwise nothing to link to."""
    if not isinstance(value, str) or any(ord(c) < 33 for c in value):
        return None
    parts = urlsplit(value)
    return value if parts.scheme in {"http", "https"} and parts.netloc else None


def editor_allowed(header: str | None, token: str | None) -> bool:
    """Whether an ``Authorization`` header carries the editor token (compared in constant time)."""
    if not token or not header or not header.startswith("Bearer "):
        return False
    return hmac.compare_digest(header.removeprefix("Bearer ").encode(), token.encode())


def cross_site(request: Request, base_url: str) -> bool:
    """Whether a browser says this request comes from another site. Clients that are not
    browsers (the CLI, curl) send neither header and are judged by the token alone."""
    if request.headers.get("Sec-Fetch-Site", "same-origin") not in {"same-origin", "none"}:
        return True
    origin = request.headers.get("Origin")
    if origin is None:
        return False
    own = {_origin(request.host_url), _origin(base_url)}
    return _origin(origin) not in own


def _origin(url: str) -> str:
    parts = urlsplit(url.strip())
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def plain_error(error: HTTPException) -> Response:
    """``404 Not Found`` and a sentence: no template, no traceback, no request echo."""
    text = f"{error.code} {error.name}\n\n{error.description or ''}\n"
    response = Response(text, status=error.code, content_type="text/plain; charset=utf-8")
    for name, value in error.get_headers():
        if name.lower() not in {"content-type", "content-length"}:
            response.headers[name] = value
    return response


class NoSessions(SessionInterface):
    """stdcal keeps no per-visitor state in signed cookies (the locale is a plain cookie and
    editors send a bearer token), so Flask's session is never opened: that saves a signature
    check on every request, most of which are calendar and feed polls."""

    def open_session(self, app: Flask, request: Request) -> None:
        return None  # Flask substitutes its inert NullSession

    def save_session(self, app: Flask, session: SessionMixin, response: Response) -> None:
        return None


def register(app: Flask) -> None:
    app.jinja_env.filters["http_url"] = http_url
    app.session_interface = NoSessions()

    @app.before_request
    def guard() -> None:
        limit = current_app.config.get("MAX_CONTENT_LENGTH")
        if limit is not None and (request.content_length or 0) > limit:
            raise RequestEntityTooLarge(f"request bodies are limited to {limit} bytes")
        if request.method in SAFE_METHODS or request.routing_exception is not None:
            return  # reads go on; 404 and 405 come from routing as usual
        if cross_site(request, current_app.extensions["stdcal"].settings.base_url):
            raise Forbidden("changes are accepted only from this service's own pages")
        token = current_app.extensions["stdcal"].settings.editor_token
        if token is None:
            raise Forbidden("changes are disabled: no STDCAL_EDITOR_TOKEN is configured")
        if not editor_allowed(request.headers.get("Authorization"), token):
            raise Unauthorized(
                "send Authorization: Bearer <STDCAL_EDITOR_TOKEN>",
                www_authenticate=None,
            )

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> Response:
        response = plain_error(error)
        if error.code == 401:
            response.headers["WWW-Authenticate"] = 'Bearer realm="stdcal"'
        return response

    @app.errorhandler(Exception)
    def unexpected(error: Exception) -> Response:
        log.error("unhandled error on %s %s", request.method, request.path, exc_info=error)
        return plain_error(InternalServerError())

    @app.after_request
    def headers(response: Response) -> Response:
        # added, not set-if-absent: no view sets these, and each absent-key lookup costs
        # Werkzeug an exception, on every calendar poll
        response.headers.extend(
            EMBED_HEADERS if request.path.startswith(EMBED_PREFIX) else PAGE_HEADERS
        )
        return response
