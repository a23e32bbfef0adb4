"""POST /api/documents: one document through the same workflow as the CLI.

``warledger ingest`` then ``extract``: the readers make the raw document (only text or
HTML in the request, or an http(s) URL through the CLI's safe fetcher: never a path on
the server nor its standard input), ``ingest_items`` stores it (duplicates,
near-duplicates and updated articles found as in bulk, the run recorded),
``extract_pending`` reads it and consolidation folds its mentions into events. The
extractor is injectable so a server can share one loaded pipeline (and tests can use a
small one).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa

from warledger.errors import InputError, UsageError, WarledgerError
from warledger.ingest.metadata import normalize_published, source_from_url
from warledger.ingest.readers import iter_raw
from warledger.ingest.readers.html import raw_from_html
from warledger.ingest.readers.web import is_url
from warledger.ingest.run import ingest_items
from warledger.interfaces.api.models import IngestRequest
from warledger.ledger.consolidated_schema import event_mentions
from warledger.ledger.consolidated_store import run_consolidation
from warledger.ledger.store import AddResult, Store
from warledger.types import Document, DocumentResult, RawDocument
from warledger.workflow import FunctionExtractor, extract_pending

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
    """The request as a raw document; exactly one of text, html or url carries the article.

    ``url`` must be http(s): anything else (a server path, ``-``, ``file:``) is refused
    with the same message whatever exists on the server.
    """
    given = [name for name in ("text", "html") if getattr(req, name)]
    if len(given) > 1:
        raise UsageError("give either text or html, not both")
    if req.url is not None and not is_url(req.url.strip()):
        raise UsageError("url: only http:// and https:// URLs are accepted")
    url = req.url.strip() if req.url else None
    published = normalize_published(req.published) if req.published else None
    if req.published and published is None:
        raise UsageError(f"published: not a date: {req.published!r}")
    source = req.source or source_from_url(url)
    if req.text:
        return RawDocument(
            text=req.text,
            origin=url or API_ORIGIN,
            title=req.title,
            url=url,
            published=published,
            source=source,
        )
    if req.html:
        item = raw_from_html(
            req.html,
            url or API_ORIGIN,
            url=url,
            title=req.title,
            published=published,
            source=source,
        )
    elif url:
        items = list(
            iter_raw([url], published=published, source=req.source, allow_private=allow_private)
        )
        if not items:
            raise InputError(url, "nothing to read at this URL")
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
    """Ingest, extract and consolidate one document; returns where its claims went."""
    stored: list[AddResult] = []
    skipped: list[InputError] = []
    ingest_items([raw], store, on_error=skipped.append, on_stored=stored.append)
    if not stored:
        raise skipped[0] if skipped else InputError(raw.origin, "nothing stored")
    added = stored[0]
    extracted = extract_pending(
        store, extractor=FunctionExtractor(extract), version=version, doc_ids=[added.doc_id]
    )
    if extracted.failed:
        raise WarledgerError(f"extraction failed for {added.doc_id}; see the server log")
    run_consolidation(store)
    with store.engine.connect() as conn:
        event_ids = sorted(
            set(
                conn.execute(
                    sa.select(event_mentions.c.event_id).where(
                        event_mentions.c.doc_id == added.doc_id
                    )
                ).scalars()
            )
        )
    return IngestOutcome(
        doc_id=added.doc_id,
        status=added.status,
        events=len(store.mentions(doc_id=added.doc_id)),
        positions=len(store.positions(doc_id=added.doc_id)),
        event_ids=event_ids,
    )
