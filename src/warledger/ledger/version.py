"""The ledger's version: one number that changes whenever its consolidated events do.

Caches of what is computed from the events (the dashboard's rendered pages) key their
entries by it, so a consolidation by any process makes them miss at once, with no time
to live to wait out. ``bump`` runs inside the consolidation's own transaction.
"""

from __future__ import annotations

import sqlalchemy as sa

from warledger.ledger.consolidated_schema import ledger_version

_ROW = ledger_version.c.id == 1


def bump(conn: sa.Connection) -> None:
    """Raise the version (in the caller's write transaction)."""
    done = conn.execute(
        sa.update(ledger_version).where(_ROW).values(version=ledger_version.c.version + 1)
    )
    if not done.rowcount:  # a table emptied by hand: start again
        conn.execute(sa.insert(ledger_version).values(id=1, version=2))


def read(engine: sa.Engine) -> int:
    """The current version (0 when the row is missing)."""
    with engine.connect() as conn:
        value = conn.execute(sa.select(ledger_version.c.version).where(_ROW)).scalar()
    return int(value or 0)
