"""The ledger store: documents, their copies, mentions, positions and runs.

One ``Store`` wraps one SQLAlchemy engine (SQLite by default, PostgreSQL for teams) whose
schema is kept at the Alembic head. Every write is one transaction, so a crash or an
exception mid-way leaves the ledger as it was before the call.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import random
import socket
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Literal, TypeVar

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import event as sa_event
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from warledger import settings
from warledger.errors import NotFound, StoreError
from warledger.ledger.schema import (
    actors,
    document_copies,
    documents,
    mentions,
    minhash_bands,
    places,
    positions,
    runs,
)
from warledger.ledger.theatre import ALL_THEATRES, event_theatre
from warledger.types import (
    Actor,
    Count,
    Document,
    DocumentResult,
    Event,
    Location,
    Mention,
    Position,
    Span,
    When,
)

ALEMBIC_INI = Path(__file__).resolve().parent / "alembic.ini"
# SQLite write lock: each BEGIN IMMEDIATE waits this long, and is retried for up to
# WRITE_LOCK_WAIT seconds in all before a writer gives up.
BUSY_TIMEOUT_MS = 10_000
WRITE_LOCK_WAIT = 600.0
WRITE_OPTION = "warledger_write"
PAGE = 500  # rows per round-trip when iterating, so no read transaction stays open long
COMMON_COUNTS = ("killed", "injured", "launched", "intercepted")

# Column order of ``mention_rows`` (and so of the CSV export).
MENTION_FIELDS = (
    "mention_id",
    "doc_id",
    "idx",
    "kind",
    "subtype",
    "date_start",
    "date_end",
    "date_precision",
    "date_text",
    "place_name",
    "admin1",
    "country",
    "lat",
    "lon",
    "precision",
    "actor_name",
    "actor_side",
    "target_name",
    "target_side",
    "weapon",
    "status",
    "negated",
    "claimant_name",
    "claimant_side",
    "killed",
    "injured",
    "launched",
    "intercepted",
    "counts",
    "confidence",
    "evidence_text",
    "source",
    "url",
    "published",
)

DateLike = date | str | None
T = TypeVar("T")


@dataclass(frozen=True)
class AddResult:
    """What ``add_document`` did: ``doc_id`` is the canonical document's id."""

    status: Literal["new", "duplicate", "near_duplicate", "updated"]
    doc_id: str
    copy_added: bool


@dataclass(frozen=True)
class StoredVersion:
    """The current version of an article, as found by its URL or its source's id."""

    doc_id: str
    content_hash: str
    minhash: bytes | None


