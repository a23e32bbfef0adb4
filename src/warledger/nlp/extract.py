"""Text in, ledger events and positions out: the extraction engine's entry point.

``extract_text`` is a pure function of (text, published, theatre data) once the models are
loaded, so the same call runs in a test, in ``warledger extract --output -`` and in a pool.
``Extractor`` holds the loaded pipeline, gazetteer and actor registry and batches documents
through ``nlp.pipe(as_tuples=True)``; each parsed document becomes a :class:`DocContext`
that the registered readers (:mod:`warledger.nlp.registry`: kinetic, diplomacy,
positions) share, and the document-level
passes then merge restatements of one occurrence.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any

from warledger.nlp import dating, doclevel, layout, registry, scope
from warledger.nlp.carried_sources import carry_sources
from warledger.nlp.context import DocContext
from warledger.nlp.detector import sentence_ranges, theatre_detector
from warledger.nlp.detector.combine import Policy, combine
from warledger.nlp.gate import DETECTOR_KEY
from warledger.nlp.implied_sides import carry_country, complete_sides
from warledger.nlp.kinetic.places import situate_by_label
from warledger.nlp.places.implied import situate_barrages, situate_by_reference
from warledger.nlp.theatre import Theatre, default_theatre
from warledger.types import Document, DocumentResult, Event
from warledger.version import __version__

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc



MODES = ("rules", "model", "combined")


def extractor_version(theatre: Theatre | None = None) -> str:
    """The package version and the theatre's checksum (its files, its detector's weights
    and its language data): a changed release, word list or model gives a new version,
    and the store re-extracts results made by older ones."""
    return f"{__version__}+{(theatre or default_theatre()).checksum[:12]}"


EXTRACTOR_VERSION = extractor_version()


@dataclass(frozen=True)
class DocMeta:
    """What the caller knows about a text besides the text itself."""

    doc_id: str | None = None
    url: str | None = None
    source: str | None = None
    title: str | None = None
    published: str | None = None
    language: str | None = None  # ISO 639-1; None when unknown (then detected from the text)


def parse_published(value: str | date | datetime | None) -> date | None:
    """The reference date from an ISO date/datetime string or a date; ``None`` if absent.

    Raises ``ValueError`` for a string that is not ISO 8601, because silently extracting
    against no date would turn "yesterday" into an unknown date without saying why.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = value.strip()
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        return date.fromisoformat(text[:10])


def _published_text(value: str | date | datetime | None) -> str | None:
    if value is None or isinstance(value, str):
        return value or None
    return value.isoformat()


