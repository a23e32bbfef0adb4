"""Consolidation: one event per real occurrence, every claim kept.

Each scenario is a few hand-built mentions, written as an extractor would read short
news sentences (quoted in the comments); expected values come from reading them.
"""

from __future__ import annotations

import random

from warledger.ledger.consolidate import consolidate, match_score
from warledger.ledger.reconcile import CountReport, contradicts, reconcile
from warledger.types import Actor, Count, Event, Location, Mention, Span, When

RU = Actor(name="Russia", side="RU", type="state")
UA = Actor(name="Ukraine", side="UA", type="state")
US = Actor(name="United States", side="US", type="state")
AIR_FORCE = Actor(name="Ukrainian Air Force", side="UA", type="military")
UKRAINE = Location(name="Ukraine", country="UA", precision="country")
ODESA_CITY = Location(
    name="Odesa", admin1="Odesa Oblast", country="UA", lat=46.48, lon=30.72, precision="settlement"
)
ODESA_OBLAST = Location(
    name="Odesa Oblast", admin1="Odesa Oblast", country="UA", precision="admin1"
)
KHARKIV_CITY = Location(
    name="Kharkiv",
    admin1="Kharkiv Oblast",
    country="UA",
    lat=49.99,
    lon=36.23,
    precision="settlement",
)
APR20 = When(start="2025-04-20", end="2025-04-20", precision="day", text="overnight")


def day(iso: str) -> When:
    return When(start=iso, end=iso, precision="day")


def mention(doc: str, idx: int, event: Event, source: str, published: str) -> Mention:
    return Mention(
        mention_id=f"{doc}:{idx}",
        doc_id=doc,
        event=event,
        source=source,
        published=published,
        url=f"https://{source}/{doc}",
    )


def drones(launched: int, **extra: object) -> Event:
    """'Russia launched N drones at Ukraine overnight, the Ukrainian Air Force said.'"""
    defaults: dict[str, object] = {
        "kind": "strike",
        "subtype": "air_defense_engagement",
        "actor": RU,
        "target": UA,
        "locations": [UKRAINE],
        "date": APR20,
        "weapon": "drone",
        "counts": {"launched": Count(launched)},
        "claimant": AIR_FORCE,
        "status": "claimed",
        "evidence": [Span(0, 40, f"Russia launched {launched} drones overnight")],
    }
    defaults.update(extra)
    return Event(**defaults)  # type: ignore[arg-type]


def strike_on(place: Location, when: When = APR20, **extra: object) -> Event:
    """'A Russian drone strike on <place> overnight ...'"""
    fields: dict[str, object] = {
        "kind": "strike",
        "actor": RU,
        "target": UA,
        "locations": [place],
        "date": when,
        "weapon": "drone",
    }
    fields.update(extra)
    return Event(**fields)  # type: ignore[arg-type]


# ------------------------------------------------------------------ merging


def test_a_drones_only_count_does_not_dispute_a_stated_total_of_drones_and_missiles() -> None:
    # Outlet A: "Russia launched 123 drones and missiles overnight" (a total it states);
    # outlet B: "Russia launched 120 drones overnight" (drones only).
    total = drones(123, weapon="mixed")
    a = mention("d-a", 0, total, "kyivindependent.com", "2025-04-20T07:00:00Z")
    b = mention("d-b", 0, drones(120), "voanews.com", "2025-04-20T09:30:00Z")
    c = mention("d-c", 0, drones(100), "ukrinform.net", "2025-04-20T10:00:00Z")

    (event,) = consolidate([a, b])
    assert not event.counts["launched"].contradiction  # different things counted
    assert {v.value for v in event.counts["launched"].values} == {120, 123}

    (event,) = consolidate([b, c])
    assert event.contradictions == ["launched"]  # 120 drones against 100 drones



def test_two_documents_with_different_numbers_give_one_event_with_two_claims() -> None:
    # Outlet A: "Russia launched 54 drones overnight"; outlet B: "... 45 drones ..."
    a = mention("d-a", 0, drones(54), "kyivindependent.com", "2025-04-20T07:00:00Z")
    b = mention("d-b", 0, drones(45), "voanews.com", "2025-04-20T09:30:00Z")

    events = consolidate([a, b])

    assert len(events) == 1
    event = events[0]
    assert [c.mention_id for c in event.claims] == ["d-a:0", "d-b:0"]
    launched = event.counts["launched"]
    assert (launched.low, launched.high) == (45, 54)
    assert launched.best == 45  # one outlet each: the lower median of 45 and 54
    assert launched.best_basis == "median"
    assert launched.contradiction
    assert event.contradictions == ["launched"]
    assert event.n_sources == 2
    assert event.first_reported == "2025-04-20T07:00:00Z"
    # each claim keeps its own number and evidence
    assert {c.counts["launched"].value for c in event.claims} == {54, 45}
    assert event.claims[1].evidence[0].text == "Russia launched 45 drones overnight"


