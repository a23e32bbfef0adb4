"""Is a stance phrase stated, refused, or neither? The words around it decide.

A stance phrase ("a freeze of the front line", "further sanctions", "Ukraine joining
NATO") says nothing of its party's stance by itself: "Kyiv rejected a freeze" and
"Hungary would not back further sanctions" refuse what the phrase names, "Ukraine's NATO
membership is a red line for Russia" declares it unacceptable, while "Russia demands a
freeze" states it. Reading the phrase alone turned each refusal into its opposite, so
the verbs above the phrase (up to the verb of saying, or up to a condition clause, whose
content is a demand whatever the main clause does) are read here:

- a refusing verb ("reject", "rule out", "oppose", "veto", "resist") or a refusing noun
  ("rejection", "refusal") refuses the phrase;
- a negated verb of accepting or backing ("has not agreed to", "would never accept",
  "does not want") refuses it;
- a negated deed or demand ("did not lift any sanctions", "did not call for") states
  nothing: no position;
- a verb or noun of demanding ("demand", "insist", "call for", "proposal") stops the
  walk: what is above it is about the demand, not the phrase;
- "is unacceptable / a red line / a non-starter / out of the question" after the phrase
  refuses it, and "to X" / "for X" after those words names whose refusal it is.

Words inside the matched phrase are not read again: an entry that already spells its
refusal ("never give up ... territory") keeps the stance written beside it.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


class Polarity(Enum):
    STATED = "stated"
    REFUSED = "refused"
    NOTHING = "nothing"


REFUSING = frozenset(
    {"reject", "refuse", "oppose", "resist", "block", "veto", "dismiss", "deny", "exclude",
     "decline", "rebuff", "spurn", "scrap", "refusal", "rejection", "opposition", "objection",
     "drop", "abandon", "renounce", "shelve", "give_up",
     "rule_out",
     "unwilling", "unacceptable", "inadmissible", "forbid", "prohibit", "ban", "bar",
     "criticise", "criticize", "condemn", "denounce", "slam"}
)  # fmt: skip
ACCEPTING = frozenset(
    {"accept", "agree", "support", "back", "allow", "recognise", "recognize", "want", "seek",
     "endorse", "favour", "favor", "tolerate", "permit", "approve", "consider", "countenance",
     "entertain", "welcome", "ready", "willing", "open", "prepared", "offer"}
)  # fmt: skip
DEMANDING = frozenset(
    {"demand", "insist", "call", "urge", "require", "need", "push", "press", "propose", "ask",
     "proposal", "plan", "condition", "precondition", "insistence", "request", "initiative",
     "draft", "memorandum", "framework", "prerequisite", "requirement",
     "force", "compel", "coerce", "pressure"}
)  # fmt: skip
# Demanding by force: denied, it refuses what is forced ("no one can force Ukraine to give up
# its land"), where a denied call only states nothing ("did not call for").
FORCING = frozenset({"force", "compel", "coerce", "pressure"})
STANCE_WORDS = REFUSING | ACCEPTING | DEMANDING
# Verbs of saying close the clause: "Zelensky rejected the claim, saying Kyiv wants X".
SAYING = frozenset({"say", "state", "tell", "write", "add", "stress", "note", "announce"})

# After the phrase: "... is unacceptable to Moscow", "... would be a red line for Russia".
_EVALUATED = re.compile(
    r"^[^.;:!?]{0,60}?\b(?:is|are|was|were|be|remains?|remained)\s+[\"“']?(?:\w+\s+){0,2}?[\"“']?"
    r"(?:unacceptable|inadmissible|a\s+non-?starter|a\s+red\s+line|out\s+of\s+the\s+question"
    r"|off\s+the\s+table|ruled\s+out|an?\s+(?:\w+\s+)?threat\s+to|(?:a\s+)?legitimate\s+targets?"
    r"|not\s+(?:\w+\s+)?realistic|unrealistic|not\s+an\s+option|not\s+on\s+the\s+(?:table|agenda)"
    r"|(?:a\s+)?provocation|provocative|unthinkable|absurd|a\s+recipe\s+for\s+(?:escalation|war))\b",
    re.IGNORECASE,
)


def evaluated_end(after: str) -> int | None:
    """Where the refusing evaluation that follows a phrase ends (offset into ``after``)."""
    m = _EVALUATED.match(after)
    return m.end() if m else None


def _outside(token: Token, start: int, end: int) -> bool:
    return not (start <= token.idx < end)


def _negated(node: Token, start: int, end: int) -> bool:
    """A negation ("not", "never", "n't") on ``node`` that the phrase itself does not hold,
    or on the copula of an adjective ("is not ready for")."""
    holders = [node, *(c for c in node.children if c.dep_ in {"aux", "auxpass"})]
    if node.dep_ in {"acomp", "attr"}:
        holders.append(node.head)
    return any(
        (c.dep_ == "neg" or _no_longer(c) or _nobody(c)) and _outside(c, start, end)
        for h in holders
        for c in h.children
    )


def _nobody(child: Token) -> bool:
    """A subject that denies the verb: "no one can force Ukraine to ...", "nobody will
    recognise ..."."""
    if child.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    if child.lower_ in {"nobody", "noone", "nothing"}:
        return True
    return child.lower_ in {"one", "body", "country", "state"} and any(
        c.dep_ == "det" and c.lower_ == "no" for c in child.children
    )


