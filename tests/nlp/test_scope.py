"""Country and theatre of each event (hand-built events; expected values by reading)."""

from __future__ import annotations

from warledger.nlp.scope import Scope, assign
from warledger.types import Actor, Event, Location, Span

SCOPE = Scope(
    name="russia-ukraine",
    countries=frozenset({"UA", "RU"}),
    parties=frozenset({"UA", "RU"}),
    located_kinds=frozenset({"strike", "ground_combat", "territorial_change", "casualty_report"}),
)


def at(kind: str, country: str | None, **fields) -> Event:
    locations = [Location(name="somewhere", country=country)] if country else []
    return Event(kind=kind, locations=locations, **fields)


def test_a_place_in_the_theatre_decides():
    event = at("strike", "UA")
    assign([event], SCOPE)
    assert (event.country, event.theatre) == ("UA", "russia-ukraine")


def test_another_countrys_attack_without_a_party_is_another_conflict():
    event = at("strike", "PK", actor=Actor(name="gunmen"))
    assign([event], SCOPE)
    assert (event.country, event.theatre) == ("PK", None)


def test_a_partys_drone_abroad_belongs_unless_the_sentence_reads_as_another_war():
    spill = at("strike", "PL", actor=Actor(side="RU"))
    syria = at("strike", "SY", actor=Actor(side="RU"))
    assign([spill, syria], SCOPE, other=[0.1, 0.9])
    assert spill.theatre == "russia-ukraine"
    assert syria.theatre is None


def test_a_partys_attack_far_from_the_war_is_another_conflict_unless_both_parties_fight():
    scope = Scope(
        name=SCOPE.name,
        countries=SCOPE.countries,
        parties=SCOPE.parties,
        located_kinds=SCOPE.located_kinds,
        spillover=frozenset({"PL", "MD"}),
    )
    moldova = at("strike", "MD", actor=Actor(side="RU"))
    idlib = at("strike", "SY", actor=Actor(side="RU"))  # no reading of the sentence
    sudan = at("ground_combat", "SD", actor=Actor(side="UA"), target=Actor(side="RU"))
    assign([moldova, idlib, sudan], scope)
    theatres = [e.theatre for e in (moldova, idlib, sudan)]
    assert theatres == ["russia-ukraine", None, "russia-ukraine"]


def test_the_theatre_data_names_the_countries_the_war_spills_into(extractor):
    result = extractor.extract(
        "Russian warplanes bombed rebel positions in Idlib province on Monday. A Russian drone "
        "crashed in a field in eastern Poland on Tuesday.",
        published="2025-09-10",
    )
    placed = [(e.country, e.theatre) for e in result.events]
    assert placed == [("SY", None), ("PL", "russia-ukraine")]


def test_diplomacy_anywhere_belongs_when_a_party_is_a_side():
    talks = at("talks", "SA", participants=[Actor(side="US"), Actor(side="RU")])
    sanction = Event(kind="sanction", actor=Actor(side="EU"), target=Actor(side="RU"))
    other = at("talks", "KE", participants=[Actor(side="KE"), Actor(side="SO")])
    assign([talks, sanction, other], SCOPE)
    assert [talks.theatre, sanction.theatre, other.theatre] == ["russia-ukraine"] * 2 + [None]
    assert (talks.country, sanction.country) == ("SA", None)


def test_an_event_with_no_place_and_no_side_follows_its_document():
    in_war = [at("strike", "UA"), Event(kind="aid")]
    assign(in_war, SCOPE)
    assert in_war[1].theatre == "russia-ukraine"
    elsewhere = [at("strike", "SO"), at("ground_combat", "SO"), Event(kind="aid")]
    assign(elsewhere, SCOPE)
    assert elsewhere[2].theatre is None


def test_an_unknown_place_in_a_sentence_naming_another_country_is_another_conflict():
    # "Sudan's army recaptured the town of Wad Madani": the town is unknown, Sudan is named
    town = Event(kind="territorial_change", locations=[Location(name="Wad Madani")])
    assign([town], SCOPE, named=[frozenset({"SD"})])
    assert (town.country, town.theatre) == ("SD", None)


def test_a_sentence_naming_two_foreign_countries_gives_no_country():
    # "a base hosting U.S. troops in western Iraq": out of the theatre, country not guessed
    base = Event(kind="strike")
    assign([base], SCOPE, named=[frozenset({"US", "IQ"})])
    assert (base.country, base.theatre) == (None, None)


def test_a_sentence_naming_a_theatre_country_is_left_to_the_document():
    strike = Event(kind="strike")
    assign([strike], SCOPE, named=[frozenset({"UA", "PL"})])
    assert strike.theatre == "russia-ukraine"


def test_foreign_sides_alone_decide_only_where_nothing_is_in_the_theatre():
    # "Azerbaijani forces shelled X": no place known, the only sides foreign
    alone = Event(kind="strike")
    assign([alone], SCOPE, foreign_sides=[True])
    assert alone.theatre is None
    kyiv, other = at("strike", "UA"), Event(kind="strike")
    assign([kyiv, other], SCOPE, foreign_sides=[False, True])
    assert other.theatre == "russia-ukraine"


def test_a_party_named_in_the_sentence_counts_as_naming_its_country(extractor):
    """'talks in Jeddah with Ukrainian officials' names Saudi Arabia as a place and
    Ukraine as a party: it is not a sentence only about elsewhere."""
    from datetime import date

    from warledger.nlp.scope import named_countries

    text = "Envoys will hold the Jeddah talks with Ukrainian officials on Tuesday."
    ctx = extractor.context(extractor.nlp(text), date(2025, 3, 10))
    talks = Event(kind="talks", evidence=[Span(0, len(text), text)])
    [named] = named_countries([talks], ctx, [(0, len(text))])
    assert named == {"SA", "UA"}
    assign([talks], SCOPE, named=[named])
    assert talks.theatre == "russia-ukraine"


def test_an_armed_group_of_another_war_takes_its_attack_out_of_the_theatre():
    """Groups at war elsewhere are in the actor registry with the country they fight in:
    an unplaced missile attack they make is another conflict's, not this war's."""
    from datetime import date

    from warledger.nlp.extract import extract_text

    houthi = "Houthi rebels fired a ballistic missile at a commercial ship in the Red Sea."
    [attack] = extract_text(houthi, published=date(2025, 5, 14)).events
    assert attack.kind == "strike" and attack.theatre is None
