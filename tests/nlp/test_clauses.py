"""One clause reading for every reader: what a trigger's clause says about its event.

Sentences are synthetic, written for this project."""

from __future__ import annotations

import pytest

from warledger.nlp.clauses import read_clause, reported_by
from warledger.nlp.language import ENGLISH

pytestmark = pytest.mark.model


def _clause(nlp, text: str, word: str):
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    return read_clause(token, token.sent)


@pytest.mark.parametrize(
    ("text", "word", "answers"),
    [
        ("Russian drones struck Odesa overnight.", "struck", {}),
        ("Russian drones did not strike Odesa overnight.", "strike", {"negated": True}),
        ("Did Russian drones strike Odesa overnight?", "strike", {"question": True}),
        ('The mayor asked: "Why did they strike Odesa?"', "strike", {"question": True}),
        ("Russian drones could strike Odesa again.", "strike",
         {"hypothetical": True, "hedged": True}),
        ("If drones strike Odesa, the port will close.", "strike",
         {"hypothetical": True, "hedged": True}),
        ("Leaders may meet at some point in the spring.", "meet",
         {"hypothetical": True, "hedged": True}),
        ("The envoys will meet in Geneva next week.", "meet", {"planned": True}),
        ("Drones routinely strike the city at night.", "strike", {"habitual": True}),
        ("Rescuers worked at the scene of the strike.", "strike", {"background": True}),
        ("The minister urged Moscow to accept the truce.", "accept",
         {"hypothetical": True, "wish": True}),  # an infinitive of purpose: both
    ],
)
def test_each_answer_of_the_clause_reading(nlp, text, word, answers):
    clause = _clause(nlp, text, word)
    names = ("negated", "question", "hypothetical", "hedged", "planned", "habitual",
             "background", "wish")  # fmt: skip
    assert {n: getattr(clause, n) for n in names} == {n: answers.get(n, False) for n in names}
    expected_asserted = not set(answers) - {"negated", "planned"}
    assert clause.asserted == expected_asserted


def test_a_ready_to_infinitive_is_a_commitment_not_a_wish(nlp):
    assert _clause(nlp, "Kyiv said it was ready to accept the truce.", "accept").wish is False


def test_reported_speech_names_who_reports(make_ctx):
    from warledger.types import Actor

    governor = Actor(name="Oleh Syniehubov", side="UA", type="person")
    text = "Russian drones struck Kharkiv overnight, governor Oleh Syniehubov said."
    ctx = make_ctx(text, actors={"Oleh Syniehubov": governor})
    sent = next(iter(ctx.doc.sents))
    trigger = next(t for t in sent if t.text == "struck")
    assert reported_by(sent, ctx, trigger).name == "Oleh Syniehubov"


def test_a_question_closing_a_quotation_is_no_event_for_any_reader(extractor):
    text = (
        'The mayor asked reporters: "Did Russian drones strike Odesa on Monday?" '
        '"Will Russia and Ukraine hold talks in Istanbul on Friday?"'
    )
    result = extractor.extract(text, published="2025-04-22")
    assert result.events == []
    assert result.positions == []


def test_verbs_of_saying_are_reporting_verbs():
    """One list of reporting verbs; the clause reading stops at the plain verbs of saying
    among them (a stance verb such as 'insist' holds the stance it reports)."""
    assert ENGLISH.saying <= ENGLISH.reporting
    assert "insist" in ENGLISH.reporting - ENGLISH.saying
