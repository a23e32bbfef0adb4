"""A parsed document's tokens as plain lists, the place mentions found on them, and
the lists they form ("Kherson, Bilozerka and Pavlohrad"), for the place finder's many
passes over the same words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.symbols import PROPN

from warledger.nlp.places.gazetteer import (
    ADMIN1_WORDS,
    ADMIN2_WORDS,
    HROMADA_WORDS,
    Place,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc


# Words after a name that make it an area named after the place.
SUFFIX_WORDS = frozenset(ADMIN1_WORDS + ADMIN2_WORDS + HROMADA_WORDS)


LIST_SEPARATORS = frozenset({",", "and", ", and", "or", ", or"})


# Between a place and the area that contains it: "X, Kharkiv region", "X, also in Kharkiv",
# "X in the Sumy region", "X of Donetsk", "X (Donetsk Oblast)".
CONTAINED_IN = re.compile(
    r"^\s*(?:,\s*(?:also\s+)?(?:in\s+)?|\s(?:also\s+)?(?:in|of)\s+|\s*\(\s*)(?:the\s+)?$"
)


@dataclass
class Found:
    start: int  # token indices
    end: int
    key: str
    cands: list[Place]
    ner: str | None  # the entity label when spaCy tagged it as a place
    strong: bool  # a cue says "this is a place", whatever the model thinks
    weak: bool  # a preposition or list position suggests a place
    tagged_person: bool = False  # the model called exactly this name a person or body
    locative: bool = False  # the preposition before it is one people do not take
    area_word: str | None = None  # "region" for "Lviv" in "the Lviv and Volyn regions"

    def query(self, toks: Tokens) -> str:
        """The name to look up: the text, plus the area a following plural gives it."""
        name = toks.span_text(self.start, self.end)
        return f"{name} {self.area_word}" if self.area_word else name


class Tokens:
    """Plain lists taken from the doc once: creating spaCy Token objects token by token
    costs more than everything else this module does."""

    def __init__(self, doc: Doc) -> None:
        self.text = doc.text  # spaCy joins every token to build it: take it once
        rows = doc.to_array(["IDX", "LENGTH", "IS_PUNCT", "IS_SPACE", "SENT_START", "POS"]).tolist()
        self.proper = [r[5] == PROPN for r in rows]
        self.starts = [r[0] for r in rows]
        self.ends = [r[0] + r[1] for r in rows]
        self.skip = [bool(r[2] or r[3]) for r in rows]
        self.sent_id: list[int] = []
        current = 0
        for i, r in enumerate(rows):
            if r[4] == 1 and i > 0:
                current += 1
            self.sent_id.append(current)
        self.n = len(rows)
        text = self.text
        self.words = [text[a:b] for a, b in zip(self.starts, self.ends, strict=True)]
        self.lowers = [w.lower() for w in self.words]

    def word(self, i: int) -> str:
        return self.words[i]

    def lower(self, i: int) -> str:
        return self.lowers[i] if 0 <= i < self.n else ""

    def span_text(self, start: int, end: int) -> str:
        return self.text[self.starts[start] : self.ends[end - 1]]


def separator(a: Found, b: Found, toks: Tokens) -> str | None:
    """What joins two mentions of one sentence when they are neighbours in a list
    (",", "and", ", and", "or"), else None."""
    if toks.sent_id[a.start] != toks.sent_id[b.start]:
        return None
    between = toks.text[toks.ends[a.end - 1] : toks.starts[b.start]]
    between = " ".join(between.replace(",", " , ").split()).lower()
    between = between.replace(" ,", ",")
    return between if between in LIST_SEPARATORS else None


def lists_of(found: list[Found], toks: Tokens) -> list[tuple[list[Found], bool]]:
    """Runs of neighbouring mentions joined by list separators, each with whether it is
    closed by "and"/"or" (a real list, not just "X, Y")."""
    runs: list[tuple[list[Found], bool]] = []
    run: list[Found] = []
    closed = False
    for f in found:
        sep = separator(run[-1], f, toks) if run else None
        if sep is None:
            if len(run) > 1:
                runs.append((run, closed))
            run, closed = [f], False
        else:
            run.append(f)
            closed = closed or sep != ","
    if len(run) > 1:
        runs.append((run, closed))
    return runs
