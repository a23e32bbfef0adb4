"""The role a place plays in its sentence, read off the word before it.

Event readers need to tell where something happened ("in Kharkiv", "near Pokrovsk") from
the ends of a route ("from Quetta to Peshawar", "a convoy moved from Kharkiv to Izium"):
a route's ends are not where an attack took place. The finder keeps both as places; this
module names the preposition and the role so a reader can choose.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal

from warledger.nlp.context import PlaceMention
from warledger.nlp.lexicon import kinetic_lexicon

if TYPE_CHECKING:
    from warledger.nlp.context import DocContext

Role = Literal["origin", "destination", "via", "location"]

ROLES: dict[str, Role] = {
    "from": "origin",
    "to": "destination",
    "toward": "destination",
    "towards": "destination",
    "via": "via",
    "through": "via",
    "in": "location",
    "near": "location",
    "at": "location",
    "outside": "location",
    "around": "location",
    "inside": "location",
    "on": "location",
    "over": "location",
    "across": "location",
}
# The last word before a mention, past an optional article ("from the port of" is not
# looked through: "of" is the word before the name, and it has no role).
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+(?:the\s+)?$", re.IGNORECASE)
_LOOKBACK = 24  # characters: enough for a preposition and "the "


def preposition(text: str, mention: PlaceMention) -> str | None:
    """The lower-cased preposition right before ``mention`` ("from", "in"), or None."""
    match = _WORD_BEFORE.search(text[max(0, mention.start - _LOOKBACK) : mention.start])
    if match is None:
        return None
    word = match.group(1).lower()
    return word if word in ROLES else None


def role(text: str, mention: PlaceMention) -> Role | None:
    """Whether ``mention`` is where something is ("location") or the origin, destination
    or waypoint of a movement; None when no preposition says."""
    word = preposition(text, mention)
    return ROLES[word] if word else None


# "across Ukraine", "in Russia", "fired at Ukraine", "in seven regions of Ukraine": a whole
# country as where it happened.
_NATIONWIDE_BEFORE = re.compile(
    r"\b(?:across|throughout|all\s+over|all\s+across|over|in|inside|at)\s+"
    r"(?:the\s+)?(?:whole\s+|entire\s+)?(?:of\s+)?"
    # "across seven regions of Ukraine", "in several oblasts of Russia"
    r"(?:(?:[\w-]+\s+)?(?:regions|oblasts|provinces)\s+of\s+)?"
    r"(?:(?:north|south|east|west|central|(?:north|south)-?(?:east|west))(?:ern)?\s+)?$",
    re.IGNORECASE,
)


def nationwide(text: str, mention: PlaceMention) -> bool:
    """A country named as where something happened ("drones launched across Ukraine",
    "attacks on air bases in Russia", "a convoy ambushed in western Niger"): a
    country-level location, for an event the text
    places nowhere more precise; not a country named as an actor or a target."""
    if mention.location.precision != "country":
        return False
    return bool(_NATIONWIDE_BEFORE.search(text[max(0, mention.start - 32) : mention.start]))


# "the Sumy regional military administration": a body named for the oblast it governs; its
# city's name there is no place where anything happened.
REGIONAL_BODY = re.compile(
    r"\s+(?:regional|oblast)\s+(?:military\s+|state\s+)?"
    r"(?:administration|council|governor|authorities|prosecutor)",
    re.IGNORECASE,
)


def attacker(mention: PlaceMention, ctx: DocContext) -> bool:
    """A country that is the subject of an attack word ("Russia launches a wave of drones",
    "Ukraine struck a refinery") names the attacker, not where it happened; "Ukraine came
    under attack" keeps the country as the place."""
    if mention.location.precision != "country":
        return False
    span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    verb = root.head
    return (
        root.dep_ == "nsubj"
        and verb.pos_ == "VERB"
        and verb.lemma_.lower() in kinetic_lexicon(ctx.theatre).triggers.by_first
    )
