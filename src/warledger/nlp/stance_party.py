"""Whose stance a phrase states: the party governing it, its plan's author, its speaker.

"Moscow keeps insisting that Kyiv give up the southern regions" is Russia's position (the
subject of *insist*), not Ukraine's (the subject of *give up*); "Ukraine will never
recognise ..." is Ukraine's own. A person speaks for their side. A plan's terms are its
author's ("Russia's draft calls on Ukraine to withdraw", "a framework Ukraine handed over
that would freeze the fighting"). Whoever is asked or offered something ("Kiev was offered
to withdraw its troops", "calls for Lukashenko to demand") is not the one asking; "our
proposals" are the speaker's, or the document's own voice's.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from warledger.nlp import clauses, stance_polarity
from warledger.nlp.diplomacy import arguments
from warledger.nlp.language import ENGLISH
from warledger.nlp.stance_polarity import (
    ASKING,
    DEMAND_MODALS,
    PLAN_NOUNS,
    STANCE_VERBS,
    up_to_condition,
)
from warledger.nlp.stance_speaker import speaker_of
from warledger.types import Actor

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from warledger.nlp.context import ActorMention, DocContext
    from warledger.nlp.theatre import Theatre

MODALS = ENGLISH.possibility


@lru_cache(maxsize=8)
def plan_subject(theatre: Theatre) -> re.Pattern[str]:
    """A sentence opening on a plan ("The draft ...") whose author is in the sentence before."""
    data = theatre.data("positions.json") or {}
    return re.compile(data.get("plan_subject", {}).get("pattern", r"(?!)"), re.IGNORECASE)


def named_after(ctx: DocContext, offset: int, end: int) -> Actor | None:
    """The party named just after ``offset`` ("unacceptable to the Kremlin"), or the
    country of a capital named there ("a red line for Moscow")."""
    named = [m for m in arguments.mentions_in(ctx, offset, min(end, offset + 40))]
    if named and named[0].actor.side:
        return arguments.copy_actor(named[0].actor)
    for place in ctx.places:
        if offset <= place.start < min(end, offset + 12) and place.location.country:
            return Actor(name=ctx.text[place.start : place.end], side=place.location.country)
    return None


def party_of(
    ctx: DocContext, sent: SpacySpan, how_read: str, m: re.Match[str]
) -> tuple[Actor | None, str]:
    """Whose stance the phrase ``m`` states, and how we know (for the confidence);
    ``how_read`` is the lexicon entry's rule: "governing", "after" or "speaker"."""
    start, end = sent.start_char + m.start(), sent.start_char + m.end()
    if how_read == "speaker":
        return _speaker(ctx, sent, start, end)
    if how_read == "after":
        for mention in arguments.mentions_in(ctx, end, sent.end_char):
            if mention.actor.side:
                return arguments.copy_actor(mention.actor), "after"
        return named_after(ctx, end, sent.end_char), "after"  # "unacceptable to Moscow"
    anchor = clauses.anchor_token(sent, start, end)
    owner = _fronted_plan_owner(ctx, sent, start)
    if owner is not None:  # "Under the US proposal, Ukraine would give up its NATO bid"
        return owner, "plan"
    # "Russia demands that Ukraine cede land": the ceding verb's subject is asked, not
    # asking; "Russia's draft calls on Ukraine to withdraw": the calling verb's is asking.
    # (a verb the tagger took for a noun, "that Ukraine hand over ...", still has a subject)
    verb = anchor.pos_ == "VERB" or any(c.dep_ == "nsubj" for c in anchor.children)
    own_verb = verb and anchor.lemma_.lower() not in STANCE_VERBS | ASKING
    own_verb = own_verb and _asked_of_subject(anchor)
    named = _adjective_owner(ctx, anchor)
    if named is not None:  # "the discussion of the Russian proposals on guarantees"
        return arguments.copy_actor(named.actor), "governing"
    found = arguments.governing_party(ctx, anchor, skip_own_subject=own_verb, own_clauses=True)
    found = None if found is not None and _where_not_who(ctx, found) else found
    found = found or _plan_author(ctx, anchor)
    asked_verb = _verb_asked_of(anchor, found) if found else None
    if asked_verb is not None:  # "Russia's demands include that Ukraine renounce X and cap Y"
        found = arguments.governing_party(ctx, asked_verb, skip_own_subject=True)
    heading = listed_under(anchor)
    if heading is not None:  # "Russia's key demands: preventing NATO expansion, ..."
        found = arguments.governing_party(ctx, heading) or found
    asker = _asking_verb(anchor, found) if found else None
    if asker is not None:  # "Macron calls for Lukashenko to demand X": Macron's stance
        found = arguments.governing_party(ctx, asker)
    found = _outside_condition(ctx, anchor, found)
    deed = _deed_owned_by(anchor, found) if found else None
    if deed is not None:  # "Moscow condemned the EU's new sanctions": the EU imposed them
        above = arguments.governing_party(ctx, deed.head)
        if above is not None and above.actor.side and above.actor.side != found.actor.side:
            found = above
    if found and (
        _first_person(anchor, found)
        or _asked(anchor, found)
        or _demanded_of(anchor, found)
        or (_topic_owner(anchor, found) and _other_speaker(ctx, sent, anchor, found))
    ):
        # "our proposals on security guarantees", "Kiev was offered to withdraw its
        # troops": the speaker's stance (a release's own voice), not the one addressed
        speaker = speaker_of(ctx, sent, anchor)
        if speaker is None or not speaker.side:
            return None, "speaker"
        return arguments.copy_actor(speaker), "speaker"
    if found and not (start <= found.start and found.end <= end):
        if _possibility_about(anchor):
            # "He is the one who can end it by withdrawing his troops": what another
            # party could do is the speaker's demand on it, not that party's stance.
            speaker = speaker_of(ctx, sent, anchor)
            if speaker is not None and speaker.side and speaker.side != found.actor.side:
                return arguments.copy_actor(speaker), "speaker"
            refusing = any(c.dep_ == "neg" for c in anchor.children)
            if (speaker is not None and speaker.side == found.actor.side) or (
                refusing and (speaker is None or not speaker.side)
            ):
                # "Britain said it would send troops", "Kyiv would never recognise X":
                # what a party says it would (never) do
                return arguments.copy_actor(found.actor), "governing"
            return None, "speaker"
        return arguments.copy_actor(found.actor), "governing"
    if plan_subject(ctx.theatre).match(sent.text):
        prev = arguments.previous_sentence(sent)
        author = arguments.sentence_subject_party(ctx, prev) if prev is not None else None
        if author:
            return arguments.copy_actor(author.actor), "plan"
        return None, "plan"
    claimant = speaker_of(ctx, sent, anchor)
    if claimant is not None and claimant.side:
        return arguments.copy_actor(claimant), "speaker"
    subject = arguments.main_subject_before(ctx, sent, start)
    asked = anchor if own_verb else asked_verb
    if subject is not None and not (asked is not None and _own_subject(asked, subject)):
        # "critics argue the West should stop demanding that Ukraine give up land": the
        # one asked to give it up is no asker, and the askers name no party
        return arguments.copy_actor(subject.actor), "speaker"
    return None, "speaker"


