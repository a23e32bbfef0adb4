"""Builders for hand-made predictions, so each test states its input in one place."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from warledger.types import Actor, Count, Event, Location, Position, Span

EVAL_DATA = Path(__file__).resolve().parent.parent / "data" / "eval"


def build_event(kind: str, evidence: str, **fields: Any) -> Event:
    """An Event whose evidence is one span holding ``evidence``."""
    return Event(kind=kind, evidence=[Span(0, len(evidence), evidence)], **fields)


def build_position(side: str, issue: str, stance: str, evidence: str = "") -> Position:
    return Position(
        party=Actor(side=side),
        issue=issue,
        stance=stance,
        evidence=[Span(0, len(evidence), evidence)],
    )


@pytest.fixture
def eval_data() -> Path:
    """tests/data/eval: synthetic gold/ and corpus/ folders."""
    return EVAL_DATA


@pytest.fixture
def event() -> Callable[..., Event]:
    return build_event


@pytest.fixture
def position() -> Callable[..., Position]:
    return build_position


@pytest.fixture
def odesa_strike() -> Event:
    """A prediction that gets every scored field of the Odesa gold strike right."""
    return build_event(
        "strike",
        "Russian drones struck an apartment block in Odesa overnight, killing two people.",
        actor=Actor(side="RU"),
        weapon="drone",
        locations=[Location(name="Odesa", admin1="Odesa Oblast", country="UA")],
        counts={"killed": Count(2, "exact")},
    )


@pytest.fixture
def geneva_talks() -> Event:
    return build_event(
        "talks",
        "Negotiators from the United States and Ukraine met in Geneva on Tuesday.",
        subtype="held",
        participants=[Actor(side="US"), Actor(side="UA")],
        locations=[Location(name="Geneva", country="CH")],
    )
