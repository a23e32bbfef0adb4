"""Reading one sentence into kinetic events: which trigger decides, and the places it lists."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from warledger.nlp import attribution, clauses
from warledger.nlp.kinetic.arguments import (
    acting_side,
    agentless_passive,
    civilian_of,
    confidence_of,
    date_of,
    downed_platform,
    hits_ground_system,
    pronoun_subject,
    side_actor,
    taken_or_retaken,
    target_of,
    weapon_of,
)
from warledger.nlp.kinetic.blame import blamed
from warledger.nlp.kinetic.counts import counts_by_weapon, counts_in, mostly_interceptions
from warledger.nlp.kinetic.facts import SentenceFacts
from warledger.nlp.kinetic.foreign import foreign_actor
from warledger.nlp.kinetic.ground import is_ground_attack, repelled_side
from warledger.nlp.kinetic.places import place_groups, places_of, usable_places
from warledger.nlp.kinetic.targets import target_kinds_of
from warledger.nlp.kinetic.tense import running_since
from warledger.nlp.kinetic.totals import is_casualty_total, is_regional_toll
from warledger.nlp.kinetic.triggers import (
    choose,
    is_armed,
    kind_of,
    live_triggers,
    names_what_was_hit,
    object_is_target,
)
from warledger.nlp.kinetic.victims import (
    TROOP_LOSSES,
    casualty_report,
    is_total_without_trigger,
    lists_victims,
    troop_losses,
    victim_list,
)
from warledger.nlp.lexicon import Hit, kinetic_lexicon
from warledger.nlp.scope import armed_foreign_sides
from warledger.types import Actor, Event, Span, When

if TYPE_CHECKING:
    from warledger.nlp.context import DocContext, PlaceMention


# Summaries over a year or compared with another period are statistics, not occurrences.
AGGREGATE = re.compile(r"\bthan any other\b|\bcompared (?:with|to)\b", re.IGNORECASE)


# Count keys of harm done to people ("killed 419 civilians").
TOLL_KEYS = frozenset({"killed", "injured"})


YEAR_ONLY = re.compile(r"\b(?:in|during|throughout|since) (?:19|20)\d\d\b", re.IGNORECASE)


def read_sentence(
    facts: SentenceFacts, ctx: DocContext, last_side: str | None, last_when: When | None
) -> list[Event]:
    sent = facts.sent
    if clauses.is_question(sent) or clauses.is_habitual(sent.text):
        return []
    if AGGREGATE.search(sent.text):
        return []
    losses = TROOP_LOSSES.search(sent.text)
    if losses:
        return [troop_losses(facts, ctx, losses)]
    if facts.places and lists_victims(facts):
        return victim_list(facts, ctx, last_side, last_when)
    # a toll or a tally of gains counted since long ago is a total the news reports
    tolls = any(w.entry["key"] in TOLL_KEYS for w in facts.count_words)
    triggers = [
        h
        for h in live_triggers(facts, ctx)
        if is_armed(h, facts, ctx, last_side)
        and not clauses.is_history(sent[h.start], sent, ctx.published)
        and not running_since(
            sent[h.start],
            ctx.published,
            tally=tolls or kind_of(h, facts) == "territorial_change",
        )
    ]
    if not triggers:
        if not live_triggers(facts, ctx) and is_total_without_trigger(facts, ctx, last_side):
            return [casualty_report(facts, ctx)]
        return []
    ranks = kinetic_lexicon(ctx.theatre).ranks
    kind_hit = choose(triggers, facts, ranks)
    if facts.sent[kind_hit.start].tag_ == "NNS" and YEAR_ONLY.search(sent.text):
        return []  # "504 attacks in 2024": a yearly statistic
    events = _trigger_events(kind_hit, facts, ctx)
    rest = [h for h in triggers if kind_of(h, facts) != kind_of(kind_hit, facts)]
    while not events and rest:
        # The deciding word's kind reported nothing ("launched 805 drones at Ukraine, the
        # biggest aerial assault of the war": an assault with no place of its own), so a
        # word of the next kind in rank order tells the sentence's event.
        kind_hit = choose(rest, facts, ranks)
        rest = [h for h in rest if kind_of(h, facts) != kind_of(kind_hit, facts)]
        events = _trigger_events(kind_hit, facts, ctx)
    covered = {loc.name for e in events for loc in e.locations}
    for other in triggers:
        same = kind_of(other, facts) == kind_of(kind_hit, facts) and (
            other.entry.get("subtype") == kind_hit.entry.get("subtype")
        )
        if other is kind_hit or same:
            continue
        if kind_of(other, facts) == "strike":
            continue  # a strike word beside a ground or territorial one is part of it
        places = [
            p for p in places_of(facts.sent[other.start], facts) if p.location.name not in covered
        ]
        if places:
            extra = events_for(other, facts, ctx, places)
            covered |= {loc.name for e in extra for loc in e.locations}
            events.extend(extra)
    return events


def _trigger_events(hit: Hit, facts: SentenceFacts, ctx: DocContext) -> list[Event]:
    """The events one trigger reports, at the places its own phrase names, else the
    sentence's (a territorial change names its place in its own phrase)."""
    token = facts.sent[hit.start]
    left = _left(hit, facts, ctx)
    places = left + [p for p in places_of(token, facts) if p.start not in {q.start for q in left}]
    entry = hit.entry
    if not places and (
        entry["kind"] != "territorial_change" or entry.get("whole_sentence_places")
    ):
        places = facts.places
    return events_for(hit, facts, ctx, places)


