"""Short conflict-monitoring notes, written for this test in the style of such notes.

Each note reports one incident; what a reader takes from it is the expected value: the
place (a label line of places counts, "the shelling of X" names a place), the date (also
from a label line or the sentence before, and in the day-first "12.05.2025" form), the
attacking side (a participle's doer is its clause's subject), the weapon, and the toll
told in the sentence after the attack, whichever reader found it.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _strike(extractor, text: str):
    result = extractor.extract(text, published="2025-06-10")
    strikes = [e for e in result.events if e.kind == "strike"]
    assert len(strikes) == 1, [e.to_dict() for e in result.events]
    return strikes[0]


def _toll(event) -> dict[str, int]:
    return {k: c.value for k, c in event.counts.items() if k in {"killed", "injured"}}


def test_a_label_line_gives_the_place_and_date_of_the_incident_under_it(extractor):
    event = _strike(
        extractor,
        "Incident report, 3 June 2025: Kherson oblast, Bilozerka hromada. Shelling of a "
        "residential area by Russian forces. 1 civilian killed.",
    )
    assert [(loc.name, loc.admin1) for loc in event.locations] == [("Bilozerka", "Kherson Oblast")]
    assert event.date.start == "2025-06-03"
    assert (event.actor.side, _toll(event)) == ("RU", {"killed": 1})


def test_a_line_that_says_something_does_not_situate_the_next_strike(extractor):
    event = _strike(
        extractor,
        "Officials in Kherson oblast held a briefing on Monday. Shelling by Russian forces "
        "killed a man.",
    )
    assert event.locations == []


def test_the_toll_after_a_strike_the_rules_did_not_read_joins_it(extractor):
    event = _strike(
        extractor,
        "On 18 May, a Russian drone dropped explosives on a bus in Marhanets, Dnipropetrovsk "
        "oblast. Nine passengers were injured and the driver was killed.",
    )
    assert [loc.name for loc in event.locations] == ["Marhanets"]
    assert _toll(event) == {"injured": 9, "killed": 1}


def test_the_doer_of_a_participle_is_the_subject_of_its_clause(extractor):
    event = _strike(
        extractor,
        "On 16 May, Russian aviation dropped a guided bomb on Huliaipole, Zaporizhzhia oblast, "
        "killing a local resident.",
    )
    assert (event.actor.side, event.target.side, _toll(event)) == ("RU", "UA", {"killed": 1})


def test_mlrs_fire_is_artillery(extractor):
    event = _strike(extractor, "On 17 May, Russian forces fired MLRS at Stanislav, Kherson oblast.")
    assert (event.weapon, [loc.name for loc in event.locations]) == ("artillery", ["Stanislav"])


def test_the_shelling_of_a_city_names_the_city(extractor):
    event = _strike(extractor, "Russian shelling of Kherson on Friday killed an 80-year-old woman.")
    assert [loc.name for loc in event.locations] == ["Kherson"]
    assert _toll(event) == {"killed": 1}


@pytest.mark.parametrize(
    "text",
    [
        "On 12.05.2025, Russian forces shelled Nikopol, Dnipropetrovsk oblast. A man was killed.",
        "Officials in Nikopol reported on 12 May that the town had no power. Russian forces "
        "shelled Nikopol, Dnipropetrovsk oblast. A man was killed.",
    ],
)
def test_the_day_of_a_note_is_read_in_its_own_form_or_from_the_sentence_before(extractor, text):
    event = _strike(extractor, text)
    assert (event.date.start, event.date.precision) == ("2025-05-12", "day")
    assert _toll(event) == {"killed": 1}


def test_a_verbless_incident_line_is_read_by_the_rules(make_ctx):
    # "Shelling of <what> by <side> forces." tells one act as a finite verb would; a
    # residential area is what was hit, not a place description
    from warledger.nlp.kinetic import extract_kinetic

    (event,) = extract_kinetic(make_ctx("Shelling of a residential area by Russian forces."))
    assert (event.kind, event.target_kind) == ("strike", ["residential"])
    assert extract_kinetic(make_ctx("The shelling of residential areas must stop, he said.")) == []


def _strikes(extractor, text: str):
    return [e for e in extractor.extract(text, published="2025-06-10").events if e.kind == "strike"]


@pytest.mark.parametrize(
    "opening",
    [
        "The same day,",
        "On the same date,",
        "The same night,",
        "Later that evening,",
        "In the afternoon,",
        "That night,",
    ],
)
def test_an_entry_that_opens_on_the_same_day_keeps_the_day_before(extractor, opening):
    text = (
        "On 4 June 2025, Russian forces shelled Bilozerka, Kherson oblast. A 58-year-old "
        f"man was injured.\n{opening} a drone hit a car in Antonivka, Kherson oblast."
    )
    first, second = _strikes(extractor, text)
    assert (first.date.start, second.date.start) == ("2025-06-04", "2025-06-04")


def test_a_new_entry_without_a_day_of_its_own_takes_the_day_told_before_it(extractor):
    # read in order, the next incident is of the day just told, as the annotators date
    # it (nlp.dating); a note that says no day at all leaves it unknown
    text = (
        "On 4 June 2025, Russian forces shelled Bilozerka, Kherson oblast. A 58-year-old "
        "man was injured.\nA drone hit a car in Antonivka, Kherson oblast."
    )
    first, second = _strikes(extractor, text)
    assert (first.date.start, second.date.start) == ("2025-06-04", "2025-06-04")


def test_houses_destroyed_after_a_strike_are_no_weapons_shot_down(extractor):
    text = (
        "On 4 June 2025, Russian forces struck Komyshuvakha, Zaporizhzhia oblast, with "
        "guided aerial bombs. Two private houses and a shop were destroyed."
    )
    (strike,) = _strikes(extractor, text)
    assert "intercepted" not in strike.counts


@pytest.mark.parametrize("vehicle", ["minibus", "trolleybus", "tram"])
def test_a_minibus_trolleybus_or_tram_hit_is_a_transport_target(extractor, vehicle):
    text = f"On 4 June 2025, a Russian drone hit a {vehicle} in Kherson, injuring three passengers."
    (strike,) = _strikes(extractor, text)
    assert strike.target_kind == ["transport"]


def test_a_town_after_in_neighbouring_is_the_place_of_the_attack(extractor):
    text = "In neighbouring Marhanets, a Russian drone hit a bus stop, injuring two women."
    (strike,) = _strikes(extractor, text)
    assert [(p.name, p.admin1) for p in strike.locations] == [
        ("Marhanets", "Dnipropetrovsk Oblast")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The city's administration said air defences had recorded no missile or drone hits "
        "on the city overnight.",
        "There was no indication of a drone strike on the depot, the regional governor said.",
    ],
)
def test_attacks_said_not_to_have_happened_are_no_strikes(extractor, text):
    assert _strikes(extractor, text) == []


def test_one_of_the_missiles_hitting_a_building_is_the_attack_just_told(extractor):
    text = (
        "On 4 June 2025, Russian forces launched two ballistic missiles at Balakliia, Kharkiv "
        "oblast. One missile hit a five-storey residential building. Three people were killed "
        "and 13 were injured."
    )
    (strike,) = _strikes(extractor, text)
    assert [loc.name for loc in strike.locations] == ["Balakliia"]
    assert _toll(strike) == {"killed": 3, "injured": 13}
    assert "residential" in strike.target_kind


def test_a_shell_landing_after_a_shelling_is_where_it_fell(extractor):
    text = (
        "On 4 June 2025, Russian troops shelled Bilozerka, Kherson oblast. A shell hit a "
        "public transport stop. Two people were killed and five were injured."
    )
    (strike,) = _strikes(extractor, text)
    assert [loc.name for loc in strike.locations] == ["Bilozerka"]
    assert _toll(strike) == {"killed": 2, "injured": 5}


def test_a_city_under_attack_for_a_year_is_told_as_a_pattern():
    from warledger.nlp import clauses

    assert clauses.is_habitual(
        "Pokrovsk, a logistics hub of 60,000 people before the war, has been under attack "
        "for more than a year."
    )
    assert not clauses.is_habitual("Pokrovsk came under attack on Monday morning.")


def test_a_strike_someone_did_not_comment_on_is_no_new_strike(extractor):
    text = (
        "Russia's defence ministry said its air defences downed 40 Ukrainian drones over the "
        "Moscow region overnight. It did not comment on the Ramenskoye strike."
    )
    assert [[loc.name for loc in e.locations] for e in _strikes(extractor, text)] == [
        ["Moscow Oblast"]
    ]


def test_rockets_landing_after_an_attack_then_its_toll_on_the_next_line(extractor):
    text = (
        "On 4 June 2025, Russian forces fired on Ochakiv, Mykolaiv oblast, with Grad multiple "
        "rocket launchers. Several rockets landed near the city's market.\n"
        "A mother and her 10-year-old daughter were wounded."
    )
    (strike,) = _strikes(extractor, text)
    assert [loc.name for loc in strike.locations] == ["Ochakiv"]
    assert _toll(strike) == {"injured": 2}


def test_a_separate_drone_after_an_attack_is_a_new_strike(extractor):
    text = (
        "On 4 June 2025, a Russian drone hit an energy facility in Shostka, Sumy oblast. "
        "On the same night a separate drone damaged a grain elevator near Kobeliaky, "
        "Poltava oblast."
    )
    strikes = _strikes(extractor, text)
    assert sorted(e.locations[0].name for e in strikes) == ["Kobeliaky", "Shostka"]
