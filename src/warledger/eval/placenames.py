"""Compare place names the way a reader would: "Donetsk Oblast" is "Donetsk".

Gold annotators and the gazetteer spell places differently: administrative words
("Oblast", "region", "province"), Russian versus Ukrainian transliterations
("Kharkov"/"Kharkiv"), apostrophes and accents. ``place_key`` maps all of these to
one comparison key. It never decides *which* place a name refers to.
"""

from __future__ import annotations

import re

from warledger.eval.textmatch import normalize

_ADMIN_WORDS = re.compile(
    r"\b(oblast|region|province|krai|kray|raion|rayon|district|governorate|"
    r"autonomous republic of|republic of|city of|the)\b"
)

# Common alternative spellings -> the spelling Ukraine's own romanisation uses.
_VARIANTS = {
    "kiev": "kyiv",
    "kharkov": "kharkiv",
    "odessa": "odesa",
    "nikolaev": "mykolaiv",
    "nikolayev": "mykolaiv",
    "zaporozhye": "zaporizhzhia",
    "zaporizhia": "zaporizhzhia",
    "zaporizhzhya": "zaporizhzhia",
    "zaporozhzhia": "zaporizhzhia",
    "dnepr": "dnipro",
    "dnipropetrovsk": "dnipro",
    "dnipropetrovska": "dnipro",
    "dnepropetrovsk": "dnipro",
    "lugansk": "luhansk",
    "chernigov": "chernihiv",
    "zhitomir": "zhytomyr",
    "lvov": "lviv",
    "rovno": "rivne",
    "vinnitsa": "vinnytsia",
    "vinnytsya": "vinnytsia",
    "kirovograd": "kirovohrad",
    "kropyvnytskyi": "kirovohrad",
    "khmelnitsky": "khmelnytskyi",
    "khmelnytskyy": "khmelnytskyi",
    "ivano frankivsk": "ivano-frankivsk",
    "ternopol": "ternopil",
    "uzhgorod": "uzhhorod",
    "chernovtsy": "chernivtsi",
    "cherkassy": "cherkasy",
    "artemovsk": "bakhmut",
    "artemivsk": "bakhmut",
    "krasnoarmeysk": "pokrovsk",
    "volhynia": "volyn",
    "donbass": "donbas",
}


def place_key(name: str | None) -> str | None:
    """Comparison key for a place or admin1 name; ``None`` for an empty name."""
    if not name:
        return None
    text = normalize(name).replace("'", "").replace("ʼ", "")
    text = _ADMIN_WORDS.sub(" ", text)
    text = " ".join(re.sub(r"[^\w-]+", " ", text).split())
    return _VARIANTS.get(text, text) or None


def same_place(a: str | None, b: str | None) -> bool:
    """True when both names are given and spell the same place."""
    key_a, key_b = place_key(a), place_key(b)
    return key_a is not None and key_a == key_b
