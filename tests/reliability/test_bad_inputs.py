"""Inputs that used to stop a whole batch are each named and skipped (or stored safely),
and every other document of the batch is stored — on SQLite and PostgreSQL."""

from __future__ import annotations

import codecs
import json
import os
from pathlib import Path

import pytest
from ledger_state import article

from warledger.ingest.decode import decode_bytes
from warledger.ingest.run import ingest
from warledger.ledger.store import Store


def _ingest(url: str, folder: Path):
    with Store.open(url) as store:
        summary = ingest([str(folder)], store, progress=False)
        return summary, store.documents()


def test_a_file_name_that_is_not_utf8_is_stored_under_a_readable_name(
    store_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(article(1), encoding="utf-8")
    odd = os.path.join(os.fsencode(folder), b"caf\xff.txt")
    with open(odd, "wb") as f:
        f.write(article(2).encode())
    summary, docs = _ingest(store_url, folder)
    assert (summary.new, summary.failed) == (2, 0)
    with Store.open(store_url) as store:
        origins = {c["origin"] for d in docs for c in store.copies(d.doc_id)}
    assert str(folder / "caf\\xff.txt") in origins


def test_jsonl_lines_with_a_lone_surrogate_nul_or_deep_nesting(
    store_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    lines = [
        json.dumps({"text": article(1)}),
        '{"text": "' + article(2).strip() + ' \\ud800 end."}',  # a lone surrogate
        json.dumps({"text": article(3).strip() + " \u0000 end.", "title": "T\u0000"}),
        "[" * 100_000 + "]" * 100_000,  # nested 100,000 levels
        json.dumps({"text": article(4)}),
    ]
    (folder / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary, docs = _ingest(store_url, folder)
    assert summary.new == 4  # lines 1, 2, 3 and 5
    assert [s.origin for s in summary.skipped] == [f"{folder / 'batch.jsonl'}:4"]
    assert "nested too deeply" in summary.skipped[0].reason
    texts = {d.text for d in docs}
    assert any("\ufffd end." in t for t in texts)  # the surrogate became U+FFFD
    assert not any("\x00" in t for t in texts)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_broken_link_and_a_fifo_in_a_folder_are_named(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(article(1), encoding="utf-8")
    (folder / "gone.txt").symlink_to(folder / "missing.txt")
    os.mkfifo(folder / "pipe.txt")
    summary, _ = _ingest(f"sqlite:///{tmp_path / 'l.db'}", folder)
    assert summary.new == 1
    reasons = {Path(s.origin).name: s.reason for s in summary.skipped}
    assert reasons == {"gone.txt": "broken symbolic link", "pipe.txt": "not a regular file"}


def test_a_koi8_r_file_is_decoded_as_russian() -> None:
    text = "Российские войска атаковали энергетическую инфраструктуру Харькова ночью."
    data = codecs.encode(text * 3, "koi8_r")
    assert decode_bytes(data) == text * 3
