"""The only network code: one guarded HTTP GET of a page a source names.

Sources come from a file an operator edits and links come from pages anyone can write, so a
fetch trusts neither: only http and https; every host (and every redirect hop) resolved and
refused when any address is loopback, private, link-local or reserved, then connected to the
address that was checked so a second DNS answer cannot swap it; a byte limit enforced while
streaming; a timeout on connect, on each read and on the whole transfer; at most five redirects.
A conditional GET lets an unchanged page cost one small 304 instead of the whole page.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from events.errors import ReadError

USER_AGENT = "stdcal/0.1 (+https://github.com/stdcal)"
MAX_REDIRECTS = 5
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
CHUNK = 64 * 1024
TRANSFER_TIMEOUTS = 3  # the whole transfer may take this many read timeouts


@dataclass(frozen=True)
class Fetched:
    """A response: ``body`` is empty and ``not_modified`` set when the server answered 304."""

    url: str  # as requested, before redirects: the identity a source knows the page by
    final_url: str
    body: bytes = b""
    content_type: str | None = None
    not_modified: bool = False
    validators: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 20_000_000
    timeout_seconds: float = 20.0
    allow_private: bool = False


def fetch(
    url: str, limits: Limits = Limits(), validators: Mapping[str, str] | None = None
) -> Fetched:
    """GET ``url``; raises :class:`ReadError` with the reason for anything but a usable page."""
    deadline = time.monotonic() + limits.timeout_seconds * TRANSFER_TIMEOUTS
    headers = _request_headers(validators or {})
    current = url
    for _hop in range(MAX_REDIRECTS + 1):
        try:
            response, connection = _open(current, headers, limits)
        except ReadError as exc:
            if current == url:
                raise
            raise ReadError(url, f"{exc.reason} (redirected to {current})") from exc
        except (OSError, http.client.HTTPException, ValueError) as exc:
            raise ReadError(url, _describe(exc)) from exc
        try:
            status = response.status
            if status in REDIRECT_STATUSES:
                location = response.getheader("Location")
                if not location:
                    raise ReadError(url, f"HTTP {status} redirect without a Location")
                current = urljoin(current, location.strip())
                continue
            if status == 304:
                kept = {**(validators or {}), **_validators(response)}
                return Fetched(url, current, not_modified=True, validators=kept)
            if not 200 <= status < 300 or status in (204, 206):
                raise ReadError(url, f"HTTP {status} {response.reason}".strip())
            body = _read_limited(url, response, limits.max_bytes, deadline)
            return Fetched(
                url,
                current,
                body=body,
                content_type=response.getheader("Content-Type"),
                validators=_validators(response),
            )
        except (OSError, http.client.HTTPException) as exc:
            raise ReadError(url, _describe(exc)) from exc
        finally:
            connection.close()
    raise ReadError(url, f"more than {MAX_REDIRECTS} redirects (last to {current})")


def _request_headers(validators: Mapping[str, str]) -> dict[str, str]:
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "identity", "Accept": "*/*"}
    if validators.get("etag"):
        headers["If-None-Match"] = validators["etag"]
    if validators.get("last_modified"):
        headers["If-Modified-Since"] = validators["last_modified"]
    return headers


def _validators(response: http.client.HTTPResponse) -> dict[str, str]:
    found = {
        "etag": response.getheader("ETag"),
        "last_modified": response.getheader("Last-Modified"),
    }
    return {key: value for key, value in found.items() if value}


def _open(
    url: str, headers: Mapping[str, str], limits: Limits
) -> tuple[http.client.HTTPResponse, http.client.HTTPConnection]:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise ReadError(url, f"refused: only http and https URLs are fetched, not {parts.scheme!r}")
    host = parts.hostname
    if not host:
        raise ReadError(url, "refused: the URL has no host")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    addresses = resolve(url, host, port, allow_private=limits.allow_private)
    connection: http.client.HTTPConnection
    if parts.scheme == "https":
        connection = _PinnedHTTPS(host, port, addresses, limits.timeout_seconds)
    else:
        connection = _PinnedHTTP(host, port, addresses, limits.timeout_seconds)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        connection.request("GET", target, headers=dict(headers))
        return connection.getresponse(), connection
    except BaseException:
        connection.close()
        raise


def resolve(url: str, host: str, port: int, *, allow_private: bool) -> list[str]:
    """Every address ``host`` resolves to, refused if any is not a public one."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise ReadError(url, f"cannot resolve {host}: {_describe(exc)}") from exc
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not allow_private:
        for address in addresses:
            if not is_public(address):
                raise ReadError(
                    url, f"refused: {host} resolves to {address}, a loopback or private address"
                )
    if not addresses:
        raise ReadError(url, f"cannot resolve {host}: no addresses")
    return addresses


def is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    private = ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved
    return ip.is_global and not private and not ip.is_multicast and not ip.is_unspecified


def _read_limited(
    url: str, response: http.client.HTTPResponse, max_bytes: int, deadline: float
) -> bytes:
    declared = response.getheader("Content-Length")
    if declared and declared.strip().isdigit() and int(declared) > max_bytes:
        raise ReadError(url, f"larger than {max_bytes} bytes (Content-Length {declared.strip()})")
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read1(CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise ReadError(url, f"larger than {max_bytes} bytes")
        if time.monotonic() > deadline:
            raise ReadError(url, "timed out: the transfer took too long")
        chunks.append(chunk)
    return b"".join(chunks)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, TimeoutError | socket.timeout):
        return "timed out"
    if isinstance(exc, ssl.SSLError):
        return f"TLS error: {exc.reason or exc}"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def _connect(addresses: list[str], port: int, timeout: float) -> socket.socket:
    """Connect to the checked addresses in turn, never to a fresh DNS answer."""
    error: OSError = OSError("no address to connect to")
    for address in addresses:
        try:
            return socket.create_connection((address, port), timeout)
        except OSError as exc:
            error = exc
    raise error


class _PinnedHTTP(http.client.HTTPConnection):
    def __init__(self, host: str, port: int, addresses: list[str], timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._addresses, self._timeout = addresses, timeout

    def connect(self) -> None:
        self.sock = _connect(self._addresses, self.port, self._timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, addresses: list[str], timeout: float) -> None:
        self._tls = ssl.create_default_context()
        super().__init__(host, port, timeout=timeout, context=self._tls)
        self._addresses, self._timeout = addresses, timeout

    def connect(self) -> None:
        sock = _connect(self._addresses, self.port, self._timeout)
        self.sock = self._tls.wrap_socket(sock, server_hostname=self.host)
