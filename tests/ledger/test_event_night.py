"""Strikes carry their night (migration 0010), so the barrage listing is counted from an
index; a ledger stored before the column existed gets it filled on upgrade.

The events are those of tests/ledger/test_barrages.py: RU and UA barrages on the night
of 20 April 2025 (Sumy at 23:10 on the 19th belongs to that night), a Russian one the
night of the 21st and a strike dated only "this week", which has no night.
"""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from tests.ledger.test_barrages import MENTIONS

from warledger.ledger.barrage_pages import nights
from warledger.ledger.consolidate import consolidate
from warledger.ledger.consolidated_schema import events
from warledger.ledger.consolidated_store import event_row
from warledger.ledger.query import everything
from warledger.ledger.store import Store


def test_the_migration_fills_the_night_of_events_already_stored(store_url: str) -> None:
    from alembic import command

    from warledger.ledger.store import alembic_config

    consolidated = consolidate(MENTIONS)
    with Store.open(store_url) as store:
        config = alembic_config()
        with store.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0009_mention_theatre")
        with store.engine.begin() as conn:
            later = ("night", "search_text", "cells")  # columns of migrations 0010, 0014, 0018
            rows = [{k: v for k, v in event_row(e).items() if k not in later} for e in consolidated]
            conn.execute(sa.insert(events), rows)
    with Store.open(store_url) as store:  # opening migrates to the newest revision
        with store.engine.connect() as conn:
            stored = conn.execute(sa.select(sa.func.count()).select_from(events)).scalar_one()
        assert stored == len(consolidated)
        assert nights(store.engine, everything()) == [
            (date(2025, 4, 21), "RU"),
            (date(2025, 4, 20), "UA"),
            (date(2025, 4, 20), "RU"),
        ]
