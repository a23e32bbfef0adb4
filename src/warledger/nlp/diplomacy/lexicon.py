"""The diplomacy trigger lexicon, loaded once from the theatre's data file.

Triggers are data (``theatres/ukraine/diplomacy_triggers.json``) so that a reviewer can
read, question and extend them without touching code: each entry is a regular expression
over one sentence with the kind and subtype it signals and the reason it exists.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from warledger.nlp.cheap import TermPattern, terms_of

THEATRE = "ukraine"
_MACRO = re.compile(r"\{([A-Z]+)\}")


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry: a phrase pattern and the event it signals."""

    kind: str
    subtype: str | None
    pattern: re.Pattern[str]
    reason: str
    requires: re.Pattern[str] | None = None
    negated: bool = False
    mutual: bool = False
    noun: bool = False
    per_actor_measure: bool = False
    # The trigger is talks only when those doing it are officials or parties.
    officials: bool = False
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
    hedges: re.Pattern[str]
    licensors: re.Pattern[str]
    macros: dict[str, re.Pattern[str]]
    groups: dict[str, tuple[str, ...]]
    # Heads or names of phrases that are never parties at a table (media, experts).
    non_parties: re.Pattern[str]
    # "The truce, which was meant to last ...": a sentence about a truce already read.
    anaphoric_ceasefire: TermPattern
    # "This draft agreement ...": a sentence whose plan's author is in the sentence before.
    anaphoric_plan: re.Pattern[str]


def expand(pattern: str, macros: dict[str, str]) -> str:
    """Replace ``{NAME}`` with the macro's regex (macros may not nest)."""
    return _MACRO.sub(lambda m: macros[m.group(1)], pattern)


def load_json(name: str) -> dict:
    """A theatre data file, read from the installed package."""
    path = resources.files("warledger").joinpath("theatres", THEATRE, name)
    return json.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def load() -> Lexicon:
    """The compiled trigger lexicon (cached: compiled once per process)."""
    data = load_json("diplomacy_triggers.json")
    macros: dict[str, str] = data["macros"]

    def compile_(p: str) -> re.Pattern[str]:
        return re.compile(expand(p, macros), re.IGNORECASE)

    triggers = tuple(
        Trigger(
            kind=e["kind"],
            subtype=e.get("subtype"),
            pattern=compile_(e["pattern"]),
            reason=e["reason"],
            requires=compile_(e["requires"]) if e.get("requires") else None,
            negated=bool(e.get("negated")),
            mutual=bool(e.get("mutual")),
            noun=bool(e.get("noun")),
            per_actor_measure=bool(e.get("per_actor_measure")),
            officials=bool(e.get("officials")),
            literals=terms_of(e),
        )
        for e in data["triggers"]
    )
    return Lexicon(
        triggers=triggers,
        hedges=re.compile(data["hedges"]["pattern"], re.IGNORECASE),
        licensors=re.compile(data["licensors"]["pattern"], re.IGNORECASE),
        macros={k: compile_(v) for k, v in macros.items()},
        groups={
            name.lower(): tuple(sides)
            for name, sides in data.get("groups", {}).items()
            if isinstance(sides, list)
        },
        non_parties=re.compile(data["non_parties"]["pattern"], re.IGNORECASE),
        anaphoric_ceasefire=TermPattern(
            re.compile(data["anaphora"]["ceasefire"]["pattern"], re.IGNORECASE),
            terms_of(data["anaphora"]["ceasefire"]),
        ),
        anaphoric_plan=re.compile(data["anaphora"]["plan"]["pattern"], re.IGNORECASE),
    )
