"""Reading the document, not only the sentence, and counting victims named one by one.

Sentences are written for these tests; the expected values come from reading them.
Reader-level tests give the places by hand; the layout tests (headings, datelines) run
the whole extractor, because headings and datelines are a document's, not a reader's.
"""

from __future__ import annotations

import pytest

from warledger.nlp.kinetic import extract_kinetic
from warledger.types import Location

pytestmark = pytest.mark.model


def _town(name: str, oblast: str) -> Location:
    return Location(name, oblast, "UA", 47.0, 33.0, "settlement")


def _values(counts):
    return {k: c.value for k, c in counts.items()}


MARHANETS = {"Marhanets": _town("Marhanets", "Dnipropetrovsk Oblast")}


def test_a_victim_described_by_age_and_another_in_the_next_sentence_count_one_each(make_ctx):
    text = (
        "Russian artillery shelled Marhanets on Tuesday, killing a 58-year-old man. "
        "Another resident was wounded."
    )
    (event,) = extract_kinetic(make_ctx(text, places=MARHANETS, published="2025-05-08"))
    assert _values(event.counts) == {"killed": 1, "injured": 1}
    assert len(event.evidence) == 2  # the second sentence joins the strike


def test_a_grandmother_and_her_grandson_are_two(make_ctx):
    text = "A guided bomb struck Marhanets, killing a grandmother and her grandson."
    (event,) = extract_kinetic(make_ctx(text, places=MARHANETS))
    assert _values(event.counts) == {"killed": 2}


def test_a_named_officer_killed_counts_one(make_ctx):
    text = "Colonel Ivan Petrenko was killed by a drone strike near Marhanets."
    (event,) = extract_kinetic(make_ctx(text, places=MARHANETS))
    assert _values(event.counts) == {"killed": 1}


def test_people_without_a_number_give_no_count(make_ctx):
    text = "Russian drones struck Marhanets, killing civilians."
    (event,) = extract_kinetic(make_ctx(text, places=MARHANETS))
    assert "killed" not in event.counts


def test_damaged_houses_are_not_a_death_toll(make_ctx):
    text = "Russian drones hit Marhanets overnight, damaging a dozen houses and injuring two."
    (event,) = extract_kinetic(make_ctx(text, places=MARHANETS, published="2025-05-08"))
    assert _values(event.counts) == {"injured": 2}


def test_the_verb_before_a_number_says_what_it_counts(make_ctx):
    text = "A missile struck Marhanets, killing four residents and wounding at least nine others."
    (event,) = extract_kinetic(make_ctx(text, places=MARHANETS))
    assert _values(event.counts) == {"killed": 4, "injured": 9}
    assert event.counts["injured"].qualifier == "at_least"


def test_a_shot_down_aircraft_counts_one(make_ctx):
    text = "Ukrainian air defences shot down a Russian Su-25 jet near Marhanets."
    (event,) = extract_kinetic(make_ctx(text, places=MARHANETS))
    assert _values(event.counts) == {"intercepted": 1}


def test_a_mixed_barrage_is_counted_per_weapon_with_a_later_drone_tally(make_ctx):
    text = (
        "Overnight Russia fired 85 drones and 4 missiles at Ukraine, the air force said. "
        "It said 70 drones were shot down."
    )
    (event,) = extract_kinetic(make_ctx(text, published="2025-05-08"))
    assert event.counts == {}  # no total stated: 89 and 70 would be sums or half-truths
    by_weapon = {w: _values(c) for w, c in event.counts_by_weapon.items()}
    assert by_weapon == {"drone": {"launched": 85, "intercepted": 70}, "missile": {"launched": 4}}


def test_a_casualty_sentence_after_a_shelling_attaches_to_it(make_ctx):
    text = (
        "On 4 March, Russian forces shelled Marhanets, Dnipropetrovsk Oblast. "
        "1 civilian was killed."
    )
    places = {
        **MARHANETS,
        "Dnipropetrovsk Oblast": Location(
            "Dnipropetrovsk Oblast", "Dnipropetrovsk Oblast", "UA", 48.5, 35.0, "admin1"
        ),
    }
    (event,) = extract_kinetic(make_ctx(text, places=places, published="2025-03-06"))
    assert _values(event.counts) == {"killed": 1}
    assert event.date.start == "2025-03-04"


def test_a_date_carries_over_to_the_next_sentence_of_its_paragraph(make_ctx):
    text = (
        "On 4 March, Russian forces shelled Marhanets. Drones also struck Pokrov.\n"
        "Russian drones struck Nikopol."
    )
    places = {
        **MARHANETS,
        "Pokrov": _town("Pokrov", "Dnipropetrovsk Oblast"),
        "Nikopol": _town("Nikopol", "Dnipropetrovsk Oblast"),
    }
    events = extract_kinetic(make_ctx(text, places=places, published="2025-03-06"))
    dates = {e.locations[0].name: e.date.start for e in events}
    assert dates == {"Marhanets": "2025-03-04", "Pokrov": "2025-03-04", "Nikopol": None}


