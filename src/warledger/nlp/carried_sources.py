"""A source named once governs the details told right after it.

News names who speaks in its lead and then goes on in the source's voice: "Russia
attacked the Odesa region overnight, the regional governor said. In Izmail, drones hit
grain storage facilities; two port workers were injured." The second sentence names no
one, yet it is still the governor's account: a party's claim, not the paper's own report.

A kinetic event whose sentence names no source and does not hedge takes the party source
of the event told just before it (in the sentence before, or two back when the sentence
between names no other source), unless its sentence opens a new incident of its own ("On
the same day, ...", "Separately, ...", "On 12 May, ..."): monitoring notes list incidents
each in the writer's own voice.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from warledger.nlp.reading_order import in_reading_order

if TYPE_CHECKING:
    from warledger.nlp.context import DocContext
    from warledger.types import Actor, Event

CARRIED_KINDS = frozenset({"strike", "ground_combat", "territorial_change", "casualty_report"})

# How many sentences back a source still speaks.
REACH = 2

# A sentence that opens with a time or a turn of its own starts another incident.
_NEW_INCIDENT = re.compile(
    r"^\W*(?:(?:also\s+)?on\b|later\b|earlier\b|hours\s+later|minutes\s+later|meanwhile"
    r"|separately|in\s+a\s+separate|elsewhere|at\s+(?:around|about)\b|overnight\s+into"
    r"|the\s+same\s+(?:day|night|evening|morning)|that\s+(?:day|night|evening|morning)"
    r"|\d{1,2}\s+[A-Z][a-z]+\s+\d{4})",
    re.IGNORECASE,
)
# A sentence between that names a source of its own ends the first source's account.
_OTHER_SOURCE = re.compile(
    r"\b(?:said|says|say|according\s+to|reported|reports|told|wrote|claimed|stated"
    r"|announced|comment(?:ed)?)\b",
    re.IGNORECASE,
)

# An item closed by its citation ("... 34 of 67 missiles. (Reuters)"): the next item of a
# list of news items is told by no one in particular.
_CITED = re.compile(r"\([A-Z][^()\n]{1,60}\)\s*$")


def carry_sources(events: list[Event], ctx: DocContext, ranges: list[tuple[int, int]]) -> None:
    """Give each unsourced kinetic event the party source of the event just before it."""
    if ctx.voice is not None or not ranges:
        return  # a party's own release already speaks for every sentence
    last: tuple[int, Actor] | None = None
    for at, event in in_reading_order(events, CARRIED_KINDS, ranges):
        if event.claimant is not None:
            last = (at, event.claimant) if event.claimant.side in ctx.theatre.codes else None
            continue
        if last is None or not 0 < at - last[0] <= REACH or not _unsourced(event):
            continue
        start, end = ranges[at]
        told_before = ctx.text[ranges[last[0]][0] : start]
        own = ctx.text[start:end]
        if (
            _NEW_INCIDENT.match(own)
            or _OTHER_SOURCE.search(ctx.text[ranges[last[0]][1] : start])
            or _CITED.search(told_before)
        ):
            last = None
            continue
        event.claimant, event.status, event.attribution = last[1], "claimed", "named"
        last = (at, last[1])


def _unsourced(event: Event) -> bool:
    """Plain narration: no source, no hedge, no doubt (``reported`` and ``unattributed``)."""
    return event.status == "reported" and event.attribution in (None, "unattributed")
