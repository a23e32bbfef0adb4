"""Writes are checked before their body is read: token first, then a size cap.

FastAPI parses a request's JSON body before the route runs, so a token check inside the
route came after an anonymous client had made the server read and parse (and hold in
memory) whatever it sent. This ASGI middleware answers 403/401 from the headers alone,
refuses a declared length over the cap with 413, and reads at most the cap of any
other body before handing it on.
"""

from __future__ import annotations

import hmac
import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from warledger.settings import DEFAULT_MAX_BODY

READS = frozenset({"GET", "HEAD", "OPTIONS"})
READ_ONLY = "this server is read-only: start it with WARLEDGER_TOKEN set to accept writes"
NEED_TOKEN = "a valid token is required: send 'Authorization: Bearer <WARLEDGER_TOKEN>'"


def token_matches(authorization: str | bytes | None, expected: str) -> bool:
    """Whether an Authorization header carries ``Bearer <expected>`` (constant time).

    Compared as bytes, so a header with non-ASCII characters is simply wrong, not an error.
    """
    if authorization is None:
        return False
    raw = (
        authorization
        if isinstance(authorization, bytes)
        else authorization.encode("latin-1", "replace")
    )
    scheme, _, given = raw.strip().partition(b" ")
    return scheme.lower() == b"bearer" and hmac.compare_digest(given.strip(), expected.encode())


async def _reply(
    send: Send,
    status: int,
    code: str,
    message: str,
    extra: tuple[tuple[bytes, bytes], ...] = (),
) -> None:
    body = json.dumps({"error": code, "message": message, "details": []}).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
        *extra,
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class WriteGuard:
    """Token and body-size checks for every request that is not a read."""

    def __init__(self, app: ASGIApp, *, max_body: int = DEFAULT_MAX_BODY) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in READS:
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        if str(scope.get("path", "")).startswith("/api/"):
            expected = getattr(scope["app"].state, "token", None)
            if not expected:
                await _reply(send, 403, "forbidden", READ_ONLY)
                return
            if not token_matches(headers.get(b"authorization"), expected):
                await _reply(
                    send, 401, "unauthorized", NEED_TOKEN, ((b"www-authenticate", b"Bearer"),)
                )
                return
        declared = headers.get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_body:
            await self._too_large(send)
            return
        body = bytearray()
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body.extend(message.get("body", b""))
            if len(body) > self.max_body:
                await self._too_large(send)
                return
            more = message.get("more_body", False)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": bytes(body), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _too_large(self, send: Send) -> None:
        await _reply(
            send,
            413,
            "payload_too_large",
            f"request body over the {self.max_body:,} byte cap",
        )
