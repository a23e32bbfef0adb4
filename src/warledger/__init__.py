"""warledger: a sourced, geocoded, queryable ledger of war and peace-talk news."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from warledger.version import __version__

if TYPE_CHECKING:
    from warledger.types import DocumentResult


def extract_text(text: str, published: str | None = None, **meta: Any) -> DocumentResult:
    """Extract events and positions from one cleaned text (see ``warledger.nlp.extract``).

    Imported lazily so that ``import warledger`` does not load spaCy.
    """
    from warledger.nlp.extract import extract_text as _extract_text

    return _extract_text(text, published=published, **meta)


__all__ = ["__version__", "extract_text"]
