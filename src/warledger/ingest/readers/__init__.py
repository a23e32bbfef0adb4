"""Every kind of input → ``RawDocument``s, or an ``InputError`` per input that fails.

``iter_raw`` never raises for a bad input: a missing file, an undecodable byte stream,
a malformed JSONL line, a page without an article or a URL that answers 404 each
become one ``InputError`` naming the input and the reason, and the batch goes on.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from warledger.errors import InputError
from warledger.ingest.decode import DecodeError, decode_bytes
from warledger.ingest.limits import DEFAULT_MAX_BYTES
from warledger.ingest.metadata import normalize_published, source_from_url
from warledger.ingest.readers.feeds import looks_like_feed, parse_feed
from warledger.ingest.readers.files import expand, read_file, read_stdin
from warledger.ingest.readers.html import raw_from_html
from warledger.ingest.readers.web import Fetcher, FetchError, Page, is_url
from warledger.types import RawDocument

__all__ = ["iter_raw"]


def _page_document(
    page: Page, origin: str, *, title: str | None = None, published: str | None = None
) -> RawDocument | InputError:
    try:
        text = decode_bytes(page.content, hint=page.charset)
    except DecodeError as exc:
        return InputError(origin, str(exc))
    if not text.strip():
        return InputError(origin, "empty response")
    if page.content_type == "text/plain":
        return RawDocument(text=text, origin=origin, url=page.url, title=title, published=published)
    return raw_from_html(text, origin, url=page.url, title=title, published=published)


def read_url(url: str, fetcher: Fetcher) -> Iterator[RawDocument | InputError]:
    """An article page, or every item of an RSS/Atom feed (each item's page fetched)."""
    try:
        page = fetcher.fetch(url)
    except FetchError as exc:
        yield InputError(url, exc.reason)
        return
    if not looks_like_feed(page.content_type, page.content):
        yield _page_document(page, url)
        return
    try:
        items = parse_feed(page.content)
    except ValueError as exc:
        yield InputError(url, str(exc))
        return
    for number, item in enumerate(items, start=1):
        if not item.link:
            if item.summary:
                yield raw_from_html(
                    item.summary, f"{url}#item{number}", title=item.title, published=item.published
                )
            else:
                yield InputError(f"{url}#item{number}", "feed item has no link and no content")
            continue
        try:
            item_page = fetcher.fetch(item.link)
        except FetchError as exc:
            yield InputError(item.link, exc.reason)
            continue
        yield _page_document(item_page, item.link, title=item.title, published=item.published)


def _finish(raw: RawDocument, published: str | None, source: str | None) -> RawDocument:
    """Apply the caller's overrides and name the outlet from the URL when nothing else does."""
    return replace(
        raw,
        published=published or raw.published,
        source=source or raw.source or source_from_url(raw.url),
    )


def iter_raw(
    sources: Iterable[str],
    *,
    published: str | None = None,
    source: str | None = None,
    allow_private: bool = False,
    fetcher: Fetcher | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
) -> Iterator[RawDocument | InputError]:
    """Read every source in order: paths (directories recursively), ``-``, URLs, feeds.

    ``published`` and ``source`` override what the inputs say (set by hand on the
    command line). ``fetcher`` is reused for all URLs; one is made when needed.
    """
    published = normalize_published(published) if published else None
    own_fetcher = None
    try:
        for value in sources:
            if value == "-":
                items: Iterable[RawDocument | InputError] = read_stdin(
                    stdin or sys.stdin.buffer, max_bytes=max_bytes
                )
            elif is_url(value):
                if fetcher is None:
                    fetcher = own_fetcher = Fetcher(
                        allow_private=allow_private, max_bytes=max_bytes
                    )
                items = read_url(value, fetcher)
            else:
                items = _read_path(Path(value), max_bytes)
            yield from _guarded(value, items, published, source)
    finally:
        if own_fetcher is not None:
            own_fetcher.close()


def _guarded(
    name: str,
    items: Iterable[RawDocument | InputError],
    published: str | None,
    source: str | None,
) -> Iterator[RawDocument | InputError]:
    """The items of one input; a reader that fails unexpectedly ends only that input,
    reported under its name, and the batch goes on."""
    try:
        for item in items:
            yield item if isinstance(item, InputError) else _finish(item, published, source)
    except Exception as exc:
        yield InputError(name, f"could not be read ({type(exc).__name__})")


def _read_path(path: Path, max_bytes: int) -> Iterator[RawDocument | InputError]:
    for entry in expand(path):
        if isinstance(entry, InputError):
            yield entry
        else:
            yield from _guarded(str(entry), read_file(entry, max_bytes=max_bytes), None, None)
