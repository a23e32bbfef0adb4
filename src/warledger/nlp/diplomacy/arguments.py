"""Who did what to whom in a diplomacy sentence, read from actor mentions and the parse.

Shared by the diplomacy events reader and the positions reader: both need "the party
behind this phrase" (the subject of the governing verb, or the owner of the noun:
"Zelenskyy's proposal"), the other parties named around it, and a fallback for
sentences that refer back to a plan named in the previous sentence ("This draft
agreement reportedly includes ...").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from warledger.types import Actor

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from warledger.nlp.context import ActorMention, DocContext

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
OWNERS = frozenset({"poss"})


def mentions_in(ctx: DocContext, start: int, end: int) -> list[ActorMention]:
    """Actor mentions inside the character range, in text order."""
    found = [a for a in ctx.actors if start <= a.start and a.end <= end]
    return sorted(found, key=lambda a: a.start)


def subtree_span(token: Token) -> tuple[int, int]:
    """Character range covered by a token's subtree."""
    left, right = token.left_edge, token.right_edge
    return left.idx, right.idx + len(right.text)


def actor_of_phrase(ctx: DocContext, head: Token) -> ActorMention | None:
    """The first actor named in a noun phrase headed by ``head``, without its clauses."""
    tokens = [head]
    for child in head.children:
        if child.dep_ in {"relcl", "acl", "appos", "advcl", "punct"} and child.i > head.i:
            continue
        tokens.extend(child.subtree)
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    found = [m for m in mentions_in(ctx, start, end) if m.actor.side or m.actor.name]
    if not found:
        return None
    # The mention at the phrase's head wins ("Ukraine's Air Force" is the Air Force).
    for m in found:
        if m.start <= head.idx < m.end:
            return m
    return found[0]


def governing_party(
    ctx: DocContext, token: Token, *, skip_own_subject: bool = False
) -> ActorMention | None:
    """The party behind ``token``: the nearest owner or subject up the dependency tree.

    Walks from ``token`` towards the root and at each step looks for a possessive owner
    ("Russia's refusal") or a subject ("Putin refused"), following conjunctions to the
    verb that carries the subject ("Starmer backed X and proposed Y").
    ``skip_own_subject`` ignores the subject of ``token`` itself: in "Russia demands
    that Ukraine cede territory" the party of "cede" is Russia, not Ukraine.
    """
    node: Token | None = token
    skip_subject = skip_own_subject
    came_by_conj = False
    seen = 0
    while node is not None and seen < 12:
        seen += 1
        # A verb parsed as conjoined to a noun ("backed X's demand ... and proposed Y")
        # must not inherit that noun's owner.
        if not came_by_conj:
            found = _first_actor(ctx, [c for c in node.children if c.dep_ in OWNERS])
            if found:
                return found
        if not skip_subject:
            found = _subject_actor(ctx, node, not_within=token)
            if found:
                return found
        # "X demands that Ukraine cede land and embrace neutrality": the conjoined verb
        # shares the subject we were told to skip.
        skip_subject = skip_subject and node.dep_ == "conj"
        came_by_conj = node.dep_ == "conj"
        if node.head is node:
            break
        node = node.head
    return None


def _first_actor(ctx: DocContext, heads: list[Token]) -> ActorMention | None:
    for head in heads:
        found = actor_of_phrase(ctx, head)
        if found:
            return found
    return None


def _subject_actor(
    ctx: DocContext, verb: Token, not_within: Token | None = None
) -> ActorMention | None:
    """The actor in a verb's subject, its passive agent ("announced by Putin"), or a
    subject the parser hung on an auxiliary ("Putin has ... expressed"). A subject
    that is the phrase we started from is not its own party."""
    holders = [verb, *(c for c in verb.children if c.dep_ in {"aux", "auxpass"})]
    for holder in holders:
        subjects = [
            c
            for c in holder.children
            if c.dep_ in SUBJECTS and (not_within is None or not_within not in c.subtree)
        ]
        found = _first_actor(ctx, subjects)
        if found:
            return found
        for subject in subjects:
            if subject.lower_ in {"he", "she"}:
                return last_person_before(ctx, subject.idx)
    for child in verb.children:
        if child.dep_ == "agent":
            found = _first_actor(ctx, [c for c in child.children if c.dep_ == "pobj"])
            if found:
                return found
    return None


def last_person_before(ctx: DocContext, offset: int) -> ActorMention | None:
    """The person named last before ``offset``: what "he"/"she" refers to in news prose."""
    people = [a for a in ctx.actors if a.end <= offset and a.actor.type == "person"]
    return max(people, key=lambda a: a.start) if people else None


def sentence_subject_party(ctx: DocContext, sent: Span) -> ActorMention | None:
    """The actor in the subject of a sentence's root verb ("Leaks from the Trump
    administration suggest ..." → the Trump administration)."""
    for child in sent.root.children:
        if child.dep_ in SUBJECTS:
            start, end = subtree_span(child)
            found = [m for m in mentions_in(ctx, start, end) if m.actor.side]
            if found:
                return found[0]
    return None


def previous_sentence(sent: Span) -> Span | None:
    """The sentence just before ``sent``, if any."""
    if sent.start == 0:
        return None
    return sent.doc[sent.start - 1].sent


def sides_in(mentions: list[ActorMention]) -> list[Actor]:
    """One actor per side (or per name when the side is unknown), first mention wins."""
    seen: set[str] = set()
    out: list[Actor] = []
    for m in mentions:
        key = m.actor.side or (m.actor.name or "").lower()
        if not key or key in seen:
            continue
        seen.add(key)
        out.append(m.actor)
    return out


def copy_actor(actor: Actor, role: str | None = None) -> Actor:
    """A fresh Actor (events must not share mutable actors)."""
    return Actor(name=actor.name, side=actor.side, type=actor.type, role=role or actor.role)


def main_subject_before(ctx: DocContext, sent: Span, offset: int) -> ActorMention | None:
    """The first actor that is a clause subject before ``offset``: the sentence's main
    speaker or agent when the parse links nothing closer ("Starmer backed X and
    proposed, with France, the formation of Y")."""
    for tok in sent:
        if tok.idx >= offset:
            break
        if tok.dep_ in SUBJECTS:
            found = actor_of_phrase(ctx, tok)
            if found and found.actor.side:
                return found
    return None
