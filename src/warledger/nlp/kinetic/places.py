"""Where a kinetic event happened: the places of a trigger's phrase, without a route's
ends, the region that only situates a town, or a place named as a government."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from warledger.nlp import dates
from warledger.nlp.kinetic.facts import SentenceFacts
from warledger.nlp.lexicon import kinetic_lexicon
from warledger.nlp.places import roles as place_roles
from warledger.types import Count, Event

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from warledger.nlp.context import DocContext, PlaceMention

# A place after these is where something heads or what it is likened to, not where it happened.
NOT_LOCATIVE_PREPS = frozenset({"toward", "towards", "with", "than", "about", "for"})


# Dependents that open another clause: places in them belong to that clause's event.
CLAUSE_DEPS = frozenset({"advcl", "conj", "ccomp", "xcomp", "relcl", "parataxis", "csubj"})


PLACE_NOUNS = frozenset(
    {"city", "town", "village", "region", "oblast", "area", "hub", "territory", "outskirts"}
)


# Nouns of a fight whose "for X" names the place fought over.
FOUGHT_FOR = frozenset({"battle", "fight", "fighting", "struggle", "clash", "assault", "offensive"})


ROUTE_ROLES = frozenset({"origin", "destination", "via"})


PRECISE = frozenset({"point", "settlement", "admin2", "admin1"})


# What stands between a place and the wider area that situates it: "X, Kharkiv region",
# "X in eastern Ukraine's Donetsk region", "X, also in Kharkiv".
IN_CONTEXT = re.compile(
    r"^(?:,\s*(?:also\s+)?(?:in\s+)?(?:the\s+)?|\s+(?:in|of)\s+(?:the\s+)?(?:[\w’']+\s+){0,3})$"
)


def place_groups(
    kind: str, places: list[PlaceMention], counts: dict[str, Count]
) -> list[list[PlaceMention]]:
    """The places of each event a trigger reports: one event at every place it lists
    ("struck Kherson, Bilozerka and Pavlohrad", "captured A and B"; a toll given town by
    town is read as a victim list, one strike per town, before this)."""
    if not places:
        return [[]]
    return [list(places)]


def usable_places(places: list[PlaceMention], text: str) -> list[PlaceMention]:
    """Places precise enough to locate an event, without the oblast named as context.

    "Petropavlivka, Kharkiv region" names one place: the region only says where the
    village is. A country ("Ukraine") or a vague area does not locate an event.
    """
    precise = [p for p in places if p.location.precision in PRECISE or p.location.lat is None]
    precise = [p for p in precise if p.location.precision not in {"country", "region"}]
    precise = [
        p
        for i, p in enumerate(precise)
        if not (
            i
            and IN_CONTEXT.match(text[precise[i - 1].end : p.start])
            and _situates(p, text[precise[i - 1].end : p.start])
            and not _same_level(precise[i - 1], p)
        )
    ]
    settlements = [p for p in precise if settlement_like(p)]
    context_admin1 = {p.location.admin1 for p in settlements if p.location.admin1}
    kept = []
    seen = set()
    for place in precise:
        is_context = place.location.precision == "admin1" and place.location.admin1 in (
            context_admin1
        )
        if is_context and not settlement_like(place):
            continue
        if place.location.name in seen:
            continue
        seen.add(place.location.name)
        kept.append(place)
    return kept


def off_route(places: list[PlaceMention], text: str) -> list[PlaceMention]:
    """Places that are not a route's ends: in "traveling from Quetta, Balochistan, to
    Peshawar" the train was attacked somewhere between, not at either end (nor in the
    province that situates an end)."""
    kept: list[PlaceMention] = []
    on_route = False
    previous_end = None
    for place in places:
        situating = previous_end is not None and text[previous_end : place.start].strip() == ","
        on_route = place_roles.role(text, place) in ROUTE_ROLES or (on_route and situating)
        if not on_route:
            kept.append(place)
        previous_end = place.end
    return kept


def _situates(place: PlaceMention, between: str) -> bool:
    """Does ``place`` only say where ``before`` is? A region does; in a list of towns
    ("Kherson, Bilozerka and Pavlohrad") the next town is a place of its own."""
    if place.location.precision in {"admin1", "admin2"}:
        return True
    if re.search(r"\b(?:region|oblast|district|province|county)$", place.text, re.I):
        return True
    return bool(re.search(r"\b(?:in|of)\b", between))


def _same_level(before: PlaceMention, place: PlaceMention) -> bool:
    """Two oblasts in a row are a list ("in Chernihiv, Sumy, Kharkiv, and Donetsk
    Oblasts"), not an oblast that situates the one before it."""
    return before.location.precision == place.location.precision == "admin1"


# After a place name, a word that makes it an owner or a maker: "X-flagged", "X-built".
FLAG_OR_MAKER = re.compile(r"-(?:flagged|registered|owned|operated|made|built|based)\b")


def is_locative(place: PlaceMention, ctx: DocContext) -> bool:
    """Is the place named as where something happened?

    "Ankara's shift toward Moscow" names two governments, and "Mobile and wireless
    signals" opens a sentence with a common word the gazetteer also knows.
    """
    if FLAG_OR_MAKER.match(ctx.text, place.end):
        return False  # "a Saint Kitts and Nevis-flagged carrier": whose it is, not where
    span = ctx.doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return True
    root = span.root
    if place_roles.REGIONAL_BODY.match(ctx.text, place.end):
        return False  # "the Sumy regional military administration said"
    if place_roles.attacker(place, ctx):
        return False  # "Russia launched drones at ...": the party that acted, not where
    if root.dep_ == "poss" and not _place_part(root.head.lemma_.lower(), ctx):
        return False  # "Ankara's shift", but "Odesa's port" is where the port is
    if root.dep_ == "pobj" and root.head.lower_ in NOT_LOCATIVE_PREPS:
        # "the battle for Pokrovsk" is fought at Pokrovsk; "talks for Ukraine" are not
        return root.head.lower_ == "for" and root.head.head.lemma_.lower() in FOUGHT_FOR
    return not (span[0].is_sent_start and all(t.pos_ not in {"PROPN", "NOUN"} for t in span))


def _place_part(lemma: str, ctx: DocContext) -> bool:
    """A word for part of a place: "city", "region", or a target kind ("port")."""
    return lemma in PLACE_NOUNS or lemma in kinetic_lexicon(ctx.theatre).target_kinds.by_first


def settlement_like(place: PlaceMention) -> bool:
    return place.location.precision in {"point", "settlement", "admin2"}


def places_of(token: Token, facts: SentenceFacts) -> list[PlaceMention]:
    """Places inside the trigger's phrase ("attack on Odesa", "captured the village of X")."""
    if token.dep_ in {"dobj", "pobj", "nsubj", "nsubjpass", "compound", "amod"}:
        token = token.head
    tokens = [token]
    for child in token.children:
        if child.dep_ not in CLAUSE_DEPS:
            tokens.extend(child.subtree)
    spans = [(t.idx, t.idx + len(t)) for t in tokens]
    return [p for p in facts.places if any(lo <= p.start < hi for lo, hi in spans)]


# Most words a label line ("Sumy oblast, Bilopillia hromada.") holds, and how many such
# lines may head a note.
LABEL_MAX_TOKENS = 20
LABEL_LINES = 2


def situate_by_label(events: list[Event], ctx: DocContext) -> None:
    """A strike or battle whose sentence names no place (or no date), right after label
    lines without a verb ("Incident summary, 14 October 2025: Sumy oblast, Bilopillia
    hromada. Shelling of a residential area by Russian forces."), took place there and
    then: monitoring notes give the place and the date as headings."""
    for event in events:
        if event.kind not in {"strike", "ground_combat"} or not event.evidence:
            continue
        if event.locations and event.date.start:
            continue
        token = _token_at(ctx, event.evidence[0].start)
        if token is None:
            continue
        sent = token.sent
        for _ in range(LABEL_LINES):
            if sent.start == 0:
                break
            sent = ctx.doc[sent.start - 1].sent
            if len(sent) > LABEL_MAX_TOKENS or not _is_label(sent, ctx):
                break
            places = usable_places(ctx.places_in(sent), ctx.text)
            if places and not event.locations:
                event.locations = [p.location for p in places]
            found = dates.find(sent.text)
            if found and not event.date.start:
                event.date = dates.resolve(found[0][2], ctx.published)


# Words a label line may hold besides places, dates and numbers.
LABEL_WORDS = frozenset(
    {
        "incident", "summary", "report", "update", "oblast", "region", "province", "hromada",
        "district", "raion", "community", "village", "city", "town", "settlement", "area",
        "of", "the", "and", "in", "near",
    }
)


def _is_label(sent: SpacySpan, ctx: DocContext) -> bool:
    """A line of places and dates only ("Incident summary, 14 October 2025: Sumy oblast,
    Bilopillia hromada."), read from the words alone: label lines are not parsed."""
    text = sent.text
    spans = [(p.start - sent.start_char, p.end - sent.start_char) for p in ctx.places_in(sent)]
    spans += [(start, end) for start, end, _ in dates.find(text)]
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    words = re.findall(r"[^\W\d_]+", text)
    return all(w.lower() in LABEL_WORDS for w in words)


def _token_at(ctx: DocContext, char: int) -> Token | None:
    span = ctx.doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None
