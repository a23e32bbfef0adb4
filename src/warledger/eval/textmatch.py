"""Does a predicted event's evidence contain a gold evidence phrase?

Annotators copy a short phrase from the article while extractors return whole
sentences, sometimes cut or cleaned differently. A phrase therefore counts as
contained when its normalized text is a substring of the evidence, or when at
least ``MIN_SHARE`` (70 %) of its distinct content words (words that are not
English stop words, ignoring case, accents and typographic quotes) occur somewhere
in the evidence, in any order. The same rule serves event matching and B-cubed.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

MIN_SHARE = 0.7

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_WORD = re.compile(r"[^\W_]+")


def normalize(text: str) -> str:
    """Case-, accent- and quote-insensitive form with single spaces."""
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.casefold().split())


@lru_cache(maxsize=4096)
def words(text: str) -> tuple[str, ...]:
    """The word tokens of ``text`` after normalization (possessive 's dropped)."""
    norm = re.sub(r"'s\b", "", normalize(text))
    return tuple(_WORD.findall(norm))


def content_words(text: str) -> frozenset[str]:
    """Distinct words that carry meaning; all words when the phrase has none."""
    tokens = words(text)
    content = frozenset(t for t in tokens if t not in STOP_WORDS and (len(t) > 1 or t.isdigit()))
    return content or frozenset(tokens)


def word_share(phrase: str, evidence: str) -> float:
    """Share of the phrase's content words found in the evidence (0..1)."""
    wanted = content_words(phrase)
    if not wanted:
        return 0.0
    have = set(words(evidence))
    return len(wanted & have) / len(wanted)


def contains_phrase(evidence: str, phrase: str, min_share: float = MIN_SHARE) -> bool:
    """True when ``evidence`` contains ``phrase`` or most of its content words."""
    if not phrase.strip() or not evidence.strip():
        return False
    if normalize(phrase) in normalize(evidence):
        return True
    return word_share(phrase, evidence) >= min_share
