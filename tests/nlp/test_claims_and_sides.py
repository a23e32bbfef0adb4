"""Who acted, who was hit, who says so and how sure: read from the clause's roles and the
document's voice (synthetic sentences; expected values by reading them)."""

from __future__ import annotations

import pytest

from warledger.nlp.extract import DocMeta
from warledger.nlp.positions import extract_positions


@pytest.fixture(scope="module")
def events(extractor):
    def _read(text: str, url: str | None = None):
        doc = extractor.nlp(text)
        return extractor.from_doc(doc, DocMeta(None, url, None, None, "2025-03-10")).events

    return _read


@pytest.fixture(scope="module")
def positions(extractor):
    def _read(text: str, url: str | None = None):
        ctx = extractor.context(extractor.nlp(text), None, url)
        return {(p.party.side, p.issue): p.stance for p in extract_positions(ctx)}

    return _read


def sides(event):
    return (
        event.actor.side if event.actor else None,
        event.target.side if event.target else None,
    )


def only(found, kind):
    matching = [e for e in found if e.kind == kind]
    assert len(matching) == 1, found
    return matching[0]


def test_the_side_whose_aircraft_is_shot_down_is_the_target(events):
    event = only(events("Ukrainian gunners shot down a Russian Su-34 bomber over Sumy."), "strike")
    assert sides(event) == ("UA", "RU")


def test_a_navy_downing_an_enemy_helicopter_is_the_actor(events):
    event = only(
        events("The Russian navy said it shot down a Ukrainian helicopter near Sevastopol."),
        "strike",
    )
    assert sides(event) == ("RU", "UA")


def test_downed_drones_still_belong_to_the_attacker(events):
    event = only(
        events("Russian air defences destroyed 14 Ukrainian drones over Bryansk."), "strike"
    )
    assert event.actor is not None and event.actor.side == "UA"


def test_drones_of_one_side_hitting_the_other_sides_city(events):
    event = only(
        events("Ukrainian drones struck an oil depot in the Russian city of Kursk."), "strike"
    )
    assert sides(event) == ("UA", "RU")


def test_a_captured_village_is_lost_by_the_other_party(events):
    event = only(
        events("Russia says its troops captured the village of Novoselivka in Donetsk Oblast."),
        "territorial_change",
    )
    assert sides(event) == ("RU", "UA")
    assert event.claimant is not None and event.claimant.side == "RU"
    assert event.status == "claimed"


def test_an_alleged_attack_is_unverified_but_an_accusation_is_a_claim(events):
    alleged = only(
        events("Nine people were killed in alleged Ukrainian shelling of Horlivka."), "strike"
    )
    assert alleged.status == "unverified"


def test_the_recipient_of_aid_is_its_target_and_the_sender_its_actor(events):
    event = only(events("Ukraine has received two Patriot batteries from Germany."), "aid")
    assert sides(event) == ("DE", "UA")


def test_a_partys_own_release_states_its_claims(events):
    text = "Vladimir Putin held talks with the President of Hungary in the Kremlin on Monday."
    release = only(events(text, url="http://en.kremlin.ru/events/president/news/1"), "talks")
    assert release.claimant is not None and release.claimant.side == "RU"
    assert release.status == "claimed"
    news = only(events(text, url="https://news.example.org/story"), "talks")
    assert news.status == "reported"


def test_imposing_sanctions_is_an_event_not_a_position(positions):
    assert positions("The European Union announced new sanctions on Russian banks.") == {}


def test_a_prisoner_swap_carried_out_is_not_a_stance(positions):
    assert positions("Kyiv and Moscow conducted a prisoner swap on Friday.") == {}
    assert positions("Zelensky proposed an all-for-all prisoner exchange.") == {
        ("UA", "prisoners"): "exchange"
    }


def test_premature_relief_is_not_a_stance_to_ease_sanctions(positions):
    found = positions("The minister said now is not the time for premature sanctions relief.")
    assert ("sanctions", "ease") not in {(issue, stance) for (_, issue), stance in found.items()}


def test_binding_guarantees_and_stopping_nato_expansion(positions):
    found = positions(
        "Putin insisted on long-term, legally binding security guarantees for Russia "
        "that would rule out any further NATO expansion."
    )
    assert found[("RU", "security_guarantees")] == "binding_required"
    assert found[("RU", "nato_membership")] == "veto"


