"""``GET /api``: what the API offers, so a client can start from one URL."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

router = APIRouter(tags=["index"])


@router.get("/api")
def api_index(request: Request) -> dict[str, Any]:
    """Every endpoint with its methods and one-line summary (from the OpenAPI schema,
    so the index cannot drift from it); full documentation at /docs."""
    endpoints = []
    for path, operations in request.app.openapi()["paths"].items():
        if not path.startswith("/api/"):
            continue
        methods = sorted(m.upper() for m in operations)
        if "GET" in methods:
            methods = sorted([*methods, "HEAD"])
        first = next(iter(operations.values()))
        text = (first.get("description") or first.get("summary") or "").strip()
        endpoints.append(
            {"path": path, "methods": methods, "summary": text.split("\n")[0] if text else ""}
        )
    endpoints.sort(key=lambda e: e["path"])
    return {
        "name": "warledger",
        "docs": "/docs",
        "openapi": "/openapi.json",
        "total": len(endpoints),
        "endpoints": endpoints,
    }