def test_most_corroborated_number_is_best() -> None:
    a = mention("d-a", 0, drones(54), "outlet-a.com", "2025-04-20")
    b = mention("d-b", 0, drones(45), "outlet-b.com", "2025-04-20")
    c = mention("d-c", 0, drones(54), "outlet-c.com", "2025-04-20")

    (event,) = consolidate([a, b, c])

    launched = event.counts["launched"]
    assert launched.best == 54
    assert launched.best_basis == "corroborated"
    by_value = {v.value: v.outlets for v in launched.values}
    assert by_value == {45: ["outlet-b.com"], 54: ["outlet-a.com", "outlet-c.com"]}


def test_settlement_and_its_oblast_agree_but_other_oblasts_conflict() -> None:
    # "drones hit Odesa overnight" / "an attack on Odesa Oblast overnight" / "... Kharkiv"
    city = mention("d-a", 0, strike_on(ODESA_CITY), "a.com", "2025-04-20")
    oblast = mention("d-b", 0, strike_on(ODESA_OBLAST), "b.com", "2025-04-20")
    kharkiv = mention("d-c", 0, strike_on(KHARKIV_CITY), "c.com", "2025-04-20")

    events = consolidate([city, oblast, kharkiv])

    assert sorted(len(e.claims) for e in events) == [1, 2]
    odesa = next(e for e in events if len(e.claims) == 2)
    # the finer place describes the merged event; the oblast it lies in is implied
    assert [loc.name for loc in odesa.locations] == ["Odesa"]
    assert odesa.locations[0].lat == 46.48


def test_strikes_on_different_days_do_not_merge() -> None:
    a = mention("d-a", 0, strike_on(ODESA_CITY, day("2025-04-20")), "a.com", "2025-04-20")
    b = mention("d-b", 0, strike_on(ODESA_CITY, day("2025-04-21")), "b.com", "2025-04-21")
    assert len(consolidate([a, b])) == 2


def test_day_inside_a_week_range_is_compatible() -> None:
    week = When(start="2025-04-14", end="2025-04-20", precision="week", text="last week")
    a = mention("d-a", 0, strike_on(ODESA_CITY, day("2025-04-17")), "a.com", "2025-04-17")
    b = mention("d-b", 0, strike_on(ODESA_CITY, week), "b.com", "2025-04-22")
    (event,) = consolidate([a, b])
    assert event.date.start == "2025-04-17"  # the most precise date wins
    assert event.date.precision == "day"


def test_never_merges_across_kinds_or_sides_or_within_one_document() -> None:
    strike = mention("d-a", 0, strike_on(ODESA_CITY), "a.com", "2025-04-20")
    combat = mention(
        "d-b",
        0,
        Event(kind="ground_combat", actor=RU, locations=[ODESA_CITY], date=APR20),
        "b.com",
        "2025-04-20",
    )
    ua_strike = mention("d-c", 0, strike_on(ODESA_CITY, actor=UA, target=RU), "c.com", "2025-04-20")
    same_doc = mention("d-a", 1, strike_on(ODESA_CITY), "a.com", "2025-04-20")

    assert len(consolidate([strike, combat, ua_strike, same_doc])) == 4


def test_no_place_on_one_side_needs_strong_agreement() -> None:
    # "Russia launched 54 drones ... at Ukraine" vs "Russian drones targeted energy
    # facilities overnight" (no place, nothing else specific): not enough to merge.
    placed = mention("d-a", 0, strike_on(ODESA_CITY, target_kind=["energy"]), "a.com", "2025-04-20")
    vague = mention("d-b", 0, strike_on(ODESA_CITY, locations=[]), "b.com", "2025-04-20")
    assert match_score(placed, vague) is None
    assert len(consolidate([placed, vague])) == 2

    # The same unplaced report naming the same target kind and the same toll agrees on
    # two specific details besides the day: now it is the same strike.
    specific = mention(
        "d-c",
        0,
        strike_on(ODESA_CITY, locations=[], target_kind=["energy"], counts={"injured": Count(3)}),
        "c.com",
        "2025-04-20",
    )
    placed_toll = mention(
        "d-d",
        0,
        strike_on(ODESA_CITY, target_kind=["energy"], counts={"injured": Count(3)}),
        "d.com",
        "2025-04-20",
    )
    assert len(consolidate([placed_toll, specific])) == 1