def _left(hit: Hit, facts: SentenceFacts, ctx: DocContext) -> list[PlaceMention]:
    """The place a withdrawal leaves or an advance heads for ("withdrew from Avdiivka",
    "pulled out of the town of X", "pressing toward Kostiantynivka"): the object of the
    trigger's own last word, which a route reading would take for an end of a movement."""
    last = facts.sent[hit.end - 1]
    if hit.end - hit.start < 2 or last.lower_ not in {"from", "of", "toward", "towards"}:
        return []
    objects = [c for c in last.children if c.dep_ == "pobj"]
    objects += [  # "the town of X"
        g for o in objects for p in o.children if p.lower_ == "of" for g in p.children
    ]
    objects += [c for o in objects for c in o.conjuncts]
    starts = {o.idx for o in objects} | {t.idx for o in objects for t in o.lefts}
    found = [
        p
        for p in ctx.places_in(facts.sent)
        if any(p.start <= o < p.end for o in starts)
        or any(o.idx <= p.start < o.idx + len(o.text) for o in objects)
    ]
    return usable_places(found, ctx.text)


# What a battle on the ground is counted in: its dead and wounded and how many assaults
# ("repelled 14 attacks"); launches and interceptions belong to strikes only.
GROUND_COUNT_KEYS = frozenset({"killed", "injured", "attacks"})


def own_counts(kind: str, counts: dict) -> dict:
    """The sentence's counts that the event of ``kind`` keeps ("insurgents attacked a base,
    killing seven soldiers": the assault's toll)."""
    if kind == "strike":
        return dict(counts)
    if kind == "ground_combat":
        return {k: v for k, v in counts.items() if k in GROUND_COUNT_KEYS}
    if kind == "territorial_change":  # "recaptured 20 settlements": how many places changed
        return {k: v for k, v in counts.items() if k == "settlements"}
    return {}


def names_only_foreign_sides(facts: SentenceFacts, ctx: DocContext) -> bool:
    """"Indian and Pakistani troops exchanged fire": the sentence names two sides or more,
    all outside the theatre, so a battle whose place the gazetteer does not know is
    another war's, logged (and labelled so) rather than dropped. One foreign name is not
    enough ("cartel gunmen ambushed a police patrol in the Mexican state of Guerrero" is a
    crime), and in the theatre a battle still needs its settlement or front."""
    sides = {m.actor.side for m in ctx.actors_in(facts.sent) if m.actor.side}
    return len(sides) >= 2 and not sides & ctx.theatre.codes


