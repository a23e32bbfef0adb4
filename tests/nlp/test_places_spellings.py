"""English spellings derived from a settlement's Ukrainian name, and lookups by them.

Expected spellings are the ones English news is known to use (Kiev, Kharkov, Lugansk,
Nikolayev, Zaporozhye, Dnepropetrovsk, Ugledar); expected places were read from the
OCHA settlement list.
"""

from __future__ import annotations

import pytest

from warledger.nlp.places import Gazetteer
from warledger.nlp.places.spellings import russian_spellings, spellings


@pytest.mark.parametrize(
    ("ukrainian", "expected"),
    [
        ("Київ", {"Kyiv", "Kiev"}),
        ("Харків", {"Kharkiv", "Kharkov"}),
        ("Луганськ", {"Luhansk", "Lugansk"}),
        ("Миколаїв", {"Mykolaiv", "Mykolayiv", "Nikolayev", "Nikolaev"}),
        ("Запоріжжя", {"Zaporizhzhia", "Zaporizhzhya", "Zaporozhye"}),
        ("Дніпропетровськ", {"Dnipropetrovsk", "Dnepropetrovsk"}),
        ("Вугледар", {"Vuhledar", "Vugledar", "Ugledar"}),
        ("Іванівка", {"Ivanivka", "Ivanovka"}),
        ("Олександрівка", {"Oleksandrivka", "Aleksandrovka"}),
        ("Степове", {"Stepove", "Stepovoye"}),
        ("Велика Новосілка", {"Velyka Novosilka", "Velikaya Novoselka"}),
        ("Костянтинівка", {"Kostiantynivka", "Kostyantynivka"}),
        ("Гуляйполе", {"Huliaipole", "Gulyaypole"}),
    ],
)
def test_spellings_news_uses_are_derived(ukrainian: str, expected: set[str]) -> None:
    assert expected <= set(spellings(ukrainian))


def test_russian_names_in_the_russian_schemes() -> None:
    assert {"Tyotkino", "Tetkino"} <= set(russian_spellings("Тёткино"))


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize(
    ("written", "official", "admin1"),
    [
        ("Ugledar", "Vuhledar", "Donetsk Oblast"),
        ("Vugledar", "Vuhledar", "Donetsk Oblast"),
        ("Velikaya Novoselka", "Velyka Novosilka", "Donetsk Oblast"),
        ("Gulyaypole", "Huliaipole", "Zaporizhzhia Oblast"),
    ],
)
def test_a_town_found_by_a_derived_spelling_keeps_the_written_name(
    gaz: Gazetteer, written: str, official: str, admin1: str
) -> None:
    loc = gaz.resolve(written)
    assert (loc.name, loc.gazetteer_name, loc.admin1, loc.country) == (
        written, official, admin1, "UA")
    assert loc.lat is not None and loc.lon is not None


def test_a_village_spelled_the_russian_way_is_found_in_its_oblast(gaz: Gazetteer) -> None:
    # Ivanivka: over a hundred villages; in Kharkiv Oblast still a dozen (no point), and
    # "Ivanovka" finds the same ones.
    loc = gaz.resolve("Ivanovka", context_admin1="Kharkiv region")
    assert (loc.admin1, loc.country, loc.lat) == ("Kharkiv Oblast", "UA", None)
    ukrainian = [p for p in gaz.candidates("Ivanivka") if p.admin1 == "Kharkiv Oblast"]
    russian = [p for p in gaz.candidates("Ivanovka") if p.admin1 == "Kharkiv Oblast"]
    assert russian == ukrainian and len(ukrainian) > 1


@pytest.mark.parametrize("written", ["Klishchiivka", "Kleshcheyevka", "Kleshcheevka"])
def test_a_name_unique_in_the_gazetteer_needs_no_oblast(gaz: Gazetteer, written: str) -> None:
    # one Klishchiivka (Кліщіївка, UA1402001012, Bakhmut raion) in the whole list
    loc = gaz.resolve(written)
    assert (loc.pcode, loc.admin1, loc.name) == ("UA1402001012", "Donetsk Oblast", written)


def test_an_ambiguous_name_without_context_keeps_no_point(gaz: Gazetteer) -> None:
    loc = gaz.resolve("Sukha Balka")  # six villages, in four oblasts
    assert (loc.lat, loc.lon, loc.pcode) == (None, None, None)


@pytest.mark.parametrize(
    ("name", "region"),
    [("Guyevo", "Kursk Oblast"), ("Tyotkino", "Kursk Oblast"), ("Kozinka", "Belgorod Oblast")],
)
def test_villages_of_russias_border_regions(gaz: Gazetteer, name: str, region: str) -> None:
    loc = gaz.resolve(name, context_admin1=region)
    assert (loc.admin1, loc.country, loc.precision) == (region, "RU", "settlement")
    assert loc.lat is not None
