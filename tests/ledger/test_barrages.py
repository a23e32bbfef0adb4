"""Barrages: a night's strikes by one attacker as one object.

The night of 20 April 2025, as hand-built mentions would read these reports:
  a.com  "Russia launched 54 drones overnight; 38 were shot down, the Air Force said."
  b.com  "Russia also fired three ballistic missiles; two were intercepted."
  c.com  "A drone hit a residential building in Odesa, killing two people."
  d.com  "One person was killed in Chornomorsk, Odesa Oblast."
  e.com  "In Kharkiv, an energy facility was hit; five people were injured."
  f.com  "A strike on Sumy at 23:10 on Saturday (19 April)."
  g.com  "Ukrainian drones struck Belgorod overnight."       (attacker UA)
  h.com  "Russian drones struck Kyiv on the night of 21 April."
  i.com  "Russian strikes hit Zaporizhzhia this week."         (no night can be told)
"""

from __future__ import annotations

from warledger.ledger.barrages import find_barrages, night_of
from warledger.ledger.consolidate import consolidate
from warledger.types import Actor, Count, Event, Location, Mention, When

RU = Actor("Russia", "RU", "state")
UA = Actor("Ukraine", "UA", "state")


def place(name: str, admin1: str | None, country: str = "UA") -> Location:
    return Location(name, admin1, country, precision="settlement")


def day(iso: str) -> When:
    return When(iso, iso, "day", "overnight")


def strike(actor: Actor, where: list[Location], when: When, **extra: object) -> Event:
    return Event(kind="strike", actor=actor, locations=where, date=when, **extra)  # type: ignore[arg-type]


def mention(n: int, event: Event) -> Mention:
    source = "abcdefghi"[n] + ".com"
    return Mention(f"d-{n}:0", f"d-{n}", event, source=source, published="2025-04-20")


UKRAINE = Location("Ukraine", country="UA", precision="country")
NIGHT = day("2025-04-20")
MENTIONS = [
    mention(
        0,
        strike(
            RU,
            [UKRAINE],
            NIGHT,
            subtype="air_defense_engagement",
            weapon="drone",
            counts={"launched": Count(54), "intercepted": Count(38)},
        ),
    ),
    mention(
        1,
        strike(
            RU,
            [UKRAINE],
            NIGHT,
            subtype="air_defense_engagement",
            weapon="ballistic_missile",
            counts={"launched": Count(3), "intercepted": Count(2)},
        ),
    ),
    mention(
        2,
        strike(
            RU,
            [place("Odesa", "Odesa Oblast")],
            NIGHT,
            weapon="drone",
            target_kind=["residential"],
            counts={"killed": Count(2)},
        ),
    ),
    mention(
        3, strike(RU, [place("Chornomorsk", "Odesa Oblast")], NIGHT, counts={"killed": Count(1)})
    ),
    mention(
        4,
        strike(
            RU,
            [place("Kharkiv", "Kharkiv Oblast")],
            NIGHT,
            target_kind=["energy"],
            counts={"injured": Count(5)},
        ),
    ),
    mention(
        5,
        strike(
            RU,
            [place("Sumy", "Sumy Oblast")],
            When("2025-04-19T23:10", "2025-04-19T23:10", "day", "23:10 on Saturday"),
        ),
    ),
    mention(6, strike(UA, [place("Belgorod", "Belgorod Oblast", "RU")], NIGHT, weapon="drone")),
    mention(7, strike(RU, [place("Kyiv", "Kyiv City")], day("2025-04-21"), weapon="drone")),
    mention(
        8,
        strike(
            RU,
            [place("Zaporizhzhia", "Zaporizhzhia Oblast")],
            When("2025-04-14", "2025-04-20", "week", "this week"),
        ),
    ),
]


def test_one_night_of_strikes_is_one_barrage_per_attacker() -> None:
    events = consolidate(MENTIONS)
    assert len(events) == 9  # different places or weapons: nothing merges

    barrages = find_barrages(events)

    assert [(b.night, b.attacker_side) for b in barrages] == [
        ("2025-04-20", "RU"),
        ("2025-04-20", "UA"),
        ("2025-04-21", "RU"),
    ]
    night = barrages[0]
    assert night.by_weapon == {
        "drone": {"launched": 54, "intercepted": 38},
        "ballistic_missile": {"launched": 3, "intercepted": 2},
    }
    assert night.places == ["Chornomorsk", "Kharkiv", "Odesa", "Sumy"]
    assert night.casualties_by_place == {
        "Odesa": {"killed": 2},
        "Chornomorsk": {"killed": 1},
        "Kharkiv": {"injured": 5},
    }
    assert night.casualties_by_oblast["Odesa Oblast"] == {"killed": 3}
    assert (night.total("killed"), night.total("injured")) == (3, 5)
    assert night.target_kinds == {"energy": 1, "residential": 1}
    assert len(night.event_ids) == 6  # two air-defence reports and four impacts


def test_barrage_json_names_its_window() -> None:
    (ua,) = find_barrages(consolidate(MENTIONS), side="UA")
    data = ua.to_dict()
    assert data["window"] == {"start": "2025-04-19T18:00", "end": "2025-04-20T12:00"}
    assert data["places"] == ["Belgorod"]
    assert data["killed"] is None  # nobody reported casualties: unknown, not zero


def test_night_window_runs_from_evening_to_noon() -> None:
    assert str(night_of(When("2025-04-19T18:30", None, "day"))) == "2025-04-20"
    assert str(night_of(When("2025-04-20T11:59", None, "day"))) == "2025-04-20"
    assert str(night_of(When("2025-04-20", "2025-04-20", "day"))) == "2025-04-20"
    assert night_of(When("2025-04-01", "2025-04-30", "month")) is None
    assert night_of(When(precision="unknown", text="recently")) is None


def test_reports_of_one_wave_are_counted_once() -> None:
    # A second outlet reporting the same drone numbers joins the first report's event,
    # so the barrage does not add its 54 drones twice.
    again = Mention("d-9:0", "d-9", MENTIONS[0].event, source="j.com", published="2025-04-20")
    (night, *_) = find_barrages(consolidate([*MENTIONS, again]))
    assert night.by_weapon["drone"] == {"launched": 54, "intercepted": 38}


def test_a_report_with_numbers_per_weapon_is_summed_per_weapon() -> None:
    """ "Russia attacked with 20 missiles and 75 drones": two weapons, not one "mixed"."""
    event = strike(
        RU,
        [UKRAINE],
        day("2025-05-02"),
        weapon="mixed",
        counts={"launched": Count(95)},
        counts_by_weapon={"missile": {"launched": Count(20)}, "drone": {"launched": Count(75)}},
    )
    (barrage,) = find_barrages(consolidate([mention(0, event)]))
    assert barrage.by_weapon == {"missile": {"launched": 20}, "drone": {"launched": 75}}
