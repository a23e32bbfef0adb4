"""Run the extractor over every gold document and score it.

The extractor is injectable so tests can score hand-built results; by default it is
``warledger.nlp.extract.extract_text``, imported only when needed.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from warledger.errors import UsageError
from warledger.eval.bcubed import BCubed, score_alignment
from warledger.eval.clusters import align, load_cluster_set, mentions_for
from warledger.eval.gold import GoldDocument, document_text, load_gold, text_for, url_for
from warledger.eval.matching import gold_kinds
from warledger.eval.metrics import Report, score
from warledger.types import DocumentResult, Mention

log = logging.getLogger(__name__)

Extract = Callable[..., DocumentResult]  # called as extract(text, published=...)
Consolidate = Callable[[list[Mention]], list]  # -> objects with event_id and mention_ids


def default_extract(mode: str = "combined") -> Extract:
    """The project's extractor in ``mode`` (rules, model or combined: the ablation);
    a clear error while it is not installed."""
    try:
        from warledger.nlp.extract import Extractor, extract_text
    except ImportError as exc:
        raise UsageError(f"the extractor is not available: {exc}") from exc
    if mode == "combined":
        return extract_text
    return Extractor(mode=mode).extract


def default_consolidate() -> Consolidate:
    """The ledger's consolidation; a clear error while it is not installed."""
    try:
        from warledger.ledger.consolidate import consolidate
    except ImportError as exc:
        raise UsageError(f"consolidation is not available: {exc}") from exc
    return consolidate


def cached(extract: Extract) -> Extract:
    """Extract each (text, published, url) once: gold and cluster sets share documents."""
    memo: dict[tuple[str, str | None, str | None], DocumentResult] = {}

    def run(text: str, published: str | None = None, url: str | None = None) -> DocumentResult:
        key = (text, published, url)
        if key not in memo:
            memo[key] = extract(text, published=published, **({"url": url} if url else {}))
        return memo[key]

    return run


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
        url = url_for(gold_doc.doc, corpus_dir)
        try:
            where = {"url": url} if url else {}
            result = extract(text, published=gold_doc.published, **where)
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
    return evaluate_documents(gold_docs, corpus, extract)


def evaluate_documents(
    gold_docs: list[GoldDocument], corpus_dir: Path, extract: Extract | None = None
) -> Report:
    """Score ``gold_docs``: the whole report, plus the same figures per corpus."""
    pairs, errors = run_extraction(gold_docs, corpus_dir, extract or default_extract())
    report = score(pairs, errors)
    report.extra["gold"] = gold_counts(gold_docs)
    corpora = sorted({doc.corpus for doc in gold_docs})
    if len(corpora) > 1:
        report.extra["by_corpus"] = {
            corpus: corpus_summary(
                score([p for p in pairs if p[0].corpus == corpus], errors),
                [d for d in gold_docs if d.corpus == corpus],
            )
            for corpus in corpora
        }
    return report


def gold_counts(gold_docs: list[GoldDocument]) -> dict[str, Any]:
    """How much gold there is: documents, required/optional events by kind, positions."""
    by_kind: Counter[str] = Counter()
    optional = 0
    for doc in gold_docs:
        for event in doc.events:
            if event.get("optional"):
                optional += 1
            else:
                by_kind[gold_kinds(event)[0]] += 1
    return {
        "documents": len(gold_docs),
        "documents_without_events": sum(
            not any(not e.get("optional") for e in d.events) for d in gold_docs
        ),
        "events": sum(by_kind.values()),
        "optional_events": optional,
        "events_by_kind": dict(sorted(by_kind.items())),
        "positions": sum(not p.get("optional") for d in gold_docs for p in d.positions),
    }


def corpus_summary(report: Report, gold_docs: list[GoldDocument]) -> dict[str, Any]:
    """The headline figures of one corpus's slice of the report."""
    metrics = report.metrics()
    return {
        "documents": len(gold_docs),
        "gold_events": gold_counts(gold_docs)["events"],
        "events": report.events.to_dict(),
        "fields.all": metrics["fields.all"],
        "fields": {name: acc.to_dict() for name, acc in sorted(report.fields.items())},
        "positions": report.positions.to_dict(),
        "stance": report.stance.to_dict(),
        "place_resolution": metrics["place_resolution"],
        "theatre": metrics.get("fields.theatre"),
    }


def evaluate_consolidation(
    cluster_file: str | Path,
    corpus_dir: str | Path,
    extract: Extract | None = None,
    consolidate: Consolidate | None = None,
) -> BCubed:
    """Extract the cluster set's documents, consolidate the mentions, score B-cubed."""
    cluster_set = load_cluster_set(cluster_file)
    extract = extract or default_extract()
    consolidate = consolidate or default_consolidate()
    mentions: list[Mention] = []
    for doc in cluster_set.documents:
        published = cluster_set.published.get(doc)
        result = extract(text_for(doc, corpus_dir), published=published)
        mentions.extend(mentions_for(doc, result.events, published))
    event_of = {
        mention_id: event.event_id
        for event in consolidate(mentions)
        for mention_id in event.mention_ids
    }
    predicted = [(m.doc_id, m.event, event_of.get(m.mention_id, m.mention_id)) for m in mentions]
    return score_alignment(cluster_set, align(cluster_set.mentions, predicted))
