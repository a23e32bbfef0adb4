"""``warledger serve`` starts the app on the given ledger, read-only unless a token is set."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx
import pytest

pytestmark = pytest.mark.network


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(base: str, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"warledger serve exited with {proc.returncode}")
        try:
            httpx.get(base + "/api/stats", timeout=2)
            return
        except httpx.HTTPError:
            time.sleep(0.2)
    pytest.fail("warledger serve did not answer")


@pytest.mark.parametrize("token", [None, "t0ken"])
def test_serve_answers_on_the_given_port(ledger_url: str, token: str | None) -> None:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "WARLEDGER_TOKEN"}
    if token:
        env["WARLEDGER_TOKEN"] = token
    cmd = [sys.executable, "-m", "warledger", "serve", "--db", ledger_url, "--port", str(port)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(base, proc)
        assert httpx.get(base + "/api/stats").json()["events"] == 7
        assert "map and timeline" in httpx.get(base + "/").text
        write = httpx.post(base + "/api/documents", json={"text": "Anything at all."})
        assert write.status_code == (401 if token else 403)
    finally:
        proc.terminate()
        proc.wait(timeout=15)
