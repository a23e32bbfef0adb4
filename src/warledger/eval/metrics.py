"""Turn (gold document, predicted result) pairs into the evaluation report.

The numbers follow the development gold's README: event precision/recall/F1 overall
and by kind, accuracy per field over matched pairs, positions P/R/F1 with stance
accuracy, and place resolution (gold locations with an oblast whose same-named
prediction got that oblast). Each document also keeps its misses, false positives
and wrong fields with their evidence so engineers can see what to fix.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from warledger.eval.fields import event_checks, place_resolution
from warledger.eval.gold import GoldDocument
from warledger.eval.matching import evidence_text, gold_kinds, pair_events, pair_positions
from warledger.types import DocumentResult


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


@dataclass
class PRF:
    """True positives, false positives and misses, with the rates they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return _ratio(self.correct, self.total)

    def add(self, ok: bool) -> None:
        self.correct += int(ok)
        self.total += 1

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "accuracy": self.value}


@dataclass
class DocumentReport:
    """One document's scores and the concrete mistakes behind them."""

    name: str
    doc: str
    events: PRF = field(default_factory=PRF)
    positions: PRF = field(default_factory=PRF)
    optional_matched: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_positives: list[dict[str, Any]] = field(default_factory=list)
    field_errors: list[dict[str, Any]] = field(default_factory=list)
    position_misses: list[dict[str, Any]] = field(default_factory=list)
    position_false_positives: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "doc": self.doc,
            "error": self.error,
            "events": self.events.to_dict(),
            "optional_matched": self.optional_matched,
            "positions": self.positions.to_dict(),
            "misses": self.misses,
            "false_positives": self.false_positives,
            "field_errors": self.field_errors,
            "position_misses": self.position_misses,
            "position_false_positives": self.position_false_positives,
        }


@dataclass
class Report:
    """The whole evaluation: what ``warledger eval`` prints and writes as JSON."""

    events: PRF = field(default_factory=PRF)
    by_kind: dict[str, PRF] = field(default_factory=lambda: defaultdict(PRF))
    fields: dict[str, Accuracy] = field(default_factory=lambda: defaultdict(Accuracy))
    positions: PRF = field(default_factory=PRF)
    stance: Accuracy = field(default_factory=Accuracy)
    place_resolution: Accuracy = field(default_factory=Accuracy)
    documents: list[DocumentReport] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)  # e.g. B-cubed, added by the harness

    @property
    def field_accuracy(self) -> Accuracy:
        """All scored fields pooled: the single "field accuracy" figure (target >= 0.90)."""
        pooled = Accuracy()
        for acc in self.fields.values():
            pooled.correct += acc.correct
            pooled.total += acc.total
        return pooled

    def metrics(self) -> dict[str, float | None]:
        """Flat ``name -> value`` view used by the baseline gate."""
        flat: dict[str, float | None] = {
            "events.precision": self.events.precision,
            "events.recall": self.events.recall,
            "events.f1": self.events.f1,
            "positions.precision": self.positions.precision,
            "positions.recall": self.positions.recall,
            "positions.f1": self.positions.f1,
            "positions.stance_accuracy": self.stance.value,
            "place_resolution": self.place_resolution.value,
            "fields.all": self.field_accuracy.value,
        }
        for kind, prf in sorted(self.by_kind.items()):
            flat[f"events.{kind}.f1"] = prf.f1
        for name, acc in sorted(self.fields.items()):
            flat[f"fields.{name}"] = acc.value
        for name, value in sorted(self.extra.get("bcubed", {}).items()):
            if isinstance(value, float):
                flat[f"bcubed.{name}"] = value
        return flat

    def to_dict(self) -> dict[str, Any]:
        return {
            "events": self.events.to_dict(),
            "events_by_kind": {k: v.to_dict() for k, v in sorted(self.by_kind.items())},
            "fields": {k: v.to_dict() for k, v in sorted(self.fields.items())},
            "field_accuracy": self.field_accuracy.to_dict(),
            "positions": self.positions.to_dict(),
            "stance": self.stance.to_dict(),
            "place_resolution": self.place_resolution.to_dict(),
            **self.extra,
            "metrics": self.metrics(),
            "documents": [d.to_dict() for d in self.documents],
        }


