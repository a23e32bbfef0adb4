"""Who is acting: a registry of the war's actors, their sides, and how news names them.

The registry data lives in the theatre's ``actors.jsonl`` (one actor per line, each
with a note saying why it is there). On top of it this module adds every country (by
name via pycountry, and by the theatre's ``countries.json`` demonyms, short names and
capitals) and generic groups such as "Russian forces" or
"Ukrainian officials", so a second conflict mostly needs data, not code.

Matching rules:

- Single-word aliases match case-sensitively ("US" the country, never "us" the pronoun;
  "Trump" the person, never "trump" the verb); longer aliases ignore case.
- The longest match wins ("Russian Defense Ministry" over "Russian").
- Capitals used as metonyms ("Kyiv", "Moscow", "Washington") are states of their country.
- A person the registry does not know gets the side of the title before the name
  ("Dutch Defense Minister Ruben Brekelmans" → NL); with no such title the side is null.
- "G7" and "the coalition of the willing" group several states, so their side is null.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import pycountry

from warledger.nlp.context import ActorMention
from warledger.nlp.language import ENGLISH
from warledger.nlp.theatre import Theatre, default_theatre
from warledger.types import Actor

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc, Span

__all__ = ["ActorRegistry", "RegistryEntry"]


@dataclass(frozen=True)
class Countries:
    """How the theatre's news names states (``countries.json``): demonyms, short names
    pycountry lacks, and capitals used for their governments."""

    demonyms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    capitals: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def of(cls, theatre: Theatre) -> Countries:
        data = theatre.data("countries.json") or {}

        def table(key: str) -> dict[str, tuple[str, ...]]:
            return {code: tuple(v) for code, v in data.get(key, {}).items()}

        return cls(table("demonyms"), table("names"), table("capitals"))


_MILITARY_NOUNS = (
    "forces", "troops", "army", "military", "soldiers", "servicemen", "units", "navy",
    "armed forces", "air defense", "air defenses", "air defence", "air defences",
)  # fmt: skip
_GOVERNMENT_NOUNS = (
    "government", "officials", "authorities", "leadership", "delegation", "negotiators",
    "diplomats", "side", "leaders",
)  # fmt: skip
_CIVILIAN_NOUNS = ("civilians",)

# Words of a title between a side-bearing word and a name (language data).
TITLE_WORDS = ENGLISH.titles


@dataclass(frozen=True)
class RegistryEntry:
    """One line of actors.jsonl."""

    name: str
    aliases: tuple[str, ...]
    side: str | None
    type: str
    note: str = ""

    def actor(self) -> Actor:
        return Actor(name=self.name, side=self.side, type=self.type)


def side_actor(side: str | None, theatre: Theatre) -> Actor | None:
    """The theatre's party of that side, as a state."""
    if side is None:
        return None
    return Actor(name=theatre.party_name(side), side=side, type="state")


def state_actor(code: str) -> Actor | None:
    """A state by its ISO code, named as pycountry names it (None for an unknown code)."""
    country = pycountry.countries.get(alpha_2=code)
    return Actor(name=country.name, side=code, type="state") if country else None


def _clean(text: str) -> str:
    s = re.sub(r"\s+", " ", text.strip().replace("’", "'"))
    s = re.sub(r"(?:'s|s')$", lambda m: "s" if m[0] == "s'" else "", s).strip()
    return re.sub(r"^(?:the|The)\s+", "", s)


def _is_case_sensitive(alias: str) -> bool:
    """Single words match case-sensitively; phrases ignore case."""
    return " " not in alias.strip()


def _country_entries(countries: Countries) -> Iterable[tuple[str, RegistryEntry]]:
    """(alias, entry) for every country name, demonym, capital and generic group."""
    for country in pycountry.countries:
        code = country.alpha_2
        short = getattr(country, "common_name", None) or country.name
        names = [*countries.names.get(code, ()), short]
        if "," not in country.name:
            names.append(country.name)
        names = list(dict.fromkeys(names))
        state = RegistryEntry(name=names[0], aliases=(), side=code, type="state")
        for alias in names:
            if "," not in alias:
                yield alias, state
        for demonym in countries.demonyms.get(code, ()):
            yield demonym, state
        for capital in countries.capitals.get(code, ()):
            yield capital, state
        adjectives = [*countries.demonyms.get(code, ())]
        heads = [*names, *countries.capitals.get(code, ())]
        possessives = [f"{n}'s" for n in heads if "," not in n and "." not in n]
        if not adjectives:
            continue
        label = adjectives[0]
        groups = (
            (_MILITARY_NOUNS, f"{label} forces", "military"),
            (_GOVERNMENT_NOUNS, f"{label} government", "government"),
            (_CIVILIAN_NOUNS, f"{label} civilians", "civilians"),
        )
        for nouns, name, kind in groups:
            entry = RegistryEntry(name=name, aliases=(), side=code, type=kind)
            for noun in nouns:
                for head in (*adjectives, *possessives):
                    yield f"{head} {noun}", entry


