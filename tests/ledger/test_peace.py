"""The peace-process registers over small hand-built ledgers.

Each event below is written as an extractor would record one sentence; the expected
windows, statuses and groupings are worked out by hand from the module rules.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from warledger.ledger.consolidate import ConsolidatedEvent, build_event
from warledger.ledger.peace import (
    build_register,
    list_points,
    matrix_from_records,
    proposals_register,
    talks_rounds,
)
from warledger.types import Actor, Count, Event, Location, Mention, Span, When

_ids = itertools.count(1)


def side(code: str, role: str | None = None) -> Actor:
    return Actor(name=None, side=code, type="state", role=role)


def event(
    kind: str,
    subtype: str | None,
    day: str | None,
    *,
    end: str | None = None,
    actor: str | None = None,
    target: str | None = None,
    claimant: str | None = None,
    participants: Iterable[Actor] = (),
    venue: str | None = None,
    scope: Iterable[str] = (),
    duration: str | None = None,
    name: str | None = None,
    counts: dict[str, int] | None = None,
    source: str = "example.org",
    sentence: str = "A sentence.",
    negated: bool = False,
    published: str | None = None,
) -> ConsolidatedEvent:
    """One consolidated event read from one sentence of one document (published on its
    day unless ``published`` says otherwise)."""
    n = next(_ids)
    when = When(day, end or day, "days" if end else "day") if day else When()
    e = Event(
        kind=kind,
        subtype=subtype,
        actor=side(actor) if actor else None,
        target=side(target) if target else None,
        claimant=side(claimant) if claimant else None,
        participants=list(participants),
        locations=[Location(venue)] if venue else [],
        date=when,
        scope=list(scope),
        duration=duration,
        name=name,
        counts={k: Count(v) for k, v in (counts or {}).items()},
        negated=negated,
        evidence=[Span(0, len(sentence), sentence)],
    )
    doc = f"d-{n:04d}"
    return build_event(f"e-{n:04d}", [Mention(f"{doc}:0", doc, e, source, published or day)])


# ---------------------------------------------------------------- ceasefires


def test_only_allegations_inside_the_window_attach_to_the_ceasefire() -> None:
    # A 30-hour truce declared by Russia for 19 April: it may run until 21 April.
    truce = event("ceasefire", "declared", "2025-04-19", actor="RU", duration="PT30H")
    before = event("ceasefire", "violation_alleged", "2025-04-18", claimant="UA", target="RU")
    inside_ua = event(
        "ceasefire", "violation_alleged", "2025-04-20", claimant="UA", target="RU",
        counts={"violations": 1000}, source="kyiv.example",
    )  # fmt: skip
    inside_ru = event("ceasefire", "violation_alleged", "2025-04-20", claimant="RU", target="UA")
    after = event("ceasefire", "violation_alleged", "2025-04-25", claimant="UA", target="RU")

    register = build_register([after, inside_ru, truce, before, inside_ua])

    [cf] = register.ceasefires
    assert (cf.declarers, str(cf.start), str(cf.end)) == (["RU"], "2025-04-19", "2025-04-21")
    assert cf.end_basis == "duration"
    assert {a.event_id for a in cf.allegations} == {inside_ua.event_id, inside_ru.event_id}
    assert {a.linked_by for a in cf.allegations} == {"window"}
    assert {a.event_id for a in register.unattached} == {before.event_id, after.event_id}
    assert cf.violation_counts() == [
        {"accuser": "RU", "accused": "UA", "allegations": 1, "violations_named": None,
         "sources": ["example.org"]},
        {"accuser": "UA", "accused": "RU", "allegations": 1, "violations_named": 1000,
         "sources": ["kyiv.example"]},
    ]  # fmt: skip


def test_status_history_runs_in_date_order_and_extension_and_end_move_the_window() -> None:
    declared = event("ceasefire", "declared", "2025-04-01", actor="RU", duration="P30D")
    extended = event("ceasefire", "extended", "2025-04-28", actor="RU", duration="P30D")
    ended = event("ceasefire", "ended", "2025-05-20", actor="RU")

    [cf] = build_register([ended, extended, declared]).ceasefires
    assert [h.status for h in cf.history] == ["declared", "extended", "ended"]
    assert cf.status == "ended"
    # 1 April + 30 days = 1 May; extended by 30 days = 31 May; ended on 20 May.
    assert (str(cf.end), cf.end_basis) == ("2025-05-20", "ended")

    [open_ended] = build_register([declared, extended]).ceasefires
    assert (str(open_ended.end), open_ended.status) == ("2025-05-31", "extended")


def test_a_proposal_accepted_by_one_side_and_rejected_by_the_other_never_starts() -> None:
    proposed = event("ceasefire", "proposed", "2025-03-11", actor="US", duration="P30D")
    accepted = event("ceasefire", "accepted", "2025-03-11", actor="UA", duration="P30D")
    rejected = event("ceasefire", "rejected", "2025-03-13", actor="RU")
    alleged = event("ceasefire", "violation_alleged", "2025-03-20", claimant="UA", target="RU")

    register = build_register([proposed, accepted, rejected, alleged])
    [cf] = register.ceasefires
    assert [h.status for h in cf.history] == ["proposed", "accepted", "rejected"]
    assert cf.status == "rejected"
    assert cf.start is None and cf.window() is None
    assert [a.event_id for a in register.unattached] == [alleged.event_id]


def test_ceasefires_agreed_by_both_sides_start_on_the_second_acceptance() -> None:
    ru = event("ceasefire", "accepted", "2025-03-18", actor="RU", scope=["energy"],
               duration="P30D")  # fmt: skip
    ua = event("ceasefire", "accepted", "2025-03-19", actor="UA", scope=["energy"])
    [cf] = build_register([ru, ua]).ceasefires
    assert (str(cf.start), str(cf.end)) == ("2025-03-19", "2025-04-18")


def test_an_undated_mention_of_the_same_proposal_joins_it_by_its_report_day() -> None:
    # Ukraine accepts the US 30-day ceasefire on 11 March; a story of 14 March says again,
    # without a date, that Ukraine is ready to accept the 30-day ceasefire.
    accepted = event("ceasefire", "accepted", "2025-03-11", actor="UA", duration="P30D")
    again = event(
        "ceasefire", "accepted", None, actor="UA", duration="P30D", scope=["full"],
        published="2025-03-14",
    )  # fmt: skip
    other = event("ceasefire", "declared", "2025-05-08", actor="RU", duration="P3D")
    register = build_register([accepted, again, other])
    assert [len(cf.events) for cf in register.ceasefires] == [2, 1]
    assert register.ceasefires[0].history[1].date is None  # never dated by its report day
    assert register.ceasefires[0].start is None  # one side's acceptance starts nothing


def test_undated_reports_join_the_proposal_even_after_its_later_dated_steps() -> None:
    # 11 March: Ukraine accepts the US 30-day proposal. A story of 13 March says, undated,
    # that Ukraine is ready to accept "an immediate, interim 30-day ceasefire" the US
    # proposed; on 14 March the G7 urge Russia to accept it. 18 March: the presidents
    # agree an energy infrastructure ceasefire (undated in a day-item of 18 March).
    accepted = event("ceasefire", "accepted", "2025-03-11", actor="UA", duration="P30D")
    ready = event("ceasefire", "accepted", None, actor="UA", scope=["full"],
                  published="2025-03-13")  # fmt: skip
    proposal = event("ceasefire", "proposed", None, actor="US", scope=["full"],
                     published="2025-03-13")  # fmt: skip
    urged = event("ceasefire", "proposed", "2025-03-14", actor="US")
    energy = event("ceasefire", "accepted", None, actor="US", scope=["energy"],
                   published="2025-03-18")  # fmt: skip

    thirty, power = build_register([urged, energy, proposal, ready, accepted]).ceasefires
    assert [h.event_id for h in thirty.history] == [
        accepted.event_id, *sorted([ready.event_id, proposal.event_id]), urged.event_id,
    ]  # fmt: skip
    assert [h.reported for h in thirty.history] == [None, "2025-03-13", "2025-03-13", None]
    assert (thirty.scope, thirty.duration) == (["full"], "P30D")
    assert [h.event_id for h in power.history] == [energy.event_id]


def test_an_allegation_naming_a_ceasefire_attaches_to_it_without_a_window() -> None:
    # 18 March: the energy ceasefire agreed (no start known). 19 March: "Russia's defence
    # ministry says Ukraine violated the energy infrastructure ceasefire" (undated).
    energy = event("ceasefire", "accepted", "2025-03-18", actor="RU", scope=["energy"])
    alleged = event("ceasefire", "violation_alleged", None, claimant="RU", target="UA",
                    scope=["energy"], published="2025-03-19")  # fmt: skip
    # An allegation about a different kind of truce, and one made before any: unattached.
    naval = event("ceasefire", "violation_alleged", None, claimant="UA", target="RU",
                  scope=["maritime"], published="2025-03-20")  # fmt: skip
    early = event("ceasefire", "violation_alleged", None, claimant="UA", target="RU",
                  scope=["energy"], published="2025-03-10")  # fmt: skip

    register = build_register([alleged, naval, early, energy])
    [cf] = register.ceasefires
    assert [(a.event_id, a.linked_by) for a in cf.allegations] == [
        (alleged.event_id, "name or scope")
    ]
    assert (cf.allegations[0].accuser, cf.allegations[0].accused) == ("RU", "UA")
    assert {a.event_id for a in register.unattached} == {naval.event_id, early.event_id}


def test_differently_named_truces_are_separate_and_take_their_own_allegations() -> None:
    easter = event("ceasefire", "declared", "2025-04-19", end="2025-04-20", actor="RU",
                   name="Easter truce")  # fmt: skip
    victory = event("ceasefire", "declared", "2025-05-08", end="2025-05-10", actor="RU",
                    name="Victory Day truce")  # fmt: skip
    alleged = event("ceasefire", "violation_alleged", "2025-05-09", claimant="RU", target="UA")
    negated = event("ceasefire", "declared", "2025-05-01", actor="UA", negated=True)

    register = build_register([easter, victory, alleged, negated])
    assert [c.name for c in register.ceasefires] == ["Easter truce", "Victory Day truce"]
    first, second = register.ceasefires
    assert (str(first.end), first.end_basis) == ("2025-04-20", "explicit")
    assert first.allegations == []
    assert [a.event_id for a in second.allegations] == [alleged.event_id]


# --------------------------------------------------------------------- talks


def test_scheduled_then_held_is_one_round_and_a_second_meeting_is_another() -> None:
    ua, ru, tr = side("UA"), side("RU"), side("TR", role="mediator")
    scheduled = event("talks", "scheduled", "2025-05-15", participants=[ua, ru], venue="Istanbul")
    held = event("talks", "held", "2025-05-16", participants=[ua, ru, tr], venue="Istanbul")
    again = event("talks", "held", "2025-05-19", participants=[ua, ru], venue="Istanbul")
    denied = event("talks", "scheduled", "2025-05-20", participants=[ua, ru], negated=True)

    rounds = talks_rounds([again, held, scheduled, denied])
    assert len(rounds) == 2
    first, second = rounds
    assert [h.status for h in first.history] == ["scheduled", "held"]
    assert (first.status, first.date, first.venue) == ("held", "2025-05-16", "Istanbul")
    assert (first.participants, first.mediators) == (["UA", "RU"], ["TR"])
    assert [h.status for h in second.history] == ["held"]


def test_a_cancelled_summit_ends_its_round_and_other_venues_stay_apart() -> None:
    us, ru = side("US"), side("RU")
    planned = event("talks", "scheduled", "2025-10-16", participants=[us, ru], venue="Budapest")
    cancelled = event("talks", "cancelled", "2025-10-22", participants=[us, ru], venue="Budapest")
    elsewhere = event("talks", "held", "2025-10-20", participants=[us, ru], venue="Riyadh")

    rounds = talks_rounds([planned, cancelled, elsewhere])
    assert [(r.venue, r.status) for r in rounds] == [("Budapest", "cancelled"), ("Riyadh", "held")]


# ----------------------------------------------------------------- proposals


def test_points_are_read_only_from_a_sentence_that_lists_them() -> None:
    listed = (
        "The plan calls for a ceasefire along the current front line, the exchange of all "
        "prisoners and the return of deported children."
    )
    assert list_points(listed) == [
        "ceasefire along the current front line",
        "exchange of all prisoners",
        "return of deported children",
    ]
    assert list_points("Washington put forward a new peace plan on Thursday.") == []
    assert list_points("The plan includes security guarantees.") == []


def test_each_partys_response_joins_the_proposal_it_answers() -> None:
    sentence = "The plan includes a freeze of the front line and a cap on Ukraine's army."
    plan = event("proposal", "put_forward", "2025-11-20", actor="US", name="28-point plan",
                 sentence=sentence)  # fmt: skip
    amended = event("proposal", "amended", "2025-11-23", actor="UA", name="28-point plan")
    rejected = event("proposal", "rejected", "2025-11-25", actor="RU", target="US")
    unrelated = event("proposal", "rejected", "2025-11-26", actor="RU", target="FR")

    proposals = proposals_register([rejected, unrelated, amended, plan])
    first = proposals[0]
    assert (first.name, first.proposer, first.date) == ("28-point plan", "US", "2025-11-20")
    assert first.points == ["freeze of the front line", "cap on Ukraine's army"]
    assert [(r.party, r.response) for r in first.responses] == [
        ("UA", "amended"),
        ("RU", "rejected"),
    ]
    assert [(p.proposer, p.responses[0].party) for p in proposals[1:]] == [("FR", "RU")]


# ----------------------------------------------------------------- positions


def record(pid: str, side_code: str | None, issue: str, stance: str, day: str | None,
           name: str | None = None) -> dict:  # fmt: skip
    return {
        "position_id": pid,
        "doc_id": pid.split(":")[0],
        "position": {
            "party": {"name": name, "side": side_code, "type": "person" if name else "state"},
            "issue": issue,
            "stance": stance,
            "date": {"start": day, "end": day, "precision": "day" if day else "unknown"},
            "evidence": [{"start": 0, "end": 9, "text": f"{stance} said"}],
        },
    }


def test_matrix_shows_the_latest_stance_and_history_keeps_both_in_date_order() -> None:
    records = [
        record("d-b:p0", "UA", "territory", "freeze_front_line", "2025-05-10", "Zelenskyy"),
        record("d-c:p0", "RU", "territory", "withdrawal_required", "2025-04-01"),
        record("d-a:p0", "UA", "territory", "no_recognition", "2025-03-01"),
        record("d-d:p0", "UA", "territory", "cede_occupied", None),
    ]
    matrix = matrix_from_records(records, sources={"d-b": "voanews.com"})

    assert matrix.parties == ["RU", "UA"]
    cell = matrix.get("UA", "territory")
    assert cell is not None
    assert (cell.latest.stance, cell.latest.date) == ("freeze_front_line", "2025-05-10")
    assert cell.latest.source == "voanews.com"
    assert [s.stance for s in cell.history] == [
        "cede_occupied",  # undated: cannot be placed, so never the latest over a dated one
        "no_recognition",
        "freeze_front_line",
    ]
    assert [s.stance for s in cell.changes] == ["no_recognition", "freeze_front_line"]
    assert matrix.get("RU", "territory").latest.stance == "withdrawal_required"  # type: ignore[union-attr]


def test_a_statement_without_a_stated_date_is_placed_by_its_report_date() -> None:
    # Neither text dates the stance; the April report is newer than the March one, so it is
    # the latest, and its own date stays unknown rather than being set to the report's.
    records = [
        record("d-z:p0", "RU", "territory", "cede_occupied", None),
        record("d-a:p0", "RU", "territory", "freeze_front_line", None),
    ]
    published = {"d-z": "2025-03-02T09:00:00Z", "d-a": "2025-04-20T18:30:00Z"}
    cell = matrix_from_records(records, published=published).get("RU", "territory")
    assert cell is not None
    assert [s.stance for s in cell.history] == ["cede_occupied", "freeze_front_line"]
    assert (cell.latest.date, cell.latest.reported) == (None, "2025-04-20")


def test_windows_kept_as_events_join_equal_windows_computed_from_all_members() -> None:
    """Grouping keeps each window up to date one event at a time; on 3,000 seeded random
    status events the result must equal the window computed afresh from every member."""
    import copy
    import random

    from warledger.ledger.peace.ceasefires import _set_window, group_ceasefires
    from warledger.ledger.peace.timing import first_day

    rng = random.Random(20261207)
    subtypes = ["proposed", "declared", "accepted", "rejected", "extended", "ended"]
    events = []
    for _ in range(3000):
        day = f"2025-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
        dated = rng.random() < 0.8
        events.append(
            event(
                "ceasefire", rng.choice(subtypes), day if dated else None,
                actor=rng.choice(["RU", "UA", "US"]), scope=rng.choice([[], ["energy"]]),
                duration=rng.choice([None, "P30D", "PT30H", "P3D"]), published=day,
            )
        )  # fmt: skip
    groups = group_ceasefires(events)
    assert sum(len(cf.events) for cf in groups) == len(events)
    assert any(cf.end_basis == "extended" for cf in groups)  # the hard case is exercised
    for cf in groups:
        fresh = copy.copy(cf)
        _set_window(fresh)
        assert (cf.start, cf.end, cf.end_basis) == (fresh.start, fresh.end, fresh.end_basis)
        days = [d for e in cf.events if (d := first_day(e))]
        assert cf.last_day == (max(days) if days else None)


def test_rounds_keep_their_last_day_and_stages_as_talks_join() -> None:
    """On 2,000 seeded random talks events: what each round keeps as events join equals
    what its members say, and no member joined a round quiet for more than the link days."""
    import random

    from warledger.ledger.peace.talks import ROUND_LINK_DAYS, talks_rounds
    from warledger.ledger.peace.timing import first_day

    rng = random.Random(20261207)
    stages = ["held", "scheduled", "offered", "cancelled", "postponed"]
    events = []
    for _ in range(2000):
        day = f"2025-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
        sides = [side(s) for s in rng.sample(["RU", "UA", "US", "TR"], rng.randrange(0, 3))]
        venue = rng.choice([None, "Istanbul", "Riyadh"])
        events.append(
            event("talks", rng.choice(stages), day if rng.random() < 0.8 else None,
                  participants=sides, venue=venue, published=day)
        )  # fmt: skip
    rounds = talks_rounds(events)
    assert sum(len(r.events) for r in rounds) == len(events)
    assert any(len(r.events) > 2 for r in rounds)
    for r in rounds:
        days = [d for e in r.events if (d := first_day(e))]
        assert r.last_day == (max(days) if days else None)
        assert r.stages == {h.status for h in r.history}
        assert all(0 <= (b - a).days <= ROUND_LINK_DAYS for a, b in itertools.pairwise(days))
