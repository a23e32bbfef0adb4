"""The kinetic lexicons (theatre data files) and a fast lemma-phrase finder over them.

Phrases are lower-case lemma sequences ("shoot down", "fail to reach"). They are indexed by
their first lemma, so finding every phrase in a sentence costs one dictionary look-up
per token rather than one comparison per phrase.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence

THEATRE = "ukraine"


@dataclass(frozen=True)
class Hit:
    """A phrase found at token offsets ``[start, end)`` of the searched sequence."""

    start: int
    end: int
    entry: dict[str, Any]


@dataclass
class PhraseIndex:
    """Lemma phrases indexed by first lemma; the longest phrase wins at each position."""

    by_first: dict[str, list[tuple[tuple[str, ...], dict[str, Any]]]] = field(default_factory=dict)

    @classmethod
    def build(cls, entries: Sequence[dict[str, Any]]) -> PhraseIndex:
        index = cls()
        for entry in entries:
            words = tuple(entry["phrase"].lower().split())
            index.by_first.setdefault(words[0], []).append((words, entry))
        for options in index.by_first.values():
            options.sort(key=lambda pair: -len(pair[0]))
        return index

    def find(self, lemmas: Sequence[str], *, overlapping: bool = False) -> list[Hit]:
        """Every phrase occurring in ``lemmas``; non-overlapping unless asked."""
        hits: list[Hit] = []
        i = 0
        while i < len(lemmas):
            matched = 0
            for words, entry in self.by_first.get(lemmas[i], ()):
                if tuple(lemmas[i : i + len(words)]) == words:
                    hits.append(Hit(i, i + len(words), entry))
                    matched = max(matched, len(words))
                    if not overlapping:
                        break
            i += matched if matched and not overlapping else 1
        return hits


@dataclass(frozen=True)
class KineticLexicon:
    triggers: PhraseIndex
    counts: PhraseIndex
    weapons: PhraseIndex
    target_kinds: PhraseIndex


def _load(name: str) -> dict[str, Any]:
    path = resources.files("warledger").joinpath("theatres", THEATRE, name)
    return json.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def kinetic_lexicon() -> KineticLexicon:
    """The theatre's kinetic lexicons, loaded once per process."""
    triggers = _load("kinetic_triggers.json")
    return KineticLexicon(
        triggers=PhraseIndex.build(triggers["triggers"]),
        counts=PhraseIndex.build(triggers["counts"]),
        weapons=PhraseIndex.build(_load("weapons.json")["entries"]),
        target_kinds=PhraseIndex.build(_load("target_kinds.json")["entries"]),
    )
