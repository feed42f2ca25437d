"""Read by `gunicorn wsgi:app` started in this folder (`stdcal serve` sets the same itself).

gunicorn's master forks a worker whenever it starts, reloads or replaces one; its control
socket server is a thread in the master, running when those later forks happen. Nothing
threaded may be in a process that forks workers, so it stays off, and a fork that finds a
thread anyway is logged as an error.
"""

from feeds.server import no_threads_at_fork as pre_fork  # noqa: F401

control_socket_disable = True
