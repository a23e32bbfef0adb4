"""The interchange types serialise to exactly the fields the ledger schema names."""

from warledger.types import Actor, Count, Event, Location, Span, When


def test_event_to_dict_has_every_schema_field_and_nulls_for_unknowns():
    event = Event(kind="strike", actor=Actor("Russia", "RU", "state"))
    d = event.to_dict()
    assert set(d) >= {
        "kind",
        "subtype",
        "actor",
        "target",
        "participants",
        "locations",
        "date",
        "weapon",
        "target_kind",
        "counts",
        "civilian",
        "scope",
        "duration",
        "name",
        "claimant",
        "status",
        "negated",
        "evidence",
        "confidence",
    }
    assert d["target"] is None and d["weapon"] is None
    assert d["date"] == {"start": None, "end": None, "precision": "unknown", "text": None}


def test_nested_values_serialise():
    event = Event(
        kind="strike",
        locations=[Location("Odesa", "Odesa Oblast", "UA", 46.48, 30.72, "settlement")],
        date=When("2025-04-22", "2025-04-22", "day", "overnight"),
        counts={"launched": Count(54)},
        evidence=[Span(0, 5, "Russia")],
    )
    d = event.to_dict()
    assert d["counts"]["launched"] == {"value": 54, "qualifier": "exact"}
    assert d["locations"][0]["lat"] == 46.48
    assert d["evidence"] == [{"start": 0, "end": 5, "text": "Russia"}]
