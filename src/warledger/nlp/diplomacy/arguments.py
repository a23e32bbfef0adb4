"""Who did what to whom in a diplomacy sentence, read from actor mentions and the parse.

Shared by the diplomacy events reader and the positions reader: both need "the party
behind this phrase" (the subject of the governing verb, or the owner of the noun:
"Zelenskyy's proposal"), the other parties named around it, and a fallback for
sentences that refer back to a plan named in the previous sentence ("This draft
agreement reportedly includes ...").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from warledger.nlp import clauses
from warledger.nlp.attribution import last_person_mention
from warledger.types import Actor

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from warledger.nlp.context import ActorMention, DocContext

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
OWNERS = frozenset({"poss"})


def mentions_in(ctx: DocContext, start: int, end: int) -> list[ActorMention]:
    """Actor mentions inside the character range, in text order."""
    found = [a for a in ctx.actors if start <= a.start and a.end <= end]
    return sorted(found, key=lambda a: a.start)


def subtree_span(token: Token) -> tuple[int, int]:
    """Character range covered by a token's subtree."""
    left, right = token.left_edge, token.right_edge
    return left.idx, right.idx + len(right.text)


def actor_of_phrase(ctx: DocContext, head: Token) -> ActorMention | None:
    """The first actor named in a noun phrase headed by ``head``, without its clauses."""
    tokens = [head]
    for child in head.children:
        if child.dep_ in {"relcl", "acl", "appos", "advcl", "punct"} and child.i > head.i:
            continue
        tokens.extend(child.subtree)
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    found = [m for m in mentions_in(ctx, start, end) if m.actor.side or m.actor.name]
    if not found:
        return None
    # The mention at the phrase's head wins ("Ukraine's Air Force" is the Air Force).
    for m in found:
        if m.start <= head.idx < m.end:
            return m
    if head.lemma_.lower() in COUNTERPARTS:
        return None  # "Ukraine's allies", "Russia's partners": other parties than the one named
    return found[0]


# Nouns naming others by their tie to a party: "Ukraine's allies" are not Ukraine.
COUNTERPARTS = frozenset(
    {"ally", "allies", "partner", "backer", "supporter", "friend", "neighbour", "neighbor",
     "adversary", "opponent", "enemy", "critic", "rival"}
)  # fmt: skip


def governing_party(
    ctx: DocContext, token: Token, *, skip_own_subject: bool = False, own_clauses: bool = False
) -> ActorMention | None:
    """The party behind ``token``: the nearest owner or subject up the dependency tree.

    Walks from ``token`` towards the root and at each step looks for a possessive owner
    ("Russia's refusal") or a subject ("Putin refused"), following conjunctions to the
    verb that carries the subject ("Starmer backed X and proposed Y").
    ``skip_own_subject`` ignores the subject of ``token`` itself: in "Russia demands
    that Ukraine cede territory" the party of "cede" is Russia, not Ukraine.
    ``own_clauses``: a conjoined clause with a subject of its own ("Moscow says Zelensky is
    illegitimate and that any deal must be signed after elections") does not take the
    subject of the clause it is joined to, only that of the verb above both.
    """
    node: Token | None = token
    skip_subject = skip_own_subject
    came_by_conj = False
    seen = 0
    while node is not None and seen < 12:
        seen += 1
        # A verb parsed as conjoined to a noun ("backed X's demand ... and proposed Y")
        # must not inherit that noun's owner.
        if not came_by_conj:
            found = _first_actor(ctx, [c for c in node.children if c.dep_ in OWNERS])
            if found:
                return found
        if not skip_subject:
            found = _subject_actor(ctx, node, not_within=token)
            if found:
                return found
        # "X demands that Ukraine cede land and embrace neutrality": the conjoined verb
        # shares the subject we were told to skip.
        skip_subject = skip_subject and node.dep_ == "conj"
        if own_clauses and node.dep_ == "conj" and any(c.dep_ in SUBJECTS for c in node.children):
            skip_subject = True
        came_by_conj = node.dep_ == "conj"
        if node.head is node:
            break
        node = node.head
    return None


def _first_actor(ctx: DocContext, heads: list[Token]) -> ActorMention | None:
    for head in heads:
        found = actor_of_phrase(ctx, head)
        if found:
            return found
    return None


