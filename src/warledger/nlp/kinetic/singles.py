"""Victims and aircraft named one by one, without a number.

"killing a 64-year-old woman", "A child was killed", "injuring another", "killing a mother
and her son", "General X is reportedly killed", "shot down a Su-34": each named person (or
downed aircraft) counts one, read from the casualty verb's subject or object in the parse.
A plural without a number ("killing civilians") says no figure, so none is given; a
number said anywhere for the same key wins (see :func:`counts.counts_in`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from warledger.nlp import numbers
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
        "guard", "policeman", "fighter", "militant", "victim", "grandchild", "pedestrian",
        "cyclist", "motorcyclist", "conductor", "operator", "owner", "local", "villager",
        "people",
    )
)

# People named by their part in what was hit ("the driver" of the car struck, "the pilot"
# of the jet downed): each is one person even with "the", unlike "the man", who may be
# someone already counted.
ROLE_NOUNS = frozenset(
    (
        "driver", "passenger", "pilot", "conductor", "operator", "owner", "pedestrian",
        "cyclist", "motorcyclist", "guard", "watchman",
    )
)

# Words for more than one person named together: "a couple" is two.
PAIR_NOUNS = frozenset({"couple", "pair"})

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


def victim_counts(facts: SentenceFacts) -> dict[str, tuple[Count, bool]]:
    """Per key, the people the casualty verb names, and whether that phrase also holds a
    number ("wounding the driver and two passengers": 3): such a tally is the whole
    figure, where a bare number elsewhere would miss the people named one by one."""
    result: dict[str, tuple[Count, bool]] = {}
    sent = facts.sent
    for hit in facts.count_words:
        key = hit.entry["key"]
        if key not in {"killed", "injured", "intercepted"} or key in result:
            continue
        verb = sent[hit.start]
        if key == "intercepted" and verb.lemma_.lower() not in INTERCEPT_LEMMAS:
            continue  # "destroyed a building" is no interception
        verbal = verb.pos_ in {"VERB", "AUX"} or verb.tag_ in {"VBN", "VBD", "VBG"}
        if not verbal and not _suffered(verb):
            continue  # a noun ("the killing") names no victim, unless one took it
        victim = _victim_of(verb)
        if victim is None:
            continue
        total, numbered = _one_by_one(victim, key, facts)
        if total:
            words = sent.doc[victim.left_edge.i : victim.right_edge.i + 1].text
            result[key] = (Count(total, "exact", words), numbered)
    return result


# Verbs whose object is the harm their subject took: "a man sustained injuries".
SUFFER_LEMMAS = frozenset({"sustain", "suffer", "receive"})


def _suffered(word: Token) -> bool:
    """ "sustained injuries", "suffered wounds": the harm as the object of its taking."""
    return word.dep_ == "dobj" and word.head.lemma_.lower() in SUFFER_LEMMAS


def _victim_of(verb: Token) -> Token | None:
    """Who was hit: the passive subject, the object, or the subject of an intransitive
    verb ("died"); for "a civilian killed in ...", the noun the participle describes; for
    "a man sustained injuries", the one who took them."""
    if _suffered(verb):
        return next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
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


def _one_by_one(victim: Token, key: str, facts: SentenceFacts) -> tuple[int, bool]:
    """How many the victim phrase names, and whether a number is among them; 0 when it
    gives no such figure (a plural without a number, or a word that is not a person or,
    for interceptions, a craft). A phrase of numbers only is left to the numbers reader."""
    total = 0
    numbered = False
    sent = facts.sent
    for noun in [victim, *victim.conjuncts]:
        if not sent.start <= noun.i < sent.end:
            continue  # a list read town by town: only this town's part counts
        if noun.like_num:
            return 0, False
        number = _number_of(noun)
        if number is not None:
            if key == "intercepted" or not _is_people(noun):
                return 0, False
            total += number  # "the driver and two passengers"
            numbered = True
            continue
        if noun.lower_ in PERSON_PRONOUNS and noun.dep_ in VICTIM_DEPS:
            total += 1  # "injuring another"
            continue
        if key != "intercepted" and _aged(noun):
            total += 1  # "A 45-year-old was killed": one person, named by age
            continue
        group = _group_size(noun)
        if group and key != "intercepted":
            total += group  # "a couple", "a family of four"
            continue
        if noun.tag_ not in {"NN", "NNP"}:
            return 0, False  # a plural or a pronoun says no figure
        if key == "intercepted":
            if not _is_craft(noun, facts):
                return 0, False
        elif not _is_person(noun):
            return 0, False
        total += 1
    if numbered and total == sum(_number_of(n) or 0 for n in [victim, *victim.conjuncts]):
        return 0, False  # numbers only ("two men and three women"): the numbers reader's
    return total, numbered


def _number_of(noun: Token) -> int | None:
    """The number a noun is counted by ("two passengers"), if any."""
    for child in noun.children:
        if child.dep_ == "nummod":
            count = numbers.parse_count(child.text)
            return count.value if count is not None else 0
    return None


def _aged(word: Token) -> bool:
    """ "a 72-year-old" standing for a person (the parser reads "old" as its head)."""
    return (
        word.lower_ == "old"
        and any(c.lower_ == "year" for c in word.children)
        and any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in word.children)
    )


def _is_people(noun: Token) -> bool:
    return noun.lemma_.lower() in PERSON_NOUNS or noun.lower_ in {"people", "others"}


def _group_size(noun: Token) -> int:
    """People a group word names: "a couple" 2, "a family of four" 4; else 0."""
    lemma = noun.lemma_.lower()
    indefinite = any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in noun.children)
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if lemma in PAIR_NOUNS and indefinite and of is None:
        return 2
    if lemma == "family" and of is not None:
        members = next((c for c in of.children if c.dep_ == "pobj"), None)
        count = numbers.parse_count(members.text) if members is not None else None
        if count is not None and count.value > 1:
            return count.value
    return 0


def _is_person(noun: Token) -> bool:
    if noun.ent_type_ == "PERSON":
        return True
    lemma = noun.lemma_.lower()
    if lemma in ROLE_NOUNS and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return True  # "killing the driver"
    return lemma in PERSON_NOUNS and _indefinite_or_possessed(noun)


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


# "Among the injured is a 9-year-old", "Among the dead were two children and a woman":
# people named as part of the toll, at least so many, when no figure was given before.
AMONG = re.compile(
    r"^\W*among (?:the |those )?(?P<word>dead|killed|injured|wounded|hurt)\b", re.IGNORECASE
)
AMONG_KEYS = {"dead": "killed", "killed": "killed", "injured": "injured", "wounded": "injured"}
AMONG_KEYS["hurt"] = "injured"
ONE_PERSON = re.compile(
    r"\b(?:a|an|one)\s+(?:\d+-year-old\b(?!\s+(?:man|woman|boy|girl|child))|(?:[\w-]+\s+)?"
    r"(?:man|woman|boy|girl|child|teenager|baby|infant|pensioner|resident|civilian))\b",
    re.IGNORECASE,
)
PEOPLE = re.compile(
    r"(?:\s+\w+)?\s+(?:men|women|boys|girls|children|teenagers|people|residents|civilians)\b",
    re.IGNORECASE,
)


def among_counts(facts: SentenceFacts) -> dict[str, Count]:
    """The people a sentence opening "Among the dead/injured ..." names, as a lower bound."""
    match = AMONG.match(facts.sent.text)
    if match is None:
        return {}
    rest = facts.sent.text[match.end() :]
    total = len(ONE_PERSON.findall(rest))
    for _start, end, count in numbers.find_counts(rest):
        if PEOPLE.match(rest[end:]):
            total += count.value
    if not total:
        return {}
    return {AMONG_KEYS[match["word"].lower()]: Count(total, "at_least", rest.strip(" .,"))}
