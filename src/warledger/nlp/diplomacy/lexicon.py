"""The diplomacy trigger lexicon, loaded once from the theatre's data file.

Triggers are data (``theatres/<theatre>/diplomacy_triggers.json``) so that a reviewer can
read, question and extend them without touching code: each entry is a regular expression
over one sentence with the kind and subtype it signals and the reason it exists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from warledger.nlp.cheap import TermPattern, terms_of
from warledger.nlp.theatre import Theatre, default_theatre

_MACRO = re.compile(r"\{([A-Z]+)\}")
_NEVER = r"(?!)"


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry: a phrase pattern and the event it signals."""

    kind: str
    subtype: str | None
    pattern: re.Pattern[str]
    reason: str
    requires: re.Pattern[str] | None = None
    negated: bool = False
    # The phrase stops the act ("paused all military aid"): the event is negated, but unlike
    # an entry that states an absence, a wish to stop it ("urged China to cease support")
    # is no event.
    stops: bool = False
    mutual: bool = False
    noun: bool = False
    per_actor_measure: bool = False
    # The trigger is talks only when those doing it are officials or parties.
    officials: bool = False
    # The event counts only with a party of some side doing it ("a company signed a
    # supply agreement" is commerce).
    needs_party: bool = False
    # The match counts only where the document has named a truce by the end of its
    # sentence ("violated it twice").
    truce_before: bool = False
    # The match answers the offer told last, and counts only where that offer was a truce
    # ("Kyiv said yes within hours", "the Kremlin turned the idea down").
    answers_truce: bool = False
    # Strings of which every match contains one (the entry's "terms"; None: unknown);
    # absent ones skip the regular expression, which is most of the reader's time on
    # sentences without events, and they are what the cheap pass looks for.
    literals: frozenset[str] | None = None

    def may_match(self, lowered: str) -> bool:
        """Could the pattern match a sentence whose lower-cased text is ``lowered``?"""
        return self.literals is None or any(w in lowered for w in self.literals)


@dataclass(frozen=True)
class Lexicon:
    triggers: tuple[Trigger, ...]
    macros: dict[str, re.Pattern[str]]
    groups: dict[str, tuple[str, ...]]
    # Heads or names of phrases that are never parties at a table (media, experts).
    non_parties: re.Pattern[str]
    # "The truce, which was meant to last ...": a sentence about a truce already read.
    anaphoric_ceasefire: TermPattern
    # "This draft agreement ...": a sentence whose plan's author is in the sentence before.
    anaphoric_plan: re.Pattern[str]
    # Per kind and subtype flags (see the lexicon's "kinds_about").
    kinds: tuple[str, ...] = ()
    max_per_kind: dict[str, int] = field(default_factory=dict)
    # Kinds whose subtype may recur in a sentence when another party acts.
    per_actor_kinds: frozenset[str] = frozenset()
    not_speech_acts: frozenset[tuple[str, str]] = frozenset()
    prospective: frozenset[tuple[str, str]] = frozenset()
    own_duration: frozenset[str] = frozenset()  # ceasefire subtypes with their own duration
    # Words telling a meeting that are no trigger ("negotiators", "visits").
    talks_words: re.Pattern[str] = re.compile(_NEVER)
    # Compounds naming talks about another subject ("accession talks", "trade talks").
    other_talks: frozenset[str] = frozenset()
    # What a plan of the war's peace process is about (``proposal_topics``): a plan with none
    # of these in its sentence ("a plan to develop the R-7 rocket") is another subject's.
    proposal_topics: re.Pattern[str] | None = None


def expand(pattern: str, macros: dict[str, str]) -> str:
    """Replace ``{NAME}`` with the macro's regex (macros may not nest)."""
    return _MACRO.sub(lambda m: macros[m.group(1)], pattern)


def load(theatre: Theatre | None = None) -> Lexicon:
    """The theatre's compiled trigger lexicon (default: the packaged theatre), compiled
    once per theatre; a theatre without the file has no diplomacy triggers."""
    return _load(theatre or default_theatre())



@lru_cache(maxsize=8)
def _load(theatre: Theatre) -> Lexicon:
    data = theatre.data("diplomacy_triggers.json") or {}
    macros: dict[str, str] = data.get("macros", {})

    def compile_(p: str) -> re.Pattern[str]:
        return re.compile(expand(p, macros), re.IGNORECASE)

    def pattern(key: str) -> re.Pattern[str]:
        return re.compile(data.get(key, {}).get("pattern", _NEVER), re.IGNORECASE)

    triggers = tuple(
        Trigger(
            kind=e["kind"],
            subtype=e.get("subtype"),
            pattern=compile_(e["pattern"]),
            reason=e["reason"],
            requires=compile_(e["requires"]) if e.get("requires") else None,
            negated=bool(e.get("negated")),
            stops=bool(e.get("stops")),
            mutual=bool(e.get("mutual")),
            noun=bool(e.get("noun")),
            per_actor_measure=bool(e.get("per_actor_measure")),
            officials=bool(e.get("officials")),
            needs_party=bool(e.get("needs_party")),
            truce_before=bool(e.get("truce_before")),
            answers_truce=bool(e.get("answers_truce")),
            literals=terms_of(e),
        )
        for e in data.get("triggers", [])
    )
    anaphora = data.get("anaphora", {})
    kinds: dict[str, dict] = data.get("kinds", {})
    flagged = [
        (kind, subtype, flags)
        for kind, spec in kinds.items()
        for subtype, flags in spec.get("subtypes", {}).items()
    ]
    return Lexicon(
        triggers=triggers,
        macros={k: compile_(v) for k, v in macros.items()},
        groups={
            name.lower(): tuple(sides)
            for name, sides in data.get("groups", {}).items()
            if isinstance(sides, list)
        },
        non_parties=pattern("non_parties"),
        anaphoric_ceasefire=TermPattern(
            re.compile(anaphora.get("ceasefire", {}).get("pattern", _NEVER), re.IGNORECASE),
            terms_of(anaphora.get("ceasefire", {})),
        ),
        anaphoric_plan=re.compile(anaphora.get("plan", {}).get("pattern", _NEVER), re.I),
        kinds=tuple(kinds),
        max_per_kind={
            k: v["max_per_sentence"] for k, v in kinds.items() if "max_per_sentence" in v
        },
        per_actor_kinds=frozenset(k for k, v in kinds.items() if v.get("per_actor")),
        not_speech_acts=frozenset((k, s) for k, s, f in flagged if f.get("speech_act") is False),
        prospective=frozenset((k, s) for k, s, f in flagged if f.get("prospective")),
        own_duration=frozenset(
            s for k, s, f in flagged if k == "ceasefire" and f.get("own_duration")
        ),
        talks_words=pattern("talks_words"),
        other_talks=frozenset(w.lower() for w in data.get("other_talks", {}).get("compounds", ())),
        proposal_topics=(
            re.compile(data["proposal_topics"]["pattern"], re.IGNORECASE)
            if "proposal_topics" in data
            else None
        ),
    )
