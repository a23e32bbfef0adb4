"""Who fights on the ground, when an attack is a battle, and trigger words that are only
part of a name.

A ground trigger such as "entered" or "raided" needs armed men doing it ("troops entered
X"); a party's speaker may name them by a pronoun ("Ukrainian officials say they have
entered the city of X"). A trigger word written inside a name ("the 247th Guards Air
Assault Regiment", "the 2014 Battle of Ilovaisk") names a unit or a past battle, not an
act told by the sentence. Troops attacking positions, or killing militants, with no
weapon named fight on the ground rather than strike from afar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from warledger.nlp.lexicon import kinetic_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

    from warledger.nlp.context import DocContext
    from warledger.nlp.kinetic.facts import SentenceFacts


def ground_subject(token: Token, ctx: DocContext) -> bool:
    """Armed men on the ground do the trigger: its subject, or the agent of its passive
    ("troops entered X", "was shot by a sniper"), or a pronoun standing for a party's own
    men ("the ministry said they had entered X"); a group of protesters or police do not."""
    lexicon = kinetic_lexicon(ctx.theatre)
    doers = _doers(token)
    for doer in doers:
        words = {t.lemma_.lower() for t in doer.subtree}
        if words & lexicon.unarmed_agents:
            continue
        heads = {doer.lemma_.lower(), doer.lower_}
        heads |= {c.lemma_.lower() for c in doer.children if c.dep_ == "compound"}
        if heads & lexicon.ground_agents:
            return True
    return bool(doers) and all(d.lower_ in PARTY_PRONOUNS for d in doers) and _party_speaks(
        token, ctx
    )


def _doers(verb: Token) -> list[Token]:
    """The verb's subject or passive agent, borrowed from the verb it is joined to."""
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    doers += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if not doers and verb.dep_ == "xcomp":  # "infantry tried to break through": its subject
        doers = [c for c in verb.head.children if c.dep_ == "nsubj"]
    if not doers and verb.dep_ == "conj":
        doers = [c for c in verb.head.children if c.dep_ in {"nsubj", "agent"}]
        doers = [g for d in doers for g in ([d] if d.dep_ == "nsubj" else d.children)]
    if not doers:  # "was shot and killed by soldiers": the agent hangs on the last verb
        doers = [
            g
            for c in verb.conjuncts
            for a in c.children
            if a.dep_ == "agent"
            for g in a.children
            if g.dep_ == "pobj"
        ]
    return doers + [c for d in doers for c in d.conjuncts]


# Pronouns by which a party's speaker names its own forces.
PARTY_PRONOUNS = frozenset({"they", "we", "it"})


def _party_speaks(token: Token, ctx: DocContext) -> bool:
    """The trigger's clause is what a party of the theatre or an armed force says
    ("Ukrainian officials say they have entered", "Russia's defence ministry said it had
    stormed", "the army said it killed"): the verb of saying above it has a party or
    armed men as its subject."""
    clause = token
    while clause.dep_ in {"conj", "xcomp"} and clause.head is not clause:
        clause = clause.head
    if clause.dep_ != "ccomp":
        return False
    speaker = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    if speaker is None:
        return False
    if speaker.lemma_.lower() in kinetic_lexicon(ctx.theatre).ground_agents:
        return True  # "the army said it killed 20 militants": armed men speak of themselves
    sub = list(speaker.subtree)
    start, end = sub[0].idx, sub[-1].idx + len(sub[-1])
    return any(
        start <= m.start and m.end <= end and m.actor.side in ctx.theatre.codes
        for m in ctx.actors
    )


# Entity types a capitalised trigger word may be part of: a unit, a named battle or
# operation, a building, a work or a law.
NAME_ENTITIES = frozenset({"ORG", "EVENT", "FAC", "WORK_OF_ART", "LAW", "PRODUCT"})


def in_name(token: Token) -> bool:
    """Is the trigger word part of a name ("Air Assault Regiment", "Battle of
    Ilovaisk")? Only a capitalised proper-noun word inside a sentence of ordinary case
    counts: the first word of a sentence is capitalised whatever it is, and a headline
    in title case ("Ukrainian Forces Repel Russian Attacks") capitalises every word."""
    if token.i == token.sent.start or not token.text[:1].isupper() or token.text.isupper():
        return False
    if token.tag_ not in {"NNP", "NNPS"} and token.ent_type_ not in NAME_ENTITIES:
        return False
    words = [t for t in token.sent if t.is_alpha and not t.is_stop]
    capitalised = sum(t.text[:1].isupper() for t in words)
    return capitalised < TITLE_CASE_SHARE * len(words)


# From this share of capitalised words (stop words aside) a sentence is a title; prose
# full of names ("the head of the Blagodarnensky District in Stavropol Krai, Russia,
# announces ...") stays under it.
TITLE_CASE_SHARE = 0.85


