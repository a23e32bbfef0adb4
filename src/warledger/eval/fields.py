"""Field-by-field comparison of one matched (gold, predicted) event pair.

Only the fields a gold event gives are scored: an annotator leaves out what they
were not sure of. Actors are compared by ``side`` only; lists whose order carries no
meaning (participants' sides, scope, target kinds) are compared as sets; counts are
scored on value and qualifier separately; locations by name, else admin1, and
separately by admin1 and country; a date bound written to the month or year ("2025-02")
holds any day inside it. The annotated corpus also gives each event's
``country`` and ``theatre``: the theatre is scored only when the extractor labels one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from warledger.eval.placenames import place_key, same_place
from warledger.eval.textmatch import normalize
from warledger.types import Actor, Count, Event, Location


@dataclass(frozen=True)
class FieldCheck:
    """One scored field: its name, whether it was right, and both values."""

    field: str
    correct: bool
    gold: Any
    predicted: Any


def _side(actor: Actor | None) -> str | None:
    return actor.side if actor else None


def _gold_side(actor: dict[str, Any] | None) -> str | None:
    return actor.get("side") if actor else None


def admin1_of(loc: Location) -> str | None:
    """A location's oblast; an oblast-level place is its own admin1."""
    return loc.admin1 or (loc.name if loc.precision == "admin1" else None)


def pair_location(gold_loc: dict[str, Any], predicted: list[Location]) -> Location | None:
    """The predicted location that stands for a gold one: same name, else same admin1."""
    for loc in predicted:
        if same_place(gold_loc.get("name"), loc.name):
            return loc
    for loc in predicted:
        if same_place(gold_loc.get("admin1"), admin1_of(loc)):
            return loc
    return predicted[0] if len(predicted) == 1 else None


def location_checks(gold_locs: list[dict[str, Any]], predicted: list[Location]) -> list[FieldCheck]:
    """Per gold location: ``location`` (name, else admin1), ``admin1``, ``country``."""
    checks = []
    for gold_loc in gold_locs:
        loc = pair_location(gold_loc, predicted)
        name_ok = loc is not None and (
            same_place(gold_loc.get("name"), loc.name)
            or same_place(gold_loc.get("admin1"), admin1_of(loc))
        )
        checks.append(FieldCheck("location", name_ok, gold_loc.get("name"), loc and loc.name))
        if "admin1" in gold_loc:
            got = admin1_of(loc) if loc else None
            ok = place_key(gold_loc["admin1"]) == place_key(got)
            checks.append(FieldCheck("admin1", ok, gold_loc["admin1"], got))
        if "country" in gold_loc:
            got = loc.country if loc else None
            checks.append(
                FieldCheck("country", gold_loc["country"] == got, gold_loc["country"], got)
            )
    return checks


def _weapons_total(event: Event, key: str) -> Count | None:
    """The sum of a barrage's per-weapon numbers for ``key``, when two weapons or more
    give one and the extractor states no total of its own.

    The ledger states no total the text does not give ("55 missiles and 21 drones"), while
    the annotators recorded such a barrage's numbers added up (``docs/annotation.md``):
    the same information, so the scorer compares the gold figure with the sum. Its
    qualifier is the numbers' common one, none when they differ."""
    parts = [c[key] for c in event.counts_by_weapon.values() if key in c]
    if len(parts) < 2:
        return None
    qualifiers = {c.qualifier for c in parts}
    qualifier = qualifiers.pop() if len(qualifiers) == 1 else None
    return Count(sum(c.value for c in parts), qualifier)  # type: ignore[arg-type]


