"""JSON Lines → RawDocuments: one article per line, bad lines reported by number.

A line needs ``text`` or ``html``; ``title``, ``url``, ``published``, ``source`` and
``id`` are optional. A malformed line is an error naming ``file:line`` and the rest of
the file is still read; a last line without its newline that does not parse is
reported as truncated (a file still being written, or cut short).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from warledger.errors import InputError
from warledger.ingest.decode import DecodeError, decode_bytes
from warledger.ingest.limits import human_size
from warledger.ingest.metadata import normalize_published
from warledger.ingest.readers.html import raw_from_html
from warledger.types import RawDocument


def _lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes, bool]]:
    """(number, bytes, complete) per line; an over-long line is yielded cut at the cap."""
    number = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(max_bytes + 1)) and not rest.endswith(b"\n"):
                pass  # skip the remainder of the over-long line
            yield number, line, False
            continue
        yield number, line, line.endswith(b"\n")


def _field(record: dict, name: str) -> str | None:
    value = record.get(name)
    if value is None or isinstance(value, dict | list):
        return None
    text = str(value).strip()
    return text or None


def record_to_raw(record: dict, origin: str) -> RawDocument | InputError:
    """One parsed JSONL object → RawDocument (or the reason it holds no article)."""
    url = _field(record, "url")
    title = _field(record, "title")
    published = normalize_published(_field(record, "published"))
    source = _field(record, "source")
    doc_id = _field(record, "id")
    text = record.get("text")
    if isinstance(text, str) and text.strip():
        return RawDocument(
            text=text,
            origin=origin,
            title=title,
            url=url,
            published=published,
            source=source,
            doc_id=doc_id,
        )
    html = record.get("html")
    if isinstance(html, str) and html.strip():
        return raw_from_html(
            html, origin, url=url, title=title, published=published, source=source, doc_id=doc_id
        )
    return InputError(origin, "no 'text' or 'html' field with content")


def read_jsonl(
    stream: BinaryIO, name: str, *, max_bytes: int
) -> Iterator[RawDocument | InputError]:
    """Every article in a JSONL stream; ``name`` prefixes each line's origin."""
    seen_any = False
    for number, line, complete in _lines(stream, max_bytes):
        origin = f"{name}:{number}"
        if len(line) > max_bytes:
            yield InputError(origin, f"line is over the {human_size(max_bytes)} cap")
            seen_any = True
            continue
        if not line.strip():
            continue
        seen_any = True
        try:
            record = json.loads(decode_bytes(line))
        except DecodeError as exc:
            yield InputError(origin, str(exc))
            continue
        except RecursionError:
            yield InputError(origin, "JSON nested too deeply")
            continue
        except json.JSONDecodeError as exc:
            reason = (
                "truncated last line (file cut short or still being written)"
                if not complete
                else f"malformed JSON ({exc.msg} at column {exc.colno})"
            )
            yield InputError(origin, reason)
            continue
        except ValueError as exc:  # e.g. an integer of more than 4,300 digits
            yield InputError(origin, f"malformed JSON ({str(exc).split(':')[0]})")
            continue
        if not isinstance(record, dict):
            yield InputError(origin, "line is not a JSON object")
            continue
        try:
            yield record_to_raw(record, origin)
        except Exception as exc:  # one odd record never stops the file
            yield InputError(origin, f"unreadable record ({type(exc).__name__})")
    if not seen_any:
        yield InputError(name, "empty file")
