"""A theatre is data: a folder of parties, lexicons, places and actors that the extractor
reads end to end with no code of its own (tests/data/theatres/lakeland: two made-up
parties, one kind, three trigger words, five places)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from warledger import extract_text
from warledger.nlp.extract import EXTRACTOR_VERSION, extractor_version
from warledger.nlp.theatre import Theatre

pytestmark = pytest.mark.model

LAKELAND = Path(__file__).resolve().parents[1] / "data" / "theatres" / "lakeland"


def _read(text: str):
    return extract_text(text, published="2031-05-06", theatre=LAKELAND).events


def test_a_test_theatre_reads_a_strike_with_its_parties_places_and_claimant():
    (event,) = _read(
        "Norrlandic artillery shelled Ostby on Monday, the Sudmark defence ministry said."
    )
    assert event.kind == "strike"
    assert [(loc.name, loc.country, loc.admin1) for loc in event.locations] == [
        ("Ostby", "XS", "Ostmark Province")
    ]
    assert (event.locations[0].lat, event.locations[0].lon) == (60.12, 15.31)
    assert (event.actor.name, event.actor.side) == ("Norrland", "XN")
    assert (event.target.name, event.target.side) == ("Sudmark", "XS")
    assert event.date.start == "2031-05-05"  # the Monday before publication
    assert event.claimant.side == "XS"


def test_each_of_the_theatres_trigger_words_reads_one_strike_at_the_places_it_lists():
    (event,) = _read("Norrlandic gunboats bombarded Halvik and Brenna overnight.")
    assert (event.kind, [loc.name for loc in event.locations]) == ("strike", ["Halvik", "Brenna"])
    (raid,) = _read("Norrlandic planes raided the port of Halvic on Monday.")
    # found by the alias in places.csv; the name stays as written, the record beside it
    assert (raid.locations[0].name, raid.locations[0].gazetteer_name) == ("Halvic", "Halvik")


def test_another_theatres_words_and_kinds_mean_nothing_here():
    assert _read("Russian drones struck Kyiv on Monday, killing two people.") == []
    # No diplomacy lexicon in this theatre, so no diplomacy events.
    assert _read("Sudmark and Norrland agreed to a ceasefire in Halvik on Monday.") == []


def test_theatre_load_gives_parties_side_words_and_the_packaged_ukraine_theatre():
    ukraine = Theatre.load("ukraine")
    assert [(p.code, p.name) for p in ukraine.parties] == [("RU", "Russia"), ("UA", "Ukraine")]
    assert ukraine.side_words["kyiv"] == "UA"
    assert ukraine.opposite("RU") == "UA"
    assert ukraine.opposite("US") is None
    assert Theatre.load("ukraine") is ukraine
    with pytest.raises(ValueError, match="unknown theatre"):
        Theatre.load("atlantis")


def test_the_extractor_version_changes_when_a_theatre_file_changes(tmp_path):
    copy = tmp_path / "lakeland"
    shutil.copytree(LAKELAND, copy)
    before = extractor_version(Theatre.load(copy))
    triggers = copy / "kinetic_triggers.json"
    triggers.write_text(triggers.read_text().replace('"raid"', '"storm"'))
    changed = Theatre(copy.name, copy)  # a fresh read of the edited folder
    assert extractor_version(changed) != before
    assert before.split("+")[0] == EXTRACTOR_VERSION.split("+")[0]  # same package version
    assert extractor_version(Theatre.load(LAKELAND)) != EXTRACTOR_VERSION


def test_a_bare_name_is_the_packaged_theatre_even_beside_a_folder_of_that_name(
    tmp_path, monkeypatch
):
    from warledger.nlp.theatre import _load

    (tmp_path / "ukraine").mkdir()
    monkeypatch.chdir(tmp_path)
    fresh = _load.__wrapped__("ukraine")  # uncached: read again from here
    assert [p.code for p in fresh.parties] == ["RU", "UA"]
    with pytest.raises(ValueError, match=r"no theatre\.json"):
        _load.__wrapped__(str(tmp_path / "ukraine"))
