"""What a reader is: the kinds it produces, the function that reads them, and the terms it
needs the cheap pass to look for.

Readers (kinetic events, diplomacy events, positions) each export one :class:`Reader`;
:mod:`warledger.nlp.registry` lists them, and the gate and the extractor iterate that list.
A new family of events is a new reader module and one line in the registry.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from warledger.nlp.cheap import TermPattern

if TYPE_CHECKING:
    from warledger.nlp.context import DocContext
    from warledger.nlp.theatre import Theatre


@dataclass(frozen=True)
class CheapTerms:
    """What the cheap pass must look for so that no sentence this reader needs is skipped."""

    # Lemmas that may start a trigger phrase (expanded to surface forms by the gate).
    lemmas: frozenset[str] = frozenset()
    # Sentence patterns, each with the literal terms a match must contain.
    patterns: tuple[TermPattern, ...] = ()
    # Sentence openings whose reading needs the previous sentence parsed too.
    back_references: tuple[re.Pattern[str], ...] = ()
    # Sentences whose reading needs the next two parsed too (a quotation closed later,
    # where its speaker is named).
    forward_references: tuple[re.Pattern[str], ...] = ()


@dataclass(frozen=True)
class Reader:
    """One family of readings over a parsed document."""

    name: str
    output: Literal["events", "positions"]
    kinds: tuple[str, ...]  # event kinds produced (empty for positions)
    read: Callable[[DocContext], list[Any]]
    # What the cheap pass must look for, given the theatre whose lexicons the reader uses.
    terms: Callable[[Theatre], CheapTerms] = field(default=lambda _theatre: CheapTerms())
