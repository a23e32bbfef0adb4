"""Find and resolve every place mention in a parsed document.

Two sources of mentions: spaCy's GPE/LOC/FAC entities, and gazetteer names found on token
n-grams (Ukrainian villages are often missed or tagged PERSON by the statistical model).
A gazetteer name that the model did not tag as a place is kept only with a cue that says
"place" ("village of X", "in X", "X, Donetsk region", "the X community") or when its
oblast is the one the document is about, because thousands of settlement names are also
surnames or English words. The model's PERSON/ORG/NORP label on exactly a gazetteer name
(or on a comma list of them) is treated as doubt, not as a verdict: such a name needs a
cue. Lists spread place-hood to their members ("Kherson, Bilozerka and Pavlohrad") and a
closing plural spreads the area ("the Lviv and Volyn regions" = two oblasts); a prominent
city that speaks ("Moscow denied") is a government, not a place.

Resolution uses the nearest context first (an oblast named right after the place or in
the same sentence), then the oblasts of the other places in the document.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from warledger.nlp.context import PlaceMention
from warledger.nlp.places.cues import (
    AREA_AFTER,
    ARTICLES,
    ATTACK_NOUNS,
    CALENDAR,
    CITY_DISTRICT_WORDS,
    NOT_LOCATIVE,
    OF_PLACE_ACTS,
    PLACE_ADJECTIVES,
    PLACE_FOLLOWERS,
    PLACE_LABELS,
    PLACE_NOUNS,
    PLACE_PREPOSITIONS,
    PLURAL_SUFFIXES,
    POSSESSIVES,
    REGION_STARTERS,
    SPEAKING_VERBS,
)
from warledger.nlp.places.gazetteer import Gazetteer
from warledger.nlp.places.names import name_key
from warledger.nlp.places.place import ADMIN1_WORDS
from warledger.nlp.places.resolution import resolve_all
from warledger.nlp.places.tokens import CONTAINED_IN, SUFFIX_WORDS, Found, Tokens, lists_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


def find_places(doc: Doc, gazetteer: Gazetteer | None = None) -> list[PlaceMention]:
    """Every place mention in ``doc``, resolved with its local and document context."""
    gaz = gazetteer or Gazetteer.load()
    toks = Tokens(doc)
    ents = doc.ents
    found = _merge(_gazetteer_spans(toks, gaz) + _cued_unknown_spans(toks, gaz),
                   _entity_spans(ents, toks, gaz))
    people = [e for e in ents if e.label_ in ("PERSON", "ORG", "NORP")]
    person_names = {toks.span_text(e.start, e.end) for e in people}
    person = _person_tokens(people, found, toks)
    found = [f for f in found if not _not_a_place_name(f, toks, person_names)]
    _spread_plural_area(found, toks)
    _mark_situated(found, toks, gaz)
    kept = [f for f in found if _is_place(f, toks, person)]
    kept = _add_list_members(kept, found, toks, person)
    kept = _add_repeated_names(kept, found, toks, person)
    kept = [f for f in kept if not _speaks(f, toks)]
    return resolve_all(toks, kept, gaz)


def _gazetteer_spans(toks: Tokens, gaz: Gazetteer) -> list[Found]:
    """Longest gazetteer names starting at capitalised tokens (or region words); a phrase
    is extended only while its words can still begin a gazetteer name."""
    out: list[Found] = []
    text, n = toks.text, toks.n
    limit = min(gaz.max_words, 6)
    prefixes = gaz.prefixes
    i = 0
    while i < n:
        word = toks.word(i)
        lower = word.lower()
        if toks.skip[i] or not (word[:1].isupper() or lower in REGION_STARTERS) or (
            lower in ARTICLES
        ):
            i += 1
            continue
        match: tuple[int, str] | None = None
        for j in range(i + 1, min(n, i + limit) + 1):
            if toks.skip[j - 1] and j > i + 1:
                continue  # a hyphen or period inside a name: look at the next word
            if toks.word(j - 1) in POSSESSIVES:
                break
            key = name_key(text[toks.starts[i] : toks.ends[j - 1]])
            if key not in prefixes:
                break
            if key in gaz and _plausible_case(word, j - i, key):
                match = (j, key)
        if match is None:
            i += 1
            continue
        end, key = match
        cands = gaz.by_key(key)
        follower = toks.lower(end)
        if follower in SUFFIX_WORDS and not any(p.kind in ("admin1", "admin2") for p in cands):
            key = f"{key} {follower}"
            end += 1
        out.append(Found(i, end, key, cands, None, False, False))
        i = end
    return out


def _cued_unknown_spans(toks: Tokens, gaz: Gazetteer) -> list[Found]:
    """Capitalised names after "village of" / "town of" that no gazetteer knows (a
    Russian village such as Gornal): kept with their name, resolved from context; an
    other war's town the main lists leave out ("the town of Kidal") from the town list."""
    out: list[Found] = []
    for i in range(1, toks.n):
        if toks.lower(i) != "of" or toks.lower(i - 1) not in PLACE_NOUNS:
            continue
        start = end = i + 1
        while end < toks.n and toks.word(end)[:1].isupper() and toks.word(end).isalpha():
            end += 1
        if end > start:
            name = toks.span_text(start, end)
            towns = gaz.towns(name) if toks.lower(end) not in AREA_AFTER else []
            out.append(Found(start, end, name_key(name), towns, None, True, False))
    # "Kyiv's Obolonskyi district", "the Saltivskyi district of Kharkiv": a city's district
    for i in range(1, toks.n):
        if toks.lower(i) not in CITY_DISTRICT_WORDS:
            continue
        start = i
        while start > 0 and i - start < 2 and toks.word(start - 1)[:1].isupper() and (
            toks.word(start - 1).isalpha()
        ):
            start -= 1
        if start < i:
            key = name_key(toks.span_text(start, i + 1))
            out.append(Found(start, i + 1, key, [], None, True, False))
    return out