def _no_longer(child: Token) -> bool:
    """ "no longer", "no more" on a verb: the stance is given up ("Poland is no longer
    willing to support ...", "he no longer opposed new sanctions")."""
    return (
        child.dep_ == "advmod"
        and child.lower_ in {"longer", "more"}
        and any(g.dep_ == "neg" and g.lower_ == "no" for g in child.children)
    )


def _unowned_noun(node: Token) -> bool:
    """A demand noun with no owner ("dismissed calls for a ceasefire"): someone else's
    demand, whose fate the words above it tell."""
    return node.pos_ == "NOUN" and not any(c.dep_ == "poss" for c in node.children)


def refused_modal(node: Token) -> bool:
    """A verb denied with a modal ("would not send", "will never cede"): a refusal."""
    aux = [c for c in node.children if c.dep_ == "aux"]
    return (
        node.pos_ == "VERB"
        and any(c.tag_ == "MD" for c in aux)
        and any(c.dep_ == "neg" for h in (node, *aux) for c in h.children)
    )


def _denied_deed(node: Token) -> Polarity:
    """A deed verb negated: "will not withdraw" refuses, "did not lift" states nothing."""
    modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in node.children)
    return Polarity.REFUSED if modal else Polarity.NOTHING


# Subordinators of time, cause and concession: their clause is no condition.
NOT_CONDITIONS = frozenset(
    {"after", "before", "because", "since", "although", "though", "while", "whereas", "as"}
)


# Subordinators the parser may take for prepositions ("until Kyiv withdraws" parsed as
# "until" + the noun "withdraws"): their object is still a condition.
CONDITION_PREPOSITIONS = frozenset({"until", "till", "unless"})


def conceded(node: Token) -> bool:
    """A concessive clause ("even if Kyiv agreed to cede land, ..."): a supposition that
    states no one's stance and makes nothing a condition."""
    return node.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.i > 0 and c.doc[c.i - 1].lower_ == "even" for c in node.children
    )


def _is_condition(node: Token) -> bool:
    """An adverbial clause of condition ("if", "unless", "only after", "provided", "once")."""
    marks = [c for c in node.children if c.dep_ == "mark"]
    if node.dep_ != "advcl" or not marks:
        return False
    if conceded(node):
        return False  # "even if Kyiv agreed to cede land": a concession, no condition
    # "only after sanctions are lifted", "as long as it is given guarantees"
    # ("only" may hang on the subordinator: "only after"; the clause on "long")
    only = any(c.lower_ in {"only", "long"} for c in (*node.children, *marks[0].children))
    only = only or node.head.lower_ == "long"
    return only or any(m.lower_ not in NOT_CONDITIONS for m in marks)


def _deal_terms(node: Token, negated: bool) -> bool:
    """A demand in a relative clause of what it describes ("any deal that would require it
    to give up land"): the deal's terms, whose fate the words above the deal decide
    ("Kyiv has ruled out any deal that ...")."""
    return node.dep_ == "relcl" and not negated


def lemma_of(node: Token) -> str:
    """The word's lemma, with its particle when it has one ("rule_out", "back_away")."""
    prt = next(
        (c.lower_ for c in node.children
         if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ in {"away", "down", "off"})),
        None,
    )
    lemma = node.lemma_.lower()
    return f"{lemma}_{prt}" if prt else lemma


RETRACTING = frozenset({"drop", "withdraw", "abandon", "back_down", "relent", "lift", "soften"})


def _retracted(anchor: Token) -> bool:
    """Did the party take it back in the same sentence ("had threatened to block the
    renewal but dropped its objection", "then backed down")?"""
    for node in (anchor, *anchor.ancestors):
        if node.lemma_.lower() in SAYING:
            return False
        for child in node.children:
            if (
                child.dep_ == "conj"
                and child.i > anchor.i
                and lemma_of(child) in RETRACTING
                and not _other_matter(child)
            ):
                return True
    return False


def _other_matter(verb: Token) -> bool:
    """Does the retracting verb drop a matter of its own ("demanded that Ukraine pull out
    ... and abandon its plans to join NATO": a second demand), not what came before ("but
    dropped its objection", "then backed down")?"""
    for obj in verb.children:
        if obj.dep_ == "dobj" and obj.pos_ != "PRON":
            return any(c.dep_ in {"acl", "relcl"} for c in obj.children) or (
                obj.lemma_.lower() not in STANCE_WORDS | {"threat", "claim", "veto"}
            )
    return False