# A sentence fronted by the plan it reads from: "Under the US proposal, ...", "According
# to Russia's draft, ...".
_FRONTED_PLAN = re.compile(
    r"^\W*(?:under|according to|in|per) (?:the |a |an )?(?:[\w'’.-]+ ){0,3}?"
    r"(?:plan|proposal|counter-?proposal|draft|framework|deal|blueprint|roadmap|initiative"
    r"|memorandum|version|peace formula)s?\b",
    re.IGNORECASE,
)


def _fronted_plan_owner(ctx: DocContext, sent: SpacySpan, start: int) -> Actor | None:
    """The party whose plan fronts the sentence, when the stance phrase follows it: a
    plan's terms are its author's position, not the position of the side they bind."""
    fronted = _FRONTED_PLAN.match(sent.text)
    if fronted is None or sent.start_char + fronted.end() > start:
        return None
    for mention in arguments.mentions_in(ctx, sent.start_char, sent.start_char + fronted.end()):
        if mention.actor.side:
            return arguments.copy_actor(mention.actor)
    return None


def _outside_condition(
    ctx: DocContext, anchor: Token, found: ActorMention | None
) -> ActorMention | None:
    """A party named inside the condition the phrase is in ("ready for peace, provided that
    ... Ukraine's renunciation of NATO and the recognition of the realities") is the one
    the condition asks of; the party of the clause it conditions sets it."""
    condition = stance_polarity.condition_of(anchor)
    if found is None or condition is None or not _covers(condition, found):
        return found
    asked = condition.lower_ == "without" or any(
        t.dep_ == "poss" and _covers(t, found) for t in condition.subtree
    )
    if not asked:
        return found  # a subject in the condition ("as long as Ukraine is given ...") is read above
    above = arguments.governing_party(ctx, condition.head, own_clauses=True)
    if above is not None and above.actor.side and above.actor.side != found.actor.side:
        return above
    return found


def _own_subject(verb: Token, found: ActorMention) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass"} and _covers(c, found) for c in verb.children)