class Store:
    """The ledger database. Open with ``Store.open(url)``; use as a context manager."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    # -- opening -----------------------------------------------------------------------

    @classmethod
    def open(cls, url: str | None = None) -> Store:
        """Connect to the ledger at ``url`` (default: ``settings.db_url()``) and migrate it
        to the newest schema. Raises ``StoreError`` naming the database when it cannot."""
        resolved = settings.db_url(url)
        engine = _make_engine(resolved)
        try:
            _migrate(engine)
        except sa.exc.SQLAlchemyError as exc:
            engine.dispose()
            raise StoreError(f"cannot open the ledger {_safe(resolved)}: {_reason(exc)}") from exc
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- documents ---------------------------------------------------------------------

    def add_document(
        self,
        doc: Document,
        *,
        near_duplicate_of: str | None = None,
        update_of: str | None = None,
        bands: Sequence[tuple[int, int]] = (),
    ) -> AddResult:
        """Store a document, or attach it as a copy of the document it duplicates.

        The same canonical text is the same document ("duplicate"); a text the caller found
        nearly identical (``near_duplicate_of``) or already stored as such a copy becomes a
        copy of that document ("near_duplicate"). A copy row is added only for an
        origin/url not seen before, so re-ingesting the same input changes nothing.
        ``update_of`` names the stored version this text updates (same article, edited):
        it is stored as a new document that supersedes that one ("updated").
        ``bands`` are the text's LSH band keys (``ingest.dedup.band_keys``), stored with a
        new or updated document so later near-duplicate checks find it by index.
        """
        try:
            return self._add_document(doc, near_duplicate_of, update_of, bands)
        except sa.exc.IntegrityError:
            # Another writer stored the same text between our check and our insert.
            return self._add_document(doc, near_duplicate_of, update_of, bands)

    def current_version(
        self, *, url: str | None, external_id: str | None = None, source: str | None = None
    ) -> StoredVersion | None:
        """The current (not superseded) document stored from ``url``, or with the same
        source's own id; None when there is none."""
        d, c = documents.c, document_copies.c
        if not url and not external_id:
            return None
        with self.engine.connect() as conn:
            # Candidates first, each through its own index, then the newest current one:
            # one query with OR and IN lets a planner without statistics scan every
            # current document instead.
            found: set[str] = set()
            if url:
                found.update(conn.execute(sa.select(c.doc_id).where(c.url == url)).scalars())
            if external_id:
                same = list(conn.execute(sa.select(d.doc_id).where(d.external_id == external_id)))
                ids = [r.doc_id for r in same]
                if source and ids:
                    ids = list(
                        conn.execute(
                            sa.select(c.doc_id)
                            .where(c.doc_id.in_(ids), c.source == source)
                            .distinct()
                        ).scalars()
                    )
                found.update(ids)
            if not found:
                return None
            query = (
                sa.select(d.doc_id, d.content_hash, d.minhash)
                .where(d.doc_id.in_(sorted(found)), d.superseded_by.is_(None))
                .order_by(d.first_seen_at.desc(), d.doc_id)
                .limit(1)
            )
            row = conn.execute(query).first()
        if row is None:
            return None
        minhash = bytes(row.minhash) if row.minhash is not None else None
        return StoredVersion(row.doc_id, row.content_hash, minhash)

    def versions(self, doc_id: str) -> list[str]:
        """Every version of the article ``doc_id`` belongs to, oldest first."""
        with self.engine.connect() as conn:

            def link(doc: str, column: sa.Column[Any]) -> str | None:
                query = sa.select(column).where(documents.c.doc_id == doc)
                return conn.execute(query).scalar_one_or_none()

            chain = [doc_id]
            while (older := link(chain[0], documents.c.previous_version)) and older not in chain:
                chain.insert(0, older)
            while (newer := link(chain[-1], documents.c.superseded_by)) and newer not in chain:
                chain.append(newer)
            return chain

    def _add_document(
        self,
        doc: Document,
        near_duplicate_of: str | None,
        update_of: str | None,
        bands: Sequence[tuple[int, int]],
    ) -> AddResult:
        now = _now()
        with self._writing(f"add document {doc.origin}", (sa.exc.IntegrityError,)) as conn:
            canonical = conn.execute(
                sa.select(documents.c.doc_id).where(documents.c.content_hash == doc.content_hash)
            ).scalar_one_or_none()
            status: Literal["new", "duplicate", "near_duplicate", "updated"]
            if canonical is not None:
                status = "duplicate"
            else:
                canonical = conn.execute(
                    sa.select(document_copies.c.doc_id)
                    .where(document_copies.c.content_hash == doc.content_hash)
                    .limit(1)
                ).scalar_one_or_none()
                if canonical is not None:
                    status = "near_duplicate"
                elif update_of is not None and (older := _latest(conn, update_of)) is not None:
                    row = _document_row(doc, now) | {"previous_version": older}
                    conn.execute(sa.insert(documents).values(row))
                    _insert_bands(conn, doc.doc_id, bands)
                    conn.execute(
                        sa.update(documents)
                        .where(documents.c.doc_id == older)
                        # its mentions leave consolidation at the next run
                        .values(superseded_by=doc.doc_id, consolidation_pending=True)
                    )
                    canonical, status = doc.doc_id, "updated"
                elif near_duplicate_of is not None:
                    if not _exists(conn, documents.c.doc_id, near_duplicate_of):
                        raise StoreError(
                            f"{doc.origin}: near-duplicate of unknown document {near_duplicate_of}"
                        )
                    canonical, status = near_duplicate_of, "near_duplicate"
                else:
                    conn.execute(sa.insert(documents).values(_document_row(doc, now)))
                    _insert_bands(conn, doc.doc_id, bands)
                    canonical, status = doc.doc_id, "new"
            copy_added = _add_copy(conn, canonical, doc, now)
        return AddResult(status=status, doc_id=canonical, copy_added=copy_added)

    def band_candidates(self, bands: Sequence[tuple[int, int]]) -> list[tuple[str, bytes]]:
        """(doc_id, MinHash signature) of the current documents sharing one of these LSH
        band keys: one query on the bands' primary-key index."""
        if not bands:
            return []
        b, d = minhash_bands.c, documents.c
        shared = (
            sa.select(b.doc_id)
            .where(sa.or_(*(sa.and_(b.band == band, b.key == key) for band, key in bands)))
            .distinct()
        )
        with self.engine.connect() as conn:
            # Two indexed steps (bands, then documents by id): as one query with IN, a
            # planner without statistics may scan every current document instead.
            ids = sorted(conn.execute(shared).scalars())
            if not ids:
                return []
            query = sa.select(d.doc_id, d.minhash).where(
                d.doc_id.in_(ids), d.minhash.is_not(None), d.superseded_by.is_(None)
            )
            return [(r.doc_id, bytes(r.minhash)) for r in conn.execute(query)]

    def minhash_signatures(self) -> Iterator[tuple[str, bytes]]:
        """(doc_id, MinHash signature) of every current canonical document that has one."""
        query = sa.select(documents.c.doc_id, documents.c.minhash).where(
            documents.c.minhash.is_not(None), documents.c.superseded_by.is_(None)
        )
        for row in self._pages(query, documents.c.doc_id):
            yield row.doc_id, bytes(row.minhash)

    def pending_documents(
        self,
        *,
        extractor_version: str,
        redo_all: bool = False,
        doc_ids: Iterable[str] | None = None,
    ) -> Iterator[Document]:
        """Current English (or undetected-language) documents not yet extracted by this
        version (an older version of an updated article is not read again).

        Safe to call ``save_extraction`` while iterating: pages are read by doc_id.
        """
        yield from self._documents_from(_pending_query(extractor_version, redo_all, doc_ids))

    def documents(
        self,
        *,
        language: str | None = None,
        extracted: bool | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Document]:
        """Documents ordered by doc_id, each with its first copy's url/source/published."""
        query = sa.select(documents).order_by(documents.c.doc_id)
        if language is not None:
            query = query.where(documents.c.language == language)
        if extracted is not None:
            column = documents.c.extracted_version
            query = query.where(column.is_not(None) if extracted else column.is_(None))
        query = query.limit(limit).offset(offset)
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
            return _with_copies(conn, rows)

    def document(self, doc_id: str) -> Document:
        """One document by id; ``NotFound`` when there is none."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(documents).where(documents.c.doc_id == doc_id)).all()
            if not rows:
                raise NotFound(f"no document {doc_id}")
            return _with_copies(conn, rows)[0]

    def copies(self, doc_id: str) -> list[dict[str, Any]]:
        """Every copy of a document (outlet, url, publication date), first seen first."""
        query = (
            sa.select(document_copies)
            .where(document_copies.c.doc_id == doc_id)
            .order_by(document_copies.c.id)
        )
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(query)]

    # -- extraction results ------------------------------------------------------------

    def save_extraction(
        self, doc_id: str, result: DocumentResult, *, extractor_version: str
    ) -> None:
        """Replace a document's mentions and positions with ``result`` in one transaction.

        Saving the same result again leaves the ledger unchanged (ids are positional).
        """
        with self._writing(f"save extraction of {doc_id}") as conn:
            _save_result(conn, doc_id, result, extractor_version)

    def save_extractions(
        self, results: Iterable[tuple[str, DocumentResult]], *, extractor_version: str
    ) -> int:
        """Save a batch of ``(doc_id, result)`` in one transaction; the number saved.

        Each document is replaced as ``save_extraction`` does, so saving a batch again
        (a re-run after a lost worker) changes nothing. Documents are taken in id order,
        so two writers saving overlapping batches lock them in the same order.
        """
        batch = sorted(dict(results).items())
        if not batch:
            return 0
        with self._writing(f"save extractions of {len(batch)} documents") as conn:
            for doc_id, result in batch:
                _save_result(conn, doc_id, result, extractor_version)
        return len(batch)

    def count_pending(self, *, extractor_version: str, redo_all: bool = False) -> int:
        """How many documents ``pending_documents`` would yield (for progress bars)."""
        query = _pending_query(extractor_version, redo_all)
        with self.engine.connect() as conn:
            return int(
                conn.execute(sa.select(sa.func.count()).select_from(query.subquery())).scalar_one()
            )

    def mentions(
        self,
        *,
        kind: str | None = None,
        date_from: DateLike = None,
        date_to: DateLike = None,
        place: str | None = None,
        side: str | None = None,
        doc_id: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        current: bool = False,
        theatre: str | None = None,
    ) -> list[Mention]:
        """Event mentions matching every given filter, by date (undated last).

        ``place`` matches the first location's name or oblast, case-insensitively and in
        part ("kharkiv" finds Kharkiv and Kharkiv Oblast); ``side`` matches the actor's or
        the target's side; a date range keeps mentions whose dates overlap it.
        ``current`` leaves out the mentions of superseded versions of updated articles
        (kept as history, but no longer what the article says). ``theatre`` keeps one
        theatre's mentions (``None`` or ``"all"``: every mention).
        """
        query = _mention_query(
            kind=kind, date_from=date_from, date_to=date_to, place=place, side=side,
            doc_id=doc_id, limit=limit, offset=offset, theatre=theatre,
        )  # fmt: skip
        if current:
            query = query.where(
                mentions.c.doc_id.not_in(
                    sa.select(documents.c.doc_id).where(documents.c.superseded_by.is_not(None))
                )
            )
        with self.engine.connect() as conn:
            return _as_mentions(conn, conn.execute(query).all())

    def count_mentions(self, **filters: Any) -> int:
        """How many mentions ``mentions`` would return with these filters (``kind``,
        ``date_from``, ``date_to``, ``place``, ``side``, ``doc_id``, ``theatre``; no
        paging)."""
        query = _mention_query(**{**filters, "limit": None, "offset": 0})
        with self.engine.connect() as conn:
            return int(
                conn.execute(
                    sa.select(sa.func.count()).select_from(query.order_by(None).subquery())
                ).scalar_one()
            )

    def mentions_in(
        self,
        *,
        doc_ids: Iterable[str] = (),
        mention_ids: Iterable[str] = (),
        conn: sa.Connection | None = None,
    ) -> list[Mention]:
        """The mentions of these documents and these ids (looked up by index, in pages)."""
        found: list[Mention] = []
        for column, values in ((mentions.c.doc_id, doc_ids), (mentions.c.mention_id, mention_ids)):
            keys = sorted(set(values))
            for start in range(0, len(keys), PAGE):
                query = sa.select(mentions.c.mention_id, mentions.c.doc_id, mentions.c.data).where(
                    column.in_(keys[start : start + PAGE])
                )
                if conn is None:
                    with self.engine.connect() as own:
                        found += _as_mentions(own, own.execute(query).all())
                else:
                    found += _as_mentions(conn, conn.execute(query).all())
        return found

    def mention_rows(
        self,
        *,
        kind: str | None = None,
        date_from: DateLike = None,
        date_to: DateLike = None,
        place: str | None = None,
        side: str | None = None,
        doc_id: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        theatre: str | None = None,
    ) -> list[dict[str, Any]]:
        """The same selection as ``mentions`` as flat dicts (keys: ``MENTION_FIELDS``)."""
        query = _mention_query(
            kind=kind, date_from=date_from, date_to=date_to, place=place, side=side,
            doc_id=doc_id, limit=limit, offset=offset, theatre=theatre,
        )  # fmt: skip
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
            firsts = _first_copies(conn, {r.doc_id for r in rows})
        out = []
        for r in rows:
            m = dict(r._mapping)
            first = firsts.get(r.doc_id, {})
            m["evidence_text"] = " … ".join(s.get("text", "") for s in m["evidence"] or [])
            m.update(
                source=first.get("source"), url=first.get("url"), published=first.get("published")
            )
            for key in ("date_start", "date_end"):
                m[key] = m[key].isoformat() if m[key] else None
            out.append({k: m.get(k) for k in MENTION_FIELDS})
        return out

    def positions(
        self,
        *,
        issue: str | None = None,
        side: str | None = None,
        doc_id: str | None = None,
        date_from: DateLike = None,
        date_to: DateLike = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Position]:
        """Stated positions matching every given filter, by date (undated last)."""
        query = _position_query(issue, side, doc_id, date_from, date_to, limit, offset)
        with self.engine.connect() as conn:
            return [position_from_dict(r.data) for r in conn.execute(query)]

    def position_rows(self, **filters: Any) -> list[dict[str, Any]]:
        """The same selection as ``positions`` as flat dicts with their doc_id."""
        query = _position_query(
            filters.get("issue"),
            filters.get("side"),
            filters.get("doc_id"),
            filters.get("date_from"),
            filters.get("date_to"),
            filters.get("limit"),
            filters.get("offset", 0),
        )
        with self.engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(query)]
        for row in rows:
            row["date_start"] = row["date_start"].isoformat() if row["date_start"] else None
        return rows

    def document_results(self, theatre: str | None = None) -> Iterator[DocumentResult]:
        """Each extracted document as one ledger-schema result, ordered by doc_id.

        ``theatre`` keeps only that theatre's events in each result (``None`` or ``"all"``:
        every event); the document and its positions stay."""
        query = sa.select(documents).where(documents.c.extracted_version.is_not(None))
        events_of = sa.select(mentions.c.data).order_by(mentions.c.idx)
        if theatre is not None and theatre != ALL_THEATRES:
            events_of = events_of.where(mentions.c.theatre == theatre)
        for doc in self._documents_from(query):
            with self.engine.connect() as conn:
                events = conn.execute(events_of.where(mentions.c.doc_id == doc.doc_id)).scalars()
                stances = conn.execute(
                    sa.select(positions.c.data)
                    .where(positions.c.doc_id == doc.doc_id)
                    .order_by(positions.c.idx)
                ).scalars()
                yield DocumentResult(
                    doc_id=doc.doc_id,
                    url=doc.url,
                    source=doc.source,
                    title=doc.title,
                    published=doc.published,
                    language=doc.language,
                    events=[event_from_dict(d) for d in events],
                    positions=[position_from_dict(d) for d in stances],
                )

    # -- runs and health ---------------------------------------------------------------

    def start_run(self, kind: str) -> int:
        """Write a run's row as it starts (status "running"); returns its id.

        Runs left "running" by a process of this host that no longer exists (killed, or
        the machine lost power) are marked "interrupted" first, so none stays "running".
        """
        self.mark_abandoned_runs()
        with self._writing(f"start {kind} run") as conn:
            result = conn.execute(
                sa.insert(runs).values(
                    kind=kind,
                    counts={},
                    per_source={},
                    started_at=_now(),
                    status="running",
                    host=socket.gethostname()[:255],
                    pid=os.getpid(),
                )
            )
            return int(result.inserted_primary_key[0])

    def finish_run(
        self,
        run_id: int,
        status: str,
        counts: Mapping[str, Any],
        per_source: Mapping[str, Any] | None = None,
    ) -> None:
        """Close a run with its true status: ok, partial, failed or interrupted."""
        with self._writing("finish run") as conn:
            conn.execute(
                sa.update(runs)
                .where(runs.c.run_id == run_id)
                .values(
                    status=status,
                    counts=dict(counts),
                    per_source=dict(per_source or {}),
                    finished_at=_now(),
                )
            )

    def mark_abandoned_runs(self) -> int:
        """Mark "interrupted" the runs still "running" whose process on this host is gone."""
        host = socket.gethostname()[:255]
        query = sa.select(runs.c.run_id, runs.c.pid).where(
            runs.c.status == "running", runs.c.host == host
        )
        with self.engine.connect() as conn:
            gone = [r.run_id for r in conn.execute(query) if not _alive(r.pid)]
        if gone:
            with self._writing("mark interrupted runs") as conn:
                conn.execute(
                    sa.update(runs)
                    .where(runs.c.run_id.in_(gone), runs.c.status == "running")
                    .values(status="interrupted")
                )
        return len(gone)

    def record_run(
        self,
        kind: str,
        counts: Mapping[str, Any],
        per_source: Mapping[str, Any],
        started_at: datetime | str,
        finished_at: datetime | str | None,
        *,
        status: str = "ok",
    ) -> int:
        """Remember one ingest/extract run and its counts (for coverage health)."""
        with self._writing(f"record {kind} run") as conn:
            result = conn.execute(
                sa.insert(runs).values(
                    kind=kind,
                    counts=dict(counts),
                    per_source=dict(per_source),
                    started_at=started_at,
                    finished_at=finished_at,
                    status=status,
                )
            )
            return int(result.inserted_primary_key[0])

    def runs(self, *, kind: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        """Recorded runs, newest first."""
        query = sa.select(runs).order_by(runs.c.run_id.desc()).limit(limit)
        if kind is not None:
            query = query.where(runs.c.kind == kind)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def stats(self, *, top: int = 10) -> dict[str, Any]:
        """Counts for a quick health check: documents, copies, languages, mentions by kind,
        the most mentioned places, runs."""
        count = sa.func.count()
        place_label = sa.func.coalesce(mentions.c.place_name, mentions.c.admin1)
        with self.engine.connect() as conn:

            def scalar(query: sa.Select[Any]) -> int:
                return int(conn.execute(query).scalar_one())

            def grouped(column: sa.ColumnElement[Any]) -> dict[str, int]:
                query = sa.select(column, count).group_by(column).order_by(count.desc(), column)
                return {(k if k is not None else "unknown"): n for k, n in conn.execute(query)}

            top_places = conn.execute(
                sa.select(place_label.label("place"), mentions.c.admin1, count.label("mentions"))
                .where(place_label.is_not(None))
                .group_by(place_label, mentions.c.admin1)
                .order_by(count.desc(), place_label)
                .limit(top)
            ).all()
            last = [_iso_times(run) for run in self.runs(limit=1)]
            return {
                "documents": scalar(sa.select(count).select_from(documents)),
                "extracted_documents": scalar(
                    sa.select(count).where(documents.c.extracted_version.is_not(None))
                ),
                "copies": scalar(sa.select(count).select_from(document_copies)),
                "by_language": grouped(documents.c.language),
                "by_source": grouped(document_copies.c.source),
                "mentions": scalar(sa.select(count).select_from(mentions)),
                "mentions_by_kind": grouped(mentions.c.kind),
                "positions": scalar(sa.select(count).select_from(positions)),
                "places": scalar(sa.select(count).select_from(places)),
                "actors": scalar(sa.select(count).select_from(actors)),
                "top_places": [
                    {"place": p.place, "admin1": p.admin1, "mentions": p.mentions}
                    for p in top_places
                ],
                "runs": scalar(sa.select(count).select_from(runs)),
                "last_run": last[0] if last else None,
            }

    # -- helpers -----------------------------------------------------------------------

    def _writing(
        self, what: str, passthrough: tuple[type[Exception], ...] = ()
    ) -> AbstractContextManager[sa.Connection]:
        return _transaction(self.engine, what, passthrough)

    def _pages(self, query: sa.Select[Any], key: sa.ColumnElement[Any]) -> Iterator[sa.Row[Any]]:
        """Rows of ``query`` in pages ordered by the unique ``key`` (keyset pagination)."""
        last = None
        while True:
            page_query = query.order_by(key).limit(PAGE)
            if last is not None:
                page_query = page_query.where(key > last)
            with self.engine.connect() as conn:
                rows = conn.execute(page_query).all()
            yield from rows
            if len(rows) < PAGE:
                return
            last = getattr(rows[-1], key.key)

    def _documents_from(self, query: sa.Select[Any]) -> Iterator[Document]:
        batch: list[sa.Row[Any]] = []
        for row in self._pages(query, documents.c.doc_id):
            batch.append(row)
            if len(batch) == PAGE:
                yield from self._complete(batch)
                batch = []
        yield from self._complete(batch)

    def _complete(self, rows: list[sa.Row[Any]]) -> list[Document]:
        if not rows:
            return []
        with self.engine.connect() as conn:
            return _with_copies(conn, rows)


@contextmanager
def write_transaction(engine: sa.Engine) -> Iterator[sa.Connection]:
    """A transaction that will write: on SQLite it takes the write lock when it begins.

    A deferred SQLite transaction that reads first and writes later is refused at once
    ("database is locked") when another connection wrote in between, whatever the busy
    timeout; taking the lock up front makes concurrent writers wait their turn instead.
    """
    with engine.connect() as conn:
        conn.execution_options(**{WRITE_OPTION: True})
        with conn.begin():
            yield conn


@contextmanager
def _transaction(
    engine: sa.Engine, what: str, passthrough: tuple[type[Exception], ...] = ()
) -> Iterator[sa.Connection]:
    """A write transaction that reports database failures as ``StoreError``."""
    try:
        with write_transaction(engine) as conn:
            yield conn
    except passthrough:
        raise
    except sa.exc.SQLAlchemyError as exc:
        raise StoreError(f"cannot {what}: {_reason(exc)}") from exc


# -- engine and migrations -------------------------------------------------------------


def _make_engine(url: str) -> sa.Engine:
    try:
        parsed = sa.make_url(url)
        if parsed.drivername in ("postgresql", "postgres"):
            # The driver we ship is psycopg 3; plain postgresql:// would ask for psycopg2.
            parsed = parsed.set(drivername="postgresql+psycopg")
        if parsed.get_backend_name() == "sqlite":
            engine = sa.create_engine(parsed, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
            _configure_sqlite(engine)
        else:
            engine = sa.create_engine(parsed, pool_pre_ping=True)
    except (sa.exc.ArgumentError, sa.exc.NoSuchModuleError, ImportError) as exc:
        raise StoreError(f"cannot open the ledger {_safe(url)}: {exc}") from exc
    return engine


# SQLite's default page cache is 2 MB: at a million documents each index lookup then
# reads its upper B-tree pages again from the OS. 64 MB a connection keeps them.
CACHE_KIB = 65536


def _configure_sqlite(engine: sa.Engine) -> None:
    """WAL (readers never block the writer), foreign keys on, a page cache that holds
    the upper levels of a large ledger's indexes, and real transactions.

    Python's sqlite3 module only opens a transaction before DML; we take over and emit
    BEGIN ourselves so that reads and writes in one ``engine.begin()`` are one transaction.
    """

    @sa_event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        cursor.close()

    @sa_event.listens_for(engine, "begin")
    def _on_begin(connection: sa.Connection) -> None:
        if connection.get_execution_options().get(WRITE_OPTION):
            _begin_immediate(connection)
        else:
            connection.exec_driver_sql("BEGIN")


def _begin_immediate(connection: sa.Connection) -> None:
    """BEGIN IMMEDIATE, retried with backoff while another process holds the write lock.

    Each attempt already waits up to the busy timeout; the retries cover a writer that
    holds the lock longer (a big consolidation), so a second process waits, never fails.
    """
    delay = 0.05
    deadline = time.monotonic() + WRITE_LOCK_WAIT
    while True:
        try:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
            return
        except sa.exc.OperationalError as exc:
            if "locked" not in str(exc.orig) or time.monotonic() + delay > deadline:
                raise
            time.sleep(delay + random.uniform(0, delay))
            delay = min(delay * 2, 2.0)


def alembic_config() -> Config:
    """Alembic configuration pointing at the packaged migrations (no cwd files needed)."""
    config = Config(str(ALEMBIC_INI))
    config.set_main_option("script_location", str(ALEMBIC_INI.parent / "migrations"))
    return config


def _migrate(engine: sa.Engine) -> None:
    config = alembic_config()
    heads = set(ScriptDirectory.from_config(config).get_heads())
    with engine.connect() as conn:  # the usual case, and fine on a read-only file
        if set(MigrationContext.configure(conn).get_current_heads()) == heads:
            return
    with write_transaction(engine) as conn:
        if conn.dialect.name == "postgresql":
            # Two processes opening a fresh database at once: one migrates, one waits.
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(727274)")
        if set(MigrationContext.configure(conn).get_current_heads()) == heads:
            return
        config.attributes["connection"] = conn
        command.upgrade(config, "heads")


def _safe(url: str) -> str:
    try:
        return sa.make_url(url).render_as_string(hide_password=True)
    except sa.exc.ArgumentError:
        return url


def _reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig if orig is not None else exc).strip().splitlines()[0]


def _now() -> datetime:
    return datetime.now(UTC)


def _iso_times(row: dict[str, Any]) -> dict[str, Any]:
    """The row with datetimes as ISO 8601 strings, ready for JSON."""
    return {k: v.isoformat() if isinstance(v, datetime) else v for k, v in row.items()}


def _alive(pid: int | None) -> bool:
    """Whether a process with this id exists here (unknown pid: assume it may)."""
    if not pid:
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _latest(conn: sa.Connection, doc_id: str) -> str | None:
    """The newest version of ``doc_id`` (itself unless superseded); None if unknown."""
    seen: set[str] = set()
    while doc_id not in seen:
        seen.add(doc_id)
        row = conn.execute(
            sa.select(documents.c.superseded_by).where(documents.c.doc_id == doc_id)
        ).first()
        if row is None:
            return None
        if row.superseded_by is None:
            return doc_id
        doc_id = row.superseded_by
    return doc_id


def _exists(conn: sa.Connection, column: sa.Column[Any], value: Any) -> bool:
    query = sa.select(column).where(column == value).limit(1)
    return conn.execute(query).first() is not None


# -- documents and copies --------------------------------------------------------------


def _pending_query(
    extractor_version: str, redo_all: bool, doc_ids: Iterable[str] | None = None
) -> sa.Select[Any]:
    query = sa.select(documents).where(
        sa.or_(documents.c.language == "en", documents.c.language.is_(None)),
        documents.c.superseded_by.is_(None),
    )
    if doc_ids is not None:
        query = query.where(documents.c.doc_id.in_(sorted(set(doc_ids))))
    if not redo_all:
        query = query.where(
            sa.or_(
                documents.c.extracted_version.is_(None),
                documents.c.extracted_version != extractor_version,
            )
        )
    return query


def _save_result(
    conn: sa.Connection, doc_id: str, result: DocumentResult, extractor_version: str
) -> None:
    """Replace one document's mentions and positions inside the caller's transaction."""
    mention_rows = [_mention_row(doc_id, i, e) for i, e in enumerate(result.events)]
    position_rows = [_position_row(doc_id, i, p) for i, p in enumerate(result.positions)]
    # Lock the document's row: two runs saving the same document take turns (on
    # PostgreSQL both would otherwise insert the same mention ids).
    found = conn.execute(
        sa.select(documents.c.doc_id).where(documents.c.doc_id == doc_id).with_for_update()
    ).first()
    if found is None:
        raise NotFound(f"no document {doc_id}")
    conn.execute(sa.delete(mentions).where(mentions.c.doc_id == doc_id))
    conn.execute(sa.delete(positions).where(positions.c.doc_id == doc_id))
    if mention_rows:
        conn.execute(sa.insert(mentions), mention_rows)
    if position_rows:
        conn.execute(sa.insert(positions), position_rows)
    _upsert_places(conn, result)
    _upsert_actors(conn, result)
    conn.execute(
        sa.update(documents)
        .where(documents.c.doc_id == doc_id)
        .values(
            extracted_version=extractor_version,
            extracted_at=_now(),
            consolidation_pending=True,
        )
    )


def _document_row(doc: Document, now: datetime) -> dict[str, Any]:
    return {
        "doc_id": doc.doc_id,
        "content_hash": doc.content_hash,
        "external_id": doc.external_id,
        "title": doc.title,
        "text": doc.text,
        "language": doc.language,
        "minhash": doc.minhash,
        "first_seen_at": now,
    }


def _insert_bands(conn: sa.Connection, doc_id: str, bands: Sequence[tuple[int, int]]) -> None:
    rows = [{"band": band, "key": key, "doc_id": doc_id} for band, key in sorted(set(bands))]
    if rows:
        conn.execute(sa.insert(minhash_bands), rows)


def _add_copy(conn: sa.Connection, doc_id: str, doc: Document, now: datetime) -> bool:
    """Attach this input as a copy of ``doc_id`` unless the same origin/url already is."""
    seen = conn.execute(
        sa.select(document_copies.c.id)
        .where(document_copies.c.doc_id == doc_id)
        .where(document_copies.c.origin == doc.origin)
        .where(document_copies.c.url.is_not_distinct_from(doc.url))
        .limit(1)
    ).first()
    if seen is not None:
        return False
    conn.execute(
        sa.insert(document_copies).values(
            doc_id=doc_id,
            origin=doc.origin,
            url=doc.url,
            source=doc.source,
            published=doc.published,
            published_date=to_date(doc.published),
            title=doc.title,
            content_hash=doc.content_hash,
            ingested_at=now,
        )
    )
    return True


def _first_copies(conn: sa.Connection, doc_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The first copy (by insertion) of each document: where the text was first seen."""
    ids = sorted(set(doc_ids))
    firsts: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), PAGE):
        chunk = ids[start : start + PAGE]
        first_id = (
            sa.select(sa.func.min(document_copies.c.id))
            .where(document_copies.c.doc_id.in_(chunk))
            .group_by(document_copies.c.doc_id)
        )
        query = sa.select(document_copies).where(document_copies.c.id.in_(first_id))
        for row in conn.execute(query):
            firsts[row.doc_id] = dict(row._mapping)
    return firsts


