"""The cheap pass: which sentences deserve the parser and NER.

Most sentences of a news story carry no event. Tokenizing and splitting a text with
rules costs a few percent of the full parse, so the extractor first asks, per sentence,
whether any reader could act on it:

* lemmas (the kinetic reader): a token whose lemma could start a trigger or count phrase.
  Lemmas need the tagger, so each lemma is expanded to every surface form the model's own
  lemmatizer tables can map to it ("struck" → "strike");
* patterns (diplomacy and positions): the reader's own regular expressions, searched in
  the sentence, behind the terms the lexicon declares for each: a pattern none of whose
  terms occurs in the sentence cannot match, so it is not run.

What to look for comes from the registered readers (:mod:`warledger.nlp.registry`), each
declaring its :class:`~warledger.nlp.reader.CheapTerms`; the gate imports no reader.

A selected sentence that refers back to a plan ("This draft agreement includes ...") also
gets its previous sentence parsed, where the readers look for the plan's author; the rest
are only tokenized (their text and rule sentence boundaries are all a reader reads of a
neighbour otherwise, e.g. "These reports could not be verified."). NER runs over whole
texts (see :class:`warledger.nlp.pipeline.GatedParser`). Every test errs towards
selecting: a false "yes" costs time, a false "no" would lose an event.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

import numpy
from spacy.attrs import IDX, LENGTH, LOWER

from warledger.nlp import registry
from warledger.nlp.theatre import Theatre, default_theatre

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Where the gate leaves the detector's sentence scores for the extractor: (ranges, scores).
DETECTOR_KEY = "warledger.detector"


class SentenceScorer(Protocol):
    """What the gate needs of the learned detector (:mod:`warledger.nlp.detector`)."""

    @property
    def add_above(self) -> Mapping[str, float]: ...

    def scores(self, texts: list[str]) -> list[dict[str, float]]: ...


SENTENCE_END = frozenset({".", "!", "?", "...", "…"})
_END_CHARS = re.compile(r"[.!?…]")
_NEWLINE = re.compile(r"\n")
CLOSERS = frozenset({'"', "'", "”", "’", ")", "]", "»"})


@dataclass(frozen=True)
class Segment:
    """Tokens ``[first, last)`` of the text; ``parse`` says whether they need the parser."""

    first: int
    last: int
    parse: bool


# --- rule-based sentences -----------------------------------------------------------------


def rule_sentences(doc: Doc, text: str | None = None) -> list[tuple[int, int]]:
    """Token ranges of sentences by punctuation and line breaks (no model needed).

    A sentence ends after ., ! or ? (with any closing quotes or brackets) when the next
    word starts with a capital, digit or quote, and at every line break, as our
    ``line_breaks`` component does for the parser. Only candidate tokens are visited.
    """
    n = len(doc)
    bounds: list[tuple[int, int]] = []
    start = 0
    for i in _boundary_candidates(doc, doc.text if text is None else text):
        if i < start:
            continue
        tok = doc[i]
        end = None
        if "\n" in tok.text or "\n" in tok.whitespace_:
            end = i + 1
        else:
            j = i + 1
            while j < n and (doc[j].is_space or (doc[j].text in CLOSERS and _attached(doc, j))):
                j += 1
            if j >= n or _opens_sentence(doc[j].text):
                end = j
        if end is not None and end > start:
            bounds.append((start, end))
            start = end
    if start < n:
        bounds.append((start, n))
    return bounds


def _boundary_candidates(doc: Doc, text: str) -> list[int]:
    """Tokens that are sentence-final punctuation or carry a line break."""
    ends = {m.start() for m in _END_CHARS.finditer(text)}
    breaks = [m.start() for m in _NEWLINE.finditer(text)]
    out: set[int] = set()
    if ends:
        idx = doc.to_array([IDX])
        for i in numpy.nonzero(numpy.isin(idx, list(ends)))[0]:
            if doc[int(i)].text in SENTENCE_END:
                out.add(int(i))
    for char in breaks:
        tok = doc.char_span(char, char + 1, alignment_mode="expand")
        if tok is not None and len(tok):
            out.add(tok.start)
        else:  # the break is a token's trailing whitespace
            out.add(_token_before(doc, char))
    return sorted(out)


def _token_before(doc: Doc, char: int) -> int:
    idx = doc.to_array([IDX])
    return max(0, int(numpy.searchsorted(idx, char, side="right")) - 1)


def _attached(doc: Doc, i: int) -> bool:
    """A closing mark hangs on the word before it (``."``); after a space it opens the
    next sentence (``. "We``)."""
    return not doc[i - 1].whitespace_


def _opens_sentence(word: str) -> bool:
    first = word[:1]
    return first.isupper() or first.isdigit() or first in "\"'“‘("


# --- the gate -----------------------------------------------------------------------------


def surface_forms(lemmas: Iterable[str], nlp: Language) -> frozenset[str]:
    """Every lower-case word the model's rule lemmatizer could map to one of ``lemmas``."""
    wanted = {lemma.lower() for lemma in lemmas}
    forms = set(wanted)
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset(forms)
    lookups = nlp.get_pipe("lemmatizer").lookups
    rules = lookups.get_table("lemma_rules", {}) if lookups.has_table("lemma_rules") else {}
    for table in rules.values():
        for old, new in table:
            for lemma in wanted:
                if lemma.endswith(new):
                    forms.add(lemma[: len(lemma) - len(new)] + old)
    exc = lookups.get_table("lemma_exc", {}) if lookups.has_table("lemma_exc") else {}
    for table in exc.values():
        for form, targets in table.items():
            if wanted.intersection(targets):
                forms.add(form.lower())
    return frozenset(forms)


class SentenceGate:
    """Decides, from tokens and text alone, which sentences a reader could act on."""

    def __init__(
        self,
        nlp: Language,
        theatre: Theatre | None = None,
        detector: SentenceScorer | None = None,
    ) -> None:
        """``detector``: the learned detector, which also picks sentences to parse, so the
        cheap lexical pass never drops a sentence the detector would make an event of."""
        self.detector = detector
        terms = registry.cheap_terms(theatre or default_theatre())
        self.lemma_words = surface_forms(terms.lemmas, nlp)
        self._lemma_hashes = numpy.array(
            sorted(nlp.vocab.strings.add(w) for w in self.lemma_words), dtype="uint64"
        )
        self.patterns = terms.patterns
        self.back_references = terms.back_references
        self.forward_references = terms.forward_references

    def wanted(
        self, doc: Doc, sentences: Sequence[tuple[int, int]], text: str | None = None
    ) -> list[bool]:
        """Per sentence: could any reader make something of it?

        The lemma words are looked up for all tokens at once; the regular expressions
        then run per remaining sentence, as the readers run them, and only where the
        sentence contains one of their terms.
        """
        out = [False] * len(sentences)
        if not sentences:
            return out
        token_starts = numpy.array([s for s, _ in sentences])
        hits = numpy.nonzero(numpy.isin(doc.to_array(LOWER), self._lemma_hashes))[0]
        for k in numpy.unique(numpy.searchsorted(token_starts, hits, side="right") - 1):
            out[int(k)] = True
        text = doc.text if text is None else text
        offsets = doc.to_array([IDX, LENGTH])
        for k, (s, e) in enumerate(sentences):
            if out[k]:
                continue
            sent = text[int(offsets[s, 0]) : int(offsets[e - 1, 0] + offsets[e - 1, 1])]
            lowered = sent.lower()
            out[k] = any(p.search(sent, lowered) for p in self.patterns)
        return out

    def refers_back(self, doc: Doc, text: str, start: int, end: int) -> bool:
        """Does the sentence ``doc[start:end]`` need the parse of the one before it?"""
        sent = text[doc[start].idx : doc[end - 1].idx + len(doc[end - 1])]
        return any(p.match(sent) for p in self.back_references)

    def refers_forward(self, doc: Doc, text: str, start: int, end: int) -> bool:
        """Does the sentence ``doc[start:end]`` need the parse of the two after it?"""
        sent = text[doc[start].idx : doc[end - 1].idx + len(doc[end - 1])]
        return any(p.search(sent) for p in self.forward_references)

    def plan(
        self, doc: Doc, text: str | None = None
    ) -> tuple[list[tuple[int, int]], list[Segment]]:
        """The rule sentences of a tokenized text, and the text cut into runs of
        sentences to parse and runs to only tokenize."""
        text = doc.text if text is None else text
        sentences = rule_sentences(doc, text)
        chosen = self.wanted(doc, sentences, text)
        if self.detector is not None:
            for k, wanted in enumerate(self._detected(doc, text, sentences)):
                chosen[k] = chosen[k] or wanted
        back = [
            k
            for k, (s, e) in enumerate(sentences)
            if chosen[k] and self.refers_back(doc, text, s, e)
        ]
        for k in back:
            chosen[k - 1 if k else 0] = True
        forward = [
            k
            for k, (s, e) in enumerate(sentences)
            if chosen[k] and self.refers_forward(doc, text, s, e)
        ]
        for k in forward:
            for j in range(k + 1, min(k + 3, len(sentences))):
                chosen[j] = True
        return sentences, merge_segments(sentences, chosen)


    def _detected(self, doc: Doc, text: str, sentences: Sequence[tuple[int, int]]) -> list[bool]:
        """Score every sentence with the detector (kept on the doc for the extractor) and
        say which ones it would add an event for."""
        assert self.detector is not None
        ranges = [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1])) for s, e in sentences]
        scores = self.detector.scores([text[a:b] for a, b in ranges])
        doc.user_data[DETECTOR_KEY] = (ranges, scores)
        add = self.detector.add_above
        return [any(c.get(k, 0.0) >= t for k, t in add.items()) for c in scores]


def merge_segments(sentences: Sequence[tuple[int, int]], chosen: Sequence[bool]) -> list[Segment]:
    """Runs of consecutive sentences with the same decision, as token ranges."""
    segments: list[Segment] = []
    for (start, end), parse in zip(sentences, chosen, strict=True):
        if segments and segments[-1].parse == parse:
            segments[-1] = Segment(segments[-1].first, end, parse)
        else:
            segments.append(Segment(start, end, parse))
    return segments
