"""Stances stated by referring back: "The plan calls for Ukraine to cede Donbas. Zelensky
said this was unacceptable", "Washington proposed a 30-day truce. Kyiv accepted it".

The sentence that refuses or accepts names no stance phrase of its own; what it refuses is
the phrase of the nearest sentence before it that names one (a plan's terms, a demand, a
question put to a speaker). Its holder is whoever refuses or accepts (the subject, the
speaker, a transcript's labelled speaker), never the author of what is referred to, whose
own stance the earlier sentence already gave.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from warledger.nlp import stance_party
from warledger.nlp.diplomacy import fields
from warledger.types import Position, Span

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

    from warledger.nlp.context import DocContext

# What is referred to: a pronoun, or "such a step" ("Kyiv dismissed the plan", "rejects the
# offer" report a proposal turned down: an event, not a restated stance).
_REFERRED = (
    r"(?:it|this|that|these|them|such (?:an? )?(?:[\w-]+ )?(?:idea|plan|proposal|step|demand"
    r"|scenario|option|move)s?)"
)
# "this is unacceptable", "that would be a red line", "such a step is out of the question".
_VERDICT = re.compile(
    rf"\b{_REFERRED}\s+(?:is|was|would be|will be|remains|remained)\s+(?:\w+\s+){{0,2}}?"
    r"(?:unacceptable|not acceptable|inadmissible|out of the question|a non-?starter|a red line"
    r"|off the table|absurd)\b",
    re.IGNORECASE,
)
# "rejected it", "has ruled this out", "dismissed the proposal"; "accepted it".
_REFUSED = re.compile(
    rf"\b(?:reject(?:s|ed|ing)?|refus(?:es|ed|ing)|dismiss(?:es|ed|ing)?|rebuff(?:s|ed)?"
    rf"|spurn(?:s|ed)?|rul(?:e|es|ed|ing) out|oppos(?:e|es|ed|ing)|denounc(?:e|es|ed|ing))\s+"
    rf"{_REFERRED}\b|\brul(?:e|es|ed|ing) (?:it|this|that|them) out\b",
    re.IGNORECASE,
)
_ACCEPTED = re.compile(
    rf"\b(?:accept(?:s|ed|ing)?|endors(?:e|es|ed|ing)|back(?:s|ed)?|support(?:s|ed)?"
    rf"|agree(?:s|d)? to)\s+{_REFERRED}\b",
    re.IGNORECASE,
)
# Words that deny the refusal or acceptance itself ("did not reject it": no stance; "would
# never agree to that": a refusal).
_DENIED = re.compile(r"\b(?:not|n['’]t|never|no longer)\s+(?:\w+\s+)?$", re.IGNORECASE)
# A question answered in the negative, the question told in the same sentence: "Asked
# whether Kyiv could give up the Donbas, Zelensky said: 'No. Never.'"
_ASKED = re.compile(r"^\W*Asked (?:whether|if|about) (?P<asked>[^.;:]+?),\s", re.IGNORECASE)
_ANSWERED_NO = re.compile(
    r"\b(?:said|says|replied|replies|answered|answers|responded)[:,]?\s*[\"“'‘]?"
    r"(?:no|never|absolutely not|of course not|certainly not)(?=\s*[.,;!\"”'’]|\s*$)",
    re.IGNORECASE,
)
TERMS = frozenset(
    {"unacceptable", "not acceptable", "inadmissible", "out of the question", "starter",
     "red line", "off the table", "absurd", "reject", "refus", "dismiss", "rebuff", "spurn",
     "rule", "ruling", "oppos", "denounc", "accept", "endors", "back", "support", "agree",
     "asked", "said", "says", "replied", "replies", "answered", "answers", "responded"}
)  # fmt: skip
PATTERNS = (_VERDICT, _REFUSED, _ACCEPTED, _ANSWERED_NO)
# How many sentences back the referred phrase may be ("European countries are discussing
# sending troops. What is your attitude? -- We have spoken about this many times. For us
# this is absolutely unacceptable.").
BACK = 3


class _Entry(Protocol):
    issue: str
    stance: str
    refused: str | None
    pattern: re.Pattern[str]

    def may_match(self, lowered: str) -> bool: ...


@dataclass(frozen=True)
class Reference:
    """A refusal or acceptance of what an earlier sentence names."""

    match: re.Match[str]  # the refusing or accepting words in the sentence
    stances: tuple[tuple[str, str], ...]  # (issue, stance) it states


def asked_end(text: str) -> int:
    """Where a sentence's opening "Asked whether ..., " clause ends (0 if it has none): what
    it asks is no one's stance until the answer takes one."""
    asked = _ASKED.match(text)
    return asked.end() if asked else 0