def test_unknown_date_merges_only_with_strong_agreement() -> None:
    unknown = When(precision="unknown", text="recently")
    dated = mention("d-a", 0, strike_on(ODESA_CITY), "a.com", "2025-04-20")
    undated_plain = mention("d-b", 0, strike_on(ODESA_CITY, unknown), "b.com", "2025-04-22")
    assert len(consolidate([dated, undated_plain])) == 2

    dated_rich = mention(
        "d-c",
        0,
        strike_on(ODESA_CITY, target_kind=["port"], counts={"killed": Count(2)}),
        "c.com",
        "2025-04-20",
    )
    undated_rich = mention(
        "d-d",
        0,
        strike_on(ODESA_CITY, unknown, target_kind=["port"], counts={"killed": Count(2)}),
        "d.com",
        "2025-04-22",
    )
    assert len(consolidate([dated_rich, undated_rich])) == 1


def test_ceasefire_declared_and_violation_alleged_are_different_occurrences() -> None:
    # "Putin declared an Easter ceasefire" / "Ukraine accused Russia of violating it"
    declared = Event(
        kind="ceasefire", subtype="declared", actor=RU, date=day("2025-04-19"), duration="PT30H"
    )
    violation = Event(
        kind="ceasefire",
        subtype="violation_alleged",
        claimant=UA,
        target=RU,
        date=day("2025-04-19"),
        duration="PT30H",
    )
    events = consolidate(
        [
            mention("d-a", 0, declared, "a.com", "2025-04-19"),
            mention("d-b", 0, violation, "b.com", "2025-04-19"),
        ]
    )
    assert len(events) == 2


def test_talks_scheduled_and_then_held_are_one_meeting() -> None:
    # "U.S. and Ukrainian officials are scheduled to meet in Jeddah on Tuesday" /
    # "U.S. and Ukrainian officials held talks in Jeddah on Tuesday"
    jeddah = Location(name="Jeddah", country="SA", precision="settlement")
    scheduled = Event(
        kind="talks",
        subtype="scheduled",
        participants=[US, UA],
        locations=[jeddah],
        date=day("2025-03-11"),
    )
    held = Event(
        kind="talks",
        subtype="held",
        participants=[UA, US],
        locations=[jeddah],
        date=day("2025-03-11"),
    )
    # "U.S. and Russian officials held talks in Riyadh" the same day: other parties
    other = Event(kind="talks", subtype="held", participants=[US, RU], date=day("2025-03-11"))
    events = consolidate(
        [
            mention("d-a", 0, scheduled, "a.com", "2025-03-09"),
            mention("d-b", 0, held, "b.com", "2025-03-11"),
            mention("d-c", 0, other, "c.com", "2025-03-11"),
        ]
    )
    assert len(events) == 2
    meeting = next(e for e in events if len(e.claims) == 2)
    assert meeting.subtype == "held"
    assert {c.subtype for c in meeting.claims} == {"scheduled", "held"}


def test_corroboration_counts_distinct_outlets_and_claimants() -> None:
    kyiv_mayor = Actor(name="Vitali Klitschko", side="UA", type="person")
    a = mention("d-a", 0, drones(54), "same.com", "2025-04-20T10:00:00Z")
    b = mention("d-b", 0, drones(54, claimant=kyiv_mayor), "same.com", "2025-04-20T06:00:00Z")
    (event,) = consolidate([a, b])
    assert event.n_sources == 1
    assert event.claimants == ["Ukrainian Air Force", "Vitali Klitschko"]
    assert event.first_reported == "2025-04-20T06:00:00Z"


# ------------------------------------------------------------- determinism


def _five_mentions() -> list[Mention]:
    return [
        mention("d-a", 0, drones(54), "a.com", "2025-04-20"),
        mention("d-b", 0, drones(45), "b.com", "2025-04-20"),
        mention("d-c", 0, strike_on(ODESA_CITY), "c.com", "2025-04-20"),
        mention("d-d", 0, strike_on(ODESA_OBLAST), "d.com", "2025-04-21"),
        mention("d-e", 0, strike_on(KHARKIV_CITY), "e.com", "2025-04-20"),
    ]


