"""One reading per diplomacy kind: from a trigger match to the events it reports.

Each function takes the match, its anchor word and a fresh event, fills the kind's fields
(parties, venue, plan, measure, recipient) from the sentence, and returns the events the
match reports: none when the text does not support one, two when it names two.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from warledger.nlp import clauses
from warledger.nlp.diplomacy import (
    arguments,
    fields,
    measures,
    meetings,
    parties,
    recipients,
    topics,
)
from warledger.nlp.diplomacy.lexicon import load
from warledger.nlp.numbers import word_value
from warledger.types import Actor, Count, Event

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from warledger.nlp.context import ActorMention, DocContext


GENERIC_TALKS = re.compile(
    r"\b(?:any|future|potential|possible|such|these|those|meaningful)\s+(?:[\w-]+\s+)?$", re.I
)


BASE_CONFIDENCE = 0.6


def party_of(ctx: DocContext, anchor: Token) -> Actor | None:
    found = arguments.governing_party(ctx, anchor)
    return arguments.copy_actor(found.actor) if found else None


def _actor_near(ctx: DocContext, start: int, end: int, before: int = 25) -> Actor | None:
    """An actor named inside the match or just before it ("a U.S. proposal for")."""
    found = arguments.mentions_in(ctx, max(0, start - before), end)
    return arguments.copy_actor(found[-1].actor) if found else None


def _first_other_after(
    ctx: DocContext, sent: SpacySpan, after: int, not_side: str | None
) -> Actor | None:
    for m in arguments.mentions_in(ctx, after, sent.end_char):
        if m.actor.side and m.actor.side != not_side:
            return arguments.copy_actor(m.actor)
    return None


_DEFINITE = re.compile(r"\b(?:the|that|this)\b", re.I)


def _ceasefire(ctx, sent, trigger, m, anchor, event, earlier) -> list[Event]:
    start = sent.start_char + m.start()
    text = ctx.text
    cf = trigger_cf_span(m, sent, ctx)
    win = fields.window(text, cf[0], cf[1], before=50, after=40)
    win = win if win else m.group(0)
    event.scope = fields.scope_of(win)
    if trigger.subtype in load(ctx.theatre).own_duration:
        event.duration = fields.duration_of(fields.window(text, cf[0], cf[1], 30, 10))
    if trigger.subtype == "violation_alleged":
        event.counts.update(_violation_count(ctx.text[sent.start_char : sent.end_char]))
        return _violations(ctx, sent, trigger, anchor, event)
    if trigger.subtype == "accepted" and _HEDGED_ACCEPTANCE.search(ctx.text[start : sent.end_char]):
        # "supports the truce in principle, but details must be worked out": a response
        # to a proposal that neither accepts nor rejects it; the subtype stays unknown.
        event.subtype = None
    if trigger.subtype == "proposed":
        lead = ctx.text[max(sent.start_char, start - 20) : start + len(m.group(0))]
        if _DEFINITE.search(lead) and any(
            e.kind == "ceasefire" and e.subtype == "proposed" for e in earlier
        ):
            return []  # "the U.S. ceasefire proposal": the proposal already read
        event.actor = _actor_near(ctx, start, cf[0]) or party_of(ctx, anchor)
    else:
        event.actor = party_of(ctx, anchor)
    partial = event.scope and not set(event.scope) & {"full", "sea", "air"}
    if trigger.subtype == "proposed" and partial and "proposal" in m.group(0).lower():
        # A proposal to stop only some attacks is a moratorium: the schema files it
        # under proposals, not ceasefires.
        event.kind, event.subtype = "proposal", "put_forward"
    return [event]


_HEDGED_ACCEPTANCE = re.compile(
    r"\bin principle\b|\bon condition\b|\bprovided (?:that )?\b|\bbut\b[^.;]{0,80}\b"
    r"(?:details|conditions|questions|issues|nuances)\b[^.;]{0,40}\b(?:need|needs|must|have|has)\b",
    re.IGNORECASE,
)


_TIMES = re.compile(r"\b(\d[\d,]*|[a-z]+(?:[- ][a-z]+)?) times\b", re.IGNORECASE)


_VIOLATIONS_N = re.compile(r"\b(\d[\d,]*) (?:\w+ )?(?:violations|breaches)\b", re.IGNORECASE)


def _violation_count(text: str) -> dict[str, Count]:
    """How many violations an accusation counts: "violated it 14 times", "1,000 violations"."""
    for pattern in (_TIMES, _VIOLATIONS_N):
        m = pattern.search(text)
        if m:
            raw = m.group(1).replace(",", "")
            value = int(raw) if raw.isdigit() else word_value(raw.lower())
            if value:
                return {"violations": Count(value=value)}
    return {}


def trigger_cf_span(m: re.Match[str], sent: SpacySpan, ctx: DocContext) -> tuple[int, int]:
    """Character span of the ceasefire noun inside a match (the match itself if none)."""
    cf = load(ctx.theatre).macros["CF"]
    found = list(cf.finditer(m.group(0)))
    base = sent.start_char + m.start()
    if not found:
        return base, sent.start_char + m.end()
    last = found[-1]
    return base + last.start(), base + last.end()


def _violations(ctx, sent, trigger, anchor, event) -> list[Event]:
    """Accusations: the accuser is the claimant, the accused the target."""
    verb = anchor
    for tok in sent:
        if tok.lemma_.lower() == "accuse":
            verb = tok
            break
    if verb is anchor and anchor.pos_ == "VERB" and not trigger.mutual:
        return _told_violation(ctx, sent, anchor, event)
    accusers: list[ActorMention] = []
    for child in verb.children:
        if child.dep_ in arguments.SUBJECTS:
            s, e = arguments.subtree_span(child)
            accusers = [a for a in arguments.mentions_in(ctx, s, e) if a.actor.side]
    if trigger.mutual:
        sides = arguments.sides_in(accusers)
        out = []
        for accuser in sides:
            for accused in sides:
                if accuser.side != accused.side:
                    e = clone(event)
                    e.claimant = arguments.copy_actor(accuser)
                    e.target = arguments.copy_actor(accused)
                    e.status = "claimed"
                    out.append(e)
        return out or [event]
    accused = None
    for child in verb.children:
        if child.dep_ in {"dobj", "obj"}:
            found = arguments.actor_of_phrase(ctx, child)
            accused = arguments.copy_actor(found.actor) if found else None
    if accusers:
        event.claimant = arguments.copy_actor(accusers[0].actor)
        event.status = "claimed"
    event.target = accused
    return [event]


def _told_violation(ctx, sent, verb, event) -> list[Event]:
    """ "Kyiv said Russian troops had violated the truce 1,120 times": the subject of the
    breaking verb is accused, and whoever tells it accuses."""
    from warledger.nlp.attribution import attribute

    for child in verb.children:
        if child.dep_ in {"nsubj", "agent"}:
            s, e = arguments.subtree_span(child)
            sides = [a for a in arguments.mentions_in(ctx, s, e) if a.actor.side]
            if sides:
                event.target = arguments.copy_actor(sides[0].actor)
    claimant, status = attribute(sent, ctx, trigger=verb, war_fact=True)
    if claimant is not None and event.target and claimant.side == event.target.side:
        claimant = None  # "Russia said its forces had broken the truce": an admission
    if claimant is not None:
        event.claimant, event.status = claimant, status
    return [event]


def clone(event: Event) -> Event:
    return Event(
        kind=event.kind,
        subtype=event.subtype,
        date=event.date,
        scope=list(event.scope),
        negated=event.negated,
        evidence=list(event.evidence),
        confidence=event.confidence,
    )


def _talks(ctx, sent, trigger, m, anchor, event, earlier) -> list[Event]:
    if trigger.officials and not arguments.officials_act(ctx, anchor):
        return []  # "protesters gathered in Odesa" is no meeting of parties
    verbal = anchor.pos_ in {"VERB", "AUX"} and not trigger.officials
    if verbal and event.subtype in {"held", "scheduled"} and not parties.is_meeting(ctx, anchor):
        return []  # "spoke with VOA", "has met with success", "met with his own officials"
    event.locations, venue_spans = fields.venue_places(ctx, sent)
    start, end = sent.start_char + m.start(), sent.start_char + m.end()
    table, mediators = arguments.talks_parties(ctx, anchor, (start, end))
    mentions = [a for a in table if not any(s <= a.start and a.end <= e for s, e in venue_spans)]
    mentions = [a for a in mentions if not _names_a_border(ctx, a)]
    if event.subtype in {"offered", "cancelled", "postponed", "mediation_offered"}:
        event.actor = party_of(ctx, anchor)
    if event.subtype == "offered" and event.actor:
        event.target = _first_other_after(ctx, sent, anchor.idx, event.actor.side)
    if event.subtype == "mediation_offered" and event.actor:
        # "offered to host Ukrainian and Russian negotiators": the host and whom it hosts
        named = arguments.mentions_in(ctx, anchor.idx, sent.end_char)
        named = [a for a in named if not any(s <= a.start and a.end <= e for s, e in venue_spans)]
        hosted = _expand_groups(arguments.sides_in(named), load(ctx.theatre).groups)
        event.participants = [arguments.copy_actor(event.actor, role="mediator")] + [
            p for p in hosted if p.side and p.side != event.actor.side
        ]
        return [event]
    event.participants = _expand_groups(arguments.sides_in(mentions), load(ctx.theatre).groups)
    mediator_sides = {a.side for a in arguments.sides_in(mediators) if a.side}
    event.participants = [p for p in event.participants if p.side not in mediator_sides]
    event.participants += [
        arguments.copy_actor(a, role="mediator") for a in arguments.sides_in(mediators)
    ]
    if event.subtype == "held" and meetings.one_side_at_home(ctx, anchor, event):
        return []  # "Putin met with the head of Roscosmos": a government's own meeting
    if event.subtype in {"held", "scheduled"} and meetings.no_counterpart(ctx, sent, anchor, event):
        return []  # "The President held a meeting on economic issues": no other party
    return [event]


# Nouns a country name can describe as a place: "at the Belarus–Poland border".
BORDER_NOUNS = frozenset({"border", "frontier", "boundary"})


def _names_a_border(ctx: DocContext, mention: ActorMention) -> bool:
    """Is the party named only to say where ("at the Belarus–Poland border")?"""
    span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    root = span.root if span is not None else None
    return (
        root is not None
        and root.dep_ in {"compound", "nmod", "amod"}
        and root.head.lemma_.lower() in BORDER_NOUNS
    )


def _expand_groups(actors: list[Actor], groups: dict[str, tuple[str, ...]]) -> list[Actor]:
    """A grouping at the table ("the G7 gathered") stands for its member states."""
    out: list[Actor] = []
    seen: set[str] = set()
    for actor in actors:
        members = groups.get((actor.name or "").lower()) if actor.side is None else None
        expanded = (
            [Actor(name=None, side=side, type="state") for side in members]
            if members
            else [arguments.copy_actor(actor)]
        )
        for a in expanded:
            key = a.side or (a.name or "").lower()
            if key not in seen:
                seen.add(key)
                out.append(a)
    return out


EVENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "ROOT"})


def talks_noun_is_event(ctx: DocContext, sent: SpacySpan, noun: Token, start: int) -> bool:
    """A talks noun is an event only when it is what the clause is about (its subject or
    object), or says with whom or who held it, and names parties; generic references
    ("any future talks", "these talks", "the question over the London talks") are not."""
    if noun.lower_ == "gathering":  # "gathering Europe's top military powers"
        gathered = [g for c in noun.children if c.lower_ == "of" for g in c.children]
        if any(g.dep_ == "pobj" and parties.is_non_party(ctx, g) for g in gathered):
            return False  # "a gathering of business leaders": no parties at a table
        return any(a.actor.side for a in ctx.actors_in(sent))
    if noun.pos_ not in {"NOUN", "PROPN"} or parties.is_audience(noun):
        return False
    if GENERIC_TALKS.search(ctx.text[sent.start_char : start]):
        return False
    generic = {"these", "those", "any", "such"}
    if any(c.dep_ == "det" and c.lower_ in generic for c in noun.children):
        return False
    if noun.dep_ == "pobj" and noun.head.lower_ in {"about", "regarding", "concerning"}:
        return False  # "informed him about the talks between ...": told of, not held
    central = noun.dep_ in EVENT_DEPS or any(
        c.lower_ in {"with", "between"} or (c.dep_ == "acl" and c.tag_ == "VBN")
        for c in noun.children
    )
    if not central:
        return False
    s, e = arguments.subtree_span(noun)
    return any(a.actor.side or a.actor.name for a in arguments.mentions_in(ctx, s, e))


# Verbs between "refused" and a plan that still make it the plan's rejection.
_REJECTING_VIA = frozenset({"accept", "sign", "endorse", "approve"})


def _rejects_plan(sent: SpacySpan, anchor: Token, end: int) -> bool:
    """ "Refused to accept the plan" rejects it; "refusing to support his tariff plans"
    or "refused to discuss the plan" speaks of another act on it."""
    inside = [t for t in sent if t.idx < end and t.i > anchor.i]
    node = inside[-1] if inside else anchor
    while node.i != anchor.i and node.head.i != node.i:
        node = node.head
        if node.pos_ == "VERB" and node.i != anchor.i and node.lemma_ not in _REJECTING_VIA:
            return False
    return True


def _proposal(ctx, sent, trigger, m, anchor, event, earlier) -> list[Event]:
    start, end = sent.start_char + m.start(), sent.start_char + m.end()
    if not topics.about_the_war(ctx, sent, earlier):
        return []  # "proposed a unique plan to develop the R-7 rocket": another subject
    if trigger.subtype == "rejected" and not _rejects_plan(sent, anchor, end):
        return []
    if anchor.dep_ == "amod" and trigger.subtype != "amended":
        # "violated the signed agreement": an agreement described, not signed now; but
        # "sent a revised version of the framework" tells the amendment by its adjective
        return []
    matched = m.group(0)
    if re.match(r"[A-Z][\w.]+['’]s? ", matched):
        event.actor = _actor_near(ctx, start, start + len(matched.split()[0]), before=0)
    if event.actor is None:
        event.actor = party_of(ctx, anchor)
    plan_opening = load(ctx.theatre).anaphoric_plan.match(ctx.text[sent.start_char : end])
    if event.actor is None and plan_opening:
        prev = arguments.previous_sentence(sent)
        found = arguments.sentence_subject_party(ctx, prev) if prev is not None else None
        event.actor = arguments.copy_actor(found.actor) if found else None
    event.name = fields.name_of(fields.window(ctx.text, start, end, 10, 40))
    after = fields.window(ctx.text, start, end, 0, 80)
    if re.search(r"moratorium|cessation|halt", after, re.I):
        event.scope = [s for s in fields.scope_of(after) if s != "full"]
    return [event]


def _sanction(ctx, sent, trigger, m, anchor, event, earlier) -> list[Event]:
    start = sent.start_char + m.start()
    if trigger.subtype == "imposed" and any(
        n.lemma_.lower() in measures.EVADING for n in clauses.clause_chain(anchor)[:3]
    ):
        return []  # "would violate an arms embargo on X", "lifted sanctions on X"
    if trigger.subtype == "imposed" and measures.talked_about(anchor):
        return []
    if trigger.subtype == "imposed" and measures.demanded(anchor):
        return []  # "called for tougher sanctions on oil buyers": a demand, not a measure
    if trigger.subtype == "proposed" and measures.package_adopted(sent, sent.start_char + m.end()):
        event.subtype = "imposed"  # "the new sanctions package, agreed in Brussels on ..."
    measure = re.search(r"\b(?:ban|embargo)\b", m.group(0), re.I)
    if trigger.per_actor_measure and measure:
        # The measure's owner stands right before it: "the US targeting", "the EU's ban".
        event.actor = _actor_near(ctx, start, start + measure.start(), before=12)
        event.actor = event.actor or party_of(ctx, anchor)
    else:
        event.actor = party_of(ctx, anchor)
    side = event.actor.side if event.actor else None
    event.target = _first_other_after(ctx, sent, start, side)
    if event.target is None and trigger.subtype == "proposed":
        event.target = _subject_object(ctx, anchor, side)
    return [event]


URGING = frozenset({"urge", "warn", "call", "tell", "press", "ask", "threaten", "demand"})


def _subject_object(ctx: DocContext, anchor: Token, not_side: str | None) -> Actor | None:
    """Whom a threat is addressed to: "urged Russia to accept ... or face sanctions"."""
    for node in anchor.ancestors:
        if node.lemma_.lower() not in URGING:
            continue
        for child in node.children:
            if child.dep_ in {"dobj", "obj"}:
                found = arguments.actor_of_phrase(ctx, child)
                if found and found.actor.side and found.actor.side != not_side:
                    return arguments.copy_actor(found.actor)
    return None


_ATTACK_PREPS = frozenset({"toward", "towards", "at", "against", "into", "onto"})


# Dependencies that open another clause: an aid word under one is not what is asked for.
_OTHER_CLAUSE = frozenset({"advcl", "ccomp", "relcl", "acl", "csubj"})


def _asked_for(sent: SpacySpan, anchor: Token, end: int) -> bool:
    """The aid word ending the match is what the request verb asks for: not a modifier
    ("intelligence reports"), not one's "own" weapons, not in another clause ("called
    for closing the base, after intelligence reports linked it ...")."""
    inside = [t for t in sent if t.idx < end and t.i >= anchor.i]
    if not inside:
        return True
    aid = inside[-1]
    if aid.dep_ == "compound" or any(t.lower_ == "own" for t in inside):
        return False
    node = aid
    while node.i != anchor.i and node.head.i != node.i:
        if node.dep_ in _OTHER_CLAUSE:
            return False
        node = node.head
    return True


