"""The registered readers: the one list the gate and the extractor iterate.

Each reader module exports a :class:`~warledger.nlp.reader.Reader` declaring the kinds it
produces and the terms the cheap pass must look for. Adding a family of events is a new
module with a ``READER`` and one line here; a test checks that the readers' kinds are the
schema's kinds (``warledger.types.EVENT_KINDS``).
"""

from __future__ import annotations

from warledger.nlp import diplomacy, kinetic, positions
from warledger.nlp.reader import CheapTerms, Reader
from warledger.nlp.theatre import Theatre

READERS: tuple[Reader, ...] = (kinetic.READER, diplomacy.READER, positions.READER)


def event_readers() -> tuple[Reader, ...]:
    return tuple(r for r in READERS if r.output == "events")


def position_readers() -> tuple[Reader, ...]:
    return tuple(r for r in READERS if r.output == "positions")


def produced_kinds() -> tuple[str, ...]:
    """Every event kind some registered reader produces, in registry order."""
    return tuple(kind for r in event_readers() for kind in r.kinds)


def cheap_terms(theatre: Theatre) -> CheapTerms:
    """The union of what every reader needs the cheap pass to look for in ``theatre``."""
    parts = [r.terms(theatre) for r in READERS]
    return CheapTerms(
        lemmas=frozenset().union(*(p.lemmas for p in parts)),
        patterns=tuple(p for part in parts for p in part.patterns),
        back_references=tuple(b for part in parts for b in part.back_references),
        forward_references=tuple(f for part in parts for f in part.forward_references),
    )