def _as_mentions(conn: sa.Connection, rows: list[sa.Row[Any]]) -> list[Mention]:
    firsts = _first_copies(conn, {r.doc_id for r in rows})
    return [
        Mention(
            mention_id=r.mention_id,
            doc_id=r.doc_id,
            event=event_from_dict(r.data),
            source=firsts.get(r.doc_id, {}).get("source"),
            published=firsts.get(r.doc_id, {}).get("published"),
            url=firsts.get(r.doc_id, {}).get("url"),
        )
        for r in rows
    ]


def _with_copies(conn: sa.Connection, rows: list[sa.Row[Any]]) -> list[Document]:
    firsts = _first_copies(conn, [r.doc_id for r in rows])
    out = []
    for r in rows:
        first = firsts.get(r.doc_id, {})
        out.append(
            Document(
                doc_id=r.doc_id,
                text=r.text,
                content_hash=r.content_hash,
                origin=first.get("origin", ""),
                title=r.title if r.title is not None else first.get("title"),
                url=first.get("url"),
                published=first.get("published"),
                source=first.get("source"),
                language=r.language,
                minhash=bytes(r.minhash) if r.minhash is not None else None,
                external_id=r.external_id,
            )
        )
    return out


# -- mentions and positions ------------------------------------------------------------


