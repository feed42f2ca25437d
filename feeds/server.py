"""gunicorn as a library, so `stdcal serve` runs the production server without a config file.

`stdcal serve` starts this module as its own child process (``python -m feeds.server``), so the
gunicorn master is a fresh process: no thread, no database connection, nothing that a fork
could copy mid-flight into a worker. The master loads the app once (``preload_app``), which
opens no connection, so a worker forked at start, at a reload or to replace a dead one serves
at once; each forked worker starts with an empty pool of its own (events.store.db).
"""

from __future__ import annotations

import argparse
import gc
import threading
from typing import Any

from flask import Flask
from gunicorn.app.base import BaseApplication

from feeds.config import Settings

WORKER_CLASS = "feeds.watchdog.DeadlineThreadWorker"
THREADS = 4


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

        app = create_app(self._settings, prepare_store=False)
        warm(app)
        gc.freeze()  # what the master loaded stays shared with the workers, never collected
        return app


WARM_PATHS = ("/", "/?lang=en", "/?lang=zh-Hant", "/articles")


def warm(app: Flask) -> None:
    """Load once, in the master, what each worker would load on its first requests (templates,
    Babel's locale data, OpenCC's tables), so a worker forked at a reload or to replace a dead
    one answers at once rather than all of them loading together under the first burst. The
    connections these pages opened are closed before any fork; a failure only costs speed."""
    for name in app.jinja_env.list_templates(filter_func=lambda n: n.endswith(".html")):
        app.jinja_env.get_template(name)
    try:
        client = app.test_client()
        for path in WARM_PATHS:
            client.get(path)
    except Exception:  # the workers will load it themselves
        app.logger.exception("warming the app before forking failed")
    finally:
        app.extensions["stdcal"].engine.dispose()


def gunicorn_options(settings: Settings, *, host: str, port: int, workers: int) -> dict[str, Any]:
    """Threaded workers for cached serving, each request bounded by the deadline
    (feeds.watchdog): a stuck request costs its worker, never the service."""
    return {
        "bind": f"{host}:{port}",
        "workers": workers,
        "worker_class": WORKER_CLASS,
        "threads": THREADS,
        "accesslog": "-",
        "timeout": settings.request_timeout,
        "preload_app": True,
        "pre_fork": no_threads_at_fork,
        # gunicorn's control socket is a thread in the master, which forks after it starts
        "control_socket_disable": True,
    }


def warm_preloaded(server: Any) -> None:
    """gunicorn's ``when_ready`` for `gunicorn wsgi:app` (gunicorn.conf.py): the app the master
    preloaded is warmed as `stdcal serve` warms it, before the first worker is forked, so that
    a fresh worker's first calendar does not also pay for loading OpenCC, Babel and templates."""
    app = server.app.wsgi()
    if isinstance(app, Flask) and "stdcal" in app.extensions:  # not another app run from here
        warm(app)
        gc.freeze()


def no_threads_at_fork(server: Any, _worker: Any) -> None:
    """Say so loudly if the master ever runs a thread when it forks: the worker would inherit
    whatever lock that thread holds."""
    others = [t.name for t in threading.enumerate() if t is not threading.main_thread()]
    if others:
        server.log.error("forking a worker while the master runs threads: %s", others)


def run_gunicorn(settings: Settings, *, host: str, port: int, workers: int) -> None:
    _Server(settings, gunicorn_options(settings, host=host, port=port, workers=workers)).run()


def run_dev(settings: Settings, *, host: str, port: int) -> None:
    """Flask's development server: threads, no fork, no request deadline."""
    from feeds.app import create_app

    create_app(settings, prepare_store=False).run(host=host, port=port, debug=False)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m feeds.server")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--dev", action="store_true")
    args = parser.parse_args(argv)
    settings = Settings.from_env()
    if args.dev:
        run_dev(settings, host=args.host, port=args.port)
    else:
        run_gunicorn(settings, host=args.host, port=args.port, workers=args.workers)


if __name__ == "__main__":
    main()
