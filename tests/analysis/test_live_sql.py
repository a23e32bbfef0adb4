"""The analyses over a live ledger (``analysis.live``, counts in SQL) give the answers of
the in-memory analyses, on SQLite and PostgreSQL.

The ledger is written by hand below; every expected number is counted from that list.
Days are counted from 1 March 2025 (day 0).
"""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa
from alembic import command

from warledger.analysis import compliance, diplomacy, live
from warledger.ledger import day_counts
from warledger.ledger.consolidated_schema import claims, events
from warledger.ledger.consolidated_store import claim_rows, event_row
from warledger.ledger.peace import proposals_register, talks_rounds
from warledger.ledger.peace.ceasefires import register_view
from warledger.ledger.query import EventFilter, event_page, everything, iter_events
from warledger.ledger.store import Store, alembic_config
from warledger.ledger.theatre import default_scope, event_theatre
from warledger.types import Location


def D(n: int) -> date:
    return date(2025, 3, 1 + n)


@pytest.fixture
def hand_built(make_event):
    somalia = make_event("strike", None, 12, counts={"killed": 9})
    somalia.locations = [Location("Mogadishu", None, "SO", 2.03, 45.34, "settlement")]
    return [
        make_event("strike", None, 0, actor="RU", counts={"launched": 60}),  # large
        make_event("strike", None, 0, actor="UA", counts={"killed": 2}),
        make_event("strike", None, 2, actor="RU", counts={"killed": 5}),  # large
        make_event("strike", None, 2, actor="RU", counts={"launched": 100}, negated=True),
        make_event("strike", None, 3, target="UA"),  # no attacker: "unknown"
        make_event("strike", None, 3, actor="UA", precision="days"),  # one day, as "days"
        make_event("strike", None, 0, actor="RU", precision="month"),  # not on a day
        make_event("strike", None, None, actor="RU", counts={"launched": 90}),  # undated
        make_event("talks", "held", 1, participants=("UA", "RU")),
        make_event("talks", "scheduled", 1, participants=("UA", "RU")),
        make_event("ceasefire", "declared", 4, actor="RU", duration="P3D", name="spring truce"),
        make_event("ceasefire", "violation_alleged", 5, claimant="UA", target="RU"),
        make_event("strike", None, 6, actor="RU"),
        make_event("proposal", "put_forward", 9, actor="UA", negated=True),
        somalia,  # another war (day 12): outside the default theatre
    ]


@pytest.fixture
def ledger(store_url, hand_built):
    with Store.open(store_url) as store:
        with store.engine.begin() as conn:
            conn.execute(sa.insert(events), [event_row(e) for e in hand_built])
            conn.execute(sa.insert(claims), [r for e in hand_built for r in claim_rows(e)])
        yield store


def in_theatre(found):
    wanted = default_scope().theatre
    return [e for e in found if event_theatre(e.to_dict()) == wanted]


def test_day_counts_are_counted_from_the_stored_columns(ledger):
    f = EventFilter()  # the default theatre: the Mogadishu strike is left out
    assert day_counts.study_period(ledger.engine, f) == (D(0), D(9))
    assert day_counts.study_period(ledger.engine, everything()) == (D(0), D(12))
    assert day_counts.ledger_end(ledger.engine, f) == D(9)
    assert day_counts.strikes_by_day_and_side(ledger.engine, f) == {
        (D(0), "RU"): 1,
        (D(0), "UA"): 1,
        (D(2), "RU"): 1,
        (D(3), "unknown"): 1,
        (D(3), "UA"): 1,
        (D(6), "RU"): 1,
    }
    large = day_counts.large_strikes_by_day(
        ledger.engine, f, launched_at_least=50, killed_at_least=5
    )
    assert large == {D(0): 1, D(2): 1}
    assert day_counts.large_strikes_by_day(
        ledger.engine, everything(), launched_at_least=50, killed_at_least=5
    ) == {D(0): 1, D(2): 1, D(12): 1}
    diplomatic = day_counts.diplomatic_by_day(
        ledger.engine,
        f,
        kinds=("talks", "proposal", "ceasefire"),
        not_subtypes=["violation_alleged"],
    )
    assert diplomatic == {D(1): 2, D(4): 1}


