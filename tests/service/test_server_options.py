"""What `stdcal serve` asks of gunicorn: a request deadline, and a master that forks nothing
it should not (no control-socket thread; the app loaded once, without a connection)."""

from __future__ import annotations

from gunicorn.config import Config

from feeds.config import Settings
from feeds.server import gunicorn_options


def test_options_are_valid_gunicorn_settings_with_the_deadline() -> None:
    settings = Settings.from_env({"STDCAL_REQUEST_TIMEOUT": "17"}, env_file=None)
    options = gunicorn_options(settings, host="127.0.0.1", port=18600, workers=2)
    config = Config()
    for key, value in options.items():
        config.set(key, value)  # an unknown or malformed setting raises here
    assert config.timeout == 17
    assert config.worker_class_str == "feeds.watchdog.DeadlineThreadWorker"
    assert config.worker_class.__name__ == "DeadlineThreadWorker"
    assert config.control_socket_disable is True
    assert config.preload_app is True
    assert config.workers == 2
