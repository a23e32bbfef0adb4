"""Party × issue × stance: what each side says it wants from a settlement.

Stance phrases are data (the theatre's ``positions.json``): each names an issue and
a normalised stance. The party is whoever governs the phrase, read from the parse:
"Moscow keeps insisting that Kyiv give up the southern regions" is Russia's
position (the subject of *insist*), not Ukraine's (the subject of *give up*). A person
speaks for their side. Contents of a plan belong to the plan's author: "The leaked
draft is said to contain ... a bar on joining NATO" is the position of whoever
the previous sentence says drafted it. A document states a party's stance on an issue
once; restatements add evidence, not positions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from warledger.nlp import clauses
from warledger.nlp.attribution import attribute
from warledger.nlp.cheap import TermPattern, terms_of, was_parsed
from warledger.nlp.diplomacy import arguments, fields
from warledger.nlp.diplomacy.lexicon import expand
from warledger.nlp.language import ENGLISH
from warledger.nlp.reader import CheapTerms, Reader
from warledger.nlp.theatre import Theatre, default_theatre
from warledger.types import Actor, Position, Span

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from warledger.nlp.context import DocContext

__all__ = ["extract_positions"]

CONFIDENCE = {"governing": 0.7, "after": 0.6, "plan": 0.5, "speaker": 0.5}


@dataclass(frozen=True)
class StancePattern:
    issue: str
    stance: str
    pattern: re.Pattern[str]
    party: str  # "governing" or "after"
    reason: str
    literals: frozenset[str] | None = None  # every match contains one (see gate)

    def may_match(self, lowered: str) -> bool:
        """Could the pattern match a sentence whose lower-cased text is ``lowered``?"""
        return self.literals is None or any(w in lowered for w in self.literals)


def stance_patterns(theatre: Theatre | None = None) -> tuple[StancePattern, ...]:
    """The theatre's compiled stance lexicon (default: the packaged theatre), compiled once
    per theatre; a theatre without the file states no positions."""
    return _stance_patterns(theatre or default_theatre())


@lru_cache(maxsize=8)
def _stance_patterns(theatre: Theatre) -> tuple[StancePattern, ...]:
    data = theatre.data("positions.json") or {}
    macros = data.get("macros", {})
    return tuple(
        StancePattern(
            issue=e["issue"],
            stance=e["stance"],
            pattern=re.compile(expand(e["pattern"], macros), re.IGNORECASE),
            party=e.get("party", "governing"),
            reason=e["reason"],
            literals=terms_of(e),
        )
        for e in data.get("entries", [])
    )


@lru_cache(maxsize=8)
def plan_subject(theatre: Theatre) -> re.Pattern[str]:
    """A sentence opening on a plan ("The draft ...") whose author is in the sentence before."""
    data = theatre.data("positions.json") or {}
    return re.compile(data.get("plan_subject", {}).get("pattern", r"(?!)"), re.IGNORECASE)


def extract_positions(ctx: DocContext) -> list[Position]:
    """Every party × issue stance the document states, first statement first."""
    found: dict[tuple[str, str], Position] = {}
    patterns = stance_patterns(ctx.theatre)
    for sent in ctx.doc.sents:
        if not was_parsed(sent):
            continue
        text = ctx.text[sent.start_char : sent.end_char]
        lowered = text.lower()
        entries = [e for e in patterns if e.may_match(lowered)]
        if not entries or clauses.is_question(sent, text):
            continue
        for position in _sentence_positions(ctx, sent, text, entries):
            key = (position.party.side or (position.party.name or "").lower(), position.issue)
            if key in found:
                found[key].evidence.extend(position.evidence)
            else:
                found[key] = position
    return list(found.values())


def _sentence_positions(
    ctx: DocContext, sent: SpacySpan, text: str, entries: list[StancePattern]
) -> list[Position]:
    """Stances of one sentence (``text``) from the ``entries`` that may match it."""
    out: list[Position] = []
    issues_done: set[str] = set()
    for entry in entries:
        if entry.issue in issues_done:
            continue
        m = entry.pattern.search(text)
        if not m:
            continue
        anchor = clauses.anchor_token(sent, sent.start_char + m.start(), sent.start_char + m.end())
        if is_act(anchor) or _deliberated(anchor) or _waved_off(text[: m.start()]):
            continue
        party, how = _party(ctx, sent, entry, m)
        if party is None or not (party.side or party.name):
            continue
        issues_done.add(entry.issue)
        start = sent.start_char + m.start()
        out.append(
            Position(
                party=party,
                issue=entry.issue,
                stance=entry.stance,
                date=fields.date_of(sent, start, ctx.published, future=False),
                evidence=[Span(sent.start_char, sent.end_char, text)],
                confidence=CONFIDENCE[how],
            )
        )
    return out


def _party(
    ctx: DocContext, sent: SpacySpan, entry: StancePattern, m: re.Match[str]
) -> tuple[Actor | None, str]:
    """Whose stance the phrase states, and how we know (for the confidence)."""
    start, end = sent.start_char + m.start(), sent.start_char + m.end()
    if entry.party == "speaker":
        return _speaker(ctx, sent, start, end)
    if entry.party == "after":
        for mention in arguments.mentions_in(ctx, end, sent.end_char):
            if mention.actor.side:
                return arguments.copy_actor(mention.actor), "after"
        return None, "after"
    anchor = clauses.anchor_token(sent, start, end)
    own_verb = anchor.pos_ == "VERB"
    found = arguments.governing_party(ctx, anchor, skip_own_subject=own_verb)
    if found and not (start <= found.start and found.end <= end):
        if _possibility_about(anchor):
            # "He is the one who can end it by withdrawing his troops": what another
            # party could do is the speaker's demand on it, not that party's stance.
            speaker, _status = attribute(sent, ctx, trigger=anchor)
            if speaker is not None and speaker.side and speaker.side != found.actor.side:
                return arguments.copy_actor(speaker), "speaker"
            return None, "speaker"
        return arguments.copy_actor(found.actor), "governing"
    if plan_subject(ctx.theatre).match(sent.text):
        prev = arguments.previous_sentence(sent)
        author = arguments.sentence_subject_party(ctx, prev) if prev is not None else None
        if author:
            return arguments.copy_actor(author.actor), "plan"
        return None, "plan"
    claimant, _status = attribute(sent, ctx, trigger=anchor)
    if claimant is not None and claimant.side:
        return arguments.copy_actor(claimant), "speaker"
    subject = arguments.main_subject_before(ctx, sent, start)
    if subject is not None:
        return arguments.copy_actor(subject.actor), "speaker"
    return None, "speaker"


# Verbs of failing to do what is asked: their subject is the party the demand is made
# of ("Kiev refuses to honour its commitments"), not the one who makes it.
FAILING = frozenset({"refuse", "fail", "sabotage", "ignore", "violate", "avoid", "evade", "shirk"})


def _speaker(ctx: DocContext, sent: SpacySpan, start: int, end: int) -> tuple[Actor | None, str]:
    """A stance whose phrase names what another side must do ("Kiev's compliance with
    the agreements"): its holder is who says so, the named speaker or the document's own
    voice, else the governing party unless it is the one failing to comply."""
    anchor = clauses.anchor_token(sent, start, end)
    claimant, _status = attribute(sent, ctx, trigger=anchor)
    if claimant is not None and claimant.side:
        return arguments.copy_actor(claimant), "speaker"
    found = arguments.governing_party(ctx, anchor)
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


# Verbs that report a deed: "imposed new sanctions", "conducted a prisoner swap" are
# events, not what a party says it wants.
ACTS = frozenset(
    {
        "impose", "announce", "adopt", "introduce", "approve", "slap", "conduct", "complete",
        "carry", "hold", "begin", "start", "release", "return", "exchange", "swap", "expand",
        "extend", "renew", "unveil", "withdraw", "free", "lift", "ease", "suspend", "sign",
    }
)  # fmt: skip
STATING = frozenset(
    {"threaten", "offer", "ready", "open", "willing", "favour", "favor", "advocate", "consider",
     "discuss", "warn", "ask", "say", "state", "stress", "emphasise", "emphasize", "believe"}
)  # fmt: skip
# Saying verbs that only report: a deed under them is still a deed ("the two sides swapped
# 90 prisoners each, the ministry said"), while "said it was ready to swap" is a stance.
REPORTING = frozenset({"say", "state", "stress", "emphasise", "emphasize", "believe"})
# Words just before a stance phrase that wave it off ("premature sanctions relief", "now
# is not the time for ...") or make it a mere possibility ("a potential force").
_WAVED_OFF = re.compile(
    r"\b(?:premature|not the time|too (?:early|soon)|against|no question of|out of the question)"
    r"\W+(?:\w+\W+){0,4}$"
    # "to discuss a potential peacekeeping force": a possibility talked over, no one's stance
    r"|\b(?:potential|possible|hypothetical|eventual)\W+(?:\w+\W+){0,1}$",
    re.IGNORECASE,
)


def is_act(anchor: Token) -> bool:
    """Does the phrase report a deed rather than a stance? A deed verb governs it ("the EU
    announced new sanctions", "they conducted a prisoner swap") with no stance or saying
    verb above it and no modal on it ("Russia must withdraw its troops" is a demand)."""
    chain = [anchor, *list(anchor.ancestors)[:6]]
    if any(n.lemma_.lower() in STANCE_VERBS | (STATING - REPORTING) for n in chain):
        return False
    if len(_up_to_condition(chain)) < len(chain):
        return False  # "ready for a ceasefire if Ukraine withdraws": a condition, not a deed
    reported = any(n.lemma_.lower() in REPORTING for n in chain)
    for node in chain:
        if node.pos_ == "VERB" and node.lemma_.lower() in ACTS:
            modal = any(c.dep_ == "aux" and c.tag_ in {"MD", "TO"} for c in node.children)
            if reported and not _finite(node):
                return False  # "said he can end it by withdrawing": a way, not a deed
            return not modal
    return False


def _finite(verb: Token) -> bool:
    """A verb that tells a deed done ("exchanged", "returns", "were swapped")."""
    passive = verb.tag_ == "VBN" and any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
    return verb.tag_ in {"VBD", "VBZ", "VBP"} or passive


# Verbs whose object is talked over or imputed to someone else, not the subject's stance:
# "met to discuss a potential force", "accused the West of seeking more sanctions".
DELIBERATING = frozenset({"debate", "examine", "explore", "study"})
IMPUTING = frozenset({"accuse", "blame", "allege", "suspect"})


def _deliberated(anchor: Token) -> bool:
    """ "studied the idea of a force", "accused the West of seeking sanctions": what is
    examined or imputed to another is not the subject's stance (unless a stance verb
    stands between for examining: "examined their demand for")."""
    chain = [anchor, *list(anchor.ancestors)[:6]]
    if any(node.lemma_.lower() in IMPUTING for node in chain):
        return True
    for node in _up_to_condition(chain):
        lemma = node.lemma_.lower()
        if lemma in STANCE_VERBS:
            return False
        if lemma in DELIBERATING:
            return True
    return False


def _waved_off(before: str) -> bool:
    return bool(_WAVED_OFF.search(before))


MODALS = ENGLISH.possibility
STANCE_VERBS = frozenset(
    {
        "demand", "insist", "want", "call", "urge", "propose", "support", "reject", "seek",
        "require", "need", "refuse", "accept", "agree", "oppose", "back", "push", "press",
    }
)  # fmt: skip


def _up_to_condition(chain: list[Token]) -> list[Token]:
    """The chain up to a condition clause ("... as long as it is given guarantees"): what
    the main clause may or may not do above it does not make the condition hypothetical."""
    for n, node in enumerate(chain):
        if node.dep_ == "advcl" and any(c.dep_ == "mark" for c in node.children):
            return chain[: n + 1]
    return chain


def _possibility_about(anchor: Token) -> bool:
    """A modal (can, could, should, would) governs the stance phrase in its own clause
    and no stance verb (demand, insist, propose ...) above it makes it a demand."""
    chain = _up_to_condition(clauses.clause_chain(anchor))
    modal = any(c.dep_ == "aux" and c.lower_ in MODALS for node in chain for c in node.children)
    stance = any(node.lemma_.lower() in STANCE_VERBS for node in chain) or any(
        c.dep_ == "attr" and c.lemma_.lower() in CONDITION_NOUNS
        for node in chain
        for c in node.children
    )
    return modal and not stance


# "X would be a condition": a noun that makes what it describes a demand.
CONDITION_NOUNS = frozenset(
    {"condition", "precondition", "prerequisite", "requirement", "demand", "red line"}
)


def cheap_terms(theatre: Theatre) -> CheapTerms:
    """Every stance pattern with its terms; a sentence opening on a plan needs the
    sentence before it."""
    return CheapTerms(
        patterns=tuple(TermPattern(p.pattern, p.literals) for p in stance_patterns(theatre)),
        back_references=(plan_subject(theatre),),
    )


READER = Reader("positions", "positions", (), extract_positions, cheap_terms)
