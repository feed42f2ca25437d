"""The app factory: settings → runtime → blueprints. The Flask layer stays thin."""

from __future__ import annotations

import logging

from flask import Flask
from sqlalchemy.engine import Engine

from feeds.cache import RenderCache
from feeds.config import Settings
from feeds.runtime import Runtime, prepare
from feeds.translations import compile_catalogs


def create_app(
    settings: Settings | None = None, *, engine: Engine | None = None, prepare_store: bool = True
) -> Flask:
    """Build the app; ``engine`` lets tests hand in a database they prepared."""
    settings = settings or Settings.from_env()
    app = Flask(__name__, template_folder="web/templates", static_folder="web/static")
    app.config.update(SECRET_KEY=settings.secret_key, MAX_CONTENT_LENGTH=64 * 1024)
    runtime = Runtime.open(settings, engine)
    if prepare_store:
        prepare(runtime)
        runtime.engine.dispose()  # `gunicorn --preload` forks after this: no connection open
    app.extensions["stdcal"] = runtime
    app.extensions["stdcal.cache"] = RenderCache()
    compile_catalogs()
    register_blueprints(app)
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    return app


def register_blueprints(app: Flask) -> None:
    from feeds.web import (
        calendar,
        embed,
        errors,
        health,
        params,
        public,
        review,
        security,
        syndication,
    )

    params.install_converters(app)
    app.register_blueprint(public.bp)
    app.register_blueprint(health.bp)
    app.register_blueprint(calendar.bp)
    app.register_blueprint(syndication.bp)
    app.register_blueprint(embed.bp)
    app.register_blueprint(review.bp)
    errors.register(app)
    params.register(app)
    security.register(app)
