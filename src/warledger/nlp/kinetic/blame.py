"""Who is blamed for an attack, and by whom: "Ukraine blamed Russia for the attack",
"the strike, which Kyiv blamed on Moscow", "Russia accused Ukraine of shelling X".

A blame names the attacker as its object (or after "on") and the claimant as its subject:
the attack is that party's claim about its enemy, whatever side word stands nearest the
attack word.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from warledger.nlp.kinetic.arguments import side_of

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from warledger.nlp.context import DocContext

BLAME_LEMMAS = frozenset({"blame", "accuse"})


@dataclass(frozen=True)
class Blame:
    """Who blames whom; ``spans`` are the characters naming them (no place of the attack)."""

    accuser: str
    accused: str
    spans: tuple[tuple[int, int], ...]

    def names(self, start: int) -> bool:
        return any(lo <= start < hi for lo, hi in self.spans)


def blamed(sent: SpacySpan, ctx: DocContext) -> Blame | None:
    """The blame in the sentence between the theatre's parties, or None."""
    for verb in sent:
        if verb.lemma_.lower() not in BLAME_LEMMAS or verb.pos_ != "VERB":
            continue
        accusers, accused = _children(verb, {"nsubj"}), _accused(verb)
        accuser, target = _side(accusers, ctx), _side(accused, ctx)
        if accuser and target and accuser != target:
            # the names up to their head noun: "management at the plant" names no place
            spans = tuple((t.left_edge.idx, t.idx + len(t)) for t in accusers + accused)
            return Blame(accuser, target, spans)
    return None


def _children(verb: Token, deps: set[str]) -> list[Token]:
    return [c for c in verb.children if c.dep_ in deps]


def _accused(verb: Token) -> list[Token]:
    """ "blamed Russia for", "accused Ukraine of": the object; "blamed it on Russia": the
    object of "on"."""
    on = [g for c in _children(verb, {"prep"}) if c.lower_ == "on" for g in c.children
          if g.dep_ == "pobj"]  # fmt: skip
    objects = [c for c in _children(verb, {"dobj"}) if c.tag_ not in {"WDT", "PRP"}]
    if verb.lemma_.lower() == "accuse":
        return objects  # "accused Ukraine of a strike on Tuesday": "on" gives the day
    return on or objects


def _side(tokens: list[Token], ctx: DocContext) -> str | None:
    for token in tokens:
        side = side_of(token.subtree, ctx)
        if side:
            return side
    return None


# Words that make an accusation one of breaking a truce (a ceasefire event, not a strike).
TRUCE_WORDS = frozenset({"ceasefire", "truce", "violation", "violate", "breach", "moratorium"})


def accused_of(token: Token, head: Token) -> bool:
    """"Afghanistan accused Pakistan of an air strike on Kabul": the attack itself, claimed
    by the accuser, unless the accusation is of breaking a truce."""
    if head.lemma_.lower() != "accuse" or token.dep_ != "pobj" or token.head.lower_ != "of":
        return False
    if token.head.head != head:
        return False
    return not any(t.lemma_.lower() in TRUCE_WORDS for t in token.sent)
