"""What a sentence the detector scores tells, read by the rules' own clause tests: an
occurrence, or only a question or habit, a possibility, history, an attack said to be
absent, or a known attack named as the time of something else. The detector's bag of
words cannot tell these apart; :mod:`warledger.nlp.detector.combine` adds no event for
them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from warledger.nlp import clauses

if TYPE_CHECKING:
    from spacy.tokens import Token

    from warledger.nlp.context import DocContext


def asserted_by_clause(text: str, bounds: tuple[int, int]) -> bool:
    """The clause module's reading of a whole sentence: a question or a habit reports no
    occurrence, whatever the detector scores (the rules apply the same test)."""
    sentence = text[bounds[0] : bounds[1]]
    return not (clauses.is_question(None, sentence) or clauses.is_habitual(sentence))  # type: ignore[arg-type]


def only_possible(ctx: DocContext, bounds: tuple[int, int]) -> bool:
    """Every verb the sentence tells, past the verbs that report it, sits under a modal or a
    condition ("warned that Russia could launch a barrage", "if the attack comes, defences
    would be stretched"): a possibility, not an occurrence, however much it reads like one
    to a bag of words. The rules make the same test on their trigger. Kinetic kinds only:
    talks or aid that "will" happen are reported as planned."""
    span = ctx.doc.char_span(bounds[0], bounds[1], alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    verbs = main_verbs(span)
    # the verbs that tell, not those that report a clause ("warned that", "said that")
    told = [v for v in verbs if not any(c.dep_ == "ccomp" and c in verbs for c in v.children)]
    return bool(told) and all(clauses.is_hypothetical(v) for v in told)


def only_history(ctx: DocContext, bounds: tuple[int, int]) -> bool:
    """Every verb the sentence tells is dated more than a year before the story ("first
    met in the spring of 2022", "13 years ago"): history the rules also leave out."""
    span = ctx.doc.char_span(bounds[0], bounds[1], alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    verbs = main_verbs(span)
    told = [v for v in verbs if not any(c.dep_ == "ccomp" and c in verbs for c in v.children)]
    return bool(told) and all(clauses.is_history(v, span, ctx.published) for v in told)


def framed_only(ctx: DocContext, bounds: tuple[int, int]) -> bool:
    """Every attack word of the sentence names a known attack as the time or setting of
    something else ("Poland scrambled jets as the attack unfolded"): the attack is told
    elsewhere, and the detector should not add it again here."""
    from warledger.nlp.kinetic import sentence_facts
    from warledger.nlp.kinetic.mentions import frames_only

    span = ctx.doc.char_span(bounds[0], bounds[1], alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    words = [span[h.start] for h in sentence_facts(span, ctx).triggers]
    return bool(words) and all(frames_only(w) for w in words)


def denied_only(ctx: DocContext, bounds: tuple[int, int]) -> bool:
    """Every attack word of the sentence is said to be absent ("air defences recorded no
    missile or drone hits", "there was no indication of a drone strike"): the rules read
    no event there, and the detector's bag of words should not add one."""
    from warledger.nlp.kinetic import sentence_facts
    from warledger.nlp.kinetic.triggers import denied

    span = ctx.doc.char_span(bounds[0], bounds[1], alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    words = [span[h.start] for h in sentence_facts(span, ctx).triggers]
    nouns = [w for w in words if w.pos_ in {"NOUN", "PROPN"}]
    return bool(nouns) and len(nouns) == len(words) and all(denied(w) for w in nouns)


def main_verbs(span: object) -> list[Token]:
    """The sentence's main verb and the verbs of the clauses it reports or governs, two
    levels down ("says his country will try to mediate": says, try, mediate)."""
    verbs = [span.root]  # type: ignore[attr-defined]
    for level in range(2):
        below = [
            c
            for v in verbs[level:]
            for c in v.children
            if c.dep_ in {"ccomp", "xcomp"} and c.pos_ == "VERB"
        ]
        verbs += [v for v in below if v not in verbs]
    return verbs
