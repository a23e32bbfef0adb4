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
