"""Language identification, so non-English documents are stored and flagged, not extracted."""

from __future__ import annotations

import re
from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

# Below this many letters an identification is a coin toss; the language stays unknown.
MIN_LETTERS = 20
# A few sentences identify a language reliably; classifying whole articles only costs time.
SAMPLE_CHARS = 1500
# A single sentence of Latin-script text is often mistaken for a neighbouring language
# ("Russian drones struck Odesa on Saturday, killing two people." reads as Indonesian at
# p = 0.95), so below this many letters a verdict needs near-certainty.
SHORT_LETTERS = 200
SHORT_MIN_PROBABILITY = 0.99


@cache
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language, or None when the text is too short to tell."""
    sample = text[:SAMPLE_CHARS]
    letters = sum(ch.isalpha() for ch in sample)
    if letters < MIN_LETTERS:
        return None
    code, probability = _identifier().classify(sample)
    if letters < SHORT_LETTERS and probability < SHORT_MIN_PROBABILITY:
        return None
    if letters < SHORT_LETTERS and code != "en" and _reads_english(sample):
        return None  # "Russian drones hit Odesa on Monday, injuring a teenage boy." (p > 0.99 'id')
    return str(code)


# Words of English that other Latin-script languages do not use: a short text with a few
# of them is English, whatever a character model says of so few letters.
ENGLISH_WORDS = frozenset(
    {
        "the", "of", "and", "was", "were", "with", "on", "by", "from", "has", "have", "had",
        "been", "said", "says", "that", "which", "after", "killing", "killed", "injuring",
        "injured", "wounded", "people",
    }
)
MIN_ENGLISH_WORDS = 2
MIN_ENGLISH_SHARE = 0.15


def _reads_english(text: str) -> bool:
    words = re.findall(r"[^\W\d_]+", text.lower())
    english = sum(w in ENGLISH_WORDS for w in words)
    return english >= MIN_ENGLISH_WORDS and english >= MIN_ENGLISH_SHARE * len(words)