# Verbs of a measured quantity: a noun under them is a statistic, not an act.
_TRENDS = frozenset(
    {"decrease", "decline", "fall", "drop", "rise", "increase", "grow", "shrink", "slow",
     "reach", "total", "amount", "double", "halve", "plunge", "surge"}
)  # fmt: skip


def _support_as_verb(ctx: DocContext, sent: SpacySpan, end: int) -> bool:
    """The match ends on a verb ("to support the war effort"): the aid word of the lexicon
    is a noun ("military support"), so this names no aid, unless what the verb gives is
    aid ("to support Ukraine with long-range weapons")."""
    last = [t for t in sent if t.idx < end]
    if not last or last[-1].pos_ != "VERB":
        return False
    given = " ".join(t.text for t in last[-1].subtree if t.i > last[-1].i)
    return not load(ctx.theatre).macros["AID"].search(given)


def _aid(ctx, sent, trigger, m, anchor, event, earlier) -> list[Event]:
    start = sent.start_char + m.start()
    if trigger.subtype == "requested" and not _asked_for(sent, anchor, sent.start_char + m.end()):
        return []
    if anchor.pos_ == "NOUN" and anchor.dep_ == "nsubj" and anchor.head.lemma_ in _TRENDS:
        return []  # "pledges of aid to Ukraine have decreased": a statistic, no pledge
    if _support_as_verb(ctx, sent, sent.start_char + m.end()):
        return []  # "asked the President to support this proposal": backing, not aid
    if trigger.subtype == "delivered":
        if any(c.dep_ == "prep" and c.lower_ in _ATTACK_PREPS for c in anchor.children):
            return []  # "sent 40 missiles toward Kyiv" is an attack, not aid
        if arguments.subject_is_not_party(ctx, anchor):
            return []  # "the company shipped ..." is commerce
    receiver = _receiving_verb(anchor)
    if receiver is not None and trigger.subtype != "requested":
        # "Ukraine has received NASAMS from the United States", "receives the first
        # shipment of jets from France": the subject is the recipient, the party after
        # "from" the giver.
        recipient = party_of(ctx, receiver)
        event.actor = _giver_after_from(ctx, receiver, recipient.side if recipient else None)
        event.target = recipient
        if event.target is None:
            return []  # aid needs a recipient party
        return [event]
    event.actor = _giver_after_from(ctx, anchor, None) if anchor.pos_ == "NOUN" else None
    event.actor = event.actor or party_of(ctx, anchor)  # "transfers of shells from X to Y"
    side = event.actor.side if event.actor else None
    if trigger.subtype != "requested":
        event.target = recipients.recipient_of(ctx, sent, start, side)
        if trigger.subtype == "delivered" and event.target is None:
            return []  # aid needs a recipient party
        if not recipients.between_parties(ctx, event.actor, event.target):
            return []  # "allocate additional funding", "Ukraine sent 300 drones to Russia"
    return [event]


RECEIVING = frozenset({"receive", "obtain", "get", "acquire"})


def _receiving_verb(anchor: Token) -> Token | None:
    """The verb of receiving the aid word hangs on ("received shipments of missiles"), or
    the anchor itself when it is one."""
    for node in (anchor, *list(anchor.ancestors)[:2]):
        if node.pos_ in {"VERB", "AUX"} and node.lemma_.lower() in RECEIVING:
            return node
    return None


def _giver_after_from(ctx: DocContext, anchor: Token, not_side: str | None) -> Actor | None:
    """The party named after "from" in the receiving verb's phrase: who gave."""
    for tok in anchor.subtree:
        if tok.lower_ != "from" or tok.i < anchor.i:
            continue
        start, end = arguments.subtree_span(tok)
        for mention in arguments.mentions_in(ctx, start, end):
            if mention.actor.side and mention.actor.side != not_side:
                return arguments.copy_actor(mention.actor)
    return None


KIND_READERS = {
    "ceasefire": _ceasefire,
    "talks": _talks,
    "proposal": _proposal,
    "sanction": _sanction,
    "aid": _aid,
}
