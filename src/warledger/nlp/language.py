"""The function words of a language, loaded once from ``languages/<code>.json``.

Every reader asks the same questions of a clause (is it hypothetical, habitual, planned,
reported, and by whom?) with the same words, so the words live in one data file per
language instead of one list per reader. They are language, not theatre: a second conflict
reported in English reuses them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class FunctionWords:
    """Closed-class words of one language, by the question they answer."""

    code: str
    hypothetical: frozenset[str]  # modal, conditional or vague-time words on a trigger or its head
    hedges: re.Pattern[str]  # the same words read over a trigger's clause (without "act" ones)
    possibility: frozenset[str]  # "could", "can": what someone could do
    licensors: re.Pattern[str]  # words that make an infinitive a commitment ("ready to")
    background: frozenset[str]  # heads of "the scene of the airstrike": told before
    habitual: re.Pattern[str]  # a pattern, not an occurrence
    reporting: frozenset[str]  # lemmas whose subject asserts what follows
    saying: frozenset[str]  # plain verbs of saying that close a clause
    future: frozenset[str]  # lemmas that put a clause in the future
    future_aux: frozenset[str]
    titles: frozenset[str]  # words of a title before a name
    compass: tuple[str, ...] = ()  # "southern", "east": a vague region of a country
    title_heads: frozenset[str] = frozenset()  # "the minister said": a title referring back
    commentators: frozenset[str] = frozenset()  # "analysts say ...": commentary, no party's
    local_authorities: frozenset[str] = frozenset()  # "mayor": speaks for a place's side
    state_bodies: frozenset[str] = frozenset()  # "ministry": a party's body named before
    means: frozenset[str] = frozenset()  # "used the meeting to hand": the infinitive done


def language_data(code: str) -> str:
    """The raw text of a language's data file (for checksums)."""
    return resources.files("warledger").joinpath("languages", f"{code}.json").read_text("utf-8")


@lru_cache(maxsize=4)
def function_words(code: str = "en") -> FunctionWords:
    """The function words of language ``code`` (ISO 639-1), loaded once per process."""
    data = json.loads(language_data(code))
    modal = data["hypothetical"]
    groups = ("possibility", "obligation", "condition", "vague_time")
    hypothetical = list(dict.fromkeys(w for group in groups for w in modal[group]))
    return FunctionWords(
        code=code,
        hypothetical=frozenset(hypothetical),
        hedges=_any_word(
            [w for w in hypothetical if w not in modal["act_only"]], r"\b(?:{})\b"
        ),
        possibility=frozenset(modal["possibility"]),
        licensors=_any_word(data["licensors"]["words"], "^(?:{})$"),
        background=frozenset(data["background"]["heads"]),
        habitual=re.compile(data["habitual"]["pattern"], re.IGNORECASE),
        reporting=frozenset(data["reporting"]["lemmas"]),
        saying=frozenset(data["saying"]["lemmas"]),
        future=frozenset(data["future"]["lemmas"]),
        future_aux=frozenset(data["future"]["auxiliaries"]),
        titles=frozenset(data["titles"]["words"]),
        compass=tuple(data.get("compass", {}).get("words", ())),
        title_heads=frozenset(data.get("title_heads", {}).get("words", ())),
        commentators=frozenset(data.get("commentators", {}).get("words", ())),
        local_authorities=frozenset(data.get("authorities", {}).get("local", ())),
        state_bodies=frozenset(data.get("authorities", {}).get("state", ())),
        means=frozenset(data.get("means", {}).get("lemmas", ())),
    )


def _any_word(words: list[str], frame: str) -> re.Pattern[str]:
    """A case-insensitive pattern matching any of ``words`` inside ``frame``."""
    return re.compile(frame.format("|".join(re.escape(w) for w in words)), re.IGNORECASE)


ENGLISH = function_words("en")
