"""Which theatre an event belongs to: the analyst's default view is one war.

The extractor writes a ``theatre`` field on every event (:mod:`warledger.nlp.scope`), and
an event that carries one keeps it, ``null`` (another conflict) included; events stored
by older extractors, without the field, are placed from their places and sides with the
rules in the theatre's ``scope.json`` (data, not code).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from warledger import settings

ALL_THEATRES = "all"  # the filter value that turns the theatre restriction off


@dataclass(frozen=True)
class TheatreScope:
    """A theatre's name and the countries, parties and kinds that decide membership."""

    theatre: str
    label: str
    countries: frozenset[str]
    parties: frozenset[str]
    located_kinds: frozenset[str]
    demonyms: Mapping[str, str]
    party_names: Mapping[str, str]


@lru_cache(maxsize=1)
def default_scope() -> TheatreScope:
    """The packaged theatre (Russia–Ukraine)."""
    folder = settings.THEATRE_DIR
    data = json.loads((folder / "scope.json").read_text(encoding="utf-8"))
    theatre = json.loads((folder / "theatre.json").read_text(encoding="utf-8"))
    countries = json.loads((folder / "countries.json").read_text(encoding="utf-8"))
    parties = {p["code"]: p["name"] for p in theatre["parties"]}
    demonyms = {code: words[0] for code, words in countries.get("demonyms", {}).items() if words}
    return TheatreScope(
        theatre=data["theatre"],
        label=data["label"],
        countries=frozenset(data["countries"]),
        parties=frozenset(parties),
        located_kinds=frozenset(data["located_kinds"]),
        demonyms=demonyms,
        party_names=parties,
    )


def _sides(event: Mapping[str, Any]) -> set[str]:
    actors = [event.get("actor"), event.get("target"), *(event.get("participants") or [])]
    return {a["side"] for a in actors if a and a.get("side")}


def event_theatre(event: Mapping[str, Any], scope: TheatreScope | None = None) -> str | None:
    """The theatre of one event (its ledger-schema JSON), or ``None`` when outside it."""
    if "theatre" in event:  # the extractor's own reading, null for another conflict
        return str(event["theatre"]) if event["theatre"] else None
    scope = scope or default_scope()
    countries = {loc.get("country") for loc in event.get("locations") or []} - {None}
    if countries & scope.countries:
        return scope.theatre
    located = event.get("kind") in scope.located_kinds
    if located and countries:
        return None  # placed, and placed elsewhere: another war's strike
    return scope.theatre if _sides(event) & scope.parties else None
