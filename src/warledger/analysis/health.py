"""The coverage report that the API and the dashboard show: per-source counts from the
ledger plus the health verdicts of ``warledger.analysis.coverage``."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from warledger.analysis.coverage import health_of_counts
from warledger.analysis.data import publication_counts
from warledger.ledger.query import source_coverage

if TYPE_CHECKING:
    from warledger.ledger.store import Store


def coverage_report(store: Store) -> dict[str, Any]:
    """Per-source counts plus the health verdicts (silent, dropped) and the last runs."""
    runs = [
        {k: (v.isoformat() if isinstance(v, date) else v) for k, v in r.items()}
        for r in store.runs(limit=200)
    ]
    health = health_of_counts(publication_counts(store), runs=runs)
    return {
        "sources": source_coverage(store.engine),
        "health": health.to_dict(),
        "runs": runs[:20],
    }
