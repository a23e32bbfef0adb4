"""Where things live by default, and how to override them.

Order of precedence: command-line flag, then environment variable, then default.
"""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_DB_FILE = "warledger.db"
DB_ENV = "WARLEDGER_DB"
TOKEN_ENV = "WARLEDGER_TOKEN"

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"
THEATRE_DIR = PACKAGE_DIR / "theatres" / "ukraine"
DEMO_CORPUS = DATA_DIR / "demo" / "voa_stories.jsonl"


def db_url(explicit: str | None = None) -> str:
    """The ledger's SQLAlchemy URL: ``--db``, else ``$WARLEDGER_DB``, else ./warledger.db.

    A bare path is accepted and turned into a SQLite URL.
    """
    value = explicit or os.environ.get(DB_ENV) or DEFAULT_DB_FILE
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"
