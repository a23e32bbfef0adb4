"""Hand-built documents and extraction results for the store tests.

They do not depend on the ingest or extract code: each is written from its short text.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from types import SimpleNamespace

import pytest

from warledger.ledger.store import Store
from warledger.types import (
    Actor,
    Count,
    Document,
    DocumentResult,
    Event,
    Location,
    Position,
    Span,
    When,
)

STRIKE_TEXT = (
    "Russian drones struck Kharkiv overnight, killing two people, regional governor "
    "Oleh Syniehubov said. Ukraine's Air Force said it shot down 40 of 65 drones."
)
TALKS_TEXT = (
    "Ukrainian and Russian delegations met in Istanbul on Friday. "
    "Kyiv said it would never recognise occupied territory as Russian."
)


def make_document(
    text: str,
    *,
    origin: str = "story.txt",
    url: str | None = "https://example.org/story",
    source: str | None = "example.org",
    published: str | None = "2025-05-16T09:00:00Z",
    language: str | None = "en",
    minhash: bytes | None = b"\x00\x01\x02\x03",
) -> Document:
    digest = hashlib.sha256(text.encode()).hexdigest()
    return Document(
        doc_id=f"d-{digest[:16]}",
        text=text,
        content_hash=digest,
        origin=origin,
        title=text.split(".")[0],
        url=url,
        published=published,
        source=source,
        language=language,
        minhash=minhash,
    )


def span(text: str, sentence: str) -> Span:
    start = text.index(sentence)
    return Span(start, start + len(sentence), sentence)


def strike_result(doc: Document) -> DocumentResult:
    """What a reader of STRIKE_TEXT would record (published 2025-05-16)."""
    first = "Russian drones struck Kharkiv overnight, killing two people, regional governor "
    first += "Oleh Syniehubov said."
    second = "Ukraine's Air Force said it shot down 40 of 65 drones."
    kharkiv = Location(
        "Kharkiv", "Kharkiv Oblast", "UA", 49.9935, 36.2304, "settlement", pcode="UA63"
    )
    strike = Event(
        kind="strike",
        actor=Actor("Russia", "RU", "state"),
        locations=[kharkiv],
        date=When("2025-05-16", "2025-05-16", "day", "overnight"),
        weapon="drone",
        counts={"killed": Count(2, text="two")},
        claimant=Actor("Oleh Syniehubov", "UA", "person"),
        evidence=[span(STRIKE_TEXT, first)],
        confidence=0.8,
    )
    interception = Event(
        kind="strike",
        subtype="air_defense_engagement",
        actor=Actor("Russia", "RU", "state"),
        target=Actor("Ukraine", "UA", "state"),
        date=When("2025-05-16", "2025-05-16", "day", "overnight"),
        weapon="drone",
        counts={"launched": Count(65), "intercepted": Count(40)},
        claimant=Actor("Ukrainian Air Force", "UA", "military"),
        status="claimed",
        evidence=[span(STRIKE_TEXT, second)],
        confidence=0.7,
    )
    return DocumentResult(
        doc_id=doc.doc_id,
        url=doc.url,
        source=doc.source,
        title=doc.title,
        published=doc.published,
        language=doc.language,  # the extractor reports the document's detected language
        events=[strike, interception],
    )


def talks_result(doc: Document) -> DocumentResult:
    """What a reader of TALKS_TEXT would record (published 2025-05-17, a Saturday)."""
    met = "Ukrainian and Russian delegations met in Istanbul on Friday."
    stance = "Kyiv said it would never recognise occupied territory as Russian."
    talks = Event(
        kind="talks",
        subtype="held",
        participants=[Actor("Ukraine", "UA", "state"), Actor("Russia", "RU", "state")],
        locations=[Location("Istanbul", None, "TR", None, None, "settlement")],
        date=When("2025-05-16", "2025-05-16", "day", "on Friday"),
        evidence=[span(TALKS_TEXT, met)],
    )
    position = Position(
        party=Actor("Ukraine", "UA", "government"),
        issue="territory",
        stance="no_recognition",
        date=When("2025-05-17", "2025-05-17", "day", None),
        evidence=[span(TALKS_TEXT, stance)],
    )
    return DocumentResult(
        doc_id=doc.doc_id, language=doc.language, events=[talks], positions=[position]
    )


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with Store.open(store_url) as opened:
        yield opened


@pytest.fixture
def samples() -> SimpleNamespace:
    """The texts above and the helpers that build their documents and results."""
    return SimpleNamespace(
        STRIKE_TEXT=STRIKE_TEXT,
        TALKS_TEXT=TALKS_TEXT,
        make_document=make_document,
        strike_result=strike_result,
        talks_result=talks_result,
        span=span,
    )