class Extractor:
    """The loaded models plus the readers; reuse one per process."""

    def __init__(
        self,
        nlp: Language | None = None,
        gazetteer: Any | None = None,
        registry: Any | None = None,
        *,
        gate: bool = True,
        theatre: Theatre | str | None = None,
        mode: str = "combined",
        detector: Any | None = None,
    ) -> None:
        """``gate=False`` parses every sentence (the reference the gate is measured
        against); the default parses only sentences the cheap pass selects. ``theatre``
        (a :class:`Theatre`, a packaged theatre's name or a folder) gives the parties,
        lexicons, places and actors; default: the packaged Ukraine theatre. ``mode`` is
        ``rules``, ``model`` or ``combined`` (the default: each where dev showed it is
        better, :mod:`warledger.nlp.detector.combine`); ``detector`` defaults to the one
        the theatre ships (none: rules only)."""
        from warledger.nlp.actors import ActorRegistry
        from warledger.nlp.pipeline import GatedParser, load_pipeline
        from warledger.nlp.places import Gazetteer

        if theatre is None or isinstance(theatre, Theatre):
            self.theatre = theatre or default_theatre()
        else:
            self.theatre = Theatre.load(theatre)
        self.nlp = nlp if nlp is not None else load_pipeline()
        self.gazetteer = gazetteer if gazetteer is not None else Gazetteer.load(self.theatre)
        self.registry = (
            registry if registry is not None else ActorRegistry.for_theatre(self.theatre)
        )
        if mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
        self.mode = mode
        self.detector = None if mode == "rules" else (detector or theatre_detector(self.theatre))
        self.parser = (
            GatedParser(self.nlp, theatre=self.theatre, detector=self.detector) if gate else None
        )
        self.version = extractor_version(self.theatre)
        self.scope = scope.Scope.of(self.theatre)

    def extract(
        self,
        text: str,
        published: str | date | datetime | None = None,
        *,
        doc_id: str | None = None,
        url: str | None = None,
        source: str | None = None,
        title: str | None = None,
    ) -> DocumentResult:
        """Extract one text (see :func:`extract_text`)."""
        text, meta = _with_language(
            (text, DocMeta(doc_id, url, source, title, _published_text(published)))
        )
        if not _readable(meta):
            return _not_extracted(meta)
        doc = self.parser.parse(text) if self.parser else self.nlp(text)
        return self.from_doc(doc, meta)

    def extract_many(
        self,
        items: Iterable[Document | tuple[str, DocMeta] | str],
        n_process: int = 1,
        batch_size: int = 16,
    ) -> Iterator[DocumentResult]:
        """Extract many documents, in input order, batching the parse with ``nlp.pipe``.

        ``n_process > 1`` parses in a spaCy process pool; the readers run here on the
        parsed docs, so results are identical whatever the pool size.
        """
        # Non-English documents are passed through unparsed (an empty text keeps the order)
        # and come back flagged with their language and no events.
        pairs = (
            (text if _readable(meta) else "", meta)
            for text, meta in (_with_language(_as_pair(item)) for item in items)
        )
        if self.parser is not None:
            parsed = self.parser.pipe(pairs, n_process=n_process, batch_size=batch_size)
        else:
            parsed = self.nlp.pipe(
                pairs, as_tuples=True, n_process=n_process, batch_size=batch_size
            )
        for doc, meta in parsed:
            yield self.from_doc(doc, meta) if _readable(meta) else _not_extracted(meta)

    def context(self, doc: Doc, published: date | None, url: str | None = None) -> DocContext:
        """The per-document context every reader receives (``url``: where the document
        was published, which tells whether it speaks for a party)."""
        from warledger.nlp.pipeline import TEXT_KEY
        from warledger.nlp.places import find_places

        text = doc.user_data.get(TEXT_KEY) or doc.text
        framing = layout.framing_spans(text)
        datelines = layout.dateline_spans(text)
        found = find_places(doc, self.gazetteer)
        actors = [
            a for a in self.registry.find(doc) if not layout.inside(datelines, a.start, a.end)
        ]
        # "Volodymyr" of "Volodymyr Zelenskyy" is a known person's name, not the town
        people = [(a.start, a.end) for a in actors if a.actor.type == "person" and a.actor.side]
        found = [p for p in found if not any(s <= p.start and p.end <= e for s, e in people)]
        return _TextContext(
            doc=doc,
            published=published,
            # a heading's or dateline's place frames the story; it is no event's place
            places=[p for p in found if not layout.inside(framing, p.start, p.end)],
            dateline_country=next(
                (
                    p.location.country
                    for p in found
                    if p.location.country and layout.inside(datelines, p.start, p.end)
                ),
                None,
            ),
            # a dateline's country ("ODESA, Ukraine (AP) —") is where the reporter is,
            # no actor of the story's first sentence
            actors=actors,
            theatre=self.theatre,
            voice=self.theatre.voice_of(url),
            datelines=datelines,
        )

    def rule_events(self, ctx: DocContext) -> list[Event]:
        """What the registered readers find, restatements of one occurrence merged; a
        heading or dateline creates none."""
        framing = layout.framing_spans(ctx.text)
        return doclevel.merge_occurrences(
            [
                event
                for reader in registry.event_readers()
                for event in reader.read(ctx)
                if not _only_in(framing, event)
            ]
        )

    def events(self, ctx: DocContext) -> list[Event]:
        """The document's events in this extractor's mode (rules, model or combined),
        each with its country and theatre."""
        rules = [] if self.mode == "model" else self.rule_events(ctx)
        if self.detector is None:
            situate_by_label(rules, ctx)
            ranges = sentence_ranges(ctx.doc)
            situate_by_reference(rules, ctx, ranges)
            situate_barrages(rules, ctx)
            dating.date_from_context(rules, ctx.text, ctx.published, ranges)
            carry_sources(rules, ctx, ranges)
            scope.assign(
                rules,
                self.scope,
                named=scope.named_countries(rules, ctx, ranges),
                foreign_sides=scope.foreign_sides_only(rules, ctx, ranges),
                theatre_named=scope.names_theatre(ctx, self.scope),
            )
            complete_sides(rules, ctx, self.scope.name)
            carry_country(rules, ranges)
            return rules
        ranges, scores = self.sentence_scores(ctx)
        policy = self.detector.policy
        if self.mode == "model":
            policy = Policy(add_above=policy.add_above)
        framing = layout.framing_spans(ctx.text)
        events = [
            e
            for e in combine(ctx, rules, ranges, scores, policy)
            if not _only_in(framing, e)
        ]
        situate_by_label(events, ctx)
        situate_by_reference(events, ctx, ranges)
        situate_barrages(events, ctx)
        dating.date_from_context(events, ctx.text, ctx.published, ranges)
        carry_sources(events, ctx, ranges)
        scope.assign(
            events,
            self.scope,
            scope.other_readings(events, ranges, scores),
            scope.named_countries(events, ctx, ranges),
            scope.foreign_sides_only(events, ctx, ranges),
            theatre_named=scope.names_theatre(ctx, self.scope),
        )
        complete_sides(events, ctx, self.scope.name)
        carry_country(events, ranges)
        return events

    def sentence_scores(
        self, ctx: DocContext
    ) -> tuple[list[tuple[int, int]], list[dict[str, float]]]:
        """The detector's scores per rule sentence: left on the doc by the gate, which
        already asked the detector which sentences to parse, else computed here."""
        cached = ctx.doc.user_data.get(DETECTOR_KEY)
        if cached is not None:
            return cached
        assert self.detector is not None
        ranges = sentence_ranges(ctx.doc)
        return ranges, self.detector.scores([ctx.text[s:e] for s, e in ranges])

    def from_doc(self, doc: Doc, meta: DocMeta) -> DocumentResult:
        """Run every reader over one parsed document."""
        ctx = self.context(doc, parse_published(meta.published), meta.url or meta.source)
        events = self.events(ctx)
        return DocumentResult(
            doc_id=meta.doc_id,
            url=meta.url,
            source=meta.source,
            title=meta.title,
            published=meta.published,
            language=meta.language,
            events=events,
            positions=[p for reader in registry.position_readers() for p in reader.read(ctx)],
        )


