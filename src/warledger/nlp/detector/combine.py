"""Rules and the learned detector together, each where it is better (decided on dev).

The rules read fields well but miss wordings they were not written for; the detector
recognises that a sentence reports an event of some kind from many wordings but reads no
fields. So, per kind, with thresholds chosen on the dev split (``meta.json``):

- a rule event is dropped when the detector gives its sentence a probability for the
  event's kind below ``drop_below`` (a rule that fired on a sentence that reports no such
  event), or when the detector reads the sentence as not asserted or background history;
- a sentence the detector gives a probability of at least ``add_above`` for a kind, and
  where no rule found an event of that kind, gets an event of that kind: its evidence is
  the sentence, and it carries only what can be read without guessing — for kinetic kinds
  what the kinetic reader's argument readers find in the sentence (places, sides, weapon,
  targets, counts), for talks the venue and the parties named, otherwise the one side
  named when only one is; the detector's subtype when it is sure of one, who says so,
  and a stated date. A sentence the clause module reads as a question or a habit gets no
  detector event.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from warledger.nlp import clauses, dates
from warledger.nlp.detector.counterparts import meets_own_side
from warledger.nlp.detector.told import (
    asserted_by_clause,
    denied_only,
    framed_only,
    main_verbs,
    only_history,
    only_possible,
)
from warledger.types import KINETIC_KINDS, Actor, Event, Span, When

if TYPE_CHECKING:
    from spacy.tokens import Token

    from warledger.nlp.context import ActorMention, DocContext

NOT_ASSERTED = ("not_asserted", "background")


@dataclass(frozen=True)
class Policy:
    """Per-kind thresholds; a kind missing from a map is left to the rules."""

    drop_below: Mapping[str, float] = field(default_factory=dict)
    add_above: Mapping[str, float] = field(default_factory=dict)
    not_asserted_above: float | None = None

    @classmethod
    def from_meta(cls, thresholds: Mapping[str, object]) -> Policy:
        drop = thresholds.get("drop_below") or {}
        add = thresholds.get("add_above") or {}
        not_asserted = thresholds.get("not_asserted_above")
        return cls(
            drop_below=dict(drop),  # type: ignore[arg-type]
            add_above=dict(add),  # type: ignore[arg-type]
            not_asserted_above=float(not_asserted) if not_asserted is not None else None,  # type: ignore[arg-type]
        )


def sentence_index(start: int, ranges: Sequence[tuple[int, int]]) -> int | None:
    """The sentence holding character ``start``."""
    for i, (s, e) in enumerate(ranges):
        if s <= start < e:
            return i
    return None


def _event_sentence(event: Event, ranges: Sequence[tuple[int, int]]) -> int | None:
    return _span_sentence(event.evidence[0], ranges) if event.evidence else None


def _evidence_sentences(event: Event, ranges: Sequence[tuple[int, int]]) -> set[int]:
    """Every sentence the event's evidence quotes: a sentence that continued a strike
    ("Of these, 95 were shot down") or restated it is already read into that event."""
    found = {_span_sentence(span, ranges) for span in event.evidence}
    return {i for i in found if i is not None}


def _span_sentence(span: Span, ranges: Sequence[tuple[int, int]]) -> int | None:
    """The sentence of an evidence span's first word: a span opening with a quotation
    mark ('"Units ... have liberated X," the ministry said') starts where the detector's
    sentence splitter left that mark to the sentence before."""
    text = span.text or ""
    skip = len(text) - len(text.lstrip(OPENING_MARKS))
    return sentence_index(span.start + skip if skip < len(text) else span.start, ranges)


# What may open an evidence span before its first word.
OPENING_MARKS = " \n\t\"'“‘«([—–-"


def combine(
    ctx: DocContext,
    events: list[Event],
    ranges: Sequence[tuple[int, int]],
    scores: Sequence[Mapping[str, float]],
    policy: Policy,
) -> list[Event]:
    """The rule events kept, then the detector's events for what the rules missed."""
    kept: list[Event] = []
    found: set[tuple[int, str]] = set()
    for event in events:
        found.update((j, event.kind) for j in _evidence_sentences(event, ranges))
        i = _event_sentence(event, ranges)
        if i is not None and _rejected(event.kind, scores[i], policy):
            continue
        kept.append(event)
    added = []
    restating = _restating_nouns(ctx)
    for i, cats in enumerate(scores):
        if _not_asserted(cats, policy) or not asserted_by_clause(ctx.text, ranges[i]):
            continue
        possible_only: bool | None = None  # read once, for the first kinetic kind
        for kind, threshold in policy.add_above.items():
            if cats.get(kind, 0.0) < threshold or (i, kind) in found:
                continue
            if kind == "casualty_report" and (i, "ground_combat") in found:
                continue  # "ten were killed in the fighting": the toll of a fight read
            if kind == "strike" and (i, "casualty_report") in found:
                continue  # "attacks over a 24-hour period killed six": a total, read
            read_before = any(j < i and k == kind for j, k in found)
            if read_before and kind in restating and _restates(ctx, ranges[i], restating[kind]):
                continue  # "During the talks, ...": the talks already read
            if kind in KINETIC_KINDS:
                if possible_only is None:
                    possible_only = only_possible(ctx, ranges[i])
                if possible_only:
                    continue  # "could launch a barrage": a fight that may come is none yet
                if denied_only(ctx, ranges[i]):
                    continue  # "recorded no missile or drone hits": none happened
                if framed_only(ctx, ranges[i]):
                    continue  # "scrambled jets as the attack unfolded": told elsewhere
            if only_history(ctx, ranges[i]):
                continue  # "first met 13 years ago": background, not the news
            if kind not in KINETIC_KINDS and kind in _unmet(ctx, ranges[i]):
                continue  # "left without agreeing on a ceasefire": no truce to add
            if kind == "talks" and _truce_only(ctx, ranges[i], {k for n, k in found if n == i}):
                continue  # "announce they will work toward a ceasefire": the truce read
            event = model_event(ctx, kind, ranges[i], cats)
            if kind in ATTACK_KINDS and not _attack_read(event):
                continue  # a toll with no attacker and no weapon: a fire, a storm, a crash
            if kind == "talks" and meets_own_side(ctx, event, ranges[i]):
                continue  # "had a working meeting with the Defence Minister": at home
            added.append(event)
            found.add((i, kind))
            if kind in TOLL_KINDS:
                found.update((j, kind) for j in _continue_toll(ctx, event, i, ranges, found))
    return kept + added


