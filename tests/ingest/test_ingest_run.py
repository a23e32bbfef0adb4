"""Ingesting into a real SQLite ledger: identity, syndication, bad inputs, interruption."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warledger.errors import InputError
from warledger.ingest import run as run_module
from warledger.ingest.run import ingest
from warledger.ledger.store import Store

WIRE = (
    "Russian forces launched dozens of drones and several missiles at energy facilities in "
    "three regions overnight, the national grid operator said on Tuesday. Air defence units "
    "shot down most of the drones, but a thermal power plant was damaged and emergency power "
    "cuts were introduced in the capital and surrounding districts. Repair crews worked through "
    "the night to restore supplies to hospitals and water pumping stations, the operator added."
)


def write_jsonl(path: Path, records: list[dict]) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


def test_new_documents_are_stored(store: Store, ingest_data: Path) -> None:
    summary = ingest([str(ingest_data / "voa_two.jsonl")], store, progress=False)
    assert (summary.read, summary.new, summary.failed) == (2, 2, 0)
    assert summary.ok
    assert len(store.documents()) == 2


def test_reingesting_the_same_input_changes_nothing(store: Store, ingest_data: Path) -> None:
    source = str(ingest_data / "voa_two.jsonl")
    ingest([source], store, progress=False)
    before = [(d.doc_id, len(store.copies(d.doc_id))) for d in store.documents()]
    again = ingest([source], store, progress=False)
    assert (again.new, again.duplicate) == (0, 2)
    assert [(d.doc_id, len(store.copies(d.doc_id))) for d in store.documents()] == before


def test_wire_story_from_several_outlets_is_one_text_with_every_source(
    store: Store, tmp_path: Path
) -> None:
    records = [
        {"text": WIRE, "url": "https://one.example/a", "source": "One"},
        {"text": WIRE, "url": "https://two.example/b", "source": "Two"},
        {
            "text": "By Desk Editor\n" + WIRE + "\nThe operator later revised its figures.",
            "url": "https://three.example/c",
            "source": "Three",
        },
    ]
    summary = ingest([write_jsonl(tmp_path / "w.jsonl", records)], store, progress=False)
    assert (summary.new, summary.duplicate, summary.near_duplicate) == (1, 1, 1)
    (doc,) = store.documents()
    assert sorted(c["source"] for c in store.copies(doc.doc_id)) == ["One", "Three", "Two"]


def test_non_english_document_is_stored_with_its_language(store: Store, tmp_path: Path) -> None:
    text = (
        "Российские войска ночью атаковали энергетические объекты в трёх областях, "
        "сообщил оператор энергосистемы во вторник."
    )
    path = tmp_path / "ru.txt"
    path.write_text(text, encoding="utf-8")
    summary = ingest([str(path)], store, progress=False)
    assert (summary.new, summary.non_english) == (1, 1)
    assert store.documents()[0].language == "ru"


def test_bad_inputs_are_skipped_reported_and_counted(store: Store, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(WIRE, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    batch = tmp_path / "batch.jsonl"
    batch.write_text('{"text": "A short story of its own."}\n{broken\n', encoding="utf-8")
    seen: list[InputError] = []
    summary = ingest(
        [str(empty), str(batch), str(tmp_path / "nope.txt"), str(good)],
        store,
        progress=False,
        on_error=seen.append,
    )
    assert (summary.read, summary.new, summary.failed) == (2, 2, 3)
    assert not summary.ok
    assert [e.origin for e in seen] == [str(empty), f"{batch}:2", str(tmp_path / "nope.txt")]
    assert [s.origin for s in summary.skipped] == [e.origin for e in seen]


def test_run_is_recorded_with_its_counts(store: Store, ingest_data: Path) -> None:
    ingest([str(ingest_data / "voa_two.jsonl")], store, progress=False)
    (run,) = store.runs(kind="ingest")
    assert run["counts"]["new"] == 2 and run["status"] == "ok"
    assert run["per_source"]["voanews.com"]["new"] == 2


def test_interrupt_keeps_every_earlier_document(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    topics = ["a bridge reopened", "grain exports resumed", "talks were postponed", "a dam burst"]
    paths = []
    for n, topic in enumerate(topics):
        path = tmp_path / f"{n}.txt"
        path.write_text(f"Story number {n}: officials said {topic}.", encoding="utf-8")
        paths.append(str(path))
    real_prepare = run_module.prepare
    calls = {"n": 0}

    def prepare_then_ctrl_c(raw):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return real_prepare(raw)

    monkeypatch.setattr(run_module, "prepare", prepare_then_ctrl_c)
    with pytest.raises(KeyboardInterrupt):
        ingest(paths, store, progress=False)
    texts = sorted(d.text[:15] for d in store.documents())
    assert texts == ["Story number 0:", "Story number 1:"]
    assert store.runs(kind="ingest")[0]["status"] == "interrupted"


def test_crash_inside_the_store_write_leaves_no_half_written_document(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from warledger.ledger import store as store_module

    first = tmp_path / "first.txt"
    first.write_text("First. " + WIRE, encoding="utf-8")
    second = tmp_path / "second.txt"
    second.write_text("Second story about something else entirely, written for this test.")
    ingest([str(first)], store, progress=False)

    def crash(*args, **kwargs):
        raise RuntimeError("power cut between the document row and its copy row")

    monkeypatch.setattr(store_module, "_add_copy", crash)
    with pytest.raises(RuntimeError):
        ingest([str(second)], store, progress=False)
    assert [d.text[:6] for d in store.documents()] == ["First."]
