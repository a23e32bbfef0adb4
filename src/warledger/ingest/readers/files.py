"""Local inputs: files, directories (recursive) and standard input."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from warledger.errors import InputError
from warledger.ingest.decode import DecodeError, decode_bytes
from warledger.ingest.limits import human_size
from warledger.ingest.readers.html import raw_from_html
from warledger.ingest.readers.jsonl import read_jsonl
from warledger.types import RawDocument

TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


def expand(path: Path) -> Iterator[Path | InputError]:
    """``path`` itself, or the supported files under a directory, in a stable order.

    Hidden files and files of other types inside a directory are passed over silently
    (a folder of articles often holds a README or an index); a file named explicitly
    must be of a supported type. Broken links and special files (FIFOs, sockets) are
    named, never opened.
    """
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            relative = child.relative_to(path).parts
            if any(part.startswith(".") for part in relative):
                continue
            if child.is_file():
                if child.suffix.lower() in SUPPORTED:
                    yield child
            elif child.is_symlink() and not child.exists():
                yield InputError(str(child), "broken symbolic link")
            elif not child.is_dir():  # FIFO, socket, device: never opened (a FIFO blocks)
                yield InputError(str(child), "not a regular file")
    elif path.is_file():
        if path.suffix.lower() in SUPPORTED:
            yield path
        else:
            yield InputError(
                str(path),
                f"unsupported file type {path.suffix or '(none)'!r}; "
                "expected .txt, .html, .htm or .jsonl",
            )
    elif path.exists():
        yield InputError(str(path), "not a regular file or directory")
    else:
        yield InputError(str(path), "no such file or directory")


def document_from_bytes(data: bytes, origin: str, *, html: bool) -> RawDocument | InputError:
    """A whole text or HTML document held in memory."""
    if not data.strip():
        return InputError(origin, "empty input")
    try:
        text = decode_bytes(data)
    except DecodeError as exc:
        return InputError(origin, str(exc))
    if not text.strip():
        return InputError(origin, "empty input")
    if html:
        return raw_from_html(text, origin)
    return RawDocument(text=text, origin=origin)


def _read_capped(stream: BinaryIO, origin: str, max_bytes: int) -> bytes | InputError:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        return InputError(origin, f"over the {human_size(max_bytes)} size cap (--max-bytes)")
    return data


def read_file(path: Path, *, max_bytes: int) -> Iterator[RawDocument | InputError]:
    """The documents in one file, chosen by its suffix."""
    origin = str(path)
    suffix = path.suffix.lower()
    try:
        with path.open("rb") as stream:
            if suffix in JSONL_SUFFIXES:
                yield from read_jsonl(stream, origin, max_bytes=max_bytes)
                return
            size = path.stat().st_size
            if size > max_bytes:
                yield InputError(
                    origin,
                    f"file is {human_size(size)}, over the {human_size(max_bytes)} "
                    "size cap (--max-bytes)",
                )
                return
            data = _read_capped(stream, origin, max_bytes)
    except OSError as exc:
        yield InputError(origin, f"cannot read ({exc.strerror or type(exc).__name__})")
        return
    if isinstance(data, InputError):
        yield data
        return
    yield document_from_bytes(data, origin, html=suffix in HTML_SUFFIXES)


def _sniff_kind(data: bytes) -> str:
    head = data.lstrip()[:1024].lower()
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head or b"<p>" in head:
        return "html"
    return "text"


class _Prefixed(io.RawIOBase):
    """A stream that replays bytes already read before continuing with the rest."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def read_stdin(stream: BinaryIO, *, max_bytes: int) -> Iterator[RawDocument | InputError]:
    """Standard input: JSONL (streamed, capped per line) when it starts with ``{``, HTML
    when it looks like a page, else plain text."""
    origin = "<stdin>"
    head = stream.read(1024)
    if _sniff_kind(head) == "jsonl":
        replay = io.BufferedReader(_Prefixed(head, stream))
        yield from read_jsonl(replay, origin, max_bytes=max_bytes)
        return
    data = _read_capped(_Prefixed(head, stream), origin, max_bytes)
    if isinstance(data, InputError):
        yield data
        return
    yield document_from_bytes(data, origin, html=_sniff_kind(data) == "html")