def events_for(
    hit: Hit, facts: SentenceFacts, ctx: DocContext, places: list[PlaceMention]
) -> list[Event]:
    """The event one trigger reports, at every place it names (or without a place)."""
    sent = facts.sent
    token = sent[hit.start]
    kind, subtype = hit.entry["kind"], hit.entry.get("subtype")
    if kind == "strike" and (is_casualty_total(facts, kind) or is_regional_toll(token, facts)):
        return [casualty_report(facts, ctx)]  # also "his forces killed 1,000 in the past week"
    if kind == "strike" and hit.entry.get("ground_with_troops") and is_ground_attack(token, facts):
        kind, subtype = "ground_combat", "assault"
    counts = counts_in(facts)
    by_weapon = counts_by_weapon(facts) if kind == "strike" else {}
    if kind == "ground_combat" and not places:
        # "militants ambushed a convoy in western Niger": outside the theatre the world
        # gazetteer knows only large towns, so the country is the place the text gives;
        # in the theatre's own countries a battle needs a settlement or front to be logged.
        # A named part of the front or the country ("an offensive in the Donbas", "fighting
        # in eastern Ukraine") places a battle as a settlement would; the country alone
        # ("fighting in Ukraine") does not.
        places = [
            p
            for p in facts.regions
            if (p.location.precision == "country" and p.location.country not in ctx.theatre.codes)
            or (p.location.precision == "region" and p.location.country in ctx.theatre.codes)
        ]
    if kind != "strike" and not places and not (
        kind == "ground_combat" and (names_only_foreign_sides(facts, ctx) or _foreign(facts, ctx))
    ):
        return []  # a battle fought by foreign armies only is logged where nobody knows
    if kind == "strike" and not places:
        # "struck an oil depot in southern Russia"; "Israeli jets carried out airstrikes in
        # Syria": outside the theatre's countries the country is the place the text gives,
        # as for a battle, when the attack is armed by itself ("airstrikes") or by a weapon
        # ("attacks it had carried out in Iraq" is no raid); "Russia struck Ukraine" still
        # needs a settlement, a count or a target.
        foreign_raid = bool(hit.entry.get("inherent") or facts.weapons)
        places = [
            p
            for p in facts.regions
            if p.location.precision == "region"
            or (
                foreign_raid
                and p.location.precision == "country"
                and p.location.country not in ctx.theatre.codes
            )
        ]
    numbered = counts or by_weapon
    aimed = _aimed_at_areas(facts, ctx) if kind == "strike" and facts.weapons else []
    if (
        kind == "strike"
        and not places
        and not numbered
        and not names_what_was_hit(hit, facts)
        and not aimed  # "fired rockets into northern Israel" is an attack on that area
    ):
        return []
    if kind == "strike" and not places:
        places = facts.regions or aimed  # the country it spread over: "90 drones across Ukraine"
    if kind == "strike" and subtype and not mostly_interceptions(counts, by_weapon):
        subtype = None
    # "destroyed 18 drones" is air defence; "destroyed a HIMARS launcher" strikes the launcher.
    air_defence = (
        hit.entry.get("subtype") == "air_defense_engagement"
        and not hits_ground_system(token)
        and not object_is_target(token, facts)
    )
    actor_side = acting_side(token, facts, ctx, air_defence=air_defence)
    if hit.entry.get("defended"):
        actor_side = repelled_side(token, ctx) or ctx.theatre.opposite(actor_side)
    claimant, status = attribution.attribute(
        sent, ctx, trigger=token, actor_side=actor_side, war_fact=True
    )
    parties = ctx.theatre.codes
    platform = air_defence and downed_platform(token) is not None
    if actor_side is None and pronoun_subject(token) and claimant and claimant.side in parties:
        actor_side = claimant.side  # "the ministry said its forces had taken X"
        if air_defence and not platform:
            actor_side = ctx.theatre.opposite(claimant.side)  # "it shot down": the speaker defended
        claimant, status = attribution.attribute(
            sent, ctx, trigger=token, actor_side=actor_side, war_fact=True
        )
    elif (
        actor_side is None
        and air_defence
        and agentless_passive(token)
        and claimant
        and claimant.side in parties
    ):
        # "the Air Force said 23 missiles were downed": the speaker's side shot them down,
        # so they were the other party's; an aircraft downed was the other party's target.
        actor_side = claimant.side if platform else ctx.theatre.opposite(claimant.side)
    blame = blamed(sent, ctx) if kind == "strike" else None
    if blame is not None:  # "the strike, which Ukraine blamed on Russia": a claim by Ukraine
        actor_side = blame.accused
        claimant, status = attribution.attribute(
            sent, ctx, trigger=token, actor_side=actor_side, war_fact=True
        )
        if claimant is None or claimant.side != blame.accuser:
            claimant, status = side_actor(blame.accuser, ctx.theatre), "claimed"
        places = [p for p in places if not blame.names(p.start)]
    if hit.entry.get("needs_holder") and actor_side is None:
        return []  # "under control" with no side holding the place
    if kind == "territorial_change" and subtype == "withdrawn" and actor_side:
        actor_side = ctx.theatre.opposite(actor_side)  # the side that now holds the place
    negated = clauses.read_clause(token, sent).negated
    when = date_of(sent, ctx)
    events = []
    for group in place_groups(kind, places, counts):
        place = group[0] if group else None
        event_subtype = subtype
        if hit.entry.get("owner_decides") and place is not None:
            event_subtype = taken_or_retaken(actor_side, place, subtype, parties)
        event = Event(
            kind=kind,
            subtype=event_subtype,
            actor=side_actor(actor_side, ctx.theatre)
            or (None if air_defence else foreign_actor(token, ctx)),
            target=target_of(kind, actor_side, place, ctx.theatre),
            locations=[p.location for p in group],
            date=when,
            weapon=weapon_of(facts.weapons) if kind == "strike" else None,
            target_kind=target_kinds_of(facts) if kind == "strike" else [],
            counts=own_counts(kind, counts),
            counts_by_weapon=by_weapon,
            civilian=civilian_of(facts, counts) if kind == "strike" else None,
            claimant=claimant,
            status=status,
            negated=negated,
            evidence=[Span(sent.start_char, sent.end_char, sent.text)],
        )
        event.confidence = confidence_of(event, verbal=token.pos_ in {"VERB", "AUX"})
        if kind == "ground_combat" and subtype == "clash" and actor_side is None:
            event.participants = _foreign_parties(facts, ctx)  # "Thai and Cambodian troops"
        events.append(event)
    return events


