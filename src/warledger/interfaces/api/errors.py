"""Every error as JSON with a clear message (HTML for dashboard pages).

A bad filter value is the client's mistake (422, naming the parameter), never a 500;
an unexpected failure is a 500 whose body says so without leaking a traceback.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from warledger.errors import WarledgerError

log = logging.getLogger(__name__)

_STATUS_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    422: "invalid_request",
}


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api")


def error_response(
    request: Request,
    status: int,
    code: str,
    message: str,
    details: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    if _is_api(request):
        body = {"error": code, "message": message, "details": details or []}
        return JSONResponse(body, status_code=status, headers=headers)
    templates = request.app.state.templates
    return templates.TemplateResponse(
        request,
        "error.html",
        {"status": status, "message": message},
        status_code=status,
        headers=headers,
    )


def _describe(error: dict[str, Any]) -> str:
    loc = [str(x) for x in error.get("loc", ()) if x not in ("query", "body", "path")]
    where = ".".join(loc) or "request"
    return f"{where}: {error.get('msg', 'invalid value')}"


def install(app: FastAPI) -> None:
    """Register the handlers on ``app``."""

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg"), "type": e.get("type")}
            for e in exc.errors()
        ]
        message = "; ".join(_describe(e) for e in errors) or "invalid request"
        return error_response(request, 422, "invalid_request", message, errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        code = _STATUS_CODES.get(exc.status_code, "http_error")
        return error_response(request, exc.status_code, code, str(exc.detail), headers=exc.headers)

    @app.exception_handler(WarledgerError)
    async def _ours(request: Request, exc: WarledgerError) -> Response:
        return error_response(request, exc.http_status, exc.code, exc.message)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        return error_response(
            request, 500, "internal_error", f"internal error ({type(exc).__name__}); see logs"
        )
