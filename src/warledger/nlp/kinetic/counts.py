"""Numbers of a kinetic sentence keyed by what they count ("54 drones launched", "38
intercepted", "23 of 31 missiles"), in total and per weapon."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from warledger.nlp import numbers
from warledger.nlp.kinetic.facts import SentenceFacts
from warledger.nlp.kinetic.singles import PERSON_NOUNS, among_counts, victim_counts
from warledger.nlp.lexicon import Hit
from warledger.types import Count

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


# Keys counted by the noun after a number ("12 attacks"), never by the verb above it
# ("attacked nearly 10 villages" counts villages, not attacks).
NOUN_COUNT_KEYS = frozenset({"attacks", "settlements"})


# The key of weapons counted as they struck: as many came at least ("launched").
ARRIVED = "arrived"


# "23 of 31 missiles", "23 out of the 31": the second number is how many came.
OUT_OF = re.compile(r"\s+(?:out\s+)?of(?:\s+the)?\s+")


# What lies between a "23 of 31 missiles" pair and a number coordinated with it, which then
# shares its verb: "shot down 39 of 55 missiles and 20 of 21 drones", "... and all 13 drones".
COORDINATED = re.compile(r"[^.;:0-9]{0,40}?(?:,|\band\b|\bas well as\b)[^.;:0-9]{0,12}")
ALL = re.compile(r"all\b", re.IGNORECASE)

# A toll named before its number: "the death toll rose to 14", "the toll from the strike
# rose to 20", "the number of people killed in the attack rose to 23" (and the same of
# the injured).
TOLL_BEFORE = re.compile(
    r"\b(?:(?:(?:death|casualty) )?toll|number of (?:the )?(?:dead|deaths|fatalities|victims"
    r"|(?:people|those|civilians|residents) (?:killed|who died)))\b[^.;]{0,140}$",
    re.IGNORECASE,
)
INJURED_TOLL_BEFORE = re.compile(
    r"\bnumber of (?:the )?(?:injured|wounded|injuries|(?:people|those|civilians|residents)"
    r" (?:injured|wounded|hurt))\b[^.;]{0,140}$",
    re.IGNORECASE,
)


def counts_in(facts: SentenceFacts) -> dict[str, Count]:
    """Numbers in the sentence, each keyed by the word that says what it counts, then the
    victims named one by one ("killing a woman and her son": 2) where no number is given.

    A key met again for another weapon ("90 missiles and 100 drones") has no total unless
    the text gives one ("190 missiles and drones"): adding them up would state a figure no
    source gave, and compare badly with a source that counted one weapon only. The
    per-weapon numbers are in :func:`counts_by_weapon`.
    """
    totals = _totals(keyed_counts(facts))
    for key, (count, numbered) in victim_counts(facts).items():
        if numbered:
            totals[key] = count  # "the driver and two passengers": 3, not the bare 2
        else:
            totals.setdefault(key, count)
    for key, count in among_counts(facts).items():
        totals.setdefault(key, count)  # "Among the injured is a 9-year-old": at least one
    return totals


def counts_by_weapon(facts: SentenceFacts) -> dict[str, dict[str, Count]]:
    """Per weapon type, the numbers whose noun is that weapon ("100 drones"), when the
    sentence counts two weapons at least."""
    by_weapon = weapon_counts(facts)
    return by_weapon if len(by_weapon) > 1 else {}


def weapon_counts(facts: SentenceFacts) -> dict[str, dict[str, Count]]:
    """Per weapon type, the numbers whose noun is that weapon, however many weapons."""
    by_weapon: dict[str, dict[str, Count]] = {}
    for key, count, weapon in keyed_counts(facts):
        if weapon is not None:
            by_weapon.setdefault(weapon, {}).setdefault(key, count)
    return by_weapon


def _totals(keyed: list[tuple[str, Count, str | None]]) -> dict[str, Count]:
    """The first number of each key, unless the key is counted for two weapons apart."""
    result: dict[str, Count] = {}
    weapons_seen: dict[str, set[str]] = {}
    for key, count, weapon in keyed:
        result.setdefault(key, count)
        if weapon is not None:
            weapons_seen.setdefault(key, set()).add(weapon)
    return {k: c for k, c in result.items() if len(weapons_seen.get(k, ())) < 2}


def keyed_counts(facts: SentenceFacts) -> list[tuple[str, Count, str | None]]:
    """Every (key, count, weapon) in the sentence, in reading order.

    "23 of 31 missiles were downed": the first number is what the verb says (intercepted),
    the second is how many came (launched).
    """
    sent = facts.sent
    found = numbers.find_counts(sent.text)
    keyed: list[tuple[str, Count, str | None]] = []
    pair: tuple[str, int] | None = None  # the last "23 of 31" pair's key and where it ended
    for i, (start, end, count) in enumerate(found):
        following = found[i + 1] if i + 1 < len(found) else None
        if i and OUT_OF.fullmatch(sent.text[found[i - 1][1] : start]):
            continue  # the "31" of "23 of 31": read with the number before it
        abs_start, abs_end = sent.start_char + start, sent.start_char + end
        shared = pair[0] if pair and COORDINATED.fullmatch(sent.text[pair[1] : start]) else None
        if following and OUT_OF.fullmatch(sent.text[end : following[0]]):
            key = _pair_key(sent, facts, abs_start, abs_end) or shared
            f_start, f_end = sent.start_char + following[0], sent.start_char + following[1]
            weapon = _weapon_of_number(sent, facts, f_start, f_end)
            if key:  # "shot down 39 of 55 missiles and 20 of 21 drones": one verb for both
                keyed.append((key, count, weapon))
            keyed.append(("launched", following[2], weapon))
            pair = (key, following[1]) if key else None
            continue
        key = _count_key(sent, facts, abs_start, abs_end)
        weapon = _weapon_of_number(sent, facts, abs_start, abs_end)
        if shared and weapon and key in (None, "launched"):
            # "... and all 13 drones": every one came and was downed; "41 of 51 missiles,
            # as well as two drones": two drones downed, how many came is not said.
            keyed.append((shared, count, weapon))
            if ALL.match(sent.text[start:end]):
                keyed.append(("launched", count, weapon))
            continue
        if key == ARRIVED:
            key = "launched"
            if count.qualifier == "exact":
                count = Count(count.value, "at_least", count.text)
        if key:
            keyed.append((key, count, weapon))
    return keyed


def _weapon_of_number(sent: SpacySpan, facts: SentenceFacts, start: int, end: int) -> str | None:
    """The weapon type a number counts: the weapon noun it modifies ("100 drones")."""
    span = sent.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    number = span.root if span.root.dep_ in {"nummod", "quantmod"} else span[-1]  # "all 13"
    head = number.head if number.dep_ in {"nummod", "quantmod"} else None
    if head is None:
        return None
    shared = [
        c
        for c in head.children
        if c.dep_ == "conj" and not any(g.dep_ == "nummod" for g in c.children)
    ]
    if any(_weapon_at(c, sent, facts) for c in shared):
        return None  # "261 drones and missiles": one total for both
    return _weapon_at(head, sent, facts)


def _weapon_at(token: Token, sent: SpacySpan, facts: SentenceFacts) -> str | None:
    rel = token.i - sent.start
    for hit in facts.weapons:
        if hit.start <= rel < hit.end:
            return hit.entry["weapon"]
    return None


def _count_key(sent: SpacySpan, facts: SentenceFacts, start: int, end: int) -> str | None:
    """What a number counts; never people for a number of buildings ("a dozen damaged
    buildings" is no death toll), nor weapons downed ("two houses were destroyed" is no
    interception)."""
    span = sent.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    key = _key_of(sent, facts, span)
    if key in {"killed", "injured", "intercepted"} and _counts_things(span, sent, facts):
        return None
    return key


# Things a number may count that are never people (beside the target-kind lexicon).
THING_NOUNS = frozenset(
    (
        "building",
        "structure",
        "facility",
        "house",
        "home",
        "apartment",
        "flat",
        "block",
        "vehicle",
        "car",
        "truck",
        "bus",
        "window",
        "shop",
        "store",
        "business",
        "object",
        "site",
    )
)


def _counts_things(span: SpacySpan, sent: SpacySpan, facts: SentenceFacts) -> bool:
    root = span.root
    if root.dep_ not in {"nummod", "quantmod"} or root.head.pos_ != "NOUN":
        return False
    noun = root.head
    if noun.lemma_.lower() in PERSON_NOUNS:
        return False
    rel = noun.i - sent.start
    in_target = any(h.start <= rel < h.end for h in facts.targets)
    return in_target or noun.lemma_.lower() in THING_NOUNS


def _key_of(sent: SpacySpan, facts: SentenceFacts, span: SpacySpan) -> str | None:
    start = span.start_char
    last = span[-1].i - sent.start
    first = span[0].i - sent.start
    # 1. a counted word just after the number: "seven injuries", "two people killed"
    for hit in facts.count_words:
        if last < hit.start <= last + 5:
            between = sent[last + 1 : hit.start]
            if any(t.is_punct or t.lower_ in {"while", "but", "and"} for t in between):
                continue
            if _noun_key(hit) and not _modifies(span, hit, sent):
                continue  # "killed 20 soldiers in an attack": the number counts soldiers
            return hit.entry["key"]
    # 1b. the verb just before it: "injures at least four others", "wounding 38"
    for hit in facts.count_words:
        if hit.end == first and not _noun_key(hit):
            return hit.entry["key"]
    # 2. "Of the 120 drones, ...", "attacked with 120 drones": the number launched
    root = span.root
    weapon_tokens = {h.start for h in facts.weapons} | {h.end - 1 for h in facts.weapons}
    noun = root.head
    while noun.dep_ == "conj" and noun.head is not noun:
        noun = noun.head  # "with 45 missiles and 160 drones": the drones share the "with"
    if (
        root.dep_ == "nummod"
        and root.head.i - sent.start in weapon_tokens
        and noun.dep_ == "pobj"
        and noun.head.lower_ in {"of", "with"}
    ):
        return "launched"
    # 2b. "Four Russian missiles struck Odesa": at least the weapons that did the act came
    if root.dep_ == "nummod" and root.head.i - sent.start in weapon_tokens and noun.dep_ == "nsubj":
        return ARRIVED
    # 3. "the death toll rose to 14", "a death toll of 14", "the number of injured rose to 9"
    toll = _toll_key(sent.doc.text[sent.start_char : start])
    if toll:
        return toll
    # 4. the verb the number hangs on: "38 were intercepted", "deployed 54 drones"
    return _verb_key(sent, facts, span)


def _toll_key(before: str) -> str | None:
    """The key of the toll phrase nearest before a number, if any ("the number of injured
    rose to 9 and the death toll to 3": the 3 is the dead)."""
    nearest: tuple[int, str] | None = None
    for key, pattern in (("killed", TOLL_BEFORE), ("injured", INJURED_TOLL_BEFORE)):
        pos = 0
        while (m := pattern.search(before, pos)) is not None:
            if nearest is None or m.start() > nearest[0]:
                nearest = (m.start(), key)
            pos = m.start() + 1
    return nearest[1] if nearest else None


def _verb_key(sent: SpacySpan, facts: SentenceFacts, span: SpacySpan) -> str | None:
    """The key of the verb a number hangs on, up to three heads above it."""
    head = span.root
    for _ in range(3):
        if head.head is head:
            break
        head = head.head
        for token in (head, *_reported_complements(head)):
            rel = token.i - sent.start
            for hit in facts.count_words:
                if hit.start <= rel < hit.end and not _noun_key(hit):
                    return hit.entry["key"]
    return None


# Verbs that pass their subject on to what was said of it: "four civilians are reported to
# have been killed", "two soldiers are feared dead".
HEARSAY_LEMMAS = frozenset(
    {"report", "say", "believe", "fear", "think", "confirm", "know", "estimate", "understand"}
)


def _reported_complements(verb: Token) -> list[Token]:
    """The complement of a hearsay verb, which tells what happened to its subject."""
    if verb.lemma_.lower() not in HEARSAY_LEMMAS:
        return []
    return [c for c in verb.children if c.dep_ in {"xcomp", "oprd", "acomp"}]


def _pair_key(sent: SpacySpan, facts: SentenceFacts, start: int, end: int) -> str | None:
    """The key of the first number of "23 of 31 missiles": what the verb says. A word
    after the pair that says "launched" ("15 of 18 missiles launched by Russia") counts
    the 18, not the 15."""
    key = _count_key(sent, facts, start, end)
    if key != "launched":
        return key
    span = sent.doc.char_span(start, end, alignment_mode="expand")
    verb = _verb_key(sent, facts, span) if span is not None else None
    return verb if verb != "launched" else None


def _modifies(span: SpacySpan, hit: Hit, sent: SpacySpan) -> bool:
    """Does the number count the hit's noun ("12 attacks", "25 ground attacks"), or some
    other noun before it ("20 soldiers in an attack")?"""
    root = span.root
    if root.dep_ not in {"nummod", "quantmod"}:
        return True  # no noun of its own: the word after it is what it counts
    return hit.start <= root.head.i - sent.start < hit.end


def _noun_key(hit: Hit) -> bool:
    return hit.entry["key"] in NOUN_COUNT_KEYS


def mostly_interceptions(
    counts: dict[str, Count], by_weapon: dict[str, dict[str, Count]] | None = None
) -> bool:
    """A report of shoot-downs (in total or per weapon) with no toll."""
    intercepted = "intercepted" in counts or any(
        "intercepted" in c for c in (by_weapon or {}).values()
    )
    return intercepted and not ({"killed", "injured"} & counts.keys())
