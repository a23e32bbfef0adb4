"""Phrases that report a deed or a deliberation, not a stance: "the EU imposed new
sanctions", "the two sides swapped 84 prisoners" are events; "met to discuss a potential
force", "accused the West of seeking more sanctions", "Russia is likely to demand ..." are
talked over, imputed or forecast, no one's stated position.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from warledger.nlp import stance_polarity
from warledger.nlp.language import ENGLISH
from warledger.nlp.stance_polarity import (
    PLAN_NOUNS,
    SAYING,
    STANCE_VERBS,
    up_to_condition,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


# Verbs that report a deed: "imposed new sanctions", "conducted a prisoner swap" are
# events, not what a party says it wants.
ACTS = frozenset(
    {
        "impose", "announce", "adopt", "introduce", "approve", "slap", "conduct", "complete",
        "carry", "hold", "begin", "start", "release", "return", "exchange", "swap", "expand",
        "extend", "renew", "unveil", "withdraw", "free", "lift", "ease", "suspend", "sign",
    }
)  # fmt: skip
STATING = frozenset(
    {"threaten", "offer", "ready", "open", "willing", "favour", "favor", "advocate", "consider",
     "discuss", "warn", "ask", "say", "state", "stress", "emphasise", "emphasize", "believe"}
)  # fmt: skip
# Saying verbs that only report: a deed under them is still a deed ("the two sides swapped
# 90 prisoners each, the ministry said"), while "said it was ready to swap" is a stance.
REPORTING = frozenset({"say", "state", "stress", "emphasise", "emphasize", "believe"})


def is_act(anchor: Token) -> bool:
    """Does the phrase report a deed rather than a stance? A deed verb governs it ("the EU
    announced new sanctions", "they conducted a prisoner swap") with no stance or saying
    verb above it and no modal on it ("Russia must withdraw its troops" is a demand)."""
    chain = [anchor, *list(anchor.ancestors)[:6]]
    if any(n.lemma_.lower() in STANCE_VERBS | (STATING - REPORTING) for n in chain):
        return False
    if len(up_to_condition(chain)) < len(chain) or stance_polarity.in_condition(anchor):
        return False  # "ready for a ceasefire if Ukraine withdraws": a condition, not a deed
    reported = any(n.lemma_.lower() in REPORTING for n in chain)
    for node in chain:
        if node.pos_ == "VERB" and node.lemma_.lower() in ACTS:
            if any(
                c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in PLAN_NOUNS
                for c in node.children
            ):
                return False  # "Ukraine's version begins with a ceasefire": its content
            modal = any(c.dep_ == "aux" and c.tag_ in {"MD", "TO"} for c in node.children)
            if reported and not _finite(node):
                return False  # "said he can end it by withdrawing": a way, not a deed
            return not modal
    return False


def _finite(verb: Token) -> bool:
    """A verb that tells a deed done ("exchanged", "returns", "were swapped")."""
    passive = verb.tag_ == "VBN" and any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
    return verb.tag_ in {"VBD", "VBZ", "VBP"} or passive


# Verbs whose object is talked over or imputed to someone else, not the subject's stance:
# "met to discuss a potential force", "accused the West of seeking more sanctions".
DELIBERATING = frozenset({"debate", "examine", "explore", "study"})
# Nouns of a topic raised, not a stance taken: "the question of sanctions relief".
TOPICS = frozenset({"question", "issue", "matter", "topic", "subject"})
IMPUTING = frozenset({"accuse", "blame", "allege", "suspect"})
COMMENTATORS = ENGLISH.commentators
# Words that make what follows a forecast about a party, not its statement: "Russia is
# likely to demand ...", "Kyiv is expected to ask for ...".
FORECASTING = frozenset({"likely", "unlikely", "poised"})


def deliberated(anchor: Token) -> bool:
    """ "studied the idea of a force", "accused the West of seeking sanctions", "the
    question of sanctions relief", "it is unclear whether Russia would accept troops",
    "Russia is likely to demand": what is examined, imputed to another, asked about or
    forecast is not the subject's stance (unless a stance verb stands between for
    examining: "examined their demand for")."""
    if any(node.lemma_.lower() in IMPUTING for node in anchor.ancestors):
        return True
    if any(  # "analysts say Russia would accept a freeze": commentary, no party's stance
        c.dep_ == "nsubj" and c.lemma_.lower() in COMMENTATORS
        for node in (anchor, *anchor.ancestors)
        for c in node.children
    ):
        return True
    chain = [anchor, *list(anchor.ancestors)[:6]]
    if any(stance_polarity.conceded(node) for node in chain):
        return True  # "even if Kyiv agreed to cede land, ...": a supposition
    for node in up_to_condition(chain):
        lemma = node.lemma_.lower()
        if lemma in SAYING:
            return False
        if _asked_or_forecast(node) or _counterfactual(node):
            return True
        if lemma in STANCE_VERBS:
            return False
        if lemma in DELIBERATING or (lemma in TOPICS and node.pos_ == "NOUN"):
            return True
    return False


def _asked_or_forecast(node: Token) -> bool:
    """An indirect question ("whether Russia would accept ...") or a forecast ("is likely
    to", "is expected to") on the verb."""
    if any(c.dep_ == "mark" and c.lower_ == "whether" for c in node.children):
        return True
    head = node.head
    if node.dep_ != "xcomp" or head is node:
        return False
    expected = head.lemma_.lower() == "expect" and any(c.dep_ == "auxpass" for c in head.children)
    return expected or head.lemma_.lower() in FORECASTING


def _counterfactual(node: Token) -> bool:
    """A past counterfactual ("the original plan would have required Ukraine to cede",
    "Moscow could have accepted a truce"): what was not the case holds no stance now."""
    aux = {c.lower_ for c in node.children if c.dep_ == "aux"}
    return node.tag_ == "VBN" and "have" in aux and bool(aux & {"would", "could", "might"})