def _short(gold: dict[str, Any]) -> dict[str, Any]:
    return {
        "kind": gold.get("kind") or gold.get("kind_any"),
        "subtype": gold.get("subtype"),
        "evidence": gold["evidence"],
    }


def score_document(
    gold_doc: GoldDocument, result: DocumentResult | None, report: Report, error: str | None = None
) -> DocumentReport:
    """Score one document into ``report`` and return its own details."""
    detail = DocumentReport(name=gold_doc.name, doc=gold_doc.doc, error=error)
    events = result.events if result else []
    pairing = pair_events(gold_doc.events, events)
    for gi, pi in pairing.pairs:
        gold, event = gold_doc.events[gi], events[pi]
        if gold.get("optional"):
            detail.optional_matched += 1
        else:
            detail.events.tp += 1
            report.by_kind[event.kind].tp += 1
        for check in event_checks(gold, event):
            report.fields[check.field].add(check.correct)
            if not check.correct:
                detail.field_errors.append(
                    {
                        "field": check.field,
                        "gold": check.gold,
                        "predicted": check.predicted,
                        "kind": event.kind,
                        "evidence": gold["evidence"],
                    }
                )
        for ok in place_resolution(gold, event):
            report.place_resolution.add(ok)
    for gi in pairing.missed:
        gold = gold_doc.events[gi]
        if not gold.get("optional"):
            detail.events.fn += 1
            report.by_kind[gold_kinds(gold)[0]].fn += 1
            detail.misses.append(_short(gold))
    for pi in pairing.extra:
        event = events[pi]
        detail.events.fp += 1
        report.by_kind[event.kind].fp += 1
        detail.false_positives.append(
            {
                "kind": event.kind,
                "subtype": event.subtype,
                "reason": "duplicate" if pi in pairing.duplicates else "spurious",
                "evidence": evidence_text(event),
            }
        )
    _score_positions(gold_doc, result, report, detail)
    report.events.add(detail.events)
    report.positions.add(detail.positions)
    report.documents.append(detail)
    return detail


def _score_positions(
    gold_doc: GoldDocument, result: DocumentResult | None, report: Report, detail: DocumentReport
) -> None:
    positions = result.positions if result else []
    pairing = pair_positions(gold_doc.positions, positions)
    for gi, pi in pairing.pairs:
        gold, pos = gold_doc.positions[gi], positions[pi]
        if not gold.get("optional"):
            detail.positions.tp += 1
        if "stance" in gold:
            report.stance.add(pos.stance == gold["stance"])
    for gi in pairing.missed:
        gold = gold_doc.positions[gi]
        if not gold.get("optional"):
            detail.positions.fn += 1
            detail.position_misses.append(
                {
                    "side": (gold.get("party") or {}).get("side"),
                    "issue": gold.get("issue"),
                    "stance": gold.get("stance"),
                    "evidence": gold.get("evidence"),
                }
            )
    for pi in pairing.extra:
        pos = positions[pi]
        detail.positions.fp += 1
        detail.position_false_positives.append(
            {
                "side": pos.party.side,
                "issue": pos.issue,
                "stance": pos.stance,
                "evidence": " ".join(s.text for s in pos.evidence),
            }
        )


def score(
    pairs: Iterable[tuple[GoldDocument, DocumentResult | None]],
    errors: dict[str, str] | None = None,
) -> Report:
    """The report for many documents.

    A ``None`` result is a document whose extraction failed: its gold items count as
    missed, and ``errors`` (keyed by the gold document's name) says why.
    """
    errors = errors or {}
    report = Report()
    for gold_doc, result in pairs:
        score_document(gold_doc, result, report, errors.get(gold_doc.name))
    report.by_kind = dict(report.by_kind)
    report.fields = dict(report.fields)
    return report