def _subject_actor(
    ctx: DocContext, verb: Token, not_within: Token | None = None
) -> ActorMention | None:
    """The actor in a verb's subject, its passive agent ("announced by Putin"), or a
    subject the parser hung on an auxiliary ("Putin has ... expressed"). A subject
    that is the phrase we started from is not its own party."""
    holders = [verb, *(c for c in verb.children if c.dep_ in {"aux", "auxpass"})]
    for holder in holders:
        subjects = [
            c
            for c in holder.children
            if c.dep_ in SUBJECTS and (not_within is None or not_within not in c.subtree)
        ]
        found = _first_actor(ctx, subjects)
        if found:
            return found
        for subject in subjects:
            if subject.lower_ in {"he", "she"}:
                return last_person_before(ctx, subject.idx)
    for child in verb.children:
        if child.dep_ == "agent":
            found = _first_actor(ctx, [c for c in child.children if c.dep_ == "pobj"])
            if found:
                return found
    return None


def last_person_before(ctx: DocContext, offset: int) -> ActorMention | None:
    """What "he"/"she" before ``offset`` refers to (see :func:`attribution.last_person_mention`)."""
    return last_person_mention(ctx, offset)


def sentence_subject_party(ctx: DocContext, sent: Span) -> ActorMention | None:
    """The actor in the subject of a sentence's root verb ("Leaks from the Trump
    administration suggest ..." → the Trump administration)."""
    for child in sent.root.children:
        if child.dep_ in SUBJECTS:
            start, end = subtree_span(child)
            found = [m for m in mentions_in(ctx, start, end) if m.actor.side]
            if found:
                return found[0]
    return None


def previous_sentence(sent: Span) -> Span | None:
    """The sentence just before ``sent``, if any."""
    if sent.start == 0:
        return None
    return sent.doc[sent.start - 1].sent


def sides_in(mentions: list[ActorMention]) -> list[Actor]:
    """One actor per side (or per name when the side is unknown), first mention wins."""
    seen: set[str] = set()
    out: list[Actor] = []
    for m in mentions:
        key = m.actor.side or (m.actor.name or "").lower()
        if not key or key in seen:
            continue
        seen.add(key)
        out.append(m.actor)
    return out


def copy_actor(actor: Actor, role: str | None = None) -> Actor:
    """A fresh Actor (events must not share mutable actors)."""
    return Actor(name=actor.name, side=actor.side, type=actor.type, role=role or actor.role)


def main_subject_before(ctx: DocContext, sent: Span, offset: int) -> ActorMention | None:
    """The first actor that is a clause subject before ``offset``: the sentence's main
    speaker or agent when the parse links nothing closer ("Starmer backed X and
    proposed, with France, the formation of Y")."""
    for tok in sent:
        if tok.idx >= offset:
            break
        if tok.dep_ in SUBJECTS:
            found = actor_of_phrase(ctx, tok)
            if found and found.actor.side:
                return found
    return None


# Words naming people who negotiate for a party: a gathering of them is a meeting.
OFFICIAL_NOUNS = frozenset(
    {
        "minister", "delegation", "delegate", "leader", "envoy", "negotiator", "diplomat",
        "official", "president", "premier", "chancellor", "representative", "ambassador",
        "counterpart", "head", "chief", "secretary", "mediator", "summit", "government",
    }
)  # fmt: skip
PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "who", "which", "that"})
MEDIATING = frozenset({"host", "mediate", "broker", "facilitate", "chair"})
TABLE_PREPS = frozenset({"with", "between", "among"})
TALK_NOUNS = frozenset({"talk", "negotiation", "meeting", "summit", "discussion", "call"})
PARTY_PREPS = TABLE_PREPS | {"from", "of", "including"}
_CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "punct", "prep"})


def subjects_of(verb: Token) -> list[Token]:
    """A verb's subjects, including one the parser hung on an auxiliary."""
    holders = [verb, *(c for c in verb.children if c.dep_ in {"aux", "auxpass"})]
    return [c for h in holders for c in h.children if c.dep_ in SUBJECTS]


def officials_act(ctx: DocContext, verb: Token) -> bool:
    """Those doing ``verb`` are a party or its officials ("foreign ministers convened",
    "the G7 gathered"), not protesters, fans or shareholders."""
    for subject in subjects_of(verb):
        start, end = subtree_span(subject)
        if any(m.actor.side or m.actor.name for m in mentions_in(ctx, start, end)):
            return True
        if any(t.lemma_.lower() in OFFICIAL_NOUNS for t in subject.subtree):
            return True
    return False


