"""The English spellings news uses for a Ukrainian place, derived from its Ukrainian name.

News writes one village many ways: Ukraine's official romanisation (Kostiantynivka),
the older national and BGN/PCGN systems (Kostyantynivka), passport styles (Guliaipole)
and, above all, the Russian-derived forms (Konstantinovka, Kharkov, Nikolayev). Rather
than growing alias lists, every spelling is derived from the gazetteer's Cyrillic name:
the Ukrainian schemes of ``translitua`` directly, the Russian-style forms by first
rewriting the Ukrainian spelling the Russian way (the theatre's
``russian_spelling.json``) and romanising that with ``iuliia`` and ``translitua``'s
Russian schemes. ``scripts/build_gazetteer.py`` stores the lookup keys, so nothing is
transliterated at run time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

import iuliia
import translitua

from warledger.nlp.places.names import name_key
from warledger.nlp.theatre import Theatre, default_theatre

# Ukrainian romanisation schemes seen in English text: the official 2010 (KMU) system,
# BGN/PCGN, the 1996 national system and the 2007 passport system (g for г). Systems
# with diacritics (ISO 9, ALA-LC, British Standard) are not used in news.
UKRAINIAN_SCHEMES = (
    translitua.UkrainianKMU,
    translitua.UkrainianBGN,
    translitua.UkrainianNational1996,
    translitua.UkrainianPassport2007,
)

# Russian schemes behind the Russian-derived forms: Wikipedia's (Nikolayev, Zaporozhye),
# BGN/PCGN (Alekseyevka), ICAO passports (Kiev, Nikolaev) and the 1997 passport system
# (Zaporozh'ye).
def _russian_romanisers() -> tuple:
    return (
        iuliia.WIKIPEDIA.translate,
        iuliia.BGN_PCGN.translate,
        lambda text: translitua.translit(text, translitua.RussianICAO),
        lambda text: translitua.translit(text, translitua.RussianInternationalPassport1997),
    )


_RUSSIAN = _russian_romanisers()


@cache
def _rules(theatre: Theatre) -> tuple[list[tuple[re.Pattern[str], str]], list[list]]:
    data = theatre.data("russian_spelling.json") or {"rules": [], "i_variants": [[]]}
    rules = [(re.compile(p), r) for p, r in data["rules"]]
    variants = [[(re.compile(p), r) for p, r in v] for v in data["i_variants"]]
    return rules, variants


def russian_style(name_uk: str, theatre: Theatre | None = None) -> list[str]:
    """The Russian-style Cyrillic spellings of a Ukrainian name (lower case)."""
    rules, variants = _rules(theatre or default_theatre())
    text = name_uk.lower().replace("’", "'").replace("ʼ", "'")
    words = []
    for word in text.split(" "):
        for pattern, repl in rules:
            word = pattern.sub(repl, word)
        words.append(word)
    text = " ".join(words)
    # a multi-word rule (feminine adjective before a noun) runs on the whole name
    for pattern, repl in rules:
        if " " in pattern.pattern:
            text = pattern.sub(repl, text)
    out: list[str] = []
    for variant in variants:
        form = text
        for pattern, repl in variant:
            form = pattern.sub(repl, form)
        if form not in out:
            out.append(form)
    return out


def spellings(name_uk: str, theatre: Theatre | None = None) -> list[str]:
    """Every Latin spelling of a Ukrainian place name the schemes give (duplicates
    removed, official 2010 spelling first)."""
    found = [translitua.translit(name_uk, scheme) for scheme in UKRAINIAN_SCHEMES]
    for form in russian_style(name_uk, theatre):
        found.extend(romanise(form) for romanise in _RUSSIAN)
    return list(dict.fromkeys(_title(s) for s in found))


def russian_spellings(name_ru: str) -> list[str]:
    """The Latin spellings of a Russian place name (Cyrillic) in the Russian schemes."""
    return list(dict.fromkeys(_title(romanise(name_ru)) for romanise in _RUSSIAN))


def spelling_keys(names: Iterable[str], exclude: Sequence[str] = ()) -> list[str]:
    """The distinct lookup keys of ``names`` (see :func:`name_key`), without ``exclude``."""
    skip = set(exclude)
    keys = dict.fromkeys(name_key(n) for n in names)
    return [k for k in keys if k and k not in skip and len(k) >= 3]


def _title(text: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in text.split(" "))