def to_date(value: DateLike) -> date | None:
    """The calendar date an ISO date/datetime string starts with; None if it has none."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _mention_row(doc_id: str, idx: int, event: Event) -> dict[str, Any]:
    data = event.to_dict()
    place = event.locations[0] if event.locations else None
    row: dict[str, Any] = {
        "mention_id": f"{doc_id}:{idx}",
        "doc_id": doc_id,
        "idx": idx,
        "kind": event.kind,
        "subtype": event.subtype,
        "date_start": to_date(event.date.start),
        "date_end": to_date(event.date.end),
        "date_precision": event.date.precision,
        "date_text": event.date.text,
        "place_name": place.name if place else None,
        "admin1": place.admin1 if place else None,
        "country": place.country if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "precision": place.precision if place else None,
        "actor_name": event.actor.name if event.actor else None,
        "actor_side": event.actor.side if event.actor else None,
        "target_name": event.target.name if event.target else None,
        "target_side": event.target.side if event.target else None,
        "weapon": event.weapon,
        "status": event.status,
        "negated": bool(event.negated),
        "claimant_name": event.claimant.name if event.claimant else None,
        "claimant_side": event.claimant.side if event.claimant else None,
        "counts": data["counts"],
        "locations": data["locations"],
        "participants": data["participants"],
        "evidence": data["evidence"],
        "data": data,
        "confidence": data["confidence"],
        "theatre": event_theatre(data),
    }
    for key in COMMON_COUNTS:
        count = event.counts.get(key)
        row[key] = count.value if count else None
    return row


def _position_row(doc_id: str, idx: int, position: Position) -> dict[str, Any]:
    data = position.to_dict()
    return {
        "position_id": f"{doc_id}:p{idx}",
        "doc_id": doc_id,
        "idx": idx,
        "party_name": position.party.name,
        "party_side": position.party.side,
        "issue": position.issue,
        "stance": position.stance,
        "date_start": to_date(position.date.start),
        "date_precision": position.date.precision,
        "evidence": data["evidence"],
        "data": data,
        "confidence": data["confidence"],
    }


def _date_filters(
    start: sa.ColumnElement[Any], end: sa.ColumnElement[Any], date_from: DateLike, date_to: DateLike
) -> list[sa.ColumnElement[bool]]:
    """Overlap of [start, end] with [date_from, date_to]; undated rows never match."""
    conds: list[sa.ColumnElement[bool]] = []
    if date_from is not None:
        conds.append(sa.func.coalesce(end, start) >= _required_date(date_from))
    if date_to is not None:
        conds.append(start <= _required_date(date_to))
    return conds


def _required_date(value: date | str) -> date:
    parsed = to_date(value)
    if parsed is None:
        raise ValueError(f"not an ISO date: {value!r}")
    return parsed


def _mention_query(
    *,
    kind: str | None = None,
    date_from: DateLike = None,
    date_to: DateLike = None,
    place: str | None = None,
    side: str | None = None,
    doc_id: str | None = None,
    limit: int | None = None,
    offset: int = 0,
    theatre: str | None = None,
) -> sa.Select[Any]:
    m = mentions.c
    query = sa.select(mentions)
    if kind is not None:
        query = query.where(m.kind == kind)
    if theatre is not None and theatre != ALL_THEATRES:
        query = query.where(m.theatre == theatre)
    if doc_id is not None:
        query = query.where(m.doc_id == doc_id)
    if side is not None:
        query = query.where(sa.or_(m.actor_side == side.upper(), m.target_side == side.upper()))
    if place is not None:
        needle = place.strip().lower()
        query = query.where(
            sa.or_(
                sa.func.lower(m.place_name).contains(needle, autoescape=True),
                sa.func.lower(m.admin1).contains(needle, autoescape=True),
            )
        )
    query = query.where(*_date_filters(m.date_start, m.date_end, date_from, date_to))
    return (
        query.order_by(m.date_start.asc().nulls_last(), m.doc_id, m.idx).limit(limit).offset(offset)
    )


def _position_query(
    issue: str | None,
    side: str | None,
    doc_id: str | None,
    date_from: DateLike,
    date_to: DateLike,
    limit: int | None,
    offset: int,
) -> sa.Select[Any]:
    p = positions.c
    query = sa.select(positions)
    if issue is not None:
        query = query.where(p.issue == issue)
    if side is not None:
        query = query.where(p.party_side == side.upper())
    if doc_id is not None:
        query = query.where(p.doc_id == doc_id)
    query = query.where(*_date_filters(p.date_start, p.date_start, date_from, date_to))
    return (
        query.order_by(p.date_start.asc().nulls_last(), p.doc_id, p.idx).limit(limit).offset(offset)
    )


# -- places and actors -----------------------------------------------------------------


def place_key(location: Location) -> str:
    """A resolved place's identity: its gazetteer code, else name/oblast/country."""
    if location.pcode:
        return _bounded(location.pcode)
    parts = (location.country or "", location.admin1 or "", location.name)
    return _bounded("|".join(parts).casefold())