def _foreign_parties(facts: SentenceFacts, ctx: DocContext) -> list[Actor]:
    """The sides of a clash outside the theatre, when the sentence names two or more."""
    sides = armed_foreign_sides(ctx, facts.sent.start_char, facts.sent.end_char)
    return [Actor(side=side) for side in sides] if len(sides) > 1 else []


def _foreign(facts: SentenceFacts, ctx: DocContext) -> bool:
    """Does the sentence name armed men of sides none of which is a party of the theatre
    ("Ethiopian troops clashed with Fano militiamen in the Amhara region")?"""
    return bool(armed_foreign_sides(ctx, facts.sent.start_char, facts.sent.end_char))


# Prepositions that aim a weapon at an area: "fired rockets into northern Israel".
AIMED_PREPS = frozenset({"at", "into", "on", "against"})


def _aimed_at_areas(facts: SentenceFacts, ctx: DocContext) -> list[PlaceMention]:
    """The regions and countries of the sentence that are the object of "at", "into",
    "on" or "against" ("fired rockets into northern Israel")."""
    aimed = []
    for place in ctx.places_in(facts.sent):
        if place.location.precision not in {"country", "region"}:
            continue
        span = ctx.doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is not None and span.root.dep_ == "pobj" and span.root.head.lower_ in AIMED_PREPS:
            aimed.append(place)
    return aimed
