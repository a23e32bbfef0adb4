"""Content identity, near-duplicate search, language and publication dates."""

from __future__ import annotations

import hashlib

import pytest

from warledger.ingest.dedup import NearDuplicateIndex, serialize, signature
from warledger.ingest.language import detect_language
from warledger.ingest.metadata import normalize_published, source_from_url
from warledger.ingest.prepare import prepare
from warledger.types import RawDocument

WIRE = (
    "Russian forces launched dozens of drones and several missiles at energy facilities in "
    "three regions overnight, the national grid operator said on Tuesday. Air defence units "
    "shot down most of the drones, but a thermal power plant was damaged and emergency power "
    "cuts were introduced in the capital and surrounding districts. Repair crews worked through "
    "the night to restore supplies to hospitals and water pumping stations, the operator added, "
    "asking residents to limit their use of electricity during the evening peak hours."
)


def test_document_id_is_the_hash_of_the_canonical_text() -> None:
    doc = prepare(RawDocument(text="  " + WIRE + "\nComments\n", origin="a.txt"))
    expected = hashlib.sha256(WIRE.encode("utf-8")).hexdigest()
    assert doc.text == WIRE
    assert doc.content_hash == expected
    assert doc.doc_id == "d-" + expected[:16]


def test_same_text_from_another_input_is_the_same_document() -> None:
    a = prepare(RawDocument(text=WIRE, origin="a.txt", source="one"))
    b = prepare(RawDocument(text=WIRE + "\n0 comments", origin="b.txt", source="two"))
    assert a.doc_id == b.doc_id


def test_prepare_keeps_metadata_and_the_inputs_own_id() -> None:
    raw = RawDocument(
        text=WIRE, origin="x.jsonl:3", title=" Grid hit ", url="https://e.com/a", doc_id="77"
    )
    doc = prepare(raw)
    assert (doc.title, doc.url, doc.external_id, doc.language) == (
        "Grid hit",
        "https://e.com/a",
        "77",
        "en",
    )


def test_syndicated_copy_with_other_byline_and_footer_is_a_near_duplicate() -> None:
    index = NearDuplicateIndex()
    index.add("d-original", signature(WIRE))
    copy = "By Staff Reporter\n" + WIRE + "\nThis story was updated with the operator's comment."
    assert index.best_match(signature(copy)) == "d-original"


def test_different_story_on_the_same_topic_is_not_a_near_duplicate() -> None:
    index = NearDuplicateIndex()
    index.add("d-original", signature(WIRE))
    other = (
        "Ukraine's air force said it intercepted most of the drones launched overnight at the "
        "southern port, while officials reported damage to warehouses and a fire at a grain "
        "terminal that firefighters contained by morning. No casualties were reported."
    )
    assert index.best_match(signature(other)) is None


def test_index_is_rebuilt_from_serialized_signatures() -> None:
    index = NearDuplicateIndex.from_signatures([("d-1", serialize(signature(WIRE))), ("d-2", None)])
    assert len(index) == 1
    assert index.best_match(signature(WIRE + " Extra closing line.")) == "d-1"
    assert index.best_match(signature(WIRE), exclude="d-1") is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (WIRE, "en"),
        (
            "Російські війська вночі атакували енергетичні об'єкти у трьох областях, "
            "повідомив оператор енергосистеми.",
            "uk",
        ),
        (
            "Les forces russes ont lancé des dizaines de drones sur des installations "
            "énergétiques dans trois régions, a indiqué l'opérateur du réseau.",
            "fr",
        ),
    ],
)
def test_language_is_identified(text: str, code: str) -> None:
    assert detect_language(text) == code


def test_language_of_a_too_short_text_stays_unknown() -> None:
    assert detect_language("Kyiv, 12:00") is None


def test_non_english_document_is_prepared_with_its_language() -> None:
    raw = RawDocument(
        text="Российские войска ночью атаковали энергетические объекты в трёх областях, "
        "сообщил оператор энергосистемы во вторник.",
        origin="ru.txt",
    )
    assert prepare(raw).language == "ru"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-03-14 16:35:50Z", "2025-03-14T16:35:50Z"),
        ("2025-03-14", "2025-03-14"),
        ("14 March 2025", "2025-03-14"),
        ("2025-03-14T10:00:00+02:00", "2025-03-14T08:00:00Z"),
        ("Fri, 14 Mar 2025 16:35:50 GMT", "2025-03-14T16:35:50Z"),
        ("last Tuesday", None),
        ("14", None),
        ("", None),
    ],
)
def test_published_values_are_normalised_or_left_unknown(value: str, expected: str | None) -> None:
    assert normalize_published(value) == expected


def test_outlet_is_the_url_host_without_www() -> None:
    assert source_from_url("https://www.voanews.com/a/story/1.html") == "voanews.com"
    assert source_from_url(None) is None


def test_one_uncertain_sentence_stays_unknown_rather_than_guessed() -> None:
    # py3langid reads this English sentence as Indonesian (p = 0.95); a short text needs
    # near-certainty, so the language stays unknown and the text is still extracted.
    assert detect_language("Russian drones struck Odesa on Saturday, killing two people.") is None


def test_a_short_english_sentence_a_character_model_is_sure_of_otherwise_stays_unknown() -> None:
    # py3langid reads this sentence as Indonesian at p > 0.99; its English words ("on",
    # "injuring") keep it from being flagged foreign and left unextracted.
    assert detect_language("Russian drones hit Odesa on Monday, injuring a teenage boy.") is None


def test_a_short_sentence_in_another_language_keeps_its_language() -> None:
    text = "Los drones rusos atacaron Odesa el lunes, hiriendo a un adolescente."
    assert detect_language(text) == "es"