def actor_key(actor: Actor) -> str:
    """An actor's identity: side and name, case-insensitive."""
    return _bounded(f"{actor.side or ''}|{actor.name}".casefold())


def _bounded(key: str, limit: int = 200) -> str:
    """Keys fit their column: a very long one keeps its start plus a hash of the whole."""
    if len(key) <= limit:
        return key
    return key[: limit - 17] + "#" + hashlib.sha256(key.encode()).hexdigest()[:16]


def _event_actors(event: Event) -> Iterator[Actor]:
    for actor in (event.actor, event.target, event.claimant, *event.participants):
        if actor is not None:
            yield actor


def _upsert_places(conn: sa.Connection, result: DocumentResult) -> None:
    rows = {
        place_key(loc): {
            "place_key": place_key(loc),
            "name": loc.name,
            "admin1": loc.admin1,
            "country": loc.country,
            "lat": loc.lat,
            "lon": loc.lon,
            "precision": loc.precision,
            "pcode": loc.pcode,
        }
        for event in result.events
        for loc in event.locations
        if loc.lat is not None and loc.lon is not None
    }
    _insert_new(conn, places, "place_key", list(rows.values()))


def _upsert_actors(conn: sa.Connection, result: DocumentResult) -> None:
    found = [a for e in result.events for a in _event_actors(e)]
    found += [p.party for p in result.positions]
    rows = {
        actor_key(a): {"actor_key": actor_key(a), "name": a.name, "side": a.side, "type": a.type}
        for a in found
        if a.name
    }
    _insert_new(conn, actors, "actor_key", list(rows.values()))


