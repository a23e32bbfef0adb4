"""Who acted, who was hit, with what, when and how sure: the fields of a kinetic event
read from the trigger's sentence and the theatre's parties."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from warledger.nlp import attribution, dates
from warledger.nlp.actors import side_actor, state_actor
from warledger.nlp.kinetic.facts import SentenceFacts
from warledger.nlp.lexicon import Hit
from warledger.nlp.theatre import Theatre
from warledger.types import Actor, Count, Event, When

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from warledger.nlp.context import DocContext, PlaceMention

REPORTING = attribution.REPORTING_LEMMAS


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


CIVILIAN = re.compile(
    r"\b(?:civilians?|residents?|people|children|child|women|woman|man|men)\b", re.I
)


def pronoun_subject(token: Token) -> bool:
    """The trigger's subject is a pronoun or "its forces": the speaker's own side. A
    trigger with no subject of its own takes its clause's ("its forces are now in control
    of X": the subject hangs on "are", two heads above "control")."""
    for _ in range(2):
        if token.head is token or any(c.dep_ in {"nsubj", "agent"} for c in token.children):
            break
        if token.pos_ in {"VERB", "AUX"}:
            break  # a verb without a subject of its own: do not borrow the one above it
        token = token.head
    for child in token.children:
        if child.dep_ not in {"nsubj", "agent"}:
            continue
        words = {t.lower_ for t in child.subtree}
        if child.lower_ in PRONOUN_SUBJECTS or words & {"its", "our", "their"}:
            return True
    return False


def taken_or_retaken(
    actor_side: str | None, place: PlaceMention, subtype: str | None, parties: frozenset[str]
) -> str:
    """ "Liberated": a party taking the other party's soil captured it."""
    country = place.location.country
    if actor_side in parties and country in parties and country != actor_side:
        return "captured"
    return subtype or "recaptured"


# What is flown or sailed rather than fired: shooting one down is an attack on its side.
PLATFORM = re.compile(
    r"\b(?:aircraft|(?:war|air)?planes?|jets?|helicopters?|bombers?|gunships?|(?:war)?ships?|"
    r"vessels?|boats?|frigates?|corvettes?|cruisers?|submarines?|Sukhoi|Ilyushin|Tupolev|"
    r"Antonov|Beriev|(?:Su|Mi|MiG|Ka|Tu|Il|An|A)-\d+\w*)\b",
    re.IGNORECASE,
)


# What is fired from, not fired: a launcher or battery "destroyed" was struck, its side the
# target; no interception ("destroyed a HIMARS launcher", "a Patriot air defence system").
GROUND_SYSTEMS = frozenset(
    {"launcher", "system", "battery", "radar", "howitzer", "tank", "vehicle", "complex"}
)


def hits_ground_system(token: Token | None) -> bool:
    """The trigger's object is a launcher, battery or vehicle, not something in flight."""
    if token is None:
        return False
    return any(
        c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in GROUND_SYSTEMS
        for c in token.children
    )


def downed_platform(token: Token | None) -> Token | None:
    """The aircraft or ship the trigger says was shot down ("shot down a Russian Su-34",
    "a helicopter was downed"), as the head of its phrase; None for drones and missiles."""
    if token is None:
        return None
    for child in token.children:
        if child.dep_ in {"dobj", "nsubjpass"}:
            words = " ".join(t.text for t in child.subtree)
            if PLATFORM.search(words):
                return child
    return None


