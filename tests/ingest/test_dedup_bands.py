"""Near-duplicate detection through LSH bands stored in the ledger makes the decisions
the in-memory index makes.

The texts are seeded synthetic articles and edited copies of them: a few words changed
(from none to enough to fall under the 0.8 similarity threshold), a byline or footer
added. Each text is checked in turn by both indexes, then added when it is new.
"""

from __future__ import annotations

import random

import sqlalchemy as sa

from warledger.ingest.dedup import (
    NearDuplicateIndex,
    StoredNearDuplicates,
    band_keys,
    serialize,
    signature,
)
from warledger.ingest.prepare import prepare
from warledger.ingest.run import ingest
from warledger.ledger.store import Store
from warledger.types import RawDocument

WORDS = [f"w{i}" for i in range(3000)]


def _texts(seed: int, originals: int = 40, copies: int = 120) -> list[str]:
    rng = random.Random(seed)
    bases = [" ".join(rng.choice(WORDS) for _ in range(200)) for _ in range(originals)]
    texts = list(bases)
    for _ in range(copies):
        words = rng.choice(bases).split()
        for _ in range(rng.randrange(0, 9)):  # 0-8 words edited: similarity ~1.0 to ~0.65
            words[rng.randrange(len(words))] = rng.choice(WORDS)
        if rng.random() < 0.3:
            words = ["By", "a", "staff", "writer", *words]
        texts.append(" ".join(words))
    rng.shuffle(texts)
    return texts


def test_stored_bands_decide_as_the_in_memory_index(store_url: str) -> None:
    texts = _texts(7)
    memory = NearDuplicateIndex()
    decisions_memory, decisions_stored = [], []
    with Store.open(store_url) as store:
        stored = StoredNearDuplicates(store.band_candidates)
        for text in texts:
            doc = prepare(RawDocument(text=text, origin="synthetic.txt"))
            sig = signature(doc.text)
            near_memory = memory.best_match(sig, exclude=doc.doc_id)
            near_stored = stored.best_match(sig, exclude=doc.doc_id)
            decisions_memory.append(near_memory)
            decisions_stored.append(near_stored)
            result = store.add_document(doc, near_duplicate_of=near_stored, bands=band_keys(sig))
            if result.status == "new":
                memory.add(result.doc_id, sig)
    assert decisions_stored == decisions_memory
    found = sum(1 for d in decisions_memory if d is not None)
    assert 30 <= found <= 110  # many copies caught, the heavily edited ones not


def test_ingest_finds_a_copy_stored_in_an_earlier_run(tmp_path) -> None:
    """Bands are persisted: a copy ingested in a later run (a new process would build
    nothing in memory) is still found, and a different article is not."""
    article = " ".join(f"w{i}" for i in range(300))
    copy = "By a staff writer. " + article + " Reporting by the desk."
    other = " ".join(f"w{i}" for i in range(300, 600))
    for name, text in (("a.txt", article), ("b.txt", copy), ("c.txt", other)):
        (tmp_path / name).write_text(text)
    with Store.open(f"sqlite:///{tmp_path / 'l.db'}") as store:
        first = ingest([str(tmp_path / "a.txt")], store, progress=False)
        second = ingest([str(tmp_path / "b.txt"), str(tmp_path / "c.txt")], store, progress=False)
        assert first.counts()["new"] == 1
        assert second.counts()["near_duplicate"] == 1 and second.counts()["new"] == 1
        original = prepare(RawDocument(text=article, origin="a.txt"))
        assert store.band_candidates(band_keys(signature(copy))) == [
            (original.doc_id, serialize(signature(original.text)))
        ]


def test_the_migration_computes_the_bands_of_documents_already_stored(store_url: str) -> None:
    """A ledger created before bands existed: its documents' bands are computed from
    their stored signatures on upgrade, so their copies are still found."""
    from alembic import command

    from warledger.ledger.store import alembic_config

    article = " ".join(f"w{i}" for i in range(300))
    with Store.open(store_url) as store:
        config = alembic_config()
        with store.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0006_incremental_consolidation")
        doc = prepare(RawDocument(text=article, origin="a.txt"))
        with store.engine.begin() as conn:
            conn.execute(
                sa.text(
                    "INSERT INTO documents (doc_id, content_hash, text, minhash, first_seen_at) "
                    "VALUES (:d, :h, :t, :m, CURRENT_TIMESTAMP)"
                ),
                {"d": doc.doc_id, "h": doc.content_hash, "t": doc.text, "m": doc.minhash},
            )
    with Store.open(store_url) as store:  # opening migrates to the newest revision
        copy = "By a staff writer. " + article
        stored = StoredNearDuplicates(store.band_candidates)
        assert stored.best_match(signature(copy)) == doc.doc_id
