"""Our additions to the spaCy pipeline: small, rule-based, each with one job."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language


def install(nlp: Language) -> Language:
    """Add our components to ``nlp`` (idempotent)."""
    return nlp
