"""Is a talks verb a meeting between parties? Who may sit at a table, and who may not.

"met with", "spoke with" and "held a summit" are everyday words. In news they are
talks only when two parties act: states, governments, their officials or organisations.
A journalist who "spoke with experts", a student who "spoke with VOA", an offensive that
"has met with success", a plea "met with brutality", fugitives "met by armed men" or a
leader who "met with security officials" of his own government are no talks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from warledger.nlp import clauses
from warledger.nlp.diplomacy import arguments
from warledger.nlp.diplomacy.lexicon import load

if TYPE_CHECKING:
    from spacy.tokens import Token

    from warledger.nlp.context import DocContext

# Verbs whose object or "with" phrase is the other side of the table.
MEETING_VERBS = frozenset({"meet", "speak", "talk"})
PARTY_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Pronouns, and the numerals that stand for parties named before ("the two would meet").
PERSONAL = frozenset(
    {"he", "she", "they", "we", "i", "you", "him", "her", "them", "us", "two", "both"}
)
# Verbs of receiving a guest: talks only when the guest is a known actor or a person.
HOSTING = frozenset({"host"})
# Verbs of addressing: "told a meeting of the Security Council" names an audience.
ADDRESSING = frozenset({"tell", "address", "brief", "inform", "warn"})


def _resolve(token: Token) -> Token:
    """A relative pronoun stands for the noun its clause describes ("a student, who ...")."""
    if token.lower_ in {"who", "which", "that"} and token.head.dep_ == "relcl":
        return token.head.head
    return token


def _phrase_text(ctx: DocContext, head: Token) -> str:
    """The head's own words with their compounds and modifiers ("The Wall Street Journal")."""
    before = [c.left_edge for c in head.children if c.i < head.i]
    left = min(before, default=head, key=lambda t: t.i)
    return ctx.doc[left.i : head.i + 1].text


def is_non_party(ctx: DocContext, head: Token) -> bool:
    """The phrase is media, experts, students, gunmen or other bystanders."""
    pattern = load(ctx.theatre).non_parties
    head = _resolve(head)
    found = arguments.actor_of_phrase(ctx, head)
    if found and pattern.match(found.actor.name or found.text or ""):
        return True
    words = (head.lemma_, head.text, _phrase_text(ctx, head))
    return any(pattern.match(w) for w in words)


def is_party(ctx: DocContext, head: Token) -> bool:
    """The phrase names a state, body, official or person who can act as a party."""
    head = _resolve(head)
    if is_non_party(ctx, head):
        return False
    if head.lower_ in PERSONAL:
        return True
    if arguments.actor_of_phrase(ctx, head) is not None:
        return True
    if head.lemma_.lower() in arguments.OFFICIAL_NOUNS:
        return True
    return head.ent_type_ in PARTY_ENTITIES or head.pos_ == "PROPN"


def _subjects(verb: Token) -> list[Token]:
    """The verb's subjects, or those of the clause it is conjoined to or completes."""
    for node in clauses.clause_chain(verb)[:3]:
        found = arguments.subjects_of(node)
        if found:
            return found
    return []


def _counterparts(verb: Token) -> list[Token]:
    """Whom the verb meets: its object or the object of its "with" phrase, with conjuncts."""
    heads: list[Token] = []
    for child in verb.children:
        if child.dep_ in {"dobj", "obj"}:
            heads.append(child)
        elif child.dep_ == "prep" and child.lower_ in arguments.TABLE_PREPS:
            heads.extend(c for c in child.children if c.dep_ == "pobj")
    return [c for h in heads for c in (h, *h.conjuncts)]


def _own_officials(ctx: DocContext, head: Token) -> bool:
    """Officials that name no party of their own ("met with security officials", "his
    ministers"): the speaker's own government, no second side."""
    if head.lemma_.lower() not in arguments.OFFICIAL_NOUNS or head.pos_ == "PROPN":
        return False
    start, end = arguments.subtree_span(head)
    return not any(m.actor.side or m.actor.name for m in arguments.mentions_in(ctx, start, end))


def is_meeting(ctx: DocContext, verb: Token) -> bool:
    """A talks verb ("met with", "spoke with", "held talks") reports a meeting of parties:
    it is an active predicate, its subject is a party and among those it meets is a
    distinct party (officials who name no side of their own are the subject's own)."""
    meeting = verb.lemma_.lower() in MEETING_VERBS
    if meeting and any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children):
        return False  # "was met with brutality", "were met by armed men"
    if verb.dep_ == "amod":
        return False  # "proposals from the recently concluded meetings": no predicate
    subjects = _subjects(verb)
    if any(not is_party(ctx, s) for s in subjects):
        return False
    if verb.lemma_.lower() in HOSTING:
        return _hosts_guest(ctx, verb)
    if not meeting:
        return True
    others = _counterparts(verb)
    if not others:
        return bool(subjects)  # "Cameroon and C.A.R. officials met in Bangui"
    return any(is_party(ctx, o) and not _own_officials(ctx, o) for o in others)


def _hosts_guest(ctx: DocContext, verb: Token) -> bool:
    """ "hosted Zelensky at the White House", "hosts talks between ...": the guest is an
    actor the registry knows or a person, or the object is a meeting; "hosted the
    Olympics" and "hosts a festival" receive no party."""
    talks = load(ctx.theatre).macros["TALKS"]
    for guest in _counterparts(verb):
        if talks.fullmatch(guest.text) or guest.ent_type_ == "PERSON":
            return True
        found = arguments.actor_of_phrase(ctx, guest)
        if found is not None and not is_non_party(ctx, guest) and not _own_officials(ctx, guest):
            return True
    return False


def is_audience(noun: Token) -> bool:
    """A meeting someone speaks to ("told a cabinet meeting", "briefed a meeting of the
    Security Council") is an audience for a statement, not talks being reported."""
    return noun.dep_ in {"dobj", "obj"} and noun.head.lemma_.lower() in ADDRESSING
