"""Events in the order a reader meets them, each with the sentence it is told in.

Document-level rules (a source that keeps speaking, a place the story has not left) look
back from one event to the events told just before it; they need the events sorted by
where their evidence starts and the index of the sentence that holds it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from warledger.types import Event


def in_reading_order(
    events: Iterable[Event], kinds: Collection[str], ranges: list[tuple[int, int]]
) -> list[tuple[int, Event]]:
    """(sentence index, event) for each event of ``kinds`` that has evidence, in the order
    of its evidence; ``ranges`` are the document's sentences as character bounds."""
    starts = [start for start, _ in ranges]
    told = sorted(
        (e for e in events if e.kind in kinds and e.evidence),
        key=lambda e: e.evidence[0].start,
    )
    return [(bisect_right(starts, e.evidence[0].start) - 1, e) for e in told]
