"""Finding places in parsed text: cues, context, and names the statistical model misses.

Each sentence is synthetic and shows one behaviour; expected places are read off the text.
"""

from __future__ import annotations

import pytest

from warledger.nlp.context import PlaceMention
from warledger.nlp.places import Gazetteer, find_places

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def places():
    from warledger.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    gaz = Gazetteer.load()

    def run(text: str) -> list[PlaceMention]:
        return find_places(nlp(text), gaz)

    return run


def by_text(found: list[PlaceMention]) -> dict[str, PlaceMention]:
    return {m.text: m for m in found}


def test_spans_are_character_offsets_into_the_text(places) -> None:
    text = "Two people were killed in Petropavlivka, Kharkiv region, officials said."
    for m in places(text):
        assert text[m.start : m.end] == m.text
    assert "Petropavlivka" in by_text(places(text))


def test_village_of_cue_finds_a_name_the_model_calls_a_person(places) -> None:
    found = by_text(
        places("Russian forces captured the village of Sukha Balka in the Donetsk region.")
    )
    loc = found["Sukha Balka"].location
    assert (loc.admin1, loc.pcode, loc.precision) == (
        "Donetsk Oblast",
        "UA1402011018",
        "settlement",
    )
    assert found["Donetsk region"].location.precision == "admin1"


def test_settlement_followed_by_its_oblast(places) -> None:
    # four villages of that name in Kharkiv Oblast: the oblast, but no point
    loc = by_text(places("Two people were killed in Petropavlivka, Kharkiv region."))[
        "Petropavlivka"
    ].location
    assert (loc.admin1, loc.pcode, loc.lat) == ("Kharkiv Oblast", None, None)


def test_settlement_followed_by_its_raion_and_oblast(places) -> None:
    text = "Two people were killed in Petropavlivka, Kupiansk district, Kharkiv region."
    loc = by_text(places(text))["Petropavlivka"].location
    assert (loc.admin1, loc.pcode) == ("Kharkiv Oblast", "UA6308013001")


def test_settlement_near_a_town(places) -> None:
    text = "Russian forces shelled Petropavlivka near Kupiansk, killing two people."
    loc = by_text(places(text))["Petropavlivka"].location
    assert (loc.admin1, loc.pcode) == ("Kharkiv Oblast", "UA6308013001")


def test_area_named_after_a_town_takes_the_oblast_later_in_the_sentence(places) -> None:
    found = by_text(
        places(
            "Shelling hit the Vasylivka region of southern Ukraine, which "
            "falls within the larger Zaporizhia oblast."
        )
    )
    assert found["Vasylivka region"].location.admin1 == "Zaporizhzhia Oblast"
    south = found["southern Ukraine"].location
    assert (south.precision, south.country, south.lat) == ("region", "UA", None)


def test_also_in_names_the_oblast(places) -> None:
    loc = by_text(places("A man was killed in Ivashky, also in Kharkiv."))["Ivashky"].location
    assert loc.admin1 == "Kharkiv Oblast"


def test_community_in_an_oblast(places) -> None:
    found = by_text(
        places("A shell wounded a farmer in the Esman community in Sumy, the governor said.")
    )
    loc = found["Esman community"].location
    assert (loc.name, loc.admin1) == ("Esman", "Sumy Oblast")


def test_unknown_russian_village_in_a_named_region(places) -> None:
    found = by_text(
        places("Russian forces advanced in the Kursk region, near the village of Gornal.")
    )
    assert found["Kursk region"].location.admin1 == "Kursk Oblast"
    gornal = found["Gornal"].location
    assert (gornal.admin1, gornal.country, gornal.lat, gornal.precision) == (
        "Kursk Oblast",
        "RU",
        None,
        "settlement",
    )


def test_oblast_alone_has_admin1_precision(places) -> None:
    loc = by_text(places("Russian troops are advancing into Ukraine's Sumy region."))[
        "Sumy region"
    ].location
    assert (loc.admin1, loc.precision) == ("Sumy Oblast", "admin1")


def test_vague_regions(places) -> None:
    found = by_text(
        places(
            "Missiles were launched from southern Russia toward the front line in eastern Ukraine."
        )
    )
    assert found["southern Russia"].location.country == "RU"
    assert found["front line"].location.country == "UA"
    assert all(m.location.precision == "region" for m in found.values())


def test_world_cities_and_countries(places) -> None:
    found = by_text(
        places(
            "Rubio held talks in Jeddah, Saudi Arabia, then flew to "
            "Washington; the U.S. and Canada sent envoys to London."
        )
    )
    assert found["Jeddah"].location.country == "SA"
    assert found["Saudi Arabia"].location.precision == "country"
    assert found["Washington"].location.country == "US"
    assert (found["U.S."].location.country, found["U.S."].location.precision) == ("US", "country")
    assert found["London"].location.country == "GB"


