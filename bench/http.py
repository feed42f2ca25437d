"""HTTP benchmark: stdcal (gunicorn) against the thinnest Flask app and nginx, same bytes.

One command: `.venv/bin/python bench/http.py [--seconds 5] [--connections 32] [--events 500]`.
It builds a store in a temporary folder (the seeds plus synthetic events so the calendar has a
realistic size), starts on loopback ports: stdcal under gunicorn, the thin app under gunicorn
with the same worker settings, nginx serving the same bytes as static files, and nginx as a
caching reverse proxy in front of stdcal (the documented production set-up); then runs wrk
against /calendar.ics and /feeds/atom.xml, 200 and 304, and prints requests/s, p50/p99 latency
and the ratio to nginx. Needs Debian's nginx and wrk (`make bench` installs them).
"""

from __future__ import annotations

import sys
from pathlib import Path

# This file is bench/http.py: with bench/ first on sys.path it would shadow the stdlib's http.
sys.path[0] = str(Path(__file__).resolve().parent.parent)

import argparse
import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))
PATHS = {
    "/calendar.ics": "text/calendar; charset=utf-8",
    "/feeds/atom.xml": "application/atom+xml; charset=utf-8",
}
WORKERS = "4"

NGINX_CONF = """
{user}
worker_processes 2;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  types {{ text/calendar ics; application/atom+xml xml; }}
  proxy_cache_path {tmp}/proxy-cache keys_zone=stdcal:10m;
  server {{
    listen 127.0.0.1:{static_port};
    root {tmp}/static;
    etag on;
  }}
  server {{
    listen 127.0.0.1:{proxy_port};
    location / {{
      proxy_pass http://127.0.0.1:{app_port};
      proxy_cache stdcal;
      proxy_cache_valid 200 1m;           # then ask stdcal again, with the cached ETag:
      proxy_cache_revalidate on;          # an unchanged output costs stdcal one 304
      proxy_ignore_headers Cache-Control Expires;  # clients keep stdcal's max-age, not nginx
      proxy_cache_use_stale updating error timeout;
      proxy_cache_background_update on;
      proxy_cache_lock on;
    }}
  }}
}}
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(url: str, deadline: float = 60.0) -> None:
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        with contextlib.suppress(OSError):
            urllib.request.urlopen(url, timeout=2).read()
            return
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {deadline} s")


@contextlib.contextmanager
def process(args: list[str], env: dict[str, str], log: Path) -> Iterator[subprocess.Popen[bytes]]:
    with log.open("wb") as out:
        proc = subprocess.Popen(
            args, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            yield proc
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=30)


def build_store(tmp: Path, events: int) -> dict[str, str]:
    env = {
        **os.environ,
        "STDCAL_INSTANCE_DIR": str(tmp / "instance"),
        "STDCAL_SCHEDULER": "0",
        "STDCAL_BASE_URL": "http://127.0.0.1:8000",
        "STDCAL_SECRET_KEY": "bench",
    }
    env.pop("STDCAL_DATABASE_URL", None)
    subprocess.run(
        [PYTHON, "-m", "feeds.cli", "ingest"], env=env, check=True, cwd=ROOT, capture_output=True
    )
    subprocess.run(
        [PYTHON, str(ROOT / "bench" / "synthetic.py"), str(events)], env=env, check=True, cwd=ROOT
    )
    return env


def wrk(url: str, seconds: int, connections: int, etag: str | None) -> tuple[float, str, str]:
    args = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url]
    if etag:
        args[1:1] = ["-H", f"If-None-Match: {etag}"]
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"wrk failed against {url}:\n{done.stdout}{done.stderr}")
    out = done.stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    # the latency distribution's own lines, not a "78.99%" in the thread stats above them
    p50 = re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1)  # type: ignore[union-attr]
    p99 = re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)  # type: ignore[union-attr]
    if re.search(r"Non-2xx or 3xx responses: (\d+)", out):
        raise RuntimeError(f"errors from {url}:\n{out}")
    return rps, p50, p99


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--events", type=int, default=500)
    options = parser.parse_args()
    for tool in ("nginx", "wrk"):
        if shutil.which(tool) is None and not Path(f"/usr/sbin/{tool}").exists():
            sys.exit(f"{tool} is missing: run `make bench` (installs Debian's nginx-light and wrk)")
    tmp = Path(tempfile.mkdtemp(prefix="stdcal-bench-"))
    env = build_store(tmp, options.events)
    app_port, thin_ports = free_port(), {p: free_port() for p in PATHS}
    static_port, proxy_port = free_port(), free_port()
    gunicorn = [GUNICORN, "-w", WORKERS, "--threads", "1", "--log-level", "warning"]
    rows: list[tuple[str, str, str, float, str, str]] = []
    with contextlib.ExitStack() as stack:
        stack.enter_context(
            process([*gunicorn, "-b", f"127.0.0.1:{app_port}", "wsgi:app"], env, tmp / "app.log")
        )
        wait_for(f"http://127.0.0.1:{app_port}/healthz")
        (tmp / "static" / "feeds").mkdir(parents=True)
        bodies = {}
        for path in PATHS:
            body = urllib.request.urlopen(f"http://127.0.0.1:{app_port}{path}").read()
            bodies[path] = body
            (tmp / "static" / path.lstrip("/")).write_bytes(body)
        for path, content_type in PATHS.items():
            thin_env = {
                **env,
                "THIN_BODY": str(tmp / "static" / path.lstrip("/")),
                "THIN_TYPE": content_type,
                "PYTHONPATH": str(ROOT / "bench" / "thin"),  # not bench/: its http.py
            }
            stack.enter_context(
                process(
                    [*gunicorn, "-b", f"127.0.0.1:{thin_ports[path]}", "thin_app:app"],
                    thin_env,
                    tmp / f"thin{thin_ports[path]}.log",
                )
            )
        conf = tmp / "nginx.conf"
        conf.write_text(
            NGINX_CONF.format(
                tmp=tmp,
                static_port=static_port,
                proxy_port=proxy_port,
                app_port=app_port,
                # as root, nginx's workers would drop to nobody and not read the private tmp dir
                user="user root;" if os.geteuid() == 0 else "",
            )
        )
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        stack.enter_context(
            process([nginx, "-c", str(conf), "-g", "daemon off;"], env, tmp / "nginx.log")
        )
        for port in (*thin_ports.values(), static_port, proxy_port):
            wait_for(f"http://127.0.0.1:{port}/calendar.ics")
        for path in PATHS:
            servers = {
                "nginx static": static_port,
                "thin Flask": thin_ports[path],
                "stdcal": app_port,
                "nginx cache → stdcal": proxy_port,
            }
            for conditional in (False, True):
                results = {}
                for name, port in servers.items():
                    url = f"http://127.0.0.1:{port}{path}"
                    etag = None
                    if conditional:
                        head = urllib.request.urlopen(url)
                        etag = head.headers["ETag"]
                    wrk(url, 1, options.connections, etag)  # warm every worker's cache first
                    results[name] = wrk(url, options.seconds, options.connections, etag)
                for name, (rps, p50, p99) in results.items():
                    rows.append((path, "304" if conditional else "200", name, rps, p50, p99))
        sizes = {p: len(b) for p, b in bodies.items()}
    print(
        f"\nstdcal HTTP benchmark: {options.connections} connections, {options.seconds} s each, "
        f"{WORKERS} gunicorn workers; bytes: " + ", ".join(f"{p} {n:,}" for p, n in sizes.items())
    )
    print(
        f"{'path':<16} {'code':<4} {'server':<22} {'req/s':>9} {'p50':>9} {'p99':>9} "
        f"{'vs nginx':>9} {'vs thin':>8}"
    )
    for path, code, name, rps, p50, p99 in rows:
        group = [r for r in rows if r[0] == path and r[1] == code]
        nginx_rps = next(r[3] for r in group if r[2] == "nginx static")
        thin_rps = next(r[3] for r in group if r[2] == "thin Flask")
        print(
            f"{path:<16} {code:<4} {name:<22} {rps:>9.0f} {p50:>9} {p99:>9} "
            f"{rps / nginx_rps:>8.1%} {rps / thin_rps:>8.1%}"
        )
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
