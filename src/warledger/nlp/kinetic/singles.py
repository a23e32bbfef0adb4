"""Victims and aircraft named one by one, without a number.

"killing a 64-year-old woman", "A child was killed", "injuring another", "killing a mother
and her son", "General X is reportedly killed", "shot down a Su-34": each named person (or
downed aircraft) counts one, read from the casualty verb's subject or object in the parse.
A plural without a number ("killing civilians") says no figure, so none is given; a
number said anywhere for the same key wins (see :func:`counts.counts_in`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from warledger.nlp.kinetic.facts import SentenceFacts
from warledger.types import Count

if TYPE_CHECKING:
    from spacy.tokens import Token

# Nouns for a person (English words, not theatre knowledge): a singular one counts 1.
PERSON_NOUNS = frozenset(
    (
        "man", "woman", "boy", "girl", "child", "baby", "infant", "toddler", "teenager", "teen",
        "person", "resident", "civilian", "pensioner", "mother", "father", "son", "daughter",
        "wife", "husband", "brother", "sister", "grandmother", "grandfather", "grandson",
        "granddaughter", "family", "member", "volunteer", "worker", "employee", "driver", "farmer",
        "doctor", "nurse", "medic", "paramedic", "rescuer", "firefighter", "journalist",
        "correspondent", "reporter", "photographer", "cameraman", "officer", "soldier",
        "serviceman", "servicewoman", "commander", "general", "colonel", "major", "lieutenant",
        "pilot", "official", "mayor", "governor", "priest", "student", "teacher", "passenger",
        "guard", "policeman", "fighter", "militant", "victim",
    )
)

# Said of a person already counted: "injuring another", "and one more".
PERSON_PRONOUNS = frozenset({"another", "one"})

# What is shot down one at a time besides the weapons of the lexicon.
AIRCRAFT_NOUNS = frozenset(
    (
        "aircraft", "plane", "airplane", "jet", "warplane", "fighter", "bomber", "helicopter",
        "chopper", "drone", "uav", "missile",
    )
)

INDEFINITE = frozenset({"a", "an", "one", "another"})

VICTIM_DEPS = frozenset({"nsubjpass", "dobj", "nsubj"})

INTERCEPT_LEMMAS = frozenset({"shoot", "down", "intercept"})


def single_counts(facts: SentenceFacts) -> dict[str, Count]:
    """``killed`` / ``injured`` / ``intercepted`` for victims named without a number."""
    result: dict[str, Count] = {}
    sent = facts.sent
    for hit in facts.count_words:
        key = hit.entry["key"]
        if key not in {"killed", "injured", "intercepted"} or key in result:
            continue
        verb = sent[hit.start]
        if key == "intercepted" and verb.lemma_.lower() not in INTERCEPT_LEMMAS:
            continue  # "destroyed a building" is no interception
        if verb.pos_ not in {"VERB", "AUX"} and verb.tag_ not in {"VBN", "VBD", "VBG"}:
            continue  # a noun ("the killing") names no victim
        victim = _victim_of(verb)
        if victim is None:
            continue
        total = _one_by_one(victim, key, facts)
        if total:
            words = sent.doc[victim.left_edge.i : victim.right_edge.i + 1].text
            result[key] = Count(total, "exact", words)
    return result


def _victim_of(verb: Token) -> Token | None:
    """Who was hit: the passive subject, the object, or the subject of an intransitive
    verb ("died"); for "a civilian killed in ...", the noun the participle describes."""
    for child in verb.children:
        if child.dep_ in {"nsubjpass", "dobj"}:
            return child
    if verb.lemma_.lower() == "die" or verb.tag_ == "VBN":
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
    if verb.dep_ in {"acl", "amod"} and verb.head.pos_ in {"NOUN", "PROPN"}:
        return verb.head
    return None


def _one_by_one(victim: Token, key: str, facts: SentenceFacts) -> int:
    """How many the victim phrase names one by one; 0 when it gives no such figure (a
    plural, a number, or a word that is not a person or, for interceptions, a craft)."""
    total = 0
    sent = facts.sent
    for noun in [victim, *victim.conjuncts]:
        if not sent.start <= noun.i < sent.end:
            continue  # a list read town by town: only this town's part counts
        if any(c.dep_ == "nummod" for c in noun.children) or noun.like_num:
            return 0  # a number: the numbers reader counts it
        if noun.lower_ in PERSON_PRONOUNS and noun.dep_ in VICTIM_DEPS:
            total += 1  # "injuring another"
            continue
        if noun.tag_ not in {"NN", "NNP"}:
            return 0  # a plural or a pronoun says no figure
        if key == "intercepted":
            if not _is_craft(noun, facts):
                return 0
        elif not _is_person(noun):
            return 0
        total += 1
    return total


def _is_person(noun: Token) -> bool:
    if noun.ent_type_ == "PERSON":
        return True
    return noun.lemma_.lower() in PERSON_NOUNS and _indefinite_or_possessed(noun)


def _indefinite_or_possessed(noun: Token) -> bool:
    """ "a woman", "another man", "her son", "a 70-year-old woman" - not "the man" (who
    may be one already counted)."""
    return any(
        (c.dep_ == "det" and c.lower_ in INDEFINITE) or c.dep_ == "poss" for c in noun.children
    )


def _is_craft(noun: Token, facts: SentenceFacts) -> bool:
    rel = noun.i - facts.sent.start
    in_weapon = any(h.start <= rel < h.end for h in facts.weapons)
    named_model = noun.pos_ == "PROPN" and any(ch.isdigit() for ch in noun.text)
    if not (in_weapon or named_model or noun.lemma_.lower() in AIRCRAFT_NOUNS):
        return False
    return _indefinite_or_possessed(noun) or (named_model and _has_indefinite(noun))


def _has_indefinite(noun: Token) -> bool:
    """ "A Russian Sukhoi Su-34": the article sits on the model name's first word."""
    return any(t.dep_ == "det" and t.lower_ in INDEFINITE for t in noun.subtree)
