"""A hostile API client: server files, stdin, oversized and anonymous bodies, huge
offsets, odd tokens and script URLs. Each is a 4xx that reveals nothing, never a 500."""

from __future__ import annotations

import asyncio
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from warledger.interfaces.api import create_app
from warledger.types import Document, DocumentResult

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ARTICLE = "Russian drones struck Sumy on 2025-06-03, the regional administration said."


def nothing_found(doc: Document) -> DocumentResult:
    return DocumentResult(doc_id=doc.doc_id)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(
        f"sqlite:///{tmp_path / 'api.db'}", token=TOKEN, extract=nothing_found, max_body=64_000
    )
    with TestClient(app) as client:
        yield client


def test_server_paths_and_stdin_are_refused_alike(server: TestClient, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("The server's private notes. " * 20)
    secret.chmod(0o600)
    answers = [
        server.post("/api/documents", json={"url": value}, headers=AUTH)
        for value in (str(secret), str(tmp_path / "missing.txt"), "-", f"file://{secret}")
    ]
    assert [a.status_code for a in answers] == [422, 422, 422, 422]
    assert len({a.json()["message"] for a in answers}) == 1  # no hint of what exists
    assert "secret" not in answers[0].text
    assert server.get("/api/documents").json()["total"] == 0


def test_text_with_a_script_url_is_stored_without_that_url(server: TestClient) -> None:
    response = server.post(
        "/api/documents", json={"text": ARTICLE, "url": "javascript:alert(1)"}, headers=AUTH
    )
    assert response.status_code == 422
    assert server.get("/api/documents").json()["total"] == 0


def _call(app, method: str, headers: list[tuple[bytes, bytes]], chunks: list[bytes]):
    """Run one request through the ASGI app; (status, body bytes the app pulled)."""
    pulled = 0
    sent: list[dict] = []

    async def receive():
        nonlocal pulled
        if chunks:
            chunk = chunks.pop(0)
            pulled += len(chunk)
            return {"type": "http.request", "body": chunk, "more_body": bool(chunks)}
        return {"type": "http.disconnect"}

    async def send(message):
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": "/api/documents",
        "raw_path": b"/api/documents",
        "query_string": b"",
        "headers": headers,
        "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 80),
        "root_path": "",
        "app": app,
    }
    # A private loop: asyncio.run() would clear the thread's current loop, and a later test
    # (or library) that asks for it would then fail for a reason of this file's making.
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(app(scope, receive, send))
    finally:
        loop.close()
    start = next(m for m in sent if m["type"] == "http.response.start")
    return start["status"], pulled


def test_the_token_is_checked_before_the_body_is_read(server: TestClient) -> None:
    big = [b"x" * 65_536] * 50  # 3.2 MB that an anonymous client wants us to parse
    status, pulled = _call(server.app, "POST", [(b"content-type", b"application/json")], big)
    assert (status, pulled) == (401, 0)
    odd_token = [(b"authorization", "Bearer tökén".encode("latin-1"))]
    assert _call(server.app, "POST", odd_token, [b"{}"]) == (401, 0)


def test_a_body_over_the_cap_is_refused_before_parsing(server: TestClient) -> None:
    declared = [*[(k.lower().encode(), v.encode()) for k, v in AUTH.items()]]
    status, pulled = _call(
        server.app, "POST", [*declared, (b"content-length", b"300000000")], [b"{}"]
    )
    assert (status, pulled) == (413, 0)
    streamed = [b"x" * 16_384] * 100  # no length given: read up to the cap, then refused
    status, pulled = _call(server.app, "POST", declared, streamed)
    assert status == 413
    assert pulled <= 64_000 + 16_384


@pytest.mark.parametrize(
    "path",
    ["/api/events", "/api/documents", "/api/positions", "/api/ceasefires", "/events"],
)
def test_a_huge_offset_is_a_4xx(server: TestClient, path: str) -> None:
    response = server.get(path, params={"offset": "9223372036854775808"})
    assert response.status_code == 422


def test_a_non_ascii_bearer_token_is_a_401(server: TestClient) -> None:
    response = server.post(
        "/api/documents",
        content=b'{"text": "x"}',
        headers={"Authorization": "Bearer tökén".encode()},
    )
    assert response.status_code == 401
