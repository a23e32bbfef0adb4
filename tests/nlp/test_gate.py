"""The cheap pass: which sentences get the parser, and the gated parse keeping offsets exact."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from warledger.nlp.diplomacy.lexicon import load as diplomacy_lexicon
from warledger.nlp.gate import SentenceGate, rule_sentences, surface_forms
from warledger.nlp.positions import stance_patterns

pytestmark = pytest.mark.model

# Adapted from VOA News reporting (public domain).
STORY = (
    "Officials in the capital gave a briefing on Monday.  The weather was mild.\n\n"
    "Russian drones struck Odesa overnight, killing two people, the governor said. "
    "He called it cruel.\n"
    "Schools reopened in Lviv. Museums stayed open late. Farmers sold apples.\n"
    "Moscow and Kyiv accused each other of violating the truce. Talks are planned in Jeddah. "
    "Markets were calm. "
)


@pytest.fixture(scope="module")
def gate(nlp):
    return SentenceGate(nlp)


def _sentence_texts(nlp, text):
    doc = nlp.make_doc(text)
    return [doc[s:e].text.strip() for s, e in rule_sentences(doc)]


def test_rule_sentences_split_at_final_punctuation_and_line_breaks(nlp):
    text = 'He said: "We will rebuild." Then he left.\nU.S. officials met Mr. Smith in Kyiv.'
    assert _sentence_texts(nlp, text) == [
        'He said: "We will rebuild."',
        "Then he left.",
        "U.S. officials met Mr. Smith in Kyiv.",
    ]


def test_a_lower_case_word_after_a_period_does_not_start_a_sentence(nlp):
    assert _sentence_texts(nlp, "Prices rose 2.5 percent vs. last year. Then fell.") == [
        "Prices rose 2.5 percent vs. last year.",
        "Then fell.",
    ]


def _diplomacy_sentences() -> list[str]:
    path = Path(__file__).parents[1] / "data" / "diplomacy" / "sentences.json"
    return [case["text"] for case in json.loads(path.read_text(encoding="utf-8"))["cases"]]


def test_every_lexicon_pattern_declares_the_terms_the_cheap_pass_looks_for():
    entries = [*diplomacy_lexicon().triggers, *stance_patterns()]
    assert entries and all(e.literals for e in entries)
    assert all(t == t.lower() for e in entries for t in e.literals)


def test_a_sentence_a_pattern_matches_always_contains_one_of_its_terms():
    """The terms are data written beside each pattern; a term list that misses a way the
    pattern can match would make the gate skip that sentence, so every test sentence the
    pattern matches must contain a term."""
    entries = [*diplomacy_lexicon().triggers, *stance_patterns()]
    matched = 0
    for text in _diplomacy_sentences():
        for entry in entries:
            if entry.pattern.search(text):
                matched += 1
                assert any(t in text.lower() for t in entry.literals), (text, entry.reason)
    assert matched > 20


def test_surface_forms_cover_irregular_and_regular_inflections(nlp):
    forms = surface_forms(["strike", "shoot", "intercept"], nlp)
    assert {"struck", "strikes", "striking", "shot", "intercepted", "intercepting"} <= forms


def test_gate_selects_sentences_a_reader_could_act_on(nlp, gate):
    doc = nlp.make_doc(STORY)
    sentences = rule_sentences(doc)
    decisions = zip(sentences, gate.wanted(doc, sentences), strict=True)
    wanted = {doc[s:e].text.strip() for (s, e), w in decisions if w}
    assert "Russian drones struck Odesa overnight, killing two people, the governor said." in wanted
    assert "Moscow and Kyiv accused each other of violating the truce." in wanted
    assert "Talks are planned in Jeddah." in wanted
    assert "The weather was mild." not in wanted
    assert "Museums stayed open late." not in wanted


def test_a_sentence_referring_back_to_a_plan_gets_its_previous_sentence_parsed(nlp):
    from warledger.nlp.pipeline import GatedParser

    text = (
        "Officials in Washington circulated a document last month. "
        "This draft agreement reportedly includes a NATO membership veto. "
        "Museums stayed open late."
    )
    doc = GatedParser(nlp).parse(text)
    sents = {s.text.strip(): s for s in doc.sents}
    assert sents["Officials in Washington circulated a document last month."].root.pos_ == "VERB"
    assert all(t.pos_ == "" for t in sents["Museums stayed open late."])


def test_gated_parse_keeps_the_exact_text_and_parses_only_selected_runs(nlp):
    from warledger.nlp.pipeline import GatedParser

    doc = GatedParser(nlp).parse(STORY)
    assert doc.text == STORY
    by_text = {s.text.strip(): s for s in doc.sents}
    strike = next(s for text, s in by_text.items() if text.startswith("Russian drones struck"))
    assert (strike[2].text, strike[2].lemma_, strike[2].pos_) == ("struck", "strike", "VERB")
    assert "Odesa" in {e.text for e in doc.ents}
    assert all(t.pos_ == "" for t in by_text["Museums stayed open late."])
    assert "Farmers sold apples." in by_text  # skipped sentences keep their boundaries


def test_evidence_spans_point_into_the_original_text(extractor):
    result = extractor.extract(STORY, "2025-04-22")
    assert result.events
    for event in result.events:
        for span in event.evidence:
            assert STORY[span.start : span.end] == span.text


def test_gated_and_full_parse_read_the_same_events(nlp, extractor):
    from warledger.nlp.extract import Extractor

    full = Extractor(nlp, extractor.gazetteer, extractor.registry, gate=False)
    gated = extractor.extract(STORY, "2025-04-22")
    reference = full.extract(STORY, "2025-04-22")
    assert [(e.kind, e.subtype) for e in gated.events] == [
        (e.kind, e.subtype) for e in reference.events
    ]


def _quoted_examples(reason: str) -> list[str]:
    return re.findall(r"'([^']{8,})'", reason)


def test_lexicon_prefilters_never_skip_a_sentence_their_pattern_matches():
    """Every quoted example in the lexicons' reasons that a pattern matches passes its
    literal prefilter: skipping the regular expression never loses a match."""
    from warledger.nlp.diplomacy.lexicon import load
    from warledger.nlp.positions import stance_patterns

    checked = 0
    for entry in (*load().triggers, *stance_patterns()):
        for example in _quoted_examples(entry.reason):
            if entry.pattern.search(example):
                checked += 1
                assert entry.may_match(example.lower()), (entry.pattern.pattern, example)
    assert checked >= 20
