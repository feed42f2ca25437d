"""Thin HTTP layer: blueprints that parse a request, query the store and call a format module."""

from __future__ import annotations

from flask import current_app
from sqlalchemy.orm import Session

from feeds.cache import RenderCache
from feeds.runtime import Runtime


def runtime() -> Runtime:
    value = current_app.extensions["stdcal"]
    assert isinstance(value, Runtime)
    return value


def session() -> Session:
    return runtime().sessions()


def render_cache() -> RenderCache:
    value = current_app.extensions["stdcal.cache"]
    assert isinstance(value, RenderCache)
    return value
