"""The whole job as library calls: a document whose extraction fails is reported and left
pending, and every other document is still extracted and stored."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from warledger.ingest.prepare import prepare
from warledger.ledger.store import Store
from warledger.types import Document, DocumentResult, Event, RawDocument
from warledger.workflow import extract_pending


class _FlakyExtractor:
    """Finds one strike per document, and raises on a document that says BOOM."""

    def extract_many(self, docs: Iterable[Document]) -> Iterator[DocumentResult]:
        for doc in docs:
            if "BOOM" in doc.text:
                raise RuntimeError("parser exploded")
            yield DocumentResult(doc_id=doc.doc_id, events=[Event(kind="strike")])


def _store_with(tmp_path: Path, texts: list[str]) -> Store:
    store = Store.open(f"sqlite:///{tmp_path / 'l.db'}")
    for i, text in enumerate(texts):
        store.add_document(prepare(RawDocument(text=text, origin=f"doc{i}.txt")))
    return store


def test_one_failing_document_is_reported_and_the_rest_are_stored(tmp_path: Path) -> None:
    texts = [
        "Russian drones struck a warehouse in Odesa overnight, officials said.",
        "BOOM. This document makes the extractor fail.",
        "Ukrainian forces said they repelled an assault near Pokrovsk on Monday.",
    ]
    errors: list[tuple[str, str]] = []
    with _store_with(tmp_path, texts) as store:
        summary = extract_pending(
            store, extractor=_FlakyExtractor(), on_error=lambda d, r: errors.append((d, r))
        )
        assert summary.documents == 2 and summary.events == 2
        assert len(summary.failed) == 1 and "parser exploded" in summary.failed[0][1]
        assert errors == summary.failed
        # the failed document stays pending: a later run retries it
        from warledger.nlp.extract import EXTRACTOR_VERSION

        left = list(store.pending_documents(extractor_version=EXTRACTOR_VERSION))
        assert [d.doc_id for d in left] == [summary.failed[0][0]]
        assert store.runs()[0]["counts"]["failed"] == 1