def test_strikes_vs_diplomacy_in_sql_equals_the_in_memory_study(ledger, hand_built):
    kwargs = {"window": 1, "permutations": 300, "seed": 3}
    live_study = live.strikes_vs_diplomacy(ledger.engine, EventFilter(), **kwargs)
    memory_study = diplomacy.strikes_vs_diplomacy(in_theatre(hand_built), **kwargs)

    # Anchors on days 1 and 4, ±1 day: days 0-5 inside (2 large strikes), 6-9 outside.
    assert live_study.period == ("2025-03-01", "2025-03-10")
    assert (live_study.n_days, live_study.inside_days) == (10, 6)
    assert (live_study.n_diplomatic_events, live_study.n_diplomatic_days) == (3, 2)
    assert live_study.n_large_strikes == 2
    assert (live_study.mean_inside, live_study.mean_outside) == (round(2 / 6, 6), 0.0)
    assert live_study.warning and "only 2 diplomatic day(s)" in live_study.warning
    assert live_study.to_dict() == memory_study.to_dict()
    assert live_study.null == memory_study.null


def test_compliance_in_sql_equals_the_in_memory_rows(ledger, hand_built):
    [row] = live.ceasefire_compliance(ledger.engine, EventFilter())
    # Declared on day 4 for P3D: in force days 4-7 (5-8 March); study period days 0-9.
    assert row.window == ("2025-03-05", "2025-03-08")
    assert (row.days_inside, row.days_outside) == (4, 6)
    assert row.strikes_inside == {"RU": 1}
    assert row.strikes_outside == {"RU": 2, "UA": 2, "unknown": 1}
    assert [(a["accuser"], a["accused"], a["allegations"]) for a in row.allegations] == [
        ("UA", "RU", 1)
    ]
    [memory] = compliance.ceasefire_compliance(in_theatre(hand_built))
    assert row.to_dict() == memory.to_dict()


def test_registers_read_only_their_kinds_and_match_the_in_memory_ones(ledger, hand_built):
    mine = in_theatre(hand_built)
    register = live.ceasefire_register(ledger.engine, EventFilter())
    [truce] = register["ceasefires"]
    assert truce["name"] == "spring truce"
    assert len(truce["allegations"]) == 1
    assert register == register_view(mine)
    assert live.talks(ledger.engine, EventFilter()) == [r.to_dict() for r in talks_rounds(mine)]
    assert live.proposals(ledger.engine, EventFilter()) == [
        p.to_dict() for p in proposals_register(mine)
    ]


def test_iter_events_reads_every_event_once_in_the_order_of_a_page(ledger, hand_built):
    found = list(iter_events(ledger.engine, everything(), page=4))
    assert sorted(e.event_id for e in found) == sorted(e.event_id for e in hand_built)
    # Newest first, undated last, ties by id: the order of one page of everything.
    assert [e.event_id for e in found] == [
        e.event_id for e in event_page(ledger.engine, everything(), limit=100, offset=0).items
    ]
    assert found[0].date.start == "2025-03-13"  # Mogadishu, day 12
    assert found[-1].date.start is None
    strikes = list(iter_events(ledger.engine, EventFilter(kind="strike"), page=2))
    assert len(strikes) == 9  # ten strikes above, one in another war
    by_killed = [
        e.counts["killed"].best
        for e in iter_events(ledger.engine, everything(kind="strike"), sort="-killed", page=1)
        if "killed" in e.counts
    ]
    assert by_killed == [9, 5, 2]


