"""What a strike hit (``target_kind``): the lexicon's words for things, minus the words
that say something else in their sentence: where a place is ("a port city"), who speaks
("the regional military administration said"), who attacked and from where ("a military
airstrike", "the Ukrainian military targets", "fired from a frigate"), where a victim was
cared for ("died of his wounds in hospital"), a landmark the shells fell near ("landed
near the market") or a dateline ("PORT SUDAN —")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from warledger.nlp.kinetic.arguments import ORGANISATION_NOUNS, is_speaker
from warledger.nlp.kinetic.places import PLACE_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from warledger.nlp.kinetic.facts import SentenceFacts

SETTLEMENT_NOUNS = PLACE_NOUNS - {"area"}

# Verbs of a victim's care: "died in hospital", "was taken to hospital", "treated at a clinic".
CARE_LEMMAS = frozenset(
    {
        "die",
        "take",
        "rush",
        "treat",
        "bring",
        "admit",
        "evacuate",
        "hospitalize",
        "hospitalise",
        "remain",
    }
)

# Prepositions of a landmark beside what was hit: "rockets landed near the market".
BESIDE = frozenset({"near", "outside", "beside", "opposite"})
# ... and of where the attack came from: "fired a missile from a frigate".
LAUNCHED_FROM = frozenset({"from"})


def target_kinds_of(facts: SentenceFacts) -> list[str]:
    """The kinds of what was hit, from the sentence's target words; the modifiers and
    subjects of its trigger and weapon words are the attacker."""
    sent = facts.sent
    attack_at = {
        sent.start + i for h in (*facts.triggers, *facts.weapons) for i in range(h.start, h.end)
    }
    kinds: list[str] = []
    for hit in facts.targets:
        token = sent[hit.start]
        if token.dep_ in {"compound", "amod"} and token.head.lemma_.lower() in SETTLEMENT_NOUNS:
            continue  # but "a residential area", "an industrial area" say what was hit
        if token.dep_ in {"compound", "amod"} and (token.head.lemma_.lower() in ORGANISATION_NOUNS):
            continue  # "the regional military administration said": a speaker
        if is_speaker(token):
            continue  # "Russia's military said it shot down...": who speaks, not what was hit
        if _where_treated(token) or _beside(token) or _dateline(token):
            continue
        if _attacker(token, attack_at):
            continue
        if hit.entry["kind"] not in kinds:
            kinds.append(hit.entry["kind"])
    return kinds


def _attacker(token: Token, attack_at: set[int]) -> bool:
    """Does the word describe the attacker ("a military airstrike", "the Ukrainian military
    targets X")? Not a subject that ran into the weapon ("the car hit a roadside bomb")."""
    if token.head.i not in attack_at:
        return False
    if token.dep_ in {"compound", "amod", "poss"}:
        return True
    return token.dep_ == "nsubj" and not any(
        c.dep_ == "dobj" and c.i in attack_at for c in token.head.children
    )


def _where_treated(token: Token) -> bool:
    """Is the word the place of a victim's care ("died in hospital", "died of his wounds
    in hospital")?"""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in {"in", "to", "at"}:
        return False
    governor = prep.head
    while governor.pos_ in {"NOUN", "ADP"} and governor.head is not governor:
        governor = governor.head  # "of his wounds in hospital": up to the verb
    return governor.lemma_.lower() in CARE_LEMMAS


def _beside(token: Token) -> bool:
    """Is the word (or the noun it describes) a landmark beside the hit ("landed near the
    city's market") or where the attack came from ("fired from a frigate")?"""
    noun = token.head if token.dep_ in {"compound", "amod"} else token
    return noun.dep_ == "pobj" and noun.head.lower_ in BESIDE | LAUNCHED_FROM


def _dateline(token: Token) -> bool:
    """A word in capitals is a dateline's place ("PORT SUDAN —"), not what was hit."""
    return token.text.isupper() and len(token.text) > 2
