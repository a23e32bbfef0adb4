"""Language identification, so non-English documents are stored and flagged, not extracted."""

from __future__ import annotations

import py3langid

# Below this many letters an identification is a coin toss; the language stays unknown.
MIN_LETTERS = 20
# A few sentences identify a language reliably; classifying whole articles only costs time.
SAMPLE_CHARS = 1500


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language, or None when the text is too short to tell."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    code, _score = py3langid.classify(sample)
    return code
