"""Pair a document's predicted events and positions with its gold ones.

Events: a prediction can stand for a gold event when its kind is the gold ``kind``
(or one of ``kind_any``) and its evidence contains the gold evidence phrase
(``textmatch.contains_phrase``). Matching is one-to-one and greedy: gold events are
taken in file order, required ones before optional ones, and each takes the
still-unpaired candidate with the most correct fields (ties: the earliest).
A prediction left over is a false positive: a *duplicate* when it could have
matched an already paired gold event, otherwise *spurious*.

Positions pair on ``party.side`` + ``issue`` the same greedy way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from warledger.eval.fields import event_checks
from warledger.eval.textmatch import contains_phrase
from warledger.types import Event, Position

T = TypeVar("T")


@dataclass
class Pairing:
    """Indices of paired (gold, predicted) items and what was left over."""

    pairs: list[tuple[int, int]] = field(default_factory=list)
    missed: list[int] = field(default_factory=list)  # gold indices
    extra: list[int] = field(default_factory=list)  # predicted indices
    duplicates: set[int] = field(default_factory=set)  # subset of extra


def gold_kinds(gold: dict[str, Any]) -> tuple[str, ...]:
    """The kinds a gold event accepts."""
    if gold.get("kind_any"):
        return tuple(gold["kind_any"])
    return (gold["kind"],)


def evidence_text(event: Event) -> str:
    return " ".join(span.text for span in event.evidence)


def event_matches(gold: dict[str, Any], event: Event) -> bool:
    """Could this prediction stand for this gold event (kind and evidence)?"""
    return event.kind in gold_kinds(gold) and contains_phrase(
        evidence_text(event), gold["evidence"]
    )


def position_matches(gold: dict[str, Any], position: Position) -> bool:
    side = (gold.get("party") or {}).get("side")
    return position.party.side == side and position.issue == gold.get("issue")


def greedy_pairing(
    gold: Sequence[dict[str, Any]],
    predicted: Sequence[T],
    matches: Callable[[dict[str, Any], T], bool],
    quality: Callable[[dict[str, Any], T], int] = lambda g, p: 0,
) -> Pairing:
    """One-to-one greedy pairing, required gold items before optional ones."""
    order = sorted(range(len(gold)), key=lambda i: bool(gold[i].get("optional")))
    free = list(range(len(predicted)))
    result = Pairing()
    for gi in order:
        candidates = [pi for pi in free if matches(gold[gi], predicted[pi])]
        if not candidates:
            result.missed.append(gi)
            continue
        best = max(candidates, key=lambda pi: (quality(gold[gi], predicted[pi]), -pi))
        free.remove(best)
        result.pairs.append((gi, best))
    result.pairs.sort()
    result.missed.sort()
    result.extra = free
    result.duplicates = {pi for pi in free if any(matches(g, predicted[pi]) for g in gold)}
    return result


def _correct_fields(gold: dict[str, Any], event: Event) -> int:
    return sum(check.correct for check in event_checks(gold, event))


def pair_events(gold: Sequence[dict[str, Any]], predicted: Sequence[Event]) -> Pairing:
    return greedy_pairing(gold, predicted, event_matches, _correct_fields)


def _stance_agrees(gold: dict[str, Any], position: Position) -> int:
    return int(position.stance == gold.get("stance"))


def pair_positions(gold: Sequence[dict[str, Any]], predicted: Sequence[Position]) -> Pairing:
    return greedy_pairing(gold, predicted, position_matches, _stance_agrees)
