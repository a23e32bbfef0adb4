"""Which kinetic triggers report an occurrence, and which one decides a sentence's kind.

A trigger is live unless it is hypothetical, talked about (under a ceasefire, an
accusation or a wish), a generalisation ("these attacks"), an aftermath ("the scene of
the airstrike"), a quoted present-tense opinion or a modifier of another noun. An
ambiguous trigger ("attack", "hit") needs something armed in its sentence.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from warledger.nlp import clauses
from warledger.nlp.kinetic.blame import accused_of
from warledger.nlp.kinetic.facts import SentenceFacts
from warledger.nlp.kinetic.ground import (
    before_the_news,
    ground_subject,
    in_name,
    is_ground_attack,
)
from warledger.nlp.kinetic.mentions import told_elsewhere
from warledger.nlp.kinetic.targets import target_kinds_of
from warledger.nlp.kinetic.tense import one_act_tense
from warledger.nlp.lexicon import Hit, kinetic_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

    from warledger.nlp.context import DocContext


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
        "prepare", "preparation", "vow", "promise", "intend", "expect", "anticipate",
        "condemn",
        "retaliate",
        "retaliation",
        "justify",
        "validate",
        "severity",
        "response",
        "allegation",
        "deny",
        "comment",
        "reject",
        "blame",
        "link",
        "charge",
        "convict",
        "confess",
        "suspect",
    }
)


# Determiners and modifiers of a trigger noun that refer back or generalise rather than
# report one act ("these attacks", "repeated small incursions since the spring").
NOT_ONE_ACT_DETS = frozenset(
    {"these", "those", "such", "similar", "any", "future", "this", "that", "several",
     "many", "numerous", "multiple", "more", "repeated", "frequent", "regular", "constant",
     "persistent", "recurring", "periodic", "sporadic", "occasional"}
)  # fmt: skip


# Words that make an ambiguous trigger ("attack", "hit", "storm") military: outside the war
# the same verbs describe tariffs, storms, sport and politics.
ARMED = re.compile(
    r"\b(?:forces?|troops?|army|armies|military|soldiers?|servicem[ae]n|militants?|rebels?|"
    r"insurgents?|gunm[ae]n|fighters?|jihadists?|terrorists?|militias?|armed|weapons?|guns?|"
    r"gunfire|explosi\w+|explosives?|shells?|artillery|air defen[cs]es?|warplanes?|"
    r"aircraft|jets?|bombers?|tanks?|paratroopers?|infantry|brigades?|battalions?|enemy|"
    r"occupiers?|regiments?|al-shabab|taliban|hamas|hezbollah|houthis?|islamic state)\b",
    re.IGNORECASE,
)


# "in targeting", "for attacking": a gerund under these talks about an act, not one act.
FRAMING_PREPOSITIONS = frozenset({"in", "of", "for", "about", "against", "from", "by"})


def names_what_was_hit(hit: Hit, facts: SentenceFacts) -> bool:
    """A strike with no place or number still reports one occurrence when it names what
    was hit and what with ("drones struck an oil depot", "a train came under a bomb and gun
    attack")."""
    if not target_kinds_of(facts):
        return False
    token = facts.sent[hit.start]
    verb = next((t for t in (token, *token.ancestors) if t.pos_ in {"VERB", "AUX"}), token)
    if not (one_act_tense(verb) or _incident_line(token)):
        return False  # "claims targeting ...", "the goal of strikes on ...": no one act told
    return bool(facts.weapons or hit.entry.get("inherent") or ARMED.search(facts.sent.text))


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _incident_line(token: Token) -> bool:
    """"Shelling of a residential area by Russian forces.": a monitoring log's verbless
    line, the trigger its root, tells one act as a finite verb would."""
    return token.dep_ == "ROOT" and not any(t.tag_ in FINITE_TAGS for t in token.sent)


def kind_of(hit: Hit, facts: SentenceFacts) -> str:
    """The trigger's event kind, with "troops attacked positions" read as ground combat."""
    kind = hit.entry["kind"]
    if hit.entry.get("ground_with_troops") and is_ground_attack(facts.sent[hit.start], facts):
        return "ground_combat"
    return kind


def is_armed(hit: Hit, facts: SentenceFacts, ctx: DocContext, last_side: str | None) -> bool:
    """Is this trigger about armed violence? ("trade war", "attack on democracy" are not.)

    A military trigger ("shelling", "airstrike") is; an ambiguous one needs a weapon,
    armed men, a party to the war, casualties, or a document already about the war. None
    is when its agent is a hazard, an accident or a crowd ("an earthquake struck",
    "inmates seized control of a prison"), whatever the tolls.
    """
    if _agent_lemmas(facts.sent[hit.start]) & kinetic_lexicon(ctx.theatre).unarmed_agents:
        return False
    if hit.entry.get("inherent") or facts.weapons or last_side is not None:
        return True
    if any(h.entry["key"] in {"killed", "injured"} for h in facts.count_words):
        return True
    if ARMED.search(facts.sent.text):
        return True
    return any(m.actor.side in ctx.theatre.codes for m in ctx.actors_in(facts.sent))


def _agent_lemmas(token: Token) -> set[str]:
    """Who or what does the trigger: a verb's subject (or the subject of the clause it
    continues), a noun's modifiers ("a shark attack"), and the noun a verb describes."""
    verb = token
    agents = [c for c in verb.children if c.dep_ in {"nsubj", "compound", "poss"}]
    if not agents and verb.dep_ in {"conj", "advcl", "xcomp"}:
        agents = [c for c in verb.head.children if c.dep_ == "nsubj"]
        if verb.tag_ == "VBG" and verb.dep_ == "advcl":
            # "announced a package of sanctions ..., targeting the fleet": what was announced
            objects = [c for c in verb.head.children if c.dep_ == "dobj"]
            agents += objects + [
                g for o in objects for p in o.children if p.dep_ == "prep"
                for g in p.children if g.dep_ == "pobj"
            ]
    agents += [
        g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"
    ]
    agents += [  # "a gun battle with police", "clashes between protesters and police"
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in {"with", "between"}
        for p in c.children
        if p.dep_ == "pobj"
        for g in (p, *p.conjuncts)
    ]
    if verb.dep_ in {"nsubj", "acl", "relcl"}:
        # "a shark attack killed", "sanctions targeting the fleet", "fans who stormed"
        agents += [verb.head]
    return {a.lemma_.lower() for a in agents}


# Modifiers that put an attack in the air, whoever launched it.
def object_is_target(token: Token, facts: SentenceFacts) -> bool:
    """The trigger's object names a target (a bridge, a military facility), not
    something in flight: what was destroyed was struck, not shot down."""
    rel = {t.i - facts.sent.start for c in token.children if c.dep_ in {"dobj", "nsubjpass"}
           for t in c.subtree}  # fmt: skip
    return any(h.start in rel for h in facts.targets)


def _armed_target(token: Token, facts: SentenceFacts) -> bool:
    """Armed men or arms as the subject and a target as the object ("Ukrainian forces
    destroyed a second bridge", "its aircraft destroyed four military boats"): an attack
    with no weapon word. A blaze or a flood destroying a depot has no armed subject."""
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    armed = any(ARMED_AGENTS.search(" ".join(t.text for t in s.subtree)) for s in subjects)
    return armed and object_is_target(token, facts)


# Who can destroy on purpose: armed men and what they fly or fire from (a gas explosion or
# a blaze destroys too, by accident).
ARMED_AGENTS = re.compile(
    r"\b(?:forces?|troops?|army|armies|military|soldiers?|servicem[ae]n|militants?|rebels?|"
    r"insurgents?|gunm[ae]n|fighters?|militias?|navy|air force|aircraft|warplanes?|jets?|"
    r"bombers?|helicopters?|artillery|units?|brigades?|battalions?|regiments?|drones?)\b",
    re.IGNORECASE,
)


# Nouns that stand for a settlement or area when a verb's object ("entered the city of X").
PLACE_NOUNS = frozenset(
    {"city", "town", "village", "settlement", "district", "region", "oblast", "outskirts",
     "centre", "center", "suburb", "suburbs", "capital", "port", "outskirt"}
)


def _object_is_place(token: Token, facts: SentenceFacts) -> bool:
    """The verb's object is a place named in the sentence or a settlement noun."""
    objects = [c for c in token.children if c.dep_ == "dobj"]
    for obj in objects:
        if obj.lemma_.lower() in PLACE_NOUNS:
            return True
        if any(p.start <= obj.idx < p.end for p in facts.places):
            return True
    return False


def _takes_people(token: Token, ctx: DocContext) -> bool:
    """The trigger's object ("captured 100 soldiers", "the capture of a soldier", "seized
    a superyacht") is people or property, not a place."""
    people = kinetic_lexicon(ctx.theatre).taken_not_ground
    objects = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
    objects += [
        g
        for c in token.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    objects += [c for o in objects for c in o.conjuncts]  # "594 troops and 100 settlements"

    def named(o: Token) -> set[str]:  # "oil tanker Pegas": the name's own noun
        return {o.lemma_.lower()} | {c.lemma_.lower() for c in o.children if c.dep_ == "compound"}

    return bool(objects) and all(named(o) & people for o in objects)


# Manned aircraft that air forces "intercept" to escort them away; drones and missiles
# intercepted are shot down.
MANNED_AIRCRAFT = frozenset({"bomber", "aircraft", "plane", "airplane", "jet", "warplane"})
UNMANNED = frozenset({"drone", "missile", "uav", "rocket", "shahed"})


def _escorted(token: Token) -> bool:
    """ "Intercepted a Russian reconnaissance plane over the Baltic": a manned aircraft
    met in the air, which is no attack; "intercepted 40 drones" is."""
    if token.lemma_.lower() != "intercept":
        return False
    for child in token.children:
        if child.dep_ in {"dobj", "nsubjpass"}:
            words = {t.lemma_.lower() for t in child.subtree}
            return bool(words & MANNED_AIRCRAFT) and not words & UNMANNED
    return False


def denied(token: Token) -> bool:
    """Is the noun said to be absent: "no hits", "no missile or drone hits", "no sign of
    a drone attack" (up to two nouns up through "of")?"""
    node = token
    for _ in range(3):
        if any(t.dep_ == "det" and t.lower_ == "no" for t in node.subtree if t.i < node.i):
            return True
        if node.dep_ != "pobj" or node.head.lower_ != "of" or node.head.head.pos_ != "NOUN":
            return False
        node = node.head.head
    return False


def live_triggers(facts: SentenceFacts, ctx: DocContext) -> list[Hit]:
    """Triggers that report an occurrence (not a hypothetical, a topic or a wish)."""
    sent = facts.sent
    live = []
    for hit in facts.triggers:
        token = sent[hit.start]
        armed_target = hit.entry.get("or_armed_target") and _armed_target(token, facts)
        if hit.entry.get("needs_weapon") and not facts.weapons and not armed_target:
            continue
        if any(_has_phrase(facts.lemmas, p) for p in hit.entry.get("not_with_phrases", ())):
            continue  # "withdrew from X, transferring control to the regular army"
        if hit.entry.get("not_with_weapon") and facts.weapons:
            continue  # "repelled a drone attack": air defence, not a fight on the ground
        if hit.entry.get("subtype") == "air_defense_engagement" and _escorted(token):
            continue  # "NORAD intercepted two Russian bombers near Alaska": met, not fired on
        if in_name(token):
            continue  # "the Air Assault Regiment", "the Battle of Ilovaisk": names
        if before_the_news(token):
            continue  # "withdrew from X after weeks of fighting"
        if told_elsewhere(token, ground=hit.entry["kind"] == "ground_combat"):
            continue  # "most of the shelling", "destroyed in the fighting", "no hits"
        if hit.entry.get("pos") and token.pos_ != hit.entry["pos"]:
            continue
        if hit.entry.get("tags") and token.tag_ not in hit.entry["tags"]:
            continue  # "troops killed eight militants", not "have killed dozens" over time
        if hit.entry.get("needs_ground_subject") and not ground_subject(token, ctx):
            continue  # "the law entered into force", "police shot a suspect"
        if hit.entry.get("place_object") and not _object_is_place(token, facts):
            continue  # "units entered the war zones in X": no place taken into
        taking = hit.entry["kind"] == "territorial_change" and not hit.entry.get("object_ousted")
        if taking and _takes_people(token, ctx):
            continue  # "captured 100 Russian soldiers", "seized a tanker": not ground
        before = {t.lemma_.lower() for t in sent[max(0, hit.start - 3) : hit.start]}
        if hit.entry.get("preceded_by") and not before & set(hit.entry["preceded_by"]):
            continue  # "control" counts only as "under Russian control"
        if before & set(hit.entry.get("not_preceded_by", ())):
            continue  # "troops remain in control of X": no change
        clause = clauses.read_clause(token, sent)
        hypothetical = clause.hypothetical and not clauses.is_attempt(token, hit.entry["kind"])
        if hypothetical or _is_talked_about(token) or clauses.in_gerund_subject(token):
            continue
        if token.pos_ in {"NOUN", "PROPN"} and any(
            c.lower_ in NOT_ONE_ACT_DETS for c in token.children
        ):
            continue  # "these attacks", "several attacks": not one new occurrence
        if token.pos_ in {"NOUN", "PROPN"} and denied(token):
            continue  # "officials reported no hits", "no sign of an attack": none happened
        if clause.background:
            continue  # "the scene of the airstrike": told before
        if token.tag_ in {"VBZ", "VBP"} and clause.quoted:
            continue  # a present-tense accusation inside a quote is an opinion
        outside = token.head.i >= sent.start + hit.end  # "sabotage group" is one phrase
        if token.dep_ == "compound" and token.head.pos_ == "NOUN" and outside:
            continue  # "incursion strategy": the trigger only describes another noun
        objects = [c for c in token.children if c.dep_ == "dobj"]
        if (token.dep_ == "pcomp" and token.head.lower_ in FRAMING_PREPOSITIONS) or (
            objects and any(d.lower_ in {"such", "any"} for d in objects[0].children)
        ):
            # "non-retaliatory in targeting such infrastructure": a stance. Only the
            # verb's own object counts: in "launches 273 drones at Ukraine, the largest
            # such attack" the parser hangs the comment on the verb as a second object.
            continue
        one_word = hit.end - hit.start == 1  # "offensive operations" is a phrase of its own
        if one_word and (token.pos_ == "ADJ" or (token.tag_ == "VBN" and token.dep_ == "amod")):
            continue  # "occupied territories", "contested areas"
        live.append(hit)
    return live


def choose(triggers: list[Hit], facts: SentenceFacts, rank: dict[str, int]) -> Hit:
    """The trigger that decides the sentence's kind: the lowest rank of the lexicon's
    kinds (territory > ground > strike)."""
    has_weapon = bool(facts.weapons)

    def key(hit: Hit) -> tuple[int, int]:
        kind = kind_of(hit, facts)
        if kind == "ground_combat" and has_weapon and hit.entry["phrase"] == "offensive":
            return (9, hit.start)  # "drone offensive" is a strike
        order = rank.get(kind, len(rank))
        if kind == "ground_combat" and hit.entry.get("subtype") == "incursion":
            return (order * 2 - 1, hit.start)  # "advanced ... in a cross-border incursion"
        verbal = facts.sent[hit.start].pos_ == "VERB"
        return (order * 2 + (0 if verbal else 1), hit.start)

    return min(triggers, key=key)


def _is_talked_about(token: Token) -> bool:
    """A trigger governed by a ceasefire, accusation or wish is not an occurrence. A verb
    joined to another by "and" is not governed by it ("militants linked to al-Qaeda
    attacked the base", parsed as a second verb of "linked", still attacked)."""
    node = token
    for _depth in range(4):
        if node.head is node or (node.dep_ == "conj" and node.pos_ == "VERB"):
            break
        node = node.head
        if node.lemma_.lower() in NOT_OCCURRING_HEADS:
            return not accused_of(token, node)
    return False



def _has_phrase(lemmas: list[str], phrase: str) -> bool:
    """Does the lemma phrase occur in the sentence's lemmas?"""
    words = phrase.split()
    return any(lemmas[i : i + len(words)] == words for i in range(len(lemmas)))
