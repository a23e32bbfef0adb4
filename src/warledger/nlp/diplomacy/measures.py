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


# Nouns of a measure put to a vote or a decision: what "would" be done is told in them.
MEASURE_NOUNS = frozenset(
    {"bill", "law", "legislation", "proposal", "resolution", "draft", "amendment", "plan"}
)
# Verbs over such a noun that stop it ("the Senate rejected a bill that would ...").
STOPPING = frozenset(
    {"reject", "block", "veto", "defeat", "kill", "sink", "torpedo", "stall", "fail"}
)
# Verbs that carry it a step, short of law ("the Senate passed a bill that would ...").
ADVANCING = frozenset({"pass", "approve", "adopt", "back", "endorse", "advance"})
# Verbs that make it law ("signs into law a bill that would provide $40 billion").
ENACTING = frozenset({"sign", "enact"})


def measure_outcome(anchor: Token) -> str | None:
    """What became of the bill or proposal whose content the act under "would" or "to"
    is ("a bill that would sanction the pipeline", "a proposal to ban imports of LNG"):
    ``stopped`` (rejected, blocked, failed, did not pass), ``advanced`` (passed by a
    chamber), ``enacted`` (signed into law), or None when the text says nothing of it,
    and the act stays a possibility."""
    verb = anchor if anchor.pos_ in {"VERB", "AUX"} else anchor.head
    if verb.dep_ not in {"relcl", "acl"} or verb.head.lemma_.lower() not in MEASURE_NOUNS:
        return None
    noun = verb.head
    node = noun
    while node.dep_ in {"conj", "appos"} and node.head is not node:
        node = node.head
    if node.dep_ not in {"dobj", "nsubj", "nsubjpass", "pobj"}:
        return None
    governor = node.head.head if node.dep_ == "pobj" else node.head
    chain = [governor]
    while chain[-1].dep_ in {"xcomp", "conj"} and len(chain) < 3:  # "failed to advance"
        chain.append(chain[-1].head)
    lemmas = [v.lemma_.lower() for v in chain]
    negated = any(c.dep_ == "neg" for v in chain for c in v.children)
    if any(lemma in STOPPING for lemma in lemmas) or (negated and lemmas[0] in ADVANCING):
        return "stopped"
    if negated:
        return None
    if lemmas[0] in ENACTING:
        return "enacted"
    if lemmas[0] in ADVANCING:
        return "advanced"
    return None
