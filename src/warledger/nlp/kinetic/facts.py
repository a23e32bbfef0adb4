"""What the lexicon pass found in one sentence: the facts every kinetic reading starts from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from warledger.nlp.lexicon import Hit

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

    from warledger.nlp.context import PlaceMention


@dataclass
class SentenceFacts:
    """What the lexicon pass found in one sentence (token offsets are sentence-relative)."""

    sent: SpacySpan
    lemmas: list[str]
    triggers: list[Hit]
    weapons: list[Hit]
    targets: list[Hit]
    count_words: list[Hit]
    places: list[PlaceMention] = field(default_factory=list)
    regions: list[PlaceMention] = field(default_factory=list)  # "southern Russia"
