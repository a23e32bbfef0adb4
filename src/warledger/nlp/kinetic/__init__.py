"""Kinetic events: strikes, ground combat, territorial changes and casualty totals.

Reading order, per sentence:

1. a cheap lexicon pass (lemma phrases from ``kinetic_triggers.json``) decides whether the
   sentence can carry a kinetic event at all; most sentences stop here;
2. clauses that are questions, hypotheticals, habits/trends, or nouns governed by a
   ceasefire/accusation ("a cessation of strikes") are not events;
3. a trigger gives one event at the places it lists ("struck Kherson, Bilozerka and
   Pavlohrad" is one wave, as docs/annotation.md counts it); a sentence listing victims
   town by town ("...in Petropavlivka; ...in Ivashky") gives one strike per town;
   casualties summed over a period give a ``casualty_report``;
4. a following sentence without a new place that carries counts, "the attack", "the
   drones", or a source ("The Air Force reported that...") continues the open strike: its
   numbers, target kinds and claimant attach to it and its span joins the evidence;
5. an event whose sentence says no date takes the last date said in its paragraph, or in
   the paragraph before when its own opens "The same day" or "Later that evening".

Every field comes from a span of the text; what the text does not say stays empty.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from warledger.nlp import attribution, dates
from warledger.nlp.kinetic.arguments import acting_side, date_of, side_actor
from warledger.nlp.kinetic.continuation import (
    OpenStrike,
    continue_strike,
    continues,
    new_paragraph,
    tells_damage,
    weapon_landing,
)
from warledger.nlp.kinetic.facts import SentenceFacts
from warledger.nlp.kinetic.places import is_locative, off_route, usable_places
from warledger.nlp.kinetic.sentence import read_sentence
from warledger.nlp.kinetic.tolls import split_tolls
from warledger.nlp.lexicon import kinetic_lexicon
from warledger.nlp.places import roles as place_roles
from warledger.nlp.reader import CheapTerms, Reader
from warledger.types import Event, Location, When

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

    from warledger.nlp.context import DocContext
    from warledger.nlp.theatre import Theatre


def extract_kinetic(ctx: DocContext) -> list[Event]:
    """Every kinetic event the document reports, in reading order."""
    events: list[Event] = []
    open_strike: OpenStrike | None = None
    last_side: str | None = None
    last_when: When | None = None
    paragraph_when: When | None = None  # the last date said in this paragraph
    previous_end = 0
    for index, sent in enumerate(ctx.doc.sents):
        if new_paragraph(ctx.text, previous_end, sent.start_char) and not dates.keeps_the_day(
            sent.text
        ):
            paragraph_when = None  # "The same day, ..." keeps it
        previous_end = sent.end_char
        facts = sentence_facts(sent, ctx)
        if not facts.triggers and not facts.count_words:
            said = _day_said(sent, ctx)
            if said is not None:  # "Officials met on Monday. Shelling killed a man.": Monday
                paragraph_when = said
            damage = (
                open_strike
                and open_strike.event.kind == "strike"
                and (tells_damage(facts) or weapon_landing(facts, ctx))  # "rockets landed"
            )
            if open_strike and damage and continues(open_strike, facts, index, ctx):
                continue_strike(open_strike.event, facts, ctx)
                open_strike.sentence_index, open_strike.end_char = index, sent.end_char
            continue  # the cheap pass: nothing kinetic here
        last_side = acting_side(None, facts, ctx) or last_side
        if open_strike and not continues(open_strike, facts, index, ctx):
            open_strike = None
        if open_strike and continues(open_strike, facts, index, ctx):
            continue_strike(open_strike.event, facts, ctx)
            open_strike.sentence_index, open_strike.end_char = index, sent.end_char
            continue
        new = read_sentence(facts, ctx, last_side, last_when)
        new = split_tolls(new, facts, ctx, last_side, sentence_facts)  # "..., while ..."
        own_when = date_of(sent, ctx)
        if own_when.start:
            paragraph_when = own_when
        for event in new:
            if not event.date.start and paragraph_when is not None:
                event.date = replace(paragraph_when)  # "On 5 March, ... . Drones also hit X."
            _attacker_from_context(event, last_side, ctx.theatre)
            events.append(event)
            if event.actor and event.actor.side in ctx.theatre.codes:
                last_side = event.actor.side
            if event.date.start:
                last_when = event.date
        strikes = [e for e in new if e.kind in ("strike", "ground_combat")]
        if len(strikes) == 1:  # the next sentences may tell its toll
            open_strike = OpenStrike(strikes[0], index, sent.end_char)
    for event in events:
        first = event.evidence[0]
        event.attribution = attribution.attribution_of(
            ctx.text[first.start : first.end], event.claimant
        )
    return events


def sentence_facts(sent: SpacySpan, ctx: DocContext) -> SentenceFacts:
    """The lexicon pass over one sentence: triggers, weapons, targets, count words, and
    its usable places (also what the learned detector's events read their fields from)."""
    lexicon = kinetic_lexicon(ctx.theatre)
    lemmas = [t.lemma_.lower() for t in sent]
    facts = SentenceFacts(
        sent=sent,
        lemmas=lemmas,
        triggers=lexicon.triggers.find(lemmas, overlapping=True, gaps=phrase_gaps(sent)),
        weapons=lexicon.weapons.find(lemmas),
        targets=lexicon.target_kinds.find(lemmas),
        count_words=lexicon.counts.find(lemmas),
    )
    if facts.triggers or facts.count_words or facts.targets:
        facts.regions = [
            p
            for p in ctx.places_in(sent)
            if (p.location.precision == "region" or place_roles.nationwide(ctx.text, p))
            and is_locative(p, ctx)
        ]
        facts.places = usable_places(
            [p for p in off_route(ctx.places_in(sent), ctx.text) if is_locative(p, ctx)],
            ctx.text,
        )
    return facts


# Words a trigger phrase steps over: "took full control of", "shot them down".
GAP_WORDS = frozenset({("amod", "ADJ"), ("advmod", "ADV"), ("det", "DET"), ("dobj", "PRON")})


def phrase_gaps(sent: SpacySpan) -> dict[int, list[int]]:
    """Runs of words inside a trigger phrase, by sentence offset: modifiers ("took full
    control"), and a verb's object between the verb and its particle ("pushed Russian
    troops out of X", "drove them back")."""
    ends: dict[int, set[int]] = {}
    base = sent.start
    for tok in sent:
        if (tok.dep_, tok.pos_) in GAP_WORDS:
            ends.setdefault(tok.i - base, set()).add(tok.i - base + 1)
        elif tok.dep_ == "dobj" and tok.head.pos_ == "VERB" and tok.left_edge.i == tok.head.i + 1:
            end = min(tok.right_edge.i + 1, sent.end) - base
            ends.setdefault(tok.left_edge.i - base, set()).add(end)
    for start in sorted(ends, reverse=True):  # "took the full control": one run
        for end in list(ends[start]):
            ends[start] |= ends.get(end, set())
    return {start: sorted(found) for start, found in ends.items()}


def _attacker_from_context(event: Event, recent_side: str | None, theatre: Theatre) -> None:
    """A strike on one party's soil with no attacker named continues the attacks just
    described ("the launch of Russian missiles and drones ... a barrage targeting Kyiv")."""
    if event.kind != "strike" or event.actor is not None or recent_side is None:
        return
    countries = {loc.country for loc in event.locations}
    if countries == {theatre.opposite(recent_side)}:
        event.actor = side_actor(recent_side, theatre)
        event.target = side_actor(theatre.opposite(recent_side), theatre)


def location_names(event: Event) -> list[str]:
    """The event's place names (for document-level merging)."""
    return [loc.name for loc in event.locations]


__all__ = ["Location", "extract_kinetic", "location_names"]


# Kinds this reader produces: those of its trigger lexicon, plus casualty reports.
KINDS = ("strike", "ground_combat", "territorial_change", "casualty_report")


def cheap_terms(theatre: Theatre) -> CheapTerms:
    """A token whose lemma could start a trigger or count phrase of the lexicon, or tell
    damage that a strike just read may have done ("A school was damaged")."""
    lexicon = kinetic_lexicon(theatre)
    return CheapTerms(
        lemmas=frozenset({*lexicon.triggers.by_first, *lexicon.counts.by_first, *DAMAGE_LEMMAS})
    )


# Lemmas of the damage words a continuation reads (continuation.DAMAGE).
DAMAGE_LEMMAS = frozenset({"damage", "destroy", "ruin", "collapse", "ablaze", "burn"})


READER = Reader("kinetic", "events", KINDS, extract_kinetic, cheap_terms)


def _day_said(sent: SpacySpan, ctx: DocContext) -> When | None:
    """The day a sentence with nothing kinetic says ("on Monday"), which the next
    sentences of its paragraph may take; a year or a month alone is no day."""
    when = date_of(sent, ctx)
    return when if when.start and when.precision == "day" else None