FIRST_PERSON = frozenset({"our", "my", "we", "i"})
# Verbs whose passive subject is the one asked or offered ("Kiev was offered to withdraw").
ASKED = frozenset(
    {"offer", "ask", "urge", "call", "press", "tell", "invite", "demand", "advise", "force",
     "compel", "pressure", "coerce"}
)  # fmt: skip


def _covers(token: Token, found: ActorMention) -> bool:
    left, right = token.left_edge, token.right_edge
    return left.idx <= found.start and found.end <= right.idx + len(right.text)


def _first_person(anchor: Token, found: ActorMention) -> bool:
    """Does a first-person owner or subject ("our proposals", "we insist") govern the
    phrase below the party found?"""
    for node in (anchor, *anchor.ancestors):
        for child in node.children:
            if child.dep_ in {"poss", "nsubj", "nsubjpass"}:
                if child.lower_ in FIRST_PERSON:
                    return True
                if _covers(child, found):
                    return False
    return False


# Nouns whose owner holds the stance ("Ukraine's bid", "Russia's demand"); any other noun's
# owner is what the stance is about ("Ukraine's path to NATO membership").
STANCE_NOUNS = stance_polarity.STANCE_WORDS | {
    "bid", "aspiration", "ambition", "application", "position", "stance", "quest", "drive",
    "goal", "desire", "wish", "insistence", "approach", "vision", "version", "idea",
}  # fmt: skip


def _adjective_owner(ctx: DocContext, anchor: Token) -> ActorMention | None:
    """The party an adjective or a name before a stance or plan noun above the phrase
    names ("the Russian proposals on guarantees", "the US plan to freeze the front"):
    the noun's owner, whoever the clause's subject is ("the conversation continued the
    discussion of ...")."""
    for node in (anchor, *anchor.ancestors):
        if node.pos_ in {"VERB", "AUX"}:
            return None
        if node.pos_ != "NOUN" or node.lemma_.lower() not in STANCE_NOUNS | PLAN_NOUNS:
            continue
        for child in node.children:
            if child.dep_ in {"amod", "compound"} and child.i < node.i:
                end = child.idx + len(child.text)
                for mention in arguments.mentions_in(ctx, child.idx, end):
                    if mention.actor.side:
                        return mention
    return None


# Nouns of what one party puts to another: their owner holds the stance they carry.
PROPOSING = PLAN_NOUNS | frozenset({"demand", "call", "request", "offer", "idea", "condition"})


def proposal_author(ctx: DocContext, anchor: Token) -> tuple[Actor, Token] | None:
    """The party whose proposal or demand carries the phrase ("rejected a US proposal to
    cede Donbas", "dismissed Russia's demand that Ukraine withdraw"), named by an adjective,
    a name or a possessive on the noun; with the noun."""
    node = anchor
    for _ in range(8):
        if node.lemma_.lower() in PROPOSING and node.pos_ == "NOUN":
            for child in node.children:
                if child.dep_ in {"amod", "compound", "poss"} and child.i < node.i:
                    start, end = arguments.subtree_span(child)
                    for mention in arguments.mentions_in(ctx, start, end):
                        if mention.actor.side:
                            return arguments.copy_actor(mention.actor), node
            return None
        if node is not anchor and node.pos_ in {"VERB", "AUX"} and node.dep_ not in {
            "acl", "ccomp", "xcomp", "relcl"
        }:
            return None
        if node.head.i == node.i:
            return None
        node = node.head
    return None


# Nouns of the war and its settlement: a country after "in" or "for" on them is where, not who.
SETTLEMENT_NOUNS = frozenset(
    {"ceasefire", "truce", "pause", "deal", "settlement", "peace", "agreement", "war",
     "conflict", "talks", "negotiation", "fighting", "hostilities"}
)  # fmt: skip


