"""Which country each event happened in, and whether it belongs to the theatre.

An attack in Pakistan is an event, but not one of this war: every event carries
``country`` (of its place) and ``theatre`` (the theatre's name, or ``None``). The rules
are data (the theatre's ``scope.json``: its countries and the kinds that happen at a
place); the detector's ``other_theatre`` reading and the rest of the document decide
where places and sides do not:

- placed in one of the theatre's countries: in the theatre;
- a located kind (a strike, a battle) placed elsewhere: in the theatre only when one of
  the theatre's parties is a side and the detector does not read the sentence as
  another conflict's, and the place is in a country the war spills into (``scope.json``'s
  ``spillover_countries``) or both parties fight there (a Russian drone crashing in
  Poland, not Russian jets bombing Idlib);
- unplaced, or a kind that happens anywhere (talks in Riyadh, sanctions in Brussels): in
  the theatre when a party is a side;
- no placed country and no party as a side, but its sentence names only countries outside
  the theatre ("Sudan's army recaptured the town of X", "in Somalia's Middle Shabelle
  region"): another conflict's event; a located kind takes the country when the sentence
  names one only (the place the gazetteer does not know lies in it);
- with no side and no place at all, like the document's other events, unless the
  detector reads the sentence as another conflict's.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from warledger.nlp.theatre import Theatre
from warledger.types import KINETIC_KINDS, Event

if TYPE_CHECKING:
    from warledger.nlp.context import DocContext

OTHER = "other_theatre"


@dataclass(frozen=True)
class Scope:
    """A theatre's name as events carry it, its countries, parties and located kinds."""

    name: str
    countries: frozenset[str]
    parties: frozenset[str]
    located_kinds: frozenset[str]
    spillover: frozenset[str] | None = None  # None: every country

    @classmethod
    def of(cls, theatre: Theatre) -> Scope:
        data = theatre.data("scope.json") or {}
        parties = frozenset(p.code for p in theatre.parties)
        return cls(
            name=str(data.get("theatre") or theatre.name),
            countries=frozenset(data.get("countries") or parties),
            parties=parties,
            located_kinds=frozenset(data.get("located_kinds") or KINETIC_KINDS),
            spillover=(
                frozenset(data["spillover_countries"]) if "spillover_countries" in data else None
            ),
        )


def event_country(event: Event) -> str | None:
    """The country of the event's first placed location; None without one."""
    return next((loc.country for loc in event.locations if loc.country), None)


def _sides(event: Event) -> set[str]:
    actors = [event.actor, event.target, *event.participants]
    return {a.side for a in actors if a is not None and a.side}


def assign(
    events: Sequence[Event],
    scope: Scope,
    other: Sequence[float | None] | None = None,
    named: Sequence[frozenset[str]] | None = None,
    foreign_sides: Sequence[bool] | None = None,
    theatre_named: bool = True,
) -> None:
    """Set ``country`` and ``theatre`` on each event; ``other[i]`` is the detector's
    probability that event i's sentence reports another conflict (None: no reading);
    ``named[i]`` the countries event i's sentence names as places; ``foreign_sides[i]``
    whether it names sides and all of them are outside the theatre ("Azerbaijani forces
    shelled X"), which decides an event nothing else places only when no event of the
    document is in the theatre; ``theatre_named`` whether the document names the theatre
    at all (a country, a party or a side word): a snippet about a battle in Borno state
    that never mentions the war is not part of it, however little is known of its place."""
    readings = list(other) if other is not None else [None] * len(events)
    countries = list(named) if named is not None else [frozenset()] * len(events)
    undecided: list[int] = []
    for i, event in enumerate(events):
        event.country = event_country(event)
        verdict = _decide(event, scope, readings[i])
        if verdict is None:
            verdict = _elsewhere_by_sentence(event, scope, countries[i])
        if verdict is None:
            undecided.append(i)
        else:
            event.theatre = scope.name if verdict else None
    inside = sum(1 for e in events if e.theatre == scope.name)
    decided = len(events) - len(undecided)
    strangers = list(foreign_sides) if foreign_sides is not None else [False] * len(events)
    for i in undecided:
        elsewhere = (readings[i] or 0.0) >= 0.5 or (strangers[i] and inside == 0)
        elsewhere = elsewhere or not theatre_named
        majority = decided == 0 or inside * 2 >= decided
        events[i].theatre = scope.name if majority and not elsewhere else None


def _decide(event: Event, scope: Scope, other: float | None) -> bool | None:
    """True (in), False (out), or None (no place and no side: the document decides)."""
    elsewhere = (other or 0.0) >= 0.5
    countries = {loc.country for loc in event.locations if loc.country}
    sides = _sides(event) & scope.parties
    if countries & scope.countries:
        return True
    if countries and event.kind in scope.located_kinds:
        near = scope.spillover is None or bool(countries & scope.spillover)
        return bool(sides) and not elsewhere and (near or sides == scope.parties)
    if sides:
        return True
    if countries:
        return False
    return None


