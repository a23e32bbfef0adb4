"""Documents too long for one parse: read in parts, results joined with true offsets.

spaCy refuses texts over its ``max_length`` (and needs about a gigabyte per 100,000
characters to parse one), so a multi-megabyte text could never be extracted and stayed
pending forever. Such a text is cut at paragraph, else sentence, else word boundaries
into parts of at most ``PART_CHARS``; each part is read as its own text and every
evidence span is shifted back to its place in the whole document.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from warledger.types import DocumentResult, Span

PART_CHARS = 100_000
_BREAKS = (
    re.compile(r"\n\s*\n"),
    re.compile(r"\n"),
    re.compile(r"(?<=[.!?])\s+"),
    re.compile(r"\s+"),
)
T = TypeVar("T")


def split_text(text: str, limit: int = PART_CHARS) -> list[tuple[int, str]]:
    """``(offset, part)`` pieces covering ``text`` in order, each at most ``limit`` long."""
    parts: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = limit
        for pattern in _BREAKS:
            ends = [m.end() for m in pattern.finditer(window) if m.end() > limit // 2]
            if ends:
                cut = ends[-1]
                break
        parts.append((start, text[start : start + cut]))
        start += cut
    parts.append((start, text[start:]))
    return parts


def _shift(value: T, offset: int) -> T:
    """A copy of ``value`` with every ``Span`` inside moved by ``offset`` characters."""
    if isinstance(value, Span):
        return dataclasses.replace(value, start=value.start + offset, end=value.end + offset)
    if isinstance(value, list):
        return [_shift(v, offset) for v in value]  # type: ignore[return-value]
    if isinstance(value, dict):
        return {k: _shift(v, offset) for k, v in value.items()}  # type: ignore[return-value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes: dict[str, Any] = {
            f.name: _shift(getattr(value, f.name), offset) for f in dataclasses.fields(value)
        }
        return dataclasses.replace(value, **changes)
    return value


def join_results(
    whole: DocumentResult, parts: Iterable[tuple[int, DocumentResult]]
) -> DocumentResult:
    """The parts' events and positions as one result for the whole document."""
    events, positions = [], []
    for offset, result in parts:
        events.extend(_shift(e, offset) for e in result.events)
        positions.extend(_shift(p, offset) for p in result.positions)
    return dataclasses.replace(whole, events=events, positions=positions)


def extract_in_parts(
    text: str,
    whole: DocumentResult,
    extract_part: Callable[[str], DocumentResult],
    limit: int = PART_CHARS,
) -> DocumentResult:
    """Extract ``text`` part by part with ``extract_part`` and join the results."""
    return join_results(
        whole, ((offset, extract_part(part)) for offset, part in split_text(text, limit))
    )