class ActorRegistry:
    """Registry of actors: lookups by name or alias and mention-finding in parsed text."""

    def __init__(
        self, entries: Iterable[RegistryEntry], countries: Countries | None = None
    ) -> None:
        countries = countries if countries is not None else Countries.of(default_theatre())
        self.entries = list(entries)
        self._exact: dict[str, RegistryEntry] = {}  # single words, case-sensitive
        self._folded: dict[str, RegistryEntry] = {}  # phrases, lower-cased
        for alias, entry in _country_entries(countries):
            self._add(alias, entry)
        # Registry lines come last so they override the generated country entries.
        for entry in self.entries:
            for alias in (entry.name, *entry.aliases):
                self._add(alias, entry)
        self._matchers: dict[int, tuple[PhraseMatcher, PhraseMatcher]] = {}
        self._capitals = frozenset(c for names in countries.capitals.values() for c in names)

    def _add(self, alias: str, entry: RegistryEntry) -> None:
        alias = alias.replace("’", "'").strip()
        if _is_case_sensitive(alias):
            self._exact[alias] = entry
        else:
            self._folded[alias.lower()] = entry

    @classmethod
    def load(cls, path: str | Path | None = None) -> ActorRegistry:
        """The registry from ``path`` (default: the packaged theatre's), cached."""
        return _load(str(path) if path else None)

    @classmethod
    def for_theatre(cls, theatre: Theatre) -> ActorRegistry:
        """The theatre's registry: its ``actors.jsonl`` over its countries, cached."""
        return _for_theatre(theatre)

    @classmethod
    def from_jsonl(cls, text: str, countries: Countries | None = None) -> ActorRegistry:
        entries = []
        for line in text.splitlines():
            if line.strip():
                d = json.loads(line)
                entries.append(
                    RegistryEntry(
                        name=d["name"],
                        aliases=tuple(d.get("aliases", ())),
                        side=d.get("side"),
                        type=d.get("type", "unknown"),
                        note=d.get("note", ""),
                    )
                )
        return cls(entries, countries)

    # --- lookups ---------------------------------------------------------------------

    def _entry(self, text: str) -> RegistryEntry | None:
        if text in self._exact:
            return self._exact[text]
        return self._folded.get(text.lower()) if " " in text else None

    def lookup(self, text: str) -> Actor | None:
        """The actor ``text`` names, or None.

        Accepts a bare alias ("Peskov", "the Kremlin", "Kyiv's"), a name with its title
        ("Russian President Vladimir Putin"), or an unregistered person with a title that
        gives the side ("Japanese Foreign Minister Takeshi Iwaya").
        """
        s = _clean(text)
        if not s:
            return None
        entry = self._entry(s) or self._entry(s[:1].upper() + s[1:])
        if entry:
            return entry.actor()
        tokens = s.split(" ")
        for k in range(1, len(tokens)):  # drop a leading title: "Russian President X"
            entry = self._entry(" ".join(tokens[k:]))
            if entry and all(t.lower() in TITLE_WORDS or self._entry(t) for t in tokens[:k]):
                return entry.actor()
        return self._titled_person(tokens)

    def _titled_person(self, tokens: list[str]) -> Actor | None:
        """ "<side word> <title words> <Name>" → a person of that side, else None."""
        for k in range(len(tokens) - 1, 0, -1):
            head = " ".join(tokens[:k])
            head = re.sub(r"'s$", "", head)
            entry = self._entry(head)
            if entry is None or entry.type == "person":
                continue
            rest = tokens[k:]
            titles = 0
            while titles < len(rest) and rest[titles].lower() in TITLE_WORDS | {"'s"}:
                titles += 1
            name = rest[titles:]
            if titles and name and all(t[:1].isupper() for t in name):
                return Actor(name=" ".join(name), side=entry.side, type="person")
        return None

    def side_of(self, text: str) -> str | None:
        """The side ``text`` speaks for, or None when unknown."""
        actor = self.lookup(text)
        return actor.side if actor else None

    # --- mentions in parsed text -------------------------------------------------------

    def _matchers_for(self, doc: Doc) -> tuple[PhraseMatcher, PhraseMatcher]:
        """Phrase matchers bound to ``doc``'s vocabulary, built once per vocabulary."""
        key = id(doc.vocab)
        if key not in self._matchers:
            from spacy.lang.en import English
            from spacy.matcher import PhraseMatcher

            tokenizer = English(vocab=doc.vocab).tokenizer
            exact = PhraseMatcher(doc.vocab, attr="ORTH")
            folded = PhraseMatcher(doc.vocab, attr="LOWER")
            exact_aliases = list(self._exact)
            exact.add("ACTOR", list(tokenizer.pipe(_with_curly(exact_aliases))))
            folded.add("ACTOR", list(tokenizer.pipe(_with_curly(list(self._folded)))))
            self._matchers[key] = (exact, folded)
        return self._matchers[key]

    def find(self, doc: Doc) -> list[ActorMention]:
        """Every actor mention in ``doc``, in text order, without overlaps."""
        from spacy.util import filter_spans

        exact, folded = self._matchers_for(doc)
        spans = [doc[s:e] for _, s, e in exact(doc)] + [doc[s:e] for _, s, e in folded(doc)]
        matched: dict[tuple[int, int], Actor] = {}
        for span in filter_spans(spans):
            entry = self._entry(_clean(span.text))
            if entry is None or (span.text in self._capitals and _after_locative(span)):
                continue
            matched[(span.start, span.end)] = entry.actor()

        taken = {i for s, e in matched for i in range(s, e)}
        persons = [
            p for p in (_person_span(ent) for ent in doc.ents if ent.label_ == "PERSON") if p
        ]
        persons = [
            p
            for p in persons
            if not any(i in taken for i in range(p.start, p.end))
            and not any(
                part in self._exact for t in p if "-" in t.text for part in t.text.split("-")
            )
        ]
        for p in persons:
            matched[(p.start, p.end)] = Actor(name=p.text, side=None, type="person")
            taken.update(range(p.start, p.end))
        self._absorb_titles(doc, matched)
        _resolve_surnames(matched, doc, {(p.start, p.end) for p in persons})

        mentions = [
            ActorMention(
                start=doc[s].idx, end=doc[e - 1].idx + len(doc[e - 1]), text=doc[s:e].text, actor=a
            )
            for (s, e), a in matched.items()
        ]
        mentions.extend(self._hyphenated(doc, taken))
        return sorted(mentions, key=lambda m: m.start)

    def _absorb_titles(self, doc: Doc, matched: dict[tuple[int, int], Actor]) -> None:
        """Give title-read sides to unknown persons and drop the title's own side words.

        In "Russian President Vladimir Putin" the word "Russian" describes Putin; it is not
        a second actor. A state named before an organisation decides the side:
        "British Deputy U.N. Ambassador X" speaks for GB, "NATO chief X" for NATO.
        """
        by_end = {e: (s, e) for (s, e) in matched}
        for (start, _end), actor in sorted(matched.items()):
            if actor.type != "person":
                continue
            j = start - 1
            saw_title = False
            holders: list[tuple[int, int]] = []
            sent_start = doc[start].sent.start if doc.has_annotation("SENT_START") else 0
            while j >= sent_start and start - j <= 10:
                key = by_end.get(j + 1)
                holder = matched.get(key) if key else None
                if holder is not None and holder.type != "person":
                    holders.append(key)
                    j = key[0] - 1
                    continue
                if doc[j].lower_ in TITLE_WORDS or doc[j].text in ("-", "–"):
                    saw_title = saw_title or doc[j].lower_ not in _TITLE_GLUE
                    j -= 1
                    continue
                break
            if not (saw_title and holders):
                continue
            states = [k for k in holders if matched[k].type != "organization"]
            if actor.side is None:
                actor.side = matched[(states or holders)[0]].side
            for key in holders:
                del matched[key]
            by_end = {e: (s, e) for (s, e) in matched}

    def _hyphenated(self, doc: Doc, taken: set[int]) -> list[ActorMention]:
        """Actors inside hyphenated tokens: "U.S.-proposed", "Russia-Ukraine"."""
        out = []
        for token in doc:
            if token.i in taken or "-" not in token.text:
                continue
            offset = 0
            parts = token.text.split("-")
            for n, part in enumerate(parts):
                entry = self._exact.get(part)
                if entry and not (n and parts[n - 1].lower() in ("pro", "anti")):
                    start = token.idx + offset
                    out.append(ActorMention(start, start + len(part), part, entry.actor()))
                offset += len(part) + 1
        return out