def refers_back(text: str, before: Sequence[str], entries: Sequence[_Entry]) -> Reference | None:
    """The stances the sentence ``text`` takes by refusing or accepting what one of the
    sentences ``before`` it (nearest last) names; None if it refers to no stance phrase."""
    lowered = text.lower()
    if not any(t in lowered for t in TERMS):
        return None
    for pattern in PATTERNS:
        m = pattern.search(text)
        denied = m is not None and bool(_DENIED.search(text[: m.start()]))
        if m and (pattern is _ACCEPTED or not denied):
            break
    else:
        return None
    accepted = pattern is _ACCEPTED and not denied  # "would never agree to that": refused
    for earlier in reversed(before[-BACK:]):
        low = earlier.lower()
        stances: dict[str, str] = {}
        for entry in entries:
            if entry.issue in stances or not entry.may_match(low):
                continue
            if entry.pattern.search(earlier):
                stance = entry.stance if accepted else entry.refused
                if stance is not None:
                    stances[entry.issue] = stance
        if stances:
            return Reference(m, tuple(stances.items()))
    return None


def texts_before(sents: Sequence[SpacySpan], n: int, text: str) -> list[str]:
    """The texts of the sentences before sentence ``n`` that it may refer to, nearest last:
    its own paragraph and the one before it (a question and its answer), no further."""
    out: list[str] = []
    breaks = 0
    for k in range(n - 1, -1, -1):
        breaks += "\n" in text[sents[k].end_char : sents[k + 1].start_char]
        if breaks > 1 or len(out) == BACK:
            break
        said = text[sents[k].start_char : sents[k].end_char]
        if not _LABEL.match(said):  # a transcript's "Vladimir Putin:" is no sentence
            out.insert(0, said)
    return out


_LABEL = re.compile(r"^\s*(?:[\w.'’-]+\s+){0,5}[\w.'’-]+\s*:\s*$")


# A stance read from a sentence that only refers to it is less sure than one stated.
CONFIDENCE = 0.4


def referred_positions(
    ctx: DocContext,
    sents: Sequence[SpacySpan],
    n: int,
    entries: Sequence[_Entry],
    done: set[str],
) -> list[Position]:
    """Stances the sentence ``n`` takes by refusing or accepting what a sentence before it
    names ("The plan calls for Ukraine to cede Donbas. Zelensky said this was
    unacceptable"): the refuser's or accepter's, on the issues not already ``done``."""
    sent = sents[n]
    text = ctx.text[sent.start_char : sent.end_char]
    before = texts_before(sents, n, ctx.text)
    asked = _ASKED.match(text)
    if asked:  # the question told in the sentence itself is what its answer refers to
        before = [*before, asked.group("asked")]
    ref = refers_back(text, before, entries)
    if ref is None:
        return []
    party, _how = stance_party.party_of(ctx, sent, "governing", ref.match)
    if party is None or not party.side:
        return []
    start = sent.start_char + ref.match.start()
    return [
        Position(
            party=party,
            issue=issue,
            stance=stance,
            date=fields.date_of(sent, start, ctx.published, future=False),
            evidence=[Span(sent.start_char, sent.end_char, text)],
            confidence=CONFIDENCE,
        )
        for issue, stance in ref.stances
        if issue not in done
    ]
