"""ISO 8601 durations in words: ``P30D`` → "30 days", ``PT30H`` → "30 hours"."""

from __future__ import annotations

import re
from datetime import timedelta

_DURATION = re.compile(
    r"^P(?:(?P<years>\d+)Y)?(?:(?P<months>\d+)M)?(?:(?P<weeks>\d+)W)?(?:(?P<days>\d+)D)?"
    r"(?:T(?:(?P<hours>\d+)H)?(?:(?P<minutes>\d+)M)?)?$"
)
_UNITS = ("years", "months", "weeks", "days", "hours", "minutes")


def _parts(iso: str) -> dict[str, int] | None:
    match = _DURATION.match(iso.strip().upper()) if iso else None
    if not match or not any(match.groupdict().values()):
        return None
    return {k: int(v) for k, v in match.groupdict().items() if v}


def duration_words(iso: str | None) -> str:
    """Readable words; a value that is not an ISO duration is shown as given."""
    if not iso:
        return ""
    parts = _parts(iso)
    if parts is None:
        return iso
    words = []
    for unit in _UNITS:
        if unit in parts:
            n = parts[unit]
            words.append(f"{n} {unit[:-1] if n == 1 else unit}")
    return " ".join(words)


def duration_delta(iso: str | None) -> timedelta | None:
    """The duration as a span of time; months and years are not fixed and give ``None``."""
    parts = _parts(iso or "")
    if parts is None or "years" in parts or "months" in parts:
        return None
    return timedelta(
        weeks=parts.get("weeks", 0),
        days=parts.get("days", 0),
        hours=parts.get("hours", 0),
        minutes=parts.get("minutes", 0),
    )
