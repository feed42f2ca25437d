"""Read by `gunicorn wsgi:app` started in this folder (`stdcal serve` sets the same itself).

gunicorn's master forks a worker whenever it starts, reloads or replaces one; its control
socket server is a thread in the master, running when those later forks happen. Nothing
threaded may be in a process that forks workers, so it stays off, and a fork that finds a
thread anyway is logged as an error.

The master also loads the app once and warms it before forking (``preload_app``,
``when_ready``), as `stdcal serve` does: a worker forked later starts with what it needs loaded.
"""

from feeds.server import no_threads_at_fork as pre_fork  # noqa: F401
from feeds.server import warm_preloaded as when_ready  # noqa: F401

control_socket_disable = True
preload_app = True
