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
    hypothetical: frozenset[str]  # modal and conditional words
    habitual: re.Pattern[str]  # a pattern, not an occurrence
    reporting: frozenset[str]  # lemmas whose subject asserts what follows
    saying: frozenset[str]  # plain verbs of saying that close a clause
    future: frozenset[str]  # lemmas that put a clause in the future
    future_aux: frozenset[str]
    modals: frozenset[str]
    titles: frozenset[str]  # words of a title before a name
    compass: tuple[str, ...] = ()  # "southern", "east": a vague region of a country


def language_data(code: str) -> str:
    """The raw text of a language's data file (for checksums)."""
    return resources.files("warledger").joinpath("languages", f"{code}.json").read_text("utf-8")


@lru_cache(maxsize=4)
def function_words(code: str = "en") -> FunctionWords:
    """The function words of language ``code`` (ISO 639-1), loaded once per process."""
    data = json.loads(language_data(code))
    return FunctionWords(
        code=code,
        hypothetical=frozenset(data["hypothetical"]["words"]),
        habitual=re.compile(data["habitual"]["pattern"], re.IGNORECASE),
        reporting=frozenset(data["reporting"]["lemmas"]),
        saying=frozenset(data["saying"]["lemmas"]),
        future=frozenset(data["future"]["lemmas"]),
        future_aux=frozenset(data["future"]["auxiliaries"]),
        modals=frozenset(data["modals"]["words"]),
        titles=frozenset(data["titles"]["words"]),
        compass=tuple(data.get("compass", {}).get("words", ())),
    )


ENGLISH = function_words("en")
