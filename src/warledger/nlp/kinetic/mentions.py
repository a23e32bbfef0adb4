"""A trigger noun that names an act without telling it: the act is told elsewhere, or
is only the frame or the topic of what the sentence says.

- a share of it: "most of the shelling hit X" tells where part of an attack already
  told fell, not another attack;
- none of it: "air defences recorded no missile or drone hits";
- a verdict on it: "Ukraine's incursion is legitimate", "the incursion comes ahead of
  the vote";
- its frame: "60% of buildings were destroyed in the fighting", "executions during its
  offensive": the fight named with "the" or its owner is the one told before, or a
  campaign, and the sentence's news is something else;
- a description of who: "advancing Ukrainian forces" are troops, not an advance;
- the time of another act: "Poland scrambled jets as the attack unfolded".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# "most of the shelling": quantity words that take a share of something already named.
PARTITIVE_HEADS = frozenset(
    {"most", "much", "some", "all", "part", "half", "rest", "bulk", "majority", "none"}
)
# Verbs whose subject is commented on, not reported as acting ("comes ahead of").
COMMENT_VERBS = frozenset({"come"})
# Prepositions that make a noun the frame of another act ("killed in the fighting").
FRAME_PREPOSITIONS = frozenset({"in", "during", "amid", "amidst", "throughout"})
# Determiners that point back to a fight already known ("the", "its", "their").
KNOWN_DETERMINERS = frozenset({"the", "its", "their", "his", "her", "this", "that"})


def told_elsewhere(token: Token, *, ground: bool) -> bool:
    """Does the trigger only name an act, rather than tell it happening here? ``ground``
    (the trigger reads as ground combat) also drops a fight that frames the news."""
    if token.pos_ in {"NOUN", "PROPN"}:
        if _a_share(token) or _none_of(token) or _judged(token) or sets_the_time(token):
            return True
        if ground and _frames_another_act(token):
            return True
    elif token.pos_ == "VERB" and any(
        c.dep_ == "nsubj" and _of_a_share(c) for c in token.children
    ):
        return True  # "most of the shelling hit X"
    return token.tag_ == "VBG" and token.dep_ == "amod"  # "advancing Ukrainian forces"


def _a_share(token: Token) -> bool:
    prep = token.head
    return (
        token.dep_ == "pobj"
        and prep.lower_ == "of"
        and prep.head.lower_ in PARTITIVE_HEADS
        and any(c.dep_ in {"det", "poss"} for c in token.children)
    )


def _of_a_share(head: Token) -> bool:
    """ "most of the shelling" as a verb's subject: a share of something named before."""
    return head.lower_ in PARTITIVE_HEADS and any(
        g.dep_ == "pobj" and _a_share(g)
        for c in head.children
        if c.dep_ == "prep"
        for g in c.children
    )


def _none_of(token: Token) -> bool:
    """ "no missile or drone hits": "no" anywhere before the noun in its own phrase."""
    return any(t.lower_ == "no" and t.dep_ == "det" for t in token.subtree if t.i < token.i)


def _judged(token: Token) -> bool:
    """ "Ukraine's incursion is legitimate", "the incursion comes ahead of the vote": an
    act known already (named with "the" or its owner) as the subject of a verdict. "Fierce
    fighting is underway" still tells a fight going on."""
    if token.dep_ != "nsubj" or not _known(token):
        return False
    verb = token.head
    if verb.lemma_ == "be":
        said = [c for c in verb.children if c.dep_ in {"acomp", "attr"}]
        return bool(said) and not any(c.lower_ in GOING_ON for c in said)
    return verb.lemma_.lower() in COMMENT_VERBS


def _known(token: Token) -> bool:
    return any(
        (c.dep_ == "det" and c.lower_ in KNOWN_DETERMINERS) or c.dep_ == "poss"
        for c in token.children
    )


# What "is" says of an act that tells it happening, not a verdict on it.
GOING_ON = frozenset({"underway", "ongoing", "continuing", "raging", "intensifying"})


def _frames_another_act(token: Token) -> bool:
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in FRAME_PREPOSITIONS:
        return False
    return _known(token) and prep.head.pos_ in {"VERB", "AUX"}


# Conjunctions of a clause that sets the time of another act ("as the attack unfolded").
TIME_MARKERS = frozenset({"as", "while", "when"})


def sets_the_time(token: Token) -> bool:
    """ "Poland scrambled jets as the attack unfolded": a known attack as the subject of a
    clause that only says when the news happened."""
    clause = token.head
    return (
        token.dep_ == "nsubj"
        and _known(token)
        and clause.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ in TIME_MARKERS for c in clause.children)
    )


def frames_only(token: Token) -> bool:
    """An attack already known named as the time or setting of what the sentence tells
    ("closed airports as the attack unfolded", "two were killed in the attack"): the
    detector adds no new attack for it (the toll belongs to the attack told before)."""
    if token.pos_ not in {"NOUN", "PROPN"}:
        return False
    framed = token.dep_ == "pobj" and token.head.lower_ in FRAME_PREPOSITIONS
    return sets_the_time(token) or (framed and _known(token))
