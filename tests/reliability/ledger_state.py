"""Generated articles and a ledger's observable state, to compare runs with each other."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from warledger.ledger.consolidated_schema import event_mentions
from warledger.ledger.schema import document_copies, documents, mentions, runs

PLACES = ["Kharkiv", "Odesa", "Dnipro", "Sumy", "Kherson", "Lviv", "Poltava", "Mykolaiv"]
WORDS = [
    "officials",
    "said",
    "regional",
    "governor",
    "drones",
    "missiles",
    "overnight",
    "energy",
    "facility",
    "damaged",
    "residents",
    "shelter",
    "sirens",
    "power",
    "outage",
    "repair",
    "crews",
    "hospital",
    "bridge",
    "railway",
    "depot",
    "warehouse",
    "district",
    "village",
    "city",
    "reported",
    "injured",
    "emergency",
    "services",
    "statement",
    "morning",
    "evening",
    "air",
    "defence",
    "intercepted",
    "launched",
    "attack",
    "military",
    "administration",
    "apartment",
    "school",
    "market",
    "port",
    "grain",
    "terminal",
    "substation",
    "water",
    "supply",
    "heating",
]


def article(seed: int) -> str:
    """A distinct synthetic report holding one 'struck <Place> on <date>' phrase."""
    rng = random.Random(seed)
    words = " ".join(rng.choice(WORDS) for _ in range(90))
    place = PLACES[seed % len(PLACES)]
    day = 1 + seed % 20
    return (
        f"Report {seed}. {words.capitalize()}. Russian drones struck {place} on "
        f"2025-06-{day:02d}, the statement said. {' '.join(rng.sample(WORDS, 12))}.\n"
    )


def write_articles(folder: Path, seeds: range | list[int]) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for seed in seeds:
        path = folder / f"report-{seed:04d}.txt"
        path.write_text(article(seed), encoding="utf-8")
        paths.append(str(path))
    return paths


def state(url: str) -> dict[str, Any]:
    """What a reader of the ledger sees: documents, copies, mentions and event groups."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            docs = sorted(conn.execute(sa.select(documents.c.doc_id)).scalars())
            copies = sorted(
                (r.doc_id, r.origin)
                for r in conn.execute(sa.select(document_copies.c.doc_id, document_copies.c.origin))
            )
            mention_ids = sorted(conn.execute(sa.select(mentions.c.mention_id)).scalars())
            groups: dict[str, set[str]] = {}
            for r in conn.execute(
                sa.select(event_mentions.c.event_id, event_mentions.c.mention_id)
            ):
                groups.setdefault(r.event_id, set()).add(r.mention_id)
            statuses = sorted(conn.execute(sa.select(runs.c.status)).scalars())
    finally:
        engine.dispose()
    return {
        "documents": docs,
        "copies": copies,
        "mentions": mention_ids,
        "events": sorted(sorted(g) for g in groups.values()),
        "run_statuses": statuses,
    }


def problems(url: str) -> list[str]:
    """Broken invariants: documents without a copy, duplicate copies, mentions outside
    an event or in two, events pointing at missing mentions."""
    s = state(url)
    found = []
    with_copy = {doc for doc, _ in s["copies"]}
    found += [f"document {d} has no copy" for d in s["documents"] if d not in with_copy]
    if len(set(s["copies"])) != len(s["copies"]):
        found.append("a copy is stored twice")
    placed = [m for group in s["events"] for m in group]
    if len(placed) != len(set(placed)):
        found.append("a mention is in two events")
    found += [f"event member {m} is not a mention" for m in set(placed) - set(s["mentions"])]
    found += [f"mention {m} is in no event" for m in set(s["mentions"]) - set(placed)]
    return found
