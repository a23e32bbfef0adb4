"""The packaged gazetteer: loading, spellings, and resolving names with their context."""

from __future__ import annotations

import pytest

from warledger.nlp.places import Gazetteer, name_key


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def test_load_is_cached_per_process(gaz: Gazetteer) -> None:
    assert Gazetteer.load() is gaz


def test_every_ukrainian_settlement_is_packaged(gaz: Gazetteer) -> None:
    pcodes = {p.pcode for bucket in gaz._index.values() for p in bucket if p.kind == "settlement"}
    assert len(pcodes) == 29_708


@pytest.mark.parametrize(
    ("variant", "official"),
    [
        ("Kiev", "Kyiv"),
        ("Kharkov", "Kharkiv"),
        ("Odessa", "Odesa"),
        ("Zaporozhye", "Zaporizhzhia"),
        ("Zaporizhia", "Zaporizhzhia"),
        ("Nikolaev", "Mykolaiv"),
        ("Lugansk", "Luhansk"),
        ("Khmelnitskiy", "Khmelnytskyi"),
        ("Bilokam'iane", "Bilokamiane"),
    ],
)
def test_transliteration_variants_share_a_key(variant: str, official: str) -> None:
    assert name_key(variant) == name_key(official)


@pytest.mark.parametrize(
    ("variant", "city", "admin1"),
    [
        ("Kiev", "Kyiv", "Kyiv"),
        ("Kharkov", "Kharkiv", "Kharkiv Oblast"),
        ("Odessa", "Odesa", "Odesa Oblast"),
        ("Zaporozhye", "Zaporizhzhia", "Zaporizhzhia Oblast"),
        ("Dnipro", "Dnipro", "Dnipropetrovsk Oblast"),
        ("Nikolaev", "Mykolaiv", "Mykolaiv Oblast"),
        ("Lugansk", "Luhansk", "Luhansk Oblast"),
    ],
)
def test_old_spellings_of_big_cities_resolve_to_the_city(
    gaz: Gazetteer, variant: str, city: str, admin1: str
) -> None:
    loc = gaz.resolve(variant)
    # the name stays as written; the gazetteer's record is beside it
    assert (loc.name, loc.gazetteer_name, loc.admin1, loc.country, loc.precision) == (
        variant, city, admin1, "UA", "settlement")
    assert loc.lat is not None and loc.lon is not None


def test_bare_oblast_name_is_the_city_but_region_is_the_oblast(gaz: Gazetteer) -> None:
    city = gaz.resolve("Donetsk")
    assert city.precision == "settlement" and city.admin1 == "Donetsk Oblast"
    for phrase in ("Donetsk region", "Donetsk oblast", "Donetsk province"):
        oblast = gaz.resolve(phrase)
        assert (oblast.admin1, oblast.precision, oblast.country) == (
            "Donetsk Oblast",
            "admin1",
            "UA",
        )


def test_oblast_with_no_city_of_its_name_is_the_oblast(gaz: Gazetteer) -> None:
    assert gaz.resolve("Dnipropetrovsk").precision == "admin1"
    crimea = gaz.resolve("Crimea")
    assert (crimea.admin1, crimea.precision) == ("Autonomous Republic of Crimea", "admin1")


def test_context_oblast_alone_does_not_pick_among_namesake_villages(gaz: Gazetteer) -> None:
    # Four Petropavlivkas are in Kharkiv Oblast, none of them a town: the oblast is
    # known, the point is not (never guess).
    loc = gaz.resolve("Petropavlivka", context_admin1="Kharkiv region")
    assert (loc.admin1, loc.pcode, loc.lat, loc.lon) == ("Kharkiv Oblast", None, None, None)


def test_raion_picks_the_namesake(gaz: Gazetteer) -> None:
    # One of the four is in Kupianskyi raion.
    loc = gaz.resolve(
        "Petropavlivka", context_admin1="Kharkiv Oblast", context_admin2="Kupianskyi"
    )
    assert (loc.admin1, loc.pcode) == ("Kharkiv Oblast", "UA6308013001")


def test_a_nearby_place_picks_the_namesake(gaz: Gazetteer) -> None:
    # Kupiansk (49.71 N, 37.61 E) lies 8 km from UA6308013001; the other Petropavlivkas
    # are 60 km or more away.
    kupiansk = gaz.resolve("Kupiansk")
    loc = gaz.resolve("Petropavlivka", near=[(kupiansk.lat, kupiansk.lon)])
    assert (loc.admin1, loc.pcode) == ("Kharkiv Oblast", "UA6308013001")


def test_area_named_after_a_town_inside_an_oblast(gaz: Gazetteer) -> None:
    loc = gaz.resolve("Vasylivka region", context_admin1="Zaporizhia oblast")
    assert (loc.name, loc.admin1, loc.pcode) == ("Vasylivka", "Zaporizhzhia Oblast", "UA2304003001")


def test_community_resolves_to_its_centre(gaz: Gazetteer) -> None:
    loc = gaz.resolve("Esman community", context_admin1="Sumy")
    assert (loc.name, loc.admin1, loc.pcode) == ("Esman", "Sumy Oblast", "UA5910007001")