def _insert_new(conn: sa.Connection, table: sa.Table, key: str, rows: list[dict[str, Any]]) -> None:
    """Insert rows whose key is not stored yet; rows already known are left as they are."""
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        conn.execute(pg_insert(table).on_conflict_do_nothing(index_elements=[key]), rows)
    elif conn.dialect.name == "sqlite":
        conn.execute(sqlite_insert(table).on_conflict_do_nothing(index_elements=[key]), rows)
    else:
        known = set(
            conn.execute(
                sa.select(table.c[key]).where(table.c[key].in_([r[key] for r in rows]))
            ).scalars()
        )
        fresh = [r for r in rows if r[key] not in known]
        if fresh:
            conn.execute(sa.insert(table), fresh)


# -- ledger-schema dicts back into types -----------------------------------------------


def _known(cls: type[T], data: Mapping[str, Any]) -> dict[str, Any]:
    """The keys of ``data`` that ``cls`` has fields for (the schema allows extra keys)."""
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    return {k: v for k, v in data.items() if k in names}


def actor_from_dict(data: Mapping[str, Any] | None) -> Actor | None:
    if data is None:
        return None
    actor = Actor(**_known(Actor, data))
    actor.type = actor.type or "unknown"
    return actor


def when_from_dict(data: Mapping[str, Any] | None) -> When:
    when = When(**_known(When, data or {}))
    when.precision = when.precision or "unknown"
    return when