def _only_in(spans: list[tuple[int, int]], event: Event) -> bool:
    """Is every evidence span of ``event`` inside a heading or dateline (which create no
    events)?"""
    return bool(spans) and all(
        layout.inside(spans, e.start, e.start + len(e.text.rstrip()) if e.text else e.end)
        for e in event.evidence
    )  # an evidence span may carry the blank line after a heading


class _TextContext(DocContext):
    """A context whose text is built once: ``Doc.text`` joins every token on each call,
    and the readers ask for it hundreds of times per document."""

    @cached_property
    def text(self) -> str:  # type: ignore[override]
        from warledger.nlp.pipeline import TEXT_KEY

        return self.doc.user_data.get(TEXT_KEY) or self.doc.text


def _with_language(pair: tuple[str, DocMeta]) -> tuple[str, DocMeta]:
    """Fill in the language when the caller did not know it (ingest already detected it)."""
    text, meta = pair
    if meta.language is None:
        from warledger.langid import detect_language

        meta = replace(meta, language=detect_language(text))
    return text, meta


def _readable(meta: DocMeta) -> bool:
    """English, or too short to tell: the readers are English rules, so any other language
    is stored and flagged, not extracted."""
    return meta.language in (None, "en")


def _not_extracted(meta: DocMeta) -> DocumentResult:
    return DocumentResult(
        doc_id=meta.doc_id,
        url=meta.url,
        source=meta.source,
        title=meta.title,
        published=meta.published,
        language=meta.language,
    )


def _as_pair(item: Document | tuple[str, DocMeta] | str) -> tuple[str, DocMeta]:
    if isinstance(item, Document):
        meta = DocMeta(
            item.doc_id, item.url, item.source, item.title, item.published, item.language
        )
        return item.text, meta
    if isinstance(item, str):
        return item, DocMeta()
    return item


@lru_cache(maxsize=4)
def default_extractor(theatre: Theatre | None = None) -> Extractor:
    """The process-wide extractor (per theatre) behind :func:`extract_text`."""
    return Extractor(theatre=theatre)


def extract_text(
    text: str,
    published: str | date | datetime | None = None,
    *,
    doc_id: str | None = None,
    url: str | None = None,
    source: str | None = None,
    title: str | None = None,
    theatre: Theatre | str | None = None,
) -> DocumentResult:
    """Events and positions of one cleaned text; offsets in the result point into ``text``.

    ``published`` (ISO date or datetime string, or a date) anchors relative dates such as
    "last Saturday"; without it they stay unknown with their text. ``theatre`` (name,
    folder or :class:`Theatre`; default: the packaged Ukraine theatre) is the conflict
    the text is read against.
    """
    if not isinstance(theatre, Theatre):
        theatre = Theatre.load(theatre) if theatre is not None else default_theatre()
    return default_extractor(theatre).extract(
        text, published, doc_id=doc_id, url=url, source=source, title=title
    )
