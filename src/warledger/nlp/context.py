"""What every event reader gets about one document, computed once per document.

The extractor builds one ``DocContext`` per parsed document (places found and resolved,
actors found, the reference date) and hands it to each reader (kinetic events,
diplomacy events, positions). Readers are functions ``(ctx) -> list[...]`` so they can
be written, tested and improved independently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from warledger.nlp.theatre import Theatre, default_theatre
from warledger.types import Actor, Location

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


@dataclass(frozen=True)
class PlaceMention:
    """A place named in the text, with where it resolved to (or its bare name)."""

    start: int  # character offsets into the document text
    end: int
    text: str
    location: Location


@dataclass(frozen=True)
class ActorMention:
    """An actor named in the text (a person, a body, a state or a metonym like "Kyiv")."""

    start: int
    end: int
    text: str
    actor: Actor


@dataclass
class DocContext:
    doc: Doc
    published: date | None = None
    places: list[PlaceMention] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    # The conflict whose parties and lexicons the readers read this document against.
    theatre: Theatre = field(default_factory=default_theatre)
    # The party the document itself speaks for (a Kremlin release: RU), else None: what
    # such a document states without naming another source is that party's claim.
    voice: str | None = None
    # Character ranges of datelines ("ODESA, Ukraine (AP) —"): where the reporter is, so
    # their names are no side of the sentence they open.
    datelines: list[tuple[int, int]] = field(default_factory=list)
    # The country of the datelines' place ("KHARKIV, Ukraine —": UA): where the story is
    # filed from, so an unnamed local authority ("the mayor said") is that country's.
    dateline_country: str | None = None

    @property
    def text(self) -> str:
        return self.doc.text

    def places_in(self, span: Span) -> list[PlaceMention]:
        """Places whose mention lies inside ``span`` (e.g. a sentence)."""
        return [p for p in self.places if span.start_char <= p.start and p.end <= span.end_char]

    def actors_in(self, span: Span) -> list[ActorMention]:
        """Actors whose mention lies inside ``span``."""
        return [a for a in self.actors if span.start_char <= a.start and a.end <= span.end_char]