def _where_not_who(ctx: DocContext, found: ActorMention) -> bool:
    """Is the party found only where the war or its settlement is ("any ceasefire in
    Ukraine must be accompanied by ...", "peace for Ukraine")? Then it holds no stance."""
    span = ctx.doc.char_span(found.start, found.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span[-1]
    prep = root.head
    return (
        root.dep_ == "pobj"
        and prep.lower_ in {"in", "for", "over", "across", "inside", "around"}
        and prep.head.lemma_.lower() in SETTLEMENT_NOUNS
    )


def _plan_author(ctx: DocContext, anchor: Token) -> ActorMention | None:
    """The author a plan's participle names ("the framework presented by Kyiv would freeze
    the front line", "the proposal, drafted by Witkoff, would ..."): its terms are theirs."""
    for node in (anchor, *list(anchor.ancestors)[:6]):
        plans = [node] if node.lemma_.lower() in PLAN_NOUNS else []
        plans += [
            c
            for c in node.children
            if c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in PLAN_NOUNS
        ]
        for plan in plans:
            for agent in (g for c in plan.children if c.dep_ == "acl" for g in c.children):
                if agent.dep_ != "agent":
                    continue
                start, end = arguments.subtree_span(agent)
                named = [m for m in arguments.mentions_in(ctx, start, end) if m.actor.side]
                if named:
                    return named[0]
    return None


# Nouns of a deed whose owner did it ("the EU's sanctions", "Russia's strikes"): the owner
# is the doer, and whoever judges the deed holds the stance.
DEED_NOUNS = frozenset({"sanction", "restriction", "embargo", "strike", "attack"})


def _deed_owned_by(anchor: Token, found: ActorMention) -> Token | None:
    """The deed noun above the phrase whose possessive owner is the party found."""
    for node in (anchor, *anchor.ancestors):
        if node.pos_ in {"VERB", "AUX"}:
            return None
        if node.lemma_.lower() in DEED_NOUNS and any(
            c.dep_ == "poss" and _covers(c, found) for c in node.children
        ):
            return node if node.head is not node else None
    return None


def _topic_owner(anchor: Token, found: ActorMention) -> bool:
    """Is the party found only the owner of what the stance is about ("Rutte said
    Ukraine's path to NATO membership was irreversible": NATO's stance, about Ukraine)?"""
    for node in (anchor, *anchor.ancestors):
        if node.pos_ in {"VERB", "AUX"}:
            return False
        for child in node.children:
            if child.dep_ == "poss" and _covers(child, found):
                return node.lemma_.lower() not in STANCE_NOUNS
    return False


def _other_speaker(ctx: DocContext, sent: SpacySpan, anchor: Token, found: ActorMention) -> bool:
    speaker = speaker_of(ctx, sent, anchor)
    return speaker is not None and bool(speaker.side) and speaker.side != found.actor.side


def _demanded_of(anchor: Token, found: ActorMention) -> bool:
    """Is the party found the subject of a "must" or "should" above the phrase ("Trump
    said Ukraine should be ready to give up some territory")? Then it is asked, and the
    one who says so holds the stance."""
    return any(
        child.dep_ == "nsubj"
        and _covers(child, found)
        and any(c.dep_ == "aux" and c.lower_ in DEMAND_MODALS for c in node.children)
        for node in (anchor, *anchor.ancestors)
        for child in node.children
    )


def _asked(anchor: Token, found: ActorMention) -> bool:
    """Is the party found the passive subject of asking or offering ("the Kiev
    authorities were offered opportunities to withdraw their troops")?"""
    return any(
        child.dep_ == "nsubjpass" and node.lemma_.lower() in ASKED and _covers(child, found)
        for node in (anchor, *anchor.ancestors)
        for child in node.children
    )


LIST_NOUNS = frozenset(
    {"demand", "condition", "requirement", "concern", "proposal", "term", "position", "stance"}
)
LIST_OPENERS = frozenset({":", "including", "namely", "as", "include", "includes", "included"})


def listed_under(anchor: Token) -> Token | None:
    """The demand noun a phrase is listed under ("Russia's key demands: preventing NATO
    expansion and ...", "concerns such as stopping NATO expansion", "Putin's conditions
    include Ukraine's withdrawal"): it owns the phrase
    whatever the parse hung the list on."""
    sent = anchor.sent
    for i in range(anchor.i - 1, max(sent.start, anchor.i - 15) - 1, -1):
        tok = anchor.doc[i]
        if tok.lemma_.lower() in LIST_NOUNS and tok.pos_ == "NOUN":
            after = anchor.doc[i + 1 : min(i + 4, anchor.i)]
            if any(t.lower_ in LIST_OPENERS for t in after):
                return tok
            colon = anchor.doc[i + 1 : min(i + 6, anchor.i)]  # "position has not changed:"
            return tok if any(t.text == ":" for t in colon) else None
    return None


def _verb_asked_of(anchor: Token, found: ActorMention) -> Token | None:
    """The verb above the phrase whose subject is the party found and is asked of it
    (by a demand, a "must" or a condition above): that subject is not the one asking."""
    for node in anchor.ancestors:
        if any(c.dep_ == "nsubj" and _covers(c, found) for c in node.children):
            has_to = node.lemma_.lower() == "have" and any(
                c.dep_ == "xcomp" and any(g.lower_ == "to" for g in c.children)
                for c in node.children
            )  # "Ukraine has to withdraw": asked of Ukraine
            asked = node.pos_ in {"VERB", "AUX"} and _asked_of_subject(node)
            return node if has_to or asked else None
    return None


def _asked_of_subject(verb: Token) -> bool:
    """Is what the verb's subject does asked of it, by a demand above ("Russia demands that
    Ukraine cede land"), a "must" ("Ukraine must withdraw its troops", said by Moscow) or a
    condition ("a ceasefire if Ukraine withdraws")? Else the subject states its own
    stance ("Ukraine will never recognise Russian control over Crimea")."""
    if stance_polarity.in_condition(verb):
        return True
    if any(c.dep_ == "aux" and c.lower_ in DEMAND_MODALS for c in verb.children):
        return True
    if verb.head.lemma_.lower() == "have" and any(c.lower_ == "to" for c in verb.children):
        return True  # "Ukraine has to withdraw its troops"
    node = verb
    while node.head.i != node.i:
        if node.dep_ == "advcl":
            return False  # "after Britain threatened sanctions": not the content of a demand
        node = node.head
        lemma = node.lemma_.lower()
        if lemma in stance_polarity.SAYING:
            return False
        if any(c.dep_ == "aux" and c.lower_ in DEMAND_MODALS for c in node.children):
            return True  # "Ukraine should be ready to give up some territory"
        if lemma in STANCE_VERBS | ASKING | stance_polarity.DEMANDING:
            return True
        if any(  # "Russia's demands include that Ukraine renounce ..."
            c.dep_ == "nsubj" and c.lemma_.lower() in stance_polarity.DEMANDING
            for c in node.children
        ):
            return True
    return False


def _asking_verb(anchor: Token, found: ActorMention) -> Token | None:
    """The verb that asks the party found to take the stance ("calls for Lukashenko to
    demand the withdrawal": calls), when the party is the subject of a for-to clause."""
    for node in (anchor, *anchor.ancestors):
        marks = {c.lower_ for c in node.children if c.dep_ in {"mark", "aux"}}
        asked = any(c.dep_ == "nsubj" and _covers(c, found) for c in node.children)
        if asked and {"for", "to"} <= marks and node.head.lemma_.lower() in ASKED:
            return node.head
    return None


# Verbs of failing to do what is asked: their subject is the party the demand is made
# of ("Kiev refuses to honour its commitments"), not the one who makes it.
FAILING = frozenset({"refuse", "fail", "sabotage", "ignore", "violate", "avoid", "evade", "shirk"})


def _speaker(ctx: DocContext, sent: SpacySpan, start: int, end: int) -> tuple[Actor | None, str]:
    """A stance whose phrase names what another side must do ("Kiev's compliance with
    the agreements"): its holder is who says so, the named speaker or the document's own
    voice, else the governing party unless it is the one failing to comply."""
    anchor = clauses.anchor_token(sent, start, end)
    claimant = speaker_of(ctx, sent, anchor)
    if claimant is not None and claimant.side:
        return arguments.copy_actor(claimant), "speaker"
    # "Moscow wants guarantees that Ukraine will never join NATO": not the subject's own
    found = arguments.governing_party(ctx, anchor, skip_own_subject=True, own_clauses=True)
    if found is None or not found.actor.side:
        return None, "speaker"
    chain = (anchor, *anchor.ancestors)
    failing = any(n.lemma_.lower() in FAILING for n in chain)
    owner_of_duty = any(  # "Kiev's compliance with ...": the one asked to comply
        c.dep_ == "poss" and found.start <= c.idx < found.end for n in chain for c in n.children
    )
    if failing or owner_of_duty:
        return None, "speaker"
    return arguments.copy_actor(found.actor), "governing"


def _possibility_about(anchor: Token) -> bool:
    """A modal (can, could, should, would) governs the stance phrase in its own clause
    and no stance verb (demand, insist, propose ...) above it makes it a demand."""
    chain = up_to_condition(clauses.clause_chain(anchor))
    modal = any(c.dep_ == "aux" and c.lower_ in MODALS for node in chain for c in node.children)
    stance = any(node.lemma_.lower() in STANCE_VERBS | PLAN_NOUNS for node in chain) or any(
        c.dep_ in {"attr", "nsubj"} and c.lemma_.lower() in CONDITION_NOUNS | PLAN_NOUNS
        for node in chain
        for c in node.children
    )  # "a framework that would freeze the fighting": the plan's terms, not a possibility
    return modal and not stance


# "X would be a condition": a noun that makes what it describes a demand.
CONDITION_NOUNS = frozenset(
    {"condition", "precondition", "prerequisite", "requirement", "demand", "red line"}
)