def test_city_in_a_foreign_province(places) -> None:
    loc = by_text(places("The G7 foreign ministers gathered in Charlevoix, Quebec, on Thursday."))[
        "Charlevoix"
    ].location
    assert (loc.admin1, loc.country) == ("Quebec", "CA")


def test_earlier_oblast_in_the_document_resolves_a_later_village(places) -> None:
    found = by_text(
        places(
            "Russian drones attacked the Kharkiv region overnight. Later, "
            "a woman was wounded in Petropavlivka."
        )
    )
    assert found["Petropavlivka"].location.admin1 == "Kharkiv Oblast"


def test_ambiguous_village_without_context_is_left_unresolved(places) -> None:
    loc = by_text(places("Fighting continued near Ivanivka."))["Ivanivka"].location
    assert (loc.name, loc.lat, loc.admin1) == ("Ivanivka", None, None)


def test_people_and_words_are_not_places(places) -> None:
    # Surnames and words that are also settlement names, with no place cue.
    assert places("Victor Peace said the Trump administration would respond.") == []


def test_listed_places_after_a_cue(places) -> None:
    found = by_text(places("Strikes hit Kupiansk, Izium and Balakliia overnight."))
    assert {"Kupiansk", "Izium", "Balakliia"} <= set(found)
    assert all(m.location.admin1 == "Kharkiv Oblast" for m in found.values())


def test_possessive_is_not_part_of_the_name(places) -> None:
    found = by_text(places("Russian troops are advancing into Ukraine’s Sumy region."))
    assert found["Ukraine"].location.precision == "country"
    assert "Sumy region" in found


def test_country_names_inside_longer_names_are_not_places(places) -> None:
    found = places("Ships patrol the Gulf of Guinea, and Latin America watches closely.")
    assert not [m for m in found if m.location.country in ("GN", "US")]


def test_oblast_in_the_same_sentence_outweighs_the_rest_of_the_document(places) -> None:
    text = (
        "Drones hit the Kharkiv region on Monday. The Kharkiv region was hit again on "
        "Tuesday. Russian forces captured the village of Sukha Balka in Ukraine's "
        "Donetsk region."
    )
    loc = by_text(places(text))["Sukha Balka"].location
    assert loc.admin1 == "Donetsk Oblast"


def test_common_word_after_a_preposition_is_not_a_village(places) -> None:
    # "Step" and "Side" are Ukrainian village names too; here they are ordinary words.
    assert places("Officials said it was moving at Step pace.") == []
    assert places("Troops moved to Side positions.") == []


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        # the model tags these villages as a person or an organisation; the oblast after
        # them, where villages of that name lie, says they are places
        ("Guided bombs fell on Zeleny Gay, Dnipropetrovsk Oblast, on Friday.", "Zeleny Gay",
         "Dnipropetrovsk Oblast"),
        ("Artillery struck Blagodatne (Zaporizhzhia oblast) twice overnight.", "Blagodatne",
         "Zaporizhzhia Oblast"),
    ],
)
def test_a_village_followed_by_its_oblast_is_a_place(places, text, name, admin1) -> None:
    loc = by_text(places(text))[name].location
    assert (loc.name, loc.admin1, loc.country) == (name, admin1, "UA")


def test_bombs_on_a_village_locate_it(places) -> None:
    found = by_text(places("Russian jets dropped bombs on Novoselovka before dawn."))
    assert "Novoselovka" in found


def test_a_city_district_takes_the_city(places) -> None:
    found = by_text(places("A drone hit a high-rise in Kyiv's Obolonskyi district at night."))
    loc = found["Obolonskyi district"].location
    assert (loc.name, loc.gazetteer_name, loc.admin1, loc.country) == (
        "Kyiv", "Kyiv", "Kyiv", "UA")
    assert loc.lat is not None


def test_a_town_district_named_like_a_village_stays_in_the_town(places) -> None:
    # "Novyi" is also a village in Luhansk Oblast; here it is a district of Chasiv Yar
    found = by_text(places("Troops fought for the Novyi district of Chasiv Yar all week."))
    loc = found["Novyi district"].location
    assert (loc.name, loc.admin1) == ("Chasiv Yar", "Donetsk Oblast")


def test_a_raion_of_an_oblast_named_by_its_capital_stays_a_raion(places) -> None:
    found = by_text(places("Shelling hit the Kupiansk district of Kharkiv on Monday."))
    loc = found["Kupiansk district"].location
    assert (loc.precision, loc.admin1, loc.admin2) == ("admin2", "Kharkiv Oblast", "Kupianskyi")
