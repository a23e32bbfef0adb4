"""Whether held or planned talks are a meeting between parties, or one side's own.

A government meeting its officials ("Putin met with the head of Russian Railways", "The
President held a meeting with permanent members of the Security Council") is no talks
between parties; the talks reader asks these questions before it keeps a meeting.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from warledger.nlp import clauses
from warledger.nlp.diplomacy import arguments

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from warledger.nlp.context import DocContext
    from warledger.types import Event


_COUNTERPART_PREPS = frozenset({"with", "between"})


def no_counterpart(ctx: DocContext, sent: SpacySpan, anchor: Token, event: Event) -> bool:
    """One person meets, and the sentence names nobody of another side to meet: no party
    and no person in the "with" phrase ("with permanent members of the Security Council",
    "with military commanders"), nor anywhere outside the subject when there is none, and
    no venue abroad ("held talks in Washington" implies hosts). Several people in the
    subject ("the two presidents held a summit") meet each other."""
    subjects = [s for node in clauses.clause_chain(anchor)[:3] for s in arguments.subjects_of(node)]
    if not subjects:
        return False
    subject = subjects[0]
    if subject.tag_ in {"NNS", "NNPS"} or subject.conjuncts or subject.lower_ in {"we", "they"}:
        return False
    s_start, s_end = arguments.subtree_span(subject)
    holders = [anchor]
    if anchor.dep_ in {"dobj", "pobj", "nsubj", "nsubjpass"}:
        holders.append(anchor.head)
    counterparts = [
        g
        for h in holders
        for c in h.children
        if c.dep_ == "prep" and c.lower_ in _COUNTERPART_PREPS
        for g in c.children
        if g.dep_ == "pobj"
    ]
    if counterparts and all(local_official(c) for c in counterparts):
        return True  # "will also meet with Sevastopol Governor X": a leader's own official
    own = {m.actor.side for m in arguments.mentions_in(ctx, s_start, s_end) if m.actor.side}
    # "The President held a meeting of the Security Council at the Kremlin": a subject of no
    # named side is at home where the only side named holds its meeting.
    home = own or {p.side for p in event.participants if p.side}
    if len(home) > 1 or any(loc.country and loc.country not in home for loc in event.locations):
        return False  # several sides, or a venue abroad: a host is implied
    if counterparts:
        spans = [arguments.subtree_span(c) for c in counterparts]
    else:
        spans = [(sent.start_char, s_start), (s_end, sent.end_char)]
    for start, end in spans:
        for mention in arguments.mentions_in(ctx, start, end):
            if mention.actor.side and mention.actor.side not in (own if counterparts else home):
                return False
            if mention.actor.type == "person":
                return False
        if any(t.ent_type_ == "PERSON" for t in sent if start <= t.idx < end):
            return False
    return True


# Offices of a country's own towns and regions: their holder is no other party's envoy.
LOCAL_OFFICES = frozenset({"governor", "mayor", "governors", "mayors"})


def local_official(person: Token) -> bool:
    """The one person met holds a local office ("Sevastopol Governor X", "the mayor of
    Kherson"); someone joined to them ("the governor and a US envoy") may not."""
    return not person.conjuncts and any(t.lower_ in LOCAL_OFFICES for t in person.subtree)


def one_side_at_home(ctx: DocContext, anchor: Token, event: Event) -> bool:
    """Held talks whose subject names a party and whose named parties are all of that
    side, with no venue abroad: a government meeting its own people, not talks between
    parties. (A leader who "held talks in Washington" went abroad; "talks with the Polish
    president in Warsaw" name no subject, the visitor is implied; a meeting with someone
    the text does not name as a party, an unknown envoy, is lost — the price of not
    counting cabinet meetings.)"""
    subject = subject_side(ctx, anchor)
    sides = {p.side for p in event.participants if p.side}
    if subject is None or sides != {subject} or _unknown_conjunct(ctx, anchor):
        return False
    return all(loc.country in (None, subject) for loc in event.locations)


def _unknown_conjunct(ctx: DocContext, anchor: Token) -> bool:
    """The subject joins someone of no known side to the party ("Presidents Ahmed
    al-Sharaa and Volodymyr Zelenskyy meet"): two people meet, one the text names without
    a side the registry knows; not a government alone with its own."""
    for node in clauses.clause_chain(anchor)[:3]:
        for subject in arguments.subjects_of(node):
            for person in (subject, *subject.conjuncts):
                start, end = person.left_edge.idx, person.idx + len(person.text)
                if person.conjuncts and not any(
                    m.actor.side for m in arguments.mentions_in(ctx, start, end)
                ):
                    return True
    return False


def subject_side(ctx: DocContext, anchor: Token, outside: Token | None = None) -> str | None:
    """The side of the party named in the subject of the talks word's clause; none when
    that subject holds ``outside`` ("a meeting with Putin was postponed": the meeting)."""
    for node in clauses.clause_chain(anchor)[:3]:
        for subject in arguments.subjects_of(node):
            if outside is not None and outside in subject.subtree:
                return None
            start, end = arguments.subtree_span(subject)
            found = [m for m in arguments.mentions_in(ctx, start, end) if m.actor.side]
            if found:
                return found[0].actor.side
    return None
