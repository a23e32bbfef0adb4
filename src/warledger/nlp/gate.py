"""The cheap pass: which sentences deserve the parser and NER.

Most sentences of a news story carry no event. Tokenizing and splitting a text with
rules costs a few percent of the full parse, so the extractor first asks, per sentence,
whether any reader could act on it:

* kinetic: a token whose lemma could start a trigger or count phrase of the kinetic
  lexicon. Lemmas need the tagger, so each lexicon lemma is expanded to every surface
  form the model's own lemmatizer tables can map to it ("struck" → "strike");
* diplomacy and positions: the reader's own regular expressions, searched in the
  sentence, after a literal prefilter (:func:`required_literals`): a pattern none of
  whose required strings occurs in the sentence cannot match, so it is not run.

A selected sentence that refers back to a plan ("This draft agreement includes ...") also
gets its previous sentence parsed, where the readers look for the plan's author; the rest
are only tokenized (their text and rule sentence boundaries are all a reader reads of a
neighbour otherwise, e.g. "These reports could not be verified."). NER runs over whole
texts (see :class:`warledger.nlp.pipeline.GatedParser`). Every test errs towards
selecting: a false "yes" costs time, a false "no" would lose an event.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy
from spacy.attrs import IDX, LENGTH, LOWER

try:  # Python 3.11+
    from re import _constants as sre_constants
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span


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


# --- regex literal prefilter --------------------------------------------------------------


def required_literals(pattern: str) -> frozenset[str] | None:
    """Lower-case strings of which every match of ``pattern`` contains at least one;
    ``None`` when no such set can be read off the pattern (then always run it)."""
    try:
        parsed = sre_parse.parse(pattern, re.IGNORECASE)
    except re.error:
        return None
    found = _seq_literals(list(parsed))
    return frozenset(found) if found else None


def _seq_literals(items: list) -> set[str] | None:
    """Best required set of a sequence: the literal run or sub-item whose weakest
    alternative is longest."""
    best: set[str] | None = None
    run: list[str] = []

    def consider(option: set[str] | None) -> None:
        nonlocal best
        if option and all(option) and (best is None or _strength(option) > _strength(best)):
            best = option

    for op, arg in items:
        if op is sre_constants.LITERAL:
            run.append(chr(arg).lower())
            continue
        consider({"".join(run)} if run else None)
        run = []
        consider(_item_literals(op, arg))
    consider({"".join(run)} if run else None)
    return best


def _item_literals(op, arg) -> set[str] | None:
    if op is sre_constants.SUBPATTERN:
        return _seq_literals(list(arg[-1]))
    if op is sre_constants.BRANCH:
        out: set[str] = set()
        for branch in arg[1]:
            sub = _seq_literals(list(branch))
            if not sub:
                return None
            out |= sub
        return out
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT):
        low, _high, sub = arg
        return _seq_literals(list(sub)) if low >= 1 else None
    if op is sre_constants.IN and len(arg) <= 3:
        chars = [chr(a).lower() for o, a in arg if o is sre_constants.LITERAL]
        return set(chars) if len(chars) == len(arg) else None
    return None


def _strength(option: set[str]) -> int:
    return min(len(s) for s in option)


@dataclass(frozen=True)
class FilteredPattern:
    """A compiled pattern with the literals a match must contain."""

    pattern: re.Pattern[str]
    literals: frozenset[str] | None

    def may_match(self, lowered: str) -> bool:
        return self.literals is None or any(w in lowered for w in self.literals)

    def search(self, text: str, lowered: str) -> re.Match[str] | None:
        return self.pattern.search(text) if self.may_match(lowered) else None


def filtered(pattern: re.Pattern[str]) -> FilteredPattern:
    return FilteredPattern(pattern, required_literals(pattern.pattern))


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

    def __init__(self, nlp: Language) -> None:
        self.kinetic_words = surface_forms(_kinetic_first_lemmas(), nlp)
        self._kinetic_hashes = numpy.array(
            sorted(nlp.vocab.strings.add(w) for w in self.kinetic_words), dtype="uint64"
        )
        self.patterns = _reader_patterns()

    def wanted(
        self, doc: Doc, sentences: Sequence[tuple[int, int]], text: str | None = None
    ) -> list[bool]:
        """Per sentence: could any reader make something of it?

        The kinetic words are looked up for all tokens at once; the regular expressions
        then run per remaining sentence, as the readers run them, and only where the
        sentence contains one of their required literals.
        """
        out = [False] * len(sentences)
        if not sentences:
            return out
        token_starts = numpy.array([s for s, _ in sentences])
        hits = numpy.nonzero(numpy.isin(doc.to_array(LOWER), self._kinetic_hashes))[0]
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
        return any(p.match(sent) for p in _back_references())

    def plan(
        self, doc: Doc, text: str | None = None
    ) -> tuple[list[tuple[int, int]], list[Segment]]:
        """The rule sentences of a tokenized text, and the text cut into runs of
        sentences to parse and runs to only tokenize."""
        text = doc.text if text is None else text
        sentences = rule_sentences(doc, text)
        chosen = self.wanted(doc, sentences, text)
        back = [
            k
            for k, (s, e) in enumerate(sentences)
            if chosen[k] and self.refers_back(doc, text, s, e)
        ]
        for k in back:
            chosen[k - 1 if k else 0] = True
        return sentences, merge_segments(sentences, chosen)


def merge_segments(sentences: Sequence[tuple[int, int]], chosen: Sequence[bool]) -> list[Segment]:
    """Runs of consecutive sentences with the same decision, as token ranges."""
    segments: list[Segment] = []
    for (start, end), parse in zip(sentences, chosen, strict=True):
        if segments and segments[-1].parse == parse:
            segments[-1] = Segment(segments[-1].first, end, parse)
        else:
            segments.append(Segment(start, end, parse))
    return segments


@lru_cache(maxsize=1)
def _back_references() -> tuple[re.Pattern[str], ...]:
    """Sentence openings whose readers take the author from the previous sentence."""
    from warledger.nlp.diplomacy import _ANAPHORIC_PLAN
    from warledger.nlp.positions import _PLAN_SUBJECT

    return (_ANAPHORIC_PLAN, _PLAN_SUBJECT)


def was_parsed(sent: Span) -> bool:
    """Did the full pipeline see this sentence? The gated parse leaves the sentences it
    skipped untagged, and it skips only sentences no reader's trigger can match, so a
    reader may pass over them without looking."""
    return len(sent) > 0 and sent[0].tag != 0


def _kinetic_first_lemmas() -> set[str]:
    from warledger.nlp.lexicon import kinetic_lexicon

    lexicon = kinetic_lexicon()
    return {*lexicon.triggers.by_first, *lexicon.counts.by_first}


@lru_cache(maxsize=1)
def _reader_patterns() -> tuple[FilteredPattern, ...]:
    """The diplomacy trigger and stance patterns, each with its literal prefilter."""
    from warledger.nlp.diplomacy import _ANAPHORIC_CF
    from warledger.nlp.diplomacy.lexicon import load
    from warledger.nlp.positions import stance_patterns

    patterns = [t.pattern for t in load().triggers]
    patterns += [s.pattern for s in stance_patterns()]
    patterns.append(_ANAPHORIC_CF)
    return tuple(filtered(p) for p in patterns)