def test_ambiguous_name_without_context_stays_unresolved(gaz: Gazetteer) -> None:
    # 120 villages are called Ivanivka, several of them hromada centres.
    loc = gaz.resolve("Ivanivka")
    assert loc.name == "Ivanivka"
    assert (loc.lat, loc.lon, loc.admin1, loc.pcode) == (None, None, None, None)


def test_document_context_breaks_the_tie(gaz: Gazetteer) -> None:
    loc = gaz.resolve("Sukha Balka", context_names=["Donetsk region", "Pokrovsk"])
    assert (loc.admin1, loc.pcode) == ("Donetsk Oblast", "UA1402011018")


def test_unknown_name_keeps_its_name_with_null_coordinates(gaz: Gazetteer) -> None:
    loc = gaz.resolve("Zzyzxville")
    assert (loc.name, loc.lat, loc.lon, loc.admin1, loc.pcode) == (
        "Zzyzxville",
        None,
        None,
        None,
        None,
    )


def test_unknown_russian_village_takes_its_region_from_context(gaz: Gazetteer) -> None:
    loc = gaz.resolve("Gornal", context_admin1="Kursk region")
    assert (loc.name, loc.admin1, loc.country, loc.lat, loc.precision) == (
        "Gornal",
        "Kursk Oblast",
        "RU",
        None,
        "settlement",
    )


@pytest.mark.parametrize("region", ["Kursk", "Belgorod", "Bryansk", "Rostov", "Voronezh"])
def test_russian_border_regions(gaz: Gazetteer, region: str) -> None:
    loc = gaz.resolve(f"{region} region")
    assert (loc.admin1, loc.country, loc.precision) == (f"{region} Oblast", "RU", "admin1")
    assert loc.lat is not None


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("London", "GB"),
        ("Jeddah", "SA"),
        ("Riyadh", "SA"),
        ("Istanbul", "TR"),
        ("Washington", "US"),
        ("Brussels", "BE"),
        ("Paris", "FR"),
        ("Berlin", "DE"),
        ("Budapest", "HU"),
        ("Geneva", "CH"),
        ("Minsk", "BY"),
        ("Moscow", "RU"),
    ],
)
def test_world_cities(gaz: Gazetteer, name: str, country: str) -> None:
    loc = gaz.resolve(name)
    assert (loc.name, loc.country, loc.precision) == (name, country, "settlement")
    assert loc.lat is not None


def test_city_in_a_named_province(gaz: Gazetteer) -> None:
    loc = gaz.resolve("Charlevoix", context_admin1="Quebec")
    assert (loc.admin1, loc.country) == ("Quebec", "CA")


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Saudi Arabia", "SA"),
        ("United States", "US"),
        ("the U.S.", "US"),
        ("Russia", "RU"),
        ("Ukraine", "UA"),
        ("Britain", "GB"),
        ("Canada", "CA"),
    ],
)
def test_countries(gaz: Gazetteer, name: str, country: str) -> None:
    loc = gaz.resolve(name)
    assert (loc.country, loc.precision, loc.lat) == (country, "country", None)


@pytest.mark.parametrize(
    ("phrase", "country"),
    [("southern Russia", "RU"), ("eastern Ukraine", "UA"), ("the front line", "UA")],
)
def test_vague_regions(gaz: Gazetteer, phrase: str, country: str) -> None:
    loc = gaz.resolve(phrase)
    assert (loc.country, loc.precision, loc.lat, loc.admin1) == (country, "region", None, None)


def test_candidates_lists_every_namesake(gaz: Gazetteer) -> None:
    found = gaz.candidates("Petropavlivka")
    assert len([p for p in found if p.kind == "settlement"]) == 22
    assert sum(p.admin1 == "Kharkiv Oblast" for p in found) == 4


def test_packaged_keys_match_the_current_normaliser() -> None:
    """Keys are precomputed at build time; a changed normaliser needs a rebuild."""
    from warledger.nlp.places.sources import rows as _rows

    stale = [
        (name, key) for _p, name, key, *_ in _rows("ua_settlements.csv.gz") if name_key(name) != key
    ]
    stale += [
        (name, keys)
        for _k, name, keys, *_ in _rows("world.csv.gz")
        if name_key(name) not in keys.split("|")
    ]
    assert stale == [], "run scripts/build_gazetteer.py"


def test_a_town_outranks_its_namesake_villages(gaz: Gazetteer) -> None:
    # 161 settlements are called Kostiantynivka; the news means the Donetsk town of ~67,000.
    loc = gaz.resolve("Kostiantynivka")
    assert (loc.admin1, loc.precision) == ("Donetsk Oblast", "settlement")


def test_old_and_russian_derived_town_names_resolve_to_the_town(gaz: Gazetteer) -> None:
    assert gaz.resolve("Konstantinovka").gazetteer_name == "Kostiantynivka"
    artemovsk = gaz.resolve("Artemovsk")
    assert (artemovsk.name, artemovsk.gazetteer_name, artemovsk.admin1) == (
        "Artemovsk",
        "Bakhmut",
        "Donetsk Oblast",
    )
    assert gaz.resolve("Krasnoarmeysk").gazetteer_name == "Pokrovsk"


def test_small_towns_of_russian_border_regions(gaz: Gazetteer) -> None:
    loc = gaz.resolve("Sudzha")
    assert (loc.admin1, loc.country) == ("Kursk Oblast", "RU")
    assert loc.lat is not None
