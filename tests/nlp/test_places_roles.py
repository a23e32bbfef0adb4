"""The preposition before a place tells a reader where something happened from where a
movement started or ended ("from Quetta to Peshawar" is a route, not two attack sites)."""

from __future__ import annotations

import pytest

from warledger.nlp.context import PlaceMention
from warledger.nlp.places import preposition, role
from warledger.types import Location


def mention(text: str, name: str) -> PlaceMention:
    start = text.index(name)
    return PlaceMention(start, start + len(name), name, Location(name=name))


@pytest.mark.parametrize(
    ("text", "name", "word", "want"),
    [
        ("The bus travelled from Quetta to Peshawar.", "Quetta", "from", "origin"),
        ("The bus travelled from Quetta to Peshawar.", "Peshawar", "to", "destination"),
        ("Troops pushed towards Kurakhove overnight.", "Kurakhove", "towards", "destination"),
        ("Aid reached Kherson via Mykolaiv.", "Mykolaiv", "via", "via"),
        ("Two people died in the Kharkiv region.", "Kharkiv region", "in", "location"),
        ("Fighting raged near Chasiv Yar.", "Chasiv Yar", "near", "location"),
    ],
)
def test_preposition_and_role(text: str, name: str, word: str, want: str) -> None:
    m = mention(text, name)
    assert preposition(text, m) == word
    assert role(text, m) == want


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Kharkiv was shelled again.", "Kharkiv"),  # nothing before it
        ("Russian forces shelled Nikopol on Tuesday.", "Nikopol"),  # a verb, not a preposition
        ("They captured the village of Sukha Balka.", "Sukha Balka"),  # "of" has no role
    ],
)
def test_no_preposition_no_role(text: str, name: str) -> None:
    m = mention(text, name)
    assert preposition(text, m) is None
    assert role(text, m) is None


@pytest.mark.model
def test_a_barrage_across_the_country_is_located_in_the_country(extractor) -> None:
    result = extractor.extract("Russia launched 90 drones across Ukraine overnight.")
    strikes = [e for e in result.events if e.kind == "strike"]
    assert len(strikes) == 1
    locs = [(loc.name, loc.country, loc.precision) for loc in strikes[0].locations]
    assert locs == [("Ukraine", "UA", "country")]


@pytest.mark.model
def test_across_the_country_alone_makes_no_strike(extractor) -> None:
    result = extractor.extract("Power cuts were reported across Ukraine after the attack.")
    assert [e for e in result.events if e.kind == "strike"] == []


@pytest.mark.model
def test_a_strike_placed_only_in_a_country_is_located_in_the_country(extractor) -> None:
    result = extractor.extract("Russia fired 500 drones at Ukraine overnight.")
    strikes = [e for e in result.events if e.kind == "strike"]
    assert [(loc.name, loc.precision) for e in strikes for loc in e.locations] == [
        ("Ukraine", "country")
    ]


@pytest.mark.parametrize(
    ("text", "name", "want"),
    [
        ("Militants ambushed a convoy in western Niger.", "Niger", True),
        ("Drones were launched across Ukraine.", "Ukraine", True),
        ("A base in northeastern Syria was hit.", "Syria", True),
        ("Niger's army said ten soldiers died.", "Niger", False),
        ("Talks with western Iraq's tribes resumed.", "Iraq", False),
    ],
)
def test_a_country_named_as_where_it_happened(text: str, name: str, want: bool) -> None:
    from warledger.nlp.places.roles import nationwide

    start = text.index(name)
    m = PlaceMention(start, start + len(name), name, Location(name=name, precision="country"))
    assert nationwide(text, m) is want