def subject_is_not_party(ctx: DocContext, verb: Token) -> bool:
    """The verb has a noun subject that names no actor ("The company shipped ...")."""
    subjects = subjects_of(verb)
    if not subjects:
        return False
    for subject in subjects:
        if subject.lower_ in PRONOUNS:
            return False
        start, end = subtree_span(subject)
        if mentions_in(ctx, start, end):
            return False
    return True


def _phrase_mentions(ctx: DocContext, head: Token) -> list[ActorMention]:
    """Actors named in a noun phrase, its with/between/from phrases and its conjuncts,
    not in its clauses ("talks in Jeddah hosted by Saudi Arabia": the host is no
    participant) nor in what it is about ("talks on Ukraine's future")."""
    tokens = [head]
    for child in head.children:
        if child.dep_ in _CLAUSES and not (
            child.dep_ == "prep" and child.lower_ in PARTY_PREPS
        ):
            continue
        tokens.extend(child.subtree)
    found: list[ActorMention] = []
    for tok in tokens:
        found.extend(m for m in ctx.actors if m.start <= tok.idx < m.end and m not in found)
    if not found and head.lower_ in {"he", "she"}:
        person = last_person_before(ctx, head.idx)
        if person:
            found.append(person)
    return found


def _clause_subjects(ctx: DocContext, noun: Token) -> list[ActorMention]:
    """The subject of the clause a talks noun sits in ("Rubio is expected to have a
    meeting with ...", "X led hours of talks with Y"), up to a reporting verb."""
    if noun.dep_ in SUBJECTS:
        return []
    for node in clauses.clause_chain(noun)[1:]:
        for subject in subjects_of(node):
            found = _phrase_mentions(ctx, subject)
            if found:
                return found
    return []


def talks_parties(
    ctx: DocContext, anchor: Token, match: tuple[int, int]
) -> tuple[list[ActorMention], list[ActorMention]]:
    """Who sits at the table, and who hosts or mediates, read from the talks predicate.

    Participants are the subject and object of the talks verb (or of the verb whose
    subject or object the talks noun is), its "with"/"between" phrases and the talks
    noun's own modifiers ("U.S.-Ukraine talks"). A speaker ("X said the talks ..."), a
    bystander or the venue is not at the table. A host or mediator ("hosted by Saudi
    Arabia", "Turkey hosted talks between ...") is returned apart.
    """
    table: list[ActorMention] = []
    mediators: list[ActorMention] = []
    verb = anchor
    if anchor.pos_ in {"NOUN", "PROPN"}:
        table.extend(_phrase_mentions(ctx, anchor))
        table.extend(_clause_subjects(ctx, anchor))
    else:
        hosting = verb.lemma_.lower() in MEDIATING
        for child in verb.children:
            if child.dep_ in SUBJECTS or child.dep_ in {"dobj", "obj"}:
                found = _phrase_mentions(ctx, child)
                if hosting and child.dep_ in SUBJECTS:
                    mediators.extend(found)
                else:
                    table.extend(found)
            elif child.dep_ == "prep" and child.lower_ in TABLE_PREPS:
                table.extend(a for c in child.children for a in _phrase_mentions(ctx, c))
            elif child.dep_ == "agent" and hosting:
                mediators.extend(a for c in child.children for a in _phrase_mentions(ctx, c))
        for subject in subjects_of(verb):
            if subject.head is not verb:  # hung on an auxiliary
                table.extend(_phrase_mentions(ctx, subject))
        if not subjects_of(verb):  # "agreed to meet", conjoined verbs: the clause's subject
            table.extend(_clause_subjects(ctx, verb))
        # "is scheduled to engage in talks with X": the talks noun inside the match
        for tok in anchor.sent:
            inside = match[0] <= tok.idx < match[1]
            if inside and tok.pos_ == "NOUN" and tok.lemma_.lower() in TALK_NOUNS:
                table.extend(_phrase_mentions(ctx, tok))
    # "talks hosted by X", "X-mediated talks": a host named in a clause on the noun
    for tok in anchor.sent:
        if tok.lemma_.lower() in MEDIATING and tok.i != verb.i:
            for child in tok.children:
                if child.dep_ == "agent":
                    mediators.extend(
                        a for c in child.children for a in _phrase_mentions(ctx, c)
                    )
                elif child.dep_ in SUBJECTS and tok.dep_ not in {"acl", "relcl"}:
                    mediators.extend(_phrase_mentions(ctx, child))
    if not table:
        table = mentions_in(ctx, *match)
    return sorted(table, key=lambda a: a.start), mediators
