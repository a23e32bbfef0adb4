"""Casualties that are not one attack's count: victim lists town by town, a side's troop
losses, and totals over a period."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

from warledger.nlp import attribution, dates, numbers
from warledger.nlp.kinetic.arguments import (
    acting_side,
    civilian_of,
    confidence_of,
    date_of,
    side_actor,
    side_of,
    target_of,
    weapon_of,
)
from warledger.nlp.kinetic.counts import counts_in
from warledger.nlp.kinetic.facts import SentenceFacts
from warledger.nlp.kinetic.places import usable_places
from warledger.nlp.kinetic.targets import target_kinds_of
from warledger.nlp.kinetic.totals import (
    PERIOD_TOTAL,
    is_bodies_found,
    is_casualty_total,
    is_troop_toll,
)
from warledger.nlp.kinetic.triggers import ARMED
from warledger.nlp.lexicon import Hit, kinetic_lexicon
from warledger.types import Count, Event, Span, When

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from warledger.nlp.context import DocContext

LOSS_VERBS = frozenset({"lost", "losing", "loses", "lose"})


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
    r"\b(?:(?:lost|losing|loses|lose)|losses\s+(?:at|of))\s+(?P<number>(?:[\w,.-]+\s+){1,3}?)"
    r"(?:troops|soldiers|servicemen|personnel|fighters)\b",
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


def is_total_without_trigger(facts: SentenceFacts, ctx: DocContext, last_side: str | None) -> bool:
    """A toll summed over a period with no attack named ("12,605 civilians have been
    killed and 29,178 injured since February 2022", "over the past day five civilians
    were killed"): a casualty report of the war when the sentence is about armed
    violence (civilians or soldiers counted, armed men or a party named, or a document
    already about the war), and no hazard or crowd does the killing."""
    if not (
        is_casualty_total(facts, "strike") or is_troop_toll(facts, ctx) or is_bodies_found(facts)
    ):
        return False
    if not any(k in counts_in(facts) for k in ("killed", "injured")):
        return False
    unarmed = kinetic_lexicon(ctx.theatre).unarmed_agents
    for hit in facts.count_words:
        token = facts.sent[hit.start]
        agents = {c.lemma_.lower() for c in token.children if c.dep_ in {"nsubj", "agent"}}
        agents |= {
            g.lemma_.lower()
            for c in token.children
            if c.dep_ == "agent"
            for g in c.children
        }
        if agents & unarmed:
            return False
    text = facts.sent.text
    return bool(
        last_side is not None
        or WAR_VICTIMS.search(text)
        or ARMED.search(text)
        or any(m.actor.side in ctx.theatre.codes for m in ctx.actors_in(facts.sent))
    )


WAR_VICTIMS = re.compile(r"\b(?:civilians?|soldiers?|servicem[ae]n|troops)\b", re.IGNORECASE)


def casualty_report(facts: SentenceFacts, ctx: DocContext) -> Event:
    sent = facts.sent
    counts = {k: v for k, v in counts_in(facts).items() if k in {"killed", "injured"}}
    side = acting_side(None, facts, ctx)
    claimant, status = attribution.attribute(sent, ctx, actor_side=side, war_fact=True)
    if side is None and claimant is not None and claimant.side and any(
        _own_forces(sent[h.start]) for h in facts.count_words
    ):
        side = claimant.side  # "the army chief said his forces had killed 1,000 fighters"
        claimant, status = attribution.attribute(sent, ctx, actor_side=side, war_fact=True)
    victims = _victims_side(facts, ctx)
    if victims is not None and side == victims:
        side = None  # "1,300 Russian soldiers had been killed": Russia lost them
        claimant, status = attribution.attribute(sent, ctx, actor_side=side, war_fact=True)
    # a toll over a country ("406 civilian casualties in Ukraine") is located in it
    where = facts.places or [p for p in facts.regions if p.location.precision == "country"]
    event = Event(
        kind="casualty_report",
        actor=side_actor(side, ctx.theatre),
        target=side_actor(victims, ctx.theatre),
        locations=[p.location for p in where],
        date=_period_of(sent, ctx),
        counts=counts,
        civilian=civilian_of(facts, counts),
        claimant=claimant,
        status=status,
        evidence=[Span(sent.start_char, sent.end_char, sent.text)],
    )
    event.confidence = confidence_of(event, verbal=True)
    return event


def _victims_side(facts: SentenceFacts, ctx: DocContext) -> str | None:
    """The side of those counted: the subject of "were killed" or the object of "killed"."""
    for hit in facts.count_words:
        if hit.entry["key"] not in {"killed", "injured"}:
            continue
        token = facts.sent[hit.start]
        for child in token.children:
            if child.dep_ in {"nsubjpass", "dobj"}:
                side = side_of(child.subtree, ctx)
                if side:
                    return side
    return None


def _own_forces(token: Token) -> bool:
    """The count verb's subject is the speaker's own ("his forces", "its troops")."""
    for child in token.children:
        if child.dep_ == "nsubj" and {t.lower_ for t in child.subtree} & OWN_WORDS:
            return True
    return False


OWN_WORDS = frozenset({"his", "her", "its", "our", "their"})


# How far past "since Russia invaded" the year of that beginning may stand.
SINCE_REACH = 12


def _period_of(sent: SpacySpan, ctx: DocContext) -> When:
    """A total's date is the period it sums ("... in the past week"), not the day it was
    said ("said on Saturday"); without a stated period, the sentence's date."""
    period = PERIOD_TOTAL.search(sent.text)
    if period is not None:
        since = period.group().lower().startswith("since")
        # "since Russia invaded in 2022": the year closes the period's clause
        reach = period.end() + (SINCE_REACH if since else 0)
        for start, end, expression in dates.find(sent.text):
            if start <= period.start() < end or period.start() <= start < reach:
                when = dates.resolve(expression, ctx.published)
                if when.precision != "unknown":
                    return _up_to_now(when, period.group(), ctx)
    return date_of(sent, ctx)


def _up_to_now(when: When, period: str, ctx: DocContext) -> When:
    """ "killed since February 2022" sums from then to the day it was told: a range ending
    on the publication date, not an event of February 2022."""
    if not period.lower().startswith("since"):
        return when
    if ctx.published is None or when.start is None:
        return when  # no day it was told: the period's start is all the text gives
    return When(when.start, ctx.published.isoformat(), "days", f"since {when.text}")


def lists_victims(facts: SentenceFacts) -> bool:
    """Does the sentence list people hurt, town by town?

    "Among the injured were a woman in A; and a man in B", "the dead include ...", or a
    casualty verb over people ("killed three civilians: a woman in A and a man in B",
    "injured a woman and a man in A").
    """
    text = facts.sent.text
    if VICTIM_LIST.search(text):
        return True
    if casualty_key(facts.count_words) is None or not PERSON.search(text):
        return False
    # "killing a woman in A and a man in B" is a list; "struck A, killing a man" is one
    # attack with its toll: a list names people in two towns' segments at least.
    text_all = facts.sent.doc.text
    named = 0
    for start, end in _list_segments(facts, _list_head_end(facts), text_all):
        segment = text_all[start:end]
        named += bool(PERSON.search(segment) or _people_numbered(segment))
    return named >= 2


def casualty_key(hits: list[Hit]) -> str | None:
    """The casualty key of the first killed/injured word among ``hits``."""
    return next((h.entry["key"] for h in hits if h.entry["key"] in {"killed", "injured"}), None)


def _list_key(facts: SentenceFacts, head_end: int, ctx: DocContext) -> str | None:
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
    key = casualty_key(head)
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


def _list_head_end(facts: SentenceFacts) -> int:
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


def _list_segments(facts: SentenceFacts, head_end: int, text: str) -> list[tuple[int, int]]:
    """Character ranges, one per town: split at ";", then after each town, with words
    after a segment's last town ("...in Kherson after Russia targeted 36 settlements")
    kept with that town."""
    sent = facts.sent
    bounds = [head_end, *(sent.start_char + m.end() for m in re.finditer(";", sent.text))]
    bounds = [b for b in bounds if b >= head_end] + [sent.end_char]
    segments = []
    for lo, hi in pairwise(bounds):
        places = usable_places([p for p in facts.places if lo <= p.start and p.end <= hi], text)
        start = lo
        for i, place in enumerate(places):
            end = hi if i == len(places) - 1 else place.end
            segments.append((start, end))
            start = end
    return segments


def troop_losses(facts: SentenceFacts, ctx: DocContext, losses: re.Match[str]) -> Event:
    """ "Russian forces have lost more than 14,000 troops": a casualty report whose target
    is the side that lost them; who inflicted them is not said, so no actor. The number
    is kept under ``killed`` with the words it was read from."""
    sent = facts.sent
    count = numbers.parse_count(losses.group("number"))
    counts = {"killed": Count(count.value, count.qualifier, losses.group(0))} if count else {}
    subject = next((t for t in sent if t.dep_ == "nsubj" and t.head.lower_ in LOSS_VERBS), None)
    if subject is None:  # "estimated Russian losses at 150,000 soldiers": whose losses
        subject = next((t for t in sent if t.lower_ == "losses"), None)
    side = side_of(subject.subtree, ctx) if subject is not None else None
    claimant, status = attribution.attribute(sent, ctx, war_fact=True)
    if status == "reported" and claimant and side and claimant.side == ctx.theatre.opposite(side):
        status = "claimed"  # a party telling its enemy's losses
    event = Event(
        kind="casualty_report",
        target=side_actor(side, ctx.theatre),
        date=_period_of(sent, ctx),
        counts=counts,
        civilian=False,
        claimant=claimant,
        status=status,
        evidence=[Span(sent.start_char, sent.end_char, sent.text)],
    )
    event.confidence = confidence_of(event, verbal=True)
    return event


def victim_list(
    facts: SentenceFacts, ctx: DocContext, last_side: str | None, last_when: When | None
) -> list[Event]:
    """One strike per town in "Among the injured were ... in A; ... in B", each counting
    only the people listed for that town; a total said before the list ("killed three
    civilians:") is not copied into any town."""
    sent = facts.sent
    text = ctx.text
    head_end = _list_head_end(facts)
    list_key = _list_key(facts, head_end, ctx)
    sentence_when = date_of(sent, ctx)
    # "Russian drones killed three civilians: ...": a weapon before the list is every town's
    head_weapons = [h for h in facts.weapons if sent[h.start].idx < head_end]
    lexicon = kinetic_lexicon(ctx.theatre)
    events = []
    for start, end in _list_segments(facts, head_end, text):
        segment = text[start:end]
        seg_places = usable_places(
            [p for p in facts.places if start <= p.start and p.end <= end], text
        )
        if not seg_places:
            continue
        seg_sent = ctx.doc.char_span(start, end, alignment_mode="expand")
        seg_lemmas = [t.lemma_.lower() for t in seg_sent]
        seg_facts = SentenceFacts(
            sent=seg_sent,
            lemmas=seg_lemmas,
            triggers=[],
            weapons=lexicon.weapons.find(seg_lemmas),
            targets=lexicon.target_kinds.find(seg_lemmas),
            count_words=lexicon.counts.find(seg_lemmas),
            places=seg_places,
        )
        counts = counts_in(seg_facts)
        if "killed" not in counts and "injured" not in counts:
            people = len(PERSON.findall(segment)) + _people_numbered(segment)
            key = casualty_key(seg_facts.count_words) or list_key
            if people and key:
                counts[key] = Count(people, "exact", _strip(segment))
        side = acting_side(None, seg_facts, ctx) or acting_side(None, facts, ctx) or last_side
        claimant, status = attribution.attribute(sent, ctx, actor_side=side, war_fact=True)
        lead = len(segment) - len(segment.lstrip(" ;,"))
        tail = len(segment.rstrip(" ;,.")) if segment.strip() else len(segment)
        evidence = Span(start + lead, start + tail, text[start + lead : start + tail])
        place = seg_places[0]
        if dates.find(segment):
            when = date_of(seg_sent, ctx)
        else:
            when = sentence_when if sentence_when.start else (last_when or When())
        event = Event(
            kind="strike",
            actor=side_actor(side, ctx.theatre),
            target=target_of("strike", side, place, ctx.theatre),
            locations=[place.location],
            date=when,
            weapon=weapon_of(seg_facts.weapons) or weapon_of(head_weapons),
            target_kind=target_kinds_of(seg_facts),
            counts=counts,
            civilian=civilian_of(seg_facts, counts),
            claimant=claimant,
            status=status,
            evidence=[evidence],
        )
        event.confidence = confidence_of(event, verbal=False)
        events.append(event)
    return events


def _strip(text: str) -> str:
    return text.strip(" ;,.")
