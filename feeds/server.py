"""gunicorn as a library, so `stdcal serve` runs the production server without a config file."""

from __future__ import annotations

from typing import Any

from flask import Flask
from gunicorn.app.base import BaseApplication

from feeds.config import Settings


class _Server(BaseApplication):  # type: ignore[misc]
    def __init__(self, settings: Settings, options: dict[str, Any]) -> None:
        self._settings = settings
        self._options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self._options.items():
            self.cfg.set(key, value)

    def load(self) -> Flask:
        from feeds.app import create_app

        return create_app(self._settings, prepare_store=False)


def run_gunicorn(settings: Settings, *, host: str, port: int, workers: int) -> None:
    options = {
        "bind": f"{host}:{port}",
        "workers": workers,
        "worker_class": "gthread",
        "threads": 4,
        "accesslog": "-",
        "timeout": 60,
    }
    _Server(settings, options).run()
