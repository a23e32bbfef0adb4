"""Document metadata from loose inputs: publication dates and outlet names."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from urllib.parse import urlsplit

from dateutil import parser as date_parser

_YEAR = re.compile(r"\b(?:1[89]|2\d)\d\d\b")
_TIME = re.compile(r"\d:\d|T\d")


def normalize_published(value: object) -> str | None:
    """An ISO 8601 date or datetime for ``value``, or None when it is missing or unreadable.

    A bare date stays a date ("2025-03-14"); a timestamp keeps its time and becomes UTC
    when it carries a zone ("2025-03-14 20:30:26Z" → "2025-03-14T20:30:26Z").
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, date):
        return value.isoformat()
    else:
        text = str(value).strip()
        if not _YEAR.search(text):
            return None  # dateutil would fill a missing year from today: a guess
        try:
            parsed = date_parser.isoparse(text)
        except ValueError:
            try:
                parsed = date_parser.parse(text)
            except (ValueError, OverflowError):
                return None
        if not _TIME.search(text):
            return parsed.date().isoformat()
    if parsed.tzinfo is None:
        return parsed.isoformat()
    return parsed.astimezone(UTC).isoformat().replace("+00:00", "Z")


def source_from_url(url: str | None) -> str | None:
    """The outlet named by a URL's host, without "www." ("https://www.voanews.com/a/1" →
    "voanews.com")."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    return host or None
