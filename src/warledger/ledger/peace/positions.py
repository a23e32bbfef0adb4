"""The positions matrix: party × issue → the latest stance, with its history of changes.

A party is its side code when known (a person speaks for their side: Zelenskyy's words
are Ukraine's position), else its name. "Latest" is by the date the stance was stated,
or, when the text gives none, by the publication date of the document that reported it
(``reported``; shown as such, never passed off as the date it was stated). Statements with
neither sort before every placed one. Ties on a day keep the ledger's order (document,
then position id), so the result is reproducible.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

import pycountry

from warledger.ledger.theatre import default_scope


@dataclass
class Statement:
    """One stated stance with where it was read."""

    party: str
    party_name: str | None
    issue: str
    stance: str
    date: str | None
    evidence: str | None
    doc_id: str | None
    position_id: str | None
    source: str | None = None
    reported: str | None = None  # publication date of the reporting document (YYYY-MM-DD)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_record(
        cls,
        record: Mapping[str, Any],
        sources: Mapping[str, str | None] | None = None,
        published: Mapping[str, str | None] | None = None,
    ) -> Statement | None:
        """A statement from a ledger view's position record
        (``{"position_id", "doc_id", "position": <ledger-schema Position>}``)."""
        pos = record.get("position") or record.get("data") or {}
        party = pos.get("party") or {}
        label = party.get("side") or party.get("name")
        if not label or not pos.get("issue") or not pos.get("stance"):
            return None
        spans = pos.get("evidence") or []
        doc_id = record.get("doc_id")
        return cls(
            party=label,
            party_name=party.get("name"),
            issue=pos["issue"],
            stance=pos["stance"],
            date=((pos.get("date") or {}).get("start") or None),
            evidence=" … ".join(s.get("text", "") for s in spans) or None,
            doc_id=doc_id,
            position_id=record.get("position_id"),
            source=(sources or {}).get(doc_id) if doc_id else None,
            reported=((published or {}).get(doc_id) or "")[:10] or None if doc_id else None,
        )


@dataclass
class Cell:
    party: str
    issue: str
    history: list[Statement] = field(default_factory=list)

    @property
    def latest(self) -> Statement:
        return self.history[-1]

    @property
    def changes(self) -> list[Statement]:
        """The statements where the stance differs from the one before it."""
        pairs = zip(self.history, self.history[1:], strict=False)
        return [b for a, b in pairs if a.stance != b.stance]

    def to_dict(self, *, history: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "party": self.party,
            "issue": self.issue,
            "stance": self.latest.stance,
            "date": self.latest.date,
            "evidence": self.latest.evidence,
            "source": self.latest.source,
            "doc_id": self.latest.doc_id,
            "changes": len(self.changes),
        }
        if history:
            out["history"] = [s.to_dict() for s in self.history]
        return out


@dataclass
class PositionsMatrix:
    cells: dict[tuple[str, str], Cell]

    @property
    def parties(self) -> list[str]:
        return sorted({p for p, _ in self.cells})

    @property
    def issues(self) -> list[str]:
        return sorted({i for _, i in self.cells})

    def get(self, party: str, issue: str) -> Cell | None:
        return self.cells.get((party, issue))

    def to_dict(self, *, history: bool = True) -> dict[str, Any]:
        return {
            "parties": self.parties,
            "issues": self.issues,
            "cells": [c.to_dict(history=history) for _, c in sorted(self.cells.items())],
        }


def _order(s: Statement) -> tuple[bool, str, str, str]:
    when = s.date or s.reported
    return (when is not None, when or "", s.doc_id or "", s.position_id or "")


def positions_matrix(statements: Iterable[Statement]) -> PositionsMatrix:
    """Group statements by (party, issue) in date order; the last one is the latest."""
    grouped: dict[tuple[str, str], list[Statement]] = defaultdict(list)
    for s in statements:
        grouped[(s.party, s.issue)].append(s)
    return PositionsMatrix(
        cells={
            key: Cell(party=key[0], issue=key[1], history=sorted(items, key=_order))
            for key, items in grouped.items()
        }
    )


def matrix_from_records(
    records: Iterable[Mapping[str, Any]],
    sources: Mapping[str, str | None] | None = None,
    published: Mapping[str, str | None] | None = None,
) -> PositionsMatrix:
    """The matrix over a ledger view's position records; ``published`` (doc_id → date)
    places statements whose text gives no date."""
    statements = (Statement.from_record(r, sources, published) for r in records)
    return positions_matrix(s for s in statements if s is not None)


def side_label(party: str) -> str:
    """ "Russia" for ``RU`` (the theatre's names first, then ISO 3166); a label that is
    not a country code is kept as it is."""
    if party in default_scope().party_names:
        return default_scope().party_names[party]
    country = pycountry.countries.get(alpha_2=party) if len(party) == 2 else None
    return getattr(country, "common_name", None) or getattr(country, "name", None) or party


def matrix_view(rows: Iterable[tuple[Mapping[str, Any], str | None]]) -> dict[str, Any]:
    """The matrix as the API and the dashboard show it, from stored (position JSON,
    doc_id) rows: party → issue → latest stance, its date, evidence and speaker, and the
    whole history oldest first. A person's words are their side's row (Zelenskyy's are
    Ukraine's); the speaker stays named in the history."""
    matrix = matrix_from_records({"position": data, "doc_id": doc_id} for data, doc_id in rows)
    cells: dict[str, dict[str, Any]] = {}
    for (party, issue), cell in sorted(matrix.cells.items()):
        latest = cell.latest
        cells.setdefault(party, {})[issue] = {
            "stance": latest.stance,
            "date": latest.date,
            "reported": latest.reported,
            "speaker": latest.party_name,
            "evidence": latest.evidence,
            "doc_id": latest.doc_id,
            "changes": len(cell.changes),
            "history": [s.to_dict() for s in cell.history],
        }
    return {
        "parties": matrix.parties,
        "labels": {p: side_label(p) for p in matrix.parties},
        "issues": matrix.issues,
        "cells": cells,
    }
