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

from warledger.nlp import clauses, stance_polarity
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
    refused: str | None = None  # the stance when the phrase is refused; None: no position
    licensed_by: frozenset[str] = frozenset()  # lemmas one of which must govern the phrase
    refusal: bool = False  # the stance is itself a refusal ("oppose", "veto")
    near: re.Pattern[str] | None = None  # must occur in the sentence or the two before

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
    opposites = data.get("refused", {}).get("stances", {})
    refusals = frozenset(data.get("refused", {}).get("refusals", ()))
    return tuple(
        StancePattern(
            issue=e["issue"],
            stance=e["stance"],
            pattern=re.compile(expand(e["pattern"], macros), re.IGNORECASE),
            party=e.get("party", "governing"),
            reason=e["reason"],
            literals=terms_of(e),
            refused=e.get("refused", opposites.get(e["issue"], {}).get(e["stance"])),
            licensed_by=frozenset(e.get("licensed_by", ())),
            refusal=e["stance"] in refusals,
            near=re.compile(e["near"], re.IGNORECASE) if "near" in e else None,
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
    sents = list(ctx.doc.sents)
    for n, sent in enumerate(sents):
        if not was_parsed(sent):
            continue
        text = ctx.text[sent.start_char : sent.end_char]
        lowered = text.lower()
        entries = [e for e in patterns if e.may_match(lowered)]
        if not entries or clauses.is_question(sent, text):
            continue
        window = (sents[max(0, n - WINDOW)].start_char, sent.end_char)
        around = ctx.text[window[0] : window[1]]
        entries = [e for e in entries if e.near is None or e.near.search(around)]
        for position in _sentence_positions(ctx, sent, text, entries):
            if _elsewhere(ctx, *window, position.party.side):
                continue  # "Pyongyang's demand for sanctions relief": another conflict's
            key = (position.party.side or (position.party.name or "").lower(), position.issue)
            if key in found:
                found[key].evidence.extend(position.evidence)
            else:
                found[key] = position
    return list(found.values())


# Sentences read back for the war a stance is about.
WINDOW = 2


def _elsewhere(ctx: DocContext, start: int, end: int, party: str | None) -> bool:
    """Does the text between ``start`` and ``end`` name places outside the theatre (other
    than the ``party``'s own country) and none of it (no party, place or side word such
    as "Russian" or "Kyiv")? A stance there ("Pyongyang's demand for sanctions relief from
    Washington", "the withdrawal of foreign forces from Afghanistan") is another
    conflict's; "Britain wants a truce" names only its own party."""
    codes = ctx.theatre.codes
    if party in codes:
        return False
    places = [p for p in ctx.places if start <= p.start and p.end <= end]
    if not any(p.location.country not in codes | {party, None} for p in places):
        return False
    if any(p.location.country in codes for p in places):
        return False
    if any(start <= a.start and a.end <= end and a.actor.side in codes for a in ctx.actors):
        return False
    words = ctx.theatre.side_words
    return not any(w in words for w in re.findall(r"[a-z]+", ctx.text[start:end].lower()))


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
        start, end = sent.start_char + m.start(), sent.start_char + m.end()
        anchor = clauses.anchor_token(sent, start, end)
        if is_act(anchor) or _deliberated(anchor):
            continue
        stance, evaluator = _stance(entry, anchor, sent, text, m)
        if stance is None:
            continue
        party, how = _party(ctx, sent, entry, m)
        if evaluator is not None:  # "... is unacceptable to Moscow": Moscow's refusal
            named = _named_after(ctx, evaluator, sent.end_char)
            if named is not None:
                party, how = named, "after"
        if party is None or not (party.side or party.name):
            continue
        issues_done.add(entry.issue)
        out.append(
            Position(
                party=party,
                issue=entry.issue,
                stance=stance,
                date=fields.date_of(sent, start, ctx.published, future=False),
                evidence=[Span(sent.start_char, sent.end_char, text)],
                confidence=CONFIDENCE[how],
            )
        )
    return out


def _named_after(ctx: DocContext, offset: int, end: int) -> Actor | None:
    """The party named just after ``offset`` ("unacceptable to the Kremlin"), or the
    country of a capital named there ("a red line for Moscow")."""
    named = [m for m in arguments.mentions_in(ctx, offset, min(end, offset + 40))]
    if named and named[0].actor.side:
        return arguments.copy_actor(named[0].actor)
    for place in ctx.places:
        if offset <= place.start < min(end, offset + 12) and place.location.country:
            return Actor(name=ctx.text[place.start : place.end], side=place.location.country)
    return None


def _stance(
    entry: StancePattern, anchor: Token, sent: SpacySpan, text: str, m: re.Match[str]
) -> tuple[str | None, int | None]:
    """The stance the phrase states in its sentence: the entry's, its refusal's (see
    :mod:`stance_polarity`), or None; and where a refusing evaluation after the phrase
    ends ("... is a red line for"), whose party is named next."""
    if entry.party != "governing":
        return entry.stance, None
    start, end = sent.start_char + m.start(), sent.start_char + m.end()
    evaluated = stance_polarity.evaluated_end(text[m.end() :])
    if evaluated is not None:  # "illegitimate sanctions are unacceptable": no double flip
        return (entry.stance if entry.refusal else entry.refused), end + evaluated
    if _NO_STANCE_BEFORE.search(text[: m.start()]):
        return None, None
    if _waved_off(text[: m.start()]):
        return entry.refused, None  # "now is not the time for premature sanctions relief"
    if not _licensed(entry, anchor):
        return None, None
    polarity = stance_polarity.read(anchor, sent, start, end, ACTS)
    if polarity is stance_polarity.Polarity.REFUSED:
        return entry.refused, None
    if polarity is stance_polarity.Polarity.NOTHING:
        return None, None
    return entry.stance, None


def _licensed(entry: StancePattern, anchor: Token) -> bool:
    """An entry that names a deed as often as a stance ("a prisoner exchange") needs one
    of its licensing words ("ready", "propose", "offer") above the phrase."""
    if not entry.licensed_by:
        return True
    words = entry.licensed_by
    chain = [anchor, *list(anchor.ancestors)[:6]]
    if "STANCE" in words:  # any word of stating, refusing or demanding, a "must", a condition
        words = words | stance_polarity.STANCE_WORDS | STANCE_VERBS
        if stance_polarity.in_condition(anchor) or any(
            c.dep_ == "aux" and c.lower_ in DEMAND_MODALS for n in chain for c in n.children
        ):
            return True
    return any(stance_polarity.lemma_of(n) in words for n in chain)


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
    # "Russia demands that Ukraine cede land": the ceding verb's subject is asked, not
    # asking; "Russia's draft calls on Ukraine to withdraw": the calling verb's is asking.
    own_verb = anchor.pos_ == "VERB" and anchor.lemma_.lower() not in STANCE_VERBS | ASKING
    found = arguments.governing_party(ctx, anchor, skip_own_subject=own_verb)
    if found and not (start <= found.start and found.end <= end):
        if _possibility_about(anchor):
            # "He is the one who can end it by withdrawing his troops": what another
            # party could do is the speaker's demand on it, not that party's stance.
            speaker, _status = attribute(sent, ctx, trigger=anchor)
            if speaker is not None and speaker.side and speaker.side != found.actor.side:
                return arguments.copy_actor(speaker), "speaker"
            if speaker is not None and speaker.side == found.actor.side:
                # "Britain said it would send troops": what a party says it would do
                return arguments.copy_actor(found.actor), "governing"
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
# is not the time for ...": the speaker refuses it), or make it a mere possibility ("a
# potential force") or an aside ("warned against ...": whose stance is unclear).
_WAVED_OFF = re.compile(
    r"\b(?:premature|not the time|too (?:early|soon)|no question of|out of the question)"
    r"\W+(?:\w+\W+){0,4}$",
    re.IGNORECASE,
)
_NO_STANCE_BEFORE = re.compile(
    r"\bagainst\W+(?:\w+\W+){0,4}$"
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
            if any(c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in PLAN_NOUNS
                   for c in node.children):
                return False  # "Ukraine's version begins with a ceasefire": its content
            modal = any(c.dep_ == "aux" and c.tag_ in {"MD", "TO"} for c in node.children)
            if reported and not _finite(node):
                return False  # "said he can end it by withdrawing": a way, not a deed
            return not modal
    return False


PLAN_NOUNS = frozenset(
    {"plan", "proposal", "draft", "version", "memorandum", "framework", "document", "text",
     "deal", "agreement", "initiative", "blueprint", "roadmap", "counterproposal"}
)  # fmt: skip


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
    if any(node.lemma_.lower() in IMPUTING for node in anchor.ancestors):
        return True
    chain = [anchor, *list(anchor.ancestors)[:6]]
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
ASKING = frozenset({"urge", "ask", "press", "call"})
DEMAND_MODALS = frozenset({"must", "should", "ought"})
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
