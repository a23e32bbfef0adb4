"""Limits that keep one bad input from hurting a batch."""

from __future__ import annotations

DEFAULT_MAX_BYTES = 10 * 1024 * 1024  # a news article is kilobytes; 10 MB is not an article


def human_size(n: int) -> str:
    """A byte count for error messages: "12.5 MB", "900 bytes"."""
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n} bytes"
