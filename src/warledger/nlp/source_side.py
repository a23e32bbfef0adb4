"""The side of a source that the text names without one.

News names its sources in full once and briefly after: "Russia's defence ministry said
... the ministry said", "regional governor Ivan Fedorov said ... according to Fedorov".
Local authorities speak for whoever governs their place ("the city's mayor", "the
regional military administration"), and a party's bodies written bare ("the air force
said") speak for the country the report is filed from. Without these the claim of a
party reads as anybody's report, and its status as ``reported`` instead of ``claimed``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from warledger.nlp.language import ENGLISH

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from warledger.nlp.context import DocContext

# Tokens before a source's head that still belong to its title ("head of the
# administration Ivan Fedorov", "the Zaporizhzhia regional military administration").
TITLE_REACH = 6


def unnamed_source_side(source: Span, sentence: Span, ctx: DocContext) -> str | None:
    """The side a source with no side word speaks for, or None when the text does not say.

    A local authority speaks for the party whose place it names or the sentence names; any
    source takes the side of its earlier, fuller mention; an authority or a party's body
    still unplaced speaks for the dateline's party, a local one else for the last party
    place the text named before it. A body of a party never named in full is left
    unknown: the places it reports on may be its enemy's."""
    proxy = _proxy_side(_title(source).text, ctx)
    if proxy is not None:
        return proxy  # "Donetsk People's Republic officials" speak for Russia's side
    own = _sides_within(ctx, source.start_char, source.end_char)
    if own:
        return own[-1]  # "Russian occupation official Vladimir Rogov": his title's side
    words = {w for t in _title(source) for w in (t.lower_, t.lemma_.lower())}
    local = bool(words & ENGLISH.local_authorities)
    body = local or bool(words & ENGLISH.state_bodies)
    if local:
        side = _place_side(ctx, source.start_char, source.end_char) or _place_side(
            ctx, sentence.start_char, sentence.end_char
        )
        if side is not None:
            return side
    side = _earlier_mention_side(source, ctx)
    if side is not None or not body:
        return side
    if ctx.dateline_country in ctx.theatre.codes:
        return ctx.dateline_country
    return _last_place_side_before(ctx, sentence.start_char) if local else None


def _title(source: Span) -> Span:
    """The source phrase with the title just before it ("regional governor X", "the head
    of the regional military administration, Oleh Kiper")."""
    start = source.start
    crossed = False
    while start > source.sent.start and source.start - start < TITLE_REACH:
        before = source.doc[start - 1]
        if (
            before.lower_ == ","
            and not crossed
            and start == source.start
            and start - 2 >= source.sent.start
            and source.doc[start - 2].pos_ == "NOUN"
        ):
            crossed, start = True, start - 1  # a title set before the name by a comma
            continue
        if before.is_punct or (before.pos_ in {"VERB", "AUX", "ADP"} and before.lower_ != "of"):
            break  # "... used by the Ukrainian forces," the ministry": not its title
        start -= 1
    return source.doc[start : source.end]


def _proxy_side(text: str, ctx: DocContext) -> str | None:
    """The party an authority speaks for by the theatre's proxy words in its title."""
    lowered = text.lower()
    return next((side for word, side in ctx.theatre.proxy_words.items() if word in lowered), None)


def _sides_within(ctx: DocContext, start: int, end: int) -> list[str]:
    """Sides of the actors named between two offsets, in text order."""
    return [m.actor.side for m in ctx.actors if start <= m.start and m.end <= end and m.actor.side]


def _place_side(ctx: DocContext, start: int, end: int) -> str | None:
    """The party whose country holds the first party place named between two offsets: a
    town or region before a country, which is more often an actor ("Russia attacked the
    Odesa region, ... the head of the regional administration said")."""
    codes = ctx.theatre.codes
    named = [
        p for p in ctx.places if start <= p.start and p.end <= end and p.location.country in codes
    ]
    local = [p for p in named if p.location.precision != "country"]
    return (local or named)[0].location.country if named else None


def _last_place_side_before(ctx: DocContext, offset: int) -> str | None:
    """The party of the last party place named before ``offset`` ("the city's mayor")."""
    codes = ctx.theatre.codes
    before = [p for p in ctx.places if p.end <= offset and p.location.country in codes]
    return max(before, key=lambda p: p.start).location.country if before else None


def _earlier_mention_side(source: Span, ctx: DocContext) -> str | None:
    """The side of the nearest earlier mention of the same source that has one, in an
    earlier sentence: the same surname, or the same head noun with the same compound
    ("the air force"). A mention that spoke then ("the Khortytsia group of forces said")
    is preferred to one that was only named."""
    head = source.root
    compounds = {c.lemma_.lower() for c in head.children if c.dep_ == "compound"}
    earlier = [
        tok
        for tok in reversed(source.doc[: source.sent.start])
        if _same_source(tok, head, compounds)
    ]
    for tok in sorted(earlier, key=lambda t: not _speaks(t)):  # stable: nearest first
        side = _mention_side(tok, ctx)
        if side is not None:
            return side
    return None


def _speaks(tok: Token) -> bool:
    """Is the mention the subject of a reporting verb or the object of "according to"?"""
    if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in ENGLISH.reporting:
        return True
    return (
        tok.dep_ == "pobj"
        and tok.head.lower_ == "to"
        and tok.head.i > 0
        and (tok.doc[tok.head.i - 1].lower_ == "according")
    )


def _same_source(tok: Token, head: Token, compounds: set[str]) -> bool:
    if tok.pos_ not in {"NOUN", "PROPN"}:
        return False
    if head.pos_ == "PROPN" and head.text[:1].isupper() and head.lemma_.lower() not in _BODIES:
        return tok.text == head.text  # a surname: "Fedorov" is Ivan Fedorov
    if tok.lemma_.lower() != head.lemma_.lower():
        return False
    modifiers = {c.lemma_.lower() for c in tok.children if c.dep_ in {"compound", "amod"}}
    return compounds <= modifiers


# Head nouns of a party's or a place's bodies, whether written as names or not.
_BODIES = ENGLISH.local_authorities | ENGLISH.state_bodies


def _mention_side(tok: Token, ctx: DocContext) -> str | None:
    """The side an earlier mention carries: a side word in its phrase (with the title it
    is in apposition to), else, for a local authority, the party place it or its
    sentence names."""
    anchor = tok.head if tok.dep_ == "appos" else tok
    start = max(tok.sent.start, anchor.left_edge.i)
    phrase = tok.doc[start : tok.i + 1]
    a, b = phrase.start_char, phrase.end_char
    sides = [s for s in [_proxy_side(phrase.text, ctx)] if s] or _sides_within(ctx, a, b)
    if sides:
        return sides[-1]
    if {t.lower_ for t in phrase} & ENGLISH.local_authorities:
        return _place_side(ctx, a, b) or _place_side(ctx, tok.sent.start_char, tok.sent.end_char)
    return None
