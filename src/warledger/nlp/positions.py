"""Party × issue × stance positions (first version: none yet)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from warledger.nlp.context import DocContext
    from warledger.types import Position


def extract_positions(ctx: DocContext) -> list[Position]:
    return []
