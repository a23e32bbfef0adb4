"""Check a gold file against the annotation guidelines before it is trusted.

A gold file that names a kind, subtype or count the schema does not have, or whose
evidence is not in its document, would be scored (or learnt from) silently wrong: the
scorer never finds an evidence phrase that is not there, and the detector's training
drops it. ``problems`` lists what is wrong with one file, read against its text
(``docs/annotation.md`` says what each field holds).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from warledger.eval.gold import GoldDocument
from warledger.eval.textmatch import normalize
from warledger.types import (
    COUNT_KEYS,
    DATE_PRECISIONS,
    EVENT_KINDS,
    ISSUES,
    PRECISIONS,
    QUALIFIERS,
    SCOPES,
    STATUSES,
    SUBTYPES,
    TARGET_KINDS,
    WEAPONS,
)

THEATRES = ("russia-ukraine", None)
NON_EVENT_REASONS = (
    "negated",
    "question",
    "hypothetical",
    "threat",
    "background",
    "generic",
    "out_of_schema",
)
# ISO 3166 alpha-2, or one of the organisations the guidelines allow as a side.
SIDE = re.compile(r"^(?:[A-Z]{2}|EU|NATO|UN)$")
DAY = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def _is_day(value: str) -> bool:
    try:
        return len(value) == 10 and bool(dt.date.fromisoformat(value))
    except ValueError:
        return False


def _in_text(text: str, phrase: str) -> bool:
    return bool(phrase) and (phrase in text or normalize(phrase) in normalize(text))


def _party(where: str, party: Any) -> list[str]:
    if not isinstance(party, dict) or not ({"side", "name"} & party.keys()):
        return [f"{where}: a party is an object with a 'side' or a 'name'"]
    side = party.get("side")
    if side is not None and not SIDE.match(str(side)):
        return [f"{where}: side {side!r} is not an ISO alpha-2 code, EU, NATO or UN"]
    return []


def _event(where: str, event: dict[str, Any], text: str) -> list[str]:
    out: list[str] = []
    kinds = event.get("kind_any") or [event.get("kind")]
    for kind in kinds:
        if kind not in EVENT_KINDS:
            out.append(f"{where}: unknown kind {kind!r}")
    sub = event.get("subtype")
    if sub is not None and not any(sub in SUBTYPES.get(k, ()) for k in kinds):
        out.append(f"{where}: {sub!r} is no subtype of {'/'.join(map(str, kinds))}")
    if not _in_text(text, event.get("evidence", "")):
        out.append(f"{where}: evidence not in the document: {event.get('evidence')!r}")
    if "theatre" not in event or event["theatre"] not in THEATRES:
        out.append(f"{where}: 'theatre' must be given, 'russia-ukraine' or null")
    for key in ("actor", "target"):
        if key in event:
            out += _party(f"{where} {key}", event[key])
    for party in event.get("participants", []):
        out += _party(f"{where} participant", party)
    if "claimant" in event:
        out += _party(f"{where} claimant", event["claimant"])
    for place in event.get("locations", []):
        if not place.get("name") or place.get("precision", "settlement") not in PRECISIONS:
            out.append(f"{where}: a location needs a name and a known precision: {place}")
        if place.get("country") is not None and not SIDE.match(str(place["country"])):
            out.append(f"{where}: location country {place.get('country')!r} is no ISO code")
    date = event.get("date")
    if date is not None and not (
        DAY.match(str(date.get("start", ""))) and date.get("precision") in DATE_PRECISIONS
    ):
        out.append(f"{where}: a date is {{start, end, precision}}: {date}")
    if event.get("weapon") is not None and event["weapon"] not in WEAPONS:
        out.append(f"{where}: unknown weapon {event['weapon']!r}")
    out += [
        f"{where}: unknown target kind {kind!r}"
        for kind in event.get("target_kind", [])
        if kind not in TARGET_KINDS
    ]
    for key, count in event.get("counts", {}).items():
        if key not in COUNT_KEYS:
            out.append(f"{where}: unknown count {key!r}")
        elif not isinstance(count.get("value"), int) or count.get("qualifier") not in QUALIFIERS:
            out.append(f"{where}: count {key} needs an integer value and a qualifier")
    if event.get("status") is not None and event["status"] not in STATUSES:
        out.append(f"{where}: unknown status {event['status']!r}")
    scope = event.get("scope")
    scopes = scope if isinstance(scope, list) else [] if scope is None else [scope]
    out += [f"{where}: unknown scope {s!r}" for s in scopes if s not in SCOPES]
    return out


def problems(gold: GoldDocument, text: str) -> list[str]:
    """What is wrong with one gold file, read against its document's text."""
    name = gold.path or gold.doc
    out: list[str] = []
    for n, event in enumerate(gold.events, 1):
        out += _event(f"{name} event {n}", event, text)
    for n, item in enumerate(gold.non_events, 1):
        where = f"{name} non-event {n}"
        if item.get("reason") not in NON_EVENT_REASONS:
            out.append(f"{where}: unknown reason {item.get('reason')!r}")
        if not _in_text(text, item.get("evidence", "")):
            out.append(f"{where}: evidence not in the document: {item.get('evidence')!r}")
    for n, position in enumerate(gold.positions, 1):
        where = f"{name} position {n}"
        out += _party(where, position.get("party"))
        if position.get("issue") not in ISSUES:
            out.append(f"{where}: unknown issue {position.get('issue')!r}")
        if not position.get("stance"):
            out.append(f"{where}: a position needs a stance")
        if not _in_text(text, position.get("evidence", "")):
            out.append(f"{where}: evidence not in the document: {position.get('evidence')!r}")
    if gold.published is not None and not _is_day(gold.published):
        out.append(f"{name}: published {gold.published!r} is not YYYY-MM-DD")
    return out
