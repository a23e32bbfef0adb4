"""Barrages read one page at a time from a stored ledger (``barrage_pages``) are the
barrages ``find_barrages`` makes of every strike in memory, on SQLite and PostgreSQL.

The ledger holds the night of 20 April 2025 of tests/ledger/test_barrages.py (RU and UA
barrages that night, a Russian one the night of 21 April, a strike dated only "this
week"), plus one report of "20 missiles and 75 drones" on the night of 2 May, whose
per-weapon numbers only its mention holds.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime

import pytest
import sqlalchemy as sa
from tests.ledger.test_barrages import MENTIONS, RU, UKRAINE, day, mention, strike

from warledger.ledger.barrage_pages import barrage_page, nights
from warledger.ledger.barrages import find_barrages
from warledger.ledger.consolidate import consolidate
from warledger.ledger.consolidated_schema import claims, events
from warledger.ledger.consolidated_store import claim_rows, event_row
from warledger.ledger.query import everything
from warledger.ledger.schema import documents, mentions
from warledger.ledger.store import Store, _mention_row
from warledger.types import Count

PER_WEAPON = mention(
    0,
    strike(
        RU,
        [UKRAINE],
        day("2025-05-02"),
        weapon="mixed",
        counts={"launched": Count(95)},
        counts_by_weapon={"missile": {"launched": Count(20)}, "drone": {"launched": Count(75)}},
    ),
)
PER_WEAPON.mention_id, PER_WEAPON.doc_id = "d-9:0", "d-9"


@pytest.fixture
def consolidated():
    return consolidate([*MENTIONS, PER_WEAPON])


@pytest.fixture
def ledger(store_url, consolidated):
    now = datetime.now(UTC)
    with Store.open(store_url) as store, store.engine.begin() as conn:
        members = [m for e in consolidated for m in e.mentions]
        conn.execute(
            sa.insert(documents),
            [
                {
                    "doc_id": m.doc_id,
                    "content_hash": hashlib.sha256(m.doc_id.encode()).hexdigest(),
                    "text": m.doc_id,
                    "first_seen_at": now,
                }
                for m in members
            ],
        )
        conn.execute(
            sa.insert(mentions),
            [_mention_row(m.doc_id, int(m.mention_id.rsplit(":")[1]), m.event) for m in members],
        )
        conn.execute(sa.insert(events), [event_row(e) for e in consolidated])
        conn.execute(sa.insert(claims), [r for e in consolidated for r in claim_rows(e)])
    with Store.open(store_url) as store:
        yield store


def newest_first(found):
    return sorted(found, key=lambda b: (b.night, b.attacker_side), reverse=True)


def test_nights_are_counted_in_sql_newest_first(ledger):
    # Sumy at 23:10 on 19 April belongs to the night of the 20th; "this week" to none.
    assert nights(ledger.engine, everything()) == [
        (date(2025, 5, 2), "RU"),
        (date(2025, 4, 21), "RU"),
        (date(2025, 4, 20), "UA"),
        (date(2025, 4, 20), "RU"),
    ]
    assert nights(ledger.engine, everything(), side="UA") == [(date(2025, 4, 20), "UA")]


def test_each_page_holds_the_barrages_of_the_in_memory_grouping(ledger, consolidated):
    expected = [b.to_dict() for b in newest_first(find_barrages(consolidated))]
    for limit, offset in ((2, 0), (2, 2), (1, 3), (10, 0)):
        total, page = barrage_page(ledger, everything(), limit=limit, offset=offset)
        assert total == 4
        assert [b.to_dict() for b in page] == expected[offset : offset + limit]
    total, every = barrage_page(ledger, everything())
    assert [b.to_dict() for b in every] == expected

    night = every[3]  # 20 April, RU: two air-defence reports and four impacts
    assert night.places == ["Chornomorsk", "Kharkiv", "Odesa", "Sumy"]
    assert night.by_weapon["drone"] == {"launched": 54, "intercepted": 38}
    # The per-weapon numbers come from the stored mention, read for this page.
    assert every[0].by_weapon == {"missile": {"launched": 20}, "drone": {"launched": 75}}


def test_a_date_range_keeps_only_its_strikes(ledger, consolidated):
    f = everything(date_to=date(2025, 4, 19))
    total, page = barrage_page(ledger, f, limit=50)
    # Only Sumy (19 April, 23:10) and the week-long report start by the 19th; the week
    # cannot be placed in a night, so one barrage: the night of the 20th, Sumy alone.
    assert total == 1
    assert [(b.night, b.places) for b in page] == [("2025-04-20", ["Sumy"])]
