"""Sentence examples for the event detector, read off gold files.

Each sentence of an annotated document becomes one example whose labels say which event
kinds it reports (a required gold event's evidence lies in it), whether what it reports is
negated, not asserted (a question, threat, hypothesis or generic statement), background
history, or an event of another conflict. Sentences whose only events are optional gold
(defensible but not required readings) are left out: they are neither positive nor
negative evidence.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from warledger.eval.gold import GoldDocument, text_for
from warledger.eval.matching import gold_kinds
from warledger.eval.textmatch import normalize
from warledger.types import EVENT_KINDS, SUBTYPES

FACTUALITY = ("negated", "not_asserted", "background")
OTHER_THEATRE = "other_theatre"
# "talks:held", "aid:pledged", …: which subtype a sentence's event of that kind has.
SUBTYPE_LABELS = tuple(f"{kind}:{sub}" for kind, subs in SUBTYPES.items() for sub in subs)
LABELS: tuple[str, ...] = (*EVENT_KINDS, *FACTUALITY, OTHER_THEATRE, *SUBTYPE_LABELS)
_NOT_ASSERTED = {"question", "hypothetical", "threat", "generic"}


@dataclass
class SentenceExample:
    """One sentence and the labels the gold gives it."""

    doc: str
    text: str
    labels: set[str] = field(default_factory=set)
    optional_only: bool = False

    def cats(self) -> dict[str, float]:
        return {label: float(label in self.labels) for label in LABELS}


def _find(text: str, phrase: str) -> int:
    """Where ``phrase`` starts in ``text`` (case- and quote-insensitive), or -1."""
    at = text.find(phrase)
    if at >= 0:
        return at
    folded = normalize(text)
    if len(folded) == len(text):
        return folded.find(normalize(phrase))
    return text.lower().find(phrase.lower())


def _sentence_index(bounds: list[tuple[int, int]], char: int) -> int | None:
    for i, (start, end) in enumerate(bounds):
        if start <= char < end:
            return i
    return None


def document_examples(
    gold: GoldDocument, text: str, bounds: list[tuple[int, int]]
) -> list[SentenceExample]:
    """The examples of one document, given its sentences as character ranges."""
    examples = [SentenceExample(gold.doc, text[s:e].strip()) for s, e in bounds]
    required: set[int] = set()
    optional: set[int] = set()

    def place(phrase: str) -> int | None:
        at = _find(text, phrase)
        return None if at < 0 else _sentence_index(bounds, at)

    for event in gold.events:
        i = place(event.get("evidence", ""))
        if i is None:
            continue
        if event.get("optional"):
            optional.add(i)
            continue
        required.add(i)
        kind = gold_kinds(event)[0]
        examples[i].labels.add(kind)
        if event.get("subtype") and f"{kind}:{event['subtype']}" in SUBTYPE_LABELS:
            examples[i].labels.add(f"{kind}:{event['subtype']}")
        if event.get("negated"):
            examples[i].labels.add("negated")
        if "theatre" in event and event["theatre"] is None:
            examples[i].labels.add(OTHER_THEATRE)
    for item in gold.non_events:
        i = place(item.get("evidence", ""))
        if i is None:
            continue
        reason = item.get("reason")
        if reason in _NOT_ASSERTED:
            examples[i].labels.add("not_asserted")
        elif reason in ("negated", "background"):
            examples[i].labels.add(reason)
    for i in optional - required:
        examples[i].optional_only = True
    return [ex for ex in examples if ex.text and not ex.optional_only]


# Labels the sentence-level oversampling looks at (subtypes follow their kind).
SAMPLED_LABELS: tuple[str, ...] = (*EVENT_KINDS, *FACTUALITY, OTHER_THEATRE)


def oversampled(
    examples: list[SentenceExample], target: int = 100, cap: int = 1
) -> list[SentenceExample]:
    """The examples with each one carrying a rare label repeated, in place, up to ``cap``
    times in all: ``ceil(target / count)`` for its rarest label with ``count`` training
    sentences. A label seen in 20 sentences among 3,500 (a proposal, background history)
    otherwise barely moves a multilabel textcat off "no"; ``cap=1`` leaves the data as
    they are. Deterministic, so a seeded run stays reproducible."""
    if cap <= 1:
        return list(examples)
    counts = {label: sum(label in ex.labels for ex in examples) for label in SAMPLED_LABELS}
    out: list[SentenceExample] = []
    for ex in examples:
        factor = max(
            (-(-target // counts[label]) for label in ex.labels if counts.get(label)),
            default=1,
        )
        out.extend([ex] * min(cap, factor))
    return out


def corpus_examples(
    gold_docs: Iterable[GoldDocument], corpus_dir: str, split_sentences
) -> Iterator[SentenceExample]:
    """Every example of every document; ``split_sentences(text)`` gives char ranges."""
    for gold in gold_docs:
        text = text_for(gold.doc, corpus_dir)
        yield from document_examples(gold, text, split_sentences(text))