def in_condition(anchor: Token) -> bool:
    """Is the phrase inside a condition clause ("if it does not agree to a ceasefire",
    "unless Russia withdraws")? Its content is demanded whatever its negation."""
    return condition_of(anchor) is not None


def _without_clause(node: Token) -> bool:
    """ "without" heading a clause ("without Ukrainian troops leaving Donbas", "without
    first lifting sanctions"), not a thing ("a deal without guarantees")."""
    return (
        node.dep_ == "prep"
        and node.lower_ == "without"
        and any(
            c.dep_ == "pcomp"
            or (c.dep_ == "pobj" and any(g.tag_ == "VBG" and g.dep_ == "acl" for g in c.children))
            for c in node.children
        )
    )


def condition_of(anchor: Token) -> Token | None:
    """The head of the condition clause the phrase is in, if any."""
    node = anchor
    for _ in range(12):
        if node.lemma_.lower() in SAYING or node.head.i == node.i:
            return None
        if _is_condition(node):
            return node
        if node.dep_ == "prep" and node.lower_ in CONDITION_PREPOSITIONS and node is not anchor:
            return node  # "until Kyiv withdraws" with the verb tagged a noun
        if node.lower_ in {"provided", "providing"} and node.dep_ in {"prep", "advcl"}:
            return node  # ", provided that the root causes are eliminated" parsed as "prep"
        if node is not anchor and _without_clause(node):
            return node  # "without Ukrainian troops leaving Donbas we see no way to peace"
        node = node.head
    return None


def read(anchor: Token, sent: SpacySpan, start: int, end: int, acts: frozenset[str]) -> Polarity:
    """The polarity of the phrase matched between character offsets ``start``-``end``
    (``anchor`` is the word it hangs on); ``acts`` are the lemmas of deed verbs."""
    if in_condition(anchor):
        return Polarity.STATED
    if _retracted(anchor):
        return Polarity.NOTHING
    node: Token | None = anchor
    seen = 0
    while node is not None and seen < 10:
        seen += 1
        lemma = lemma_of(node)
        inside = not _outside(node, start, end)
        if not inside:
            if lemma in SAYING and node is not anchor:
                break
            negated = _negated(node, start, end)
            if lemma in REFUSING or node.lower_ == "against":
                return Polarity.STATED if negated else Polarity.REFUSED
            if lemma in ACCEPTING:
                # "is not prepared to offer guarantees": the negation on the readiness
                negated = negated or (
                    node.dep_ == "xcomp"
                    and lemma_of(node.head) in ACCEPTING
                    and _negated(node.head, start, end)
                )
                return Polarity.REFUSED if negated else Polarity.STATED
            if lemma in DEMANDING and not _unowned_noun(node) and not _deal_terms(node, negated):
                if negated:
                    return Polarity.REFUSED if lemma in FORCING else Polarity.NOTHING
                return Polarity.STATED
            if negated and lemma in acts:
                return _denied_deed(node)  # "will not withdraw" refuses, "did not lift" not
            if negated and refused_modal(node):
                return Polarity.REFUSED  # "must not reward aggression by lifting sanctions"
        elif _negated(node, start, end) and node.pos_ in {"VERB", "AUX"}:
            # "Washington did not lift any sanctions": the phrase's own deed denied.
            return _denied_deed(node) if lemma in acts else Polarity.REFUSED
        if node.dep_ == "conj":
            break  # a conjoined verb has its own ("was not against X but opposed Y")
        if node.head.i == node.i:
            break
        node = node.head
    return Polarity.STATED


# Verbs that make a phrase below them a stance; shared by the positions modules.
ASKING = frozenset({"urge", "ask", "press", "call"})
DEMAND_MODALS = frozenset({"must", "should", "ought"})
STANCE_VERBS = frozenset(
    {
        "demand", "insist", "want", "call", "urge", "propose", "support", "reject", "seek",
        "require", "need", "refuse", "accept", "agree", "oppose", "back", "push", "press",
    }
)  # fmt: skip
PLAN_NOUNS = frozenset(
    {"plan", "proposal", "draft", "version", "memorandum", "framework", "document", "text",
     "deal", "agreement", "initiative", "blueprint", "roadmap", "counterproposal"}
)  # fmt: skip


def up_to_condition(chain: list[Token]) -> list[Token]:
    """The chain up to a condition clause ("... as long as it is given guarantees"): what
    the main clause may or may not do above it does not make the condition hypothetical."""
    for n, node in enumerate(chain):
        if node.dep_ == "advcl" and any(c.dep_ == "mark" for c in node.children):
            return chain[: n + 1]
    return chain
