"""Whether a sanctions word reports a measure taken now: not when it is evaded or lifted,
talked about as a cause or topic, or asked for; a package described as adopted is imposed.
Kept apart from :mod:`kinds` so that each reading stays short."""

from __future__ import annotations

from typing import TYPE_CHECKING

from warledger.nlp import clauses

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


# Verbs over a named measure that make it no new imposition: evading or lifting it.
EVADING = frozenset(
    {
        "violate", "breach", "evade", "circumvent", "bypass", "skirt", "dodge",
        "lift", "ease", "remove", "relax", "suspend", "waive",
    }
)  # fmt: skip


# A sanctions noun under these is a cause or a topic, not a measure taken ("as a result of
# sanctions against Russia", "amid sanctions", "in response to increased sanctions").
_CAUSE_HEADS = frozenset(
    {"result", "response", "consequence", "reaction", "impact", "effect", "because", "due"}
)
_TOPIC_PREPS = frozenset({"amid", "despite", "over", "about", "regarding", "concerning", "under"})


def talked_about(anchor: Token) -> bool:
    """The sanctions word names existing measures or someone's state, not a measure taken
    now: a cause ("as a result of sanctions"), a topic ("amid sanctions"), the subject of a
    judgement ("sanctions on Russia are akin to war"), a description ("a sanctioned
    oligarch") or a standing state ("he is currently sanctioned by the EU")."""
    if anchor.pos_ in {"NOUN", "PROPN"}:
        node = anchor
        # up through the noun phrase: "about the war in Ukraine, ... and the sanctions on X"
        while node.head is not node and node.dep_ in {"conj", "appos", "pobj", "prep"}:
            if node.dep_ == "pobj":
                prep = node.head
                if prep.lower_ in _TOPIC_PREPS:
                    return True
                if prep.lower_ in {"of", "to"} and prep.head.lemma_.lower() in _CAUSE_HEADS:
                    return True
            node = node.head
        return anchor.dep_ == "nsubj" and anchor.head.lemma_ == "be"
    if anchor.dep_ == "amod":
        return True  # "a sanctioned Russian ship"
    if anchor.tag_ == "VBN":
        aux = [c for c in anchor.children if c.dep_ in {"auxpass", "aux"}]
        if aux and all(a.tag_ in {"VBZ", "VBP"} and a.lemma_ == "be" for a in aux):
            return True  # "is sanctioned by the EU": a standing state, not an act
    return False


# Verbs of asking: the measure under them is what a party wants (a stance), not one taken.
ASKING = frozenset({"call", "urge", "demand", "ask", "press", "seek", "want", "push", "appeal"})


def demanded(anchor: Token) -> bool:
    """The sanctions word is what someone calls or presses for ("called for tougher
    sanctions", "urged allies to impose new sanctions"), up to the clause's own verb."""
    for node in clauses.clause_chain(anchor)[:6]:
        if node.lemma_.lower() in ASKING and node.pos_ == "VERB":
            return True
    return False


_ADOPTED = frozenset({"agree", "adopt", "approve", "impose", "pass", "finalize", "finalise"})


def package_adopted(sent: SpacySpan, end: int) -> bool:
    """The package the match ends on is described as adopted ("the package, agreed in
    Brussels on Wednesday, targets ..."): imposed, not only proposed."""
    last = [t for t in sent if t.idx < end]
    if not last or last[-1].lemma_.lower() != "package":
        return False
    package = last[-1]
    if package.dep_ in {"nsubj", "nsubjpass"} and package.head.lemma_.lower() in _ADOPTED:
        return True  # "the package was adopted", or a participle parsed as the verb
    return any(c.dep_ == "acl" and c.lemma_.lower() in _ADOPTED for c in package.children)
