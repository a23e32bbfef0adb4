"""Wordings that name talks, a truce or a plan without telling one that happened now.

- "without": "the talks ended without agreement on a ceasefire", "left without
  agreeing on a ceasefire": the truce is what did not come about, no event of its own;
- "no", "any": "no meeting between the two leaders is being prepared", "a truce
  before any negotiations", "no date has been set for a meeting" (a general absence);
- a topic: "informed him about the talks", "the first step towards negotiations";
- "last" or "previously" met: "the two leaders last met in Alaska in August" is the
  background of the news, a meeting told before;
- another subject: "EU accession talks with Ukraine", "trade talks" (the theatre's
  ``other_talks`` compounds) are not the war's diplomacy;
- a condition of the future: "ready to hold an election within 90 days after a
  ceasefire takes effect", "will resume strikes once the truce ends" (the present in a
  time clause under what is still to come) tells no truce (:func:`future_condition`);
- a running total: "the EU has adopted 18 sanctions packages since February 2022", "we
  have not met since 2019" (the present perfect up to now from "since") sums up the
  past as the background of the news (:func:`told_since`).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from warledger.nlp import dates

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


# Auxiliaries of the present perfect ("has adopted", "have met").
PERFECT_AUX = frozenset({"has", "have", "'ve", "’ve"})


# A running total starts this long before the story; "since Monday" is this week's news.
TOTAL_SPAN = timedelta(days=31)


def told_since(anchor: Token, published: date | None) -> bool:
    """The trigger's verb is a present perfect counted "since" a time a month or more
    before the story, or an undated one ("has delivered 300 tanks since 2022", "have
    imposed sanctions since the war began"): a total up to now, not an act of the news.
    Checked on the nearest verb up from the trigger only."""
    node = anchor
    for _ in range(3):
        if node.pos_ in {"VERB", "AUX"}:
            break
        if node.head is node:
            return False
        node = node.head
    else:
        return False
    if not any(c.dep_ == "aux" and c.lower_ in PERFECT_AUX for c in node.children):
        return False
    for c in node.children:
        if c.dep_ == "prep" and c.lower_ == "since":
            return long_ago(" ".join(t.text for t in c.subtree), published)
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in c.children):
            return long_ago(" ".join(t.text for t in c.subtree), published)
    return False


def long_ago(phrase: str, published: date | None) -> bool:
    """The "since" phrase names no date (the invasion, the war began) or one at least
    :data:`TOTAL_SPAN` before the story."""
    found = dates.find(phrase)
    if not found:
        return True
    when = dates.resolve(found[0][2], published)
    if when.start is None or published is None:
        return when.start is None
    return date.fromisoformat(when.start) <= published - TOTAL_SPAN


# Conjunctions of a time clause whose present tense may speak of the future.
TIME_MARKS = frozenset({"after", "once", "when", "until", "till", "before", "as soon as"})


def future_condition(anchor: Token) -> bool:
    """The trigger's verb is in the present inside a time clause ("after a ceasefire takes
    effect", "once the truce is signed") that hangs on a verb in its base form ("is ready
    to hold", "will resume"): a condition of what may come, not a truce told. The present
    of a summary ("Russia resumes strikes after the truce ends") hangs on a tensed verb."""
    verb = anchor if anchor.pos_ in {"VERB", "AUX"} else anchor.head
    if verb.dep_ != "advcl" or verb.head is verb:
        return False
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
    marks |= {" ".join(t.lower_ for t in verb.children if t.dep_ in {"advmod", "mark"})}
    if not marks & TIME_MARKS:
        return False
    present = verb.tag_ in {"VBZ", "VBP"} or any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ in {"VBZ", "VBP"} for c in verb.children
    )
    return present and verb.head.tag_ == "VB"
