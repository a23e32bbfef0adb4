from warledger.eval.placenames import place_key, same_place


def test_administrative_words_are_ignored():
    assert same_place("Donetsk", "Donetsk Oblast")
    assert same_place("Sumy region", "Sumy")
    assert same_place("Kherson Province", "kherson oblast")


def test_common_transliterations_are_the_same_place():
    assert same_place("Kharkov", "Kharkiv")
    assert same_place("Odessa", "Odesa Oblast")
    assert same_place("Zaporozhye", "Zaporizhzhia")
    assert same_place("Kiev", "Kyiv")
    assert same_place("Donbass", "Donbas")


def test_different_places_stay_different():
    assert not same_place("Donetsk", "Luhansk")
    assert not same_place("Kharkiv", None)
    assert place_key("") is None