def test_rerunning_or_reordering_input_changes_nothing() -> None:
    first = [e.to_dict() for e in consolidate(_five_mentions())]
    shuffled = _five_mentions()
    random.Random(7).shuffle(shuffled)
    again = [e.to_dict() for e in consolidate(shuffled)]
    assert first == again
    assert len({e["event_id"] for e in first}) == 3


def test_incremental_document_joins_existing_event_and_keeps_ids() -> None:
    initial = consolidate(_five_mentions()[:3])
    ids_before = {e.event_id for e in initial}
    third = mention("d-f", 0, drones(50), "f.com", "2025-04-20")

    updated = consolidate([third], existing=initial)

    assert {e.event_id for e in updated} == ids_before
    drone_event = next(e for e in updated if e.kind == "strike" and e.weapon and e.counts)
    assert [c.mention_id for c in drone_event.claims] == ["d-a:0", "d-b:0", "d-f:0"]
    # re-offering mentions that are already consolidated changes nothing
    assert [e.to_dict() for e in consolidate(_five_mentions()[:3], existing=updated)] == [
        e.to_dict() for e in updated
    ]


# ---------------------------------------------------------------- reconcile


def test_qualified_numbers_contradict_only_when_no_value_fits_all() -> None:
    assert not contradicts([Count(40, "at_least"), Count(45)])
    assert not contradicts([Count(50, "about"), Count(54)])
    assert contradicts([Count(30, "up_to"), Count(45)])
    assert contradicts([Count(54), Count(45)])


def test_reconcile_reports_latest_value_for_rising_tolls() -> None:
    # Morning: "three people were killed"; evening: "the death toll rose to five".
    reports = [
        CountReport("killed", Count(3), "d-a:0", "a.com", "Governor", "2025-04-20T08:00:00+00:00"),
        CountReport("killed", Count(5), "d-b:0", "b.com", "Governor", "2025-04-20T19:00:00+00:00"),
    ]
    killed = reconcile(reports)["killed"]
    assert killed.latest == 5
    assert (killed.low, killed.best, killed.high) == (3, 3, 5)
    assert killed.values[0].claimants == ["Governor"]


def test_event_json_round_trips() -> None:
    from warledger.ledger.consolidate import event_from_dict

    events = consolidate(_five_mentions())
    for e in events:
        assert event_from_dict(e.to_dict()).to_dict() == e.to_dict()


def test_reports_about_different_weapons_are_kept_apart() -> None:
    # "Russia launched 54 drones" / "Russia fired 3 ballistic missiles" the same night:
    # two numbers about different things, not a contradiction about one.
    missiles = drones(3, weapon="ballistic_missile")
    generic = drones(3, weapon="missile")
    events = consolidate(
        [
            mention("d-a", 0, drones(54), "a.com", "2025-04-20"),
            mention("d-b", 0, missiles, "b.com", "2025-04-20"),
            mention("d-c", 0, generic, "c.com", "2025-04-20"),
        ]
    )
    assert sorted(len(e.claims) for e in events) == [1, 2]
    assert not any(e.contradictions for e in events)


def test_undated_named_proposal_merges_only_when_reported_close_together() -> None:
    # "The U.S. put forward its 28-point peace plan to Ukraine" in stories that give no
    # date: name, subtype and proposer identify it when the stories appeared a day
    # apart, not when they appeared weeks apart (it may have been put forward again).
    def plan(when: When | None = None) -> Event:
        return Event(
            kind="proposal",
            subtype="put_forward",
            actor=US,
            target=UA,
            name="28-point peace plan",
            date=when or When(),
        )

    close = consolidate(
        [
            mention("d-a", 0, plan(), "a.com", "2025-11-20"),
            mention("d-b", 0, plan(), "b.com", "2025-11-21"),
        ]
    )
    assert len(close) == 1
    apart = consolidate(
        [
            mention("d-a", 0, plan(), "a.com", "2025-11-20"),
            mention("d-b", 0, plan(), "b.com", "2025-12-15"),
        ]
    )
    assert len(apart) == 2
    dated = consolidate(
        [
            mention("d-a", 0, plan(day("2025-11-20")), "a.com", "2025-11-20"),
            mention("d-b", 0, plan(day("2025-11-20")), "b.com", "2025-11-21"),
            mention(
                "d-c",
                0,
                Event(
                    kind="proposal",
                    subtype="put_forward",
                    actor=US,
                    target=UA,
                    name="energy truce",
                    date=day("2025-11-20"),
                ),
                "c.com",
                "2025-11-21",
            ),
        ]
    )
    assert sorted(len(e.claims) for e in dated) == [1, 2]
