"""Party × issue × stance: what each side says it wants from a settlement.

Stance phrases are data (the theatre's ``positions.json``): each names an issue and
a normalised stance. Whether the sentence states the phrase, refuses it or neither is
:mod:`stance_polarity`'s reading; whose stance it is, :mod:`stance_party`'s (the party
governing the phrase, a plan's author, the speaker). Deeds ("imposed new sanctions",
"swapped 84 prisoners") are events, not stances; a stance near no word of this war is
another conflict's. A document states a party's stance on an issue once; restatements
add evidence, not positions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from warledger.nlp import (
    clauses,
    stance_deeds,
    stance_party,
    stance_polarity,
    stance_reference,
    stance_speaker,
)
from warledger.nlp.cheap import TermPattern, terms_of, was_parsed
from warledger.nlp.diplomacy import arguments, fields
from warledger.nlp.diplomacy.lexicon import expand
from warledger.nlp.reader import CheapTerms, Reader
from warledger.nlp.stance_deeds import ACTS
from warledger.nlp.stance_polarity import (
    DEMAND_MODALS,
    SAYING,
    STANCE_VERBS,
)
from warledger.nlp.theatre import Theatre, default_theatre
from warledger.types import Position, Span

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from warledger.nlp.context import DocContext
    from warledger.types import Actor

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
    demanded: str | None = None  # the stance when the phrase is demanded or a condition

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
            demanded=e.get("demanded"),
        )
        for e in data.get("entries", [])
    )


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
        referring = any(t in lowered for t in stance_reference.TERMS)
        if not (entries or referring) or clauses.is_question(sent, text) or _interviewer(
            ctx, sent
        ):
            continue
        window = (sents[max(0, n - WINDOW)].start_char, sent.end_char)
        around = ctx.text[window[0] : window[1]]
        entries = [e for e in entries if e.near is None or e.near.search(around)]
        after = sents[min(n + 1, len(sents) - 1)]
        wider = (sents[max(0, n - 2 * WINDOW)].start_char, after.end_char)
        stated = _sentence_positions(ctx, sent, text, entries)
        if referring:
            stated += stance_reference.referred_positions(
                ctx, sents, n, patterns, {p.issue for p in stated}
            )
        for position in stated:
            if _elsewhere(ctx, *wider, position.party.side):
                continue  # "Pyongyang's demand for sanctions relief": another conflict's
            key = (position.party.side or (position.party.name or "").lower(), position.issue)
            if key in found:
                found[key].evidence.extend(position.evidence)
            else:
                found[key] = position
    return list(found.values())


# Sentences read back for what a stance is about ('near'); twice as many back and one on
# for the war it belongs to.
WINDOW = 2


# A line that opens an interviewer's question ("Q: Washington wants elections soon. Will
# they happen?"): its premises are the journalist's framing, no party's statement.
_QUESTION_LINE = re.compile(r"\s*Q\s*[:.]\s")


def _interviewer(ctx: DocContext, sent: SpacySpan) -> bool:
    """Is the sentence on an interviewer's "Q:" line, or a question line of an interview
    written as prose?"""
    if _QUESTION_LINE.match(ctx.text[ctx.text.rfind("\n", 0, sent.start_char) + 1 :]):
        return True
    return stance_speaker.question_line(ctx, sent.start_char)


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
        if not m or m.start() < stance_reference.asked_end(text):
            continue  # "Asked about a freeze, Lavrov replied: 'Absolutely not'": the answer's
        start, end = sent.start_char + m.start(), sent.start_char + m.end()
        anchor = clauses.anchor_token(sent, start, end)
        if stance_deeds.is_act(anchor) or stance_deeds.deliberated(anchor):
            continue
        stance, evaluator = _stance(entry, anchor, sent, text, m)
        if stance is None:
            continue
        party, how = stance_party.party_of(ctx, sent, entry.party, m)
        if evaluator is not None:  # "... is unacceptable to Moscow": Moscow's refusal
            named = stance_party.named_after(ctx, evaluator, sent.end_char)
            fronted = _FRONTED.match(text)
            if named is None and fronted:  # "For Moscow, ... is a red line"
                named = stance_party.named_after(ctx, sent.start_char + fronted.end(), end)
            if named is None:  # "Hegseth said that NATO membership was not realistic"
                named = stance_speaker.speaker_of(ctx, sent, anchor)
                named = named if named is not None and named.side else None
            if named is not None:
                party, how = named, "after"
        if party is None or not (party.side or party.name):
            continue
        if party.side is None and party.type == "person":
            continue  # an analyst or a witness, no party to the settlement
        if _targets_elsewhere(ctx, end, sent.end_char):
            continue  # "sanctions against Turkey", "sanctions placed on North Korea"
        issues_done.add(entry.issue)
        date = fields.date_of(sent, start, ctx.published, future=False)
        evidence = [Span(sent.start_char, sent.end_char, text)]
        for holder, held, read in _with_proposal(ctx, sent, entry, anchor, party, stance, how):
            out.append(Position(holder, entry.issue, held, date, list(evidence), CONFIDENCE[read]))
    return out


def _with_proposal(
    ctx: DocContext,
    sent: SpacySpan,
    entry: StancePattern,
    anchor: Token,
    party: Actor,
    stance: str,
    how: str,
) -> list[tuple[Actor, str, str]]:
    """The stance read, and the one of the proposal or demand that carries the phrase:
    "Zelensky rejected a US proposal to cede Donbas" is Ukraine's refusal and the US's
    cession; "Kyiv rejected Moscow's call for neutrality" is Russia's demand and Ukraine's
    refusal (the party read for a stated phrase under an owned demand is its owner)."""
    found = stance_party.proposal_author(ctx, anchor)
    if found is None:
        return [(party, stance, how)]
    author, noun = found
    if stance == entry.refused:
        if author.side == party.side:
            return [(party, stance, how)]
        return [(party, stance, how), (author, entry.demanded or entry.stance, "plan")]
    out = [(author, stance, "plan")]
    verdict = stance_polarity.read(noun, sent, noun.idx, noun.idx + len(noun.text), ACTS)
    if verdict is stance_polarity.Polarity.REFUSED and entry.refused and noun.head is not noun:
        judge = arguments.governing_party(ctx, noun.head, own_clauses=True)
        if judge is not None and judge.actor.side and judge.actor.side != author.side:
            out.append((arguments.copy_actor(judge.actor), entry.refused, "governing"))
    return out


_TARGET = re.compile(
    r"^(?:\s+[\w-]+){0,2}?\s+(?:on|against|in|inside|across|between)\s+(?:the\s+)?"
    r"(?:(?:southern|northern|eastern|western|occupied|north|south|east|west)\s+)?",
    re.IGNORECASE,
)


def _targets_elsewhere(ctx: DocContext, end: int, sent_end: int) -> bool:
    """Does the phrase aim at or lie in a country outside the theatre ("sanctions against
    Turkey", "sanctions placed on North Korea's exports", "a ceasefire in Gaza"), naming none
    of the theatre's sides? ("guarantees from the US" are no aim: "from" is not read.)"""
    m = _TARGET.match(ctx.text[end:sent_end])
    if not m:
        return False
    at = end + m.end()
    words = ctx.theatre.side_words
    if ctx.text[at:sent_end].split(" ", 1)[0].strip(".,;'’s").lower() in words:
        return False
    for mention in arguments.mentions_in(ctx, at, min(sent_end, at + 30)):
        if mention.start == at and mention.actor.side:
            return mention.actor.side not in ctx.theatre.codes
    for place in ctx.places:
        if place.start == at and place.location.country:
            return place.location.country not in ctx.theatre.codes
    return False


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
    if _DENIED_BEFORE.search(text[: m.start()]) or _RED_LINE_BEFORE.search(text[: m.start()]):
        # "no recognition of occupied land", "Kyiv's red line is the recognition of ..."
        return (entry.stance if entry.refusal else entry.refused), None
    if _NO_STANCE_BEFORE.search(text[: m.start()]):
        return None, None
    if _waved_off(text[: m.start()]):
        return entry.refused, None  # "now is not the time for premature sanctions relief"
    if _AFFIRMED.match(text[m.end() :]):  # "Ukraine's neutrality is non-negotiable"
        return (entry.demanded or entry.stance), None
    if not _licensed(entry, anchor):
        return None, None
    polarity = stance_polarity.read(anchor, sent, start, end, ACTS)
    if polarity is stance_polarity.Polarity.REFUSED:
        if entry.refusal and entry.refused is None:
            return entry.stance, None  # "condemned the sanctions as unlawful": still opposed
        return entry.refused, None
    if polarity is stance_polarity.Polarity.NOTHING:
        return None, None
    if entry.demanded and _demanded(anchor):
        return entry.demanded, None  # "Moscow wants the sanctions lifted": required, not eased
    return entry.stance, None


# After a phrase: a verdict that makes it a demand ("... is non-negotiable", "... was a
# precondition for any deal"), however bare the phrase ("Ukraine's neutrality").
_AFFIRMED = re.compile(
    r"^[^.;:!?]{0,40}?\b(?:is|are|was|were|remains?|remained|must be|would be)\s+"
    r"(?:absolutely\s+|also\s+|still\s+)?(?:non-?negotiable|essential|indispensable|a must"
    r"|an?\s+(?:key\s+|basic\s+|necessary\s+|mandatory\s+|absolute\s+)?(?:pre)?condition"
    r"|a\s+prerequisite|a\s+requirement)\b",
    re.IGNORECASE,
)
# Verbs that ask for the phrase ("wants them lifted", "insists they be lifted").
WANTING = frozenset({"want", "demand", "insist", "require", "need", "seek", "expect", "call"})


def _demanded(anchor: Token) -> bool:
    """Is the phrase asked for ("wants sanctions lifted", "sanctions must be lifted") or made
    a condition ("only once sanctions are lifted") rather than offered?"""
    if stance_polarity.in_condition(anchor):
        return True
    for node in (anchor, *list(anchor.ancestors)[:6]):
        if node.lemma_.lower() in SAYING:
            return False
        if node.lemma_.lower() in WANTING:
            return True
        if any(c.dep_ == "aux" and c.lower_ in DEMAND_MODALS for c in node.children):
            return True
    return False


def _licensed(entry: StancePattern, anchor: Token) -> bool:
    """An entry that names a deed as often as a stance ("a prisoner exchange") needs one
    of its licensing words ("ready", "propose", "offer") above the phrase."""
    if not entry.licensed_by:
        return True
    words = entry.licensed_by
    chain = [anchor, *list(anchor.ancestors)[:6]]
    if "STANCE" in words:  # any word of stating, refusing or demanding, a "must", a condition
        words = words | stance_polarity.STANCE_WORDS | STANCE_VERBS | {"basis"}  # "on the basis of"
        if stance_polarity.in_condition(anchor) or any(
            (c.dep_ == "aux" and c.lower_ in DEMAND_MODALS)
            or (c.dep_ == "attr" and c.lemma_.lower() in words)  # "is a precondition"
            or _seen_as(c, words)  # "sees Ukraine's neutrality as a key condition"
            for n in chain
            for c in n.children
        ) or any(stance_polarity.refused_modal(n) for n in chain):
            return True  # "Warsaw would not send soldiers to Ukraine": a refusal
        if stance_party.listed_under(anchor) is not None:
            return True  # "Ukraine's conditions: security guarantees, ..."
    return any(stance_polarity.lemma_of(n) in words for n in chain)


def _seen_as(child: Token, words: frozenset[str]) -> bool:
    """ "as a (key) condition", "as a requirement": what is seen or treated as a demand."""
    return (
        child.dep_ == "prep"
        and child.lower_ == "as"
        and any(g.dep_ == "pobj" and g.lemma_.lower() in words for g in child.children)
    )


# Words just before a stance phrase that wave it off ("premature sanctions relief", "now
# is not the time for ...": the speaker refuses it), or make it a mere possibility ("a
# potential force") or an aside ("warned against ...": whose stance is unclear).
_WAVED_OFF = re.compile(
    r"\bpremature (?:[\w-]+ )?$"
    r"|\b(?:not the time|too (?:early|soon)|no question of|out of the question) (?:[\w-]+ ){0,4}$",
    re.IGNORECASE,
)
# "no" just before a phrase refuses it: "no recognition of occupied land", "there must be
# no NATO troops in Ukraine", "sees no place for Western troops in Ukraine".
_DENIED_BEFORE = re.compile(r"\bno\s+(?:(?:place|room)\s+for\s+)?$", re.IGNORECASE)
# A red line named before what it refuses: "Kyiv's red line is the recognition of ...", "the
# red line for Moscow remains any Western troops in Ukraine", "Ukraine's red lines include
# any recognition of ... and any limits on its army".
_RED_LINE_BEFORE = re.compile(
    r"\bred[- ]lines?(?:\s+for\s+[\w'’. -]{1,30}?)?\s+(?:is|are|was|were|remains?|remained|would"
    r"\s+be|include[sd]?)\s+(?:(?:that|the|any|a|an)\s+)?"
    r"(?:[^.;:]{0,80}?(?:,|\band\b|\bor\b)\s+(?:(?:the|any|a|an)\s+)?)?$",  # a later item
    re.IGNORECASE,
)
# A verdict's holder named before it: "For Moscow, any Western troops in Ukraine are a red
# line".
_FRONTED = re.compile(r"\W*(?:for|to|in the eyes of)\s+", re.IGNORECASE)
_NO_STANCE_BEFORE = re.compile(
    r"\bagainst\W+(?:\w+\W+){0,4}$"
    # "to discuss a potential peacekeeping force", "the possible deployment of a so-called
    # reassurance force": a possibility talked over, no one's stance
    r"|\b(?:potential|possible|hypothetical|eventual)\W+(?:\w+\W+){0,1}(?:of\W+(?:\w+\W+){0,3})?$",
    re.IGNORECASE,
)


def _waved_off(before: str) -> bool:
    return bool(_WAVED_OFF.search(before))


def cheap_terms(theatre: Theatre) -> CheapTerms:
    """Every stance pattern with its terms; a sentence opening on a plan needs the
    sentence before it, one opening a quotation it does not close the two after it."""
    return CheapTerms(
        patterns=tuple(TermPattern(p.pattern, p.literals) for p in stance_patterns(theatre))
        + tuple(TermPattern(p, stance_reference.TERMS) for p in stance_reference.PATTERNS),
        back_references=(stance_party.plan_subject(theatre),),
        forward_references=(stance_speaker.OPEN_QUOTATION,),
    )


READER = Reader("positions", "positions", (), extract_positions, cheap_terms)
