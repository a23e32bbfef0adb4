"""Whom a truce is addressed to: a ceasefire one party of a two-party war declares,
accepts, proposes or rejects is towards the other party ("Putin announces a unilateral
ceasefire": towards Ukraine; "Ukraine rejects an offer of a mutual ceasefire": towards
Russia), as the annotators record its target. A third party's proposal, or an actor the
text does not name, leaves the target to what the sentence says."""

from __future__ import annotations

from typing import TYPE_CHECKING

from warledger.nlp.actors import side_actor
from warledger.types import Event

if TYPE_CHECKING:
    from warledger.nlp.theatre import Theatre

ADDRESSED = frozenset({"declared", "accepted", "proposed", "rejected"})


def address_truces(events: list[Event], theatre: Theatre) -> None:
    """Give each party's own ceasefire act with no target the other party as target."""
    for event in events:
        if event.kind != "ceasefire" or event.target is not None or event.actor is None:
            continue
        side = event.actor.side
        if event.subtype not in ADDRESSED or side not in theatre.codes:
            continue
        event.target = side_actor(theatre.opposite(side), theatre)
