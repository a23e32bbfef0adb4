"""Where things live by default, and how to override them.

Order of precedence: command-line flag, then environment variable, then default.
"""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_DB_FILE = "warledger.db"
DB_ENV = "WARLEDGER_DB"
TOKEN_ENV = "WARLEDGER_TOKEN"
MAX_BODY_ENV = "WARLEDGER_MAX_BODY"
DEFAULT_MAX_BODY = 4 * 1024 * 1024  # bytes of one API request; an article is far less

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"
THEATRE_DIR = PACKAGE_DIR / "theatres" / "ukraine"
DEMO_DIR = DATA_DIR / "demo"
# The demo is about this war: Wikipedia's 2025 current-events days (CC BY-SA 4.0) and
# the six VOA war stories (public domain). See data/demo/README.md.
DEMO_CORPUS = (
    DEMO_DIR / "wikipedia_current_events_2025.jsonl",
    DEMO_DIR / "voa_ukraine_war.jsonl",
)
# The speed benchmark's corpus: 89 VOA stories of all kinds of news (public domain).
BENCH_CORPUS = DATA_DIR / "bench" / "voa_stories.jsonl"


def db_url(explicit: str | None = None) -> str:
    """The ledger's SQLAlchemy URL: ``--db``, else ``$WARLEDGER_DB``, else ./warledger.db.

    A bare path is accepted and turned into a SQLite URL.
    """
    value = explicit or os.environ.get(DB_ENV) or DEFAULT_DB_FILE
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def max_body_bytes(explicit: int | None = None) -> int:
    """The API's request-body cap: the argument, else ``$WARLEDGER_MAX_BODY``, else 4 MB."""
    if explicit:
        return explicit
    value = os.environ.get(MAX_BODY_ENV, "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else DEFAULT_MAX_BODY
