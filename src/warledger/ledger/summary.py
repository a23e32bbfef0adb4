"""One line that says what happened, for titles, table cells and exports.

"Russian drone strike on Odesa: 54 launched, 38 intercepted, 3 injured". Built only from
the event's fields: a side, weapon, place or number the sources do not give is left out,
never guessed. A reported denial says so first.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from warledger.ledger.durations import duration_words
from warledger.ledger.theatre import default_scope

KIND_NOUNS = {
    "strike": "strike",
    "ground_combat": "fighting",
    "territorial_change": "territorial change",
    "casualty_report": "casualty report",
    "ceasefire": "ceasefire",
    "talks": "talks",
    "proposal": "peace proposal",
    "sanction": "sanctions",
    "aid": "aid",
}
SUBTYPE_PHRASES = {
    "air_defense_engagement": "air-defence engagement",
    "violation_alleged": "violation alleged",
    "put_forward": "put forward",
    "mediation_offered": "mediation offered",
}
PLACE_PREPOSITION = {"strike": "on", "ground_combat": "near", "territorial_change": "at"}
COUNT_ORDER = ("launched", "intercepted", "failed", "killed", "injured", "captured", "missing")


def _count_value(count: Any) -> int | None:
    if isinstance(count, Mapping):
        return count.get("best", count.get("value"))
    return getattr(count, "best", getattr(count, "value", None))


def _side_word(side: str | None) -> str | None:
    return default_scope().demonyms.get(side or "") if side else None


def counts_phrase(counts: Mapping[str, Any]) -> str:
    """ "54 launched, 38 intercepted, 3 injured" in a fixed order, known numbers only."""
    keys = [k for k in COUNT_ORDER if k in counts] + sorted(set(counts) - set(COUNT_ORDER))
    parts = []
    for key in keys:
        value = _count_value(counts[key])
        if value is None:
            continue
        low, high = _bound(counts[key], "low"), _bound(counts[key], "high")
        if low is not None and high is not None and low != high:
            value = f"{low}–{high}"  # the sources disagree: show their range, not one pick
        parts.append(f"{value} {key.replace('_', ' ')}")
    return ", ".join(parts)


def _bound(count: Any, name: str) -> int | None:
    if isinstance(count, Mapping):
        return count.get(name)
    return getattr(count, name, None)


def summarise(event: Mapping[str, Any]) -> str:
    """The one-line summary of a consolidated event given as its ledger-schema JSON."""
    kind = event.get("kind") or "event"
    actor = event.get("actor") or {}
    words: list[str] = []
    side = _side_word(actor.get("side"))
    if side:
        words.append(side)
    weapon = event.get("weapon")
    if kind == "strike" and weapon and weapon != "mixed":
        words.append(weapon.replace("_", " "))
    noun = KIND_NOUNS.get(kind, kind.replace("_", " "))
    subtype = event.get("subtype")
    places = [loc.get("name") for loc in event.get("locations") or [] if loc.get("name")]
    if kind == "territorial_change" and subtype and subtype != "contested":
        # "Russian forces captured Robotyne"; without a place: "... captured territory"
        who = f"{words[0]} forces" if words else "Forces"
        verb = {"withdrawn": "withdrew from"}.get(subtype, subtype)
        return _finish(f"{who} {verb} {places[0] if places else 'territory'}", event)
    if kind == "ground_combat" and subtype:
        noun, subtype = subtype, None  # "Russian assault near Pokrovsk"
    if event.get("name") and kind in ("ceasefire", "proposal"):
        noun = f"{noun} “{event['name']}”"
    words.append(noun)
    if subtype and kind not in ("strike",):
        words.append(SUBTYPE_PHRASES.get(subtype, subtype.replace("_", " ")))
    elif subtype:
        words.append(f"({SUBTYPE_PHRASES.get(subtype, subtype)})")
    if places:
        words.append(f"{PLACE_PREPOSITION.get(kind, 'in')} {places[0]}")
    if kind in ("ceasefire",) and event.get("duration"):
        words.append(f"for {duration_words(event['duration'])}")
    return _finish(" ".join(words), event)


def _finish(text: str, event: Mapping[str, Any]) -> str:
    """Capitalised, with the numbers after a colon and any denial made plain."""
    text = text[0].upper() + text[1:]
    numbers = counts_phrase(event.get("counts") or {})
    if numbers:
        text += f": {numbers}"
    claims = event.get("claims") or []
    if claims and all(c.get("negated") for c in claims):
        text = f"Denied: {text}"
    elif any(c.get("negated") for c in claims):
        text += " (denied by a source)"
    return text


def negated_claims(event: Mapping[str, Any]) -> int:
    """How many claims about the event deny that it happened."""
    return sum(1 for c in event.get("claims") or [] if c.get("negated"))
