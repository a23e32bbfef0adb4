"""Wordings that name talks, a truce or a plan without telling one that happened now.

- "without": "the talks ended without agreement on a ceasefire", "left without
  agreeing on a ceasefire": the truce is what did not come about, no event of its own;
- "no", "any": "no meeting between the two leaders is being prepared", "a truce
  before any negotiations", "no date has been set for a meeting" (a general absence);
- a topic: "informed him about the talks", "the first step towards negotiations";
- "last" or "previously" met: "the two leaders last met in Alaska in August" is the
  background of the news, a meeting told before;
- another subject: "EU accession talks with Ukraine", "trade talks" (the theatre's
  ``other_talks`` compounds) are not the war's diplomacy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import re
    from collections.abc import Iterable

    from spacy.tokens import Token

# Determiners of no particular event: "no meeting", "before any negotiations".
NONE_OR_ANY = frozenset({"no", "any"})
# Prepositions that make talks a topic: "told him about the talks", "steps towards talks".
TOPIC_PREPS = frozenset({"about", "towards", "toward", "regarding", "concerning"})
# Adverbs that put a meeting before the news it is told beside.
EARLIER_ADVERBS = frozenset({"last", "previously", "earlier"})
# Steps up the parse within which "without" still governs the trigger.
WITHOUT_REACH = 3


def not_an_occurrence(anchor: Token) -> bool:
    """Is the trigger word only named (without it, none of it, met last time)?"""
    if anchor.pos_ == "NOUN" and any(
        t.lower_ in NONE_OR_ANY and t.dep_ == "det" for t in anchor.subtree if t.i < anchor.i
    ):
        return True
    if anchor.pos_ == "NOUN" and anchor.dep_ == "pobj" and anchor.head.lower_ in TOPIC_PREPS:
        return True  # "informed him about the talks", "a first step towards negotiations"
    if anchor.pos_ == "NOUN" and _none_for(anchor):
        return True  # "no date has been set for a meeting", "no plans for talks"
    if anchor.pos_ == "VERB" and any(
        c.dep_ == "advmod" and c.lower_ in EARLIER_ADVERBS for c in anchor.children
    ):
        return True
    node = anchor
    for _ in range(WITHOUT_REACH):
        if node.head is node:
            break
        if node.dep_ in {"pobj", "pcomp"} and node.head.lower_ == "without":
            return True
        node = node.head
    return False


def _none_for(noun: Token) -> bool:
    """The noun is what "no" date, plan or timetable is "for": the noun governing "for",
    or the subject of the verb governing it, is determined by "no"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "for":
        return False
    holder = prep.head
    nouns = (
        [holder]
        if holder.pos_ in {"NOUN", "PROPN"}
        else [c for c in holder.children if c.dep_ in {"nsubj", "nsubjpass", "attr"}]
    )
    return any(c.dep_ == "det" and c.lower_ == "no" for n in nouns for c in n.children)


def other_subject(
    tokens: Iterable[Token], talks: re.Pattern[str], compounds: frozenset[str]
) -> bool:
    """Do the matched words name talks about another subject ("accession talks with
    Ukraine", "concluded trade talks"): a talks noun compounded with one of ``compounds``?"""
    return any(
        talks.fullmatch(t.text)
        and any(c.dep_ == "compound" and c.lower_ in compounds for c in t.children)
        for t in tokens
    )
