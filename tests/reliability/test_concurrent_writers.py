"""Two writers on one ledger at once wait for each other and together store the union.

SQLite used to refuse the second writer at once ("database is locked": a transaction
that read first could not upgrade to a write); PostgreSQL's two extract runs collided on
a duplicate key in consolidation. Each test runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

from pathlib import Path

from children import finish, start
from ledger_state import problems, state, write_articles

from warledger.ledger.store import Store


def _reference(tmp_path: Path, paths: list[str]) -> dict:
    url = f"sqlite:///{tmp_path / 'reference.db'}"
    code, err = finish(start("pipeline", url, *paths))
    assert code == 0, err
    return state(url)


def test_two_ingests_at_once_store_exactly_the_union(store_url: str, tmp_path: Path) -> None:
    first = write_articles(tmp_path / "a", range(0, 30))
    second = write_articles(tmp_path / "b", range(20, 50))  # 10 articles in both
    Store.open(store_url).close()  # created once, as a team's ledger would be
    runs = [start("ingest", store_url, *first), start("ingest", store_url, *second)]
    results = [finish(p) for p in runs]
    assert [code for code, _ in results] == [0, 0], results
    got = state(store_url)
    assert len(got["documents"]) == 50  # 30 + 30 - 10 shared texts
    assert len(got["copies"]) == 60  # each input file is one copy
    assert got["run_statuses"] == ["ok", "ok"]
    assert problems(store_url) == []


def test_two_extracts_at_once_give_the_same_ledger_as_one(store_url: str, tmp_path: Path) -> None:
    paths = write_articles(tmp_path / "in", range(0, 40))
    code, err = finish(start("ingest", store_url, *paths))
    assert code == 0, err
    runs = [start("extract", store_url), start("extract", store_url)]
    results = [finish(p) for p in runs]
    assert [code for code, _ in results] == [0, 0], results
    got, expected = state(store_url), _reference(tmp_path, paths)
    assert len(got["mentions"]) == 40  # one 'struck <place> on <date>' per article
    assert got["mentions"] == expected["mentions"]
    assert got["events"] == expected["events"]
    assert problems(store_url) == []


def test_an_ingest_and_an_extract_at_once(store_url: str, tmp_path: Path) -> None:
    early = write_articles(tmp_path / "early", range(0, 20))
    late = write_articles(tmp_path / "late", range(20, 45))
    assert finish(start("ingest", store_url, *early))[0] == 0
    runs = [start("ingest", store_url, *late), start("extract", store_url)]
    assert [finish(p)[0] for p in runs] == [0, 0]
    assert finish(start("extract", store_url))[0] == 0  # picks up what arrived meanwhile
    got = state(store_url)
    assert len(got["documents"]) == 45
    assert got == {**_reference(tmp_path, early + late), "run_statuses": got["run_statuses"]}
    assert problems(store_url) == []
