"""Non-English documents are flagged with their language and not run through the English
rules; the language is never assumed."""

from __future__ import annotations

from warledger.nlp.extract import DocMeta

RUSSIAN = (
    "Российские войска нанесли ракетный удар по Одессе ночью, сообщили местные власти. "
    "Пострадали три человека, повреждены жилые дома."
)
ENGLISH = (
    "Russian drones struck an apartment block in Odesa overnight, injuring three people. "
    "Emergency crews worked through the morning to clear the rubble, and the city's "
    "officials said that schools in the district would stay closed for the rest of the week."
)


def test_a_russian_text_is_flagged_and_not_extracted(extractor) -> None:
    result = extractor.extract(RUSSIAN, "2025-04-22")
    assert result.language == "ru"
    assert result.events == [] and result.positions == []


def test_an_english_text_says_so(extractor) -> None:
    result = extractor.extract(ENGLISH, "2025-04-22")
    assert result.language == "en"
    assert [e.kind for e in result.events] == ["strike"]


def test_a_text_too_short_to_tell_has_no_language(extractor) -> None:
    assert extractor.extract("Hello.").language is None


def test_batch_keeps_input_order_and_skips_only_the_foreign_document(extractor) -> None:
    items = [
        (ENGLISH, DocMeta(doc_id="a", published="2025-04-22")),
        (RUSSIAN, DocMeta(doc_id="b", published="2025-04-22")),
        (ENGLISH, DocMeta(doc_id="c", published="2025-04-22", language="uk")),  # told by caller
    ]
    results = list(extractor.extract_many(items))
    assert [(r.doc_id, r.language, len(r.events)) for r in results] == [
        ("a", "en", 1),
        ("b", "ru", 0),
        ("c", "uk", 0),
    ]