def count_checks(gold_counts: dict[str, Any], event: Event) -> list[FieldCheck]:
    """``count_value`` and ``count_qualifier`` for each count the gold gives."""
    checks = []
    for key, gold in gold_counts.items():
        got = event.counts.get(key) or _weapons_total(event, key)
        if "value" in gold:
            value = got.value if got else None
            checks.append(
                FieldCheck(
                    "count_value", gold["value"] == value, {key: gold["value"]}, {key: value}
                )
            )
        if "qualifier" in gold:
            qual = got.qualifier if got else None
            ok = gold["qualifier"] == qual
            checks.append(FieldCheck("count_qualifier", ok, {key: gold["qualifier"]}, {key: qual}))
    return checks


def _equal(name: str, gold: Any, predicted: Any) -> FieldCheck:
    return FieldCheck(name, gold == predicted, gold, predicted)


def _same_day(name: str, gold: str | None, predicted: str | None) -> FieldCheck:
    """A gold bound written to the month or year ("2025-02") names that whole month or
    year: a predicted bound inside it ("2025-02-01", "2025-02-28") is the same bound."""
    if gold and predicted and len(gold) < 10:
        return FieldCheck(name, predicted[: len(gold)] == gold, gold, predicted)
    return _equal(name, gold, predicted)


def _same_set(name: str, gold: list[Any], predicted: list[Any]) -> FieldCheck:
    gold_set = sorted(set(gold), key=str)
    pred_set = sorted(set(predicted), key=str)
    return FieldCheck(name, gold_set == pred_set, gold_set, pred_set)


def event_checks(gold: dict[str, Any], event: Event) -> list[FieldCheck]:
    """Every scored field of one matched pair."""
    checks: list[FieldCheck] = []
    for name in ("subtype", "weapon", "status", "negated", "duration", "civilian"):
        if name in gold:
            checks.append(_equal(name, gold[name], getattr(event, name)))
    if "name" in gold:
        want, got = gold["name"], event.name
        ok = (want is None and got is None) or bool(
            want and got and normalize(want) == normalize(got)
        )
        checks.append(FieldCheck("name", ok, want, got))
    for role in ("actor", "target", "claimant"):
        if role in gold:
            checks.append(
                _equal(f"{role}_side", _gold_side(gold[role]), _side(getattr(event, role)))
            )
    if "participants" in gold:
        want = [p.get("side") for p in gold["participants"] if p.get("side")]
        got = [p.side for p in event.participants if p.side]
        checks.append(_same_set("participants", want, got))
    if "scope" in gold:
        checks.append(_same_set("scope", gold["scope"], event.scope))
    if "target_kind" in gold:
        checks.append(_same_set("target_kind", gold["target_kind"], event.target_kind))
    if "locations" in gold:
        checks.extend(location_checks(gold["locations"], event.locations))
    if "counts" in gold:
        checks.extend(count_checks(gold["counts"], event))
    for part in ("start", "end"):
        if part in gold.get("date", {}):
            checks.append(_same_day(f"date_{part}", gold["date"][part], getattr(event.date, part)))
    if "precision" in gold.get("date", {}):
        checks.append(_equal("date_precision", gold["date"]["precision"], event.date.precision))
    if "country" in gold:
        checks.append(_equal("event_country", gold["country"], event_country(event)))
    if "theatre" in gold and hasattr(event, "theatre"):
        checks.append(_equal("theatre", gold["theatre"], event.theatre))
    return checks


def event_country(event: Event) -> str | None:
    """The country of an event's place: its own ``country`` field where the extractor
    gives one, else its first location's country (none without a location)."""
    own = getattr(event, "country", None)
    if own:
        return str(own)
    return next((loc.country for loc in event.locations if loc.country), None)


def place_resolution(gold: dict[str, Any], event: Event) -> list[bool]:
    """For each gold location with an admin1: did the same-named prediction get that oblast?"""
    results = []
    for gold_loc in gold.get("locations", []):
        if not gold_loc.get("admin1"):
            continue
        named = [loc for loc in event.locations if same_place(gold_loc.get("name"), loc.name)]
        results.append(any(same_place(gold_loc["admin1"], admin1_of(loc)) for loc in named))
    return results
