"""Is a toll a total over a period (a casualty report) rather than one attack's?

"12,605 civilians have been killed since February 2022", "over the past day five were
killed", "the U.N. has recorded 1,200 civilian casualties": summed over time or counted
by a monitor, not told of one strike ("earlier this month" dates one attack, it sums none).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from warledger.nlp.context import DocContext
    from warledger.nlp.kinetic.facts import SentenceFacts


PERIOD_TOTAL = re.compile(
    r"\b(?:over|in|during) the (?:past|last) (?:\d+|twenty-four|24|day|week|night)"
    r"|\bsince the start\b|\bin total\b|(?<!earlier )(?<!later )\bthis (?:week|month|year)\b"
    r"|\bso far\b|\bto date\b"
    r"|\bin (?:over |more than |at least |nearly |almost |some )?\d[\d,]* (?:separate )?attacks\b"
    r"|\bin the first (?:\w+ )?(?:days?|weeks?|months?) of\b"
    r"|\bsince (?:the )?(?:beginning|outbreak|full-scale|invasion|war)\b"
    r"|\bsince (?:the )?(?:start of the )?(?:Russian |full-scale |Russia's )+(?:invasion|war)\b"
    r"|\bsince Russia (?:invaded|launched)\b"
    r"|\b(?:over|in|during) an? (?:24|48|72)-hour period\b"
    r"|\bsince (?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December) (?:19|20)\d\d\b|\bsince (?:19|20)\d\d\b"
    r"|\b(?:in|during) (?:January|February|March|April|May|June|July|August|September"
    r"|October|November|December)(?: alone)?\b(?!,? \d)",
    re.IGNORECASE,
)


# Bodies that count a war's victims over time: a civilian toll they give is a total even
# when the sentence names no period ("the U.N. has recorded 1,200 civilian casualties";
# "the mission said", once the monitoring mission has been named).
MONITOR_TOLL = re.compile(
    r"(?:\bU\.N\.|\bUN\b|\bUnited Nations\b|\bOHCHR\b|\b(?:human rights )?monitoring mission\b|"
    r"\bhuman rights office\b|\b[Tt]he mission\b)[^;]{0,120}\bcivilian",
    re.IGNORECASE,
)


# "the largest wave of drones since the start of the war": a record, not a period summed.
RECORD_SINCE = re.compile(
    r"\b(?:largest|biggest|heaviest|deadliest|worst|most \w+)\b[^.;,]{0,90}$", re.IGNORECASE
)


def _summed_period(text: str) -> bool:
    return any(
        not RECORD_SINCE.search(text, 0, m.start()) or not m.group().lower().startswith("since")
        for m in PERIOD_TOTAL.finditer(text)
    )


def is_casualty_total(facts: SentenceFacts, kind: str) -> bool:
    counts_people = any(h.entry["key"] in {"killed", "injured"} for h in facts.count_words)
    settlement_level = any(p.location.precision in {"point", "settlement"} for p in facts.places)
    text = facts.sent.text
    return (
        kind == "strike"
        and counts_people
        and (_summed_period(text) or bool(MONITOR_TOLL.search(text)))
        and not settlement_level
    )


# A side's soldiers counted, and a wording that sums them rather than telling one attack:
# "50 Russian soldiers have been killed in action", "498 troops had been killed",
# "troops have suffered 4,700 casualties", "announces the deaths of two commanders".
SOLDIERS = re.compile(
    r"\b(?:soldiers|troops|servicem[ae]n|service members|personnel|commanders|officers|"
    r"generals|conscripts|mercenaries)\b",
    re.IGNORECASE,
)
SUMMED = re.compile(
    r"\b(?:have|has|had) been (?:\w+ )?(?:killed|wounded|injured)\b|\bkilled in action\b"
    r"|\bcasualties\b|\bfatalities\b|\bthe deaths of\b",
    re.IGNORECASE,
)


def is_troop_toll(facts: SentenceFacts, ctx: DocContext) -> bool:
    """A side's soldiers counted dead or wounded with no attack named ("1,351 troops have
    been killed in action and 3,825 injured", "Russian losses at 198,000 soldiers killed,
    according to estimates of its casualties"): a casualty report, not one strike. An
    accident named in the sentence ("killed in a training accident") is no war toll, nor
    are the dead handed back ("received the bodies of 1,000 soldiers killed in action")."""
    if not any(h.entry["key"] in {"killed", "injured"} for h in facts.count_words):
        return False
    text = facts.sent.text
    if not (SOLDIERS.search(text) and SUMMED.search(text)):
        return False
    return not set(facts.lemmas) & ACCIDENTS


# Deaths that are no war toll: accidents, hazards, illness, and the dead handed back or
# buried (the war's unarmed agents of kinetic_triggers.json also name markets, laws and
# courts, which a sentence may mention beside a real toll: "..., while prices rose").
ACCIDENTS = frozenset(
    {"accident", "crash", "collision", "derailment", "suicide", "illness", "disease",
     "epidemic", "outbreak", "exercise", "drill", "earthquake", "quake", "flood", "flooding",
     "landslide", "avalanche", "wildfire", "storm", "hurricane", "typhoon", "cyclone",
     "tornado", "tsunami", "heatwave", "lightning", "body", "remains", "repatriate",
     "repatriation", "exchange", "return", "funeral", "burial", "bury"}
)  # fmt: skip


def is_regional_toll(token: Token, facts: SentenceFacts) -> bool:
    """"Nine people have been killed by Russian shelling in Donetsk Oblast", "three people
    have been killed by rocket attacks in the region": a toll summed over an area's
    attacks (the attacks plural or uncounted, the place no settlement), as a governor's
    daily summary gives it. One attack ("by a drone strike on Kharkiv") is a strike."""
    verb = token.head.head if token.dep_ == "pobj" and token.head.dep_ == "agent" else token
    agents = [
        g  # "killed and eight injured by rocket attacks": the agent of the last verb
        for c in verb.subtree
        if c.dep_ == "agent" and c.head.lemma_.lower() in TOLL_VERBS
        for g in c.children
        if g.dep_ == "pobj"
    ]
    if not agents:
        return False
    token = agents[0]
    perfect = any(c.lower_ in {"have", "has"} for c in verb.children if c.dep_ == "aux")
    if verb.lemma_.lower() not in TOLL_VERBS or not perfect:
        return False
    one = any(c.dep_ == "det" and c.lower_ in {"a", "an", "the", "this", "that"}
              for c in token.children)  # fmt: skip
    settlement = any(p.location.precision in {"point", "settlement"} for p in facts.places)
    return not one and not settlement


TOLL_VERBS = frozenset({"kill", "injure", "wound"})


# The dead found after the fact: "about 200 dead people are found in the rubble", "the
# bodies of 440 people were exhumed near Izium" (not handed back: that is "returned").
BODIES_FOUND = re.compile(
    r"\b(?:bodies|dead(?: people| civilians)?|corpses|remains)\b[^.;]{0,60}?"
    r"\b(?:found|recovered|exhumed|discovered|unearthed|pulled from)\b",
    re.IGNORECASE,
)


def is_bodies_found(facts: SentenceFacts) -> bool:
    """A count of the dead found in rubble or graves: a toll known after the attacks,
    not one attack's (a casualty report when the sentence is about the war)."""
    counted = any(h.entry["key"] == "killed" for h in facts.count_words)
    return counted and bool(BODIES_FOUND.search(facts.sent.text))
