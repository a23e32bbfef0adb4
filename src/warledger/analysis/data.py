"""Loading what the analyses read: the ledger view (live or a snapshot), its consolidated
events, and the publication records for coverage health.

With a snapshot the events, mentions and positions are exactly the frozen ones. Document
copies are not part of a snapshot, so coverage over a snapshot reads the copies ingested
up to the moment the snapshot was taken (copies are only ever added, so that selection is
stable and the same snapshot gives the same coverage).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from warledger.analysis.coverage import Publication
from warledger.ledger.consolidate import ConsolidatedEvent, consolidate
from warledger.ledger.schema import document_copies
from warledger.ledger.snapshot import LedgerView, current_view, load_snapshot
from warledger.ledger.store import event_from_dict
from warledger.types import Mention

if TYPE_CHECKING:
    from warledger.ledger.store import Store


@dataclass
class AnalysisInput:
    """A ledger view with its events ready, and whether they had to be consolidated here."""

    view: LedgerView
    events: list[ConsolidatedEvent]
    consolidated_here: bool

    @property
    def label(self) -> str:
        """Names the data an analysis ran on (printed with every result)."""
        if self.view.snapshot_id:
            return f"snapshot {self.view.snapshot_id}"
        return f"live ledger (sha256 {self.view.content_hash[:12]})"

    def provenance(self) -> dict[str, Any]:
        return {
            "snapshot_id": self.view.snapshot_id,
            "snapshot_created_at": self.view.created_at,
            "content_hash": self.view.content_hash,
            "consolidated_here": self.consolidated_here,
        }


def _mention(d: dict[str, Any]) -> Mention:
    return Mention(
        mention_id=d["mention_id"],
        doc_id=d["doc_id"],
        event=event_from_dict(d["event"]),
        source=d.get("source"),
        published=d.get("published"),
        url=d.get("url"),
    )


def view_events(view: LedgerView) -> tuple[list[ConsolidatedEvent], bool]:
    """The view's consolidated events; when none were stored but mentions exist (nobody
    ran ``consolidate`` yet), they are consolidated in memory — the same pure function."""
    if view.events or not view.mentions:
        return view.consolidated_events(), False
    return consolidate(_mention(m) for m in view.mentions), True


def load_input(store: Store, snapshot_id: str | None = None) -> AnalysisInput:
    view = load_snapshot(store, snapshot_id) if snapshot_id else current_view(store)
    events, here = view_events(view)
    return AnalysisInput(view=view, events=events, consolidated_here=here)


def doc_sources(view: LedgerView) -> dict[str, str | None]:
    """doc_id → outlet, from the view's mentions (for labelling positions)."""
    return {m["doc_id"]: m.get("source") for m in view.mentions}


def doc_published(view: LedgerView) -> dict[str, str | None]:
    """doc_id → publication date, from the view's mentions (to place undated positions)."""
    return {m["doc_id"]: m.get("published") for m in view.mentions}


def publications(store: Store, *, until: str | datetime | None = None) -> list[Publication]:
    """Every document copy with an outlet and a publication date, optionally only those
    ingested up to ``until`` (a snapshot's creation time)."""
    query = sa.select(document_copies.c.source, document_copies.c.published_date).where(
        document_copies.c.source.is_not(None), document_copies.c.published_date.is_not(None)
    )
    if until is not None:
        moment = datetime.fromisoformat(until) if isinstance(until, str) else until
        query = query.where(document_copies.c.ingested_at <= moment)
    with store.engine.connect() as conn:
        return [Publication(r.source, r.published_date) for r in conn.execute(query)]


def publication_counts(
    store: Store, *, until: str | datetime | None = None
) -> dict[str, Counter[date]]:
    """Document copies per outlet and publication day (those with both), counted in SQL;
    ``until`` as in ``publications``."""
    c = document_copies.c
    query = (
        sa.select(c.source, c.published_date, sa.func.count())
        .where(c.source.is_not(None), c.published_date.is_not(None))
        .group_by(c.source, c.published_date)
    )
    if until is not None:
        moment = datetime.fromisoformat(until) if isinstance(until, str) else until
        query = query.where(c.ingested_at <= moment)
    out: dict[str, Counter[date]] = defaultdict(Counter)
    with store.engine.connect() as conn:
        for source, day, n in conn.execute(query):
            out[source][day] += int(n)
    return dict(out)


def in_theatre(data: AnalysisInput, theatre: str | None = None) -> tuple[AnalysisInput, int]:
    """The input restricted to one theatre's events (default: the packaged theatre;
    ``"all"``: every event), and how many events that leaves out."""
    from dataclasses import replace

    from warledger.ledger.theatre import ALL_THEATRES, default_scope, event_theatre

    wanted = theatre or default_scope().theatre
    if wanted == ALL_THEATRES:
        return data, 0
    kept = [e for e in data.events if event_theatre(e.to_dict()) == wanted]
    return replace(data, events=kept), len(data.events) - len(kept)
