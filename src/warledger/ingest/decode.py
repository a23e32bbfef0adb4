"""Bytes to text: UTF-8 first, then a declared or legacy charset, never silent garbage.

News files arrive from scrapers, Windows editors and old CMSs; most are UTF-8, a few are
cp1252, KOI8-R or cp1251, or carry a BOM. A byte stream no candidate decodes cleanly is
reported.
"""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Legacy encodings of the region's news worth detecting (cp1252 is the last resort anyway),
# and how coherent the decoded words must look (charset-normalizer's language score) for
# a guess to be used: random bytes decode in every single-byte codec.
LEGACY = ("koi8_r", "koi8_u", "cp1251", "iso8859_5", "cp1250", "iso8859_2")
MIN_COHERENCE = 0.2
# C0 control characters other than tab, newline, form feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


class DecodeError(ValueError):
    """The bytes are binary or in an encoding we cannot identify."""


def looks_binary(data: bytes) -> bool:
    """True for data with NUL bytes (images, archives, PDFs, UTF-32) outside a UTF-16 BOM."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return b"\x00" in data[:65536]


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag, if it names a known codec."""
    match = _DECLARED.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _detected(data: bytes) -> str | None:
    """The encoding charset-normalizer finds for non-UTF-8 bytes (KOI8-R, cp1251, ...).

    cp1252 decodes almost any byte string, so without this a Russian KOI8-R file came out
    as Latin mojibake instead of being read (and flagged as non-English).
    """
    from charset_normalizer import from_bytes

    try:
        data[:65536].decode("utf-8")
        return None  # UTF-8 is tried first anyway
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:65536], cp_isolation=list(LEGACY)).best()
    if best is None or best.coherence < MIN_COHERENCE:
        return None  # no language reads well in any of them: leave it to cp1252 or refuse
    try:
        return codecs.lookup(best.encoding).name
    except LookupError:
        return None


def decode_bytes(data: bytes, *, hint: str | None = None) -> str:
    """Decode ``data``: BOM, UTF-8, then ``hint`` or a declared charset, then the
    encoding charset-normalizer detects, then cp1252.

    Raises ``DecodeError`` for binary data or bytes no candidate decodes, and for text
    full of control characters (a sign of a wrong guess).
    """
    if looks_binary(data):
        raise DecodeError("binary content (contains NUL bytes)")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {codec} after its byte-order mark") from exc
    candidates = ["utf-8"]
    for extra in (hint, declared_charset(data), _detected(data), "cp1252"):
        if extra and extra not in candidates:
            candidates.append(extra)
    for codec in candidates:
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        if len(_CONTROL.findall(text[:65536])) > 8:
            raise DecodeError("binary content (control characters)")
        return text
    raise DecodeError("undecodable bytes (not UTF-8 or cp1252)")