def event_from_dict(data: Mapping[str, Any]) -> Event:
    """An ``Event`` from its ledger-schema JSON (the inverse of ``Event.to_dict``)."""
    fields = _known(Event, data)
    fields["actor"] = actor_from_dict(data.get("actor"))
    fields["target"] = actor_from_dict(data.get("target"))
    fields["claimant"] = actor_from_dict(data.get("claimant"))
    fields["participants"] = [actor_from_dict(p) for p in data.get("participants") or []]
    fields["locations"] = [Location(**_known(Location, x)) for x in data.get("locations") or []]
    fields["date"] = when_from_dict(data.get("date"))
    fields["counts"] = {k: Count(**_known(Count, c)) for k, c in (data.get("counts") or {}).items()}
    fields["evidence"] = [Span(**_known(Span, s)) for s in data.get("evidence") or []]
    for key in ("target_kind", "scope"):
        fields[key] = list(data.get(key) or [])
    return Event(**fields)


def position_from_dict(data: Mapping[str, Any]) -> Position:
    """A ``Position`` from its ledger-schema JSON (the inverse of ``Position.to_dict``)."""
    fields = _known(Position, data)
    fields["party"] = actor_from_dict(data.get("party")) or Actor()
    fields["date"] = when_from_dict(data.get("date"))
    fields["evidence"] = [Span(**_known(Span, s)) for s in data.get("evidence") or []]
    return Position(**fields)