# Kinds whose following sentences may tell their toll (see kinetic.continuation).
TOLL_KINDS = frozenset({"strike", "ground_combat"})


def _continue_toll(
    ctx: DocContext,
    event: Event,
    i: int,
    ranges: Sequence[tuple[int, int]],
    found: set[tuple[int, str]],
) -> list[int]:
    """The sentences after a detector's strike that tell its toll or damage ("A drone
    dropped explosives on a bus in X. Nine passengers were injured."), read into it as
    the rules read them into their own strikes; a sentence with a rule event of its own
    ends the reading. Returns the sentences read."""
    from warledger.nlp.kinetic import sentence_facts
    from warledger.nlp.kinetic.continuation import (
        MAX_CONTINUATION_GAP,
        OpenStrike,
        continue_strike,
        continues,
        tells_damage,
    )

    open_strike = OpenStrike(event, i, ranges[i][1])
    read = []
    for j in range(i + 1, min(len(ranges), i + 1 + MAX_CONTINUATION_GAP)):
        if any((j, k) in found for k in KINETIC_KINDS):
            break
        span = ctx.doc.char_span(*ranges[j], alignment_mode="expand")
        if span is None:
            break
        facts = sentence_facts(span.sent, ctx)
        if not facts.triggers and not facts.count_words and not tells_damage(facts):
            continue  # nothing kinetic: the toll may still follow
        if not (facts.count_words or tells_damage(facts)):
            break
        if not continues(open_strike, facts, j, ctx):
            break
        continue_strike(event, facts, ctx)
        open_strike.sentence_index, open_strike.end_char = j, ranges[j][1]
        read.append(j)
    return read


def _restates(ctx: DocContext, bounds: tuple[int, int], pattern: re.Pattern[str]) -> bool:
    """The sentence refers back ("the talks", "these strikes") and adds no place or date
    of its own; "the meeting ... in Paris on January 26" is another meeting."""
    from warledger.nlp.kinetic.places import is_locative

    text = ctx.text[bounds[0] : bounds[1]]
    if not pattern.search(text):
        return False
    span = ctx.doc.char_span(bounds[0], bounds[1], alignment_mode="expand")
    places = ctx.places_in(span) if span is not None else []
    # "Russia's Defence Ministry said ...": a speaker's country is no place of the act
    return not any(is_locative(p, ctx) for p in places) and _stated_date(text, ctx) is None


def _restating_nouns(ctx: DocContext) -> dict[str, re.Pattern[str]]:
    """Per kind, a definite reference back to an occurrence ("the talks", "these
    strikes"), from the theatre's ``detector_fields.json``."""
    table = (ctx.theatre.data("detector_fields.json") or {}).get("restating_nouns", {})
    return {
        kind: re.compile(
            r"\b(?:the|these|those|this|that)\s+(?:\w+\s+){0,2}?(?:"
            + "|".join(re.escape(n) for n in nouns)
            + r")\b",
            re.IGNORECASE,
        )
        for kind, nouns in table.items()
    }


