"""A trigger verb in the present tense that still tells one act.

Chronologies and news digests write in the present ("Russia launches a missile and drone
attack across Ukraine, damaging energy infrastructure"); a bare present is as often a
habit or a claim about the war in general ("Russia targets the grid"). What tells one
act is its result told with it: a participle of harm done ("..., killing two",
"..., damaging a substation") hanging on the verb.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import date

    from spacy.tokens import Token

PRESENT_TAGS = frozenset({"VBZ", "VBP"})
# Lemmas of the harm an act does, told as its participle.
RESULT_LEMMAS = frozenset(
    {"kill", "injure", "wound", "damage", "destroy", "hit", "cause", "spark", "leave"}
)


def present_with_result(verb: Token) -> bool:
    """Is ``verb`` a present-tense verb told with the harm it did ("launches ...,
    damaging energy infrastructure")?"""
    return verb.tag_ in PRESENT_TAGS and any(
        c.dep_ in {"advcl", "conj"} and c.tag_ == "VBG" and c.lemma_.lower() in RESULT_LEMMAS
        for c in verb.children
    )


def one_act_tense(verb: Token) -> bool:
    """Does the verb's tense tell one act: a past ("struck"), a past passive ("was hit"),
    or a present told with the harm it did?"""
    if verb.tag_ == "VBD":
        return True
    if verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in verb.children):
        return True
    return present_with_result(verb)


# Auxiliaries of a perfect: "have attacked", "has been trying", "had held".
PERFECT_AUX = frozenset({"has", "have", "had", "'ve", "’ve", "'s", "’s", "'d", "’d"})


def running_since(token: Token, published: date | None, *, tally: bool = False) -> bool:
    """The trigger tells a course of acts up to now, or a point it counts from, not one
    act of the news: its verb is a perfect counted "since" a time a month or more before
    the story ("the Houthis have attacked shipping since late 2023", "a city Russian
    forces have been trying to encircle since the spring of 2025"), or the trigger is
    that starting point itself ("has pushed east since it seized El Fasher", "gains since
    capturing Avdiivka"), unless the text dates it this month. "Since Monday" is this
    week's news and stays an act. With
    ``tally`` (a territorial change) the perfect is a count of gains the news reports
    ("has captured 100 settlements since the start of the incursion"), as a casualty
    total is; only the starting point is left out."""
    from warledger.nlp.diplomacy.unmet import long_ago

    since = _since_over(token)
    if since is not None:  # "since the start of the incursion": the point counted from
        return long_ago(" ".join(t.text for t in since.subtree), published)
    verb = token
    for _ in range(3):
        if verb.pos_ in {"VERB", "AUX"} or verb.head is verb:
            break
        verb = verb.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    if _marked_since(verb):  # "since it seized X in October 2025": the point counted from
        return long_ago(" ".join(t.text for t in verb.subtree), published)
    if tally:
        return False
    chain = [verb]
    while chain[-1].dep_ == "xcomp" and len(chain) < 3:  # "have been trying to encircle"
        chain.append(chain[-1].head)
    if not any(c.dep_ == "aux" and c.lower_ in PERFECT_AUX for v in chain for c in v.children):
        return False
    for holder in chain:  # "since" hangs on either verb of the chain
        for c in holder.children:
            if c.dep_ == "prep" and c.lower_ == "since":
                return long_ago(" ".join(t.text for t in c.subtree), published)
            if c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ == "since" for m in c.children
            ):
                return long_ago(" ".join(t.text for t in c.subtree), published)
    return False


def _marked_since(verb: Token) -> bool:
    """Is the verb's clause the "since" of another verb ("since it seized", "since
    capturing")?"""
    if verb.dep_ == "pcomp" and verb.head.lower_ == "since":
        return True
    return verb.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ == "since" for m in verb.children
    )


def _since_over(noun: Token) -> Token | None:
    """The "since" whose phrase holds the trigger noun ("since the start of the
    incursion"), if any."""
    node = noun
    for _ in range(4):
        if node.pos_ not in {"NOUN", "PROPN", "ADP"} or node.head is node:
            return None
        if node.dep_ == "pobj" and node.head.lower_ == "since":
            return node.head
        node = node.head
    return None
