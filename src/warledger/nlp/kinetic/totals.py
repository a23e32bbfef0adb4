"""Is a toll a total over a period (a casualty report) rather than one attack's?

"12,605 civilians have been killed since February 2022", "over the past day five were
killed", "the U.N. has recorded 1,200 civilian casualties": summed over time or counted
by a monitor, not told of one strike.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from warledger.nlp.kinetic.facts import SentenceFacts


PERIOD_TOTAL = re.compile(
    r"\b(?:over|in|during) the (?:past|last) (?:\d+|twenty-four|24|day|week|night)"
    r"|\bsince the start\b|\bin total\b|\bthis (?:week|month|year)\b|\bso far\b|\bto date\b"
    r"|\bin the first (?:\w+ )?(?:days?|weeks?|months?) of\b"
    r"|\bsince (?:the )?(?:beginning|outbreak|full-scale|invasion|war)\b"
    r"|\bsince (?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December) (?:19|20)\d\d\b|\bsince (?:19|20)\d\d\b",
    re.IGNORECASE,
)


# Bodies that count a war's victims over time: a civilian toll they give is a total even
# when the sentence names no period ("the U.N. has recorded 1,200 civilian casualties").
MONITOR_TOLL = re.compile(
    r"(?:\bU\.N\.|\bUN\b|\bUnited Nations\b|\bOHCHR\b|\b(?:human rights )?monitoring mission\b|"
    r"\bhuman rights office\b)[^;]{0,120}\bcivilian",
    re.IGNORECASE,
)


def is_casualty_total(facts: SentenceFacts, kind: str) -> bool:
    counts_people = any(h.entry["key"] in {"killed", "injured"} for h in facts.count_words)
    settlement_level = any(p.location.precision in {"point", "settlement"} for p in facts.places)
    text = facts.sent.text
    return (
        kind == "strike"
        and counts_people
        and bool(PERIOD_TOTAL.search(text) or MONITOR_TOLL.search(text))
        and not settlement_level
    )