def _unmet(ctx: DocContext, bounds: tuple[int, int]) -> set[str]:
    """Diplomacy kinds the sentence only names (see ``diplomacy.unmet_kinds``)."""
    from warledger.nlp.diplomacy import unmet_kinds

    span = ctx.doc.char_span(bounds[0], bounds[1], alignment_mode="expand")
    return unmet_kinds(ctx, span) if span is not None else set()


def _truce_only(ctx: DocContext, bounds: tuple[int, int], kinds: set[str]) -> bool:
    """A truce or plan read by the rules, no word of talks ("calls for a truce"): no talks."""
    from warledger.nlp.diplomacy import names_talks

    text = ctx.text[bounds[0] : bounds[1]]
    return bool(kinds & {"ceasefire", "proposal"}) and not names_talks(ctx, text)


def _not_asserted(cats: Mapping[str, float], policy: Policy) -> bool:
    limit = policy.not_asserted_above
    return limit is not None and max(cats.get(k, 0.0) for k in NOT_ASSERTED) >= limit


def _rejected(kind: str, cats: Mapping[str, float], policy: Policy) -> bool:
    if _not_asserted(cats, policy):
        return True
    floor = policy.drop_below.get(kind)
    return floor is not None and cats.get(kind, 0.0) < floor


# Kinds the detector adds only when the sentence names who attacked or with what.
ATTACK_KINDS = frozenset({"strike"})


def _attack_read(event: Event) -> bool:
    """Did the rules' argument readers find an attacking side or a weapon in the sentence?

    "A typhoon killed 100 people" reads like "a drone killed 100 people" to a bag of words;
    what tells them apart is a weapon or a side that acted, which the readers find."""
    return bool(event.weapon or (event.actor and (event.actor.side or event.actor.name)))


def model_event(
    ctx: DocContext,
    kind: str,
    bounds: tuple[int, int],
    cats: Mapping[str, float],
) -> Event:
    """An event of ``kind`` read from one sentence, with only the fields it states: the
    subtype the detector is sure of, who says so, a stated date; for kinetic kinds what
    the kinetic argument readers find in the sentence; for talks the venue and the
    parties named; for other kinds the one side named, if only one is. Aid, sanctions and
    proposals take no place (a recipient country is not where they happen)."""
    from warledger.nlp.attribution import attribute, attribution_of

    start, end = bounds
    text = ctx.text[start:end]
    event = Event(
        kind=kind,
        subtype=_subtype(kind, cats),
        evidence=[Span(start, end, text)],
        confidence=round(cats[kind], 3),
    )
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return event
    # What a party says of a strike, a fight, a capture or a toll is its claim, as the
    # rules read it ("Russian forces claimed to have taken X", "the ministry claims control").
    claimant, status = attribute(span, ctx, war_fact=kind in KINETIC_KINDS)
    event.claimant, event.status = claimant, status
    event.attribution = attribution_of(text, claimant)
    if kind in KINETIC_KINDS:
        _kinetic_fields(event, ctx, span, claimant)
    else:
        sides = [s for s in _sides(ctx, span) if not claimant or s != claimant.side]
        if kind == "talks":
            from warledger.nlp.diplomacy.fields import table_sides, venues

            event.locations = venues(ctx, span)  # type: ignore[arg-type]
            event.participants = [Actor(side=side) for side in table_sides(ctx, span)]
        elif kind == "ceasefire":
            event.locations = [p.location for p in ctx.places_in(span)]
        if kind != "talks" and len(sides) == 1:
            event.actor = Actor(side=sides[0])
        if kind in ("aid", "sanction"):
            _measure_fields(event, ctx, span)
        if event.subtype is None:
            event.subtype = _verb_subtype(kind, ctx, span)
        if kind == "ceasefire":
            from warledger.nlp.diplomacy.addressee import address_truces

            address_truces([event], ctx.theatre)
    when = _stated_date(text, ctx)
    if when is not None:
        event.date = when
    return event


