"""Polite, safe HTTP fetching for articles and feeds.

Polite: a named user agent, timeouts, a few retries with exponential backoff for
transient failures (timeouts, connection errors, 429 and 5xx). Safe: a size cap on
every response, and no request to private, loopback, link-local or otherwise
non-public addresses — every address the host resolves to is checked, on every
redirect hop — unless the caller allows it (tests, intranet feeds).
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

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


def check_public(url: str) -> None:
    """Raise ``FetchError`` unless every address ``url``'s host resolves to is public."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError("not an http(s) URL")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        infos = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve host {parts.hostname} ({exc.strerror})") from exc
    for info in infos:
        address = str(info[4][0])
        if _blocked(address):
            raise FetchError(
                f"refused: {parts.hostname} resolves to non-public address {address} "
                "(use --allow-private to allow)"
            )


def _check_peer(response: httpx.Response) -> None:
    """Refuse a response whose connection reached a non-public address.

    ``check_public`` resolved the host before the request; a DNS answer that changes in
    between (rebinding) would slip past it, so the address actually connected to is
    checked as well, before anything of the body is read or a redirect followed.
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
        max_redirects: int = 5,
        user_agent: str = USER_AGENT,
    ) -> None:
        self.allow_private = allow_private
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.retries = retries
        self.backoff = backoff
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
        for _hop in range(self.max_redirects + 1):
            if not self.allow_private:
                check_public(url)
            response_or_redirect = self._get_with_retries(url)
            if isinstance(response_or_redirect, Page):
                return response_or_redirect
            url = response_or_redirect
        raise FetchError(f"more than {self.max_redirects} redirects")

    def _get_with_retries(self, url: str) -> Page | str:
        attempt = 0
        while True:
            try:
                return self._get_once(url)
            except _Transient as exc:
                if attempt >= self.retries:
                    raise FetchError(exc.reason) from None
                time.sleep(self.backoff * (2**attempt))
                attempt += 1

    def _get_once(self, url: str) -> Page | str:
        try:
            with self._client.stream("GET", url) as response:
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
                for chunk in response.iter_bytes():
                    body.extend(chunk)
                    if len(body) > self.max_bytes:
                        raise FetchError(f"response is over the {human_size(self.max_bytes)} cap")
                content_type = response.headers.get("content-type", "")
                return Page(
                    url=str(response.url),
                    content=bytes(body),
                    content_type=content_type.split(";", 1)[0].strip().lower(),
                    charset=response.charset_encoding,
                )
        except httpx.TimeoutException:
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