def test_the_side_asked_to_comply_does_not_hold_the_demand(positions):
    text = "Kiev still refuses to fulfil its obligations under the Minsk agreements."
    assert positions(text) == {}
    release = positions(text, url="http://en.kremlin.ru/events/president/news/2")
    assert release == {("RU", "other"): "implement_minsk_agreements"}


def test_a_party_saying_it_received_aid_claims_it_but_its_own_pledge_is_reported(events):
    received = only(
        events("Zelensky said Ukraine has received three air defence systems from Norway."), "aid"
    )
    assert sides(received) == ("NO", "UA")
    assert received.status == "claimed"
    pledged = only(
        events("Zelensky says Ukraine will pledge support to the new government of Moldova."),
        "aid",
    )
    assert pledged.status == "reported"


def test_what_was_captured_is_not_who_captured_it(events):
    event = only(
        events(
            "The Ukrainian army says it has captured 200 Russian soldiers and 30 villages "
            "in Kursk Oblast."
        ),
        "territorial_change",
    )
    assert sides(event) == ("UA", "RU")


def test_the_subject_of_an_attempted_offensive_is_the_actor_and_its_accuser_claims_it(events):
    event = only(
        events(
            "The Russian defence ministry claims that Ukrainian units attempted to launch an "
            "offensive on Kursk Oblast with six assaults."
        ),
        "ground_combat",
    )
    assert sides(event) == ("UA", "RU")
    assert event.claimant is not None and event.claimant.side == "RU"
    assert event.status == "claimed"


def test_refusing_to_give_up_land_and_guarantees_as_a_condition(positions):
    assert positions("Zelensky said Ukraine will never give up any of its territories.") == {
        ("UA", "territory"): "no_recognition"
    }
    found = positions(
        "Zelensky said Kyiv could talk about neutrality as long as it is given guarantees."
    )
    assert found.get(("UA", "security_guarantees")) == "binding_required"


def test_what_is_discussed_or_imputed_is_no_ones_stance(positions):
    assert positions("Army chiefs met in Rome to discuss a possible peacekeeping force.") == {}
    assert positions(
        "The presidents discussed long-term legally binding security guarantees for Russia.",
        url="http://en.kremlin.ru/events/president/news/3",
    ) == {("RU", "security_guarantees"): "binding_required"}
    assert positions("Putin accused the West of seeking a pretext to impose more sanctions.") == {}
    assert positions("Leaders hoped the vote would restore Libya's territorial integrity.") == {}


def test_a_local_authority_speaks_for_the_side_that_holds_its_place(events):
    kherson = only(
        events(
            "Russian artillery shelled Kherson overnight, killing two people, "
            "according to local officials."
        ),
        "strike",
    )
    assert kherson.claimant is not None and kherson.claimant.side == "UA"
    assert kherson.status == "claimed"
    belgorod = only(
        events(
            "Governor of Belgorod Oblast Vyacheslav Gladkov says that three people were "
            "injured by Ukrainian shelling in Shebekino."
        ),
        "strike",
    )
    assert belgorod.claimant is not None and belgorod.claimant.side == "RU"


def test_a_condition_set_for_the_other_side_is_the_speakers_stance(positions):
    found = positions(
        "Putin said he is ready for talks if Ukraine withdraws from the four regions "
        "and stops its accession to NATO."
    )
    assert found.get(("RU", "territory")) is not None
    assert found.get(("RU", "nato_membership")) == "veto"
    assert ("UA", "territory") not in found


def test_a_service_claiming_to_have_destroyed_aircraft_acted_and_claims_it(events):
    event = only(
        events(
            "Ukraine's SBU claims to have destroyed four Russian bombers in a drone attack "
            "on an air base in Saratov Oblast."
        ),
        "strike",
    )
    assert sides(event) == ("UA", "RU")
    assert event.claimant is not None and event.claimant.side == "UA"
    assert event.status == "claimed"


def test_its_forces_in_control_of_a_town_are_the_speakers_side(events):
    # the subject hangs on "are", not on the trigger "in control of"; the town is placed
    text = "Russia's defence ministry said its forces are now in control of Toretsk."
    change = only(events(text), "territorial_change")
    assert change.actor.side == "RU"
    assert [loc.name for loc in change.locations] == ["Toretsk"]