def _plausible_case(first_word: str, words: int, key: str) -> bool:
    """Short keys must match an abbreviation as written: "US", not "us"."""
    if words == 1 and len(key) <= 3:
        return first_word.isupper() or "." in first_word
    return True


def _person_tokens(people: Sequence[Span], found: list[Found], toks: Tokens) -> set[int]:
    """Tokens inside names of people and bodies, except where the model misread places:
    an entity that is exactly one gazetteer name ("near Chasiv Yar" tagged PERSON) or a
    list ("Kherson, Bilozerka" tagged ORG). Those names are marked, and need a cue."""
    by_start = {f.start: f for f in found if f.cands}
    tokens: set[int] = set()
    for ent in people:
        start, end = _trim(ent, toks)
        inside = [f for i in range(start, end) if (f := by_start.get(i)) and f.end <= end]
        is_list = any(toks.words[i] == "," for i in range(start, end))
        exact = len(inside) == 1 and (inside[0].start, inside[0].end) == (start, end)
        if exact or (is_list and inside):
            for f in inside:
                f.tagged_person = True
            continue
        tokens.update(range(ent.start, ent.end))
    return tokens


def _entity_spans(ents: Sequence[Span], toks: Tokens, gaz: Gazetteer) -> list[Found]:
    out: list[Found] = []
    for ent in ents:
        if ent.label_ not in PLACE_LABELS:
            continue
        start, end = _trim(ent, toks)
        if start >= end:
            continue
        name = toks.span_text(start, end)
        key = name_key(name)
        cands = gaz.candidates(name)
        if not cands and ent.label_ in ("GPE", "LOC") and toks.lower(end) not in AREA_AFTER:
            cands = gaz.towns(name)  # an other war's town the main lists leave out
        if not cands and ent.label_ != "GPE" and toks.lowers[end - 1] not in CITY_DISTRICT_WORDS:
            continue  # an unknown "X district" stays: it may be a city's district
        out.append(Found(start, end, key, cands, ent.label_, False, False))
    return out


def _trim(ent: Span, toks: Tokens) -> tuple[int, int]:
    """Entity token range without a leading "the", a trailing possessive, or a plural
    area word ("Mykolaiv regions": the plural belongs to the whole list)."""
    start, end = ent.start, ent.end
    while start < end and toks.lowers[start] in ("the", "a"):
        start += 1
    while end > start and (toks.words[end - 1] in POSSESSIVES or toks.skip[end - 1]):
        end -= 1
    if end - start > 1 and toks.lowers[end - 1] in PLURAL_SUFFIXES:
        end -= 1
    return start, end