def _elsewhere_by_sentence(event: Event, scope: Scope, named: frozenset[str]) -> bool | None:
    """False (out of the theatre) when the sentence names only countries outside it;
    a located kind then takes the country the sentence names, if it names one only."""
    if not named or named & scope.countries:
        return None
    if event.country is None and len(named) == 1 and event.kind in scope.located_kinds:
        event.country = next(iter(named))
    return False


def named_countries(
    events: Sequence[Event], ctx: DocContext, ranges: Sequence[tuple[int, int]]
) -> list[frozenset[str]]:
    """Per event, the countries of the places its sentence names ("in Somalia's Middle
    Shabelle region", "Sudan's army", "the Libyan capital"): where an unknown place lies.
    A party of the theatre the sentence names ("the Jeddah talks with Ukrainian
    officials") counts as naming its country: such a sentence is not only about
    elsewhere. A battle at a place nobody knows, fought by one foreign country's men
    ("Colombian soldiers clashed with guerrillas in Arauca department"), is in that
    country: armies mostly fight at home, while strikes often cross borders."""
    parties = {p.code for p in ctx.theatre.parties}
    out: list[frozenset[str]] = []
    for event in events:
        start = event.evidence[0].start if event.evidence else -1
        bounds = next(((s, e) for s, e in ranges if s <= start < e), None)
        if bounds is None:
            out.append(frozenset())
            continue
        places = {
            p.location.country
            for p in ctx.places
            if bounds[0] <= p.start and p.end <= bounds[1] and p.location.country
        }
        sides = {
            a.actor.side
            for a in ctx.actors
            if bounds[0] <= a.start and a.end <= bounds[1] and a.actor.side in parties
        }
        if event.kind == "ground_combat" and not places and not sides:
            armies = set(armed_foreign_sides(ctx, *bounds))
            if len(armies) == 1:
                places = armies  # "Ethiopian troops clashed with militiamen in <unknown>"
        out.append(frozenset(places | sides))
    return out


def foreign_sides_only(
    events: Sequence[Event], ctx: DocContext, ranges: Sequence[tuple[int, int]]
) -> list[bool]:
    """Per event: does its sentence name sides, none of them a party of the theatre?"""
    out = []
    for event in events:
        start = event.evidence[0].start if event.evidence else -1
        bounds = next(((s, e) for s, e in ranges if s <= start < e), None)
        sides = (
            {
                a.actor.side
                for a in ctx.actors
                if bounds[0] <= a.start and a.end <= bounds[1] and a.actor.side
            }
            if bounds is not None
            else set()
        )
        parties = {p.code for p in ctx.theatre.parties}
        out.append(bool(sides) and not (sides & parties))
    return out


def other_readings(
    events: Sequence[Event],
    ranges: Sequence[tuple[int, int]],
    scores: Sequence[Mapping[str, float]],
) -> list[float | None]:
    """Per event, the detector's ``other_theatre`` probability for its sentence."""
    out: list[float | None] = []
    for event in events:
        start = event.evidence[0].start if event.evidence else -1
        i = next((k for k, (s, e) in enumerate(ranges) if s <= start < e), None)
        out.append(scores[i].get(OTHER) if i is not None else None)
    return out


def names_theatre(ctx: DocContext, scope: Scope) -> bool:
    """Does the document name the theatre anywhere: a place in one of its countries, one
    of its parties as an actor, or a side word ("Russian", "Ukrainian")?"""
    if any(p.location.country in scope.countries for p in ctx.places):
        return True
    if any(a.actor.side in scope.parties for a in ctx.actors):
        return True
    words = ctx.theatre.side_words
    return any(t.lower_ in words for t in ctx.doc)


def armed_foreign_sides(ctx: DocContext, start: int, end: int) -> list[str]:
    """Countries outside the theatre whose armed men the text between ``start`` and
    ``end`` names ("Colombian soldiers", not "the Mexican state" or "the Afghan border"),
    in reading order; none when a party of the theatre is named there."""
    from warledger.nlp.lexicon import kinetic_lexicon

    mentions = [a for a in ctx.actors if start <= a.start and a.end <= end and a.actor.side]
    if any(a.actor.side in ctx.theatre.codes for a in mentions):
        return []
    armed = kinetic_lexicon(ctx.theatre).ground_agents
    sides: list[str] = []
    for mention in mentions:
        span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or len(mention.actor.side) != 2 or mention.actor.side in sides:
            continue
        root = span.root
        nouns = {root.lemma_.lower(), root.head.lemma_.lower()}
        nouns |= {c.head.lemma_.lower() for c in root.conjuncts}  # "Thai and Cambodian troops"
        if nouns & armed:
            sides.append(mention.actor.side)
    return sides
