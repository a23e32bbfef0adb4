"""Fixtures shared by every test area.

PostgreSQL, browser and ../shared tests skip when their prerequisites are missing on a
developer's machine, but ``scripts/test.sh`` (and so CI) sets WARLEDGER_REQUIRE_PG,
WARLEDGER_REQUIRE_BROWSER and WARLEDGER_REQUIRE_SHARED, which turn those skips into
failures: a skipped test never counts as passing there.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
TEST_DATA = Path(__file__).resolve().parent / "data"


def _missing(reason: str, env: str) -> None:
    if os.environ.get(env):
        pytest.fail(f"{reason} (required because {env} is set)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def pg_url() -> str:
    """URL of a real PostgreSQL server (scripts/test.sh starts a throwaway one)."""
    url = os.environ.get("WARLEDGER_TEST_PG_URL")
    if not url:
        _missing(
            "no PostgreSQL server: set WARLEDGER_TEST_PG_URL or run scripts/test.sh",
            "WARLEDGER_REQUIRE_PG",
        )
    return url  # type: ignore[return-value]


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Debian's headless Chromium, for the end-to-end browser tests."""
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        _missing("Debian chromium is not installed", "WARLEDGER_REQUIRE_BROWSER")
    return path  # type: ignore[return-value]


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The read-only ../shared folder (corpus, gold, gazetteer), present in CI."""
    if not SHARED.is_dir():
        _missing("../shared is not beside the checkout", "WARLEDGER_REQUIRE_SHARED")
    return SHARED


@pytest.fixture(scope="session")
def test_data() -> Path:
    return TEST_DATA


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty ledger database: a SQLite file, then a new PostgreSQL database.

    Tests taking this fixture run once per backend, so the same behaviour is checked on both.
    """
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'ledger.db'}"
        return
    server = request.getfixturevalue("pg_url")
    name = f"wl_{uuid.uuid4().hex[:16]}"
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield sa.make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()
