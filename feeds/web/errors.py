"""Failures mapped to HTTP answers at one boundary: plain-text 400s that say what to send."""

from __future__ import annotations

from flask import Flask, Response

from feeds.filters import BadParameter


def register(app: Flask) -> None:
    @app.errorhandler(BadParameter)
    def bad_parameter(exc: BadParameter) -> Response:
        return Response(str(exc) + "\n", status=400, content_type="text/plain; charset=utf-8")
