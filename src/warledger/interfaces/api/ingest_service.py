"""POST /api/documents: one document through ingest → extract → consolidate.

The same steps the CLI runs in bulk, for one document: the ingest readers and
``prepare`` make the canonical document, the extractor reads it, the store saves the
result and consolidation folds its mentions into events. The extractor is injectable
so a server can share one loaded pipeline (and tests can use a small one).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa

from warledger.errors import InputError, UsageError
from warledger.ingest.metadata import normalize_published, source_from_url
from warledger.ingest.prepare import prepare
from warledger.ingest.readers import iter_raw
from warledger.ingest.readers.html import raw_from_html
from warledger.interfaces.api.models import IngestRequest
from warledger.ledger.consolidated_schema import event_mentions
from warledger.ledger.consolidated_store import run_consolidation
from warledger.ledger.store import Store
from warledger.types import Document, DocumentResult, RawDocument

ExtractFn = Callable[[Document], DocumentResult]
API_ORIGIN = "api"


@dataclass
class IngestOutcome:
    doc_id: str
    status: str
    events: int
    positions: int
    event_ids: list[str]


def default_extract(doc: Document) -> DocumentResult:
    """The real extractor (loads the spaCy pipeline on first use)."""
    from warledger.nlp.extract import extract_text

    return extract_text(
        doc.text,
        doc.published,
        doc_id=doc.doc_id,
        url=doc.url,
        source=doc.source,
        title=doc.title,
    )


def extractor_version() -> str:
    from warledger.nlp.extract import EXTRACTOR_VERSION

    return EXTRACTOR_VERSION


def raw_from_request(req: IngestRequest, *, allow_private: bool = False) -> RawDocument:
    """The request as a raw document; exactly one of text, html or url carries the article."""
    given = [name for name in ("text", "html") if getattr(req, name)]
    if len(given) > 1:
        raise UsageError("give either text or html, not both")
    published = normalize_published(req.published) if req.published else None
    if req.published and published is None:
        raise UsageError(f"published: not a date: {req.published!r}")
    source = req.source or source_from_url(req.url)
    if req.text:
        return RawDocument(
            text=req.text,
            origin=req.url or API_ORIGIN,
            title=req.title,
            url=req.url,
            published=published,
            source=source,
        )
    if req.html:
        item = raw_from_html(
            req.html,
            req.url or API_ORIGIN,
            url=req.url,
            title=req.title,
            published=published,
            source=source,
        )
    elif req.url:
        items = list(
            iter_raw([req.url], published=published, source=req.source, allow_private=allow_private)
        )
        if not items:
            raise InputError(req.url, "nothing to read at this URL")
        item = items[0]
    else:
        raise UsageError("give the article as text or html, or a url to fetch")
    if isinstance(item, InputError):
        raise item
    return item


def ingest_one(
    store: Store,
    raw: RawDocument,
    *,
    extract: ExtractFn,
    version: str,
) -> IngestOutcome:
    """Store, extract and consolidate one document; returns where its claims went."""
    doc = prepare(raw)
    added = store.add_document(doc)
    stored = store.document(added.doc_id)
    result = extract(stored)
    store.save_extraction(stored.doc_id, result, extractor_version=version)
    run_consolidation(store)
    with store.engine.connect() as conn:
        event_ids = sorted(
            set(
                conn.execute(
                    sa.select(event_mentions.c.event_id).where(
                        event_mentions.c.doc_id == stored.doc_id
                    )
                ).scalars()
            )
        )
    return IngestOutcome(
        doc_id=stored.doc_id,
        status=added.status,
        events=len(result.events),
        positions=len(result.positions),
        event_ids=event_ids,
    )
