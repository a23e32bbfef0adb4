"""The whole job in order — ingest, extract, consolidate — as library calls.

The CLI's ``demo`` and ``extract`` commands and the API's write endpoint all run these, so
the sequence and its bookkeeping (runs, per-source counts) live in one place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from warledger.ingest.summary import IngestSummary
    from warledger.ledger.consolidated_store import ConsolidationSummary
    from warledger.ledger.store import Store
    from warledger.nlp.extract import Extractor


@dataclass
class ExtractSummary:
    documents: int = 0
    events: int = 0
    positions: int = 0
    per_source: dict[str, dict[str, int]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def extract_pending(
    store: Store,
    *,
    redo_all: bool = False,
    extractor: Extractor | None = None,
    on_start: Callable[[int], None] | None = None,
    on_document: Callable[[str], None] | None = None,
) -> ExtractSummary:
    """Extract every stored document this extractor version has not read (or all).

    Each document's mentions and positions are saved in their own transaction, so an
    interruption keeps what was done; the run is recorded for coverage health.
    """
    from warledger.nlp.extract import EXTRACTOR_VERSION, Extractor

    started = datetime.now(UTC)
    summary = ExtractSummary()
    pending = list(store.pending_documents(extractor_version=EXTRACTOR_VERSION, redo_all=redo_all))
    if on_start is not None:
        on_start(len(pending))
    status = "failed"
    try:
        if pending:
            extractor = extractor or Extractor()
            results = extractor.extract_many(pending)
            for doc, result in zip(pending, results, strict=True):
                store.save_extraction(doc.doc_id, result, extractor_version=EXTRACTOR_VERSION)
                summary.documents += 1
                summary.events += len(result.events)
                summary.positions += len(result.positions)
                per = summary.per_source.setdefault(doc.source or "unknown", {"documents": 0})
                per["documents"] += 1
                if on_document is not None:
                    on_document(doc.doc_id)
        status = "ok"
    finally:
        counts = {
            "documents": summary.documents,
            "events": summary.events,
            "positions": summary.positions,
            "status": status,
        }
        store.record_run("extract", counts, summary.per_source, started, datetime.now(UTC))
    return summary


@dataclass
class PipelineSummary:
    ingest: IngestSummary
    extract: ExtractSummary
    consolidate: ConsolidationSummary


def run_pipeline(
    store: Store,
    sources: Iterable[str],
    *,
    progress: bool = True,
    **ingest_options: Any,
) -> PipelineSummary:
    """Ingest ``sources``, extract what is new, and bring consolidated events up to date."""
    from warledger.ingest.run import ingest
    from warledger.ledger.consolidated_store import run_consolidation

    ingested = ingest(sources, store, progress=progress, **ingest_options)
    extracted = extract_pending(store)
    consolidated = run_consolidation(store)
    return PipelineSummary(ingested, extracted, consolidated)
