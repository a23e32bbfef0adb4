"""What an analyst reads first: the one-line summary, durations in words, and which
events belong to the Russia–Ukraine theatre (until the extractor writes the field)."""

from __future__ import annotations

from datetime import timedelta

from warledger.ledger.durations import duration_delta, duration_words
from warledger.ledger.summary import negated_claims, summarise
from warledger.ledger.theatre import event_theatre

RU = {"name": "Russia", "side": "RU"}
UA = {"name": "Ukraine", "side": "UA"}


def _count(best: int, low: int | None = None, high: int | None = None) -> dict:
    return {"best": best, "low": low if low is not None else best, "high": high or best}


def test_a_drone_night_reads_as_one_line() -> None:
    event = {
        "kind": "strike",
        "actor": RU,
        "weapon": "drone",
        "locations": [{"name": "Odesa", "country": "UA"}],
        "counts": {"injured": _count(3), "launched": _count(54), "intercepted": _count(38)},
        "claims": [{"negated": False}],
    }
    assert (
        summarise(event) == "Russian drone strike on Odesa: 54 launched, 38 intercepted, 3 injured"
    )


def test_unknowns_are_left_out_and_disputes_shown_as_a_range() -> None:
    assert summarise({"kind": "strike", "counts": {}}) == "Strike"
    disputed = {"kind": "strike", "counts": {"killed": _count(3, 3, 5)}}
    assert summarise(disputed) == "Strike: 3–5 killed"


def test_denials_come_first() -> None:
    event = {"kind": "strike", "actor": UA, "locations": [{"name": "Belgorod"}]}
    denied = {**event, "claims": [{"negated": True}, {"negated": True}]}
    assert summarise(denied) == "Denied: Ukrainian strike on Belgorod"
    assert negated_claims(denied) == 2
    mixed = {**event, "claims": [{"negated": True}, {"negated": False}]}
    assert summarise(mixed).endswith("(denied by a source)")


def test_fighting_and_territory_read_as_sentences() -> None:
    assault = {
        "kind": "ground_combat",
        "subtype": "assault",
        "actor": RU,
        "locations": [{"name": "Pokrovsk"}],
    }
    assert summarise(assault) == "Russian assault near Pokrovsk"
    captured = {
        "kind": "territorial_change",
        "subtype": "captured",
        "actor": RU,
        "locations": [{"name": "Robotyne"}],
    }
    assert summarise(captured) == "Russian forces captured Robotyne"


def test_ceasefire_names_its_duration_in_words() -> None:
    event = {"kind": "ceasefire", "subtype": "declared", "actor": RU, "duration": "PT30H"}
    assert summarise(event) == "Russian ceasefire declared for 30 hours"


def test_durations_in_words() -> None:
    assert duration_words("P30D") == "30 days"
    assert duration_words("PT30H") == "30 hours"
    assert duration_words("P1D") == "1 day"
    assert duration_words("P1M") == "1 month"
    assert duration_words("until Easter") == "until Easter"  # not ISO: shown as given
    assert duration_delta("PT30H") == timedelta(hours=30)
    assert duration_delta("P1M") is None  # a month has no fixed length


def test_theatre_by_place_then_by_sides() -> None:
    strike_in_kursk = {"kind": "strike", "locations": [{"country": "RU"}], "actor": UA}
    assert event_theatre(strike_in_kursk) == "russia-ukraine"
    strike_in_somalia = {"kind": "strike", "locations": [{"country": "SO"}]}
    assert event_theatre(strike_in_somalia) is None
    # A Russian strike placed in Syria is another war even though Russia is a party.
    assert event_theatre({"kind": "strike", "locations": [{"country": "SY"}], "actor": RU}) is None
    talks_in_riyadh = {
        "kind": "talks",
        "locations": [{"country": "SA"}],
        "participants": [RU, {"name": "United States", "side": "US"}],
    }
    assert event_theatre(talks_in_riyadh) == "russia-ukraine"
    g7_on_trade = {"kind": "talks", "participants": [{"side": "US"}, {"side": "JP"}]}
    assert event_theatre(g7_on_trade) is None
    # An unplaced strike falls back to its sides.
    assert event_theatre({"kind": "strike", "actor": RU, "target": UA}) == "russia-ukraine"


def test_an_events_own_theatre_wins() -> None:
    assert (
        event_theatre({"kind": "strike", "theatre": "sudan", "locations": [{"country": "UA"}]})
        == "sudan"
    )


def test_the_extractors_null_theatre_keeps_an_event_out() -> None:
    # the extractor read "another conflict" although the strike names a Russian actor
    event = {"kind": "strike", "theatre": None, "locations": [{"country": "UA"}], "actor": RU}
    assert event_theatre(event) is None


def test_a_consolidated_event_keeps_the_theatre_its_reports_were_labelled_with() -> None:
    """'The United States proposed a 30-day ceasefire between Russia and Ukraine': no
    place, a US proposer — the sentence ties it to this war, its places and sides alone
    do not."""
    from warledger.ledger.consolidate import build_event, event_from_dict
    from warledger.types import Actor, Event, Mention

    us = Actor("United States", "US", "state")
    proposal = Event(kind="ceasefire", subtype="proposed", actor=us, theatre="russia-ukraine")
    unlabelled = Event(kind="ceasefire", subtype="proposed", actor=us)
    reports = [Mention(f"d-{i}:0", f"d-{i}", e) for i, e in enumerate((proposal, unlabelled))]
    event = build_event("e-1", reports)
    assert event.theatre == "russia-ukraine"
    data = event.to_dict()
    assert event_theatre(data) == "russia-ukraine"
    assert event_from_dict(data).theatre == "russia-ukraine"
    # With no report labelled, the event is placed by its places and sides (US: outside).
    alone = build_event("e-2", [Mention("d-9:0", "d-9", unlabelled)])
    assert event_theatre(alone.to_dict()) is None


def test_a_consolidated_event_summarises_from_its_few_fields_as_from_its_json() -> None:
    """'Russian drones struck Odesa, injuring 3' reported twice, once denied: the page's
    summary (read from the fields it needs) equals the one read from the full JSON."""
    from warledger.ledger.consolidate import build_event
    from warledger.types import Actor, Count, Event, Location, Mention

    def report(doc: str, negated: bool) -> Mention:
        strike = Event(
            kind="strike",
            actor=Actor("Russia", "RU", "state"),
            weapon="drone",
            locations=[Location("Odesa", "Odesa Oblast", "UA")],
            counts={"injured": Count(3)},
            negated=negated,
        )
        return Mention(f"{doc}:0", doc, strike)

    event = build_event("e-1", [report("d-1", False), report("d-2", True)])
    expected = "Russian drone strike on Odesa: 3 injured (denied by a source)"
    assert summarise(event.summary_fields()) == summarise(event.to_dict()) == expected
