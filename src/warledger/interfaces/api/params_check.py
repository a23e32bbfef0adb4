"""Unknown query parameters are a 422, not silently ignored.

``?place=Odesa`` on an endpoint that has no ``place`` filter used to return every event,
which reads as "everything is in Odesa". A router dependency compares the request's
parameters with the ones the matched route declares (its own and its dependencies').
"""

from __future__ import annotations

from fastapi import Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from warledger.errors import UsageError


def _query_names(dependant: Dependant) -> set[str]:
    names = {p.alias for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


_ALLOWED: dict[int, frozenset[str]] = {}


def _allowed(route: APIRoute) -> frozenset[str]:
    """The route's query parameter names (computed once per route)."""
    key = id(route)
    if key not in _ALLOWED:
        _ALLOWED[key] = frozenset(_query_names(route.dependant))
    return _ALLOWED[key]


async def reject_unknown_params(request: Request) -> None:
    """Raise a usage error (422) naming query parameters the endpoint does not take."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    allowed = _allowed(route)
    unknown = sorted(set(request.query_params) - allowed)
    if unknown:
        accepted = ", ".join(sorted(allowed)) or "none"
        raise UsageError(
            f"unknown query parameter{'s' if len(unknown) > 1 else ''}: {', '.join(unknown)} "
            f"(this endpoint takes: {accepted})"
        )
