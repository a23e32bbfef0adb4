"""Place finding on synthetic news sentences (tests/data/places/sentences.json).

Each sentence shows one way war news names a place (or a word that must not become one);
expected resolutions were written by reading the sentence.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warledger.nlp.places import Gazetteer, find_places

pytestmark = pytest.mark.model

DATA = Path(__file__).resolve().parents[1] / "data" / "places" / "sentences.json"
SENTENCES = json.loads(DATA.read_text(encoding="utf-8"))["sentences"]


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize("case", SENTENCES, ids=[c["id"] for c in SENTENCES])
def test_sentence_places(nlp, gaz, case) -> None:
    text = case["text"]
    found = find_places(nlp(text), gaz)
    for m in found:
        assert text[m.start : m.end] == m.text
    by_text = {m.text: m.location for m in found}
    for name, fields in case["places"].items():
        assert name in by_text, f"{name!r} not found; got {sorted(by_text)}"
        got = {field: getattr(by_text[name], field) for field in fields}
        assert got == fields, name
    for word in case.get("absent", []):
        assert not [m.text for m in found if word in m.text], word
    if case.get("only"):
        assert sorted(by_text) == sorted(case["places"])