def test_history_told_as_background_is_no_event(make_ctx):
    text = "In 2015, separatist forces shelled Marhanets for a week."
    assert extract_kinetic(make_ctx(text, places=MARHANETS, published="2025-05-08")) == []
    recent = "On Monday, separatist forces shelled Marhanets."
    assert len(extract_kinetic(make_ctx(recent, places=MARHANETS, published="2025-05-08"))) == 1


def test_a_record_since_an_old_year_still_dates_nothing(make_ctx):
    text = "Russia fired 300 drones at Ukraine overnight, the most since 2022."
    (event,) = extract_kinetic(make_ctx(text, published="2025-05-08"))
    assert event.date.start == "2025-05-08"


def test_a_headline_creates_no_event_and_a_dateline_lends_no_place(extractor):
    text = (
        "Missiles pound Kharkiv\n"
        "LVIV, Ukraine (AP) — Russian missiles struck Kharkiv overnight, killing three people."
    )
    result = extractor.extract(text, "2025-05-08")
    strikes = [e for e in result.events if e.kind == "strike"]
    assert len(strikes) == 1
    assert [loc.name for loc in strikes[0].locations] == ["Kharkiv"]
    assert _values(strikes[0].counts) == {"killed": 3}


@pytest.mark.parametrize(
    "dateline",
    [
        "MOSCOW, Oct 23 — ",
        "MOSCOW, Oct. 23 (Reuters) - ",
        "MOSCOW, October 23. ",
        "MOSCOW/KYIV, Oct 23 — ",
    ],
)
def test_a_dated_dateline_lends_no_place_and_no_side(extractor, dateline):
    text = (
        f"{dateline}Ukrainian drones struck an oil refinery in Syzran in Russia's Samara "
        "region overnight, starting a fire, the regional governor said."
    )
    (strike,) = [e for e in extractor.extract(text, "2025-10-23").events if e.kind == "strike"]
    assert [loc.name for loc in strike.locations] == ["Syzran"]
    assert (strike.actor.side, strike.target.side) == ("UA", "RU")


def test_drones_downed_over_many_regions_after_a_strike_are_a_report_of_their_own(extractor):
    text = (
        "Ukrainian drones struck an oil refinery in Syzran overnight, the governor said. "
        "Russia's defence ministry said air defences had destroyed 139 Ukrainian drones "
        "over 12 regions."
    )
    strikes = [e for e in extractor.extract(text, "2025-10-23").events if e.kind == "strike"]
    refinery = [e for e in strikes if [loc.name for loc in e.locations] == ["Syzran"]]
    assert len(refinery) == 1 and "intercepted" not in refinery[0].counts
    assert [_values(e.counts) for e in strikes if e is not refinery[0]] == [{"intercepted": 139}]


def test_a_bracketed_section_heading_creates_no_event(extractor):
    text = (
        "[Zaporizhzhia strikes]\n"
        "A Russian glide bomb hit an apartment block in Zaporizhzhia on Wednesday afternoon, "
        "injuring five people, the regional governor said in a statement on Telegram."
    )
    result = extractor.extract(text, "2025-05-08")
    assert [e.kind for e in result.events] == ["strike"]


def test_missiles_counted_as_they_strike_are_at_least_that_many_launched(make_ctx):
    text = "Three Russian ballistic missiles struck Marhanets on Sunday."
    (event,) = extract_kinetic(make_ctx(text, places=MARHANETS, published="2025-05-08"))
    assert (event.counts["launched"].value, event.counts["launched"].qualifier) == (3, "at_least")


def test_a_port_hit_in_another_city_is_its_own_strike(make_ctx):
    text = (
        "Russian missiles struck Kharkiv overnight, killing four people. "
        "Odesa's port was also hit."
    )
    places = {
        "Kharkiv": _town("Kharkiv", "Kharkiv Oblast"),
        "Odesa": _town("Odesa", "Odesa Oblast"),
    }
    events = extract_kinetic(make_ctx(text, places=places, published="2025-05-08"))
    assert [[loc.name for loc in e.locations] for e in events] == [["Kharkiv"], ["Odesa"]]
    assert _values(events[0].counts) == {"killed": 4}
    assert events[1].counts == {}


def test_a_death_toll_far_from_its_number_still_counts_the_dead(make_ctx):
    text = (
        "The death toll from Tuesday's Russian missile strike on a crowded shopping street in "
        "the centre of Marhanets has risen to 23, officials said."
    )
    (event,) = extract_kinetic(make_ctx(text, places=MARHANETS, published="2025-05-08"))
    assert _values(event.counts) == {"killed": 23}