# Nouns of time that measure a fight ("after two days of fighting").
SPAN_NOUNS = frozenset({"hour", "day", "week", "month", "year"})


def before_the_news(token: Token) -> bool:
    """A fight measured as the time that came before the sentence's act ("troops withdrew
    from X after weeks of fighting", "drove them out after two days of fighting"): the
    act is the news, the fighting its background. A single act after which something
    happened ("oil is suspended after a drone attack on the pipeline") is news itself."""
    if token.pos_ != "NOUN" or token.dep_ != "pobj":
        return False
    span = token.head.head
    if token.head.lower_ != "of" or span.lemma_.lower() not in SPAN_NOUNS:
        return False
    return span.head.lower_ in {"after", "following"} and span.head.head.pos_ in {"VERB", "AUX"}


def repelled_side(token: Token, ctx: DocContext) -> str | None:
    """The side whose attack a defender repelled, named in what was repelled ("repelled
    38 Russian attacks", "Russian assaults were repelled") or in an active verb's "by"
    ("repelled three counterattacks by assault groups of the Ukrainian armed forces")."""
    from warledger.nlp.kinetic.arguments import side_of

    for child in token.children:
        if child.dep_ in {"dobj", "obj", "nsubjpass"} or (
            child.dep_ == "prep" and child.lower_ == "by"
        ):
            side = side_of(child.subtree, ctx)
            if side:
                return side
    return None


# What a regional administration counts under fire: "38 attacks on 14 settlements".
SHELLED_PLACES = frozenset({"settlement", "community", "locality", "hromada"})


def tallied_places(token: Token) -> bool:
    """The attack word's object is settlements or communities ("carried out 38 attacks on
    14 settlements of the region", "attacked 21 communities"): a tally of places under
    fire, which troops shelling from afar make, not an assault on the ground. "On" may
    hang on the verb whose object the attack is ("carried out 38 attacks on ...")."""
    holders = [token, token.head] if token.dep_ == "dobj" else [token]
    for child in (c for h in holders for c in h.children):
        if child.dep_ == "dobj" and child.lemma_.lower() in SHELLED_PLACES:
            return True
        if child.dep_ == "prep" and child.lower_ in {"on", "against"} and any(
            g.dep_ == "pobj" and g.lemma_.lower() in SHELLED_PLACES for g in child.children
        ):
            return True
    return False


GROUND_OBJECTS = frozenset({"position", "line", "defence", "defense", "trench", "stronghold"})

# Armed men killed by armed men with no weapon named: "the military killed 33 militants in
# a clearance operation" tells a fight on the ground, not a strike from afar.
COMBATANT_OBJECTS = frozenset(
    {"militant", "terrorist", "insurgent", "rebel", "jihadist", "guerrilla", "gunman"}
)


# Armed men on foot: "insurgents attacked a military base", "rebels attacked ten villages"
# with no weapon named is an assault on the ground, not a strike from afar ("army" is left
# out: an army's attack on hideouts is as often from the air).
GROUND_SUBJECTS = frozenset(
    {"troop", "infantry", "soldier", "unit", "brigade", "force", "group", "battalion",
     "militant", "insurgent", "rebel", "fighter", "militia", "militiaman", "jihadist",
     "guerrilla", "paratrooper", "mercenary", "regiment", "detachment", "platoon", "occupier"}
)



AIR_MODIFIERS = frozenset({"air", "aerial", "airborne", "missile", "drone", "rocket", "bombing"})


def is_ground_attack(token: Token, facts: SentenceFacts) -> bool:
    """ "Troops attacked Ukrainian positions near X", with no weapon named, is ground combat."""
    if facts.weapons or tallied_places(token):
        return False  # a weapon, or "38 attacks on 14 settlements": fire from afar
    if any(c.lower_ in AIR_MODIFIERS for c in token.children if c.dep_ in {"amod", "compound"}):
        return False  # "forces launched their largest air attack": from the air
    related = [token, *token.children]
    if token.dep_ in {"dobj", "pobj", "nsubj", "nsubjpass"}:
        related += list(token.head.children)
    if token.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in token.children):
        related += [c for c in token.head.children if c.dep_ == "nsubj"]  # shared subject
    for tok in related:
        lemma = tok.lemma_.lower()
        if tok.dep_ in {"dobj", "nsubjpass", "pobj"} and lemma in GROUND_OBJECTS:
            return True
        if tok.dep_ == "dobj" and token.lemma_.lower() == "kill" and lemma in COMBATANT_OBJECTS:
            return True
        if tok.dep_ in {"nsubj", "agent"} and lemma in GROUND_SUBJECTS:
            return True
    return False