def test_migration_0008_flags_negated_events_and_keeps_their_claims(store_url, hand_built):
    """A ledger consolidated before 0008 gets ``events.negated`` from its claims."""
    with Store.open(store_url) as store:
        config = alembic_config()
        with store.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0007_minhash_bands")
        # columns of migrations 0008, 0010, 0014 and 0018
        later = ("negated", "night", "search_text", "cells")
        rows = [{k: v for k, v in event_row(e).items() if k not in later} for e in hand_built]
        old_events = sa.table("events", *(sa.column(k, events.c[k].type) for k in rows[0]))
        with store.engine.begin() as conn:
            conn.execute(sa.insert(old_events), rows)
            conn.execute(sa.insert(claims), [r for e in hand_built for r in claim_rows(e)])
        with store.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "heads")
        with store.engine.connect() as conn:
            flagged = conn.execute(
                sa.select(events.c.kind, events.c.subtype).where(events.c.negated.is_(True))
            ).all()
            n_claims = conn.execute(sa.select(sa.func.count()).select_from(claims)).scalar()
    assert sorted(flagged, key=str) == [("proposal", "put_forward"), ("strike", None)]
    assert n_claims == len(hand_built)  # one claim each, none lost


def test_coverage_counted_in_sql_equals_the_in_memory_health(store_url):
    """20 days from 1 April: "wire" publishes 2 a day for 16 days then nothing for 4,
    "herald" 3 a day throughout (as in test_coverage), stored as document copies."""
    from datetime import UTC, datetime, timedelta

    from warledger.analysis.coverage import coverage_health, health_of_counts
    from warledger.analysis.data import publication_counts, publications
    from warledger.ledger.schema import document_copies, documents

    now = datetime.now(UTC)
    plan = {"wire": [2] * 16 + [0] * 4, "herald": [3] * 20}
    copies = [
        (source, date(2025, 4, 1) + timedelta(days=i), k)
        for source, per_day in plan.items()
        for i, n in enumerate(per_day)
        for k in range(n)
    ]
    with Store.open(store_url) as store:
        with store.engine.begin() as conn:
            for n, (source, day, k) in enumerate(copies):
                doc_id = f"d-cov{n:05d}"
                conn.execute(
                    sa.insert(documents),
                    {"doc_id": doc_id, "content_hash": doc_id, "text": ".", "first_seen_at": now},
                )
                conn.execute(
                    sa.insert(document_copies),
                    {
                        "doc_id": doc_id,
                        "origin": f"{source}/{day}/{k}",
                        "source": source,
                        "published_date": day,
                        "content_hash": doc_id,
                        "ingested_at": now,
                    },
                )
        counts = publication_counts(store)
        in_sql = health_of_counts(counts)
        in_memory = coverage_health(publications(store))
    assert counts["wire"][date(2025, 4, 16)] == 2 and date(2025, 4, 17) not in counts["wire"]
    assert sum(counts["herald"].values()) == 60
    wire = next(s for s in in_sql.sources if s.source == "wire")
    assert (wire.status, wire.silent_days, wire.baseline_per_day) == ("silent", 4, 2.0)
    assert in_sql.to_dict() == in_memory.to_dict()


def test_the_ledger_end_reads_a_reversed_range_by_its_earlier_end(store_url, make_event):
    """'From the 20th to the 15th' (precision days, read both ways) begins on the 15th,
    so the latest first day is the strike's of the 17th; a 'day' event's start is its
    day whatever its stored end says."""
    found = [
        make_event("strike", None, 10, actor="RU"),
        make_event("strike", None, 17, actor="RU"),
        make_event("strike", None, 20, actor="RU", precision="days"),
        make_event("strike", None, None, actor="RU"),  # undated: no day at all
    ]
    reversed_row = event_row(found[2])
    reversed_row["date_end"] = D(15)
    rows = [event_row(found[0]), event_row(found[1]), reversed_row, event_row(found[3])]
    with Store.open(store_url) as store:
        with store.engine.begin() as conn:
            conn.execute(sa.insert(events), rows)
        assert day_counts.ledger_end(store.engine, EventFilter()) == D(17)
        with store.engine.begin() as conn:
            conn.execute(sa.delete(events).where(events.c.event_id == found[1].event_id))
        assert day_counts.ledger_end(store.engine, EventFilter()) == D(15)