_LOCATIVE = frozenset(
    [
        "in",
        "at",
        "to",
        "from",
        "near",
        "over",
        "on",
        "into",
        "across",
        "outside",
        "around",
        "toward",
        "towards",
        "via",
        "inside",
    ]
)


def _after_locative(span: Span) -> bool:
    """ "talks in Moscow", "strikes on Kyiv and Odesa": the capital is a place here.

    Walks back over a list of names ("in Riyadh and Paris") to the preposition.
    """
    doc = span.doc
    j = span.start - 1
    while j >= 0 and span.start - j <= 6:
        token = doc[j]
        if token.lower_ in _LOCATIVE:
            # "According to Reuters, Moscow has told ...": the source's "to", no place
            return not (token.lower_ == "to" and j > 0 and doc[j - 1].lower_ == "according")
        if token.lower_ in ("and", "or", ",") or token.pos_ == "PROPN":
            j -= 1
            continue
        return False
    return False


_TITLE_GLUE = frozenset({"the", "'s", "’s", "of", "for", "to", "-", "–"})
_NOT_A_PERSON_BEFORE = frozenset(
    {"in", "near", "village", "town", "city", "settlement", "community", "district", "region"}
)
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’.-]*|[a-z]{1,3}|bin|von|van|der|de|al-\w+)$")