def acting_side(
    token: Token | None, facts: SentenceFacts, ctx: DocContext, *, air_defence: bool = False
) -> str | None:
    """The side that acted: the trigger's subject, its "Russian" modifier, or its agent.

    In an air-defence report ("air defences destroyed 18 Ukrainian drones") the subject
    defends: the attacker is the side of what was shot down, else the subject's enemy.
    Aircraft and ships are not fired but flown: whoever shot down "a Russian Su-34" acted
    against Russia, so the actor is the enemy of the aircraft's side.
    """
    sent = facts.sent
    platform = downed_platform(token) if air_defence else None
    if platform is not None:
        owner = side_of(platform.subtree, ctx)
        if owner:
            return ctx.theatre.opposite(owner)
        for child in token.children:  # "its air defences shot down two helicopters"
            if child.dep_ in {"nsubj", "agent"}:
                side = side_of(child.subtree, ctx)
                if side:
                    return side
        return None
    if token is not None and air_defence:
        shot = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
        for child in shot:
            side = side_of(child.subtree, ctx)
            if side:
                return side
        side = weapon_side(sent, ctx.theatre)
        if side:
            return side
        for child in token.children:
            if child.dep_ == "nsubj":
                side = side_of(child.subtree, ctx)
                if side:
                    return ctx.theatre.opposite(side)
        return None
    if token is not None:
        related = [
            c for c in token.children if c.dep_ in {"nsubj", "amod", "poss", "compound", "agent"}
        ]
        if token.pos_ == "NOUN":  # "advances by Ukrainian forces": the noun's own agent
            related += [
                g
                for c in token.children
                if c.dep_ == "prep" and c.lower_ == "by"
                for g in c.children
                if g.dep_ == "pobj"
            ]
        if token.dep_ in {"dobj", "pobj"}:
            related += [c for c in token.head.children if c.dep_ == "nsubj"]
        if token.dep_ == "compound":  # "a Russian sabotage group": the phrase's head
            related += [c for c in token.head.children if c.dep_ in {"amod", "poss", "compound"}]
        related += _subjects_above(token)
        for child in related:
            side = side_of(_before_place(child), ctx)
            if side:
                return side
        speaker = _speaker_side(token, ctx) if pronoun_subject(token) else None
        if speaker:  # "the General Staff said its forces hit a depot supplying the Russian
            return speaker  # army": the speaker's side, not the army's
    hit = _hit_tokens(token)
    side = weapon_side(sent, ctx.theatre, skip=hit)
    if side or not hit:
        return side
    # "destroyed six Russian aircraft" with no attacker named: the enemy of what was hit.
    owner = side_of(sorted((sent.doc[i] for i in hit), key=lambda t: t.i), ctx)
    return ctx.theatre.opposite(owner)


def _speaker_side(token: Token, ctx: DocContext) -> str | None:
    """The side of whoever reports the clause of ``token`` (the subject of the verb of
    saying above it), which "its forces", "our troops" stand for."""
    for node in token.ancestors:
        if node.lemma_.lower() in REPORTING:
            for child in node.children:
                if child.dep_ == "nsubj" and (side := side_of(child.subtree, ctx)):
                    return side
            return None
    return None


def _before_place(phrase: Token) -> list[Token]:
    """The phrase's words before a place it names ("a missile attack on a building in Kryvyi
    Rih, Ukraine": the attack, not whose the building is)."""
    words = list(phrase.subtree)
    cut = next((t.i for t in words if t.dep_ == "prep" and t.lower_ in _PLACE_PREPS), 10**9)
    return [t for t in words if t.i < cut]


_PLACE_PREPS = frozenset({"on", "in", "at", "near", "against", "into", "over", "across"})


def _subjects_above(token: Token) -> list[Token]:
    """Subjects of the verbs an attack word is the object of, up through "attempted to
    launch an offensive" or a participle ("..., killing two"), stopping at a verb of saying
    (whose subject only reports)."""
    out: list[Token] = []
    node = token
    for _ in range(5):
        # "Russian aviation dropped a bomb on X, killing a resident": the participle's doer
        # is the subject of the clause it hangs on
        participle = node.dep_ == "advcl" and node.tag_ == "VBG"
        if node.dep_ not in {"dobj", "xcomp", "pobj", "prep", "conj"} and not participle:
            break
        if node.head is node:
            break
        controlled = node.dep_ == "xcomp"  # "the SBU claims to have destroyed": its own act
        node = node.head
        if node.lemma_.lower() in REPORTING and not controlled:
            break
        out.extend(c for c in node.children if c.dep_ == "nsubj")
        if out:
            break
    return out


