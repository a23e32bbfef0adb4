"""The actor registry: names, aliases, titles and metonyms mapped to sides."""

from __future__ import annotations

import json

import pytest

from warledger.nlp.actors import ActorRegistry


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return ActorRegistry.load()


def _triple(actor):
    return (actor.name, actor.side, actor.type) if actor else None


@pytest.mark.parametrize(
    ("text", "name", "side", "type_"),
    [
        ("Putin", "Vladimir Putin", "RU", "person"),
        ("Vladimir Putin", "Vladimir Putin", "RU", "person"),
        ("Russian President Vladimir Putin", "Vladimir Putin", "RU", "person"),
        ("Peskov", "Dmitry Peskov", "RU", "person"),
        ("the Kremlin", "Kremlin", "RU", "government"),
        ("Zelenskyy", "Volodymyr Zelenskyy", "UA", "person"),
        ("Zelensky", "Volodymyr Zelenskyy", "UA", "person"),
        ("Zelenskiy's", "Volodymyr Zelenskyy", "UA", "person"),
        ("Ukrainian Air Force", "Ukrainian Air Force", "UA", "military"),
        ("Russia’s Defense Ministry", "Russian Defense Ministry", "RU", "government"),
        ("Witkoff", "Steve Witkoff", "US", "person"),
        ("Kim Jong Un", "Kim Jong Un", "KP", "person"),
        ("Rutte", "Mark Rutte", "NATO", "person"),
    ],
)
def test_registered_names_and_aliases(registry, text, name, side, type_):
    assert _triple(registry.lookup(text)) == (name, side, type_)


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("Kyiv", "UA"),
        ("Kyiv's", "UA"),
        ("Moscow", "RU"),
        ("Washington", "US"),
        ("White House", "US"),
        ("Pentagon", "US"),
        ("Starmer", "GB"),
        ("Macron", "FR"),
        ("Merz", "DE"),
        ("Erdogan", "TR"),
        ("Joly", "CA"),
        ("Kallas", "EU"),
        ("Guterres", "UN"),
        ("Xi Jinping", "CN"),
        ("Orban", "HU"),
        ("EU", "EU"),
        ("NATO", "NATO"),
        ("UN", "UN"),
        ("Ukraine", "UA"),
        ("North Korea", "KP"),
        ("British", "GB"),
        ("U.S.", "US"),
        ("Belarusian", "BY"),
    ],
)
def test_sides(registry, text, side):
    assert registry.side_of(text) == side


@pytest.mark.parametrize(
    ("text", "side", "type_"),
    [
        ("Russian forces", "RU", "military"),
        ("Russian troops", "RU", "military"),
        ("Ukrainian forces", "UA", "military"),
        ("North Korean troops", "KP", "military"),
        ("Ukrainian officials", "UA", "government"),
    ],
)
def test_generic_groups_of_a_country(registry, text, side, type_):
    actor = registry.lookup(text)
    assert actor is not None
    assert (actor.side, actor.type) == (side, type_)


def test_groups_of_states_have_no_side(registry):
    assert _triple(registry.lookup("the coalition of the willing")) == (
        "coalition of the willing",
        None,
        "organization",
    )
    assert _triple(registry.lookup("G7")) == ("G7", None, "organization")


def test_unregistered_person_takes_the_side_of_the_title(registry):
    actor = registry.lookup("Japanese Foreign Minister Takeshi Iwaya")
    assert _triple(actor) == ("Takeshi Iwaya", "JP", "person")


def test_pronoun_and_unknown_words_are_not_actors(registry):
    assert registry.lookup("us") is None
    assert registry.lookup("drones") is None
    assert registry.side_of("Odesa") is None


def test_lookup_returns_a_fresh_actor(registry):
    first = registry.lookup("Putin")
    first.role = "mediator"
    assert registry.lookup("Putin").role is None


def test_every_registry_line_has_a_reason_and_a_valid_side():
    from importlib import resources

    from warledger.types import ACTOR_TYPES

    text = resources.files("warledger").joinpath("theatres/ukraine/actors.jsonl").read_text()
    for line in text.splitlines():
        entry = json.loads(line)
        assert entry["note"], entry["name"]
        assert entry["type"] in ACTOR_TYPES
        assert entry["side"] is None or entry["side"].isupper()


@pytest.mark.model
def test_find_mentions_in_a_parsed_sentence(nlp, registry):
    doc = nlp(
        "Russian President Vladimir Putin rejected the U.S.-proposed truce, Kremlin "
        "spokesman Dmitry Peskov said, while Kyiv's forces held and Zelenskyy’s aides met "
        "Dutch Defense Minister Ruben Brekelmans."
    )
    found = [(m.text, m.actor.side, m.actor.type) for m in registry.find(doc)]
    assert found == [
        ("Vladimir Putin", "RU", "person"),
        ("U.S.", "US", "state"),
        ("Dmitry Peskov", "RU", "person"),
        ("Kyiv's forces", "UA", "military"),
        ("Zelenskyy", "UA", "person"),
        ("Ruben Brekelmans", "NL", "person"),
    ]
    for m in registry.find(doc):
        assert doc.text[m.start : m.end] == m.text


@pytest.mark.model
def test_unknown_person_without_title_has_no_side(nlp, registry):
    doc = nlp("A farmer, John Smith, was injured when debris fell on his house.")
    persons = [m for m in registry.find(doc) if m.actor.type == "person"]
    assert [(m.actor.name, m.actor.side) for m in persons] == [("John Smith", None)]


@pytest.mark.model
def test_a_state_before_an_organisation_in_a_title_decides_the_side(nlp, registry):
    doc = nlp("British Deputy U.N. Ambassador James Kariuki told reporters the vote failed.")
    persons = [m for m in registry.find(doc) if m.actor.type == "person"]
    assert [(m.text, m.actor.side) for m in persons] == [("James Kariuki", "GB")]
    assert "U.N." not in [m.text for m in registry.find(doc)]


@pytest.mark.model
def test_a_lone_surname_refers_back_to_the_full_name(nlp, registry):
    doc = nlp(
        "Dutch Defense Minister Ruben Brekelmans spoke in Paris. "
        "Brekelmans said Europe must spend more on defense."
    )
    persons = [(m.text, m.actor.name, m.actor.side) for m in registry.find(doc)]
    assert ("Brekelmans", "Ruben Brekelmans", "NL") in persons


@pytest.mark.model
def test_hyphenated_compounds_name_both_actors(nlp, registry):
    doc = nlp("Officials prepared for U.S.-Ukraine talks in Jeddah.")
    sides = [(m.text, m.actor.side) for m in registry.find(doc)]
    assert ("U.S.", "US") in sides
    assert ("Ukraine", "UA") in sides


@pytest.mark.model
def test_capital_as_metonym_is_an_actor_but_as_a_venue_is_not(nlp, registry):
    doc = nlp("Kyiv accused Moscow of violating the truce during talks in Riyadh and Paris.")
    sides = [(m.text, m.actor.side) for m in registry.find(doc)]
    assert ("Kyiv", "UA") in sides
    assert ("Moscow", "RU") in sides
    assert "Paris" not in [text for text, _ in sides]
