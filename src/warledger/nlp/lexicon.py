"""The kinetic lexicons (theatre data files) and a fast lemma-phrase finder over them.

Phrases are lower-case lemma sequences ("shoot down", "fail to reach"). They are indexed by
their first lemma, so finding every phrase in a sentence costs one dictionary look-up
per token rather than one comparison per phrase.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from warledger.nlp.theatre import Theatre, default_theatre

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence


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

    def find(
        self,
        lemmas: Sequence[str],
        *,
        overlapping: bool = False,
        gaps: Mapping[int, Sequence[int]] | None = None,
    ) -> list[Hit]:
        """Every phrase occurring in ``lemmas``; non-overlapping unless asked.

        ``gaps`` maps the first position of a run of words a phrase may step over to the
        positions where the run can end ("took full control of", "pushed Russian troops
        out of").
        """
        hits: list[Hit] = []
        i = 0
        while i < len(lemmas):
            matched = 0
            for words, entry in self.by_first.get(lemmas[i], ()):
                end = _match(lemmas, i, words, gaps or {})
                if end:
                    hits.append(Hit(i, end, entry))
                    matched = max(matched, end - i)
                    if not overlapping:
                        break
            i += matched if matched and not overlapping else 1
        return hits


def _match(
    lemmas: Sequence[str], start: int, words: tuple[str, ...], gaps: Mapping[int, Sequence[int]]
) -> int:
    """The end of ``words`` matched from ``start`` (each later word may follow one gap), or 0."""
    if not words[1:]:
        return start + 1
    for at in (start + 1, *gaps.get(start + 1, ())):
        if at < len(lemmas) and lemmas[at] == words[1]:
            end = _match(lemmas, at, words[1:], gaps)
            if end:
                return end
    return 0


@dataclass(frozen=True)
class KineticLexicon:
    triggers: PhraseIndex
    counts: PhraseIndex
    weapons: PhraseIndex
    target_kinds: PhraseIndex
    # Kind -> rank: when triggers of several kinds are live, the lowest rank decides.
    ranks: dict[str, int] = field(default_factory=dict)
    kinds: tuple[str, ...] = ()
    # Subjects that make a trigger no armed violence ("an earthquake struck", "inmates seized").
    unarmed_agents: frozenset[str] = frozenset()
    # Who moves or fights on the ground ("troops entered X", "shot by a sniper").
    ground_agents: frozenset[str] = frozenset()
    # Objects of a territorial trigger that are people or property ("captured 100 soldiers").
    taken_not_ground: frozenset[str] = frozenset()


def kinetic_lexicon(theatre: Theatre | None = None) -> KineticLexicon:
    """The theatre's kinetic lexicons (default: the packaged theatre), loaded once each."""
    return _kinetic_lexicon(theatre or default_theatre())


@lru_cache(maxsize=8)
def _kinetic_lexicon(theatre: Theatre) -> KineticLexicon:
    triggers = theatre.data("kinetic_triggers.json") or {}
    kinds = {k: v for k, v in triggers.get("kinds", {}).items() if isinstance(v, dict)}
    return KineticLexicon(
        triggers=PhraseIndex.build(triggers.get("triggers", [])),
        counts=PhraseIndex.build(triggers.get("counts", [])),
        weapons=PhraseIndex.build((theatre.data("weapons.json") or {}).get("entries", [])),
        target_kinds=PhraseIndex.build(
            (theatre.data("target_kinds.json") or {}).get("entries", [])
        ),
        ranks={k: v["rank"] for k, v in kinds.items() if "rank" in v},
        kinds=tuple(kinds),
        unarmed_agents=frozenset(
            w.lower() for w in (triggers.get("unarmed_agents") or {}).get("lemmas", [])
        ),
        ground_agents=frozenset(
            w.lower() for w in (triggers.get("ground_agents") or {}).get("lemmas", [])
        ),
        taken_not_ground=frozenset(
            w.lower() for w in (triggers.get("taken_not_ground") or {}).get("lemmas", [])
        ),
    )
