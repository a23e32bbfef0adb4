"""Fields of a diplomacy event read from the words around its trigger.

Scope, duration and a plan's name come from a window of text around the ceasefire or
plan noun; the date from the sentence's date expression nearest the trigger; the venue
from places introduced by a venue preposition ("in London", "city of Jeddah").
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from warledger.nlp import clauses, dates
from warledger.types import Location, When

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from warledger.nlp.context import DocContext
    from warledger.nlp.theatre import Theatre

# Scope words, checked in a window around the ceasefire noun. "air" must not be "air
# defense"/"air force"/"air-raid", which name weapons and sirens, not a truce's scope.
SCOPE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (scope, re.compile(p, re.IGNORECASE))
    for scope, p in (
        ("energy", r"\benergy\b|\bpower (?:plants|grid|infrastructure)"),
        ("civilian_infrastructure", r"\bcivilian (?:infrastructure|targets|facilities)"),
        ("sea", r"\b(?:sea|maritime|naval|black sea)\b"),
        ("air", r"\b(?:air|aerial|sky)\b(?![- ](?:defen[cs]e|force|raid|strikes? on))"),
        ("humanitarian", r"\bhumanitarian\b"),
        ("local", r"\blocal(?:i[sz]ed)?\b"),
        (
            "full",
            r"\b(?:full|complete|comprehensive|general|total|immediate|all-out|nationwide"
            r"|across the (?:entire )?front(?: ?line)?)\b",
        ),
    )
)
_NAME = re.compile(
    r"\b(?:(?:\d+|[a-z]+)-point (?:[\w-]+ )?(?:peace )?(?:plan|framework|proposal)"
    r"|(?:[A-Z][\w'’-]+ )+(?:Plan|Framework|Formula|Initiative|Accords?|Agreement|Memorandum))",
)
_NAME_NOISE = re.compile(r"^(?:The|This|That|A|An|In|On|But|And)\s+")


def window(text: str, start: int, end: int, before: int = 60, after: int = 60) -> str:
    return text[max(0, start - before) : end + after]


def scope_of(text: str) -> list[str]:
    """Scopes named in ``text``; partial scopes win over the generic "full" wording."""
    found = [scope for scope, p in SCOPE_PATTERNS if p.search(text)]
    if len(found) > 1 and "full" in found:
        found.remove("full")
    return found


def duration_of(text: str) -> str | None:
    """ISO 8601 duration stated in ``text`` ("30-day" → P30D), if any."""
    return dates.duration(text)


def name_of(text: str) -> str | None:
    """A plan's name: "19-point peace framework", "Istanbul Communique"-style titles."""
    m = _NAME.search(text)
    if not m:
        return None
    return _NAME_NOISE.sub("", m.group(0)).strip() or None


def date_of(
    sent: Span,
    anchor_char: int,
    published: date | None,
    *,
    future: bool,
    anchor: Token | None = None,
) -> When:
    """The sentence's date expression nearest the trigger, resolved; else unknown.

    Decision: when the sentence states no date, the event's date stays unknown; the
    publication date is never used as a default (a story often reports days-old talks).
    A date on a reporting verb ("Trump said Tuesday that ...") dates the statement,
    not the event: with ``anchor`` given, such dates are skipped.
    """
    found = dates.find(sent.text)
    if anchor is not None:
        found = [f for f in found if not _dates_the_report(sent, f[0], anchor)]
    if not found:
        return When()
    rel = anchor_char - sent.start_char
    _start, _end, expr = min(found, key=lambda f: min(abs(f[0] - rel), abs(f[1] - rel)))
    return dates.resolve(expr, published, tense="future" if future else "past")


def _dates_the_report(sent: Span, rel_start: int, anchor: Token) -> bool:
    """The date expression starting at ``rel_start`` hangs on a reporting verb that is
    not the trigger itself."""
    token = next((t for t in sent if t.idx - sent.start_char >= rel_start), None)
    node = token
    for _ in range(3):
        if node is None or node.head is node:
            return False
        node = node.head
        if node.pos_ in {"VERB", "AUX"}:
            return node.lemma_.lower() in clauses.REPORTING and node.i != anchor.i
    return False


VISITS = frozenset({"visit", "visits", "visited", "visiting"})
VENUE_WORDS = frozenset({"in", "at", "to", "of", "for", "inside"}) | VISITS

