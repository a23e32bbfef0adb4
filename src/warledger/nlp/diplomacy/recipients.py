"""Who aid goes to: the party the text marks as receiving it ("to Ukraine", "for Kyiv",
"provide Ukraine with"), before any other party named after the aid word. A party that only
describes the goods or the channel ("Iranian ammunition", "a NATO-run scheme", "American
weapons") or shares the giving ("The United States and Germany agree to send ...") is not
the recipient."""

from __future__ import annotations

from typing import TYPE_CHECKING

from warledger.nlp.diplomacy import arguments
from warledger.types import Actor

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from warledger.nlp.context import ActorMention, DocContext

# Prepositions that mark who receives: "to Ukraine", "for Kyiv".
RECEIVING_PREPS = frozenset({"to", "for"})
# A party word that describes a noun, not a party at the table: "Iranian ammunition".
DESCRIBING = frozenset({"amod", "compound", "npadvmod", "nmod", "poss"})


def recipient_of(ctx: DocContext, sent: SpacySpan, after: int, giver: str | None) -> Actor | None:
    """The recipient named after offset ``after`` of a giver of side ``giver``."""
    others = [
        m
        for m in arguments.mentions_in(ctx, after, sent.end_char)
        if m.actor.side and m.actor.side != giver
    ]
    marked = [m for m in others if _marked_receiving(_root(ctx, m))]
    if marked:
        return arguments.copy_actor(marked[0].actor)
    capital = capital_after(ctx, sent, after, giver)
    if capital is not None:
        return capital
    plain = [m for m in others if _root(ctx, m).dep_ not in DESCRIBING]
    chosen = plain or others
    return arguments.copy_actor(chosen[0].actor) if chosen else None


def _root(ctx: DocContext, mention: ActorMention) -> Token:
    span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.root if span is not None else ctx.doc[0]


def _marked_receiving(root: Token) -> bool:
    """ "to Ukraine", "for Kyiv", "provide Ukraine with", "give Ukraine": the receiver."""
    if root.dep_ == "pobj" and root.head.lower_ in RECEIVING_PREPS:
        return True
    return root.dep_ == "dative" or (
        root.dep_ == "dobj" and any(c.lower_ == "with" for c in root.head.children)
    )


def capital_after(
    ctx: DocContext, sent: SpacySpan, after: int, not_side: str | None
) -> Actor | None:
    """ "resume security assistance to Kyiv", "weapons for Kyiv": aid for a capital goes to
    its state (the theatre's ``countries.json`` capitals), which the text names only by
    its city."""
    if not_side is None:
        return None  # with no known giver, "sent ... to Kyiv" may as well be an attack
    capitals = (ctx.theatre.data("countries.json") or {}).get("capitals", {})
    by_name = {name: code for code, names in capitals.items() for name in names}
    for place in ctx.places_in(sent):
        before = ctx.text[max(0, place.start - 5) : place.start]
        if place.start < after or not before.endswith((" to ", " for ")):
            continue
        code = by_name.get(place.text)
        if code and code != not_side and code != ctx.theatre.opposite(not_side):
            # what a party sends to its enemy's capital is an attack, not aid
            return Actor(name=ctx.theatre.party_name(code) or place.text, side=code, type="state")
    return None


def between_parties(ctx: DocContext, giver: Actor | None, recipient: Actor | None) -> bool:
    """Aid names a giver or a recipient side ("allocate additional funding" is a budget
    line), and what a party sends its enemy is an attack ("Ukraine sent 300 drones to
    Russia"), never aid."""
    sides = [a.side if a else None for a in (giver, recipient)]
    if not any(sides):
        return False
    # no recipient named is no enemy, whoever gives ("Norway pledged 1.5 billion kroner")
    return not (sides[0] and sides[1] and sides[1] == ctx.theatre.opposite(sides[0]))
