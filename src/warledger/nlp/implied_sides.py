"""The side a two-party war leaves implied.

In a war of two parties an attack on one is the other's: "a missile slammed into an
apartment block in Kyiv" names no attacker, yet the reader knows who fired. Once the
readers are done and each event knows its theatre and country, a kinetic event of the
theatre whose one side is known gets the other as its counterpart:

- a target that is a party and no actor: the actor is the target's enemy (occupied
  land is the enemy's soil by the gazetteer but not by the target the text names);
- an actor that is a party and no target, when nothing happened outside the parties'
  countries (a drone downed over Poland targeted Poland, not the enemy): the target is
  the actor's enemy;
- neither, when a party tells it: "the enemy" is the party's enemy; ground it reports
  taken is its own gain; a strike on its own soil (or air defence over it) hit it.

Other wars keep what their text says: their parties are not the theatre's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from warledger.nlp.actors import side_actor
from warledger.nlp.reading_order import in_reading_order

if TYPE_CHECKING:
    from warledger.nlp.context import DocContext
    from warledger.types import Event

SIDED_KINDS = frozenset({"strike", "ground_combat", "territorial_change"})


def complete_sides(events: list[Event], ctx: DocContext, theatre_name: str) -> None:
    """Fill the missing actor or target of the theatre's kinetic events (see module)."""
    theatre = ctx.theatre
    parties = theatre.codes
    for event in events:
        if event.kind not in SIDED_KINDS or event.theatre != theatre_name:
            continue
        actor = event.actor.side if event.actor else None
        target = event.target.side if event.target else None
        countries = {loc.country for loc in event.locations}
        at_home = countries <= parties | {None}
        speaker = event.claimant.side if event.claimant else None
        if actor is None and target is None and speaker in parties:
            actor, target = _told_by_a_party(event, ctx, speaker, countries)
            event.actor = side_actor(actor, theatre) if actor else None
            event.target = side_actor(target, theatre) if target else None
        if actor is None and target in parties:
            event.actor = side_actor(theatre.opposite(target), theatre)
        elif target is None and actor in parties and at_home and event.target is None:
            event.target = side_actor(theatre.opposite(actor), theatre)


# Words for the speaker's enemy: "the enemy carried out three missile strikes".
ENEMY_WORDS = frozenset({"enemy", "occupier", "occupiers", "invader", "invaders", "adversary"})


def _told_by_a_party(
    event: Event, ctx: DocContext, speaker: str, countries: set[str | None]
) -> tuple[str | None, str | None]:
    """(actor, target) of a kinetic event a party tells without naming either side:
    "the enemy" is the speaker's enemy; a place taken that the speaker reports is its
    own gain ("units of the Battlegroup Centre liberated X", "claims control of X"); a
    strike on the speaker's own soil, or air defence over it, hit the speaker."""
    enemy = ctx.theatre.opposite(speaker)
    if _enemy_acts(event, ctx):
        return enemy, speaker
    if event.kind == "territorial_change" and event.subtype != "withdrawn":
        if _other_sides_named(event, ctx, speaker):
            return None, None  # "taken by Russian forces, the governor said": not its gain
        return speaker, enemy
    if event.kind != "strike":
        return None, None
    if countries == {speaker} or (
        event.subtype == "air_defense_engagement" and countries <= {speaker, None}
    ):
        return enemy, speaker
    return None, None


def _enemy_acts(event: Event, ctx: DocContext) -> bool:
    """Is the subject of the event's sentence "the enemy" or "the occupiers"?"""
    first = event.evidence[0]
    span = ctx.doc.char_span(first.start, first.end, alignment_mode="expand")
    if span is None:
        return False
    return any(
        t.lower_ in ENEMY_WORDS and t.dep_ in {"nsubj", "nsubjpass", "agent", "pobj"}
        and (t.dep_ != "pobj" or t.head.lower_ == "by")
        for t in span
    )


def _other_sides_named(event: Event, ctx: DocContext, speaker: str) -> bool:
    """Does the event's sentence name a party other than the speaker?"""
    first = event.evidence[0]
    return any(
        first.start <= a.start and a.end <= first.end and a.actor.side not in (None, speaker)
        and a.actor.side in ctx.theatre.codes
        for a in ctx.actors
    )


# Kinds that happen at a place, whose country a story keeps while it tells them.
PLACED_KINDS = frozenset({"strike", "ground_combat", "territorial_change", "casualty_report"})


def carry_country(events: list[Event], ranges: list[tuple[int, int]], reach: int = 3) -> None:
    """A placed event that names no place happened where the story's last placed event
    of the same war did, within ``reach`` sentences ("In Kherson, a drone hit a bus. Hours
    later another drone struck a man"): the story has not moved."""
    last: tuple[int, Event] | None = None
    for at, event in in_reading_order(events, PLACED_KINDS, ranges):
        if event.country or event.locations:
            if event.country:
                last = (at, event)
            continue
        if last is not None and at - last[0] <= reach and last[1].theatre == event.theatre:
            event.country = last[1].country
