"""A text longer than the parser takes is extracted in parts, with evidence offsets that
still point into the whole text; it no longer stays pending and fails every run."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy

from warledger.ingest.prepare import prepare
from warledger.ledger.store import Store
from warledger.long_documents import split_text
from warledger.types import Document, DocumentResult, Event, RawDocument, Span
from warledger.workflow import extract_pending

_STRUCK = re.compile(r"struck [A-Z][a-z]+ on 2025-\d\d-\d\d")


class BlankSpacyReader:
    """Tokenizes with a real (blank) spaCy pipeline, whose length limit is spaCy's own."""

    def __init__(self) -> None:
        self.nlp = spacy.blank("en")

    def extract_many(self, docs: Iterable[Document]) -> Iterator[DocumentResult]:
        for doc in docs:
            self.nlp(doc.text)  # raises for a text over nlp.max_length
            events = [
                Event(kind="strike", evidence=[Span(m.start(), m.end(), m.group())])
                for m in _STRUCK.finditer(doc.text)
            ]
            yield DocumentResult(doc_id=doc.doc_id, events=events)


def test_split_parts_cover_the_text_and_cut_between_paragraphs() -> None:
    paragraph = "Shelling was reported near the river overnight. " * 40
    text = "\n\n".join(f"{i}: {paragraph}" for i in range(200))
    parts = split_text(text, limit=20_000)
    assert "".join(part for _, part in parts) == text
    assert all(len(part) <= 20_000 for _, part in parts)
    assert all(part.endswith("\n\n") for _, part in parts[:-1])
    assert [offset for offset, _ in parts] == [
        sum(len(p) for _, p in parts[:i]) for i in range(len(parts))
    ]


def test_a_single_line_over_the_parser_limit_is_extracted_with_true_offsets(tmp_path: Path) -> None:
    filler = "Air raid sirens sounded across the region and residents went to shelters. "
    pieces = [
        filler * 300 + f"Russian drones struck Sumy on 2025-06-{d:02d}. " for d in range(1, 23)
    ]
    text = "".join(pieces)  # one line of about 500,000 characters, 22 strikes
    text = text * 3  # about 1.5 million characters on one line: beyond spaCy's 1,000,000
    assert len(text) > spacy.blank("en").max_length and "\n" not in text
    with Store.open(f"sqlite:///{tmp_path / 'l.db'}") as store:
        added = store.add_document(prepare(RawDocument(text=text, origin="long.txt")))
        summary = extract_pending(store, extractor=BlankSpacyReader(), version="blank-1")
        assert summary.failed == []
        stored = store.document(added.doc_id).text
        found = store.mentions(doc_id=added.doc_id)
        assert len(found) == 66
        for mention in found:
            (span,) = mention.event.evidence
            assert stored[span.start : span.end] == span.text
        again = extract_pending(store, extractor=BlankSpacyReader(), version="blank-1")
        assert again.documents == 0  # extracted once, not pending for ever
