"""Places: the packaged gazetteer, name resolution and place finding in parsed text."""

from __future__ import annotations

from warledger.nlp.places.finder import find_places
from warledger.nlp.places.gazetteer import Gazetteer, Place
from warledger.nlp.places.names import name_key
from warledger.nlp.places.roles import preposition, role

__all__ = ["Gazetteer", "Place", "find_places", "name_key", "preposition", "role"]
