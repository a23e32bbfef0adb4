"""What the cheap pass and the readers agree on, with no dependency on either.

A reader declares the terms its patterns need (:class:`TermPattern`: a pattern plus the
lower-case strings of which every match contains one, written in the lexicon beside the
pattern); the gate selects the sentences that contain them and parses only those, and the
reader skips every sentence the gate skipped (:func:`was_parsed`). Neither imports the
other: both import this module.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span


@dataclass(frozen=True)
class TermPattern:
    """A compiled sentence pattern with the terms a match must contain.

    ``terms`` is ``None`` when no such set is known; the pattern is then always run.
    """

    pattern: re.Pattern[str]
    terms: frozenset[str] | None = None

    def may_match(self, lowered: str) -> bool:
        """Could the pattern match a sentence whose lower-cased text is ``lowered``?"""
        return self.terms is None or any(w in lowered for w in self.terms)

    def search(self, text: str, lowered: str) -> re.Match[str] | None:
        return self.pattern.search(text) if self.may_match(lowered) else None


def terms_of(entry: dict) -> frozenset[str] | None:
    """The ``terms`` a lexicon entry declares (lower-cased), or None if it declares none."""
    terms: Iterable[str] | None = entry.get("terms")
    return frozenset(t.lower() for t in terms) if terms else None


def was_parsed(sent: Span) -> bool:
    """Did the full pipeline see this sentence? The gated parse leaves the sentences it
    skipped untagged, and it skips only sentences no reader's trigger can match, so a
    reader may pass over them without looking."""
    return len(sent) > 0 and sent[0].tag != 0
