"""A following sentence that adds to the strike (or ground battle) just read: its numbers,
target kinds and source join that event instead of making a new one."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from warledger.nlp import attribution
from warledger.nlp.kinetic.arguments import (
    acting_side,
    civilian_of,
    confidence_of,
    weapon_of,
)
from warledger.nlp.kinetic.counts import (
    counts_by_weapon,
    counts_in,
    keyed_counts,
    weapon_counts,
)
from warledger.nlp.kinetic.facts import SentenceFacts
from warledger.nlp.kinetic.places import settlement_like
from warledger.nlp.kinetic.targets import target_kinds_of
from warledger.nlp.kinetic.triggers import live_triggers
from warledger.types import Event, Span

if TYPE_CHECKING:
    from warledger.nlp.context import DocContext

ANAPHORA = re.compile(
    r"\b(?:the|this|that) "
    r"(?:attack|strike|barrage|assault|bombardment|shelling|blasts?|explosions?)\b"
    r"|\b(?:of these|of them|the drones|the missiles|in the attack)\b"
    # "One missile hit a residential building", "the drone struck a car": the weapons of
    # the attack just told, not a new attack
    r"|\b(?:the|one|(?:one|two|three|four|five|\d+) of the) "
    r"(?:missiles?|drones?|rockets?|bombs?|shells?)\b",
    re.IGNORECASE,
)


# A sentence that tells what the attack damaged ("A school and two houses were damaged"):
# its target kinds belong to the strike just read.
DAMAGE = re.compile(
    r"\b(?:damag(?:ed|ing)|destroy(?:ed|ing)|ruined|caught fire|set (?:on )?fire|ablaze|"
    r"burn(?:ed|t) down|collapsed)\b",
    re.IGNORECASE,
)

MAX_CONTINUATION_GAP = 3  # sentences

# Areas wider than one strike's place: a sentence counting drones "over 12 regions" after a
# refinery strike reports the night's air defence as a whole, not more of that strike.
WIDER_AREAS = re.compile(
    r"\b(?:over|across|in)\s+(?:\w+\s+)?(?:regions|oblasts|provinces)\b", re.IGNORECASE
)

# A battle named again by its noun ("two guards were wounded in the firefight"): the
# sentence tells the toll of the fighting just read, not a new battle.
GROUND_ANAPHORA = re.compile(
    r"\b(?:the|this|that) (?:fighting|firefight|gunfight|clash(?:es)?|battle|assault|"
    r"ambush|raid|attack)\b",
    re.IGNORECASE,
)
# What a following sentence may add to a battle on the ground: its dead and wounded.
GROUND_TOLL_KEYS = frozenset({"killed", "injured"})


@dataclass
class OpenStrike:
    """The strike the next sentences may still be adding to."""

    event: Event
    sentence_index: int
    end_char: int


def continues(open_strike: OpenStrike, facts: SentenceFacts, index: int, ctx: DocContext) -> bool:
    """Does this sentence add to the strike read just before (same paragraph, no new place)?"""
    sent = facts.sent
    if index - open_strike.sentence_index > MAX_CONTINUATION_GAP:
        return False
    if new_paragraph(ctx.text, open_strike.end_char, sent.start_char) and not _toll_paragraph(
        open_strike, facts, index, ctx
    ):
        return False
    known = {loc.name for loc in open_strike.event.locations}
    if any(p.location.name not in known for p in facts.places if settlement_like(p)):
        return False
    barrage = any(key in {"intercepted", "launched"} for key, _, _ in keyed_counts(facts))
    wider = any(p.location.name not in known for p in facts.regions)
    if known and barrage and (wider or WIDER_AREAS.search(sent.text)):
        return False  # "drones downed over 12 regions and the Black Sea": a report of its own
    if open_strike.event.kind == "ground_combat":
        return _adds_a_toll(facts, ctx)
    territorial = any(h.entry["kind"] != "strike" for h in live_triggers(facts, ctx))
    if territorial:
        return False
    return bool(
        facts.count_words
        or ANAPHORA.search(sent.text)
        or tells_damage(facts)
        or weapon_landing(facts, ctx)
    )


def weapon_landing(facts: SentenceFacts, ctx: DocContext) -> bool:
    """"A shell hit a public transport stop", "Several rockets landed near the market",
    right after an attack and naming no attacker and no place: where the attack's weapons
    fell, not a new attack."""
    if not facts.weapons or ctx.places_in(facts.sent) or NEW_ONE.search(facts.sent.text):
        return False
    first = facts.sent[facts.weapons[0].start]
    return first.dep_ in {"nsubj", "compound"} and acting_side(None, facts, ctx) is None


# "a separate drone damaged a grain elevator", "another drone struck a man": a new attack.
NEW_ONE = re.compile(r"\b(?:separate|another|second|other|new)\b", re.IGNORECASE)


def _toll_paragraph(
    open_strike: OpenStrike, facts: SentenceFacts, index: int, ctx: DocContext
) -> bool:
    """A wire story's second paragraph that opens on the toll of the attack in its lede
    ("Russia attacked Kyiv before dawn.\n\nTwo people were killed in ..."): right after
    the strike, counting dead or wounded, naming no attack of its own ("the toll from the
    strike rose to 20" names the lede's strike again)."""
    sent = facts.sent
    named_again = [(m.start(), m.end()) for m in ANAPHORA.finditer(sent.text)]
    new_attack = any(
        not any(start <= sent[hit.start].idx - sent.start_char < end for start, end in named_again)
        for hit in live_triggers(facts, ctx)
    )
    return (
        index == open_strike.sentence_index + 1
        and not new_attack
        and any(h.entry["key"] in {"killed", "injured"} for h in facts.count_words)
    )


def tells_damage(facts: SentenceFacts) -> bool:
    """The sentence names what was damaged or destroyed and starts no attack of its own:
    its trigger words, if any, name the attack just read again ("houses were damaged by
    the explosions")."""
    sent = facts.sent
    named_again = [(m.start(), m.end()) for m in ANAPHORA.finditer(sent.text)]
    new_attack = any(
        not any(start <= sent[hit.start].idx - sent.start_char < end for start, end in named_again)
        for hit in facts.triggers
    )
    return bool(facts.targets) and not new_attack and bool(DAMAGE.search(sent.text))


def _adds_a_toll(facts: SentenceFacts, ctx: DocContext) -> bool:
    """A sentence after a ground battle continues it when it counts dead or wounded and its
    only triggers name that battle again ("in the firefight"), not a new occurrence."""
    sent = facts.sent
    if not any(h.entry["key"] in GROUND_TOLL_KEYS for h in facts.count_words):
        return False
    named_again = [(m.start(), m.end()) for m in GROUND_ANAPHORA.finditer(sent.text)]
    for hit in live_triggers(facts, ctx):
        at = sent[hit.start].idx - sent.start_char
        if not any(start <= at < end for start, end in named_again):
            return False
    return True


def new_paragraph(text: str, previous_end: int, start: int) -> bool:
    """Is there a line break between the previous sentence's last word and ``start``?
    (The parser keeps a sentence's trailing newline inside that sentence.)"""
    end = len(text[:previous_end].rstrip())
    return "\n" in text[end:start]


def continue_strike(event: Event, facts: SentenceFacts, ctx: DocContext) -> None:
    sent = facts.sent
    if event.kind == "ground_combat":
        for key, count in counts_in(facts).items():
            if key in GROUND_TOLL_KEYS:
                event.counts.setdefault(key, count)
        event.evidence.append(Span(sent.start_char, sent.end_char, sent.text))
        return
    speaker, _ = attribution.attribute(sent, ctx)
    own_source = speaker is not None and event.claimant is not None and speaker != event.claimant
    # A barrage counted per weapon ("120 drones and 3 missiles") keeps a later "100 drones
    # were shot down" with the drones: it is no total of the barrage.
    per_weapon = weapon_counts(facts) if event.counts_by_weapon else counts_by_weapon(facts)
    weapon_only: set[str] = set()
    if event.counts_by_weapon:
        keyed = keyed_counts(facts)
        weapon_only = {k for k, _, w in keyed if w} - {k for k, _, w in keyed if not w}
    for key, count in counts_in(facts).items():
        if key in weapon_only:
            continue
        if own_source and key not in event.counts:
            count.claimant = speaker  # "Two people were injured, the governor said"
        event.counts.setdefault(key, count)
    for weapon, counts in per_weapon.items():
        for key, count in counts.items():
            event.counts_by_weapon.setdefault(weapon, {}).setdefault(key, count)
    for kind in target_kinds_of(facts):
        if kind not in event.target_kind:
            event.target_kind.append(kind)
    if event.weapon is None:
        event.weapon = weapon_of(facts.weapons)
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
        event.civilian = civilian_of(facts, event.counts)
    event.evidence.append(Span(sent.start_char, sent.end_char, sent.text))
    event.confidence = confidence_of(event, verbal=True)
