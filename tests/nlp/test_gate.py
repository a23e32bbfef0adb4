"""The cheap pass: which sentences get the parser, and the gated parse keeping offsets exact."""

from __future__ import annotations

import re

import pytest

from warledger.nlp.gate import (
    SentenceGate,
    required_literals,
    rule_sentences,
    surface_forms,
)

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


def test_required_literals_are_what_every_match_must_contain():
    assert required_literals(r"ceasefire (?:deal|plan)") == {"ceasefire "}
    assert required_literals(r"(?:sanction\w*|embargo)") == {"sanction", "embargo"}
    assert required_literals(r"\w+ talks?") == {" talk"}
    assert required_literals(r"(?:\w+|x)") is None  # nothing literal is required


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"accus\w* (?:each other|one another) of", "Both sides Accused one another of it"),
        (r"(?:impos(?:e|ed)|slap\w*) (?:new )?sanctions?", "the EU slapped new sanctions"),
        (r"\b(?:met|meets) (?:with )?", "Rubio met with Lavrov"),
    ],
)
def test_a_matching_text_always_contains_one_required_literal(pattern, text):
    assert re.search(pattern, text, re.IGNORECASE)
    literals = required_literals(pattern)
    assert literals is not None
    assert any(word in text.lower() for word in literals)


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