def _merge(gazetteer: list[Found], entities: list[Found]) -> list[Found]:
    """One mention per stretch of text; a span found by both keeps the NER label."""
    by_range: dict[tuple[int, int], Found] = {}
    for f in gazetteer:
        by_range.setdefault((f.start, f.end), f)
    for ent in entities:
        same = by_range.get((ent.start, ent.end))
        if same is not None:
            same.ner = ent.ner
        else:
            by_range[(ent.start, ent.end)] = ent
    # Known names first (an unknown entity "Hong Kong Trade Offices" yields to "Hong
    # Kong"), then the longer span.
    ordered = sorted(by_range.values(), key=lambda f: (not f.cands, f.start - f.end, f.start))
    taken: set[int] = set()
    kept: list[Found] = []
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


def _not_a_place_name(f: Found, toks: Tokens, person_names: set[str]) -> bool:
    """The model's GPE labels on people ("Putin" tagged GPE once, PERSON elsewhere) and
    on compounds ("U.S.-China"), and "front-line" used as an adjective."""
    text = toks.span_text(f.start, f.end)
    if not f.cands:
        return not f.strong and (text in person_names or "-" in text)
    return "-" in text and any(p.kind == "region" for p in f.cands)


def _is_place(f: Found, toks: Tokens, person: set[int]) -> bool:
    """Keep a mention the model tagged as a place, or one a cue marks as a place."""
    _mark_cues(f, toks)
    in_person = any(t in person for t in range(f.start, f.end))
    kinds = {p.kind for p in f.cands}
    if f.ner is not None:
        # An unknown "place" followed by a capitalised word starts a longer name ("Taras"
        # tagged GPE in "Taras Shevchenko", "Balochistan Chief Minister").
        return bool(f.cands) or f.strong or not _capitalised_after(f, toks)
    if f.strong:
        return True
    if in_person or _inside_longer_name(f, toks):
        return False
    if kinds & {"admin1", "admin2", "country", "region", "facility"} and _is_area_phrase(
        f, toks, kinds
    ):
        return True
    if _is_multiword_town(f):
        return True
    if f.tagged_person:
        # The model read the name as a person or group: a preposition people also take
        # ("to X", "from X") is not enough for a village, but is for a large town.
        return f.weak and (f.locative or any(p.rank >= 2 for p in f.cands))
    # "in Step with", "at Port": a preposition alone is enough only for a proper noun.
    return f.weak and any(toks.proper[t] for t in range(f.start, f.end))


def _is_multiword_town(f: Found) -> bool:
    """"Chasiv Yar", "Velyka Novosilka": a town's full two-word name is no one's name."""
    return f.end - f.start > 1 and any(
        p.kind == "settlement" and p.country == "UA" and p.rank >= 1 for p in f.cands
    )


def _inside_longer_name(f: Found, toks: Tokens) -> bool:
    """A name glued to other capitalised words is part of a longer name the gazetteer
    does not know: "Latin America", "Gulf of Guinea", "Taiwan Strait", "Hanoi Summit"."""
    before = f.start - 1
    if toks.lower(before) == "of":
        before -= 1
    if before >= 0 and toks.sent_id[before] == toks.sent_id[f.start]:
        word = toks.word(before)
        if word[:1].isupper() and word.isalpha() and before != _sent_start(toks, f.start):
            return True
    return _capitalised_after(f, toks)


def _capitalised_after(f: Found, toks: Tokens) -> bool:
    if f.end < toks.n and toks.sent_id[f.end] == toks.sent_id[f.start]:
        word = toks.word(f.end)
        return word[:1].isupper() and word.isalpha() and word.lower() not in CALENDAR
    return False


def _sent_start(toks: Tokens, i: int) -> int:
    sent = toks.sent_id[i]
    while i > 0 and toks.sent_id[i - 1] == sent:
        i -= 1
    return i


def _is_area_phrase(f: Found, toks: Tokens, kinds: set[str]) -> bool:
    """Oblast, country and region names stand on their own ("Kursk region", "Russia")."""
    if kinds & {"region", "country", "facility"}:
        return True
    return toks.lower(f.end - 1) in SUFFIX_WORDS or f.end - f.start > 1


