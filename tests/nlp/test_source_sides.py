"""Whose claim it is when the text names its source briefly: "the ministry said" after
"the Russian defence ministry", "according to Fedorov" after "regional governor Ivan
Fedorov", "the mayor said" under a dateline, an occupation authority named after the
land it holds (synthetic sentences; expected values by reading them)."""

from __future__ import annotations

import pytest

from warledger.nlp.extract import DocMeta

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def events(extractor):
    def _read(text: str):
        doc = extractor.nlp(text)
        return extractor.from_doc(doc, DocMeta(None, None, None, None, "2025-03-10")).events

    return _read


def _at(found, place: str):
    matching = [e for e in found if any(loc.name == place for loc in e.locations)]
    assert matching, found
    return matching[0]


def test_a_body_named_in_full_before_keeps_its_side(events):
    found = events(
        "The Russian defence ministry said on Monday that its troops had captured the village "
        "of Dachne in Donetsk oblast. Its units also repelled four Ukrainian attacks near "
        "Kupiansk, the ministry said."
    )
    fight = _at(found, "Kupiansk")
    assert fight.claimant is not None and fight.claimant.side == "RU"
    assert fight.status == "claimed"


def test_a_surname_speaks_for_the_governor_named_before(events):
    found = events(
        "Regional governor Ivan Fedorov said Russian artillery shelled Huliaipole on Friday. "
        "A drone later hit a bus in Stepnohirsk, wounding the driver, according to Fedorov."
    )
    strike = _at(found, "Stepnohirsk")
    assert strike.claimant is not None and strike.claimant.side == "UA"
    assert strike.status == "claimed"


def test_an_unnamed_mayor_speaks_for_the_datelines_country(events):
    found = events(
        "ODESA, Ukraine — A Russian missile struck a warehouse in the port on Tuesday, "
        "the mayor said."
    )
    strike = next(e for e in found if e.kind == "strike")
    assert strike.claimant is not None and strike.claimant.side == "UA"
    assert strike.status == "claimed"


def test_an_occupation_authority_speaks_for_the_occupier(events):
    found = events(
        "Donetsk People's Republic officials said Ukrainian shelling had damaged a school "
        "in Horlivka."
    )
    strike = _at(found, "Horlivka")
    assert strike.claimant is not None and strike.claimant.side == "RU"
    assert strike.actor is not None and strike.actor.side == "UA"


def test_a_body_never_named_in_full_is_not_given_a_side_by_the_places_it_reports(events):
    # The depot is in Russia, but a ministry that strikes there may well be Ukraine's.
    found = events("A missile hit an oil depot near Novorossiysk, the ministry said.")
    strike = _at(found, "Novorossiysk")
    assert strike.claimant is None or strike.claimant.side is None
    assert strike.status == "reported"