def _person_span(ent: Span) -> Span | None:
    """The name part of a PERSON entity, or None when it does not look like a name.

    Drops the possessive and trailing lower-case words the tagger sometimes attaches
    ("Dodik to"), and rejects all-caps words and hyphenated compounds ("U.S.-Ukraine").
    """
    doc = ent.doc
    start, end = ent.start, ent.end
    while end > start and (doc[end - 1].text in ("'s", "’s", "'") or doc[end - 1].is_lower):
        end -= 1
    if end <= start:
        return None
    span = doc[start:end]
    before = [t.lower_ for t in doc[max(0, start - 2) : start]]
    if before and (
        before[-1] in _NOT_A_PERSON_BEFORE
        or (before[-1] == "of" and len(before) == 2 and before[0] in _NOT_A_PERSON_BEFORE)
    ):
        return None  # "the village of Sukha Balka" is a place the tagger took for a person
    words = [t.text for t in span]
    if not words[0][:1].isupper() or not words[-1][:1].isupper():
        return None
    if any(len(w) > 1 and w.isupper() and "." not in w for w in words):
        return None
    if any(not _NAME_TOKEN.match(w) for w in words):
        return None
    return span


def _resolve_surnames(
    matched: dict[tuple[int, int], Actor], doc: Doc, unknown: set[tuple[int, int]]
) -> None:
    """Tie a lone surname to the full name it abbreviates, or drop it.

    "Masih Alinejad … Alinejad said" is one person, even where the tagger misses the
    second mention. A single word the tagger calls a person with no full name in the
    story and no title is more often noise ("Ceasefire", "Instagram") than a person, so
    it is not reported.
    """
    full: dict[str, Actor] = {}
    for (s, e), actor in sorted(matched.items()):
        if actor.type == "person" and e - s > 1:
            full.setdefault(doc[e - 1].text, actor)
    for key in sorted(unknown):
        if key in matched and key[1] - key[0] == 1 and matched[key].side is None:
            del matched[key]
    taken = {i for s, e in matched for i in range(s, e)}
    for token in doc:
        ref = full.get(token.text)
        if ref is not None and token.i not in taken and token.text[:1].isupper():
            matched[(token.i, token.i + 1)] = Actor(name=ref.name, side=ref.side, type="person")


def _with_curly(aliases: list[str]) -> list[str]:
    """Each alias, plus its typographic-apostrophe spelling when it has one."""
    out = []
    for alias in aliases:
        out.append(alias)
        if "'" in alias:
            out.append(alias.replace("'", "’"))
    return out


@lru_cache(maxsize=4)
def _load(path: str | None) -> ActorRegistry:
    if path is None:
        return _for_theatre(default_theatre())
    return ActorRegistry.from_jsonl(Path(path).read_text("utf-8"))


@lru_cache(maxsize=8)
def _for_theatre(theatre: Theatre) -> ActorRegistry:
    return ActorRegistry.from_jsonl(theatre.text("actors.jsonl") or "", Countries.of(theatre))
