"""Kinetic events: strikes, ground combat, territorial changes and casualty totals.

Reading order, per sentence:

1. a cheap lexicon pass (lemma phrases from ``kinetic_triggers.json``) decides whether the
   sentence can carry a kinetic event at all; most sentences stop here;
2. clauses that are questions, hypotheticals, habits/trends, or nouns governed by a
   ceasefire/accusation ("a cessation of strikes") are not events;
3. a trigger with a place gives one event per place ("one attack wave on one place");
   a sentence listing victims town by town ("...in Petropavlivka; ...in Ivashky") gives one
   strike per town; casualties summed over a period give a ``casualty_report``;
4. a following sentence without a new place that carries counts, "the attack", "the
   drones", or a source ("The Air Force reported that...") continues the open strike: its
   numbers, target kinds and claimant attach to it and its span joins the evidence.

Every field comes from a span of the text; what the text does not say stays empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING

from warledger.nlp import attribution, dates, numbers
from warledger.nlp.language import ENGLISH
from warledger.nlp.lexicon import Hit, kinetic_lexicon
from warledger.nlp.places import roles as place_roles
from warledger.nlp.reader import CheapTerms, Reader
from warledger.nlp.theatre import Theatre
from warledger.types import Actor, Count, Event, Location, Span, When

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from warledger.nlp.context import DocContext, PlaceMention

REPORTING = attribution.REPORTING_LEMMAS
HYPOTHETICAL = ENGLISH.hypothetical
HABITUAL = ENGLISH.habitual
# A trigger noun under one of these is talked about, not reported as happening.
NOT_OCCURRING_HEADS = frozenset(
    {
        "cessation",
        "ceasefire",
        "truce",
        "halt",
        "stop",
        "moratorium",
        "accuse",
        "violation",
        "pause",
        "ban",
        "protect",
        "protection",
        "defend",
        "defense",
        "deter",
        "prevent",
        "threat",
        "threaten",
        "warn",
        "risk",
        "fear",
        "plan",
        "condemn",
        "retaliate",
        "retaliation",
        "justify",
        "validate",
        "severity",
        "response",
        "allegation",
        "deny",
        "reject",
        "blame",
        "link",
        "charge",
        "convict",
        "confess",
        "suspect",
    }
)
# "the scene of the airstrike", "in the wake of the attack": an occurrence already told.
AFTERMATH_HEADS = frozenset({"scene", "aftermath", "wake", "site", "anniversary", "victim"})
# Determiners of a trigger noun that refer back or generalise rather than report one act.
NOT_ONE_ACT_DETS = frozenset(
    {
        "these",
        "those",
        "such",
        "similar",
        "any",
        "future",
        "this",
        "that",
        "several",
        "many",
        "numerous",
        "multiple",
        "more",
    }
)
# Words that make an ambiguous trigger ("attack", "hit", "storm") military: outside the war
# the same verbs describe tariffs, storms, sport and politics.
ARMED = re.compile(
    r"\b(?:forces?|troops?|army|armies|military|soldiers?|servicem[ae]n|militants?|rebels?|"
    r"insurgents?|gunm[ae]n|fighters?|jihadists?|terrorists?|militias?|armed|weapons?|guns?|"
    r"gunfire|explosi\w+|explosives?|shells?|artillery|air defen[cs]es?|warplanes?|"
    r"aircraft|jets?|bombers?|tanks?|paratroopers?|infantry|brigades?|battalions?|"
    r"regiments?|al-shabab|taliban|hamas|hezbollah|houthis?|islamic state)\b",
    re.IGNORECASE,
)
# Summaries over a year or compared with another period are statistics, not occurrences.
AGGREGATE = re.compile(r"\bthan any other\b|\bcompared (?:with|to)\b", re.IGNORECASE)
YEAR_ONLY = re.compile(r"\b(?:in|during|throughout|since) (?:19|20)\d\d\b", re.IGNORECASE)
# A place after these is where something heads or what it is likened to, not where it happened.
NOT_LOCATIVE_PREPS = frozenset({"toward", "towards", "with", "than", "about", "for"})
# Nouns whose modifier names an organisation, not a target: "military administration".
ORGANISATION_NOUNS = frozenset(
    {
        "administration",
        "official",
        "spokesman",
        "spokesperson",
        "spokeswoman",
        "authority",
        "source",
        "intelligence",
        "analyst",
        "expert",
        "leader",
        "governor",
        "command",
        "commander",
        "ministry",
        "department",
        "prosecutor",
        "service",
        "council",
        "blogger",
    }
)
# Subjects that stand for whoever is speaking: "its forces", "our troops", "they".
PRONOUN_SUBJECTS = frozenset({"its", "it", "our", "we", "they", "their", "his", "her"})
# The weapons-side of an air-defence report: the object shot down, not the subject.
GROUND_OBJECTS = frozenset({"position", "line", "defence", "defense", "trench", "stronghold"})
GROUND_SUBJECTS = frozenset(
    {"troop", "infantry", "soldier", "unit", "brigade", "force", "group", "battalion"}
)
# Dependents that open another clause: places in them belong to that clause's event.
CLAUSE_DEPS = frozenset({"advcl", "conj", "ccomp", "xcomp", "relcl", "parataxis", "csubj"})
# "in targeting", "for attacking": a gerund under these talks about an act, not one act.
FRAMING_PREPOSITIONS = frozenset({"in", "of", "for", "about", "against", "from", "by"})
PLACE_NOUNS = frozenset({"city", "town", "village", "region", "oblast", "area", "hub"})
LOSS_VERBS = frozenset({"lost", "losing", "loses", "lose"})
ROUTE_ROLES = frozenset({"origin", "destination", "via"})
PRECISE = frozenset({"point", "settlement", "admin2", "admin1"})
# Lead-ins of a list of victims; the word says what happened to them.
VICTIM_LIST = re.compile(
    r"\b(?:among (?:the )?(?P<among>victims|dead|killed|injured|wounded)"
    r"|victims (?:were|included|include)"
    r"|the (?P<noun>dead|injured|wounded) (?:were|are|included?)"
    r"|those (?P<those>killed|injured|wounded|hurt) (?:were|included?))\b",
    re.IGNORECASE,
)
VICTIM_WORDS = {"dead": "killed", "killed": "killed", "injured": "injured"}
VICTIM_WORDS |= {"wounded": "injured", "hurt": "injured"}
# "have lost more than 14,000 troops": a side's losses, a total not tied to one attack.
TROOP_LOSSES = re.compile(
    r"\b(?:lost|losing|loses|lose)\s+(?P<number>(?:[\w,.-]+\s+){1,3}?)"
    r"(?:troops|soldiers|servicemen|personnel|fighters)\b",
    re.IGNORECASE,
)
PERIOD_TOTAL = re.compile(
    r"\b(?:over|in|during) the (?:past|last) (?:\d+|twenty-four|24|day|week|night)"
    r"|\bsince the start\b|\bin total\b|\bthis (?:week|month|year)\b",
    re.IGNORECASE,
)
PERSON = re.compile(
    r"\b(?:a|an|one)\s+(?:\d+-year-old\s+)?(?:civilian\s+)?"
    r"(man|woman|boy|girl|child|teenager|person|resident|civilian|casualty|death|pensioner)\b",
    re.IGNORECASE,
)
PEOPLE_NOUN = re.compile(
    r"\s+(?:\w+\s+)?(?:men|women|boys|girls|children|teenagers|people|residents|civilians|"
    r"pensioners)\b",
    re.IGNORECASE,
)
CIVILIAN = re.compile(
    r"\b(?:civilians?|residents?|people|children|child|women|woman|man|men)\b", re.I
)
ANAPHORA = re.compile(
    r"\b(?:the|this|that) (?:attack|strike|barrage|assault|bombardment|shelling)\b"
    r"|\b(?:of these|of them|the drones|the missiles|in the attack)\b",
    re.IGNORECASE,
)
# What stands between a place and the wider area that situates it: "X, Kharkiv region",
# "X in eastern Ukraine's Donetsk region", "X, also in Kharkiv".
IN_CONTEXT = re.compile(
    r"^(?:,\s*(?:also\s+)?(?:in\s+)?(?:the\s+)?|\s+(?:in|of)\s+(?:the\s+)?(?:[\w’']+\s+){0,3})$"
)
MAX_CONTINUATION_GAP = 3  # sentences
# Keys counted by the noun after a number ("12 attacks"), never by the verb above it
# ("attacked nearly 10 villages" counts villages, not attacks).
NOUN_COUNT_KEYS = frozenset({"attacks", "settlements"})
# "23 of 31 missiles", "23 out of the 31": the second number is how many came.
OUT_OF = re.compile(r"\s+(?:out\s+)?of(?:\s+the)?\s+")
TOLL_BEFORE = re.compile(r"\b(?:death|casualty) toll\b[^.;]{0,80}$", re.IGNORECASE)


@dataclass
class _Open:
    """The strike the next sentences may still be adding to."""

    event: Event
    sentence_index: int
    end_char: int


@dataclass
class _SentenceFacts:
    """What the lexicon pass found in one sentence (token offsets are sentence-relative)."""

    sent: SpacySpan
    lemmas: list[str]
    triggers: list[Hit]
    weapons: list[Hit]
    targets: list[Hit]
    count_words: list[Hit]
    places: list[PlaceMention] = field(default_factory=list)
    regions: list[PlaceMention] = field(default_factory=list)  # "southern Russia"


def extract_kinetic(ctx: DocContext) -> list[Event]:
    """Every kinetic event the document reports, in reading order."""
    lexicon = kinetic_lexicon(ctx.theatre)
    events: list[Event] = []
    open_strike: _Open | None = None
    last_side: str | None = None
    last_when: When | None = None
    for index, sent in enumerate(ctx.doc.sents):
        lemmas = [t.lemma_.lower() for t in sent]
        facts = _SentenceFacts(
            sent=sent,
            lemmas=lemmas,
            triggers=lexicon.triggers.find(lemmas, overlapping=True),
            weapons=lexicon.weapons.find(lemmas),
            targets=lexicon.target_kinds.find(lemmas),
            count_words=lexicon.counts.find(lemmas),
        )
        if not facts.triggers and not facts.count_words:
            continue  # the cheap pass: nothing kinetic here
        facts.regions = [
            p
            for p in ctx.places_in(sent)
            if p.location.precision == "region" and _is_locative(p, ctx)
        ]
        facts.places = _usable_places(
            [p for p in _off_route(ctx.places_in(sent), ctx.text) if _is_locative(p, ctx)],
            ctx.text,
        )
        last_side = _actor_side(None, facts, ctx) or last_side
        if open_strike and not _continues(open_strike, facts, index, ctx):
            open_strike = None
        if open_strike and _continues(open_strike, facts, index, ctx):
            _continue(open_strike.event, facts, ctx)
            open_strike.sentence_index, open_strike.end_char = index, sent.end_char
            continue
        new = _read_sentence(facts, ctx, last_side, last_when)
        for event in new:
            _attacker_from_context(event, last_side, ctx.theatre)
            events.append(event)
            if event.actor and event.actor.side in ctx.theatre.codes:
                last_side = event.actor.side
            if event.date.start:
                last_when = event.date
        strikes = [e for e in new if e.kind == "strike"]
        if len(strikes) == 1:
            open_strike = _Open(strikes[0], index, sent.end_char)
    for event in events:
        first = event.evidence[0]
        event.attribution = attribution.attribution_of(
            ctx.text[first.start : first.end], event.claimant
        )
    return events


def _attacker_from_context(event: Event, recent_side: str | None, theatre: Theatre) -> None:
    """A strike on one party's soil with no attacker named continues the attacks just
    described ("the launch of Russian missiles and drones ... a barrage targeting Kyiv")."""
    if event.kind != "strike" or event.actor is not None or recent_side is None:
        return
    countries = {loc.country for loc in event.locations}
    if countries == {theatre.opposite(recent_side)}:
        event.actor = _side_actor(recent_side, theatre)
        event.target = _side_actor(theatre.opposite(recent_side), theatre)


# --- reading one sentence -------------------------------------------------------------


def _read_sentence(
    facts: _SentenceFacts, ctx: DocContext, last_side: str | None, last_when: When | None
) -> list[Event]:
    sent = facts.sent
    if sent.text.rstrip().endswith("?") or HABITUAL.search(sent.text):
        return []
    if AGGREGATE.search(sent.text):
        return []
    losses = TROOP_LOSSES.search(sent.text)
    if losses:
        return [_troop_losses(facts, ctx, losses)]
    if facts.places and _lists_victims(facts):
        return _victim_list(facts, ctx, last_side, last_when)
    triggers = [h for h in _live_triggers(facts) if _is_armed(h, facts, ctx, last_side)]
    if not triggers:
        return []
    kind_hit = _choose(triggers, facts, kinetic_lexicon(ctx.theatre).ranks)
    token = facts.sent[kind_hit.start]
    if token.tag_ == "NNS" and YEAR_ONLY.search(sent.text):
        return []  # "504 attacks in 2024": a yearly statistic
    places = _places_of(token, facts)
    if not places and kind_hit.entry["kind"] != "territorial_change":
        places = facts.places  # a territorial change names its place in its own phrase
    events = _events_for(kind_hit, facts, ctx, places)
    covered = {loc.name for e in events for loc in e.locations}
    for other in triggers:
        same = _kind_of(other, facts) == _kind_of(kind_hit, facts) and (
            other.entry.get("subtype") == kind_hit.entry.get("subtype")
        )
        if other is kind_hit or same:
            continue
        if _kind_of(other, facts) == "strike":
            continue  # a strike word beside a ground or territorial one is part of it
        places = [
            p for p in _places_of(facts.sent[other.start], facts) if p.location.name not in covered
        ]
        if places:
            extra = _events_for(other, facts, ctx, places)
            covered |= {loc.name for e in extra for loc in e.locations}
            events.extend(extra)
    return events


def _events_for(
    hit: Hit, facts: _SentenceFacts, ctx: DocContext, places: list[PlaceMention]
) -> list[Event]:
    """The events one trigger reports: one per place it names (or one without a place)."""
    sent = facts.sent
    token = sent[hit.start]
    kind, subtype = hit.entry["kind"], hit.entry.get("subtype")
    if kind == "strike" and hit.entry.get("ground_with_troops") and _is_ground_attack(token, facts):
        kind, subtype = "ground_combat", "assault"
    if kind == "strike" and _is_casualty_total(facts, kind):
        return [_casualty_report(facts, ctx)]
    counts = _counts(facts)
    if kind != "strike" and not places:
        return []
    if kind == "strike" and not places:
        places = facts.regions  # "struck an oil depot in southern Russia"
    if kind == "strike" and not places and not counts and not _names_what_was_hit(hit, facts):
        return []
    if kind == "strike" and subtype and not _mostly_interceptions(counts):
        subtype = None
    actor_side = _actor_side(
        token, facts, ctx, air_defence=hit.entry.get("subtype") == "air_defense_engagement"
    )
    claimant, status = attribution.attribute(sent, ctx, trigger=token, actor_side=actor_side)
    parties = ctx.theatre.codes
    if actor_side is None and _pronoun_subject(token) and claimant and claimant.side in parties:
        actor_side = claimant.side  # "the ministry said its forces had taken X"
        if hit.entry.get("subtype") == "air_defense_engagement":
            actor_side = ctx.theatre.opposite(claimant.side)  # "it shot down": the speaker defended
        claimant, status = attribution.attribute(sent, ctx, trigger=token, actor_side=actor_side)
    elif (
        actor_side is None
        and hit.entry.get("subtype") == "air_defense_engagement"
        and _agentless_passive(token)
        and claimant
        and claimant.side in parties
    ):
        # "the Air Force said 23 missiles were downed": the speaker's side shot them down,
        # so they were the other party's.
        actor_side = ctx.theatre.opposite(claimant.side)
    if kind == "territorial_change" and subtype == "withdrawn" and actor_side:
        actor_side = ctx.theatre.opposite(actor_side)  # the side that now holds the place
    negated = any(c.dep_ == "neg" for c in token.children)
    when = _when(sent, ctx)
    events = []
    for group in _place_groups(kind, places, counts):
        place = group[0] if group else None
        event_subtype = subtype
        if hit.entry.get("owner_decides") and place is not None:
            event_subtype = _taken_or_retaken(actor_side, place, subtype, parties)
        event = Event(
            kind=kind,
            subtype=event_subtype,
            actor=_side_actor(actor_side, ctx.theatre),
            target=_target(kind, actor_side, place, ctx.theatre),
            locations=[p.location for p in group],
            date=when,
            weapon=_weapon(facts.weapons) if kind == "strike" else None,
            target_kind=_target_kinds(facts.targets, facts.sent) if kind == "strike" else [],
            counts=dict(counts) if kind == "strike" else {},
            counts_by_weapon=_counts_by_weapon(facts) if kind == "strike" else {},
            civilian=_civilian(facts, counts) if kind == "strike" else None,
            claimant=claimant,
            status=status,
            negated=negated,
            evidence=[Span(sent.start_char, sent.end_char, sent.text)],
        )
        event.confidence = _confidence(event, verbal=token.pos_ in {"VERB", "AUX"})
        events.append(event)
    return events


def _place_groups(
    kind: str, places: list[PlaceMention], counts: dict[str, Count]
) -> list[list[PlaceMention]]:
    """The places of each event a trigger reports: one event per place, except that a
    strike whose numbers are given once for several places ("shot down 42 drones over the
    Belgorod and Kursk regions") is one event at all of them, so no number is repeated."""
    if not places:
        return [[]]
    if kind == "strike" and counts and len(places) > 1:
        return [list(places)]
    return [[p] for p in places]


def _names_what_was_hit(hit: Hit, facts: _SentenceFacts) -> bool:
    """A strike with no place or number still reports one occurrence when it names what
    was hit and what with ("drones struck an oil depot", "a train came under a bomb and gun
    attack")."""
    if not _target_kinds(facts.targets, facts.sent):
        return False
    token = facts.sent[hit.start]
    verb = next((t for t in (token, *token.ancestors) if t.pos_ in {"VERB", "AUX"}), token)
    passive_past = verb.tag_ == "VBN" and any(
        c.dep_ == "auxpass" and c.tag_ == "VBD" for c in verb.children
    )
    if verb.tag_ != "VBD" and not passive_past:
        return False  # "claims targeting ...", "the goal of strikes on ...": no one act told
    return bool(facts.weapons or hit.entry.get("inherent") or ARMED.search(facts.sent.text))


def _kind_of(hit: Hit, facts: _SentenceFacts) -> str:
    """The trigger's event kind, with "troops attacked positions" read as ground combat."""
    kind = hit.entry["kind"]
    if hit.entry.get("ground_with_troops") and _is_ground_attack(facts.sent[hit.start], facts):
        return "ground_combat"
    return kind


def _is_armed(hit: Hit, facts: _SentenceFacts, ctx: DocContext, last_side: str | None) -> bool:
    """Is this trigger about armed violence? ("trade war", "attack on democracy" are not.)

    A military trigger ("shelling", "airstrike") is; an ambiguous one needs a weapon,
    armed men, a party to the war, casualties, or a document already about the war.
    """
    if hit.entry.get("inherent") or facts.weapons or last_side is not None:
        return True
    if any(h.entry["key"] in {"killed", "injured"} for h in facts.count_words):
        return True
    if ARMED.search(facts.sent.text):
        return True
    return any(m.actor.side in ctx.theatre.codes for m in ctx.actors_in(facts.sent))


def _is_ground_attack(token: Token, facts: _SentenceFacts) -> bool:
    """ "Troops attacked Ukrainian positions near X", with no weapon named, is ground combat."""
    if facts.weapons:
        return False
    related = [token, *token.children]
    if token.dep_ in {"dobj", "pobj", "nsubj", "nsubjpass"}:
        related += list(token.head.children)
    for tok in related:
        lemma = tok.lemma_.lower()
        if tok.dep_ in {"dobj", "nsubjpass", "pobj"} and lemma in GROUND_OBJECTS:
            return True
        if tok.dep_ in {"nsubj", "agent"} and lemma in GROUND_SUBJECTS:
            return True
    return False


def _pronoun_subject(token: Token) -> bool:
    """The trigger's subject is a pronoun or "its forces": the speaker's own side."""
    for child in token.children:
        if child.dep_ not in {"nsubj", "agent"}:
            continue
        words = {t.lower_ for t in child.subtree}
        if child.lower_ in PRONOUN_SUBJECTS or words & {"its", "our", "their"}:
            return True
    return False


def _taken_or_retaken(
    actor_side: str | None, place: PlaceMention, subtype: str | None, parties: frozenset[str]
) -> str:
    """ "Liberated": a party taking the other party's soil captured it."""
    country = place.location.country
    if actor_side in parties and country in parties and country != actor_side:
        return "captured"
    return subtype or "recaptured"


def _live_triggers(facts: _SentenceFacts) -> list[Hit]:
    """Triggers that report an occurrence (not a hypothetical, a topic or a wish)."""
    sent = facts.sent
    live = []
    for hit in facts.triggers:
        if hit.entry.get("needs_weapon") and not facts.weapons:
            continue
        token = sent[hit.start]
        if hit.entry.get("pos") and token.pos_ != hit.entry["pos"]:
            continue
        if _is_hypothetical(token) or _is_talked_about(token):
            continue
        if token.pos_ in {"NOUN", "PROPN"} and any(
            c.lower_ in NOT_ONE_ACT_DETS for c in token.children
        ):
            continue  # "these attacks", "several attacks": not one new occurrence
        if _is_aftermath(token):
            continue  # "the scene of the airstrike": told before
        if token.tag_ in {"VBZ", "VBP"} and _in_quotation(token):
            continue  # a present-tense accusation inside a quote is an opinion
        if token.dep_ == "compound" and token.head.pos_ == "NOUN":
            continue  # "incursion strategy": the trigger only describes another noun
        if (token.dep_ == "pcomp" and token.head.lower_ in FRAMING_PREPOSITIONS) or any(
            c.dep_ == "dobj" and any(d.lower_ in {"such", "any"} for d in c.children)
            for c in token.children
        ):
            continue  # "non-retaliatory in targeting such infrastructure": a stance
        if token.pos_ == "ADJ" or (token.tag_ == "VBN" and token.dep_ == "amod"):
            continue  # "occupied territories", "contested areas"
        live.append(hit)
    return live


def _choose(triggers: list[Hit], facts: _SentenceFacts, rank: dict[str, int]) -> Hit:
    """The trigger that decides the sentence's kind: the lowest rank of the lexicon's
    kinds (territory > ground > strike)."""
    has_weapon = bool(facts.weapons)

    def key(hit: Hit) -> tuple[int, int]:
        kind = _kind_of(hit, facts)
        if kind == "ground_combat" and has_weapon and hit.entry["phrase"] == "offensive":
            return (9, hit.start)  # "drone offensive" is a strike
        order = rank.get(kind, len(rank))
        if kind == "ground_combat" and hit.entry.get("subtype") == "incursion":
            return (order * 2 - 1, hit.start)  # "advanced ... in a cross-border incursion"
        verbal = facts.sent[hit.start].pos_ == "VERB"
        return (order * 2 + (0 if verbal else 1), hit.start)

    return min(triggers, key=key)


def _is_aftermath(token: Token) -> bool:
    """ "the scene of the airstrike", "victims of the attack": a definite earlier act."""
    definite = any(c.lower_ == "the" for c in token.children) or any(
        c.dep_ == "poss" for c in token.children
    )
    if not definite or token.dep_ != "pobj" or token.head.lower_ != "of":
        return False
    return token.head.head.lemma_.lower() in AFTERMATH_HEADS


def _in_quotation(token: Token) -> bool:
    before = token.doc.text[token.sent.start_char : token.idx]
    straight_open = before.count('"') % 2 == 1
    return straight_open or before.count("\u201c") > before.count("\u201d")


def _is_hypothetical(token: Token) -> bool:
    """Modal, conditional or purpose ("room ... to launch a new attack") clauses."""
    for tok in (token, token.head):
        for child in tok.children:
            if child.dep_ == "aux" and child.tag_ == "TO":
                return True
            if child.dep_ in {"aux", "mark", "advmod"} and child.lower_ in HYPOTHETICAL:
                return True
    return False


def _is_talked_about(token: Token) -> bool:
    """A trigger governed by a ceasefire, accusation or wish is not an occurrence."""
    for depth, ancestor in enumerate(token.ancestors):
        if depth > 3:
            break
        if ancestor.lemma_.lower() in NOT_OCCURRING_HEADS:
            return True
    return False


def _is_casualty_total(facts: _SentenceFacts, kind: str) -> bool:
    counts_people = any(h.entry["key"] in {"killed", "injured"} for h in facts.count_words)
    settlement_level = any(p.location.precision in {"point", "settlement"} for p in facts.places)
    return (
        kind == "strike"
        and counts_people
        and bool(PERIOD_TOTAL.search(facts.sent.text))
        and not settlement_level
    )


def _casualty_report(facts: _SentenceFacts, ctx: DocContext) -> Event:
    sent = facts.sent
    counts = {k: v for k, v in _counts(facts).items() if k in {"killed", "injured"}}
    side = _actor_side(None, facts, ctx)
    claimant, status = attribution.attribute(sent, ctx, actor_side=side)
    event = Event(
        kind="casualty_report",
        actor=_side_actor(side, ctx.theatre),
        locations=[p.location for p in facts.places],
        date=_when(sent, ctx),
        counts=counts,
        civilian=_civilian(facts, counts),
        claimant=claimant,
        status=status,
        evidence=[Span(sent.start_char, sent.end_char, sent.text)],
    )
    event.confidence = _confidence(event, verbal=True)
    return event


def _lists_victims(facts: _SentenceFacts) -> bool:
    """Does the sentence list people hurt, town by town?

    "Among the injured were a woman in A; and a man in B", "the dead include ...", or a
    casualty verb over people ("killed three civilians: a woman in A and a man in B",
    "injured a woman and a man in A").
    """
    text = facts.sent.text
    if VICTIM_LIST.search(text):
        return True
    return _casualty_key(facts.count_words) is not None and bool(PERSON.search(text))


def _casualty_key(hits: list[Hit]) -> str | None:
    """The casualty key of the first killed/injured word among ``hits``."""
    return next((h.entry["key"] for h in hits if h.entry["key"] in {"killed", "injured"}), None)


def _list_key(facts: _SentenceFacts, head_end: int, ctx: DocContext) -> str | None:
    """What happened to the people listed: the lead-in's word ("among the injured"), the
    verb before the list ("killed three civilians:"), else a single casualty word in the
    sentence before ("...were killed. Among the victims were...")."""
    sent = facts.sent
    lead = VICTIM_LIST.search(sent.text)
    word = lead and (lead.group("among") or lead.group("noun") or lead.group("those"))
    if word and word.lower() in VICTIM_WORDS:
        return VICTIM_WORDS[word.lower()]
    first_person = PERSON.search(sent.text)
    if first_person:
        head_end = max(head_end, sent.start_char + first_person.start())
    head = [h for h in facts.count_words if sent[h.start].idx < head_end]
    key = _casualty_key(head)
    if key or sent.start == 0:
        return key
    before = sent.doc[sent.start - 1].sent
    keys = {
        h.entry["key"]
        for h in kinetic_lexicon(ctx.theatre).counts.find([t.lemma_.lower() for t in before])
        if h.entry["key"] in {"killed", "injured"}
    }
    return keys.pop() if len(keys) == 1 else None


def _people_numbered(segment: str) -> int:
    """People counted by a number in a list ("two men and a woman" has two)."""
    total = 0
    for _start, end, count in numbers.find_counts(segment):
        if PEOPLE_NOUN.match(segment[end:]):
            total += count.value
    return total


def _list_head_end(facts: _SentenceFacts) -> int:
    """Where the list proper starts: after the lead-in, or after a colon before any place."""
    sent = facts.sent
    first_place = min(p.start for p in facts.places) - sent.start_char
    colon = sent.text.find(":", 0, first_place)
    if colon >= 0:
        return sent.start_char + colon + 1
    lead = VICTIM_LIST.search(sent.text)
    if lead and lead.end() <= first_place:
        return sent.start_char + lead.end()
    return sent.start_char


def _list_segments(facts: _SentenceFacts, head_end: int, text: str) -> list[tuple[int, int]]:
    """Character ranges, one per town: split at ";", then after each town, with words
    after a segment's last town ("...in Kherson after Russia targeted 36 settlements")
    kept with that town."""
    sent = facts.sent
    bounds = [head_end, *(sent.start_char + m.end() for m in re.finditer(";", sent.text))]
    bounds = [b for b in bounds if b >= head_end] + [sent.end_char]
    segments = []
    for lo, hi in pairwise(bounds):
        places = _usable_places([p for p in facts.places if lo <= p.start and p.end <= hi], text)
        start = lo
        for i, place in enumerate(places):
            end = hi if i == len(places) - 1 else place.end
            segments.append((start, end))
            start = end
    return segments


def _troop_losses(facts: _SentenceFacts, ctx: DocContext, losses: re.Match[str]) -> Event:
    """ "Russian forces have lost more than 14,000 troops": a casualty report whose target
    is the side that lost them; who inflicted them is not said, so no actor. The number
    is kept under ``killed`` with the words it was read from."""
    sent = facts.sent
    count = numbers.parse_count(losses.group("number"))
    counts = {"killed": Count(count.value, count.qualifier, losses.group(0))} if count else {}
    subject = next((t for t in sent if t.dep_ == "nsubj" and t.head.lower_ in LOSS_VERBS), None)
    side = _side_of(subject.subtree, ctx) if subject is not None else None
    claimant, status = attribution.attribute(sent, ctx)
    if status == "reported" and claimant and side and claimant.side == ctx.theatre.opposite(side):
        status = "claimed"  # a party telling its enemy's losses
    event = Event(
        kind="casualty_report",
        target=_side_actor(side, ctx.theatre),
        date=_when(sent, ctx),
        counts=counts,
        civilian=False,
        claimant=claimant,
        status=status,
        evidence=[Span(sent.start_char, sent.end_char, sent.text)],
    )
    event.confidence = _confidence(event, verbal=True)
    return event


def _victim_list(
    facts: _SentenceFacts, ctx: DocContext, last_side: str | None, last_when: When | None
) -> list[Event]:
    """One strike per town in "Among the injured were ... in A; ... in B", each counting
    only the people listed for that town; a total said before the list ("killed three
    civilians:") is not copied into any town."""
    sent = facts.sent
    text = ctx.text
    head_end = _list_head_end(facts)
    list_key = _list_key(facts, head_end, ctx)
    sentence_when = _when(sent, ctx)
    # "Russian drones killed three civilians: ...": a weapon before the list is every town's
    head_weapons = [h for h in facts.weapons if sent[h.start].idx < head_end]
    lexicon = kinetic_lexicon(ctx.theatre)
    events = []
    for start, end in _list_segments(facts, head_end, text):
        segment = text[start:end]
        seg_places = _usable_places(
            [p for p in facts.places if start <= p.start and p.end <= end], text
        )
        if not seg_places:
            continue
        seg_sent = ctx.doc.char_span(start, end, alignment_mode="expand")
        seg_lemmas = [t.lemma_.lower() for t in seg_sent]
        seg_facts = _SentenceFacts(
            sent=seg_sent,
            lemmas=seg_lemmas,
            triggers=[],
            weapons=lexicon.weapons.find(seg_lemmas),
            targets=lexicon.target_kinds.find(seg_lemmas),
            count_words=lexicon.counts.find(seg_lemmas),
            places=seg_places,
        )
        counts = _counts(seg_facts)
        if "killed" not in counts and "injured" not in counts:
            people = len(PERSON.findall(segment)) + _people_numbered(segment)
            key = _casualty_key(seg_facts.count_words) or list_key
            if people and key:
                counts[key] = Count(people, "exact", _strip(segment))
        side = _actor_side(None, seg_facts, ctx) or _actor_side(None, facts, ctx) or last_side
        claimant, status = attribution.attribute(sent, ctx, actor_side=side)
        lead = len(segment) - len(segment.lstrip(" ;,"))
        tail = len(segment.rstrip(" ;,.")) if segment.strip() else len(segment)
        evidence = Span(start + lead, start + tail, text[start + lead : start + tail])
        place = seg_places[0]
        if dates.find(segment):
            when = _when(seg_sent, ctx)
        else:
            when = sentence_when if sentence_when.start else (last_when or When())
        event = Event(
            kind="strike",
            actor=_side_actor(side, ctx.theatre),
            target=_target("strike", side, place, ctx.theatre),
            locations=[place.location],
            date=when,
            weapon=_weapon(seg_facts.weapons) or _weapon(head_weapons),
            target_kind=_target_kinds(seg_facts.targets, seg_sent),
            counts=counts,
            civilian=_civilian(seg_facts, counts),
            claimant=claimant,
            status=status,
            evidence=[evidence],
        )
        event.confidence = _confidence(event, verbal=False)
        events.append(event)
    return events


# --- continuing the open strike --------------------------------------------------------


def _continues(open_strike: _Open, facts: _SentenceFacts, index: int, ctx: DocContext) -> bool:
    """Does this sentence add to the strike read just before (same paragraph, no new place)?"""
    sent = facts.sent
    if index - open_strike.sentence_index > MAX_CONTINUATION_GAP:
        return False
    if "\n" in ctx.text[open_strike.end_char : sent.start_char]:
        return False
    known = {loc.name for loc in open_strike.event.locations}
    if any(p.location.name not in known for p in facts.places if _settlement_like(p)):
        return False
    territorial = any(h.entry["kind"] != "strike" for h in _live_triggers(facts))
    if territorial:
        return False
    return bool(facts.count_words or ANAPHORA.search(sent.text))


def _continue(event: Event, facts: _SentenceFacts, ctx: DocContext) -> None:
    sent = facts.sent
    speaker, _ = attribution.attribute(sent, ctx)
    own_source = speaker is not None and event.claimant is not None and speaker != event.claimant
    for key, count in _counts(facts).items():
        if own_source and key not in event.counts:
            count.claimant = speaker  # "Two people were injured, the governor said"
        event.counts.setdefault(key, count)
    for weapon, counts in _counts_by_weapon(facts).items():
        for key, count in counts.items():
            event.counts_by_weapon.setdefault(weapon, {}).setdefault(key, count)
    for kind in _target_kinds(facts.targets, facts.sent):
        if kind not in event.target_kind:
            event.target_kind.append(kind)
    if event.weapon is None:
        event.weapon = _weapon(facts.weapons)
    if event.claimant is None:
        claimant, status = attribution.attribute(
            sent, ctx, actor_side=event.actor.side if event.actor else None
        )
        if claimant is not None:
            event.claimant, event.status = claimant, status
    elif event.status == "reported" and attribution.is_party_claim(
        event.claimant, sent.text, ctx.theatre.codes
    ):
        event.status = "claimed"  # "Of these, 95 were shot down, it said": a party's tally
    if event.civilian is None:
        event.civilian = _civilian(facts, event.counts)
    event.evidence.append(Span(sent.start_char, sent.end_char, sent.text))
    event.confidence = _confidence(event, verbal=True)


# --- fields -----------------------------------------------------------------------------


def _usable_places(places: list[PlaceMention], text: str) -> list[PlaceMention]:
    """Places precise enough to locate an event, without the oblast named as context.

    "Petropavlivka, Kharkiv region" names one place: the region only says where the
    village is. A country ("Ukraine") or a vague area does not locate an event.
    """
    precise = [p for p in places if p.location.precision in PRECISE or p.location.lat is None]
    precise = [p for p in precise if p.location.precision not in {"country", "region"}]
    precise = [
        p
        for i, p in enumerate(precise)
        if not (
            i
            and IN_CONTEXT.match(text[precise[i - 1].end : p.start])
            and _situates(p, text[precise[i - 1].end : p.start])
        )
    ]
    settlements = [p for p in precise if _settlement_like(p)]
    context_admin1 = {p.location.admin1 for p in settlements if p.location.admin1}
    kept = []
    seen = set()
    for place in precise:
        is_context = place.location.precision == "admin1" and place.location.admin1 in (
            context_admin1
        )
        if is_context and not _settlement_like(place):
            continue
        if place.location.name in seen:
            continue
        seen.add(place.location.name)
        kept.append(place)
    return kept


def _off_route(places: list[PlaceMention], text: str) -> list[PlaceMention]:
    """Places that are not a route's ends: in "traveling from Quetta, Balochistan, to
    Peshawar" the train was attacked somewhere between, not at either end (nor in the
    province that situates an end)."""
    kept: list[PlaceMention] = []
    on_route = False
    previous_end = None
    for place in places:
        situating = previous_end is not None and text[previous_end : place.start].strip() == ","
        on_route = place_roles.role(text, place) in ROUTE_ROLES or (on_route and situating)
        if not on_route:
            kept.append(place)
        previous_end = place.end
    return kept


def _situates(place: PlaceMention, between: str) -> bool:
    """Does ``place`` only say where ``before`` is? A region does; in a list of towns
    ("Kherson, Bilozerka and Pavlohrad") the next town is a place of its own."""
    if place.location.precision in {"admin1", "admin2"}:
        return True
    if re.search(r"\b(?:region|oblast|district|province|county)$", place.text, re.I):
        return True
    return bool(re.search(r"\b(?:in|of)\b", between))


def _is_locative(place: PlaceMention, ctx: DocContext) -> bool:
    """Is the place named as where something happened?

    "Ankara's shift toward Moscow" names two governments, and "Mobile and wireless
    signals" opens a sentence with a common word the gazetteer also knows.
    """
    span = ctx.doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return True
    root = span.root
    if root.dep_ == "poss" and root.head.lemma_.lower() not in PLACE_NOUNS:
        return False
    if root.dep_ == "pobj" and root.head.lower_ in NOT_LOCATIVE_PREPS:
        return False
    return not (span[0].is_sent_start and all(t.pos_ not in {"PROPN", "NOUN"} for t in span))


def _settlement_like(place: PlaceMention) -> bool:
    return place.location.precision in {"point", "settlement", "admin2"}


def _places_of(token: Token, facts: _SentenceFacts) -> list[PlaceMention]:
    """Places inside the trigger's phrase ("attack on Odesa", "captured the village of X")."""
    if token.dep_ in {"dobj", "pobj", "nsubj", "nsubjpass", "compound", "amod"}:
        token = token.head
    tokens = [token]
    for child in token.children:
        if child.dep_ not in CLAUSE_DEPS:
            tokens.extend(child.subtree)
    spans = [(t.idx, t.idx + len(t)) for t in tokens]
    return [p for p in facts.places if any(lo <= p.start < hi for lo, hi in spans)]


def _counts(facts: _SentenceFacts) -> dict[str, Count]:
    """Numbers in the sentence, each keyed by the word that says what it counts.

    A key met again for another weapon ("90 missiles and 100 drones") adds up to the total;
    the per-weapon numbers are in :func:`_counts_by_weapon`.
    """
    return _totals(_keyed_counts(facts))


def _counts_by_weapon(facts: _SentenceFacts) -> dict[str, dict[str, Count]]:
    """Per weapon type, the numbers whose noun is that weapon ("100 drones")."""
    by_weapon: dict[str, dict[str, Count]] = {}
    for key, count, weapon in _keyed_counts(facts):
        if weapon is not None:
            by_weapon.setdefault(weapon, {}).setdefault(key, count)
    return by_weapon if len(by_weapon) > 1 else {}


def _totals(keyed: list[tuple[str, Count, str | None]]) -> dict[str, Count]:
    result: dict[str, Count] = {}
    weapons_seen: dict[str, set[str | None]] = {}
    for key, count, weapon in keyed:
        seen = weapons_seen.setdefault(key, set())
        if key not in result:
            result[key] = count
        elif weapon is not None and None not in seen and weapon not in seen:
            result[key] = _sum(result[key], count)  # another weapon's share of the total
        else:
            continue
        seen.add(weapon)
    return result


def _sum(a: Count, b: Count) -> Count:
    qualifier = a.qualifier if a.qualifier == b.qualifier else "at_least"
    if {a.qualifier, b.qualifier} & {"about", "up_to", "at_most"}:
        qualifier = "about"
    return Count(a.value + b.value, qualifier, None)


def _keyed_counts(facts: _SentenceFacts) -> list[tuple[str, Count, str | None]]:
    """Every (key, count, weapon) in the sentence, in reading order.

    "23 of 31 missiles were downed": the first number is what the verb says (intercepted),
    the second is how many came (launched).
    """
    sent = facts.sent
    found = numbers.find_counts(sent.text)
    keyed: list[tuple[str, Count, str | None]] = []
    for i, (start, end, count) in enumerate(found):
        following = found[i + 1] if i + 1 < len(found) else None
        if i and OUT_OF.fullmatch(sent.text[found[i - 1][1] : start]):
            continue  # the "31" of "23 of 31": read with the number before it
        abs_start, abs_end = sent.start_char + start, sent.start_char + end
        key = _count_key(sent, facts, abs_start, abs_end)
        if following and OUT_OF.fullmatch(sent.text[end : following[0]]):
            f_start, f_end = sent.start_char + following[0], sent.start_char + following[1]
            weapon = _weapon_of_number(sent, facts, f_start, f_end)
            if key:
                keyed.append((key, count, weapon))
            keyed.append(("launched", following[2], weapon))
            continue
        if key:
            keyed.append((key, count, _weapon_of_number(sent, facts, abs_start, abs_end)))
    return keyed


def _weapon_of_number(sent: SpacySpan, facts: _SentenceFacts, start: int, end: int) -> str | None:
    """The weapon type a number counts: the weapon noun it modifies ("100 drones")."""
    span = sent.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    head = span.root.head if span.root.dep_ in {"nummod", "quantmod"} else None
    if head is None:
        return None
    rel = head.i - sent.start
    for hit in facts.weapons:
        if hit.start <= rel < hit.end:
            return hit.entry["weapon"]
    return None


def _count_key(sent: SpacySpan, facts: _SentenceFacts, start: int, end: int) -> str | None:
    doc = sent.doc
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    last = span[-1].i - sent.start
    # 1. a counted word just after the number: "seven injuries", "two people killed"
    for hit in facts.count_words:
        if last < hit.start <= last + 5:
            between = sent[last + 1 : hit.start]
            if not any(t.is_punct or t.lower_ in {"while", "but", "and"} for t in between):
                return hit.entry["key"]
    # 2. "Of the 120 drones, ...", "attacked with 120 drones": the number launched
    root = span.root
    weapon_tokens = {h.start for h in facts.weapons} | {h.end - 1 for h in facts.weapons}
    noun = root.head
    while noun.dep_ == "conj" and noun.head is not noun:
        noun = noun.head  # "with 45 missiles and 160 drones": the drones share the "with"
    if (
        root.dep_ == "nummod"
        and root.head.i - sent.start in weapon_tokens
        and noun.dep_ == "pobj"
        and noun.head.lower_ in {"of", "with"}
    ):
        return "launched"
    # 3. "the death toll rose to 14", "a death toll of 14"
    if TOLL_BEFORE.search(sent.doc.text[sent.start_char : start]):
        return "killed"
    # 4. the verb the number hangs on: "38 were intercepted", "deployed 54 drones"
    head = span.root
    for _ in range(3):
        if head.head is head:
            break
        head = head.head
        rel = head.i - sent.start
        for hit in facts.count_words:
            if hit.start <= rel < hit.end and hit.entry["key"] not in NOUN_COUNT_KEYS:
                return hit.entry["key"]
    return None


def _actor_side(
    token: Token | None, facts: _SentenceFacts, ctx: DocContext, *, air_defence: bool = False
) -> str | None:
    """The side that acted: the trigger's subject, its "Russian" modifier, or its agent.

    In an air-defence report ("air defences destroyed 18 Ukrainian drones") the subject
    defends: the attacker is the side of what was shot down, else the subject's enemy.
    """
    sent = facts.sent
    if token is not None and air_defence:
        shot = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
        for child in shot:
            side = _side_of(child.subtree, ctx)
            if side:
                return side
        side = _weapon_side(sent, ctx.theatre)
        if side:
            return side
        for child in token.children:
            if child.dep_ == "nsubj":
                side = _side_of(child.subtree, ctx)
                if side:
                    return ctx.theatre.opposite(side)
        return None
    if token is not None:
        related = [
            c for c in token.children if c.dep_ in {"nsubj", "amod", "poss", "compound", "agent"}
        ]
        if token.dep_ in {"dobj", "pobj"}:
            related += [c for c in token.head.children if c.dep_ == "nsubj"]
        for child in related:
            side = _side_of(child.subtree, ctx)
            if side:
                return side
    return _weapon_side(sent, ctx.theatre)


def _agentless_passive(token: Token) -> bool:
    """ "23 missiles were downed": a passive trigger that names nobody who did it."""
    deps = {c.dep_ for c in token.children}
    return bool(deps & {"nsubjpass", "auxpass"}) and "agent" not in deps


def _is_speaker(token: Token) -> bool:
    """Is the token inside the subject of a reporting verb ("the Ukrainian Air Force said")?"""
    for tok in (token, *token.ancestors):
        if tok.dep_ in {"nsubj", "pobj"} and tok.head.lemma_.lower() in REPORTING:
            return True
        if tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according":
            return True
    return False


def _weapon_side(sent: SpacySpan, theatre: Theatre) -> str | None:
    """ "killed by a Russian drone", "in Russian attacks": a side word on a weapon noun."""
    for tok in sent:
        if _is_speaker(tok):
            continue  # "the Ukrainian Air Force said": who speaks, not whose weapons
        if tok.lower_ in theatre.side_words and tok.dep_ in {"amod", "compound", "poss", "nsubj"}:
            head = tok.head.lemma_.lower()
            if head in {
                "drone",
                "missile",
                "attack",
                "strike",
                "force",
                "troop",
                "army",
                "military",
                "shelling",
                "bomb",
                "artillery",
                "soldier",
                "unit",
                "airstrike",
            }:
                return theatre.side_words[tok.lower_]
    return None


def _side_of(tokens, ctx: DocContext) -> str | None:
    tokens = list(tokens)
    if not tokens:
        return None
    lo, hi = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    for mention in ctx.actors:
        if lo <= mention.start and mention.end <= hi and mention.actor.side in ctx.theatre.codes:
            return mention.actor.side
    for tok in tokens:
        if tok.lower_ in ctx.theatre.side_words:
            return ctx.theatre.side_words[tok.lower_]
    return None


def _side_actor(side: str | None, theatre: Theatre) -> Actor | None:
    if side is None:
        return None
    return Actor(name=theatre.party_name(side), side=side, type="state")


def _target(
    kind: str, actor_side: str | None, place: PlaceMention | None, theatre: Theatre
) -> Actor | None:
    """The side attacked: the party owning the place hit, else the attacker's enemy."""
    if kind not in {"strike", "ground_combat"}:
        return None
    country = place.location.country if place else None
    if country in theatre.codes and country != actor_side:
        return _side_actor(country, theatre)
    return _side_actor(theatre.opposite(actor_side), theatre)


def _weapon(hits: list[Hit]) -> str | None:
    kinds = {h.entry["weapon"] for h in hits}
    if not kinds:
        return None
    if len(kinds) == 1:
        return kinds.pop()
    # "ballistic missile" also reads as "missile": keep the most specific reading
    if (
        kinds - {"missile"}
        and len(kinds - {"missile"}) == 1
        and kinds
        & {
            "ballistic_missile",
            "cruise_missile",
        }
    ):
        return (kinds - {"missile"}).pop()
    return "mixed"


def _target_kinds(hits: list[Hit], sent: SpacySpan) -> list[str]:
    """What was hit; a word describing a place ("a port city") is not a target."""
    kinds: list[str] = []
    for hit in hits:
        token = sent[hit.start]
        if token.dep_ in {"compound", "amod"} and token.head.lemma_.lower() in PLACE_NOUNS:
            continue
        if token.dep_ in {"compound", "amod"} and (token.head.lemma_.lower() in ORGANISATION_NOUNS):
            continue  # "the regional military administration said": a speaker
        if _is_speaker(token):
            continue  # "Russia's military said it shot down...": who speaks, not what was hit
        if hit.entry["kind"] not in kinds:
            kinds.append(hit.entry["kind"])
    return kinds


def _civilian(facts: _SentenceFacts, counts: dict[str, Count]) -> bool | None:
    if not ({"killed", "injured"} & counts.keys()):
        return None
    text = facts.sent.text
    if re.search(r"\b(?:soldiers?|troops|servicem[ae]n|combatants)\b", text, re.I):
        return None
    return True if CIVILIAN.search(text) else None


def _mostly_interceptions(counts: dict[str, Count]) -> bool:
    return "intercepted" in counts and not ({"killed", "injured"} & counts.keys())


def _when(sent: SpacySpan, ctx: DocContext) -> When:
    found = dates.find(sent.text)
    if not found:
        return When()
    return dates.resolve(found[0][2], ctx.published)


def _strip(text: str) -> str:
    return text.strip(" ;,.")


def _confidence(event: Event, *, verbal: bool) -> float:
    """Heuristic: a verbal trigger, a resolved place, a side and numbers each add trust."""
    score = 0.45 if verbal else 0.35
    if event.locations and event.locations[0].lat is not None:
        score += 0.2
    elif event.locations:
        score += 0.1
    if event.actor is not None:
        score += 0.1
    if event.counts:
        score += 0.1
    if event.claimant is not None:
        score += 0.05
    if event.status == "unverified":
        score -= 0.1
    return max(0.05, min(0.95, score))


def location_names(event: Event) -> list[str]:
    """The event's place names (for document-level merging)."""
    return [loc.name for loc in event.locations]


__all__ = ["Location", "extract_kinetic", "location_names"]


# Kinds this reader produces: those of its trigger lexicon, plus casualty reports.
KINDS = ("strike", "ground_combat", "territorial_change", "casualty_report")


def cheap_terms(theatre: Theatre) -> CheapTerms:
    """A token whose lemma could start a trigger or count phrase of the lexicon."""
    lexicon = kinetic_lexicon(theatre)
    return CheapTerms(lemmas=frozenset({*lexicon.triggers.by_first, *lexicon.counts.by_first}))


READER = Reader("kinetic", "events", KINDS, extract_kinetic, cheap_terms)
