"""The extraction entry point: one call from text to a ledger-schema document result."""

from __future__ import annotations

from datetime import date

import pytest

import warledger
from warledger.nlp.extract import parse_published
from warledger.types import Document

pytestmark = pytest.mark.model

REPORT = (
    "Russian drones struck Odesa on Saturday, killing two people, the regional governor said.\n"
    "The weather in Lviv was mild."
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-04-22", date(2025, 4, 22)),
        ("2025-04-22T08:10:00Z", date(2025, 4, 22)),
        ("2025-03-14 20:30:26Z", date(2025, 3, 14)),
        (date(2025, 4, 22), date(2025, 4, 22)),
        (None, None),
    ],
)
def test_published_accepts_iso_dates_datetimes_and_dates(value, expected):
    assert parse_published(value) == expected


def test_extract_text_returns_events_with_evidence_pointing_into_the_text(extractor):
    result = extractor.extract(REPORT, "2025-04-22", doc_id="d-1", url="https://example.org/a")
    assert (result.doc_id, result.url, result.published) == (
        "d-1",
        "https://example.org/a",
        "2025-04-22",
    )
    (strike,) = [e for e in result.events if e.kind == "strike"]
    assert strike.locations[0].name == "Odesa"
    assert strike.date.start == "2025-04-19"
    for span in strike.evidence:
        assert REPORT[span.start : span.end] == span.text
    assert result.to_dict()["schema_version"] == 1


def test_without_a_publication_date_relative_dates_stay_unknown(extractor):
    result = extractor.extract(REPORT)
    (strike,) = [e for e in result.events if e.kind == "strike"]
    assert strike.date.start is None and strike.date.text == "Saturday"


def test_package_level_extract_text_is_the_same_function(extractor):
    a = warledger.extract_text(REPORT, "2025-04-22").to_dict()
    b = extractor.extract(REPORT, "2025-04-22").to_dict()
    assert a == b


def test_extract_many_keeps_input_order_and_metadata(extractor):
    docs = [
        Document(doc_id=f"d-{i}", text=text, content_hash="x", origin="test", published=None)
        for i, text in enumerate([REPORT, "Nothing happened in Lviv.", REPORT])
    ]
    results = list(extractor.extract_many(docs, batch_size=2))
    assert [r.doc_id for r in results] == ["d-0", "d-1", "d-2"]
    assert results[1].events == []
    assert results[0].to_dict()["events"] == results[2].to_dict()["events"]
