"""A theatre: the data that makes the extractor read one conflict.

A theatre is a folder (``theatres/<name>/`` in the package, or any directory) holding
``theatre.json`` (its parties and their side words, its language, how its gazetteer is
stored) and the lexicons, actors and places the readers use. Nothing about a conflict is
code: a second conflict is a second folder. :meth:`Theatre.load` reads the folder once;
the readers ask the theatre for its lexicons (each lexicon module caches its compiled form
per theatre), and :attr:`Theatre.checksum` fingerprints every file so that a changed word
list changes the extractor version.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from warledger.nlp.language import language_data

DEFAULT = "ukraine"


@dataclass(frozen=True)
class Party:
    """A party to the conflict: its side code, display name and the words that mark it
    ("Russian drones", "Kyiv's forces")."""

    code: str
    name: str
    side_words: tuple[str, ...]
    outlets: tuple[str, ...] = ()  # web hosts whose releases speak for the party


class Theatre:
    """One conflict's data, read from its folder. Equal theatres are the same object
    (:meth:`load` caches), so readers may cache by theatre."""

    def __init__(self, name: str, root: Traversable) -> None:
        self.name = name
        self.root = root
        self.manifest: dict[str, Any] = json.loads(root.joinpath("theatre.json").read_text("utf-8"))
        self.language: str = self.manifest.get("language", "en")
        self.parties: tuple[Party, ...] = tuple(
            Party(
                p["code"],
                p["name"],
                tuple(w.lower() for w in p.get("side_words", ())),
                tuple(h.lower() for h in p.get("outlets", ())),
            )
            for p in self.manifest["parties"]
        )
        self.codes: frozenset[str] = frozenset(p.code for p in self.parties)
        self.side_words: dict[str, str] = {
            word: p.code for p in self.parties for word in p.side_words
        }
        # Words that make an authority speak for a party though it is named after the
        # other party's land ("Donetsk People's Republic officials", "pro-Russian mayor").
        self.proxy_words: dict[str, str] = {
            w.lower(): p["code"] for p in self.manifest["parties"] for w in p.get("proxy_words", ())
        }
        self._opposite: dict[str, str] = {}
        if len(self.parties) == 2:
            a, b = (p.code for p in self.parties)
            self._opposite = {a: b, b: a}

    def __repr__(self) -> str:
        return f"Theatre({self.name!r})"

    # -- loading -----------------------------------------------------------------------

    @classmethod
    def load(cls, name: str | Path = DEFAULT) -> Theatre:
        """The packaged theatre ``name`` or the theatre in directory ``name``, read once."""
        return _load(str(name))

    # -- parties -----------------------------------------------------------------------

    def voice_of(self, url: str | None) -> str | None:
        """The party a document published at ``url`` speaks for (a release on the
        Kremlin's site speaks for Russia), or None for anyone else's."""
        if not url:
            return None
        host = (urlsplit(url).hostname or "").lower()
        for party in self.parties:
            if any(host == h or host.endswith("." + h) for h in party.outlets):
                return party.code
        return None

    def opposite(self, side: str | None) -> str | None:
        """The other party of a two-party conflict; None for anyone else."""
        return self._opposite.get(side or "")

    def party_name(self, code: str) -> str | None:
        return next((p.name for p in self.parties if p.code == code), None)

    # -- files -------------------------------------------------------------------------

    def has(self, filename: str) -> bool:
        return self.root.joinpath(filename).is_file()

    def path(self, filename: str) -> Traversable:
        return self.root.joinpath(filename)

    def data(self, filename: str) -> dict[str, Any] | None:
        """A JSON data file of the theatre, or None when the theatre has none."""
        if not self.has(filename):
            return None
        return json.loads(self.path(filename).read_text("utf-8"))

    def text(self, filename: str) -> str | None:
        return self.path(filename).read_text("utf-8") if self.has(filename) else None

    @cached_property
    def checksum(self) -> str:
        """SHA-256 over every file of the theatre (names and bytes) and its language data."""
        digest = hashlib.sha256()
        for rel, item in sorted(_files(self.root, "")):
            digest.update(rel.encode() + b"\0" + item.read_bytes() + b"\0")
        digest.update(language_data(self.language).encode())
        return digest.hexdigest()


def _files(folder: Traversable, prefix: str) -> list[tuple[str, Traversable]]:
    out: list[tuple[str, Traversable]] = []
    for item in folder.iterdir():
        rel = f"{prefix}{item.name}"
        if item.is_dir():
            if item.name != "__pycache__":
                out.extend(_files(item, rel + "/"))
        else:
            out.append((rel, item))
    return out


@lru_cache(maxsize=8)
def _load(name: str) -> Theatre:
    """A bare name is a packaged theatre (a folder of that name in the working directory
    does not shadow it); anything else is a folder path."""
    packaged = resources.files("warledger").joinpath("theatres", name)
    if "/" not in name and "\\" not in name and packaged.joinpath("theatre.json").is_file():
        return Theatre(name, packaged)
    path = Path(name)
    if path.joinpath("theatre.json").is_file():
        return Theatre(path.name, path)
    raise ValueError(f"unknown theatre {name!r}: no theatre.json in theatres/{name} or {path}")


def default_theatre() -> Theatre:
    """The packaged theatre the extractor reads unless told otherwise."""
    return Theatre.load(DEFAULT)