def _kinetic_fields(event: Event, ctx: DocContext, span: object, claimant: Actor | None) -> None:
    """A kinetic event's fields read by the kinetic reader's own argument readers from
    the sentence: its places, the acting side and the side hit, weapon, target kinds and
    counts (the rules read fields well; the detector decided there is an event)."""
    from warledger.nlp.kinetic import sentence_facts
    from warledger.nlp.kinetic.arguments import (
        acting_side,
        civilian_of,
        side_actor,
        target_of,
        weapon_of,
    )
    from warledger.nlp.kinetic.blame import blamed
    from warledger.nlp.kinetic.counts import counts_in
    from warledger.nlp.kinetic.places import is_locative
    from warledger.nlp.kinetic.targets import target_kinds_of

    sent = span.sent if hasattr(span, "sent") else span  # type: ignore[attr-defined]
    facts = sentence_facts(sent, ctx)
    places = facts.places or [
        p for p in ctx.places_in(span) if p.location.country and is_locative(p, ctx)  # type: ignore[arg-type]
    ]  # not "Russia's defence ministry said": a speaker, not where it happened
    side = acting_side(None, facts, ctx)
    blame = blamed(sent, ctx) if event.kind == "strike" else None
    if blame is not None:  # "Ukraine blamed Russia for the strike": Russia, by Ukraine's word
        side, claimant = blame.accused, side_actor(blame.accuser, ctx.theatre)
        event.claimant, event.status = claimant, "claimed"
        places = [p for p in places if not blame.names(p.start)]
    event.locations = [p.location for p in places]
    if side is not None and not (claimant and claimant.side == side and event.kind == "strike"):
        event.actor = side_actor(side, ctx.theatre)
    event.target = target_of(event.kind, side, places[0] if places else None, ctx.theatre)
    event.weapon = weapon_of(facts.weapons)
    event.target_kind = target_kinds_of(facts)
    event.counts = counts_in(facts)
    event.civilian = civilian_of(facts, event.counts)


def _measure_fields(event: Event, ctx: DocContext, span: object) -> None:
    """An aid or sanction event the detector added: who acts is the party in the
    sentence's subject ("Canada bans imports of Russian oil"), whom it concerns the next
    other party named (for aid, the one marked as receiving it: nlp.diplomacy.recipients)."""
    from warledger.nlp.diplomacy import arguments, recipients

    subject = _subject_party(ctx, main_verbs(span))
    if subject is not None:
        event.actor = arguments.copy_actor(subject.actor)
        if event.kind == "aid":  # "... Iranian ammunition to Ukraine": who receives
            event.target = recipients.recipient_of(ctx, span, subject.end, subject.actor.side)  # type: ignore[arg-type]
            return
        for mention in arguments.mentions_in(ctx, subject.end, span.end_char):  # type: ignore[attr-defined]
            if mention.actor.side and mention.actor.side != subject.actor.side:
                event.target = arguments.copy_actor(mention.actor)
                break


# A step that is still to come: what it becomes (a delivery promised, talks planned).
_FUTURE_OF = {"delivered": "pledged", "held": "scheduled"}


def _verb_subtype(kind: str, ctx: DocContext, span: object) -> str | None:
    """The subtype the main verb says, for an event the detector added without one
    ("bans" imposes, "seize" enforces, "will send" pledges; verbs in the theatre's
    ``detector_fields.json``), else none."""

    table = (ctx.theatre.data("detector_fields.json") or {}).get("subtype_verbs", {})
    by_subtype = table.get(kind, {})
    for verb in main_verbs(span):
        lemma = verb.lemma_.lower()
        subtype = next((k for k, words in by_subtype.items() if lemma in words), None)
        if subtype is None:
            continue
        if subtype in _FUTURE_OF and clauses.is_future_verb(verb):
            subtype = _FUTURE_OF[subtype]  # "will send", "will meet"
        return subtype
    return None


def _subject_party(ctx: DocContext, verbs: list[Token]) -> ActorMention | None:
    """The first party named in the subject of the main verb, or of the clause it reports
    ("Britain will send ..., the ministry said": Britain, not the ministry)."""
    from warledger.nlp.diplomacy import arguments

    for verb in verbs:
        for subject in (c for c in verb.children if c.dep_ in arguments.SUBJECTS):
            start, end = arguments.subtree_span(subject)
            found = [m for m in arguments.mentions_in(ctx, start, end) if m.actor.side]
            if found:
                return found[0]
    return None


def _subtype(kind: str, cats: Mapping[str, float]) -> str | None:
    """The kind's subtype the detector gives at least even odds, else none."""
    best = max(
        ((p, label.split(":", 1)[1]) for label, p in cats.items() if label.startswith(kind + ":")),
        default=(0.0, None),
    )
    return best[1] if best[0] >= 0.5 else None


def _sides(ctx: DocContext, span: object) -> list[str]:
    """The distinct sides of the actors named in the sentence, in text order."""
    out: list[str] = []
    for mention in ctx.actors_in(span):  # type: ignore[arg-type]
        side = mention.actor.side
        if side and side not in out:
            out.append(side)
    return out


def _stated_date(text: str, ctx: DocContext) -> When | None:
    """The first date expression of the sentence resolved against the publication date;
    None when the sentence states none or it cannot be resolved."""
    for _start, _end, expression in dates.find(text):
        when = dates.resolve(expression, ctx.published)
        if when.precision != "unknown":
            return when
    return None
