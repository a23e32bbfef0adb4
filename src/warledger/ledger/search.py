"""Free-text and place search over the events, through an index on both backends.

What a search promises (the API's ``q`` and ``place``, the dashboard's search boxes):

- ``place``: part of the event's place name or oblast name, in any case ("odes" finds
  Odesa);
- ``q``: part of the event's words, in any case: its one-line summary and every text
  value of the stored event (kind, sides, actors, places, dates, weapons, status,
  sources, URLs, the evidence sentences), not its JSON keys, numbers or internal ids.
  ``events.search_text`` holds those words, lower-cased, one value a line; it is written
  with the event (``event_words``) and filled for older events by migration 0014.

A substring search cannot walk a B-tree, and scanning 100,000 events' JSON took about a
second. SQLite answers from ``events_search``, an FTS5 table with the trigram tokenizer
(external content: the ``events`` rows themselves, kept in step by triggers); a phrase of
three or more characters matches exactly the rows containing that substring.
PostgreSQL answers from trigram GIN indexes (``pg_trgm``) on the same text. Searches
shorter than three characters have no trigram to look up and scan instead, with the same
result on both.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnElement

from warledger.ledger.consolidated_schema import events
from warledger.ledger.summary import summarise

# Values under these keys are hashes, not words anyone types.
SKIPPED_KEYS = frozenset({"mention_id", "mention_ids", "doc_id", "event_id", "pcode"})
FTS_TABLE = "events_search"
TRIGRAM = 3  # the shortest search an index can answer


def event_words(data: Mapping[str, Any]) -> str:
    """An event's searchable text: its summary and its text values, lower-cased, each
    value once, one a line."""
    seen: dict[str, None] = {summarise(data).lower(): None}

    def walk(value: Any, key: str | None) -> None:
        if isinstance(value, str):
            if key not in SKIPPED_KEYS and value:
                seen.setdefault(value.lower(), None)
        elif isinstance(value, Mapping):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list | tuple):
            for v in value:
                walk(v, key)

    walk(data, None)
    return "\n".join(seen)


def like_pattern(text: str) -> str:
    """``%text%`` (lower-cased) with LIKE's wildcards escaped by a backslash."""
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class EventSearch(ColumnElement[bool]):
    """A condition on the ``events`` table: ``what`` ("text" or "place") contains
    ``text``. Compiled per backend (below), so the query builders need not know it."""

    inherit_cache = False
    type = sa.Boolean()
    _is_implicitly_boolean = True  # a condition already: no "= 1" on SQLite

    def __init__(self, what: str, text: str) -> None:
        self.what = what
        self.text = text


def text_search(text: str) -> EventSearch:
    return EventSearch("text", text)


def place_search(text: str) -> EventSearch:
    return EventSearch("place", text)


def _scan(element: EventSearch, compiler: Any, **kw: Any) -> str:
    """The same condition without an index: a LIKE over every row."""
    pattern = sa.literal(like_pattern(element.text))
    if element.what == "text":
        cond: Any = events.c.search_text.like(pattern, escape="\\")
    else:
        cond = sa.or_(
            sa.func.lower(events.c.place_name).like(pattern, escape="\\"),
            sa.func.lower(events.c.admin1).like(pattern, escape="\\"),
        )
    return f"({compiler.process(cond, **kw)})"


@compiles(EventSearch)
def _compile_default(element: EventSearch, compiler: Any, **kw: Any) -> str:
    # PostgreSQL's trigram GIN indexes (migration 0014) answer these LIKEs.
    return _scan(element, compiler, **kw)


@compiles(EventSearch, "sqlite")
def _compile_sqlite(element: EventSearch, compiler: Any, **kw: Any) -> str:
    if len(element.text) < TRIGRAM:
        return _scan(element, compiler, **kw)
    phrase = '"' + element.text.lower().replace('"', '""') + '"'
    columns = "search_text" if element.what == "text" else "{place_name admin1}"
    match = sa.literal(f"{columns} : {phrase}")
    inner = compiler.process(match, **kw)
    return f"(events.rowid IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH {inner}))"


class Unindexed(ColumnElement[Any]):
    """A column the SQLite planner must not pick an index for (``+column``): beside a
    search, the search index is the selective one. Plain elsewhere (PostgreSQL's
    planner has statistics and chooses well)."""

    inherit_cache = False

    def __init__(self, column: ColumnElement[Any]) -> None:
        self.column = column
        self.type = column.type


def unindexed(column: ColumnElement[Any]) -> Unindexed:
    return Unindexed(column)


@compiles(Unindexed)
def _compile_column(element: Unindexed, compiler: Any, **kw: Any) -> str:
    return compiler.process(element.column, **kw)


@compiles(Unindexed, "sqlite")
def _compile_column_sqlite(element: Unindexed, compiler: Any, **kw: Any) -> str:
    return "+" + compiler.process(element.column, **kw)
