"""Who acted, when it is a country outside the theatre: "Israeli airstrikes", "U.S.
warplanes struck", "Myanmar's military carried out an air strike".

The theatre's readers name sides by its parties (``arguments.acting_side``); another war's
attacker would be left unknown. The same roles name it: the trigger's subject, its own
modifiers, its passive agent, or the subject of the verb it is the object of.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from warledger.types import Actor

if TYPE_CHECKING:
    from spacy.tokens import Token

    from warledger.nlp.context import DocContext


# Actor types that act for their country ("Israeli airstrikes", "Myanmar's military");
# an armed group (the RSF, al-Shabaab) is no side of the country it fights in.
STATE_TYPES = frozenset({"state", "military", "government"})


def foreign_actor(token: Token, ctx: DocContext) -> Actor | None:
    """The country outside the theatre named as the doer of the trigger, or None."""
    doers = [c for c in token.children if c.dep_ in {"nsubj", "amod", "poss", "compound"}]
    doers += [g for c in token.children if c.dep_ == "agent" for g in c.children]
    if token.dep_ == "dobj":  # "Myanmar's military carried out an air strike"
        doers += [c for c in token.head.children if c.dep_ == "nsubj"]
    for doer in doers:
        words = list(doer.subtree)
        lo, hi = words[0].idx, words[-1].idx + len(words[-1])
        for mention in ctx.actors:
            side = mention.actor.side
            if lo <= mention.start and mention.end <= hi and side and len(side) == 2:
                if side in ctx.theatre.codes or mention.actor.type not in STATE_TYPES:
                    return None  # the theatre's parties, or an armed group: no state acted
                return Actor(name=mention.actor.name, side=side, type="state")
    return None
