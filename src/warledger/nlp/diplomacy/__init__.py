"""Diplomacy events: ceasefires, talks, proposals, sanctions and aid.

``extract_diplomacy(ctx)`` reads each sentence of a parsed document against the trigger
lexicon (the theatre's ``diplomacy_triggers.json``), keeps the matches whose clause
reports an occurrence (not a wish, a condition or a question; negations are kept and
marked), and fills each event's parties, venue, date, duration, scope and claimant from
the sentence. One sentence gives at most one event per kind, except where the text
itself names two occurrences ("Ukraine accepted a U.S. proposal for a ceasefire": an
acceptance and a proposal; "Kyiv and Moscow accused one another of breaches": two
accusations; "Britain's steel embargo and the EU's gas import ban": two sanctions by two
actors).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from warledger.nlp import clauses
from warledger.nlp.attribution import attribute
from warledger.nlp.cheap import TermPattern, was_parsed
from warledger.nlp.diplomacy import fields
from warledger.nlp.diplomacy.addressee import address_truces
from warledger.nlp.diplomacy.kinds import BASE_CONFIDENCE, KIND_READERS, talks_noun_is_event
from warledger.nlp.diplomacy.lexicon import Lexicon, Trigger, load
from warledger.nlp.diplomacy.measures import measure_outcome
from warledger.nlp.diplomacy.unmet import (
    future_condition,
    not_an_occurrence,
    other_subject,
    told_since,
)
from warledger.nlp.reader import CheapTerms, Reader
from warledger.types import Actor, Event, Span

if TYPE_CHECKING:
    from datetime import date

    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from warledger.nlp.context import DocContext
    from warledger.nlp.theatre import Theatre


__all__ = ["extract_diplomacy"]


def extract_diplomacy(ctx: DocContext) -> list[Event]:
    """Every diplomacy event the document reports, in text order."""
    lexicon = load(ctx.theatre)
    events: list[Event] = []
    for sent in ctx.doc.sents:
        if not was_parsed(sent):
            continue
        text = ctx.text[sent.start_char : sent.end_char]
        if clauses.is_question(sent, text):
            continue
        lowered = text.lower()
        triggers = [t for t in lexicon.triggers if t.may_match(lowered)]
        if not triggers and not lexicon.anaphoric_ceasefire.pattern.search(text):
            continue
        for event in _sentence_events(ctx, sent, lexicon, events, text, triggers):
            same = _same_talks(event, events)
            if same is not None:
                same.evidence.extend(event.evidence)
            else:
                events.append(event)
    address_truces(events, ctx.theatre)
    return events


_DEFINITE_TALKS = re.compile(
    r"\b(?:the|that|this)\s+(?:[\w-]+\s+){0,2}(?:talks|summit|meeting|negotiations)\b", re.I
)


_CALL = re.compile(r"\b(?:tele)?phone\b|\bconversation\b|\bvideo ?(?:call|link|conference)", re.I)


def _same_talks(event: Event, earlier: list[Event]) -> Event | None:
    """The earlier talks event a later mention restates: same venue and parties, or a
    definite reference ("the meeting is still on", "the Jeddah talks") with no
    venue of its own. Its evidence is kept on the first event."""
    if event.kind != "talks":
        return None
    sides = {p.side for p in event.participants if p.side}
    venue = {loc.name for loc in event.locations}
    definite = not venue and _DEFINITE_TALKS.search(event.evidence[0].text)
    for other in reversed(earlier):
        if other.kind != "talks":
            continue
        if definite and _CALL.search(other.evidence[0].text) and not _CALL.search(
            event.evidence[0].text
        ):
            continue  # a leaders' phone call is not "the negotiations" told after it
        if definite and sides <= {p.side for p in other.participants if p.side}:
            # "The trilateral talks ... are timed to coincide with the anniversary of ...":
            # the talks just told, whatever tense or date the later sentence carries
            return other
        if other.subtype != event.subtype:
            continue
        if other.date.start and event.date.start and other.date.start != event.date.start:
            continue
        other_sides = {p.side for p in other.participants if p.side}
        if venue and venue == {loc.name for loc in other.locations}:
            if sides <= other_sides or other_sides <= sides:
                return other
        elif not venue and _DEFINITE_TALKS.search(event.evidence[0].text):
            return other
    return None


def _truce_offered(earlier: list[Event]) -> bool:
    """Is the offer told last in the document (a truce or a plan) a truce proposed or
    declared?"""
    last = next((e for e in reversed(earlier) if e.kind in {"ceasefire", "proposal"}), None)
    return last is not None and last.kind == "ceasefire" and last.subtype in OFFERED_TRUCE


# Subtypes of a truce another party may answer.
OFFERED_TRUCE = frozenset({"proposed", "declared"})


def _sentence_events(
    ctx: DocContext,
    sent: SpacySpan,
    lexicon: Lexicon,
    earlier: list[Event],
    text: str,
    triggers: list[Trigger],
) -> list[Event]:
    """Events of one sentence (``text``) from the ``triggers`` that may match it."""
    chosen: dict[str, list[Event]] = {}
    used: dict[str, list[tuple[int, int, Event]]] = {}
    for trigger in triggers:
        if trigger.requires and not trigger.requires.search(text):
            continue
        if trigger.truce_before and not lexicon.macros["CF"].search(ctx.text, 0, sent.end_char):
            continue  # "violated it twice": no truce told for "it" to be
        if trigger.answers_truce and not _truce_offered(earlier):
            continue  # "turned the idea down": the idea told last is no truce
        taken = chosen.setdefault(trigger.kind, [])
        limit = lexicon.max_per_kind.get(trigger.kind, 1)
        per_actor = trigger.kind in lexicon.per_actor_kinds
        full = len(taken) >= limit or any(e.subtype == trigger.subtype for e in taken)
        if full and not (trigger.per_actor_measure or per_actor):
            continue
        for m in trigger.pattern.finditer(text):
            if len(taken) >= limit and not per_actor:
                break
            made = _read(ctx, sent, lexicon, trigger, m, earlier)
            made = [e for e in made if not _restates(e, m, used.get(trigger.kind, []))]
            for event in made:
                if _duplicate(event, taken, lexicon.per_actor_kinds):
                    continue
                if len(taken) >= limit and not _another_party(event, taken):
                    continue
                taken.append(event)
                used.setdefault(trigger.kind, []).append((m.start(), m.end(), event))
            if made and not trigger.per_actor_measure:
                break
    out = [e for kind_events in chosen.values() for e in kind_events]
    _carry_duration_back(text, earlier, out, lexicon)
    return sorted(out, key=lambda e: e.evidence[0].start)


def unmet_kinds(ctx: DocContext, sent: SpacySpan) -> set[str]:
    """Kinds whose every trigger in the sentence only names the event ("left without
    agreeing on a ceasefire", "no meeting is planned", "last met in Alaska"): the learned
    detector adds none of them there either."""
    lexicon = load(ctx.theatre)
    text = sent.text
    named: set[str] = set()
    told: set[str] = set()
    for trigger in lexicon.triggers:
        if not trigger.may_match(text.lower()):
            continue
        for m in trigger.pattern.finditer(text):
            start = sent.start_char + m.start()
            anchor = clauses.anchor_token(sent, start, sent.start_char + m.end())
            unmet = not trigger.negated and (  # "but no truce" is one
                not_an_occurrence(anchor)
                or _other_talks(sent, m, lexicon)
                or _running_total(trigger, anchor, ctx.published)
                or future_condition(anchor)
            )
            (named if unmet else told).add(trigger.kind)
    return named - told


def names_talks(ctx: DocContext, text: str) -> bool:
    """The sentence has a word of talks: a talks noun ("summit", "phone call"), one of the
    lexicon's talks words ("negotiators", "visits") or a match of a talks trigger ("met
    with", "hosted")."""
    lexicon = load(ctx.theatre)
    if re.search(rf"\b{lexicon.macros['TALKS'].pattern}\b", text, re.IGNORECASE):
        return True
    if lexicon.talks_words.search(text):
        return True
    lowered = text.lower()
    return any(
        t.kind == "talks" and t.may_match(lowered) and t.pattern.search(text)
        for t in lexicon.triggers
    )


def _other_talks(sent: SpacySpan, m: re.Match[str], lexicon: Lexicon) -> bool:
    """The match names talks about another subject ("accession talks", "trade talks")."""
    if not lexicon.other_talks:
        return False
    span = sent.char_span(m.start(), m.end(), alignment_mode="expand")
    return span is not None and other_subject(span, lexicon.macros["TALKS"], lexicon.other_talks)


def _running_total(trigger: Trigger, anchor: Token, published: date | None) -> bool:
    """A present perfect counted "since" a time (:func:`unmet.told_since`); breaches of
    a truce are counted since it began ("has violated it 300 times since Friday"), and
    that count is the news."""
    return trigger.subtype != "violation_alleged" and told_since(anchor, published)


def _restates(event: Event, m: re.Match[str], used: list[tuple[int, int, Event]]) -> bool:
    """A match inside an earlier one ("prolong the truce" in "refused to prolong the
    truce") restates it, unless it names another actor ("accept a U.S. proposal for a
    ceasefire": Ukraine accepts, the U.S. proposed)."""
    for start, end, other in used:
        if start <= m.start() and m.end() <= end:
            same_actor = (event.actor and event.actor.side) == (other.actor and other.actor.side)
            if same_actor:
                return True
    return False


def _duplicate(event: Event, taken: list[Event], per_actor: frozenset[str]) -> bool:
    """Same subtype again in one sentence: only a new accuser, or a new actor of a kind
    acted on per party (``per_actor``: a sanction, a pledge), makes it a second
    occurrence; a second proposal event needs another party ("Turkey proposes a mission;
    Ukraine accepts the proposal")."""

    def side(actor: Actor | None) -> str | None:
        return actor.side if actor else None

    for other in taken:
        if event.kind == "proposal" and side(other.actor) == side(event.actor):
            return True  # "handed over a revised framework": one act, one party
        if other.subtype != event.subtype:
            continue
        if event.subtype == "violation_alleged":
            if side(other.claimant) == side(event.claimant):
                return True
        elif event.kind not in per_actor or side(other.actor) == side(event.actor):
            return True
    return False


def _another_party(event: Event, taken: list[Event]) -> bool:
    """Past a kind's limit, only an act by a party of its own, named and unlike every
    other's, is one more ("the Netherlands will contribute ..., while Norway pledged
    ..."); "announced that Ukraine has received jets" stays one aid event."""
    side = event.actor.side if event.actor else None
    return side is not None and all(side != (e.actor.side if e.actor else None) for e in taken)


# What a measure told as a bill's content becomes when the bill is stopped, passed by a
# chamber or signed into law (:func:`measures.measure_outcome`).
BILL_SUBTYPES = {
    "sanction": {"stopped": "imposed", "advanced": "proposed", "enacted": "imposed"},
    "aid": {"stopped": "pledged", "advanced": "pledged", "enacted": "pledged"},
}


# Verbs over a measure that stop it happening: "ambassadors failed to approve the package",
# "Hungary blocked new sanctions" (a block of what is only proposed keeps it proposed).
THWARTING: dict[str, frozenset[str] | None] = {
    "fail": None,
    "block": frozenset({"imposed", "pledged", "delivered"}),
}


def _denied_noun(sent: SpacySpan, start: int, end: int) -> bool:
    """A word of the matched phrase takes "no" ("announced no ceasefire", "no truce was
    agreed"): the act named did not happen."""
    span = sent.doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(
        c.dep_ == "det" and c.lower_ == "no" for t in span for c in t.children
    )


def thwarted(anchor: Token, subtype: str | None) -> bool:
    """A failing or blocking verb governs the act: it did not happen (negated)."""
    for node in clauses.clause_chain(anchor)[:6]:
        lemma = node.lemma_.lower()
        if node.pos_ == "VERB" and lemma in THWARTING:
            subtypes = THWARTING[lemma]
            return subtypes is None or subtype in subtypes
    return False


def _read(
    ctx: DocContext,
    sent: SpacySpan,
    lexicon: Lexicon,
    trigger: Trigger,
    m: re.Match[str],
    earlier: list[Event],
) -> list[Event]:
    """The event(s) one trigger match makes, or none if its clause is not an occurrence."""
    start, end = sent.start_char + m.start(), sent.start_char + m.end()
    anchor = clauses.anchor_token(sent, start, end)
    clause = clauses.read_clause(anchor, sent, match=m.group(0))
    outcome = measure_outcome(anchor) if trigger.kind in BILL_SUBTYPES else None
    if (clause.hedged and outcome is None) or clauses.is_history(anchor, sent, ctx.published):
        return []  # a possibility, or history told as background ("talks in 2009")
    if clauses.in_gerund_subject(anchor):
        return []  # "Lifting sanctions now would reward aggression": a topic, not an act
    if not trigger.negated and not_an_occurrence(anchor):
        return []  # "ended without agreement on a ceasefire", "no meeting", "last met"
    if _other_talks(sent, m, lexicon):
        return []  # "EU accession talks with Ukraine": talks about another subject
    if _running_total(trigger, anchor, ctx.published):
        return []  # "the EU has adopted 18 packages since 2022": the past summed up
    if future_condition(anchor):
        return []  # "ready to hold a vote after a ceasefire takes effect": may come
    prospective = (trigger.kind, trigger.subtype) in lexicon.prospective
    if (trigger.stops or not prospective) and clause.wish and not trigger.negated and not outcome:
        return []  # a lexicon entry that states an absence ("but no truce") is no wish
    negated = (
        trigger.negated
        or trigger.stops
        or clause.negated
        or _denied_noun(sent, start, end)
        or thwarted(anchor, trigger.subtype)
    )
    subtype = trigger.subtype
    if outcome:  # "the Senate rejected a bill that would sanction ...": what the vote did
        negated = outcome == "stopped"
        subtype = BILL_SUBTYPES[trigger.kind][outcome]
    elif trigger.noun:
        if not talks_noun_is_event(ctx, sent, anchor, start):
            return []
        subtype = "scheduled" if clauses.is_future(anchor, sent) else "held"
    elif trigger.kind == "talks" and subtype == "held" and clause.planned:
        subtype = "scheduled"  # "talks would be held in X next week", "will meet"
    elif trigger.kind == "aid" and subtype == "delivered" and clause.planned:
        subtype = "pledged"  # "the United States will send Ukraine $1 billion in aid"
    event = Event(
        kind=trigger.kind,
        subtype=subtype,
        negated=negated,
        evidence=[Span(sent.start_char, sent.end_char, sent.text)],
        confidence=BASE_CONFIDENCE,
    )
    future = trigger.kind == "talks" and subtype == "scheduled"
    # A statement's own date is the date of a pledge, offer or acceptance; of talks or a
    # delivery it is only the date they were spoken of.
    spoken = (trigger.kind, subtype) not in load(ctx.theatre).not_speech_acts
    event.date = fields.date_of(
        sent, anchor.idx, ctx.published, future=future, anchor=None if spoken else anchor
    )
    reader = KIND_READERS[trigger.kind]
    events = reader(ctx, sent, trigger, m, anchor, event, earlier)
    if trigger.needs_party:
        events = [e for e in events if e.actor is not None and e.actor.side]
    for e in events:
        if e.claimant is None:
            e.claimant, e.status = _claim(ctx, sent, anchor, e)
        if e.claimant is None and e.actor is None and not e.participants:
            e.confidence -= 0.15
    return events


def _claim(
    ctx: DocContext, sent: SpacySpan, anchor: Token, event: Event
) -> tuple[Actor | None, str]:
    """Who says so and how sure. A party announcing its own act (a pledge, an offer, a
    declaration) states the act itself: ``reported``. A party saying it received what
    another did (aid delivered to it) asserts a fact about itself: ``claimed``."""
    claimant, status = attribute(sent, ctx, trigger=anchor)
    if status != "reported" or claimant is None or claimant.side not in ctx.theatre.codes:
        return claimant, status
    lexicon = load(ctx.theatre)
    said = (event.kind, event.subtype or "") not in lexicon.not_speech_acts
    on_itself = event.target is not None and event.target.side == claimant.side
    return claimant, "claimed" if on_itself and not said else status


def _carry_duration_back(
    text: str, earlier: list[Event], current: list[Event], lexicon: Lexicon
) -> None:
    """ "The truce, which was meant to last two days" gives the duration of the
    ceasefire read in an earlier sentence, not of anything new in this one."""
    if not lexicon.anaphoric_ceasefire.pattern.search(text):
        return
    duration = fields.duration_of(text)
    if not duration:
        return
    for event in reversed(earlier):
        if event.kind == "ceasefire" and event.subtype in lexicon.own_duration:
            if event.duration is None:
                event.duration = duration
            return


def cheap_terms(theatre: Theatre) -> CheapTerms:
    """Every trigger pattern and the truce anaphor, with their terms; a sentence opening on
    a plan needs the sentence before it."""
    lexicon = load(theatre)
    return CheapTerms(
        patterns=(
            *(TermPattern(t.pattern, t.literals) for t in lexicon.triggers),
            lexicon.anaphoric_ceasefire,
        ),
        back_references=(lexicon.anaphoric_plan,),
    )


READER = Reader("diplomacy", "events", tuple(KIND_READERS), extract_diplomacy, cheap_terms)
