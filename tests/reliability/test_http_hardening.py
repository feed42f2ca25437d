"""HTTP hardening: the headers on every response (errors too), no traceback ever, bounded
request bodies, read-only public routes, and changes only with the editor's bearer token."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.engine import Engine

from feeds.app import create_app
from feeds.config import Settings

pytestmark = pytest.mark.store

WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE")
HEADERS = ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy")


def public_paths(app: Flask, *, editing: bool = False) -> list[str]:
    """Every read-only route of the app (or, with ``editing``, every route that takes changes)
    with its parameters filled in (id 1, the static app script)."""
    paths = []
    for rule in app.url_map.iter_rules():
        if ("POST" in (rule.methods or set())) != editing:
            continue
        path = re.sub(r"<int:\w+>", "1", rule.rule).replace("<path:filename>", "app.js")
        paths.append(path)
    return sorted(set(paths))


def assert_hardened(response_path: str, response: object) -> None:
    headers = response.headers  # type: ignore[attr-defined]
    for name in HEADERS:
        assert name in headers, (response_path, name)
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "'unsafe-inline'" not in headers["Content-Security-Policy"]
    if response_path.startswith("/embed"):
        assert "X-Frame-Options" not in headers
    else:
        assert headers["X-Frame-Options"] == "DENY", response_path
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]


def test_every_route_refuses_write_methods_with_headers(app: Flask, client: FlaskClient) -> None:
    paths = public_paths(app)
    assert "/calendar.ics" in paths and "/feeds/atom.xml" in paths and "/" in paths
    for path in paths:
        assert_hardened(path, client.get(path))
        assert client.head(path).status_code in {200, 404}, path
        for method in WRITE_METHODS:
            response = client.open(path, method=method, data=b"x=1")
            assert response.status_code == 405, (method, path)
            assert "GET" in response.headers["Allow"]
            assert_hardened(path, response)


def test_routes_that_take_changes_refuse_anonymous_writes(app: Flask, client: FlaskClient) -> None:
    paths = public_paths(app, editing=True)
    assert "/review/1" in paths
    for path in paths:
        for method in WRITE_METHODS:
            response = client.open(path, method=method, data=b"action=hide")
            assert response.status_code in {401, 403, 405}, (method, path)
            assert_hardened(path, response)
        assert client.post(path, data=b"action=hide").status_code in {401, 403}, path


@pytest.mark.parametrize(
    ("path", "status"),
    [("/no-such-page", 404), ("/events/999999", 404), ("/calendar.ics?from=not-a-date", 400)],
)
def test_errors_are_plain_pages_with_headers(client: FlaskClient, path: str, status: int) -> None:
    response = client.get(path)
    assert response.status_code == status
    assert response.mimetype == "text/plain"
    assert "<" not in response.get_data(as_text=True)
    assert_hardened(path, response)


def test_request_bodies_over_the_limit_are_refused(app: Flask, client: FlaskClient) -> None:
    limit = app.config["MAX_CONTENT_LENGTH"]
    assert limit and limit <= 1024 * 1024
    response = client.post("/calendar.ics", data=b"x" * (limit + 1))
    assert response.status_code == 413
    assert_hardened("/calendar.ics", response)
    assert client.get("/", data=b"x" * (limit + 1)).status_code == 413  # even on a read


def _app_with_routes(settings: Settings, engine: Engine) -> Flask:
    """The real app plus a failing page and a data-changing route, as a future editor view
    would be: the boundary must protect routes it has never seen."""
    app = create_app(settings, engine=engine)

    def crash() -> str:
        raise RuntimeError("secret detail /etc/passwd in a traceback")

    def change() -> str:
        return "changed"

    app.add_url_rule("/crash", "crash", crash)
    app.add_url_rule("/edit", "edit", change, methods=["POST", "PUT", "DELETE"])
    return app


def test_crash_is_a_plain_500_without_traceback(settings: Settings, engine: Engine) -> None:
    app = _app_with_routes(settings, engine)
    assert not app.debug and not app.testing
    response = app.test_client().get("/crash")
    assert response.status_code == 500
    body = response.get_data(as_text=True)
    assert "Traceback" not in body and "secret detail" not in body and "RuntimeError" not in body
    assert_hardened("/crash", response)


def test_changes_are_refused_without_a_configured_token(settings: Settings, engine: Engine) -> None:
    client = _app_with_routes(settings, engine).test_client()
    for method in ("POST", "PUT", "DELETE"):
        response = client.open("/edit", method=method, headers={"Authorization": "Bearer "})
        assert response.status_code == 403, method
        assert "STDCAL_EDITOR_TOKEN" in response.get_data(as_text=True)


def test_changes_need_the_editor_bearer_token(settings: Settings, engine: Engine) -> None:
    app = _app_with_routes(settings.with_overrides(editor_token="s3cret-token"), engine)
    client = app.test_client()
    anonymous = client.post("/edit")
    assert anonymous.status_code == 401
    assert anonymous.headers["WWW-Authenticate"].startswith("Bearer")
    assert_hardened("/edit", anonymous)
    for header in ("Bearer wrong", "s3cret-token", "Basic czNjcmV0LXRva2Vu", "Bearer s3cret"):
        assert client.post("/edit", headers={"Authorization": header}).status_code == 401
    cookie_only = client.post("/edit", headers={"Cookie": "session=s3cret-token"})
    assert cookie_only.status_code == 401  # nothing a cross-site form could send suffices
    allowed = client.put("/edit", headers={"Authorization": "Bearer s3cret-token"})
    assert allowed.status_code == 200 and allowed.get_data() == b"changed"


def test_cross_site_changes_are_refused_even_with_the_token(
    settings: Settings, engine: Engine
) -> None:
    app = _app_with_routes(settings.with_overrides(editor_token="s3cret-token"), engine)
    client = app.test_client()
    token = {"Authorization": "Bearer s3cret-token"}
    for forged in (
        {"Origin": "https://attacker.example"},
        {"Origin": "null"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site", "Origin": "http://stdcal.test"},
    ):
        response = client.post("/edit", headers=token | forged)
        assert response.status_code == 403, forged
        assert "own pages" in response.get_data(as_text=True)
    for own in (
        {"Origin": "http://localhost"},  # the host the request was sent to
        {"Origin": settings.base_url, "Sec-Fetch-Site": "same-origin"},
        {},  # not a browser: the CLI, curl
    ):
        assert client.post("/edit", headers=token | own).status_code == 200, own
    assert client.post("/edit", headers={"Origin": settings.base_url}).status_code == 401


def test_secret_key_comes_from_the_environment(settings: Settings, engine: Engine) -> None:
    configured = Settings.from_env({"STDCAL_SECRET_KEY": "from-env"}, env_file=None)
    assert configured.secret_key == "from-env"
    app = create_app(settings.with_overrides(secret_key="from-env"), engine=engine)
    assert app.config["SECRET_KEY"] == "from-env"
