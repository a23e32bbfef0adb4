"""The ledger's version: one number that changes whenever its consolidated events do.

Caches of what is computed from the events (the dashboard's rendered pages) key their
entries by it, so a consolidation by any process makes them miss at once, with no time
to live to wait out. ``bump`` runs inside the consolidation's own transaction.
"""

from __future__ import annotations

import threading

import sqlalchemy as sa
from sqlalchemy.pool import StaticPool

from warledger.ledger.consolidated_schema import ledger_version

_ROW = ledger_version.c.id == 1


def bump(conn: sa.Connection) -> None:
    """Raise the version (in the caller's write transaction)."""
    done = conn.execute(
        sa.update(ledger_version).where(_ROW).values(version=ledger_version.c.version + 1)
    )
    if not done.rowcount:  # a table emptied by hand: start again
        conn.execute(sa.insert(ledger_version).values(id=1, version=2))


# Plain SQL on a pooled DBAPI connection: every dashboard request reads the version, and
# SQLAlchemy's statement handling, BEGIN and ROLLBACK around it cost ~10x the query itself
# (on 100,000 events about 0.1 ms of the 0.2 ms a cached page costs). Same text on both
# engines; the row id is a constant, so no parameter style is involved.
_READ = f"SELECT version FROM {ledger_version.name} WHERE id = 1"


def read(engine: sa.Engine) -> int:
    """The current version (0 when the row is missing)."""
    conn = engine.raw_connection()
    try:
        cursor = conn.cursor()
        try:
            cursor.execute(_READ)
            row = cursor.fetchone()
        finally:
            cursor.close()
    finally:
        conn.close()  # back to the pool, which ends any transaction the read opened
    return int(row[0] or 0) if row else 0


class VersionReader:
    """Reads the version on a connection of its own, never waiting for the ledger's pool.

    The dashboard reads the version on its event loop for every request, to answer from
    the rendered pages without a hand-off to a worker thread (which cost more than the
    page: 790 -> 1,780 cached pages a second on one worker). A connection taken from the
    shared pool could wait there while worker threads hold every one; this one belongs to
    the reader alone (one connection, reopened if it breaks), used by one caller at a time.
    """

    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine
        if engine.dialect.name != "sqlite":
            self._engine = sa.create_engine(engine.url, poolclass=StaticPool)
        elif engine.url.database not in (None, "", ":memory:"):  # a memory database: its own
            # The one connection may be used from another thread than the one that opened
            # it (the lock keeps it to one at a time).
            args = {"check_same_thread": False}
            self._engine = sa.create_engine(engine.url, poolclass=StaticPool, connect_args=args)
        self._own = self._engine is not engine
        self._lock = threading.Lock()

    def read(self) -> int:
        """The current version (0 when the row is missing)."""
        with self._lock:
            try:
                return read(self._engine)
            except Exception:
                if not self._own:
                    raise
                self._engine.dispose()  # a broken connection: the next one is new
                return read(self._engine)

    def close(self) -> None:
        if self._own:
            self._engine.dispose()
