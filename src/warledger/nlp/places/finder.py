"""Find and resolve every place mention in a parsed document.

Two sources of mentions: spaCy's GPE/LOC/FAC entities, and gazetteer names found on token
n-grams (Ukrainian villages are often missed or tagged PERSON by the statistical model).
A gazetteer name that the model did not tag as a place is kept only with a cue that says
"place" ("village of X", "in X", "X, Donetsk region", "the X community") or when its
oblast is the one the document is about, because thousands of settlement names are also
surnames or English words.

Resolution uses the nearest context first (an oblast named right after the place or in
the same sentence), then the oblasts of the other places in the document.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from warledger.nlp.context import PlaceMention
from warledger.nlp.places.gazetteer import (
    ADMIN1_WORDS,
    ADMIN2_WORDS,
    HROMADA_WORDS,
    Gazetteer,
    Place,
)
from warledger.nlp.places.names import name_key
from warledger.types import Location

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Lower-case words that can start a place phrase ("southern Russia", "the front line").
REGION_STARTERS = frozenset(
    {
        "northern", "southern", "eastern", "western", "central", "northeastern",
        "southeastern", "northwestern", "southwestern", "north", "south", "east", "west",
        "northeast", "southeast", "northwest", "southwest", "front", "frontline",
    }
)
# Words after a name that make it an area named after the place.
SUFFIX_WORDS = frozenset(ADMIN1_WORDS + ADMIN2_WORDS + HROMADA_WORDS)
# "<noun> of X" says X is a place, even when the model reads X as a person.
PLACE_NOUNS = frozenset(
    {
        "village", "villages", "town", "towns", "city", "cities", "settlement",
        "settlements", "hamlet", "outskirts", "suburb", "suburbs", "region", "oblast",
        "province", "district", "community", "port", "capital", "centre", "center",
        "direction", "area", "liberation", "capture", "outskirt",
    }
)
# Words right before a name that usually introduce a place.
PLACE_PREPOSITIONS = frozenset(
    {
        "in", "near", "at", "around", "outside", "towards", "toward", "into", "from", "to",
        "on", "over", "across", "inside", "via", "captured", "liberated", "seized", "took",
        "retook", "recaptured", "entered", "shelled", "struck", "hit", "attacked",
        "targeted", "reached", "approaching", "bombed", "village", "town", "city",
    }
)
# Words right after a name that say it is a place ("the Pokrovsk direction").
PLACE_FOLLOWERS = frozenset(SUFFIX_WORDS | {"direction", "axis", "sector", "front", "area"})
# Between a place and the area that contains it: "X, Kharkiv region", "X, also in Kharkiv",
# "X in the Sumy region", "X of Donetsk".
_CONTAINED_IN = re.compile(
    r"^\s*(?:,\s*(?:also\s+)?(?:in\s+)?|\s(?:also\s+)?(?:in|of)\s+)(?:the\s+)?$"
)


@dataclass
class _Found:
    start: int  # token indices
    end: int
    key: str
    cands: list[Place]
    ner: str | None  # the entity label when spaCy tagged it as a place
    strong: bool  # a cue says "this is a place", whatever the model thinks
    weak: bool  # a preposition or list position suggests a place


def find_places(doc: Doc, gazetteer: Gazetteer | None = None) -> list[PlaceMention]:
    """Every place mention in ``doc``, resolved with its local and document context."""
    gaz = gazetteer or Gazetteer.load()
    found = _merge(_gazetteer_spans(doc, gaz) + _cued_unknown_spans(doc),
                   _entity_spans(doc, gaz))
    person = _person_tokens(doc)
    kept = [f for f in found if _is_place(f, doc, person)]
    kept = _add_list_members(kept, found, doc, person)
    return _resolve_all(doc, kept, gaz)


# -- finding --------------------------------------------------------------------------


def _key_of(doc: Doc, start: int, end: int) -> str:
    return name_key(doc.text[doc[start].idx : doc[end - 1].idx + len(doc[end - 1].text)])


def _gazetteer_spans(doc: Doc, gaz: Gazetteer) -> list[_Found]:
    """Longest gazetteer names starting at capitalised tokens (or region words)."""
    out: list[_Found] = []
    n = len(doc)
    limit = min(gaz.max_words, 6)
    i = 0
    while i < n:
        tok = doc[i]
        starts = tok.text[:1].isupper() or tok.lower_ in REGION_STARTERS
        if not starts or tok.is_punct or tok.lower_ in ("the", "a", "an"):
            i += 1
            continue
        match: tuple[int, str] | None = None
        for j in range(min(n, i + limit), i, -1):
            if doc[j - 1].is_punct or doc[j - 1].is_space:
                continue
            key = _key_of(doc, i, j)
            if key in gaz and _plausible_case(doc, i, j, key):
                match = (j, key)
                break
        if match is None:
            i += 1
            continue
        end, key = match
        cands = gaz.by_key(key)
        if end < n and doc[end].lower_ in SUFFIX_WORDS and not any(
            p.kind in ("admin1", "admin2") for p in cands
        ):
            key = f"{key} {doc[end].lower_}"
            end += 1
        out.append(_Found(i, end, key, cands, None, False, False))
        i = end
    return out


def _cued_unknown_spans(doc: Doc) -> list[_Found]:
    """Capitalised names after "village of" / "town of" that no gazetteer knows (a
    Russian village such as Gornal): kept with their name, resolved from context."""
    out: list[_Found] = []
    for tok in doc:
        if tok.lower_ != "of" or tok.i == 0 or doc[tok.i - 1].lower_ not in PLACE_NOUNS:
            continue
        start = end = tok.i + 1
        while end < len(doc) and doc[end].text[:1].isupper() and doc[end].is_alpha:
            end += 1
        if end > start:
            out.append(_Found(start, end, _key_of(doc, start, end), [], None, True, False))
    return out


def _plausible_case(doc: Doc, start: int, end: int, key: str) -> bool:
    """Short keys must match an abbreviation as written: "US", not "us"."""
    if end - start == 1 and len(key) <= 3:
        text = doc[start].text
        return text.isupper() or "." in text
    return True


def _entity_spans(doc: Doc, gaz: Gazetteer) -> list[_Found]:
    out: list[_Found] = []
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS:
            continue
        start, end = _trim(ent)
        if start >= end:
            continue
        key = _key_of(doc, start, end)
        cands = gaz.candidates(doc[start:end].text)
        if not cands and ent.label_ != "GPE":
            continue
        out.append(_Found(start, end, key, cands, ent.label_, False, False))
    return out


def _trim(ent: Span) -> tuple[int, int]:
    """Entity token range without a leading "the" or a trailing possessive."""
    start, end = ent.start, ent.end
    while start < end and ent.doc[start].lower_ in ("the", "a"):
        start += 1
    while end > start and (ent.doc[end - 1].text in ("'s", "’s") or ent.doc[end - 1].is_punct):
        end -= 1
    return start, end


def _merge(gazetteer: list[_Found], entities: list[_Found]) -> list[_Found]:
    """One mention per stretch of text: the longer span wins; a tie keeps the NER label."""
    by_range: dict[tuple[int, int], _Found] = {(f.start, f.end): f for f in gazetteer}
    for ent in entities:
        same = by_range.get((ent.start, ent.end))
        if same is not None:
            same.ner = ent.ner
        else:
            by_range[(ent.start, ent.end)] = ent
    ordered = sorted(by_range.values(), key=lambda f: (-(f.end - f.start), f.start))
    taken: set[int] = set()
    kept: list[_Found] = []
    for f in ordered:
        if any(t in taken for t in range(f.start, f.end)):
            continue
        # A longer gazetteer span that swallows an entity keeps the entity's label.
        for ent in entities:
            if f.start <= ent.start and ent.end <= f.end and f.ner is None:
                f.ner = ent.ner
        taken.update(range(f.start, f.end))
        kept.append(f)
    return sorted(kept, key=lambda f: f.start)


def _person_tokens(doc: Doc) -> set[int]:
    return {t for ent in doc.ents if ent.label_ in ("PERSON", "ORG", "NORP") for t in
            range(ent.start, ent.end)}


def _is_place(f: _Found, doc: Doc, person: set[int]) -> bool:
    """Keep a mention the model tagged as a place, or one a cue marks as a place."""
    _mark_cues(f, doc)
    in_person = any(t in person for t in range(f.start, f.end))
    kinds = {p.kind for p in f.cands}
    if f.ner is not None:
        return True
    if f.strong:
        return True
    if in_person:
        return False
    if kinds & {"admin1", "admin2", "country", "region"} and _is_area_phrase(f, doc, kinds):
        return True
    return f.weak


def _is_area_phrase(f: _Found, doc: Doc, kinds: set[str]) -> bool:
    """Oblast, country and region names stand on their own ("Kursk region", "Russia")."""
    if "region" in kinds or "country" in kinds:
        return True
    last = doc[f.end - 1].lower_
    return last in SUFFIX_WORDS or f.end - f.start > 1


def _mark_cues(f: _Found, doc: Doc) -> None:
    before = doc[f.start - 1] if f.start > 0 else None
    before2 = doc[f.start - 2] if f.start > 1 else None
    if before is not None and before.lower_ == "the" and before2 is not None:
        before, before2 = before2, doc[f.start - 3] if f.start > 2 else None
    after = doc[f.end] if f.end < len(doc) else None
    suffix = doc[f.end - 1].lower_ in SUFFIX_WORDS and f.end - f.start > 1
    noun_of = (before is not None and before.lower_ == "of" and before2 is not None
               and before2.lower_ in PLACE_NOUNS)
    follower = after is not None and after.lower_ in PLACE_FOLLOWERS
    if suffix or noun_of or follower:
        f.strong = True
    elif before is not None and before.lower_ in PLACE_PREPOSITIONS:
        f.weak = True


def _add_list_members(kept: list[_Found], found: list[_Found], doc: Doc,
                      person: set[int]) -> list[_Found]:
    """"in Kupiansk, Izium and Balakliia": names listed after a kept place are places."""
    kept_ids = {id(f) for f in kept}
    result = list(kept)
    previous: _Found | None = None
    for f in found:
        if id(f) in kept_ids:
            previous = f
            continue
        if previous is not None and f.cands and not any(
            t in person for t in range(f.start, f.end)
        ):
            between = doc[previous.end : f.start].text.strip().lower()
            if between in (",", "and", ", and", "or", ", or"):
                result.append(f)
                kept_ids.add(id(f))
                previous = f
                continue
        previous = None
    return sorted(result, key=lambda f: f.start)


# -- resolving ------------------------------------------------------------------------


def _resolve_all(doc: Doc, kept: list[_Found], gaz: Gazetteer) -> list[PlaceMention]:
    text = doc.text
    spans = [(doc[f.start].idx, doc[f.end - 1].idx + len(doc[f.end - 1].text)) for f in kept]
    names = [text[s:e] for s, e in spans]
    # Pass 1: each mention with its local context only.
    local = [_local_context(i, kept, spans, doc, gaz) for i in range(len(kept))]
    first = [
        gaz.resolve(names[i], context_admin1=ctx, country_hint=country)
        for i, (ctx, country, _weak) in enumerate(local)
    ]
    # The oblasts the document is about: every mention's area, as far as it is known.
    areas = [loc.admin1 for loc in first if loc.admin1]
    # Pass 2: ambiguous names take the document's oblasts (and weak sentence context).
    mentions: list[PlaceMention] = []
    for i, loc in enumerate(first):
        _strong, country, weak = local[i]
        if loc.admin1 is None and loc.precision != "country" and loc.precision != "region":
            others = [a for j, a in enumerate(areas) if a] + ([weak] * 3 if weak else [])
            loc = gaz.resolve(names[i], context_names=_without(others, loc),
                              country_hint=country)
        mentions.append(PlaceMention(spans[i][0], spans[i][1], names[i], loc))
    return mentions


def _without(names: Sequence[str], loc: Location) -> list[str]:
    return [n for n in names if n != loc.name]


def _local_context(
    i: int, kept: list[_Found], spans: list[tuple[int, int]], doc: Doc, gaz: Gazetteer
) -> tuple[str | None, str | None, str | None]:
    """(admin1 the text puts this place in, country hint, weaker same-sentence admin1)."""
    f = kept[i]
    sent = doc[f.start].sent
    strong: str | None = None
    country: str | None = None
    weak: str | None = None
    if i + 1 < len(kept):
        nxt = kept[i + 1]
        between = doc.text[spans[i][1] : spans[i + 1][0]]
        if nxt.start < sent.end and _CONTAINED_IN.match(between):
            area = _area_of(nxt, doc, gaz)
            if area is not None:
                strong = area
            elif any(p.kind == "country" for p in nxt.cands):
                country = next(p.country for p in nxt.cands if p.kind == "country")
    if strong is None:
        # An oblast or region named elsewhere in the same sentence, nearest first.
        others = sorted(
            (j for j in range(len(kept)) if j != i and sent.start <= kept[j].start < sent.end),
            key=lambda j: abs(kept[j].start - f.start),
        )
        for j in others:
            if _is_admin1_phrase(kept[j], doc):
                weak = _area_of(kept[j], doc, gaz)
                if weak:
                    break
        if weak and not any(p.country == "UA" for p in f.cands if p.kind == "settlement"):
            strong, weak = weak, None  # an unknown village in a named region: take it
    return strong, country, weak


def _is_admin1_phrase(f: _Found, doc: Doc) -> bool:
    return any(p.kind == "admin1" for p in f.cands) and (
        doc[f.end - 1].lower_ in ADMIN1_WORDS or all(p.kind == "admin1" for p in f.cands)
    )


def _area_of(f: _Found, doc: Doc, gaz: Gazetteer) -> str | None:
    """The first-level area a mention names: "Kharkiv region", "Kharkiv", "Quebec"."""
    area = gaz.admin1(doc[f.start : f.end].text)
    return area.admin1 if area is not None else None
