"""Whether talks the detector adds have a counterpart of another side.

A leader meeting his own minister, council or medallists reads like a summit to a bag of
words. The rules' talks reader drops such meetings (``diplomacy.meetings``); the detector's
talks are asked the same from the sentence's parse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from warledger.nlp.context import DocContext
    from warledger.types import Event


def meets_own_side(ctx: DocContext, event: Event, bounds: tuple[int, int]) -> bool:
    """A party meets only people of its own side, at home ("Putin had a working meeting
    with Russia's Defence Minister"): a government's own meeting, which reads like a
    summit to a bag of words. Read from the meeting word's "with" phrase and its subject,
    as the rules' talks reader does (``diplomacy.meetings``)."""
    from warledger.nlp.diplomacy import arguments, meetings

    span = ctx.doc.char_span(*bounds, alignment_mode="expand")
    if span is None:
        return False
    for tok in span:
        if tok.lower_ != "with" or tok.head.lemma_.lower() not in _MEETING_WORDS:
            continue
        met_people = [g for g in tok.children if g.dep_ == "pobj"]
        if met_people and all(meetings.local_official(g) for g in met_people):
            return True  # "will also meet with Sevastopol Governor X": the leader's own
        start, end = arguments.subtree_span(tok)
        met = {m.actor.side for m in arguments.mentions_in(ctx, start, end) if m.actor.side}
        subject = meetings.subject_side(ctx, tok.head, outside=tok)
        home = all(loc.country in (None, subject) for loc in event.locations)
        if subject is not None and met == {subject} and home:
            return True
    return False


_MEETING_WORDS = frozenset({"meet", "meeting", "conversation", "talk", "talks", "call"})
