"""Read by `gunicorn wsgi:app` started in this folder (`stdcal serve` sets the same itself).

gunicorn's master forks a worker whenever it starts, reloads or replaces one; its control
socket server is a thread in the master, running when those later forks happen. Nothing
threaded may be in a process that forks workers, so it stays off.
"""

control_socket_disable = True
