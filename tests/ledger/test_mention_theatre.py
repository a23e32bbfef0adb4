"""Mentions carry their theatre (migration 0009), so the mention listing can default to
one war; a ledger stored before the column existed gets it filled on upgrade."""

from __future__ import annotations

import json

import sqlalchemy as sa

from warledger.ledger.store import Store


def _legacy_mention(conn: sa.Connection, doc_id: str, data: dict) -> None:
    conn.execute(
        sa.text(
            "INSERT INTO documents (doc_id, content_hash, text, first_seen_at) "
            "VALUES (:d, :h, :t, CURRENT_TIMESTAMP)"
        ),
        {"d": doc_id, "h": doc_id * 4, "t": data["evidence"][0]["text"]},
    )
    conn.execute(
        sa.text(
            "INSERT INTO mentions (mention_id, doc_id, idx, kind, negated, data) "
            "VALUES (:m, :d, 0, :k, :n, :data)"
        ),
        {"m": f"{doc_id}:0", "d": doc_id, "k": data["kind"], "n": False, "data": json.dumps(data)},
    )


def _event(kind: str, text: str, country: str) -> dict:
    place = {"name": "X", "admin1": None, "country": country, "lat": None, "lon": None}
    evidence = {"start": 0, "end": len(text), "text": text}
    return {"kind": kind, "locations": [place], "evidence": [evidence]}


def test_the_migration_fills_the_theatre_of_mentions_already_stored(store_url: str) -> None:
    from alembic import command

    from warledger.ledger.store import alembic_config

    kharkiv = _event("strike", "Russian drones struck Kharkiv overnight.", "UA")
    sudan = {**_event("strike", "Drones struck a market in El Fasher.", "SD"), "theatre": None}
    older = _event("strike", "Shelling hit a village near Kupiansk.", "UA")  # no theatre key
    with Store.open(store_url) as store:
        config = alembic_config()
        with store.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0008_event_day_counts")
        with store.engine.begin() as conn:
            _legacy_mention(conn, "d-kharkiv", {**kharkiv, "theatre": "russia-ukraine"})
            _legacy_mention(conn, "d-sudan", sudan)
            _legacy_mention(conn, "d-older", older)
    with Store.open(store_url) as store:  # opening migrates to the newest revision
        ours = {m.doc_id for m in store.mentions(theatre="russia-ukraine")}
        every = {m.doc_id for m in store.mentions(theatre="all")}
        assert ours == {"d-kharkiv", "d-older"}  # the older one by its place in Ukraine
        assert every == {"d-kharkiv", "d-sudan", "d-older"}
        assert store.count_mentions(theatre="russia-ukraine") == 2
        assert store.count_mentions() == 3