# "President of the Republic of Finland", "Prime Minister of Hungary", "delegations of
# Russia": the place belongs to an office or a party, it is no venue ("the port city of
# Jeddah" is one).
OFFICE_OF = re.compile(
    r"\b(?:president|prime\s+minister|minister|premier|chancellor|chair(?:man|woman|person)?"
    r"|head|leader|king|queen|emir|prince|sultan|secretary|governor|mayor|ambassador|envoy"
    r"|speaker|representative|commissioner|ministry|government|parliament|people"
    # "Delegations of Russia, Ukraine and the United States met in Abu Dhabi": parties
    r"|delegations?|negotiators|envoys|representatives|leaders|officials|presidents"
    r"|ministers|teams?)"
    r"\s+of\s+(?:the\s+)?(?:(?:[A-Z][\w'-]*\s+){0,2}(?:state|republic|kingdom|federation"
    r"|emirates?|sultanate|principality|confederation|commonwealth)\s+of\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)


# "the meeting of US, Ukrainian and Russian delegations": a place naming whose delegation
# it is, like a possessive, is no venue ("again in Istanbul, Turkish officials said" is).
PARTY_NOUN_AFTER = re.compile(
    r"(?:(?:,\s*[A-Z][\w-]*)*,?\s+and\s+[A-Z][\w-]*)?\s+"
    r"(?:delegations?|negotiators|officials|envoys|representatives|teams?|leaders)\b"
)


def venue_places(ctx: DocContext, sent: Span) -> tuple[list[Location], list[tuple[int, int]]]:
    """Places a sentence introduces as a venue ("in London", "the port city of Jeddah"),
    and the character spans of every place word used for them.

    A place directly after another one and a comma ("Jeddah, Saudi Arabia") qualifies
    the first: it is not a second venue, and not a party to the talks either.
    """
    out: list[Location] = []
    spans: list[tuple[int, int]] = []
    last_end = -1
    for place in sorted(ctx.places_in(sent), key=lambda p: p.start):
        if last_end >= 0 and ctx.text[last_end : place.start].strip() == ",":
            spans.append((place.start, place.end))
            last_end = place.end
            continue
        last_end = -1
        before = ctx.text[max(sent.start_char, place.start - 12) : place.start].split()
        if len(before) > 1 and before[-1].lower() == "the" and before[-2].lower() in VISITS:
            before = before[:-1]  # "visits the United Kingdom", but not "to the United States"
        possessive = ctx.text[place.end : place.end + 2] in {"'s", "’s"} or bool(
            PARTY_NOUN_AFTER.match(ctx.text, place.end, sent.end_char)
        )
        office = OFFICE_OF.search(ctx.text[max(sent.start_char, place.start - 80) : place.start])
        war = _names_the_war(ctx, place.start, place.end)  # "talks on the war in Ukraine"
        if before and before[-1].lower() in VENUE_WORDS and not (possessive or office or war):
            if all(loc.name != place.location.name for loc in out):
                out.append(place.location)
            spans.append((place.start, place.end))
            last_end = place.end
    for location, span in _landmarks(ctx, sent):
        if all(loc.name != location.name for loc in out):
            out.append(location)
        spans.append(span)
    return out, spans


def _landmarks(ctx: DocContext, sent: Span) -> list[tuple[Location, tuple[int, int]]]:
    """Seats of government named as where leaders meet ("talks in the Kremlin", "at the
    White House"; the theatre's ``places.json`` "venues"), at their host city."""
    from dataclasses import replace

    from warledger.nlp.places.gazetteer import Gazetteer

    found = []
    for name, host, pattern in _venue_patterns(ctx.theatre):
        for m in pattern.finditer(ctx.text, sent.start_char, sent.end_char):
            city = Gazetteer.load(ctx.theatre).resolve(host)
            found.append((replace(city, name=name, gazetteer_name=city.name), m.span(1)))
    return found


@lru_cache(maxsize=8)
def _venue_patterns(theatre: Theatre) -> list[tuple[str, str, re.Pattern[str]]]:
    """Per landmark, its name, host city and "in/at the <name>" pattern, read and compiled
    once per theatre (talks sentences are many; the file does not change)."""
    table = (theatre.data("places.json") or {}).get("venues", [])
    return [
        (
            v["name"],
            v["host"],
            re.compile(
                r"\b(?:in|at|inside)\s+(?:the\s+)?("
                + "|".join(re.escape(n) for n in [v["name"], *v.get("aliases", [])])
                + r")\b"
            ),
        )
        for v in table
    ]


def venues(ctx: DocContext, sent: Span) -> list[Location]:
    """The venue locations of :func:`venue_places`."""
    return venue_places(ctx, sent)[0]


# Nouns of the war itself: a party named as what they are about ("the Russian invasion
# of Ukraine", "talks on ending the war in Ukraine") is the subject of the talks, not at
# the table.
WAR_NOUNS = frozenset(
    {"war", "invasion", "conflict", "aggression", "crisis", "occupation", "annexation",
     "offensive", "hostilities", "fighting"}
)  # fmt: skip
_OF_WAR = frozenset({"of", "in", "on", "against", "into", "over", "with"})


def table_sides(ctx: DocContext, span: Span) -> list[str]:
    """The distinct sides named in a talks sentence, in text order, without those named
    only as the war's own subject ("the war in Ukraine", "the Russian invasion") when a
    party of the war sits at the table."""
    table: list[str] = []
    subject: list[str] = []
    for mention in ctx.actors_in(span):
        side = mention.actor.side
        if side and side not in table:
            war = _names_the_war(ctx, mention.start, mention.end)
            (subject if war else table).append(side)
    if not set(table) & ctx.theatre.codes:
        # A meeting on the war where no party sits ("European leaders met on a plan to end
        # the war in Ukraine"): the party it is about is what ties it to the war.
        table += [side for side in subject if side not in table]
    return table


def _names_the_war(ctx: DocContext, start: int, end: int) -> bool:
    found = ctx.doc.char_span(start, end, alignment_mode="expand")
    if found is None:
        return False
    root = found.root
    head = root.head
    if root.dep_ in {"amod", "compound", "poss", "nmod"}:
        return head.lemma_.lower() in WAR_NOUNS
    return (
        root.dep_ == "pobj"
        and head.lower_ in _OF_WAR
        and head.head.lemma_.lower() in WAR_NOUNS
    )
