"""What an ingest run did, for people (the final summary) and for the ledger's runs table."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from warledger.errors import InputError

UNKNOWN_SOURCE = "(unknown)"


@dataclass(frozen=True)
class Skipped:
    """One input that was not ingested, and why."""

    origin: str
    reason: str


@dataclass
class IngestSummary:
    """Counts of one run. ``read`` counts documents read; ``skipped`` the inputs that failed.

    ``new + updated + duplicate + near_duplicate == read`` once a run completes: every
    document read is stored as new text, as a new version of an article already stored
    from the same URL, or attached as a copy of text already there.
    """

    started_at: datetime
    finished_at: datetime | None = None
    read: int = 0
    new: int = 0
    updated: int = 0
    duplicate: int = 0
    near_duplicate: int = 0
    non_english: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    per_source: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    interrupted: bool = False

    @property
    def failed(self) -> int:
        return len(self.skipped)

    @property
    def ok(self) -> bool:
        """True when every input was read (the CLI's exit status 0)."""
        return not self.skipped and not self.interrupted

    def record_skip(self, error: InputError, source: str | None = None) -> None:
        self.skipped.append(Skipped(error.origin, error.reason))
        self.per_source[source or UNKNOWN_SOURCE]["skipped"] += 1

    def record_stored(self, status: str, source: str | None, language: str | None) -> None:
        """Count one document the store accepted with ``status`` (new/duplicate/…)."""
        self.read += 1
        setattr(self, status, getattr(self, status) + 1)
        if language is not None and language != "en":
            self.non_english += 1
        counts = self.per_source[source or UNKNOWN_SOURCE]
        counts["read"] += 1
        counts[status] += 1

    def counts(self) -> dict[str, int]:
        return {
            "read": self.read,
            "new": self.new,
            "updated": self.updated,
            "duplicate": self.duplicate,
            "near_duplicate": self.near_duplicate,
            "non_english": self.non_english,
            "skipped": self.failed,
        }

    def skipped_reasons(self) -> dict[str, int]:
        """How many inputs were skipped for each reason (reasons without their line detail)."""
        return dict(Counter(s.reason.split(" (", 1)[0] for s in self.skipped))

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.counts(),
            "interrupted": self.interrupted,
            "started_at": self.started_at.isoformat(),
            "finished_at": self.finished_at.isoformat() if self.finished_at else None,
            "skipped_inputs": [{"input": s.origin, "reason": s.reason} for s in self.skipped],
            "skipped_reasons": self.skipped_reasons(),
            "per_source": {name: dict(c) for name, c in sorted(self.per_source.items())},
        }
