"""Run the extractor over every gold document and score it.

The extractor is injectable so tests can score hand-built results; by default it is
``warledger.nlp.extract.extract_text``, imported only when needed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from warledger.errors import UsageError
from warledger.eval.gold import GoldDocument, document_text, load_gold
from warledger.eval.metrics import Report, score
from warledger.types import DocumentResult

log = logging.getLogger(__name__)

Extract = Callable[..., DocumentResult]  # called as extract(text, published=...)


def default_extract() -> Extract:
    """The project's extractor; a clear error while it is not installed."""
    try:
        from warledger.nlp.extract import extract_text
    except ImportError as exc:
        raise UsageError(f"the extractor is not available: {exc}") from exc
    return extract_text


def default_corpus(gold_dir: str | Path) -> Path:
    """Gold files sit beside the corpus: GOLD_DIR/../corpus."""
    return Path(gold_dir).resolve().parent / "corpus"


def run_extraction(
    gold_docs: list[GoldDocument], corpus_dir: Path, extract: Extract
) -> tuple[list[tuple[GoldDocument, DocumentResult | None]], dict[str, str]]:
    """Extract every gold document; a failing document is recorded, not fatal."""
    pairs: list[tuple[GoldDocument, DocumentResult | None]] = []
    errors: dict[str, str] = {}
    for gold_doc in gold_docs:
        text = document_text(gold_doc, corpus_dir)
        try:
            result = extract(text, published=gold_doc.published)
        except Exception as exc:  # one broken document must not hide the others
            log.warning("extraction failed for %s: %s", gold_doc.name, exc)
            errors[gold_doc.name] = f"{type(exc).__name__}: {exc}"
            result = None
        pairs.append((gold_doc, result))
    return pairs, errors


def evaluate(
    gold_dir: str | Path,
    corpus_dir: str | Path | None = None,
    extract: Extract | None = None,
) -> Report:
    """Score the extractor against every gold file in ``gold_dir``."""
    gold_docs = load_gold(gold_dir)
    corpus = Path(corpus_dir) if corpus_dir else default_corpus(gold_dir)
    if not corpus.is_dir():
        raise UsageError(f"corpus folder not found: {corpus} (use --corpus)")
    pairs, errors = run_extraction(gold_docs, corpus, extract or default_extract())
    return score(pairs, errors)
