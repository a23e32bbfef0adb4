"""Updated articles become new versions; runs are written when they start and closed
with their true status; a killed run is found and marked on the next start."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from pathlib import Path

from ledger_state import article
from worker import VERSION, StruckReader

from warledger.ingest.run import ingest
from warledger.ledger.consolidated_store import load_events, run_consolidation
from warledger.ledger.store import Store
from warledger.workflow import extract_pending

URL = "https://news.example/live/strikes"
FIRST = article(3)  # ... struck Sumy on 2025-06-04 ...
UPDATE = FIRST + "Later, Russian missiles struck Odesa on 2025-06-05, killing 57 people.\n"


def _jsonl(path: Path, records: list[dict]) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


def _pipeline(store: Store, source: str):
    summary = ingest([source], store, progress=False)
    extract_pending(store, extractor=StruckReader(), version=VERSION)
    run_consolidation(store)
    return summary


def test_an_updated_article_is_a_new_version_whose_new_facts_are_extracted(
    store_url: str, tmp_path: Path
) -> None:
    with Store.open(store_url) as store:
        _pipeline(store, _jsonl(tmp_path / "a.jsonl", [{"text": FIRST, "url": URL}]))
        (old,) = store.documents()
        second = _pipeline(store, _jsonl(tmp_path / "b.jsonl", [{"text": UPDATE, "url": URL}]))
        assert (second.updated, second.near_duplicate, second.new) == (1, 0, 0)
        old_id, new_id = store.versions(old.doc_id)
        assert old_id == old.doc_id
        places = sorted(c.doc_id for e in load_events(store) for c in e.claims)
        assert places == [new_id, new_id]  # Sumy and Odesa, both from the newer text
        assert {e.locations[0].name for e in load_events(store)} == {"Sumy", "Odesa"}
        assert len(store.mentions(doc_id=old_id)) == 1  # the older reading kept as history
        again = ingest([str(tmp_path / "b.jsonl")], store, progress=False)
        assert (again.duplicate, again.updated) == (1, 0)


def test_a_different_article_at_the_same_url_is_a_new_document(
    store_url: str, tmp_path: Path
) -> None:
    with Store.open(store_url) as store:
        _pipeline(store, _jsonl(tmp_path / "a.jsonl", [{"text": FIRST, "url": URL}]))
        other = _pipeline(store, _jsonl(tmp_path / "b.jsonl", [{"text": article(4), "url": URL}]))
        assert (other.new, other.updated) == (1, 0)
        assert len(store.documents()) == 2
        assert len(load_events(store)) == 2  # both articles' strikes stay current


class _Interrupting(StruckReader):
    def extract_many(self, docs):
        raise KeyboardInterrupt
        yield


class _Broken(StruckReader):
    def extract_many(self, docs):
        raise RuntimeError("model file missing")
        yield


def test_each_run_ends_with_its_true_status(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(article(1))
    with Store.open(f"sqlite:///{tmp_path / 'l.db'}") as store:
        ingest([str(folder)], store, progress=False)
        with contextlib.suppress(KeyboardInterrupt):
            extract_pending(store, extractor=_Interrupting(), version=VERSION)
        extract_pending(store, extractor=_Broken(), version=VERSION)  # the document fails
        assert [r["status"] for r in store.runs(kind="extract")] == ["partial", "interrupted"]
        assert all(r["finished_at"] is not None for r in store.runs())


def test_a_killed_run_is_marked_interrupted_on_the_next_start(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'l.db'}"
    code = (
        "import os, sys; from warledger.ledger.store import Store\n"
        "store = Store.open(sys.argv[1]); store.start_run('ingest'); os._exit(9)\n"
    )
    subprocess.run([sys.executable, "-c", code, url], check=False, env=os.environ.copy())
    with Store.open(url) as store:
        assert [r["status"] for r in store.runs()] == ["running"]  # as the kill left it
        ingest([], store, progress=False)
        assert [r["status"] for r in store.runs()] == ["ok", "interrupted"]
