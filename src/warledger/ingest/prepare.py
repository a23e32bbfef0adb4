"""RawDocument → Document: canonical text, identity, language and signature."""

from __future__ import annotations

from dataclasses import replace

from warledger.errors import InputError
from warledger.ingest.clean import clean_text
from warledger.ingest.dedup import content_hash, doc_id_for, serialize, signature
from warledger.ingest.language import detect_language
from warledger.ingest.readers.web import is_url
from warledger.safe_text import safe_optional, safe_text
from warledger.types import Document, RawDocument


def prepare(raw: RawDocument) -> Document:
    """Clean, hash, identify the language of and sign one raw document.

    Raises ``InputError`` when nothing of the article is left after cleaning. NUL and
    lone surrogates are taken out of every field first (no database stores them), and a
    URL that is not http(s) (``javascript:``, ``file:``) is not kept as the article's URL.
    """
    raw = replace(
        raw,
        text=safe_text(raw.text),
        origin=safe_text(raw.origin),
        title=safe_optional(raw.title),
        url=safe_optional(raw.url) if raw.url and is_url(raw.url.strip()) else None,
        published=safe_optional(raw.published),
        source=safe_optional(raw.source),
        doc_id=safe_optional(raw.doc_id),
    )
    text = clean_text(raw.text, title=raw.title)
    if not text:
        raise InputError(raw.origin, "no article text left after cleaning")
    digest = content_hash(text)
    title = " ".join(raw.title.split()) if raw.title else None
    return Document(
        doc_id=doc_id_for(digest),
        text=text,
        content_hash=digest,
        origin=raw.origin,
        title=title or None,
        url=raw.url,
        published=raw.published,
        source=raw.source,
        language=detect_language(text),
        minhash=serialize(signature(text)),
        external_id=raw.doc_id,
    )
