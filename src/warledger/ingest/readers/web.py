"""Polite, safe HTTP fetching for articles and feeds.

Polite: a named user agent, timeouts, a few retries with exponential backoff for
transient failures (timeouts, connection errors, 429 and 5xx). Safe: a size cap on
every response, one overall deadline per fetch (connect, every read, retries and
redirects together: a server dribbling bytes cannot hold a run), and no request to
private, loopback, link-local or otherwise non-public addresses — every address the
host resolves to is checked, on every redirect hop, and the connection goes to the
address that was checked (the name is resolved once; the Host header and TLS server
name stay the URL's), so a DNS answer that changes in between (rebinding) cannot
redirect it — unless the caller allows private addresses (tests, intranet feeds).
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import SplitResult, urljoin, urlsplit, urlunsplit

import httpx

from warledger import __version__
from warledger.ingest.limits import DEFAULT_MAX_BYTES, human_size

USER_AGENT = f"warledger/{__version__} (news ledger; httpx)"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


class FetchError(Exception):
    """A URL could not be fetched; ``reason`` is a short human explanation."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Page:
    """A fetched response body and what it says about itself."""

    url: str  # after redirects
    content: bytes
    content_type: str
    charset: str | None


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def _blocked(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast


def _split(url: str) -> tuple[SplitResult, int]:
    try:
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise FetchError(f"invalid URL ({exc})") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError("not an http(s) URL")
    return parts, port


def resolve(url: str, *, allow_private: bool = False) -> list[str]:
    """The addresses ``url``'s host resolves to; unless ``allow_private``, raise
    ``FetchError`` when any of them is not public."""
    parts, port = _split(url)
    assert parts.hostname is not None
    try:
        infos = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        reason = getattr(exc, "strerror", None) or type(exc).__name__
        raise FetchError(f"cannot resolve host {parts.hostname} ({reason})") from None
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not addresses:
        raise FetchError(f"cannot resolve host {parts.hostname}")
    if not allow_private:
        for address in addresses:
            if _blocked(address):
                raise FetchError(
                    f"refused: {parts.hostname} resolves to non-public address {address} "
                    "(use --allow-private to allow)"
                )
    return addresses


def check_public(url: str) -> None:
    """Raise ``FetchError`` unless every address ``url``'s host resolves to is public."""
    resolve(url)


def pinned(url: str, address: str) -> tuple[str, dict[str, str], dict[str, str]]:
    """``url`` addressed to ``address``: (URL to request, headers, request extensions).

    The request goes to the checked address while the Host header and the TLS server
    name (SNI, and so certificate checks) stay the URL's host.
    """
    parts, _ = _split(url)
    host = f"[{address}]" if ":" in address else address
    netloc = f"{host}:{parts.port}" if parts.port else host
    target = urlunsplit(parts._replace(netloc=netloc))
    host_header = parts.netloc.rsplit("@", 1)[-1]
    extensions = {"sni_hostname": parts.hostname or ""} if parts.scheme == "https" else {}
    return target, {"Host": host_header}, extensions


def _check_peer(response: httpx.Response) -> None:
    """Refuse a response whose connection reached a non-public address.

    The request is sent to the address that was resolved and checked; this second look
    at the address actually connected to is defence in depth (a proxy, a patched
    resolver), before anything of the body is read or a redirect followed.
    """
    stream = response.extensions.get("network_stream")
    peer = stream.get_extra_info("server_addr") if stream is not None else None
    if peer and _blocked(str(peer[0])):
        raise FetchError(
            f"refused: connected to non-public address {peer[0]} (use --allow-private to allow)"
        )


class Fetcher:
    """Fetches URLs with the limits above; reuse one per run (connection pooling)."""

    def __init__(
        self,
        *,
        allow_private: bool = False,
        timeout: float = 15.0,
        max_bytes: int = DEFAULT_MAX_BYTES,
        retries: int = 2,
        backoff: float = 0.5,
        deadline: float = 60.0,
        max_redirects: int = 5,
        user_agent: str = USER_AGENT,
    ) -> None:
        self.allow_private = allow_private
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.retries = retries
        self.backoff = backoff
        self.deadline = deadline
        self.max_redirects = max_redirects
        self._client = httpx.Client(
            timeout=timeout,
            follow_redirects=False,  # followed by hand so every hop is checked
            headers={
                "User-Agent": user_agent,
                "Accept": "text/html,application/xhtml+xml,"
                "application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5",
            },
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def fetch(self, url: str) -> Page:
        """The body at ``url``; raises ``FetchError`` naming why it could not be had."""
        ends = time.monotonic() + self.deadline
        for _hop in range(self.max_redirects + 1):
            address = resolve(url, allow_private=self.allow_private)[0]
            response_or_redirect = self._get_with_retries(url, address, ends)
            if isinstance(response_or_redirect, Page):
                return response_or_redirect
            url = response_or_redirect
        raise FetchError(f"more than {self.max_redirects} redirects")

    def _get_with_retries(self, url: str, address: str, ends: float) -> Page | str:
        attempt = 0
        while True:
            try:
                return self._get_once(url, address, ends)
            except _Transient as exc:
                pause = self.backoff * (2**attempt)
                if attempt >= self.retries or time.monotonic() + pause >= ends:
                    raise FetchError(exc.reason) from None
                time.sleep(pause)
                attempt += 1

    def _left(self, ends: float) -> float:
        left = ends - time.monotonic()
        if left <= 0:
            raise FetchError(f"gave up after the {self.deadline:g} s deadline")
        return left

    def _get_once(self, url: str, address: str, ends: float) -> Page | str:
        target, headers, extensions = pinned(url, address)
        timeout = httpx.Timeout(min(self.timeout, self._left(ends)))
        try:
            with self._client.stream(
                "GET", target, headers=headers, extensions=extensions, timeout=timeout
            ) as response:
                if not self.allow_private:
                    _check_peer(response)
                status = response.status_code
                if status in REDIRECT_STATUSES and "location" in response.headers:
                    return urljoin(url, response.headers["location"])
                if status in RETRY_STATUSES:
                    raise _Transient(f"HTTP {status} {response.reason_phrase}".strip())
                if status >= 400:
                    raise FetchError(f"HTTP {status} {response.reason_phrase}".strip())
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > self.max_bytes:
                    raise FetchError(
                        f"response is {human_size(int(declared))}, over the "
                        f"{human_size(self.max_bytes)} cap"
                    )
                body = bytearray()
                # Each read may wait only for what is left of the deadline.
                timeouts = response.request.extensions.get("timeout")
                for chunk in response.iter_bytes():
                    body.extend(chunk)
                    if len(body) > self.max_bytes:
                        raise FetchError(f"response is over the {human_size(self.max_bytes)} cap")
                    left = self._left(ends)
                    if isinstance(timeouts, dict):
                        timeouts["read"] = min(self.timeout, left)
                content_type = response.headers.get("content-type", "")
                return Page(
                    url=url,
                    content=bytes(body),
                    content_type=content_type.split(";", 1)[0].strip().lower(),
                    charset=response.charset_encoding,
                )
        except httpx.TimeoutException:
            self._left(ends)  # the deadline, when that is what ran out
            raise _Transient(f"timed out after {self.timeout:g} s") from None
        except httpx.TransportError as exc:
            raise _Transient(f"connection failed ({type(exc).__name__})") from None
        except httpx.InvalidURL as exc:
            raise FetchError(f"invalid URL ({exc})") from None


class _Transient(Exception):
    """A failure worth retrying."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