def _mark_cues(f: Found, toks: Tokens) -> None:
    b = f.start - 1
    if toks.lower(b) in PLACE_ADJECTIVES:  # "in neighbouring Marhanets"
        b -= 1
    if toks.lower(b) == "the":
        b -= 1
    before, before2 = toks.lower(b), toks.lower(b - 1)
    suffix = toks.lower(f.end - 1) in SUFFIX_WORDS and f.end - f.start > 1
    noun_of = before == "of" and (before2 in PLACE_NOUNS or before2 in OF_PLACE_ACTS)
    follower = toks.lower(f.end) in PLACE_FOLLOWERS
    if suffix or noun_of or follower:
        f.strong = True
    elif before in PLACE_PREPOSITIONS:
        f.weak = True
        # "bombs on X", "an attack on X": "on" after an attack is where it landed
        f.locative = before not in NOT_LOCATIVE or (
            before == "on" and before2 in ATTACK_NOUNS
        )


def _mark_situated(found: list[Found], toks: Tokens, gaz: Gazetteer) -> None:
    """"X, Donetsk Oblast", "X (Sumy region)", "X in the Kharkiv region": a name followed
    by an oblast where a settlement of that name lies is a place, whatever the model
    read it as (villages are often tagged PERSON or ORG)."""
    for f, nxt in pairwise(found):
        villages = {p.admin1 for p in f.cands if p.kind == "settlement"}
        if not villages or toks.sent_id[nxt.start] != toks.sent_id[f.start]:
            continue
        between = toks.text[toks.ends[f.end - 1] : toks.starts[nxt.start]]
        if not CONTAINED_IN.match(between):
            continue
        names_area = toks.lower(nxt.end - 1) in ADMIN1_WORDS or (
            bool(nxt.cands) and all(p.kind == "admin1" for p in nxt.cands)
        )
        area = gaz.admin1(nxt.query(toks)) if names_area else None
        if area is not None and area.admin1 in villages:
            f.strong = True


def _spread_plural_area(found: list[Found], toks: Tokens) -> None:
    """"in the Kiev and Kharkov regions": every member of the list is a region."""
    for run, closed in lists_of(found, toks):
        last = run[-1]
        word = PLURAL_SUFFIXES.get(toks.lower(last.end))
        if word is None or not closed:
            continue
        for f in run:
            if f.cands and not any(p.kind == "country" for p in f.cands):
                f.area_word = word
                f.strong = True


def _add_list_members(kept: list[Found], found: list[Found], toks: Tokens,
                      person: set[int]) -> list[Found]:
    """"in Kupiansk, Izium and Balakliia": the names listed with a kept place are places
    (after it in any list, before it only in a list closed by "and"/"or")."""
    kept_ids = {id(f) for f in kept}
    result = list(kept)
    for run, closed in lists_of(found, toks):
        first_kept = next((k for k, f in enumerate(run) if id(f) in kept_ids), None)
        if first_kept is None:
            continue
        for k, f in enumerate(run):
            if id(f) in kept_ids or not f.cands or (k < first_kept and not closed):
                continue
            if any(t in person for t in range(f.start, f.end)):
                continue
            result.append(f)
            kept_ids.add(id(f))
    return sorted(result, key=lambda f: f.start)


def _add_repeated_names(kept: list[Found], found: list[Found], toks: Tokens,
                        person: set[int]) -> list[Found]:
    """A name the document uses as a place (tagged or cued) is a place wherever it recurs
    alone, e.g. after the model has called it a person once."""
    sure = {f.key for f in kept if f.cands and (f.ner is not None or f.strong)}
    kept_ids = {id(f) for f in kept}
    more = [
        f for f in found
        if id(f) not in kept_ids and f.key in sure
        and not any(t in person for t in range(f.start, f.end))
        and not _inside_longer_name(f, toks)
    ]
    return sorted(kept + more, key=lambda f: f.start) if more else kept


def _speaks(f: Found, toks: Tokens) -> bool:
    """"Moscow denied", "Washington said": a city that speaks is its government."""
    if f.strong or f.area_word or not f.cands:
        return False
    kinds = {p.kind for p in f.cands}
    if kinds & {"country", "region", "facility"} or not any(
        p.kind in ("city", "settlement") and p.rank >= 2 for p in f.cands
    ):
        return False  # countries stay places; only a prominent city speaks for a state
    return toks.lower(f.end) in SPEAKING_VERBS and toks.lower(f.start - 1) not in (
        PLACE_PREPOSITIONS
    )