def _hit_tokens(token: Token | None) -> set[int]:
    """Token indices of what the trigger verb hit: its object or passive subject."""
    if token is None or token.pos_ not in {"VERB", "AUX"}:
        return set()
    return {t.i for c in token.children if c.dep_ in {"dobj", "nsubjpass"} for t in c.subtree}


def agentless_passive(token: Token) -> bool:
    """ "23 missiles were downed": a passive trigger that names nobody who did it."""
    deps = {c.dep_ for c in token.children}
    return bool(deps & {"nsubjpass", "auxpass"}) and "agent" not in deps


def is_speaker(token: Token) -> bool:
    """Is the token inside the subject of a reporting verb ("the Ukrainian Air Force said")?"""
    for tok in (token, *token.ancestors):
        if tok.dep_ in {"nsubj", "pobj"} and tok.head.lemma_.lower() in REPORTING:
            return True
        if tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according":
            return True
    return False


_ARMED_NOUNS = frozenset({"drone", "missile", "attack", "strike", "force", "troop", "army",
    "military", "shelling", "bomb", "artillery", "soldier", "unit", "airstrike"})  # fmt: skip


def weapon_side(sent: SpacySpan, theatre: Theatre, skip: set[int] = frozenset()) -> str | None:
    """ "killed by a Russian drone", "in Russian attacks": a side word on a weapon noun
    (not in ``skip``, what was hit: "captured 594 Russian troops")."""
    for tok in sent:
        if tok.i in skip:
            continue
        if is_speaker(tok):
            continue  # "the Ukrainian Air Force said": who speaks, not whose weapons
        if (
            tok.lower_ in theatre.side_words
            and tok.dep_ in {"amod", "compound", "poss", "nsubj"}
            and tok.head.lemma_.lower() in _ARMED_NOUNS
        ):
            return theatre.side_words[tok.lower_]
    return None


def side_of(tokens, ctx: DocContext) -> str | None:
    tokens = list(tokens)
    if not tokens:
        return None
    lo, hi = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    for mention in ctx.actors:
        if lo <= mention.start and mention.end <= hi and mention.actor.side in ctx.theatre.codes:
            return mention.actor.side
    for tok in tokens:
        if any(lo <= tok.idx < hi for lo, hi in ctx.datelines):
            continue  # "ODESA, Ukraine (AP) —" opening the sentence names no side
        if tok.lower_ in ctx.theatre.side_words:
            return ctx.theatre.side_words[tok.lower_]
    return None


def target_of(
    kind: str, actor_side: str | None, place: PlaceMention | None, theatre: Theatre
) -> Actor | None:
    """The side attacked: the state owning the place hit (a drone downed in Poland hit
    Poland, not Ukraine), else the attacker's enemy. For a territorial change, the side
    that lost the place: the holder's enemy."""
    if kind == "territorial_change":
        return side_actor(theatre.opposite(actor_side), theatre)
    if kind not in {"strike", "ground_combat"}:
        return None
    country = place.location.country if place else None
    if country in theatre.codes and country != actor_side:
        return side_actor(country, theatre)
    if country and country not in theatre.codes and actor_side in theatre.codes:
        return state_actor(country)
    return side_actor(theatre.opposite(actor_side), theatre)


def weapon_of(hits: list[Hit]) -> str | None:
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


def civilian_of(facts: SentenceFacts, counts: dict[str, Count]) -> bool | None:
    if not ({"killed", "injured"} & counts.keys()):
        return None
    text = facts.sent.text
    if re.search(r"\b(?:soldiers?|troops|servicem[ae]n|combatants)\b", text, re.I):
        return None
    return True if CIVILIAN.search(text) else None


def date_of(sent: SpacySpan, ctx: DocContext) -> When:
    found = dates.find(sent.text)
    if not found:
        return When()
    return dates.resolve(found[0][2], ctx.published)


def confidence_of(event: Event, *, verbal: bool) -> float:
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
