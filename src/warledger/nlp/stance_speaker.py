"""Who says a sentence that states a stance: its reporting verb's subject, a transcript
line's labelled speaker, the speaker named where a quotation closes, or an interviewee
named before a quotation or an "A:" answer. Kept apart from :mod:`stance_party`, which
decides whether the stance is the speaker's at all.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from warledger.nlp.attribution import attribute, last_person_mention
from warledger.nlp.diplomacy import arguments
from warledger.types import Actor

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from warledger.nlp.context import DocContext

__all__ = ["OPEN_QUOTATION", "speaker_of"]

_OPEN_QUOTE = re.compile(r'^\W*["“]')
# A sentence opening a quotation it does not close: its speaker is named further on.
OPEN_QUOTATION = re.compile(r'^\s*["“][^"”]*$')


def speaker_of(ctx: DocContext, sent: SpacySpan, anchor: Token) -> Actor | None:
    """Who says the sentence: its reporting verb's subject, the release's own voice, or,
    for a quotation running over several sentences ('"We will never give up our land.
    Crimea is Ukraine," Zelensky said'), the speaker named where it closes; a quotation
    no one is named for (Zelensky spoke on Sunday. "We will never ...") or an interview's
    answer ("A: We will never ...") is the person last named as a subject before it; a
    transcript's speech is its label's."""
    labelled = _labelled_speaker(ctx, anchor.idx)
    if labelled is not None:
        return labelled
    speaker, _status = attribute(sent, ctx, trigger=anchor)
    if speaker is not None and speaker.side:
        return speaker
    marks = sent.text.count('"') + sent.text.count("“") + sent.text.count("”")
    within = _within_quotation(ctx, sent)
    quoted = _quoted(ctx, sent) or within
    if (quoted and marks % 2) or (within and not marks):
        following = sent
        for _ in range(3):
            if following.end >= len(sent.doc):
                break
            following = sent.doc[following.end].sent
            if any(t in following.text for t in ('"', "”")):
                found, _status = attribute(following, ctx)
                if found is not None and found.side:
                    return found
                speaker = found or speaker
                break
    if speaker is None and prose_answer(ctx.text, sent.start_char):
        interviewee = _interviewee(ctx)
        if interviewee is not None:
            return interviewee
    answer = _ANSWER.match(ctx.text[ctx.text.rfind("\n", 0, sent.start_char) + 1 :])
    if quoted or answer:
        # a quotation's speaker is named in the two sentences before; an interviewee anywhere
        since = 0 if answer else _start_of_sentence_before(sent, 2)
        person = last_person_mention(ctx, sent.start_char)
        if person is not None and person.actor.side and person.start >= since:
            return arguments.copy_actor(person.actor)
    return speaker


def _quoted(ctx: DocContext, sent: SpacySpan) -> bool:
    """Does the sentence open or close a quotation (its opening mark may have been left on
    the sentence before)?"""
    before = ctx.text[: sent.start_char].rstrip()
    return (
        bool(_OPEN_QUOTE.match(sent.text))
        or before.endswith(('"', "“"))
        or (sent.text.rstrip().endswith(('"', "”")))
    )


def _within_quotation(ctx: DocContext, sent: SpacySpan) -> bool:
    """Does the sentence sit inside a quotation opened earlier in its paragraph ('"Kyiv
    must withdraw. Ukraine must not be in NATO. These are the realities," he said')? Its
    speaker is the one named where the quotation closes."""
    before = ctx.text[ctx.text.rfind("\n", 0, sent.start_char) + 1 : sent.start_char]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


# A line that opens an interview's answer ("A: ...", "A. ...").
_ANSWER = re.compile(r"\s*A\s*[:.]\s")
# A transcript's speaker label, at a line's or a sentence's start: a name, with its titles
# ("Chairperson of the African Union and President of Senegal Macky Sall(retranslated):",
# "Vladimir Putin:"); what follows, up to the next label, is that speaker's.
_LABEL = re.compile(
    r"(?:^|(?<=[.!?…\"”]\s))[ \t]*((?:(?:[A-Z][\w.'’-]*|of|the|and|for)\s+){0,14}"
    r"[A-Z][\w.'’-]*)\s*(?:\([^)]{0,30}\))?:\s",
    re.MULTILINE,
)


def _labelled_speaker(ctx: DocContext, offset: int) -> Actor | None:
    """The speaker of the last transcript label before ``offset`` in its line ("Vladimir
    Putin: ... I want to stress: the withdrawal ... remains a condition"), when the label
    names a party (a person, or a title of one: "President of Senegal")."""
    line_start = ctx.text.rfind("\n", 0, offset) + 1
    labels = list(_LABEL.finditer(ctx.text, line_start, offset))
    if not labels:
        return _continued_speaker(ctx, line_start)
    return _label_party(ctx, labels[-1])


# Lines read back for the label whose answer runs on over paragraphs.
CONTINUED = 8


def _continued_speaker(ctx: DocContext, line_start: int) -> Actor | None:
    """A transcript's answer running over paragraphs ("Vladimir Putin: As you know, ...
    [new paragraph] As for a long-term ceasefire, ..."): the party of the label opening an
    earlier line, unless that label names none ("Question:")."""
    end = line_start - 1
    for _ in range(CONTINUED):
        if end <= 0:
            return None
        start = ctx.text.rfind("\n", 0, end) + 1
        label = _LABEL.match(ctx.text, start, end)
        if label is not None:
            return _label_party(ctx, label)
        end = start - 1
    return None


def _label_party(ctx: DocContext, label: re.Match[str]) -> Actor | None:
    """The party a transcript label names, as a person."""
    start, end = label.span(1)
    named = [m for m in arguments.mentions_in(ctx, start, end) if m.actor.side]
    if not named:
        return None
    person = next((m for m in reversed(named) if m.actor.type == "person"), None)
    if person is not None:
        return arguments.copy_actor(person.actor)
    title = named[-1]  # "President of Senegal Macky Sall": the name after the title
    name = ctx.text[title.end : end].strip() or ctx.text[title.start : title.end]
    return Actor(name=name, side=title.actor.side, type="person")


def _start_of_sentence_before(sent: SpacySpan, back: int) -> int:
    """Where the sentence ``back`` sentences before ``sent`` starts (in characters)."""
    current = sent
    for _ in range(back):
        if current.start == 0:
            break
        current = sent.doc[current.start - 1].sent
    return current.start_char


def _lines_around(text: str, offset: int) -> tuple[str, str]:
    """The line holding ``offset`` and the last non-empty line before it."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = text[start : len(text) if end < 0 else end]
    before = text[:start].rstrip().rsplit("\n", 1)[-1] if start else ""
    return line, before


@lru_cache(maxsize=4)
def _interview(text: str) -> bool:
    """Is the text an interview written as prose: two or more lines ending in a question
    mark, each answered by a line that does not?"""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    answered = sum(1 for q, a in pairwise(lines) if q.endswith("?") and not a.endswith("?"))
    return answered >= 2


def question_line(ctx: DocContext, offset: int) -> bool:
    """Is ``offset`` on an interviewer's line of a prose interview ("President Trump has
    just imposed sanctions. Is that not a setback?"): its premises are no party's stance.
    (A line a party's speaker label opens is that speaker's, whatever it ends with.)"""
    line, _before = _lines_around(ctx.text, offset)
    return (
        line.rstrip().endswith("?")
        and _interview(ctx.text)
        and _labelled_speaker(ctx, offset) is None
    )


def prose_answer(text: str, offset: int) -> bool:
    """Is ``offset`` on the line answering an interviewer's question, with no "Q:"/"A:"
    markers ("Will Russia accept a ceasefire?" / "A simple ceasefire will only ...")?"""
    line, before = _lines_around(text, offset)
    return before.endswith("?") and not line.rstrip().endswith("?") and _interview(text)


def _interviewee(ctx: DocContext) -> Actor | None:
    """The one a prose interview questions: the first person of a party it names (in its
    introduction), not whoever the questions mention later."""
    people = [m for m in ctx.actors if m.actor.type == "person" and m.actor.side]
    if not people:
        return None
    return arguments.copy_actor(min(people, key=lambda m: m.start).actor)
