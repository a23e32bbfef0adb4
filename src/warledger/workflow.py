"""The whole job in order — ingest, extract, consolidate — as library calls.

The CLI's ``demo`` and ``extract`` commands and the API's write endpoint all run these, so
the sequence and its bookkeeping (runs, per-source counts) live in one place.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from warledger.ingest.summary import IngestSummary
    from warledger.ledger.consolidated_store import ConsolidationSummary
    from warledger.ledger.store import Store
    from warledger.nlp.extract import Extractor
    from warledger.types import Document, DocumentResult

from warledger.long_documents import PART_CHARS, join_results, split_text

LOGGER = logging.getLogger(__name__)


CHUNK = 32  # documents handed to the parser at once; a failure re-runs only its chunk


@dataclass
class ExtractSummary:
    documents: int = 0
    events: int = 0
    positions: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (doc_id, reason)
    per_source: dict[str, dict[str, int]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def add(self, source: str | None, result: DocumentResult) -> None:
        """Count one saved document's result, under its source."""
        self.documents += 1
        self.events += len(result.events)
        self.positions += len(result.positions)
        per = self.per_source.setdefault(source or "unknown", {"documents": 0})
        per["documents"] += 1


@contextmanager
def recorded_run(store: Store, summary: ExtractSummary, **extra: Any) -> Iterator[None]:
    """An extract run's row in the runs table: written when it starts, closed with its
    true status — ok, partial (some documents failed), failed (an error stopped it) or
    interrupted — and the summary's counts (plus ``extra``, e.g. the engine)."""
    run_id = store.start_run("extract")
    status = "failed"
    try:
        yield
        status = "ok" if not summary.failed else "partial"
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        counts = {
            "documents": summary.documents,
            "events": summary.events,
            "positions": summary.positions,
            "failed": len(summary.failed),
            **extra,
        }
        try:
            store.finish_run(run_id, status, counts, summary.per_source)
        except Exception:
            if status in ("ok", "partial"):
                raise  # otherwise the error that stopped the run is the one to see


def extract_pending(
    store: Store,
    *,
    redo_all: bool = False,
    extractor: Extractor | None = None,
    version: str | None = None,
    doc_ids: Collection[str] | None = None,
    on_start: Callable[[int], None] | None = None,
    on_document: Callable[[str], None] | None = None,
    on_error: Callable[[str, str], None] | None = None,
) -> ExtractSummary:
    """Extract every stored document this extractor version has not read (or all).

    Each document's mentions and positions are saved in their own transaction, so an
    interruption keeps what was done. A document whose extraction raises is reported
    (``on_error(doc_id, reason)``), counted and left pending; the others go on. The run
    is written to the runs table when it starts and closed with its true status: ok,
    partial (some documents failed), failed (an error stopped it) or interrupted.
    ``doc_ids`` limits the run to those documents; ``version`` names the extractor
    (default: the packaged extractor's version).
    """
    from warledger.nlp.extract import EXTRACTOR_VERSION

    version = version or EXTRACTOR_VERSION
    summary = ExtractSummary()
    with recorded_run(store, summary):
        pending = list(
            store.pending_documents(extractor_version=version, redo_all=redo_all, doc_ids=doc_ids)
        )
        if on_start is not None:
            on_start(len(pending))
        if pending and extractor is None:
            from warledger.nlp.extract import Extractor

            extractor = Extractor()
        for first in range(0, len(pending), CHUNK):
            for doc, result in extract_chunk(
                extractor, pending[first : first + CHUNK], summary, on_error
            ):
                store.save_extraction(doc.doc_id, result, extractor_version=version)
                summary.add(doc.source, result)
                if on_document is not None:
                    on_document(doc.doc_id)
    return summary


def extract_chunk(
    extractor: Extractor | None,
    docs: list[Document],
    summary: ExtractSummary,
    on_error: Callable[[str, str], None] | None = None,
) -> Iterator[tuple[Document, DocumentResult]]:
    """Results for a chunk; when the batch fails, each document alone, skipping failures.

    Every engine (this process, a Ray actor) extracts through here, so they agree. A text
    too long for one parse is read in parts (``long_documents``).
    """
    assert extractor is not None
    short = [d for d in docs if len(d.text) <= PART_CHARS]
    if len(short) == len(docs):
        try:
            results = list(extractor.extract_many(docs))
        except Exception:  # one bad document must not stop the run: retry one by one
            LOGGER.warning("a batch failed; extracting its %d documents one by one", len(docs))
        else:
            yield from zip(docs, results, strict=True)
            return
    for doc in docs:
        try:
            result = _extract_one(extractor, doc)
        except Exception as exc:
            reason = f"{type(exc).__name__}: {exc}"
            LOGGER.exception("extraction failed for %s", doc.doc_id)
            summary.failed.append((doc.doc_id, reason))
            if on_error is not None:
                on_error(doc.doc_id, reason)
            continue
        yield doc, result


def _extract_one(extractor: Extractor, doc: Document) -> DocumentResult:
    if len(doc.text) <= PART_CHARS:
        (result,) = list(extractor.extract_many([doc]))
        return result
    parts = split_text(doc.text)
    results = list(extractor.extract_many([replace(doc, text=part) for _, part in parts]))
    whole = replace(results[0], events=[], positions=[])
    return join_results(whole, zip([offset for offset, _ in parts], results, strict=True))


class FunctionExtractor:
    """An ``Extractor`` stand-in around a one-document function (the API's injectable
    extractor), so every caller goes through ``extract_pending``."""

    def __init__(self, extract: Callable[[Document], DocumentResult]) -> None:
        self.extract = extract

    def extract_many(self, documents: Iterable[Document]) -> Iterator[DocumentResult]:
        for doc in documents:
            yield self.extract(doc)


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
