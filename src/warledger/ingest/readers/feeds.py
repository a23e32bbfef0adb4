"""RSS/Atom feeds: recognise one, and list its items (the pages are fetched by the caller)."""

from __future__ import annotations

import time
from dataclasses import dataclass

import feedparser

from warledger.ingest.metadata import normalize_published

_FEED_TYPES = ("rss", "atom", "rdf")
_FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf")


@dataclass(frozen=True)
class FeedItem:
    link: str | None
    title: str | None
    published: str | None
    summary: str | None  # the item's own HTML/text, for items without a link


def looks_like_feed(content_type: str, content: bytes) -> bool:
    """True for an RSS/Atom document, by media type or by its root element."""
    if any(kind in content_type for kind in _FEED_TYPES):
        return True
    if "html" in content_type:
        return False
    head = content[:2048].lstrip().lower()
    return any(root in head for root in _FEED_ROOTS)


def _published(entry: feedparser.FeedParserDict) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return normalize_published(time.strftime("%Y-%m-%dT%H:%M:%SZ", value))
    return None


def _summary(entry: feedparser.FeedParserDict) -> str | None:
    contents = entry.get("content") or []
    if contents and contents[0].get("value"):
        return contents[0]["value"]
    return entry.get("summary") or None


def parse_feed(content: bytes) -> list[FeedItem]:
    """The items of a feed; raises ValueError for a document that is not a readable feed."""
    parsed = feedparser.parse(content)
    if not parsed.entries:
        if parsed.get("bozo"):
            problem = parsed.get("bozo_exception")
            raise ValueError(f"malformed feed ({type(problem).__name__})")
        raise ValueError("feed has no items")
    return [
        FeedItem(
            link=entry.get("link") or None,
            title=entry.get("title") or None,
            published=_published(entry),
            summary=_summary(entry),
        )
        for entry in parsed.entries
    ]
